/*
 * hv.h - hypercall wrappers of the dprsim guest runtime.
 *
 * One function per hypercall of firmware/include/hv_abi.h (enum hv_call),
 * each a plain `svc #0` with r0 = call number and r1..r4 = arguments.
 * Results: >= 0 success, < 0 a negated HV_E* code (enum hv_error), exactly
 * as the kernel returns them; the wrappers never check anything themselves,
 * so a guest can also probe the kernel's argument validation.
 * The VDM-only calls (hc_vdm_*) are here too: from a guest they return
 * -HV_EPERM (used by isolation tests).
 */
#ifndef RT_HV_H
#define RT_HV_H

#include <stdint.h>
#include "hv_abi.h"

/* HC_YIELD: let the next EC of the same priority run. -> 0 */
int32_t hc_yield(void);
/* HC_CONSOLE_WRITE: write len (<= 256) bytes at buf (inside the VM's RAM)
 * to the console. -> len or -HV_EINVAL/-HV_EFAULT. Prefer rt_printf. */
int32_t hc_console_write(const void *buf, uint32_t len);
/* HC_TIME: the global timer (64 bits, PERIPHCLK = CPU clock / 2). */
uint64_t hc_time(void);
/* HC_WAIT: block until (pending vIRQs & mask) != 0; -> those bits (cleared). */
int32_t hc_wait(uint32_t mask);
/* HC_VIRQ_HANDLER: upcall entry (a VA in the VM's RAM) or 0 for none.
 * Guests normally use virq_set_handler() (virq.h). */
int32_t hc_virq_handler(uint32_t handler_va);
/* HC_VIRQ_RETURN: end of an upcall (used by rt_virq_entry in crt0.S). */
int32_t hc_virq_return(void);
/* HC_VIRQ_ENABLE: vIRQ bits delivered by upcall; -> previous mask. */
int32_t hc_virq_enable(uint32_t mask);
/* HC_TIMER: periodic HV_VIRQ_TIMER every period_us (10 us .. 10 s), 0 stops. */
int32_t hc_timer(uint32_t period_us);
/* HC_EXIT: the VM stops for good with this status. */
void hc_exit(int32_t status) __attribute__((noreturn));
/* HC_IPC_SEND: post word into VM dst_vm_id's mailbox; -HV_EFULL when full. */
int32_t hc_ipc_send(uint32_t dst_vm_id, uint32_t word);
/* HC_IPC_RECV: 0 and *word = the oldest word, or -HV_EAGAIN when empty. */
int32_t hc_ipc_recv(uint32_t *word);
/* HC_DEV_STATUS: enum hv_dev_state of the caller's device dev. */
int32_t hc_dev_status(uint32_t dev);
/* HC_DEV_RELEASE: give device dev back (the VDM disconnects its IF). */
int32_t hc_dev_release(uint32_t dev);
/* HC_DEV_MODE: ask for device dev to be switched to module module_id (same
 * kind); returns at once, HV_VIRQ_DEV(dev) when the new module serves it. */
int32_t hc_dev_mode(uint32_t dev, uint32_t module_id);

/* VDM-only calls (hv_abi.h): -HV_EPERM from a guest. */
/* HC_VDM_RECV: -> message type; words[0..2] = r1..r3 when words != 0. */
int32_t hc_vdm_recv(uint32_t words[3]);
int32_t hc_vdm_map_if(uint32_t vm_slot, uint32_t dev, uint32_t connected);
int32_t hc_vdm_notify(uint32_t vm_slot, uint32_t dev, uint32_t state);
int32_t hc_vdm_resume(uint32_t vm_slot);
int32_t hc_vdm_route_irq(uint32_t prr, uint32_t vm_slot, uint32_t dev);
int32_t hc_vdm_irq_done(uint32_t gic_id);

/* Raw hypercall: r0 = call, r1..r4 = a1..a4; -> r0, and r1 into *r1_out
 * when r1_out != 0. For tests of unknown numbers and bad arguments. */
int32_t hc_raw(uint32_t call, uint32_t a1, uint32_t a2, uint32_t a3,
               uint32_t a4, uint32_t *r1_out);

#endif /* RT_HV_H */
