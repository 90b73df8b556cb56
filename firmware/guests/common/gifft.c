/*
 * gifft.c - guest IFFT golden model (gifft.h). Same stages as
 * models/pl/ifft_golden.c: for each pair a = x[i], b = x[i+d] of a block of
 * 2d samples, per component x'[i] = (a + b + 1) >> 1 and
 * x'[i+d] = sat16(((a - b) * W + 2^16) >> 17), W = twiddle (i * 4096/d);
 * >> is an arithmetic (floor) shift; the result leaves in bit-reversed
 * order. gcc's >> of a negative int is arithmetic on ARM (documented
 * implementation-defined behaviour), which the floor shift needs.
 */
#include "gifft.h"

static inline int32_t gifft_re(uint32_t w) { return (int16_t)(uint16_t)(w >> 16); }
static inline int32_t gifft_im(uint32_t w) { return (int16_t)(uint16_t)(w & 0xFFFFu); }

static inline uint32_t gifft_pack(int32_t re, int32_t im)
{
    return ((uint32_t)(uint16_t)re << 16) | (uint16_t)im;
}

/* |a - b| < 2^17 and |W| <= 2^16, so (a - b) * W + 2^16 fits in 35 bits
 * and its >> 17 in 18: saturate in 32-bit arithmetic. */
static inline int32_t gifft_sat16(int32_t v)
{
    return v > 32767 ? 32767 : v < -32768 ? -32768 : v;
}

/* Bit-reversed index of k (log2n bits): RBIT on ARM (ARMv6T2 and later). */
static inline unsigned gifft_rev(unsigned k, unsigned log2n)
{
#if defined(__arm__)
    unsigned r;
    __asm__("rbit %0, %1" : "=r"(r) : "r"(k));
    return r >> (32u - log2n);
#else
    unsigned r = 0;
    for (unsigned b = 0; b < log2n; b++)
        r |= ((k >> b) & 1u) << (log2n - 1u - b);
    return r;
#endif
}

void gifft_run(unsigned log2n, const uint32_t *in, uint32_t *out, uint32_t *work)
{
    if (log2n < GIFFT_LOG2_MIN)
        log2n = GIFFT_LOG2_MIN;
    if (log2n > GIFFT_LOG2_MAX)
        log2n = GIFFT_LOG2_MAX;
    unsigned n = 1u << log2n;
    uint32_t *x = work;
    for (unsigned i = 0; i < n; i++)
        x[i] = in[i];
    for (unsigned d = n / 2u; d >= 1u; d /= 2u) {
        unsigned step = 4096u / d;
        for (unsigned base = 0; base < n; base += 2u * d) {
            uint32_t *p = x + base, *q = x + base + d;
            for (unsigned i = 0; i < d; i++) {
                uint32_t a = p[i], b = q[i];
                int32_t ar = gifft_re(a), ai = gifft_im(a);
                int32_t br = gifft_re(b), bi = gifft_im(b);
                int32_t wr = gifft_twiddles[i * step][0];
                int32_t wi = gifft_twiddles[i * step][1];
                int64_t dr = ar - br, di = ai - bi;
                int64_t pr = dr * wr - di * wi + 65536;
                int64_t pi = dr * wi + di * wr + 65536;
                p[i] = gifft_pack((ar + br + 1) >> 1, (ai + bi + 1) >> 1);
                q[i] = gifft_pack(gifft_sat16((int32_t)(pr >> 17)), gifft_sat16((int32_t)(pi >> 17)));
            }
        }
        if (d == 1u)
            break;
    }
    for (unsigned k = 0; k < n; k++)
        out[k] = x[gifft_rev(k, log2n)];
}
