/* SimB writer; see simb.h. */
#include "simb.h"

uint32_t pl_simb_crc_update(uint32_t crc, const uint32_t *w, size_t n) {
  for (size_t i = 0; i < n; i++) {
    crc ^= w[i];
    for (int b = 0; b < 32; b++) crc = (crc & 1u) ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
  }
  return crc;
}

size_t pl_simb_build(uint32_t *out, size_t cap, unsigned prr, unsigned module,
                     uint32_t payload_words, enum pl_simb_corrupt corrupt) {
  size_t extra = corrupt == PL_SIMB_OVERLONG ? 4u : 0u;
  size_t total = (size_t)payload_words + PL_SIMB_OVERHEAD + extra;
  if (cap < total) return 0;
  unsigned mod = module & 0xFFu;
  if (corrupt == PL_SIMB_BAD_MODULE) mod = ((mod >> 4) == 1u) ? 0x20u : 0x12u;
  size_t k = 0;
  out[k++] = corrupt == PL_SIMB_BAD_SYNC ? 0xAA995567u : PL_SIMB_SYNC;
  out[k++] = corrupt == PL_SIMB_BAD_MAGIC ? 0x53494D43u : PL_SIMB_MAGIC;
  out[k++] = corrupt == PL_SIMB_BAD_VERSION ? 2u : PL_SIMB_VERSION;
  out[k++] = prr;
  out[k++] = mod;
  out[k++] = payload_words;
  for (uint32_t i = 0; i < payload_words; i++)
    out[k++] = 0x20000000u | ((uint32_t)mod << 20) | (i & 0xFFFFFu);
  uint32_t crc = ~pl_simb_crc_update(0xFFFFFFFFu, &out[1], 5u + payload_words);
  out[k++] = corrupt == PL_SIMB_BAD_CRC ? ~crc : crc;
  for (size_t i = 0; i < extra; i++) out[k++] = 0x20000000u;
  out[k++] = PL_SIMB_DESYNC;
  if (corrupt == PL_SIMB_TRUNCATE) k = 6u + payload_words / 2u;
  return k;
}
