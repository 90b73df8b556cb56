/*
 * vdm_sys_hv.c - vdm_sys.h for the VDM EC: hypercalls by `svc #0` with
 * r0 = call number, r1..r4 = arguments, result in r0 (hv_abi.h).
 */
#include "vdm_sys.h"

#include "hv_abi.h"
#include "hv_call.h"

/* Every VDM call takes at most three arguments; HC_VDM_RECV returns its
 * message words in r1..r3 (hv_call's out[]). */

int vdm_sys_recv(vdm_msg *m)
{
    uint32_t w[3];
    int32_t r = hv_call(HC_VDM_RECV, 0, 0, 0, 0, w);
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
    return hv_call(HC_VDM_MAP_IF, vm_slot, dev, connected ? 1u : 0u, 0, 0);
}

int vdm_sys_notify(unsigned vm_slot, unsigned dev, unsigned state)
{
    return hv_call(HC_VDM_NOTIFY, vm_slot, dev, state, 0, 0);
}

int vdm_sys_resume(unsigned vm_slot)
{
    return hv_call(HC_VDM_RESUME, vm_slot, 0, 0, 0, 0);
}

int vdm_sys_grant(unsigned vm_slot, unsigned dev, unsigned prr)
{
    return hv_call(HC_VDM_GRANT, vm_slot, dev, prr, 0, 0);
}

int vdm_sys_route_irq(unsigned prr, unsigned vm_slot, unsigned dev)
{
    return hv_call(HC_VDM_ROUTE_IRQ, prr, vm_slot, dev, 0, 0);
}

int vdm_sys_irq_done(unsigned gic_id)
{
    return hv_call(HC_VDM_IRQ_DONE, gic_id, 0, 0, 0, 0);
}

int vdm_sys_console(const char *s, unsigned len)
{
    return hv_call(HC_CONSOLE_WRITE, (uint32_t)(uintptr_t)s, len, 0, 0, 0);
}
