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
    /* ---- VFP (vfp_decode.c). Footprint in arm_insn.tvsrc/tvdst. _S/_D:
     * single/double precision where the two differ ---- */
    A9_VFP_MOV,        /* VMOV (register, immediate), VABS, VNEG */
    A9_VFP_ADD,        /* VADD, VSUB */
    A9_VFP_CVT,        /* VCVT (all forms), VCVTB/VCVTT */
    A9_VFP_CMP,        /* VCMP/VCMPE: result in the FPSCR flags (tm_vdone) */
    A9_VFP_MUL_S, A9_VFP_MUL_D,   /* VMUL, VNMUL */
    A9_VFP_MAC_S, A9_VFP_MAC_D,   /* VMLA, VMLS, VNMLA, VNMLS (accumulator read at issue) */
    A9_VFP_DIV_S, A9_VFP_DIV_D,   /* VDIV */
    A9_VFP_SQRT_S, A9_VFP_SQRT_D, /* VSQRT */
    A9_VFP_TO_CORE,    /* VMOV Rt,Sn / Rt,Rt2,Dm / Rt,Dn[x]: core result (tdst) */
    A9_VFP_FROM_CORE,  /* VMOV Sn,Rt / Dd[x],Rt, VDUP Dd,Rt */
    A9_VFP_FROM_CORE2, /* VMOV Dm,Rt,Rt2 / Sm,Sm1,Rt,Rt2, VDUP Qd,Rt */
    A9_VFP_LDR_S, A9_VFP_LDR_D,   /* VLDR */
    A9_VFP_STR,        /* VSTR */
    A9_VFP_LDM,        /* VLDM/VPOP: one 64-bit beat per cycle (computed) */
    A9_VFP_STM,        /* VSTM/VPUSH: one 64-bit beat per cycle (computed) */
    A9_VFP_SYS,        /* VMRS/VMSR: serialising, wait for every VFP result */
    /* ---- Advanced SIMD (exec_neon.c). _Q: the Q-register form where it
     * takes more issue cycles than the D form ---- */
    A9_NEON_ALU,       /* VADD/VSUB/logic/VCEQ/VTST/VCGT/VMOV imm/VMVN/VABS/VNEG/VCLZ/VMOVN, VADDL/W */
    A9_NEON_ALU4,      /* VQADD/VQSUB/VHADD/VABD/VMAX/VMIN/VPMAX/VQABS/VQMOVN/VPADDL/VADDHN */
    A9_NEON_ABA, A9_NEON_ABA_Q,             /* VABA, VABAL, VPADAL (accumulate) */
    A9_NEON_SHIFT, A9_NEON_SHIFT_Q,         /* VSHL/VSHR/VSRI/VSLI/VSHRN/VSHLL */
    A9_NEON_QSHIFT, A9_NEON_QSHIFT_Q,       /* VQSHL/VRSHL/VRSHR/VQSHRN (saturating/rounding) */
    A9_NEON_SHIFT_ACC, A9_NEON_SHIFT_ACC_Q, /* VSRA, VRSRA */
    A9_NEON_MUL, A9_NEON_MUL_2, A9_NEON_MUL_4, /* integer VMUL/VMLA/VMULL/VQDMULH..., by issue cycles */
    A9_NEON_FP, A9_NEON_FP_Q,               /* VADD.F32/VMUL.F32/compare/VCVT/VRECPE... */
    A9_NEON_FMAC, A9_NEON_FMAC_Q,           /* VMLA.F32/VMLS.F32, VRECPS/VRSQRTS */
    A9_NEON_PERM, A9_NEON_PERM2, A9_NEON_PERM3, /* VEXT/VDUP/VREV/VSWP/VTRN/VZIP/VUZP/VTBL, by cycles */
    A9_NEON_LD,        /* VLDn (cycles from the structure shape, computed) */
    A9_NEON_ST,        /* VSTn (cycles from the structure shape, computed) */
    A9_CLASS_COUNT
};

/* Class-range tests (VFP and NEON classes are contiguous). */
#define A9_IS_VFP_CLASS(c) ((c) >= A9_VFP_MOV && (c) < A9_CLASS_COUNT)

/* Mask of the n D registers starting at D<d> (wrapping at D31), for the
 * decoders' arm_insn.tvsrc/tvdst footprints. */
static inline uint32_t a9_dmask(unsigned d, unsigned n)
{
    uint32_t m = 0;
    unsigned k;
    for (k = 0; k < n; k++) m |= 1u << ((d + k) & 31u);
    return m;
}
/* D register holding S<s>. */
static inline uint32_t a9_smask(unsigned s) { return 1u << ((s >> 1) & 31u); }

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
    A9_POST_FFWD_USE = 8, /* consumer can take a fast-forwarded load result */
    A9_POST_VFP = 16,     /* VFP/NEON class: D-register interlocks (a9_vfp_need/a9_vfp_produce) */
    A9_POST_VACC = 32     /* set by the NEON decoder: the tvdst registers are also an
                           * accumulator read one stage late (N3, [S20]) */
};

/*
 * VFP/NEON interlock helpers (a9_timing.c), called for A9_POST_VFP
 * instructions only. a9_vfp_need: the cycle at which instruction i can
 * issue given the D registers (and FPSCR) it reads, at least `need`.
 * a9_vfp_produce: record the ready cycles of its D-register results and
 * flags, i having issued at t0.
 */
uint64_t a9_vfp_need(const arm_cpu *cpu, const arm_insn *i, uint64_t need);
void a9_vfp_produce(arm_cpu *cpu, const arm_insn *i, uint64_t t0);

/*
 * Fill i->cycles, i->latency, and the pipeline-model fields i->tsrc,
 * i->tdst, i->tbr, i->tpost from i->tclass, i->fn and the decoded register fields.
 * VFP/NEON classes: the decoder has already set i->tvsrc/i->tvdst (and
 * A9_POST_VACC in i->tpost, which is kept); cycles of VLDM/VSTM and
 * VLDn/VSTn come from the register count / structure shape.
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
 * tm_ready[16] == 0. VFP/NEON instructions (A9_POST_VFP, rare) also wait
 * for their D-register sources in a9_vfp_need().
 */
static inline __attribute__((always_inline)) uint64_t a9_interlock(arm_cpu *cpu, const arm_insn *i)
{
    const uint64_t *rdy = (i->tpost & A9_POST_FFWD_USE) ? cpu->tm_ready_ff : cpu->tm_ready;
    uint64_t c = cpu->cycles, a = rdy[i->tsrc[0]], b = rdy[i->tsrc[1]], d = rdy[i->tsrc[2]];
    uint64_t need = a > b ? a : b, stall;
    need = need > d ? need : d;
    if (ARM_UNLIKELY(i->tpost & A9_POST_VFP)) need = a9_vfp_need(cpu, i, need);
    stall = need > c ? need - c : 0;
    cpu->tm_stall_cycles += stall;
    cpu->tm_interlocks += stall != 0;
    return stall;
}

/* After an instruction that issued at cycle t0 executed: its tdst
 * registers become ready at t0 + latency (one cycle earlier on the
 * fast-forward path when the producer is eligible, S18 B.3); a VFP/NEON
 * instruction's D registers through a9_vfp_produce(). */
static inline void a9_produce(arm_cpu *cpu, const arm_insn *i, uint64_t t0)
{
    uint32_t m = i->tdst;
    uint64_t ready = t0 + i->latency;
    uint64_t ff = ready - ((i->tpost & A9_POST_FFWD) ? 1u : 0u);
    if (i->tpost & A9_POST_VFP) a9_vfp_produce(cpu, i, t0);
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
