/*
 * exec_dp.c - semantic handlers: data processing (all operand forms),
 * MOVW/MOVT, multiplies, saturating arithmetic, parallel add/subtract,
 * pack/extend and bit operations (ARM ARM A8.8). Shared by A32 and T32.
 */
#include "a9_timing.h"
#include "arm_internal.h"

/* ---- data processing ---- */

/* Operand 2 and shifter carry for each form. */
#define OP2_IMM(cpu, i, carry)                                                             \
    uint32_t op2 = (i)->imm;                                                               \
    uint32_t carry = ((i)->flags & ARM_IF_IMMC) ? (op2 >> 31) : (cpu)->cf
#define OP2_IMMSHIFT(cpu, i, carry)                                                        \
    uint32_t carry;                                                                        \
    uint32_t op2 = arm_shift_c((cpu)->r[(i)->rm], (i)->shift_type, (i)->shift_imm, (cpu)->cf, \
                               &carry)
#define OP2_REGSHIFT(cpu, i, carry)                                                        \
    uint32_t carry;                                                                        \
    uint32_t op2 = arm_shift_c((cpu)->r[(i)->rm], (i)->shift_type, (cpu)->r[(i)->rs] & 0xFFu, \
                               (cpu)->cf, &carry)

/* Operation bodies: compute res; set flags when S. */
#define LOGIC(expr) res = (expr); if (S) { cpu->nf = cpu->zf = res; cpu->cf = carry; }
#define BODY_AND LOGIC(rn & op2)
#define BODY_EOR LOGIC(rn ^ op2)
#define BODY_ORR LOGIC(rn | op2)
#define BODY_ORN LOGIC(rn | ~op2)
#define BODY_BIC LOGIC(rn & ~op2)
#define BODY_MOV LOGIC(op2)
#define BODY_MVN LOGIC(~op2)
#define BODY_TST LOGIC(rn & op2)
#define BODY_TEQ LOGIC(rn ^ op2)
#define BODY_SUB res = arm_add_with_carry(cpu, rn, ~op2, 1, S)
#define BODY_RSB res = arm_add_with_carry(cpu, op2, ~rn, 1, S)
#define BODY_ADD res = arm_add_with_carry(cpu, rn, op2, 0, S)
#define BODY_ADC res = arm_add_with_carry(cpu, rn, op2, cpu->cf, S)
#define BODY_SBC res = arm_add_with_carry(cpu, rn, ~op2, cpu->cf, S)
#define BODY_RSC res = arm_add_with_carry(cpu, op2, ~rn, cpu->cf, S)
#define BODY_CMP res = arm_add_with_carry(cpu, rn, ~op2, 1, S)
#define BODY_CMN res = arm_add_with_carry(cpu, rn, op2, 0, S)

/* One handler per (op, form, S) for rd != 15. WB says whether rd is written. */
#define DP_HANDLER(name, BODY, FORM, Sval, WB)                                             \
    static void name(arm_cpu *cpu, const arm_insn *i)                                      \
    {                                                                                      \
        const int S = Sval;                                                                \
        uint32_t rn = cpu->r[i->rn], res;                                                  \
        FORM(cpu, i, carry);                                                               \
        (void)carry; (void)rn;                                                             \
        BODY;                                                                              \
        if (WB) cpu->r[i->rd] = res;                                                       \
        else (void)res;                                                                    \
    }

#define DP_OP(op, WB)                                                                      \
    DP_HANDLER(dp_##op##_imm_0, BODY_##op, OP2_IMM, 0, WB)                                 \
    DP_HANDLER(dp_##op##_imm_1, BODY_##op, OP2_IMM, 1, WB)                                 \
    DP_HANDLER(dp_##op##_is_0, BODY_##op, OP2_IMMSHIFT, 0, WB)                             \
    DP_HANDLER(dp_##op##_is_1, BODY_##op, OP2_IMMSHIFT, 1, WB)                             \
    DP_HANDLER(dp_##op##_rs_0, BODY_##op, OP2_REGSHIFT, 0, WB)                             \
    DP_HANDLER(dp_##op##_rs_1, BODY_##op, OP2_REGSHIFT, 1, WB)

DP_OP(AND, 1) DP_OP(EOR, 1) DP_OP(SUB, 1) DP_OP(RSB, 1) DP_OP(ADD, 1) DP_OP(ADC, 1)
DP_OP(SBC, 1) DP_OP(RSC, 1) DP_OP(TST, 0) DP_OP(TEQ, 0) DP_OP(CMP, 0) DP_OP(CMN, 0)
DP_OP(ORR, 1) DP_OP(MOV, 1) DP_OP(BIC, 1) DP_OP(MVN, 1) DP_OP(ORN, 1)

#define DP_ROW(op)                                                                         \
    {{dp_##op##_imm_0, dp_##op##_imm_1}, {dp_##op##_is_0, dp_##op##_is_1},                 \
     {dp_##op##_rs_0, dp_##op##_rs_1}}

static const arm_handler dp_table[ARM_DP_COUNT][3][2] = {
    DP_ROW(AND), DP_ROW(EOR), DP_ROW(SUB), DP_ROW(RSB), DP_ROW(ADD), DP_ROW(ADC),
    DP_ROW(SBC), DP_ROW(RSC), DP_ROW(TST), DP_ROW(TEQ), DP_ROW(CMP), DP_ROW(CMN),
    DP_ROW(ORR), DP_ROW(MOV), DP_ROW(BIC), DP_ROW(MVN), DP_ROW(ORN),
};

/* Generic handler, used when rd == 15 (PC write / exception return). */
static void dp_pc(arm_cpu *cpu, const arm_insn *i)
{
    unsigned op = i->op & 31, form = i->op >> 5;
    uint32_t rn = cpu->r[i->rn], op2, carry, res;
    int excret = (i->flags & ARM_IF_S) && arm_have_spsr(cpu);
    if (form == ARM_OP2_IMM) {
        op2 = i->imm;
        carry = (i->flags & ARM_IF_IMMC) ? (op2 >> 31) : cpu->cf;
    } else if (form == ARM_OP2_IMMSHIFT) {
        op2 = arm_shift_c(cpu->r[i->rm], i->shift_type, i->shift_imm, cpu->cf, &carry);
    } else {
        op2 = arm_shift_c(cpu->r[i->rm], i->shift_type, cpu->r[i->rs] & 0xFF, cpu->cf, &carry);
    }
    /* With rd == PC and S: exception return (flags come from SPSR); in
     * USR/SYS mode UNPREDICTABLE: we set no flags (README). */
    (void)carry;
    switch (op) {
    case ARM_DP_AND: res = rn & op2; break;
    case ARM_DP_EOR: res = rn ^ op2; break;
    case ARM_DP_SUB: res = rn - op2; break;
    case ARM_DP_RSB: res = op2 - rn; break;
    case ARM_DP_ADD: res = rn + op2; break;
    case ARM_DP_ADC: res = rn + op2 + cpu->cf; break;
    case ARM_DP_SBC: res = rn + ~op2 + cpu->cf; break;
    case ARM_DP_RSC: res = op2 + ~rn + cpu->cf; break;
    case ARM_DP_ORR: res = rn | op2; break;
    case ARM_DP_MOV: res = op2; break;
    case ARM_DP_BIC: res = rn & ~op2; break;
    case ARM_DP_MVN: res = ~op2; break;
    case ARM_DP_ORN: res = rn | ~op2; break;
    default: return; /* compares never reach here */
    }
    if (excret) {
        /* ARM ARM B9.3.20: CPSRWriteByInstr(SPSR, '1111', TRUE); BranchWritePC */
        arm_write_cpsr(cpu, cpu->bank_spsr[cpu->bank], 0xFFFFFFFFu);
        arm_branch_write_pc(cpu, res);
        cpu->cycles += A9_FLUSH_PENALTY;
    } else {
        arm_alu_write_pc(cpu, res);
    }
}

void arm_dp_finish(arm_insn *out, unsigned op, unsigned form)
{
    int compare = op >= ARM_DP_TST && op <= ARM_DP_CMN;
    if (compare) out->flags |= ARM_IF_S;
    out->op = (uint8_t)(op | (form << 5));
    if (out->rd == 15 && !compare)
        out->fn = dp_pc;
    else
        out->fn = dp_table[op][form][(out->flags & ARM_IF_S) ? 1 : 0];
    out->tclass = form == ARM_OP2_IMM ? A9_ALU
                : form == ARM_OP2_REGSHIFT ? A9_ALU_SHIFT_REG
                : (out->shift_type == ARM_SHIFT_LSL && out->shift_imm == 0) ? A9_ALU
                : A9_ALU_SHIFT_IMM;
}

void arm_h_movw(arm_cpu *cpu, const arm_insn *i) { cpu->r[i->rd] = i->imm; }

void arm_h_movt(arm_cpu *cpu, const arm_insn *i)
{
    cpu->r[i->rd] = (cpu->r[i->rd] & 0xFFFFu) | (i->imm << 16);
}

/* ---- multiplies ---- */

#define R(x) cpu->r[i->x]

void arm_h_mul(arm_cpu *cpu, const arm_insn *i)
{
    uint32_t res = R(rn) * R(rm);
    if (i->flags & ARM_IF_S) arm_set_nz(cpu, res);
    R(rd) = res;
}

void arm_h_mla(arm_cpu *cpu, const arm_insn *i)
{
    uint32_t res = R(rn) * R(rm) + R(ra);
    if (i->flags & ARM_IF_S) arm_set_nz(cpu, res);
    R(rd) = res;
}

void arm_h_mls(arm_cpu *cpu, const arm_insn *i) { R(rd) = R(ra) - R(rn) * R(rm); }

static void set_long(arm_cpu *cpu, const arm_insn *i, uint64_t res)
{
    if (i->flags & ARM_IF_S) {
        cpu->nf = (uint32_t)(res >> 32);
        cpu->zf = (res != 0);
    }
    R(ra) = (uint32_t)res;
    R(rd) = (uint32_t)(res >> 32);
}

void arm_h_umull(arm_cpu *cpu, const arm_insn *i)
{
    set_long(cpu, i, (uint64_t)R(rn) * R(rm));
}

void arm_h_smull(arm_cpu *cpu, const arm_insn *i)
{
    set_long(cpu, i, (uint64_t)((int64_t)(int32_t)R(rn) * (int32_t)R(rm)));
}

static uint64_t acc64(const arm_cpu *cpu, const arm_insn *i)
{
    return ((uint64_t)R(rd) << 32) | R(ra);
}

void arm_h_umlal(arm_cpu *cpu, const arm_insn *i)
{
    set_long(cpu, i, (uint64_t)R(rn) * R(rm) + acc64(cpu, i));
}

void arm_h_smlal(arm_cpu *cpu, const arm_insn *i)
{
    set_long(cpu, i, (uint64_t)((int64_t)(int32_t)R(rn) * (int32_t)R(rm)) + acc64(cpu, i));
}

void arm_h_umaal(arm_cpu *cpu, const arm_insn *i)
{
    uint64_t res = (uint64_t)R(rn) * R(rm) + R(rd) + R(ra);
    R(ra) = (uint32_t)res;
    R(rd) = (uint32_t)(res >> 32);
}

static inline int32_t half(uint32_t v, int high) { return high ? (int16_t)(v >> 16) : (int16_t)v; }

void arm_h_smulxy(arm_cpu *cpu, const arm_insn *i)
{
    R(rd) = (uint32_t)(half(R(rn), i->flags & ARM_IF_NHIGH) * half(R(rm), i->flags & ARM_IF_MHIGH));
}

void arm_h_smlaxy(arm_cpu *cpu, const arm_insn *i)
{
    int64_t res = (int64_t)(half(R(rn), i->flags & ARM_IF_NHIGH) * half(R(rm), i->flags & ARM_IF_MHIGH)) +
                  (int32_t)R(ra);
    if (res != (int32_t)res) cpu->qf = 1;
    R(rd) = (uint32_t)res;
}

void arm_h_smulwy(arm_cpu *cpu, const arm_insn *i)
{
    int64_t p = (int64_t)(int32_t)R(rn) * half(R(rm), i->flags & ARM_IF_MHIGH);
    R(rd) = (uint32_t)(p >> 16);
}

void arm_h_smlawy(arm_cpu *cpu, const arm_insn *i)
{
    int64_t p = (int64_t)(int32_t)R(rn) * half(R(rm), i->flags & ARM_IF_MHIGH);
    int64_t res = (p >> 16) + (int32_t)R(ra);
    if (res != (int32_t)res) cpu->qf = 1;
    R(rd) = (uint32_t)res;
}

void arm_h_smlalxy(arm_cpu *cpu, const arm_insn *i)
{
    int64_t p = (int64_t)half(R(rn), i->flags & ARM_IF_NHIGH) * half(R(rm), i->flags & ARM_IF_MHIGH);
    uint64_t res = acc64(cpu, i) + (uint64_t)p;
    R(ra) = (uint32_t)res;
    R(rd) = (uint32_t)(res >> 32);
}

static inline uint32_t mswap(const arm_insn *i, uint32_t m)
{
    return (i->flags & ARM_IF_MSWAP) ? ((m >> 16) | (m << 16)) : m;
}

/* product1 +/- product2 of the signed halves (as 64-bit to see overflow) */
static int64_t dual(arm_cpu *cpu, const arm_insn *i)
{
    uint32_t n = R(rn), m = mswap(i, R(rm));
    int64_t p1 = (int64_t)(int16_t)n * (int16_t)m;
    int64_t p2 = (int64_t)(int16_t)(n >> 16) * (int16_t)(m >> 16);
    return (i->flags & ARM_IF_SUB) ? p1 - p2 : p1 + p2;
}

void arm_h_smuad(arm_cpu *cpu, const arm_insn *i)
{
    int64_t res = dual(cpu, i);
    if (res != (int32_t)res) cpu->qf = 1;
    R(rd) = (uint32_t)res;
}

void arm_h_smlad(arm_cpu *cpu, const arm_insn *i)
{
    int64_t res = dual(cpu, i) + (int32_t)R(ra);
    if (res != (int32_t)res) cpu->qf = 1;
    R(rd) = (uint32_t)res;
}

void arm_h_smlald(arm_cpu *cpu, const arm_insn *i)
{
    uint64_t res = acc64(cpu, i) + (uint64_t)dual(cpu, i);
    R(ra) = (uint32_t)res;
    R(rd) = (uint32_t)(res >> 32);
}

void arm_h_smmul(arm_cpu *cpu, const arm_insn *i)
{
    int64_t p = (int64_t)(int32_t)R(rn) * (int32_t)R(rm);
    if (i->flags & ARM_IF_ROUND) p += 0x80000000ll;
    R(rd) = (uint32_t)((uint64_t)p >> 32);
}

void arm_h_smmla(arm_cpu *cpu, const arm_insn *i)
{
    uint64_t p = ((uint64_t)R(ra) << 32) + (uint64_t)((int64_t)(int32_t)R(rn) * (int32_t)R(rm));
    if (i->flags & ARM_IF_ROUND) p += 0x80000000ull;
    R(rd) = (uint32_t)(p >> 32);
}

void arm_h_smmls(arm_cpu *cpu, const arm_insn *i)
{
    uint64_t p = ((uint64_t)R(ra) << 32) - (uint64_t)((int64_t)(int32_t)R(rn) * (int32_t)R(rm));
    if (i->flags & ARM_IF_ROUND) p += 0x80000000ull;
    R(rd) = (uint32_t)(p >> 32);
}

/* ---- saturating ---- */

static inline uint32_t ssat32(arm_cpu *cpu, int64_t v)
{
    if (v > INT32_MAX) { cpu->qf = 1; return (uint32_t)INT32_MAX; }
    if (v < INT32_MIN) { cpu->qf = 1; return (uint32_t)INT32_MIN; }
    return (uint32_t)v;
}

void arm_h_qadd(arm_cpu *cpu, const arm_insn *i)
{
    R(rd) = ssat32(cpu, (int64_t)(int32_t)R(rm) + (int32_t)R(rn));
}

void arm_h_qsub(arm_cpu *cpu, const arm_insn *i)
{
    R(rd) = ssat32(cpu, (int64_t)(int32_t)R(rm) - (int32_t)R(rn));
}

void arm_h_qdadd(arm_cpu *cpu, const arm_insn *i)
{
    int32_t d = (int32_t)ssat32(cpu, 2 * (int64_t)(int32_t)R(rn));
    R(rd) = ssat32(cpu, (int64_t)(int32_t)R(rm) + d);
}

void arm_h_qdsub(arm_cpu *cpu, const arm_insn *i)
{
    int32_t d = (int32_t)ssat32(cpu, 2 * (int64_t)(int32_t)R(rn));
    R(rd) = ssat32(cpu, (int64_t)(int32_t)R(rm) - d);
}

/* SignedSatQ(v, n) with n in 1..32 */
static inline int64_t signed_sat(int64_t v, unsigned n, int *sat)
{
    int64_t max = ((int64_t)1 << (n - 1)) - 1, min = -((int64_t)1 << (n - 1));
    if (v > max) { *sat = 1; return max; }
    if (v < min) { *sat = 1; return min; }
    return v;
}

/* UnsignedSatQ(v, n) with n in 0..31 */
static inline int64_t unsigned_sat(int64_t v, unsigned n, int *sat)
{
    int64_t max = ((int64_t)1 << n) - 1;
    if (v > max) { *sat = 1; return max; }
    if (v < 0) { *sat = 1; return 0; }
    return v;
}

void arm_h_ssat(arm_cpu *cpu, const arm_insn *i)
{
    int sat = 0;
    int32_t op = (int32_t)arm_shift(R(rn), i->shift_type, i->shift_imm, cpu->cf);
    R(rd) = (uint32_t)signed_sat(op, i->imm, &sat);
    if (sat) cpu->qf = 1;
}

void arm_h_usat(arm_cpu *cpu, const arm_insn *i)
{
    int sat = 0;
    int32_t op = (int32_t)arm_shift(R(rn), i->shift_type, i->shift_imm, cpu->cf);
    R(rd) = (uint32_t)unsigned_sat(op, i->imm, &sat);
    if (sat) cpu->qf = 1;
}

void arm_h_ssat16(arm_cpu *cpu, const arm_insn *i)
{
    int sat = 0;
    uint32_t n = R(rn);
    uint32_t lo = (uint32_t)signed_sat((int16_t)n, i->imm, &sat) & 0xFFFF;
    uint32_t hi = (uint32_t)signed_sat((int16_t)(n >> 16), i->imm, &sat) & 0xFFFF;
    R(rd) = lo | (hi << 16);
    if (sat) cpu->qf = 1;
}

void arm_h_usat16(arm_cpu *cpu, const arm_insn *i)
{
    int sat = 0;
    uint32_t n = R(rn);
    uint32_t lo = (uint32_t)unsigned_sat((int16_t)n, i->imm, &sat) & 0xFFFF;
    uint32_t hi = (uint32_t)unsigned_sat((int16_t)(n >> 16), i->imm, &sat) & 0xFFFF;
    R(rd) = lo | (hi << 16);
    if (sat) cpu->qf = 1;
}

/* ---- parallel add/subtract (ARM ARM A8.8.x SADD16 ... UHSUB8) ---- */

/* Saturate / halve one lane result. */
static inline uint32_t lane_result(unsigned kind, int32_t v, unsigned bits)
{
    int32_t smax = (1 << (bits - 1)) - 1, smin = -(1 << (bits - 1));
    int32_t umax = (1 << bits) - 1;
    switch (kind) {
    case ARM_PAR_Q: v = v > smax ? smax : v < smin ? smin : v; break;
    case ARM_PAR_UQ: v = v > umax ? umax : v < 0 ? 0 : v; break;
    case ARM_PAR_SH: case ARM_PAR_UH: v >>= 1; break; /* arithmetic (floor) */
    default: break;
    }
    return (uint32_t)v & (uint32_t)umax;
}

void arm_h_parallel(arm_cpu *cpu, const arm_insn *i)
{
    unsigned kind = i->op >> 3, opc = i->op & 7;
    int sgn = kind <= ARM_PAR_SH;
    uint32_t n = R(rn), m = R(rm), res = 0, ge = 0;
    if (opc == ARM_PAR_ADD8 || opc == ARM_PAR_SUB8) {
        unsigned k;
        for (k = 0; k < 4; k++) {
            int32_t a = sgn ? (int8_t)(n >> (8 * k)) : (int32_t)((n >> (8 * k)) & 0xFF);
            int32_t b = sgn ? (int8_t)(m >> (8 * k)) : (int32_t)((m >> (8 * k)) & 0xFF);
            int32_t s = opc == ARM_PAR_ADD8 ? a + b : a - b;
            res |= lane_result(kind, s, 8) << (8 * k);
            if (sgn ? s >= 0 : (opc == ARM_PAR_ADD8 ? s >= 0x100 : s >= 0)) ge |= 1u << k;
        }
        if (kind == ARM_PAR_S || kind == ARM_PAR_U) cpu->ge = ge;
    } else {
        int32_t a0 = sgn ? (int16_t)n : (int32_t)(n & 0xFFFF);
        int32_t a1 = sgn ? (int16_t)(n >> 16) : (int32_t)(n >> 16);
        int32_t b0 = sgn ? (int16_t)m : (int32_t)(m & 0xFFFF);
        int32_t b1 = sgn ? (int16_t)(m >> 16) : (int32_t)(m >> 16);
        int32_t s0, s1;
        int add0, add1;
        switch (opc) {
        case ARM_PAR_ADD16: s0 = a0 + b0; s1 = a1 + b1; add0 = add1 = 1; break;
        case ARM_PAR_ASX: s0 = a0 - b1; s1 = a1 + b0; add0 = 0; add1 = 1; break;
        case ARM_PAR_SAX: s0 = a0 + b1; s1 = a1 - b0; add0 = 1; add1 = 0; break;
        default: s0 = a0 - b0; s1 = a1 - b1; add0 = add1 = 0; break;
        }
        res = lane_result(kind, s0, 16) | (lane_result(kind, s1, 16) << 16);
        if (sgn) {
            ge = (s0 >= 0 ? 3u : 0u) | (s1 >= 0 ? 0xCu : 0u);
        } else {
            ge = ((add0 ? s0 >= 0x10000 : s0 >= 0) ? 3u : 0u) |
                 ((add1 ? s1 >= 0x10000 : s1 >= 0) ? 0xCu : 0u);
        }
        if (kind == ARM_PAR_S || kind == ARM_PAR_U) cpu->ge = ge;
    }
    R(rd) = res;
}

void arm_h_sel(arm_cpu *cpu, const arm_insn *i)
{
    uint32_t mask = 0;
    unsigned k;
    for (k = 0; k < 4; k++)
        if (cpu->ge & (1u << k)) mask |= 0xFFu << (8 * k);
    R(rd) = (R(rn) & mask) | (R(rm) & ~mask);
}

void arm_h_pkh(arm_cpu *cpu, const arm_insn *i)
{
    uint32_t op2 = arm_shift(R(rm), i->shift_type, i->shift_imm, cpu->cf);
    if (i->flags & ARM_IF_TB)
        R(rd) = (R(rn) & 0xFFFF0000u) | (op2 & 0xFFFFu);
    else
        R(rd) = (R(rn) & 0xFFFFu) | (op2 & 0xFFFF0000u);
}

void arm_h_extend(arm_cpu *cpu, const arm_insn *i)
{
    uint32_t m = R(rm), rot = i->shift_imm & 31, v, acc = 0;
    int accf = (i->flags & ARM_IF_ACC) != 0;
    if (rot) m = (m >> rot) | (m << (32 - rot));
    if (accf) acc = R(rn);
    switch (i->op) {
    case ARM_EXT_SXTB: v = (uint32_t)(int8_t)m + acc; break;
    case ARM_EXT_SXTH: v = (uint32_t)(int16_t)m + acc; break;
    case ARM_EXT_UXTB: v = (m & 0xFF) + acc; break;
    case ARM_EXT_UXTH: v = (m & 0xFFFF) + acc; break;
    case ARM_EXT_SXTB16:
        v = ((acc + (uint32_t)(int8_t)m) & 0xFFFF) |
            (((acc >> 16) + (uint32_t)(int8_t)(m >> 16)) << 16);
        break;
    default: /* UXTB16 */
        v = ((acc + (m & 0xFF)) & 0xFFFF) | (((acc >> 16) + ((m >> 16) & 0xFF)) << 16);
        break;
    }
    R(rd) = v;
}

/* ---- bit operations ---- */

void arm_h_clz(arm_cpu *cpu, const arm_insn *i)
{
    uint32_t m = R(rm);
    R(rd) = m ? (uint32_t)__builtin_clz(m) : 32;
}

void arm_h_rbit(arm_cpu *cpu, const arm_insn *i)
{
    uint32_t v = R(rm);
    v = ((v >> 1) & 0x55555555u) | ((v & 0x55555555u) << 1);
    v = ((v >> 2) & 0x33333333u) | ((v & 0x33333333u) << 2);
    v = ((v >> 4) & 0x0F0F0F0Fu) | ((v & 0x0F0F0F0Fu) << 4);
    R(rd) = __builtin_bswap32(v);
}

void arm_h_rev(arm_cpu *cpu, const arm_insn *i) { R(rd) = __builtin_bswap32(R(rm)); }

void arm_h_rev16(arm_cpu *cpu, const arm_insn *i)
{
    uint32_t v = R(rm);
    R(rd) = ((v >> 8) & 0x00FF00FFu) | ((v & 0x00FF00FFu) << 8);
}

void arm_h_revsh(arm_cpu *cpu, const arm_insn *i)
{
    uint32_t v = R(rm);
    R(rd) = (uint32_t)(int32_t)(int16_t)(((v >> 8) & 0xFF) | ((v & 0xFF) << 8));
}

static inline uint32_t field_mask(unsigned lsb, unsigned msb)
{
    uint32_t width = msb - lsb + 1;
    return (width >= 32 ? 0xFFFFFFFFu : ((1u << width) - 1)) << lsb;
}

void arm_h_bfi(arm_cpu *cpu, const arm_insn *i)
{
    unsigned lsb = i->shift_imm, msb = i->imm;
    if (msb < lsb) return; /* UNPREDICTABLE: no change (README) */
    {
        uint32_t mask = field_mask(lsb, msb);
        R(rd) = (R(rd) & ~mask) | ((R(rn) << lsb) & mask);
    }
}

void arm_h_bfc(arm_cpu *cpu, const arm_insn *i)
{
    unsigned lsb = i->shift_imm, msb = i->imm;
    if (msb < lsb) return;
    R(rd) &= ~field_mask(lsb, msb);
}

void arm_h_ubfx(arm_cpu *cpu, const arm_insn *i)
{
    unsigned lsb = i->shift_imm, width = i->imm;
    uint32_t v = R(rn) >> lsb;
    if (lsb + width > 32) return; /* UNPREDICTABLE: no change (README) */
    R(rd) = width >= 32 ? v : (v & ((1u << width) - 1));
}

void arm_h_sbfx(arm_cpu *cpu, const arm_insn *i)
{
    unsigned lsb = i->shift_imm, width = i->imm;
    if (lsb + width > 32) return;
    {
        uint32_t v = R(rn) << (32 - lsb - width);
        R(rd) = (uint32_t)((int32_t)v >> (32 - width));
    }
}

static uint32_t sad8(uint32_t n, uint32_t m)
{
    uint32_t s = 0;
    unsigned k;
    for (k = 0; k < 32; k += 8) {
        int32_t d = (int32_t)((n >> k) & 0xFF) - (int32_t)((m >> k) & 0xFF);
        s += (uint32_t)(d < 0 ? -d : d);
    }
    return s;
}

void arm_h_usad8(arm_cpu *cpu, const arm_insn *i) { R(rd) = sad8(R(rn), R(rm)); }
void arm_h_usada8(arm_cpu *cpu, const arm_insn *i) { R(rd) = sad8(R(rn), R(rm)) + R(ra); }
