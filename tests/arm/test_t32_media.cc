// test_t32_media.cc - 32-bit Thumb-2 data processing (register) and
// multiplies (ARM ARM A6.3.12-A6.3.17): extends with rotation and
// accumulate, parallel add/subtract with GE, SEL, saturating arithmetic
// with Q, byte/bit reversal, CLZ, all 32- and 64-bit multiplies, and
// SDIV/UDIV (UNDEFINED on Cortex-A9). Expected values were computed from
// the ARM ARM pseudocode.
#include "test_t32_fixture.h"

namespace t32test {
namespace {

using t32_media = T32;

constexpr uint32_t kR1 = 0x12345678u, kR2 = 0x9ABCDEF0u, kR3 = 0x11111111u;

struct MediaCase {
    uint16_t hw1, hw2;
    const char *text;
    uint32_t r0_out;
};

// r1 = kR1, r2 = kR2, r3 = kR3 before each instruction.
const MediaCase kMedia[] = {
    {0xfa01, 0xf092, "sxtah r0, r1, r2, ror #8", 0x12341356u},
    {0xfa51, 0xf082, "uxtab r0, r1, r2", 0x12345768u},
    {0xfa2f, 0xf082, "sxtb16 r0, r2", 0xFFBCFFF0u},
    {0xfa3f, 0xf092, "uxtb16 r0, r2, ror #8", 0x009A00DEu},
    {0xfa0f, 0xf0a2, "sxth.w r0, r2, ror #16", 0xFFFF9ABCu},
    {0xfa5f, 0xf0b2, "uxtb.w r0, r2, ror #24", 0x0000009Au},
    {0xfa21, 0xf082, "sxtab16 r0, r1, r2", 0x11F05668u},
    {0xfa11, 0xf082, "uxtah r0, r1, r2", 0x12353568u},
    {0xfac1, 0xf052, "uqsub8 r0, r1, r2", 0x00000000u},
    {0xfa81, 0xf022, "shadd8 r0, r1, r2", 0xD6F81A34u},
    {0xfaa1, 0xf012, "qasx r0, r1, r2", 0xF1247FFFu},
    {0xfae1, 0xf062, "uhsax r0, r1, r2", 0x99A2789Au},
    {0xfa91, 0xf081, "rev.w r0, r1", 0x78563412u},
    {0xfa91, 0xf091, "rev16.w r0, r1", 0x34127856u},
    {0xfa91, 0xf0a1, "rbit r0, r1", 0x1E6A2C48u},
    {0xfb01, 0xf002, "mul.w r0, r1, r2", 0x242D2080u},
    {0xfb01, 0x3002, "mla r0, r1, r2, r3", 0x353E3191u},
    {0xfb01, 0x3012, "mls r0, r1, r2, r3", 0xECE3F091u},
    {0xfb11, 0xf002, "smulbb r0, r1, r2", 0xF4D52080u},
    {0xfb11, 0x3032, "smlatt r0, r1, r2, r3", 0x09DDB741u},
    {0xfb31, 0xf002, "smulwb r0, r1, r2", 0xFDA61D95u},
    {0xfb31, 0x3012, "smlawt r0, r1, r2, r3", 0x09DD950Cu},
    {0xfb21, 0xf002, "smuad r0, r1, r2", 0xEDA1C6B0u},
    {0xfb41, 0xf012, "smusdx r0, r1, r2", 0xE0258760u},
    {0xfb21, 0x3002, "smlad r0, r1, r2, r3", 0xFEB2D7C1u},
    {0xfb41, 0x3002, "smlsd r0, r1, r2, r3", 0x0D198B61u},
    {0xfb51, 0xf002, "smmul r0, r1, r2", 0xF8CC93D6u},
    {0xfb51, 0x3012, "smmlar r0, r1, r2, r3", 0x09DDA4E7u},
    {0xfb61, 0x3002, "smmls r0, r1, r2, r3", 0x18447D3Au},
    {0xfb71, 0xf002, "usad8 r0, r1, r2", 0x00000210u},
    {0xfb71, 0x3002, "usada8 r0, r1, r2, r3", 0x11111321u},
};

TEST_F(t32_media, SingleResultTable)
{
    for (const MediaCase &c : kMedia) {
        Code({c.hw1, c.hw2});
        SetR(0, 0xDEAD0000u);
        SetR(1, kR1);
        SetR(2, kR2);
        SetR(3, kR3);
        SetNZCV(0x5);
        Step();
        EXPECT_EQ(exc_, -1) << c.text;
        EXPECT_EQ(R(0), c.r0_out) << c.text;
        EXPECT_EQ(NZCV(), 0x5u) << c.text << ": flags untouched";
        EXPECT_EQ(R(1), kR1) << c.text;
        EXPECT_EQ(R(3), kR3) << c.text;
    }
}

struct LongCase {
    uint16_t hw1, hw2;
    const char *text;
    uint32_t lo_out, hi_out;
};

// RdLo = r0 (0x01020304 before), RdHi = r3 (0x05060708 before), Rn = r1, Rm = r2.
const LongCase kLong[] = {
    {0xfb81, 0x0302, "smull r0, r3, r1, r2", 0x242D2080u, 0xF8CC93D6u},
    {0xfba1, 0x0302, "umull r0, r3, r1, r2", 0x242D2080u, 0x0B00EA4Eu},
    {0xfbc1, 0x0302, "smlal r0, r3, r1, r2", 0x252F2384u, 0xFDD29ADEu},
    {0xfbe1, 0x0302, "umlal r0, r3, r1, r2", 0x252F2384u, 0x1006F156u},
    {0xfbe1, 0x0362, "umaal r0, r3, r1, r2", 0x2A352A8Cu, 0x0B00EA4Eu},
    {0xfbc1, 0x0392, "smlalbt r0, r3, r1, r2", 0xDECDB324u, 0x05060707u},
    {0xfbc1, 0x03c2, "smlald r0, r3, r1, r2", 0xEEA3C9B4u, 0x05060707u},
    {0xfbd1, 0x03d2, "smlsldx r0, r3, r1, r2", 0xE1278A64u, 0x05060707u},
};

TEST_F(t32_media, LongMultiplyTable)
{
    for (const LongCase &c : kLong) {
        Code({c.hw1, c.hw2});
        SetR(0, 0x01020304u);
        SetR(3, 0x05060708u);
        SetR(1, kR1);
        SetR(2, kR2);
        Step();
        EXPECT_EQ(exc_, -1) << c.text;
        EXPECT_EQ(R(0), c.lo_out) << c.text;
        EXPECT_EQ(R(3), c.hi_out) << c.text;
    }
}

TEST_F(t32_media, ParallelAddSetsGeAndSelUsesIt)
{
    Code({
        0xfa91, 0xf002, // sadd16 r0, r1, r2
        0xfaa1, 0xf082, // sel r0, r1, r2
    });
    SetR(1, kR1);
    SetR(2, kR2);
    Step();
    EXPECT_EQ(R(0), 0xACF03568u);
    EXPECT_EQ((CPSR() >> ARM_CPSR_GE_SHIFT) & 0xFu, 0x3u) << "low half >= 0, high half < 0";
    Step();
    EXPECT_EQ(R(0), 0x9ABC5678u) << "GE[1:0] pick r1's low bytes, GE[3:2] clear pick r2's";

    Code({0xfac1, 0xf042}); // usub8 r0, r1, r2
    SetR(1, 0x80FF0010u);
    SetR(2, 0x7FFF0100u);
    Step();
    EXPECT_EQ(R(0), 0x0100FF10u);
    EXPECT_EQ((CPSR() >> ARM_CPSR_GE_SHIFT) & 0xFu, 0xDu) << "byte 1 borrows";
}

TEST_F(t32_media, SaturatingArithmeticSetsQ)
{
    Code({0xfa82, 0xf081}); // qadd r0, r1, r2  (r1 + r2)
    SetR(1, 0x7FFFFFFFu);
    SetR(2, 1);
    Step();
    EXPECT_EQ(R(0), 0x7FFFFFFFu);
    EXPECT_EQ((CPSR() >> 27) & 1u, 1u);

    arm_cpu_set_cpsr(cpu_, CPSR() & ~ARM_CPSR_Q);
    Code({0xfa82, 0xf0b1}); // qdsub r0, r1, r2  (r1 - sat(2 * r2))
    SetR(1, 0x10);
    SetR(2, 0x50000000u);
    Step();
    EXPECT_EQ(R(0), 0x80000011u);
    EXPECT_EQ((CPSR() >> 27) & 1u, 1u);

    arm_cpu_set_cpsr(cpu_, CPSR() & ~ARM_CPSR_Q);
    Code({0xfa82, 0xf081}); // qadd without overflow leaves Q clear
    SetR(1, 5);
    SetR(2, 6);
    Step();
    EXPECT_EQ(R(0), 11u);
    EXPECT_EQ((CPSR() >> 27) & 1u, 0u);
}

TEST_F(t32_media, ReverseAndCount)
{
    Code({0xfa91, 0xf0b1}); // revsh.w r0, r1
    SetR(1, 0x000080FFu);
    Step();
    EXPECT_EQ(R(0), 0xFFFFFF80u);
    Code({0xfab1, 0xf081}); // clz r0, r1
    SetR(1, 0x00010000u);
    Step();
    EXPECT_EQ(R(0), 15u);
    Code({0xfab1, 0xf081});
    SetR(1, 0);
    Step();
    EXPECT_EQ(R(0), 32u);
}

TEST_F(t32_media, DivideIsUndefinedOnCortexA9)
{
    Code({0xfb91, 0xf0f2}); // sdiv r0, r1, r2
    Step();
    EXPECT_EQ(exc_, ARM_EXC_UNDEF);
    exc_ = -1;
    Code({0xfbb1, 0xf0f2}); // udiv r0, r1, r2
    Step();
    EXPECT_EQ(exc_, ARM_EXC_UNDEF);
}

} // namespace
} // namespace t32test
