/*
 * a32_decode.c - the A32 (ARM state) decode table and decode functions.
 *
 * Each row of a32_table is one encoding class of the ARM ARM (ARMv7-A/R,
 * DDI 0406C) chapter A5 "ARM Instruction Set Encoding"; section numbers in
 * the comments. Rows of the conditional space (cond != 1111) are in group
 * "cond"; rows of the unconditional space (A5.7) declare that they
 * override "cond" (their cond field is 1111), and a catch-all row makes
 * every other cond == 1111 encoding UNDEFINED. Encodings that match no row
 * are UNDEFINED.
 */
#include "a9_timing.h"
#include "arm_internal.h"
#include "vfp_internal.h"

#define BITS(x, hi, lo) (((x) >> (lo)) & ((1u << ((hi) - (lo) + 1)) - 1))
#define BIT(x, n) (((x) >> (n)) & 1u)

static inline uint32_t ror32(uint32_t v, unsigned r)
{
    r &= 31;
    return r ? (v >> r) | (v << (32 - r)) : v;
}

/* DecodeImmShift (A8.4.3) */
static void decode_imm_shift(arm_insn *o, unsigned type, unsigned imm5)
{
    o->shift_type = (uint8_t)type;
    switch (type) {
    case ARM_SHIFT_LSL: o->shift_imm = (uint8_t)imm5; break;
    case ARM_SHIFT_LSR: case ARM_SHIFT_ASR: o->shift_imm = (uint8_t)(imm5 ? imm5 : 32); break;
    default:
        if (imm5 == 0) { o->shift_type = ARM_SHIFT_RRX; o->shift_imm = 1; }
        else o->shift_imm = (uint8_t)imm5;
        break;
    }
}

/*
 * Should-be bits ("(0)"/"(1)" in the ARM ARM encodings): an encoding with
 * other values is UNPREDICTABLE; like the T32 decoder (and QEMU) we make it
 * UNDEFINED (README).
 */
#define SHOULD_BE(x, mask, value)                                                          \
    do {                                                                                   \
        if (((x) & (mask)) != (value)) return -1;                                          \
    } while (0)

static void common_cond(uint32_t x, arm_insn *o) { o->cond = (uint8_t)BITS(x, 31, 28); }

/* ---- data processing (A5.2.1-A5.2.3) ---- */

/* MOV/MVN: Rn is (0)(0)(0)(0); TST/TEQ/CMP/CMN: Rd is (0)(0)(0)(0). */
#define DP_SHOULD_BE(x)                                                                    \
    do {                                                                                   \
        unsigned op_ = BITS(x, 24, 21);                                                    \
        if ((op_ == ARM_DP_MOV || op_ == ARM_DP_MVN) && BITS(x, 19, 16) != 0) return -1;   \
        if (op_ >= ARM_DP_TST && op_ <= ARM_DP_CMN && BITS(x, 15, 12) != 0) return -1;     \
    } while (0)

static int d_dp_reg(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    DP_SHOULD_BE(x);
    common_cond(x, o);
    o->rn = BITS(x, 19, 16); o->rd = BITS(x, 15, 12); o->rm = BITS(x, 3, 0);
    if (BIT(x, 20)) o->flags |= ARM_IF_S;
    decode_imm_shift(o, BITS(x, 6, 5), BITS(x, 11, 7));
    arm_dp_finish(o, BITS(x, 24, 21), ARM_OP2_IMMSHIFT);
    return 0;
}

static int d_dp_rsr(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    DP_SHOULD_BE(x);
    common_cond(x, o);
    o->rn = BITS(x, 19, 16); o->rd = BITS(x, 15, 12); o->rs = BITS(x, 11, 8);
    o->rm = BITS(x, 3, 0);
    o->shift_type = BITS(x, 6, 5);
    if (BIT(x, 20)) o->flags |= ARM_IF_S;
    /* Rd/Rn/Rm/Rs == PC: UNPREDICTABLE; we read PC+8 and write PC normally (README) */
    arm_dp_finish(o, BITS(x, 24, 21), ARM_OP2_REGSHIFT);
    return 0;
}

static int d_dp_imm(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    unsigned rot = BITS(x, 11, 8) * 2;
    (void)cpu;
    DP_SHOULD_BE(x);
    common_cond(x, o);
    o->rn = BITS(x, 19, 16); o->rd = BITS(x, 15, 12);
    o->imm = ror32(BITS(x, 7, 0), rot);
    if (rot) o->flags |= ARM_IF_IMMC;
    if (BIT(x, 20)) o->flags |= ARM_IF_S;
    arm_dp_finish(o, BITS(x, 24, 21), ARM_OP2_IMM);
    return 0;
}

static int d_movw(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    common_cond(x, o);
    o->rd = BITS(x, 15, 12);
    o->imm = (BITS(x, 19, 16) << 12) | BITS(x, 11, 0);
    o->fn = BIT(x, 22) ? arm_h_movt : arm_h_movw;
    o->tclass = A9_ALU;
    return o->rd == 15 ? -1 : 0; /* Rd == PC: UNPREDICTABLE -> UNDEFINED (README) */
}

/* ---- MSR immediate and hints (A5.2.11) ---- */

static int d_msr_imm(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    SHOULD_BE(x, 0x0000F000u, 0x0000F000u);
    /* mask == 0: UNPREDICTABLE (and the hint space with wrong should-be
     * bits 15:8): UNDEFINED, as the T32 decoder and QEMU (README) */
    if (BITS(x, 19, 16) == 0) return -1;
    common_cond(x, o);
    o->op = BITS(x, 19, 16);
    o->imm = ror32(BITS(x, 7, 0), BITS(x, 11, 8) * 2);
    if (BIT(x, 22)) o->flags |= ARM_IF_SPSR;
    o->fn = arm_h_msr_imm;
    o->tclass = A9_SYSTEM;
    return 0;
}

static int d_hint(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    unsigned op2 = BITS(x, 7, 0);
    (void)cpu;
    common_cond(x, o);
    switch (op2) {
    case 0: o->op = ARM_HINT_NOP; break;
    case 1: o->op = ARM_HINT_YIELD; break;
    case 2: o->op = ARM_HINT_WFE; break;
    case 3: o->op = ARM_HINT_WFI; break;
    case 4: o->op = ARM_HINT_SEV; break;
    default: o->op = (op2 & 0xF0) == 0xF0 ? ARM_HINT_DBG : ARM_HINT_NOP; break;
    }
    o->imm = op2;
    o->fn = arm_h_hint;
    return 0;
}

/* ---- miscellaneous (A5.2.12) ---- */

static int d_mrs(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    SHOULD_BE(x, 0x000F0F0Fu, 0x000F0000u);
    if (BIT(x, 9)) return -1; /* MRS (banked): Virtualization Extensions, absent on the A9 */
    common_cond(x, o);
    o->rd = BITS(x, 15, 12);
    if (BIT(x, 22)) o->flags |= ARM_IF_SPSR;
    o->fn = arm_h_mrs;
    return o->rd == 15 ? -1 : 0;
}

static int d_msr_reg(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    SHOULD_BE(x, 0x0000FF00u, 0x0000F000u);
    if (BIT(x, 9)) return -1; /* MSR (banked): Virtualization Extensions, absent on the A9 */
    if (BITS(x, 19, 16) == 0) return -1; /* mask == 0: UNPREDICTABLE -> UNDEFINED (README) */
    common_cond(x, o);
    o->rn = BITS(x, 3, 0);
    o->op = BITS(x, 19, 16);
    if (BIT(x, 22)) o->flags |= ARM_IF_SPSR;
    o->fn = arm_h_msr_reg;
    o->tclass = A9_SYSTEM;
    return 0;
}

static int d_bx(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    SHOULD_BE(x, 0x000FFF00u, 0x000FFF00u);
    common_cond(x, o);
    o->rm = BITS(x, 3, 0);
    /* BXJ: Jazelle is the trivial implementation, so BXJ behaves as BX (A8.8.28) */
    o->fn = BITS(x, 7, 4) == 3 ? arm_h_blx_reg : arm_h_bx;
    o->tclass = A9_BRANCH_REG;
    return 0;
}

static int d_clz(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    SHOULD_BE(x, 0x000F0F00u, 0x000F0F00u);
    common_cond(x, o);
    o->rd = BITS(x, 15, 12); o->rm = BITS(x, 3, 0);
    o->fn = arm_h_clz;
    o->tclass = A9_EXTEND;
    return 0;
}

static int d_qaddsub(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    static const arm_handler h[4] = {arm_h_qadd, arm_h_qsub, arm_h_qdadd, arm_h_qdsub};
    (void)cpu;
    SHOULD_BE(x, 0x00000F00u, 0);
    common_cond(x, o);
    o->rn = BITS(x, 19, 16); o->rd = BITS(x, 15, 12); o->rm = BITS(x, 3, 0);
    o->fn = h[BITS(x, 22, 21)];
    o->tclass = A9_SAT;
    return 0;
}

static int d_bkpt(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    /* BKPT with cond != AL is UNPREDICTABLE: we treat it as unconditional (README) */
    o->imm = (BITS(x, 19, 8) << 4) | BITS(x, 3, 0);
    o->fn = arm_h_bkpt;
    o->tclass = A9_SYSTEM;
    return 0;
}

/* ---- halfword multiplies (A5.2.7) ---- */

static int d_mul16(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    common_cond(x, o);
    o->rd = BITS(x, 19, 16); o->ra = BITS(x, 15, 12); o->rm = BITS(x, 11, 8);
    o->rn = BITS(x, 3, 0);
    if (BIT(x, 5)) o->flags |= ARM_IF_NHIGH;
    if (BIT(x, 6)) o->flags |= ARM_IF_MHIGH;
    o->tclass = A9_MUL16;
    /* SMULxy, SMULWy: bits 15:12 are (0)(0)(0)(0) */
    if ((BITS(x, 22, 21) == 3 || (BITS(x, 22, 21) == 1 && BIT(x, 5))) && BITS(x, 15, 12) != 0)
        return -1;
    switch (BITS(x, 22, 21)) {
    case 0: o->fn = arm_h_smlaxy; break;
    case 1:
        o->flags &= ~ARM_IF_NHIGH;
        o->fn = BIT(x, 5) ? arm_h_smulwy : arm_h_smlawy;
        break;
    case 2:
        /* SMLALxy: RdHi = bits 19:16, RdLo = bits 15:12 */
        o->fn = arm_h_smlalxy;
        o->tclass = A9_MUL_LONG;
        break;
    default: o->fn = arm_h_smulxy; break;
    }
    return 0;
}

/* ---- multiply (A5.2.5) ---- */

static int d_mul(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    unsigned op = BITS(x, 23, 21);
    (void)cpu;
    common_cond(x, o);
    o->rd = BITS(x, 19, 16); o->ra = BITS(x, 15, 12); o->rm = BITS(x, 11, 8);
    o->rn = BITS(x, 3, 0);
    if (BIT(x, 20)) o->flags |= ARM_IF_S;
    o->tclass = A9_MUL_LONG;
    switch (op) {
    case 0:
        SHOULD_BE(x, 0x0000F000u, 0); /* MUL: bits 15:12 are (0)(0)(0)(0) */
        o->fn = arm_h_mul; o->tclass = A9_MUL; break;
    case 1: o->fn = arm_h_mla; o->tclass = A9_MUL; break;
    case 2: if (BIT(x, 20)) return -1; o->fn = arm_h_umaal; break;
    case 3: if (BIT(x, 20)) return -1; o->fn = arm_h_mls; o->tclass = A9_MUL; break;
    case 4: o->fn = arm_h_umull; break;
    case 5: o->fn = arm_h_umlal; break;
    case 6: o->fn = arm_h_smull; break;
    default: o->fn = arm_h_smlal; break;
    }
    return 0;
}

/* ---- synchronization primitives (A5.2.10) ---- */

static int d_swp(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    SHOULD_BE(x, 0x00000F00u, 0);
    common_cond(x, o);
    o->rn = BITS(x, 19, 16); o->rd = BITS(x, 15, 12); o->rm = BITS(x, 3, 0);
    o->op = BIT(x, 22) ? ARM_LS_B : ARM_LS_W;
    o->fn = arm_h_swp;
    o->tclass = A9_EXCL;
    return 0;
}

static int d_excl(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    static const uint8_t sz[4] = {ARM_LS_W, ARM_LS_D, ARM_LS_B, ARM_LS_H};
    (void)cpu;
    common_cond(x, o);
    o->rn = BITS(x, 19, 16);
    o->op = sz[BITS(x, 22, 21)];
    SHOULD_BE(x, 0x00000F00u, 0x00000F00u);
    if (BIT(x, 20)) SHOULD_BE(x, 0x0000000Fu, 0x0000000Fu);
    if (BIT(x, 20)) {
        o->rd = BITS(x, 15, 12);
        o->fn = arm_h_ldrex;
    } else {
        o->rs = BITS(x, 15, 12);
        o->rd = BITS(x, 3, 0);
        o->fn = arm_h_strex;
    }
    if (o->op == ARM_LS_D) {
        if ((o->rd & 1) || o->rd == 14) return -1; /* Rt odd or LR: UNPREDICTABLE -> UNDEFINED */
        o->ra = (uint8_t)(o->rd + 1);
    }
    /* Rt/Rn == PC; STREX status Rd == PC, Rn, Rt or Rt2: UNPREDICTABLE ->
     * UNDEFINED (README, as the T32 decoder and QEMU) */
    if (o->rd == 15 || o->rn == 15) return -1;
    if (!BIT(x, 20) && (o->rs == 15 || o->rs == o->rn || o->rs == o->rd ||
                        (o->op == ARM_LS_D && o->rs == o->ra)))
        return -1;
    o->tclass = A9_EXCL;
    return 0;
}

/* ---- extra load/store (A5.2.8, A5.2.9) ---- */

static void ls_addressing(uint32_t x, arm_insn *o)
{
    if (BIT(x, 24)) o->flags |= ARM_IF_P;
    if (BIT(x, 23)) o->flags |= ARM_IF_U;
    if (BIT(x, 21) || !BIT(x, 24)) o->flags |= ARM_IF_W;
}

static int d_extra_ls(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    unsigned op2 = BITS(x, 6, 5), load = BIT(x, 20);
    (void)cpu;
    common_cond(x, o);
    o->rn = BITS(x, 19, 16); o->rd = BITS(x, 15, 12); o->rm = BITS(x, 3, 0);
    ls_addressing(x, o);
    if (BIT(x, 22)) o->imm = (BITS(x, 11, 8) << 4) | BITS(x, 3, 0);
    else {
        SHOULD_BE(x, 0x00000F00u, 0);
        o->flags |= ARM_IF_REGOFF; /* shift LSL #0 */
    }
    /* P == 0 and W == 1: unprivileged forms LDRHT/STRHT/LDRSBT/LDRSHT */
    if (!BIT(x, 24) && BIT(x, 21)) o->flags |= ARM_IF_USER;
    if (op2 == 1) {
        o->op = ARM_LS_H;
        arm_ls_finish(o, (int)load);
        return 0;
    }
    if (load) {
        o->op = op2 == 2 ? ARM_LS_SB : ARM_LS_SH;
        arm_ls_finish(o, 1);
        return 0;
    }
    /* LDRD (op2 2) / STRD (op2 3), A8.8.72 / A8.8.210 */
    if ((o->rd & 1) || (o->flags & ARM_IF_USER)) return -1; /* UNPREDICTABLE -> UNDEFINED (README) */
    o->ra = (uint8_t)(o->rd + 1);
    o->fn = op2 == 2 ? arm_h_ldrd : arm_h_strd;
    o->tclass = A9_LOADD;
    return 0;
}

/* ---- load/store word and unsigned byte (A5.3) ---- */

static int d_ls(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    common_cond(x, o);
    o->rn = BITS(x, 19, 16); o->rd = BITS(x, 15, 12);
    ls_addressing(x, o);
    if (!BIT(x, 24) && BIT(x, 21)) o->flags |= ARM_IF_USER; /* LDRT/STRT/LDRBT/STRBT */
    if (BIT(x, 25)) {
        o->rm = BITS(x, 3, 0);
        o->flags |= ARM_IF_REGOFF;
        decode_imm_shift(o, BITS(x, 6, 5), BITS(x, 11, 7));
    } else {
        o->imm = BITS(x, 11, 0);
    }
    o->op = BIT(x, 22) ? ARM_LS_B : ARM_LS_W;
    arm_ls_finish(o, (int)BIT(x, 20));
    return 0;
}

/* ---- media (A5.4) ---- */

static int d_parallel(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    unsigned op1 = BITS(x, 21, 20), op2 = BITS(x, 7, 5), u = BIT(x, 22), kind;
    (void)cpu;
    SHOULD_BE(x, 0x00000F00u, 0x00000F00u);
    if (op1 == 0 || op2 == 5 || op2 == 6) return -1;
    common_cond(x, o);
    o->rn = BITS(x, 19, 16); o->rd = BITS(x, 15, 12); o->rm = BITS(x, 3, 0);
    kind = (u ? 3 : 0) + (op1 - 1);
    o->op = (uint8_t)((kind << 3) | op2);
    o->fn = arm_h_parallel;
    o->tclass = A9_SAT;
    return 0;
}

static int d_pkh(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    common_cond(x, o);
    o->rn = BITS(x, 19, 16); o->rd = BITS(x, 15, 12); o->rm = BITS(x, 3, 0);
    if (BIT(x, 6)) o->flags |= ARM_IF_TB;
    decode_imm_shift(o, BIT(x, 6) ? ARM_SHIFT_ASR : ARM_SHIFT_LSL, BITS(x, 11, 7));
    o->fn = arm_h_pkh;
    o->tclass = A9_BITFIELD;
    return 0;
}

static int d_extend(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    static const int8_t ops[8] = {ARM_EXT_SXTB16, -1, ARM_EXT_SXTB, ARM_EXT_SXTH,
                                  ARM_EXT_UXTB16, -1, ARM_EXT_UXTB, ARM_EXT_UXTH};
    int op = ops[BITS(x, 22, 20)];
    (void)cpu;
    SHOULD_BE(x, 0x00000300u, 0);
    if (op < 0) return -1;
    common_cond(x, o);
    o->rn = BITS(x, 19, 16); o->rd = BITS(x, 15, 12); o->rm = BITS(x, 3, 0);
    o->shift_imm = (uint8_t)(BITS(x, 11, 10) * 8);
    o->op = (uint8_t)op;
    if (o->rn != 15) o->flags |= ARM_IF_ACC;
    o->fn = arm_h_extend;
    o->tclass = o->rn != 15 ? A9_EXTEND_ACC : A9_EXTEND;
    return 0;
}

static int d_sel(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    SHOULD_BE(x, 0x00000F00u, 0x00000F00u);
    common_cond(x, o);
    o->rn = BITS(x, 19, 16); o->rd = BITS(x, 15, 12); o->rm = BITS(x, 3, 0);
    o->fn = arm_h_sel;
    o->tclass = A9_SAT;
    return 0;
}

static int d_sat(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    common_cond(x, o);
    o->rd = BITS(x, 15, 12); o->rn = BITS(x, 3, 0);
    decode_imm_shift(o, BIT(x, 6) ? ARM_SHIFT_ASR : ARM_SHIFT_LSL, BITS(x, 11, 7));
    if (BIT(x, 22)) {
        o->imm = BITS(x, 20, 16);
        o->fn = arm_h_usat;
    } else {
        o->imm = BITS(x, 20, 16) + 1;
        o->fn = arm_h_ssat;
    }
    o->tclass = A9_SAT;
    return 0;
}

static int d_sat16(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    SHOULD_BE(x, 0x00000F00u, 0x00000F00u);
    common_cond(x, o);
    o->rd = BITS(x, 15, 12); o->rn = BITS(x, 3, 0);
    if (BIT(x, 22)) {
        o->imm = BITS(x, 19, 16);
        o->fn = arm_h_usat16;
    } else {
        o->imm = BITS(x, 19, 16) + 1;
        o->fn = arm_h_ssat16;
    }
    o->tclass = A9_SAT;
    return 0;
}

static int d_rev(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    unsigned k = (BIT(x, 22) << 1) | BIT(x, 7);
    (void)cpu;
    SHOULD_BE(x, 0x000F0F00u, 0x000F0F00u);
    common_cond(x, o);
    o->rd = BITS(x, 15, 12); o->rm = BITS(x, 3, 0);
    /* 0: REV, 1: REV16, 2: RBIT, 3: REVSH */
    o->fn = k == 0 ? arm_h_rev : k == 1 ? arm_h_rev16 : k == 2 ? arm_h_rbit : arm_h_revsh;
    o->tclass = A9_EXTEND;
    return 0;
}

/* ---- signed multiplies (A5.4.4) ---- */

static int d_smul_dual(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    common_cond(x, o);
    o->rd = BITS(x, 19, 16); o->ra = BITS(x, 15, 12); o->rm = BITS(x, 11, 8);
    o->rn = BITS(x, 3, 0);
    if (BIT(x, 5)) o->flags |= ARM_IF_MSWAP;
    if (BIT(x, 6)) o->flags |= ARM_IF_SUB;
    o->tclass = A9_MUL16;
    if (BIT(x, 22)) {
        o->fn = arm_h_smlald; /* SMLALD/SMLSLD: RdHi 19:16, RdLo 15:12 */
        o->tclass = A9_MUL_LONG;
    } else {
        o->fn = o->ra == 15 ? arm_h_smuad : arm_h_smlad;
    }
    return 0;
}

static int d_smmul(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    common_cond(x, o);
    o->rd = BITS(x, 19, 16); o->ra = BITS(x, 15, 12); o->rm = BITS(x, 11, 8);
    o->rn = BITS(x, 3, 0);
    if (BIT(x, 5)) o->flags |= ARM_IF_ROUND;
    if (BIT(x, 6)) o->fn = arm_h_smmls;
    else o->fn = o->ra == 15 ? arm_h_smmul : arm_h_smmla;
    o->tclass = A9_MUL;
    return 0;
}

static int d_usad8(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    common_cond(x, o);
    o->rd = BITS(x, 19, 16); o->ra = BITS(x, 15, 12); o->rm = BITS(x, 11, 8);
    o->rn = BITS(x, 3, 0);
    o->fn = o->ra == 15 ? arm_h_usad8 : arm_h_usada8;
    o->tclass = A9_SAT;
    return 0;
}

static int d_bfx(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    common_cond(x, o);
    o->rd = BITS(x, 15, 12); o->rn = BITS(x, 3, 0);
    o->shift_imm = (uint8_t)BITS(x, 11, 7);
    o->imm = BITS(x, 20, 16) + 1;
    if (o->shift_imm + o->imm > 32) return -1; /* UNPREDICTABLE -> UNDEFINED (README) */
    o->fn = BIT(x, 22) ? arm_h_ubfx : arm_h_sbfx;
    o->tclass = A9_BITFIELD;
    return 0;
}

static int d_bfi(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    common_cond(x, o);
    o->rd = BITS(x, 15, 12); o->rn = BITS(x, 3, 0);
    o->shift_imm = (uint8_t)BITS(x, 11, 7);
    o->imm = BITS(x, 20, 16);
    if (o->imm < o->shift_imm) return -1; /* msb < lsb: UNPREDICTABLE -> UNDEFINED (README) */
    o->fn = o->rn == 15 ? arm_h_bfc : arm_h_bfi;
    o->tclass = A9_BITFIELD;
    return 0;
}

static int d_udf(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    o->imm = (BITS(x, 19, 8) << 4) | BITS(x, 3, 0);
    o->fn = arm_h_udf;
    return 0;
}

/* ---- branch, block transfer (A5.5) ---- */

static int d_ldm_stm(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    common_cond(x, o);
    o->rn = BITS(x, 19, 16);
    o->reglist = (uint16_t)BITS(x, 15, 0);
    if (BIT(x, 24)) o->flags |= ARM_IF_P;
    if (BIT(x, 23)) o->flags |= ARM_IF_U;
    if (BIT(x, 21)) o->flags |= ARM_IF_W;
    if (BIT(x, 22)) o->flags |= ARM_IF_USERBANK;
    if (o->reglist == 0) return -1; /* empty list: UNPREDICTABLE -> UNDEFINED (README) */
    /* UNPREDICTABLE -> UNDEFINED (README, as the T32 decoder and QEMU): Rn ==
     * PC; LDM with writeback and Rn in the list; LDM (user registers) with
     * writeback. STM ^ with writeback executes (writeback done). */
    if (o->rn == 15) return -1;
    if (BIT(x, 20) && (o->flags & ARM_IF_W) &&
        ((o->reglist & (1u << o->rn)) ||
         ((o->flags & ARM_IF_USERBANK) && !(o->reglist & 0x8000u))))
        return -1;
    arm_lsm_finish(o, (int)BIT(x, 20));
    return 0;
}

static int d_branch(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    common_cond(x, o);
    o->imm = (uint32_t)((int32_t)(x << 8) >> 6);
    if (BIT(x, 24)) {
        o->flags |= ARM_IF_LINK;
        o->fn = arm_h_bl;
    } else {
        o->fn = arm_h_b;
    }
    o->tclass = A9_BRANCH;
    return 0;
}

/* ---- coprocessor, SVC (A5.6) ---- */

static int d_svc(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    common_cond(x, o);
    o->imm = BITS(x, 23, 0);
    o->fn = arm_h_svc;
    o->tclass = A9_SYSTEM;
    return 0;
}

static int d_mcr_mrc(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    common_cond(x, o);
    o->cp_opc1 = (uint8_t)BITS(x, 23, 21);
    o->cp_crn = (uint8_t)BITS(x, 19, 16);
    o->rd = BITS(x, 15, 12);
    o->cp_num = (uint8_t)BITS(x, 11, 8);
    o->cp_opc2 = (uint8_t)BITS(x, 7, 5);
    o->cp_crm = (uint8_t)BITS(x, 3, 0);
    o->fn = BIT(x, 20) ? arm_h_mrc : arm_h_mcr;
    o->tclass = A9_COPROC;
    return 0;
}

static int d_mcrr_mrrc(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    common_cond(x, o);
    o->ra = BITS(x, 19, 16);
    o->rd = BITS(x, 15, 12);
    o->cp_num = (uint8_t)BITS(x, 11, 8);
    o->cp_opc1 = (uint8_t)BITS(x, 7, 4);
    o->cp_crm = (uint8_t)BITS(x, 3, 0);
    o->fn = BIT(x, 20) ? arm_h_mrrc : arm_h_mcrr;
    o->tclass = A9_COPROC;
    return 0;
}

/* ---- unconditional (A5.7) ---- */

static int d_cps(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    unsigned imod = BITS(x, 19, 18), m = BIT(x, 17);
    (void)cpu;
    SHOULD_BE(x, 0x0000FE00u, 0);
    if (imod == 1) return -1; /* UNPREDICTABLE -> UNDEFINED (README) */
    o->op = (uint8_t)(imod | (m << 2));
    o->imm = (BIT(x, 8) ? ARM_CPSR_A : 0) | (BIT(x, 7) ? ARM_CPSR_I : 0) |
             (BIT(x, 6) ? ARM_CPSR_F : 0);
    o->shift_imm = (uint8_t)BITS(x, 4, 0);
    o->fn = arm_h_cps;
    o->tclass = A9_SYSTEM;
    return 0;
}

static int d_setend(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    SHOULD_BE(x, 0x0000FD0Fu, 0);
    o->imm = BIT(x, 9);
    o->fn = arm_h_setend;
    o->tclass = A9_SYSTEM;
    return 0;
}

static int d_preload(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    SHOULD_BE(x, 0x0000F000u, 0x0000F000u);
    o->rn = BITS(x, 19, 16);
    o->rm = BITS(x, 3, 0);
    o->flags |= ARM_IF_P;
    if (BIT(x, 23)) o->flags |= ARM_IF_U;
    if (BIT(x, 25)) {
        o->flags |= ARM_IF_REGOFF;
        decode_imm_shift(o, BITS(x, 6, 5), BITS(x, 11, 7));
    } else {
        o->imm = BITS(x, 11, 0);
    }
    o->op = BIT(x, 24) ? ARM_HINT_PLD : ARM_HINT_PLI;
    o->fn = arm_h_hint;
    return 0;
}

/* Unallocated memory hints (A5.7.1 op1 = 100x001 / 110x001): NOP */
static int d_mem_hint(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu; (void)x;
    o->op = ARM_HINT_NOP;
    o->fn = arm_h_hint;
    return 0;
}

static int d_barrier(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    switch (BITS(x, 7, 4)) {
    case 1:
        SHOULD_BE(x, 0x0000000Fu, 0x0000000Fu);
        o->fn = arm_h_clrex; o->tclass = A9_EXCL; return 0;
    case 4: o->op = ARM_HINT_DSB; break;
    case 5: o->op = ARM_HINT_DMB; break;
    case 6: o->op = ARM_HINT_ISB; break;
    default: return -1;
    }
    o->imm = BITS(x, 3, 0);
    o->fn = arm_h_hint;
    o->tclass = A9_SYSTEM;
    return 0;
}

static int d_srs(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    SHOULD_BE(x, 0x000FFFE0u, 0x000D0500u);
    if (BIT(x, 24)) o->flags |= ARM_IF_P;
    if (BIT(x, 23)) o->flags |= ARM_IF_U;
    if (BIT(x, 21)) o->flags |= ARM_IF_W;
    o->shift_imm = (uint8_t)BITS(x, 4, 0);
    o->rn = 13;
    o->fn = arm_h_srs;
    o->tclass = A9_SYSTEM;
    return 0;
}

static int d_rfe(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    SHOULD_BE(x, 0x0000FFFFu, 0x00000A00u);
    if (BIT(x, 24)) o->flags |= ARM_IF_P;
    if (BIT(x, 23)) o->flags |= ARM_IF_U;
    if (BIT(x, 21)) o->flags |= ARM_IF_W;
    o->rn = BITS(x, 19, 16);
    o->fn = arm_h_rfe;
    o->tclass = A9_SYSTEM;
    return 0;
}

static int d_blx_imm(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    o->imm = (uint32_t)((int32_t)(x << 8) >> 6) | (BIT(x, 24) << 1);
    o->flags |= ARM_IF_LINK;
    o->fn = arm_h_blx_imm;
    o->tclass = A9_BRANCH;
    return 0;
}

static int d_undef(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu; (void)x; (void)o;
    return -1;
}

/* Disassembly formats (arm_format_insn) */
#define F_DP "%D%c %O"
#define F_LS "%N%c %d, %A"
#define F_3R "%N%c %d, %n, %m"
#define F_MUL4 "%N%s%c %d, %n, %m, %a"
#define F_LONG "%N%s%c %a, %d, %n, %m"

#define U "uncond"
#define UO "cond uncond_undef"

static const arm_decode_entry a32_table[] = {
    /* A5.2.1 data processing (register) - split so TST..CMN need S = 1 */
    {0x0F000010, 0x00000000, "dp_reg_lo", "cond", NULL, d_dp_reg, F_DP},
    {0x0F800010, 0x01800000, "dp_reg_hi", "cond", NULL, d_dp_reg, F_DP},
    {0x0F900010, 0x01100000, "dp_reg_cmp", "cond", NULL, d_dp_reg, F_DP},
    /* A5.2.2 data processing (register-shifted register) */
    {0x0F000090, 0x00000010, "dp_rsr_lo", "cond", NULL, d_dp_rsr, F_DP},
    {0x0F800090, 0x01800010, "dp_rsr_hi", "cond", NULL, d_dp_rsr, F_DP},
    {0x0F900090, 0x01100010, "dp_rsr_cmp", "cond", NULL, d_dp_rsr, F_DP},
    /* A5.2.3 data processing (immediate) */
    {0x0F000000, 0x02000000, "dp_imm_lo", "cond", NULL, d_dp_imm, F_DP},
    {0x0F800000, 0x03800000, "dp_imm_hi", "cond", NULL, d_dp_imm, F_DP},
    {0x0F900000, 0x03100000, "dp_imm_cmp", "cond", NULL, d_dp_imm, F_DP},
    {0x0FF00000, 0x03000000, "movw", "cond", NULL, d_movw, "%N%c %d, %i"},
    {0x0FF00000, 0x03400000, "movt", "cond", NULL, d_movw, "%N%c %d, %i"},
    /* A5.2.11 MSR (immediate) and hints */
    {0x0FB00000, 0x03200000, "msr_imm", "cond", NULL, d_msr_imm, "msr%c %P, %i"},
    {0x0FFFF000, 0x0320F000, "hint", "cond", "msr_imm", d_hint, "%F%c"},
    /* A5.2.12 miscellaneous */
    {0x0FB000F0, 0x01000000, "mrs", "cond", NULL, d_mrs, "mrs%c %d, %P"},
    {0x0FB000F0, 0x01200000, "msr_reg", "cond", NULL, d_msr_reg, "msr%c %P, %n"},
    {0x0FF000F0, 0x01200010, "bx", "cond", NULL, d_bx, "%F%c %m"},
    {0x0FF000F0, 0x01200020, "bxj", "cond", NULL, d_bx, "%F%c %m"},
    {0x0FF000F0, 0x01200030, "blx", "cond", NULL, d_bx, "%F%c %m"},
    {0x0FF000F0, 0x01600010, "clz", "cond", NULL, d_clz, "%F%c %d, %m"},
    {0x0FF000F0, 0x01000050, "qadd", "cond", NULL, d_qaddsub, "%N%c %d, %m, %n"},
    {0x0FF000F0, 0x01200050, "qsub", "cond", NULL, d_qaddsub, "%N%c %d, %m, %n"},
    {0x0FF000F0, 0x01400050, "qdadd", "cond", NULL, d_qaddsub, "%N%c %d, %m, %n"},
    {0x0FF000F0, 0x01600050, "qdsub", "cond", NULL, d_qaddsub, "%N%c %d, %m, %n"},
    {0x0FF000F0, 0x01200070, "bkpt", "cond", NULL, d_bkpt, "%N %i"},
    /* A5.2.7 halfword multiply */
    {0x0FF00090, 0x01000080, "smla", "cond", NULL, d_mul16, "%F%c %d, %n, %m, %a"},
    {0x0FF000B0, 0x01200080, "smlaw", "cond", NULL, d_mul16, "%F%c %d, %n, %m, %a"},
    {0x0FF000B0, 0x012000A0, "smulw", "cond", NULL, d_mul16, "%F%c %d, %n, %m"},
    {0x0FF00090, 0x01400080, "smlal", "cond", NULL, d_mul16, "%F%c %a, %d, %n, %m"},
    {0x0FF00090, 0x01600080, "smul", "cond", NULL, d_mul16, "%F%c %d, %n, %m"},
    /* A5.2.5 multiply */
    {0x0FE000F0, 0x00000090, "mul", "cond", NULL, d_mul, "%N%s%c %d, %n, %m"},
    {0x0FE000F0, 0x00200090, "mla", "cond", NULL, d_mul, F_MUL4},
    {0x0FF000F0, 0x00400090, "umaal", "cond", NULL, d_mul, F_LONG},
    {0x0FF000F0, 0x00600090, "mls", "cond", NULL, d_mul, F_MUL4},
    {0x0FE000F0, 0x00800090, "umull", "cond", NULL, d_mul, F_LONG},
    {0x0FE000F0, 0x00A00090, "umlal", "cond", NULL, d_mul, F_LONG},
    {0x0FE000F0, 0x00C00090, "smull", "cond", NULL, d_mul, F_LONG},
    {0x0FE000F0, 0x00E00090, "smlal_l", "cond", NULL, d_mul, "smlal%s%c %a, %d, %n, %m"},
    /* A5.2.10 synchronization primitives */
    {0x0FB000F0, 0x01000090, "swp", "cond", NULL, d_swp, "%F%c %d, %m, [%n]"},
    {0x0F9000F0, 0x01800090, "strex", "cond", NULL, d_excl, "%F%c %S, %d%x, [%n]"},
    {0x0F9000F0, 0x01900090, "ldrex", "cond", NULL, d_excl, "%F%c %d%x, [%n]"},
    /* A5.2.8 extra load/store */
    {0x0E1000F0, 0x000000B0, "strh", "cond", NULL, d_extra_ls, F_LS},
    {0x0E1000F0, 0x001000B0, "ldrh", "cond", NULL, d_extra_ls, F_LS},
    {0x0E1000F0, 0x000000D0, "ldrd", "cond", NULL, d_extra_ls, "%N%c %d, %a, %A"},
    {0x0E1000F0, 0x001000D0, "ldrsb", "cond", NULL, d_extra_ls, F_LS},
    {0x0E1000F0, 0x000000F0, "strd", "cond", NULL, d_extra_ls, "%N%c %d, %a, %A"},
    {0x0E1000F0, 0x001000F0, "ldrsh", "cond", NULL, d_extra_ls, F_LS},
    /* A5.3 load/store word and unsigned byte */
    {0x0E500000, 0x04000000, "str", "cond", NULL, d_ls, F_LS},
    {0x0E500000, 0x04100000, "ldr", "cond", NULL, d_ls, F_LS},
    {0x0E500000, 0x04400000, "strb", "cond", NULL, d_ls, F_LS},
    {0x0E500000, 0x04500000, "ldrb", "cond", NULL, d_ls, F_LS},
    {0x0E500010, 0x06000000, "str_reg", "cond", NULL, d_ls, "str%c %d, %A"},
    {0x0E500010, 0x06100000, "ldr_reg", "cond", NULL, d_ls, "ldr%c %d, %A"},
    {0x0E500010, 0x06400000, "strb_reg", "cond", NULL, d_ls, "strb%c %d, %A"},
    {0x0E500010, 0x06500000, "ldrb_reg", "cond", NULL, d_ls, "ldrb%c %d, %A"},
    /* A5.4.1/A5.4.2 parallel add/subtract */
    {0x0F800010, 0x06000010, "parallel", "cond", NULL, d_parallel, "%F%c %d, %n, %m"},
    /* A5.4.3 packing, unpacking, saturation, reversal */
    {0x0FF00030, 0x06800010, "pkh", "cond", NULL, d_pkh, "%F%c %d, %n, %m%h"},
    {0x0FF000F0, 0x06800070, "sxtb16", "cond", NULL, d_extend, "%F%c %Y"},
    {0x0FF000F0, 0x068000B0, "sel", "cond", NULL, d_sel, F_3R},
    {0x0FA00030, 0x06A00010, "sat", "cond", NULL, d_sat, "%F%c %d, %i, %n%h"},
    {0x0FB000F0, 0x06A00030, "sat16", "cond", NULL, d_sat16, "%F%c %d, %i, %n"},
    {0x0FF000F0, 0x06A00070, "sxtb", "cond", NULL, d_extend, "%F%c %Y"},
    {0x0FF000F0, 0x06B00030, "rev", "cond", NULL, d_rev, "%F%c %d, %m"},
    {0x0FF000F0, 0x06B00070, "sxth", "cond", NULL, d_extend, "%F%c %Y"},
    {0x0FF000F0, 0x06B000B0, "rev16", "cond", NULL, d_rev, "%F%c %d, %m"},
    {0x0FF000F0, 0x06C00070, "uxtb16", "cond", NULL, d_extend, "%F%c %Y"},
    {0x0FF000F0, 0x06E00070, "uxtb", "cond", NULL, d_extend, "%F%c %Y"},
    {0x0FF000F0, 0x06F00030, "rbit", "cond", NULL, d_rev, "%F%c %d, %m"},
    {0x0FF000F0, 0x06F00070, "uxth", "cond", NULL, d_extend, "%F%c %Y"},
    {0x0FF000F0, 0x06F000B0, "revsh", "cond", NULL, d_rev, "%F%c %d, %m"},
    /* A5.4.4 signed multiplies */
    {0x0FF000D0, 0x07000010, "smlad", "cond", NULL, d_smul_dual, "%F%c %d, %n, %m%r"},
    {0x0FF000D0, 0x07000050, "smlsd", "cond", NULL, d_smul_dual, "%F%c %d, %n, %m%r"},
    {0x0FF000D0, 0x07400010, "smlald", "cond", NULL, d_smul_dual, "%F%c %a, %d, %n, %m"},
    {0x0FF000D0, 0x07400050, "smlsld", "cond", NULL, d_smul_dual, "%F%c %a, %d, %n, %m"},
    {0x0FF000D0, 0x07500010, "smmla", "cond", NULL, d_smmul, "%F%c %d, %n, %m%r"},
    {0x0FF000D0, 0x075000D0, "smmls", "cond", NULL, d_smmul, "%F%c %d, %n, %m%r"},
    /* A5.4 media: USAD8, bit fields, UDF */
    {0x0FF000F0, 0x07800010, "usada8", "cond", NULL, d_usad8, "%F%c %d, %n, %m%r"},
    {0x0FA00070, 0x07A00050, "bfx", "cond", NULL, d_bfx, "%F%c %d, %n, #%l, #%w"},
    {0x0FE00070, 0x07C00010, "bfi", "cond", NULL, d_bfi, "%F%c %b"},
    {0x0FF000F0, 0x07F000F0, "udf", "cond", NULL, d_udf, "%N %i"},
    /* A5.5 branch, branch with link, block data transfer */
    {0x0E100000, 0x08000000, "stm", "cond", NULL, d_ldm_stm, "%F%c %n%!, %L%^"},
    {0x0E100000, 0x08100000, "ldm", "cond", NULL, d_ldm_stm, "%F%c %n%!, %L%^"},
    {0x0F000000, 0x0A000000, "b", "cond", NULL, d_branch, "%N%c %B"},
    {0x0F000000, 0x0B000000, "bl", "cond", NULL, d_branch, "%N%c %B"},
    /* A5.6 coprocessor instructions and SVC */
    {0x0F000000, 0x0F000000, "svc", "cond", NULL, d_svc, "%N%c %i"},
    {0x0F000010, 0x0E000010, "mcr_mrc", "cond", NULL, d_mcr_mrc, "%F%c %C"},
    {0x0FE00000, 0x0C400000, "mcrr_mrrc", "cond", NULL, d_mcrr_mrrc, "%F%c %C"},
    /* A7.5 VFP data processing, A7.8 register transfers, A7.6 extension
     * register loads/stores (coprocessors 10 and 11; vfp_decode.c) */
    {0x0F000E10, 0x0E000A00, "vfp_dp", "cond", NULL, arm_vfp_decode_dp, "%V"},
    {0x0F000E10, 0x0E000A10, "vfp_xfer", "cond", "mcr_mrc", arm_vfp_decode_xfer, "%V"},
    {0x0FE00E00, 0x0C400A00, "vfp_xfer64", "cond", "mcrr_mrrc", arm_vfp_decode_xfer64, "%V"},
    {0x0F000E00, 0x0D000A00, "vfp_ls_p", "cond", NULL, arm_vfp_decode_ls, "%V"},
    {0x0F800E00, 0x0C800A00, "vfp_ls_ia", "cond", NULL, arm_vfp_decode_ls, "%V"},
    /* A5.7 unconditional instructions (cond == 1111) */
    {0xF0000000, 0xF0000000, "uncond_undef", NULL, "cond", d_undef, NULL},
    {0xFFF10020, 0xF1000000, "cps", U, UO, d_cps, "%F %Z"},
    {0xFFF100F0, 0xF1010000, "setend", U, UO, d_setend, "%N %e"},
    {0xFF700000, 0xF4100000, "hint_mem_imm", U, UO, d_mem_hint, "nop"},
    {0xFF700010, 0xF6100000, "hint_mem_reg", U, UO, d_mem_hint, "nop"},
    {0xFF700000, 0xF4500000, "pli_imm", U, UO, d_preload, "pli %A"},
    {0xFF700010, 0xF6500000, "pli_reg", U, UO, d_preload, "pli %A"},
    {0xFF300000, 0xF5100000, "pld_imm", U, UO, d_preload, "pld %A"},
    {0xFF300010, 0xF7100000, "pld_reg", U, UO, d_preload, "pld %A"},
    {0xFFFFFF00, 0xF57FF000, "barrier", U, UO, d_barrier, "%F"},
    {0xFE500000, 0xF8400000, "srs", U, UO, d_srs, "%F sp%!, #%l"},
    {0xFE500000, 0xF8100000, "rfe", U, UO, d_rfe, "%F %n%!"},
    {0xFE000000, 0xFA000000, "blx_imm", U, UO, d_blx_imm, "blx %B"},
    /* A7.4 Advanced SIMD data processing, A7.7 element/structure loads and
     * stores (exec_neon.c) */
    {0xFE000000, 0xF2000000, "neon_dp", U, UO, arm_neon_decode_dp, "%V"},
    {0xFF100000, 0xF4000000, "neon_ls", U, UO, arm_neon_decode_ls, "%V"},
};

const arm_decode_entry *arm_a32_table(size_t *n)
{
    *n = sizeof a32_table / sizeof a32_table[0];
    return a32_table;
}

/*
 * PC as the destination of an instruction that cannot branch (multiplies,
 * saturation, media, bit operations, SWP, LDRD's Rt2) is UNPREDICTABLE
 * ("if d == 15"): UNDEFINED here, as in the T32 decoder (README).
 */
static int pc_destination_undefined(const arm_insn *o)
{
    static const arm_handler rd_writers[] = {
        arm_h_mul, arm_h_mla, arm_h_mls, arm_h_smulxy, arm_h_smlaxy, arm_h_smulwy,
        arm_h_smlawy, arm_h_smuad, arm_h_smlad, arm_h_smmul, arm_h_smmla, arm_h_smmls,
        arm_h_qadd, arm_h_qsub, arm_h_qdadd, arm_h_qdsub, arm_h_ssat, arm_h_usat,
        arm_h_ssat16, arm_h_usat16, arm_h_parallel, arm_h_sel, arm_h_pkh, arm_h_extend,
        arm_h_clz, arm_h_rbit, arm_h_rev, arm_h_rev16, arm_h_revsh, arm_h_bfi, arm_h_bfc,
        arm_h_ubfx, arm_h_sbfx, arm_h_usad8, arm_h_usada8, arm_h_swp,
    };
    static const arm_handler long_writers[] = {
        arm_h_umull, arm_h_smull, arm_h_umlal, arm_h_smlal, arm_h_umaal, arm_h_smlalxy,
        arm_h_smlald, arm_h_ldrd,
    };
    size_t k;
    for (k = 0; k < sizeof rd_writers / sizeof rd_writers[0]; k++)
        if (o->fn == rd_writers[k]) return o->rd == 15;
    for (k = 0; k < sizeof long_writers / sizeof long_writers[0]; k++)
        if (o->fn == long_writers[k]) return o->rd == 15 || o->ra == 15;
    return 0;
}

int arm_a32_decode(arm_cpu *cpu, uint32_t insn, arm_insn *out)
{
    const arm_decode_entry *e =
        arm_decode_find(a32_table, sizeof a32_table / sizeof a32_table[0], insn);
    int rc;
    if (!e) return -1;
    rc = e->decode(cpu, insn, out);
    if (rc == 0 && pc_destination_undefined(out)) return -1;
    return rc;
}
