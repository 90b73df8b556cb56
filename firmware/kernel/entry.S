/*
 * entry.S - reset entry, exception vectors and the trap-frame return path of
 * the dprsim hypervisor (A32).
 *
 * dprsim enters _start in SVC mode with IRQ/FIQ masked, MMU and caches off,
 * r2 = boot-information block (dprsim_bootinfo.h) or 0.
 *
 * Every exception is taken to the SVC stack: SRSDB stores LR_<mode> (already
 * adjusted to the return address) and SPSR_<mode> there (ARM ARM B9.3.16),
 * CPS switches to SVC, STM ^ stores SP_usr/LR_usr (B9.3.6) and PUSH stores
 * r0-r12: struct hv_frame (hv.h). The C handler runs with IRQs masked; the
 * return path reloads the frame, LDM ^ restores SP_usr/LR_usr and RFE loads
 * PC and CPSR (B9.3.13). Return addresses: UND and SVC LR = next instruction,
 * PABT LR - 4, DABT LR - 8 (re-executes the access), IRQ/FIQ LR - 4
 * (ARM ARM B1.8.3, table in ZYNQ_ARM_FACTS §3.6).
 */
#include "bm_start.h"
    .syntax unified
    .arm

    .section .text.vectors, "ax"
    .balign 32
    .global hv_vectors
hv_vectors:
    b   _start              /* 0x00 reset */
    b   hv_und_entry        /* 0x04 undefined instruction */
    b   hv_svc_entry        /* 0x08 supervisor call */
    b   hv_pabt_entry       /* 0x0C prefetch abort */
    b   hv_dabt_entry       /* 0x10 data abort */
    b   .                   /* 0x14 not used */
    b   hv_irq_entry        /* 0x18 IRQ */
    b   hv_fiq_entry        /* 0x1C FIQ */

    .global _start
_start:
    mov     r4, r2
    cpsid   aif
    cps     #0x12                       /* IRQ */
    ldr     sp, =__irq_stack_top
    cps     #0x17                       /* ABT */
    ldr     sp, =__abt_stack_top
    cps     #0x1B                       /* UND */
    ldr     sp, =__und_stack_top
    cps     #0x11                       /* FIQ */
    ldr     sp, =__fiq_stack_top
    cps     #0x1F                       /* SYS (= USR registers) */
    mov     sp, #0
    mov     lr, #0
    cps     #0x13                       /* SVC */
    ldr     sp, =__svc_stack_top
    ldr     r0, =hv_vectors
    mcr     p15, 0, r0, c12, c0, 0      /* VBAR */
    isb
    BM_CLEAR_BSS r0, r1, r2
    mov     r0, r4
    bl      hv_main                     /* never returns */
    b       .

/* Trap frame: see hv.h struct hv_frame. \handler(hv_frame *) in C. */
    .macro HV_TRAP adjust, handler
    .if \adjust
    sub     lr, lr, #\adjust
    .endif
    srsdb   sp!, #0x13
    cps     #0x13
    sub     sp, sp, #12
    push    {r0-r12}
    add     r0, sp, #52
    stmia   r0, {sp, lr}^               /* SP_usr, LR_usr */
    mov     r0, sp
    bl      \handler
    b       hv_return
    .endm

hv_und_entry:   HV_TRAP 0, hv_handle_und
hv_svc_entry:   HV_TRAP 0, hv_handle_svc
hv_pabt_entry:  HV_TRAP 4, hv_handle_pabt
hv_dabt_entry:  HV_TRAP 8, hv_handle_dabt
hv_irq_entry:   HV_TRAP 4, hv_handle_irq
hv_fiq_entry:   HV_TRAP 4, hv_handle_fiq

/* Leaves through the frame at sp (filled by the handler or hv_leave). */
hv_return:
    add     r0, sp, #52
    ldmia   r0, {sp, lr}^               /* SP_usr, LR_usr */
    nop                                 /* no banked access right after LDM ^ */
    pop     {r0-r12}
    add     sp, sp, #12
    rfeia   sp!

/* void hv_start_first(void): the first entry into an EC. */
    .global hv_start_first
hv_start_first:
    ldr     sp, =__svc_stack_top
    sub     sp, sp, #72
    mov     r0, sp
    bl      hv_leave
    b       hv_return

/* void hv_semihost_exit(uint32_t status): SYS_EXIT_EXTENDED (0x20) with
 * {ADP_Stopped_ApplicationExit, status} ("Semihosting for AArch32 and
 * AArch64", ARM), SVC 0x123456 from a privileged mode. */
    .global hv_semihost_exit
hv_semihost_exit:
    ldr     r2, =0x20026
    push    {r0}
    push    {r2}
    mov     r1, sp
    mov     r0, #0x20
    svc     0x123456
    b       .
    .ltorg
