/*
 * t32_dec16.c - decode table of the 16-bit Thumb encodings (ARM ARM
 * ARMv7-A/R A6.2 "16-bit Thumb instruction encoding" and A8.8).
 *
 * Each entry matches (halfword & mask) == match and points at a decode
 * function that fills arm_insn for a shared A32/T32 handler. Flag setting
 * of the data-processing encodings follows "setflags = !InITBlock()"
 * (ARM ARM A8.8, e.g. ADD (register) T1): the decoder reads cpu->itstate,
 * which is safe because the decoded cache is tagged with ARM_TAG_INIT.
 *
 * UNPREDICTABLE choices are listed in the T32 UNPREDICTABLE table of
 * models/arm/README.md; the ones taken here are marked
 * "UNPREDICTABLE:" in the code.
 */
#include "t32_internal.h"

/* Low registers of the common 16-bit layouts. */
#define R0_2(x) ((uint8_t)T32_BITS(x, 2, 0))
#define R3_5(x) ((uint8_t)T32_BITS(x, 5, 3))
#define R6_8(x) ((uint8_t)T32_BITS(x, 8, 6))
#define R8_10(x) ((uint8_t)T32_BITS(x, 10, 8))

static uint32_t s_if(const arm_cpu *cpu)
{
    return t32_in_it(cpu) ? 0u : ARM_IF_S;
}

/* LSL/LSR/ASR (immediate) T1, MOV (register) T2 when LSL #0 (A8.8.68/.70/.16/.103). */
static int d16_shift_imm(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    o->rd = R0_2(x);
    o->rm = R3_5(x);
    t32_decode_imm_shift(o, T32_BITS(x, 12, 11), T32_BITS(x, 10, 6));
    /* UNPREDICTABLE: MOVS Rd, Rm (LSL #0) inside an IT block executes as MOV without flags. */
    o->flags = s_if(cpu);
    arm_dp_finish(o, ARM_DP_MOV, ARM_OP2_IMMSHIFT);
    return 0;
}

/* ADD/SUB (register) T1 (A8.8.6 / A8.8.223). */
static int d16_addsub_reg(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    o->rd = R0_2(x);
    o->rn = R3_5(x);
    o->rm = R6_8(x);
    o->shift_type = ARM_SHIFT_LSL;
    o->flags = s_if(cpu);
    arm_dp_finish(o, T32_BIT(x, 9) ? ARM_DP_SUB : ARM_DP_ADD, ARM_OP2_IMMSHIFT);
    return 0;
}

/* ADD/SUB (immediate) T1: 3-bit immediate (A8.8.4 / A8.8.221). */
static int d16_addsub_imm3(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    o->rd = R0_2(x);
    o->rn = R3_5(x);
    o->imm = T32_BITS(x, 8, 6);
    o->flags = s_if(cpu);
    arm_dp_finish(o, T32_BIT(x, 9) ? ARM_DP_SUB : ARM_DP_ADD, ARM_OP2_IMM);
    return 0;
}

/* MOV/CMP/ADD/SUB (immediate) with an 8-bit immediate (T1, T1, T2, T2). */
static int d16_imm8(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    static const uint8_t ops[4] = { ARM_DP_MOV, ARM_DP_CMP, ARM_DP_ADD, ARM_DP_SUB };
    unsigned op = ops[T32_BITS(x, 12, 11)];
    o->rd = R8_10(x);
    o->rn = o->rd;
    o->imm = T32_BITS(x, 7, 0);
    o->flags = (op == ARM_DP_CMP) ? ARM_IF_S : s_if(cpu);
    arm_dp_finish(o, op, ARM_OP2_IMM);
    return 0;
}

/* Data-processing (register), A6.2.2: op = bits 9:6. */
static int d16_dp(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    unsigned op = T32_BITS(x, 9, 6);
    uint8_t rdn = R0_2(x), rm = R3_5(x);
    o->flags = s_if(cpu);
    o->rd = rdn;
    o->rn = rdn;
    o->rm = rm;
    o->shift_type = ARM_SHIFT_LSL;
    switch (op) {
    case 0x0: arm_dp_finish(o, ARM_DP_AND, ARM_OP2_IMMSHIFT); break;
    case 0x1: arm_dp_finish(o, ARM_DP_EOR, ARM_OP2_IMMSHIFT); break;
    case 0x2: case 0x3: case 0x4: case 0x7: {
        /* LSL/LSR/ASR/ROR (register) T1: Rdn = Rdn shifted by Rm<7:0>. */
        static const uint8_t ty[8] = { 0, 0, ARM_SHIFT_LSL, ARM_SHIFT_LSR, ARM_SHIFT_ASR,
                                       0, 0, ARM_SHIFT_ROR };
        o->rm = rdn;
        o->rs = rm;
        o->shift_type = ty[op];
        arm_dp_finish(o, ARM_DP_MOV, ARM_OP2_REGSHIFT);
        break;
    }
    case 0x5: arm_dp_finish(o, ARM_DP_ADC, ARM_OP2_IMMSHIFT); break;
    case 0x6: arm_dp_finish(o, ARM_DP_SBC, ARM_OP2_IMMSHIFT); break;
    case 0x8:
        o->flags = ARM_IF_S;
        arm_dp_finish(o, ARM_DP_TST, ARM_OP2_IMMSHIFT);
        break;
    case 0x9: /* RSB (immediate) T1: Rd = 0 - Rn, Rn in bits 5:3 */
        o->rn = rm;
        o->imm = 0;
        arm_dp_finish(o, ARM_DP_RSB, ARM_OP2_IMM);
        break;
    case 0xA:
        o->flags = ARM_IF_S;
        arm_dp_finish(o, ARM_DP_CMP, ARM_OP2_IMMSHIFT);
        break;
    case 0xB:
        o->flags = ARM_IF_S;
        arm_dp_finish(o, ARM_DP_CMN, ARM_OP2_IMMSHIFT);
        break;
    case 0xC: arm_dp_finish(o, ARM_DP_ORR, ARM_OP2_IMMSHIFT); break;
    case 0xD: /* MUL T1: Rdm = Rn * Rdm, Rn in bits 5:3 */
        o->rn = rm;
        o->rm = rdn;
        o->fn = arm_h_mul;
        o->tclass = A9_MUL;
        break;
    case 0xE: arm_dp_finish(o, ARM_DP_BIC, ARM_OP2_IMMSHIFT); break;
    default: arm_dp_finish(o, ARM_DP_MVN, ARM_OP2_IMMSHIFT); break;
    }
    return 0;
}

/* ADD/CMP/MOV (register) with high registers: T2, T2, T1 (A6.2.3). */
static int d16_hireg(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    uint8_t rdn = (uint8_t)((T32_BIT(x, 7) << 3) | T32_BITS(x, 2, 0));
    unsigned op = T32_BITS(x, 9, 8);
    (void)cpu;
    o->rd = rdn;
    o->rn = rdn;
    o->rm = (uint8_t)T32_BITS(x, 6, 3);
    o->shift_type = ARM_SHIFT_LSL;
    /*
     * UNPREDICTABLE: ADD PC, PC / CMP with two low registers / CMP with PC
     * execute as written; a write to PC is ALUWritePC (BranchWritePC in
     * Thumb state), also when not last in an IT block.
     */
    if (op == 0) {
        arm_dp_finish(o, ARM_DP_ADD, ARM_OP2_IMMSHIFT);
    } else if (op == 1) {
        o->flags = ARM_IF_S;
        arm_dp_finish(o, ARM_DP_CMP, ARM_OP2_IMMSHIFT);
    } else {
        arm_dp_finish(o, ARM_DP_MOV, ARM_OP2_IMMSHIFT);
    }
    return 0;
}

/* BX / BLX (register) T1 (A8.8.27 / A8.8.26). */
static int d16_bx(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    o->rm = (uint8_t)T32_BITS(x, 6, 3);
    if (T32_BIT(x, 7)) {
        /* UNPREDICTABLE: BLX PC is UNDEFINED here. */
        if (o->rm == 15) return -1;
        o->fn = arm_h_blx_reg;
        o->flags = ARM_IF_LINK;
    } else {
        o->fn = arm_h_bx;
    }
    o->tclass = A9_BRANCH_REG;
    return 0;
}

/* LDR (literal) T1: base Align(PC,4) (A8.8.64). */
static int d16_ldr_lit(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    o->rd = R8_10(x);
    o->rn = 15;
    o->imm = T32_BITS(x, 7, 0) << 2;
    o->op = ARM_LS_W;
    o->flags = ARM_IF_P | ARM_IF_U | ARM_IF_ALIGNPC;
    arm_ls_finish(o, 1);
    return 0;
}

/* Load/store single data item, register offset (A6.2.4, opA = 0101). */
static int d16_ls_reg(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    static const uint8_t size[8] = { ARM_LS_W, ARM_LS_H, ARM_LS_B, ARM_LS_SB,
                                     ARM_LS_W, ARM_LS_H, ARM_LS_B, ARM_LS_SH };
    unsigned opb = T32_BITS(x, 11, 9);
    (void)cpu;
    o->rd = R0_2(x);
    o->rn = R3_5(x);
    o->rm = R6_8(x);
    o->op = size[opb];
    o->shift_type = ARM_SHIFT_LSL;
    o->flags = ARM_IF_P | ARM_IF_U | ARM_IF_REGOFF;
    arm_ls_finish(o, opb >= 3);
    return 0;
}

/* Load/store word/byte/halfword, 5-bit immediate offset (A6.2.4, opA 011x / 1000). */
static int d16_ls_imm5(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    unsigned top = T32_BITS(x, 15, 11); /* 01100 STR .. 10001 LDRH */
    unsigned imm5 = T32_BITS(x, 10, 6);
    (void)cpu;
    o->rd = R0_2(x);
    o->rn = R3_5(x);
    o->flags = ARM_IF_P | ARM_IF_U;
    switch (top) {
    case 0x0C: case 0x0D: o->op = ARM_LS_W; o->imm = imm5 << 2; break;
    case 0x0E: case 0x0F: o->op = ARM_LS_B; o->imm = imm5; break;
    default:              o->op = ARM_LS_H; o->imm = imm5 << 1; break;
    }
    arm_ls_finish(o, (int)(top & 1u));
    return 0;
}

/* STR/LDR (immediate) T2: SP-relative, imm8 << 2. */
static int d16_ls_sp(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    o->rd = R8_10(x);
    o->rn = 13;
    o->imm = T32_BITS(x, 7, 0) << 2;
    o->op = ARM_LS_W;
    o->flags = ARM_IF_P | ARM_IF_U;
    arm_ls_finish(o, (int)T32_BIT(x, 11));
    return 0;
}

/*
 * ADR T1 (A8.8.12): Rd = Align(PC,4) + imm8<<2. The decoded cache is
 * tagged by the full PC, so the address is folded into a MOV immediate.
 */
static int d16_adr(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    o->rd = R8_10(x);
    o->imm = ((t32_decode_pc(cpu) + 4u) & ~3u) + (T32_BITS(x, 7, 0) << 2);
    arm_dp_finish(o, ARM_DP_MOV, ARM_OP2_IMM);
    return 0;
}

/* ADD (SP plus immediate) T1: Rd = SP + imm8<<2. */
static int d16_add_sp_imm8(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    o->rd = R8_10(x);
    o->rn = 13;
    o->imm = T32_BITS(x, 7, 0) << 2;
    arm_dp_finish(o, ARM_DP_ADD, ARM_OP2_IMM);
    return 0;
}

/* ADD/SUB (SP plus/minus immediate) T2/T1: SP = SP +/- imm7<<2. */
static int d16_sp_imm7(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    o->rd = 13;
    o->rn = 13;
    o->imm = T32_BITS(x, 6, 0) << 2;
    arm_dp_finish(o, T32_BIT(x, 7) ? ARM_DP_SUB : ARM_DP_ADD, ARM_OP2_IMM);
    return 0;
}

/* CBZ/CBNZ T1 (A8.8.29): offset i:imm5:'0', forward only. */
static int d16_cbz(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    /* UNPREDICTABLE: CBZ/CBNZ inside an IT block is UNDEFINED here. */
    if (t32_in_it(cpu)) return -1;
    o->rn = R0_2(x);
    o->imm = (T32_BIT(x, 9) << 6) | (T32_BITS(x, 7, 3) << 1);
    o->op = (uint8_t)T32_BIT(x, 11);
    o->fn = t32_h_cbz;
    o->tclass = A9_BRANCH;
    return 0;
}

/* SXTH/SXTB/UXTH/UXTB T1 (rotation 0). */
static int d16_extend(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    static const uint8_t ops[4] = { ARM_EXT_SXTH, ARM_EXT_SXTB, ARM_EXT_UXTH, ARM_EXT_UXTB };
    (void)cpu;
    o->rd = R0_2(x);
    o->rm = R3_5(x);
    o->op = ops[T32_BITS(x, 7, 6)];
    o->fn = arm_h_extend;
    o->tclass = A9_EXTEND;
    return 0;
}

/* REV/REV16/REVSH T1. */
static int d16_rev(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    o->rd = R0_2(x);
    o->rm = R3_5(x);
    switch (T32_BITS(x, 7, 6)) {
    case 0: o->fn = arm_h_rev; break;
    case 1: o->fn = arm_h_rev16; break;
    default: o->fn = arm_h_revsh; break;
    }
    o->tclass = A9_EXTEND;
    return 0;
}

/* PUSH T1 = STMDB SP!, {list, LR if M}; POP T1 = LDMIA SP!, {list, PC if P}. */
static int d16_push_pop(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    int load = (int)T32_BIT(x, 11);
    uint32_t list = T32_BITS(x, 7, 0);
    (void)cpu;
    if (T32_BIT(x, 8)) list |= load ? (1u << 15) : (1u << 14);
    /* UNPREDICTABLE: an empty list is UNDEFINED here. */
    if (list == 0) return -1;
    o->rn = 13;
    o->reglist = (uint16_t)list;
    o->flags = ARM_IF_W | (load ? ARM_IF_U : ARM_IF_P);
    arm_lsm_finish(o, load);
    return 0;
}

/* SETEND T1 (A8.8.154). */
static int d16_setend(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    /* UNPREDICTABLE: SETEND inside an IT block is UNDEFINED here. */
    if (t32_in_it(cpu)) return -1;
    o->imm = T32_BIT(x, 3);
    o->fn = arm_h_setend;
    o->tclass = A9_SYSTEM;
    return 0;
}

/* CPS T1 (B9.3.1): CPSIE/CPSID with A/I/F, no mode change. */
static int d16_cps(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    /* UNPREDICTABLE: CPS inside an IT block is UNDEFINED here; an empty A/I/F set executes (no effect). */
    if (t32_in_it(cpu)) return -1;
    o->op = T32_BIT(x, 4) ? 3 : 2;
    o->imm = (T32_BIT(x, 2) ? ARM_CPSR_A : 0u) | (T32_BIT(x, 1) ? ARM_CPSR_I : 0u) |
             (T32_BIT(x, 0) ? ARM_CPSR_F : 0u);
    o->fn = arm_h_cps;
    o->tclass = A9_SYSTEM;
    return 0;
}

/* BKPT T1 (A8.8.24): unconditional, also inside an IT block. */
static int d16_bkpt(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    o->imm = T32_BITS(x, 7, 0);
    o->flags = ARM_IF_UNCOND;
    o->fn = arm_h_bkpt;
    o->tclass = A9_SYSTEM;
    return 0;
}

/* NOP/YIELD/WFE/WFI/SEV T1; other hint numbers are reserved hints that execute as NOP (A6.2.5). */
static int d16_hint(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    unsigned h = T32_BITS(x, 7, 4);
    (void)cpu;
    o->op = (h <= 4) ? (uint8_t)(ARM_HINT_NOP + h) : ARM_HINT_NOP;
    o->fn = arm_h_hint;
    return 0;
}

/* IT T1 (A8.8.54). */
static int d16_it(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    unsigned firstcond = T32_BITS(x, 7, 4);
    /*
     * UNPREDICTABLE: IT inside an IT block and firstcond == 1111 are
     * UNDEFINED here; firstcond == 1110 with more than one instruction
     * executes (the "else" slots get condition 1111, treated as AL).
     */
    if (firstcond == 15 || t32_in_it(cpu)) return -1;
    o->imm = T32_BITS(x, 7, 0);
    o->fn = t32_h_it;
    return 0;
}

/* STM T1 (STMIA Rn!) and LDM T1 (writeback unless Rn is in the list). */
static int d16_ldstm(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    int load = (int)T32_BIT(x, 11);
    (void)cpu;
    o->rn = R8_10(x);
    o->reglist = (uint16_t)T32_BITS(x, 7, 0);
    /* UNPREDICTABLE: an empty list is UNDEFINED here. */
    if (o->reglist == 0) return -1;
    o->flags = ARM_IF_U;
    if (!load || !(o->reglist & (1u << o->rn))) o->flags |= ARM_IF_W;
    arm_lsm_finish(o, load);
    return 0;
}

/* B T1 (conditional, A8.8.18): offset imm8:'0'. */
static int d16_bcond(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    /* UNPREDICTABLE: a conditional branch inside an IT block is UNDEFINED here. */
    if (t32_in_it(cpu)) return -1;
    o->cond = (uint8_t)T32_BITS(x, 11, 8);
    o->imm = t32_sext(T32_BITS(x, 7, 0) << 1, 9);
    o->fn = arm_h_b;
    o->tclass = A9_BRANCH;
    return 0;
}

/* B T2 (unconditional): offset imm11:'0'. */
static int d16_b(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    o->imm = t32_sext(T32_BITS(x, 10, 0) << 1, 12);
    o->fn = arm_h_b;
    o->tclass = A9_BRANCH;
    return 0;
}

/* UDF T1 (permanently undefined) and SVC T1. */
static int d16_udf(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    o->imm = T32_BITS(x, 7, 0);
    o->fn = arm_h_udf;
    return 0;
}

static int d16_svc(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    o->imm = T32_BITS(x, 7, 0);
    o->fn = arm_h_svc;
    o->tclass = A9_SYSTEM;
    return 0;
}

#define E(mask, match, name, fn, fmt) { mask, match, name, NULL, NULL, fn, fmt }

/*
 * The 16-bit table. No two entries overlap (test_decode_overlap checks it):
 * the IT/hint and B<c>/UDF/SVC spaces are split by mask instead of by
 * override. Entries with fmt NULL are printed by t32_disasm.c.
 */
const arm_decode_entry t32_table16[] = {
    /* A6.2.1 shift (immediate), add, subtract, move, compare */
    E(0xF800, 0x0000, "lsl_imm", d16_shift_imm, NULL),
    E(0xF800, 0x0800, "lsr_imm", d16_shift_imm, NULL),
    E(0xF800, 0x1000, "asr_imm", d16_shift_imm, NULL),
    E(0xFE00, 0x1800, "add_reg", d16_addsub_reg, "add%s%c %d, %n, %m"),
    E(0xFE00, 0x1A00, "sub_reg", d16_addsub_reg, "sub%s%c %d, %n, %m"),
    E(0xFE00, 0x1C00, "add_imm3", d16_addsub_imm3, "add%s%c %d, %n, %i"),
    E(0xFE00, 0x1E00, "sub_imm3", d16_addsub_imm3, "sub%s%c %d, %n, %i"),
    E(0xF800, 0x2000, "mov_imm8", d16_imm8, "mov%s%c %d, %i"),
    E(0xF800, 0x2800, "cmp_imm8", d16_imm8, "cmp%c %n, %i"),
    E(0xF800, 0x3000, "add_imm8", d16_imm8, "add%s%c %d, %i"),
    E(0xF800, 0x3800, "sub_imm8", d16_imm8, "sub%s%c %d, %i"),
    /* A6.2.2 data processing (register) */
    E(0xFFC0, 0x4000, "and_dp", d16_dp, "and%s%c %d, %m"),
    E(0xFFC0, 0x4040, "eor_dp", d16_dp, "eor%s%c %d, %m"),
    E(0xFFC0, 0x4080, "lsl_dp", d16_dp, "lsl%s%c %d, %S"),
    E(0xFFC0, 0x40C0, "lsr_dp", d16_dp, "lsr%s%c %d, %S"),
    E(0xFFC0, 0x4100, "asr_dp", d16_dp, "asr%s%c %d, %S"),
    E(0xFFC0, 0x4140, "adc_dp", d16_dp, "adc%s%c %d, %m"),
    E(0xFFC0, 0x4180, "sbc_dp", d16_dp, "sbc%s%c %d, %m"),
    E(0xFFC0, 0x41C0, "ror_dp", d16_dp, "ror%s%c %d, %S"),
    E(0xFFC0, 0x4200, "tst_dp", d16_dp, "tst%c %n, %m"),
    E(0xFFC0, 0x4240, "rsb_dp", d16_dp, "rsb%s%c %d, %n, #0"),
    E(0xFFC0, 0x4280, "cmp_dp", d16_dp, "cmp%c %n, %m"),
    E(0xFFC0, 0x42C0, "cmn_dp", d16_dp, "cmn%c %n, %m"),
    E(0xFFC0, 0x4300, "orr_dp", d16_dp, "orr%s%c %d, %m"),
    E(0xFFC0, 0x4340, "mul_dp", d16_dp, "mul%s%c %d, %n, %d"),
    E(0xFFC0, 0x4380, "bic_dp", d16_dp, "bic%s%c %d, %m"),
    E(0xFFC0, 0x43C0, "mvn_dp", d16_dp, "mvn%s%c %d, %m"),
    /* A6.2.3 special data instructions and branch and exchange */
    E(0xFF00, 0x4400, "add_hi", d16_hireg, "add%c %d, %m"),
    E(0xFF00, 0x4500, "cmp_hi", d16_hireg, "cmp%c %n, %m"),
    E(0xFF00, 0x4600, "mov_hi", d16_hireg, "mov%c %d, %m"),
    E(0xFF87, 0x4700, "bx", d16_bx, "bx%c %m"),
    E(0xFF87, 0x4780, "blx_reg", d16_bx, "blx%c %m"),
    /* A6.2.4 load/store single data item */
    E(0xF800, 0x4800, "ldr_lit", d16_ldr_lit, "ldr%c %d, %A"),
    E(0xFE00, 0x5000, "str_reg", d16_ls_reg, "str%c %d, %A"),
    E(0xFE00, 0x5200, "strh_reg", d16_ls_reg, "strh%c %d, %A"),
    E(0xFE00, 0x5400, "strb_reg", d16_ls_reg, "strb%c %d, %A"),
    E(0xFE00, 0x5600, "ldrsb_reg", d16_ls_reg, "ldrsb%c %d, %A"),
    E(0xFE00, 0x5800, "ldr_reg", d16_ls_reg, "ldr%c %d, %A"),
    E(0xFE00, 0x5A00, "ldrh_reg", d16_ls_reg, "ldrh%c %d, %A"),
    E(0xFE00, 0x5C00, "ldrb_reg", d16_ls_reg, "ldrb%c %d, %A"),
    E(0xFE00, 0x5E00, "ldrsh_reg", d16_ls_reg, "ldrsh%c %d, %A"),
    E(0xF800, 0x6000, "str_imm5", d16_ls_imm5, "str%c %d, %A"),
    E(0xF800, 0x6800, "ldr_imm5", d16_ls_imm5, "ldr%c %d, %A"),
    E(0xF800, 0x7000, "strb_imm5", d16_ls_imm5, "strb%c %d, %A"),
    E(0xF800, 0x7800, "ldrb_imm5", d16_ls_imm5, "ldrb%c %d, %A"),
    E(0xF800, 0x8000, "strh_imm5", d16_ls_imm5, "strh%c %d, %A"),
    E(0xF800, 0x8800, "ldrh_imm5", d16_ls_imm5, "ldrh%c %d, %A"),
    E(0xF800, 0x9000, "str_sp", d16_ls_sp, "str%c %d, %A"),
    E(0xF800, 0x9800, "ldr_sp", d16_ls_sp, "ldr%c %d, %A"),
    /* ADR, ADD (SP plus immediate) */
    E(0xF800, 0xA000, "adr", d16_adr, NULL),
    E(0xF800, 0xA800, "add_sp_imm8", d16_add_sp_imm8, "add%c %d, sp, %i"),
    /* A6.2.5 miscellaneous 16-bit instructions */
    E(0xFF80, 0xB000, "add_sp_imm7", d16_sp_imm7, "add%c sp, %i"),
    E(0xFF80, 0xB080, "sub_sp_imm7", d16_sp_imm7, "sub%c sp, %i"),
    E(0xFD00, 0xB100, "cbz", d16_cbz, "cbz %n, %B"),
    E(0xFD00, 0xB900, "cbnz", d16_cbz, "cbnz %n, %B"),
    E(0xFFC0, 0xB200, "sxth", d16_extend, "sxth%c %d, %m"),
    E(0xFFC0, 0xB240, "sxtb", d16_extend, "sxtb%c %d, %m"),
    E(0xFFC0, 0xB280, "uxth", d16_extend, "uxth%c %d, %m"),
    E(0xFFC0, 0xB2C0, "uxtb", d16_extend, "uxtb%c %d, %m"),
    E(0xFE00, 0xB400, "push", d16_push_pop, "push%c %L"),
    E(0xFFF7, 0xB650, "setend", d16_setend, NULL),
    E(0xFFE8, 0xB660, "cps", d16_cps, NULL),
    E(0xFFC0, 0xBA00, "rev", d16_rev, "rev%c %d, %m"),
    E(0xFFC0, 0xBA40, "rev16", d16_rev, "rev16%c %d, %m"),
    E(0xFFC0, 0xBAC0, "revsh", d16_rev, "revsh%c %d, %m"),
    E(0xFE00, 0xBC00, "pop", d16_push_pop, "pop%c %L"),
    E(0xFF00, 0xBE00, "bkpt", d16_bkpt, "bkpt %i"),
    E(0xFF0F, 0xBF00, "hint", d16_hint, NULL),
    /* IT with mask != 0000, split by the position of the lowest set mask bit */
    E(0xFF01, 0xBF01, "it_m1", d16_it, NULL),
    E(0xFF03, 0xBF02, "it_m2", d16_it, NULL),
    E(0xFF07, 0xBF04, "it_m4", d16_it, NULL),
    E(0xFF0F, 0xBF08, "it_m8", d16_it, NULL),
    /* A6.2 load/store multiple */
    E(0xF800, 0xC000, "stm", d16_ldstm, "stm%c %n!, %L"),
    E(0xF800, 0xC800, "ldm", d16_ldstm, NULL),
    /* A6.2.6 conditional branch and supervisor call (cond 0000..1101) */
    E(0xF800, 0xD000, "b_cond_0", d16_bcond, "b%c %B"),
    E(0xFC00, 0xD800, "b_cond_8", d16_bcond, "b%c %B"),
    E(0xFE00, 0xDC00, "b_cond_c", d16_bcond, "b%c %B"),
    E(0xFF00, 0xDE00, "udf", d16_udf, "udf %i"),
    E(0xFF00, 0xDF00, "svc", d16_svc, "svc%c %i"),
    /* unconditional branch */
    E(0xF800, 0xE000, "b", d16_b, "b%c %B"),
};

const size_t t32_table16_len = sizeof t32_table16 / sizeof t32_table16[0];
