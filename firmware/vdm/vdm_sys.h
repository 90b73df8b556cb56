/*
 * vdm_sys.h - the kernel services the VDM core (vdm.c) uses: one function
 * per VDM hypercall of hv_abi.h. vdm_sys_hv.c implements them with `svc #0`
 * for the VDM EC under the hypervisor; a bare-metal test links its own
 * implementation (tests/vdm/fw/harness.c) that plays the kernel.
 * Return values: >= 0 success, < 0 a negated HV_E* code.
 */
#ifndef VDM_SYS_H
#define VDM_SYS_H

#include <stdint.h>

/* One kernel -> VDM message (enum hv_vdm_msg and its words). */
typedef struct vdm_msg {
    uint32_t type;   /* HV_MSG_* */
    uint32_t a1, a2, a3;
} vdm_msg;

/* HC_VDM_RECV: block until a message arrives. */
int vdm_sys_recv(vdm_msg *m);
/* HC_VDM_MAP_IF: the VM's device page read-only (0) or read/write (1). */
int vdm_sys_map_if(unsigned vm_slot, unsigned dev, unsigned connected);
/* HC_VDM_NOTIFY: record the device state and raise HV_VIRQ_DEV(dev) in the VM. */
int vdm_sys_notify(unsigned vm_slot, unsigned dev, unsigned state);
/* HC_VDM_RESUME: the VM blocked on its device fault runs again. */
int vdm_sys_resume(unsigned vm_slot);
/* HC_VDM_ROUTE_IRQ: PRR prr's interrupt to HV_VIRQ_DEV(dev) of the VM, or
 * back to the VDM with vm_slot = VDM_SYS_TO_VDM. */
#define VDM_SYS_TO_VDM 0xFFu
int vdm_sys_route_irq(unsigned prr, unsigned vm_slot, unsigned dev);
/* HC_VDM_GRANT: map the IF page RW, route PRR prr's IRQ to (vm_slot, dev)
 * unless prr is 0xFF, notify READY and resume the VM if it is blocked on a
 * device fault. */
int vdm_sys_grant(unsigned vm_slot, unsigned dev, unsigned prr);
/* HC_VDM_IRQ_DONE: unmask a PL/DevCfg interrupt the VDM has serviced. */
int vdm_sys_irq_done(unsigned gic_id);
/* HC_CONSOLE_WRITE: len bytes (<= 256) on the console. */
int vdm_sys_console(const char *s, unsigned len);

#endif
