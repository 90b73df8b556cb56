/*
 * a9_timing.h - Cortex-A9 instruction timing classes (the cycle table lives
 * in a9_timing.c with its sources).
 *
 * Decoders set arm_insn.tclass to one of A9_*; the run loop calls
 * a9_timing_apply() once per decode, which fills arm_insn.cycles (issue
 * cycles charged per executed instruction) and arm_insn.latency (result
 * latency, for the load-use interlock model of issue 3). Part of the
 * contract for t32_*.c (additive changes only).
 */
#ifndef A9_TIMING_H
#define A9_TIMING_H

#include "arm_internal.h"

#ifdef __cplusplus
extern "C" {
#endif

enum a9_class {
    A9_DEFAULT = 0,   /* single-issue, 1 cycle (hints, moves, status) */
    A9_ALU,           /* data processing, no shift / immediate operand */
    A9_ALU_SHIFT_IMM, /* data processing with immediate-shifted register */
    A9_ALU_SHIFT_REG, /* data processing with register-shifted register */
    A9_EXTEND,        /* SXTB/UXTB/UXTH/SXTH, REV, RBIT, CLZ */
    A9_EXTEND_ACC,    /* SXTAB/UXTAB... */
    A9_BITFIELD,      /* UBFX/SBFX/BFI/BFC, PKH */
    A9_SAT,           /* SSAT/USAT/QADD.../parallel add-sub/SEL/USAD8 */
    A9_MUL,           /* MUL/MLA/MLS */
    A9_MUL16,         /* SMULxy/SMLAxy/SMULWy/SMLAWy/SMUAD/SMLAD/SMMUL... */
    A9_MUL_LONG,      /* UMULL/SMULL/UMLAL/SMLAL/UMAAL/SMLALxy/SMLALD */
    A9_LOAD,          /* LDR word, simple addressing / LSL #2 register offset */
    A9_LOAD_SHIFT,    /* LDR word with other register-shifted offsets */
    A9_LOAD_BH,       /* LDRB/LDRH/LDRSB/LDRSH simple addressing */
    A9_LOAD_BH_SHIFT, /* LDRB/LDRH with register-shifted offsets */
    A9_STORE,         /* STR/STRB/STRH */
    A9_LOADD,         /* LDRD/STRD, LDREXD/STREXD */
    A9_LSM,           /* LDM/STM/PUSH/POP (cycles from the register count) */
    A9_BRANCH,        /* B/BL/BLX imm (predicted) */
    A9_BRANCH_REG,    /* BX/BLX reg */
    A9_EXCL,          /* LDREX/STREX/CLREX/SWP */
    A9_COPROC,        /* MRC/MCR/MRRC/MCRR */
    A9_SYSTEM,        /* MSR/CPS/SRS/RFE/barriers/SVC (pipeline-serialising) */
    A9_CLASS_COUNT
};

/* Penalties charged by handlers (cycles). Sources in a9_timing.c. */
#define A9_FLUSH_PENALTY 8u        /* pipeline refill: mode-changing branch, exception entry/return */
#define A9_LSM_UNALIGNED_EXTRA 1u  /* LDM/STM whose address is not 64-bit aligned */

/* A9_MISPREDICT_PENALTY: cycles lost when a branch is mispredicted
 * (direction, target or return address wrong); sources in a9_timing.c. */
#define A9_MISPREDICT_PENALTY 8u

/* Branch-prediction kinds (arm_insn.tbr). */
enum {
    A9_BR_NONE = 0,   /* not predicted (or not a branch) */
    A9_BR_JUMP = 1,   /* direction from the GHB, target from the BTAC */
    A9_BR_RETURN = 2, /* target from the return stack (BX lr, POP {pc}, LDR pc,[sp]...) */
    A9_BR_CALL = 4    /* flag: pushes the return address (BL, BLX) */
};

/* arm_insn.tpost bits (computed once at decode) */
enum {
    A9_POST_PRODUCE = 1,  /* tdst != 0: record result ready cycles */
    A9_POST_BRANCH = 2,   /* tbr != 0: resolve the branch prediction */
    A9_POST_FFWD = 4,     /* producer is a word load eligible for fast-forward (S18) */
    A9_POST_FFWD_USE = 8  /* consumer can take a fast-forwarded load result */
};

/*
 * Fill i->cycles, i->latency, and the pipeline-model fields i->tsrc,
 * i->tdst, i->tbr, i->tpost from i->tclass, i->fn and the decoded register fields.
 */
void a9_timing_apply(arm_insn *i);

/* Clear the interlock and branch-predictor state (reset, model switch). */
void a9_timing_reset(arm_cpu *cpu);

/*
 * ARM_TIMING_PIPELINE, before instruction i executes: returns the stall
 * (cycles) until the results its source registers (i->tsrc) wait for are
 * ready, and counts it. The caller adds it to cpu->cycles together with
 * the issue cycles (one update of the cycle count per instruction keeps
 * the host's dependency chain short); the handler therefore sees the
 * cycle count before the stall. Branch-free: unused source slots read
 * tm_ready[16] == 0.
 */
static inline __attribute__((always_inline)) uint64_t a9_interlock(arm_cpu *cpu, const arm_insn *i)
{
    const uint64_t *rdy = (i->tpost & A9_POST_FFWD_USE) ? cpu->tm_ready_ff : cpu->tm_ready;
    uint64_t c = cpu->cycles, a = rdy[i->tsrc[0]], b = rdy[i->tsrc[1]], d = rdy[i->tsrc[2]];
    uint64_t need = a > b ? a : b, stall;
    need = need > d ? need : d;
    stall = need > c ? need - c : 0;
    cpu->tm_stall_cycles += stall;
    cpu->tm_interlocks += stall != 0;
    return stall;
}

/* After an instruction that issued at cycle t0 executed: its tdst
 * registers become ready at t0 + latency (one cycle earlier on the
 * fast-forward path when the producer is eligible, S18 B.3). */
static inline void a9_produce(arm_cpu *cpu, const arm_insn *i, uint64_t t0)
{
    uint32_t m = i->tdst;
    uint64_t ready = t0 + i->latency;
    uint64_t ff = ready - ((i->tpost & A9_POST_FFWD) ? 1u : 0u);
    while (m) {
        unsigned r = (unsigned)__builtin_ctz(m);
        cpu->tm_ready[r] = ready;
        cpu->tm_ready_ff[r] = ff;
        m &= m - 1;
    }
}

/*
 * After a predicted-kind instruction (i->tbr != 0) at `pc` executed or
 * failed its condition: `next` is the address executed next with the Thumb
 * bit in bit 0, `taken` whether control flow left the sequential path.
 * Looks up and trains the BTAC/GHB/return stack and charges
 * A9_MISPREDICT_PENALTY on a misprediction.
 */
static inline void a9_branch_resolve(arm_cpu *cpu, const arm_insn *i, uint32_t pc,
                                     uint32_t next, int taken);

/* Definition of the branch helper above: inline, as it runs for a large
 * share of instructions (cpu.c's pipeline loop). */

static inline __attribute__((always_inline)) void a9_branch_resolve(arm_cpu *cpu, const arm_insn *i, uint32_t pc,
                                                                     uint32_t next, int taken)
{
    int ok;
    cpu->bp_branches++;
    if (i->tbr & A9_BR_RETURN) {
        if (!taken) {
            ok = 1; /* condition failed: predicted fall-through */
        } else {
            cpu->bp_returns++;
            ok = 0;
            if (cpu->bp_rs_depth) {
                cpu->bp_rs_top = (cpu->bp_rs_top - 1) & 7u;
                cpu->bp_rs_depth--;
                ok = cpu->bp_rs[cpu->bp_rs_top] == next;
            }
            if (ok) cpu->bp_return_hits++;
        }
    } else {
        unsigned set = ((pc >> 1) ^ (pc >> 9)) & 255u, way, hit = 2;
        unsigned g = ((pc >> 1) ^ cpu->bp_ghr) & 4095u;
        uint32_t tag = pc | 1u;
        uint8_t *ctr = &cpu->bp_ghb[g];
        for (way = 0; way < 2; way++)
            if (cpu->bp_btac[set][way].tag == tag) hit = way;
        if (taken)
            ok = hit < 2 && *ctr >= 2 && cpu->bp_btac[set][hit].target == next;
        else
            ok = hit == 2 || *ctr < 2;
        if (taken) {
            if (*ctr < 3) (*ctr)++;
            if (hit == 2) {
                hit = cpu->bp_btac_lru[set];
                cpu->bp_btac[set][hit].tag = tag;
            }
            cpu->bp_btac[set][hit].target = next;
            cpu->bp_btac_lru[set] = (uint8_t)(hit ^ 1u);
        } else if (*ctr > 0) {
            (*ctr)--;
        }
        cpu->bp_ghr = ((cpu->bp_ghr << 1) | (taken ? 1u : 0u)) & 4095u;
    }
    if (taken && (i->tbr & A9_BR_CALL)) {
        uint32_t ret = (pc + i->size) | ((i->flags & ARM_IF_THUMBSRC) ? 1u : 0u);
        cpu->bp_rs[cpu->bp_rs_top] = ret;
        cpu->bp_rs_top = (cpu->bp_rs_top + 1) & 7u;
        if (cpu->bp_rs_depth < 8) cpu->bp_rs_depth++;
    }
    if (!ok) {
        cpu->bp_mispredicts++;
        cpu->cycles += A9_MISPREDICT_PENALTY;
    }
}

#ifdef __cplusplus
}
#endif

#endif /* A9_TIMING_H */
