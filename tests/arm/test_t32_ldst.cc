// test_t32_ldst.cc - T32 loads and stores (ARM ARM A6.2.4, A6.3.5-A6.3.10):
// every addressing mode (immediate, negative imm8, pre/post-indexed,
// register LSL, literal with Align(PC,4), unprivileged xxxT), sizes and
// sign extension, LDRD/STRD, LDM/STM/PUSH/POP, exclusives, preload hints.
#include "test_t32_fixture.h"

namespace t32test {
namespace {

using t32_ldst = T32;

// Execute one instruction at kCode with r0 = kData.
#define EXEC1(...)                     \
    do {                               \
        Code({__VA_ARGS__});           \
        Step();                        \
        ASSERT_EQ(exc_, -1);           \
    } while (0)

TEST_F(t32_ldst, NarrowImmediateRegisterAndSpForms)
{
    Code({
        0x6041, // str r1, [r0, #4]
        0x6842, // ldr r2, [r0, #4]
        0x7141, // strb r1, [r0, #5]
        0x7943, // ldrb r3, [r0, #5]
        0x80c1, // strh r1, [r0, #6]
        0x88c4, // ldrh r4, [r0, #6]
        0x5141, // str r1, [r0, r5]
        0x5746, // ldrsb r6, [r0, r5]
        0x5f47, // ldrsh r7, [r0, r5]
        0x9102, // str r1, [sp, #8]
        0x9a02, // ldr r2, [sp, #8]
    });
    SetR(0, kData);
    SetR(1, 0x8081F2F3u);
    SetR(5, 0x10);
    Step(2);
    EXPECT_EQ(Read32(kData + 4), 0x8081F2F3u);
    EXPECT_EQ(R(2), 0x8081F2F3u);
    Step(2);
    EXPECT_EQ(Read8(kData + 5), 0xF3u);
    EXPECT_EQ(R(3), 0xF3u);
    Step(2);
    EXPECT_EQ(Read16(kData + 6), 0xF2F3u);
    EXPECT_EQ(R(4), 0xF2F3u);
    Step(3);
    EXPECT_EQ(Read32(kData + 0x10), 0x8081F2F3u);
    EXPECT_EQ(R(6), 0xFFFFFFF3u);
    EXPECT_EQ(R(7), 0xFFFFF2F3u);
    SetR(2, 0);
    Step(2);
    EXPECT_EQ(Read32(kStack + 8), 0x8081F2F3u);
    EXPECT_EQ(R(2), 0x8081F2F3u);
}

TEST_F(t32_ldst, LiteralLoadsUseAlignedPc)
{
    // ldr r3, [pc, #4] at kCode + 2: Align(kCode + 6, 4) + 4 = kCode + 8.
    Load(kCode, {0xbf00, 0x4b01});
    Write32(kCode + 8, 0xCAFEF00Du);
    Write32(kCode + 12, 0xDEADBEEFu);
    arm_cpu_set_pc(cpu_, (kCode + 2) | 1u);
    Step();
    EXPECT_EQ(R(3), 0xCAFEF00Du);

    // ldr.w r2, [pc, #-8] at kCode + 0x22: Align(kCode + 0x26, 4) - 8 = kCode + 0x1C.
    Load(kCode + 0x22, {0xf85f, 0x2008});
    Write32(kCode + 0x1C, 0x11223344u);
    arm_cpu_set_pc(cpu_, (kCode + 0x22) | 1u);
    Step();
    EXPECT_EQ(R(2), 0x11223344u);

    // ldrb.w r2, [pc, #3] at kCode + 0x40: kCode + 0x44 + 3.
    Load(kCode + 0x40, {0xf89f, 0x2003});
    Write8(kCode + 0x47, 0x9A);
    arm_cpu_set_pc(cpu_, (kCode + 0x40) | 1u);
    Step();
    EXPECT_EQ(R(2), 0x9Au);

    // ldrd r2, r3, [pc, #8] at kCode + 0x52: Align(kCode + 0x56, 4) + 8 = kCode + 0x5C.
    Load(kCode + 0x52, {0xe9df, 0x2302});
    Write32(kCode + 0x5C, 1u);
    Write32(kCode + 0x60, 2u);
    arm_cpu_set_pc(cpu_, (kCode + 0x52) | 1u);
    Step();
    EXPECT_EQ(R(2), 1u);
    EXPECT_EQ(R(3), 2u);
}

TEST_F(t32_ldst, WideAddressingModes)
{
    for (uint32_t k = 0; k < 0x500; k += 4) Write32(kData + k, 0x1000u + k);
    Write32(kData - 4, 0xAAAA5555u);

    SetR(0, kData);
    EXEC1(0xf8d0, 0x2404); // ldr.w r2, [r0, #0x404]
    EXPECT_EQ(R(2), 0x1404u);
    EXEC1(0xf850, 0x2c04); // ldr r2, [r0, #-4]
    EXPECT_EQ(R(2), 0xAAAA5555u);
    EXPECT_EQ(R(0), kData);
    EXEC1(0xf850, 0x2f04); // ldr r2, [r0, #4]!
    EXPECT_EQ(R(2), 0x1004u);
    EXPECT_EQ(R(0), kData + 4);
    EXEC1(0xf850, 0x2908); // ldr r2, [r0], #-8
    EXPECT_EQ(R(2), 0x1004u);
    EXPECT_EQ(R(0), kData - 4);
    SetR(0, kData);
    SetR(1, 3);
    EXEC1(0xf850, 0x2021); // ldr.w r2, [r0, r1, lsl #2]
    EXPECT_EQ(R(2), 0x100Cu);
    EXEC1(0xf850, 0x2e04); // ldrt r2, [r0, #4]
    EXPECT_EQ(R(2), 0x1004u);

    Write32(kData + 0x100, 0x80F18283u);
    SetR(0, kData + 0x100);
    EXEC1(0xf990, 0x2001); // ldrsb.w r2, [r0, #1]
    EXPECT_EQ(R(2), 0xFFFFFF82u);
    SetR(0, kData + 0x104);
    EXEC1(0xf930, 0x2c02); // ldrsh.w r2, [r0, #-2]
    EXPECT_EQ(R(2), 0xFFFF80F1u);
    SetR(0, kData + 0x100);
    EXEC1(0xf810, 0x2b01); // ldrb.w r2, [r0], #1
    EXPECT_EQ(R(2), 0x83u);
    EXPECT_EQ(R(0), kData + 0x101);
    SetR(0, kData + 0x100);
    SetR(1, 1);
    EXEC1(0xf830, 0x2011); // ldrh.w r2, [r0, r1, lsl #1]
    EXPECT_EQ(R(2), 0x80F1u);

    SetR(2, 0x12345678u);
    SetR(0, kData + 0x201);
    EXEC1(0xf800, 0x2d01); // strb.w r2, [r0, #-1]!
    EXPECT_EQ(Read8(kData + 0x200), 0x78u);
    EXPECT_EQ(R(0), kData + 0x200);
    EXEC1(0xf820, 0x2b02); // strh.w r2, [r0], #2
    EXPECT_EQ(Read16(kData + 0x200), 0x5678u);
    EXPECT_EQ(R(0), kData + 0x202);
    SetR(0, kData);
    EXEC1(0xf8c0, 0x2ffc); // str.w r2, [r0, #0xffc]
    EXPECT_EQ(Read32(kData + 0xFFC), 0x12345678u);
}

TEST_F(t32_ldst, DualLoadsAndStores)
{
    Write32(kData + 8, 0x01020304u);
    Write32(kData + 12, 0x05060708u);
    SetR(0, kData);
    EXEC1(0xe9d0, 0x2302); // ldrd r2, r3, [r0, #8]
    EXPECT_EQ(R(2), 0x01020304u);
    EXPECT_EQ(R(3), 0x05060708u);
    SetR(0, kData + 0x108);
    EXEC1(0xe960, 0x2302); // strd r2, r3, [r0, #-8]!
    EXPECT_EQ(Read32(kData + 0x100), 0x01020304u);
    EXPECT_EQ(Read32(kData + 0x104), 0x05060708u);
    EXPECT_EQ(R(0), kData + 0x100);
    SetR(2, 0);
    SetR(3, 0);
    EXEC1(0xe8f0, 0x2304); // ldrd r2, r3, [r0], #16
    EXPECT_EQ(R(2), 0x01020304u);
    EXPECT_EQ(R(3), 0x05060708u);
    EXPECT_EQ(R(0), kData + 0x110);
}

TEST_F(t32_ldst, MultipleLoadsAndStores)
{
    SetR(0, kData);
    SetR(1, 11);
    SetR(2, 22);
    SetR(8, 88);
    EXEC1(0xe8a0, 0x0106); // stmia.w r0!, {r1, r2, r8}
    EXPECT_EQ(Read32(kData), 11u);
    EXPECT_EQ(Read32(kData + 4), 22u);
    EXPECT_EQ(Read32(kData + 8), 88u);
    EXPECT_EQ(R(0), kData + 12);
    EXEC1(0xe930, 0x0230); // ldmdb r0!, {r4, r5, r9}
    EXPECT_EQ(R(4), 11u);
    EXPECT_EQ(R(5), 22u);
    EXPECT_EQ(R(9), 88u);
    EXPECT_EQ(R(0), kData);

    SetR(4, 0x44);
    SetR(14, 0xEE);
    EXEC1(0xe92d, 0x4010); // push.w {r4, lr}
    EXPECT_EQ(R(13), kStack - 8);
    EXPECT_EQ(Read32(kStack - 8), 0x44u);
    EXPECT_EQ(Read32(kStack - 4), 0xEEu);
    SetR(4, 0);
    SetR(14, 0);
    EXEC1(0xe8bd, 0x4010); // pop.w {r4, lr}
    EXPECT_EQ(R(4), 0x44u);
    EXPECT_EQ(R(14), 0xEEu);
    EXPECT_EQ(R(13), kStack);

    // 16-bit forms: STMIA writes back; LDMIA writes back unless Rn is loaded.
    SetR(0, kData + 0x40);
    EXEC1(0xc006); // stmia r0!, {r1, r2}
    EXPECT_EQ(R(0), kData + 0x48);
    SetR(0, kData + 0x40);
    EXEC1(0xc803); // ldmia r0, {r0, r1}
    EXPECT_EQ(R(0), 11u) << "Rn in the list: loaded value, no writeback";
    EXPECT_EQ(R(1), 22u);
    SetR(0, kData + 0x40);
    EXEC1(0xc806); // ldmia r0!, {r1, r2}
    EXPECT_EQ(R(0), kData + 0x48);

    for (unsigned r = 4; r <= 7; r++) SetR(r, r * 0x10);
    EXEC1(0xb4f0); // push {r4-r7}
    EXPECT_EQ(R(13), kStack - 16);
    EXPECT_EQ(Read32(kStack - 16), 0x40u);
    EXPECT_EQ(Read32(kStack - 4), 0x70u);
}

TEST_F(t32_ldst, ExclusivesAllSizes)
{
    Write32(kData, 0x11223344u);
    Write32(kData + 4, 0x55667788u);
    SetR(0, kData);
    SetR(3, 0xA5A5A5A5u);
    Code({
        0xe850, 0x1f00, // ldrex r1, [r0]
        0xe840, 0x3200, // strex r2, r3, [r0]
        0xe840, 0x3200, // strex r2, r3, [r0]   (monitor now open: fails)
    });
    Step();
    EXPECT_EQ(R(1), 0x11223344u);
    Step();
    EXPECT_EQ(R(2), 0u) << "success";
    EXPECT_EQ(Read32(kData), 0xA5A5A5A5u);
    SetR(3, 0);
    Step();
    EXPECT_EQ(R(2), 1u) << "no reservation: fails";
    EXPECT_EQ(Read32(kData), 0xA5A5A5A5u);

    Code({
        0xe850, 0x1f01, // ldrex r1, [r0, #4]
        0xf3bf, 0x8f2f, // clrex
        0xe840, 0x3201, // strex r2, r3, [r0, #4]
    });
    Step(3);
    EXPECT_EQ(R(1), 0x55667788u);
    EXPECT_EQ(R(2), 1u) << "CLREX clears the reservation";

    SetR(3, 0xBEEF);
    Code({
        0xe8d0, 0x1f4f, // ldrexb r1, [r0]
        0xe8c0, 0x3f42, // strexb r2, r3, [r0]
        0xe8d0, 0x1f5f, // ldrexh r1, [r0]
        0xe8c0, 0x3f52, // strexh r2, r3, [r0]
    });
    Step(2);
    EXPECT_EQ(R(1), 0xA5u);
    EXPECT_EQ(R(2), 0u);
    EXPECT_EQ(Read32(kData), 0xA5A5A5EFu);
    Step(2);
    EXPECT_EQ(R(1), 0xA5EFu);
    EXPECT_EQ(R(2), 0u);
    EXPECT_EQ(Read32(kData), 0xA5A5BEEFu);

    SetR(4, 0);
    SetR(5, 0);
    Code({
        0xe8d0, 0x457f, // ldrexd r4, r5, [r0]
        0xe8c0, 0x4572, // strexd r2, r4, r5, [r0]
    });
    Write32(kData + 8, 0);
    SetR(0, kData);
    Step();
    EXPECT_EQ(R(4), 0xA5A5BEEFu);
    EXPECT_EQ(R(5), 0x55667788u);
    SetR(4, 1);
    SetR(5, 2);
    Step();
    EXPECT_EQ(R(2), 0u);
    EXPECT_EQ(Read32(kData), 1u);
    EXPECT_EQ(Read32(kData + 4), 2u);
}

TEST_F(t32_ldst, PreloadHintsHaveNoEffectAndNoFault)
{
    // Base registers point at unmapped memory: hints must not fault.
    SetR(0, 0xF0000000u);
    SetR(1, 0xF0000000u);
    SetR(2, 4);
    Code({
        0xf890, 0xf004, // pld [r0, #4]
        0xf910, 0xfc04, // pli [r0, #-4]
        0xf811, 0xf002, // pld [r1, r2]
        0xf8b0, 0xf000, // pldw [r0]
        0xf89f, 0xf008, // pld [pc, #8]
        0xf9b0, 0xf000, // ldrsh pc form: unallocated memory hint, NOP
    });
    Step(6);
    EXPECT_EQ(exc_, -1);
    EXPECT_EQ(PC(), kCode + 24);
    EXPECT_EQ(R(0), 0xF0000000u);
}

TEST_F(t32_ldst, DataAbortOnUnmappedAddress)
{
    SetR(0, 0xF0000000u);
    Code({0xf8d0, 0x2004}); // ldr.w r2, [r0, #4]
    Step();
    EXPECT_EQ(exc_, ARM_EXC_DABT);
    EXPECT_EQ(exc_pc_, kCode);
}

TEST_F(t32_ldst, StoreWithPcBaseIsUndefined)
{
    Code({0xf8cf, 0x2004}); // str.w r2, [pc, #4]: UNDEFINED (A8.8.203)
    Step();
    EXPECT_EQ(exc_, ARM_EXC_UNDEF);
}

// UNPREDICTABLE forms this ISS makes UNDEFINED (T32 UNPREDICTABLE table, models/arm/README.md).
TEST_F(t32_ldst, UnpredictableFormsAreUndefined)
{
    const uint16_t cases[][2] = {
        {0xe890, 0x0002}, // ldmia.w r0, {r1}: fewer than two registers
        {0xe8a0, 0x0003}, // stmia.w r0!, {r0, r1}: writeback with Rn in the list
        {0xe842, 0x1100}, // strex r1, r1, [r2]: status register == Rt
        {0xe852, 0xdf00}, // ldrex sp, [r2]
        {0xe8d1, 0x007f}, // ldrexd r0, r0, [r1]
        {0xe8ff, 0x0102}, // ldrd r0, r1, [pc], #8: literal with writeback
    };
    for (const auto &c : cases) {
        exc_ = -1;
        Code({c[0], c[1]});
        SetR(0, kData);
        SetR(1, kData);
        SetR(2, kData);
        Step();
        EXPECT_EQ(exc_, ARM_EXC_UNDEF) << std::hex << c[0] << " " << c[1];
    }
}

} // namespace
} // namespace t32test
