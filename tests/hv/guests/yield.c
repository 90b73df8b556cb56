/* yield: prints a line, then HC_YIELD, four times: two of these at the same
 * priority alternate line by line. */
#include "grt.h"

int main(uint32_t id)
{
    for (int i = 0; i < 4; i++) {
        grt_printf("vm %u turn %d\n", id, i);
        if (grt_hc(HC_YIELD, 0, 0, 0) != 0) return 1;
    }
    return 0;
}
