/*
 * crt0.S - entry of a dprsim guest image (hv_abi.h "guest image").
 *
 * The kernel enters _start at HV_GUEST_VA_BASE in USR mode, ARM state, with
 *   sp = HV_GUEST_VA_BASE + mem_size, r0 = VM id, r1 = VM slot,
 *   r2 = device count, r3 = physical base of the VM's RAM when the kernel
 *   passes it (0 otherwise; see rt.h rt_phys_base).
 * crt0 clears .bss, records the entry arguments (rt.h), calls
 *   int main(unsigned vm_id, unsigned slot, unsigned ndev)
 * and ends the VM with rt_exit(main's result): console flushed, HC_EXIT.
 */
#include "bm_start.h"
    .syntax unified
    .arm
    .section .text.crt0, "ax", %progbits
    .global _start
    .type   _start, %function
_start:
    mov     r4, r0                  /* keep the entry arguments in callee-saved registers */
    mov     r5, r1
    mov     r6, r2
    mov     r7, r3
    bic     sp, sp, #7              /* AAPCS: 8-byte aligned stack at public interfaces */
    BM_CLEAR_BSS r0, r1, r2
    mov     r0, r4
    mov     r1, r5
    mov     r2, r6
    mov     r3, r7
    bl      rt_start_args           /* record vm_id, slot, ndev, phys base */
    mov     r0, r4
    mov     r1, r5
    mov     r2, r6
    bl      main
    bl      rt_exit                 /* does not return */
2:  b       2b
    .size   _start, . - _start

/*
 * rt_virq_entry: the upcall entry registered with HC_VIRQ_HANDLER.
 * The kernel has saved the interrupted USR context in the VM's control
 * block and enters here with r0 = the delivered vIRQ bits, sp = the
 * interrupted sp - 64 (8-byte aligned), lr = 0, upcalls masked. Every
 * register may be used: HC_VIRQ_RETURN restores the whole context.
 */
    .text
    .global rt_virq_entry
    .type   rt_virq_entry, %function
rt_virq_entry:
    bl      virq_dispatch
    mov     r0, #5                  /* HC_VIRQ_RETURN */
    svc     #0
3:  b       3b                      /* HC_VIRQ_RETURN never returns */
    .size   rt_virq_entry, . - rt_virq_entry
