/*
 * start.S - reset code, vector table and exception stubs of the system test
 * programs (A32). See sys.h for the conventions.
 *
 * Reset: VBAR = sys_vectors with SCTLR.V = 0 and SCTLR.TE = 0 (ARM ARM
 * B4.1.156, B4.1.130), one stack per mode, .bss cleared, main() called in
 * SVC mode with A, I and F masked; its return value goes to sys_exit().
 */
#include "bm_start.h"
    .syntax unified
    .arm

    .section .vectors, "ax", %progbits
    .balign 32
    .global sys_vectors
sys_vectors:
    b       sys_reset               /* 0x00 reset */
    b       sys_vec_und             /* 0x04 undefined instruction */
    b       sys_vec_svc             /* 0x08 supervisor call */
    b       sys_vec_pabt            /* 0x0C prefetch abort */
    b       sys_vec_dabt            /* 0x10 data abort */
    b       sys_vec_hyp             /* 0x14 not used */
    b       sys_vec_irq             /* 0x18 IRQ */
    b       sys_vec_fiq             /* 0x1C FIQ */

    .text
    .global _start
    .type   _start, %function
_start:
sys_reset:
    ldr     r0, =sys_vectors
    mcr     p15, 0, r0, c12, c0, 0  /* VBAR */
    mrc     p15, 0, r0, c1, c0, 0   /* SCTLR: low vectors, ARM exceptions */
    bic     r0, r0, #(1 << 13)
    bic     r0, r0, #(1 << 30)
    mcr     p15, 0, r0, c1, c0, 0
    isb
    /* One stack per mode; the mode switches use MSR so that the start-up
     * does not depend on CPS, which the mode tests check. */
    msr     cpsr_c, #0xD1           /* FIQ, I and F masked */
    ldr     sp, =sys_stack_fiq_top
    msr     cpsr_c, #0xD2           /* IRQ */
    ldr     sp, =sys_stack_irq_top
    msr     cpsr_c, #0xD7           /* Abort */
    ldr     sp, =sys_stack_abt_top
    msr     cpsr_c, #0xDB           /* Undefined */
    ldr     sp, =sys_stack_und_top
    msr     cpsr_c, #0xDF           /* System (User's registers) */
    ldr     sp, =sys_stack_sys_top
    msr     cpsr_c, #0xD3           /* back to Supervisor */
    ldr     sp, =sys_stack_svc_top
    /* Clear .bss (RAM starts zeroed on both simulators, but do not rely on
     * it). */
    BM_CLEAR_BSS r0, r1, r2
    bl      main
    ldr     r1, =sys_exit           /* sys_exit(status); may be T32 */
    bx      r1
    .size   _start, . - _start

/* Exception stub: save r0-r12 and the exception LR, then the SPSR, call
 * sys_trap(kind, frame) on an 8-byte aligned stack, restore and return with
 * LDMFD ^ (SPSR -> CPSR). sys_trap returning 1 (SVC only) ends a
 * sys_run_user() instead. */
    .macro  SYS_STUB name, kind
    .type   \name, %function
\name:
    push    {r0-r12, lr}
    mrs     r0, spsr
    push    {r0}
    mov     r0, #\kind
    mov     r1, sp
    mov     r4, sp
    bic     sp, sp, #7
    bl      sys_trap
    mov     sp, r4
    cmp     r0, #0
    bne     sys_user_done
    pop     {r0}
    msr     spsr_cxsf, r0
    ldmfd   sp!, {r0-r12, pc}^
    .size   \name, . - \name
    .endm

    SYS_STUB sys_vec_und, 1
    SYS_STUB sys_vec_svc, 2
    SYS_STUB sys_vec_pabt, 3
    SYS_STUB sys_vec_dabt, 4
    SYS_STUB sys_vec_hyp, 5
    SYS_STUB sys_vec_irq, 6
    SYS_STUB sys_vec_fiq, 7

/* uint32_t sys_run_user(fn, arg, user_sp): see sys.h. */
    .global sys_run_user
    .type   sys_run_user, %function
sys_run_user:
    push    {r4-r12, lr}
    ldr     r3, =sys_saved_svc_sp
    str     sp, [r3]
    msr     cpsr_c, #0xDF           /* System: set User's SP and LR */
    mov     sp, r2
    ldr     lr, =sys_user_return
    msr     cpsr_c, #0xD3
    mov     r3, #0x1D0              /* User, A/I/F masked */
    tst     r0, #1
    orrne   r3, r3, #0x20           /* Thumb function */
    msr     spsr_cxsf, r3
    bic     lr, r0, #1
    mov     r0, r1
    movs    pc, lr
    .size   sys_run_user, . - sys_run_user

    .type   sys_user_return, %function
sys_user_return:                    /* User mode: fn returned here */
    svc     #0
    b       sys_user_return
    .size   sys_user_return, . - sys_user_return

/* Reached in SVC mode from the SVC stub when sys_trap returned 1: the
 * frame's r0 is fn's result; restore the state saved by sys_run_user. */
sys_user_done:
    ldr     r0, [r4, #4]            /* frame->r[0] */
    ldr     r3, =sys_saved_svc_sp
    ldr     sp, [r3]
    pop     {r4-r12, lr}
    bx      lr

/* uint32_t sys_banked_lr(uint32_t mode): LR of `mode` (USR through SYS). */
    .global sys_banked_lr
    .type   sys_banked_lr, %function
sys_banked_lr:
    cmp     r0, #0x10
    moveq   r0, #0x1F
    mrs     r2, cpsr
    bic     r1, r2, #0x1F
    orr     r1, r1, r0
    msr     cpsr_c, r1
    mov     r0, lr
    msr     cpsr_c, r2
    bx      lr
    .size   sys_banked_lr, . - sys_banked_lr

    .ltorg

    .bss
    .balign 8
sys_saved_svc_sp:
    .space  8
    .macro  SYS_STACK name, size
    .balign 8
    .space  \size
\name:
    .endm
    SYS_STACK sys_stack_fiq_top, 1024
    SYS_STACK sys_stack_irq_top, 1024
    SYS_STACK sys_stack_abt_top, 4096
    SYS_STACK sys_stack_und_top, 4096
    SYS_STACK sys_stack_sys_top, 4096
    SYS_STACK sys_stack_svc_top, 8192
