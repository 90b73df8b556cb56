/*
 * t32_dec32.c - decode table of the 32-bit Thumb-2 encodings (ARM ARM
 * ARMv7-A/R A6.3 "32-bit Thumb instruction encoding" and A8.8).
 *
 * The word is hw1:hw2 (first halfword in bits 31:16). Aliases that the
 * ARM ARM defines by a fixed register field (TST = ANDS with Rd = PC,
 * MOV = ORR with Rn = PC, LDR (literal) = LDR with Rn = PC, PLD = LDRB
 * with Rt = PC, MUL = MLA with Ra = PC, BFC = BFI with Rn = PC...) are
 * separate entries that declare `overrides` on the general entry, so the
 * tables stay data and each entry has one disassembly format.
 *
 * UNPREDICTABLE choices are marked "UNPREDICTABLE:" and listed in the T32
 * UNPREDICTABLE table of models/arm/README.md.
 */
#include "t32_internal.h"
#include "vfp_internal.h"

#define RN(x) ((uint8_t)T32_BITS(x, 19, 16))
#define RT(x) ((uint8_t)T32_BITS(x, 15, 12))
#define RD(x) ((uint8_t)T32_BITS(x, 11, 8))
#define RM(x) ((uint8_t)T32_BITS(x, 3, 0))

/* imm3:imm2 shift amount of the shifted-register forms. */
static unsigned imm5_of(uint32_t x)
{
    return (T32_BITS(x, 14, 12) << 2) | T32_BITS(x, 7, 6);
}

/*
 * UNPREDICTABLE: PC as the destination of an instruction that is not a
 * branch, load or data-processing write (MOVW/MOVT, saturation, bitfield,
 * extend, parallel, multiply, CLZ/REV/SEL, MRS, LDRD, MRRC: "if d == 15")
 * is UNDEFINED here. Returns 0, or -1 when r1 or r2 is PC.
 */
static int pc_dest_check(unsigned r1, unsigned r2)
{
    return (r1 == 15 || r2 == 15) ? -1 : 0;
}

/* T32 data-processing opcode (bits 24:21) to ARM_DP_*; 0xFF = unallocated. */
static const uint8_t t32_dp_op[16] = {
    ARM_DP_AND, ARM_DP_BIC, ARM_DP_ORR, ARM_DP_ORN, ARM_DP_EOR, 0xFF, 0xFF, 0xFF,
    ARM_DP_ADD, 0xFF, ARM_DP_ADC, ARM_DP_SBC, 0xFF, ARM_DP_SUB, ARM_DP_RSB, 0xFF
};

/* ------------------------------------------------------------------ */
/* Load/store multiple (A6.3.5)                                        */

static unsigned t32_popcount16(unsigned v)
{
    unsigned n = 0;
    for (; v; v &= v - 1u) n++;
    return n;
}

/* STM/LDM (IA) T2, STMDB/LDMDB T1; PUSH/POP T2 are the SP! forms. */
static int d32_ldstm(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    int load = (int)T32_BIT(x, 20);
    (void)cpu;
    o->rn = RN(x);
    o->reglist = (uint16_t)(x & 0xFFFFu);
    /*
     * UNPREDICTABLE: Rn == PC, fewer than two registers, and writeback with
     * Rn in the list are UNDEFINED here (as in QEMU); SP/PC in an STM list
     * and PC and LR both in an LDM list execute as written.
     */
    if (o->rn == 15 || t32_popcount16(o->reglist) < 2) return -1;
    if (T32_BIT(x, 21) && (o->reglist & (1u << o->rn))) return -1;
    o->flags = T32_BIT(x, 21) ? ARM_IF_W : 0u;
    if (T32_BIT(x, 23)) o->flags |= ARM_IF_U;  /* IA: increment after */
    else o->flags |= ARM_IF_P;                 /* DB: decrement before */
    arm_lsm_finish(o, load);
    return 0;
}

/* SRS T1 (DB) / T2 (IA), B9.3.16. */
static int d32_srs(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    o->shift_imm = (uint8_t)T32_BITS(x, 4, 0);
    o->flags = (T32_BIT(x, 21) ? ARM_IF_W : 0u) | (T32_BIT(x, 23) ? ARM_IF_U : ARM_IF_P);
    o->rn = 13;
    o->fn = arm_h_srs;
    o->tclass = A9_SYSTEM;
    return 0;
}

/* RFE T1 (DB) / T2 (IA), B9.3.13. */
static int d32_rfe(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    o->rn = RN(x);
    if (o->rn == 15) return -1; /* UNPREDICTABLE: RFE with Rn == PC is UNDEFINED here. */
    o->flags = (T32_BIT(x, 21) ? ARM_IF_W : 0u) | (T32_BIT(x, 23) ? ARM_IF_U : ARM_IF_P);
    o->fn = arm_h_rfe;
    o->tclass = A9_SYSTEM;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Load/store dual, exclusive, table branch (A6.3.6)                   */

/* SP or PC. */
static int sp_pc(unsigned r)
{
    return r == 13 || r == 15;
}

/*
 * UNPREDICTABLE register choices of the exclusives (A8.8.69-A8.8.76,
 * A8.8.212-A8.8.215): status or data register SP/PC, base PC, status
 * register equal to the base or a data register, LDREXD Rt == Rt2. All
 * are UNDEFINED here (as in QEMU). `status` < 0 for loads, t2 < 0 when
 * there is no second data register.
 */
static int excl_unpredictable(int status, unsigned t, int t2, unsigned n)
{
    if (sp_pc(t) || n == 15) return 1;
    if (t2 >= 0 && (sp_pc((unsigned)t2) || (status < 0 && (unsigned)t2 == t))) return 1;
    if (status >= 0) {
        if (sp_pc((unsigned)status) || (unsigned)status == n || (unsigned)status == t) return 1;
        if (t2 >= 0 && status == t2) return 1;
    }
    return 0;
}

static int d32_strex(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    o->rn = RN(x);
    o->rd = RT(x);
    o->rs = RD(x);
    if (excl_unpredictable(o->rs, o->rd, -1, o->rn)) return -1;
    o->imm = T32_BITS(x, 7, 0) << 2;
    o->op = ARM_LS_W;
    o->fn = arm_h_strex;
    o->tclass = A9_EXCL;
    return 0;
}

static int d32_ldrex(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    o->rn = RN(x);
    o->rd = RT(x);
    if (excl_unpredictable(-1, o->rd, -1, o->rn)) return -1;
    o->imm = T32_BITS(x, 7, 0) << 2;
    o->op = ARM_LS_W;
    o->fn = arm_h_ldrex;
    o->tclass = A9_EXCL;
    return 0;
}

/* STREXB/STREXH/STREXD: Rd (status) in bits 3:0; op2 bits 5:4 = 00 B, 01 H, 11 D. */
static int d32_strex_bhd(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    unsigned op2 = T32_BITS(x, 5, 4);
    (void)cpu;
    o->rn = RN(x);
    o->rd = RT(x);
    o->rs = RM(x);
    o->op = op2 == 0 ? ARM_LS_B : op2 == 1 ? ARM_LS_H : ARM_LS_D;
    if (o->op == ARM_LS_D) {
        o->ra = RD(x);
        o->tclass = A9_LOADD;
    } else {
        o->tclass = A9_EXCL;
    }
    if (excl_unpredictable(o->rs, o->rd, o->op == ARM_LS_D ? o->ra : -1, o->rn)) return -1;
    o->fn = arm_h_strex;
    return 0;
}

static int d32_ldrex_bhd(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    unsigned op2 = T32_BITS(x, 5, 4);
    (void)cpu;
    o->rn = RN(x);
    o->rd = RT(x);
    o->op = op2 == 0 ? ARM_LS_B : op2 == 1 ? ARM_LS_H : ARM_LS_D;
    if (o->op == ARM_LS_D) {
        o->ra = RD(x);
        o->tclass = A9_LOADD;
    } else {
        o->tclass = A9_EXCL;
    }
    if (excl_unpredictable(-1, o->rd, o->op == ARM_LS_D ? o->ra : -1, o->rn)) return -1;
    o->fn = arm_h_ldrex;
    return 0;
}

/* TBB / TBH (A8.8.223). */
static int d32_tb(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    o->rn = RN(x);
    o->rm = RM(x);
    o->op = (uint8_t)T32_BIT(x, 4);
    o->fn = t32_h_tbb;
    o->tclass = A9_BRANCH_REG;
    return 0;
}

/* LDRD/STRD (immediate) T1 and LDRD (literal) T1: imm8 << 2, P/U/W. */
static int d32_ldstd(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    int load = (int)T32_BIT(x, 20);
    (void)cpu;
    o->rn = RN(x);
    o->rd = RT(x);
    o->ra = RD(x);
    o->imm = T32_BITS(x, 7, 0) << 2;
    o->flags = (T32_BIT(x, 24) ? ARM_IF_P : 0u) | (T32_BIT(x, 23) ? ARM_IF_U : 0u) |
               (T32_BIT(x, 21) ? ARM_IF_W : 0u);
    if (o->rn == 15) {
        /* LDRD (literal); UNPREDICTABLE: STRD with Rn == PC or writeback to PC is UNDEFINED here. */
        if (!load || T32_BIT(x, 21)) return -1;
        o->flags |= ARM_IF_ALIGNPC;
    }
    if (load && pc_dest_check(o->rd, o->ra) != 0) return -1;
    o->fn = load ? arm_h_ldrd : arm_h_strd;
    o->tclass = A9_LOADD;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Data processing (shifted register), A6.3.11                         */

static void dp_sreg_fields(uint32_t x, arm_insn *o)
{
    o->rd = RD(x);
    o->rn = RN(x);
    o->rm = RM(x);
    o->flags = T32_BIT(x, 20) ? ARM_IF_S : 0u;
    t32_decode_imm_shift(o, T32_BITS(x, 5, 4), imm5_of(x));
}

/*
 * AND/BIC/ORR/ORN/EOR/ADD/ADC/SBC/SUB/RSB (register) T2/T3.
 * UNPREDICTABLE: Rd == PC (without the compare aliases) executes as
 * written (ALUWritePC, or CPSR = SPSR with S, as in A32); SP/PC as other
 * operands read their values.
 */
static int d32_dp_sreg(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    dp_sreg_fields(x, o);
    arm_dp_finish(o, t32_dp_op[T32_BITS(x, 24, 21)], ARM_OP2_IMMSHIFT);
    return 0;
}

/* The compare that an S = 1, Rd = PC form of AND/EOR/ADD/SUB (op in bits 24:21) is. */
static unsigned t32_cmp_op(uint32_t x)
{
    switch (T32_BITS(x, 24, 21)) {
    case 0x0: return ARM_DP_TST;
    case 0x4: return ARM_DP_TEQ;
    case 0x8: return ARM_DP_CMN;
    default: return ARM_DP_CMP;
    }
}

/* TST/TEQ/CMN/CMP (register): the S = 1, Rd = PC forms of AND/EOR/ADD/SUB. */
static int d32_cmp_sreg(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    dp_sreg_fields(x, o);
    o->rd = 0;
    arm_dp_finish(o, t32_cmp_op(x), ARM_OP2_IMMSHIFT);
    return 0;
}

/* MOV/MVN (register) and the LSL/LSR/ASR/ROR/RRX (immediate) aliases: ORR/ORN with Rn = PC. */
static int d32_mov_sreg(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    dp_sreg_fields(x, o);
    o->rn = 0;
    arm_dp_finish(o, T32_BIT(x, 21) ? ARM_DP_MVN : ARM_DP_MOV, ARM_OP2_IMMSHIFT);
    return 0;
}

/* PKHBT/PKHTB T1. */
static int d32_pkh(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    int tb = (int)T32_BIT(x, 5);
    (void)cpu;
    o->rd = RD(x);
    o->rn = RN(x);
    o->rm = RM(x);
    t32_decode_imm_shift(o, tb ? ARM_SHIFT_ASR : ARM_SHIFT_LSL, imm5_of(x));
    if (tb) o->flags = ARM_IF_TB;
    o->fn = arm_h_pkh;
    o->tclass = A9_BITFIELD;
    return pc_dest_check(o->rd, 0);
}

/* ------------------------------------------------------------------ */
/* Data processing (modified immediate), A6.3.1                        */

static void dp_imm_fields(uint32_t x, arm_insn *o)
{
    int c31;
    o->rd = RD(x);
    o->rn = RN(x);
    o->imm = t32_expand_imm(t32_imm12(x), &c31);
    o->flags = (T32_BIT(x, 20) ? ARM_IF_S : 0u) | (c31 ? ARM_IF_IMMC : 0u);
}

static int d32_dp_imm(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    dp_imm_fields(x, o);
    arm_dp_finish(o, t32_dp_op[T32_BITS(x, 24, 21)], ARM_OP2_IMM);
    return 0;
}

static int d32_cmp_imm(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    dp_imm_fields(x, o);
    o->rd = 0;
    arm_dp_finish(o, t32_cmp_op(x), ARM_OP2_IMM);
    return 0;
}

static int d32_mov_imm(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    dp_imm_fields(x, o);
    o->rn = 0;
    arm_dp_finish(o, T32_BIT(x, 21) ? ARM_DP_MVN : ARM_DP_MOV, ARM_OP2_IMM);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Data processing (plain binary immediate), A6.3.3                    */

/* ADDW / SUBW (ADD/SUB (immediate) T4): no flags, imm12 zero-extended. */
static int d32_addw(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    o->rd = RD(x);
    o->rn = RN(x);
    o->imm = t32_imm12(x);
    arm_dp_finish(o, T32_BIT(x, 23) ? ARM_DP_SUB : ARM_DP_ADD, ARM_OP2_IMM);
    return 0;
}

/* ADR T3 (add) / T2 (sub): Align(PC,4) +/- imm12, folded into a MOV immediate. */
static int d32_adr(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    uint32_t base = (t32_decode_pc(cpu) + 4u) & ~3u;
    o->rd = RD(x);
    o->imm = T32_BIT(x, 23) ? base - t32_imm12(x) : base + t32_imm12(x);
    arm_dp_finish(o, ARM_DP_MOV, ARM_OP2_IMM);
    return 0;
}

/* MOVW / MOVT T3/T1: imm16 = imm4:i:imm3:imm8. */
static int d32_movwt(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    o->rd = RD(x);
    o->imm = (T32_BITS(x, 19, 16) << 12) | t32_imm12(x);
    o->fn = T32_BIT(x, 23) ? arm_h_movt : arm_h_movw;
    o->tclass = A9_ALU;
    return pc_dest_check(o->rd, 0);
}

/* SSAT / USAT T1: sh selects ASR (imm5 != 0 here; sh = 1, imm5 = 0 is SSAT16/USAT16). */
static int d32_sat(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    int u = (int)T32_BIT(x, 23);
    (void)cpu;
    o->rd = RD(x);
    o->rn = RN(x);
    t32_decode_imm_shift(o, T32_BIT(x, 21) ? ARM_SHIFT_ASR : ARM_SHIFT_LSL, imm5_of(x));
    o->imm = T32_BITS(x, 4, 0) + (u ? 0u : 1u);
    o->fn = u ? arm_h_usat : arm_h_ssat;
    o->tclass = A9_SAT;
    return pc_dest_check(o->rd, 0);
}

/* SSAT16 / USAT16 T1: saturate_to in bits 3:0. */
static int d32_sat16(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    int u = (int)T32_BIT(x, 23);
    (void)cpu;
    /* UNPREDICTABLE: bit 4 set (a "(0)" bit of sat_imm) is UNDEFINED here. */
    if (T32_BIT(x, 4)) return -1;
    o->rd = RD(x);
    o->rn = RN(x);
    o->imm = T32_BITS(x, 3, 0) + (u ? 0u : 1u);
    o->fn = u ? arm_h_usat16 : arm_h_ssat16;
    o->tclass = A9_SAT;
    return pc_dest_check(o->rd, 0);
}

/* SBFX / UBFX T1: lsb = imm3:imm2, width = widthm1 + 1. */
static int d32_bfx(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    unsigned lsb = imm5_of(x), width = T32_BITS(x, 4, 0) + 1u;
    (void)cpu;
    /* UNPREDICTABLE: lsb + width > 32 is UNDEFINED here. */
    if (lsb + width > 32) return -1;
    o->rd = RD(x);
    o->rn = RN(x);
    o->shift_imm = (uint8_t)lsb;
    o->imm = width;
    o->fn = T32_BIT(x, 23) ? arm_h_ubfx : arm_h_sbfx;
    o->tclass = A9_BITFIELD;
    return pc_dest_check(o->rd, 0);
}

/* BFI T1 / BFC T1 (Rn = PC): lsb = imm3:imm2, msb in bits 4:0. */
static int d32_bfi(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    unsigned lsb = imm5_of(x), msb = T32_BITS(x, 4, 0);
    (void)cpu;
    /* UNPREDICTABLE: msb < lsb is UNDEFINED here. */
    if (msb < lsb) return -1;
    o->rd = RD(x);
    o->rn = RN(x);
    o->shift_imm = (uint8_t)lsb;
    o->imm = msb;
    o->fn = (o->rn == 15) ? arm_h_bfc : arm_h_bfi;
    o->tclass = A9_BITFIELD;
    return pc_dest_check(o->rd, 0);
}

/* ------------------------------------------------------------------ */
/* Branches and miscellaneous control (A6.3.4)                         */

/* B T3 (conditional): imm32 = SignExtend(S:J2:J1:imm6:imm11:'0'). */
static int d32_bcond(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    uint32_t imm = (T32_BIT(x, 26) << 20) | (T32_BIT(x, 11) << 19) | (T32_BIT(x, 13) << 18) |
                   (T32_BITS(x, 21, 16) << 12) | (T32_BITS(x, 10, 0) << 1);
    /* UNPREDICTABLE: a conditional branch inside an IT block is UNDEFINED here. */
    if (t32_in_it(cpu)) return -1;
    o->cond = (uint8_t)T32_BITS(x, 25, 22);
    o->imm = t32_sext(imm, 21);
    o->fn = arm_h_b;
    o->tclass = A9_BRANCH;
    return 0;
}

/* imm32 of B T4 / BL T1 / BLX T2: S:I1:I2:imm10:imm11:'0', I = NOT(J XOR S). */
static uint32_t branch24(uint32_t x)
{
    uint32_t s = T32_BIT(x, 26);
    uint32_t i1 = 1u ^ (T32_BIT(x, 13) ^ s), i2 = 1u ^ (T32_BIT(x, 11) ^ s);
    uint32_t imm = (s << 24) | (i1 << 23) | (i2 << 22) | (T32_BITS(x, 25, 16) << 12) |
                   (T32_BITS(x, 10, 0) << 1);
    return t32_sext(imm, 25);
}

static int d32_b(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    o->imm = branch24(x);
    o->fn = arm_h_b;
    o->tclass = A9_BRANCH;
    return 0;
}

static int d32_bl(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    o->imm = branch24(x);
    o->flags = ARM_IF_LINK;
    o->fn = arm_h_bl;
    o->tclass = A9_BRANCH;
    return 0;
}

/* BLX (immediate) T2: target Align(PC,4) + imm32 (imm32<1:0> = H:'0' with H = 0). */
static int d32_blx_imm(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    o->imm = branch24(x);
    o->flags = ARM_IF_LINK;
    o->fn = arm_h_blx_imm;
    o->tclass = A9_BRANCH;
    return 0;
}

/* MSR (register) T1: mask bits 11:8 (c, x, s, f from bit 8 up), R bit 20. */
static int d32_msr(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    o->rn = RN(x);
    o->op = (uint8_t)T32_BITS(x, 11, 8);
    /* UNPREDICTABLE: an empty field mask is UNDEFINED here. */
    if (o->op == 0) return -1;
    if (T32_BIT(x, 20)) o->flags = ARM_IF_SPSR;
    o->fn = arm_h_msr_reg;
    o->tclass = A9_SYSTEM;
    return 0;
}

/* MRS T1. */
static int d32_mrs(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    o->rd = RD(x);
    if (T32_BIT(x, 20)) o->flags = ARM_IF_SPSR;
    o->fn = arm_h_mrs;
    o->tclass = A9_SYSTEM;
    return pc_dest_check(o->rd, 0);
}

/* CPS T2 (B9.3.1): imod bits 10:9, M bit 8, A/I/F bits 7:5, mode bits 4:0. */
static int d32_cps(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    unsigned imod = T32_BITS(x, 10, 9), m = T32_BIT(x, 8);
    /*
     * UNPREDICTABLE: imod == 01 and CPS inside an IT block are UNDEFINED
     * here; a mode field with M == 0 is ignored; imod != 00 with no A/I/F
     * bit executes (no mask change).
     */
    if (imod == 1 || t32_in_it(cpu)) return -1;
    o->op = (uint8_t)(imod | (m << 2));
    o->shift_imm = (uint8_t)T32_BITS(x, 4, 0);
    if (imod & 2u)
        o->imm = (T32_BIT(x, 7) ? ARM_CPSR_A : 0u) | (T32_BIT(x, 6) ? ARM_CPSR_I : 0u) |
                 (T32_BIT(x, 5) ? ARM_CPSR_F : 0u);
    o->fn = arm_h_cps;
    o->tclass = A9_SYSTEM;
    return 0;
}

/* NOP/YIELD/WFE/WFI/SEV/DBG T2; other hint numbers execute as NOP. */
static int d32_hint(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    unsigned h = T32_BITS(x, 7, 0);
    (void)cpu;
    if (h <= 4) o->op = (uint8_t)(ARM_HINT_NOP + h);
    else if (h >= 0xF0) o->op = ARM_HINT_DBG;
    else o->op = ARM_HINT_NOP;
    o->fn = arm_h_hint;
    return 0;
}

/* CLREX, DSB, DMB, ISB (every option value acts as SY). */
static int d32_barrier(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    switch (T32_BITS(x, 7, 4)) {
    case 2: o->fn = arm_h_clrex; o->tclass = A9_EXCL; return 0;
    case 4: o->op = ARM_HINT_DSB; break;
    case 5: o->op = ARM_HINT_DMB; break;
    default: o->op = ARM_HINT_ISB; break;
    }
    o->imm = T32_BITS(x, 3, 0);
    o->fn = arm_h_hint;
    o->tclass = A9_SYSTEM;
    return 0;
}

/*
 * BXJ T1: the Cortex-A9 has the trivial Jazelle implementation, in which
 * BXJ behaves as BX (ARM ARM A2.10 "Jazelle direct bytecode execution").
 */
static int d32_bxj(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    o->rm = RN(x);
    /* UNPREDICTABLE: BXJ PC is UNDEFINED here. */
    if (o->rm == 15) return -1;
    o->fn = arm_h_bx;
    o->tclass = A9_BRANCH_REG;
    return 0;
}

/* SUBS PC, LR, #imm8 T1 (B9.3.20): exception return. */
static int d32_subs_pc_lr(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    o->rd = 15;
    o->rn = 14;
    o->imm = T32_BITS(x, 7, 0);
    o->flags = ARM_IF_S;
    arm_dp_finish(o, ARM_DP_SUB, ARM_OP2_IMM);
    return 0;
}

/* UDF T2 (permanently undefined): imm16 = imm4:imm12. */
static int d32_udf(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    o->imm = (T32_BITS(x, 19, 16) << 12) | T32_BITS(x, 11, 0);
    o->fn = arm_h_udf;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Load/store single data item (A6.3.7 - A6.3.10)                      */

/* Size/sign of a load or store from bit 24 (S) and bits 22:21 (size). */
static uint8_t ls_size(uint32_t x)
{
    unsigned sz = T32_BITS(x, 22, 21);
    if (T32_BIT(x, 24)) return sz == 0 ? ARM_LS_SB : ARM_LS_SH;
    return sz == 0 ? ARM_LS_B : sz == 1 ? ARM_LS_H : ARM_LS_W;
}

/*
 * All non-literal forms: imm12 (bit 23), imm8 with P/U/W (bit 11: 1PUW;
 * 1100 negative offset, 1110 unprivileged xxxT), register LSL #imm2.
 */
static int d32_ls(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    int load = (int)T32_BIT(x, 20);
    (void)cpu;
    o->rd = RT(x);
    o->rn = RN(x);
    o->op = ls_size(x);
    /* Stores with Rn == PC are UNDEFINED (A8.8.203 etc.). */
    if (!load && o->rn == 15) return -1;
    if (T32_BIT(x, 23)) {
        o->imm = T32_BITS(x, 11, 0);
        o->flags = ARM_IF_P | ARM_IF_U;
    } else if (T32_BIT(x, 11)) {
        unsigned puw = T32_BITS(x, 10, 8);
        o->imm = T32_BITS(x, 7, 0);
        if (puw == 6) {
            o->flags = ARM_IF_P | ARM_IF_U | ARM_IF_USER;
        } else {
            o->flags = (T32_BIT(x, 10) ? ARM_IF_P : 0u) | (T32_BIT(x, 9) ? ARM_IF_U : 0u) |
                       (T32_BIT(x, 8) ? ARM_IF_W : 0u);
        }
        /*
         * UNPREDICTABLE: byte/halfword loads to PC in the writeback and
         * unprivileged forms are UNDEFINED here (the other Rt == PC forms
         * are the PLD/PLI hints, decoded by their own entries).
         */
        if (load && o->rd == 15 && o->op != ARM_LS_W) return -1;
    } else {
        o->rm = RM(x);
        o->shift_type = ARM_SHIFT_LSL;
        o->shift_imm = (uint8_t)T32_BITS(x, 5, 4);
        o->flags = ARM_IF_P | ARM_IF_U | ARM_IF_REGOFF;
    }
    arm_ls_finish(o, load);
    return 0;
}

/* Loads with Rn == PC: Align(PC,4) +/- imm12 (U = bit 23). */
static int d32_ls_lit(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    o->rd = RT(x);
    o->rn = 15;
    o->op = ls_size(x);
    o->imm = T32_BITS(x, 11, 0);
    o->flags = ARM_IF_P | ARM_IF_ALIGNPC | (T32_BIT(x, 23) ? ARM_IF_U : 0u);
    arm_ls_finish(o, 1);
    return 0;
}

/*
 * PLD/PLDW/PLI and the unallocated memory hints (LDRSH forms with Rt ==
 * PC): no architectural effect, no fault (A8.8.127-A8.8.131).
 */
static int d32_preload(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    o->rn = RN(x);
    o->op = (T32_BIT(x, 24) && !T32_BIT(x, 21)) ? ARM_HINT_PLI
            : T32_BIT(x, 24) ? ARM_HINT_NOP : ARM_HINT_PLD;
    o->fn = arm_h_hint;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Data processing (register), A6.3.12                                 */

/* LSL/LSR/ASR/ROR (register) T2: Rd = Rn shifted by Rm<7:0>. */
static int d32_shift_reg(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    o->rd = RD(x);
    o->rm = RN(x);
    o->rs = RM(x);
    o->shift_type = (uint8_t)T32_BITS(x, 22, 21);
    o->flags = T32_BIT(x, 20) ? ARM_IF_S : 0u;
    arm_dp_finish(o, ARM_DP_MOV, ARM_OP2_REGSHIFT);
    return 0;
}

/* SXTAH/UXTAH/SXTAB16/UXTAB16/SXTAB/UXTAB, and the non-accumulating forms with Rn == PC. */
static int d32_extend(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    static const uint8_t ops[8] = { ARM_EXT_SXTH, ARM_EXT_UXTH, ARM_EXT_SXTB16, ARM_EXT_UXTB16,
                                    ARM_EXT_SXTB, ARM_EXT_UXTB, 0, 0 };
    (void)cpu;
    o->rd = RD(x);
    o->rn = RN(x);
    o->rm = RM(x);
    o->op = ops[T32_BITS(x, 22, 20)];
    o->shift_imm = (uint8_t)(T32_BITS(x, 5, 4) * 8u);
    o->shift_type = ARM_SHIFT_ROR;
    if (o->rn != 15) {
        o->flags = ARM_IF_ACC;
        o->tclass = A9_EXTEND_ACC;
    } else {
        o->rn = 0;
        o->tclass = A9_EXTEND;
    }
    o->fn = arm_h_extend;
    return pc_dest_check(o->rd, 0);
}

/* Parallel addition and subtraction (A6.3.13, A6.3.14). */
static int d32_parallel(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    /* op1 (bits 22:20) -> ARM_PAR_* operation; op2 (bits 6:4) -> kind. */
    static const uint8_t opc[8] = { ARM_PAR_ADD8, ARM_PAR_ADD16, ARM_PAR_ASX, 0xFF,
                                    ARM_PAR_SUB8, ARM_PAR_SUB16, ARM_PAR_SAX, 0xFF };
    static const uint8_t kind[8] = { ARM_PAR_S, ARM_PAR_Q, ARM_PAR_SH, 0xFF,
                                     ARM_PAR_U, ARM_PAR_UQ, ARM_PAR_UH, 0xFF };
    unsigned a = opc[T32_BITS(x, 22, 20)], k = kind[T32_BITS(x, 6, 4)];
    (void)cpu;
    if (a == 0xFF || k == 0xFF) return -1;
    o->rd = RD(x);
    o->rn = RN(x);
    o->rm = RM(x);
    o->op = (uint8_t)((k << 3) | a);
    o->fn = arm_h_parallel;
    o->tclass = A9_SAT;
    return pc_dest_check(o->rd, 0);
}

/* QADD/QDADD/QSUB/QDSUB T1 (QADD Rd, Rm, Rn). */
static int d32_qadd(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    static const arm_handler fns[4] = { arm_h_qadd, arm_h_qdadd, arm_h_qsub, arm_h_qdsub };
    (void)cpu;
    o->rd = RD(x);
    o->rn = RN(x);
    o->rm = RM(x);
    o->fn = fns[T32_BITS(x, 5, 4)];
    o->tclass = A9_SAT;
    return pc_dest_check(o->rd, 0);
}

/*
 * REV/REV16/RBIT/REVSH T2. UNPREDICTABLE: the two copies of Rm (bits
 * 19:16 and 3:0) differing; the one in bits 3:0 is used.
 */
static int d32_rev(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    static const arm_handler fns[4] = { arm_h_rev, arm_h_rev16, arm_h_rbit, arm_h_revsh };
    (void)cpu;
    o->rd = RD(x);
    o->rm = RM(x);
    o->fn = fns[T32_BITS(x, 5, 4)];
    o->tclass = A9_EXTEND;
    return pc_dest_check(o->rd, 0);
}

static int d32_sel(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    o->rd = RD(x);
    o->rn = RN(x);
    o->rm = RM(x);
    o->fn = arm_h_sel;
    o->tclass = A9_SAT;
    return pc_dest_check(o->rd, 0);
}

/* CLZ T1 (Rm copies as for REV). */
static int d32_clz(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    o->rd = RD(x);
    o->rm = RM(x);
    o->fn = arm_h_clz;
    o->tclass = A9_EXTEND;
    return pc_dest_check(o->rd, 0);
}

/* ------------------------------------------------------------------ */
/* Multiply, multiply accumulate, absolute difference (A6.3.16)        */

static void mul_fields(uint32_t x, arm_insn *o)
{
    o->rd = RD(x);
    o->rn = RN(x);
    o->rm = RM(x);
    o->ra = RT(x);
}

/*
 * op1 (bits 22:20) with Ra != PC: MLA/MLS, SMLA<x><y>, SMLAD(X), SMLAW<y>,
 * SMLSD(X), SMMLA(R), SMMLS(R), USADA8; the Ra == PC entries (MUL, SMUL..,
 * SMUAD, SMULW, SMUSD, SMMUL, USAD8) override them and use d32_mul0.
 */
static int d32_mla(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    unsigned op1 = T32_BITS(x, 22, 20);
    (void)cpu;
    mul_fields(x, o);
    o->tclass = A9_MUL16;
    switch (op1) {
    case 0:
        o->fn = T32_BIT(x, 4) ? arm_h_mls : arm_h_mla;
        o->tclass = A9_MUL;
        break;
    case 1:
        o->flags = (T32_BIT(x, 5) ? ARM_IF_NHIGH : 0u) | (T32_BIT(x, 4) ? ARM_IF_MHIGH : 0u);
        o->fn = arm_h_smlaxy;
        break;
    case 2: case 4:
        o->flags = (T32_BIT(x, 4) ? ARM_IF_MSWAP : 0u) | (op1 == 4 ? ARM_IF_SUB : 0u);
        o->fn = arm_h_smlad;
        break;
    case 3:
        o->flags = T32_BIT(x, 4) ? ARM_IF_MHIGH : 0u;
        o->fn = arm_h_smlawy;
        break;
    case 5: case 6:
        o->flags = T32_BIT(x, 4) ? ARM_IF_ROUND : 0u;
        o->fn = op1 == 5 ? arm_h_smmla : arm_h_smmls;
        break;
    default:
        o->fn = arm_h_usada8;
        o->tclass = A9_SAT;
        break;
    }
    return pc_dest_check(o->rd, 0);
}

static int d32_mul0(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    unsigned op1 = T32_BITS(x, 22, 20);
    (void)cpu;
    mul_fields(x, o);
    o->ra = 0;
    o->tclass = A9_MUL16;
    switch (op1) {
    case 0:
        o->fn = arm_h_mul;
        o->tclass = A9_MUL;
        break;
    case 1:
        o->flags = (T32_BIT(x, 5) ? ARM_IF_NHIGH : 0u) | (T32_BIT(x, 4) ? ARM_IF_MHIGH : 0u);
        o->fn = arm_h_smulxy;
        break;
    case 2: case 4:
        o->flags = (T32_BIT(x, 4) ? ARM_IF_MSWAP : 0u) | (op1 == 4 ? ARM_IF_SUB : 0u);
        o->fn = arm_h_smuad;
        break;
    case 3:
        o->flags = T32_BIT(x, 4) ? ARM_IF_MHIGH : 0u;
        o->fn = arm_h_smulwy;
        break;
    case 5:
        o->flags = T32_BIT(x, 4) ? ARM_IF_ROUND : 0u;
        o->fn = arm_h_smmul;
        break;
    default:
        o->fn = arm_h_usad8;
        o->tclass = A9_SAT;
        break;
    }
    return pc_dest_check(o->rd, 0);
}

/* Long multiply (A6.3.17): RdLo in bits 15:12 (-> ra), RdHi in bits 11:8 (-> rd). */
static int d32_mull(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    unsigned op1 = T32_BITS(x, 22, 20), op2 = T32_BITS(x, 7, 4);
    (void)cpu;
    mul_fields(x, o);
    o->tclass = A9_MUL_LONG;
    switch (op1) {
    case 0: o->fn = arm_h_smull; break;
    case 2: o->fn = arm_h_umull; break;
    case 4:
        if (op2 == 0) {
            o->fn = arm_h_smlal;
        } else if ((op2 & 0xCu) == 0x8u) {
            o->flags = (T32_BIT(x, 5) ? ARM_IF_NHIGH : 0u) | (T32_BIT(x, 4) ? ARM_IF_MHIGH : 0u);
            o->fn = arm_h_smlalxy;
        } else {
            o->flags = T32_BIT(x, 4) ? ARM_IF_MSWAP : 0u;
            o->fn = arm_h_smlald;
        }
        break;
    case 5:
        o->flags = ARM_IF_SUB | (T32_BIT(x, 4) ? ARM_IF_MSWAP : 0u);
        o->fn = arm_h_smlald;
        break;
    default:
        o->fn = op2 == 0 ? arm_h_umlal : arm_h_umaal;
        break;
    }
    return pc_dest_check(o->rd, o->ra);
}

/* ------------------------------------------------------------------ */
/* Coprocessor (A6.3.18): MCR/MRC, MCRR/MRRC (T1 only; the T2 forms are UNDEFINED). */

static int d32_mcr(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    o->cp_num = (uint8_t)T32_BITS(x, 11, 8);
    o->cp_opc1 = (uint8_t)T32_BITS(x, 23, 21);
    o->cp_crn = (uint8_t)T32_BITS(x, 19, 16);
    o->cp_crm = (uint8_t)T32_BITS(x, 3, 0);
    o->cp_opc2 = (uint8_t)T32_BITS(x, 7, 5);
    o->rd = RT(x);
    o->fn = T32_BIT(x, 20) ? arm_h_mrc : arm_h_mcr;
    o->tclass = A9_COPROC;
    return 0;
}

static int d32_mcrr(arm_cpu *cpu, uint32_t x, arm_insn *o)
{
    (void)cpu;
    o->cp_num = (uint8_t)T32_BITS(x, 11, 8);
    o->cp_opc1 = (uint8_t)T32_BITS(x, 7, 4);
    o->cp_crm = (uint8_t)T32_BITS(x, 3, 0);
    o->rd = RT(x);
    o->ra = RN(x);
    o->fn = T32_BIT(x, 20) ? arm_h_mrrc : arm_h_mcrr;
    o->tclass = A9_COPROC;
    return pc_dest_check(o->rd, o->ra);
}

/* ------------------------------------------------------------------ */

#define E(mask, match, name, fn, fmt) { mask, match, name, NULL, NULL, fn, fmt }
#define G(mask, match, name, grp, fn, fmt) { mask, match, name, grp, NULL, fn, fmt }
#define O(mask, match, name, grp, ovr, fn, fmt) { mask, match, name, grp, ovr, fn, fmt }

/* Load entries of one size: group grp; the literal entry overrides `litovr` (grp and the hint group). */
#define LOADS(base, nm, grp, litovr)                                                      \
    G(0xFFF00000, (base) | 0x00800000u, nm "_imm12", grp, d32_ls, nm "%c.w %d, %A"),       \
    G(0xFFF00900, (base) | 0x00000900u, nm "_imm8wb", grp, d32_ls, nm "%c %d, %A"),        \
    G(0xFFF00F00, (base) | 0x00000C00u, nm "_imm8neg", grp, d32_ls, nm "%c %d, %A"),       \
    G(0xFFF00F00, (base) | 0x00000E00u, nm "_t", grp, d32_ls, nm "t%c %d, %A"),            \
    G(0xFFF00FC0, (base), nm "_reg", grp, d32_ls, nm "%c.w %d, %A"),                      \
    O(0xFF7F0000, (base) | 0x000F0000u, nm "_lit", NULL, litovr, d32_ls_lit,               \
      nm "%c.w %d, %A")

#define STORES(base, nm)                                                                   \
    E(0xFFF00000, (base) | 0x00800000u, nm "_imm12", d32_ls, nm "%c.w %d, %A"),            \
    E(0xFFF00900, (base) | 0x00000900u, nm "_imm8wb", d32_ls, nm "%c %d, %A"),             \
    E(0xFFF00F00, (base) | 0x00000C00u, nm "_imm8neg", d32_ls, nm "%c %d, %A"),            \
    E(0xFFF00F00, (base) | 0x00000E00u, nm "_t", d32_ls, nm "t%c %d, %A"),                 \
    E(0xFFF00FC0, (base), nm "_reg", d32_ls, nm "%c.w %d, %A")

/* Preload-hint entries (Rt == PC) overriding the loads of group `ldgrp`. */
#define HINTS(base, nm, ldgrp, hgrp)                                                       \
    O(0xFFF0F000, (base) | 0x0080F000u, nm "_imm12", hgrp, ldgrp, d32_preload, NULL),      \
    O(0xFFF0FF00, (base) | 0x0000FC00u, nm "_imm8", hgrp, ldgrp, d32_preload, NULL),       \
    O(0xFFF0FFC0, (base) | 0x0000F000u, nm "_reg", hgrp, ldgrp, d32_preload, NULL),        \
    O(0xFF7FF000, (base) | 0x000FF000u, nm "_lit", NULL, ldgrp " " hgrp " " ldgrp "_lit",  \
      d32_preload, NULL)

/* Parallel add/subtract: op1 in bits 22:20, op2 in bits 6:4. */
#define PAR(op1, op2, nm) \
    E(0xFFF0F0F0, 0xFA80F000u | ((op1) << 20) | ((op2) << 4), nm, d32_parallel, nm "%c %d, %n, %m")
#define PAR6(op1, sfx)                                                                      \
    PAR(op1, 0u, "s" sfx), PAR(op1, 1u, "q" sfx), PAR(op1, 2u, "sh" sfx),                   \
    PAR(op1, 4u, "u" sfx), PAR(op1, 5u, "uq" sfx), PAR(op1, 6u, "uh" sfx)

const arm_decode_entry t32_table32[] = {
    /* A6.3.5 load/store multiple, SRS, RFE */
    E(0xFFDFFFE0, 0xE80DC000, "srsdb", d32_srs, NULL),
    E(0xFFDFFFE0, 0xE98DC000, "srsia", d32_srs, NULL),
    E(0xFFD0FFFF, 0xE810C000, "rfedb", d32_rfe, NULL),
    E(0xFFD0FFFF, 0xE990C000, "rfeia", d32_rfe, NULL),
    E(0xFFD00000, 0xE8800000, "stmia", d32_ldstm, NULL),
    E(0xFFD00000, 0xE8900000, "ldmia", d32_ldstm, NULL),
    E(0xFFD00000, 0xE9000000, "stmdb", d32_ldstm, NULL),
    E(0xFFD00000, 0xE9100000, "ldmdb", d32_ldstm, NULL),
    /* A6.3.6 load/store dual, exclusive, table branch */
    E(0xFFF00000, 0xE8400000, "strex", d32_strex, NULL),
    E(0xFFF00F00, 0xE8500F00, "ldrex", d32_ldrex, NULL),
    E(0xFF700000, 0xE8600000, "strd_post", d32_ldstd, "strd%c %d, %a, %A"),
    E(0xFF700000, 0xE8700000, "ldrd_post", d32_ldstd, "ldrd%c %d, %a, %A"),
    E(0xFF500000, 0xE9400000, "strd_pre", d32_ldstd, "strd%c %d, %a, %A"),
    E(0xFF500000, 0xE9500000, "ldrd_pre", d32_ldstd, "ldrd%c %d, %a, %A"),
    E(0xFFF00FF0, 0xE8C00F40, "strexb", d32_strex_bhd, "strexb%c %S, %d, [%n]"),
    E(0xFFF00FF0, 0xE8C00F50, "strexh", d32_strex_bhd, "strexh%c %S, %d, [%n]"),
    E(0xFFF000F0, 0xE8C00070, "strexd", d32_strex_bhd, "strexd%c %S, %d, %a, [%n]"),
    E(0xFFF00FFF, 0xE8D00F4F, "ldrexb", d32_ldrex_bhd, "ldrexb%c %d, [%n]"),
    E(0xFFF00FFF, 0xE8D00F5F, "ldrexh", d32_ldrex_bhd, "ldrexh%c %d, [%n]"),
    E(0xFFF000FF, 0xE8D0007F, "ldrexd", d32_ldrex_bhd, "ldrexd%c %d, %a, [%n]"),
    E(0xFFF0FFF0, 0xE8D0F000, "tbb", d32_tb, "tbb%c [%n, %m]"),
    E(0xFFF0FFF0, 0xE8D0F010, "tbh", d32_tb, "tbh%c [%n, %m, lsl #1]"),

    /* A6.3.11 data processing (shifted register) */
    E(0xFFE08000, 0xEA000000, "and_sreg", d32_dp_sreg, "and%s%c.w %d, %n, %o"),
    O(0xFFF08F00, 0xEA100F00, "tst_sreg", NULL, "and_sreg", d32_cmp_sreg, "tst%c.w %n, %o"),
    E(0xFFE08000, 0xEA200000, "bic_sreg", d32_dp_sreg, "bic%s%c.w %d, %n, %o"),
    E(0xFFE08000, 0xEA400000, "orr_sreg", d32_dp_sreg, "orr%s%c.w %d, %n, %o"),
    O(0xFFEF8000, 0xEA4F0000, "mov_sreg", NULL, "orr_sreg", d32_mov_sreg, "mov%s%c.w %d, %o"),
    E(0xFFE08000, 0xEA600000, "orn_sreg", d32_dp_sreg, "orn%s%c %d, %n, %o"),
    O(0xFFEF8000, 0xEA6F0000, "mvn_sreg", NULL, "orn_sreg", d32_mov_sreg, "mvn%s%c.w %d, %o"),
    E(0xFFE08000, 0xEA800000, "eor_sreg", d32_dp_sreg, "eor%s%c.w %d, %n, %o"),
    O(0xFFF08F00, 0xEA900F00, "teq_sreg", NULL, "eor_sreg", d32_cmp_sreg, "teq%c %n, %o"),
    E(0xFFF08030, 0xEAC00000, "pkhbt", d32_pkh, "pkhbt%c %d, %n, %m%h"),
    E(0xFFF08030, 0xEAC00020, "pkhtb", d32_pkh, "pkhtb%c %d, %n, %m%h"),
    E(0xFFE08000, 0xEB000000, "add_sreg", d32_dp_sreg, "add%s%c.w %d, %n, %o"),
    O(0xFFF08F00, 0xEB100F00, "cmn_sreg", NULL, "add_sreg", d32_cmp_sreg, "cmn%c.w %n, %o"),
    E(0xFFE08000, 0xEB400000, "adc_sreg", d32_dp_sreg, "adc%s%c.w %d, %n, %o"),
    E(0xFFE08000, 0xEB600000, "sbc_sreg", d32_dp_sreg, "sbc%s%c.w %d, %n, %o"),
    E(0xFFE08000, 0xEBA00000, "sub_sreg", d32_dp_sreg, "sub%s%c.w %d, %n, %o"),
    O(0xFFF08F00, 0xEBB00F00, "cmp_sreg", NULL, "sub_sreg", d32_cmp_sreg, "cmp%c.w %n, %o"),
    E(0xFFE08000, 0xEBC00000, "rsb_sreg", d32_dp_sreg, "rsb%s%c %d, %n, %o"),

    /* A6.3.1 data processing (modified immediate) */
    E(0xFBE08000, 0xF0000000, "and_imm", d32_dp_imm, "and%s%c %d, %n, %o"),
    O(0xFBF08F00, 0xF0100F00, "tst_imm", NULL, "and_imm", d32_cmp_imm, "tst%c %n, %o"),
    E(0xFBE08000, 0xF0200000, "bic_imm", d32_dp_imm, "bic%s%c %d, %n, %o"),
    E(0xFBE08000, 0xF0400000, "orr_imm", d32_dp_imm, "orr%s%c %d, %n, %o"),
    O(0xFBEF8000, 0xF04F0000, "mov_imm", NULL, "orr_imm", d32_mov_imm, "mov%s%c.w %d, %o"),
    E(0xFBE08000, 0xF0600000, "orn_imm", d32_dp_imm, "orn%s%c %d, %n, %o"),
    O(0xFBEF8000, 0xF06F0000, "mvn_imm", NULL, "orn_imm", d32_mov_imm, "mvn%s%c %d, %o"),
    E(0xFBE08000, 0xF0800000, "eor_imm", d32_dp_imm, "eor%s%c %d, %n, %o"),
    O(0xFBF08F00, 0xF0900F00, "teq_imm", NULL, "eor_imm", d32_cmp_imm, "teq%c %n, %o"),
    E(0xFBE08000, 0xF1000000, "add_imm", d32_dp_imm, "add%s%c.w %d, %n, %o"),
    O(0xFBF08F00, 0xF1100F00, "cmn_imm", NULL, "add_imm", d32_cmp_imm, "cmn%c.w %n, %o"),
    E(0xFBE08000, 0xF1400000, "adc_imm", d32_dp_imm, "adc%s%c %d, %n, %o"),
    E(0xFBE08000, 0xF1600000, "sbc_imm", d32_dp_imm, "sbc%s%c %d, %n, %o"),
    E(0xFBE08000, 0xF1A00000, "sub_imm", d32_dp_imm, "sub%s%c.w %d, %n, %o"),
    O(0xFBF08F00, 0xF1B00F00, "cmp_imm", NULL, "sub_imm", d32_cmp_imm, "cmp%c.w %n, %o"),
    E(0xFBE08000, 0xF1C00000, "rsb_imm", d32_dp_imm, "rsb%s%c.w %d, %n, %o"),

    /* A6.3.3 data processing (plain binary immediate) */
    E(0xFBF08000, 0xF2000000, "addw", d32_addw, "addw%c %d, %n, %i"),
    O(0xFBFF8000, 0xF20F0000, "adr_add", NULL, "addw", d32_adr, NULL),
    E(0xFBF08000, 0xF2A00000, "subw", d32_addw, "subw%c %d, %n, %i"),
    O(0xFBFF8000, 0xF2AF0000, "adr_sub", NULL, "subw", d32_adr, NULL),
    E(0xFBF08000, 0xF2400000, "movw", d32_movwt, "movw%c %d, %i"),
    E(0xFBF08000, 0xF2C00000, "movt", d32_movwt, "movt%c %d, %i"),
    E(0xFFD08020, 0xF3000000, "ssat", d32_sat, NULL),
    O(0xFFF0F0E0, 0xF3200000, "ssat16", NULL, "ssat", d32_sat16, NULL),
    E(0xFFD08020, 0xF3800000, "usat", d32_sat, NULL),
    O(0xFFF0F0E0, 0xF3A00000, "usat16", NULL, "usat", d32_sat16, NULL),
    E(0xFFF08020, 0xF3400000, "sbfx", d32_bfx, NULL),
    E(0xFFF08020, 0xF3C00000, "ubfx", d32_bfx, NULL),
    E(0xFFF08020, 0xF3600000, "bfi", d32_bfi, NULL),
    O(0xFFFF8020, 0xF36F0000, "bfc", NULL, "bfi", d32_bfi, NULL),

    /* A6.3.4 branches and miscellaneous control */
    E(0xFA00D000, 0xF0008000, "b_cond_0", d32_bcond, "b%c.w %B"),
    E(0xFB00D000, 0xF2008000, "b_cond_8", d32_bcond, "b%c.w %B"),
    E(0xFB80D000, 0xF3008000, "b_cond_c", d32_bcond, "b%c.w %B"),
    E(0xFFE0F0FF, 0xF3808000, "msr", d32_msr, NULL),
    E(0xFFFFFF00, 0xF3AF8000, "hint_w", d32_hint, NULL),
    E(0xFFFFFC00, 0xF3AF8400, "cps_imod1x", d32_cps, NULL),
    E(0xFFFFFE00, 0xF3AF8200, "cps_imod01", d32_cps, NULL),
    E(0xFFFFFF00, 0xF3AF8100, "cps_m", d32_cps, NULL),
    E(0xFFFFFFFF, 0xF3BF8F2F, "clrex", d32_barrier, "clrex%c"),
    E(0xFFFFFFF0, 0xF3BF8F40, "dsb", d32_barrier, NULL),
    E(0xFFFFFFF0, 0xF3BF8F50, "dmb", d32_barrier, NULL),
    E(0xFFFFFFF0, 0xF3BF8F60, "isb", d32_barrier, NULL),
    E(0xFFF0FFFF, 0xF3C08F00, "bxj", d32_bxj, "bxj%c %m"),
    E(0xFFFFFF00, 0xF3DE8F00, "subs_pc_lr", d32_subs_pc_lr, "subs%c pc, lr, %i"),
    E(0xFFEFF0FF, 0xF3EF8000, "mrs", d32_mrs, NULL),
    E(0xFFF0F000, 0xF7F0A000, "udf_w", d32_udf, "udf.w %i"),
    E(0xF800D000, 0xF0009000, "b_w", d32_b, "b%c.w %B"),
    E(0xF800D001, 0xF000C000, "blx_imm", d32_blx_imm, NULL),
    E(0xF800D000, 0xF000D000, "bl", d32_bl, "bl%c %B"),

    /* A6.3.10/A6.3.9/A6.3.8/A6.3.7 store and load single data item */
    STORES(0xF8000000u, "strb"),
    STORES(0xF8200000u, "strh"),
    STORES(0xF8400000u, "str"),
    LOADS(0xF8100000u, "ldrb", "ldrb", "ldrb pld"),
    LOADS(0xF9100000u, "ldrsb", "ldrsb", "ldrsb pli"),
    LOADS(0xF8300000u, "ldrh", "ldrh", "ldrh pldw"),
    LOADS(0xF9300000u, "ldrsh", "ldrsh", "ldrsh nophint"),
    LOADS(0xF8500000u, "ldr", "ldr", "ldr"),
    HINTS(0xF8100000u, "pld", "ldrb", "pld"),
    HINTS(0xF9100000u, "pli", "ldrsb", "pli"),
    HINTS(0xF8300000u, "pldw", "ldrh", "pldw"),
    HINTS(0xF9300000u, "nophint", "ldrsh", "nophint"),

    /* A6.3.12 data processing (register) */
    E(0xFFE0F0F0, 0xFA00F000, "lsl_reg", d32_shift_reg, "lsl%s%c.w %d, %m, %S"),
    E(0xFFE0F0F0, 0xFA20F000, "lsr_reg", d32_shift_reg, "lsr%s%c.w %d, %m, %S"),
    E(0xFFE0F0F0, 0xFA40F000, "asr_reg", d32_shift_reg, "asr%s%c.w %d, %m, %S"),
    E(0xFFE0F0F0, 0xFA60F000, "ror_reg", d32_shift_reg, "ror%s%c.w %d, %m, %S"),
    E(0xFFF0F0C0, 0xFA00F080, "sxtah", d32_extend, NULL),
    O(0xFFFFF0C0, 0xFA0FF080, "sxth_w", NULL, "sxtah", d32_extend, NULL),
    E(0xFFF0F0C0, 0xFA10F080, "uxtah", d32_extend, NULL),
    O(0xFFFFF0C0, 0xFA1FF080, "uxth_w", NULL, "uxtah", d32_extend, NULL),
    E(0xFFF0F0C0, 0xFA20F080, "sxtab16", d32_extend, NULL),
    O(0xFFFFF0C0, 0xFA2FF080, "sxtb16", NULL, "sxtab16", d32_extend, NULL),
    E(0xFFF0F0C0, 0xFA30F080, "uxtab16", d32_extend, NULL),
    O(0xFFFFF0C0, 0xFA3FF080, "uxtb16", NULL, "uxtab16", d32_extend, NULL),
    E(0xFFF0F0C0, 0xFA40F080, "sxtab", d32_extend, NULL),
    O(0xFFFFF0C0, 0xFA4FF080, "sxtb_w", NULL, "sxtab", d32_extend, NULL),
    E(0xFFF0F0C0, 0xFA50F080, "uxtab", d32_extend, NULL),
    O(0xFFFFF0C0, 0xFA5FF080, "uxtb_w", NULL, "uxtab", d32_extend, NULL),
    PAR6(1u, "add16"), PAR6(2u, "asx"), PAR6(6u, "sax"),
    PAR6(5u, "sub16"), PAR6(0u, "add8"), PAR6(4u, "sub8"),
    E(0xFFF0F0F0, 0xFA80F080, "qadd", d32_qadd, "qadd%c %d, %m, %n"),
    E(0xFFF0F0F0, 0xFA80F090, "qdadd", d32_qadd, "qdadd%c %d, %m, %n"),
    E(0xFFF0F0F0, 0xFA80F0A0, "qsub", d32_qadd, "qsub%c %d, %m, %n"),
    E(0xFFF0F0F0, 0xFA80F0B0, "qdsub", d32_qadd, "qdsub%c %d, %m, %n"),
    E(0xFFF0F0F0, 0xFA90F080, "rev_w", d32_rev, "rev%c.w %d, %m"),
    E(0xFFF0F0F0, 0xFA90F090, "rev16_w", d32_rev, "rev16%c.w %d, %m"),
    E(0xFFF0F0F0, 0xFA90F0A0, "rbit", d32_rev, "rbit%c %d, %m"),
    E(0xFFF0F0F0, 0xFA90F0B0, "revsh_w", d32_rev, "revsh%c.w %d, %m"),
    E(0xFFF0F0F0, 0xFAA0F080, "sel", d32_sel, "sel%c %d, %n, %m"),
    E(0xFFF0F0F0, 0xFAB0F080, "clz", d32_clz, "clz%c %d, %m"),

    /* A6.3.16 multiply, multiply accumulate, absolute difference */
    E(0xFFF000F0, 0xFB000000, "mla", d32_mla, "mla%c %d, %n, %m, %a"),
    O(0xFFF0F0F0, 0xFB00F000, "mul_w", NULL, "mla", d32_mul0, "mul%c.w %d, %n, %m"),
    E(0xFFF000F0, 0xFB000010, "mls", d32_mla, "mls%c %d, %n, %m, %a"),
    E(0xFFF000C0, 0xFB100000, "smlaxy", d32_mla, NULL),
    O(0xFFF0F0C0, 0xFB10F000, "smulxy", NULL, "smlaxy", d32_mul0, NULL),
    E(0xFFF000E0, 0xFB200000, "smlad", d32_mla, NULL),
    O(0xFFF0F0E0, 0xFB20F000, "smuad", NULL, "smlad", d32_mul0, NULL),
    E(0xFFF000E0, 0xFB300000, "smlawy", d32_mla, NULL),
    O(0xFFF0F0E0, 0xFB30F000, "smulwy", NULL, "smlawy", d32_mul0, NULL),
    E(0xFFF000E0, 0xFB400000, "smlsd", d32_mla, NULL),
    O(0xFFF0F0E0, 0xFB40F000, "smusd", NULL, "smlsd", d32_mul0, NULL),
    E(0xFFF000E0, 0xFB500000, "smmla", d32_mla, NULL),
    O(0xFFF0F0E0, 0xFB50F000, "smmul", NULL, "smmla", d32_mul0, NULL),
    E(0xFFF000E0, 0xFB600000, "smmls", d32_mla, NULL),
    E(0xFFF000F0, 0xFB700000, "usada8", d32_mla, "usada8%c %d, %n, %m, %a"),
    O(0xFFF0F0F0, 0xFB70F000, "usad8", NULL, "usada8", d32_mul0, "usad8%c %d, %n, %m"),
    /* A6.3.17 long multiply (SDIV/UDIV are UNDEFINED on Cortex-A9: no entry) */
    E(0xFFF000F0, 0xFB800000, "smull", d32_mull, "smull%c %a, %d, %n, %m"),
    E(0xFFF000F0, 0xFBA00000, "umull", d32_mull, "umull%c %a, %d, %n, %m"),
    E(0xFFF000F0, 0xFBC00000, "smlal", d32_mull, "smlal%c %a, %d, %n, %m"),
    E(0xFFF000C0, 0xFBC00080, "smlalxy", d32_mull, NULL),
    E(0xFFF000E0, 0xFBC000C0, "smlald", d32_mull, NULL),
    E(0xFFF000E0, 0xFBD000C0, "smlsld", d32_mull, NULL),
    E(0xFFF000F0, 0xFBE00000, "umlal", d32_mull, "umlal%c %a, %d, %n, %m"),
    E(0xFFF000F0, 0xFBE00060, "umaal", d32_mull, "umaal%c %a, %d, %n, %m"),

    /* A6.3.18 coprocessor: MCR/MRC and MCRR/MRRC T1 (routed to arm_h_mcr... like A32) */
    E(0xFF100010, 0xEE000010, "mcr", d32_mcr, NULL),
    E(0xFF100010, 0xEE100010, "mrc", d32_mcr, NULL),
    E(0xFFF00000, 0xEC400000, "mcrr", d32_mcrr, NULL),
    E(0xFFF00000, 0xEC500000, "mrrc", d32_mcrr, NULL),

    /* A7.5/A7.6/A7.8 VFP and extension registers (T32 = 1110 + A32 bits 27:0;
     * vfp_decode.c through arm_vfp_decode_t32) */
    E(0xFF000E10, 0xEE000A00, "vfp_dp", arm_vfp_decode_t32, "%V"),
    O(0xFF000E10, 0xEE000A10, "vfp_xfer", NULL, "mcr mrc", arm_vfp_decode_t32, "%V"),
    O(0xFFE00E00, 0xEC400A00, "vfp_xfer64", NULL, "mcrr mrrc", arm_vfp_decode_t32, "%V"),
    E(0xFF000E00, 0xED000A00, "vfp_ls_p", arm_vfp_decode_t32, "%V"),
    E(0xFF800E00, 0xEC800A00, "vfp_ls_ia", arm_vfp_decode_t32, "%V"),
    /* A7.4 Advanced SIMD data processing (111U 1111), A7.7 loads/stores (1111 1001) */
    E(0xFF000000, 0xEF000000, "neon_dp_u0", arm_vfp_decode_t32, "%V"),
    E(0xFF000000, 0xFF000000, "neon_dp_u1", arm_vfp_decode_t32, "%V"),
    E(0xFF100000, 0xF9000000, "neon_ls", arm_vfp_decode_t32, "%V"),
};

const size_t t32_table32_len = sizeof t32_table32 / sizeof t32_table32[0];
