/*
 * vfp_fp.h - IEEE 754 arithmetic of the VFPv3 / Advanced SIMD units, done
 * in software on host integers so that every result bit and every FPSCR
 * cumulative flag is the one the ARM ARM pseudocode gives (ARM DDI 0406C
 * A2.7 "Floating-point data types and arithmetic": FPUnpack, FPProcessNaN(s),
 * FPRound, FPAdd/FPSub/FPMul/FPDiv/FPSqrt, FPCompare, FPToFixed, FixedToFP,
 * FPSingleToDouble/FPDoubleToSingle, StandardFPSCRValue).
 *
 * Host floating point is not used: NaN propagation, tininess detection
 * (the ARM ARM detects underflow before rounding; x86 SSE after rounding),
 * flush-to-zero and the input-denormal flag all differ from the host.
 *
 * Conventions of every function below:
 *  - `dp` selects the format: 0 single precision (value in bits 31:0 of the
 *    uint64_t), 1 double precision.
 *  - `mode` is the FPSCR value that controls the operation: DN (bit 25),
 *    FZ (bit 24), RMode (bits 23:22). Pass the real FPSCR for VFP
 *    instructions and vfp_standard_fpscr(fpscr) for Advanced SIMD ones.
 *  - Cumulative exception bits (VFP_EXC_*, FPSCR bit positions) are ORed
 *    into *exc; the caller ORs them into FPSCR. Trapped exceptions are not
 *    supported (Cortex-A9: the FPSCR trap-enable bits are RAZ/WI).
 */
#ifndef VFP_FP_H
#define VFP_FP_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* FPSCR cumulative exception bits (ARM ARM B6.1.17 / A2.7.8). */
#define VFP_EXC_IO 0x01u  /* IOC invalid operation */
#define VFP_EXC_DZ 0x02u  /* DZC division by zero */
#define VFP_EXC_OF 0x04u  /* OFC overflow */
#define VFP_EXC_UF 0x08u  /* UFC underflow */
#define VFP_EXC_IX 0x10u  /* IXC inexact */
#define VFP_EXC_ID 0x80u  /* IDC input denormal (flushed by FZ) */

/* FPSCR mode bits. */
#define VFP_FPSCR_DN (1u << 25)
#define VFP_FPSCR_FZ (1u << 24)
#define VFP_FPSCR_RMODE_SHIFT 22
#define VFP_FPSCR_AHP (1u << 26)
enum { VFP_RN = 0, VFP_RP = 1, VFP_RM = 2, VFP_RZ = 3 };

/* StandardFPSCRValue() (A2.7.3): DN = 1, FZ = 1, round to nearest, AHP kept. */
static inline uint32_t vfp_standard_fpscr(uint32_t fpscr)
{
    return (fpscr & VFP_FPSCR_AHP) | VFP_FPSCR_DN | VFP_FPSCR_FZ;
}

/* FPAdd / FPSub (A2.7.10): a + b, or a - b when `sub`. */
uint64_t vfp_add(int dp, uint64_t a, uint64_t b, int sub, uint32_t mode, uint32_t *exc);
/* FPMul. */
uint64_t vfp_mul(int dp, uint64_t a, uint64_t b, uint32_t mode, uint32_t *exc);
/* FPDiv. */
uint64_t vfp_div(int dp, uint64_t a, uint64_t b, uint32_t mode, uint32_t *exc);
/* FPSqrt. */
uint64_t vfp_sqrt(int dp, uint64_t a, uint32_t mode, uint32_t *exc);
/* FPNeg / FPAbs: sign bit only, no exception, NaNs too. */
static inline uint64_t vfp_neg(int dp, uint64_t a) { return a ^ (dp ? (1ull << 63) : (1ull << 31)); }
static inline uint64_t vfp_abs(int dp, uint64_t a) { return a & (dp ? ~(1ull << 63) : 0x7FFFFFFFull); }
/*
 * FPCompare (A2.7.9): returns NZCV in bits 3:0 (equal 0110, less 1000,
 * greater 0010, unordered 0011). `quiet_nan_exc` (VCMPE): any NaN is an
 * Invalid Operation; otherwise only signalling NaNs.
 */
unsigned vfp_compare(int dp, uint64_t a, uint64_t b, int quiet_nan_exc, uint32_t mode,
                     uint32_t *exc);
/*
 * FPToFixed (A2.7.12): convert to a `size`-bit (16 or 32) signed or
 * unsigned fixed-point number with `fbits` fraction bits, rounding toward
 * zero when `round_zero`, else by mode's RMode. Saturates (Invalid
 * Operation) on overflow and for NaNs (result 0). Returns the result
 * sign- or zero-extended to 32 bits.
 */
uint32_t vfp_to_fixed(int dp, uint64_t a, unsigned size, unsigned fbits, int is_unsigned,
                      int round_zero, uint32_t mode, uint32_t *exc);
/*
 * FixedToFP (A2.7.12): the low `size` bits of `v` as a signed or unsigned
 * fixed-point number with `fbits` fraction bits, rounded to the format
 * (to nearest when `round_nearest`, else by mode's RMode).
 */
uint64_t vfp_from_fixed(int dp, uint32_t v, unsigned size, unsigned fbits, int is_unsigned,
                        int round_nearest, uint32_t mode, uint32_t *exc);
/* FPSingleToDouble / FPDoubleToSingle (A2.7.11). */
uint64_t vfp_single_to_double(uint32_t a, uint32_t mode, uint32_t *exc);
uint32_t vfp_double_to_single(uint64_t a, uint32_t mode, uint32_t *exc);
/* FPHalfToSingle / FPSingleToHalf (A2.7.4, A2.7.11): half precision in
 * bits 15:0; FPSCR.AHP (in mode) selects the alternative format (no
 * infinities or NaNs), FZ does not apply to half-precision values. */
uint32_t vfp_half_to_single(uint32_t h, uint32_t mode, uint32_t *exc);
uint32_t vfp_single_to_half(uint32_t a, uint32_t mode, uint32_t *exc);
/* Advanced SIMD VRECPE/VRSQRTE (.F32 and .U32) and VRECPS/VRSQRTS
 * (`rsqrt`): FPRecipEstimate, FPRSqrtEstimate, UnsignedRecipEstimate,
 * UnsignedRSqrtEstimate, FPRecipStep, FPRSqrtStep (ARM ARM A2.8.x). */
uint32_t vfp_recip_estimate(uint32_t a, uint32_t mode, uint32_t *exc);
uint32_t vfp_rsqrt_estimate(uint32_t a, uint32_t mode, uint32_t *exc);
uint32_t vfp_urecip_estimate(uint32_t a);
uint32_t vfp_ursqrt_estimate(uint32_t a);
uint32_t vfp_recip_step(uint32_t a, uint32_t b, int rsqrt, uint32_t mode, uint32_t *exc);
/* VFPExpandImm (A7.5.1): the 8-bit VMOV immediate as a single or double. */
uint64_t vfp_expand_imm(int dp, unsigned imm8);
/* FPMax / FPMin (A2.7.14, Advanced SIMD VMAX/VMIN .F32). */
uint64_t vfp_max(int dp, uint64_t a, uint64_t b, int is_min, uint32_t mode, uint32_t *exc);

#ifdef __cplusplus
}
#endif

#endif /* VFP_FP_H */
