// A32 data processing: all opcodes, operand forms, shifter carry-out,
// flags, PC as operand and destination, MOVW/MOVT.
#include "test_a32_fixture.h"

using namespace a32test;

TEST_F(A32, AddSubFlags)
{
    Code(R"(
        mov r0, #0xffffffff
        adds r1, r0, #1        @ 0, C=1, Z=1
        mrs r2, apsr
        mov r3, #0x7fffffff
        adds r4, r3, #1        @ overflow: N=1 V=1
        mrs r5, apsr
        subs r6, r3, r3        @ 0: Z=1 C=1 (no borrow)
        mrs r7, apsr
        mov r8, #0
        subs r9, r8, #1        @ borrow: C=0 N=1
        mrs r10, apsr
    )");
    RunToEnd();
    EXPECT_EQ(R(1), 0u);
    EXPECT_EQ(R(2) >> 28, 0x6u);
    EXPECT_EQ(R(4), 0x80000000u);
    EXPECT_EQ(R(5) >> 28, 0x9u);
    EXPECT_EQ(R(7) >> 28, 0x6u);
    EXPECT_EQ(R(9), 0xFFFFFFFFu);
    EXPECT_EQ(R(10) >> 28, 0x8u);
}

TEST_F(A32, CarryChain)
{
    Code(R"(
        ldr r0, =0xffffffff
        ldr r1, =0x00000001
        mov r2, #1
        mov r3, #0
        adds r4, r0, r2      @ low word
        adc r5, r1, r3       @ high word + carry
        subs r6, r3, r2      @ 0 - 1 -> borrow
        sbc r7, r3, r3       @ 0 - 0 - !C = -1
        rsbs r8, r2, #0      @ -1
        rsc r9, r3, #5       @ 5 - 0 - !C(0 - 1 borrow -> C=0) = 4
    )");
    RunToEnd();
    EXPECT_EQ(R(4), 0u);
    EXPECT_EQ(R(5), 2u);
    EXPECT_EQ(R(7), 0xFFFFFFFFu);
    EXPECT_EQ(R(8), 0xFFFFFFFFu);
    EXPECT_EQ(R(9), 4u);
}

TEST_F(A32, LogicalAndCompare)
{
    Code(R"(
        mov r0, #0xf0
        mov r1, #0x3c
        and r2, r0, r1
        eor r3, r0, r1
        orr r4, r0, r1
        bic r5, r0, r1
        mvn r6, r0
        tst r0, #0x0f
        mrs r7, apsr
        teq r0, #0xf0
        mrs r8, apsr
        cmp r1, r0
        mrs r9, apsr
        cmn r0, #0x100
        mrs r10, apsr
    )");
    RunToEnd();
    EXPECT_EQ(R(2), 0x30u);
    EXPECT_EQ(R(3), 0xCCu);
    EXPECT_EQ(R(4), 0xFCu);
    EXPECT_EQ(R(5), 0xC0u);
    EXPECT_EQ(R(6), 0xFFFFFF0Fu);
    EXPECT_EQ((R(7) >> 30) & 1, 1u);  // Z
    EXPECT_EQ((R(8) >> 30) & 1, 1u);  // Z
    EXPECT_EQ(R(9) >> 28, 0x8u);      // N, borrow
    EXPECT_EQ(R(10) >> 28, 0x0u);
}

TEST_F(A32, ShiftImmediateCarryOut)
{
    Code(R"(
        ldr r0, =0x80000001
        movs r1, r0, lsl #1    @ C = bit31 = 1
        mrs r2, apsr
        movs r3, r0, lsr #1    @ C = bit0 = 1
        mrs r4, apsr
        movs r5, r0, asr #32   @ encoded as asr #0: all ones, C = bit31
        mrs r6, apsr
        movs r7, r0, lsr #32   @ 0, C = bit31
        mrs r8, apsr
        movs r9, r0, ror #1
        mrs r10, apsr
    )");
    RunToEnd();
    EXPECT_EQ(R(1), 2u);
    EXPECT_EQ((R(2) >> 29) & 1, 1u);
    EXPECT_EQ(R(3), 0x40000000u);
    EXPECT_EQ((R(4) >> 29) & 1, 1u);
    EXPECT_EQ(R(5), 0xFFFFFFFFu);
    EXPECT_EQ(R(6) >> 28, 0xAu); // N, C
    EXPECT_EQ(R(7), 0u);
    EXPECT_EQ(R(8) >> 28, 0x6u); // Z, C
    EXPECT_EQ(R(9), 0xC0000000u);
    EXPECT_EQ(R(10) >> 28, 0xAu);
}

TEST_F(A32, RrxAndLogicalImmediateCarry)
{
    Code(R"(
        msr apsr_nzcvq, #0x20000000 @ C = 1
        mov r0, #2
        movs r1, r0, rrx        @ 0x80000001, C = 0
        mrs r2, apsr
        msr apsr_nzcvq, #0
        movs r3, #0x80000000    @ rotated immediate: C = bit31 = 1
        mrs r4, apsr
        msr apsr_nzcvq, #0x20000000
        movs r5, #1             @ unrotated: C unchanged (1)
        mrs r6, apsr
        msr apsr_nzcvq, #0
        movs r7, #1
        mrs r8, apsr            @ C stays 0
    )");
    RunToEnd();
    EXPECT_EQ(R(1), 0x80000001u);
    EXPECT_EQ((R(2) >> 29) & 1, 0u);
    EXPECT_EQ(R(3), 0x80000000u);
    EXPECT_EQ((R(4) >> 29) & 1, 1u);
    EXPECT_EQ((R(6) >> 29) & 1, 1u);
    EXPECT_EQ((R(8) >> 29) & 1, 0u);
}

TEST_F(A32, RegisterShiftAmounts)
{
    Code(R"(
        ldr r0, =0x80000001
        mov r1, #0
        movs r2, r0, lsl r1     @ shift 0: value and C unchanged
        mrs r3, apsr
        mov r1, #32
        movs r4, r0, lsl r1     @ 0, C = bit0 = 1
        mrs r5, apsr
        mov r1, #33
        movs r6, r0, lsr r1     @ 0, C = 0
        mrs r7, apsr
        mov r1, #200
        movs r8, r0, asr r1     @ -1, C = 1
        mrs r9, apsr
        mov r1, #0x120          @ only bits 7:0 count: 0x20 = 32
        movs r10, r0, ror r1    @ ror 32: value unchanged, C = bit31
        mrs r11, apsr
        mov r1, #36
        mov r12, r0, ror r1     @ ror 36 == ror 4
    )");
    SetNZCV(0x2); // C = 1 before
    RunToEnd();
    EXPECT_EQ(R(2), 0x80000001u);
    EXPECT_EQ((R(3) >> 29) & 1, 1u);
    EXPECT_EQ(R(4), 0u);
    EXPECT_EQ(R(5) >> 28, 0x6u);
    EXPECT_EQ(R(6), 0u);
    EXPECT_EQ(R(7) >> 28, 0x4u);
    EXPECT_EQ(R(8), 0xFFFFFFFFu);
    EXPECT_EQ(R(9) >> 28, 0xAu);
    EXPECT_EQ(R(10), 0x80000001u);
    EXPECT_EQ(R(11) >> 28, 0xAu);
    EXPECT_EQ(R(12), 0x18000000u);
}

TEST_F(A32, PcAsOperandAndDestination)
{
    Code(R"(
        mov r0, pc            @ address of this insn + 8
        add r1, pc, #4        @ +12 from this insn
        adr r2, target
        mov pc, r2            @ ALUWritePC (ARM: interworking by bit 0)
        mov r3, #1            @ skipped
    target:
        mov r4, #2
    )");
    RunToEnd();
    EXPECT_EQ(R(0), kCode + 8);
    EXPECT_EQ(R(1), kCode + 4 + 12);
    EXPECT_EQ(R(3), 0u);
    EXPECT_EQ(R(4), 2u);
}

TEST_F(A32, MovwMovt)
{
    Code(R"(
        movw r0, #0x1234
        movt r0, #0xabcd
        movw r1, #0xffff
    )");
    SetR(1, 0xFFFFFFFF);
    RunToEnd();
    EXPECT_EQ(R(0), 0xABCD1234u);
    EXPECT_EQ(R(1), 0x0000FFFFu);
}

TEST_F(A32, ConditionCodes)
{
    Code(R"(
        mov r0, #0
        cmp r0, #0
        moveq r1, #1
        movne r2, #1
        movhs r3, #1     @ C = 1
        movlo r4, #1
        mov r5, #5
        cmp r5, #7       @ 5 - 7: N=1, C=0, V=0
        movlt r6, #1
        movge r7, #1
        movls r8, #1
        movhi r9, #1
        movmi r10, #1
        movgt r11, #1
        movle r12, #1
    )");
    RunToEnd();
    EXPECT_EQ(R(1), 1u);
    EXPECT_EQ(R(2), 0u);
    EXPECT_EQ(R(3), 1u);
    EXPECT_EQ(R(4), 0u);
    EXPECT_EQ(R(6), 1u);
    EXPECT_EQ(R(7), 0u);
    EXPECT_EQ(R(8), 1u);
    EXPECT_EQ(R(9), 0u);
    EXPECT_EQ(R(10), 1u);
    EXPECT_EQ(R(11), 0u);
    EXPECT_EQ(R(12), 1u);
}

TEST_F(A32, ConditionVsAndOverflowConds)
{
    Code(R"(
        ldr r0, =0x7fffffff
        adds r0, r0, #1   @ V=1 N=1
        movvs r1, #1
        movvc r2, #1
        movge r3, #1      @ N == V -> ge
        movlt r4, #1
    )");
    RunToEnd();
    EXPECT_EQ(R(1), 1u);
    EXPECT_EQ(R(2), 0u);
    EXPECT_EQ(R(3), 1u);
    EXPECT_EQ(R(4), 0u);
}

TEST_F(A32, MsrMrsApsrAndGe)
{
    Code(R"(
        ldr r0, =0xf80f0000
        msr apsr_nzcvqg, r0
        mrs r1, apsr
    )");
    RunToEnd();
    EXPECT_EQ(R(1) & 0xF80F0000u, 0xF80F0000u);
    EXPECT_TRUE(Q());
    EXPECT_EQ(GE(), 0xFu);
}
