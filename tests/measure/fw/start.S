/*
 * start.S - start-up, exception entries and mode switches of the
 * tests/measure firmware (A32). Entered by `dprsim boot` at _start in SVC
 * mode, IRQ/FIQ masked, MMU off.
 *
 * A tiny "hypervisor": two user-mode execution contexts (a guest, ASID 1,
 * and a device manager, ASID 0) and the kernel in SVC/ABT mode
 * (measure_alloc.c). Exception return with MOVS pc, lr / LDM ^ (ARM ARM
 * B1.8.10, B9.3.x); USR sp/lr reached with STM/LDM (user registers).
 */
#include "bm_start.h"
    .syntax unified
    .arm
    .section .text.vectors, "ax"
    .balign 32
    .global fw_vectors
fw_vectors:
    b   _start          /* 0x00 reset */
    b   fw_undef        /* 0x04 undefined instruction */
    b   fw_svc_entry    /* 0x08 supervisor call */
    b   fw_pabt_entry   /* 0x0C prefetch abort */
    b   fw_dabt_entry   /* 0x10 data abort */
    b   .               /* 0x14 not used */
    b   fw_irq          /* 0x18 IRQ */
    b   fw_fiq          /* 0x1C FIQ */

    .global _start
_start:
    cpsid   if
    cps     #0x17                   /* ABT mode */
    ldr     sp, =__abt_stack_top
    cps     #0x13                   /* SVC mode */
    ldr     sp, =__svc_stack_top
    ldr     r0, =fw_vectors
    mcr     p15, 0, r0, c12, c0, 0  /* VBAR */
    isb
    BM_CLEAR_BSS r0, r1, r2
    bl      main
    b       fw_exit

/* void fw_exit(int status): semihosting SYS_EXIT_EXTENDED, never returns. */
    .global fw_exit
fw_exit:
    ldr     r2, =0x20026            /* ADP_Stopped_ApplicationExit */
    push    {r0}
    push    {r2}
    mov     r1, sp
    mov     r0, #0x20
    svc     0x123456
    b       .

/* void enter_user(void (*entry)(void), const uint32_t *usr_sp): start a
 * user-mode context at entry with IRQ/FIQ masked; never returns. */
    .global enter_user
enter_user:
    ldmia   r1, {sp}^               /* USR sp */
    nop
    mov     r2, #0xD0               /* USR, I, F */
    msr     spsr_cxsf, r2
    mov     lr, r0
    movs    pc, lr

/* void resume_user(const uint32_t *ctx): ctx = r0-r12, pc, cpsr, sp_usr,
 * lr_usr (the guest_ctx layout of measure_alloc.c); never returns. */
    .global resume_user
resume_user:
    add     r1, r0, #60
    ldmia   r1, {sp, lr}^
    nop
    ldr     r1, [r0, #56]
    msr     spsr_cxsf, r1
    ldr     lr, [r0, #52]
    ldmia   r0, {r0-r12}
    movs    pc, lr

/* Data abort: save the interrupted user context in guest_ctx (the store
 * is re-executed on resume: pc = LR_abt - 8), then dabt_handler(DFAR, DFSR). */
fw_dabt_entry:
    sub     lr, lr, #8
    ldr     sp, =guest_ctx
    stmia   sp, {r0-r12}
    str     lr, [sp, #52]
    mrs     r0, spsr
    str     r0, [sp, #56]
    add     r1, sp, #60
    stmia   r1, {sp, lr}^
    nop
    ldr     sp, =__abt_stack_top
    mrc     p15, 0, r0, c6, c0, 0   /* DFAR */
    mrc     p15, 0, r1, c5, c0, 0   /* DFSR */
    bl      dabt_handler
    b       .

/* SVC: svc_handler(frame) with frame = r0-r3, r12, lr; result in frame[0]. */
fw_svc_entry:
    push    {r0-r3, r12, lr}
    mov     r0, sp
    bl      svc_handler
    pop     {r0-r3, r12, lr}
    movs    pc, lr

/* Prefetch abort (a BKPT): pabt_handler(IFSR, mode it came from), then
 * continue after the BKPT (LR_abt = its address + 4). */
fw_pabt_entry:
    push    {r0-r3, r12, lr}
    mrc     p15, 0, r0, c5, c0, 1   /* IFSR */
    mrs     r1, spsr
    bl      pabt_handler
    pop     {r0-r3, r12, lr}
    movs    pc, lr

fw_undef:   mov r0, #0xE1
            b   fw_exit
fw_irq:     mov r0, #0xE5
            b   fw_exit
fw_fiq:     mov r0, #0xE7
            b   fw_exit
    .ltorg
