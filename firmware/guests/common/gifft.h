/*
 * gifft.h - the IFFT golden model for guests: the arithmetic of
 * models/pl/ifft_golden.c (bit-exact with rtl/rm_ifft.v) without libm or
 * malloc: the twiddles come from a table generated at build time
 * (gen_twiddles.py) and the caller gives the work buffer.
 * The host test tests/scenarios/test_guest_golden.cc compares it with
 * pl_ifft_run for every N.
 */
#ifndef GIFFT_H
#define GIFFT_H

#include <stdint.h>

#define GIFFT_LOG2_MIN 8u
#define GIFFT_LOG2_MAX 13u

/* The table (generated): {re, im} of exp(+j*2*pi*i/8192) in Q2.16. */
extern const int32_t gifft_twiddles[4096][2];

/* IFFT of n = 2^log2n samples {re[31:16], im[15:0]} (log2n 8..13):
 * in -> out (natural order). work: room for n words; in, out and work may
 * not overlap except in == out. */
void gifft_run(unsigned log2n, const uint32_t *in, uint32_t *out, uint32_t *work);

#endif /* GIFFT_H */
