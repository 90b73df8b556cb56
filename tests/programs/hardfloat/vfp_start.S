/*
 * vfp_start.S - entry point of the hard-float test programs: enables
 * CP10/CP11 (VFP and Advanced SIMD) for PL0 and PL1 in CPACR (ARM ARM
 * B4.1.40), waits for it with ISB, sets FPEXC.EN (B6.1.10), then jumps to
 * newlib's C start-up (_start of rdimon-crt0), which may itself use VFP/NEON
 * code from the hard-float C library. Linked with -e vfp_start.
 */
    .syntax unified
    .arch armv7-a
    .fpu neon
    .arm
    .text
    .global vfp_start
    .type vfp_start, %function
vfp_start:
    mrc     p15, 0, r0, c1, c0, 2
    orr     r0, r0, #0x00F00000     @ cp10, cp11: full access
    mcr     p15, 0, r0, c1, c0, 2
    isb
    mov     r0, #0x40000000         @ FPEXC.EN
    vmsr    fpexc, r0
    b       _start
    .size vfp_start, . - vfp_start
