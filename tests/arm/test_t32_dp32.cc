// test_t32_dp32.cc - 32-bit Thumb-2 data processing (ARM ARM A6.3.1
// modified immediate with ThumbExpandImm_C carry, A6.3.3 plain binary
// immediate, A6.3.11 shifted register incl. RRX and #32 shifts, A6.3.12
// register-controlled shifts), bitfields and saturation with the Q flag.
#include "test_t32_fixture.h"

namespace t32test {
namespace {

using t32_dp32 = T32;

struct Dp32Case {
    uint16_t hw1, hw2;
    const char *text;
    uint32_t r0, r1, r2, nzcv_in;
    uint32_t r0_out, nzcv_out, q_out;
};

constexpr uint32_t X = 0xDEAD0000u; // r0 before (result must overwrite it)

const Dp32Case kCases[] = {
    // modified immediate
    {0xf04f, 0x10ff, "mov.w r0, #0x00ff00ff", X, 0, 0, 0xF, 0x00FF00FFu, 0xF, 0},
    {0xf04f, 0x20ff, "mov.w r0, #0xff00ff00", X, 0, 0, 0x0, 0xFF00FF00u, 0x0, 0},
    {0xf04f, 0x30ab, "mov.w r0, #0xabababab", X, 0, 0, 0x0, 0xABABABABu, 0x0, 0},
    {0xf05f, 0x4000, "movs.w r0, #0x80000000 (rotated: C = bit 31)", X, 0, 0, 0x1, 0x80000000u, 0xB, 0},
    {0xf011, 0x10ff, "ands.w r0, r1, #0x00ff00ff (replicated: C kept)", X, 0x12345678u, 0, 0x2, 0x00340078u, 0x2, 0},
    {0xf011, 0x10ff, "ands.w zero result", X, 0xFF00FF00u, 0, 0x0, 0u, 0x4, 0},
    {0xf061, 0x00ff, "orn r0, r1, #0xff", X, 0x12345600u, 0, 0x0, 0xFFFFFF00u, 0x0, 0},
    {0xf421, 0x307f, "bic.w r0, r1, #0x3fc00", X, 0xFFFFFFFFu, 0, 0x0, 0xFFFC03FFu, 0x0, 0},
    {0xf151, 0x0001, "adcs.w r0, r1, #1", X, 0x7FFFFFFFu, 0, 0x2, 0x80000001u, 0x9, 0},
    {0xf171, 0x0001, "sbcs.w r0, r1, #1", X, 0u, 0, 0x2, 0xFFFFFFFFu, 0x8, 0},
    {0xf5c1, 0x7080, "rsb.w r0, r1, #0x100", X, 1u, 0, 0x0, 0xFFu, 0x0, 0},
    {0xf091, 0x4f00, "teq r1, #0x80000000", X, 0x80000000u, 0, 0x0, X, 0x6, 0},
    {0xf411, 0x3f80, "tst.w r1, #0x10000 (rotated, bit 31 = 0: C cleared)", X, 0x10000u, 0, 0x2, X, 0x0, 0},
    {0xf111, 0x0f01, "cmn.w r1, #1", X, 0xFFFFFFFFu, 0, 0x0, X, 0x6, 0},
    {0xf5b1, 0x5f80, "cmp.w r1, #0x1000", X, 0x1000u, 0, 0x0, X, 0x6, 0},
    {0xf07f, 0x40fe, "mvns.w r0, #0x7f000000", X, 0, 0, 0x2, 0x80FFFFFFu, 0x8, 0},
    {0xf081, 0x0055, "eor.w r0, r1, #0x55", X, 0xFFu, 0, 0x0, 0xAAu, 0x0, 0},
    // shifted register
    {0xeb01, 0x00c2, "add.w r0, r1, r2, lsl #3", X, 1, 2, 0x0, 17u, 0x0, 0},
    {0xea5f, 0x0031, "movs.w r0, r1, rrx", X, 3, 0, 0x2, 0x80000001u, 0xA, 0},
    {0xfa41, 0xf002, "asr.w r0, r1, r2", X, 0x80000000u, 4, 0x0, 0xF8000000u, 0x0, 0},
    {0xfa11, 0xf002, "lsls.w r0, r1, r2", X, 0x80000001u, 1, 0x0, 2u, 0x2, 0},
    {0xfa71, 0xf002, "rors.w r0, r1, r2 (36)", X, 0x12345678u, 36, 0x0, 0x81234567u, 0xA, 0},
    {0xebb1, 0x0022, "subs.w r0, r1, r2, asr #32", X, 5, 0x80000000u, 0x0, 6u, 0x0, 0},
    {0xea6f, 0x1031, "mvn.w r0, r1, ror #4", X, 0xFu, 0, 0x0, 0x0FFFFFFFu, 0x0, 0},
    {0xea51, 0x0052, "orrs.w r0, r1, r2, lsr #1", X, 0, 1, 0x0, 0u, 0x6, 0},
    {0xea91, 0x0f02, "teq.w r1, r2", X, 0x80000000u, 0x80000000u, 0x2, X, 0x6, 0},
    {0xeac1, 0x4002, "pkhbt r0, r1, r2, lsl #16", X, 0x1111AAAAu, 0x2222BBBBu, 0x0, 0xBBBBAAAAu, 0x0, 0},
    {0xeac1, 0x4022, "pkhtb r0, r1, r2, asr #16", X, 0x1111AAAAu, 0x2222BBBBu, 0x0, 0x11112222u, 0x0, 0},
    {0xea4f, 0x1001, "mov.w r0, r1, lsl #4", X, 0x12345678u, 0, 0x0, 0x23456780u, 0x0, 0},
    {0xebd1, 0x0002, "rsbs.w r0, r1, r2", X, 5, 3, 0x0, 0xFFFFFFFEu, 0x8, 0},
    {0xeb41, 0x0002, "adc.w r0, r1, r2", X, 1, 2, 0x2, 4u, 0x2, 0},
    {0xeb61, 0x0002, "sbc.w r0, r1, r2", X, 10, 3, 0x0, 6u, 0x0, 0},
    {0xea31, 0x0002, "bics.w r0, r1, r2", X, 0xF0, 0xF0, 0x0, 0u, 0x4, 0},
    {0xea61, 0x0002, "orn r0, r1, r2", X, 0, 0xFFFF0000u, 0x0, 0x0000FFFFu, 0x0, 0},
    {0xea11, 0x7fc2, "tst.w r1, r2, lsl #31", X, 0x80000000u, 1, 0x2, X, 0x8, 0},
    // plain binary immediate, bitfields, saturation
    {0xf64b, 0x60ef, "movw r0, #0xbeef", X, 0, 0, 0x0, 0x0000BEEFu, 0x0, 0},
    {0xf6cd, 0x60ad, "movt r0, #0xdead", 0xBEEFu, 0, 0, 0x0, 0xDEADBEEFu, 0x0, 0},
    {0xf601, 0x70ff, "addw r0, r1, #0xfff", X, 1, 0, 0x0, 0x1000u, 0x0, 0},
    {0xf2a1, 0x1023, "subw r0, r1, #0x123", X, 0x1000u, 0, 0x0, 0xEDDu, 0x0, 0},
    {0xf361, 0x200b, "bfi r0, r1, #8, #4", 0xFFFFFFFFu, 5, 0, 0x0, 0xFFFFF5FFu, 0x0, 0},
    {0xf36f, 0x100b, "bfc r0, #4, #8", 0xFFFFFFFFu, 0, 0, 0x0, 0xFFFFF00Fu, 0x0, 0},
    {0xf3c1, 0x1007, "ubfx r0, r1, #4, #8", X, 0x12345678u, 0, 0x0, 0x67u, 0x0, 0},
    {0xf341, 0x7003, "sbfx r0, r1, #28, #4", X, 0x92345678u, 0, 0x0, 0xFFFFFFF9u, 0x0, 0},
    {0xf301, 0x0007, "ssat r0, #8, r1 (saturates)", X, 300, 0, 0x0, 127u, 0x0, 1},
    {0xf301, 0x0007, "ssat r0, #8, r1 (in range)", X, 0xFFFFFFFBu, 0, 0x0, 0xFFFFFFFBu, 0x0, 0},
    {0xf3a1, 0x1008, "usat r0, #8, r1, asr #4", X, 0x1000u, 0, 0x0, 255u, 0x0, 1},
    {0xf321, 0x0003, "ssat16 r0, #4, r1", X, 0x0010FFF0u, 0, 0x0, 0x0007FFF8u, 0x0, 1},
    {0xf3a1, 0x0004, "usat16 r0, #4, r1", X, 0x0010FFF0u, 0, 0x0, 0x000F0000u, 0x0, 1},
    {0xf301, 0x100f, "ssat r0, #16, r1, lsl #4", X, 0x100u, 0, 0x0, 0x1000u, 0x0, 0},
};

TEST_F(t32_dp32, Table)
{
    for (const Dp32Case &c : kCases) {
        Code({c.hw1, c.hw2});
        SetR(0, c.r0);
        SetR(1, c.r1);
        SetR(2, c.r2);
        arm_cpu_set_cpsr(cpu_, (CPSR() & 0x07FFFFFFu) | (c.nzcv_in << 28)); // Q cleared
        Step();
        EXPECT_EQ(exc_, -1) << c.text;
        EXPECT_EQ(R(0), c.r0_out) << c.text;
        EXPECT_EQ(NZCV(), c.nzcv_out) << c.text;
        EXPECT_EQ((CPSR() >> 27) & 1u, c.q_out) << c.text;
        EXPECT_EQ(PC(), kCode + 4) << c.text;
    }
}

TEST_F(t32_dp32, WideAdrFoldsAlignedPc)
{
    Code({
        0xf20f, 0x0002, // adr.w r0, +2  (addw r0, pc, #2)
        0xbf00,         // nop
        0xbf00,         // nop
        0xbf00,         // nop
        0xbf00,         // nop
        0xf2af, 0x0006, // adr.w r0, -6  (subw r0, pc, #6) at offset 12
    });
    Step();
    EXPECT_EQ(R(0), kCode + 4 + 2);
    Step(5);
    EXPECT_EQ(R(0), kCode + 16 - 6);
    // The same ADR at an address that is 2 mod 4.
    Load(kCode + 0x22, {0xf20f, 0x0002});
    arm_cpu_set_pc(cpu_, (kCode + 0x22) | 1u);
    Step();
    EXPECT_EQ(R(0), kCode + 0x24 + 2);
}

TEST_F(t32_dp32, UnpredictableBitfieldsAreUndefined)
{
    Code({0xf3c1, 0x701f}); // ubfx r0, r1, #28, #32: lsb + width > 32
    Step();
    EXPECT_EQ(exc_, ARM_EXC_UNDEF);
}

} // namespace
} // namespace t32test
