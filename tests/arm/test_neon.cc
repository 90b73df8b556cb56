// test_neon.cc - Advanced SIMD (NEON) in the ISS: the instruction forms
// gcc emits when vectorising (VLD1/VST1, VDUP, VMOV immediate, integer
// add/multiply, widening/narrowing, pairwise, shifts, compares, VEXT,
// saturation with FPSCR.QC, float VADD/VMUL/VMLA and VCVT), in A32 and T32,
// with values worked out by hand. tests/arm/diff_unicorn_vfp.cc compares
// the whole instruction groups against Unicorn.
#include <cstring>

#include "test_a32_fixture.h"

extern "C" {
#include "arm_internal.h"
}

namespace {

using a32test::A32;
using a32test::kData;

const char *const kEnable =
    ".fpu neon\n"
    "mov r12, #0x00F00000\n"
    "mcr p15, 0, r12, c1, c0, 2\n"
    "isb\n"
    "mov r12, #0x40000000\n"
    "vmsr fpexc, r12\n";

uint32_t F2U(float f) { uint32_t u; std::memcpy(&u, &f, 4); return u; }

const char *const kIntegerProgram =
    "vld1.8 {d0-d1}, [r0]\n"
    "vadd.i8 d2, d0, d1\n"
    "vmovl.u8 q2, d0\n"
    "vmull.u8 q3, d0, d1\n"
    "vpadd.i16 d8, d6, d7\n"
    "vdup.32 q5, r0\n"
    "vmov.i32 q6, #0xff\n"
    "vshr.u16 d14, d6, #2\n"
    "vmovn.i16 d15, q3\n"
    "vceq.i8 d16, d0, d0\n"
    "vext.8 d17, d0, d1, #3\n"
    "vst1.8 {d2}, [r2]!\n"
    "vqadd.u8 d20, d15, d15\n"
    "vmrs r3, fpscr\n";

class Neon : public A32 {
protected:
    uint64_t D(unsigned n) const { return cpu_->vfp_d[n]; }
    void Fill()
    {
        for (uint32_t k = 0; k < 64; k++) Write8(kData + k, (uint8_t)(k + 1));
        for (uint32_t k = 0; k < 8; k++) Write32(kData + 0x100 + 4 * k, F2U(0.5f * (float)(k + 1)));
        SetR(0, kData);
        SetR(1, kData + 0x100);
        SetR(2, kData + 0x200);
    }
    void CheckIntegers()
    {
        EXPECT_EQ(D(0), 0x0807060504030201ull);
        EXPECT_EQ(D(1), 0x100F0E0D0C0B0A09ull);
        EXPECT_EQ(D(2), 0x18161412100E0C0Aull);
        EXPECT_EQ(D(4), 0x0004000300020001ull);
        EXPECT_EQ(D(5), 0x0008000700060005ull);
        EXPECT_EQ(D(6), 0x0030002100140009ull);
        EXPECT_EQ(D(7), 0x0080006900540041ull);
        EXPECT_EQ(D(8), 0x00E900950051001Dull);
        EXPECT_EQ(D(10), 0x0002000000020000ull);
        EXPECT_EQ(D(11), D(10));
        EXPECT_EQ(D(12), 0x000000FF000000FFull);
        EXPECT_EQ(D(13), D(12));
        EXPECT_EQ(D(14), 0x000C000800050002ull);
        EXPECT_EQ(D(15), 0x8069544130211409ull);
        EXPECT_EQ(D(16), ~0ull);
        EXPECT_EQ(D(17), 0x0B0A090807060504ull);
        EXPECT_EQ(Read32(kData + 0x200), 0x100E0C0Au);
        EXPECT_EQ(Read32(kData + 0x204), 0x18161412u);
        EXPECT_EQ(R(2), kData + 0x208); // writeback by the transfer size
        EXPECT_EQ(D(20), 0xFFD2A88260422812ull);
        EXPECT_NE(R(3) & (1u << 27), 0u); // FPSCR.QC: 0x80 + 0x80 saturated
    }
};

TEST_F(Neon, IntegerA32)
{
    Fill();
    Code(std::string(kEnable) + kIntegerProgram);
    RunToEnd();
    CheckIntegers();
}

TEST_F(Neon, IntegerT32)
{
    Fill();
    Code(std::string(kEnable) + "adr r11, 1f + 1\nbx r11\n.thumb\n1:\n" + kIntegerProgram +
         "adr r11, 2f\nbx r11\n.arm\n.align 2\n2:\n");
    RunToEnd();
    CheckIntegers();
}

TEST_F(Neon, FloatA32)
{
    Fill();
    Code(std::string(kEnable) +
         "vld1.32 {d0-d1}, [r1]\n"
         "vadd.f32 q2, q0, q0\n"
         "vmul.f32 q3, q0, q2\n"
         "vmla.f32 q3, q0, q0\n"
         "vcvt.s32.f32 q4, q3\n"
         "vcvt.f32.u32 q5, q4\n"
         "vst1.32 {d6-d7}, [r2]\n");
    RunToEnd();
    EXPECT_EQ(D(4), ((uint64_t)F2U(2.0f) << 32) | F2U(1.0f));
    EXPECT_EQ(D(5), ((uint64_t)F2U(4.0f) << 32) | F2U(3.0f));
    EXPECT_EQ(Read32(kData + 0x200), F2U(0.75f));
    EXPECT_EQ(Read32(kData + 0x204), F2U(3.0f));
    EXPECT_EQ(Read32(kData + 0x208), F2U(6.75f));
    EXPECT_EQ(Read32(kData + 0x20C), F2U(12.0f));
    EXPECT_EQ(D(8), (3ull << 32) | 0);
    EXPECT_EQ(D(9), (12ull << 32) | 6);
    EXPECT_EQ(D(11), ((uint64_t)F2U(12.0f) << 32) | F2U(6.0f));
}

TEST_F(Neon, UndefinedWhenDisabled)
{
    Code(".fpu neon\nvadd.i8 d0, d1, d2\n");
    Run();
    EXPECT_EQ(exc_, ARM_EXC_UNDEF);
}

TEST_F(Neon, AlignmentQualifierFaults)
{
    Fill();
    SetR(0, kData + 4);
    Code(std::string(kEnable) + "vld1.8 {d0-d1}, [r0:128]\n");
    Run();
    EXPECT_EQ(exc_, ARM_EXC_DABT);
}

} // namespace
