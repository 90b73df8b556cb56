/*
 * diff_unicorn_gen.cc - encoding tables, UNPREDICTABLE rules and the
 * weighted per-class generator of the Unicorn differential test.
 * See diff_unicorn_gen.h for the pattern language.
 *
 * Every rule below cites the condition of the ARM ARM (ARM DDI 0406C.d,
 * chapter A8 per-instruction pseudocode, "then UNPREDICTABLE") it filters.
 * Register fields are drawn uniformly (PC and SP included), so the rules
 * are what keeps those cases out; everything else is compared.
 */
#include "diff_unicorn_gen.h"

#include "arm/arm_cpu.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>

/* ---------------------------------------------------------------------- */
/* The documented skip list                                                */
/* ---------------------------------------------------------------------- */
const char *const diffgen_reject = "reject";
const char *const U_PC_OPERAND = "UNPREDICTABLE: PC as operand/destination (A8: 'if d == 15 || n == 15 ...')";
const char *const U_T32_SP_PC = "UNPREDICTABLE: T32 r13/r15 operand (A8: 'if d IN {13,15} ...')";
const char *const U_WB_RT = "UNPREDICTABLE: writeback with Rn == Rt/Rt2 (A8: 'if wback && n == t')";
const char *const U_WB_PC = "UNPREDICTABLE: writeback with Rn == PC (A8: 'if wback && n == 15')";
const char *const U_LIST_BASE_WB = "UNPREDICTABLE: LDM/STM writeback with base in list (A8.8.58, A8.8.199)";
const char *const U_STM_BASE = "UNKNOWN: STM base in list and not lowest, with writeback (A8.8.199)";
const char *const U_LIST_COUNT = "UNPREDICTABLE: register list too short (A8: 'BitCount(registers) < n')";
const char *const U_LIST_SP_PC = "UNPREDICTABLE: T32 LDM/STM list with SP, or PC and LR both (A8.8.58 T2)";
const char *const U_RDHI_RDLO = "UNPREDICTABLE: long multiply RdHi == RdLo (A8: 'if dHi == dLo')";
const char *const U_DUAL_RT = "UNPREDICTABLE: LDRD/STRD/LDREXD Rt odd, Rt == LR, Rt == Rt2 or Rm overlap (A8.8.72)";
const char *const U_EXCL_OVERLAP = "UNPREDICTABLE: STREX Rd == Rn/Rt/Rt2 (A8.8.212)";
const char *const U_SWP_OVERLAP = "UNPREDICTABLE: SWP Rn == Rt or Rn == Rt2 (A8.8.229)";
const char *const U_BITFIELD = "UNPREDICTABLE: bitfield msb < lsb or lsb+width > 32 (A8.8.20, A8.8.164)";
const char *const U_USER_ERET =
    "UNPREDICTABLE: exception return / SPSR access in User mode (B9.3); in SVC the SPSR is not synchronised";
const char *const U_IT_BRANCH = "UNPREDICTABLE: PC write or IT-forbidden insn inside IT block, not last (A8.8.54 IT)";
const char *const U_IT_COND = "UNPREDICTABLE: IT firstcond AL with more than one insn (A8.8.54)";
const char *const U_MSR_MASK = "UNPREDICTABLE: MSR with mask == 0 (A8.8.103)";
const char *const U_LOAD_PC_ALIGN = "UNPREDICTABLE: load to PC from address<1:0> != 00 (A8.8.63)";
const char *const U_BX_ARM_BIT1 =
    "UNPREDICTABLE: PC write to ARM state with address<1:0> != 00 (A2.3.2 BXWritePC, B1.8.10 exception return)";
const char *const D_UC_ISB_IT =
    "unicorn: ISB inside an IT block drops ITSTATE, later insns run unconditionally (QEMU 5.0; ARM ARM A2.5.2)";
const char *const U_CPS = "UNPREDICTABLE: CPS with inconsistent imod/M/A:I:F/mode fields (B9.3.2)";
const char *const H_CP15_PRIV = "harness: CP15 accesses are compared in User mode only (system state differs)";
const char *const H_TPIDR = "harness: TPIDRURW/TPIDRURO (c13) values are not synchronised";
const char *const U_PSR_RESERVED =
    "UNPREDICTABLE: MSR writes 1 to PSR bits 23:20 (reserved, SBZP) or J (B1.3.3)";
const char *const D_UC_DP_ERET =
    "unicorn: only SUBS (Rn != PC) / MOVS PC do an exception return; other S-ops to PC just set flags "
    "(ARM ARM B9.3.19)";
const char *const D_UC_VMRS_PL1 =
    "unicorn: VMRS/VMSR FPSID/FPEXC/MVFR at PL1 ignore CPACR = 0 (ARM ARM B4.1.40: UNDEFINED)";
const char *const U_BKPT_COND = "UNPREDICTABLE: BKPT with condition != AL (A8.8.24)";

/* ---------------------------------------------------------------------- */
/* Field access                                                           */
/* ---------------------------------------------------------------------- */
uint32_t DiffFields::operator()(char c) const {
    uint32_t v = 0;
    int k = (unsigned char)c & 127;
    for (int j = 0; j < e->field_len[k]; j++) v = (v << 1) | ((enc >> e->field_bits[k][j]) & 1u);
    return v;
}
bool DiffFields::has(char c) const { return e->field_len[(unsigned char)c & 127] > 0; }

static inline unsigned bitcount(uint32_t v) { return (unsigned)__builtin_popcount(v); }
static inline bool sp_pc(uint32_t r) { return r == 13 || r == 15; }
static inline uint32_t ror32(uint32_t v, unsigned s) { s &= 31; return s ? (v >> s) | (v << (32 - s)) : v; }

/* A32 immediate-shifted register value (for address rules), C from CPSR. */
static uint32_t a32_shift_imm(uint32_t v, unsigned type, unsigned imm5, bool carry) {
    switch (type) {
    case 0: return v << imm5;
    case 1: return imm5 ? v >> imm5 : 0;
    case 2: return imm5 ? (uint32_t)((int32_t)v >> imm5) : (uint32_t)((int32_t)v >> 31);
    default: return imm5 ? ror32(v, imm5) : ((carry ? 0x80000000u : 0) | (v >> 1));
    }
}

/* ---------------------------------------------------------------------- */
/* A32 rules                                                              */
/* ---------------------------------------------------------------------- */
static thread_local uint32_t g_cpsr; /* CPSR of the sample being filtered */

/* Data processing: imm, imm-shifted register, register-shifted register. */
static const char *a32_dp(const DiffFields &f, bool rsr) {
    uint32_t op = f('o'), S = f('S'), n = f('n'), d = f('d');
    bool test = op >= 8 && op <= 11;
    if (test && !S) return diffgen_reject;          /* misc / MOVW / MSR space */
    if (test && d != 0) return diffgen_reject;      /* Rd SBZ */
    if ((op == 13 || op == 15) && n != 0) return diffgen_reject; /* Rn SBZ */
    /* A8.8.x (register-shifted register): 'if d == 15 || n == 15 || m == 15 || s == 15' */
    if (rsr && (d == 15 || n == 15 || f('m') == 15 || f('s') == 15)) return U_PC_OPERAND;
    /* Rd == 15 with S == 1 is SUBS PC, LR and related (B9.3.19): UNPREDICTABLE in User mode. */
    if (!test && d == 15 && S) return U_USER_ERET;
    return nullptr;
}
static const char *r_a32_dp_imm(const DiffFields &f) { return a32_dp(f, false); }
static const char *r_a32_dp_reg(const DiffFields &f) { return a32_dp(f, false); }
static const char *r_a32_dp_rsr(const DiffFields &f) { return a32_dp(f, true); }
static const char *r_d15(const DiffFields &f) { return f('d') == 15 ? U_PC_OPERAND : nullptr; }
static const char *r_dnm15(const DiffFields &f) {
    if (f('d') == 15 || f('n') == 15 || f('m') == 15) return U_PC_OPERAND;
    return nullptr;
}
static const char *r_dnma15(const DiffFields &f) {
    if (f('d') == 15 || f('n') == 15 || f('m') == 15 || f('a') == 15) return U_PC_OPERAND;
    return nullptr;
}
static const char *r_dn15(const DiffFields &f) {
    return (f('d') == 15 || f('n') == 15) ? U_PC_OPERAND : nullptr;
}
static const char *r_dm15(const DiffFields &f) {
    return (f('d') == 15 || f('m') == 15) ? U_PC_OPERAND : nullptr;
}
static const char *r_long(const DiffFields &f) {
    if (f('h') == 15 || f('l') == 15 || f('n') == 15 || f('m') == 15) return U_PC_OPERAND;
    if (f('h') == f('l')) return U_RDHI_RDLO;
    return nullptr;
}
/* SMLAxy / SMLAWy / SMULWy / SMLALxy / SMULxy (A8.8.176..): Ra SBZ for the
 * non-accumulating forms; long form RdHi == RdLo. */
static const char *r_a32_smlaxy(const DiffFields &f) {
    uint32_t o = f('o');
    if ((o == 3 || (o == 1 && f('N'))) && f('a') != 0) return diffgen_reject;
    if (f('d') == 15 || f('n') == 15 || f('m') == 15 || f('a') == 15) return U_PC_OPERAND;
    if (o == 2 && f('d') == f('a')) return U_RDHI_RDLO;
    return nullptr;
}
/* Signed multiplies (A5.4.4): op1 bits 22:20, op2 bits 7:5. */
static const char *r_a32_media_mul(const DiffFields &f) {
    uint32_t op1 = f('o'), op2 = f('p');
    uint32_t d = f('d'), a = f('a'), n = f('n'), m = f('m');
    bool longf = op1 == 4;
    if (op1 == 1 || op1 == 3) {                      /* SDIV / UDIV: UNDEFINED on Cortex-A9 */
        if (op2 != 0 || a != 15) return diffgen_reject;
        return nullptr;
    }
    if (op1 == 0 && op2 >= 4) return diffgen_reject;
    if (op1 == 4 && op2 >= 4) return diffgen_reject;
    if (op1 == 5 && !(op2 <= 1 || op2 >= 6)) return diffgen_reject;
    if (op1 == 2 || op1 == 6 || op1 == 7) return diffgen_reject;
    if (d == 15 || n == 15 || m == 15) return U_PC_OPERAND;
    if (longf) {
        if (a == 15) return U_PC_OPERAND;
        if (a == d) return U_RDHI_RDLO;
    }
    if (op1 == 5 && op2 >= 6 && a == 15) return U_PC_OPERAND; /* SMMLS Ra == 15 */
    return nullptr;
}
static const char *r_a32_xtend(const DiffFields &f) {
    uint32_t o = f('o');
    if (o == 1 || o == 5) return diffgen_reject;
    return r_dm15(f);
}
static const char *r_a32_bfx(const DiffFields &f) {
    if (f('d') == 15 || f('n') == 15) return U_PC_OPERAND;
    if (f('e') + f('w') > 31) return U_BITFIELD;
    return nullptr;
}
static const char *r_a32_bfi(const DiffFields &f) {
    if (f('d') == 15) return U_PC_OPERAND;
    if (f('w') < f('e')) return U_BITFIELD;
    return nullptr;
}

/* LDR/STR/LDRB/STRB (A8.8.62..., A8.8.203...), imm12 and register forms. */
static const char *a32_ldst(const DiffFields &f, bool reg) {
    uint32_t P = f('P'), U = f('U'), B = f('B'), W = f('W'), L = f('L');
    uint32_t n = f('n'), t = f('t');
    bool wback = !P || W;
    bool user = !P && W; /* LDRT/STRT/LDRBT/STRBT */
    if (reg && f('m') == 15) return U_PC_OPERAND;
    if (user) {
        if (n == 15) return U_WB_PC;
        if (n == t) return U_WB_RT;
        if ((L || B) && t == 15) return U_PC_OPERAND;
        return nullptr;
    }
    if (wback && n == 15) return U_WB_PC;
    if (wback && n == t) return U_WB_RT;
    if (B && t == 15) return U_PC_OPERAND;
    if (L && !B && t == 15) {
        uint32_t base = n == 15 ? ((f.pc + 8) & ~3u) : f.rv(n);
        uint32_t off = reg ? a32_shift_imm(f.rv(f('m')), f('y'), f('i'), (g_cpsr >> 29) & 1) : f('i');
        uint32_t addr = P ? (U ? base + off : base - off) : base;
        if (addr & 3) return U_LOAD_PC_ALIGN;
    }
    return nullptr;
}
static const char *r_a32_ldst_imm(const DiffFields &f) { return a32_ldst(f, false); }
static const char *r_a32_ldst_reg(const DiffFields &f) { return a32_ldst(f, true); }

/* Extra load/store: LDRH/STRH/LDRSB/LDRSH/LDRD/STRD and the T forms (A5.2.8). */
static const char *a32_ldst_x(const DiffFields &f, bool reg) {
    uint32_t op = f('o'), P = f('P'), W = f('W'), L = f('L'), n = f('n'), t = f('t');
    bool wback = !P || W;
    if (op == 0) return diffgen_reject;
    bool dual = !L && op >= 2;
    if (dual) {
        if ((t & 1) || t == 14) return U_DUAL_RT;
        if (!P && W) return U_DUAL_RT;
        if (wback && n == 15) return U_WB_PC;
        if (wback && (n == t || n == t + 1)) return U_WB_RT;
        if (reg) {
            uint32_t m = f('m');
            if (m == 15) return U_PC_OPERAND;
            if (op == 2 && (m == t || m == t + 1)) return U_DUAL_RT;
        }
        return nullptr;
    }
    if (reg && f('m') == 15) return U_PC_OPERAND;
    if (!P && W) { /* LDRHT/STRHT/LDRSBT/LDRSHT (A8.8.80...) */
        if (t == 15 || n == 15) return U_PC_OPERAND;
        if (n == t) return U_WB_RT;
        return nullptr;
    }
    if (t == 15) return U_PC_OPERAND;
    if (wback && n == 15) return U_WB_PC;
    if (wback && n == t) return U_WB_RT;
    return nullptr;
}
static bool a32_is_dual(const DiffFields &f) { return !f('L') && f('o') >= 2; }
static const char *r_a32_ldrh_imm(const DiffFields &f) { return a32_is_dual(f) ? diffgen_reject : a32_ldst_x(f, false); }
static const char *r_a32_ldrh_reg(const DiffFields &f) { return a32_is_dual(f) ? diffgen_reject : a32_ldst_x(f, true); }
static const char *r_a32_ldrd_imm(const DiffFields &f) { return a32_is_dual(f) ? a32_ldst_x(f, false) : diffgen_reject; }
static const char *r_a32_ldrd_reg(const DiffFields &f) { return a32_is_dual(f) ? a32_ldst_x(f, true) : diffgen_reject; }

static unsigned lowest_set(uint32_t v) { return v ? (unsigned)__builtin_ctz(v) : 32u; }

static const char *r_a32_ldm(const DiffFields &f) {
    uint32_t n = f('n'), list = f('r'), W = f('W'), L = f('L');
    if (n == 15) return U_PC_OPERAND;
    if (bitcount(list) < 1) return U_LIST_COUNT;
    if (W && ((list >> n) & 1)) return L ? U_LIST_BASE_WB : (n != lowest_set(list) ? U_STM_BASE : nullptr);
    return nullptr;
}
static const char *r_a32_swp(const DiffFields &f) {
    uint32_t t = f('t'), n = f('n'), m = f('m');
    if (t == 15 || n == 15 || m == 15) return U_PC_OPERAND;
    if (n == t || n == m) return U_SWP_OVERLAP;
    return nullptr;
}
static const char *r_a32_ldrex(const DiffFields &f) {
    if (f('t') == 15 || f('n') == 15) return U_PC_OPERAND;
    return nullptr;
}
static const char *r_a32_ldrexd(const DiffFields &f) {
    if (f('n') == 15) return U_PC_OPERAND;
    if ((f('t') & 1) || f('t') == 14) return U_DUAL_RT;
    return nullptr;
}
static const char *r_a32_strex(const DiffFields &f) {
    uint32_t d = f('d'), t = f('t'), n = f('n');
    if (d == 15 || t == 15 || n == 15) return U_PC_OPERAND;
    if (d == n || d == t) return U_EXCL_OVERLAP;
    return nullptr;
}
static const char *r_a32_strexd(const DiffFields &f) {
    uint32_t d = f('d'), t = f('t'), n = f('n');
    if (d == 15 || n == 15) return U_PC_OPERAND;
    if ((t & 1) || t == 14) return U_DUAL_RT;
    if (d == n || d == t || d == t + 1) return U_EXCL_OVERLAP;
    return nullptr;
}
static const char *r_a32_blx_reg(const DiffFields &f) { return f('m') == 15 ? U_PC_OPERAND : nullptr; }
static const char *r_a32_mrs(const DiffFields &f) {
    if (f('R')) return U_USER_ERET;
    return r_d15(f);
}
static const char *r_a32_msr_reg(const DiffFields &f) {
    if (f('R')) return U_USER_ERET;
    if (f('k') == 0) return U_MSR_MASK;
    if (f('n') == 15) return U_PC_OPERAND;
    return nullptr;
}
static const char *r_a32_msr_imm(const DiffFields &f) {
    if (f('k') == 0 && !f('R')) return diffgen_reject; /* hint space */
    if (f('R')) return U_USER_ERET;
    if (f('k') == 0) return U_MSR_MASK;
    return nullptr;
}
static const char *r_hint_plain(const DiffFields &f) {
    uint32_t o = f('o');
    if (o == 0 || o == 3 || o == 4 || (o >> 4) == 0xF) return nullptr;
    return diffgen_reject;
}
static const char *r_hint_yield(const DiffFields &f) {
    uint32_t o = f('o');
    return (o == 1 || o == 2) ? nullptr : diffgen_reject;
}
static const char *r_a32_barrier(const DiffFields &f) {
    uint32_t o = f('o');
    if (o == 1) return f('i') == 15 ? nullptr : diffgen_reject;
    if (o == 4 || o == 5 || o == 6) return nullptr;
    return diffgen_reject;
}
static const char *r_a32_pld_reg(const DiffFields &f) {
    if (f('m') == 15) return U_PC_OPERAND;
    if (!f('R') && f('n') == 15) return U_PC_OPERAND; /* PLDW (register) n == 15 */
    return nullptr;
}
/* Coprocessor space. The Cortex-A9 has CP14 (debug), CP15 (system control)
 * and CP10/CP11 (VFP/NEON, disabled at reset: CPACR = 0, FPEXC.EN = 0, so
 * UNDEFINED in both models, Unicorn included); every other coprocessor
 * number is UNDEFINED. CP14 is not generated. */
static const char *r_cp_other(const DiffFields &f) {
    uint32_t cp = f('p');
    if (cp == 14 || cp == 15) return diffgen_reject;
    /* VMRS/VMSR (MRC/MCR p10, #7) of FPSID/MVFR0/MVFR1/FPEXC: Unicorn
     * allows them at PL1 although CPACR = 0 (checked by hand); ARM ARM
     * B4.1.40 CPACR: access denied makes every CP10/CP11 access UNDEFINED. */
    if (cp == 10 && ((f.enc >> 21) & 0x7F) == 0x77 && f.bit(4) && (g_cpsr & ARM_MODE_MASK) != ARM_MODE_USR)
        return D_UC_VMRS_PL1;
    return nullptr;
}
/* MRC/MCR p15 from User mode: UNDEFINED except the c7 barrier operations
 * (and c13 thread ID registers, not compared). */
static const char *cp15_rule(const DiffFields &f, bool t32) {
    if ((g_cpsr & ARM_MODE_MASK) != ARM_MODE_USR) return H_CP15_PRIV;
    if (f('n') == 13) return H_TPIDR;
    uint32_t t = f('t');
    if (!f('L') && t == 15) return U_PC_OPERAND; /* MCR: 'if t == 15 ...' */
    if (t32 && t == 13) return U_T32_SP_PC;
    return nullptr;
}
static const char *r_a32_cp15(const DiffFields &f) { return cp15_rule(f, false); }
static const char *r_t32_cp15(const DiffFields &f) { return cp15_rule(f, true); }
static const char *r_cp15_64(const DiffFields &) {
    return (g_cpsr & ARM_MODE_MASK) != ARM_MODE_USR ? H_CP15_PRIV : nullptr;
}
/* CPS (B9.3.2): imod 01 UNPREDICTABLE; imod 00 with M 0 is another encoding;
 * A:I:F must be non-zero exactly when imod<1> is set; mode only with M. */
static const char *r_cps(const DiffFields &f) {
    uint32_t imod = f('o'), M = f('M'), aif = f('F'), mode = f('m');
    if (imod == 0 && M == 0) return diffgen_reject;
    if (imod == 1) return U_CPS;
    if ((imod >> 1) ? aif == 0 : aif != 0) return U_CPS;
    if (!M && mode != 0) return U_CPS;
    return nullptr;
}
static const char *r_t16_cps(const DiffFields &f) { return f('F') == 0 ? U_CPS : nullptr; }

/* Privileged-only forms (SVC-mode samples; the SPSR is set first). */
static const char *r_a32_dp_eret(const DiffFields &f) {
    uint32_t op = f('o');
    if (op >= 8 && op <= 11) return diffgen_reject;              /* TST..CMN: not a PC write */
    if ((op == 13 || op == 15) && f('n') != 0) return diffgen_reject;
    /* Unicorn 2.0.1 does the exception return only for SUBS and MOVS; the
     * other data-processing ops with S and Rd == PC just set the flags
     * (checked by hand), although ARM ARM B9.3.19 makes all of them
     * exception returns. */
    if ((op != 2 && op != 13) || (op == 2 && f('n') == 15)) return D_UC_DP_ERET;
    return nullptr;
}
static const char *r_a32_subs_pc(const DiffFields &f) {
    /* Unicorn 2.0.1 handles SUBS PC, PC, ... like ADR: no exception return */
    return f('n') == 15 ? D_UC_DP_ERET : nullptr;
}
static const char *r_a32_ldm_eret(const DiffFields &f) {
    uint32_t n = f('n'), list = f('r') | 0x8000u;
    if (n == 15) return U_PC_OPERAND;
    if (f('W') && ((list >> n) & 1)) return U_LIST_BASE_WB;
    return nullptr;
}
static const char *r_spsr_msr(const DiffFields &f) {
    uint32_t k = f('k');
    if (k == 0) return U_MSR_MASK;
    if (f.has('n') && (f.thumb ? sp_pc(f('n')) : f('n') == 15)) return f.thumb ? U_T32_SP_PC : U_PC_OPERAND;
    uint32_t v = f.has('n') ? f.rv(f('n')) : ror32(f('i') & 0xFF, 2 * (f('i') >> 8));
    if (((k & 4) && (v & 0x00F00000u)) || ((k & 8) && (v & 0x01000000u))) return U_PSR_RESERVED;
    return nullptr;
}
static const char *r_spsr_mrs(const DiffFields &f) {
    if (f.thumb ? sp_pc(f('d')) : f('d') == 15) return f.thumb ? U_T32_SP_PC : U_PC_OPERAND;
    return nullptr;
}

/* ---------------------------------------------------------------------- */
/* T32 rules                                                              */
/* ---------------------------------------------------------------------- */
static const char *it_pc_write(const DiffFields &f) {
    return (f.in_it && !f.last_in_it) ? U_IT_BRANCH : nullptr;
}
static const char *r_t16_shift(const DiffFields &f) {
    if (f('o') == 3) return diffgen_reject;
    /* MOVS (register) T2 (LSL #0) is UNPREDICTABLE inside an IT block (MOV (register), T2) */
    if (f('o') == 0 && f('i') == 0 && f.in_it) return U_IT_BRANCH;
    return nullptr;
}
static const char *r_t16_addhi(const DiffFields &f) {
    if (f('d') == 15 && f('m') == 15) return U_PC_OPERAND;
    if (f('d') == 15) return it_pc_write(f);
    return nullptr;
}
static const char *r_t16_cmphi(const DiffFields &f) {
    if (f('n') < 8 && f('m') < 8) return U_T32_SP_PC; /* A8.8.38 T2: 'if n < 8 && m < 8' */
    if (f('n') == 15 || f('m') == 15) return U_PC_OPERAND;
    return nullptr;
}
static const char *r_t16_movhi(const DiffFields &f) {
    if (f('d') == 15) return it_pc_write(f);
    return nullptr;
}
static const char *r_t16_bx(const DiffFields &f) { return it_pc_write(f); }
static const char *r_t16_blx(const DiffFields &f) {
    if (f('m') == 15) return U_PC_OPERAND;
    return it_pc_write(f);
}
static const char *r_t16_push(const DiffFields &f) {
    return (f('r') == 0 && f('M') == 0) ? U_LIST_COUNT : nullptr;
}
static const char *r_t16_pop(const DiffFields &f) {
    if (f('r') == 0 && f('P') == 0) return U_LIST_COUNT;
    if (f('P')) return it_pc_write(f);
    return nullptr;
}
static const char *r_t16_stm(const DiffFields &f) {
    uint32_t n = f('n'), list = f('r');
    if (list == 0) return U_LIST_COUNT;
    if (((list >> n) & 1) && n != lowest_set(list)) return U_STM_BASE;
    return nullptr;
}
static const char *r_t16_ldm(const DiffFields &f) { return f('r') == 0 ? U_LIST_COUNT : nullptr; }
static const char *r_t16_hint(const DiffFields &f) {
    uint32_t o = f('o');
    /* Unicorn ends emulation after WFI (EXCP_HLT), so inside an IT block
     * WFI is generated only as the last instruction. */
    if (o == 3 && f.in_it && !f.last_in_it) return diffgen_reject;
    return (o == 0 || o == 3 || o == 4) ? nullptr : diffgen_reject;
}

/* T32 data processing, modified immediate and shifted register (A6.3.1, A6.3.11). */
static const char *t32_dp(const DiffFields &f, bool reg) {
    uint32_t op = f('o'), S = f('S'), n = f('n'), d = f('d');
    uint32_t m = reg ? f('m') : 0;
    bool valid = op <= 4 || op == 8 || op == 10 || op == 11 || op == 13 || op == 14 || (reg && op == 6);
    if (!valid) return diffgen_reject;
    if (op == 6) { /* PKHBT/PKHTB: S and bit 4 are (0) */
        if (S || f.bit(4)) return diffgen_reject;
        if (sp_pc(d) || sp_pc(n) || sp_pc(m)) return U_T32_SP_PC;
        return nullptr;
    }
    bool testable = op == 0 || op == 4 || op == 8 || op == 13;
    if (testable && d == 15 && S) { /* TST/TEQ/CMN/CMP */
        if (n == 15) return U_T32_SP_PC;
        if ((op == 0 || op == 4) && n == 13) return U_T32_SP_PC;
        if (reg && sp_pc(m)) return U_T32_SP_PC;
        return nullptr;
    }
    if ((op == 2 || op == 3) && n == 15) { /* MOV / MVN */
        if (sp_pc(d)) return U_T32_SP_PC;
        if (reg && sp_pc(m)) return U_T32_SP_PC;
        return nullptr;
    }
    if ((op == 8 || op == 13) && n == 13) { /* ADD/SUB (SP plus ...) */
        if (d == 15) return U_T32_SP_PC;
        if (reg && (sp_pc(m) || (d == 13 && (f('y') != 0 || f('i') > 3)))) return U_T32_SP_PC;
        return nullptr;
    }
    if (sp_pc(d) || sp_pc(n) || (reg && sp_pc(m))) return U_T32_SP_PC;
    return nullptr;
}
static const char *r_t32_dp_imm(const DiffFields &f) { return t32_dp(f, false); }
static const char *r_t32_dp_reg(const DiffFields &f) { return t32_dp(f, true); }
static const char *r_t32_addw(const DiffFields &f) {
    uint32_t d = f('d'), n = f('n');
    if (d == 15) return U_T32_SP_PC;
    if (d == 13 && n != 13) return U_T32_SP_PC;
    return nullptr;
}
static const char *r_t32_d_sp_pc(const DiffFields &f) { return sp_pc(f('d')) ? U_T32_SP_PC : nullptr; }
static const char *r_t32_sat(const DiffFields &f) {
    /* sh == 1 with imm3:imm2 == 0 is SSAT16/USAT16, whose bits 5:4 are (0) */
    if (f('S') && f('i') == 0 && (f('w') & 0x10)) return diffgen_reject;
    if (sp_pc(f('d')) || sp_pc(f('n'))) return U_T32_SP_PC;
    return nullptr;
}
static const char *r_t32_bfx(const DiffFields &f) {
    if (sp_pc(f('d')) || sp_pc(f('n'))) return U_T32_SP_PC;
    if (f('i') + f('w') > 31) return U_BITFIELD;
    return nullptr;
}
static const char *r_t32_bfi(const DiffFields &f) {
    if (sp_pc(f('d')) || f('n') == 13) return U_T32_SP_PC;
    if (f('w') < f('i')) return U_BITFIELD;
    return nullptr;
}
static const char *r_t32_bcond(const DiffFields &f) { return f('c') >= 14 ? diffgen_reject : nullptr; }
static const char *r_t32_branch(const DiffFields &f) { return it_pc_write(f); }
static const char *r_t32_bxj(const DiffFields &f) {
    if (sp_pc(f('m'))) return U_T32_SP_PC; /* BXJ T1: 'if m IN {13,15}' */
    return it_pc_write(f);
}
static const char *r_t32_msr(const DiffFields &f) {
    if (f('k') == 0) return U_MSR_MASK;
    if (sp_pc(f('n'))) return U_T32_SP_PC;
    return nullptr;
}
static const char *r_t32_barrier(const DiffFields &f) {
    uint32_t o = f('o');
    if (o == 2) return f('i') == 15 ? nullptr : diffgen_reject;
    if (o == 6 && f.in_it && !f.last_in_it) return D_UC_ISB_IT;
    return (o == 4 || o == 5 || o == 6) ? nullptr : diffgen_reject;
}
static const char *r_t32_ldm(const DiffFields &f) {
    uint32_t op = f('o'), n = f('n'), W = f('W'), L = f('L');
    uint32_t list = f('r') | (f('M') << 14) | (f('P') << 15);
    if (op != 1 && op != 2) return diffgen_reject;
    if (!L && (f('P') || f('M'))) return diffgen_reject; /* STM: PC, SP (0) */
    if (n == 15) return U_PC_OPERAND;
    if (bitcount(list) < 2) return U_LIST_COUNT;
    if (L && f('P') && f('M')) return U_LIST_SP_PC;
    if (W && ((list >> n) & 1)) return U_LIST_BASE_WB;
    if (L && f('P')) return it_pc_write(f);
    return nullptr;
}
static const char *r_t32_ldrd(const DiffFields &f) {
    uint32_t P = f('P'), W = f('W'), L = f('L'), n = f('n'), t = f('t'), t2 = f('T');
    if (!P && !W) return diffgen_reject; /* exclusive / table branch space */
    if (sp_pc(t) || sp_pc(t2)) return U_DUAL_RT;
    if (L && t == t2) return U_DUAL_RT;
    if (W && n == 15) return U_WB_PC;
    if (W && (n == t || n == t2)) return U_WB_RT;
    if (!L && n == 15) return U_PC_OPERAND;
    return nullptr;
}
static const char *r_t32_ldrex(const DiffFields &f) {
    if (sp_pc(f('t')) || f('n') == 15) return U_T32_SP_PC;
    return nullptr;
}
static const char *r_t32_ldrexd(const DiffFields &f) {
    if (sp_pc(f('t')) || sp_pc(f('T')) || f('n') == 15) return U_T32_SP_PC;
    if (f('t') == f('T')) return U_DUAL_RT;
    return nullptr;
}
static const char *r_t32_strex(const DiffFields &f) {
    uint32_t d = f('d'), t = f('t'), n = f('n');
    if (sp_pc(d) || sp_pc(t) || n == 15) return U_T32_SP_PC;
    if (d == n || d == t) return U_EXCL_OVERLAP;
    return nullptr;
}
static const char *r_t32_strexd(const DiffFields &f) {
    uint32_t d = f('d'), t = f('t'), t2 = f('T'), n = f('n');
    if (sp_pc(d) || sp_pc(t) || sp_pc(t2) || n == 15) return U_T32_SP_PC;
    if (d == n || d == t || d == t2) return U_EXCL_OVERLAP;
    return nullptr;
}
static const char *r_t32_tbb(const DiffFields &f) {
    if (f('n') == 13 || sp_pc(f('m'))) return U_T32_SP_PC;
    return it_pc_write(f);
}

/* T32 single loads/stores (A6.3.7..A6.3.10). form: 0 imm12, 1 imm8, 2 reg, 3 literal. */
static const char *t32_ldst(const DiffFields &f, int form, bool sgn) {
    uint32_t sz = f('o'), L = sgn ? 1 : f('L'), n = form == 3 ? 15 : f('n'), t = f('t');
    uint32_t P = f('P'), U = f('U'), W = f('W');
    if (sz == 3 || (sgn && sz >= 2)) return diffgen_reject;
    if (form != 3 && n == 15) return diffgen_reject; /* literal forms are their own entry */
    bool unpriv = form == 1 && P && U && !W;
    bool wback = form == 1 && W;
    bool word = sz == 2 && !sgn;
    if (form == 2 && sp_pc(f('m'))) return U_T32_SP_PC;
    if (form == 1 && !P && !W) return nullptr; /* UNDEFINED: both must trap */
    if (!L) {
        if (t == 15) return U_T32_SP_PC;
        if (!word && t == 13) return U_T32_SP_PC;
        if (wback && n == t) return U_WB_RT;
        return nullptr;
    }
    if (t == 15) {
        if (!word) {
            /* PLD/PLI/NOP hints when not unprivileged/writeback, else UNPREDICTABLE */
            if (form == 1 && !(P && !U && !W)) return U_T32_SP_PC;
            return nullptr;
        }
        if (unpriv) return U_T32_SP_PC;
        if (wback && n == t) return U_WB_RT;
        const char *r = it_pc_write(f);
        if (r) return r;
        uint32_t base = n == 15 ? ((f.pc + 4) & ~3u) : f.rv(n);
        uint32_t addr;
        if (form == 0) addr = base + f('i');
        else if (form == 3) addr = U ? base + f('i') : base - f('i');
        else if (form == 2) addr = base + (f.rv(f('m')) << f('i'));
        else addr = P ? (U ? base + f('i') : base - f('i')) : base;
        if (addr & 3) return U_LOAD_PC_ALIGN;
        return nullptr;
    }
    if (t == 13 && (!word || unpriv)) return U_T32_SP_PC;
    if (wback && n == t) return U_WB_RT;
    return nullptr;
}
static const char *r_t32_ld_imm12(const DiffFields &f) { return t32_ldst(f, 0, false); }
static const char *r_t32_ld_imm8(const DiffFields &f) { return t32_ldst(f, 1, false); }
static const char *r_t32_ld_reg(const DiffFields &f) { return t32_ldst(f, 2, false); }
static const char *r_t32_ld_lit(const DiffFields &f) { return t32_ldst(f, 3, false); }
static const char *r_t32_lds_imm12(const DiffFields &f) { return t32_ldst(f, 0, true); }
static const char *r_t32_lds_imm8(const DiffFields &f) { return t32_ldst(f, 1, true); }
static const char *r_t32_lds_reg(const DiffFields &f) { return t32_ldst(f, 2, true); }
static const char *r_t32_lds_lit(const DiffFields &f) { return t32_ldst(f, 3, true); }

static const char *r_t32_mul(const DiffFields &f) {
    uint32_t o = f('o'), p = f('p'), a = f('a');
    bool ok = (o == 0 && p <= 1) || o == 1 || (o >= 2 && o <= 6 && p <= 1) || (o == 7 && p == 0);
    if (!ok) return diffgen_reject;
    if (sp_pc(f('d')) || sp_pc(f('n')) || sp_pc(f('m')) || a == 13) return U_T32_SP_PC;
    if (a == 15 && ((o == 0 && p == 1) || o == 6)) return U_T32_SP_PC; /* MLS / SMMLS */
    return nullptr;
}
static const char *r_t32_mull(const DiffFields &f) {
    uint32_t o = f('o'), p = f('p');
    bool div = (o == 1 || o == 3) && p == 15;
    bool ok = div || (o == 0 && p == 0) || (o == 2 && p == 0) || (o == 4 && (p == 0 || (p >= 8 && p <= 13))) ||
              (o == 5 && (p == 12 || p == 13)) || (o == 6 && (p == 0 || p == 6));
    if (!ok) return diffgen_reject;
    if (div) {
        if (f('l') != 15) return diffgen_reject;
        if (sp_pc(f('h')) || sp_pc(f('n')) || sp_pc(f('m'))) return U_T32_SP_PC;
        return nullptr;
    }
    if (sp_pc(f('h')) || sp_pc(f('l')) || sp_pc(f('n')) || sp_pc(f('m'))) return U_T32_SP_PC;
    if (f('h') == f('l')) return U_RDHI_RDLO;
    return nullptr;
}
static const char *r_t32_dnm(const DiffFields &f) {
    if (sp_pc(f('d')) || sp_pc(f('n')) || sp_pc(f('m'))) return U_T32_SP_PC;
    return nullptr;
}
static const char *r_t32_xtend(const DiffFields &f) {
    if (f('o') >= 6) return diffgen_reject;
    if (sp_pc(f('d')) || sp_pc(f('m')) || f('n') == 13) return U_T32_SP_PC;
    return nullptr;
}
static const char *r_t32_par(const DiffFields &f) {
    uint32_t o = f('o');
    if (o == 3 || o == 7 || f('q') == 3) return diffgen_reject;
    return r_t32_dnm(f);
}
static const char *r_t32_misc(const DiffFields &f) {
    uint32_t o = f('o'), p = f('p');
    if (o == 0) return r_t32_dnm(f);
    if ((o == 1) || (o == 3 && p == 0)) {
        if (f('n') != f('m')) return diffgen_reject; /* Rm encoded twice must agree */
        return r_t32_dnm(f);
    }
    if (o == 2 && p == 0) return r_t32_dnm(f);
    return diffgen_reject;
}

/* ---------------------------------------------------------------------- */
/* Tables                                                                 */
/* ---------------------------------------------------------------------- */
#define E(name, cls, pat, rule, flags, w) DiffEntry{name, cls, pat, rule, flags, w}

static std::vector<DiffEntry> g_a32 = {
    /* data processing */
    E("dp imm", "dp_imm", "cccc 001o oooS nnnn dddd iiii iiii iiii", r_a32_dp_imm, DG_BRANCH, 4),
    E("movw/movt", "dp_imm", "cccc 0011 0B00 iiii dddd iiii iiii iiii", r_d15, 0, 1),
    E("dp reg", "dp_reg", "cccc 000o oooS nnnn dddd iiii iyy0 mmmm", r_a32_dp_reg, DG_BRANCH, 1),
    E("dp rsr", "dp_rsr", "cccc 000o oooS nnnn dddd ssss 0yy1 mmmm", r_a32_dp_rsr, 0, 1),
    /* multiplies */
    E("mul", "multiply", "cccc 0000 000S dddd 0000 mmmm 1001 nnnn", r_dnm15, 0, 1),
    E("mla", "multiply", "cccc 0000 001S dddd aaaa mmmm 1001 nnnn", r_dnma15, 0, 1),
    E("mls", "multiply", "cccc 0000 0110 dddd aaaa mmmm 1001 nnnn", r_dnma15, 0, 1),
    E("umaal", "multiply", "cccc 0000 0100 hhhh llll mmmm 1001 nnnn", r_long, 0, 1),
    E("mull/mlal", "multiply", "cccc 0000 1ooS hhhh llll mmmm 1001 nnnn", r_long, 0, 3),
    E("smlaxy", "multiply", "cccc 0001 0oo0 dddd aaaa mmmm 1MN0 nnnn", r_a32_smlaxy, 0, 3),
    E("media mul", "multiply", "cccc 0111 0ooo dddd aaaa mmmm ppp1 nnnn", r_a32_media_mul, 0, 3),
    /* saturating */
    E("qadd/qsub", "saturate", "cccc 0001 0oo0 nnnn dddd 0000 0101 mmmm", r_dnm15, 0, 2),
    E("ssat/usat", "saturate", "cccc 0110 1U1w wwww dddd iiii iS01 nnnn", r_dn15, 0, 2),
    E("ssat16/usat16", "saturate", "cccc 0110 1U10 wwww dddd 1111 0011 nnnn", r_dn15, 0, 1),
    /* parallel add/sub */
    E("parallel", "parallel", "cccc 0110 0ppp nnnn dddd 1111 ooo1 mmmm", r_dnm15, 0, 1),
    /* extend / pack */
    E("pkh", "extend_pack", "cccc 0110 1000 nnnn dddd iiii iT01 mmmm", r_dnm15, 0, 1),
    E("sxt/uxt", "extend_pack", "cccc 0110 1ooo nnnn dddd rr00 0111 mmmm", r_a32_xtend, 0, 3),
    /* misc */
    E("sel", "misc", "cccc 0110 1000 nnnn dddd 1111 1011 mmmm", r_dnm15, 0, 1),
    E("rev/rbit", "misc", "cccc 0110 1o11 1111 dddd 1111 p011 mmmm", r_dm15, 0, 2),
    E("clz", "misc", "cccc 0001 0110 1111 dddd 1111 0001 mmmm", r_dm15, 0, 1),
    E("usad8", "misc", "cccc 0111 1000 dddd aaaa mmmm 0001 nnnn", r_dnm15, 0, 1),
    /* bitfield */
    E("sbfx/ubfx", "bitfield", "cccc 0111 1U1w wwww dddd eeee e101 nnnn", r_a32_bfx, 0, 2),
    E("bfc/bfi", "bitfield", "cccc 0111 110w wwww dddd eeee e001 nnnn", r_a32_bfi, 0, 2),
    /* loads and stores */
    E("ldr/str imm", "ldst", "cccc 010P UBWL nnnn tttt iiii iiii iiii", r_a32_ldst_imm, DG_BRANCH, 2),
    E("ldr/str reg", "ldst", "cccc 011P UBWL nnnn tttt iiii iyy0 mmmm", r_a32_ldst_reg, DG_BRANCH, 2),
    E("ldrh/strh/ldrs imm", "ldst_x", "cccc 000P U1WL nnnn tttt iiii 1oo1 iiii", r_a32_ldrh_imm, 0, 2),
    E("ldrh/strh/ldrs reg", "ldst_x", "cccc 000P U0WL nnnn tttt 0000 1oo1 mmmm", r_a32_ldrh_reg, 0, 1),
    E("ldrd/strd imm", "ldst_x", "cccc 000P U1W0 nnnn tttt iiii 1oo1 iiii", r_a32_ldrd_imm, DG_ALIGN4, 2),
    E("ldrd/strd reg", "ldst_x", "cccc 000P U0W0 nnnn tttt 0000 1oo1 mmmm", r_a32_ldrd_reg, DG_ALIGN4, 1),
    E("ldm/stm", "ldm_stm", "cccc 100P U0WL nnnn rrrr rrrr rrrr rrrr", r_a32_ldm, DG_ALIGN4 | DG_BRANCH, 1),
    E("swp", "swp", "cccc 0001 0000 nnnn tttt 0000 1001 mmmm", r_a32_swp, DG_ALIGN4, 1),
    E("swpb", "swp", "cccc 0001 0100 nnnn tttt 0000 1001 mmmm", r_a32_swp, 0, 1),
    /* exclusives (also generated as LDREX+STREX / CLREX+STREX sequences) */
    E("ldrex", "exclusive", "cccc 0001 1001 nnnn tttt 1111 1001 1111", r_a32_ldrex, DG_ALIGN4, 1),
    E("ldrexd", "exclusive", "cccc 0001 1011 nnnn tttt 1111 1001 1111", r_a32_ldrexd, DG_ALIGN8, 1),
    E("ldrexb", "exclusive", "cccc 0001 1101 nnnn tttt 1111 1001 1111", r_a32_ldrex, 0, 1),
    E("ldrexh", "exclusive", "cccc 0001 1111 nnnn tttt 1111 1001 1111", r_a32_ldrex, DG_ALIGN2, 1),
    E("strex", "exclusive", "cccc 0001 1000 nnnn dddd 1111 1001 tttt", r_a32_strex, DG_ALIGN4, 0),
    E("strexd", "exclusive", "cccc 0001 1010 nnnn dddd 1111 1001 tttt", r_a32_strexd, DG_ALIGN8, 0),
    E("strexb", "exclusive", "cccc 0001 1100 nnnn dddd 1111 1001 tttt", r_a32_strex, 0, 0),
    E("strexh", "exclusive", "cccc 0001 1110 nnnn dddd 1111 1001 tttt", r_a32_strex, DG_ALIGN2, 0),
    /* branches */
    E("b/bl", "branch", "cccc 101L iiii iiii iiii iiii iiii iiii", nullptr, DG_BRANCH, 2),
    E("blx imm", "branch", "1111 101H iiii iiii iiii iiii iiii iiii", nullptr, DG_BRANCH, 1),
    E("bx", "branch", "cccc 0001 0010 1111 1111 1111 0001 mmmm", nullptr, DG_BRANCH, 1),
    E("blx reg", "branch", "cccc 0001 0010 1111 1111 1111 0011 mmmm", r_a32_blx_reg, DG_BRANCH, 1),
    /* BXJ: the A9 has a trivial Jazelle implementation, so BXJ acts as BX */
    E("bxj", "branch", "cccc 0001 0010 1111 1111 1111 0010 mmmm", r_a32_blx_reg, DG_BRANCH, 1),
    /* status registers */
    E("mrs", "status", "cccc 0001 0R00 1111 dddd 0000 0000 0000", r_a32_mrs, 0, 1),
    E("msr reg", "status", "cccc 0001 0R10 kkkk 1111 0000 0000 nnnn", r_a32_msr_reg, 0, 2),
    E("msr imm", "status", "cccc 0011 0R10 kkkk 1111 iiii iiii iiii", r_a32_msr_imm, 0, 2),
    /* hints and barriers */
    E("nop/wfi/sev/dbg", "hint", "cccc 0011 0010 0000 1111 0000 oooo oooo", r_hint_plain, 0, 2),
    E("yield/wfe", "hint", "cccc 0011 0010 0000 1111 0000 0000 00oo", r_hint_yield, DG_HINT_YIELD, 1),
    E("clrex/dmb/dsb/isb", "hint", "1111 0101 0111 1111 1111 0000 oooo iiii", r_a32_barrier, 0, 2),
    E("pld imm", "hint", "1111 0101 UR01 nnnn 1111 iiii iiii iiii", nullptr, 0, 1),
    E("pli imm", "hint", "1111 0100 U101 nnnn 1111 iiii iiii iiii", nullptr, 0, 1),
    E("pld reg", "hint", "1111 0111 UR01 nnnn 1111 iiii iyy0 mmmm", r_a32_pld_reg, 0, 1),
    E("setend", "hint", "1111 0001 0000 0001 0000 00E0 0000 0000", nullptr, 0, 1),
    /* exception-generating */
    E("svc", "exception", "cccc 1111 iiii iiii iiii iiii iiii iiii", nullptr, 0, 1),
    E("bkpt", "exception", "1110 0001 0010 iiii iiii iiii 0111 iiii", nullptr, 0, 1),
    E("udf", "exception", "1110 0111 1111 iiii iiii iiii 1111 iiii", nullptr, 0, 1),
    /* coprocessor space */
    E("cdp/mcr/mrc other cp", "coproc", "cccc 1110 xxxx xxxx xxxx pppp xxxx xxxx", r_cp_other, 0, 2),
    E("ldc/stc/mcrr other cp", "coproc", "cccc 110x xxxx xxxx xxxx pppp xxxx xxxx", r_cp_other, 0, 2),
    E("neon dp", "coproc", "1111 001x xxxx xxxx xxxx xxxx xxxx xxxx", nullptr, 0, 1),
    E("neon ld/st", "coproc", "1111 0100 xxx0 xxxx xxxx xxxx xxxx xxxx", nullptr, 0, 1),
    E("mrc/mcr p15", "coproc", "cccc 1110 oooL nnnn tttt 1111 ppp1 mmmm", r_a32_cp15, 0, 3),
    E("mrrc/mcrr p15", "coproc", "cccc 1100 010L tttt TTTT 1111 oooo mmmm", r_cp15_64, 0, 1),
    E("cps", "status", "1111 0001 0000 ooM0 0000 000F FF0m mmmm", r_cps, 0, 1),
    /* uniform random words, kept when they fall into a table entry (see draw_raw) */
    E("raw", "raw", "cccc xxxx xxxx xxxx xxxx xxxx xxxx xxxx", nullptr, DG_RAW, 1),
};

static std::vector<DiffEntry> g_t32 = {
    /* 16-bit data processing */
    E("lsl/lsr/asr imm", "t16_dp", "000o oiii iimm mddd", r_t16_shift, 0, 2),
    E("add/sub 3", "t16_dp", "0001 1ooi iinn nddd", nullptr, 0, 2),
    E("mov/cmp/add/sub imm8", "t16_dp", "001o oddd iiii iiii", nullptr, 0, 2),
    E("dp reg", "t16_dp", "0100 00oo oomm mddd", nullptr, 0, 4),
    E("add hi", "t16_dp", "0100 0100 dmmm mddd", r_t16_addhi, 0, 1),
    E("cmp hi", "t16_dp", "0100 0101 nmmm mnnn", r_t16_cmphi, 0, 1),
    E("mov hi", "t16_dp", "0100 0110 dmmm mddd", r_t16_movhi, 0, 1),
    E("adr", "t16_dp", "1010 0ddd iiii iiii", nullptr, 0, 1),
    E("add sp imm8", "t16_dp", "1010 1ddd iiii iiii", nullptr, 0, 1),
    E("add/sub sp imm7", "t16_dp", "1011 0000 oiii iiii", nullptr, 0, 1),
    E("sxt/uxt", "t16_dp", "1011 0010 oomm mddd", nullptr, 0, 1),
    E("rev", "t16_dp", "1011 1010 oomm mddd", nullptr, 0, 1),
    /* 16-bit loads/stores */
    E("ldr literal", "t16_ldst", "0100 1ttt iiii iiii", nullptr, 0, 2),
    E("ldst reg", "t16_ldst", "0101 ooom mmnn nttt", nullptr, 0, 4),
    E("ldst imm5", "t16_ldst", "011B Liii iinn nttt", nullptr, 0, 3),
    E("ldrh/strh imm5", "t16_ldst", "1000 Liii iinn nttt", nullptr, 0, 2),
    E("ldr/str sp", "t16_ldst", "1001 Lttt iiii iiii", nullptr, 0, 2),
    E("push", "t16_ldm", "1011 010M rrrr rrrr", r_t16_push, DG_ALIGN4, 1),
    E("pop", "t16_ldm", "1011 110P rrrr rrrr", r_t16_pop, DG_ALIGN4, 1),
    E("stm", "t16_ldm", "1100 0nnn rrrr rrrr", r_t16_stm, DG_ALIGN4, 1),
    E("ldm", "t16_ldm", "1100 1nnn rrrr rrrr", r_t16_ldm, DG_ALIGN4, 1),
    /* 16-bit branches, misc */
    E("bx", "t16_branch", "0100 0111 0mmm m000", r_t16_bx, DG_BRANCH, 1),
    E("blx reg", "t16_branch", "0100 0111 1mmm m000", r_t16_blx, DG_BRANCH, 1),
    E("cbz/cbnz", "t16_branch", "1011 o0i1 iiii innn", nullptr, DG_BRANCH | DG_NOIT, 1),
    E("b<c>", "t16_branch", "1101 cccc iiii iiii", nullptr, DG_BRANCH | DG_NOIT, 2),
    E("b", "t16_branch", "1110 0iii iiii iiii", nullptr, DG_BRANCH, 1),
    E("nop/wfi/sev", "t16_misc", "1011 1111 oooo 0000", r_t16_hint, 0, 1),
    E("yield/wfe", "t16_misc", "1011 1111 00oo 0000", r_hint_yield, DG_HINT_YIELD, 1),
    E("setend", "t16_misc", "1011 0110 0101 E000", nullptr, DG_NOIT, 1),
    E("bkpt", "t16_misc", "1011 1110 iiii iiii", nullptr, 0, 1),
    E("udf", "t16_misc", "1101 1110 iiii iiii", nullptr, 0, 1),
    E("svc", "t16_misc", "1101 1111 iiii iiii", nullptr, 0, 1),
    /* 32-bit data processing */
    E("dp modified imm", "t32_dp_imm", "1111 0i0o oooS nnnn 0iii dddd iiii iiii", r_t32_dp_imm, 0, 6),
    E("addw", "t32_dp_imm", "1111 0i10 0000 nnnn 0iii dddd iiii iiii", r_t32_addw, 0, 1),
    E("subw", "t32_dp_imm", "1111 0i10 1010 nnnn 0iii dddd iiii iiii", r_t32_addw, 0, 1),
    E("movw", "t32_dp_imm", "1111 0i10 0100 iiii 0iii dddd iiii iiii", r_t32_d_sp_pc, 0, 1),
    E("movt", "t32_dp_imm", "1111 0i10 1100 iiii 0iii dddd iiii iiii", r_t32_d_sp_pc, 0, 1),
    E("dp shifted reg", "t32_dp_reg", "1110 101o oooS nnnn 0iii dddd iiyy mmmm", r_t32_dp_reg, 0, 6),
    E("shift by reg", "t32_dp_reg", "1111 1010 0ooS nnnn 1111 dddd 0000 mmmm", r_t32_dnm, 0, 2),
    E("sxta/uxta", "t32_media", "1111 1010 0ooo nnnn 1111 dddd 10rr mmmm", r_t32_xtend, 0, 2),
    E("parallel", "t32_media", "1111 1010 1ooo nnnn 1111 dddd 0Uqq mmmm", r_t32_par, 0, 3),
    E("qadd/rev/sel/clz", "t32_media", "1111 1010 1ooo nnnn 1111 dddd 10pp mmmm", r_t32_misc, 0, 3),
    E("ssat/usat", "t32_media", "1111 0011 U0S0 nnnn 0iii dddd ii0w wwww", r_t32_sat, 0, 2),
    E("sbfx/ubfx", "t32_media", "1111 0011 U100 nnnn 0iii dddd ii0w wwww", r_t32_bfx, 0, 2),
    E("bfi/bfc", "t32_media", "1111 0011 0110 nnnn 0iii dddd ii0w wwww", r_t32_bfi, 0, 2),
    E("mul/mla/smla..", "t32_mul", "1111 1011 0ooo nnnn aaaa dddd 00pp mmmm", r_t32_mul, 0, 3),
    E("long mul/div", "t32_mul", "1111 1011 1ooo nnnn llll hhhh pppp mmmm", r_t32_mull, 0, 2),
    /* 32-bit loads/stores */
    E("ldst imm12", "t32_ldst", "1111 1000 1ooL nnnn tttt iiii iiii iiii", r_t32_ld_imm12, DG_BRANCH, 2),
    E("ldst imm8", "t32_ldst", "1111 1000 0ooL nnnn tttt 1PUW iiii iiii", r_t32_ld_imm8, DG_BRANCH, 3),
    E("ldst reg", "t32_ldst", "1111 1000 0ooL nnnn tttt 0000 00ii mmmm", r_t32_ld_reg, DG_BRANCH, 2),
    E("ldr literal", "t32_ldst", "1111 1000 Uoo1 1111 tttt iiii iiii iiii", r_t32_ld_lit, DG_BRANCH, 1),
    E("ldrs imm12", "t32_ldst", "1111 1001 1oo1 nnnn tttt iiii iiii iiii", r_t32_lds_imm12, 0, 1),
    E("ldrs imm8", "t32_ldst", "1111 1001 0oo1 nnnn tttt 1PUW iiii iiii", r_t32_lds_imm8, 0, 1),
    E("ldrs reg", "t32_ldst", "1111 1001 0oo1 nnnn tttt 0000 00ii mmmm", r_t32_lds_reg, 0, 1),
    E("ldrs literal", "t32_ldst", "1111 1001 Uoo1 1111 tttt iiii iiii iiii", r_t32_lds_lit, 0, 1),
    E("ldrd/strd", "t32_ldst", "1110 100P U1WL nnnn tttt TTTT iiii iiii", r_t32_ldrd, DG_ALIGN4, 2),
    E("ldm/stm", "t32_ldm", "1110 100o o0WL nnnn PM0r rrrr rrrr rrrr", r_t32_ldm, DG_ALIGN4 | DG_BRANCH, 1),
    E("ldrex", "t32_excl", "1110 1000 0101 nnnn tttt 1111 iiii iiii", r_t32_ldrex, DG_ALIGN4, 1),
    E("ldrexb", "t32_excl", "1110 1000 1101 nnnn tttt 1111 0100 1111", r_t32_ldrex, 0, 1),
    E("ldrexh", "t32_excl", "1110 1000 1101 nnnn tttt 1111 0101 1111", r_t32_ldrex, DG_ALIGN2, 1),
    E("ldrexd", "t32_excl", "1110 1000 1101 nnnn tttt TTTT 0111 1111", r_t32_ldrexd, DG_ALIGN8, 1),
    E("strex", "t32_excl", "1110 1000 0100 nnnn tttt dddd iiii iiii", r_t32_strex, DG_ALIGN4, 0),
    E("strexb", "t32_excl", "1110 1000 1100 nnnn tttt 1111 0100 dddd", r_t32_strex, 0, 0),
    E("strexh", "t32_excl", "1110 1000 1100 nnnn tttt 1111 0101 dddd", r_t32_strex, DG_ALIGN2, 0),
    E("strexd", "t32_excl", "1110 1000 1100 nnnn tttt TTTT 0111 dddd", r_t32_strexd, DG_ALIGN8, 0),
    /* 32-bit branches and control */
    E("tbb/tbh", "t32_branch", "1110 1000 1101 nnnn 1111 0000 000H mmmm", r_t32_tbb, DG_BRANCH, 1),
    E("b<c>.w", "t32_branch", "1111 0Scc ccii iiii 10J0 Kiii iiii iiii", r_t32_bcond, DG_BRANCH | DG_NOIT, 1),
    E("b.w", "t32_branch", "1111 0Sii iiii iiii 10J1 Kiii iiii iiii", r_t32_branch, DG_BRANCH, 1),
    E("bl", "t32_branch", "1111 0Sii iiii iiii 11J1 Kiii iiii iiii", r_t32_branch, DG_BRANCH, 1),
    E("blx imm", "t32_branch", "1111 0Sii iiii iiii 11J0 Kiii iiii iii0", r_t32_branch, DG_BRANCH, 1),
    E("msr", "t32_status", "1111 0011 1000 nnnn 1000 kkkk 0000 0000", r_t32_msr, 0, 2),
    E("mrs", "t32_status", "1111 0011 1110 1111 1000 dddd 0000 0000", r_t32_d_sp_pc, 0, 1),
    E("nop.w/wfi/sev", "t32_status", "1111 0011 1010 1111 1000 0000 oooo oooo", r_t16_hint, 0, 1),
    E("yield.w/wfe.w", "t32_status", "1111 0011 1010 1111 1000 0000 0000 00oo", r_hint_yield, DG_HINT_YIELD, 1),
    E("bxj", "t32_branch", "1111 0011 1100 mmmm 1000 1111 0000 0000", r_t32_bxj, DG_BRANCH, 1),
    E("clrex/dmb/dsb/isb", "t32_status", "1111 0011 1011 1111 1000 1111 oooo iiii", r_t32_barrier, 0, 1),
    E("udf.w", "t32_status", "1111 0111 1111 iiii 1010 iiii iiii iiii", nullptr, 0, 1),
    E("cps", "t32_status", "1011 0110 011M 0FFF", r_t16_cps, DG_NOIT, 1),
    E("cps.w", "t32_status", "1111 0011 1010 1111 1000 0ooM FFFm mmmm", r_cps, DG_NOIT, 1),
    /* coprocessor space */
    E("cdp/mcr/mrc other cp", "t32_coproc", "111x 1110 xxxx xxxx xxxx pppp xxxx xxxx", r_cp_other, 0, 2),
    E("ldc/stc/mcrr other cp", "t32_coproc", "111x 110x xxxx xxxx xxxx pppp xxxx xxxx", r_cp_other, 0, 2),
    E("neon dp", "t32_coproc", "111x 1111 xxxx xxxx xxxx xxxx xxxx xxxx", nullptr, 0, 1),
    E("neon ld/st", "t32_coproc", "1111 1001 xxx0 xxxx xxxx xxxx xxxx xxxx", nullptr, 0, 1),
    E("mrc/mcr p15", "t32_coproc", "1110 1110 oooL nnnn tttt 1111 ppp1 mmmm", r_t32_cp15, 0, 3),
    E("mrrc/mcrr p15", "t32_coproc", "1110 1100 010L tttt TTTT 1111 oooo mmmm", r_cp15_64, 0, 1),
    /* uniform random halfwords, kept when they fall into a table entry */
    E("raw", "t32_raw", "xxxx xxxx xxxx xxxx", nullptr, DG_RAW, 1),
};
/* Privileged forms, generated only in SVC-mode samples, each preceded by
 * MSR SPSR_fsxc, Rk with a random valid SVC-mode SPSR (the harness has no
 * other way to give both models the same SPSR). */
static std::vector<DiffEntry> g_a32_svc = {
    E("subs pc, lr (dp imm)", "a32_svc_only", "cccc 001o ooo1 nnnn 1111 iiii iiii iiii", r_a32_dp_eret, 0, 1),
    E("subs pc, lr (dp reg)", "a32_svc_only", "cccc 000o ooo1 nnnn 1111 iiii iyy0 mmmm", r_a32_dp_eret, 0, 1),
    E("subs pc, rn, #imm", "a32_svc_only", "cccc 0010 0101 nnnn 1111 iiii iiii iiii", r_a32_subs_pc, 0, 2),
    E("movs pc, #imm", "a32_svc_only", "cccc 0011 1011 0000 1111 iiii iiii iiii", nullptr, 0, 1),
    E("subs pc, rn, rm", "a32_svc_only", "cccc 0000 0101 nnnn 1111 iiii iyy0 mmmm", r_a32_subs_pc, 0, 1),
    E("movs pc, rm", "a32_svc_only", "cccc 0001 1011 0000 1111 iiii iyy0 mmmm", nullptr, 0, 2),
    E("ldm^ with pc", "a32_svc_only", "cccc 100P U1W1 nnnn 1rrr rrrr rrrr rrrr", r_a32_ldm_eret, DG_ALIGN4, 2),
    E("srs sp, #svc", "a32_svc_only", "1111 100P U1W0 1101 0000 0101 0001 0011", nullptr, DG_ALIGN4, 1),
    E("mrs spsr", "a32_svc_only", "cccc 0001 0100 1111 dddd 0000 0000 0000", r_spsr_mrs, 0, 1),
    E("msr spsr reg", "a32_svc_only", "cccc 0001 0110 kkkk 1111 0000 0000 nnnn", r_spsr_msr, 0, 1),
    E("msr spsr imm", "a32_svc_only", "cccc 0011 0110 kkkk 1111 iiii iiii iiii", r_spsr_msr, 0, 1),
};
static std::vector<DiffEntry> g_t32_svc = {
    E("subs pc, lr", "t32_svc_only", "1111 0011 1101 1110 1000 1111 iiii iiii", nullptr, 0, 3),
    E("srsdb sp, #svc", "t32_svc_only", "1110 1000 00W0 1101 1100 0000 0001 0011", nullptr, DG_ALIGN4, 1),
    E("srsia sp, #svc", "t32_svc_only", "1110 1001 10W0 1101 1100 0000 0001 0011", nullptr, DG_ALIGN4, 1),
    E("mrs spsr", "t32_svc_only", "1111 0011 1111 1111 1000 dddd 0000 0000", r_spsr_mrs, 0, 1),
    E("msr spsr", "t32_svc_only", "1111 0011 1001 nnnn 1000 kkkk 0000 0000", r_spsr_msr, 0, 2),
};
#undef E

static const DiffEntry *find_entry(std::vector<DiffEntry> &tab, const char *name) {
    for (auto &e : tab)
        if (!strcmp(e.name, name)) return &e;
    fprintf(stderr, "diffgen: no entry %s\n", name);
    abort();
}

static void compile(DiffEntry &e) {
    std::string p;
    for (const char *c = e.pat; *c; c++)
        if (*c != ' ') p += *c;
    if (p.size() != 16 && p.size() != 32) {
        fprintf(stderr, "diffgen: bad pattern %s\n", e.pat);
        abort();
    }
    e.size = (unsigned)p.size() / 8;
    memset(e.field_len, 0, sizeof(e.field_len));
    int nb = (int)p.size();
    for (int j = 0; j < nb; j++) {
        int bit = nb - 1 - j;
        char c = p[(size_t)j];
        if (c == '0' || c == '1') {
            e.fixed_mask |= 1u << bit;
            if (c == '1') e.fixed_val |= 1u << bit;
        } else {
            int k = (unsigned char)c & 127;
            e.field_bits[k][e.field_len[k]++] = bit;
        }
    }
}

static bool g_init;
void diffgen_init() {
    if (g_init) return;
    g_init = true;
    for (auto &e : g_a32) compile(e);
    for (auto &e : g_t32) compile(e);
    for (auto &e : g_a32_svc) compile(e);
    for (auto &e : g_t32_svc) compile(e);
}

std::vector<std::string> diffgen_classes(DiffIsa isa) {
    diffgen_init();
    std::vector<std::string> v;
    for (auto &e : isa == DIFF_A32 ? g_a32 : g_t32) {
        bool seen = false;
        for (auto &s : v) seen |= s == e.cls;
        if (!seen) v.push_back(e.cls);
    }
    if (isa == DIFF_T32) {
        v.push_back("t32_it_block");
        v.push_back("t32_it_state");
    }
    v.push_back(isa == DIFF_A32 ? "a32_svc_only" : "t32_svc_only");
    if (isa == DIFF_A32) v.push_back("a32_banked");
    return v;
}

/* ---------------------------------------------------------------------- */
/* Generation                                                             */
/* ---------------------------------------------------------------------- */
static uint32_t f_list(const DiffEntry &e, uint32_t enc) {
    DiffFields f;
    f.enc = enc;
    f.e = &e;
    return f('r');
}

static uint32_t put_field(const DiffEntry &e, uint32_t enc, char c, uint32_t v) {
    int k = (unsigned char)c & 127;
    for (int j = e.field_len[k] - 1; j >= 0; j--, v >>= 1) {
        enc &= ~(1u << e.field_bits[k][j]);
        enc |= (v & 1u) << e.field_bits[k][j];
    }
    return enc;
}

static uint32_t random_fill(DiffRng &rng, const DiffEntry &e, bool thumb) {
    uint32_t enc = (rng.next() & ~e.fixed_mask) | e.fixed_val;
    if (e.size == 2) enc &= 0xFFFF;
    if (e.field_len[(int)'c']) {
        uint32_t c;
        if (thumb) c = rng.below(14);
        else c = rng.chance(50) ? 14 : rng.below(15);
        enc = put_field(e, enc, 'c', c);
    }
    if (e.field_len[(int)'r']) {
        /* register lists: sparse or dense */
        uint32_t v = rng.next();
        if (rng.chance(50)) v &= rng.next();
        enc = put_field(e, enc, 'r', v);
    }
    return enc;
}

static uint32_t random_reg_value(DiffRng &rng, bool alu) {
    static const uint32_t special[] = {0, 1, 2, 0xFFFFFFFFu, 0x80000000u, 0x7FFFFFFFu, 0xFFFF8000u,
                                       0x00008000u, 0x7FFF, 0xFFFF, 31, 32, 33, 255, 256, 0x80,
                                       0x80008000u, 0x7FFF7FFFu, 0x80808080u, 0x7F7F7F7Fu, 0xFF00FF00u,
                                       0x00FF00FFu, 0x80000001u, 0xFFFFFFFEu};
    unsigned p = rng.below(100);
    if (alu) {
        if (p < 15) return DIFF_DATA_BASE + rng.below(DIFF_DATA_SIZE);
        if (p < 50) return rng.chance(40) ? rng.below(34) : special[rng.below(sizeof special / sizeof special[0])];
        return rng.next();
    }
    if (p < 55) {
        uint32_t a = DIFF_DATA_BASE + rng.below(DIFF_DATA_SIZE);
        if (rng.chance(70)) a &= ~3u;
        return a;
    }
    if (p < 62) return DIFF_CODE_BASE + (rng.below(DIFF_CODE_SIZE) & ~3u);
    if (p < 80) return rng.chance(50) ? rng.below(34) : special[rng.below(sizeof special / sizeof special[0])];
    return rng.next();
}

static uint32_t random_cpsr(DiffRng &rng, uint32_t mode, bool thumb) {
    uint32_t c = rng.next() & 0xF8000000u;    /* N Z C V Q */
    c |= (rng.next() & 0xFu) << 16;           /* GE */
    c |= rng.next() & (ARM_CPSR_A | ARM_CPSR_I | ARM_CPSR_F);
    c |= mode;
    if (thumb) c |= 1u << 5;
    return c;
}

struct ClassIndex {
    std::vector<std::string> names;
    std::vector<std::vector<const DiffEntry *>> entries;
    std::vector<unsigned> total_weight;
};
static std::map<int, ClassIndex> g_classes;

static ClassIndex &classes_of(DiffIsa isa) {
    auto it = g_classes.find(isa);
    if (it != g_classes.end()) return it->second;
    ClassIndex &ci = g_classes[isa];
    for (auto &e : isa == DIFF_A32 ? g_a32 : g_t32) {
        if (!e.weight) continue;
        size_t k = 0;
        while (k < ci.names.size() && ci.names[k] != e.cls) k++;
        if (k == ci.names.size()) {
            ci.names.push_back(e.cls);
            ci.entries.emplace_back();
            ci.total_weight.push_back(0);
        }
        for (unsigned w = 0; w < e.weight; w++) ci.entries[k].push_back(&e);
        ci.total_weight[k] += e.weight;
    }
    return ci;
}

/* Draw one encoding of entry e that passes the reject filter; returns the
 * rule verdict (nullptr or a skip reason). */
static const char *draw(DiffRng &rng, const DiffEntry &e, DiffSample &s, uint32_t pc, bool in_it, bool last,
                        uint32_t *enc_out) {
    for (int tries = 0; tries < 100000; tries++) {
        uint32_t enc = random_fill(rng, e, s.thumb);
        DiffFields f;
        f.enc = enc;
        f.e = &e;
        f.thumb = s.thumb;
        f.in_it = in_it;
        f.last_in_it = last;
        f.regs = s.regs;
        f.pc = pc;
        g_cpsr = s.cpsr;
        const char *r = e.rule ? e.rule(f) : nullptr;
        if (r == diffgen_reject) continue;
        *enc_out = enc;
        return r;
    }
    fprintf(stderr, "diffgen: entry %s rejects everything\n", e.name);
    abort();
}

/* Uniform random A32 words (condition 0..14). A word is kept only if it
 * falls into the encoding of some table entry whose rule accepts it, so
 * the UNPREDICTABLE list applies to raw words too; *e is set to that entry. */
static const char *draw_raw(DiffRng &rng, std::vector<DiffEntry> &tab, DiffSample &s, const DiffEntry **e,
                            uint32_t *enc_out) {
    for (;;) {
        uint32_t enc = rng.next();
        unsigned size = 4;
        if (s.thumb) {
            /* half 16-bit, half 32-bit encodings (first halfword 11101/11110/11111) */
            if (rng.chance(50)) {
                enc &= 0xFFFF;
                if ((enc >> 11) >= 0x1D) continue;
                if ((enc & 0xFF00) == 0xBF00 && (enc & 0xF)) continue; /* IT: own class */
                size = 2;
            } else if ((enc >> 27) < 0x1D) {
                continue;
            }
        } else if ((enc >> 28) == 15) {
            continue;
        }
        for (auto &cand : tab) {
            if ((cand.flags & DG_RAW) || !cand.weight || cand.size != size ||
                (enc & cand.fixed_mask) != cand.fixed_val)
                continue;
            DiffFields f;
            f.enc = enc;
            f.e = &cand;
            f.thumb = s.thumb;
            f.regs = s.regs;
            f.pc = s.pc;
            g_cpsr = s.cpsr;
            const char *r = cand.rule ? cand.rule(f) : nullptr;
            if (r == diffgen_reject) continue;
            if (!s.thumb && !strcmp(cand.name, "bkpt") && (enc >> 28) != 14) r = U_BKPT_COND;
            *e = &cand;
            *enc_out = enc;
            return r;
        }
    }
}

bool diffgen_store_exclusive(const DiffSample &s, uint32_t *addr, unsigned *size) {
    if (s.insns.empty()) return false;
    const DiffInsn &in = s.insns.back();
    const char *nm = in.e->name;
    if (strncmp(nm, "strex", 5) != 0) return false;
    DiffFields f;
    f.enc = in.enc;
    f.e = in.e;
    f.thumb = s.thumb;
    f.regs = s.regs;
    f.pc = s.pc;
    *addr = f.rv(f('n'));
    *size = nm[5] == 'b' ? 1 : nm[5] == 'h' ? 2 : nm[5] == 'd' ? 8 : 4;
    if (s.thumb && nm[5] == 0) *addr += f('i') << 2;
    return true;
}

bool diffgen_smlad_no_overflow(const DiffSample &s) {
    for (auto &in : s.insns) {
        DiffFields f;
        f.enc = in.enc;
        f.e = in.e;
        f.thumb = s.thumb;
        f.regs = s.regs;
        f.pc = s.pc;
        bool sub, x;
        if (!s.thumb && !strcmp(in.e->name, "media mul") && f('o') == 0 && f('a') != 15 && f('p') < 4) {
            sub = f('p') >= 2;
            x = f('p') & 1;
        } else if (s.thumb && !strcmp(in.e->name, "mul/mla/smla..") && (f('o') == 2 || f('o') == 4) &&
                   f('a') != 15) {
            sub = f('o') == 4;
            x = f('p') & 1;
        } else {
            continue;
        }
        uint32_t n = f.rv(f('n')), m = f.rv(f('m')), a = f.rv(f('a'));
        if (x) m = ror32(m, 16);
        int64_t p1 = (int64_t)(int16_t)n * (int16_t)m;
        int64_t p2 = (int64_t)(int16_t)(n >> 16) * (int16_t)(m >> 16);
        int64_t sum = (sub ? p1 - p2 : p1 + p2) + (int32_t)a;
        return sum == (int64_t)(int32_t)sum;
    }
    return false;
}

static const char *check(const DiffEntry &e, uint32_t enc, DiffSample &s, uint32_t pc, bool in_it, bool last) {
    DiffFields f;
    f.enc = enc;
    f.e = &e;
    f.thumb = s.thumb;
    f.in_it = in_it;
    f.last_in_it = last;
    f.regs = s.regs;
    f.pc = pc;
    g_cpsr = s.cpsr;
    return e.rule ? e.rule(f) : nullptr;
}

static void push(DiffSample &s, const DiffEntry &e, uint32_t enc) {
    s.insns.push_back(DiffInsn{enc, e.size, &e});
    s.flags |= e.flags;
}

static uint32_t sample_pc(const DiffSample &s) {
    uint32_t pc = s.pc;
    for (auto &i : s.insns) pc += i.size;
    return pc;
}

/* Exclusive sequences: LDREX alone, LDREX+STREX (same size, same base:
 * the success path), CLREX+STREX (the failure path). */
static void gen_exclusive(DiffRng &rng, DiffSample &s, std::vector<DiffEntry> &tab, bool thumb) {
    static const char *const a32_ld[] = {"ldrex", "ldrexd", "ldrexb", "ldrexh"};
    static const char *const a32_st[] = {"strex", "strexd", "strexb", "strexh"};
    unsigned sz = rng.below(4);
    const DiffEntry &ld = *find_entry(tab, a32_ld[sz]);
    const DiffEntry &st = *find_entry(tab, a32_st[sz]);
    unsigned kind = rng.below(3);
    uint32_t enc;
    const char *r;
    if (kind == 2) {
        const DiffEntry &cl = *find_entry(tab, "clrex/dmb/dsb/isb");
        uint32_t c = thumb ? 0xF3BF8F2Fu : 0xF57FF01Fu;
        push(s, cl, c);
    } else {
        r = draw(rng, ld, s, sample_pc(s), false, false, &enc);
        if (!s.skip) s.skip = r;
        push(s, ld, enc);
        if (kind == 0) return;
    }
    r = draw(rng, st, s, sample_pc(s), false, false, &enc);
    if (kind == 1) {
        /* same base register as the LDREX, cond AL, and the LDREX must not
         * have overwritten its base */
        DiffFields f0;
        f0.enc = s.insns[0].enc;
        f0.e = &ld;
        uint32_t n = f0('n');
        if (f0('t') == n || (f0.has('T') && f0('T') == n) || (!thumb && sz == 1 && f0('t') + 1 == n))
            s.skip = s.skip ? s.skip : U_WB_RT;
        enc = put_field(st, enc, 'n', n);
        if (thumb && sz == 0) enc = put_field(st, enc, 'i', f0('i')); /* same address */
        if (!thumb) enc = put_field(st, enc, 'c', 14);
        r = check(st, enc, s, sample_pc(s), false, false);
    }
    if (!thumb && kind == 1) s.insns[0].enc = put_field(ld, s.insns[0].enc, 'c', 14);
    if (!s.skip) s.skip = r;
    push(s, st, enc);
}

/* A random SPSR for an SVC-mode exception return to SVC mode: flags, GE,
 * A/I/F, T, and for Thumb a valid ITSTATE half of the time. */
static uint32_t random_spsr(DiffRng &rng) {
    uint32_t v = (rng.next() & 0xF80F0000u) | (rng.next() & 0x1C0u) | ARM_MODE_SVC;
    if (rng.chance(50)) {
        v |= ARM_CPSR_T;
        if (rng.chance(50)) {
            uint32_t fc = rng.below(15), mask = 1 + rng.below(15);
            if (fc == 14) mask = 8;
            uint32_t its = (fc << 4) | mask;
            v |= ((its & 3u) << 25) | ((its >> 2) << 10);
        }
    }
    return v;
}

static void gen_svc_only(DiffRng &rng, DiffSample &s) {
    std::vector<DiffEntry> &tab = s.thumb ? g_t32_svc : g_a32_svc;
    s.cls = s.thumb ? "t32_svc_only" : "a32_svc_only";
    unsigned total = 0;
    for (auto &e : tab) total += e.weight;
    unsigned pick = rng.below(total);
    const DiffEntry *e = &tab[0];
    for (auto &c : tab) {
        if (pick < c.weight) { e = &c; break; }
        pick -= c.weight;
    }
    /* MSR SPSR_fsxc, Rk (AL) with Rk holding the SPSR value */
    static DiffEntry setup_a32("msr spsr setup", "a32_svc_only", "1110 0001 0110 1111 1111 0000 0000 kkkk", nullptr,
                               DG_SETUP, 0);
    static DiffEntry setup_t32("msr spsr setup", "t32_svc_only", "1111 0011 1001 kkkk 1000 1111 0000 0000", nullptr,
                               DG_SETUP, 0);
    static DiffEntry mrs_a32("mrs spsr", "a32_svc_only", "1110 0001 0100 1111 dddd 0000 0000 0000", nullptr,
                             DG_SETUP, 0);
    static DiffEntry mrs_t32("mrs spsr", "t32_svc_only", "1111 0011 1111 1111 1000 dddd 0000 0000", nullptr,
                             DG_SETUP, 0);
    if (!setup_a32.size) {
        compile(setup_a32);
        compile(setup_t32);
        compile(mrs_a32);
        compile(mrs_t32);
    }
    DiffEntry &setup = s.thumb ? setup_t32 : setup_a32;
    uint32_t k = rng.below(13);
    s.regs[k] = random_spsr(rng);
    push(s, setup, put_field(setup, setup.fixed_val, 'k', k));
    uint32_t enc;
    const char *r = draw(rng, *e, s, sample_pc(s), false, false, &enc);
    s.skip = r;
    push(s, *e, enc);
    if (!strncmp(e->name, "msr spsr", 8)) { /* make the written SPSR visible */
        DiffEntry &mrs = s.thumb ? mrs_t32 : mrs_a32;
        push(s, mrs, put_field(mrs, mrs.fixed_val, 'd', rng.below(13)));
    }
}

/* Banked registers (A32, SVC-mode samples). Unicorn offers no access to
 * the banked r8-r14 of the other modes, so a prologue run by both models
 * gives them the same values: for FIQ, IRQ, ABT, UND and SYS (= User
 * registers) it switches mode with MSR CPSR_c and copies r0-r7 values into
 * r13, r14 (and FIQ r8-r12), then returns to SVC with I and F set. The
 * instruction under test then changes mode (MSR CPSR_c/CPS to a valid mode,
 * so the new mode's banked registers become visible) or moves User-mode
 * registers (STM^ stores them; LDM^ loads them and an epilogue switches to
 * SYS mode to make them visible). SPSRs are not involved. */
static void gen_banked(DiffRng &rng, DiffSample &s) {
    static const uint32_t modes[] = {ARM_MODE_USR, ARM_MODE_FIQ, ARM_MODE_IRQ, ARM_MODE_SVC,
                                     ARM_MODE_ABT, ARM_MODE_UND, ARM_MODE_SYS};
    static DiffEntry pro("banked prologue", "a32_banked", "xxxx xxxx xxxx xxxx xxxx xxxx xxxx xxxx", nullptr,
                         DG_SETUP, 0);
    static DiffEntry msr_c("msr cpsr_c (mode change)", "a32_banked", "1110 0011 0010 kkkk 1111 0000 iiii iiii",
                           nullptr, 0, 0);
    static DiffEntry cps("cps #mode", "a32_banked", "1111 0001 0000 oo10 0000 000F FF0m mmmm", nullptr, 0, 0);
    static DiffEntry stmu("stm^ (user registers)", "a32_banked", "cccc 100P U100 nnnn rrrr rrrr rrrr rrrr",
                          nullptr, DG_ALIGN4, 0);
    static DiffEntry ldmu("ldm^ (user registers)", "a32_banked", "cccc 100P U101 nnnn 0rrr rrrr rrrr rrrr",
                          nullptr, DG_ALIGN4, 0);
    if (!pro.size) {
        compile(pro);
        compile(msr_c);
        compile(cps);
        compile(stmu);
        compile(ldmu);
    }
    s.cls = "a32_banked";
    static const uint32_t banked_modes[] = {ARM_MODE_FIQ, ARM_MODE_IRQ, ARM_MODE_ABT, ARM_MODE_UND, ARM_MODE_SYS};
    for (uint32_t m : banked_modes) {
        push(s, pro, 0xE321F0C0u | m);                     /* MSR CPSR_c, #(I|F|m) */
        push(s, pro, 0xE1A0D000u | rng.below(8));          /* MOV sp, rX */
        push(s, pro, 0xE1A0E000u | rng.below(8));          /* MOV lr, rX */
        if (m == ARM_MODE_FIQ)
            for (uint32_t r = 8; r <= 12; r++) push(s, pro, 0xE1A00000u | (r << 12) | rng.below(8));
    }
    push(s, pro, 0xE321F0C0u | ARM_MODE_SVC);
    uint32_t enc;
    switch (rng.below(4)) {
    case 0: { /* MSR CPSR_<mask>, #imm8 with a valid mode, T = 0 */
        static const uint32_t masks[] = {1, 3, 9, 15};
        uint32_t imm = (rng.next() & 0xC0u) | modes[rng.below(7)];
        enc = put_field(msr_c, msr_c.fixed_val, 'k', masks[rng.below(4)]);
        enc = put_field(msr_c, enc, 'i', imm);
        push(s, msr_c, enc);
        break;
    }
    case 1: { /* CPS{IE,ID} <aif>, #mode or CPS #mode */
        uint32_t imod = rng.chance(34) ? 0 : 2 + rng.below(2);
        uint32_t aif = imod ? 1 + rng.below(7) : 0;
        enc = put_field(cps, cps.fixed_val, 'o', imod);
        enc = put_field(cps, enc, 'F', aif);
        enc = put_field(cps, enc, 'm', modes[rng.below(7)]);
        push(s, cps, enc);
        break;
    }
    default: { /* STM^ / LDM^ (User registers), no writeback, no PC */
        bool load = rng.chance(50);
        DiffEntry &e = load ? ldmu : stmu;
        uint32_t n = rng.below(14);
        enc = random_fill(rng, e, false);
        enc = put_field(e, enc, 'n', n);
        if (!f_list(e, enc)) enc = put_field(e, enc, 'r', 1u << rng.below(15));
        s.regs[n] = (DIFF_DATA_BASE + 0x100 + rng.below(DIFF_DATA_SIZE - 0x200)) & ~3u;
        push(s, e, enc);
        if (load) push(s, pro, 0xE321F0C0u | ARM_MODE_SYS); /* make the User registers visible */
        break;
    }
    }
}

DiffSample diffgen_sample(DiffRng &rng, DiffIsa isa, uint32_t mode) {
    diffgen_init();
    DiffSample s;
    s.thumb = isa == DIFF_T32;
    ClassIndex &ci = classes_of(isa);
    std::vector<DiffEntry> &tab = isa == DIFF_A32 ? g_a32 : g_t32;

    /* classes evenly; T32 IT forms get their own slots */
    unsigned nclass = (unsigned)ci.names.size() + (s.thumb ? 2u : 0u);
    unsigned k = rng.below(nclass);

    /* Register values: classes that access memory get mostly addresses in
     * the data region; pure data-processing classes mostly random and
     * boundary values (flags, shifts, saturation edges). */
    static const char *const alu_classes[] = {"dp_imm", "dp_reg", "dp_rsr", "multiply", "saturate", "parallel",
                                              "extend_pack", "misc", "bitfield", "t16_dp", "t32_dp_imm",
                                              "t32_dp_reg", "t32_media", "t32_mul"};
    bool alu = false;
    if (k < ci.names.size())
        for (const char *c : alu_classes) alu |= ci.names[k] == c;
    for (int i = 0; i < 15; i++) s.regs[i] = random_reg_value(rng, alu);
    if (rng.chance(80)) s.regs[13] = (DIFF_DATA_BASE + 0x100 + rng.below(DIFF_DATA_SIZE - 0x200)) & ~3u;
    s.cpsr = random_cpsr(rng, mode, s.thumb);
    /* T32: half the samples start at a halfword-aligned PC (Align(PC, 4)) */
    if (s.thumb && rng.chance(50)) s.pc = DIFF_CODE_PC + 2;
    if (mode == ARM_MODE_SVC && rng.chance(20)) {
        if (!s.thumb && rng.chance(40)) gen_banked(rng, s);
        else gen_svc_only(rng, s);
        return s;
    }
    if (s.thumb && k >= ci.names.size()) {
        bool block = k == ci.names.size();
        s.cls = block ? "t32_it_block" : "t32_it_state";
        /* pick firstcond / mask */
        uint32_t firstcond = rng.below(15);
        uint32_t mask = 1 + rng.below(15);
        if (firstcond == 14) mask = 8; /* AL: only "IT AL" with one insn (A8.8.54) */
        unsigned count = 4 - (unsigned)__builtin_ctz(mask);
        if (block) {
            /* IT followed by its instructions, all run */
            uint32_t it = 0xBF00u | (firstcond << 4) | mask;
            static DiffEntry it_entry{"it", "t32_it_block", "1011 1111 cccc mmmm", nullptr, DG_NOIT, 0};
            if (!it_entry.size) compile(it_entry);
            push(s, it_entry, it);
        } else {
            /* a single instruction with ITSTATE already set (mid-block state) */
            count = 1;
            uint32_t its = (firstcond << 4) | mask;
            s.cpsr |= ((its & 3u) << 25) | ((its >> 2) << 10);
        }
        for (unsigned j = 0; j < count; j++) {
            bool last = block ? (j + 1 == count) : (mask == 8);
            /* Up to three draws per slot: one UNPREDICTABLE instruction would
             * otherwise skip the whole block (the last verdict is kept, so
             * the reasons are still counted). */
            const DiffEntry *e = nullptr;
            uint32_t enc = 0;
            const char *r = nullptr;
            for (int attempt = 0; attempt < 3; attempt++) {
                for (;;) {
                    unsigned kk = rng.below((unsigned)ci.names.size());
                    e = ci.entries[kk][rng.below((unsigned)ci.entries[kk].size())];
                    if (e->flags & (DG_NOIT | DG_RAW)) continue;
                    if ((e->flags & DG_BRANCH) && !last && !e->rule) continue;
                    /* Unicorn ends emulation at YIELD/WFE (see diff_unicorn.cc): only last */
                    if ((e->flags & DG_HINT_YIELD) && !last) continue;
                    if (!strcmp(e->cls, "t32_excl")) continue; /* monitor state: see gen_exclusive */
                    break;
                }
                r = draw(rng, *e, s, sample_pc(s), true, last, &enc);
                if (!r) break;
            }
            if (!s.skip) s.skip = r;
            push(s, *e, enc);
        }
        return s;
    }
    s.cls = ci.names[k].c_str();
    if (!strcmp(s.cls, "exclusive") || !strcmp(s.cls, "t32_excl")) {
        gen_exclusive(rng, s, tab, s.thumb);
        return s;
    }
    const DiffEntry *e = ci.entries[k][rng.below((unsigned)ci.entries[k].size())];
    uint32_t enc;
    const char *r;
    if (e->flags & DG_RAW) {
        r = draw_raw(rng, tab, s, &e, &enc);
        s.flags |= DG_RAW;
    } else {
        r = draw(rng, *e, s, s.pc, false, false, &enc);
    }
    s.skip = r;
    if (!s.thumb && !strcmp(e->name, "bkpt") && ((enc >> 28) != 14)) s.skip = U_BKPT_COND;
    push(s, *e, enc);
    return s;
}
