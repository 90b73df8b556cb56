/*
 * crt0.S - start of the tests/hv test guests (and of the test VDM). The
 * kernel enters at the first word in USR mode with sp set and r0..r2 as
 * hv_abi.h says; .bss is cleared, main(r0, r1, r2) runs and its return
 * value goes to HC_EXIT.
 */
#include "bm_start.h"
    .syntax unified
    .arm
    .section .text.start, "ax"
    .global _start
_start:
    mov     r4, r0
    mov     r5, r1
    mov     r6, r2
    BM_CLEAR_BSS r0, r1, r2
    mov     r0, r4
    mov     r1, r5
    mov     r2, r6
    bl      main
    mov     r1, r0
    mov     r0, #8              /* HC_EXIT */
    svc     #0
    b       .
    .ltorg
