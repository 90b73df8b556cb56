// A32 media and bit instructions: saturating arithmetic and Q, SSAT/USAT
// (16), parallel add/subtract with GE and SEL, PKH, extends, CLZ/RBIT/REV,
// bit fields, USAD8.
#include "test_a32_fixture.h"

using namespace a32test;

TEST_F(A32, SaturatingAddSub)
{
    Code(R"(
        ldr r0, =0x7fffffff
        mov r1, #1
        qadd r2, r0, r1        @ saturates
        mrs r3, apsr
        msr apsr_nzcvq, #0
        qsub r4, r1, r0        @ 1 - 0x7fffffff: no saturation
        ldr r5, =0x80000000
        qsub r6, r5, r1        @ saturates to 0x80000000
        msr apsr_nzcvq, #0
        ldr r7, =0x40000000
        qdadd r8, r1, r7       @ 1 + sat(2*0x40000000) = 1 + 0x7fffffff -> sat
        mrs r9, apsr
        qdsub r10, r1, r1      @ 1 - 2 = -1
    )");
    RunToEnd();
    EXPECT_EQ(R(2), 0x7FFFFFFFu);
    EXPECT_TRUE((R(3) >> 27) & 1);
    EXPECT_EQ(R(4), 0x80000002u);
    EXPECT_EQ(R(6), 0x80000000u);
    EXPECT_EQ(R(8), 0x7FFFFFFFu);
    EXPECT_TRUE((R(9) >> 27) & 1);
    EXPECT_EQ(R(10), 0xFFFFFFFFu);
}

TEST_F(A32, SsatUsat)
{
    Code(R"(
        ldr r0, =1000
        ssat r1, #8, r0           @ 127, Q
        mrs r2, apsr
        msr apsr_nzcvq, #0
        ssat r3, #16, r0, lsl #4  @ 16000
        mrs r4, apsr
        mvn r5, #0                @ -1
        usat r6, #8, r5           @ 0, Q
        usat r7, #31, r0, asr #2  @ 250
        ldr r8, =0x7fff8000
        ssat16 r9, #8, r8         @ (127, -128)
        usat16 r10, #4, r8        @ (15, 0)
        ssat r11, #32, r0         @ no saturation possible
    )");
    RunToEnd();
    EXPECT_EQ(R(1), 127u);
    EXPECT_TRUE((R(2) >> 27) & 1);
    EXPECT_EQ(R(3), 16000u);
    EXPECT_FALSE((R(4) >> 27) & 1);
    EXPECT_EQ(R(6), 0u);
    EXPECT_EQ(R(7), 250u);
    EXPECT_EQ(R(9), 0x007FFF80u);
    EXPECT_EQ(R(10), 0x000F0000u);
    EXPECT_EQ(R(11), 1000u);
    EXPECT_TRUE(Q());
}

TEST_F(A32, ParallelAddSubGe)
{
    Code(R"(
        ldr r0, =0x7fff0001
        ldr r1, =0x00010002
        sadd16 r2, r0, r1        @ (0x8000, 0x0003) GE from the exact sums: 32768 >= 0, 3 >= 0
        mrs r3, apsr
        qadd16 r4, r0, r1        @ (0x7fff, 0x0003)
        shadd16 r5, r0, r1       @ (0x4000, 0x0001)
        ldr r6, =0xff01ff80
        ldr r7, =0x01ff0180
        uadd8 r8, r6, r7         @ bytes: 0x00 c, 0x00 c, 0x00 c, 0x00 c -> GE 1111
        mrs r9, apsr
        uqadd8 r10, r6, r7       @ saturate: ff ff ff ff
        uhadd8 r11, r6, r7       @ halving: 0x80 0x80 0x80 0x80
        usub16 r12, r1, r0       @ (1-0x7fff, 2-1): hi borrow GE hi 00, lo 11
        mrs lr, apsr
    )");
    RunToEnd();
    EXPECT_EQ(R(2), 0x80000003u);
    EXPECT_EQ((R(3) >> 16) & 0xF, 0xFu);
    EXPECT_EQ(R(4), 0x7FFF0003u);
    EXPECT_EQ(R(5), 0x40000001u);
    EXPECT_EQ(R(8), 0x00000000u);
    EXPECT_EQ((R(9) >> 16) & 0xF, 0xFu);
    EXPECT_EQ(R(10), 0xFFFFFFFFu);
    EXPECT_EQ(R(11), 0x80808080u);
    EXPECT_EQ(R(12), 0x80020001u);
    EXPECT_EQ((R(14) >> 16) & 0xF, 0x3u);
}

TEST_F(A32, AsxSaxAndSel)
{
    Code(R"(
        ldr r0, =0x00050010     @ (5, 16)
        ldr r1, =0x00030002     @ (3, 2)
        sasx r2, r0, r1         @ hi = 5 + 2 = 7, lo = 16 - 3 = 13
        ssax r3, r0, r1         @ hi = 5 - 2 = 3, lo = 16 + 3 = 19
        ldr r4, =0x01020304
        ldr r5, =0x04030201
        usub8 r6, r4, r5        @ GE per byte: 0,0,1,1 (bytes 3..0: 1-4 <0, 2-3 <0, 3-2, 4-1)
        sel r7, r4, r5          @ take r4 where GE
        mrs r8, apsr
    )");
    RunToEnd();
    EXPECT_EQ(R(2), 0x0007000Du);
    EXPECT_EQ(R(3), 0x00030013u);
    EXPECT_EQ((R(8) >> 16) & 0xF, 0x3u);
    EXPECT_EQ(R(7), 0x04030304u);
}

TEST_F(A32, PackAndExtend)
{
    Code(R"(
        ldr r0, =0x11112222
        ldr r1, =0x33334444
        pkhbt r2, r0, r1, lsl #16   @ 0x44442222
        pkhtb r3, r0, r1, asr #16   @ 0x11113333
        ldr r4, =0x80ff7f81
        sxtb r5, r4                 @ 0xffffff81
        uxtb r6, r4, ror #8         @ 0x7f
        sxth r7, r4, ror #16        @ 0xffff80ff
        uxth r8, r4
        sxtb16 r9, r4               @ (0xff80? no: bytes 2 (0xff) and 0 (0x81)) -> 0xffffff81
        uxtb16 r10, r4, ror #8      @ bytes 3 and 1: 0x0080007f
        mov r11, #0x100
        uxtab r12, r11, r4          @ 0x100 + 0x81
        sxtah lr, r11, r4           @ 0x100 + 0x7f81
    )");
    RunToEnd();
    EXPECT_EQ(R(2), 0x44442222u);
    EXPECT_EQ(R(3), 0x11113333u);
    EXPECT_EQ(R(5), 0xFFFFFF81u);
    EXPECT_EQ(R(6), 0x7Fu);
    EXPECT_EQ(R(7), 0xFFFF80FFu);
    EXPECT_EQ(R(8), 0x7F81u);
    EXPECT_EQ(R(9), 0xFFFFFF81u);
    EXPECT_EQ(R(10), 0x0080007Fu);
    EXPECT_EQ(R(12), 0x181u);
    EXPECT_EQ(R(14), 0x100u + 0x7F81u);
}

TEST_F(A32, BitOperations)
{
    Code(R"(
        ldr r0, =0x00f00001
        clz r1, r0
        mov r2, #0
        clz r3, r2
        rbit r4, r0
        rev r5, r0
        rev16 r6, r0
        ldr r7, =0x000080ff
        revsh r8, r7
        ldr r9, =0xffffffff
        bfc r9, #4, #8          @ clear bits 11:4
        mov r10, #0
        bfi r10, r0, #28, #4    @ insert low 4 bits (1) at 31:28
        ubfx r11, r0, #20, #4   @ 0xf
        sbfx r12, r0, #20, #4   @ -1
        usad8 r2, r0, r7        @ |00-00|+|f0-00|+|00-80|+|01-ff| = 0+240+128+254
        usada8 lr, r0, r7, r11
    )");
    RunToEnd();
    EXPECT_EQ(R(1), 8u);
    EXPECT_EQ(R(3), 32u);
    EXPECT_EQ(R(4), 0x80000F00u);
    EXPECT_EQ(R(5), 0x0100F000u);
    EXPECT_EQ(R(6), 0xF0000100u);
    EXPECT_EQ(R(8), 0xFFFFFF80u);
    EXPECT_EQ(R(9), 0xFFFFF00Fu);
    EXPECT_EQ(R(10), 0x10000000u);
    EXPECT_EQ(R(11), 0xFu);
    EXPECT_EQ(R(12), 0xFFFFFFFFu);
    EXPECT_EQ(R(2), 240u + 128u + 254u);
    EXPECT_EQ(R(14), 240u + 128u + 254u + 15u);
}
