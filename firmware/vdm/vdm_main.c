/*
 * vdm_main.c - the VDM execution context: vdm_start() is called by
 * vdm_entry.S with the boot-information block the kernel copied to
 * HV_VDM_BOOTINFO (hv_abi.h).
 */
#include "dprsim_pl_regs.h"
#include "hv_abi.h"
#include "vdm.h"

#ifndef VDM_DEBUG
#define VDM_DEBUG 0   /* 1: one console line per allocation decision */
#endif

static vdm vdm_state;

void vdm_start(const dprsim_bi_header *bi)
{
    vdm_state.debug = VDM_DEBUG;
    int r = vdm_init(&vdm_state, bi, PL_MAP_GP0_BASE, DCFG_BASE_DEFAULT);
    vdm_state.debug = VDM_DEBUG;   /* vdm_init clears the structure */
    if (r != 0)
        vdm_printf("vdm: init failed (%d): serving no requests", r);
    for (;;) {
        vdm_msg m;
        if (vdm_sys_recv(&m) != 0)
            continue;
        if (r == 0)
            vdm_handle(&vdm_state, &m);
        else if (m.type == HV_MSG_IRQ)
            vdm_sys_irq_done(m.a1);
    }
}
