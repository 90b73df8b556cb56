// test_t32_branch.cc - T32 branches and interworking (ARM ARM A8.8.18 B,
// A8.8.25 BL/BLX (immediate), A8.8.26/27 BLX/BX (register), A8.8.29
// CBZ/CBNZ, A8.8.223 TBB/TBH, LoadWritePC via POP/LDR/LDM, A2.3.1).
#include "test_t32_fixture.h"

namespace t32test {
namespace {

using t32_branch = T32;

constexpr uint32_t kArm = 0x3000; // ARM code: add r0, r0, #1; bx lr

TEST_F(t32_branch, ConditionalAndUnconditionalNarrow)
{
    Code({
        0x2800, // cmp r0, #0
        0xd000, // beq.n +4 (skip the next instruction)
        0x2101, // movs r1, #1
        0x2202, // movs r2, #2
        0xe7fd, // b.n back to the movs r2
    });
    SetR(0, 0);
    Step(2);
    EXPECT_EQ(PC(), kCode + 6) << "taken";
    Step(2);
    EXPECT_EQ(PC(), kCode + 6) << "backward b.n";
    Code({0x2800, 0xd000, 0x2101, 0x2202, 0xe7fd});
    SetR(0, 1);
    Step(2);
    EXPECT_EQ(PC(), kCode + 4) << "not taken";
}

TEST_F(t32_branch, WideBranchesFarForwardAndBack)
{
    Code({
        0xf020, 0xb802, // b.w +0x20008
        0xf020, 0xf800, // bl  +0x20008 (from offset 4)
    });
    Step();
    EXPECT_EQ(PC(), kCode + 0x20008);
    arm_cpu_set_pc(cpu_, (kCode + 4) | 1u);
    Step();
    EXPECT_EQ(PC(), kCode + 0x20008);
    EXPECT_EQ(R(14), (kCode + 8) | 1u) << "BL: LR = next instruction | 1";

    // Backwards across 256 KiB: b.w and bl at kCode + 0x40000 to kCode.
    Load(kCode + 0x40000, {0xf7bf, 0xbffe, 0xf7bf, 0xfffc});
    arm_cpu_set_pc(cpu_, (kCode + 0x40000) | 1u);
    Step();
    EXPECT_EQ(PC(), kCode);
    arm_cpu_set_pc(cpu_, (kCode + 0x40004) | 1u);
    Step();
    EXPECT_EQ(PC(), kCode);
    EXPECT_EQ(R(14), (kCode + 0x40008) | 1u);

    // Short backward b.w (offset -0x32).
    Load(kCode + 0x36, {0xf7ff, 0xbfe7});
    arm_cpu_set_pc(cpu_, (kCode + 0x36) | 1u);
    Step();
    EXPECT_EQ(PC(), kCode + 0x08);
}

TEST_F(t32_branch, ConditionalWide)
{
    // beq.w with J1/J2 bits: encodings from arm-none-eabi-as.
    Code({
        0xf000, 0x8001, // beq.w +6
    });
    SetNZCV(0x4);
    Step();
    EXPECT_EQ(PC(), kCode + 6);
    Code({0xf000, 0x8001});
    SetNZCV(0x0);
    Step();
    EXPECT_EQ(PC(), kCode + 4);
}

TEST_F(t32_branch, BlxImmediateToArmAndBxBack)
{
    Write32(kArm, 0xe2800001u);     // add r0, r0, #1
    Write32(kArm + 4, 0xe12fff1eu); // bx lr
    // blx at kCode + 2 (PC = kCode + 6, Align(PC,4) = kCode + 4): target kCode + 8.
    Code({
        0xbf00,         // nop
        0xf000, 0xe802, // blx +8 from Align(PC,4)
        0xbf00,         // nop (return lands here)
        0xbf00,
    });
    Write32(kCode + 8, 0xe12fff1eu); // bx lr (ARM)
    Step(2);
    EXPECT_EQ(PC(), kCode + 8);
    EXPECT_FALSE(Thumb()) << "BLX (immediate) switches to ARM";
    EXPECT_EQ(R(14), (kCode + 6) | 1u);
    Step();
    EXPECT_EQ(PC(), kCode + 6);
    EXPECT_TRUE(Thumb()) << "BX LR with bit 0 set returns to Thumb";
}

TEST_F(t32_branch, BxAndBlxRegisterInterwork)
{
    Write32(kArm, 0xe2800001u);     // add r0, r0, #1
    Write32(kArm + 4, 0xe12fff1eu); // bx lr
    Code({
        0x4798, // blx r3
        0x4718, // bx r3
    });
    SetR(3, kArm);
    SetR(0, 41);
    Step();
    EXPECT_FALSE(Thumb());
    EXPECT_EQ(PC(), kArm);
    EXPECT_EQ(R(14), (kCode + 2) | 1u);
    Step(2);
    EXPECT_EQ(R(0), 42u);
    EXPECT_TRUE(Thumb());
    EXPECT_EQ(PC(), kCode + 2);
    Step();
    EXPECT_EQ(PC(), kArm) << "BX to an ARM address";
    EXPECT_FALSE(Thumb());

    // BX to a Thumb address stays in Thumb; BXJ behaves as BX (trivial Jazelle).
    Code({0xf3c3, 0x8f00}); // bxj r3
    SetR(3, (kCode + 0x100) | 1u);
    Step();
    EXPECT_EQ(PC(), kCode + 0x100);
    EXPECT_TRUE(Thumb());
}

TEST_F(t32_branch, CompareAndBranchOnZero)
{
    Code({
        0xb100, // cbz r0, +4
        0x2101, // movs r1, #1
        0xb900, // cbnz r0, +8
        0x2202, // movs r2, #2
        0xbf00, // nop
    });
    SetR(0, 0);
    Step();
    EXPECT_EQ(PC(), kCode + 4) << "cbz taken";
    Step();
    EXPECT_EQ(PC(), kCode + 6) << "cbnz not taken";
    Code({0xb100, 0x2101, 0xb900, 0x2202, 0xbf00});
    SetR(0, 5);
    Step();
    EXPECT_EQ(PC(), kCode + 2) << "cbz not taken";
    Step(2);
    EXPECT_EQ(PC(), kCode + 8) << "cbnz taken";
}

TEST_F(t32_branch, TableBranchByteAndHalfword)
{
    Code({
        0xe8df, 0xf000, // tbb [pc, r0]
        0x0302, 0x0504, // table: 2, 3, 4, 5
        0x2101,         // movs r1, #1   (offset 8)
        0x2102,         // movs r1, #2
        0x2103,         // movs r1, #3
        0x2104,         // movs r1, #4
    });
    for (uint32_t k = 0; k < 4; k++) {
        arm_cpu_set_pc(cpu_, kCode | 1u);
        SetR(0, k);
        Step(2);
        EXPECT_EQ(R(1), k + 1) << "tbb index " << k;
    }
    // TBH with a table in data memory: target = PC + 2 * table[r0].
    Write16(kData + 0, 0x0010);
    Write16(kData + 2, 0x0200);
    Code({0xe8d1, 0xf010}); // tbh [r1, r0, lsl #1]
    SetR(1, kData);
    SetR(0, 1);
    Step();
    EXPECT_EQ(PC(), kCode + 4 + 0x400);
    EXPECT_TRUE(Thumb());
}

TEST_F(t32_branch, LoadsToPcInterwork)
{
    Write32(kArm, 0xe2800001u);
    Write32(kArm + 4, 0xe12fff1eu);
    // POP {r0, pc} with an ARM address.
    Code({0xbd01}); // pop {r0, pc}
    Write32(kStack - 8, 7);
    Write32(kStack - 4, kArm);
    SetR(13, kStack - 8);
    Step();
    EXPECT_EQ(R(0), 7u);
    EXPECT_EQ(PC(), kArm);
    EXPECT_FALSE(Thumb());
    EXPECT_EQ(R(13), kStack);

    // LDR.W pc, [r0] with a Thumb address.
    arm_cpu_set_pc(cpu_, kCode | 1u);
    Code({0xf8d0, 0xf000}); // ldr.w pc, [r0]
    Write32(kData, (kCode + 0x80) | 1u);
    SetR(0, kData);
    Step();
    EXPECT_EQ(PC(), kCode + 0x80);
    EXPECT_TRUE(Thumb());

    // LDR.W pc, [sp], #4 (post-indexed) to ARM.
    Code({0xf85d, 0xfb04});
    Write32(kStack - 4, kArm);
    SetR(13, kStack - 4);
    Step();
    EXPECT_EQ(PC(), kArm);
    EXPECT_FALSE(Thumb());
    EXPECT_EQ(R(13), kStack);

    // LDMIA.W r0, {r1, pc}
    arm_cpu_set_pc(cpu_, kCode | 1u);
    Code({0xe890, 0x8002});
    Write32(kData, 0x1234);
    Write32(kData + 4, (kCode + 0x20) | 1u);
    SetR(0, kData);
    Step();
    EXPECT_EQ(R(1), 0x1234u);
    EXPECT_EQ(PC(), kCode + 0x20);
    EXPECT_TRUE(Thumb());
}

TEST_F(t32_branch, ArmBlxRegisterEntersThumb)
{
    // ARM code calls a Thumb function with BLX r3; the function returns with BX LR.
    Write32(kArm, 0xe12fff33u); // blx r3
    Code({0x3001, 0x4770});     // adds r0, #1; bx lr
    SetR(3, kCode | 1u);
    SetR(0, 1);
    arm_cpu_set_pc(cpu_, kArm);
    Step();
    EXPECT_TRUE(Thumb());
    EXPECT_EQ(PC(), kCode);
    Step(2);
    EXPECT_EQ(R(0), 2u);
    EXPECT_FALSE(Thumb());
    EXPECT_EQ(PC(), kArm + 4);
}

} // namespace
} // namespace t32test
