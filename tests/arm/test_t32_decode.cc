// test_t32_decode.cc - T32 decode tables and disassembly: structural checks
// of the 16-bit and 32-bit tables beyond the overlap test, the UNDEFINED
// holes of the 16-bit space, and UAL disassembly of representative
// encodings (expected strings checked against arm-none-eabi-objdump).
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "arm_internal.h"

namespace {

std::string Dis(uint32_t pc, uint32_t insn, unsigned size)
{
    char buf[96];
    int n = arm_t32_disasm(pc, insn, size, buf, sizeof buf);
    EXPECT_EQ(static_cast<size_t>(n), std::strlen(buf));
    return buf;
}

int Decode(uint32_t insn, unsigned size, arm_insn *out)
{
    std::memset(out, 0, sizeof *out);
    out->cond = 14;
    out->size = static_cast<uint8_t>(size);
    return arm_t32_decode(nullptr, insn, size, out);
}

TEST(t32_decode, TablesCoverTheirHalfOfTheEncodingSpace)
{
    size_t n16 = 0, n32 = 0;
    const arm_decode_entry *t16 = arm_t32_16_table(&n16);
    const arm_decode_entry *t32 = arm_t32_32_table(&n32);
    ASSERT_GT(n16, 50u);
    ASSERT_GT(n32, 150u);
    for (size_t k = 0; k < n16; k++) {
        EXPECT_EQ(t16[k].mask & 0xFFFF0000u, 0u) << t16[k].name;
        // 0b11101/0b11110/0b11111 prefixes are 32-bit encodings (A6.1).
        EXPECT_LT(t16[k].match, 0xE800u) << t16[k].name;
    }
    for (size_t k = 0; k < n32; k++) {
        EXPECT_EQ(t32[k].mask & 0xF8000000u, 0xF8000000u) << t32[k].name << ": prefix not fixed";
        EXPECT_GE(t32[k].match >> 16, 0xE800u) << t32[k].name;
    }
}

TEST(t32_decode, Every16BitEncodingDecodesOrIsUndefined)
{
    int defined = 0;
    arm_insn i;
    for (uint32_t x = 0; x < 0xE800u; x++) {
        int r = Decode(x, 2, &i);
        ASSERT_TRUE(r == 0 || r == -1) << std::hex << x;
        if (r == 0) {
            defined++;
            ASSERT_NE(i.fn, nullptr) << std::hex << x;
        }
    }
    // Unallocated 16-bit encodings in ARMv7-A (A6.2.5): 0xB600-0xB64F,
    // 0xB651-0xB657/0xB659-0xB65F (SETEND with bad bits), 0xB668-0xB66F and
    // 0xB678-0xB67F (CPS with bit 3 set), 0xB680-0xB8FF except CBZ/CBNZ,
    // 0xBA80-0xBABF (HLT in ARMv8), and the 0xDE00 UDF space is defined as UDF.
    // Empty register lists (LDM/STM/PUSH/POP) are UNPREDICTABLE -> UNDEFINED.
    EXPECT_EQ(Decode(0xB600, 2, &i), -1);
    EXPECT_EQ(Decode(0xB651, 2, &i), -1);
    EXPECT_EQ(Decode(0xB668, 2, &i), -1);
    EXPECT_EQ(Decode(0xB700, 2, &i), -1);
    EXPECT_EQ(Decode(0xB800, 2, &i), -1);
    EXPECT_EQ(Decode(0xBA80, 2, &i), -1);
    EXPECT_EQ(Decode(0xC000, 2, &i), -1); // stm r0!, {}
    EXPECT_EQ(Decode(0xBC00, 2, &i), -1); // pop {}
    EXPECT_EQ(Decode(0xDE00, 2, &i), 0);  // udf #0
    EXPECT_EQ(i.fn, &arm_h_udf);
    EXPECT_EQ(Decode(0x0000, 2, &i), 0);  // movs r0, r0
    EXPECT_EQ(Decode(0xB100, 2, &i), 0);  // cbz
    // 1072 undefined: the holes above (80 + 7 + 7 + 8 + 8 + 128 + 256 + 256 + 64),
    // 18 empty lists, 224 BX/BLX with bits 2:0 != 000, BLX PC, and 15 IT
    // with firstcond 1111.
    EXPECT_EQ(defined, 0xE800 - 1072);
}

TEST(t32_decode, FieldsOfRepresentativeEncodings)
{
    arm_insn i;
    // ldr.w r2, [r0, r1, lsl #2]
    ASSERT_EQ(Decode(0xf8502021u, 4, &i), 0);
    EXPECT_EQ(i.rd, 2);
    EXPECT_EQ(i.rn, 0);
    EXPECT_EQ(i.rm, 1);
    EXPECT_EQ(i.shift_imm, 2);
    EXPECT_EQ(i.op, ARM_LS_W);
    EXPECT_EQ(i.flags & (ARM_IF_P | ARM_IF_U | ARM_IF_W | ARM_IF_REGOFF),
              ARM_IF_P | ARM_IF_U | ARM_IF_REGOFF);
    // ldr r2, [r0], #-8 : post-indexed, subtract, writeback
    ASSERT_EQ(Decode(0xf8502908u, 4, &i), 0);
    EXPECT_EQ(i.imm, 8u);
    EXPECT_EQ(i.flags & (ARM_IF_P | ARM_IF_U | ARM_IF_W), ARM_IF_W);
    // ldrt r2, [r0, #4]
    ASSERT_EQ(Decode(0xf8502e04u, 4, &i), 0);
    EXPECT_TRUE(i.flags & ARM_IF_USER);
    // smull r0, r3, r1, r2: RdLo = r0 in ra, RdHi = r3 in rd
    ASSERT_EQ(Decode(0xfb810302u, 4, &i), 0);
    EXPECT_EQ(i.ra, 0);
    EXPECT_EQ(i.rd, 3);
    EXPECT_EQ(i.fn, &arm_h_smull);
    // bl at 0x40004 to 0: S:I1:I2 sign extension, imm = 0 - (0x40004 + 4)
    ASSERT_EQ(Decode(0xf7bffffcu, 4, &i), 0);
    EXPECT_EQ(i.imm, static_cast<uint32_t>(-0x40008));
    EXPECT_EQ(i.fn, &arm_h_bl);
    // mrc p15, 0, r0, c0, c0, 0
    ASSERT_EQ(Decode(0xee100f10u, 4, &i), 0);
    EXPECT_EQ(i.fn, &arm_h_mrc);
    EXPECT_EQ(i.cp_num, 15);
    // MCR2/MRC2, LDC/STC/CDP and SDIV/UDIV are UNDEFINED
    EXPECT_EQ(Decode(0xfe100f10u, 4, &i), -1);
    EXPECT_EQ(Decode(0xed900900u, 4, &i), -1);
    EXPECT_EQ(Decode(0xee000900u, 4, &i), -1);
    EXPECT_EQ(Decode(0xfb91f0f2u, 4, &i), -1);
    EXPECT_EQ(Decode(0xfbb1f0f2u, 4, &i), -1);
}

struct DisCase {
    uint32_t pc;
    uint32_t insn;
    unsigned size;
    const char *text;
};

// pc, encoding and the text arm-none-eabi-objdump prints (immediates in the
// project's %i style: decimal below 10, hex otherwise).
const DisCase kDis[] = {
    {0x0, 0x1dca, 2, "adds r2, r1, #7"},
    {0x4, 0x060d, 2, "lsls r5, r1, #24"},
    {0x6, 0x0808, 2, "lsrs r0, r1, #32"},
    {0x8, 0x4008, 2, "ands r0, r1"},
    {0x10, 0x4690, 2, "mov r8, r2"},
    {0x22, 0x4770, 2, "bx lr"},
    {0x28, 0x5141, 2, "str r1, [r0, r5]"},
    {0x2c, 0x9a02, 2, "ldr r2, [sp, #8]"},
    {0x30, 0xb100, 2, "cbz r0, 0x34"},
    {0x38, 0xbd10, 2, "pop {r4, pc}"},
    {0x3a, 0xb658, 2, "setend be"},
    {0x3c, 0xb672, 2, "cpsid i"},
    {0x42, 0xbfcb, 2, "itete gt"},
    {0x5a, 0xbf10, 2, "yield"},
    {0x24, 0xeb0100c2u, 4, "add.w r0, r1, r2, lsl #3"},
    {0x28, 0xfa41f002u, 4, "asr.w r0, r1, r2"},
    {0x2c, 0xebb10022u, 4, "subs.w r0, r1, r2, asr #32"},
    {0x38, 0xeac14002u, 4, "pkhbt r0, r1, r2, lsl #16"},
    {0x62, 0xf361200bu, 4, "bfi r0, r1, #8, #4"},
    {0x66, 0xf36f100bu, 4, "bfc r0, #4, #8"},
    {0x76, 0xf3a11008u, 4, "usat r0, #8, r1, asr #4"},
    {0x86, 0xf7ffbfebu, 4, "b.w 0x60"},
    {0x8a, 0xf7ffffe9u, 4, "bl 0x60"},
    {0x8e, 0xf7ffefe8u, 4, "blx 0x60"},
    {0x92, 0xf3818900u, 4, "msr CPSR_fc, r1"},
    {0x96, 0xf3ff8300u, 4, "mrs r3, SPSR"},
    {0xa6, 0xf3bf8f5fu, 4, "dmb sy"},
    {0xaa, 0xf3bf8f4bu, 4, "dsb ish"},
    {0xca, 0xe82dc013u, 4, "srsdb sp!, #19"},
    {0xd2, 0xe8a00106u, 4, "stmia.w r0!, {r1, r2, r8}"},
    {0xde, 0xe8bd4010u, 4, "pop.w {r4, lr}"},
    {0xe6, 0xe8501f02u, 4, "ldrex r1, [r0, #8]"},
    {0xea, 0xe8403200u, 4, "strex r2, r3, [r0]"},
    {0xfa, 0xe8c04572u, 4, "strexd r2, r4, r5, [r0]"},
    {0x102, 0xe9602302u, 4, "strd r2, r3, [r0, #-8]!"},
    {0x112, 0xe8d1f010u, 4, "tbh [r1, r0, lsl #1]"},
    {0x126, 0xf8502021u, 4, "ldr.w r2, [r0, r1, lsl #2]"},
    {0x12a, 0xf8502e04u, 4, "ldrt r2, [r0, #4]"},
    {0x14e, 0xf910fc04u, 4, "pli [r0, #-4]"},
    {0x152, 0xf811f022u, 4, "pld [r1, r2, lsl #2]"},
    {0x15e, 0xfa01f092u, 4, "sxtah r0, r1, r2, ror #8"},
    {0x166, 0xfa5ff0b2u, 4, "uxtb.w r0, r2, ror #24"},
    {0x176, 0xfa82f081u, 4, "qadd r0, r1, r2"},
    {0x19e, 0xfb113032u, 4, "smlatt r0, r1, r2, r3"},
    {0x1ae, 0xfb41f012u, 4, "smusdx r0, r1, r2"},
    {0x1ba, 0xfb513012u, 4, "smmlar r0, r1, r2, r3"},
    {0x1c6, 0xfb810302u, 4, "smull r0, r3, r1, r2"},
    {0x1ce, 0xfbc10392u, 4, "smlalbt r0, r3, r1, r2"},
    {0x1d6, 0xfbd103d2u, 4, "smlsldx r0, r3, r1, r2"},
};

TEST(t32_decode, DisassemblyMatchesObjdump)
{
    for (const DisCase &c : kDis) EXPECT_EQ(Dis(c.pc, c.insn, c.size), c.text) << std::hex << c.insn;
}

TEST(t32_decode, DisassemblyOfUndefinedAndTruncation)
{
    EXPECT_EQ(Dis(0, 0xb600, 2), ".inst.n 0xb600");
    EXPECT_EQ(Dis(0, 0xfb91f0f2u, 4), ".inst.w 0xfb91f0f2");
    char small[6];
    arm_t32_disasm(0, 0xeb0100c2u, 4, small, sizeof small);
    EXPECT_EQ(std::strlen(small), sizeof small - 1);
    // The public entry point dispatches to the T32 disassembler.
    char buf[64];
    arm_disasm(0x30, 0xb100, 2, 1, buf, sizeof buf);
    EXPECT_STREQ(buf, "cbz r0, 0x34");
}

} // namespace
