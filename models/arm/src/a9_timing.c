/*
 * a9_timing.c - the Cortex-A9 cycle table: the ONE place where instruction
 * timing lives. Figures and sources from /work/shared/ZYNQ_ARM_FACTS.md
 * section 4.2 (source ids [Sxx] as defined there):
 *   S18 Cortex-A9 TRM r4p1 (ARM DDI 0388I) App. B "Cycle timings and
 *       interlock behavior" (Tables B-2 loads, B-3 LDM/STM)
 *   S19 Cortex-A9 TRM 7.3 (branch prediction, mode changes not predicted)
 *   S20 GCC gcc/config/arm/cortex-a9.md (pipeline model, ARM input)
 *   S21 LLVM llvm/lib/Target/ARM/ARMScheduleA9.td
 *   S22 OTAWA otawa-xilinx A9CycleTiming.h ({issue, latency} pairs)
 *
 * Model: `cycles` is what an instruction costs when it executes (issue
 * cycles of the single pipe we model; the A9's dual issue is not modelled
 * here), `latency` is when its result is ready for a dependent instruction.
 * With ARM_TIMING_PIPELINE (arm_cpu.h) the run loop (cpu.c exec_one) also
 * charges:
 *  - result-latency interlocks: an instruction that reads a register whose
 *    producer (a class with latency > issue cycles: loads, multiplies,
 *    shifted-operand ALU, extend/saturate) issued less than `latency`
 *    cycles before stalls until the result is ready. Load -> unshifted
 *    ALU/saturating consumer uses the fast-forward path, one cycle earlier,
 *    when the load is a word load (LDR/LDM/LDRD) and unconditional
 *    [S18 App. B, "load-use fast-forward" conditions, FACTS 4.2].
 *    Multiply accumulators are forwarded late on the A9's MAC pipe [S20
 *    cortex_a9_mac bypass], so the accumulator operand is not a source.
 *    Store data is read late (after address generation) [S20 store
 *    bypasses], so it is not a source either.
 *  - branch prediction [S19]: a 2-way 512-entry BTAC (2 x 256) holding the
 *    last target of each taken branch, a 4096-entry GHB of 2-bit counters
 *    indexed by PC xor a 12-bit global history, and an 8-entry return
 *    stack. Instructions that change mode (exception returns) are not
 *    predicted [S19]; they already pay A9_FLUSH_PENALTY. A mispredicted
 *    direction, target or return address costs A9_MISPREDICT_PENALTY = 8:
 *    LLVM's pipeline-depth estimate [S21] (the TRM gives no figure; OTAWA
 *    uses 11 from 7-cpu [S22]). A correctly predicted taken branch costs
 *    its issue cycle only (folded into the fetch stream by the BTAC).
 */
#include "a9_timing.h"

/* the pipeline fields must not grow the decoded-instruction cache entry */
_Static_assert(sizeof(arm_insn) <= 56, "arm_insn grew");

static const struct {
    uint8_t cycles, latency;
} a9_table[A9_CLASS_COUNT] = {
    /* class               cycles latency   source */
    [A9_DEFAULT]       = {1, 1}, /* S21 single-issue default */
    [A9_ALU]           = {1, 1}, /* S21 A9WriteALU, S22 simpl_data_normal {1,1} */
    [A9_ALU_SHIFT_IMM] = {1, 2}, /* S21 WriteALUsi latency 2 (extra E1 stage), S20 bypass 2 */
    [A9_ALU_SHIFT_REG] = {2, 3}, /* S21 A9WriteALUsr 3; S22 MOV reg-shift {2,2} */
    [A9_EXTEND]        = {1, 2}, /* S22 UXTB/SXTB {2,2} latency; single issue */
    [A9_EXTEND_ACC]    = {1, 3}, /* S22 UXTAB {3,3} latency */
    [A9_BITFIELD]      = {1, 2}, /* S22 UBFX/SBFX/BFI/PKH {2,2} latency */
    [A9_SAT]           = {1, 3}, /* S22 USAT {3,3} latency */
    [A9_MUL]           = {2, 4}, /* S22 {2,4}, S21 A9WriteM 4, S20 4 */
    [A9_MUL16]         = {1, 3}, /* S20, S21: 16x16 MAC latency 3 */
    [A9_MUL_LONG]      = {3, 5}, /* S21 IIC_iMUL64 [4,5], S22 {3,5}, S20 5 (hi) */
    [A9_LOAD]          = {1, 3}, /* S18 B-2: 1 AGU cycle, latency 2 fast-forward / 3 */
    [A9_LOAD_SHIFT]    = {1, 4}, /* S18 B-2: other shifted offsets latency 3/4 */
    [A9_LOAD_BH]       = {2, 4}, /* S18 B-2: LDRB/LDRH 2 AGU cycles, latency 3/4 */
    [A9_LOAD_BH_SHIFT] = {2, 5}, /* S18 B-2: LDRB/LDRH register-shift 2 AGU, 4/5 */
    [A9_STORE]         = {1, 0}, /* S20 (store latency 0), S22 */
    [A9_LOADD]         = {1, 3}, /* S18 B-3: LDRD 1 AGU cycle aligned (+1 unaligned, handler) */
    [A9_LSM]           = {1, 3}, /* S18 B-3: ceil(n/2) AGU cycles, computed below */
    [A9_BRANCH]        = {1, 0}, /* S19: predicted by BTAC/GHB; mispredict is issue 3 */
    [A9_BRANCH_REG]    = {1, 0}, /* S19: return stack / BTAC; mispredict is issue 3 */
    [A9_EXCL]          = {1, 3}, /* as LDR/STR (S18) */
    [A9_COPROC]        = {1, 1}, /* [UNVERIFIED] no published figure */
    [A9_SYSTEM]        = {1, 1}, /* [UNVERIFIED]; mode changes add A9_FLUSH_PENALTY */
};

/* A9_FLUSH_PENALTY (a9_timing.h) = 8: LLVM's mispredict/pipeline-refill
 * estimate [S21]; charged on exception entry and mode-changing returns,
 * which the A9 does not predict [S19]. OTAWA uses 11 [S22]. */

#define RBIT(r) ((uint16_t)((r) < 15 ? 1u << (r) : 0u))

/* Registers read at issue (interlock sources) by the instruction. Fields
 * a handler does not use may hold 0, so each class names its own. */
static uint16_t timing_sources(const arm_insn *i, unsigned c)
{
    unsigned dpop = i->op & 31u, form = i->op >> 5;
    switch (c) {
    case A9_ALU:
    case A9_ALU_SHIFT_IMM:
    case A9_ALU_SHIFT_REG:
        if (i->fn == arm_h_movw) return 0;
        if (i->fn == arm_h_movt) return RBIT(i->rd);
        return (uint16_t)((dpop == ARM_DP_MOV || dpop == ARM_DP_MVN ? 0 : RBIT(i->rn)) |
                          (form != ARM_OP2_IMM ? RBIT(i->rm) : 0) |
                          (form == ARM_OP2_REGSHIFT ? RBIT(i->rs) : 0));
    case A9_EXTEND: case A9_EXTEND_ACC: case A9_BITFIELD: case A9_SAT:
        /* rm (and rn for the two-operand forms; rn is 15 or a real source
         * in the decoders of these classes) */
        return (uint16_t)(RBIT(i->rm) | RBIT(i->rn));
    case A9_MUL: case A9_MUL16: case A9_MUL_LONG:
        return (uint16_t)(RBIT(i->rn) | RBIT(i->rm));
    case A9_LOAD: case A9_LOAD_SHIFT: case A9_LOAD_BH: case A9_LOAD_BH_SHIFT:
    case A9_STORE: case A9_LOADD:
        return (uint16_t)(RBIT(i->rn) | ((i->flags & ARM_IF_REGOFF) ? RBIT(i->rm) : 0));
    case A9_LSM: case A9_EXCL:
        return RBIT(i->rn);
    case A9_BRANCH_REG:
        return RBIT(i->rm);
    default:
        return 0;
    }
}

/* Registers written with latency > issue cycles (interlock producers). */
static uint16_t timing_results(const arm_insn *i, unsigned c)
{
    unsigned dpop = i->op & 31u;
    if (i->latency <= i->cycles) return 0;
    switch (c) {
    case A9_ALU_SHIFT_IMM: case A9_ALU_SHIFT_REG:
        if (dpop >= ARM_DP_TST && dpop <= ARM_DP_CMN) return 0; /* no result register */
        return RBIT(i->rd);
    case A9_EXTEND: case A9_EXTEND_ACC: case A9_BITFIELD: case A9_SAT:
    case A9_MUL: case A9_MUL16:
    case A9_LOAD: case A9_LOAD_SHIFT: case A9_LOAD_BH: case A9_LOAD_BH_SHIFT:
        return RBIT(i->rd);
    case A9_MUL_LONG:
        return (uint16_t)(RBIT(i->rd) | RBIT(i->ra));
    case A9_LOADD:
        return i->fn == arm_h_ldrd ? (uint16_t)(RBIT(i->rd) | RBIT(i->ra)) : 0;
    case A9_LSM:
        return i->fn == arm_h_stm ? 0 : (uint16_t)(i->reglist & 0x7FFFu);
    default:
        return 0;
    }
}

/* Branch-prediction kind: which instructions the predictor sees. */
static uint8_t timing_branch(const arm_insn *i, unsigned c)
{
    switch (c) {
    case A9_BRANCH:
        return (uint8_t)(A9_BR_JUMP | (i->fn == arm_h_bl || i->fn == arm_h_blx_imm ? A9_BR_CALL : 0));
    case A9_BRANCH_REG:
        if (i->fn == arm_h_blx_reg) return A9_BR_JUMP | A9_BR_CALL;
        if (i->fn == arm_h_bx && i->rm == 14) return A9_BR_RETURN;
        return A9_BR_JUMP; /* BX other, TBB/TBH */
    case A9_ALU: case A9_ALU_SHIFT_IMM: case A9_ALU_SHIFT_REG:
        if (i->rd != 15 || (i->flags & ARM_IF_S)) return A9_BR_NONE; /* S: exception return */
        if ((i->op & 31u) == ARM_DP_MOV && (i->op >> 5) == ARM_OP2_IMMSHIFT && i->rm == 14)
            return A9_BR_RETURN; /* MOV pc, lr */
        return A9_BR_JUMP;
    case A9_LOAD: case A9_LOAD_SHIFT:
        if (i->rd != 15) return A9_BR_NONE;
        return i->rn == 13 ? A9_BR_RETURN : A9_BR_JUMP; /* LDR pc, [sp], #4 */
    case A9_LSM:
        if (i->fn == arm_h_stm || !(i->reglist & 0x8000u) || (i->flags & ARM_IF_USERBANK))
            return A9_BR_NONE;
        return i->rn == 13 ? A9_BR_RETURN : A9_BR_JUMP; /* POP {..., pc} */
    default:
        return A9_BR_NONE;
    }
}

void a9_timing_apply(arm_insn *i)
{
    unsigned c = i->tclass < A9_CLASS_COUNT ? i->tclass : A9_DEFAULT;
    i->cycles = a9_table[c].cycles;
    i->latency = a9_table[c].latency;
    if (c == A9_LSM) {
        /* S18 Table B-3: ceil(n/2) AGU cycles when 64-bit aligned (the
         * handler adds one when not aligned: floor(n/2)+1) */
        unsigned n = (unsigned)__builtin_popcount(i->reglist);
        i->cycles = (uint8_t)(n <= 2 ? 1 : (n + 1) / 2);
        /* S18 B-3 gives the first register's latency; later registers
         * arrive with the later beats: charge the last one for all */
        i->latency = (uint8_t)(i->cycles - 1 + a9_table[c].latency);
    }
    {
        uint32_t m = timing_sources(i, c);
        unsigned k;
        for (k = 0; k < 3; k++) {
            /* at most three sources per class (Rn, Rm, Rs) */
            i->tsrc[k] = (uint8_t)(m ? (unsigned)__builtin_ctz(m) : 16u);
            m &= m - 1;
        }
    }
    i->tdst = timing_results(i, c);
    i->tbr = timing_branch(i, c);
    i->tpost = (uint8_t)((i->tdst ? A9_POST_PRODUCE : 0) | (i->tbr ? A9_POST_BRANCH : 0));
    /* S18 B.3 load-use fast-forward: word loads (not sign-extending),
     * unconditional; consumers: unshifted arithmetic/logical/saturating */
    if ((c == A9_LOAD || c == A9_LSM || c == A9_LOADD) && i->cond >= 14)
        i->tpost |= A9_POST_FFWD;
    if (c == A9_ALU || c == A9_SAT)
        i->tpost |= A9_POST_FFWD_USE;
}

void a9_timing_reset(arm_cpu *cpu)
{
    memset(cpu->tm_ready, 0, sizeof cpu->tm_ready);
    memset(cpu->tm_ready_ff, 0, sizeof cpu->tm_ready_ff);
    cpu->bp_ghr = 0;
    memset(cpu->bp_btac, 0, sizeof cpu->bp_btac);
    memset(cpu->bp_btac_lru, 0, sizeof cpu->bp_btac_lru);
    /* counters start weakly taken: a branch seen taken once in the BTAC
     * is then predicted taken */
    memset(cpu->bp_ghb, 2, sizeof cpu->bp_ghb);
    cpu->bp_rs_top = 0;
    cpu->bp_rs_depth = 0;
}

