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
 *
 * VFP and Advanced SIMD (NEON) classes (A9_VFP_*, A9_NEON_*). Sources:
 *   S20  GCC gcc/config/arm/cortex-a9.md, "Pipelining for VFP
 *        instructions" (VFP description "rewritten and contributed by ARM
 *        Ltd.", commit 006bd006), and gcc/config/arm/cortex-a9-neon.md
 *        (NEON description contributed by ARM Ltd., generated from the
 *        Cortex-A9 NEON MPE TRM timing tables, commit 058b0052): result
 *        stages N1..N9 per operand class, issue-cycle reservations, bypasses.
 *   S21  LLVM ARMScheduleA9.td itineraries IIC_fp* / IIC_VLD*: VFP issue
 *        (NPipe) cycles and result latencies.
 *   S30  Cortex-A9 Floating-Point Unit TRM (ARM DDI 0408), chapter 1
 *        programmers' guidelines: "moves to and from control registers are
 *        serializing".
 * Model, in the terms used above: `cycles` = issue cycles (the NEON/VFP
 * issue slot is shared with the load/store pipe [S20], so multi-cycle
 * VFP/NEON instructions hold the single modelled pipe); `latency` = cycles
 * from issue until a dependent VFP/NEON instruction can issue.
 *  - VFP: latency as given by S20/S21 for a VFP consumer.
 *  - NEON: S20 gives the stage (N1..N9) at which each class produces its
 *    result and reads its operands; GCC's default latency is for a
 *    consumer reading at N1, its bypasses give one cycle less for the
 *    usual consumers reading at N2. The table holds the N2 figure (S20
 *    default - 1). Q forms that S20 reserves for two (four) issue cycles
 *    ("result ... on cycle 2") take one (three) more cycles and latency.
 *    Accumulator operands of VMLA/VMLAL/VABA/VSRA/VPADAL (Dd read at N3,
 *    S20) may arrive one cycle later than the other operands
 *    (A9_POST_VACC).
 *  - D registers are tracked individually (cpu->tm_vready): S<2n>, S<2n+1>
 *    map to D<n> (a false dependency between the two halves is possible);
 *    a Q register is its two D registers. VLDM/VSTM move one 64-bit beat
 *    per cycle (S21 IIC_fpLoad_m: one LSU cycle per D register): the k-th
 *    D register is written (read) by beat k.
 *  - VMRS/VMSR are serialising [S30]: they wait until every issued
 *    VFP/NEON result is written back (cpu->tm_vdone), so VMRS APSR_nzcv
 *    waits for the VCMP flags (written back 4 cycles after issue: S21
 *    IIC_fpCMP holds the register file for its 4-cycle writeback).
 *  - Not modelled: the VFP/NEON cross-domain register-file stalls (S21
 *    DRegsVFP/DRegsN), dual issue of core instructions next to VFP/NEON
 *    ones, stalls on the FPSCR mode bits.
 */
#include "a9_timing.h"
#include "vfp_internal.h"

/* The pipeline fields must not grow the decoded-instruction cache entry
 * beyond one 64-byte host cache line (the vfp-timing masks filled the
 * last 8 bytes). */
_Static_assert(sizeof(arm_insn) <= 64, "arm_insn grew");

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
    /* VFP (single- and double-precision VFPv3) */
    [A9_VFP_MOV]       = {1, 1},   /* S21 IIC_fpUNA 1; S20 fcpys/ffarith bypass 1 */
    [A9_VFP_ADD]       = {1, 4},   /* S20 cortex_a9_fadd 4; S21 IIC_fpALU 4 */
    [A9_VFP_CVT]       = {1, 4},   /* S20 f_cvt (fadd pipe) 4; S21 IIC_fpCVT 4 */
    [A9_VFP_CMP]       = {1, 4},   /* S20 fcmp issue 1; S21 IIC_fpCMP: writeback 4 */
    [A9_VFP_MUL_S]     = {1, 4},   /* S20 cortex_a9_fmuls 4 */
    [A9_VFP_MUL_D]     = {2, 5},   /* S20 fmuld 5, mul1 held 2 cycles; S21 NPipe 2 */
    [A9_VFP_MAC_S]     = {1, 8},   /* S20 cortex_a9_fmacs 8; S21 IIC_fpMAC32 8 */
    [A9_VFP_MAC_D]     = {2, 9},   /* S20 fmacd 9; S21 IIC_fpMAC64 9, NPipe 2 */
    [A9_VFP_DIV_S]     = {10, 15}, /* S20 fdivs 15; S21 IIC_fpDIV32 15, NPipe 10 */
    [A9_VFP_DIV_D]     = {20, 25}, /* S20 fdivd 25; S21 IIC_fpDIV64 25, NPipe 20 */
    [A9_VFP_SQRT_S]    = {13, 17}, /* S21 IIC_fpSQRT32 17, NPipe 13 */
    [A9_VFP_SQRT_D]    = {28, 32}, /* S21 IIC_fpSQRT64 32, NPipe 28 */
    [A9_VFP_TO_CORE]   = {1, 2},   /* S21 IIC_fpMOVSI/MOVDI 2 (core result) */
    [A9_VFP_FROM_CORE] = {1, 1},   /* S21 IIC_fpMOVIS 1; S20 neon_mcr bypass 1 */
    [A9_VFP_FROM_CORE2]= {2, 2},   /* S20 neon_mcr_2_mcrr: 2 issue cycles */
    [A9_VFP_LDR_S]     = {1, 1},   /* S21 IIC_fpLoad32 1; S20 neon_ldr result N1 */
    [A9_VFP_LDR_D]     = {1, 2},   /* S21 IIC_fpLoad64 2 */
    [A9_VFP_STR]       = {1, 0},   /* S21 IIC_fpStore 1 cycle; S20 neon_str 0 */
    [A9_VFP_LDM]       = {1, 2},   /* S21 IIC_fpLoad_m: 1 beat per D register, computed below */
    [A9_VFP_STM]       = {1, 0},   /* S21 IIC_fpStore_m: 1 beat per D register, computed below */
    [A9_VFP_SYS]       = {1, 1},   /* S21 IIC_fpSTAT 1; serialising [S30] */
    /* Advanced SIMD: latency for an N2 consumer (S20 default - 1) */
    [A9_NEON_ALU]        = {1, 2}, /* S20 neon_int_1/2/3, neon_vmov: result N3 */
    [A9_NEON_ALU4]       = {1, 3}, /* S20 neon_int_4/5, neon_vqneg_vqabs: N4 */
    [A9_NEON_ABA]        = {1, 5}, /* S20 neon_vaba: N6, Dd at N3 */
    [A9_NEON_ABA_Q]      = {2, 6}, /* S20 neon_vaba_qqq: dp_2, N6 on cycle 2 */
    [A9_NEON_SHIFT]      = {1, 2}, /* S20 neon_shift_1: N3 */
    [A9_NEON_SHIFT_Q]    = {2, 3}, /* S20 neon_shift_3: dp_2, N3 on cycle 2 */
    [A9_NEON_QSHIFT]     = {1, 3}, /* S20 neon_shift_2: N4 */
    [A9_NEON_QSHIFT_Q]   = {2, 4}, /* S20 neon_vqshl_vrshl_vqrshl_qqq: dp_2, N4 on cycle 2 */
    [A9_NEON_SHIFT_ACC]  = {1, 5}, /* S20 neon_vsra_vrsra: N6, Dd at N3 */
    [A9_NEON_SHIFT_ACC_Q]= {2, 6}, /* Q form: two issue cycles (as S20 neon_shift_3) */
    [A9_NEON_MUL]        = {1, 5}, /* S20 neon_mul/mla_ddd_8_16, _qdd_16_8_long: N6 */
    [A9_NEON_MUL_2]      = {2, 6}, /* S20 neon_mul_qqq_8_16_32_ddd_32, mla_qqq_8_16: dp_2 */
    [A9_NEON_MUL_4]      = {4, 8}, /* S20 neon_mla_qqq_32_qqd_32_scalar: dp_4, N6 on cycle 4 */
    [A9_NEON_FP]         = {1, 4}, /* S20 neon_fp_vadd_ddd_vabs_dd, fp_vmul_ddd: N5 */
    [A9_NEON_FP_Q]       = {2, 5}, /* S20 neon_fp_vadd_qqq_vabs_qq, fp_vmul_qqd: dp_2 */
    [A9_NEON_FMAC]       = {1, 8}, /* S20 neon_fp_vmla_ddd, vrecps_vrsqrts_ddd: N9 */
    [A9_NEON_FMAC_Q]     = {2, 9}, /* S20 neon_fp_vmla_qqq: N9 on cycle 2 */
    [A9_NEON_PERM]       = {1, 1}, /* S20 neon_bp_simple: N2 */
    [A9_NEON_PERM2]      = {2, 2}, /* S20 neon_bp_2cycle */
    [A9_NEON_PERM3]      = {3, 3}, /* S20 neon_bp_3cycle */
    [A9_NEON_LD]         = {2, 1}, /* S20 neon_vld*: computed below */
    [A9_NEON_ST]         = {2, 0}, /* S20 neon_vst*: computed below */
};

/*
 * VLDn/VSTn issue cycles and (loads) latency from the structure shape,
 * S20 cortex-a9-neon.md neon_vld* / neon_vst* reservations (cycles) and
 * their bypasses to N2 consumers (latency). Fields (exec_neon.c): imm bits
 * 7:0 = n (structure size 1..4), reglist = registers (n = 1) or register
 * blocks, ARM_IF_P = one lane, shift_imm = 0xFF: to all lanes.
 */
static void neon_ls_timing(arm_insn *i, int load)
{
    unsigned n = i->imm & 0xFFu, regs = i->reglist, cyc, lat;
    if (i->shift_imm == 0xFF && !(i->flags & ARM_IF_P)) { /* all lanes */
        cyc = n <= 2 ? 2 : 3;                /* vld2_2_regs_vld1_vld2_all_lanes / vld3_vld4_all_lanes */
        lat = 2;
    } else if (i->flags & ARM_IF_P) {        /* one lane */
        if (load) { cyc = n <= 2 ? 3 : 5; lat = cyc; } /* vld1_vld2_lane / vld3_vld4_lane */
        else { cyc = n <= 2 ? 2 : 3; lat = 0; }        /* vst1_vst2_lane / vst3_vst4_lane */
    } else if (n == 1) {                     /* VLD1/VST1 of 1..4 registers */
        cyc = regs <= 2 ? 2 : 3;             /* vld1_1_2_regs / vld1_3_4_regs (and vst1) */
        lat = regs <= 2 ? 1 : 2;
    } else if (n == 2) {                     /* VLD2/VST2 of 2 or 4 registers */
        unsigned total = 2 * regs;
        if (load) { cyc = total <= 2 ? 2 : 3; lat = total <= 2 ? 2 : 3; }
        else { cyc = total <= 2 ? 2 : 4; lat = 0; } /* vst1_1_2_regs_vst2_2_regs / vst2_4_regs */
    } else {                                 /* VLD3/VLD4, VST3/VST4 */
        cyc = 4;                             /* vld3_vld4 / vst3_vst4: ls_4 */
        lat = 4;
    }
    i->cycles = (uint8_t)cyc;
    i->latency = (uint8_t)(load ? lat : 0);
}

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
    case A9_VFP_LDR_S: case A9_VFP_LDR_D: case A9_VFP_STR: case A9_VFP_LDM: case A9_VFP_STM:
        return RBIT(i->rn);
    case A9_NEON_LD: case A9_NEON_ST: /* rm 13: writeback by the size; 15: none */
        return (uint16_t)(RBIT(i->rn) | (i->rm < 13 ? RBIT(i->rm) : 0));
    case A9_VFP_FROM_CORE:
        return RBIT(i->ra);
    case A9_VFP_FROM_CORE2:
        return (uint16_t)(RBIT(i->ra) | (i->fn == arm_h_vmov_2r ? RBIT(i->rs) : 0));
    case A9_VFP_SYS:
        return i->fn == arm_h_vmsr ? RBIT(i->ra) : 0;
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
    case A9_VFP_TO_CORE:
        return (uint16_t)(RBIT(i->ra) | (i->fn == arm_h_vmov_2r ? RBIT(i->rs) : 0));
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
    } else if (c == A9_VFP_LDM || c == A9_VFP_STM) {
        /* S21 IIC_fpLoad_m/fpStore_m: one 64-bit LSU beat per cycle:
         * n D registers or ceil(n/2) S register pairs */
        unsigned n = i->reglist, beats = i->shift_type ? n : (n + 1) / 2;
        i->cycles = (uint8_t)(beats ? beats : 1);
        /* the last register arrives with the last beat, VLDR latency after it */
        i->latency = (uint8_t)(c == A9_VFP_STM ? 0
                               : i->cycles - 1 + a9_table[i->shift_type ? A9_VFP_LDR_D : A9_VFP_LDR_S].latency);
    } else if (c == A9_NEON_LD || c == A9_NEON_ST) {
        neon_ls_timing(i, c == A9_NEON_LD);
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
    i->tpost = (uint8_t)((i->tdst ? A9_POST_PRODUCE : 0) | (i->tbr ? A9_POST_BRANCH : 0) |
                         (i->tpost & A9_POST_VACC));
    /* VFP/NEON: D-register interlocks; results always recorded (they
     * also advance the write-back horizon tm_vdone) */
    if (A9_IS_VFP_CLASS(c)) i->tpost |= A9_POST_VFP | A9_POST_PRODUCE;
    else i->tpost &= (uint8_t)~A9_POST_VACC;
    /* S18 B.3 load-use fast-forward: word loads (not sign-extending),
     * unconditional; consumers: unshifted arithmetic/logical/saturating */
    if ((c == A9_LOAD || c == A9_LSM || c == A9_LOADD) && i->cond >= 14)
        i->tpost |= A9_POST_FFWD;
    if (c == A9_ALU || c == A9_SAT)
        i->tpost |= A9_POST_FFWD_USE;
}

/* max(a, b) */
static inline uint64_t u64max(uint64_t a, uint64_t b) { return a > b ? a : b; }

uint64_t a9_vfp_need(const arm_cpu *cpu, const arm_insn *i, uint64_t need)
{
    uint32_t m = i->tvsrc;
    if (i->tclass == A9_VFP_STM) {
        /* register k of the list is read by beat k (k = 0 at issue) */
        unsigned k = 0, last = i->cycles ? i->cycles - 1u : 0u;
        while (m) {
            uint64_t r = cpu->tm_vready[__builtin_ctz(m)], b = k < last ? k : last;
            need = u64max(need, r > b ? r - b : 0);
            k++;
            m &= m - 1;
        }
    } else {
        while (m) {
            need = u64max(need, cpu->tm_vready[__builtin_ctz(m)]);
            m &= m - 1;
        }
    }
    if (i->tpost & A9_POST_VACC) {
        /* accumulator read at N3, one stage after the N2 operands [S20] */
        m = i->tvdst;
        while (m) {
            uint64_t r = cpu->tm_vready[__builtin_ctz(m)];
            need = u64max(need, r ? r - 1 : 0);
            m &= m - 1;
        }
    }
    if (i->tclass == A9_VFP_SYS) need = u64max(need, cpu->tm_vdone); /* serialising [S30] */
    return need;
}

void a9_vfp_produce(arm_cpu *cpu, const arm_insn *i, uint64_t t0)
{
    uint32_t m = i->tvdst;
    uint64_t last = t0 + i->latency;
    if (i->tclass == A9_VFP_LDM) {
        /* D register k of the list arrives with beat k */
        unsigned k = 0, lastb = i->cycles ? i->cycles - 1u : 0u;
        uint64_t first = t0 + i->latency - lastb;
        while (m) {
            cpu->tm_vready[__builtin_ctz(m)] = first + (k < lastb ? k : lastb);
            k++;
            m &= m - 1;
        }
    } else {
        while (m) {
            cpu->tm_vready[__builtin_ctz(m)] = last;
            m &= m - 1;
        }
    }
    if (last > cpu->tm_vdone) cpu->tm_vdone = last;
}

void a9_timing_reset(arm_cpu *cpu)
{
    memset(cpu->tm_vready, 0, sizeof cpu->tm_vready);
    cpu->tm_vdone = 0;
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

