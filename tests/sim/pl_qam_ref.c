/*
 * pl_qam_ref.c - expected output of the QAM job of tests/sim/fw/pl_cosim.c,
 * computed on the host with the golden model (models/pl/qam_golden.h).
 *
 * Same input as the firmware (LCG x = x * 1664525 + 1013904223 from 12345,
 * FRAMES frames of FRAME_LEN bits, each frame ceil(FRAME_LEN/32) words),
 * mapped frame by frame; prints the line the firmware prints for its output:
 *     qam: output crc32 0xXXXXXXXX
 * Usage: pl_qam_ref VARIANT FRAME_LEN FRAMES   (VARIANT: bits per symbol)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "qam_golden.h"

/* CRC-32/IEEE (reflected 0xEDB88320), as zlib crc32; continues from crc. */
static uint32_t crc32_update(uint32_t crc, const uint8_t *p, size_t n)
{
    uint32_t c = ~crc;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return ~c;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: pl_qam_ref VARIANT FRAME_LEN FRAMES\n");
        return 2;
    }
    unsigned variant = (unsigned)strtoul(argv[1], NULL, 0);
    uint32_t frame_len = (uint32_t)strtoul(argv[2], NULL, 0);
    unsigned frames = (unsigned)strtoul(argv[3], NULL, 0);
    size_t in_w = pl_qam_in_words(frame_len);
    size_t out_w = pl_qam_out_symbols(variant, frame_len);
    uint32_t *in = calloc(in_w, 4), *out = calloc(out_w, 4);
    if (!in || !out) return 2;
    uint32_t x = 12345u, crc = 0;
    for (unsigned f = 0; f < frames; f++) {
        for (size_t i = 0; i < in_w; i++) {
            x = x * 1664525u + 1013904223u;
            in[i] = x;
        }
        size_t n = pl_qam_map(variant, frame_len, in, out);
        uint8_t b[4];
        for (size_t i = 0; i < n; i++) {
            for (int k = 0; k < 4; k++) b[k] = (uint8_t)(out[i] >> (8 * k));
            crc = crc32_update(crc, b, 4);
        }
    }
    printf("qam: output crc32 0x%08X\n", crc);
    free(in);
    free(out);
    return 0;
}
