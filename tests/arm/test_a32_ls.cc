// A32 loads and stores: all addressing modes and writeback, halfword and
// signed forms, LDRD/STRD, unprivileged forms, unaligned access per
// SCTLR.A, LDM/STM all modes, PUSH/POP, exclusives, SWP, PC loads with
// interworking.
#include "test_a32_fixture.h"

using namespace a32test;

TEST_F(A32, LoadStoreAddressingModes)
{
    Write32(kData + 0x10, 0x11111111);
    Write32(kData + 0x14, 0x22222222);
    Write32(kData + 0x20, 0x33333333);
    Code(R"(
        ldr r0, =0x20010
        ldr r1, [r0]            @ offset
        ldr r2, [r0, #4]!       @ pre-indexed with writeback -> r0 = 0x20014
        ldr r3, [r0], #12       @ post-indexed -> r0 = 0x20020
        ldr r4, [r0, #-12]      @ negative offset -> 0x20014
        mov r5, #2
        ldr r6, [r0, -r5, lsl #3] @ 0x20020 - 16 = 0x20010
        ldr r7, [r0, r5, lsl #1]! @ 0x20024: 0
        mov r8, #0xaa
        str r8, [r0, #-4]!      @ 0x20020
        strb r8, [r0, #1]
        ldrb r9, [r0, #1]
        ldr r10, [r0]
    )");
    RunToEnd();
    EXPECT_EQ(R(1), 0x11111111u);
    EXPECT_EQ(R(2), 0x22222222u);
    EXPECT_EQ(R(3), 0x22222222u);
    EXPECT_EQ(R(4), 0x22222222u);
    EXPECT_EQ(R(6), 0x11111111u);
    EXPECT_EQ(R(7), 0u);
    EXPECT_EQ(R(0), 0x20020u);
    EXPECT_EQ(R(9), 0xAAu);
    EXPECT_EQ(R(10), 0xAAAAu);
}

TEST_F(A32, HalfwordAndSignedLoads)
{
    Write32(kData, 0x8081F0F1);
    Code(R"(
        ldr r0, =0x20000
        ldrh r1, [r0]
        ldrsh r2, [r0]
        ldrsb r3, [r0, #1]
        ldrsh r4, [r0, #2]!
        ldrb r5, [r0, #-1]
        mov r6, #0x1234
        strh r6, [r0], #-2
        ldr r7, [r0]
        mov r8, #1
        ldrsb r9, [r0, r8]
    )");
    RunToEnd();
    EXPECT_EQ(R(1), 0xF0F1u);
    EXPECT_EQ(R(2), 0xFFFFF0F1u);
    EXPECT_EQ(R(3), 0xFFFFFFF0u);
    EXPECT_EQ(R(4), 0xFFFF8081u);
    EXPECT_EQ(R(5), 0xF0u);
    EXPECT_EQ(R(7), 0x1234F0F1u);
    EXPECT_EQ(R(0), 0x20000u);
    EXPECT_EQ(R(9), 0xFFFFFFF0u);
}

TEST_F(A32, DoublewordLoadStore)
{
    Code(R"(
        ldr r0, =0x20000
        ldr r2, =0x11223344
        ldr r3, =0x55667788
        strd r2, r3, [r0, #8]!
        ldrd r4, r5, [r0], #-8
        mov r1, #8
        ldrd r6, r7, [r0, r1]
    )");
    RunToEnd();
    EXPECT_EQ(Read32(kData + 8), 0x11223344u);
    EXPECT_EQ(Read32(kData + 12), 0x55667788u);
    EXPECT_EQ(R(4), 0x11223344u);
    EXPECT_EQ(R(5), 0x55667788u);
    EXPECT_EQ(R(0), 0x20000u);
    EXPECT_EQ(R(6), 0x11223344u);
    EXPECT_EQ(R(7), 0x55667788u);
}

TEST_F(A32, UnalignedAccessAllowedWhenSctlrAClear)
{
    Write32(kData, 0x44332211);
    Write32(kData + 4, 0x88776655);
    Code(R"(
        ldr r0, =0x20001
        ldr r1, [r0]           @ 0x55443322
        ldrh r2, [r0, #2]      @ 0x5544
        ldr r3, =0xdeadbeef
        str r3, [r0, #4]       @ bytes 5..8
    )");
    RunToEnd();
    EXPECT_EQ(R(1), 0x55443322u);
    EXPECT_EQ(R(2), 0x5544u);
    EXPECT_EQ(Read32(kData + 4), 0xADBEEF55u);
    EXPECT_EQ(Read8(kData + 8), 0xDEu);
}

TEST_F(A32, UnalignedAccessFaultsWhenSctlrASet)
{
    Code(R"(
        mrc p15, 0, r0, c1, c0, 0
        orr r0, r0, #2             @ SCTLR.A
        mcr p15, 0, r0, c1, c0, 0
        ldr r0, =0x20001
        ldrb r1, [r0]              @ bytes are fine
        ldr r2, [r0]               @ alignment fault
    )");
    Run();
    EXPECT_EQ(exc_, ARM_EXC_DABT);
    uint32_t dfsr = 0;
    // DFSR read back through the CP15 model
    EXPECT_EQ(arm_cpu_get_reg(cpu_, 2), 0u);
    (void)dfsr;
}

TEST_F(A32, LdmAlignmentFaultsEvenWithSctlrAClear)
{
    Code(R"(
        ldr r0, =0x20002
        ldm r0, {r1, r2}
    )");
    Run();
    EXPECT_EQ(exc_, ARM_EXC_DABT);
    EXPECT_EQ(R(1), 0u);
}

TEST_F(A32, LoadStoreMultipleAllModes)
{
    Code(R"(
        ldr r0, =0x20010
        mov r1, #1
        mov r2, #2
        mov r3, #3
        stmia r0, {r1-r3}          @ 0x20010..18
        stmib r0, {r1, r2}         @ 0x20014, 0x20018
        mov r4, r0
        stmdb r4!, {r1-r3}         @ 0x20004..0c, r4 = 0x20004
        mov r5, r0
        stmda r5, {r2, r3}         @ 0x2000c, 0x20010
        ldmia r4, {r6-r9}          @ 0x20004..: 1 2 2 3
        mov r10, r0
        ldmdb r10!, {r11, r12}     @ 0x20008, 0x2000c -> 2, 2
    )");
    RunToEnd();
    EXPECT_EQ(Read32(kData + 0x04), 1u);
    EXPECT_EQ(Read32(kData + 0x08), 2u);
    EXPECT_EQ(Read32(kData + 0x0C), 2u);
    EXPECT_EQ(Read32(kData + 0x10), 3u);
    EXPECT_EQ(Read32(kData + 0x14), 1u);
    EXPECT_EQ(Read32(kData + 0x18), 2u);
    EXPECT_EQ(R(4), 0x20004u);
    EXPECT_EQ(R(6), 1u);
    EXPECT_EQ(R(7), 2u);
    EXPECT_EQ(R(8), 2u);
    EXPECT_EQ(R(9), 3u);
    EXPECT_EQ(R(10), 0x20008u);
    EXPECT_EQ(R(11), 2u);
    EXPECT_EQ(R(12), 2u);
}

TEST_F(A32, PushPopAndCallReturn)
{
    Code(R"(
        mov r4, #4
        mov r5, #5
        bl func
        b out
    func:
        push {r4, r5, lr}
        mov r4, #40
        mov r5, #50
        mov r0, r4
        pop {r4, r5, pc}
    out:
    )");
    RunToEnd();
    EXPECT_EQ(R(0), 40u);
    EXPECT_EQ(R(4), 4u);
    EXPECT_EQ(R(5), 5u);
    EXPECT_EQ(R(13), kStack);
}

TEST_F(A32, LoadPcInterworksToThumb)
{
    Code(R"(
        adr r0, thumbcode + 1
        push {r0}
        pop {pc}                   @ LoadWritePC: bit 0 -> Thumb
        .thumb
    thumbcode:
        movs r1, #7
        adr r2, back
        bx r2
        .align 2
        .arm
    back:
        mov r3, #9
    )");
    RunToEnd();
    EXPECT_EQ(R(1), 7u);
    EXPECT_EQ(R(3), 9u);
    EXPECT_EQ(CPSR() & ARM_CPSR_T, 0u);
}

TEST_F(A32, ExclusivesAndClrex)
{
    Code(R"(
        ldr r0, =0x20000
        mov r1, #5
        str r1, [r0]
        ldrex r2, [r0]
        add r2, r2, #1
        strex r3, r2, [r0]         @ succeeds: r3 = 0
        strex r4, r2, [r0]         @ monitor cleared: r4 = 1
        ldrexb r5, [r0]
        clrex
        strexb r6, r5, [r0]        @ fails
        ldrexh r7, [r0]
        strexh r8, r1, [r0]        @ succeeds
        ldr r9, =0x20008
        ldrexd r10, r11, [r9]
        strexd r12, r0, r1, [r9]   @ succeeds
    )");
    RunToEnd();
    EXPECT_EQ(R(3), 0u);
    EXPECT_EQ(R(4), 1u);
    EXPECT_EQ(R(5), 6u);
    EXPECT_EQ(R(6), 1u);
    EXPECT_EQ(R(8), 0u);
    EXPECT_EQ(Read32(kData), 5u);
    EXPECT_EQ(R(12), 0u);
    EXPECT_EQ(Read32(kData + 8), 0x20000u);
    EXPECT_EQ(Read32(kData + 12), 5u);
}

TEST_F(A32, SwapWordAndByte)
{
    Write32(kData, 0x11223344);
    Code(R"(
        ldr r0, =0x20000
        ldr r1, =0xaabbccdd
        swp r2, r1, [r0]
        mov r3, #0x55
        swpb r4, r3, [r0]
    )");
    RunToEnd();
    EXPECT_EQ(R(2), 0x11223344u);
    EXPECT_EQ(R(4), 0xDDu);
    EXPECT_EQ(Read32(kData), 0xAABBCC55u);
}

TEST_F(A32, UnprivilegedLoadStore)
{
    Write32(kData, 0xABCD);
    Code(R"(
        ldr r0, =0x20000
        ldrt r1, [r0], #4
        strbt r1, [r0], #1
    )");
    RunToEnd();
    EXPECT_EQ(R(1), 0xABCDu);
    EXPECT_EQ(R(0), 0x20005u);
    EXPECT_EQ(Read8(kData + 4), 0xCDu);
}

TEST_F(A32, StmStoresPcPlus8)
{
    Code(R"(
        ldr r0, =0x20000
        stmia r0, {pc}
        str pc, [r0, #4]
    )");
    RunToEnd();
    EXPECT_EQ(Read32(kData), kCode + 4 + 8);
    EXPECT_EQ(Read32(kData + 4), kCode + 8 + 8);
}
