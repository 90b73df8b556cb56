/*
 * rt_hello - smallest guest: checks the guest runtime against the kernel.
 * Prints the entry arguments and every console format, takes 3 timer vIRQs
 * by upcall and 2 by HC_WAIT, sends itself one IPC word, reads its device
 * states, and exits 0 when every step gave what hv_abi.h promises
 * (else the number of the first failed step).
 */
#include "console.h"
#include "hv.h"
#include "rt.h"
#include "virq.h"

static volatile uint32_t upcalls;
static volatile uint32_t upcall_bits;

static void on_virq(uint32_t bits)
{
    upcall_bits |= bits;
    upcalls++;
}

int main(unsigned vm_id, unsigned slot, unsigned ndev)
{
    rt_printf("rt_hello: vm %u slot %u devices %u\n", vm_id, slot, ndev);
    rt_printf("rt_hello: RAM at physical 0x%08x\n", rt_phys_base());
    rt_printf("rt_hello: fmt %d %i %u %x %X %c %s %5d|%03u %%\n",
              -42, 7, 4000000000u, 0xbeefu, 0xCAFEu, 'z', "str", -17, 9u);

    uint64_t t0 = hc_time();
    uint64_t t1 = hc_time();
    if (t1 < t0)
        return 1;

    /* upcalls: 3 timer vIRQs at 100 us */
    if (virq_set_handler(on_virq) < 0)
        return 2;
    if (virq_enable(VIRQ_BIT(HV_VIRQ_TIMER)) < 0)
        return 3;
    if (virq_timer(100) < 0)
        return 4;
    while (upcalls < 3)
        hc_yield();
    if (!(upcall_bits & VIRQ_BIT(HV_VIRQ_TIMER)))
        return 5;
    /* blocking waits: upcalls off for the timer bit */
    virq_enable(0);
    for (int i = 0; i < 2; i++) {
        int32_t got = virq_wait(VIRQ_BIT(HV_VIRQ_TIMER));
        if (got < 0 || !(got & (int32_t)VIRQ_BIT(HV_VIRQ_TIMER)))
            return 6;
    }
    virq_timer(0);

    /* IPC round trip through the own mailbox */
    if (hc_ipc_send(vm_id, 0x1234abcdu) != 0)
        return 7;
    if (virq_ipc_recv() != 0x1234abcdu)
        return 8;
    uint32_t w;
    if (hc_ipc_recv(&w) != -HV_EAGAIN)
        return 9;

    for (unsigned d = 0; d < ndev; d++)
        rt_printf("rt_hello: dev %u state %d\n", d, hc_dev_status(d));
    if (hc_vdm_resume(0) != -HV_EPERM)
        return 10;

    uint64_t t2 = hc_time();
    rt_printf("rt_hello: %u upcalls, elapsed %u timer ticks, ok\n",
              upcalls, (uint32_t)(t2 - t0));
    return 0;
}
