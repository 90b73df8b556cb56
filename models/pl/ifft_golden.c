/* Golden model of rtl/rm_ifft.v; see ifft_golden.h for the arithmetic. */
#include "ifft_golden.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

unsigned pl_ifft_log2n(unsigned variant)
{
    if (variant < PL_IFFT_LOG2_MIN) {
        return PL_IFFT_LOG2_MIN;
    }
    if (variant > PL_IFFT_LOG2_MAX) {
        return PL_IFFT_LOG2_MAX;
    }
    return variant;
}

/* Same rounding as scripts/gen_twiddles.py: sign(x) * floor(|x| * 2^16 + 0.5). */
static int32_t pl_ifft_q16(double x)
{
    double v = floor(fabs(x) * 65536.0 + 0.5);
    return (int32_t)(x < 0.0 ? -v : v);
}

void pl_ifft_twiddle(unsigned i, int32_t *re, int32_t *im)
{
    const double pi = 3.14159265358979323846;
    double ang = 2.0 * pi * (double)i / 8192.0;
    *re = pl_ifft_q16(cos(ang));
    *im = pl_ifft_q16(sin(ang));
}

/* Arithmetic right shift (floor division by 2^n) without relying on the
 * implementation-defined >> of negative values. */
static int64_t pl_ifft_asr(int64_t v, unsigned n)
{
    int64_t d = (int64_t)1 << n;
    return v >= 0 ? v / d : -((-v + d - 1) / d);
}

static int32_t pl_ifft_sat16(int64_t v)
{
    if (v > 32767) {
        return 32767;
    }
    if (v < -32768) {
        return -32768;
    }
    return (int32_t)v;
}

static int32_t pl_ifft_re(uint32_t w) { return (int16_t)(uint16_t)(w >> 16); }
static int32_t pl_ifft_im(uint32_t w) { return (int16_t)(uint16_t)(w & 0xFFFFu); }

static uint32_t pl_ifft_pack(int32_t re, int32_t im)
{
    return ((uint32_t)(uint16_t)re << 16) | (uint16_t)im;
}

void pl_ifft_run(unsigned variant, const uint32_t *in, uint32_t *out)
{
    unsigned n = pl_ifft_log2n(variant);
    unsigned npts = 1u << n;
    uint32_t *x = malloc(npts * sizeof *x);
    if (x == NULL) {
        abort();
    }
    memcpy(x, in, npts * sizeof *x);

    for (unsigned d = npts / 2u; d >= 1u; d /= 2u) {
        unsigned tw_step = 4096u / d; /* W(k) = exp(+j*2*pi*k/(2d)) = entry k*4096/d */
        for (unsigned base = 0; base < npts; base += 2u * d) {
            for (unsigned i = 0; i < d; i++) {
                uint32_t a = x[base + i];
                uint32_t b = x[base + d + i];
                int32_t sr = pl_ifft_re(a) + pl_ifft_re(b) + 1;
                int32_t si = pl_ifft_im(a) + pl_ifft_im(b) + 1;
                int64_t dr = pl_ifft_re(a) - pl_ifft_re(b);
                int64_t di = pl_ifft_im(a) - pl_ifft_im(b);
                int32_t wr, wi;
                pl_ifft_twiddle(i * tw_step, &wr, &wi);
                int64_t pr = dr * wr - di * wi + 65536;
                int64_t pi = dr * wi + di * wr + 65536;
                x[base + i] = pl_ifft_pack((int32_t)pl_ifft_asr(sr, 1),
                                           (int32_t)pl_ifft_asr(si, 1));
                x[base + d + i] = pl_ifft_pack(pl_ifft_sat16(pl_ifft_asr(pr, 17)),
                                               pl_ifft_sat16(pl_ifft_asr(pi, 17)));
            }
        }
        if (d == 1u) {
            break;
        }
    }

    /* x holds the transform in bit-reversed order */
    for (unsigned k = 0; k < npts; k++) {
        unsigned r = 0;
        for (unsigned b = 0; b < n; b++) {
            r |= ((k >> b) & 1u) << (n - 1u - b);
        }
        out[k] = x[r];
    }
    free(x);
}
