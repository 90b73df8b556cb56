/*
 * exec_vfp.c - VFPv3-D32 state and instruction semantics (ARM DDI 0406C
 * A8.8 V* descriptions, B6.1 system registers). The arithmetic itself is in
 * vfp_fp.c (software IEEE 754 following the ARM ARM pseudocode).
 *
 * Access control (B1.11.1 / B6.1.10): CPACR.cp10/cp11 per privilege level
 * and FPEXC.EN, checked when the instruction executes (vfp_access_ok()).
 * Cortex-A9 choices (A9 FPU TRM DDI 0408G): no short vectors (a nonzero
 * FPSCR.Len makes the data-processing instructions UNDEFINED, Stride is
 * ignored), no trapped exceptions (trap enables RAZ/WI), no FPINST/FPINST2.
 */
#include "vfp_fp.h"
#include "vfp_internal.h"

void arm_vfp_reset(arm_cpu *cpu)
{
    memset(cpu->vfp_d, 0, sizeof cpu->vfp_d);
    cpu->fpscr = 0;
    cpu->fpexc = 0;
}

int vfp_access_ok(arm_cpu *cpu, int need_en)
{
    unsigned cp10 = (cpu->cp15.cpacr >> 20) & 3, cp11 = (cpu->cp15.cpacr >> 22) & 3;
    /* 01: PL1 only, 11: full access, 00: denied, 10: reserved (denied here);
     * cp10 and cp11 must agree (UNPREDICTABLE otherwise: denied here). */
    int ok = cp10 == cp11 && (cp10 == 3 || (cp10 == 1 && cpu->priv));
    if (ok && need_en && !(cpu->fpexc & VFP_FPEXC_EN)) ok = 0;
    if (!ok) arm_take_undef(cpu);
    return ok;
}

/* Apply the mode bits of FPSCR and OR the flags back in. */
#define FP_MODE(cpu) ((cpu)->fpscr)

void arm_h_vfp_dp(arm_cpu *cpu, const arm_insn *i)
{
    const int dp = i->shift_type;
    uint32_t exc = 0, mode;
    uint64_t a, b, r;
    if (!vfp_access_ok(cpu, 1)) return;
    if (cpu->fpscr & VFP_FPSCR_LEN_MASK) { /* short vectors: not on the A9 */
        arm_take_undef(cpu);
        return;
    }
    mode = FP_MODE(cpu);
    switch (i->op) {
    case VFP_OP_VMLA: case VFP_OP_VMLS: case VFP_OP_VNMLA: case VFP_OP_VNMLS: {
        /* A8.8.337/336: product rounded, then added (two roundings) */
        uint64_t p = vfp_mul(dp, vfp_get(cpu, dp, i->vn), vfp_get(cpu, dp, i->vm), mode, &exc);
        uint64_t d = vfp_get(cpu, dp, i->vd);
        if (i->op == VFP_OP_VMLS || i->op == VFP_OP_VNMLA) p = vfp_neg(dp, p);
        if (i->op == VFP_OP_VNMLA || i->op == VFP_OP_VNMLS) d = vfp_neg(dp, d);
        r = vfp_add(dp, d, p, 0, mode, &exc);
        break;
    }
    case VFP_OP_VMUL: case VFP_OP_VNMUL:
        r = vfp_mul(dp, vfp_get(cpu, dp, i->vn), vfp_get(cpu, dp, i->vm), mode, &exc);
        if (i->op == VFP_OP_VNMUL) r = vfp_neg(dp, r);
        break;
    case VFP_OP_VADD: case VFP_OP_VSUB:
        r = vfp_add(dp, vfp_get(cpu, dp, i->vn), vfp_get(cpu, dp, i->vm),
                    i->op == VFP_OP_VSUB, mode, &exc);
        break;
    case VFP_OP_VDIV:
        r = vfp_div(dp, vfp_get(cpu, dp, i->vn), vfp_get(cpu, dp, i->vm), mode, &exc);
        break;
    case VFP_OP_VMOV_IMM: r = vfp_expand_imm(dp, i->imm); break;
    case VFP_OP_VMOV: r = vfp_get(cpu, dp, i->vm); break;
    case VFP_OP_VABS: r = vfp_abs(dp, vfp_get(cpu, dp, i->vm)); break;
    case VFP_OP_VNEG: r = vfp_neg(dp, vfp_get(cpu, dp, i->vm)); break;
    case VFP_OP_VSQRT: r = vfp_sqrt(dp, vfp_get(cpu, dp, i->vm), mode, &exc); break;
    case VFP_OP_VCMP: case VFP_OP_VCMPE: case VFP_OP_VCMP0: case VFP_OP_VCMPE0: {
        a = vfp_get(cpu, dp, i->vd);
        b = (i->op == VFP_OP_VCMP || i->op == VFP_OP_VCMPE) ? vfp_get(cpu, dp, i->vm) : 0;
        unsigned nzcv = vfp_compare(dp, a, b, i->op == VFP_OP_VCMPE || i->op == VFP_OP_VCMPE0,
                                    mode, &exc);
        cpu->fpscr = (cpu->fpscr & 0x0FFFFFFFu) | (nzcv << 28) | exc;
        return;
    }
    case VFP_OP_VCVT_PREC:
        if (dp) vfp_set_s(cpu, i->vd, vfp_double_to_single(cpu->vfp_d[i->vm], mode, &exc));
        else cpu->vfp_d[i->vd] = vfp_single_to_double(vfp_get_s(cpu, i->vm), mode, &exc);
        cpu->fpscr |= exc;
        return;
    case VFP_OP_VCVT_TOINT:
        vfp_set_s(cpu, i->vd, vfp_to_fixed(dp, vfp_get(cpu, dp, i->vm), 32, 0, i->imm & 1,
                                           (i->imm >> 1) & 1, mode, &exc));
        cpu->fpscr |= exc;
        return;
    case VFP_OP_VCVT_FROMINT:
        r = vfp_from_fixed(dp, vfp_get_s(cpu, i->vm), 32, 0, i->imm & 1, 0, mode, &exc);
        break;
    case VFP_OP_VCVT_TOFIX: {
        /* A8.8.309: result extended to the register size */
        uint32_t v = vfp_to_fixed(dp, vfp_get(cpu, dp, i->vd), (i->imm & 4) ? 32 : 16, i->shift_imm, i->imm & 1,
                                  1, mode, &exc);
        r = (i->imm & 1) ? (uint64_t)v : (uint64_t)(int64_t)(int32_t)v;
        if (!dp) r &= 0xFFFFFFFFull;
        break;
    }
    case VFP_OP_VCVT_HALF: { /* A8.8.310: the top or bottom half of Sd / Sm */
        unsigned lowbit = (i->imm & 2) ? 16 : 0;
        if (i->imm & 1) {
            uint32_t h = vfp_single_to_half(vfp_get_s(cpu, i->vm), mode, &exc);
            uint32_t d = vfp_get_s(cpu, i->vd);
            d = (d & ~(0xFFFFu << lowbit)) | (h << lowbit);
            vfp_set_s(cpu, i->vd, d);
        } else {
            vfp_set_s(cpu, i->vd, vfp_half_to_single((vfp_get_s(cpu, i->vm) >> lowbit) & 0xFFFF,
                                                     mode, &exc));
        }
        cpu->fpscr |= exc;
        return;
    }
    case VFP_OP_VCVT_FROMFIX:
        r = vfp_from_fixed(dp, (uint32_t)vfp_get(cpu, dp, i->vd), (i->imm & 4) ? 32 : 16, i->shift_imm,
                           i->imm & 1, 0, mode, &exc);
        break;
    default:
        arm_take_undef(cpu);
        return;
    }
    vfp_set(cpu, dp, i->vd, r);
    cpu->fpscr |= exc;
}

/* Base address of VLDR/VSTR/VLDM/VSTM: Align(PC, 4) for PC (T32 literal). */
static inline uint32_t vfp_base(const arm_cpu *cpu, unsigned rn)
{
    return rn == 15 ? (cpu->r[15] & ~3u) : cpu->r[rn];
}

void arm_h_vfp_ldst(arm_cpu *cpu, const arm_insn *i)
{
    uint32_t base, addr;
    const unsigned acc = ARM_ACC_ALIGN; /* MemA: word alignment always checked */
    if (!vfp_access_ok(cpu, 1)) return;
    base = vfp_base(cpu, i->rn);
    addr = (i->flags & ARM_IF_U) ? base + i->imm : base - i->imm;
    if (i->op) {
        if (i->shift_type) {
            uint32_t w1 = arm_read32(cpu, addr, acc), w2 = arm_read32(cpu, addr + 4, acc);
            /* A8.8.333: big-endian data keeps word order by address */
            cpu->vfp_d[i->vd] = (cpu->cpsr_rest & ARM_CPSR_E)
                                    ? ((uint64_t)w1 << 32) | w2 : ((uint64_t)w2 << 32) | w1;
        } else {
            vfp_set_s(cpu, i->vd, arm_read32(cpu, addr, acc));
        }
    } else {
        if (i->shift_type) {
            uint64_t d = cpu->vfp_d[i->vd];
            int be = (cpu->cpsr_rest & ARM_CPSR_E) != 0;
            arm_write32(cpu, addr, be ? (uint32_t)(d >> 32) : (uint32_t)d, acc);
            arm_write32(cpu, addr + 4, be ? (uint32_t)d : (uint32_t)(d >> 32), acc);
        } else {
            arm_write32(cpu, addr, vfp_get_s(cpu, i->vd), acc);
        }
    }
}

void arm_h_vfp_ldstm(arm_cpu *cpu, const arm_insn *i)
{
    const unsigned acc = ARM_ACC_ALIGN;
    uint32_t base, addr, words[64];
    unsigned n = i->reglist, nw = i->shift_type ? 2 * n : n, k;
    int be;
    if (!vfp_access_ok(cpu, 1)) return;
    base = vfp_base(cpu, i->rn);
    addr = (i->flags & ARM_IF_U) ? base : base - i->imm;
    be = (cpu->cpsr_rest & ARM_CPSR_E) != 0;
    if (i->op) {
        for (k = 0; k < nw; k++) words[k] = arm_read32(cpu, addr + 4 * k, acc);
        for (k = 0; k < n; k++) {
            if (i->shift_type) {
                uint32_t w1 = words[2 * k], w2 = words[2 * k + 1];
                cpu->vfp_d[(i->vd + k) & 31] = be ? ((uint64_t)w1 << 32) | w2
                                                  : ((uint64_t)w2 << 32) | w1;
            } else {
                vfp_set_s(cpu, (i->vd + k) & 31, words[k]);
            }
        }
    } else {
        for (k = 0; k < n; k++) {
            if (i->shift_type) {
                uint64_t d = cpu->vfp_d[(i->vd + k) & 31];
                arm_write32(cpu, addr + 8 * k, be ? (uint32_t)(d >> 32) : (uint32_t)d, acc);
                arm_write32(cpu, addr + 8 * k + 4, be ? (uint32_t)d : (uint32_t)(d >> 32), acc);
            } else {
                arm_write32(cpu, addr + 4 * k, vfp_get_s(cpu, (i->vd + k) & 31), acc);
            }
        }
    }
    if (i->flags & ARM_IF_W)
        cpu->r[i->rn] = (i->flags & ARM_IF_U) ? base + i->imm : base - i->imm;
}

void arm_h_vmov_sr(arm_cpu *cpu, const arm_insn *i)
{
    if (!vfp_access_ok(cpu, 1)) return;
    if (i->op) cpu->r[i->ra] = vfp_get_s(cpu, i->vn);
    else vfp_set_s(cpu, i->vn, cpu->r[i->ra]);
}

void arm_h_vmov_2r(arm_cpu *cpu, const arm_insn *i)
{
    if (!vfp_access_ok(cpu, 1)) return;
    if (i->op & 2) {
        if (i->op & 1) {
            uint64_t d = cpu->vfp_d[i->vm];
            cpu->r[i->ra] = (uint32_t)d;
            cpu->r[i->rs] = (uint32_t)(d >> 32);
        } else {
            cpu->vfp_d[i->vm] = ((uint64_t)cpu->r[i->rs] << 32) | cpu->r[i->ra];
        }
    } else {
        if (i->op & 1) {
            uint32_t lo = vfp_get_s(cpu, i->vm), hi = vfp_get_s(cpu, i->vm + 1u);
            cpu->r[i->ra] = lo;
            cpu->r[i->rs] = hi;
        } else {
            vfp_set_s(cpu, i->vm, cpu->r[i->ra]);
            vfp_set_s(cpu, i->vm + 1u, cpu->r[i->rs]);
        }
    }
}

void arm_h_vmov_scalar(arm_cpu *cpu, const arm_insn *i)
{
    unsigned esize = 8u << i->shift_type, lsb = i->shift_imm * esize;
    uint64_t mask = esize == 32 ? 0xFFFFFFFFull : ((1ull << esize) - 1);
    if (!vfp_access_ok(cpu, 1)) return;
    if (i->op) {
        uint32_t v = (uint32_t)((cpu->vfp_d[i->vd] >> lsb) & mask);
        if (!(i->flags & ARM_IF_U) && esize < 32 && (v >> (esize - 1)) & 1) v |= ~(uint32_t)mask;
        cpu->r[i->ra] = v;
    } else {
        uint64_t *d = &cpu->vfp_d[i->vd];
        *d = (*d & ~(mask << lsb)) | (((uint64_t)cpu->r[i->ra] & mask) << lsb);
    }
}

void arm_h_vdup_r(arm_cpu *cpu, const arm_insn *i)
{
    uint32_t v = cpu->r[i->ra];
    uint64_t d;
    unsigned k;
    if (!vfp_access_ok(cpu, 1)) return;
    if (i->shift_type == 0) v = (v & 0xFF) * 0x01010101u;
    else if (i->shift_type == 1) v = (v & 0xFFFF) * 0x00010001u;
    d = ((uint64_t)v << 32) | v;
    for (k = 0; k < i->reglist; k++) cpu->vfp_d[(i->vd + k) & 31] = d;
}

/* System registers: B6.1 (VMRS/VMSR encodings A8.8.348/349, B9.3.19). */
void arm_h_vmrs(arm_cpu *cpu, const arm_insn *i)
{
    uint32_t v;
    if (i->rn == 1) {
        if (!vfp_access_ok(cpu, 1)) return;
        v = cpu->fpscr;
        if (i->ra == 15) { /* VMRS APSR_nzcv, FPSCR */
            cpu->nf = v & ARM_CPSR_N;
            cpu->zf = (v & ARM_CPSR_Z) ? 0 : 1;
            cpu->cf = (v >> 29) & 1;
            cpu->vf = (v & ARM_CPSR_V) ? 0x80000000u : 0;
            return;
        }
        cpu->r[i->ra] = v;
        return;
    }
    /* FPSID, MVFR0/1, FPEXC: PL1 only; they do not need FPEXC.EN */
    if (!cpu->priv) { arm_take_undef(cpu); return; }
    if (!vfp_access_ok(cpu, 0)) return;
    switch (i->rn) {
    case 0: v = VFP_FPSID; break;
    case 6: v = VFP_MVFR1; break;
    case 7: v = VFP_MVFR0; break;
    case 8: v = cpu->fpexc; break;
    default: arm_take_undef(cpu); return; /* FPINST/FPINST2 not implemented */
    }
    if (i->ra == 15) { arm_take_undef(cpu); return; }
    cpu->r[i->ra] = v;
}

void arm_h_vmsr(arm_cpu *cpu, const arm_insn *i)
{
    uint32_t v = cpu->r[i->ra];
    if (i->rn == 1) {
        if (!vfp_access_ok(cpu, 1)) return;
        cpu->fpscr = v & VFP_FPSCR_WMASK;
        return;
    }
    if (!cpu->priv) { arm_take_undef(cpu); return; }
    if (!vfp_access_ok(cpu, 0)) return;
    switch (i->rn) {
    case 0: return;                                  /* FPSID: read-only, write ignored */
    case 8: cpu->fpexc = v & VFP_FPEXC_EN; return;   /* EX and the rest RAZ/WI on the A9 */
    default: arm_take_undef(cpu); return;
    }
}
