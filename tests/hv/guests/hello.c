/* hello: prints its VM id, slot and device count from r0..r2, exits 0. */
#include "grt.h"

int main(uint32_t id, uint32_t slot, uint32_t ndev)
{
    grt_printf("vm %u slot %u devices %u: hello\n", id, slot, ndev);
    return 0;
}
