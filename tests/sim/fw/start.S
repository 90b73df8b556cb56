/*
 * start.S - start-up code of the tests/sim bare-metal firmware (A32).
 *
 * Entered by `dprsim boot` at _start in SVC mode, IRQ/FIQ masked, MMU and
 * caches off; r2 = address of the boot-information block or 0
 * (dprsim_bootinfo.h), passed to main() as its argument. Sets the IRQ and SVC stacks, points VBAR at the vector table
 * below (ARM ARM B4.1.156), clears .bss, calls main() and ends the run with
 * main's return value through semihosting SYS_EXIT_EXTENDED (0x20) with
 * reason ADP_Stopped_ApplicationExit (0x20026) ("Semihosting for AArch32
 * and AArch64", ARM). An unexpected exception exits with status 0xE0 + its
 * vector number.
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
    b   fw_svc          /* 0x08 supervisor call */
    b   fw_pabt         /* 0x0C prefetch abort */
    b   fw_dabt         /* 0x10 data abort */
    b   .               /* 0x14 not used */
    b   fw_irq_entry    /* 0x18 IRQ */
    b   fw_fiq          /* 0x1C FIQ */

    .global _start
_start:
    mov     r4, r2                  /* boot-information block (dprsim run) */
    cpsid   if
    cps     #0x12                   /* IRQ mode */
    ldr     sp, =__irq_stack_top
    cps     #0x13                   /* SVC mode */
    ldr     sp, =__svc_stack_top
    ldr     r0, =fw_vectors
    mcr     p15, 0, r0, c12, c0, 0  /* VBAR */
    isb
    BM_CLEAR_BSS r0, r1, r2
    mov     r0, r4                  /* main(boot_info_address) */
    bl      main
    b       fw_exit

/* void fw_exit(int status): never returns. */
    .global fw_exit
fw_exit:
    ldr     r2, =0x20026            /* ADP_Stopped_ApplicationExit */
    push    {r0}
    push    {r2}
    mov     r1, sp                  /* {reason, subcode} */
    mov     r0, #0x20               /* SYS_EXIT_EXTENDED */
    svc     0x123456
    b       .

/* IRQ: save the caller-saved registers, call fw_irq_handler(), return to
 * the interrupted instruction (LR_irq - 4, ARM ARM B1.8.10). */
fw_irq_entry:
    sub     lr, lr, #4
    push    {r0-r3, r12, lr}
    bl      fw_irq_handler
    pop     {r0-r3, r12, lr}
    movs    pc, lr

fw_undef:   mov r0, #0xE1
            b   fw_exit
fw_svc:     mov r0, #0xE2
            b   fw_exit
fw_pabt:    mov r0, #0xE3
            b   fw_exit
fw_dabt:    mov r0, #0xE4
            b   fw_exit
fw_fiq:     mov r0, #0xE7
            b   fw_exit
    .ltorg

/* Default IRQ handler for programs without interrupts: exit 0xE6. */
    .weak fw_irq_handler
fw_irq_handler:
    mov     r0, #0xE6
    b       fw_exit
