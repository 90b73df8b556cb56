/*
 * vfp_asm.S - VFP code for vfp.c, in fixed A32 and T32 so that every
 * build executes the same instructions. Everything between vfp_code_start
 * and vfp_code_end may trap while the VFP is disabled; the handler of
 * vfp.c enables it and retries the instruction.
 */
    .syntax unified
    .fpu    vfpv3
    .text
    .arm
    .balign 4
    .global vfp_code_start
vfp_code_start:

/* uint32_t vfp_add_f32(uint32_t a, uint32_t b): a + b, single precision
 * (IEEE bit patterns); its first instruction is the first VFP one. */
    .global vfp_add_f32
    .type   vfp_add_f32, %function
vfp_add_f32:
    vmov    s2, r0
    vmov    s3, r1
    vadd.f32 s0, s2, s3
    vmov    r0, s0
    bx      lr
    .size   vfp_add_f32, . - vfp_add_f32

/* uint32_t vfp_add_f64(uint32_t a_hi, uint32_t b_hi): high word of a + b,
 * double precision, low words 0; uses d16-d18 (VFPv3-D32). */
    .global vfp_add_f64
    .type   vfp_add_f64, %function
vfp_add_f64:
    mov     r2, #0
    vmov    d17, r2, r0
    vmov    d18, r2, r1
    vadd.f64 d16, d17, d18
    vmov    r2, r0, d16
    bx      lr
    .size   vfp_add_f64, . - vfp_add_f64

/* uint32_t vfp_fpscr_flags(void): FPSCR after 1/0 and 0/0 from FPSCR = 0
 * (cumulative DZC and IOC, ARM ARM A2.7.3); FPSCR restored. */
    .global vfp_fpscr_flags
    .type   vfp_fpscr_flags, %function
vfp_fpscr_flags:
    vmrs    r1, fpscr
    mov     r0, #0
    vmsr    fpscr, r0
    vmov.f32 s0, #1.0
    vmov    s1, r0
    vdiv.f32 s2, s0, s1
    vdiv.f32 s3, s1, s1
    vmrs    r0, fpscr
    vmsr    fpscr, r1
    bx      lr
    .size   vfp_fpscr_flags, . - vfp_fpscr_flags

/* uint32_t vfp_get_fpexc(void), void vfp_set_fpexc(uint32_t) (PL1; need
 * CPACR access to cp10/cp11, not FPEXC.EN). */
    .global vfp_get_fpexc
    .type   vfp_get_fpexc, %function
vfp_get_fpexc:
    vmrs    r0, fpexc
    bx      lr
    .size   vfp_get_fpexc, . - vfp_get_fpexc
    .global vfp_set_fpexc
    .type   vfp_set_fpexc, %function
vfp_set_fpexc:
    vmsr    fpexc, r0
    bx      lr
    .size   vfp_set_fpexc, . - vfp_set_fpexc

/* The T32 twin of vfp_add_f32. */
    .thumb
    .global vfp_add_f32_t32
    .type   vfp_add_f32_t32, %function
    .thumb_func
vfp_add_f32_t32:
    vmov    s2, r0
    vmov    s3, r1
    vadd.f32 s0, s2, s3
    vmov    r0, s0
    bx      lr
    .size   vfp_add_f32_t32, . - vfp_add_f32_t32
    .arm
    .balign 4
    .global vfp_code_end
vfp_code_end:
