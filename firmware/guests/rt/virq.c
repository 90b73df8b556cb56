/*
 * virq.c - vIRQ handler registration and HC_WAIT helpers (virq.h).
 */
#include "virq.h"
#include "hv.h"

_Static_assert(HC_VIRQ_RETURN == 5, "crt0.S rt_virq_entry hard-codes HC_VIRQ_RETURN");

extern void rt_virq_entry(void);   /* crt0.S */

static volatile virq_fn virq_handler_fn;

int32_t virq_set_handler(virq_fn fn)
{
    virq_handler_fn = fn;
    return hc_virq_handler(fn ? (uint32_t)(uintptr_t)rt_virq_entry : 0u);
}

void virq_dispatch(uint32_t bits)
{
    virq_fn fn = virq_handler_fn;
    if (fn)
        fn(bits);
}

int32_t virq_enable(uint32_t mask) { return hc_virq_enable(mask); }

int32_t virq_wait(uint32_t mask) { return hc_wait(mask); }

int32_t virq_wait_dev(unsigned dev)
{
    int32_t rc = hc_wait(VIRQ_DEV_BIT(dev));
    if (rc < 0)
        return rc;
    return hc_dev_status(dev);
}

int32_t virq_timer(uint32_t period_us) { return hc_timer(period_us); }

uint32_t virq_ipc_recv(void)
{
    uint32_t word;
    while (hc_ipc_recv(&word) != 0)
        hc_wait(VIRQ_BIT(HV_VIRQ_IPC));
    return word;
}
