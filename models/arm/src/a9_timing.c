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
 * Latency is recorded but not yet charged: load-use and other interlocks,
 * and branch prediction/mispredict penalties, are issue 3's timing model
 * and plug in at the end of exec_one() (cpu.c), using i->latency.
 */
#include "a9_timing.h"

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
    }
}
