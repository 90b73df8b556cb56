/*
 * neon_asm.S - Advanced SIMD code for neon.c, in fixed A32 and T32.
 * Everything between neon_code_start and neon_code_end may trap while
 * cp10/cp11 are closed (CPACR) or FPEXC.EN = 0; the handler of neon.c
 * enables them and retries the instruction.
 */
    .syntax unified
    .fpu    neon
    .text
    .arm
    .balign 4
    .global neon_code_start
neon_code_start:

/* uint32_t neon_mla(const uint32_t *a, const uint32_t *b, uint32_t *out):
 * out[0..3] = a * b + a (VLD1.32, VMLA.I32, VST1.32); returns the sum of
 * the four lanes (VPADD, VMOV). Its first instruction is the first
 * Advanced SIMD one. */
    .global neon_mla
    .type   neon_mla, %function
neon_mla:
    vld1.32 {d0, d1}, [r0]
    vld1.32 {d2, d3}, [r1]
    vmov    q2, q0
    vmla.i32 q2, q0, q1
    vst1.32 {d4, d5}, [r2]
    vpadd.i32 d6, d4, d5
    vpadd.i32 d6, d6, d6
    vmov.32 r0, d6[0]
    bx      lr
    .size   neon_mla, . - neon_mla

/* uint32_t neon_dup_add(uint32_t a, uint32_t b): lane 3 of
 * VDUP.32(a) + VDUP.32(b) (VADD.I32). */
    .global neon_dup_add
    .type   neon_dup_add, %function
neon_dup_add:
    vdup.32 q1, r0
    vdup.32 q2, r1
    vadd.i32 q0, q1, q2
    vmov.32 r0, d1[1]
    bx      lr
    .size   neon_dup_add, . - neon_dup_add

/* The T32 twin of neon_dup_add. */
    .thumb
    .global neon_dup_add_t32
    .type   neon_dup_add_t32, %function
    .thumb_func
neon_dup_add_t32:
    vdup.32 q1, r0
    vdup.32 q2, r1
    vadd.i32 q0, q1, q2
    vmov.32 r0, d1[1]
    bx      lr
    .size   neon_dup_add_t32, . - neon_dup_add_t32
    .arm

/* uint32_t neon_get_fpexc(void), void neon_set_fpexc(uint32_t). */
    .global neon_get_fpexc
    .type   neon_get_fpexc, %function
neon_get_fpexc:
    vmrs    r0, fpexc
    bx      lr
    .size   neon_get_fpexc, . - neon_get_fpexc
    .global neon_set_fpexc
    .type   neon_set_fpexc, %function
neon_set_fpexc:
    vmsr    fpexc, r0
    bx      lr
    .size   neon_set_fpexc, . - neon_set_fpexc
    .balign 4
    .global neon_code_end
neon_code_end:
