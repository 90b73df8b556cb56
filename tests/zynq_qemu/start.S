/*
 * start.S - start-up code of the zynq_qemu probe (A32, no C library).
 *
 * Both dprsim (`dprsim boot`) and qemu-system-arm (-kernel with an ELF)
 * enter at _start in SVC mode with IRQ and FIQ masked, MMU and caches off.
 * The code gives the IRQ and SVC modes their stacks, points VBAR at
 * zq_vectors (ARM ARM B4.1.156; the table must be 32-byte aligned), clears
 * .bss, calls zq_main() and ends the run with its return value through
 * semihosting SYS_EXIT_EXTENDED (operation 0x20, reason
 * ADP_Stopped_ApplicationExit 0x20026, "Semihosting for AArch32 and
 * AArch64" 6.2; A32 trap SVC 0x123456). An unexpected exception ends the
 * run with status 0xE0 + the vector offset / 4 (0xE1 undefined, 0xE2 SVC,
 * 0xE3 prefetch abort, 0xE4 data abort, 0xE7 FIQ).
 */
    .syntax unified
    .arm
    .section .text.zq_vectors, "ax"
    .balign 32
    .global zq_vectors
zq_vectors:
    b   _start          /* 0x00 reset */
    b   zq_undef        /* 0x04 undefined instruction */
    b   zq_svc          /* 0x08 supervisor call */
    b   zq_pabt         /* 0x0C prefetch abort */
    b   zq_dabt         /* 0x10 data abort */
    b   .               /* 0x14 reserved */
    b   zq_irq_entry    /* 0x18 IRQ */
    b   zq_fiq          /* 0x1C FIQ */

    .global _start
_start:
    cpsid   if
    cps     #0x12                   /* IRQ mode */
    ldr     sp, =zq_irq_stack_top
    cps     #0x13                   /* SVC mode */
    ldr     sp, =zq_svc_stack_top
    ldr     r0, =zq_vectors
    mcr     p15, 0, r0, c12, c0, 0  /* VBAR */
    isb
    ldr     r0, =zq_bss_start
    ldr     r1, =zq_bss_end
    mov     r2, #0
1:  cmp     r0, r1
    strlo   r2, [r0], #4
    blo     1b
    bl      zq_main
    b       zq_exit

/* void zq_exit(int status): SYS_EXIT_EXTENDED, never returns. The
 * parameter block is {reason, subcode} on the stack. */
    .global zq_exit
zq_exit:
    ldr     r2, =0x20026
    push    {r0}
    push    {r2}
    mov     r1, sp
    mov     r0, #0x20
    svc     0x123456
    b       .

/* IRQ: LR_irq - 4 is the interrupted instruction (ARM ARM B1.8.10); the
 * C handler may clobber the AAPCS caller-saved registers only. */
zq_irq_entry:
    sub     lr, lr, #4
    push    {r0-r3, r12, lr}
    bl      zq_irq
    pop     {r0-r3, r12, lr}
    movs    pc, lr

zq_undef:   mov r0, #0xE1
            b   zq_exit
zq_svc:     mov r0, #0xE2
            b   zq_exit
zq_pabt:    mov r0, #0xE3
            b   zq_exit
zq_dabt:    mov r0, #0xE4
            b   zq_exit
zq_fiq:     mov r0, #0xE7
            b   zq_exit
    .ltorg
