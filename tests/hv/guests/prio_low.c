/* prio_low: CPU-bound steps that never yield (see prio_high). Short lines:
 * the console must not fill the UART FIFO (the kernel would then wait for
 * it with interrupts masked and the high VM's wake-ups would be late). */
#include "grt.h"

int main(uint32_t id)
{
    for (int i = 0; i < 10; i++) {
        grt_spin(200000u);
        grt_printf("low %u.%d\n", id, i);
    }
    return 0;
}
