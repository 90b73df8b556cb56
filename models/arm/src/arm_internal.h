/*
 * arm_internal.h - internal interfaces of the dprsim ARMv7-A ISS.
 *
 * THIS HEADER IS THE CONTRACT FOR t32_*.c (the Thumb-2 decoder) AND the
 * A32 decoder. Changes are ADDITIVE ONLY: never change the meaning of
 * an existing field, flag, handler or convention below.
 *
 * Overview
 *  - struct arm_cpu holds all state of one CPU (no globals).
 *  - Instructions are decoded once into an arm_insn (handler pointer plus
 *    pre-extracted fields) and kept in a direct-mapped decoded-instruction
 *    cache tagged by (PC, instruction set, in-IT-block) and validated by the
 *    raw encoding on every execution (so self-modifying code works).
 *  - Decoding is data-driven: tables of arm_decode_entry (mask/match, name,
 *    decode function). A32 in a32_decode.c, T32 in t32_*.c.
 *  - A32 and T32 share the SAME semantic handlers (arm_h_*). A decoder only
 *    fills arm_insn fields according to the conventions documented here and
 *    picks a handler.
 *
 * ---- Execution conventions (all handlers) ----
 *  PC READS. Before a handler runs, the run loop sets
 *      cpu->r[15] = insn_address + 8   (A32)
 *      cpu->r[15] = insn_address + 4   (T32)
 *  i.e. the architectural PC value. Handlers read operands with cpu->r[n]
 *  and therefore see the right PC for n == 15. Where the ARM ARM uses
 *  Align(PC,4) (T32 literal loads, ADR, BLX imm from Thumb), the decoder
 *  either sets ARM_IF_ALIGNPC (load/store handlers then use
 *  Align(r[15],4) as the base when rn == 15) or, because the decoded cache
 *  is tagged by the full PC, folds the PC-relative value into a constant
 *  using cpu->decode_pc (the address of the instruction being decoded).
 *  PC WRITES. Handlers never write cpu->r[15] directly. They write the next
 *  PC with one of arm_branch_write_pc / arm_bx_write_pc / arm_alu_write_pc /
 *  arm_load_write_pc (ARM ARM A2.3.1 pseudocode names), which set
 *  cpu->next_pc (and the T bit for interworking). If no handler writes it,
 *  next_pc = insn_address + size (preset by the loop).
 *  FLAGS. N, Z, C, V are kept split for speed (see struct arm_cpu): use
 *  arm_set_nz(), arm_add_with_carry() etc. Never touch cpu->cpsr_rest for
 *  flags.
 *  ABORTS. Memory helpers (arm_read*, arm_write*) take the data abort
 *  themselves and do not return (longjmp to the run loop). Handlers must
 *  therefore perform ALL their memory reads before writing any register
 *  (LDM, LDRD, POP, TBB...). Stores may be partially done on an abort
 *  (architecturally allowed).
 *  UNDEFINED at execute time (e.g. a coprocessor that is absent): call
 *  arm_take_undef(cpu) and return.
 *  CONDITION. The loop checks the condition before calling the handler:
 *  i->cond for A32 and T32 B<cond>, ITSTATE[7:4] inside an IT block. The
 *  loop also advances ITSTATE after each instruction that executed inside
 *  an IT block (condition passed or not). The IT instruction handler just
 *  sets cpu->itstate (the loop does not advance it for that instruction).
 *  T32 16-bit encodings whose behaviour depends on being in an IT block
 *  (setflags = !InITBlock()) read cpu->itstate at decode time: the cache
 *  tag includes the "in IT block" bit (ARM_TAG_INIT), so that is safe.
 *  When decoding for disassembly, cpu is NULL: assume "not in IT block".
 *  CYCLES. i->cycles (filled by a9_timing_apply() after decode from
 *  i->tclass and fields) is added per executed instruction; handlers add
 *  data-dependent extra cycles to cpu->cycles directly (taken branch,
 *  unaligned LDM, bus delay).
 */
#ifndef ARM_INTERNAL_H
#define ARM_INTERNAL_H

#include <setjmp.h>
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#include "arm/arm_cpu.h"

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define ARM_LIKELY(x) __builtin_expect(!!(x), 1)
#define ARM_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define ARM_NORETURN __attribute__((noreturn))
#else
#define ARM_LIKELY(x) (x)
#define ARM_UNLIKELY(x) (x)
#define ARM_NORETURN
#endif

typedef struct arm_insn arm_insn;

/* A semantic handler: executes one decoded instruction (condition passed). */
typedef void (*arm_handler)(arm_cpu *cpu, const arm_insn *i);

/* ---- arm_insn flags (i->flags) ---- */
#define ARM_IF_S        (1u << 0)  /* setflags */
#define ARM_IF_P        (1u << 1)  /* load/store: pre-indexed (offset applied to the address); LDM/STM: "before" */
#define ARM_IF_U        (1u << 2)  /* load/store: add offset; LDM/STM: increment */
#define ARM_IF_W        (1u << 3)  /* write back the base (decoder sets it for post-indexed forms too) */
#define ARM_IF_REGOFF   (1u << 4)  /* load/store: offset = Shift(r[rm], shift_type, shift_imm), else imm */
#define ARM_IF_USER     (1u << 5)  /* LDRT/STRT family: access with PL0 permissions */
#define ARM_IF_ALIGNPC  (1u << 6)  /* load/store base: when rn == 15 use Align(r[15],4) */
#define ARM_IF_IMMC     (1u << 7)  /* DP immediate: shifter carry-out = imm bit 31 (rotation != 0); else C unchanged */
#define ARM_IF_NHIGH    (1u << 8)  /* SMULxy/SMLAxy/SMLALxy: use top half of rn (x = T) */
#define ARM_IF_MHIGH    (1u << 9)  /* SMULxy/SMLAxy/SMLALxy/SMULWy/SMLAWy: use top half of rm (y = T) */
#define ARM_IF_MSWAP    (1u << 10) /* SMLAD/SMUAD/SMLSD/SMUSD/SMLALD/SMLSLD: X bit, swap halves of rm */
#define ARM_IF_ROUND    (1u << 11) /* SMMUL/SMMLA/SMMLS: R bit */
#define ARM_IF_SUB      (1u << 12) /* SMLSD/SMUSD/SMLSLD: subtract the products */
#define ARM_IF_SPSR     (1u << 13) /* MRS/MSR: the R bit (SPSR instead of CPSR) */
#define ARM_IF_USERBANK (1u << 14) /* LDM/STM with ^ (user bank, or exception return if PC loaded) */
#define ARM_IF_ACC      (1u << 15) /* extend: accumulate form (XTA*: rd = rn + extend(rm)) */
#define ARM_IF_TB       (1u << 16) /* PKHTB (else PKHBT) */
#define ARM_IF_LINK     (1u << 17) /* branch with link */
#define ARM_IF_THUMBSRC (1u << 18) /* instruction was decoded from T32 (set by the loop for T32 decodes) */
#define ARM_IF_UNCOND   (1u << 19) /* execute even when the IT condition fails (T32 BKPT, A8.8.24);
                                    * ITSTATE still advances */

/* Shift types in i->shift_type (DecodeImmShift already applied by the decoder). */
enum { ARM_SHIFT_LSL = 0, ARM_SHIFT_LSR = 1, ARM_SHIFT_ASR = 2, ARM_SHIFT_ROR = 3,
       ARM_SHIFT_RRX = 4 };

/* Data-processing opcodes (ARM numbering; ORN is T32 only). */
enum {
    ARM_DP_AND = 0, ARM_DP_EOR, ARM_DP_SUB, ARM_DP_RSB, ARM_DP_ADD, ARM_DP_ADC,
    ARM_DP_SBC, ARM_DP_RSC, ARM_DP_TST, ARM_DP_TEQ, ARM_DP_CMP, ARM_DP_CMN,
    ARM_DP_ORR, ARM_DP_MOV, ARM_DP_BIC, ARM_DP_MVN, ARM_DP_ORN, ARM_DP_COUNT
};

/* Operand-2 forms for data processing. */
enum {
    ARM_OP2_IMM = 0,      /* operand2 = i->imm (already expanded, ARMExpandImm/ThumbExpandImm) */
    ARM_OP2_IMMSHIFT = 1, /* operand2 = Shift_C(r[rm], shift_type, shift_imm) */
    ARM_OP2_REGSHIFT = 2  /* operand2 = Shift_C(r[rm], shift_type, r[rs]<7:0>); shift_type 0..3 */
};

/* Load/store sizes in i->op for arm_h_load / arm_h_store / exclusives. */
enum {
    ARM_LS_W = 0,  /* word */
    ARM_LS_B = 1,  /* unsigned byte */
    ARM_LS_H = 2,  /* unsigned halfword */
    ARM_LS_SB = 3, /* signed byte (loads only) */
    ARM_LS_SH = 4, /* signed halfword (loads only) */
    ARM_LS_D = 5   /* doubleword (exclusives only: LDREXD/STREXD) */
};

/* Extend operations in i->op for arm_h_extend. */
enum { ARM_EXT_SXTB16 = 0, ARM_EXT_SXTB, ARM_EXT_SXTH, ARM_EXT_UXTB16, ARM_EXT_UXTB,
       ARM_EXT_UXTH };

/*
 * Parallel add/subtract (arm_h_parallel): i->op = (kind << 3) | opc.
 *  kind: 0 S, 1 Q, 2 SH, 3 U, 4 UQ, 5 UH
 *  opc : 0 ADD16, 1 ASX, 2 SAX, 3 SUB16, 4 ADD8, 7 SUB8 (A32 op2 numbering)
 */
enum { ARM_PAR_S = 0, ARM_PAR_Q, ARM_PAR_SH, ARM_PAR_U, ARM_PAR_UQ, ARM_PAR_UH };
enum { ARM_PAR_ADD16 = 0, ARM_PAR_ASX = 1, ARM_PAR_SAX = 2, ARM_PAR_SUB16 = 3,
       ARM_PAR_ADD8 = 4, ARM_PAR_SUB8 = 7 };

/* Hints in i->op for arm_h_hint. */
enum { ARM_HINT_NOP = 0, ARM_HINT_YIELD, ARM_HINT_WFE, ARM_HINT_WFI, ARM_HINT_SEV,
       ARM_HINT_DMB, ARM_HINT_DSB, ARM_HINT_ISB, ARM_HINT_PLD, ARM_HINT_PLI, ARM_HINT_DBG };

/*
 * One decoded instruction. Register fields hold 0..15. Which field means
 * what is given per handler below; the generic names are:
 *   rd  destination (Rd, RdHi for long multiplies, Rt for loads/stores)
 *   rn  first operand / base register
 *   rm  second operand / offset register / branch target register
 *   rs  register-specified shift amount (Rs); STREX status register (Rd)
 *   ra  accumulator (Ra), RdLo for long multiplies, Rt2 for LDRD/STRD
 */
struct arm_insn {
    arm_handler fn;       /* semantic handler (never NULL after decode) */
    uint32_t raw;         /* encoding; T32 32-bit: first halfword in bits 31:16 */
    uint32_t pc_tag;      /* decoded-cache tag: instruction address */
    uint32_t imm;         /* immediate (expanded), offset, branch offset, packed fields */
    uint32_t flags;       /* ARM_IF_* */
    uint16_t reglist;     /* LDM/STM/PUSH/POP register list */
    uint8_t size;         /* 2 or 4 */
    uint8_t cond;         /* condition 0..14 (14 = AL); 15 is treated as AL */
    uint8_t rd, rn, rm, rs, ra;
    uint8_t shift_type;   /* ARM_SHIFT_* */
    uint8_t shift_imm;    /* decoded shift amount 0..32, rotation, lsb... (per handler) */
    uint8_t op;           /* handler-specific sub-operation */
    uint8_t tclass;       /* timing class (a9_timing.h, A9_* enum); 0 = default single-issue */
    uint8_t cycles;       /* issue cycles, filled by a9_timing_apply() */
    uint8_t latency;      /* result latency (a9_timing_apply; used by issue 3's interlock model) */
    uint8_t tag_mode;     /* decoded-cache tag: ARM_TAG_* bits */
    uint8_t cp_opc1, cp_crn, cp_crm, cp_opc2, cp_num; /* coprocessor fields (MRC/MCR/MRRC/MCRR) */
    /* ==== iss-vfp block: VFP / Advanced SIMD register numbers 0..31 (S or D
     * registers per handler, vfp_internal.h); they fill the struct's padding ==== */
    uint8_t vd, vn, vm;
    /* ==== end iss-vfp block ==== */
    /* ==== iss-timing block: pipeline model fields, filled by
     * a9_timing_apply() (a9_timing.h) ==== */
    uint8_t tsrc[3];      /* core registers read early enough to interlock (0..14; 16 = none) */
    uint16_t tdst;        /* registers written with result latency > issue cycles (interlock producers) */
    uint8_t tbr;          /* A9_BR_* branch-prediction kind (0 = not a predicted branch) */
    uint8_t tpost;        /* A9_POST_* summary bits tested by the run loop */
    /* ==== end iss-timing block ==== */
    /* ==== vfp-timing block: VFP / Advanced SIMD interlock footprint, set
     * by the VFP and NEON decoders (vfp_decode.c, exec_neon.c) for the
     * A9_VFP_* / A9_NEON_* classes of a9_timing.h; 0 for other classes ==== */
    uint32_t tvsrc;       /* D registers read at issue (bit n = D<n>; S<2n>/S<2n+1> and Q<n/2> map to D<n>) */
    uint32_t tvdst;       /* D registers written (ready at issue + latency) */
    /* ==== end vfp-timing block ==== */
};

#define ARM_TAG_THUMB 1u  /* decoded as T32 */
#define ARM_TAG_INIT  2u  /* decoded while inside an IT block */
#define ARM_TAG_VALID 4u  /* entry holds a decoded instruction */

/* ---- decode tables ---- */

/*
 * One decode-table entry. An encoding x matches when (x & mask) == match.
 * Entries of one table must not overlap (two entries matching the same
 * encoding) unless one of them declares that it overrides the other:
 * `overrides` is a space-separated list of entry names and/or group names
 * (an entry belongs to the group named by its `group` field) that this
 * entry wins over. tests/arm/test_decode_overlap.cc checks every pair of
 * every table and also that arm_decode_find() returns the overriding entry.
 *
 * decode() fills *out (all fields are zeroed by the caller beforehand,
 * cond preset to 14, size preset) and sets out->fn. It returns 0, or -1
 * for an UNDEFINED encoding (the caller then installs the undefined-
 * instruction handler). cpu may be NULL (disassembly).
 * fmt is a disassembly format for arm_format_insn() (may be NULL when the
 * table's own disassembler handles the entry).
 */
typedef struct arm_decode_entry {
    uint32_t mask;
    uint32_t match;
    const char *name;      /* unique within the table; also the mnemonic used by fmt's %N */
    const char *group;     /* group name or NULL */
    const char *overrides; /* space-separated names/groups this entry wins over, or NULL */
    int (*decode)(arm_cpu *cpu, uint32_t insn, arm_insn *out);
    const char *fmt;
} arm_decode_entry;

/*
 * Find the entry for `insn`: among all matching entries, the one not
 * overridden by another matching entry. Returns NULL when none matches.
 * (If two matching entries do not declare an override relation, the first
 * in table order wins; the overlap test makes that a test failure.)
 */
const arm_decode_entry *arm_decode_find(const arm_decode_entry *table, size_t n,
                                        uint32_t insn);
/* Does entry a declare that it overrides entry b (by name or group)? */
int arm_decode_overrides(const arm_decode_entry *a, const arm_decode_entry *b);

const arm_decode_entry *arm_a32_table(size_t *n);
const arm_decode_entry *arm_t32_16_table(size_t *n); /* t32_*.c */
const arm_decode_entry *arm_t32_32_table(size_t *n); /* t32_*.c */

/* A32 decode of one word (fills *out; returns 0 or -1 for UNDEFINED). */
int arm_a32_decode(arm_cpu *cpu, uint32_t insn, arm_insn *out);
/*
 * T32 decode (t32_*.c). size 2: insn is the halfword; size 4: first
 * halfword in bits 31:16, second in 15:0. Returns 0 or -1 (UNDEFINED).
 * out is zeroed with cond = 14 and size set before the call.
 */
int arm_t32_decode(arm_cpu *cpu, uint32_t insn, unsigned size, arm_insn *out);
/* T32 disassembly (t32_*.c), same contract as arm_disasm(). */
int arm_t32_disasm(uint32_t pc, uint32_t insn, unsigned size, char *buf, size_t len);

/*
 * Disassembly formatter shared by A32 and T32. Copies fmt to buf, expanding:
 *   %N  the `name` argument (entry name) as mnemonic
 *   %F  mnemonic derived from i->fn and fields (smulbt, uxtab, ldrexd,
 *       shadd8, pkhtb, smlsdx, smmulr, ldmdb, cpsid, hints...), else name
 *   %c  condition suffix of i->cond (nothing for AL)
 *   %s  "s" when ARM_IF_S
 *   %d %n %m %S %a   registers rd, rn, rm, rs, ra (r0..r12, sp, lr, pc)
 *   %r  ", ra" unless ra == 15 (SMLAD/SMUAD, USADA8 style)
 *   %x  ", ra" for doubleword exclusives (op == ARM_LS_D)
 *   %i  "#<imm>" (decimal below 10, hex otherwise)
 *   %l  shift_imm in decimal (lsb, mode number);  %w  imm in decimal
 *   %o  data-processing operand 2 per op form (i->op >> 5 holds ARM_OP2_*,
 *       i->op & 31 the ARM_DP_* opcode: both set by arm_dp_finish)
 *   %D  data-processing mnemonic with S suffix (from i->op, see %o)
 *   %O  data-processing operands per opcode: "rd, rn, op2", "rd, op2"
 *       (MOV/MVN) or "rn, op2" (TST/TEQ/CMP/CMN)
 *   %h  ", <shift> #n" of shift_type/shift_imm (empty for LSL #0)
 *   %A  load/store addressing mode "[rn, #-4]!", "[rn], rm, lsl #2", ...
 *   %L  register list "{r0, r4-r6, lr}";  %! "!" if ARM_IF_W;  %^ "^" if ARM_IF_USERBANK
 *   %B  branch target (pc + 8/4 + imm, per ARM_IF_THUMBSRC; BLX imm aligns)
 *   %P  "cpsr"/"spsr" (+ "_fsxc" field mask for MSR)
 *   %Y  extend operands "rd, [rn, ]rm[, ror #n]"
 *   %b  BFI/BFC operands "rd, [rn, ]#lsb, #width"
 *   %C  coprocessor operands "p15, #0, r0, c1, c0, #0" (MRRC/MCRR form too)
 *   %Z  CPS operands "if, #mode";  %e  "le"/"be"
 *   %V  a VFP / Advanced SIMD instruction, mnemonic and operands
 *       (arm_vfp_format, vfp_disasm.c)
 *   %%  '%'
 * Returns the number of characters written (buf always NUL-terminated).
 */
int arm_format_insn(const arm_insn *i, const char *name, const char *fmt, uint32_t pc,
                    char *buf, size_t len);

/* ---- the CPU ---- */

/* Register banks (index into the banked arrays). */
enum { ARM_BANK_USR = 0, ARM_BANK_FIQ, ARM_BANK_IRQ, ARM_BANK_SVC, ARM_BANK_ABT,
       ARM_BANK_UND, ARM_BANK_MON, ARM_BANK_COUNT };

#define ARM_ICACHE_BITS 14 /* decoded-instruction cache: 2^14 entries, direct-mapped by PC>>2 (A32) / PC>>1 (T32) */
#define ARM_ICACHE_SIZE (1u << ARM_ICACHE_BITS)

/* Pending-event bits (cpu->events): the run loop leaves the fast path when non-zero. */
#define ARM_EV_IRQ  1u  /* IRQ line high and CPSR.I clear */
#define ARM_EV_FIQ  2u  /* FIQ line high and CPSR.F clear */
#define ARM_EV_STOP 4u  /* stop requested (arm_cpu_request_stop / hook) */
#define ARM_EV_HALT 8u  /* cannot continue (halt_msg) */

/* RAM lookup: 1 MiB granules fully covered by one region use the L1 array
 * directly; partially covered granules use a 256-entry 4 KiB page array. */
typedef struct arm_ram_region {
    uint32_t base, size;
    uint8_t *host;
    int read_only;
} arm_ram_region;
#define ARM_MAX_RAM_REGIONS 16

/* CP15 state (issue 3 adds MMU/TLB state here). */
typedef struct arm_cp15 {
    uint32_t sctlr;      /* c1,c0,0 */
    uint32_t actlr;      /* c1,c0,1 */
    uint32_t cpacr;      /* c1,c0,2 */
    uint32_t ttbr0, ttbr1, ttbcr; /* c2 (kept for issue 3's MMU) */
    uint32_t dacr;       /* c3 */
    uint32_t dfsr, ifsr, adfsr, aifsr; /* c5 */
    uint32_t dfar, ifar; /* c6 */
    uint32_t par;        /* c7,c4,0 */
    uint32_t vbar;       /* c12,c0,0 */
    uint32_t contextidr; /* c13,c0,1 */
    uint32_t tpidrurw, tpidruro, tpidrprw; /* c13,c0,2/3/4 */
    uint32_t csselr;     /* c0 (opc1 2) */
    uint32_t prrr, nmrr; /* c10,c2,0/1 */
    uint32_t scr, sder, nsacr; /* c1,c1,0/1/2 (Security Extensions; stored only) */
    uint32_t pwrctrl;    /* A9 power control, c15,c0,0 */
    /* PMU (c9): PMCR, enables, overflow flags, selection, user enable,
     * interrupt enables, 6 event counters (Cortex-A9 PMCR.N = 6) and the
     * cycle counter. Counters are brought up to date lazily (cp15.c
     * pmu_sync) from cpu->cycles / cpu->insns. */
    uint32_t pmcr, pmcnten, pmovsr, pmselr, pmuserenr, pminten;
    uint32_t pmevtyper[6];
    uint64_t pmccntr;             /* 64-bit internally; PMCCNTR reads bits 31:0 */
    uint32_t pmccntr_div;         /* cycles not yet counted with PMCR.D (divide by 64) */
    uint32_t pmevcntr[6];
    uint64_t pmu_sync_cycles, pmu_sync_insns;
} arm_cp15;

/* SCTLR bits used by the core. */
#define ARM_SCTLR_M  (1u << 0)
#define ARM_SCTLR_A  (1u << 1)
#define ARM_SCTLR_C  (1u << 2)
#define ARM_SCTLR_Z  (1u << 11)
#define ARM_SCTLR_I  (1u << 12)
#define ARM_SCTLR_V  (1u << 13)
#define ARM_SCTLR_U  (1u << 22)
#define ARM_SCTLR_EE (1u << 25)
#define ARM_SCTLR_TE (1u << 30)

/*
 * One TLB entry of the short-descriptor MMU (mmu.c). The TLB is a single
 * unified 128-entry 2-way set-associative array (Cortex-A9 main TLB size;
 * the A9 micro-TLBs are not modelled separately). Every entry holds the
 * translation of ONE 4 KiB page, also for sections, supersections and
 * large pages (region_mask keeps the size of the original
 * mapping for TLBIMVA). Domain, AP and XN are cached and checked at access
 * time, so DACR writes take effect without a flush.
 */
typedef struct arm_tlb_entry {
    uint32_t va_page;     /* VA[31:12] << 12 of the cached 4 KiB page */
    uint32_t pa_page;     /* PA[31:12] << 12 */
    uint32_t region_mask; /* size - 1 of the original mapping (0xFFF .. 0xFFFFFF) */
    uint8_t valid;
    uint8_t global;       /* nG == 0: matches every ASID */
    uint8_t asid;         /* CONTEXTIDR[7:0] at walk time (non-global entries) */
    uint8_t domain;       /* 0..15 */
    uint8_t ap;           /* AP[2:0] */
    uint8_t xn;
    uint8_t level;        /* 1 = section/supersection, 2 = page (fault status) */
    uint8_t memattr;      /* iss-cache: cacheability from TEX/C/B (a9_cache.h A9C_ATTR) */
} arm_tlb_entry;

#define ARM_TLB_SETS 64
#define ARM_TLB_WAYS 2

/* ==== iss-fast block: types for the observation hooks and the MMU
 * host-pointer cache (cpu.c, mem.c, mmu.c). ==== */

/* Decoded-cache tag bit: a probe is set at this entry's address (pc_tag).
 * The run loop's tag compare fails on it, so only probed entries leave the
 * hot path; decode_into() sets it, arm_cpu_add_probe/clear_probes
 * re-evaluate it. */
#define ARM_TAG_PROBE 8u

/* One probe (arm_cpu_add_probe). */
typedef struct arm_probe {
    uint32_t va;
    unsigned id;
} arm_probe;

/*
 * MMU host-pointer cache ("fast path", mem.c). In front of the TLB: per
 * privilege (PL0/PL1) and access kind (read, write, fetch) a direct-mapped
 * array of ARM_FAST_SIZE entries indexed by VA[19:12]. An entry says "the
 * 4 KiB page va_page is RAM at host address addend + va and this kind of
 * access at this PL passed the TLB's checks". Invariants:
 *  - filled only after a successful arm_mmu_translate() of an aligned
 *    access (so the page is in the TLB) to a RAM page (never MMIO, never
 *    ROM for writes), never for debugger accesses;
 *  - an entry never outlives its TLB entry: TLB replacement and TLBIMVA/
 *    TLBIASID drop the page (arm_fast_drop_page), TLBIALL flushes all;
 *  - flushed (arm_fast_flush) on every write of TTBR0/1, TTBCR, DACR,
 *    SCTLR, CONTEXTIDR and on reset. Mode changes need no flush: the
 *    tables are per privilege (LDRT/STRT use the PL0 tables).
 * Unaligned accesses, big-endian data (CPSR.E) and misses take the slow
 * path, which does every architectural check.
 */
#define ARM_FAST_BITS 8
#define ARM_FAST_SIZE (1u << ARM_FAST_BITS)
enum { ARM_FAST_RD = 0, ARM_FAST_WR = 1, ARM_FAST_FX = 2, ARM_FAST_KINDS = 3 };
#define ARM_FAST_INVALID 0xFFFFFFFFu /* never a page-aligned VA */
typedef struct arm_fast_entry {
    uint32_t va_page;  /* VA[31:12] << 12, or ARM_FAST_INVALID */
    uintptr_t addend;  /* host pointer = (uint8_t *)(addend + va) */
} arm_fast_entry;

/* cpu->data_slow bits (0 = MMU off, little-endian: inline RAM path). */
#define ARM_SLOW_MMU 1  /* MMU on: the host-pointer cache, then the slow path */
#define ARM_SLOW_BE  2  /* CPSR.E = 1: byte-reversed data, always the slow path */
#define ARM_SLOW_CACHE 4 /* iss-cache: the cache model is on, every data access is charged by it */
/* ==== end iss-fast block (types) ==== */

struct arm_cpu {
    /* --- hot state --- */
    uint32_t r[16];       /* current-mode view; r[15] = architectural PC value during a handler */
    uint32_t pc;          /* address of the instruction being executed / next to execute */
    uint32_t next_pc;     /* set by the loop to pc+size, changed by *_write_pc helpers */
    uint32_t nf;          /* N = bit 31 */
    uint32_t zf;          /* Z = (zf == 0) */
    uint32_t cf;          /* C = 0 or 1 */
    uint32_t vf;          /* V = bit 31 */
    uint32_t qf;          /* Q = 0 or 1 */
    uint32_t ge;          /* GE[3:0] in bits 3:0 */
    uint32_t thumb;       /* CPSR.T (0/1) */
    uint32_t itstate;     /* ITSTATE[7:0] (CPSR IT bits) */
    uint32_t cpsr_rest;   /* CPSR bits not split out: M[4:0], F, I, A, E, J (N/Z/C/V/Q/GE/IT/T are zero here) */
    uint32_t events;      /* ARM_EV_* */
    uint64_t cycles;      /* CPU clock cycles */
    uint64_t insns;       /* instructions retired (incl. condition failed) */
    arm_insn *icache;     /* ARM_ICACHE_SIZE entries */
    uint32_t decode_pc;   /* address of the instruction being decoded (decoders may fold it) */
    int mmu_on;           /* SCTLR.M: when set, all accesses go through arm_mem_translate (issue 3) */
    int data_slow;        /* data accesses must take the slow path: mmu_on or CPSR.E (big-endian
                           * data); kept current by arm_update_data_slow() */
    int priv;             /* current PL1 (1) or PL0 (0), cached from the mode */

    /* RAM fast path */
    uint8_t *ram_mb_rd[4096];     /* host pointer of the MiB start, NULL if not fully RAM */
    uint8_t *ram_mb_wr[4096];     /* same for writes (NULL for ROM) */
    uint8_t **ram_pg_rd[4096];    /* partial MiB: 256 page pointers, or NULL */
    uint8_t **ram_pg_wr[4096];
    arm_ram_region ram[ARM_MAX_RAM_REGIONS];
    unsigned nram;
    arm_bus bus;

    /* --- banked registers --- */
    uint32_t bank_r13[ARM_BANK_COUNT];
    uint32_t bank_r14[ARM_BANK_COUNT];
    uint32_t bank_spsr[ARM_BANK_COUNT];  /* [ARM_BANK_USR] unused */
    uint32_t usr_r8_12[5];               /* r8..r12 of every mode but FIQ */
    uint32_t fiq_r8_12[5];
    unsigned bank;                       /* bank of the current mode */

    /* --- system --- */
    arm_cp15 cp15;
    int irq_line, fiq_line;
    int wfi_pending;       /* last run stopped on WFI */
    uint32_t excl_addr;    /* exclusive monitor (local): address tagged by LDREX */
    int excl_valid;
    unsigned excl_size;

    /* hooks */
    arm_svc_hook svc_hook; void *svc_opaque;
    arm_bkpt_hook bkpt_hook; void *bkpt_opaque;
    arm_trace_hook trace_hook; void *trace_opaque;
    arm_exception_hook exc_hook; void *exc_opaque;

    /* run-loop control */
    jmp_buf abort_jmp;     /* target of aborts raised inside handlers */
    int in_run;            /* abort_jmp valid */
    arm_stop_reason stop_reason;
    int exc_hook_stopped;  /* the exception hook stopped the run before an exception */
    char halt_msg[160];
    uint64_t exc_count[ARM_EXC_COUNT];
    uint64_t icache_misses;
    uint64_t slow_accesses;

    /* --- MMU (mmu.c, issue 3) --- */
    arm_tlb_entry tlb[ARM_TLB_SETS][ARM_TLB_WAYS];
    uint8_t tlb_victim[ARM_TLB_SETS]; /* next way to replace (round robin) */
    uint64_t tlb_hits, tlb_misses, tlb_flushes, page_walks;

    /* ==== iss-fast block: observation hooks and the MMU host-pointer
     * cache (cpu.c, mem.c, mmu.c; see arm_cpu.h and the types above) ==== */
    arm_probe probes[ARM_MAX_PROBES];
    unsigned nprobes;
    arm_probe_hook probe_hook; void *probe_opaque;
    arm_mode_hook mode_hook; void *mode_opaque;
    arm_context_hook ctx_hook; void *ctx_opaque;
    arm_fast_entry fast[2][ARM_FAST_KINDS][ARM_FAST_SIZE]; /* [PL1?][kind][VA[19:12]] */
    int fast_dirty;          /* some entry filled since the last arm_fast_flush */
    uint64_t tlb_fast_hits;  /* accesses served by the host-pointer cache (not in tlb_hits) */
    /* ==== end iss-fast block (fields) ==== */

    /* ==== iss-timing block: Cortex-A9 pipeline model (a9_timing.c) ==== */
    unsigned timing_model;   /* arm_timing_model (arm_cpu.h) */
    uint64_t tm_ready[17];    /* cycle at which each register's last result is ready ([16] = 0) */
    uint64_t tm_ready_ff[17]; /* the same for consumers that take the load fast-forward path */
    uint64_t tm_stall_cycles, tm_interlocks;
    uint32_t bp_ghr;         /* global branch history (taken = 1), newest in bit 0 */
    struct { uint32_t tag, target; } bp_btac[256][2]; /* 2-way, 512 entries; tag = PC|T|valid */
    uint8_t bp_btac_lru[256];                       /* way to replace next */
    uint8_t bp_ghb[4096];    /* 2-bit saturating direction counters */
    uint32_t bp_rs[8];       /* return stack (circular), addresses with the Thumb bit */
    unsigned bp_rs_top, bp_rs_depth;
    uint64_t bp_branches, bp_mispredicts, bp_returns, bp_return_hits;
    /* ==== end iss-timing block ==== */

    /* ==== vfp-timing block: VFP / Advanced SIMD interlocks (a9_timing.c) ==== */
    uint64_t tm_vready[32];  /* cycle at which each D register's last VFP/NEON result is ready */
    uint64_t tm_vdone;       /* cycle at which every issued VFP/NEON result (VCMP: the FPSCR
                              * flags) is written back; VMRS/VMSR wait for it */
    /* ==== end vfp-timing block ==== */

    /* ==== iss-vfp block: VFPv3-D32 / Advanced SIMD state (exec_vfp.c,
     * exec_neon.c, vfp_*.c) ==== */
    uint64_t vfp_d[32];    /* D0-D31; S<2n> = bits 31:0 of D<n>, S<2n+1> = bits 63:32;
                            * Q<n> = D<2n+1>:D<2n> */
    uint32_t fpscr;        /* FPSCR (ARM ARM B6.1.17): N,Z,C,V, QC, AHP, DN, FZ, RMode,
                            * Stride, Len, cumulative flags (A9: trap enables RAZ/WI) */
    uint32_t fpexc;        /* FPEXC (B6.1.10): EN (bit 30) */
    /* ==== end iss-vfp block (fields) ==== */

    /* ==== iss-cache block: optional L1/L2/DDR cache timing model
     * (a9_cache.{c,h}; arm_cpu_set_cache_model) ==== */
    struct a9_cache *cache;  /* allocated at the first arm_cpu_set_cache_model(cpu, 1) */
    int cache_on;            /* the model charges accesses (off: no cost at all) */
    int cache_l2_on;         /* PL310 enabled (arm_cpu_set_l2_enabled), kept across resets */
    unsigned cache_attr;     /* attribute byte of the last successful MMU translation */
    uint32_t cache_fetch_line; /* (VA >> 5) + 1 of the last fetch line charged, 0 = none */
    /* PA page and attribute byte of each host-pointer cache entry (same
     * indices as `fast`), so that the slow path with the cache model on can
     * skip the translation of an access the host-pointer cache holds */
    uint32_t cache_fast_pa[2][ARM_FAST_KINDS][ARM_FAST_SIZE];
    uint8_t cache_fast_attr[2][ARM_FAST_KINDS][ARM_FAST_SIZE];
    /* ==== end iss-cache block (fields) ==== */
};

/* ==== iss-cache block: hooks of the cache model (a9_cache.c) ==== */
/* Data access of `size` bytes at physical pa (after its successful
 * translation; cpu->cache_attr holds the MMU attributes): charges the
 * model for every line touched, RAM only. Call only when cpu->cache_on. */
void arm_cache_data(arm_cpu *cpu, uint32_t pa, unsigned size, int is_write);
/* Translation-table walk read at pa with the TTBR's attribute byte. */
void arm_cache_walk(arm_cpu *cpu, uint32_t pa, unsigned attr);
/* Instruction fetch from a new line at va (run loop, cache_on only). */
void arm_cache_fetch(arm_cpu *cpu, uint32_t va);
/* CP15 c7 cache / branch-predictor maintenance write with the model on
 * (cp15.c calls it for the encodings it accepts). */
void arm_cache_maint(arm_cpu *cpu, unsigned crm, unsigned opc2, uint32_t value);
/* Invalidate the whole model (reset). */
void arm_cache_reset(arm_cpu *cpu);
/* ==== end iss-cache block (hooks) ==== */

/* ---- CPSR / modes ---- */

uint32_t arm_get_cpsr(const arm_cpu *cpu);
/*
 * Write CPSR bits selected by `mask` (the MSR field mask expanded to bits)
 * as-is: switches banks on a mode change, updates T, IT, flags and the
 * pending-event bits. No privilege checks (callers do them).
 */
void arm_write_cpsr(arm_cpu *cpu, uint32_t value, uint32_t mask);
/* Switch to `mode` (M[4:0]) with register banking; other CPSR bits unchanged. */
void arm_set_mode(arm_cpu *cpu, uint32_t mode);
static inline uint32_t arm_mode(const arm_cpu *cpu) { return cpu->cpsr_rest & ARM_MODE_MASK; }
/* Is the current mode one with an SPSR (not USR/SYS)? */
int arm_have_spsr(const arm_cpu *cpu);
/* Read/write r[n] of the USR bank regardless of mode (LDM/STM ^). */
uint32_t arm_get_user_reg(arm_cpu *cpu, unsigned n);
void arm_set_user_reg(arm_cpu *cpu, unsigned n, uint32_t v);
/* Recompute cpu->data_slow (call after changing CPSR.E or the MMU enable). */
void arm_update_data_slow(arm_cpu *cpu);
/* Recompute cpu->events from lines and masks (call after changing I/F or lines). */
void arm_update_events(arm_cpu *cpu);
/* Bank (ARM_BANK_*) of a mode number (USR and SYS share ARM_BANK_USR). */
unsigned arm_mode_bank(uint32_t mode);
/* Is a mode number valid on this CPU (USR FIQ IRQ SVC MON ABT UND SYS)? */
int arm_mode_valid(uint32_t mode);

/* ---- flags ---- */
static inline void arm_set_nz(arm_cpu *cpu, uint32_t res) { cpu->nf = res; cpu->zf = res; }
/* AddWithCarry (ARM ARM A2.2.1): returns the sum; sets NZCV if setflags. */
static inline uint32_t arm_add_with_carry(arm_cpu *cpu, uint32_t a, uint32_t b,
                                          uint32_t carry_in, int setflags)
{
    uint64_t u = (uint64_t)a + b + carry_in;
    uint32_t res = (uint32_t)u;
    if (setflags) {
        cpu->nf = cpu->zf = res;
        cpu->cf = (uint32_t)(u >> 32);
        cpu->vf = (a ^ res) & (b ^ res);
    }
    return res;
}
/* ConditionPassed for cond 0..15 from the current flags. */
int arm_cond_pass(const arm_cpu *cpu, unsigned cond);

/*
 * Shift_C (ARM ARM A8.4.3). type ARM_SHIFT_*, amount 0..255 (register
 * shifts pass r[rs]<7:0>; immediate shifts pass the decoded amount; RRX
 * ignores amount). *carry_out gets the shifter carry (carry_in when
 * amount == 0).
 */
static inline uint32_t arm_shift_c(uint32_t v, unsigned type, unsigned amount,
                                   uint32_t carry_in, uint32_t *carry_out)
{
    switch (type) {
    case ARM_SHIFT_LSL:
        if (amount == 0) { *carry_out = carry_in; return v; }
        if (amount < 32) { *carry_out = (v >> (32 - amount)) & 1; return v << amount; }
        *carry_out = amount == 32 ? (v & 1) : 0;
        return 0;
    case ARM_SHIFT_LSR:
        if (amount == 0) { *carry_out = carry_in; return v; }
        if (amount < 32) { *carry_out = (v >> (amount - 1)) & 1; return v >> amount; }
        *carry_out = amount == 32 ? (v >> 31) : 0;
        return 0;
    case ARM_SHIFT_ASR:
        if (amount == 0) { *carry_out = carry_in; return v; }
        if (amount < 32) { *carry_out = (v >> (amount - 1)) & 1; return (uint32_t)((int32_t)v >> amount); }
        *carry_out = v >> 31;
        return (uint32_t)((int32_t)v >> 31);
    case ARM_SHIFT_ROR:
        if (amount == 0) { *carry_out = carry_in; return v; }
        amount &= 31;
        if (amount == 0) { *carry_out = v >> 31; return v; }
        v = (v >> amount) | (v << (32 - amount));
        *carry_out = v >> 31;
        return v;
    default: /* RRX */
        *carry_out = v & 1;
        return (v >> 1) | (carry_in << 31);
    }
}
/* Shift without carry. */
static inline uint32_t arm_shift(uint32_t v, unsigned type, unsigned amount, uint32_t carry_in)
{
    uint32_t c;
    return arm_shift_c(v, type, amount, carry_in, &c);
}

/* ---- PC writes (ARM ARM A2.3.1) ---- */
/* BranchWritePC: stays in the current instruction set. */
static inline void arm_branch_write_pc(arm_cpu *cpu, uint32_t addr)
{
    cpu->next_pc = cpu->thumb ? (addr & ~1u) : (addr & ~3u);
}
/* BXWritePC: interworking on bit 0 (bit 1 set with bit 0 clear is UNPREDICTABLE: we clear it). */
void arm_bx_write_pc(arm_cpu *cpu, uint32_t addr);
/* ALUWritePC: BXWritePC in ARM state (ARMv7), BranchWritePC in Thumb. */
static inline void arm_alu_write_pc(arm_cpu *cpu, uint32_t addr)
{
    if (cpu->thumb) arm_branch_write_pc(cpu, addr); else arm_bx_write_pc(cpu, addr);
}
/* LoadWritePC: BXWritePC (ARMv5T and later). */
static inline void arm_load_write_pc(arm_cpu *cpu, uint32_t addr) { arm_bx_write_pc(cpu, addr); }

/* ---- exceptions ---- */

/*
 * Take exception `exc` (ARMv7-A, ARM ARM B1.8): hooks first (exception
 * hook may stop the run), then SPSR, mode switch, masks, LR, vector.
 * `pc` is the address of the instruction that caused it (IRQ/FIQ: the
 * next instruction to execute). For SVC the caller has already advanced
 * ITSTATE. Sets next_pc to the vector.
 */
void arm_take_exception(arm_cpu *cpu, arm_exception exc, uint32_t pc);
/* Take the undefined-instruction exception for the current instruction. */
void arm_take_undef(arm_cpu *cpu);
/*
 * Data abort at `va` with DFSR status `fsr` (FS encoding incl. bit 10,
 * WnR bit 11, ExT bit 12): sets DFSR/DFAR, takes the exception and
 * longjmps to the run loop (does not return).
 */
ARM_NORETURN void arm_raise_dabt(arm_cpu *cpu, uint32_t va, uint32_t fsr);
/* Ask the run loop to halt with a message (internal invariant / unsupported). */
void arm_halt(arm_cpu *cpu, const char *fmt, ...);

#define ARM_FSR_ALIGN    0x001u
#define ARM_FSR_EXTABT   0x008u  /* synchronous external abort */
#define ARM_FSR_WNR      (1u << 11)
#define ARM_FSR_EXT      (1u << 12)

/* ---- memory (data side) ---- */
/* Access flags for arm_read / arm_write. */
#define ARM_ACC_USER   1u  /* LDRT/STRT: PL0 permissions (used by the MMU, issue 3) */
#define ARM_ACC_ALIGN  2u  /* must be naturally aligned (LDM/STM, LDRD, LDREX, SWP...): alignment fault otherwise */
#define ARM_ACC_FETCH  4u  /* instruction fetch (prefetch abort instead of data abort) */
#define ARM_ACC_DEBUG  8u  /* debugger view (arm_cpu_read_mem/write_mem): MMU uses the TLB or a
                            * walk but inserts nothing, counts nothing, checks no domain/AP */

/*
 * Data reads/writes at virtual address va (byte-reversed when CPSR.E = 1).
 * Unaligned word/halfword
 * accesses are allowed when SCTLR.A == 0 and ARM_ACC_ALIGN is not given
 * (ARMv7, SCTLR.U = 1), else alignment fault. On a fault these take the
 * data abort and do not return.
 */
/* Slow paths (MMU on, unaligned, not RAM, faults): */
uint32_t arm_read_slow(arm_cpu *cpu, uint32_t va, unsigned size, unsigned acc);
void arm_write_slow(arm_cpu *cpu, uint32_t va, unsigned size, uint32_t v, unsigned acc);

/* ==== iss-fast block: MMU host-pointer cache and observation helpers ==== */
/* Drop every host-pointer cache entry (mem.c). */
void arm_fast_flush(arm_cpu *cpu);
/* Drop the entries of one VA page (all PLs and kinds): the TLB let it go. */
void arm_fast_drop_page(arm_cpu *cpu, uint32_t va_page);
/* After a successful MMU translation va -> pa of an aligned access of
 * `kind` (ARM_FAST_*) with access flags acc: cache the page if it is RAM. */
void arm_fast_fill(arm_cpu *cpu, uint32_t va, uint32_t pa, unsigned kind, unsigned acc);
/* CP15 CONTEXTIDR write (cp15.c): store, flush the cache, context hook. */
void arm_set_contextidr(arm_cpu *cpu, uint32_t value);
/* Call the mode hook if CPSR.M differs from old_mode (cpu.c). */
void arm_mode_changed(arm_cpu *cpu, uint32_t old_mode);

/* Host pointer for an aligned access of `kind` at va from the cache, or
 * NULL (then the slow path decides). Only meaningful with the MMU on. */
static inline uint8_t *arm_fast_lookup(arm_cpu *cpu, uint32_t va, unsigned kind, unsigned acc)
{
    const arm_fast_entry *e =
        &cpu->fast[(acc & ARM_ACC_USER) ? 0 : cpu->priv][kind][(va >> 12) & (ARM_FAST_SIZE - 1)];
    if (ARM_LIKELY(e->va_page == (va & ~0xFFFu))) {
        cpu->tlb_fast_hits++;
        return (uint8_t *)(e->addend + va);
    }
    return NULL;
}
/* ==== end iss-fast block (helpers) ==== */

/* Fast paths inline, aligned accesses to RAM (host is little-endian):
 * MMU off and little-endian data: the MiB table; MMU on (little-endian):
 * the host-pointer cache. Everything else: the slow path. */
static inline uint32_t arm_read32(arm_cpu *cpu, uint32_t va, unsigned acc)
{
    if (ARM_LIKELY((va & 3) == 0)) {
        if (ARM_LIKELY(!cpu->data_slow)) {
            uint8_t *h = cpu->ram_mb_rd[va >> 20];
            if (ARM_LIKELY(h != NULL)) { uint32_t v; memcpy(&v, h + (va & 0xFFFFFu), 4); return v; }
        } else if (cpu->data_slow == ARM_SLOW_MMU) {
            uint8_t *h = arm_fast_lookup(cpu, va, ARM_FAST_RD, acc);
            if (ARM_LIKELY(h != NULL)) { uint32_t v; memcpy(&v, h, 4); return v; }
        }
    }
    return arm_read_slow(cpu, va, 4, acc);
}
static inline uint32_t arm_read16(arm_cpu *cpu, uint32_t va, unsigned acc)
{
    if (ARM_LIKELY((va & 1) == 0)) {
        if (ARM_LIKELY(!cpu->data_slow)) {
            uint8_t *h = cpu->ram_mb_rd[va >> 20];
            if (ARM_LIKELY(h != NULL)) { uint16_t v; memcpy(&v, h + (va & 0xFFFFFu), 2); return v; }
        } else if (cpu->data_slow == ARM_SLOW_MMU) {
            uint8_t *h = arm_fast_lookup(cpu, va, ARM_FAST_RD, acc);
            if (ARM_LIKELY(h != NULL)) { uint16_t v; memcpy(&v, h, 2); return v; }
        }
    }
    return arm_read_slow(cpu, va, 2, acc);
}
static inline uint32_t arm_read8(arm_cpu *cpu, uint32_t va, unsigned acc)
{
    if (ARM_LIKELY(!cpu->data_slow)) {
        uint8_t *h = cpu->ram_mb_rd[va >> 20];
        if (ARM_LIKELY(h != NULL)) return h[va & 0xFFFFFu];
    } else if (cpu->data_slow == ARM_SLOW_MMU) {
        uint8_t *h = arm_fast_lookup(cpu, va, ARM_FAST_RD, acc);
        if (ARM_LIKELY(h != NULL)) return *h;
    }
    return arm_read_slow(cpu, va, 1, acc);
}
static inline void arm_write32(arm_cpu *cpu, uint32_t va, uint32_t v, unsigned acc)
{
    if (ARM_LIKELY((va & 3) == 0)) {
        if (ARM_LIKELY(!cpu->data_slow)) {
            uint8_t *h = cpu->ram_mb_wr[va >> 20];
            if (ARM_LIKELY(h != NULL)) { memcpy(h + (va & 0xFFFFFu), &v, 4); return; }
        } else if (cpu->data_slow == ARM_SLOW_MMU) {
            uint8_t *h = arm_fast_lookup(cpu, va, ARM_FAST_WR, acc);
            if (ARM_LIKELY(h != NULL)) { memcpy(h, &v, 4); return; }
        }
    }
    arm_write_slow(cpu, va, 4, v, acc);
}
static inline void arm_write16(arm_cpu *cpu, uint32_t va, uint32_t v, unsigned acc)
{
    if (ARM_LIKELY((va & 1) == 0)) {
        if (ARM_LIKELY(!cpu->data_slow)) {
            uint8_t *h = cpu->ram_mb_wr[va >> 20];
            if (ARM_LIKELY(h != NULL)) { uint16_t x = (uint16_t)v; memcpy(h + (va & 0xFFFFFu), &x, 2); return; }
        } else if (cpu->data_slow == ARM_SLOW_MMU) {
            uint8_t *h = arm_fast_lookup(cpu, va, ARM_FAST_WR, acc);
            if (ARM_LIKELY(h != NULL)) { uint16_t x = (uint16_t)v; memcpy(h, &x, 2); return; }
        }
    }
    arm_write_slow(cpu, va, 2, v, acc);
}
static inline void arm_write8(arm_cpu *cpu, uint32_t va, uint32_t v, unsigned acc)
{
    if (ARM_LIKELY(!cpu->data_slow)) {
        uint8_t *h = cpu->ram_mb_wr[va >> 20];
        if (ARM_LIKELY(h != NULL)) { h[va & 0xFFFFFu] = (uint8_t)v; return; }
    } else if (cpu->data_slow == ARM_SLOW_MMU) {
        uint8_t *h = arm_fast_lookup(cpu, va, ARM_FAST_WR, acc);
        if (ARM_LIKELY(h != NULL)) { *h = (uint8_t)v; return; }
    }
    arm_write_slow(cpu, va, 1, v, acc);
}

/*
 * The single translation step. With the MMU off it returns va; with it
 * on it calls arm_mmu_translate(). Returns 0 and *pa on success, else a
 * DFSR/IFSR status.
 */
uint32_t arm_mem_translate(arm_cpu *cpu, uint32_t va, unsigned acc, int is_write,
                           uint32_t *pa);

/* ---- MMU (mmu.c): ARMv7-A short-descriptor translation, ARM ARM B3 ---- */
/*
 * Translate va with the MMU on (SCTLR.M = 1): TLB lookup, else a table
 * walk (TTBR0/TTBR1 per TTBCR.N, PD0/PD1), then access flag (SCTLR.AFE),
 * domain (DACR) and permission (AP[2:0], XN for fetches) checks. acc:
 * ARM_ACC_USER checks PL0 permissions, ARM_ACC_FETCH checks execute
 * permission. Returns 0 and *pa, or a short-descriptor FSR: FS (bit 10 =
 * FS[4]) and the domain in bits 7:4 (the caller adds WnR; instruction
 * fetches get no domain since IFSR has none).
 */
uint32_t arm_mmu_translate(arm_cpu *cpu, uint32_t va, unsigned acc, int is_write,
                           uint32_t *pa);
/* TLB maintenance (CP15 c8): invalidate all / by MVA and current-ASID
 * match / by ASID / by MVA for all ASIDs. */
void arm_tlb_flush_all(arm_cpu *cpu);
void arm_tlb_flush_mva(arm_cpu *cpu, uint32_t mva, unsigned asid);
void arm_tlb_flush_asid(arm_cpu *cpu, unsigned asid);
void arm_tlb_flush_mva_all_asid(arm_cpu *cpu, uint32_t mva);

#define ARM_FSR_AF_SECT    0x003u
#define ARM_FSR_AF_PAGE    0x006u
#define ARM_FSR_TRANS_SECT 0x005u
#define ARM_FSR_TRANS_PAGE 0x007u
#define ARM_FSR_DOM_SECT   0x009u
#define ARM_FSR_DOM_PAGE   0x00Bu
#define ARM_FSR_WALK_L1    0x00Cu  /* synchronous external abort on the walk, L1 */
#define ARM_FSR_WALK_L2    0x00Eu
#define ARM_FSR_PERM_SECT  0x00Du
#define ARM_FSR_PERM_PAGE  0x00Fu
#define ARM_SCTLR_AFE (1u << 29)

/* Host pointer for physical [pa, pa+len) if it lies in one RAM page, else NULL. */
static inline uint8_t *arm_ram_ptr(const arm_cpu *cpu, uint32_t pa, int write)
{
    uint8_t *h = write ? cpu->ram_mb_wr[pa >> 20] : cpu->ram_mb_rd[pa >> 20];
    if (ARM_LIKELY(h != NULL)) return h + (pa & 0xFFFFFu);
    {
        uint8_t **pg = write ? cpu->ram_pg_wr[pa >> 20] : cpu->ram_pg_rd[pa >> 20];
        if (pg && pg[(pa >> 12) & 0xFF]) return pg[(pa >> 12) & 0xFF] + (pa & 0xFFFu);
    }
    return NULL;
}

/* ---- semantic handlers (shared by A32 and T32) ----
 * Each comment lists the arm_insn fields the handler uses.
 */

/*
 * Data processing. Use arm_dp_finish() rather than naming handlers: it
 * picks the fastest handler for (op, form, setflags, rd) and also sets
 * i->op (op | form << 5) and i->tclass for timing and disassembly. Fields:
 *   op = ARM_DP_*, rd, rn (ignored by MOV/MVN), and
 *   ARM_OP2_IMM:      imm = expanded immediate, ARM_IF_IMMC as documented
 *   ARM_OP2_IMMSHIFT: rm, shift_type (incl. RRX), shift_imm (1..32 for LSR/ASR #32 decoded)
 *   ARM_OP2_REGSHIFT: rm, rs, shift_type 0..3
 *   ARM_IF_S setflags. rd == 15 with S in a mode with an SPSR: exception
 *   return (CPSR = SPSR, ARM ARM B9.3.20 SUBS PC, LR); rd == 15 without S:
 *   ALUWritePC. The flags of compare ops are always set (S implied: the
 *   decoder must set ARM_IF_S for TST/TEQ/CMP/CMN).
 * Call as: arm_dp_finish(out, ARM_DP_ADD, ARM_OP2_IMM) after filling the
 * fields; it sets out->fn.
 */
void arm_dp_finish(arm_insn *out, unsigned op, unsigned form);

/* MOVW: rd = imm (16 bit). MOVT: rd<31:16> = imm. */
void arm_h_movw(arm_cpu *cpu, const arm_insn *i);
void arm_h_movt(arm_cpu *cpu, const arm_insn *i);

/* Multiplies. rd = Rd (or RdHi), ra = Ra (or RdLo), rn, rm = operands. ARM_IF_S where allowed. */
void arm_h_mul(arm_cpu *cpu, const arm_insn *i);    /* rd = rn*rm; S: N,Z */
void arm_h_mla(arm_cpu *cpu, const arm_insn *i);    /* rd = rn*rm + ra; S: N,Z */
void arm_h_mls(arm_cpu *cpu, const arm_insn *i);    /* rd = ra - rn*rm */
void arm_h_umull(arm_cpu *cpu, const arm_insn *i);  /* rd:ra = rn*rm (unsigned); S: N,Z */
void arm_h_smull(arm_cpu *cpu, const arm_insn *i);
void arm_h_umlal(arm_cpu *cpu, const arm_insn *i);  /* rd:ra += rn*rm */
void arm_h_smlal(arm_cpu *cpu, const arm_insn *i);
void arm_h_umaal(arm_cpu *cpu, const arm_insn *i);  /* rd:ra = rn*rm + rd + ra */
void arm_h_smulxy(arm_cpu *cpu, const arm_insn *i); /* ARM_IF_NHIGH/MHIGH */
void arm_h_smlaxy(arm_cpu *cpu, const arm_insn *i); /* + ra, sets Q on overflow */
void arm_h_smulwy(arm_cpu *cpu, const arm_insn *i); /* (rn * rm.half) >> 16; ARM_IF_MHIGH */
void arm_h_smlawy(arm_cpu *cpu, const arm_insn *i); /* + ra, Q */
void arm_h_smlalxy(arm_cpu *cpu, const arm_insn *i);/* rd:ra += rn.x * rm.y */
void arm_h_smuad(arm_cpu *cpu, const arm_insn *i);  /* SMUAD/SMUSD: ARM_IF_MSWAP, ARM_IF_SUB; Q on overflow (SMUAD) */
void arm_h_smlad(arm_cpu *cpu, const arm_insn *i);  /* SMLAD/SMLSD: + ra; Q */
void arm_h_smlald(arm_cpu *cpu, const arm_insn *i); /* SMLALD/SMLSLD: rd:ra += ...; ARM_IF_MSWAP, ARM_IF_SUB */
void arm_h_smmul(arm_cpu *cpu, const arm_insn *i);  /* rd = (rn*rm)>>32; ARM_IF_ROUND */
void arm_h_smmla(arm_cpu *cpu, const arm_insn *i);  /* rd = (ra<<32 + rn*rm)>>32 */
void arm_h_smmls(arm_cpu *cpu, const arm_insn *i);  /* rd = (ra<<32 - rn*rm)>>32 */

/* Saturating. QADD etc.: rd = sat(rm op rn) per ARM ARM (note operand order: QADD Rd, Rm, Rn). */
void arm_h_qadd(arm_cpu *cpu, const arm_insn *i);
void arm_h_qsub(arm_cpu *cpu, const arm_insn *i);
void arm_h_qdadd(arm_cpu *cpu, const arm_insn *i);
void arm_h_qdsub(arm_cpu *cpu, const arm_insn *i);
/* SSAT/USAT: rd = sat(Shift(rn, shift_type (LSL or ASR), shift_imm), imm bits); imm = saturate_to (SSAT: 1..32, USAT: 0..31). */
void arm_h_ssat(arm_cpu *cpu, const arm_insn *i);
void arm_h_usat(arm_cpu *cpu, const arm_insn *i);
/* SSAT16/USAT16: rd = halves of rn saturated to imm bits. */
void arm_h_ssat16(arm_cpu *cpu, const arm_insn *i);
void arm_h_usat16(arm_cpu *cpu, const arm_insn *i);

/* Parallel add/subtract: rd = rn op rm, op as documented above; sets GE for S/U kinds. */
void arm_h_parallel(arm_cpu *cpu, const arm_insn *i);
void arm_h_sel(arm_cpu *cpu, const arm_insn *i);     /* rd = GE-select(rn, rm) */
/* PKHBT/PKHTB: rd = pack(rn, Shift(rm, shift_type, shift_imm)); ARM_IF_TB. */
void arm_h_pkh(arm_cpu *cpu, const arm_insn *i);
/* Extend: op = ARM_EXT_*, rm rotated right by shift_imm (0/8/16/24); ARM_IF_ACC adds rn. */
void arm_h_extend(arm_cpu *cpu, const arm_insn *i);

/* Bit operations. */
void arm_h_clz(arm_cpu *cpu, const arm_insn *i);     /* rd = CLZ(rm) */
void arm_h_rbit(arm_cpu *cpu, const arm_insn *i);    /* rd = RBIT(rm) */
void arm_h_rev(arm_cpu *cpu, const arm_insn *i);
void arm_h_rev16(arm_cpu *cpu, const arm_insn *i);
void arm_h_revsh(arm_cpu *cpu, const arm_insn *i);
/* BFI: rd<msb:lsb> = rn<width-1:0>; BFC: rn ignored. shift_imm = lsb, imm = msb. */
void arm_h_bfi(arm_cpu *cpu, const arm_insn *i);
void arm_h_bfc(arm_cpu *cpu, const arm_insn *i);
/* UBFX/SBFX: rd = extract(rn, lsb = shift_imm, width = imm (1..32)). */
void arm_h_ubfx(arm_cpu *cpu, const arm_insn *i);
void arm_h_sbfx(arm_cpu *cpu, const arm_insn *i);
/* USAD8: rd = sum |rn.b - rm.b|; USADA8: + ra. */
void arm_h_usad8(arm_cpu *cpu, const arm_insn *i);
void arm_h_usada8(arm_cpu *cpu, const arm_insn *i);

/*
 * Single loads/stores: rd = Rt, rn = base, op = ARM_LS_* size,
 * offset = imm (ARM_IF_REGOFF clear) or Shift(r[rm], shift_type, shift_imm),
 * ARM_IF_P / ARM_IF_U / ARM_IF_W (set W for post-indexed), ARM_IF_USER
 * (xxxT forms), ARM_IF_ALIGNPC. Loading PC: LoadWritePC (interworking).
 * Call arm_ls_finish(out, is_load) after filling the fields: it picks the
 * handler (fast variants for the common forms) and the timing class.
 */
void arm_ls_finish(arm_insn *out, int is_load);
void arm_h_load(arm_cpu *cpu, const arm_insn *i);
void arm_h_store(arm_cpu *cpu, const arm_insn *i);
/* LDRD/STRD: rd = Rt, ra = Rt2, addressing as above (op unused). */
void arm_h_ldrd(arm_cpu *cpu, const arm_insn *i);
void arm_h_strd(arm_cpu *cpu, const arm_insn *i);
/*
 * Exclusives: op = ARM_LS_W/B/H/D, rn = base, imm = offset (T32 LDREX/STREX imm8<<2),
 * rd = Rt, ra = Rt2 (D), rs = status register Rd of STREX*.
 */
void arm_h_ldrex(arm_cpu *cpu, const arm_insn *i);
void arm_h_strex(arm_cpu *cpu, const arm_insn *i);
void arm_h_clrex(arm_cpu *cpu, const arm_insn *i);
/* SWP/SWPB: rd = Rt, rm = Rt2 (value stored), rn = address, op = ARM_LS_W or ARM_LS_B. */
void arm_h_swp(arm_cpu *cpu, const arm_insn *i);
/*
 * LDM/STM: rn, reglist, ARM_IF_U (increment), ARM_IF_P (before), ARM_IF_W,
 * ARM_IF_USERBANK (^). PUSH = STMDB sp!, POP = LDMIA sp!. PC in a load list:
 * LoadWritePC (or exception return with ^). Call arm_lsm_finish(out, is_load)
 * to set fn and timing.
 */
void arm_lsm_finish(arm_insn *out, int is_load);
void arm_h_ldm(arm_cpu *cpu, const arm_insn *i);
void arm_h_stm(arm_cpu *cpu, const arm_insn *i);

/*
 * Branches. Target of B/BL = r[15] + imm (imm already sign-extended and
 * scaled). B with cond: i->cond (T32 B<c> sets it; inside IT the loop
 * uses ITSTATE). BL: LR = next instruction address (| 1 in Thumb).
 * BLX imm: target = Align(r[15],4) + imm, changes instruction set.
 * BX/BLX reg: rm; BXWritePC.
 */
void arm_h_b(arm_cpu *cpu, const arm_insn *i);
void arm_h_bl(arm_cpu *cpu, const arm_insn *i);
void arm_h_blx_imm(arm_cpu *cpu, const arm_insn *i);
void arm_h_bx(arm_cpu *cpu, const arm_insn *i);
void arm_h_blx_reg(arm_cpu *cpu, const arm_insn *i);

/* Hints, barriers, preload: op = ARM_HINT_*. WFI stops the run (ARM_STOP_WFI) when no interrupt is pending. */
void arm_h_hint(arm_cpu *cpu, const arm_insn *i);

/*
 * Status registers.
 * MRS: rd = CPSR (APSR bits at PL0) or SPSR (ARM_IF_SPSR).
 * MSR: op = field mask bits (bit0 c, bit1 x, bit2 s, bit3 f); value = imm
 * (arm_h_msr_imm) or r[rn] (arm_h_msr_reg); ARM_IF_SPSR. Privilege rules of
 * ARM ARM B9.3.12 applied by the handler.
 */
void arm_h_mrs(arm_cpu *cpu, const arm_insn *i);
void arm_h_msr_imm(arm_cpu *cpu, const arm_insn *i);
void arm_h_msr_reg(arm_cpu *cpu, const arm_insn *i);
/*
 * CPS: op bits 1:0 = imod (0 no change, 2 = IE: clear masks, 3 = ID: set
 * masks), op bit 2 = change mode to shift_imm; imm = the mask bits affected,
 * in CPSR positions (ARM_CPSR_A | ARM_CPSR_I | ARM_CPSR_F subset). NOP at PL0.
 */
void arm_h_cps(arm_cpu *cpu, const arm_insn *i);
/* SRS: shift_imm = mode, ARM_IF_P/U/W (DA/DB/IA/IB as LDM/STM). RFE: rn, ARM_IF_P/U/W. */
void arm_h_srs(arm_cpu *cpu, const arm_insn *i);
void arm_h_rfe(arm_cpu *cpu, const arm_insn *i);
/* SETEND: imm = E bit (1 = big-endian data accesses). */
void arm_h_setend(arm_cpu *cpu, const arm_insn *i);

/* Exceptions by instruction: imm = the immediate. */
void arm_h_svc(arm_cpu *cpu, const arm_insn *i);
void arm_h_bkpt(arm_cpu *cpu, const arm_insn *i);
void arm_h_udf(arm_cpu *cpu, const arm_insn *i);  /* UDF and every UNDEFINED encoding */

/*
 * Coprocessor: cp_num, cp_opc1, cp_crn, cp_crm, cp_opc2; rd = Rt, ra = Rt2
 * (MRRC/MCRR: rd = Rt, ra = Rt2, cp_opc1 = opc1, cp_crm = CRm).
 * p15 goes to the CP15 model; anything else (incl. CP10/CP11 until VFP) is
 * UNDEFINED. MRC with Rt == 15 writes NZCV (APSR_nzcv form).
 */
void arm_h_mrc(arm_cpu *cpu, const arm_insn *i);
void arm_h_mcr(arm_cpu *cpu, const arm_insn *i);
void arm_h_mrrc(arm_cpu *cpu, const arm_insn *i);
void arm_h_mcrr(arm_cpu *cpu, const arm_insn *i);

/* CP15 register access (cp15.c). Return 0 on success, -1 for UNDEFINED. */
int arm_cp15_read(arm_cpu *cpu, unsigned opc1, unsigned crn, unsigned crm, unsigned opc2,
                  uint32_t *value);
int arm_cp15_write(arm_cpu *cpu, unsigned opc1, unsigned crn, unsigned crm, unsigned opc2,
                   uint32_t value);
void arm_cp15_reset(arm_cpu *cpu);
/* ==== iss-vfp block: VFP/Advanced SIMD reset (exec_vfp.c), called by
 * arm_cp15_reset(): FPEXC.EN = 0, FPSCR = 0, registers 0 ==== */
void arm_vfp_reset(arm_cpu *cpu);
/* ==== end iss-vfp block ==== */

/* Register-name helper for disassemblers ("r0".."r12", "sp", "lr", "pc"). */
const char *arm_reg_name(unsigned r);
/* Condition suffix ("eq".."le", "" for AL and 15). */
const char *arm_cond_name(unsigned cond);

#ifdef __cplusplus
}
#endif

#endif /* ARM_INTERNAL_H */
