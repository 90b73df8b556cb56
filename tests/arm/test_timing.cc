// Cortex-A9 pipeline timing model (models/arm/src/a9_timing.c, README
// "Timing"): result-latency interlocks (load-use, multiply, fast-forward),
// branch prediction (BTAC/GHB, return stack, mispredict penalty), the
// ARM_TIMING_ISSUE switch, PMCCNTR against arm_cpu_cycles and the
// statistics keys.
#include <map>
#include <string>

#include "test_a32_fixture.h"

using namespace a32test;

namespace {

constexpr uint64_t kMispredict = 8; // A9_MISPREDICT_PENALTY

class A9Pipeline : public A32 {
protected:
    // Cycles taken by the `n` instructions of `src`, executed one by one.
    uint64_t Steps(const std::string &src, unsigned n, bool thumb = false)
    {
        Code(src, thumb);
        uint64_t c0 = arm_cpu_cycles(cpu_);
        for (unsigned k = 0; k < n; k++) arm_cpu_step(cpu_);
        return arm_cpu_cycles(cpu_) - c0;
    }

};

TEST_F(A9Pipeline, PipelineIsTheDefault)
{
    EXPECT_EQ(arm_cpu_get_timing(cpu_), ARM_TIMING_PIPELINE);
    arm_cpu_set_timing(cpu_, ARM_TIMING_ISSUE);
    EXPECT_EQ(arm_cpu_get_timing(cpu_), ARM_TIMING_ISSUE);
}

TEST_F(A9Pipeline, LoadUseStallsByTheLatency)
{
    SetR(0, kData);
    // LDR word: 1 issue cycle, latency 3; the shifted-operand consumer
    // cannot use the fast-forward path: stall 3 - 1 = 2.
    EXPECT_EQ(Steps("ldr r1, [r0]\nadd r2, r3, r1, lsl #1", 2), 1u + 2u + 1u);
    EXPECT_EQ(Stats()["interlock_stall_cycles"], 2u);
    EXPECT_EQ(Stats()["interlocks"], 1u);
}

TEST_F(A9Pipeline, IndependentPairDoesNotStall)
{
    SetR(0, kData);
    EXPECT_EQ(Steps("ldr r1, [r0]\nadd r2, r3, r4, lsl #1", 2), 2u);
    EXPECT_EQ(Stats()["interlock_stall_cycles"], 0u);
}

TEST_F(A9Pipeline, FastForwardIntoUnshiftedAlu)
{
    SetR(0, kData);
    // word load -> unshifted ADD: fast-forward, latency 2, stall 1
    EXPECT_EQ(Steps("ldr r1, [r0]\nadd r2, r1, #1", 2), 1u + 1u + 1u);
    // a conditional load does not fast-forward: stall 2
    SetNZCV(0x4); // Z set
    EXPECT_EQ(Steps("ldreq r1, [r0]\nadd r2, r1, #1", 2), 1u + 2u + 1u);
}

TEST_F(A9Pipeline, ByteLoadAndMultiplyLatencies)
{
    SetR(0, kData);
    // LDRB: 2 issue cycles, latency 4 (no fast-forward: sign/zero-extending
    // byte loads are not word loads) -> stall 2
    EXPECT_EQ(Steps("ldrb r1, [r0]\nadd r2, r1, #1", 2), 2u + 2u + 1u);
    // MUL: 2 issue cycles, latency 4 -> stall 2
    EXPECT_EQ(Steps("mul r1, r2, r3\nadd r4, r1, #1", 2), 2u + 2u + 1u);
    // the accumulator is forwarded late: MLA depending on MUL via Ra does not stall
    EXPECT_EQ(Steps("mul r1, r2, r3\nmla r5, r6, r7, r1", 2), 2u + 2u);
    // an intervening independent instruction hides one stall cycle
    SetR(0, kData);
    EXPECT_EQ(Steps("ldr r1, [r0]\nmov r5, #0\nadd r2, r3, r1, lsl #1", 3), 1u + 1u + 1u + 1u);
}

TEST_F(A9Pipeline, IssueModeChargesNoInterlock)
{
    arm_cpu_set_timing(cpu_, ARM_TIMING_ISSUE);
    SetR(0, kData);
    EXPECT_EQ(Steps("ldr r1, [r0]\nadd r2, r3, r1, lsl #1", 2), 2u);
    EXPECT_EQ(Stats()["interlock_stall_cycles"], 0u);
}

const char kLoop[] = "mov r0, #10\n"
                     "1: subs r0, r0, #1\n"
                     "bne 1b\n";

TEST_F(A9Pipeline, LoopBranchMispredictedOnceThenPredicted)
{
    Code(kLoop);
    RunToEnd();
    auto s = Stats();
    EXPECT_EQ(s["branches_predicted"], 10u);
    // first taken branch misses the BTAC; the final fall-through goes
    // against the trained counter
    EXPECT_EQ(s["branch_mispredicts"], 2u);
    uint64_t pipe = arm_cpu_cycles(cpu_);
    // second run: the BTAC already holds the branch, only the exit misses
    Code(kLoop);
    RunToEnd();
    EXPECT_EQ(Stats()["branch_mispredicts"], 3u);
    // the same loop under ARM_TIMING_ISSUE costs exactly the penalties less
    arm_cpu_set_timing(cpu_, ARM_TIMING_ISSUE);
    uint64_t c0 = arm_cpu_cycles(cpu_);
    Code(kLoop);
    RunToEnd();
    EXPECT_EQ(arm_cpu_cycles(cpu_) - c0 + 2 * kMispredict, pipe);
}

TEST_F(A9Pipeline, BlBxLrReturnStackHits)
{
    Code("bl f\n"
         "bl f\n"
         "b 2f\n"
         "f: add r1, r1, #1\n"
         "bx lr\n"
         "2:\n");
    RunToEnd();
    auto s = Stats();
    EXPECT_EQ(R(1), 2u);
    EXPECT_EQ(s["returns"], 2u);
    EXPECT_EQ(s["return_stack_hits"], 2u);
}

TEST_F(A9Pipeline, NestedCallsAndPopPcHit)
{
    Code("bl f\n"
         "b 2f\n"
         "f: push {lr}\n"
         "bl g\n"
         "pop {pc}\n"
         "g: mov pc, lr\n"
         "2:\n");
    RunToEnd();
    auto s = Stats();
    EXPECT_EQ(s["returns"], 2u);
    EXPECT_EQ(s["return_stack_hits"], 2u);
}

TEST_F(A9Pipeline, WrongReturnAddressMispredicts)
{
    // the callee returns elsewhere than the call's next instruction
    Code("bl f\n"
         "nop\n"
         "b 2f\n"
         "f: add lr, lr, #4\n"
         "bx lr\n"
         "2:\n");
    RunToEnd();
    auto s = Stats();
    EXPECT_EQ(s["returns"], 1u);
    EXPECT_EQ(s["return_stack_hits"], 0u);
}

TEST_F(A9Pipeline, ThumbCallReturnHits)
{
    // BL, PUSH {lr}, NOP, POP {pc} in Thumb: 4 instructions executed
    uint64_t c = Steps("bl 1f\n"
                       "nop\n"
                       "1: push {lr}\n"
                       "nop\n"
                       "pop {pc}\n",
                       4, true);
    auto s = Stats();
    EXPECT_EQ(PC(), kCode + 4); // back after the BL (32-bit)
    EXPECT_EQ(s["returns"], 1u);
    EXPECT_EQ(s["return_stack_hits"], 1u);
    // BL missed the BTAC (one penalty); the return was predicted
    EXPECT_EQ(s["branch_mispredicts"], 1u);
    EXPECT_GE(c, kMispredict + 4);
}

TEST_F(A9Pipeline, PmccntrEqualsCycles)
{
    SetR(2, kData);
    Code("mov r0, #5\n"                     // PMCR.E | PMCR.C
         "mcr p15, 0, r0, c9, c12, 0\n"
         "mov r0, #0x80000000\n"            // PMCNTENSET.C
         "mcr p15, 0, r0, c9, c12, 1\n"
         "ldr r1, [r2]\n"
         "add r3, r1, r1, lsl #1\n"         // load-use stall
         "mov r4, #3\n"
         "1: subs r4, r4, #1\n"
         "bne 1b\n"                         // mispredicts
         "mrc p15, 0, r5, c9, c13, 0\n");   // PMCCNTR
    uint64_t start = 0, before_mrc = 0;
    for (unsigned k = 0; k < 14; k++) {
        if (k == 3) start = arm_cpu_cycles(cpu_);
        if (k == 13) before_mrc = arm_cpu_cycles(cpu_);
        arm_cpu_step(cpu_);
    }
    ASSERT_EQ(PC(), kCode + 40);
    EXPECT_EQ((uint64_t)R(5), before_mrc - start);
    auto s = Stats();
    EXPECT_GT(s["interlock_stall_cycles"], 0u);
    EXPECT_GT(s["branch_mispredicts"], 0u);
    // stalls and penalties are inside the count: at least 11 issue cycles
    // (MCR, LDR, ADD, MOV, 3 x (SUBS, BNE) ... minus the MCR itself) + them
    EXPECT_GE((uint64_t)R(5), 9u + s["interlock_stall_cycles"] + kMispredict);
}

} // namespace
