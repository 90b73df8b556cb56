// Cortex-A9 VFP / Advanced SIMD timing classes (models/arm/src/a9_timing.c,
// README "Timing"): issue cycles and result latencies of the A9_VFP_* and
// A9_NEON_* classes, D/S/Q register interlocks, VLDM/VSTM beats, the
// NEON accumulator forwarding, serialising VMRS and the ARM_TIMING_ISSUE
// model. Every expectation is a straight-line sequence with an exact
// cycle count derived from the table in a9_timing.c.
#include <map>
#include <string>

#include "test_a32_fixture.h"

using namespace a32test;

namespace {

using a32test::kVfpEnable;
using a32test::kVfpEnableInsns;

class A9VfpTiming : public A32 {
protected:
    // Cycles taken by the first `n` instructions of `src`, executed one by
    // one after the VFP enable sequence.
    uint64_t Steps(const std::string &src, unsigned n, bool thumb = false)
    {
        std::string code = std::string(kVfpEnable) + (thumb ? ".thumb\n.syntax unified\n" : "") + src;
        Code(code);
        for (unsigned k = 0; k < kVfpEnableInsns; k++) arm_cpu_step(cpu_);
        if (thumb) {
            // the enable sequence is A32; continue at the T32 part
            arm_cpu_set_pc(cpu_, PC() | 1u);
        }
        stall0_ = Stats()["interlock_stall_cycles"];
        uint64_t c0 = arm_cpu_cycles(cpu_);
        for (unsigned k = 0; k < n; k++) arm_cpu_step(cpu_);
        EXPECT_EQ(exc_, -1) << "exception during the timed sequence";
        return arm_cpu_cycles(cpu_) - c0;
    }

    // Interlock stall cycles charged during the last Steps().
    uint64_t Stalls() { return Stats()["interlock_stall_cycles"] - stall0_; }


    uint64_t stall0_ = 0;
};

// ---- VFP arithmetic ----

TEST_F(A9VfpTiming, IndependentVaddF32IssueOnePerCycle)
{
    // s0/s1 share D0, s2/s3 D1...: the four additions use disjoint D registers
    EXPECT_EQ(Steps("vadd.f32 s0, s1, s2\nvadd.f32 s4, s5, s6\n"
                    "vadd.f32 s8, s9, s10\nvadd.f32 s12, s13, s14\n", 4),
              4u);
    EXPECT_EQ(Stalls(), 0u);
}

TEST_F(A9VfpTiming, DependentVaddChainWaitsForTheLatency)
{
    // VADD latency 4: each dependent VADD stalls 4 - 1 = 3 cycles
    EXPECT_EQ(Steps("vadd.f32 s0, s2, s4\nvadd.f32 s6, s0, s0\nvadd.f32 s8, s6, s6\n", 3),
              1u + (3u + 1u) + (3u + 1u));
    EXPECT_EQ(Stalls(), 6u);
}

TEST_F(A9VfpTiming, SingleRegisterHalvesShareTheirDRegister)
{
    // s1 is the top half of D0, written by the first VADD: tracked per D
    // register, so the second VADD waits as for s0
    EXPECT_EQ(Steps("vadd.f32 s0, s2, s4\nvadd.f32 s6, s1, s1\n", 2), 1u + 3u + 1u);
}

TEST_F(A9VfpTiming, DoubleMultiplyTakesTwoIssueCycles)
{
    // VMUL.F64: 2 issue cycles, latency 5 -> the dependent one stalls 3
    EXPECT_EQ(Steps("vmul.f64 d0, d1, d2\nvmul.f64 d3, d0, d0\n", 2), 2u + 3u + 2u);
    // VMUL.F32: 1 issue cycle, latency 4
    EXPECT_EQ(Steps("vmul.f32 s0, s2, s4\nvmul.f32 s6, s0, s0\n", 2), 1u + 3u + 1u);
}

TEST_F(A9VfpTiming, MultiplyAccumulateChain)
{
    // VMLA.F32: latency 8, the accumulator is read at issue
    EXPECT_EQ(Steps("vmla.f32 s0, s2, s4\nvmla.f32 s0, s2, s4\n", 2), 1u + 7u + 1u);
    // VMLA.F64: 2 issue cycles, latency 9
    EXPECT_EQ(Steps("vmla.f64 d0, d1, d2\nvmla.f64 d0, d1, d2\n", 2), 2u + 7u + 2u);
}

TEST_F(A9VfpTiming, DivideAndSquareRoot)
{
    // VDIV.F32: 10 issue cycles, result after 15
    EXPECT_EQ(Steps("vdiv.f32 s0, s2, s4\n", 1), 10u);
    EXPECT_EQ(Steps("vdiv.f32 s0, s2, s4\nvadd.f32 s6, s0, s0\n", 2), 10u + 5u + 1u);
    // VDIV.F64: 20 issue cycles, result after 25
    EXPECT_EQ(Steps("vdiv.f64 d0, d1, d2\nvadd.f64 d3, d0, d0\n", 2), 20u + 5u + 1u);
    // VSQRT: 13 / 28 issue cycles, latency 17 / 32
    EXPECT_EQ(Steps("vsqrt.f32 s0, s2\nvmov.f32 s6, s0\n", 2), 13u + 4u + 1u);
    EXPECT_EQ(Steps("vsqrt.f64 d0, d1\nvmov.f64 d3, d0\n", 2), 28u + 4u + 1u);
    // an independent instruction does not wait for the divide
    EXPECT_EQ(Steps("vdiv.f64 d0, d1, d2\nvadd.f64 d3, d4, d5\n", 2), 20u + 1u);
}

TEST_F(A9VfpTiming, ConversionAndMoveLatencies)
{
    // VCVT latency 4; VMOV/VABS/VNEG latency 1 (no stall)
    EXPECT_EQ(Steps("vcvt.f64.f32 d0, s2\nvadd.f64 d1, d0, d0\n", 2), 1u + 3u + 1u);
    EXPECT_EQ(Steps("vneg.f32 s0, s2\nvabs.f32 s4, s0\nvmov.f32 s6, s4\n", 3), 3u);
}

// ---- transfers, loads and stores ----

TEST_F(A9VfpTiming, CoreLoadToVfpMoveInterlocks)
{
    SetR(0, kData);
    // LDR latency 3 (VMOV cannot use the ALU fast-forward path): stall 2
    EXPECT_EQ(Steps("ldr r1, [r0]\nvmov s0, r1\n", 2), 1u + 2u + 1u);
    EXPECT_EQ(Stalls(), 2u);
}

TEST_F(A9VfpTiming, VfpLoadUseInterlock)
{
    SetR(0, kData);
    // VLDR.64 latency 2: stall 1; VLDR.32 latency 1: no stall
    EXPECT_EQ(Steps("vldr d0, [r0]\nvadd.f64 d1, d0, d0\n", 2), 1u + 1u + 1u);
    EXPECT_EQ(Stalls(), 1u);
    EXPECT_EQ(Steps("vldr s0, [r0]\nvadd.f32 s2, s0, s0\n", 2), 2u);
    // the base register of VLDR is an interlock source
    EXPECT_EQ(Steps("ldr r1, [r0]\nvldr d0, [r1]\n", 2), 1u + 2u + 1u);
}

TEST_F(A9VfpTiming, MoveToCoreLatency)
{
    // VMOV Rt, Sn: core result latency 2 -> the ADD stalls 1
    EXPECT_EQ(Steps("vmov r0, s0\nadd r1, r0, #1\n", 2), 1u + 1u + 1u);
    // VMOV Dm, Rt, Rt2: two issue cycles
    EXPECT_EQ(Steps("vmov d0, r2, r3\n", 1), 2u);
}

TEST_F(A9VfpTiming, VldmOfEightDoubleRegisters)
{
    SetR(0, kData);
    // one 64-bit beat per cycle: 8 cycles
    EXPECT_EQ(Steps("vldmia r0, {d0-d7}\n", 1), 8u);
    // the last register arrives with beat 8, VLDR latency (2) after its beat
    EXPECT_EQ(Steps("vldmia r0, {d0-d7}\nvadd.f64 d8, d7, d7\n", 2), 8u + 1u + 1u);
    // the first register is long ready
    EXPECT_EQ(Steps("vldmia r0, {d0-d7}\nvadd.f64 d8, d0, d0\n", 2), 8u + 1u);
    // eight single registers are four beats
    EXPECT_EQ(Steps("vldmia r0, {s0-s7}\n", 1), 4u);
}

TEST_F(A9VfpTiming, VpushBeatsAndStoreDataInterlock)
{
    EXPECT_EQ(Steps("vpush {d8-d15}\n", 1), 8u);
    EXPECT_EQ(Steps("vpop {d8-d15}\n", 1), 8u);
    // VSTM reads register k with beat k: d0 (latency 4 from the VADD)
    // is read by the first beat -> stall 3; d3, read by beat 4, does not stall
    SetR(0, kData);
    EXPECT_EQ(Steps("vadd.f64 d0, d8, d8\nvstmia r0, {d0-d3}\n", 2), 1u + 3u + 4u);
    EXPECT_EQ(Steps("vadd.f64 d3, d8, d8\nvstmia r0, {d0-d3}\n", 2), 1u + 4u);
}

// ---- status register transfers ----

TEST_F(A9VfpTiming, VmrsApsrWaitsForTheCompare)
{
    // VCMP flags are written back 4 cycles after issue; VMRS is serialising
    EXPECT_EQ(Steps("vcmp.f32 s0, s1\nvmrs APSR_nzcv, fpscr\n", 2), 1u + 3u + 1u);
    // VMRS waits for every VFP result, here a pending divide (15 cycles)
    EXPECT_EQ(Steps("vdiv.f32 s0, s2, s4\nvmrs r0, fpscr\n", 2), 10u + 5u + 1u);
    // a core instruction does not wait
    EXPECT_EQ(Steps("vdiv.f32 s0, s2, s4\nadd r0, r1, r2\n", 2), 10u + 1u);
}

// ---- Advanced SIMD ----

TEST_F(A9VfpTiming, NeonIntegerMacChainUsesTheLateAccumulator)
{
    // VMLA.I16 D: 1 issue cycle, result N6 (latency 5 to an N2 operand);
    // the accumulator is read at N3, one cycle later: stall 3
    EXPECT_EQ(Steps("vmla.i16 d0, d1, d2\nvmla.i16 d0, d1, d2\nvmla.i16 d0, d1, d2\n", 3),
              1u + (3u + 1u) + (3u + 1u));
    EXPECT_EQ(Stalls(), 6u);
    // the product used as a multiplicand waits the full latency: stall 4
    EXPECT_EQ(Steps("vmla.i16 d0, d1, d2\nvmla.i16 d3, d0, d2\n", 2), 1u + 4u + 1u);
    // VMLA.I32 Q: four issue cycles, latency 8: accumulator stall 3
    EXPECT_EQ(Steps("vmla.i32 q0, q1, q2\nvmla.i32 q0, q1, q2\n", 2), 4u + 3u + 4u);
}

TEST_F(A9VfpTiming, NeonQFormsTakeTwiceTheCycles)
{
    // multiplies and float operations: Q = 2 x D issue cycles
    EXPECT_EQ(Steps("vmul.i16 d0, d1, d2\n", 1), 1u);
    EXPECT_EQ(Steps("vmul.i16 q0, q1, q2\n", 1), 2u);
    EXPECT_EQ(Steps("vadd.f32 d0, d1, d2\n", 1), 1u);
    EXPECT_EQ(Steps("vadd.f32 q0, q1, q2\n", 1), 2u);
    EXPECT_EQ(Steps("vshr.u32 d0, d1, #3\n", 1), 1u);
    EXPECT_EQ(Steps("vshr.u32 q0, q1, #3\n", 1), 2u);
    // integer ALU: single-cycle in both forms (S20 neon_int_1), latency 2
    EXPECT_EQ(Steps("vadd.i32 q0, q1, q2\nvadd.i32 q3, q0, q0\n", 2), 1u + 1u + 1u);
    // a Q producer makes both D halves pending
    EXPECT_EQ(Steps("vmul.i16 q0, q1, q2\nvadd.i16 d4, d1, d1\n", 2), 2u + 4u + 1u);
}

TEST_F(A9VfpTiming, NeonFloatMacChain)
{
    // VMLA.F32 D: latency 8 to N2, accumulator one cycle later: stall 6
    EXPECT_EQ(Steps("vmla.f32 d0, d1, d2\nvmla.f32 d0, d1, d2\n", 2), 1u + 6u + 1u);
}

TEST_F(A9VfpTiming, NeonPermutes)
{
    EXPECT_EQ(Steps("vext.8 d0, d1, d2, #3\n", 1), 1u);
    EXPECT_EQ(Steps("vext.8 q0, q1, q2, #3\n", 1), 2u);
    EXPECT_EQ(Steps("vdup.16 d0, d1[2]\n", 1), 1u);
    EXPECT_EQ(Steps("vzip.8 d0, d1\n", 1), 2u);
    EXPECT_EQ(Steps("vzip.8 q0, q1\n", 1), 3u);
    EXPECT_EQ(Steps("vtrn.16 d0, d1\n", 1), 2u);
    // VZIP writes both operands; their latency (2) has passed when its
    // two issue cycles are over: no stall
    EXPECT_EQ(Steps("vzip.8 d0, d1\nvadd.i8 d2, d1, d1\n", 2), 2u + 1u);
    EXPECT_EQ(Stalls(), 0u);
}

TEST_F(A9VfpTiming, NeonStructureLoadsAndStores)
{
    SetR(0, kData);
    EXPECT_EQ(Steps("vld1.32 {d0}, [r0]\n", 1), 2u);
    EXPECT_EQ(Steps("vld1.32 {d0-d3}, [r0]\n", 1), 3u);
    EXPECT_EQ(Steps("vld2.16 {d0-d1}, [r0]\n", 1), 2u);
    EXPECT_EQ(Steps("vld2.16 {d0-d3}, [r0]\n", 1), 3u);
    EXPECT_EQ(Steps("vld4.8 {d0-d3}, [r0]\n", 1), 4u);
    EXPECT_EQ(Steps("vld1.32 {d0[1]}, [r0]\n", 1), 3u);
    EXPECT_EQ(Steps("vst1.32 {d0-d1}, [r0]\n", 1), 2u);
    EXPECT_EQ(Steps("vst4.8 {d0-d3}, [r0]\n", 1), 4u);
    // VLD4: latency 4 to an N2 consumer, no stall after its 4 issue cycles
    EXPECT_EQ(Steps("vld4.8 {d0-d3}, [r0]\nvadd.i8 d4, d3, d3\n", 2), 4u + 1u);
    // store data read at issue: waits for the multiply (latency 5)
    EXPECT_EQ(Steps("vmul.i16 d0, d1, d2\nvst1.16 {d0}, [r0]\n", 2), 1u + 4u + 2u);
}

// ---- Thumb and the issue-only model ----

TEST_F(A9VfpTiming, ThumbEncodingsUseTheSameClasses)
{
    EXPECT_EQ(Steps("vadd.f32 s0, s2, s4\nvadd.f32 s6, s0, s0\n", 2, true), 1u + 3u + 1u);
    EXPECT_EQ(Steps("vdiv.f64 d0, d1, d2\n", 1, true), 20u);
}

TEST_F(A9VfpTiming, IssueModelChargesIssueCyclesOnly)
{
    arm_cpu_set_timing(cpu_, ARM_TIMING_ISSUE);
    SetR(0, kData);
    EXPECT_EQ(Steps("vdiv.f32 s0, s2, s4\nvadd.f32 s6, s0, s0\n", 2), 10u + 1u);
    EXPECT_EQ(Steps("vmla.i16 d0, d1, d2\nvmla.i16 d0, d1, d2\n", 2), 2u);
    EXPECT_EQ(Steps("vldmia r0, {d0-d7}\nvadd.f64 d8, d7, d7\n", 2), 8u + 1u);
    EXPECT_EQ(Steps("vcmp.f32 s0, s1\nvmrs APSR_nzcv, fpscr\n", 2), 2u);
    EXPECT_EQ(Stalls(), 0u);
}

} // namespace
