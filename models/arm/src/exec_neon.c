/*
 * exec_neon.c - Advanced SIMD (NEON) decode and semantics (ARM DDI 0406C
 * A7.4 data processing, A7.7 element and structure loads/stores, A8.8
 * descriptions). Encodings are given in their A32 form (1111 001U ...,
 * 1111 0100 ...); t32_dec32.c converts T32 ones with vfp_t32_to_a32().
 *
 * Field use in arm_insn (all handlers here): vd, vn, vm = first D register
 * of each operand (0..31; loads/stores: rn = base, rm = Rm core registers);
 * reglist = number of D registers per full-width
 * operand (1 = D form, 2 = Q form); shift_type = log2(esize / 8) of the
 * elements the operation works on; op = operation (NEON_* below);
 * ARM_IF_U = unsigned (U bit); imm = immediate / shift amount / extra
 * fields as noted per group; shift_imm = scalar index or second size.
 *
 * Floating-point element operations use vfp_fp.c with StandardFPSCRValue()
 * (A2.7.3: round to nearest, flush-to-zero, default NaN) and set the FPSCR
 * cumulative flags; saturating integer operations set FPSCR.QC.
 *
 * Implemented: 3 registers same length (integer add/sub/halving/
 * saturating, compares, shifts by register (non-saturating), min/max,
 * absolute difference, logic, multiply(-accumulate), VQDMULH/VQRDMULH,
 * pairwise add/min/max, float add/sub/mul/mla/mls/abd/compare/min/max/
 * pairwise), 3 registers different lengths (widening add/sub/abd/aba/
 * mul/mla/mls, narrowing high-half add/sub), 2 registers and a scalar
 * (VMUL/VMLA/VMLS/VMULL/VMLAL/VMLSL), shifts by immediate (VSHR, VSRA,
 * VRSHR, VRSRA, VSHL, VSRI, VSLI, VSHRN, VRSHRN, VQSHRN, VQRSHRN, VQSHRUN,
 * VQRSHRUN, VSHLL, VMOVL), one register and modified immediate (VMOV,
 * VMVN, VORR, VBIC), two registers misc (VREV*, VPADDL, VPADAL, VCLS,
 * VCLZ, VCNT, VMVN, VQABS, VQNEG, compares with zero, VABS, VNEG, VSWP,
 * VTRN, VUZP, VZIP, VMOVN, VQMOVN, VQMOVUN, VSHLL max, VCVT f32<->s32/u32),
 * VEXT, VTBL/VTBX, VDUP (scalar), VLD1-4/VST1-4 (multiple structures,
 * single lane) and VLD1-4 to all lanes.
 * Also saturating shifts (VQSHL/VQRSHL register, VQSHL/VQSHLU immediate)
 * and the doubling multiplies VQDMULL/VQDMLAL/VQDMLSL (also by scalar).
 * VCVT between half and single precision and between single precision
 * and fixed point, polynomial VMULL.P8.
 * Also VRECPE/VRSQRTE (.F32, .U32) and VRECPS/VRSQRTS.
 * Everything of A7.4/A7.7 that VFPv3/Advanced SIMDv1 defines is decoded;
 * VFMA/VFMS (VFPv4, not on the Cortex-A9) are UNDEFINED.
 */
#include <stdio.h>

#include "a9_timing.h"
#include "neon_internal.h"
#include "vfp_fp.h"

#define BITS(x, hi, lo) (((x) >> (lo)) & ((1u << ((hi) - (lo) + 1)) - 1))
#define BIT(x, n) (((x) >> (n)) & 1u)

/* ---- operations ---- */
enum {
    /* 3 same, integer */
    N_VHADD = 1, N_VQADD, N_VRHADD, N_VHSUB, N_VQSUB, N_VCGT, N_VCGE, N_VSHL, N_VRSHL,
    N_VMAX, N_VMIN, N_VABD, N_VABA, N_VADD, N_VSUB, N_VTST, N_VCEQ, N_VMLA, N_VMLS, N_VMUL,
    N_VMULP, N_VQDMULH, N_VQRDMULH, N_VPMAX, N_VPMIN, N_VPADD,
    /* logic (whole registers) */
    N_VAND, N_VBIC, N_VORR, N_VORN, N_VEOR, N_VBSL, N_VBIT, N_VBIF,
    /* 3 same, float */
    N_FADD, N_FSUB, N_FPADD, N_FABD, N_FMLA, N_FMLS, N_FMUL, N_FCEQ, N_FCGE, N_FCGT,
    N_FACGE, N_FACGT, N_FMAX, N_FMIN, N_FPMAX, N_FPMIN,
    /* 3 different */
    N_VADDL, N_VADDW, N_VSUBL, N_VSUBW, N_VADDHN, N_VRADDHN, N_VABAL, N_VSUBHN, N_VRSUBHN,
    N_VABDL, N_VMLAL, N_VMLSL, N_VMULL,
    /* shifts by immediate */
    N_VSHR, N_VSRA, N_VRSHR, N_VRSRA, N_VSRI, N_VSHLI, N_VSLI, N_VSHRN, N_VRSHRN, N_VQSHRN,
    N_VQRSHRN, N_VQSHRUN, N_VQRSHRUN, N_VSHLL,
    /* immediate */
    N_VMOVI, N_VMVNI, N_VORRI, N_VBICI,
    /* 2 misc */
    N_VREV64, N_VREV32, N_VREV16, N_VPADDL, N_VPADAL, N_VCLS, N_VCLZ, N_VCNT, N_VMVN,
    N_VQABS, N_VQNEG, N_VCGT0, N_VCGE0, N_VCEQ0, N_VCLE0, N_VCLT0, N_VABS, N_VNEG,
    N_FCGT0, N_FCGE0, N_FCEQ0, N_FCLE0, N_FCLT0, N_FABS, N_FNEG,
    N_VSWP, N_VTRN, N_VUZP, N_VZIP, N_VMOVN, N_VQMOVUN, N_VQMOVN, N_VSHLLMAX,
    N_VCVT_FS, N_VCVT_FU, N_VCVT_SF, N_VCVT_UF,
    /* saturating shifts and doubling multiplies */
    N_VQSHL, N_VQRSHL, N_VQSHLI, N_VQSHLUI, N_VQDMULL, N_VQDMLAL, N_VQDMLSL,
    N_VCVT_HF, N_VCVT_FH, /* single <-> half precision */
    N_VMULLP, N_VCVT_TOFIX, N_VCVT_FROMFIX,
    N_FRECPS, N_FRSQRTS, N_VRECPE, N_VRSQRTE, N_FRECPE, N_FRSQRTE,
    N_COUNT
};

static const char *const n_names[N_COUNT] = {
    "?", "vhadd", "vqadd", "vrhadd", "vhsub", "vqsub", "vcgt", "vcge", "vshl", "vrshl",
    "vmax", "vmin", "vabd", "vaba", "vadd", "vsub", "vtst", "vceq", "vmla", "vmls", "vmul",
    "vmul", "vqdmulh", "vqrdmulh", "vpmax", "vpmin", "vpadd",
    "vand", "vbic", "vorr", "vorn", "veor", "vbsl", "vbit", "vbif",
    "vadd", "vsub", "vpadd", "vabd", "vmla", "vmls", "vmul", "vceq", "vcge", "vcgt",
    "vacge", "vacgt", "vmax", "vmin", "vpmax", "vpmin",
    "vaddl", "vaddw", "vsubl", "vsubw", "vaddhn", "vraddhn", "vabal", "vsubhn", "vrsubhn",
    "vabdl", "vmlal", "vmlsl", "vmull",
    "vshr", "vsra", "vrshr", "vrsra", "vsri", "vshl", "vsli", "vshrn", "vrshrn", "vqshrn",
    "vqrshrn", "vqshrun", "vqrshrun", "vshll",
    "vmov", "vmvn", "vorr", "vbic",
    "vrev64", "vrev32", "vrev16", "vpaddl", "vpadal", "vcls", "vclz", "vcnt", "vmvn",
    "vqabs", "vqneg", "vcgt", "vcge", "vceq", "vcle", "vclt", "vabs", "vneg",
    "vcgt", "vcge", "vceq", "vcle", "vclt", "vabs", "vneg",
    "vswp", "vtrn", "vuzp", "vzip", "vmovn", "vqmovun", "vqmovn", "vshll",
    "vcvt", "vcvt", "vcvt", "vcvt",
    "vqshl", "vqrshl", "vqshl", "vqshlu", "vqdmull", "vqdmlal", "vqdmlsl", "vcvt", "vcvt", "vmull", "vcvt", "vcvt",
    "vrecps", "vrsqrts", "vrecpe", "vrsqrte", "vrecpe", "vrsqrte"};

/* ---- element helpers ---- */
static inline uint64_t emask(unsigned esize) { return esize == 64 ? ~0ull : (1ull << esize) - 1; }
static inline uint64_t get_e(const uint64_t *v, unsigned idx, unsigned esize)
{
    unsigned per = 64 / esize;
    return (v[idx / per] >> ((idx % per) * esize)) & emask(esize);
}
static inline void set_e(uint64_t *v, unsigned idx, unsigned esize, uint64_t x)
{
    unsigned per = 64 / esize, sh = (idx % per) * esize;
    uint64_t m = emask(esize) << sh;
    v[idx / per] = (v[idx / per] & ~m) | ((x << sh) & m);
}
static inline int64_t sx(uint64_t v, unsigned esize)
{
    return esize == 64 ? (int64_t)v : (int64_t)(v << (64 - esize)) >> (64 - esize);
}
static inline void load_regs(const arm_cpu *cpu, unsigned r, unsigned n, uint64_t *v)
{
    unsigned k;
    for (k = 0; k < n; k++) v[k] = cpu->vfp_d[(r + k) & 31];
}
static inline void store_regs(arm_cpu *cpu, unsigned r, unsigned n, const uint64_t *v)
{
    unsigned k;
    for (k = 0; k < n; k++) cpu->vfp_d[(r + k) & 31] = v[k];
}

/* Saturate v to esize bits signed/unsigned; sets *sat on saturation. */
static uint64_t sat(__int128 v, unsigned esize, int is_unsigned, int *satf)
{
    __int128 lo = is_unsigned ? 0 : -((__int128)1 << (esize - 1));
    __int128 hi = is_unsigned ? (((__int128)1 << esize) - 1) : (((__int128)1 << (esize - 1)) - 1);
    if (v < lo) { *satf = 1; v = lo; }
    else if (v > hi) { *satf = 1; v = hi; }
    return (uint64_t)v & emask(esize);
}

/* Value of element x as a signed 128-bit integer per U. */
static inline __int128 ival(uint64_t x, unsigned esize, int u)
{
    return u ? (__int128)x : (__int128)sx(x, esize);
}

/* Shift by a signed register amount (VSHL/VRSHL register, A8.8.395/A8.8.377). */
static uint64_t shift_reg(uint64_t a, int sh, unsigned esize, int u, int round)
{
    __int128 v = ival(a, esize, u);
    if (sh >= 0) {
        if (sh >= (int)esize) return 0;
        return (uint64_t)(v << sh) & emask(esize);
    }
    sh = -sh;
    if (sh > (int)esize) sh = (int)esize + 1; /* all bits shifted out (rounding may add 1) */
    {
        __int128 r = round ? (v + ((__int128)1 << (sh - 1))) >> sh : v >> sh;
        return (uint64_t)r & emask(esize);
    }
}

/* Saturating shift by a signed amount (VQSHL/VQRSHL register, A8.8.375/
 * A8.8.377; VQSHL/VQSHLU immediate with sh >= 0): source signedness src_u,
 * result saturated to esize bits with signedness dst_u. */
static uint64_t qshift(uint64_t a, int sh, unsigned esize, int src_u, int dst_u, int round,
                       int *satf)
{
    __int128 v = ival(a, esize, src_u);
    if (sh >= 0) {
        if (v == 0) return 0;
        if (sh >= (int)esize) v = v > 0 ? ((__int128)1 << 100) : -((__int128)1 << 100); /* saturates */
        else v = v << sh; /* |v| < 2^64, sh < 64: exact in 128 bits */
    } else {
        int r = -sh;
        if (r > (int)esize + 1) r = (int)esize + 1;
        v = round ? (v + ((__int128)1 << (r - 1))) >> r : v >> r;
    }
    return sat(v, esize, dst_u, satf);
}

/* Carry-less 8 x 8 -> 16-bit product (PolynomialMult, A2.8.1). */
static uint64_t polymull8(uint64_t a, uint64_t b)
{
    uint64_t r = 0;
    unsigned k;
    for (k = 0; k < 8; k++)
        if ((b >> k) & 1) r ^= a << k;
    return r & 0xFFFF;
}
static uint64_t polymul8(uint64_t a, uint64_t b) { return polymull8(a, b) & 0xFF; }

/* One integer element of the 3-same group. */
static uint64_t op3(unsigned op, unsigned esize, int u, uint64_t a, uint64_t b, uint64_t d,
                    int *satf)
{
    __int128 x = ival(a, esize, u), y = ival(b, esize, u);
    uint64_t m = emask(esize);
    switch (op) {
    case N_VHADD: return (uint64_t)((x + y) >> 1) & m;
    case N_VRHADD: return (uint64_t)((x + y + 1) >> 1) & m;
    case N_VHSUB: return (uint64_t)((x - y) >> 1) & m;
    case N_VQADD: return sat(x + y, esize, u, satf);
    case N_VQSUB: return sat(x - y, esize, u, satf);
    case N_VCGT: return x > y ? m : 0;
    case N_VCGE: return x >= y ? m : 0;
    case N_VSHL: return shift_reg(a, (int)(int8_t)b, esize, u, 0);
    case N_VRSHL: return shift_reg(a, (int)(int8_t)b, esize, u, 1);
    case N_VQSHL: return qshift(a, (int)(int8_t)b, esize, u, u, 0, satf);
    case N_VQRSHL: return qshift(a, (int)(int8_t)b, esize, u, u, 1, satf);
    case N_VMAX: return x >= y ? a : b;
    case N_VMIN: return x >= y ? b : a;
    case N_VABD: return (uint64_t)(x > y ? x - y : y - x) & m;
    case N_VABA: return (d + (uint64_t)(x > y ? x - y : y - x)) & m;
    case N_VADD: return (a + b) & m;
    case N_VSUB: return (a - b) & m;
    case N_VTST: return (a & b) ? m : 0;
    case N_VCEQ: return a == b ? m : 0;
    case N_VMLA: return (d + a * b) & m;
    case N_VMLS: return (d - a * b) & m;
    case N_VMUL: return (a * b) & m;
    case N_VMULP: return polymul8(a, b);
    case N_VQDMULH: return sat((2 * sx(a, esize) * (__int128)sx(b, esize)) >> esize, esize, 0, satf);
    case N_VQRDMULH:
        return sat((2 * sx(a, esize) * (__int128)sx(b, esize) + ((__int128)1 << (esize - 1))) >>
                       esize, esize, 0, satf);
    case N_VPMAX: return x >= y ? a : b;
    case N_VPMIN: return x >= y ? b : a;
    case N_VPADD: return (a + b) & m;
    default: return 0;
    }
}

/* One single-precision element of the float 3-same group. */
static uint64_t fop3(unsigned op, uint64_t a, uint64_t b, uint64_t d, uint32_t mode, uint32_t *exc)
{
    switch (op) {
    case N_FADD: case N_FPADD: return vfp_add(0, a, b, 0, mode, exc);
    case N_FSUB: return vfp_add(0, a, b, 1, mode, exc);
    case N_FABD: return vfp_abs(0, vfp_add(0, a, b, 1, mode, exc));
    case N_FMLA: return vfp_add(0, d, vfp_mul(0, a, b, mode, exc), 0, mode, exc);
    case N_FMLS: return vfp_add(0, d, vfp_neg(0, vfp_mul(0, a, b, mode, exc)), 0, mode, exc);
    case N_FMUL: return vfp_mul(0, a, b, mode, exc);
    case N_FCEQ: return vfp_compare(0, a, b, 0, mode, exc) == 0x6 ? 0xFFFFFFFFu : 0;
    case N_FCGE: { unsigned c = vfp_compare(0, a, b, 1, mode, exc); return (c == 0x6 || c == 0x2) ? 0xFFFFFFFFu : 0; }
    case N_FCGT: return vfp_compare(0, a, b, 1, mode, exc) == 0x2 ? 0xFFFFFFFFu : 0;
    case N_FACGE: { unsigned c = vfp_compare(0, vfp_abs(0, a), vfp_abs(0, b), 1, mode, exc); return (c == 0x6 || c == 0x2) ? 0xFFFFFFFFu : 0; }
    case N_FACGT: return vfp_compare(0, vfp_abs(0, a), vfp_abs(0, b), 1, mode, exc) == 0x2 ? 0xFFFFFFFFu : 0;
    case N_FMAX: case N_FPMAX: return vfp_max(0, a, b, 0, mode, exc);
    case N_FMIN: case N_FPMIN: return vfp_max(0, a, b, 1, mode, exc);
    case N_FRECPS: return vfp_recip_step((uint32_t)a, (uint32_t)b, 0, mode, exc);
    case N_FRSQRTS: return vfp_recip_step((uint32_t)a, (uint32_t)b, 1, mode, exc);
    default: return 0;
    }
}

static int is_float_op(unsigned op)
{
    return (op >= N_FADD && op <= N_FPMIN) || op == N_FRECPS || op == N_FRSQRTS;
}
static int is_pairwise(unsigned op)
{
    return op == N_VPMAX || op == N_VPMIN || op == N_VPADD || op == N_FPADD || op == N_FPMAX ||
           op == N_FPMIN;
}

static void set_qc(arm_cpu *cpu, int satf) { if (satf) cpu->fpscr |= VFP_FPSCR_QC; }

/* ---- handlers ---- */

static void h_3same(arm_cpu *cpu, const arm_insn *i)
{
    uint64_t n[2], m[2], d[2], r[2];
    unsigned regs = i->reglist, esize = 8u << i->shift_type, nel = regs * 64 / esize, k;
    int u = (i->flags & ARM_IF_U) != 0, satf = 0;
    uint32_t exc = 0, mode = vfp_standard_fpscr(cpu->fpscr);
    if (!vfp_access_ok(cpu, 1)) return;
    load_regs(cpu, i->vn, regs, n);
    load_regs(cpu, i->vm, regs, m);
    load_regs(cpu, i->vd, regs, d);
    if (i->op >= N_VAND && i->op <= N_VBIF) {
        for (k = 0; k < regs; k++) {
            switch (i->op) {
            case N_VAND: r[k] = n[k] & m[k]; break;
            case N_VBIC: r[k] = n[k] & ~m[k]; break;
            case N_VORR: r[k] = n[k] | m[k]; break;
            case N_VORN: r[k] = n[k] | ~m[k]; break;
            case N_VEOR: r[k] = n[k] ^ m[k]; break;
            case N_VBSL: r[k] = (n[k] & d[k]) | (m[k] & ~d[k]); break;
            case N_VBIT: r[k] = (n[k] & m[k]) | (d[k] & ~m[k]); break;
            default: r[k] = (d[k] & m[k]) | (n[k] & ~m[k]); break; /* VBIF */
            }
        }
        store_regs(cpu, i->vd, regs, r);
        return;
    }
    if (is_pairwise(i->op)) { /* D form only: pairs of Dn, then pairs of Dm */
        unsigned half = nel / 2;
        for (k = 0; k < nel; k++) {
            const uint64_t *src = k < half ? n : m;
            unsigned j = (k % half) * 2;
            uint64_t a = get_e(src, j, esize), b = get_e(src, j + 1, esize), v;
            v = is_float_op(i->op) ? fop3(i->op, a, b, 0, mode, &exc)
                                   : op3(i->op, esize, u, a, b, 0, &satf);
            set_e(r, k, esize, v);
        }
    } else {
        for (k = 0; k < nel; k++) {
            uint64_t a = get_e(n, k, esize), b = get_e(m, k, esize), dv = get_e(d, k, esize), v;
            v = is_float_op(i->op) ? fop3(i->op, a, b, dv, mode, &exc)
                                   : op3(i->op, esize, u, a, b, dv, &satf);
            set_e(r, k, esize, v);
        }
    }
    store_regs(cpu, i->vd, regs, r);
    set_qc(cpu, satf);
    cpu->fpscr |= exc;
}

/* 3 registers of different lengths, and 2 registers + scalar (imm bit 0 =
 * scalar form: rm = Dm, shift_imm = index; imm bit 1 = float). Wide
 * operands (Q) are n for VADDW/VSUBW and d for long results; esize is the
 * narrow element size. */
static void h_3diff(arm_cpu *cpu, const arm_insn *i)
{
    uint64_t n[2], m[2], d[2], r[2] = {0, 0};
    unsigned esize = 8u << i->shift_type, k, nel = 64 / esize;
    int u = (i->flags & ARM_IF_U) != 0, scalar = i->imm & 1;
    uint32_t exc = 0, mode = vfp_standard_fpscr(cpu->fpscr);
    unsigned op = i->op;
    int wide_n = op == N_VADDW || op == N_VSUBW;
    int long_res = op == N_VADDL || op == N_VADDW || op == N_VSUBL || op == N_VSUBW ||
                   op == N_VABAL || op == N_VABDL || op == N_VMLAL || op == N_VMLSL || op == N_VMULL ||
                   op == N_VQDMULL || op == N_VQDMLAL || op == N_VQDMLSL || op == N_VMULLP;
    int satf = 0;
    int narrow = op == N_VADDHN || op == N_VRADDHN || op == N_VSUBHN || op == N_VRSUBHN;
    if (!vfp_access_ok(cpu, 1)) return;
    load_regs(cpu, i->vn, wide_n || narrow ? 2 : (scalar ? i->reglist : 1), n);
    load_regs(cpu, i->vm, narrow ? 2 : 1, m);
    load_regs(cpu, i->vd, long_res ? 2 : i->reglist, d);
    if (scalar && !long_res) { /* VMUL/VMLA/VMLS by scalar: same-size elements */
        uint64_t s = get_e(m, i->shift_imm, esize);
        unsigned nn = i->reglist * 64 / esize;
        for (k = 0; k < nn; k++) {
            uint64_t a = get_e(n, k, esize), dv = get_e(d, k, esize), v;
            if (i->imm & 2) {
                if (op == N_VMUL) v = vfp_mul(0, a, s, mode, &exc);
                else {
                    uint64_t p = vfp_mul(0, a, s, mode, &exc);
                    v = vfp_add(0, dv, op == N_VMLS ? vfp_neg(0, p) : p, 0, mode, &exc);
                }
            } else {
                v = op3(op, esize, u, a, s, dv, &satf);
            }
            set_e(r, k, esize, v);
        }
        store_regs(cpu, i->vd, i->reglist, r);
        set_qc(cpu, satf);
        cpu->fpscr |= exc;
        return;
    }
    if (narrow) {
        for (k = 0; k < nel; k++) {
            uint64_t a = get_e(n, k, 2 * esize), b = get_e(m, k, 2 * esize), v;
            v = (op == N_VADDHN || op == N_VRADDHN) ? a + b : a - b;
            if (op == N_VRADDHN || op == N_VRSUBHN) v += 1ull << (esize - 1);
            set_e(r, k, esize, (v & emask(2 * esize)) >> esize);
        }
        store_regs(cpu, i->vd, 1, r);
        return;
    }
    for (k = 0; k < nel; k++) {
        __int128 a = wide_n ? ival(get_e(n, k, 2 * esize), 2 * esize, u) : ival(get_e(n, k, esize), esize, u);
        __int128 b = ival(scalar ? get_e(m, i->shift_imm, esize) : get_e(m, k, esize), esize, u);
        uint64_t dv = get_e(d, k, 2 * esize), v;
        switch (op) {
        case N_VADDL: case N_VADDW: v = (uint64_t)(a + b); break;
        case N_VSUBL: case N_VSUBW: v = (uint64_t)(a - b); break;
        case N_VABAL: v = dv + (uint64_t)(a > b ? a - b : b - a); break;
        case N_VABDL: v = (uint64_t)(a > b ? a - b : b - a); break;
        case N_VMLAL: v = dv + (uint64_t)(a * b); break;
        case N_VMLSL: v = dv - (uint64_t)(a * b); break;
        case N_VQDMULL: v = sat(2 * a * b, 2 * esize, 0, &satf); break;
        case N_VMULLP: v = polymull8(get_e(n, k, esize), get_e(m, k, esize)); break;
        case N_VQDMLAL: case N_VQDMLSL: {
            __int128 p = (__int128)sx(sat(2 * a * b, 2 * esize, 0, &satf), 2 * esize);
            __int128 acc = (__int128)sx(dv, 2 * esize);
            v = sat(op == N_VQDMLAL ? acc + p : acc - p, 2 * esize, 0, &satf);
            break;
        }
        default: v = (uint64_t)(a * b); break; /* VMULL */
        }
        set_e(r, k, 2 * esize, v & emask(2 * esize));
    }
    store_regs(cpu, i->vd, 2, r);
    set_qc(cpu, satf);
}

/* Shifts by immediate: imm = shift amount (right shifts 1..esize, left
 * 0..esize-1); esize = element size of the source (narrowing: the result
 * is esize/2). */
static void h_shift(arm_cpu *cpu, const arm_insn *i)
{
    uint64_t m[2], d[2], r[2] = {0, 0};
    unsigned esize = 8u << i->shift_type, regs = i->reglist, k, sh = i->imm;
    int u = (i->flags & ARM_IF_U) != 0, satf = 0;
    unsigned op = i->op;
    uint32_t exc = 0, mode = vfp_standard_fpscr(cpu->fpscr);
    if (!vfp_access_ok(cpu, 1)) return;
    if (op >= N_VSHRN && op <= N_VQRSHRUN) { /* narrowing: Qm -> Dd, source esize */
        unsigned nel = 64 / (esize / 2);
        load_regs(cpu, i->vm, 2, m);
        for (k = 0; k < nel; k++) {
            int srcu = op == N_VSHRN || op == N_VRSHRN ? 1 : (op == N_VQSHRUN || op == N_VQRSHRUN ? 0 : u);
            __int128 v = ival(get_e(m, k, esize), esize, srcu);
            int rnd = op == N_VRSHRN || op == N_VQRSHRN || op == N_VQRSHRUN;
            uint64_t res;
            if (rnd) v += (__int128)1 << (sh - 1);
            v >>= sh;
            if (op == N_VSHRN || op == N_VRSHRN) res = (uint64_t)v & emask(esize / 2);
            else res = sat(v, esize / 2, op == N_VQSHRUN || op == N_VQRSHRUN ? 1 : u, &satf);
            set_e(r, k, esize / 2, res);
        }
        store_regs(cpu, i->vd, 1, r);
        set_qc(cpu, satf);
        return;
    }
    if (op == N_VSHLL) { /* Dm -> Qd, widening left shift (VMOVL when 0) */
        unsigned nel = 64 / esize;
        load_regs(cpu, i->vm, 1, m);
        for (k = 0; k < nel; k++)
            set_e(r, k, 2 * esize, (uint64_t)(ival(get_e(m, k, esize), esize, u) << sh) & emask(2 * esize));
        store_regs(cpu, i->vd, 2, r);
        return;
    }
    load_regs(cpu, i->vm, regs, m);
    load_regs(cpu, i->vd, regs, d);
    for (k = 0; k < regs * 64 / esize; k++) {
        uint64_t a = get_e(m, k, esize), dv = get_e(d, k, esize), v;
        __int128 x = ival(a, esize, u);
        switch (op) {
        case N_VSHR: v = (uint64_t)(x >> sh); break;
        case N_VSRA: v = dv + (uint64_t)(x >> sh); break;
        case N_VRSHR: v = (uint64_t)((x + ((__int128)1 << (sh - 1))) >> sh); break;
        case N_VRSRA: v = dv + (uint64_t)((x + ((__int128)1 << (sh - 1))) >> sh); break;
        case N_VSHLI: v = (uint64_t)(x << sh); break;
        case N_VQSHLI: v = qshift(a, (int)sh, esize, u, u, 0, &satf); break;
        case N_VQSHLUI: v = qshift(a, (int)sh, esize, 0, 1, 0, &satf); break;
        case N_VCVT_TOFIX: v = vfp_to_fixed(0, a, 32, sh, u, 1, mode, &exc); break;
        case N_VCVT_FROMFIX: v = vfp_from_fixed(0, (uint32_t)a, 32, sh, u, 1, mode, &exc); break;
        case N_VSRI: {
            uint64_t keep = sh >= esize ? emask(esize) : ~(emask(esize) >> sh);
            v = (dv & keep) | (sh >= esize ? 0 : (a >> sh));
            break;
        }
        default: { /* VSLI */
            uint64_t keep = (1ull << sh) - 1;
            v = (dv & keep) | (a << sh);
            break;
        }
        }
        set_e(r, k, esize, v & emask(esize));
    }
    store_regs(cpu, i->vd, regs, r);
    set_qc(cpu, satf);
    cpu->fpscr |= exc;
}

/* One register and a modified immediate: imm = the 32-bit pattern repeated
 * in both halves, or with rs = 1 (cmode 1110, op 1) imm8 whose bits select
 * bytes of 0xFF. */
static void h_imm(arm_cpu *cpu, const arm_insn *i)
{
    uint64_t d[2], v;
    unsigned k;
    if (!vfp_access_ok(cpu, 1)) return;
    if (i->rs) { /* cmode 1110, op 1: each bit of imm8 -> a byte */
        v = 0;
        for (k = 0; k < 8; k++)
            if ((i->imm >> k) & 1) v |= 0xFFull << (8 * k);
    } else {
        v = ((uint64_t)i->imm << 32) | i->imm;
    }
    load_regs(cpu, i->vd, i->reglist, d);
    for (k = 0; k < i->reglist; k++) {
        switch (i->op) {
        case N_VMOVI: d[k] = v; break;
        case N_VMVNI: d[k] = ~v; break;
        case N_VORRI: d[k] |= v; break;
        default: d[k] &= ~v; break; /* VBIC */
        }
    }
    store_regs(cpu, i->vd, i->reglist, d);
}

static unsigned clz_e(uint64_t v, unsigned esize)
{
    unsigned n = 0;
    while (n < esize && !((v >> (esize - 1 - n)) & 1)) n++;
    return n;
}

static void h_2misc(arm_cpu *cpu, const arm_insn *i)
{
    uint64_t m[2], d[2], r[2] = {0, 0};
    unsigned esize = 8u << i->shift_type, regs = i->reglist, nel = regs * 64 / esize, k;
    int u = (i->flags & ARM_IF_U) != 0, satf = 0;
    uint32_t exc = 0, mode = vfp_standard_fpscr(cpu->fpscr);
    unsigned op = i->op;
    if (!vfp_access_ok(cpu, 1)) return;
    load_regs(cpu, i->vm, op == N_VMOVN || op == N_VQMOVN || op == N_VQMOVUN ? 2 : regs, m);
    load_regs(cpu, i->vd, op == N_VSHLLMAX ? 2 : regs, d);
    switch (op) {
    case N_VREV64: case N_VREV32: case N_VREV16: {
        unsigned group = op == N_VREV64 ? 64 : op == N_VREV32 ? 32 : 16, per = group / esize;
        for (k = 0; k < nel; k++) {
            unsigned base = k - k % per, j = base + (per - 1 - k % per);
            set_e(r, k, esize, get_e(m, j, esize));
        }
        break;
    }
    case N_VPADDL: case N_VPADAL:
        for (k = 0; k < nel / 2; k++) {
            __int128 s = ival(get_e(m, 2 * k, esize), esize, u) + ival(get_e(m, 2 * k + 1, esize), esize, u);
            uint64_t v = (uint64_t)s;
            if (op == N_VPADAL) v += get_e(d, k, 2 * esize);
            set_e(r, k, 2 * esize, v & emask(2 * esize));
        }
        break;
    case N_VSWP:
        store_regs(cpu, i->vm, regs, d);
        store_regs(cpu, i->vd, regs, m);
        return;
    case N_VTRN: { /* A8.8.419: elements 2k+1 of d and 2k of m swap */
        uint64_t rd2[2] = {d[0], d[1]}, rm2[2] = {m[0], m[1]};
        for (k = 0; k < nel; k += 2) {
            set_e(rd2, k + 1, esize, get_e(m, k, esize));
            set_e(rm2, k, esize, get_e(d, k + 1, esize));
        }
        store_regs(cpu, i->vd, regs, rd2);
        store_regs(cpu, i->vm, regs, rm2);
        return;
    }
    case N_VUZP: case N_VZIP: { /* on the concatenation m:d (d low) */
        uint64_t in[4], out[4];
        for (k = 0; k < regs; k++) { in[k] = d[k]; in[regs + k] = m[k]; }
        for (k = 0; k < nel; k++) {
            if (op == N_VUZP) {
                set_e(out, k, esize, get_e(in, 2 * k, esize));
                set_e(out, nel + k, esize, get_e(in, 2 * k + 1, esize));
            } else {
                set_e(out, 2 * k, esize, get_e(in, k, esize));
                set_e(out, 2 * k + 1, esize, get_e(in, nel + k, esize));
            }
        }
        store_regs(cpu, i->vd, regs, out);
        store_regs(cpu, i->vm, regs, out + regs);
        return;
    }
    case N_VMOVN: case N_VQMOVN: case N_VQMOVUN: /* Qm (2*esize) -> Dd (esize) */
        for (k = 0; k < 64 / esize; k++) {
            uint64_t a = get_e(m, k, 2 * esize), v;
            if (op == N_VMOVN) v = a & emask(esize);
            else if (op == N_VQMOVUN) v = sat(ival(a, 2 * esize, 0), esize, 1, &satf);
            else v = sat(ival(a, 2 * esize, u), esize, u, &satf);
            set_e(r, k, esize, v);
        }
        store_regs(cpu, i->vd, 1, r);
        set_qc(cpu, satf);
        return;
    case N_VCVT_HF: /* A8.8.313: Qm single -> Dd half */
        load_regs(cpu, i->vm, 2, m);
        for (k = 0; k < 4; k++) set_e(r, k, 16, vfp_single_to_half((uint32_t)get_e(m, k, 32), mode, &exc));
        store_regs(cpu, i->vd, 1, r);
        cpu->fpscr |= exc;
        return;
    case N_VCVT_FH: /* Dm half -> Qd single */
        for (k = 0; k < 4; k++) set_e(r, k, 32, vfp_half_to_single((uint32_t)get_e(m, k, 16), mode, &exc));
        store_regs(cpu, i->vd, 2, r);
        cpu->fpscr |= exc;
        return;
    case N_VSHLLMAX:
        for (k = 0; k < 64 / esize; k++)
            set_e(r, k, 2 * esize, (get_e(m, k, esize) << esize) & emask(2 * esize));
        store_regs(cpu, i->vd, 2, r);
        return;
    default:
        for (k = 0; k < nel; k++) {
            uint64_t a = get_e(m, k, esize), v, msk = emask(esize);
            int64_t s = sx(a, esize);
            switch (op) {
            case N_VCLS: v = clz_e(s < 0 ? ~a & msk : a, esize) - 1; break;
            case N_VCLZ: v = clz_e(a, esize); break;
            case N_VCNT: v = (uint64_t)__builtin_popcountll(a); break;
            case N_VMVN: v = ~a; break;
            case N_VQABS: v = sat(s < 0 ? -(__int128)s : s, esize, 0, &satf); break;
            case N_VQNEG: v = sat(-(__int128)s, esize, 0, &satf); break;
            case N_VCGT0: v = s > 0 ? msk : 0; break;
            case N_VCGE0: v = s >= 0 ? msk : 0; break;
            case N_VCEQ0: v = a == 0 ? msk : 0; break;
            case N_VCLE0: v = s <= 0 ? msk : 0; break;
            case N_VCLT0: v = s < 0 ? msk : 0; break;
            case N_VABS: v = (uint64_t)(s < 0 ? -s : s); break;
            case N_VNEG: v = (uint64_t)-s; break;
            case N_FCGT0: v = vfp_compare(0, a, 0, 1, mode, &exc) == 0x2 ? msk : 0; break;
            case N_FCGE0: { unsigned c = vfp_compare(0, a, 0, 1, mode, &exc); v = (c == 2 || c == 6) ? msk : 0; break; }
            case N_FCEQ0: v = vfp_compare(0, a, 0, 0, mode, &exc) == 0x6 ? msk : 0; break;
            case N_FCLE0: { unsigned c = vfp_compare(0, a, 0, 1, mode, &exc); v = (c == 8 || c == 6) ? msk : 0; break; }
            case N_FCLT0: v = vfp_compare(0, a, 0, 1, mode, &exc) == 0x8 ? msk : 0; break;
            case N_FABS: v = vfp_abs(0, a); break;
            case N_FNEG: v = vfp_neg(0, a); break;
            case N_VCVT_SF: v = vfp_to_fixed(0, a, 32, 0, 0, 1, mode, &exc); break;
            case N_VRECPE: v = vfp_urecip_estimate((uint32_t)a); break;
            case N_VRSQRTE: v = vfp_ursqrt_estimate((uint32_t)a); break;
            case N_FRECPE: v = vfp_recip_estimate((uint32_t)a, mode, &exc); break;
            case N_FRSQRTE: v = vfp_rsqrt_estimate((uint32_t)a, mode, &exc); break;
            case N_VCVT_UF: v = vfp_to_fixed(0, a, 32, 0, 1, 1, mode, &exc); break;
            case N_VCVT_FS: v = vfp_from_fixed(0, (uint32_t)a, 32, 0, 0, 1, mode, &exc); break;
            default: v = vfp_from_fixed(0, (uint32_t)a, 32, 0, 1, 1, mode, &exc); break; /* FU */
            }
            set_e(r, k, esize, v & msk);
        }
        break;
    }
    store_regs(cpu, i->vd, op == N_VPADDL || op == N_VPADAL ? regs : regs, r);
    set_qc(cpu, satf);
    cpu->fpscr |= exc;
}

/* VEXT: imm = byte offset. VTBL/VTBX: rn = first table register, imm =
 * table length (1..4), op bit 0 = VTBX. VDUP scalar: rm, shift_imm = index. */
static void h_vext(arm_cpu *cpu, const arm_insn *i)
{
    uint64_t n[2], m[2], r[2] = {0, 0}, cat[4];
    unsigned regs = i->reglist, k, bytes = regs * 8;
    if (!vfp_access_ok(cpu, 1)) return;
    load_regs(cpu, i->vn, regs, n);
    load_regs(cpu, i->vm, regs, m);
    for (k = 0; k < regs; k++) { cat[k] = n[k]; cat[regs + k] = m[k]; }
    for (k = 0; k < bytes; k++) set_e(r, k, 8, get_e(cat, i->imm + k, 8));
    store_regs(cpu, i->vd, regs, r);
}

static void h_vtbl(arm_cpu *cpu, const arm_insn *i)
{
    uint64_t t[4], m, d, r = 0;
    unsigned k, len = i->imm;
    if (!vfp_access_ok(cpu, 1)) return;
    load_regs(cpu, i->vn, len, t);
    m = cpu->vfp_d[i->vm];
    d = cpu->vfp_d[i->vd];
    for (k = 0; k < 8; k++) {
        unsigned idx = (unsigned)get_e(&m, k, 8);
        uint64_t v = idx < 8 * len ? get_e(t, idx, 8) : ((i->op & 1) ? get_e(&d, k, 8) : 0);
        set_e(&r, k, 8, v);
    }
    cpu->vfp_d[i->vd] = r;
}

static void h_vdup_scalar(arm_cpu *cpu, const arm_insn *i)
{
    unsigned esize = 8u << i->shift_type, k;
    uint64_t v = get_e(&cpu->vfp_d[i->vm], i->shift_imm, esize), r = 0;
    if (!vfp_access_ok(cpu, 1)) return;
    for (k = 0; k < 64 / esize; k++) set_e(&r, k, esize, v);
    for (k = 0; k < i->reglist; k++) cpu->vfp_d[(i->vd + k) & 31] = r;
}

/* ---- element/structure loads and stores (A7.7) ----
 * op bit 0 = load; vd = first register; imm bits 7:0 = n (structure size
 * 1-4), bits 15:8 = alignment in bytes required by the qualifier (0:
 * none); ra = register spacing (1 or 2); shift_type = element size; rn =
 * base, rm = Rm (15: no writeback, 13: writeback by the transfer size).
 * Multiple structures: reglist = registers for VLD1/VST1 (1-4), else the
 * number of register blocks (1, or 2 for VLD2/VST2 of four registers).
 * Single lane: ARM_IF_P, shift_imm = lane index. All lanes: shift_imm =
 * 0xFF, reglist = registers written per structure element (VLD1: 1 or 2). */
static uint64_t ld_elem(arm_cpu *cpu, uint32_t a, unsigned esize)
{
    switch (esize) {
    case 8: return arm_read8(cpu, a, 0);
    case 16: return arm_read16(cpu, a, 0);
    case 32: return arm_read32(cpu, a, 0);
    default: {
        uint64_t lo = arm_read32(cpu, a, 0), hi = arm_read32(cpu, a + 4, 0);
        return (cpu->cpsr_rest & ARM_CPSR_E) ? (lo << 32) | hi : (hi << 32) | lo;
    }
    }
}
static void st_elem(arm_cpu *cpu, uint32_t a, unsigned esize, uint64_t v)
{
    switch (esize) {
    case 8: arm_write8(cpu, a, (uint32_t)v, 0); break;
    case 16: arm_write16(cpu, a, (uint32_t)v, 0); break;
    case 32: arm_write32(cpu, a, (uint32_t)v, 0); break;
    default:
        if (cpu->cpsr_rest & ARM_CPSR_E) {
            arm_write32(cpu, a, (uint32_t)(v >> 32), 0);
            arm_write32(cpu, a + 4, (uint32_t)v, 0);
        } else {
            arm_write32(cpu, a, (uint32_t)v, 0);
            arm_write32(cpu, a + 4, (uint32_t)(v >> 32), 0);
        }
        break;
    }
}

static void h_neon_ls(arm_cpu *cpu, const arm_insn *i)
{
    uint32_t base, addr, align = (i->imm >> 8) & 0xFF;
    unsigned esize = 8u << i->shift_type, eb = esize / 8, n = i->imm & 0xFF, inc = i->ra;
    unsigned k, s, e, bytes;
    int load = i->op & 1;
    if (!vfp_access_ok(cpu, 1)) return;
    base = cpu->r[i->rn];
    if (align && (base & (align - 1u))) /* alignment qualifier: A8.8.320 etc. */
        arm_raise_dabt(cpu, base, ARM_FSR_ALIGN | (load ? 0 : ARM_FSR_WNR));
    addr = base;
    if (i->shift_imm == 0xFF) { /* to all lanes (loads only) */
        uint64_t v[4], r;
        for (s = 0; s < n; s++) v[s] = ld_elem(cpu, addr + s * eb, esize);
        for (s = 0; s < n; s++) {
            r = 0;
            for (k = 0; k < 64 / esize; k++) set_e(&r, k, esize, v[s]);
            for (k = 0; k < i->reglist; k++) cpu->vfp_d[(i->vd + s * inc + k) & 31] = r;
        }
        bytes = n * eb;
    } else if (i->flags & ARM_IF_P) { /* one lane */
        uint64_t v[4];
        if (load) {
            for (s = 0; s < n; s++) v[s] = ld_elem(cpu, addr + s * eb, esize);
            for (s = 0; s < n; s++) set_e(&cpu->vfp_d[(i->vd + s * inc) & 31], i->shift_imm, esize, v[s]);
        } else {
            for (s = 0; s < n; s++)
                st_elem(cpu, addr + s * eb, esize, get_e(&cpu->vfp_d[(i->vd + s * inc) & 31], i->shift_imm, esize));
        }
        bytes = n * eb;
    } else if (n == 1) { /* VLD1/VST1 multiple: registers in order */
        uint64_t regs[4];
        unsigned per = 64 / esize;
        load_regs(cpu, i->vd, 4, regs);
        for (k = 0; k < i->reglist; k++)
            for (e = 0; e < per; e++) {
                uint32_t a = addr + (k * per + e) * eb;
                if (load) set_e(&regs[k], e, esize, ld_elem(cpu, a, esize));
                else st_elem(cpu, a, esize, get_e(&regs[k], e, esize));
            }
        if (load) store_regs(cpu, i->vd, i->reglist, regs);
        bytes = i->reglist * 8;
    } else { /* VLDn/VSTn multiple, n = 2..4: element e of structure s in D[vd + r + s*inc] */
        uint64_t t[8];
        unsigned per = 64 / esize, r, blocks = i->reglist;
        for (r = 0; r < blocks; r++)
            for (s = 0; s < n; s++) t[r * 4 + s] = cpu->vfp_d[(i->vd + r + s * inc) & 31];
        for (r = 0; r < blocks; r++)
            for (e = 0; e < per; e++)
                for (s = 0; s < n; s++) {
                    if (load) set_e(&t[r * 4 + s], e, esize, ld_elem(cpu, addr, esize));
                    else st_elem(cpu, addr, esize, get_e(&t[r * 4 + s], e, esize));
                    addr += eb;
                }
        if (load)
            for (r = 0; r < blocks; r++)
                for (s = 0; s < n; s++) cpu->vfp_d[(i->vd + r + s * inc) & 31] = t[r * 4 + s];
        bytes = n * blocks * 8;
    }
    if (i->rm != 15) cpu->r[i->rn] = base + (i->rm == 13 ? bytes : cpu->r[i->rm]);
}

/* ---- decode ---- */

static void neon_common(arm_insn *o, arm_handler fn)
{
    o->cond = 14;
    o->fn = fn;
    o->tclass = A9_DEFAULT;
}
#define VD(x) ((BIT(x, 22) << 4) | BITS(x, 15, 12))
#define VN(x) ((BIT(x, 7) << 4) | BITS(x, 19, 16))
#define VM(x) ((BIT(x, 5) << 4) | BITS(x, 3, 0))

static int d_3same(uint32_t x, arm_insn *o)
{
    unsigned a = BITS(x, 11, 8), b = BIT(x, 4), u = BIT(x, 24), c = BITS(x, 21, 20), q = BIT(x, 6);
    unsigned size = c, op = 0;
    neon_common(o, h_3same);
    o->vd = (uint8_t)VD(x); o->vn = (uint8_t)VN(x); o->vm = (uint8_t)VM(x);
    o->reglist = (uint16_t)(q ? 2 : 1);
    if (u) o->flags |= ARM_IF_U;
    if (q && ((o->vd | o->vn | o->vm) & 1)) return -1;
    switch (a) {
    case 0x0: op = b ? N_VQADD : N_VHADD; break;
    case 0x1:
        if (!b) { op = N_VRHADD; break; }
        {
            static const uint8_t lg[8] = {N_VAND, N_VBIC, N_VORR, N_VORN, N_VEOR, N_VBSL, N_VBIT, N_VBIF};
            op = lg[(u << 2) | c];
            size = 0;
        }
        break;
    case 0x2: op = b ? N_VQSUB : N_VHSUB; break;
    case 0x3: op = b ? N_VCGE : N_VCGT; break;
    case 0x4: op = b ? N_VQSHL : N_VSHL; /* Vn is the shift: operands swapped */
        { uint8_t t = o->vn; o->vn = o->vm; o->vm = t; } break;
    case 0x5: op = b ? N_VQRSHL : N_VRSHL; { uint8_t t = o->vn; o->vn = o->vm; o->vm = t; } break;
    case 0x6: op = b ? N_VMIN : N_VMAX; break;
    case 0x7: op = b ? N_VABA : N_VABD; break;
    case 0x8: op = b ? (u ? N_VCEQ : N_VTST) : (u ? N_VSUB : N_VADD); break;
    case 0x9:
        if (!b) { op = u ? N_VMLS : N_VMLA; break; }
        if (u) { if (size != 0) return -1; op = N_VMULP; break; }
        op = N_VMUL;
        break;
    case 0xA: if (q) return -1; op = b ? N_VPMIN : N_VPMAX; break;
    case 0xB:
        if (!b) { if (size == 0 || size == 3) return -1; op = u ? N_VQRDMULH : N_VQDMULH; break; }
        if (u || q) return -1;
        op = N_VPADD;
        break;
    case 0xD: case 0xE: case 0xF: {
        unsigned sz = c & 1, hi = c >> 1;
        if (sz) return -1; /* half-precision not in VFPv3 */
        size = 2;
        if (a == 0xD) {
            if (!b) op = u ? (hi ? N_FABD : N_FPADD) : (hi ? N_FSUB : N_FADD);
            else if (!u) op = hi ? N_FMLS : N_FMLA;
            else if (!hi) op = N_FMUL;
            else return -1;
        } else if (a == 0xE) {
            if (!b) op = u ? (hi ? N_FCGT : N_FCGE) : (hi ? 0 : N_FCEQ);
            else if (u) op = hi ? N_FACGT : N_FACGE;
            if (!op) return -1;
        } else {
            if (b) {
                if (u) return -1;
                op = hi ? N_FRSQRTS : N_FRECPS; /* A8.8.378/A8.8.381 */
            } else {
                op = u ? (hi ? N_FPMIN : N_FPMAX) : (hi ? N_FMIN : N_FMAX);
            }
        }
        if ((op == N_FPADD || op == N_FPMAX || op == N_FPMIN) && q) return -1;
        break;
    }
    default: return -1; /* VQSHL/VQRSHL register, VFMA */
    }
    if (size == 3 && !(op == N_VADD || op == N_VSUB || op == N_VQADD || op == N_VQSUB ||
                       op == N_VSHL || op == N_VRSHL || op == N_VQSHL || op == N_VQRSHL ||
                       (op >= N_VAND && op <= N_VBIF)))
        return -1;
    if ((op == N_VMUL || op == N_VMLA || op == N_VMLS) && size == 3) return -1;
    o->op = (uint8_t)op;
    o->shift_type = (uint8_t)size;
    return 0;
}

static int d_3diff(uint32_t x, arm_insn *o)
{
    unsigned a = BITS(x, 11, 8), size = BITS(x, 21, 20), u = BIT(x, 24), op;
    static const uint8_t ops[16] = {N_VADDL, N_VADDW, N_VSUBL, N_VSUBW, N_VADDHN, N_VABAL,
                                    N_VSUBHN, N_VABDL, N_VMLAL, N_VQDMLAL, N_VMLSL, N_VQDMLSL,
                                    N_VMULL, N_VQDMULL, 0, 0};
    neon_common(o, h_3diff);
    o->vd = (uint8_t)VD(x); o->vn = (uint8_t)VN(x); o->vm = (uint8_t)VM(x);
    if (u) o->flags |= ARM_IF_U;
    op = ops[a];
    if (a == 0xE) { /* A8.8.351 polynomial VMULL.P8 */
        if (u || size != 0) return -1;
        op = N_VMULLP;
    }
    if (!op) return -1;
    if ((op == N_VQDMLAL || op == N_VQDMLSL || op == N_VQDMULL) && (u || size == 0)) return -1;
    if (op == N_VADDHN && u) op = N_VRADDHN;
    if (op == N_VSUBHN && u) op = N_VRSUBHN;
    if (op == N_VADDHN || op == N_VRADDHN || op == N_VSUBHN || op == N_VRSUBHN) {
        if ((o->vn | o->vm) & 1) return -1;
    } else if (o->vd & 1) {
        return -1;
    }
    if ((op == N_VADDW || op == N_VSUBW) && (o->vn & 1)) return -1;
    o->op = (uint8_t)op;
    o->shift_type = (uint8_t)size;
    o->reglist = 1;
    return 0;
}

static int d_scalar(uint32_t x, arm_insn *o)
{
    unsigned a = BITS(x, 11, 8), size = BITS(x, 21, 20), u = BIT(x, 24), q = u, op;
    neon_common(o, h_3diff);
    o->vd = (uint8_t)VD(x); o->vn = (uint8_t)VN(x);
    if (size == 1) { o->vm = (uint8_t)BITS(x, 2, 0); o->shift_imm = (uint8_t)((BIT(x, 5) << 1) | BIT(x, 3)); }
    else if (size == 2) { o->vm = (uint8_t)BITS(x, 3, 0); o->shift_imm = (uint8_t)BIT(x, 5); }
    else return -1;
    o->imm = 1;
    switch (a) {
    case 0x0: case 0x1: op = N_VMLA; break;
    case 0x4: case 0x5: op = N_VMLS; break;
    case 0x8: case 0x9: op = N_VMUL; break;
    case 0x2: op = N_VMLAL; q = 0; break;
    case 0x6: op = N_VMLSL; q = 0; break;
    case 0xA: op = N_VMULL; q = 0; break;
    case 0x3: op = N_VQDMLAL; q = 0; break;
    case 0x7: op = N_VQDMLSL; q = 0; break;
    case 0xB: op = N_VQDMULL; q = 0; break;
    case 0xC: op = N_VQDMULH; break;
    case 0xD: op = N_VQRDMULH; break;
    default: return -1;
    }
    if (a == 0x1 || a == 0x5 || a == 0x9) { if (size != 2) return -1; o->imm |= 2; } /* .F32 */
    if ((op == N_VQDMLAL || op == N_VQDMLSL || op == N_VQDMULL) && u) return -1;
    if (op == N_VMLAL || op == N_VMLSL || op == N_VMULL || op == N_VQDMLAL || op == N_VQDMLSL ||
        op == N_VQDMULL) {
        if (u) o->flags |= ARM_IF_U;
        if (o->vd & 1) return -1;
        o->reglist = 1;
    } else {
        /* Q is bit 24 for these (A7.4.3) */
        o->reglist = (uint16_t)(q ? 2 : 1);
        if (q && ((o->vd | o->vn) & 1)) return -1;
    }
    o->op = (uint8_t)op;
    o->shift_type = (uint8_t)size;
    return 0;
}

static int d_shift(uint32_t x, arm_insn *o)
{
    unsigned a = BITS(x, 11, 8), l = BIT(x, 7), b = BIT(x, 6), u = BIT(x, 24);
    unsigned imm6 = BITS(x, 21, 16), size, esize, q = b;
    neon_common(o, h_shift);
    o->vd = (uint8_t)VD(x); o->vm = (uint8_t)VM(x);
    if (u) o->flags |= ARM_IF_U;
    if (l) size = 3;
    else if (imm6 & 0x20) size = 2;
    else if (imm6 & 0x10) size = 1;
    else size = 0;
    esize = 8u << size;
    o->shift_type = (uint8_t)size;
    o->reglist = (uint16_t)(q ? 2 : 1);
    if (a <= 7 && q && ((o->vd | o->vm) & 1)) return -1;
    switch (a) {
    case 0x0: case 0x1: case 0x2: case 0x3:
        o->op = (uint8_t)(a == 0 ? N_VSHR : a == 1 ? N_VSRA : a == 2 ? N_VRSHR : N_VRSRA);
        o->imm = (l ? 64 : 2 * esize) - imm6;
        return 0;
    case 0x4:
        if (!u) return -1;
        o->op = N_VSRI;
        o->imm = (l ? 64 : 2 * esize) - imm6;
        return 0;
    case 0x5:
        o->op = (uint8_t)(u ? N_VSLI : N_VSHLI);
        o->imm = l ? imm6 : imm6 - esize;
        return 0;
    case 0x8: case 0x9: {
        /* narrowing: result esize from imm6, source 2x */
        if (l || (o->vm & 1)) return -1;
        o->shift_type = (uint8_t)(size + 1);
        o->imm = 2 * esize - imm6;
        o->reglist = 1;
        if (a == 8) {
            if (!u) o->op = (uint8_t)(b ? N_VRSHRN : N_VSHRN);
            else o->op = (uint8_t)(b ? N_VQRSHRUN : N_VQSHRUN);
        } else {
            o->op = (uint8_t)(b ? N_VQRSHRN : N_VQSHRN);
        }
        return 0;
    }
    case 0xA:
        if (l || b || (o->vd & 1)) return -1;
        o->op = N_VSHLL;
        o->imm = imm6 - esize;
        o->reglist = 1;
        return 0;
    case 0x6: case 0x7: /* A8.8.374: U:op = 00 UNDEFINED, 01 VQSHL.S, 10 VQSHLU, 11 VQSHL.U */
        if (!u && a == 6) return -1;
        o->op = (uint8_t)(u && a == 6 ? N_VQSHLUI : N_VQSHLI);
        o->imm = l ? imm6 : imm6 - esize;
        return 0;
    case 0xE: case 0xF: /* A8.8.311 VCVT between single precision and fixed point */
        if (l || !(imm6 & 0x20)) return -1;
        if (q && ((o->vd | o->vm) & 1)) return -1;
        o->op = (uint8_t)(a == 0xF ? N_VCVT_TOFIX : N_VCVT_FROMFIX);
        o->shift_type = 2;
        o->imm = 64 - imm6; /* fraction bits */
        return 0;
    default: return -1;
    }
}

/* AdvSIMDExpandImm (A7.4.6). Returns -1 for the UNDEFINED cmode/op combination. */
static int d_imm(uint32_t x, arm_insn *o)
{
    unsigned cmode = BITS(x, 11, 8), opb = BIT(x, 5), q = BIT(x, 6);
    uint32_t imm8 = (BIT(x, 24) << 7) | (BITS(x, 18, 16) << 4) | BITS(x, 3, 0), v;
    neon_common(o, h_imm);
    o->vd = (uint8_t)VD(x);
    o->reglist = (uint16_t)(q ? 2 : 1);
    if (q && (o->vd & 1)) return -1;
    switch (cmode >> 1) {
    case 0: v = imm8; break;
    case 1: v = imm8 << 8; break;
    case 2: v = imm8 << 16; break;
    case 3: v = imm8 << 24; break;
    case 4: v = (imm8 | (imm8 << 16)); break;
    case 5: v = (imm8 << 8) | (imm8 << 24); break;
    case 6: v = (cmode & 1) ? ((imm8 << 16) | 0xFFFF) : ((imm8 << 8) | 0xFF); break;
    default:
        if (!(cmode & 1)) {
            if (!opb) { v = imm8 * 0x01010101u; break; }
            o->rs = 1; /* byte mask form */
            v = imm8;
            break;
        }
        if (opb) return -1;
        /* single-precision float immediate */
        v = (uint32_t)vfp_expand_imm(0, imm8);
        break;
    }
    if (cmode == 0xE && opb) o->op = N_VMOVI;
    else if ((cmode & 1) && cmode < 12) o->op = (uint8_t)(opb ? N_VBICI : N_VORRI);
    else o->op = (uint8_t)(opb && cmode != 0xF ? N_VMVNI : N_VMOVI);
    o->imm = v;
    return 0;
}

static int d_2misc(uint32_t x, arm_insn *o)
{
    unsigned a = BITS(x, 17, 16), b = BITS(x, 10, 6), size = BITS(x, 19, 18), q = BIT(x, 6), op = 0;
    neon_common(o, h_2misc);
    o->vd = (uint8_t)VD(x); o->vm = (uint8_t)VM(x);
    o->reglist = (uint16_t)(q ? 2 : 1);
    o->shift_type = (uint8_t)size;
    if (a == 0) {
        switch (b >> 1) {
        case 0x0: op = N_VREV64; break;
        case 0x1: op = N_VREV32; if (size >= 2) return -1; break;
        case 0x2: op = N_VREV16; if (size >= 1) return -1; break;
        case 0x4: case 0x5: op = N_VPADDL; break;
        case 0x8: op = N_VCLS; break;
        case 0x9: op = N_VCLZ; break;
        case 0xA: op = N_VCNT; if (size) return -1; break;
        case 0xB: op = N_VMVN; if (size) return -1; break;
        case 0xC: case 0xD: op = N_VPADAL; break;
        case 0xE: op = N_VQABS; break;
        case 0xF: op = N_VQNEG; break;
        default: return -1;
        }
        if ((op == N_VPADDL || op == N_VPADAL) && BIT(x, 7)) o->flags |= ARM_IF_U;
        if (size == 3) return -1;
    } else if (a == 1) {
        static const uint8_t io[8] = {N_VCGT0, N_VCGE0, N_VCEQ0, N_VCLE0, N_VCLT0, 0, N_VABS, N_VNEG};
        static const uint8_t fo[8] = {N_FCGT0, N_FCGE0, N_FCEQ0, N_FCLE0, N_FCLT0, 0, N_FABS, N_FNEG};
        unsigned k = (b >> 1) & 7;
        op = BIT(x, 10) ? fo[k] : io[k];
        if (!op || size == 3 || (BIT(x, 10) && size != 2)) return -1;
    } else if (a == 2) {
        switch (b >> 1) {
        case 0x0: op = N_VSWP; if (size) return -1; break;
        case 0x1: op = N_VTRN; break;
        case 0x2: op = N_VUZP; if (!q && size == 2) return -1; break;
        case 0x3: op = N_VZIP; if (!q && size == 2) return -1; break;
        case 0x4:
            op = (b & 1) ? N_VQMOVUN : N_VMOVN;
            break;
        case 0x5: op = N_VQMOVN; if (b & 1) o->flags |= ARM_IF_U; break;
        case 0x6: if (b & 1) return -1; op = N_VSHLLMAX; break;
        case 0xC: case 0xE: /* VCVT between half and single precision */
            if ((b & 1) || size != 1) return -1;
            op = (b >> 1) == 0xC ? N_VCVT_HF : N_VCVT_FH;
            if (op == N_VCVT_HF ? (o->vm & 1) : (o->vd & 1)) return -1;
            o->reglist = 1;
            o->op = (uint8_t)op;
            return 0;
        default: return -1;
        }
        if (size == 3) return -1;
        if (op == N_VMOVN || op == N_VQMOVUN || op == N_VQMOVN) {
            if (o->vm & 1) return -1;
            o->reglist = 1;
            q = 0;
        }
        if (op == N_VSHLLMAX) {
            if (o->vd & 1) return -1;
            o->reglist = 1;
            q = 0;
        }
    } else {
        if (size != 2) return -1;
        if ((b & 0x1C) == 0x10 || (b & 0x1C) == 0x14) { /* VRECPE / VRSQRTE, A8.8.377/380 */
            unsigned f = BIT(x, 8), rs = BIT(x, 7);
            op = f ? (rs ? N_FRSQRTE : N_FRECPE) : (rs ? N_VRSQRTE : N_VRECPE);
            if (q && ((o->vd | o->vm) & 1)) return -1;
            o->op = (uint8_t)op;
            return 0;
        }
        if ((b & 0x18) != 0x18) return -1;
        switch ((b >> 1) & 3) {
        case 0: op = N_VCVT_FS; break;
        case 1: op = N_VCVT_FU; break;
        case 2: op = N_VCVT_SF; break;
        default: op = N_VCVT_UF; break;
        }
    }
    if (q && ((o->vd | o->vm) & 1)) return -1;
    o->op = (uint8_t)op;
    return 0;
}

static int neon_decode_dp_fields(uint32_t x, arm_insn *o)
{
    unsigned a = BITS(x, 23, 19), c = BITS(x, 7, 4), u = BIT(x, 24);
    if (!(a & 0x10)) return d_3same(x, o);
    if ((a & 0x17) == 0x10 && (c & 0x9) == 0x1) return d_imm(x, o);
    if (c & 1) return d_shift(x, o);
    if ((a & 0x16) != 0x16) { /* bits 21:20 != 11 */
        if (!(c & 4)) return d_3diff(x, o);
        return d_scalar(x, o);
    }
    if (!u) { /* VEXT */
        unsigned q = BIT(x, 6), imm4 = BITS(x, 11, 8);
        neon_common(o, h_vext);
        o->vd = (uint8_t)VD(x); o->vn = (uint8_t)VN(x); o->vm = (uint8_t)VM(x);
        o->reglist = (uint16_t)(q ? 2 : 1);
        o->imm = imm4;
        if (q && ((o->vd | o->vn | o->vm) & 1)) return -1;
        if (!q && imm4 > 7) return -1;
        return 0;
    }
    {
        unsigned bb = BITS(x, 11, 8);
        if (!(bb & 8)) return d_2misc(x, o);
        if ((bb & 0xC) == 0x8) { /* VTBL/VTBX */
            neon_common(o, h_vtbl);
            o->vd = (uint8_t)VD(x); o->vn = (uint8_t)VN(x); o->vm = (uint8_t)VM(x);
            o->imm = BITS(x, 9, 8) + 1;
            o->op = (uint8_t)BIT(x, 6);
            if (o->vn + o->imm > 32) return -1;
            return 0;
        }
        if (bb == 0xC && !BIT(x, 7)) { /* VDUP scalar */
            unsigned imm4 = BITS(x, 19, 16), q = BIT(x, 6);
            neon_common(o, h_vdup_scalar);
            o->vd = (uint8_t)VD(x); o->vm = (uint8_t)VM(x);
            o->reglist = (uint16_t)(q ? 2 : 1);
            if (q && (o->vd & 1)) return -1;
            if (imm4 & 1) { o->shift_type = 0; o->shift_imm = (uint8_t)(imm4 >> 1); }
            else if (imm4 & 2) { o->shift_type = 1; o->shift_imm = (uint8_t)(imm4 >> 2); }
            else if (imm4 & 4) { o->shift_type = 2; o->shift_imm = (uint8_t)(imm4 >> 3); }
            else return -1;
            return 0;
        }
        return -1;
    }
}

static int neon_decode_ls_fields(uint32_t x, arm_insn *o)
{
    unsigned a = BIT(x, 23), l = BIT(x, 21), type = BITS(x, 11, 8), size = BITS(x, 7, 6);
    unsigned align = BITS(x, 5, 4), n, inc = 1, al = 0, last;
    neon_common(o, h_neon_ls);
    o->rn = (uint8_t)BITS(x, 19, 16);
    o->rm = (uint8_t)BITS(x, 3, 0);
    o->vd = (uint8_t)VD(x);
    o->op = (uint8_t)l;
    if (o->rn == 15) return -1;
    if (!a) { /* multiple structures, A8.8.320/323/326/329 (and stores) */
        unsigned regs = 1;
        switch (type) {
        case 0x7: n = 1; regs = 1; if (align & 2) return -1; break;
        case 0xA: n = 1; regs = 2; if (align == 3) return -1; break;
        case 0x6: n = 1; regs = 3; if (align & 2) return -1; break;
        case 0x2: n = 1; regs = 4; break;
        case 0x8: case 0x9: n = 2; inc = type == 9 ? 2 : 1; if (size == 3 || align == 3) return -1; break;
        case 0x3: n = 2; inc = 2; regs = 2; if (size == 3) return -1; break;
        case 0x4: case 0x5: n = 3; inc = type == 5 ? 2 : 1; if (size == 3 || (align & 2)) return -1; break;
        case 0x0: case 0x1: n = 4; inc = type == 1 ? 2 : 1; if (size == 3) return -1; break;
        default: return -1;
        }
        last = n == 1 ? regs : (regs - 1) + (n - 1) * inc + 1;
        if (o->vd + last > 32) return -1; /* past D31: UNPREDICTABLE */
        al = align ? 4u << align : 0;
        o->shift_type = (uint8_t)size;
        o->reglist = (uint16_t)regs;
    } else if (BITS(x, 11, 10) == 3) { /* to all lanes, A8.8.321/324/327/330 */
        unsigned t = BIT(x, 5), ab = BIT(x, 4), eb;
        n = BITS(x, 9, 8) + 1;
        if (!l) return -1;
        if (n == 4 && size == 3) {
            if (!ab) return -1;
            size = 2;
            al = 16;
        } else {
            if (size == 3) return -1;
            eb = 1u << size;
            switch (n) {
            case 1: if (size == 0 && ab) return -1; al = ab ? eb : 0; break;
            case 2: al = ab ? 2 * eb : 0; break;
            case 3: if (ab) return -1; break;
            default: al = ab ? (size == 2 ? 8 : 4 * eb) : 0; break;
            }
        }
        o->shift_type = (uint8_t)size;
        o->shift_imm = 0xFF;
        if (n == 1) { o->reglist = (uint16_t)(t ? 2 : 1); inc = 1; }
        else { o->reglist = 1; inc = t ? 2 : 1; }
        last = n == 1 ? o->reglist : (n - 1) * inc + 1;
        if (o->vd + last > 32) return -1;
    } else { /* one lane, A8.8.322/325/328/331 */
        unsigned ia = BITS(x, 7, 4);
        size = BITS(x, 11, 10);
        n = BITS(x, 9, 8) + 1;
        o->shift_type = (uint8_t)size;
        o->flags |= ARM_IF_P;
        switch (size) {
        case 0: o->shift_imm = (uint8_t)(ia >> 1); break;
        case 1: o->shift_imm = (uint8_t)(ia >> 2); inc = (ia & 2) ? 2 : 1; break;
        default: o->shift_imm = (uint8_t)(ia >> 3); inc = (ia & 4) ? 2 : 1; break;
        }
        switch (n) {
        case 1:
            if (size == 0 && (ia & 1)) return -1;
            if (size == 1 && (ia & 2)) return -1;
            if (size == 2 && ((ia & 4) || ((ia & 3) != 0 && (ia & 3) != 3))) return -1;
            inc = 1;
            al = size == 0 ? 0 : size == 1 ? ((ia & 1) ? 2 : 0) : ((ia & 3) ? 4 : 0);
            break;
        case 2:
            if (size == 2 && (ia & 2)) return -1;
            al = (ia & 1) ? (2u << size) : 0;
            break;
        case 3:
            if (size == 2 ? (ia & 3) != 0 : (ia & 1) != 0) return -1;
            break;
        default:
            if (size == 2 && (ia & 3) == 3) return -1;
            al = size == 2 ? ((ia & 3) ? 4u << (ia & 3) : 0) : ((ia & 1) ? (4u << size) : 0);
            break;
        }
        if (o->vd + (n - 1) * inc + 1 > 32) return -1;
    }
    o->imm = n | (al << 8);
    o->ra = (uint8_t)inc;
    return 0;
}

/* ---- timing tags (a9_timing.h): class and D-register footprint ---- */

/* Integer multiply class by issue cycles: 32-bit elements and Q forms
 * (not the long forms, whose sources are D registers) double them [S20
 * in a9_timing.c: neon_mul_ddd_8_16 / _qqq_8_16_32_ddd_32 / _qqq_32]. */
static uint8_t neon_mul_class(unsigned esize, int q)
{
    unsigned k = (esize == 32 ? 2u : 1u) * (q ? 2u : 1u);
    return k == 1 ? A9_NEON_MUL : k == 2 ? A9_NEON_MUL_2 : A9_NEON_MUL_4;
}

/* D registers of a VLDn/VSTn (fields as in h_neon_ls). */
static uint32_t neon_ls_regs(const arm_insn *o)
{
    unsigned n = o->imm & 0xFF, inc = o->ra, s, k;
    uint32_t m = 0;
    if (o->shift_imm == 0xFF && !(o->flags & ARM_IF_P)) {
        for (s = 0; s < n; s++) m |= a9_dmask(o->vd + s * inc, o->reglist);
    } else if (o->flags & ARM_IF_P) {
        for (s = 0; s < n; s++) m |= a9_dmask(o->vd + s * inc, 1);
    } else if (n == 1) {
        m = a9_dmask(o->vd, o->reglist);
    } else {
        for (k = 0; k < o->reglist; k++)
            for (s = 0; s < n; s++) m |= a9_dmask(o->vd + k + s * inc, 1);
    }
    return m;
}

/*
 * Timing class (a9_timing.h A9_NEON_*) and footprint (tvsrc: D registers
 * read at issue, tvdst: written; A9_POST_VACC: tvdst is also an
 * accumulator read late) of a decoded Advanced SIMD instruction.
 */
static void neon_timing(arm_insn *o)
{
    unsigned op = o->op, L = o->reglist ? o->reglist : 1u, esize = 8u << o->shift_type;
    int q = L == 2, acc = 0;
    uint32_t vd = a9_dmask(o->vd, L), vn = a9_dmask(o->vn, L), vm = a9_dmask(o->vm, L);
    uint32_t src = vn | vm, dst = vd;
    uint8_t c = A9_NEON_ALU;
#define QC(cls) ((uint8_t)(q ? cls##_Q : cls))
    if (o->fn == h_3same) {
        if (op >= N_VAND && op <= N_VBIF) {
            if (op >= N_VBSL) src |= vd; /* bitwise selects read Dd */
        } else switch (op) {
        case N_VADD: case N_VSUB: case N_VTST: case N_VCEQ: case N_VCGT: case N_VCGE: case N_VPADD:
            break;
        case N_VHADD: case N_VRHADD: case N_VHSUB: case N_VQADD: case N_VQSUB: case N_VMAX:
        case N_VMIN: case N_VABD: case N_VPMAX: case N_VPMIN:
            c = A9_NEON_ALU4; break;
        case N_VABA: c = QC(A9_NEON_ABA); acc = 1; break;
        case N_VSHL: c = QC(A9_NEON_SHIFT); break;
        case N_VRSHL: case N_VQSHL: case N_VQRSHL: c = QC(A9_NEON_QSHIFT); break;
        case N_VMUL: case N_VMULP: case N_VQDMULH: case N_VQRDMULH: c = neon_mul_class(esize, q); break;
        case N_VMLA: case N_VMLS: c = neon_mul_class(esize, q); acc = 1; break;
        case N_FMLA: case N_FMLS: c = QC(A9_NEON_FMAC); acc = 1; break;
        case N_FRECPS: case N_FRSQRTS: c = QC(A9_NEON_FMAC); break;
        default: c = QC(A9_NEON_FP); break; /* other .F32 operations */
        }
    } else if (o->fn == h_3diff && (o->imm & 1)) { /* by scalar: vm is the scalar's D register */
        uint32_t sc = a9_dmask(o->vm, 1);
        int mac = op == N_VMLA || op == N_VMLS || op == N_VMLAL || op == N_VMLSL || op == N_VQDMLAL ||
                  op == N_VQDMLSL;
        acc = mac;
        if (op == N_VMLAL || op == N_VMLSL || op == N_VMULL || op == N_VQDMLAL || op == N_VQDMLSL ||
            op == N_VQDMULL) { /* long: D x scalar -> Q */
            src = a9_dmask(o->vn, 1) | sc;
            dst = a9_dmask(o->vd, 2);
            c = neon_mul_class(esize, 0);
        } else {
            src = vn | sc;
            if (o->imm & 2) c = mac ? QC(A9_NEON_FMAC) : QC(A9_NEON_FP);
            else c = neon_mul_class(esize, q);
        }
    } else if (o->fn == h_3diff) { /* 3 registers of different lengths */
        uint32_t n1 = a9_dmask(o->vn, 1), n2 = a9_dmask(o->vn, 2), m1 = a9_dmask(o->vm, 1);
        uint32_t d2 = a9_dmask(o->vd, 2);
        src = n1 | m1;
        dst = d2;
        switch (op) {
        case N_VADDL: case N_VSUBL: break;
        case N_VADDW: case N_VSUBW: src = n2 | m1; break;
        case N_VADDHN: case N_VRADDHN: case N_VSUBHN: case N_VRSUBHN:
            c = A9_NEON_ALU4; src = n2 | a9_dmask(o->vm, 2); dst = a9_dmask(o->vd, 1); break;
        case N_VABDL: c = A9_NEON_ALU4; break;
        case N_VABAL: c = A9_NEON_ABA; acc = 1; break;
        case N_VMLAL: case N_VMLSL: case N_VQDMLAL: case N_VQDMLSL:
            c = neon_mul_class(esize, 0); acc = 1; break;
        default: c = neon_mul_class(esize, 0); break; /* VMULL, VQDMULL, VMULL.P8 */
        }
    } else if (o->fn == h_shift) {
        src = vm;
        switch (op) {
        case N_VSHR: case N_VSHLI: c = QC(A9_NEON_SHIFT); break;
        case N_VSRI: case N_VSLI: c = QC(A9_NEON_SHIFT); src |= vd; break; /* inserts keep Dd bits */
        case N_VSRA: case N_VRSRA: c = QC(A9_NEON_SHIFT_ACC); acc = 1; break;
        case N_VRSHR: case N_VQSHLI: case N_VQSHLUI: c = QC(A9_NEON_QSHIFT); break;
        case N_VSHRN: case N_VRSHRN: case N_VQSHRN: case N_VQRSHRN: case N_VQSHRUN: case N_VQRSHRUN:
            c = op == N_VSHRN ? A9_NEON_SHIFT : A9_NEON_QSHIFT; /* narrowing: Qm -> Dd */
            src = a9_dmask(o->vm, 2); dst = a9_dmask(o->vd, 1); break;
        case N_VSHLL: c = A9_NEON_SHIFT; src = a9_dmask(o->vm, 1); dst = a9_dmask(o->vd, 2); break;
        default: c = QC(A9_NEON_FP); break; /* VCVT fixed point */
        }
    } else if (o->fn == h_imm) {
        src = (op == N_VORRI || op == N_VBICI) ? vd : 0;
    } else if (o->fn == h_2misc) {
        src = vm;
        switch (op) {
        case N_VREV64: case N_VREV32: case N_VREV16: c = q ? A9_NEON_PERM2 : A9_NEON_PERM; break;
        case N_VSWP: c = q ? A9_NEON_PERM2 : A9_NEON_PERM; src = dst = vd | vm; break;
        case N_VTRN: case N_VUZP: case N_VZIP: c = q ? A9_NEON_PERM3 : A9_NEON_PERM2; src = dst = vd | vm; break;
        case N_VPADDL: case N_VQABS: case N_VQNEG: c = A9_NEON_ALU4; break;
        case N_VPADAL: c = QC(A9_NEON_ABA); acc = 1; break;
        case N_VMOVN: src = a9_dmask(o->vm, 2); dst = a9_dmask(o->vd, 1); break;
        case N_VQMOVN: case N_VQMOVUN: c = A9_NEON_ALU4; src = a9_dmask(o->vm, 2); dst = a9_dmask(o->vd, 1); break;
        case N_VSHLLMAX: c = A9_NEON_SHIFT; src = a9_dmask(o->vm, 1); dst = a9_dmask(o->vd, 2); break;
        case N_VCVT_HF: c = A9_NEON_FP; src = a9_dmask(o->vm, 2); dst = a9_dmask(o->vd, 1); break;
        case N_VCVT_FH: c = A9_NEON_FP; src = a9_dmask(o->vm, 1); dst = a9_dmask(o->vd, 2); break;
        case N_VCLS: case N_VCLZ: case N_VCNT: case N_VMVN: case N_VCGT0: case N_VCGE0: case N_VCEQ0:
        case N_VCLE0: case N_VCLT0: case N_VABS: case N_VNEG:
            break;
        default: c = QC(A9_NEON_FP); break; /* float compares, VABS/VNEG.F32, VCVT, estimates */
        }
    } else if (o->fn == h_vext) {
        c = q ? A9_NEON_PERM2 : A9_NEON_PERM;
    } else if (o->fn == h_vtbl) {
        src = a9_dmask(o->vn, o->imm) | a9_dmask(o->vm, 1) | ((o->op & 1) ? a9_dmask(o->vd, 1) : 0);
        dst = a9_dmask(o->vd, 1);
        c = o->imm <= 2 ? A9_NEON_PERM2 : A9_NEON_PERM3;
    } else if (o->fn == h_vdup_scalar) {
        src = a9_dmask(o->vm, 1);
        c = A9_NEON_PERM;
    } else if (o->fn == h_neon_ls) {
        uint32_t m = neon_ls_regs(o);
        if (o->op & 1) { /* a one-lane load keeps the other lanes: reads them too */
            c = A9_NEON_LD; src = (o->flags & ARM_IF_P) ? m : 0; dst = m;
        } else {
            c = A9_NEON_ST; src = m; dst = 0;
        }
    }
#undef QC
    o->tclass = c;
    o->tvsrc = src;
    o->tvdst = dst;
    if (acc) o->tpost |= A9_POST_VACC;
}

int arm_neon_decode_dp(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    int rc;
    (void)cpu;
    rc = neon_decode_dp_fields(x, o);
    if (rc == 0) neon_timing(o);
    return rc;
}

int arm_neon_decode_ls(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    int rc;
    (void)cpu;
    rc = neon_decode_ls_fields(x, o);
    if (rc == 0) neon_timing(o);
    return rc;
}

/* ---- disassembly ---- */
int arm_neon_format(const arm_insn *i, char *buf, size_t len)
{
    const char *name = i->op < N_COUNT ? n_names[i->op] : "?";
    unsigned esize = 8u << i->shift_type;
    char rc = i->reglist == 2 ? 'q' : 'd';
    unsigned div = i->reglist == 2 ? 2 : 1;
    int r;
    if (i->fn == h_neon_ls)
        r = snprintf(buf, len, "%s.%u d%u, [%s]%s", (i->op & 1) ? "vld" : "vst", esize, i->vd,
                     arm_reg_name(i->rn), i->rm == 13 ? "!" : "");
    else if (i->fn == h_vext)
        r = snprintf(buf, len, "vext.8 %c%u, %c%u, %c%u, #%u", rc, i->vd / div, rc, i->vn / div, rc,
                     i->vm / div, i->imm);
    else if (i->fn == h_vtbl)
        r = snprintf(buf, len, "%s.8 d%u, {d%u-d%u}, d%u", (i->op & 1) ? "vtbx" : "vtbl", i->vd,
                     i->vn, i->vn + i->imm - 1u, i->vm);
    else if (i->fn == h_vdup_scalar)
        r = snprintf(buf, len, "vdup.%u %c%u, d%u[%u]", esize, rc, i->vd / div, i->vm, i->shift_imm);
    else if (i->fn == h_imm)
        r = snprintf(buf, len, "%s %c%u, #0x%08x", name, rc, i->vd / div, i->imm);
    else if (i->fn == h_shift || i->fn == h_2misc)
        r = snprintf(buf, len, "%s.%s%u %c%u, %c%u", name, (i->flags & ARM_IF_U) ? "u" : "s", esize, rc,
                     i->vd / div, rc, i->vm / div);
    else
        r = snprintf(buf, len, "%s.%s%u %c%u, %c%u, %c%u", name,
                     is_float_op(i->op) ? "f" : (i->flags & ARM_IF_U) ? "u" : "i", esize, rc,
                     i->vd / div, rc, i->vn / div, rc, i->vm / div);
    return r;
}
