// A32 multiplies: MUL/MLA/MLS, long forms, UMAAL, halfword and dual
// multiplies, most-significant-word multiplies, Q flag, SDIV/UDIV UNDEFINED.
#include "test_a32_fixture.h"

using namespace a32test;

TEST_F(A32, MulMlaMls)
{
    Code(R"(
        ldr r0, =0x10001
        ldr r1, =0xffff
        mul r2, r0, r1
        mla r3, r0, r1, r0
        mls r4, r0, r1, r0
        mov r5, #0
        muls r6, r5, r1
        mrs r7, apsr
    )");
    RunToEnd();
    EXPECT_EQ(R(2), 0x10001u * 0xFFFFu);
    EXPECT_EQ(R(3), 0x10001u * 0xFFFFu + 0x10001u);
    EXPECT_EQ(R(4), 0x10001u - 0x10001u * 0xFFFFu);
    EXPECT_EQ(R(6), 0u);
    EXPECT_EQ((R(7) >> 30) & 1, 1u);
}

TEST_F(A32, LongMultiplies)
{
    Code(R"(
        ldr r0, =0xfffffffe     @ -2
        ldr r1, =0x7fffffff
        umull r2, r3, r0, r1
        smull r4, r5, r0, r1
        mov r6, #1
        mov r7, #0
        umlal r6, r7, r0, r1
        mov r8, #5
        mov r9, #0
        smlal r8, r9, r0, r1
        ldr r10, =0xffffffff
        ldr r11, =0xffffffff
        ldr r12, =0xffffffff
        mov lr, r12
        umaal r10, r11, r12, lr   @ (2^32-1)^2 + 2*(2^32-1) = 2^64 - 1
        smulls r0, r1, r6, r7
        mrs r12, apsr
    )");
    RunToEnd();
    uint64_t u = 0xFFFFFFFEull * 0x7FFFFFFFull;
    EXPECT_EQ(R(2), (uint32_t)u);
    EXPECT_EQ(R(3), (uint32_t)(u >> 32));
    int64_t s = -2ll * 0x7FFFFFFF;
    EXPECT_EQ(R(4), (uint32_t)s);
    EXPECT_EQ(R(5), (uint32_t)((uint64_t)s >> 32));
    EXPECT_EQ(R(6), (uint32_t)(u + 1));
    EXPECT_EQ(R(7), (uint32_t)((u + 1) >> 32));
    EXPECT_EQ(R(8), (uint32_t)(s + 5));
    EXPECT_EQ(R(9), (uint32_t)((uint64_t)(s + 5) >> 32));
    EXPECT_EQ(R(10), 0xFFFFFFFFu);
    EXPECT_EQ(R(11), 0xFFFFFFFFu);
}

TEST_F(A32, HalfwordMultipliesAndQ)
{
    Code(R"(
        ldr r0, =0x8000ffff     @ top -32768, bottom -1
        ldr r1, =0x00038000     @ top 3, bottom -32768
        smulbb r2, r0, r1       @ -1 * -32768
        smultb r3, r0, r1       @ -32768 * -32768
        smulbt r4, r0, r1       @ -1 * 3
        smultt r5, r0, r1       @ -32768 * 3
        ldr r6, =0x7fffffff
        smlabb r7, r0, r1, r6   @ 32768 + 0x7fffffff overflows -> Q
        mrs r8, apsr
        smulwb r9, r6, r1       @ (0x7fffffff * -32768) >> 16
        smlawt r10, r6, r1, r6  @ (0x7fffffff * 3) >> 16 + 0x7fffffff
        mov r11, #0
        mov r12, #0
        smlaltt r11, r12, r0, r1 @ += -32768 * 3
    )");
    RunToEnd();
    EXPECT_EQ(R(2), 32768u);
    EXPECT_EQ(R(3), 0x40000000u);
    EXPECT_EQ(R(4), (uint32_t)-3);
    EXPECT_EQ(R(5), (uint32_t)(-32768 * 3));
    EXPECT_EQ(R(7), 0x80007FFFu);
    EXPECT_TRUE((R(8) >> 27) & 1);
    EXPECT_EQ(R(9), (uint32_t)(int32_t)((0x7FFFFFFFll * -32768) >> 16));
    EXPECT_EQ(R(10), (uint32_t)(((0x7FFFFFFFll * 3) >> 16) + 0x7FFFFFFFll));
    EXPECT_EQ(R(11), (uint32_t)(-32768 * 3));
    EXPECT_EQ(R(12), 0xFFFFFFFFu);
}

TEST_F(A32, DualMultiplies)
{
    Code(R"(
        ldr r0, =0x00020003     @ (2, 3)
        ldr r1, =0x00050007     @ (5, 7)
        smuad r2, r0, r1        @ 3*7 + 2*5 = 31
        smuadx r3, r0, r1       @ 3*5 + 2*7 = 29
        smusd r4, r0, r1        @ 21 - 10 = 11
        smusdx r5, r0, r1       @ 15 - 14 = 1
        mov r6, #100
        smlad r7, r0, r1, r6    @ 131
        smlsd r8, r0, r1, r6    @ 111
        mov r9, #0
        mov r10, #1
        smlald r9, r10, r0, r1  @ 1:31
        mov r11, #0
        mov r12, #0
        smlsldx r11, r12, r0, r1 @ 1
        ldr r0, =0x80008000
        smuad r6, r0, r0        @ 2 * 2^30 = 2^31 overflow -> Q
    )");
    RunToEnd();
    EXPECT_EQ(R(2), 31u);
    EXPECT_EQ(R(3), 29u);
    EXPECT_EQ(R(4), 11u);
    EXPECT_EQ(R(5), 1u);
    EXPECT_EQ(R(7), 131u);
    EXPECT_EQ(R(8), 111u);
    EXPECT_EQ(R(9), 31u);
    EXPECT_EQ(R(10), 1u);
    EXPECT_EQ(R(11), 1u);
    EXPECT_EQ(R(12), 0u);
    EXPECT_EQ(R(6), 0x80000000u);
    EXPECT_TRUE(Q());
}

TEST_F(A32, MostSignificantWordMultiplies)
{
    Code(R"(
        ldr r0, =0x40000000
        ldr r1, =0x00000003     @ product 0xC0000000 -> high 0, round adds 1
        smmul r2, r0, r1
        smmulr r3, r0, r1
        ldr r4, =0x10
        smmla r5, r0, r1, r4
        smmls r6, r0, r1, r4    @ (0x10<<32 - 0xC0000000) >> 32 = 0xF
        smmlsr r7, r0, r1, r4   @ rounded: 0xF_C0000000 >> 32 = 0xF
    )");
    RunToEnd();
    EXPECT_EQ(R(2), 0u);
    EXPECT_EQ(R(3), 1u);
    EXPECT_EQ(R(5), 0x10u);
    EXPECT_EQ(R(6), 0xFu);
    EXPECT_EQ(R(7), 0xFu);
}

TEST_F(A32, DivideIsUndefinedOnCortexA9)
{
    Words({0xE3A00006,   // mov r0, #6
           0xE710F110}); // sdiv r0, r0, r1
    Run();
    EXPECT_EQ(exc_, ARM_EXC_UNDEF);
    EXPECT_EQ(exc_pc_, kCode + 4);
    Words({0xE730F110}); // udiv r0, r0, r1
    exc_ = -1;
    Run();
    EXPECT_EQ(exc_, ARM_EXC_UNDEF);
}
