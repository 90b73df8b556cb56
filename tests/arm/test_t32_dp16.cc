// test_t32_dp16.cc - 16-bit Thumb data processing (ARM ARM A6.2.1-A6.2.3,
// A6.2.5): immediates, shifts, register forms, high registers, SP/PC
// arithmetic (ADR alignment), extends and byte reversal, and the flag
// rules (setflags = !InITBlock(); CMP/CMN/TST always set flags).
#include "test_t32_fixture.h"

namespace t32test {
namespace {

using t32_dp16 = T32;

TEST_F(t32_dp16, ImmediateAndShiftSequence)
{
    Code({
        0x2000, // movs r0, #0
        0x21c8, // movs r1, #200
        0x1dca, // adds r2, r1, #7
        0x1a53, // subs r3, r2, r1
        0x1e44, // subs r4, r0, #1
        0x060d, // lsls r5, r1, #24
        0x0fee, // lsrs r6, r5, #31
        0x122f, // asrs r7, r5, #8
        0x0808, // lsrs r0, r1, #32
        0x4249, // negs r1, r1
        0x434a, // muls r2, r1, r2
        0x4690, // mov r8, r2
        0x4488, // add r8, r1
        0x4588, // cmp r8, r1
    });
    SetNZCV(0xF);
    Step();
    EXPECT_EQ(R(0), 0u);
    EXPECT_EQ(NZCV(), 0x7u) << "MOVS: N=0 Z=1, C and V unchanged";
    Step();
    EXPECT_EQ(R(1), 200u);
    EXPECT_EQ(NZCV(), 0x3u);
    SetNZCV(0);
    Step();
    EXPECT_EQ(R(2), 207u);
    EXPECT_EQ(NZCV(), 0x0u);
    Step();
    EXPECT_EQ(R(3), 7u);
    EXPECT_EQ(NZCV(), 0x2u) << "no borrow: C set";
    Step();
    EXPECT_EQ(R(4), 0xFFFFFFFFu);
    EXPECT_EQ(NZCV(), 0x8u) << "borrow: C clear, N set";
    Step();
    EXPECT_EQ(R(5), 0xC8000000u);
    EXPECT_EQ(NZCV(), 0x8u) << "LSLS #24: C = bit 8 of 200 = 0";
    Step();
    EXPECT_EQ(R(6), 1u);
    EXPECT_EQ(NZCV(), 0x2u) << "LSRS #31: C = bit 30";
    Step();
    EXPECT_EQ(R(7), 0xFFC80000u);
    EXPECT_EQ(NZCV(), 0x8u);
    Step();
    EXPECT_EQ(R(0), 0u) << "LSRS #32 (imm5 = 0)";
    EXPECT_EQ(NZCV(), 0x4u) << "C = bit 31 of 200 = 0";
    Step();
    EXPECT_EQ(R(1), static_cast<uint32_t>(-200));
    EXPECT_EQ(NZCV(), 0x8u);
    Step();
    EXPECT_EQ(R(2), static_cast<uint32_t>(-200 * 207));
    EXPECT_EQ(NZCV(), 0x8u);
    Step(2);
    EXPECT_EQ(R(8), static_cast<uint32_t>(-200 * 207 - 200));
    EXPECT_EQ(NZCV(), 0x8u) << "high-register MOV/ADD leave the flags";
    Step();
    EXPECT_EQ(NZCV(), 0x8u) << "CMP r8, r1: negative, borrow";
}

struct Dp16Case {
    uint16_t enc;
    const char *text;
    uint32_t r0, r1, nzcv_in;
    uint32_t r0_out, nzcv_out;
};

// r0 is Rdn (or Rd), r1 is Rm.
const Dp16Case kDp16Cases[] = {
    {0x4008, "ands r0, r1", 0xF0F0000Fu, 0x0FF0FF01u, 0x3, 0x00F00001u, 0x3},
    {0x4048, "eors r0, r1", 0x80000000u, 0x80000000u, 0x1, 0u, 0x5},
    {0x4088, "lsls r0, r1 (1)", 0x80000001u, 1u, 0x0, 2u, 0x2},
    {0x4088, "lsls r0, r1 (33)", 0x80000001u, 33u, 0x3, 0u, 0x5},
    {0x4088, "lsls r0, r1 (0x100: amount 0)", 0x80000001u, 0x100u, 0x2, 0x80000001u, 0xA},
    {0x40c8, "lsrs r0, r1 (32)", 0x80000001u, 32u, 0x0, 0u, 0x6},
    {0x4108, "asrs r0, r1 (40)", 0x80000000u, 40u, 0x0, 0xFFFFFFFFu, 0xA},
    {0x4148, "adcs r0, r1", 0xFFFFFFFFu, 0u, 0x2, 0u, 0x6},
    {0x4188, "sbcs r0, r1", 5u, 5u, 0x0, 0xFFFFFFFFu, 0x8},
    {0x41c8, "rors r0, r1", 1u, 1u, 0x0, 0x80000000u, 0xA},
    {0x4208, "tst r0, r1", 0x0Fu, 0xF0u, 0x3, 0x0Fu, 0x7},
    {0x42c8, "cmn r0, r1", 0x7FFFFFFFu, 1u, 0x0, 0x7FFFFFFFu, 0x9},
    {0x4308, "orrs r0, r1", 1u, 0x80000000u, 0x0, 0x80000001u, 0x8},
    {0x4388, "bics r0, r1", 0xFFu, 0x0Fu, 0x0, 0xF0u, 0x0},
    {0x43c8, "mvns r0, r1", 5u, 0u, 0x0, 0xFFFFFFFFu, 0x8},
    {0x4288, "cmp r0, r1", 1u, 2u, 0x0, 1u, 0x8},
    {0x4248, "negs r0, r1", 7u, 0u, 0x0, 0u, 0x6},
    {0xb208, "sxth r0, r1", 0u, 0x00018000u, 0x5, 0xFFFF8000u, 0x5},
    {0xb248, "sxtb r0, r1", 0u, 0x180u, 0x0, 0xFFFFFF80u, 0x0},
    {0xb288, "uxth r0, r1", 0u, 0xFFFF1234u, 0x0, 0x1234u, 0x0},
    {0xb2c8, "uxtb r0, r1", 0u, 0x1234u, 0x0, 0x34u, 0x0},
    {0xba08, "rev r0, r1", 0u, 0x12345678u, 0x0, 0x78563412u, 0x0},
    {0xba48, "rev16 r0, r1", 0u, 0x12345678u, 0x0, 0x34127856u, 0x0},
    {0xbac8, "revsh r0, r1", 0u, 0x000080FFu, 0x0, 0xFFFFFF80u, 0x0},
};

TEST_F(t32_dp16, RegisterFormsTable)
{
    for (const Dp16Case &c : kDp16Cases) {
        Code({c.enc});
        SetR(0, c.r0);
        SetR(1, c.r1);
        SetNZCV(c.nzcv_in);
        Step();
        EXPECT_EQ(R(0), c.r0_out) << c.text;
        EXPECT_EQ(NZCV(), c.nzcv_out) << c.text;
        EXPECT_EQ(R(1), c.r1) << c.text;
        EXPECT_EQ(PC(), kCode + 2) << c.text;
    }
}

TEST_F(t32_dp16, StackPointerAndPcRelative)
{
    Code({
        0xa804, // add r0, sp, #16
        0xb002, // add sp, #8
        0xb081, // sub sp, #4
        0xa100, // adr r1, lab   (Align(PC,4) + 0)
        0xbf00, // nop
        0xbf00, // lab: nop
    });
    Step(3);
    EXPECT_EQ(R(0), kStack + 16);
    EXPECT_EQ(R(13), kStack + 4);
    Step();
    EXPECT_EQ(R(1), kCode + 8);

    // ADR at an address that is 2 mod 4: the PC is aligned down first.
    Load(kCode + 0x102, {0xa101}); // adr r1, Align(0x1106, 4) + 4
    arm_cpu_set_pc(cpu_, (kCode + 0x102) | 1u);
    Step();
    EXPECT_EQ(R(1), kCode + 0x104 + 4);
}

TEST_F(t32_dp16, WritesToPcBranchWithoutInterworking)
{
    Code({
        0x4697, // mov pc, r2
    });
    SetR(2, (kCode + 0x40) | 1u);
    Step();
    EXPECT_EQ(PC(), kCode + 0x40) << "BranchWritePC clears bit 0";
    EXPECT_TRUE(Thumb()) << "ALUWritePC in Thumb state does not interwork";

    Code({
        0x4497, // add pc, r2   (PC reads as insn + 4)
    });
    SetR(2, 0x20);
    Step();
    EXPECT_EQ(PC(), kCode + 4 + 0x20);
    EXPECT_TRUE(Thumb());
}

} // namespace
} // namespace t32test
