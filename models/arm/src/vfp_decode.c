/*
 * vfp_decode.c - decode functions of the VFP and extension-register
 * encodings (ARM DDI 0406C A7.5, A7.6, A7.8), shared by the A32 table
 * (a32_decode.c) and the T32 table (t32_dec32.c, after vfp_t32_to_a32()).
 * Field conventions of the handlers: vfp_internal.h.
 */
#include "a9_timing.h"
#include "vfp_internal.h"

#define BITS(x, hi, lo) (((x) >> (lo)) & ((1u << ((hi) - (lo) + 1)) - 1))
#define BIT(x, n) (((x) >> (n)) & 1u)

/* Register numbers: single S = Vx:b, double D = b:Vx (A7.3.1). */
static unsigned vreg(int dp, unsigned v, unsigned b) { return dp ? (b << 4) | v : (v << 1) | b; }
#define VD(x, dp) vreg(dp, BITS(x, 15, 12), BIT(x, 22))
#define VN(x, dp) vreg(dp, BITS(x, 19, 16), BIT(x, 7))
#define VM(x, dp) vreg(dp, BITS(x, 3, 0), BIT(x, 5))

static void vfp_common(uint32_t x, arm_insn *o)
{
    o->cond = (uint8_t)BITS(x, 31, 28);
    o->tclass = A9_DEFAULT;
}

/* ---- timing tags (a9_timing.h): class and D-register footprint ---- */

/* D-register mask of VFP register n of precision dp (S<n> is in D<n/2>). */
static uint32_t vmask(int dp, unsigned n) { return dp ? 1u << (n & 31u) : a9_smask(n); }

/* Masks of the S (dp = 0) or D registers n .. n+count-1. */
static uint32_t vrange(int dp, unsigned n, unsigned count)
{
    uint32_t m = 0;
    unsigned k;
    for (k = 0; k < count; k++) m |= vmask(dp, n + k);
    return m;
}

/* Class and footprint of a decoded VFP data-processing instruction. */
static void vfp_dp_timing(arm_insn *o)
{
    const int dp = o->shift_type;
    uint32_t d = vmask(dp, o->vd), n = vmask(dp, o->vn), m = vmask(dp, o->vm);
    uint32_t src = n | m, dst = d;
    uint8_t c;
    switch (o->op) {
    case VFP_OP_VMLA: case VFP_OP_VMLS: case VFP_OP_VNMLA: case VFP_OP_VNMLS:
        c = dp ? A9_VFP_MAC_D : A9_VFP_MAC_S;
        src |= d; /* accumulator read at issue (S20/S21 give no late read) */
        break;
    case VFP_OP_VMUL: case VFP_OP_VNMUL: c = dp ? A9_VFP_MUL_D : A9_VFP_MUL_S; break;
    case VFP_OP_VADD: case VFP_OP_VSUB: c = A9_VFP_ADD; break;
    case VFP_OP_VDIV: c = dp ? A9_VFP_DIV_D : A9_VFP_DIV_S; break;
    case VFP_OP_VSQRT: c = dp ? A9_VFP_SQRT_D : A9_VFP_SQRT_S; src = m; break;
    case VFP_OP_VMOV_IMM: c = A9_VFP_MOV; src = 0; break;
    case VFP_OP_VMOV: case VFP_OP_VABS: case VFP_OP_VNEG: c = A9_VFP_MOV; src = m; break;
    case VFP_OP_VCMP: case VFP_OP_VCMPE: c = A9_VFP_CMP; src = d | m; dst = 0; break;
    case VFP_OP_VCMP0: case VFP_OP_VCMPE0: c = A9_VFP_CMP; src = d; dst = 0; break;
    case VFP_OP_VCVT_PREC: c = A9_VFP_CVT; src = m; dst = vmask(!dp, o->vd); break;
    case VFP_OP_VCVT_TOINT: c = A9_VFP_CVT; src = m; dst = a9_smask(o->vd); break;
    case VFP_OP_VCVT_FROMINT: c = A9_VFP_CVT; src = a9_smask(o->vm); break;
    case VFP_OP_VCVT_TOFIX: case VFP_OP_VCVT_FROMFIX: c = A9_VFP_CVT; src = d; break;
    case VFP_OP_VCVT_HALF: /* half of Sd replaced: Sd is read too */
        c = A9_VFP_CVT; src = a9_smask(o->vm) | a9_smask(o->vd); dst = a9_smask(o->vd); break;
    default: c = A9_DEFAULT; src = dst = 0; break;
    }
    o->tclass = c;
    o->tvsrc = src;
    o->tvdst = dst;
}

static int vfp_decode_dp_fields(uint32_t x, arm_insn *o);

int arm_vfp_decode_dp(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    int rc;
    (void)cpu;
    rc = vfp_decode_dp_fields(x, o);
    if (rc == 0) vfp_dp_timing(o);
    return rc;
}

static int vfp_decode_dp_fields(uint32_t x, arm_insn *o)
{
    const int dp = (int)BIT(x, 8);
    unsigned opc1 = BITS(x, 23, 20) & 0xB, opc2 = BITS(x, 19, 16), b6 = BIT(x, 6), b7 = BIT(x, 7);
    vfp_common(x, o);
    o->fn = arm_h_vfp_dp;
    o->shift_type = (uint8_t)dp;
    o->vd = (uint8_t)VD(x, dp);
    o->vn = (uint8_t)VN(x, dp);
    o->vm = (uint8_t)VM(x, dp);
    switch (opc1) {
    case 0x0: o->op = b6 ? VFP_OP_VMLS : VFP_OP_VMLA; return 0;   /* A8.8.337 */
    case 0x1: o->op = b6 ? VFP_OP_VNMLA : VFP_OP_VNMLS; return 0; /* A8.8.336 */
    case 0x2: o->op = b6 ? VFP_OP_VNMUL : VFP_OP_VMUL; return 0;  /* A8.8.351/336 */
    case 0x3: o->op = b6 ? VFP_OP_VSUB : VFP_OP_VADD; return 0;   /* A8.8.415/283 */
    case 0x8:
        if (b6) return -1;
        o->op = VFP_OP_VDIV; /* A8.8.317 */
        return 0;
    case 0xB: break;
    default: return -1; /* VFMA/VFMS/VFNMA/VFNMS: VFPv4, not on the A9 */
    }
    if (!b6) { /* VMOV immediate, A8.8.339: bits 7 and 5 are (0) */
        if (b7 || BIT(x, 5)) return -1;
        o->op = VFP_OP_VMOV_IMM;
        o->imm = (BITS(x, 19, 16) << 4) | BITS(x, 3, 0);
        return 0;
    }
    switch (opc2) {
    case 0x0: o->op = b7 ? VFP_OP_VABS : VFP_OP_VMOV; return 0;
    case 0x1: o->op = b7 ? VFP_OP_VSQRT : VFP_OP_VNEG; return 0;
    case 0x4: o->op = b7 ? VFP_OP_VCMPE : VFP_OP_VCMP; return 0; /* A8.8.312 */
    case 0x5:
        if (BIT(x, 5) || BITS(x, 3, 0)) return -1; /* (0) bits */
        o->op = b7 ? VFP_OP_VCMPE0 : VFP_OP_VCMP0;
        return 0;
    case 0x7: /* A8.8.308 VCVT between double and single */
        if (!b7) return -1;
        o->op = VFP_OP_VCVT_PREC;
        o->vd = (uint8_t)VD(x, !dp);
        return 0;
    case 0x8: /* A8.8.306 integer to floating point: m is single */
        o->op = VFP_OP_VCVT_FROMINT;
        o->vm = (uint8_t)VM(x, 0);
        o->imm = b7 ? 0 : 1; /* op = 0: unsigned */
        return 0;
    case 0xC: case 0xD: /* floating point to integer: d is single */
        o->op = VFP_OP_VCVT_TOINT;
        o->vd = (uint8_t)VD(x, 0);
        o->imm = (opc2 & 1 ? 0u : 1u) | (b7 ? 2u : 0u);
        return 0;
    case 0xA: case 0xB: case 0xE: case 0xF: { /* A8.8.309 fixed point */
        unsigned size = b7 ? 32 : 16, imm = (BITS(x, 3, 0) << 1) | BIT(x, 5);
        if (imm > size) return -1; /* frac_bits < 0: UNPREDICTABLE -> UNDEFINED */
        o->op = BIT(x, 18) ? VFP_OP_VCVT_TOFIX : VFP_OP_VCVT_FROMFIX;
        o->imm = BIT(x, 16) | (size == 32 ? 4u : 0u);
        o->shift_imm = (uint8_t)(size - imm);
        return 0;
    }
    case 0x2: case 0x3: /* A8.8.310 VCVTB/VCVTT: sz is (0) */
        if (dp) return -1;
        o->op = VFP_OP_VCVT_HALF;
        o->imm = (opc2 & 1) | (b7 << 1);
        return 0;
    default: return -1;
    }
}

int arm_vfp_decode_xfer(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    unsigned a = BITS(x, 23, 21), l = BIT(x, 20), c = BIT(x, 8);
    (void)cpu;
    vfp_common(x, o);
    o->ra = (uint8_t)BITS(x, 15, 12);
    if (!c) {
        if (BITS(x, 3, 0) || BITS(x, 6, 5)) return -1; /* (0) bits */
        if (a == 0) { /* A8.8.343 VMOV core <-> single */
            if (o->ra == 15) return -1;
            o->vn = (uint8_t)VN(x, 0);
            o->op = (uint8_t)l;
            o->fn = arm_h_vmov_sr;
            o->tclass = l ? A9_VFP_TO_CORE : A9_VFP_FROM_CORE;
            if (l) o->tvsrc = a9_smask(o->vn);
            else o->tvdst = a9_smask(o->vn);
            return 0;
        }
        if (a == 7) { /* VMRS / VMSR, A8.8.348/349 */
            if (BIT(x, 7)) return -1;
            o->rn = (uint8_t)BITS(x, 19, 16);
            o->fn = l ? arm_h_vmrs : arm_h_vmsr;
            o->tclass = A9_VFP_SYS;
            if (!l && o->ra == 15) return -1;
            if (l && o->ra == 15 && o->rn != 1) return -1;
            return 0;
        }
        return -1;
    }
    if (BITS(x, 3, 0)) return -1;
    if (!l && (a & 4)) { /* VDUP (core register), A8.8.315 */
        unsigned be = (BIT(x, 22) << 1) | BIT(x, 5), q = BIT(x, 21);
        if (BIT(x, 6) || be == 3 || o->ra == 15) return -1;
        if (q && BIT(x, 16)) return -1;
        o->vd = (uint8_t)vreg(1, BITS(x, 19, 16), BIT(x, 7));
        o->shift_type = (uint8_t)(be == 0 ? 2 : be == 1 ? 1 : 0); /* log2(esize / 8) */
        o->reglist = (uint16_t)(q ? 2 : 1);
        o->fn = arm_h_vdup_r;
        o->tclass = q ? A9_VFP_FROM_CORE2 : A9_VFP_FROM_CORE;
        o->tvdst = a9_dmask(o->vd, o->reglist);
        return 0;
    }
    { /* VMOV core <-> scalar, A8.8.341/342 */
        unsigned opc = (BITS(x, 22, 21) << 2) | BITS(x, 6, 5);
        if (opc & 8) { o->shift_type = 0; o->shift_imm = (uint8_t)(opc & 7); }
        else if (opc & 1) { o->shift_type = 1; o->shift_imm = (uint8_t)((opc >> 1) & 3); }
        else if ((opc & 3) == 0) { o->shift_type = 2; o->shift_imm = (uint8_t)((opc >> 2) & 1); }
        else return -1;
        if (o->ra == 15) return -1;
        if (l) {
            if (BIT(x, 23)) {
                if (o->shift_type == 2) return -1;
                o->flags |= ARM_IF_U;
            }
        } else if (BIT(x, 23)) {
            return -1;
        }
        o->vd = (uint8_t)vreg(1, BITS(x, 19, 16), BIT(x, 7));
        o->op = (uint8_t)l;
        o->fn = arm_h_vmov_scalar;
        o->tclass = l ? A9_VFP_TO_CORE : A9_VFP_FROM_CORE;
        o->tvsrc = 1u << o->vd; /* a write replaces one element: Dd is read too */
        if (!l) o->tvdst = 1u << o->vd;
        return 0;
    }
}

int arm_vfp_decode_xfer64(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    unsigned dbl = BIT(x, 8), l = BIT(x, 20);
    (void)cpu;
    vfp_common(x, o);
    if (BITS(x, 7, 6) || !BIT(x, 4)) return -1;
    o->ra = (uint8_t)BITS(x, 15, 12);
    o->rs = (uint8_t)BITS(x, 19, 16);
    o->vm = (uint8_t)VM(x, dbl);
    o->op = (uint8_t)((dbl << 1) | l);
    /* A8.8.345/346: PC, S31 as the first of two singles, and the same
     * core register twice for a transfer to core are UNPREDICTABLE */
    if (o->ra == 15 || o->rs == 15) return -1;
    if (!dbl && o->vm == 31) return -1;
    if (l && o->ra == o->rs) return -1;
    o->fn = arm_h_vmov_2r;
    o->tclass = l ? A9_VFP_TO_CORE : A9_VFP_FROM_CORE2;
    if (l) o->tvsrc = dbl ? vmask(1, o->vm) : vrange(0, o->vm, 2);
    else o->tvdst = dbl ? vmask(1, o->vm) : vrange(0, o->vm, 2);
    return 0;
}

int arm_vfp_decode_ls(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    const int dp = (int)BIT(x, 8);
    unsigned p = BIT(x, 24), u = BIT(x, 23), w = BIT(x, 21), l = BIT(x, 20);
    unsigned imm8 = BITS(x, 7, 0);
    (void)cpu;
    vfp_common(x, o);
    o->rn = (uint8_t)BITS(x, 19, 16);
    o->vd = (uint8_t)VD(x, dp);
    o->shift_type = (uint8_t)dp;
    o->op = (uint8_t)l;
    if (u) o->flags |= ARM_IF_U;
    if (p && !w) { /* VLDR/VSTR, A8.8.333/413 */
        o->imm = imm8 << 2;
        o->fn = arm_h_vfp_ldst;
        if (l) {
            o->tclass = dp ? A9_VFP_LDR_D : A9_VFP_LDR_S;
            o->tvdst = vmask(dp, o->vd);
        } else {
            o->tclass = A9_VFP_STR;
            o->tvsrc = vmask(dp, o->vd);
        }
        return 0;
    }
    /* VLDM/VSTM/VPUSH/VPOP, A8.8.332/412: P = 1 needs U = 0 and W = 1
     * (decrement before); P = 0 needs U = 1 (increment after) */
    if (p == u) return -1;
    if (w) o->flags |= ARM_IF_W;
    {
        unsigned regs = dp ? imm8 / 2 : imm8;
        if (o->rn == 15 && w) return -1;
        if (regs == 0 || regs > (dp ? 16u : 32u)) return -1;
        if (o->vd + regs > 32) return -1;
        o->reglist = (uint16_t)regs;
        o->imm = imm8 << 2; /* FLDMX/FSTMX (odd imm8): one extra word of writeback */
    }
    o->fn = arm_h_vfp_ldstm;
    o->tclass = l ? A9_VFP_LDM : A9_VFP_STM;
    if (l) o->tvdst = vrange(dp, o->vd, o->reglist);
    else o->tvsrc = vrange(dp, o->vd, o->reglist);
    return 0;
}

int arm_vfp_decode_t32(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    uint32_t a = vfp_t32_to_a32(x);
    int rc;
    if ((a & 0xFE000000u) == 0xF2000000u) return arm_neon_decode_dp(cpu, a, o);
    if ((a & 0xFF100000u) == 0xF4000000u) return arm_neon_decode_ls(cpu, a, o);
    if ((a & 0x0F000E10u) == 0x0E000A00u) return arm_vfp_decode_dp(cpu, a, o);
    if ((a & 0x0F000E10u) == 0x0E000A10u) return arm_vfp_decode_xfer(cpu, a, o);
    if ((a & 0x0FE00E00u) == 0x0C400A00u) return arm_vfp_decode_xfer64(cpu, a, o);
    rc = arm_vfp_decode_ls(cpu, a, o);
    /* A8.8.332/412/413: Rn == PC is UNPREDICTABLE in T32 except for VLDR */
    if (rc == 0 && o->rn == 15 && !(o->fn == arm_h_vfp_ldst && o->op)) return -1;
    return rc;
}
