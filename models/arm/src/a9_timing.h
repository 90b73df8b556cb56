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

/* Fill i->cycles and i->latency from i->tclass and the decoded fields. */
void a9_timing_apply(arm_insn *i);

#ifdef __cplusplus
}
#endif

#endif /* A9_TIMING_H */
