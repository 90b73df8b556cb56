// test_t32_it.cc - IT blocks (ARM ARM A8.8.54, A2.5.2): conditions, "else"
// slots, ITSTATE in the CPSR, flag setting of 16-bit data processing inside
// and outside a block, 32-bit instructions and branches in a block.
#include "test_t32_fixture.h"

namespace t32test {
namespace {

using t32_it = T32;

constexpr uint32_t kItMask = 0x0600FC00u; // CPSR IT[1:0] (26:25) and IT[7:2] (15:10)

TEST_F(t32_it, ItThenElseSelectsByCondition)
{
    Code({
        0x2801, // cmp r0, #1
        0xbf0c, // ite eq
        0x2101, // moveq r1, #1
        0x2102, // movne r1, #2
        0xbf1f, // itttt ne
        0x3201, // addne r2, #1
        0x3201, // addne r2, #1
        0x3201, // addne r2, #1
        0x3201, // addne r2, #1
    });
    SetR(0, 1);
    SetR(1, 99);
    SetR(2, 10);
    Step(2); // cmp, ite
    EXPECT_EQ(NZCV(), 0x6u);                 // Z and C from cmp 1, 1
    EXPECT_EQ(CPSR() & kItMask, 0x0C00u);    // ITSTATE = 0000:1100
    Step(2);
    EXPECT_EQ(R(1), 1u);
    EXPECT_EQ(NZCV(), 0x6u) << "MOVS inside an IT block must not set flags";
    EXPECT_EQ(CPSR() & kItMask, 0u) << "ITSTATE cleared after the block";
    Step(5);
    EXPECT_EQ(R(2), 10u) << "ne block skipped";
    EXPECT_EQ(PC(), kCode + 18);

    // Again with the opposite condition.
    Code({0x2801, 0xbf0c, 0x2101, 0x2102, 0xbf1f, 0x3201, 0x3201, 0x3201, 0x3201});
    SetR(0, 0);
    Step(9);
    EXPECT_EQ(R(1), 2u);
    EXPECT_EQ(R(2), 14u);
    EXPECT_EQ(NZCV(), 0x8u) << "cmp 0, 1: N set, C clear; the block set no flags";
}

TEST_F(t32_it, FlagsChangedInsideBlockAffectLaterSlots)
{
    Code({
        0xbf04, // itt eq
        0x2805, // cmpeq r0, #5
        0x2107, // moveq r1, #7
    });
    SetNZCV(0x4); // Z
    SetR(0, 4);
    SetR(1, 0);
    Step(3);
    EXPECT_EQ(R(1), 0u) << "cmp cleared Z, so the second slot fails";
    EXPECT_EQ(NZCV(), 0x8u);

    Code({0xbf04, 0x2805, 0x2107});
    SetNZCV(0x4);
    SetR(0, 5);
    Step(3);
    EXPECT_EQ(R(1), 7u);
}

TEST_F(t32_it, Wide32BitInstructionsAndBranchInBlock)
{
    Code({
        0xbf14,         // ite ne
        0xf500, 0x7080, // addne.w r0, r0, #256
        0xf5a0, 0x7080, // subeq.w r0, r0, #256
        0xbf08,         // it eq
        0xf000, 0xb801, // beq.w far  (T4 encoding, last in block)
        0xbf00,         // nop
        0xbf00,         // far: nop
    });
    SetNZCV(0x4);
    SetR(0, 0x1000);
    Step(3);
    EXPECT_EQ(R(0), 0x1000u - 0x100u);
    EXPECT_EQ(PC(), kCode + 10);
    Step(2);
    EXPECT_EQ(PC(), kCode + 18) << "branch taken";

    Code({0xbf14, 0xf500, 0x7080, 0xf5a0, 0x7080, 0xbf08, 0xf000, 0xb801, 0xbf00, 0xbf00});
    SetNZCV(0x0);
    SetR(0, 0x1000);
    Step(5);
    EXPECT_EQ(R(0), 0x1100u);
    EXPECT_EQ(PC(), kCode + 16) << "branch not taken";
}

TEST_F(t32_it, ElseSlotsAlternate)
{
    Code({
        0xbfcb, // itete gt  (gt, le, gt, le)
        0x2001, // movgt r0, #1
        0x2002, // movle r0, #2
        0x2103, // movgt r1, #3
        0x2104, // movle r1, #4
    });
    SetNZCV(0x0); // gt holds
    Step(5);
    EXPECT_EQ(R(0), 1u);
    EXPECT_EQ(R(1), 3u);
    Code({0xbfcb, 0x2001, 0x2002, 0x2103, 0x2104});
    SetNZCV(0x4); // Z: le holds
    Step(5);
    EXPECT_EQ(R(0), 2u);
    EXPECT_EQ(R(1), 4u);
}

TEST_F(t32_it, SameEncodingDecodedInsideAndOutsideBlock)
{
    // 0x18d2 is ADDS r2, r2, r3 outside an IT block and ADD inside one.
    Code({
        0xbf08, // it eq
        0x18d2, // adds r2, r2, r3 / addeq r2, r2, r3
    });
    SetR(2, 0xFFFFFFFFu);
    SetR(3, 1);
    SetNZCV(0x4);
    arm_cpu_set_pc(cpu_, (kCode + 2) | 1u); // execute it outside the block first
    Step();
    EXPECT_EQ(R(2), 0u);
    EXPECT_EQ(NZCV(), 0x6u) << "ADDS: Z and C";
    SetR(2, 0xFFFFFFFFu);
    SetNZCV(0x4);
    arm_cpu_set_pc(cpu_, kCode | 1u);
    Step(2);
    EXPECT_EQ(R(2), 0u);
    EXPECT_EQ(NZCV(), 0x4u) << "ADD inside the block leaves the flags";
}

TEST_F(t32_it, BreakpointIsUnconditionalInsideBlock)
{
    // ARM ARM A8.8.24: BKPT executes even when its IT condition fails.
    Code({
        0xbf18, // it ne
        0xbe09, // bkpt #9  (condition ne fails: Z set)
    });
    SetNZCV(0x4);
    Step(2);
    EXPECT_EQ(exc_, ARM_EXC_PABT);
    EXPECT_EQ(exc_pc_, kCode + 2);
}

TEST_F(t32_it, UnpredictableItUsesAreUndefined)
{
    Code({
        0xbf08, // it eq
        0xbf08, // it eq  (IT inside an IT block: UNDEFINED here)
    });
    SetNZCV(0x4);
    Step(2);
    EXPECT_EQ(exc_, ARM_EXC_UNDEF);
    EXPECT_EQ(exc_pc_, kCode + 2);
}

TEST_F(t32_it, ConditionalBranchInsideBlockIsUndefined)
{
    Code({
        0xbf08, // it eq
        0xd000, // beq.n (B T1 carries its own condition: UNPREDICTABLE in a block)
    });
    SetNZCV(0x4);
    Step(2);
    EXPECT_EQ(exc_, ARM_EXC_UNDEF);
}

} // namespace
} // namespace t32test
