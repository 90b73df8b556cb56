/*
 * start.S - start-up of the tests/vdm bare-metal programs (A32), run by
 * `dprsim boot`: SVC mode, IRQ/FIQ masked, MMU off. Sets the IRQ and SVC
 * stacks, VBAR (ARM ARM B4.1.156) to the vectors below, clears .bss, calls
 * main() and ends the run with its return value through semihosting
 * SYS_EXIT_EXTENDED (0x20, reason ADP_Stopped_ApplicationExit 0x20026).
 * An unexpected exception exits with status 0xE0 + its vector number.
 */
    .syntax unified
    .arm
    .section .text.vectors, "ax"
    .balign 32
th_vectors:
    b   _start
    b   th_undef
    b   th_svc
    b   th_pabt
    b   th_dabt
    b   .
    b   th_irq_entry
    b   th_fiq

    .global _start
_start:
    cpsid   if
    cps     #0x12
    ldr     sp, =__irq_stack_top
    cps     #0x13
    ldr     sp, =__svc_stack_top
    ldr     r0, =th_vectors
    mcr     p15, 0, r0, c12, c0, 0
    isb
    ldr     r0, =__bss_start
    ldr     r1, =__bss_end
    mov     r2, #0
1:  cmp     r0, r1
    strlo   r2, [r0], #4
    blo     1b
    bl      main
    b       th_exit

/* void th_exit(int status) */
    .global th_exit
th_exit:
    ldr     r2, =0x20026
    push    {r0}
    push    {r2}
    mov     r1, sp
    mov     r0, #0x20
    svc     0x123456
    b       .

/* IRQ: caller-saved registers, th_irq(), return to LR_irq - 4 (B1.8.10). */
th_irq_entry:
    sub     lr, lr, #4
    push    {r0-r3, r12, lr}
    bl      th_irq
    pop     {r0-r3, r12, lr}
    movs    pc, lr

th_undef:   mov r0, #0xE1
            b   th_exit
th_svc:     mov r0, #0xE2
            b   th_exit
th_pabt:    mov r0, #0xE3
            b   th_exit
th_dabt:    mov r0, #0xE4
            b   th_exit
th_fiq:     mov r0, #0xE7
            b   th_exit
    .ltorg
