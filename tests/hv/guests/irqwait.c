/* irqwait: waits for the vIRQ of its device 0 (a PRR interrupt routed to it
 * by the VDM), prints it, exits. */
#include "grt.h"

int main(uint32_t id)
{
    int32_t bits = grt_hc(HC_WAIT, 1u << HV_VIRQ_DEV(0), 0, 0);
    grt_printf("irq vm %u: vIRQ bits 0x%x\n", id, (uint32_t)bits);
    return bits == (1 << HV_VIRQ_DEV(0)) ? 0 : 1;
}
