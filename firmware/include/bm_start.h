/*
 * bm_start.h - assembler macros shared by the bare-metal start-up code of
 * the project (hypervisor, VDM, guest runtime, test programs). Include it
 * from a preprocessed assembler file (.S).
 */
#ifndef BM_START_H
#define BM_START_H

/*
 * BM_CLEAR_BSS p, e, z: zero the words of [__bss_start, __bss_end) (the
 * linker scripts align both to 4); p, e, z are three scratch registers
 * (clobbered). Uses the local label 1.
 */
    .macro BM_CLEAR_BSS p, e, z
    ldr     \p, =__bss_start
    ldr     \e, =__bss_end
    mov     \z, #0
1:  cmp     \p, \e
    strlo   \z, [\p], #4
    blo     1b
    .endm

#endif
