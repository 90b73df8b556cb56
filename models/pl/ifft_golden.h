/* Bit-exact golden model of rtl/rm_ifft.v, the IFFT reconfigurable module.
 *
 * Samples are 32-bit words {re[15:0], im[15:0]}, two's complement. The model
 * computes, like the RTL's radix-2 decimation-in-frequency pipeline, log2(N)
 * stages on blocks of 2D samples (D = N/2, N/4, .., 1); for each pair
 * a = x[i], b = x[i+D] of a block, per component:
 *   x'[i]   = (a + b + 1) >> 1
 *   x'[i+D] = sat16(((a - b) * W + 2^16) >> 17),  W = exp(+j*2*pi*(i mod D)/(2D))
 * with W from pl_ifft_twiddle() (Q2.16), >> an arithmetic (floor) shift and
 * sat16 saturating to [-32768, 32767]. The result, in bit-reversed order after
 * the last stage, is returned in natural order. Overall scale: 1/N, i.e.
 * X[k] ~= (1/N) * sum_n x[n] exp(+j*2*pi*n*k/N).
 */
#ifndef PL_IFFT_GOLDEN_H
#define PL_IFFT_GOLDEN_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PL_IFFT_LOG2_MIN 8u
#define PL_IFFT_LOG2_MAX 13u
#define PL_IFFT_TW_FRAC 16   /* twiddle scale: 1.0 = 2^16 */

/* log2(N) the RTL uses for a variant value: clamped to 8..13. */
unsigned pl_ifft_log2n(unsigned variant);

/* Twiddle entry i (0..4095) of rtl/twiddle_rom.v: cos and sin of 2*pi*i/8192
 * scaled by 2^16, rounded to nearest with ties away from zero. */
void pl_ifft_twiddle(unsigned i, int32_t *re, int32_t *im);

/* IFFT of one frame: in and out hold N = 2^pl_ifft_log2n(variant) words; in
 * and out may be the same array. */
void pl_ifft_run(unsigned variant, const uint32_t *in, uint32_t *out);

#ifdef __cplusplus
}
#endif

#endif /* PL_IFFT_GOLDEN_H */
