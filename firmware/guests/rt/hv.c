/*
 * hv.c - hypercall wrappers (see hv.h). Every wrapper is one hv_call()
 * (firmware/include/hv_call.h): r0..r4 carry the call and its arguments,
 * r0 (and r1 for HC_TIME, HC_IPC_RECV, HC_VDM_RECV) the results.
 */
#include "hv.h"
#include "hv_call.h"

int32_t hc_raw(uint32_t call, uint32_t a1, uint32_t a2, uint32_t a3,
               uint32_t a4, uint32_t *r1_out)
{
    uint32_t out[3];
    int32_t r = hv_call(call, a1, a2, a3, a4, out);
    if (r1_out)
        *r1_out = out[0];
    return r;
}

static inline int32_t hc0(uint32_t call)
{
    return hc_raw(call, 0, 0, 0, 0, 0);
}

int32_t hc_yield(void) { return hc0(HC_YIELD); }

int32_t hc_console_write(const void *buf, uint32_t len)
{
    return hc_raw(HC_CONSOLE_WRITE, (uint32_t)(uintptr_t)buf, len, 0, 0, 0);
}

uint64_t hc_time(void)
{
    uint32_t hi = 0;
    uint32_t lo = (uint32_t)hc_raw(HC_TIME, 0, 0, 0, 0, &hi);
    return ((uint64_t)hi << 32) | lo;
}

int32_t hc_wait(uint32_t mask) { return hc_raw(HC_WAIT, mask, 0, 0, 0, 0); }

int32_t hc_virq_handler(uint32_t handler_va)
{
    return hc_raw(HC_VIRQ_HANDLER, handler_va, 0, 0, 0, 0);
}

int32_t hc_virq_return(void) { return hc0(HC_VIRQ_RETURN); }

int32_t hc_virq_enable(uint32_t mask)
{
    return hc_raw(HC_VIRQ_ENABLE, mask, 0, 0, 0, 0);
}

int32_t hc_timer(uint32_t period_us)
{
    return hc_raw(HC_TIMER, period_us, 0, 0, 0, 0);
}

void hc_exit(int32_t status)
{
    hc_raw(HC_EXIT, (uint32_t)status, 0, 0, 0, 0);
    for (;;)   /* HC_EXIT does not return; never fall out of a VM */
        hc0(HC_YIELD);
}

int32_t hc_ipc_send(uint32_t dst_vm_id, uint32_t word)
{
    return hc_raw(HC_IPC_SEND, dst_vm_id, word, 0, 0, 0);
}

int32_t hc_ipc_recv(uint32_t *word)
{
    uint32_t r1 = 0;
    int32_t rc = hc_raw(HC_IPC_RECV, 0, 0, 0, 0, &r1);
    if (rc == 0 && word)
        *word = r1;
    return rc;
}

int32_t hc_dev_status(uint32_t dev) { return hc_raw(HC_DEV_STATUS, dev, 0, 0, 0, 0); }

int32_t hc_dev_release(uint32_t dev) { return hc_raw(HC_DEV_RELEASE, dev, 0, 0, 0, 0); }

int32_t hc_dev_mode(uint32_t dev, uint32_t module_id)
{
    return hc_raw(HC_DEV_MODE, dev, module_id, 0, 0, 0);
}

int32_t hc_vdm_recv(uint32_t words[3])
{
    register uint32_t r0 __asm__("r0") = HC_VDM_RECV;
    register uint32_t r1 __asm__("r1") = 0;
    register uint32_t r2 __asm__("r2") = 0;
    register uint32_t r3 __asm__("r3") = 0;
    __asm__ volatile("svc #0" : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3) : : "memory");
    if (words) {
        words[0] = r1;
        words[1] = r2;
        words[2] = r3;
    }
    return (int32_t)r0;
}

int32_t hc_vdm_map_if(uint32_t vm_slot, uint32_t dev, uint32_t connected)
{
    return hc_raw(HC_VDM_MAP_IF, vm_slot, dev, connected, 0, 0);
}

int32_t hc_vdm_notify(uint32_t vm_slot, uint32_t dev, uint32_t state)
{
    return hc_raw(HC_VDM_NOTIFY, vm_slot, dev, state, 0, 0);
}

int32_t hc_vdm_resume(uint32_t vm_slot) { return hc_raw(HC_VDM_RESUME, vm_slot, 0, 0, 0, 0); }

int32_t hc_vdm_route_irq(uint32_t prr, uint32_t vm_slot, uint32_t dev)
{
    return hc_raw(HC_VDM_ROUTE_IRQ, prr, vm_slot, dev, 0, 0);
}

int32_t hc_vdm_irq_done(uint32_t gic_id) { return hc_raw(HC_VDM_IRQ_DONE, gic_id, 0, 0, 0, 0); }
