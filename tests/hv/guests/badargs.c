/*
 * badargs: every hypercall with bad arguments returns the documented error
 * and changes nothing (hv_abi.h). Run as a VM with one device and no VDM.
 * Prints one line per failed check and a summary; exit status = failures.
 */
#include "grt.h"

static int checks, failed;
static volatile uint32_t upcalls;

static void check(const char *what, int32_t got, int32_t want)
{
    checks++;
    if (got != want) {
        failed++;
        grt_printf("FAIL %s: got %d, want %d\n", what, got, want);
    }
}

void handler(uint32_t bits)
{
    (void)bits;
    upcalls++;
    grt_hc(HC_VIRQ_RETURN, 0, 0, 0);
    for (;;)
        ;
}

int main(uint32_t id, uint32_t slot, uint32_t ndev)
{
    char msg[4] = "ok\n";
    uint32_t ram_top = HV_GUEST_VA_BASE + 0x100000u;   /* the scenario gives 1 MiB */
    (void)id; (void)slot;
    check("device count", (int32_t)ndev, 1);

    check("console len 257", grt_hc(HC_CONSOLE_WRITE, (uint32_t)(uintptr_t)msg, 257, 0), -HV_EINVAL);
    check("console outside", grt_hc(HC_CONSOLE_WRITE, HV_VDEV_VA_BASE, 4, 0), -HV_EFAULT);
    check("console kernel", grt_hc(HC_CONSOLE_WRITE, 0x00100000u, 4, 0), -HV_EFAULT);
    check("console straddles", grt_hc(HC_CONSOLE_WRITE, ram_top - 2, 4, 0), -HV_EFAULT);
    check("console wraps", grt_hc(HC_CONSOLE_WRITE, 0xFFFFFFF0u, 0x20, 0), -HV_EFAULT);
    check("console ok", grt_hc(HC_CONSOLE_WRITE, (uint32_t)(uintptr_t)msg, 3, 0), 3);

    check("wait 0", grt_hc(HC_WAIT, 0, 0, 0), -HV_EINVAL);

    check("handler ok", grt_hc(HC_VIRQ_HANDLER, (uint32_t)(uintptr_t)handler, 0, 0), 0);
    check("handler misaligned", grt_hc(HC_VIRQ_HANDLER, (uint32_t)(uintptr_t)handler + 2, 0, 0), -HV_EINVAL);
    check("handler outside", grt_hc(HC_VIRQ_HANDLER, 0x00100000u, 0, 0), -HV_EFAULT);
    check("virq return outside upcall", grt_hc(HC_VIRQ_RETURN, 0, 0, 0), -HV_EBUSY);

    check("timer 9 us", grt_hc(HC_TIMER, 9, 0, 0), -HV_EINVAL);
    check("timer 10 s + 1 us", grt_hc(HC_TIMER, 10000001u, 0, 0), -HV_EINVAL);
    check("enable timer upcalls", grt_hc(HC_VIRQ_ENABLE, 1u << HV_VIRQ_TIMER, 0, 0), 0);
    grt_spin(100000u);                                  /* ~1 ms: no timer may fire */
    check("no timer after bad HC_TIMER", (int32_t)upcalls, 0);

    check("ipc send unknown vm", grt_hc(HC_IPC_SEND, 77, 1, 0), -HV_EINVAL);
    check("ipc send vm 0", grt_hc(HC_IPC_SEND, 0, 1, 0), -HV_EINVAL);
    uint32_t w = 0x1234;
    check("ipc recv empty", grt_hc2(HC_IPC_RECV, 0, &w), -HV_EAGAIN);

    check("dev status 1", grt_hc(HC_DEV_STATUS, 1, 0, 0), -HV_EINVAL);
    check("dev status 0", grt_hc(HC_DEV_STATUS, 0, 0, 0), HV_DEV_UNCONNECTED);
    check("dev release 5", grt_hc(HC_DEV_RELEASE, 5, 0, 0), -HV_EINVAL);
    check("dev release not held", grt_hc(HC_DEV_RELEASE, 0, 0, 0), -HV_EBUSY);
    check("dev mode bad module", grt_hc(HC_DEV_MODE, 0, 200, 0), -HV_EINVAL);
    check("dev mode bad dev", grt_hc(HC_DEV_MODE, 3, 1, 0), -HV_EINVAL);
    check("dev mode no vdm", grt_hc(HC_DEV_MODE, 0, 1, 0), -HV_EBUSY);

    for (uint32_t nr = HC_VDM_RECV; nr <= HC_VDM_GRANT; nr++)
        check("vdm call from a vm", grt_hc(nr, 0, 0, 0), -HV_EPERM);
    check("unknown 14", grt_hc(14, 0, 0, 0), -HV_ENOSYS);
    check("unknown 31", grt_hc(31, 0, 0, 0), -HV_ENOSYS);
    check("unknown 39", grt_hc(39, 0, 0, 0), -HV_ENOSYS);
    check("unknown 0xFFFFFFFF", grt_hc(0xFFFFFFFFu, 0, 0, 0), -HV_ENOSYS);

    /* r1..r3 preserved by a call that returns only r0 */
    {
        register uint32_t r0 __asm__("r0") = HC_YIELD;
        register uint32_t r1 __asm__("r1") = 0x11111111u;
        register uint32_t r2 __asm__("r2") = 0x22222222u;
        register uint32_t r3 __asm__("r3") = 0x33333333u;
        __asm__ volatile("svc #0" : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3) : : "memory");
        uint32_t v0 = r0, kept = r1 == 0x11111111u && r2 == 0x22222222u && r3 == 0x33333333u;
        check("yield r0", (int32_t)v0, 0);
        check("yield keeps r1..r3", (int32_t)kept, 1);
    }

    /* nothing changed: the handler set first still runs, the mask is as set */
    check("timer 50 us", grt_hc(HC_TIMER, 50, 0, 0), 0);
    while (upcalls < 2)
        ;
    check("timer off", grt_hc(HC_TIMER, 0, 0, 0), 0);
    check("enable mask kept", grt_hc(HC_VIRQ_ENABLE, 0, 0, 0), 1 << HV_VIRQ_TIMER);

    grt_printf("bad-args: %d checks, %d failed\n", checks, failed);
    return failed;
}
