// Cycle accounting from the Cortex-A9 table (models/arm/src/a9_timing.c):
// per-class issue cycles, LDM/STM beats and the unaligned extra beat,
// condition-failed instructions, exception entry penalty, bus delay.
#include "test_a32_fixture.h"

using namespace a32test;

class A32Timing : public A32 {
protected:
    // Cycles taken by the single instruction `src` (executed with step).
    uint64_t C(const std::string &src)
    {
        Code(src);
        uint64_t c0 = arm_cpu_cycles(cpu_);
        arm_cpu_step(cpu_);
        return arm_cpu_cycles(cpu_) - c0;
    }
};

TEST_F(A32Timing, IssueCyclesPerClass)
{
    SetR(1, kData);
    EXPECT_EQ(C("add r0, r1, r2"), 1u);                  // ALU
    EXPECT_EQ(C("add r0, r1, r2, lsl #2"), 1u);          // ALU, immediate shift (latency 2)
    EXPECT_EQ(C("add r0, r1, r2, lsl r3"), 2u);          // ALU, register shift
    EXPECT_EQ(C("mul r0, r1, r2"), 2u);                  // MUL
    EXPECT_EQ(C("umull r0, r4, r1, r2"), 3u);            // long multiply
    EXPECT_EQ(C("smulbb r0, r1, r2"), 1u);               // 16x16
    EXPECT_EQ(C("ldr r0, [r1]"), 1u);                    // LDR word
    EXPECT_EQ(C("ldrb r0, [r1]"), 2u);                   // LDRB: 2 AGU cycles
    EXPECT_EQ(C("str r0, [r1]"), 1u);
}

TEST_F(A32Timing, LoadStoreMultipleBeats)
{
    SetR(0, kData);                                      // 64-bit aligned
    EXPECT_EQ(C("ldm r0, {r1-r4}"), 2u);                 // ceil(4/2)
    SetR(0, kData);
    EXPECT_EQ(C("ldm r0, {r1-r5}"), 3u);                 // ceil(5/2)
    SetR(0, kData + 4);                                  // not 64-bit aligned: +1
    EXPECT_EQ(C("ldm r0, {r1-r4}"), 3u);
    SetR(0, kData);
    EXPECT_EQ(C("stm r0, {r1}"), 1u);
}

TEST_F(A32Timing, ConditionFailedCostsOneCycle)
{
    SetNZCV(0); // Z clear
    EXPECT_EQ(C("muleq r0, r1, r2"), 1u);
}

TEST_F(A32Timing, ExceptionEntryAddsPipelineRefill)
{
    hook_stops_ = false;
    uint64_t c = C("svc #0");
    EXPECT_EQ(c, 1u + 8u); // SVC issue + A9_FLUSH_PENALTY
    EXPECT_EQ(PC(), 0x8u);
}

TEST_F(A32Timing, BusDelayIsCharged)
{
    SetR(1, 0x40000000);
    EXPECT_EQ(C("ldr r0, [r1]"), 1u + 10u);              // fixture MMIO adds 10 cycles
}
