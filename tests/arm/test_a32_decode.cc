// A32 decoder properties over many random encodings: decode never fails
// to produce a handler, conditional instructions carry the encoding's
// condition, UNDEFINED encodings decode to the UDF handler path, and the
// disassembler always NUL-terminates within its buffer.
#include <gtest/gtest.h>

#include <cstring>
#include <random>

#include "arm_internal.h"

namespace {

TEST(A32Decode, RandomEncodingsAreWellFormed)
{
    std::mt19937 rng(12345);
    size_t n = 0;
    const arm_decode_entry *t = arm_a32_table(&n);
    int defined = 0, undefined = 0;
    for (int k = 0; k < 1000000; k++) {
        uint32_t x = rng();
        if (k & 1) x = (x & 0x0FFFFFFFu) | 0xE0000000u; // half of them AL
        arm_insn a, b;
        std::memset(&a, 0, sizeof a);
        std::memset(&b, 0, sizeof b);
        a.cond = b.cond = 14;
        a.size = b.size = 4;
        int rc = arm_a32_decode(nullptr, x, &a);
        int rc2 = arm_a32_decode(nullptr, x, &b);
        ASSERT_EQ(rc, rc2);
        const arm_decode_entry *e = arm_decode_find(t, n, x);
        if (rc != 0) {
            undefined++;
            continue;
        }
        defined++;
        ASSERT_NE(e, nullptr) << std::hex << x;
        ASSERT_NE(a.fn, nullptr) << std::hex << x << " " << e->name;
        ASSERT_EQ(a.fn, b.fn);
        ASSERT_LT(a.rd, 16);
        ASSERT_LT(a.rn, 16);
        ASSERT_LT(a.rm, 16);
        ASSERT_LT(a.rs, 16);
        ASSERT_LT(a.ra, 16);
        ASSERT_LE(a.shift_type, ARM_SHIFT_RRX);
        if ((x >> 28) != 15 && a.fn != arm_h_bkpt && a.fn != arm_h_udf) {
            ASSERT_EQ(a.cond, x >> 28) << std::hex << x << " " << e->name;
        }
        if ((x >> 28) == 15) {
            ASSERT_EQ(a.cond, 14) << std::hex << x << " " << e->name;
        }
    }
    // both kinds occur in a random sample
    EXPECT_GT(defined, 100000);
    EXPECT_GT(undefined, 1000);
}

TEST(A32Decode, DisassemblyIsBoundedAndTerminated)
{
    std::mt19937 rng(777);
    char buf[48];
    for (int k = 0; k < 200000; k++) {
        uint32_t x = rng();
        std::memset(buf, 'X', sizeof buf);
        size_t len = 1 + (rng() % (sizeof buf - 1));
        int r = arm_disasm(0x8000, x, 4, 0, buf, len);
        ASSERT_GE(r, 0);
        ASSERT_LT((size_t)r, len);
        ASSERT_EQ(buf[r], '\0') << std::hex << x;
        for (size_t j = len; j < sizeof buf; j++) ASSERT_EQ(buf[j], 'X') << "overflow";
    }
}

TEST(A32Decode, KnownUndefinedEncodings)
{
    const uint32_t undef[] = {
        0xE710F110, // SDIV (no divider on the Cortex-A9)
        0xE730F110, // UDIV
        0xE7F000F0, // UDF #0
        0xF0000000, // cond 1111, nothing allocated
        0xEE000900, // CDP p9
        0xE0500090, // UMAAL with S (not allocated)
        0xE6000010, // parallel op1 = 00
        0xE1200000 | 0x40, // misc space op2 = 100 (not allocated)
    };
    for (size_t k = 0; k < sizeof undef / sizeof undef[0]; k++) {
        arm_insn a;
        std::memset(&a, 0, sizeof a);
        a.cond = 14;
        int rc = arm_a32_decode(nullptr, undef[k], &a);
        EXPECT_TRUE(rc != 0 || a.fn == arm_h_udf) << std::hex << undef[k];
    }
}

} // namespace
