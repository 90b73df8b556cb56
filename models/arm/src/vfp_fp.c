/*
 * vfp_fp.c - software IEEE 754 arithmetic following the ARM ARM pseudocode
 * (ARM DDI 0406C A2.7); see vfp_fp.h for the conventions.
 *
 * Values are unpacked into (sign, exponent, integer significand) with
 * value = mant * 2^exp. Operations compute the exact result, or an exact
 * truncation with a "sticky" bit ORed into bit 0 far below the rounding
 * position (at least 8 guard bits), in 128-bit integers, and then call
 * fp_round(), a transcription of FPRound(): flush-to-zero and underflow
 * are decided on the exponent BEFORE rounding, as the ARM ARM does.
 */
#include <math.h>
#include <string.h>

#include "vfp_fp.h"

typedef unsigned __int128 u128;
typedef __int128 s128;

enum { T_ZERO, T_NUM, T_INF, T_QNAN, T_SNAN };

typedef struct fp_val {
    int type;
    unsigned sign;
    int exp;       /* value = mant * 2^exp (T_NUM) */
    uint64_t mant;
} fp_val;

/* Format parameters (dp: 0 single, 1 double, FMT_HALF half precision):
 * F fraction bits, E exponent bits. */
#define FMT_HALF 2
#define FBITS(dp) ((dp) == 1 ? 52 : (dp) == FMT_HALF ? 10 : 23)
#define EBITS(dp) ((dp) == 1 ? 11 : (dp) == FMT_HALF ? 5 : 8)
#define BIAS(dp) ((1 << (EBITS(dp) - 1)) - 1)
#define SIGNBIT(dp) ((dp) == 1 ? (1ull << 63) : (dp) == FMT_HALF ? (1ull << 15) : (1ull << 31))
#define EMAXV(dp) ((1ull << EBITS(dp)) - 1)

static uint64_t fp_zero(int dp, unsigned sign) { return sign ? SIGNBIT(dp) : 0; }
static uint64_t fp_inf(int dp, unsigned sign)
{
    return fp_zero(dp, sign) | (EMAXV(dp) << FBITS(dp));
}
static uint64_t fp_max_normal(int dp, unsigned sign)
{
    return fp_zero(dp, sign) | (((EMAXV(dp) - 1) << FBITS(dp)) | ((1ull << FBITS(dp)) - 1));
}
static uint64_t fp_default_nan(int dp) { return dp ? 0x7FF8000000000000ull : 0x7FC00000ull; }

/* FPUnpack (A2.7.5): FZ flushes denormal inputs to zero (IDC). */
static fp_val unpack(int dp, uint64_t x, uint32_t mode, uint32_t *exc)
{
    fp_val v;
    unsigned F = FBITS(dp);
    uint64_t emax = dp ? 0x7FF : 0xFF;
    uint64_t e = (x >> F) & emax, frac = x & ((1ull << F) - 1);
    v.sign = (unsigned)((x & SIGNBIT(dp)) != 0);
    v.exp = 0;
    v.mant = 0;
    if (e == 0) {
        if (frac == 0 || (mode & VFP_FPSCR_FZ)) {
            if (frac) *exc |= VFP_EXC_ID;
            v.type = T_ZERO;
        } else {
            v.type = T_NUM;
            v.exp = 1 - BIAS(dp) - (int)F;
            v.mant = frac;
        }
    } else if (e == emax) {
        if (frac == 0) v.type = T_INF;
        else v.type = ((frac >> (F - 1)) & 1) ? T_QNAN : T_SNAN;
    } else {
        v.type = T_NUM;
        v.exp = (int)e - BIAS(dp) - (int)F;
        v.mant = frac | (1ull << F);
    }
    return v;
}

static int is_nan(const fp_val *v) { return v->type == T_QNAN || v->type == T_SNAN; }

/* FPProcessNaN (A2.7.6). */
static uint64_t process_nan(int dp, const fp_val *v, uint64_t x, uint32_t mode, uint32_t *exc)
{
    if (v->type == T_SNAN) {
        *exc |= VFP_EXC_IO;
        x |= 1ull << (FBITS(dp) - 1);
    }
    if (mode & VFP_FPSCR_DN) return fp_default_nan(dp);
    return x;
}

/* FPProcessNaNs: signalling NaNs first (operand order), then quiet ones. */
static int process_nans(int dp, const fp_val *va, const fp_val *vb, uint64_t a, uint64_t b,
                        uint32_t mode, uint32_t *exc, uint64_t *res)
{
    if (va->type == T_SNAN) *res = process_nan(dp, va, a, mode, exc);
    else if (vb->type == T_SNAN) *res = process_nan(dp, vb, b, mode, exc);
    else if (va->type == T_QNAN) *res = process_nan(dp, va, a, mode, exc);
    else if (vb->type == T_QNAN) *res = process_nan(dp, vb, b, mode, exc);
    else return 0;
    return 1;
}

static int msb64(uint64_t v) { return 63 - __builtin_clzll(v); }
static int msb128(u128 v)
{
    uint64_t hi = (uint64_t)(v >> 64);
    return hi ? 64 + msb64(hi) : msb64((uint64_t)v);
}

/*
 * FPRound (A2.7.7) of the nonzero value mant * 2^exp with `sign`.
 * Bit 0 of mant may be a sticky bit standing for "more nonzero bits below".
 */
static uint64_t fp_round(int dp, unsigned sign, int exp, u128 mant, uint32_t mode, uint32_t *exc)
{
    const int F = FBITS(dp), E = EBITS(dp);
    const int min_exp = 1 - BIAS(dp);
    int exponent = exp + msb128(mant); /* value = 1.xxx * 2^exponent */
    int biased, e_eff, sh, cmp, err_nz, round_up, ovf_inf;
    unsigned rmode = (mode >> VFP_FPSCR_RMODE_SHIFT) & 3;
    uint64_t int_mant;

    if ((mode & VFP_FPSCR_FZ) && dp != FMT_HALF && exponent < min_exp) {
        *exc |= VFP_EXC_UF; /* flush to zero: UFC only, never Inexact */
        return fp_zero(dp, sign);
    }
    biased = exponent - min_exp + 1;
    if (biased < 0) biased = 0;
    e_eff = biased > 0 ? exponent : min_exp;
    /* int_mant = RoundDown(value * 2^(F - e_eff)); cmp compares the
     * rounding error with one half ulp (-1 below, 0 equal, 1 above). */
    sh = exp + F - e_eff;
    if (sh >= 0) {
        int_mant = (uint64_t)(mant << sh);
        cmp = -1;
        err_nz = 0;
    } else {
        int r = -sh;
        if (r > 128) {
            int_mant = 0; cmp = -1; err_nz = 1;
        } else if (r == 128) {
            u128 half = (u128)1 << 127;
            int_mant = 0;
            cmp = mant > half ? 1 : (mant == half ? 0 : -1);
            err_nz = 1;
        } else {
            u128 rem = mant & ((((u128)1) << r) - 1), half = (u128)1 << (r - 1);
            int_mant = (uint64_t)(mant >> r);
            cmp = rem > half ? 1 : (rem == half ? 0 : -1);
            err_nz = rem != 0;
        }
    }
    if (biased == 0 && err_nz) *exc |= VFP_EXC_UF;
    switch (rmode) {
    case VFP_RN: round_up = cmp > 0 || (cmp == 0 && (int_mant & 1)); ovf_inf = 1; break;
    case VFP_RP: round_up = err_nz && !sign; ovf_inf = !sign; break;
    case VFP_RM: round_up = err_nz && sign; ovf_inf = (int)sign; break;
    default: round_up = 0; ovf_inf = 0; break;
    }
    if (round_up) {
        int_mant++;
        if (int_mant == (1ull << F)) biased = 1; /* denormal rounded up to normal */
        if (int_mant == (1ull << (F + 1))) { biased++; int_mant >>= 1; }
    }
    if (dp == FMT_HALF && (mode & VFP_FPSCR_AHP)) {
        /* alternative half precision: no infinities, exponent 31 is normal */
        if (biased >= (1 << E)) {
            *exc |= VFP_EXC_IO;
            return fp_zero(dp, sign) | 0x7FFF;
        }
    } else if (biased >= (1 << E) - 1) {
        *exc |= VFP_EXC_OF | VFP_EXC_IX;
        return ovf_inf ? fp_inf(dp, sign) : fp_max_normal(dp, sign);
    }
    if (err_nz) *exc |= VFP_EXC_IX;
    return fp_zero(dp, sign) | ((uint64_t)biased << F) | (int_mant & ((1ull << F) - 1));
}

/* FPAdd/FPSub, and FPHalvedSub when `halve` (the exact difference halved
 * before its single rounding, A2.8.x VRSQRTS). */
static uint64_t add_core(int dp, uint64_t a, uint64_t b, int sub, int halve, uint32_t mode,
                         uint32_t *exc)
{
    fp_val x = unpack(dp, a, mode, exc), y = unpack(dp, b, mode, exc);
    uint64_t res;
    s128 sx, sy, s;
    int ec;
    if (process_nans(dp, &x, &y, a, b, mode, exc, &res)) return res;
    if (sub) y.sign ^= 1u;
    if (x.type == T_INF && y.type == T_INF && x.sign != y.sign) {
        *exc |= VFP_EXC_IO;
        return fp_default_nan(dp);
    }
    if (x.type == T_INF) return fp_inf(dp, x.sign);
    if (y.type == T_INF) return fp_inf(dp, y.sign);
    if (x.type == T_ZERO && y.type == T_ZERO && x.sign == y.sign) return fp_zero(dp, x.sign);
    /* Align both on a common exponent. The operand with the larger
     * exponent is shifted up by at most 64; the other one, if more than 64
     * below, keeps its bits down to the common exponent plus a sticky bit. */
    if (x.type == T_ZERO) { x.exp = y.exp; }
    if (y.type == T_ZERO) { y.exp = x.exp; }
    {
        int hi = x.exp > y.exp ? x.exp : y.exp, lo = x.exp > y.exp ? y.exp : x.exp;
        u128 mx, my;
        ec = hi - lo > 64 ? hi - 64 : lo;
        mx = (u128)x.mant;
        my = (u128)y.mant;
        if (x.exp >= ec) mx <<= (x.exp - ec);
        else {
            int r = ec - x.exp;
            mx = r >= 64 ? (mx != 0) : ((mx >> r) | ((mx & ((((u128)1) << r) - 1)) != 0));
        }
        if (y.exp >= ec) my <<= (y.exp - ec);
        else {
            int r = ec - y.exp;
            my = r >= 64 ? (my != 0) : ((my >> r) | ((my & ((((u128)1) << r) - 1)) != 0));
        }
        sx = x.sign ? -(s128)mx : (s128)mx;
        sy = y.sign ? -(s128)my : (s128)my;
    }
    s = sx + sy;
    if (s == 0) /* exact zero: its sign depends on the rounding mode */
        return fp_zero(dp, ((mode >> VFP_FPSCR_RMODE_SHIFT) & 3) == VFP_RM);
    return fp_round(dp, s < 0, ec - halve, s < 0 ? (u128)(-s) : (u128)s, mode, exc);
}

uint64_t vfp_add(int dp, uint64_t a, uint64_t b, int sub, uint32_t mode, uint32_t *exc)
{
    return add_core(dp, a, b, sub, 0, mode, exc);
}

uint64_t vfp_mul(int dp, uint64_t a, uint64_t b, uint32_t mode, uint32_t *exc)
{
    fp_val x = unpack(dp, a, mode, exc), y = unpack(dp, b, mode, exc);
    uint64_t res;
    unsigned sign = x.sign ^ y.sign;
    if (process_nans(dp, &x, &y, a, b, mode, exc, &res)) return res;
    if ((x.type == T_INF && y.type == T_ZERO) || (x.type == T_ZERO && y.type == T_INF)) {
        *exc |= VFP_EXC_IO;
        return fp_default_nan(dp);
    }
    if (x.type == T_INF || y.type == T_INF) return fp_inf(dp, sign);
    if (x.type == T_ZERO || y.type == T_ZERO) return fp_zero(dp, sign);
    return fp_round(dp, sign, x.exp + y.exp, (u128)x.mant * y.mant, mode, exc);
}

/* Shift a nonzero significand so its top bit is bit 52. */
static void normalise(fp_val *v)
{
    int s = 52 - msb64(v->mant);
    v->mant <<= s;
    v->exp -= s;
}

uint64_t vfp_div(int dp, uint64_t a, uint64_t b, uint32_t mode, uint32_t *exc)
{
    fp_val x = unpack(dp, a, mode, exc), y = unpack(dp, b, mode, exc);
    uint64_t res;
    unsigned sign = x.sign ^ y.sign;
    u128 q, r, n;
    if (process_nans(dp, &x, &y, a, b, mode, exc, &res)) return res;
    if ((x.type == T_INF && y.type == T_INF) || (x.type == T_ZERO && y.type == T_ZERO)) {
        *exc |= VFP_EXC_IO;
        return fp_default_nan(dp);
    }
    if (x.type == T_INF || y.type == T_ZERO) {
        if (x.type != T_INF) *exc |= VFP_EXC_DZ;
        return fp_inf(dp, sign);
    }
    if (x.type == T_ZERO || y.type == T_INF) return fp_zero(dp, sign);
    normalise(&x);
    normalise(&y);
    n = (u128)x.mant << 64;
    q = n / y.mant;   /* 2^63 < q < 2^65 */
    r = n % y.mant;
    return fp_round(dp, sign, x.exp - y.exp - 65, (q << 1) | (r != 0), mode, exc);
}

/* floor(sqrt(n)) for n < 2^126. */
static u128 isqrt128(u128 n)
{
    u128 res = 0, bit = (u128)1 << 126;
    while (bit > n) bit >>= 2;
    while (bit) {
        if (n >= res + bit) {
            n -= res + bit;
            res = (res >> 1) + bit;
        } else {
            res >>= 1;
        }
        bit >>= 2;
    }
    return res;
}

uint64_t vfp_sqrt(int dp, uint64_t a, uint32_t mode, uint32_t *exc)
{
    fp_val x = unpack(dp, a, mode, exc);
    u128 m, root;
    if (is_nan(&x)) return process_nan(dp, &x, a, mode, exc);
    if (x.type == T_ZERO) return fp_zero(dp, x.sign);
    if (x.type == T_INF && !x.sign) return fp_inf(dp, 0);
    if (x.sign) {
        *exc |= VFP_EXC_IO;
        return fp_default_nan(dp);
    }
    normalise(&x);
    if (x.exp & 1) { x.mant <<= 1; x.exp -= 1; }
    m = (u128)x.mant << 72; /* < 2^126 */
    root = isqrt128(m);     /* >= 2^62 */
    return fp_round(dp, 0, (x.exp - 72) / 2 - 1, (root << 1) | (root * root != m), mode, exc);
}

unsigned vfp_compare(int dp, uint64_t a, uint64_t b, int quiet_nan_exc, uint32_t mode,
                     uint32_t *exc)
{
    fp_val x = unpack(dp, a, mode, exc), y = unpack(dp, b, mode, exc);
    uint64_t ma, mb;
    if (is_nan(&x) || is_nan(&y)) {
        if (x.type == T_SNAN || y.type == T_SNAN || quiet_nan_exc) *exc |= VFP_EXC_IO;
        return 0x3;
    }
    /* Ordered: IEEE magnitudes order like their encodings (flushed inputs are 0). */
    ma = x.type == T_ZERO ? 0 : (a & ~SIGNBIT(dp));
    mb = y.type == T_ZERO ? 0 : (b & ~SIGNBIT(dp));
    if (ma == 0 && mb == 0) return 0x6;
    if (x.sign != y.sign) return x.sign ? 0x8 : 0x2;
    if (ma == mb) return 0x6;
    return ((ma < mb) != (x.sign != 0)) ? 0x8 : 0x2;
}

uint32_t vfp_to_fixed(int dp, uint64_t a, unsigned size, unsigned fbits, int is_unsigned,
                      int round_zero, uint32_t mode, uint32_t *exc)
{
    fp_val x = unpack(dp, a, mode, exc);
    unsigned rmode = round_zero ? VFP_RZ : ((mode >> VFP_FPSCR_RMODE_SHIFT) & 3);
    s128 lo = is_unsigned ? 0 : -((s128)1 << (size - 1));
    s128 hi = is_unsigned ? ((s128)1 << size) - 1 : ((s128)1 << (size - 1)) - 1;
    u128 ip;
    s128 v;
    int cmp, nz, up, sh;
    if (is_nan(&x)) {
        *exc |= VFP_EXC_IO; /* the NaN's value is 0: result 0 */
        return 0;
    }
    if (x.type == T_ZERO) return 0;
    if (x.type == T_INF) {
        *exc |= VFP_EXC_IO;
        return (uint32_t)(x.sign ? lo : hi);
    }
    sh = x.exp + (int)fbits;
    if (sh >= 0) {
        if (sh > 64) sh = 64; /* saturates anyway */
        ip = (u128)x.mant << sh;
        cmp = -1;
        nz = 0;
    } else if (-sh >= 64) {
        ip = 0; cmp = -1; nz = 1;
    } else {
        int r = -sh;
        uint64_t rem = x.mant & ((1ull << r) - 1), half = 1ull << (r - 1);
        ip = x.mant >> r;
        cmp = rem > half ? 1 : (rem == half ? 0 : -1);
        nz = rem != 0;
    }
    /* Rounding of the magnitude for each RMode (RoundDown on the signed value). */
    switch (rmode) {
    case VFP_RN: up = cmp > 0 || (cmp == 0 && (ip & 1)); break;
    case VFP_RP: up = nz && !x.sign; break;
    case VFP_RM: up = nz && x.sign; break;
    default: up = 0; break;
    }
    if (up) ip++;
    v = x.sign ? -(s128)ip : (s128)ip;
    if (v < lo || v > hi) {
        *exc |= VFP_EXC_IO;
        v = v < lo ? lo : hi;
    } else if (nz) {
        *exc |= VFP_EXC_IX;
    }
    return (uint32_t)(uint64_t)v;
}

uint64_t vfp_from_fixed(int dp, uint32_t v, unsigned size, unsigned fbits, int is_unsigned,
                        int round_nearest, uint32_t mode, uint32_t *exc)
{
    int64_t val;
    uint64_t mag;
    if (size < 32) v &= (1u << size) - 1;
    if (is_unsigned) val = (int64_t)v;
    else val = (int64_t)((int32_t)(v << (32 - size)) >> (32 - size));
    if (val == 0) return fp_zero(dp, 0);
    if (round_nearest) mode &= ~(3u << VFP_FPSCR_RMODE_SHIFT);
    mag = val < 0 ? (uint64_t)(-val) : (uint64_t)val;
    return fp_round(dp, val < 0, -(int)fbits, mag, mode, exc);
}

uint64_t vfp_single_to_double(uint32_t a, uint32_t mode, uint32_t *exc)
{
    fp_val x = unpack(0, a, mode, exc);
    if (is_nan(&x)) {
        if (x.type == T_SNAN) *exc |= VFP_EXC_IO;
        if (mode & VFP_FPSCR_DN) return fp_default_nan(1);
        return ((uint64_t)x.sign << 63) | 0x7FF8000000000000ull | ((uint64_t)(a & 0x3FFFFFu) << 29);
    }
    if (x.type == T_INF) return fp_inf(1, x.sign);
    if (x.type == T_ZERO) return fp_zero(1, x.sign);
    return fp_round(1, x.sign, x.exp, x.mant, mode, exc);
}

uint32_t vfp_double_to_single(uint64_t a, uint32_t mode, uint32_t *exc)
{
    fp_val x = unpack(1, a, mode, exc);
    if (is_nan(&x)) {
        if (x.type == T_SNAN) *exc |= VFP_EXC_IO;
        if (mode & VFP_FPSCR_DN) return (uint32_t)fp_default_nan(0);
        return ((uint32_t)x.sign << 31) | 0x7FC00000u | (uint32_t)((a >> 29) & 0x3FFFFFu);
    }
    if (x.type == T_INF) return (uint32_t)fp_inf(0, x.sign);
    if (x.type == T_ZERO) return (uint32_t)fp_zero(0, x.sign);
    return (uint32_t)fp_round(0, x.sign, x.exp, x.mant, mode, exc);
}

uint64_t vfp_expand_imm(int dp, unsigned imm8)
{
    uint64_t sign = (imm8 >> 7) & 1, b6 = (imm8 >> 6) & 1, e;
    if (dp) {
        e = ((b6 ^ 1) << 10) | (b6 ? 0x3FCull : 0) | ((imm8 >> 4) & 3);
        return (sign << 63) | (e << 52) | ((uint64_t)(imm8 & 15) << 48);
    }
    e = ((b6 ^ 1) << 7) | (b6 ? 0x7Cull : 0) | ((imm8 >> 4) & 3);
    return (sign << 31) | (e << 23) | ((uint64_t)(imm8 & 15) << 19);
}

uint64_t vfp_max(int dp, uint64_t a, uint64_t b, int is_min, uint32_t mode, uint32_t *exc)
{
    fp_val x = unpack(dp, a, mode, exc), y = unpack(dp, b, mode, exc);
    uint64_t res;
    unsigned c;
    uint32_t dummy = 0;
    if (process_nans(dp, &x, &y, a, b, mode, exc, &res)) return res;
    if (x.type == T_ZERO && y.type == T_ZERO) /* max: +0 unless both -0; min: -0 if either */
        return fp_zero(dp, is_min ? (x.sign | y.sign) : (x.sign & y.sign));
    c = vfp_compare(dp, a, b, 0, mode, &dummy);
    {
        int pick_a = is_min ? (c == 0x8) : (c == 0x2);
        const fp_val *v = pick_a ? &x : &y;
        uint64_t bits = pick_a ? a : b;
        if (c == 0x6 && !pick_a) { v = &y; bits = b; }
        if (v->type == T_ZERO) return fp_zero(dp, v->sign); /* flushed denormal */
        return bits;
    }
}

/* FPUnpack for half precision (no flush to zero; AHP: exponent 31 normal). */
static fp_val unpack_half(uint32_t x, uint32_t mode)
{
    fp_val v;
    uint32_t e = (x >> 10) & 0x1F, frac = x & 0x3FF;
    v.sign = (x >> 15) & 1;
    v.exp = 0;
    v.mant = 0;
    if (e == 0) {
        v.type = frac ? T_NUM : T_ZERO;
        v.exp = 1 - 15 - 10;
        v.mant = frac;
    } else if (e == 0x1F && !(mode & VFP_FPSCR_AHP)) {
        v.type = frac == 0 ? T_INF : ((frac >> 9) & 1) ? T_QNAN : T_SNAN;
    } else {
        v.type = T_NUM;
        v.exp = (int)e - 15 - 10;
        v.mant = frac | 0x400;
    }
    return v;
}

uint32_t vfp_half_to_single(uint32_t h, uint32_t mode, uint32_t *exc)
{
    fp_val x = unpack_half(h & 0xFFFF, mode);
    if (is_nan(&x)) {
        if (x.type == T_SNAN) *exc |= VFP_EXC_IO;
        if (mode & VFP_FPSCR_DN) return (uint32_t)fp_default_nan(0);
        return (x.sign << 31) | 0x7FC00000u | ((h & 0x1FFu) << 13);
    }
    if (x.type == T_INF) return (uint32_t)fp_inf(0, x.sign);
    if (x.type == T_ZERO) return (uint32_t)fp_zero(0, x.sign);
    return (uint32_t)fp_round(0, x.sign, x.exp, x.mant, mode, exc);
}

uint32_t vfp_single_to_half(uint32_t a, uint32_t mode, uint32_t *exc)
{
    fp_val x = unpack(0, a, mode, exc);
    int ahp = (mode & VFP_FPSCR_AHP) != 0;
    if (is_nan(&x)) {
        uint32_t r;
        if (ahp) r = x.sign << 15;
        else if (mode & VFP_FPSCR_DN) r = 0x7E00;
        else r = (x.sign << 15) | 0x7E00 | ((a >> 13) & 0x1FF);
        if (x.type == T_SNAN || ahp) *exc |= VFP_EXC_IO;
        return r;
    }
    if (x.type == T_INF) {
        if (ahp) {
            *exc |= VFP_EXC_IO;
            return (x.sign << 15) | 0x7FFF;
        }
        return (uint32_t)fp_inf(FMT_HALF, x.sign);
    }
    if (x.type == T_ZERO) return (uint32_t)fp_zero(FMT_HALF, x.sign);
    return (uint32_t)fp_round(FMT_HALF, x.sign, x.exp, x.mant, mode, exc);
}

/* ---- Advanced SIMD reciprocal (square root) estimate and step, A2.8.x ---- */

/* recip_estimate() and recip_sqrt_estimate() of the ARM ARM: defined there
 * as C code on doubles, which the host's IEEE double arithmetic follows. */
static double recip_estimate(double a)
{
    int q = (int)(a * 512.0), s;
    double r = 1.0 / (((double)q + 0.5) / 512.0);
    s = (int)(256.0 * r + 0.5);
    return (double)s / 256.0;
}
static double recip_sqrt_estimate(double a)
{
    double r;
    int s;
    if (a < 0.5) {
        int q0 = (int)(a * 512.0);
        r = 1.0 / sqrt(((double)q0 + 0.5) / 512.0);
    } else {
        int q1 = (int)(a * 256.0);
        r = 1.0 / sqrt(((double)q1 + 0.5) / 256.0);
    }
    s = (int)(256.0 * r + 0.5);
    return (double)s / 256.0;
}
static double d_of(uint64_t bits) { double d; memcpy(&d, &bits, 8); return d; }
static uint64_t bits_of(double d) { uint64_t b; memcpy(&b, &d, 8); return b; }

uint32_t vfp_recip_estimate(uint32_t a, uint32_t mode, uint32_t *exc)
{
    fp_val x = unpack(0, a, mode, exc);
    if (is_nan(&x)) return (uint32_t)process_nan(0, &x, a, mode, exc);
    if (x.type == T_INF) return (uint32_t)fp_zero(0, x.sign);
    if (x.type == T_ZERO) { *exc |= VFP_EXC_DZ; return (uint32_t)fp_inf(0, x.sign); }
    if (((a >> 23) & 0xFF) >= 253) { /* |value| >= 2^126: underflows to zero */
        *exc |= VFP_EXC_UF;
        return (uint32_t)fp_zero(0, x.sign);
    }
    {
        uint64_t scaled = (0x3FEull << 52) | ((uint64_t)(a & 0x7FFFFF) << 29);
        uint32_t result_exp = 253 - ((a >> 23) & 0xFF);
        uint64_t est = bits_of(recip_estimate(d_of(scaled)));
        return (x.sign << 31) | ((result_exp & 0xFF) << 23) | (uint32_t)((est >> 29) & 0x7FFFFF);
    }
}

uint32_t vfp_rsqrt_estimate(uint32_t a, uint32_t mode, uint32_t *exc)
{
    fp_val x = unpack(0, a, mode, exc);
    if (is_nan(&x)) return (uint32_t)process_nan(0, &x, a, mode, exc);
    if (x.type == T_ZERO) { *exc |= VFP_EXC_DZ; return (uint32_t)fp_inf(0, x.sign); }
    if (x.sign) { *exc |= VFP_EXC_IO; return (uint32_t)fp_default_nan(0); }
    if (x.type == T_INF) return 0;
    {
        uint64_t scaled = ((a >> 23) & 1 ? 0x3FDull : 0x3FEull) << 52 | ((uint64_t)(a & 0x7FFFFF) << 29);
        uint32_t result_exp = (380 - ((a >> 23) & 0xFF)) / 2;
        uint64_t est = bits_of(recip_sqrt_estimate(d_of(scaled)));
        return ((result_exp & 0xFF) << 23) | (uint32_t)((est >> 29) & 0x7FFFFF);
    }
}

uint32_t vfp_urecip_estimate(uint32_t a)
{
    uint64_t dp, est;
    if (!(a >> 31)) return 0xFFFFFFFFu;
    dp = (0x3FEull << 52) | ((uint64_t)(a & 0x7FFFFFFFu) << 21);
    est = bits_of(recip_estimate(d_of(dp)));
    return 0x80000000u | (uint32_t)((est >> 21) & 0x7FFFFFFFu);
}

uint32_t vfp_ursqrt_estimate(uint32_t a)
{
    uint64_t dp, est;
    if (!(a >> 30)) return 0xFFFFFFFFu;
    if (a >> 31) dp = (0x3FEull << 52) | ((uint64_t)(a & 0x7FFFFFFFu) << 21);
    else dp = (0x3FDull << 52) | ((uint64_t)(a & 0x3FFFFFFFu) << 22);
    est = bits_of(recip_sqrt_estimate(d_of(dp)));
    return 0x80000000u | (uint32_t)((est >> 21) & 0x7FFFFFFFu);
}

/* FPRecipStep: 2 - a*b; FPRSqrtStep: (3 - a*b) / 2; inf * 0 counts as 0. */
uint32_t vfp_recip_step(uint32_t a, uint32_t b, int rsqrt, uint32_t mode, uint32_t *exc)
{
    fp_val x = unpack(0, a, mode, exc), y = unpack(0, b, mode, exc);
    uint64_t res, product;
    if (process_nans(0, &x, &y, a, b, mode, exc, &res)) return (uint32_t)res;
    if ((x.type == T_INF && y.type == T_ZERO) || (x.type == T_ZERO && y.type == T_INF))
        product = 0;
    else
        product = vfp_mul(0, a, b, mode, exc);
    if (rsqrt) return (uint32_t)add_core(0, 0x40400000u, product, 1, 1, mode, exc);
    return (uint32_t)add_core(0, 0x40000000u, product, 1, 0, mode, exc);
}
