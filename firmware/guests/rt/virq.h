/*
 * virq.h - virtual interrupts of a guest (hv_abi.h "virtual interrupts").
 *
 * Two ways to take a vIRQ:
 *  - blocking: virq_wait(mask) = HC_WAIT: sleeps until one of the mask's
 *    bits is pending, returns (and clears) those bits; no upcall.
 *  - upcall: virq_set_handler(fn) + virq_enable(mask): when an enabled vIRQ
 *    is pending and the VM returns to USR mode, the kernel enters
 *    rt_virq_entry (crt0.S), which calls fn(bits) on the interrupted stack
 *    (64 bytes below the interrupted sp) and returns with HC_VIRQ_RETURN.
 *    fn runs with upcalls masked; it must not print if the interrupted code
 *    may be printing (console.h), and should only record and return.
 * Bits: HV_VIRQ_TIMER, HV_VIRQ_IPC, HV_VIRQ_DEV(dev); VIRQ_BIT(n) = 1u << n.
 */
#ifndef RT_VIRQ_H
#define RT_VIRQ_H

#include <stdint.h>
#include "hv_abi.h"

#define VIRQ_BIT(n) (1u << (n))
#define VIRQ_DEV_BIT(dev) VIRQ_BIT(HV_VIRQ_DEV(dev))

typedef void (*virq_fn)(uint32_t bits);

/* Register fn as the upcall handler (0: none). -> the hypercall's result. */
int32_t virq_set_handler(virq_fn fn);
/* Deliver the vIRQs of mask by upcall. -> the previous mask. */
int32_t virq_enable(uint32_t mask);
/* Block until a vIRQ of mask is pending; -> those bits (cleared), < 0 error. */
int32_t virq_wait(uint32_t mask);
/* Block until a vIRQ of device dev; -> the device's state (HC_DEV_STATUS). */
int32_t virq_wait_dev(unsigned dev);
/* Periodic HV_VIRQ_TIMER every period_us (0 stops). */
int32_t virq_timer(uint32_t period_us);
/* Block until an IPC word arrives (HV_VIRQ_IPC), then return it. */
uint32_t virq_ipc_recv(void);

/* Called by rt_virq_entry (crt0.S) with the delivered bits. */
void virq_dispatch(uint32_t bits);

#endif /* RT_VIRQ_H */
