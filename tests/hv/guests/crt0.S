/*
 * crt0.S - start of the tests/hv test guests (and of the test VDM). The
 * kernel enters at the first word in USR mode with sp set and r0..r2 as
 * hv_abi.h says; .bss is cleared, main(r0, r1, r2) runs and its return
 * value goes to HC_EXIT.
 */
    .syntax unified
    .arm
    .section .text.start, "ax"
    .global _start
_start:
    mov     r4, r0
    mov     r5, r1
    mov     r6, r2
    ldr     r0, =__bss_start
    ldr     r1, =__bss_end
    mov     r2, #0
1:  cmp     r0, r1
    strlo   r2, [r0], #4
    blo     1b
    mov     r0, r4
    mov     r1, r5
    mov     r2, r6
    bl      main
    mov     r1, r0
    mov     r0, #8              /* HC_EXIT */
    svc     #0
    b       .
    .ltorg
