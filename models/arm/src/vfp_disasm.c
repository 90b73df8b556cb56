/*
 * vfp_disasm.c - UAL text of decoded VFP / Advanced SIMD instructions
 * (arm_vfp_format(), used by the "%V" format of the decode tables).
 */
#include <stdio.h>

#include "neon_internal.h"
#include "vfp_internal.h"

static const char *const op_names[VFP_OP_COUNT] = {
    "vmla", "vmls", "vnmla", "vnmls", "vmul", "vnmul", "vadd", "vsub", "vdiv",
    "vmov", "vmov", "vabs", "vneg", "vsqrt", "vcmp", "vcmpe", "vcmp", "vcmpe",
    "vcvt", "vcvt", "vcvt", "vcvt", "vcvt", "vcvt"};

static const char *const sysreg_names[16] = {"fpsid", "fpscr", "c2", "c3", "c4", "c5", "mvfr1",
                                             "mvfr0", "fpexc", "fpinst", "fpinst2", "c11",
                                             "c12", "c13", "c14", "c15"};

static int reg(char *b, size_t n, int dp, unsigned r)
{
    return snprintf(b, n, "%c%u", dp ? 'd' : 's', r);
}

int arm_vfp_format(const arm_insn *i, char *buf, size_t len)
{
    const char *c = arm_cond_name(i->cond);
    char d[16], n[16], m[16];
    int dp = i->shift_type;
    int r;
    if (i->fn == arm_h_vfp_dp) {
        const char *t = dp ? ".f64" : ".f32";
        reg(d, sizeof d, dp, i->vd);
        reg(n, sizeof n, dp, i->vn);
        reg(m, sizeof m, dp, i->vm);
        switch (i->op) {
        case VFP_OP_VMOV_IMM:
            r = snprintf(buf, len, "vmov%s%s %s, #0x%02x", c, t, d, i->imm);
            break;
        case VFP_OP_VMOV: case VFP_OP_VABS: case VFP_OP_VNEG: case VFP_OP_VSQRT:
        case VFP_OP_VCMP: case VFP_OP_VCMPE:
            r = snprintf(buf, len, "%s%s%s %s, %s", op_names[i->op], c, t, d, m);
            break;
        case VFP_OP_VCMP0: case VFP_OP_VCMPE0:
            r = snprintf(buf, len, "%s%s%s %s, #0", op_names[i->op], c, t, d);
            break;
        case VFP_OP_VCVT_PREC:
            reg(d, sizeof d, !dp, i->vd);
            r = snprintf(buf, len, "vcvt%s%s %s, %s", c, dp ? ".f32.f64" : ".f64.f32", d, m);
            break;
        case VFP_OP_VCVT_TOINT:
            reg(d, sizeof d, 0, i->vd);
            r = snprintf(buf, len, "vcvt%s%s.%c32%s %s, %s", (i->imm & 2) ? "" : "r", c,
                         (i->imm & 1) ? 'u' : 's', t, d, m);
            break;
        case VFP_OP_VCVT_FROMINT:
            reg(m, sizeof m, 0, i->vm);
            r = snprintf(buf, len, "vcvt%s%s.%c32 %s, %s", c, t, (i->imm & 1) ? 'u' : 's', d, m);
            break;
        case VFP_OP_VCVT_TOFIX:
            r = snprintf(buf, len, "vcvt%s.%c%u%s %s, %s, #%u", c, (i->imm & 1) ? 'u' : 's',
                         (i->imm & 4) ? 32u : 16u, t, d, d, i->shift_imm);
            break;
        case VFP_OP_VCVT_HALF:
            reg(d, sizeof d, 0, i->vd);
            reg(m, sizeof m, 0, i->vm);
            r = snprintf(buf, len, "vcvt%c%s%s %s, %s", (i->imm & 2) ? 't' : 'b', c,
                         (i->imm & 1) ? ".f16.f32" : ".f32.f16", d, m);
            break;
        case VFP_OP_VCVT_FROMFIX:
            r = snprintf(buf, len, "vcvt%s%s.%c%u %s, %s, #%u", c, t, (i->imm & 1) ? 'u' : 's',
                         (i->imm & 4) ? 32u : 16u, d, d, i->shift_imm);
            break;
        default:
            r = snprintf(buf, len, "%s%s%s %s, %s, %s", op_names[i->op % VFP_OP_COUNT], c, t, d,
                         n, m);
            break;
        }
    } else if (i->fn == arm_h_vfp_ldst) {
        reg(d, sizeof d, dp, i->vd);
        r = snprintf(buf, len, "%s%s %s, [%s, #%s%u]", i->op ? "vldr" : "vstr", c, d,
                     arm_reg_name(i->rn), (i->flags & ARM_IF_U) ? "" : "-", i->imm);
    } else if (i->fn == arm_h_vfp_ldstm) {
        int push = i->rn == 13 && (i->flags & ARM_IF_W);
        reg(d, sizeof d, dp, i->vd);
        reg(m, sizeof m, dp, (i->vd + i->reglist - 1u) & 31);
        if (push && !(i->flags & ARM_IF_U) && !i->op)
            r = snprintf(buf, len, "vpush%s {%s-%s}", c, d, m);
        else if (push && (i->flags & ARM_IF_U) && i->op)
            r = snprintf(buf, len, "vpop%s {%s-%s}", c, d, m);
        else
            r = snprintf(buf, len, "%s%s%s %s%s, {%s-%s}", i->op ? "vldm" : "vstm",
                         (i->flags & ARM_IF_U) ? "ia" : "db", c, arm_reg_name(i->rn),
                         (i->flags & ARM_IF_W) ? "!" : "", d, m);
    } else if (i->fn == arm_h_vmov_sr) {
        if (i->op) r = snprintf(buf, len, "vmov%s %s, s%u", c, arm_reg_name(i->ra), i->vn);
        else r = snprintf(buf, len, "vmov%s s%u, %s", c, i->vn, arm_reg_name(i->ra));
    } else if (i->fn == arm_h_vmov_2r) {
        if (i->op & 2) reg(m, sizeof m, 1, i->vm);
        else snprintf(m, sizeof m, "s%u, s%u", i->vm, i->vm + 1u);
        if (i->op & 1)
            r = snprintf(buf, len, "vmov%s %s, %s, %s", c, arm_reg_name(i->ra),
                         arm_reg_name(i->rs), m);
        else
            r = snprintf(buf, len, "vmov%s %s, %s, %s", c, m, arm_reg_name(i->ra),
                         arm_reg_name(i->rs));
    } else if (i->fn == arm_h_vmov_scalar) {
        unsigned es = 8u << i->shift_type;
        if (i->op)
            r = snprintf(buf, len, "vmov%s.%s%u %s, d%u[%u]", c,
                         es == 32 ? "" : (i->flags & ARM_IF_U) ? "u" : "s", es,
                         arm_reg_name(i->ra), i->vd, i->shift_imm);
        else
            r = snprintf(buf, len, "vmov%s.%u d%u[%u], %s", c, es, i->vd, i->shift_imm,
                         arm_reg_name(i->ra));
    } else if (i->fn == arm_h_vdup_r) {
        unsigned es = 8u << i->shift_type;
        if (i->reglist == 2) r = snprintf(buf, len, "vdup%s.%u q%u, %s", c, es, i->vd / 2u,
                                          arm_reg_name(i->ra));
        else r = snprintf(buf, len, "vdup%s.%u d%u, %s", c, es, i->vd, arm_reg_name(i->ra));
    } else if (i->fn == arm_h_vmrs) {
        r = snprintf(buf, len, "vmrs%s %s, %s", c, i->ra == 15 ? "APSR_nzcv" : arm_reg_name(i->ra),
                     sysreg_names[i->rn & 15]);
    } else if (i->fn == arm_h_vmsr) {
        r = snprintf(buf, len, "vmsr%s %s, %s", c, sysreg_names[i->rn & 15], arm_reg_name(i->ra));
    } else {
        r = arm_neon_format(i, buf, len);
    }
    return r < 0 ? 0 : r;
}
