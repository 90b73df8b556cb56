/* Bit-exact golden model of rtl/rm_qam.v, the QAM mapper reconfigurable module.
 *
 * Input: a frame of frame_len bits packed LSB-first into 32-bit words (bit 0 of
 * word 0 is the first bit). Output: one 32-bit word per symbol,
 * {I[15:0], Q[15:0]}, ceil(frame_len / k) symbols for k bits per symbol; the
 * last symbol is padded with zero bits.
 *
 * Mapping (as the RTL; see rtl/rm_qam.v): the k bits b0..b(k-1) of a symbol
 * (b0 first) are split into b0..b(k/2-1) for I and the rest for Q; each half is
 * a Gray code word with its first bit as MSB; its Gray-decoded value g selects
 * the level 2g - (2^(k/2) - 1) (IEEE 802.11a bit-to-level mapping). I and Q are
 * 16-bit two's complement Q2.14 (1.0 = 16384) scaled for unit average symbol
 * energy: round(level * 16384 / sqrt(E)), E = 2, 10, 42 for 4/16/64-QAM.
 */
#ifndef PL_QAM_GOLDEN_H
#define PL_QAM_GOLDEN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Scale of the I/Q output: 1.0 = 2^PL_QAM_FRAC_BITS. */
#define PL_QAM_FRAC_BITS 14

/* Bits per symbol the RTL uses for a variant value: 4 -> 4, 6 -> 6, any other
 * value -> 2 (4-QAM). */
unsigned pl_qam_bits_per_symbol(unsigned variant);

/* Number of input words for a frame of frame_len bits: ceil(frame_len/32). */
size_t pl_qam_in_words(uint32_t frame_len);

/* Number of output symbols: ceil(frame_len / pl_qam_bits_per_symbol(variant)). */
size_t pl_qam_out_symbols(unsigned variant, uint32_t frame_len);

/* Signed Q2.14 amplitude of Gray-decoded level index g (0 .. 2^(k/2)-1) for k
 * bits per symbol (k = 2, 4, 6). */
int16_t pl_qam_level(unsigned k, unsigned g);

/* Map one frame. in: pl_qam_in_words(frame_len) words; out: room for
 * pl_qam_out_symbols(variant, frame_len) words. Returns the number of symbols
 * written. */
size_t pl_qam_map(unsigned variant, uint32_t frame_len, const uint32_t *in,
                  uint32_t *out);

#ifdef __cplusplus
}
#endif

#endif /* PL_QAM_GOLDEN_H */
