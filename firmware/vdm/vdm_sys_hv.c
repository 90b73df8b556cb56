/*
 * vdm_sys_hv.c - vdm_sys.h for the VDM EC: hypercalls by `svc #0` with
 * r0 = call number, r1..r4 = arguments, result in r0 (hv_abi.h).
 */
#include "vdm_sys.h"

#include "hv_abi.h"

/* svc #0 with up to three arguments; r1..r3 come back in out[] (HC_VDM_RECV
 * returns its message words there). */
static inline int32_t vdm_hc(uint32_t call, uint32_t a1, uint32_t a2, uint32_t a3, uint32_t out[3])
{
    register uint32_t r0 __asm__("r0") = call;
    register uint32_t r1 __asm__("r1") = a1;
    register uint32_t r2 __asm__("r2") = a2;
    register uint32_t r3 __asm__("r3") = a3;
    __asm__ volatile("svc #0" : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3) : : "memory");
    if (out) {
        out[0] = r1;
        out[1] = r2;
        out[2] = r3;
    }
    return (int32_t)r0;
}

int vdm_sys_recv(vdm_msg *m)
{
    uint32_t w[3];
    int32_t r = vdm_hc(HC_VDM_RECV, 0, 0, 0, w);
    if (r < 0)
        return r;
    m->type = (uint32_t)r;
    m->a1 = w[0];
    m->a2 = w[1];
    m->a3 = w[2];
    return 0;
}

int vdm_sys_map_if(unsigned vm_slot, unsigned dev, unsigned connected)
{
    return vdm_hc(HC_VDM_MAP_IF, vm_slot, dev, connected ? 1u : 0u, 0);
}

int vdm_sys_notify(unsigned vm_slot, unsigned dev, unsigned state)
{
    return vdm_hc(HC_VDM_NOTIFY, vm_slot, dev, state, 0);
}

int vdm_sys_resume(unsigned vm_slot)
{
    return vdm_hc(HC_VDM_RESUME, vm_slot, 0, 0, 0);
}

int vdm_sys_grant(unsigned vm_slot, unsigned dev, unsigned prr)
{
    return vdm_hc(HC_VDM_GRANT, vm_slot, dev, prr, 0);
}

int vdm_sys_route_irq(unsigned prr, unsigned vm_slot, unsigned dev)
{
    return vdm_hc(HC_VDM_ROUTE_IRQ, prr, vm_slot, dev, 0);
}

int vdm_sys_irq_done(unsigned gic_id)
{
    return vdm_hc(HC_VDM_IRQ_DONE, gic_id, 0, 0, 0);
}

int vdm_sys_console(const char *s, unsigned len)
{
    return vdm_hc(HC_CONSOLE_WRITE, (uint32_t)(uintptr_t)s, len, 0, 0);
}
