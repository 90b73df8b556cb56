/* SimB (simulation-only bitstream) writer for testbenches and tools.
 * Layout (rtl/README.md "SimB format"), 32-bit words:
 *   [0] SYNC 0xAA995566  [1] MAGIC 0x53494D42  [2] VERSION 1  [3] PRR id
 *   [4] module id  [5] N  [6 .. 5+N] payload  [6+N] CRC  [7+N] DESYNC 0x0000000D
 * payload[i] = 0x20000000 | (module << 20) | (i & 0xFFFFF) (never the sync word).
 * CRC: CRC-32/IEEE (reflected polynomial 0xEDB88320, init and final XOR
 * 0xFFFFFFFF) over words [1 .. 5+N], each word as 4 bytes least significant
 * first. scripts/simb.py writes the same files. */
#ifndef DPRSIM_PL_SIMB_H
#define DPRSIM_PL_SIMB_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PL_SIMB_SYNC 0xAA995566u
#define PL_SIMB_MAGIC 0x53494D42u
#define PL_SIMB_VERSION 1u
#define PL_SIMB_DESYNC 0x0000000Du
#define PL_SIMB_OVERHEAD 8u /* words besides the payload */

/* Deliberate corruptions (scripts/simb.py --corrupt). */
enum pl_simb_corrupt {
  PL_SIMB_OK = 0,
  PL_SIMB_BAD_SYNC,     /* first word not the sync word */
  PL_SIMB_BAD_MAGIC,
  PL_SIMB_BAD_VERSION,
  PL_SIMB_BAD_CRC,      /* CRC word inverted */
  PL_SIMB_TRUNCATE,     /* stream cut after half the payload */
  PL_SIMB_OVERLONG,     /* 4 extra words between CRC and DESYNC */
  PL_SIMB_BAD_MODULE    /* module of the other kind (QAM <-> IFFT) */
};

/* CRC-32/IEEE over n words (bytes LSB first), starting from state crc
 * (use 0xFFFFFFFF) and without the final XOR. */
uint32_t pl_simb_crc_update(uint32_t crc, const uint32_t *w, size_t n);

/* Write a SimB for (prr, module, payload_words) into out (capacity cap
 * words). Returns the number of words written, 0 when cap is too small. */
size_t pl_simb_build(uint32_t *out, size_t cap, unsigned prr, unsigned module,
                     uint32_t payload_words, enum pl_simb_corrupt corrupt);

#ifdef __cplusplus
}
#endif

#endif /* DPRSIM_PL_SIMB_H */
