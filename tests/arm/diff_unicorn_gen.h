/*
 * diff_unicorn_gen.h - instruction generator and UNPREDICTABLE filter of the
 * Unicorn differential test (tests/arm/diff_unicorn.cc).
 *
 * Encodings are data: every generated instruction comes from a pattern
 * string of the ARM ARM encoding diagram (one character per bit, MSB
 * first; spaces ignored). '0'/'1' are fixed bits; every other character is
 * a random field, and all bits with the same character form one field,
 * read MSB first (so split immediates concatenate). By convention:
 *   c cond (A32: 0..14, mostly AL; T32 B<c>: 0..13)  n Rn  d Rd  m Rm
 *   s Rs  t Rt  T Rt2  a Ra  h RdHi  l RdLo  r register list  i immediate
 *   S setflags  P U W L B bits of load/store  o opcode  k MSR mask.
 * Each entry has a rule that returns nullptr (keep), diffgen_reject (a
 * different encoding space or a should-be-zero violation: draw again,
 * not counted) or one of the documented skip reasons below (counted).
 *
 * The UNPREDICTABLE list (ARM ARM, ARM DDI 0406C, per-instruction
 * pseudocode "then UNPREDICTABLE") is kept explicitly as the reason
 * constants below; each rule names the reason it applies.
 *
 * Classes are drawn evenly. Besides the per-group classes there are "raw"
 * (A32) and "t32_raw": uniform random words/halfwords, kept only when they
 * fall into some table entry whose rule accepts them (so the UNPREDICTABLE
 * list applies); "t32_it_block" (IT plus its 1-4 instructions) and
 * "t32_it_state" (one instruction with a random ITSTATE in the CPSR); and
 * in SVC-mode samples "a32_svc_only"/"t32_svc_only" (exception returns,
 * SRS, SPSR access after an MSR SPSR that sets the same SPSR in both) and
 * "a32_banked" (mode changes, LDM^/STM^ after a prologue that sets every
 * mode's banked registers in both).
 */
#ifndef DIFF_UNICORN_GEN_H
#define DIFF_UNICORN_GEN_H

#include <cstdint>
#include <string>
#include <vector>

/* ---- deterministic random numbers (xorshift64*) ---- */
struct DiffRng {
    uint64_t s;
    explicit DiffRng(uint64_t seed) : s(seed * 0x9E3779B97F4A7C15ull + 0x2545F4914F6CDD1Dull) {
        if (!s) s = 1;
        for (int i = 0; i < 4; i++) next();
    }
    uint32_t next() {
        s ^= s >> 12;
        s ^= s << 25;
        s ^= s >> 27;
        return (uint32_t)((s * 0x2545F4914F6CDD1Dull) >> 32);
    }
    uint32_t below(uint32_t n) { return (uint32_t)(((uint64_t)next() * n) >> 32); }
    bool chance(unsigned percent) { return below(100) < percent; }
};

/* ---- memory layout shared by the ISS and Unicorn ---- */
enum : uint32_t {
    DIFF_RAM_BASE = 0x00010000u,  /* start of all RAM */
    DIFF_DATA_BASE = 0x00010000u, /* 64 KiB data region (no execute in Unicorn) */
    DIFF_DATA_SIZE = 0x00010000u,
    DIFF_CODE_BASE = 0x00020000u, /* 12 KiB code/literal region */
    DIFF_CODE_SIZE = 0x00003000u,
    DIFF_RAM_SIZE = DIFF_DATA_SIZE + DIFF_CODE_SIZE,
    DIFF_CODE_PC = 0x00021800u    /* where the instruction under test sits */
};

/* ---- skip reasons (the documented UNPREDICTABLE list and deviations) ---- */
extern const char *const diffgen_reject;
/* UNPREDICTABLE per ARM ARM pseudocode: */
extern const char *const U_PC_OPERAND;   /* "if d == 15 || n == 15 || m == 15 ..." */
extern const char *const U_T32_SP_PC;    /* T32: r13 or r15 where the encoding says UNPREDICTABLE */
extern const char *const U_WB_RT;        /* writeback with Rn == Rt (or Rt2) */
extern const char *const U_WB_PC;        /* writeback with Rn == PC */
extern const char *const U_LIST_BASE_WB; /* LDM/STM with writeback and the base in the list */
extern const char *const U_STM_BASE;     /* STM base in list, not lowest: stored value UNKNOWN */
extern const char *const U_LIST_COUNT;   /* register list too short */
extern const char *const U_LIST_SP_PC;   /* T32 LDM/STM/PUSH/POP list with SP (or PC for STM) */
extern const char *const U_RDHI_RDLO;    /* long multiply RdHi == RdLo */
extern const char *const U_DUAL_RT;      /* LDRD/STRD Rt odd, Rt == LR, Rt == Rt2, Rm overlap */
extern const char *const U_EXCL_OVERLAP; /* STREX Rd == Rn/Rt/Rt2 */
extern const char *const U_SWP_OVERLAP;  /* SWP Rn == Rt or Rn == Rt2 */
extern const char *const U_BITFIELD;     /* msb < lsb, lsb + width > 32 */
extern const char *const U_USER_ERET;    /* exception return / SPSR access / ^ forms in User mode */
extern const char *const U_IT_BRANCH;    /* PC write or IT-forbidden insn inside IT (not last) */
extern const char *const U_IT_COND;      /* IT firstcond 1111, or AL with more than one insn */
extern const char *const U_MSR_MASK;     /* MSR with mask == 0 */
extern const char *const U_LOAD_PC_ALIGN;/* LDR PC from an address with bits 1:0 != 00 */
extern const char *const U_BX_ARM_BIT1;  /* interworking to ARM state with address bit 1 set */
extern const char *const U_BKPT_COND;    /* BKPT with condition != AL */
extern const char *const U_CPS;          /* CPS with inconsistent imod/M/A:I:F/mode */
extern const char *const U_PSR_RESERVED; /* MSR writing 1 to PSR bits 23:20 or J */
/* Unicorn deviations decided at generation time: */
extern const char *const D_UC_ISB_IT;    /* ISB inside an IT block loses ITSTATE in Unicorn */
extern const char *const D_UC_DP_ERET;   /* only SUBS/MOVS PC do an exception return in Unicorn */
extern const char *const D_UC_VMRS_PL1;  /* VMRS/VMSR system registers at PL1 ignore CPACR in Unicorn */
/* Harness limits (state the harness cannot give both models): */
extern const char *const H_CP15_PRIV;    /* CP15 compared in User mode only */
extern const char *const H_TPIDR;        /* c13 thread ID registers not synchronised */

/* Encoding flags of an entry. */
enum : unsigned {
    DG_BRANCH = 1u << 0,  /* may write the PC: only last in an IT block */
    DG_NOIT = 1u << 1,    /* never inside an IT block (CBZ, B<c>, IT, SETEND...) */
    DG_ALIGN2 = 1u << 2,  /* architecturally requires halfword alignment (LDREXH) */
    DG_ALIGN4 = 1u << 3,  /* word alignment required regardless of SCTLR.A (LDM, LDRD, LDREX, SWP) */
    DG_ALIGN8 = 1u << 4,  /* doubleword alignment required (LDREXD/STREXD) */
    DG_RAW = 1u << 5,     /* uniform random word: no per-encoding filter */
    DG_HINT_YIELD = 1u << 6, /* YIELD/WFE: Unicorn deviation, see diff_unicorn.cc */
    DG_SETUP = 1u << 7       /* state set-up/observation around the instruction under test */
};

/* Field view of one encoding, given to the rules. */
struct DiffEntry;
struct DiffFields {
    uint32_t enc = 0;
    const DiffEntry *e = nullptr;
    bool thumb = false;
    bool in_it = false, last_in_it = false;
    const uint32_t *regs = nullptr; /* r0..r14 before the instruction */
    uint32_t pc = 0;                /* address of the instruction */
    uint32_t operator()(char c) const; /* value of field c (0 if absent) */
    bool has(char c) const;
    uint32_t bit(int b) const { return (enc >> b) & 1u; }
    /* Register value as the instruction reads it (PC: +8 A32 / +4 T32). */
    uint32_t rv(unsigned r) const {
        return r == 15 ? pc + (thumb ? 4u : 8u) : regs[r];
    }
};

typedef const char *(*DiffRule)(const DiffFields &f);

struct DiffEntry {
    const char *name;  /* instruction (group) name */
    const char *cls;   /* encoding class for the statistics */
    const char *pat;   /* pattern, see above */
    DiffRule rule;     /* nullptr = no constraint */
    unsigned flags;    /* DG_* */
    unsigned weight;   /* relative weight inside its class */
    DiffEntry(const char *n, const char *c, const char *p, DiffRule r, unsigned fl, unsigned w)
        : name(n), cls(c), pat(p), rule(r), flags(fl), weight(w) {}
    /* compiled by diffgen_init(): */
    uint32_t fixed_mask = 0, fixed_val = 0;
    unsigned size = 0; /* 2 or 4 bytes */
    int field_bits[128][32] = {};
    int field_len[128] = {};
};

/* One generated test case: 1..5 instructions run back to back. */
struct DiffInsn {
    uint32_t enc;  /* trace-hook format (T32 32-bit: first halfword in 31:16) */
    unsigned size; /* 2 or 4 */
    const DiffEntry *e;
};
struct DiffSample {
    bool thumb = false;
    std::vector<DiffInsn> insns;
    const char *cls = "";     /* class used for statistics */
    unsigned flags = 0;       /* OR of the entries' flags */
    uint32_t regs[15] = {};   /* r0..r14 */
    uint32_t cpsr = 0;        /* full CPSR to start from (mode, T, IT, flags) */
    const char *skip = nullptr; /* non-null: UNPREDICTABLE/deviation reason */
    uint32_t pc = DIFF_CODE_PC; /* address of the first instruction (T32: may be +2) */
};

enum DiffIsa { DIFF_A32, DIFF_T32 };

/* Build the tables (once). */
void diffgen_init();
/* Generate one sample for `isa`, starting in processor mode `mode`. */
DiffSample diffgen_sample(DiffRng &rng, DiffIsa isa, uint32_t mode);
/* If the sample ends with a store-exclusive: its address and size. */
bool diffgen_store_exclusive(const DiffSample &s, uint32_t *addr, unsigned *size);
/* If the sample contains SMLAD/SMLSD (with accumulate): true when the
 * architectural result (ARM ARM A8.8.167/A8.8.177: one unbounded sum) fits
 * in 32 bits, i.e. the instruction must not set Q. */
bool diffgen_smlad_no_overflow(const DiffSample &s);
/* Names of all classes of `isa` (for the statistics table). */
std::vector<std::string> diffgen_classes(DiffIsa isa);

#endif /* DIFF_UNICORN_GEN_H */
