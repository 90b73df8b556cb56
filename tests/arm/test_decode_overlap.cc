// Decode-table overlap test: for every table (A32, T32 16-bit, T32 32-bit)
// and every pair of entries that can match the same encoding, one entry
// must declare that it overrides the other (by name or group), and the
// table lookup must then return the overriding entry for an encoding that
// both match. Also checks that entry names are unique and that every
// entry's match bits lie inside its mask.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "arm_internal.h"

namespace {

struct Table {
    const char *name;
    const arm_decode_entry *(*get)(size_t *n);
    uint32_t width_mask; // bits an encoding can have
};

const Table kTables[] = {
    {"A32", arm_a32_table, 0xFFFFFFFFu},
    {"T32-16", arm_t32_16_table, 0x0000FFFFu},
    {"T32-32", arm_t32_32_table, 0xFFFFFFFFu},
};

class DecodeOverlap : public ::testing::TestWithParam<Table> {};

TEST_P(DecodeOverlap, EntriesWellFormed)
{
    size_t n = 0;
    const arm_decode_entry *t = GetParam().get(&n);
    ASSERT_GT(n, 0u);
    std::set<std::string> names;
    for (size_t k = 0; k < n; k++) {
        ASSERT_NE(t[k].name, nullptr);
        EXPECT_TRUE(names.insert(t[k].name).second) << "duplicate name " << t[k].name;
        EXPECT_EQ(t[k].match & ~t[k].mask, 0u) << t[k].name << ": match outside mask";
        EXPECT_NE(t[k].decode, nullptr) << t[k].name;
    }
}

TEST_P(DecodeOverlap, NoUndeclaredOverlaps)
{
    size_t n = 0;
    const arm_decode_entry *t = GetParam().get(&n);
    int overlaps = 0, declared = 0;
    for (size_t a = 0; a < n; a++) {
        for (size_t b = a + 1; b < n; b++) {
            const arm_decode_entry &A = t[a], &B = t[b];
            uint32_t common = A.mask & B.mask;
            if ((A.match ^ B.match) & common) continue; // disjoint
            overlaps++;
            bool a_wins = arm_decode_overrides(&A, &B) != 0;
            bool b_wins = arm_decode_overrides(&B, &A) != 0;
            EXPECT_TRUE(a_wins || b_wins)
                << GetParam().name << ": undeclared overlap between '" << A.name << "' ("
                << std::hex << A.mask << "/" << A.match << ") and '" << B.name << "' ("
                << B.mask << "/" << B.match << ")";
            EXPECT_FALSE(a_wins && b_wins)
                << GetParam().name << ": '" << A.name << "' and '" << B.name
                << "' override each other";
            if (a_wins == b_wins) continue;
            declared++;
            // An encoding matching both: the union of the fixed bits, with
            // the remaining bits zero and, in a second probe, one.
            for (uint32_t fill : {0u, 0xFFFFFFFFu}) {
                uint32_t x = (A.match | B.match) | (fill & ~(A.mask | B.mask));
                x &= GetParam().width_mask;
                if ((x & A.mask) != A.match || (x & B.mask) != B.match) continue;
                const arm_decode_entry *got = arm_decode_find(t, n, x);
                ASSERT_NE(got, nullptr);
                const arm_decode_entry *winner = a_wins ? &A : &B;
                const arm_decode_entry *loser = a_wins ? &B : &A;
                EXPECT_NE(got, loser) << GetParam().name << ": encoding " << std::hex << x
                                      << " decodes as overridden '" << loser->name << "'";
                // the result must be the winner or something overriding it
                EXPECT_TRUE(got == winner || arm_decode_overrides(got, winner))
                    << GetParam().name << ": encoding " << std::hex << x << " decodes as '"
                    << got->name << "', expected '" << winner->name << "'";
            }
        }
    }
    RecordProperty("overlapping_pairs", overlaps);
    RecordProperty("declared_overrides", declared);
}

INSTANTIATE_TEST_SUITE_P(Tables, DecodeOverlap, ::testing::ValuesIn(kTables),
                         [](const ::testing::TestParamInfo<Table> &info) {
                             std::string s = info.param.name;
                             for (char &c : s)
                                 if (c == '-') c = '_';
                             return s;
                         });

// The declared overrides really win at run time for a few known A32 cases.
TEST(DecodeOverlapA32, KnownOverrides)
{
    size_t n = 0;
    const arm_decode_entry *t = arm_a32_table(&n);
    EXPECT_STREQ(arm_decode_find(t, n, 0xE320F000u)->name, "hint");      // NOP
    EXPECT_STREQ(arm_decode_find(t, n, 0xE328F001u)->name, "msr_imm");   // MSR APSR_nzcvq
    EXPECT_STREQ(arm_decode_find(t, n, 0xFA000000u)->name, "blx_imm");   // BLX imm
    EXPECT_STREQ(arm_decode_find(t, n, 0xF57FF05Fu)->name, "barrier");   // DMB SY
    EXPECT_STREQ(arm_decode_find(t, n, 0xF0000000u)->name, "uncond_undef");
    EXPECT_STREQ(arm_decode_find(t, n, 0xE0810002u)->name, "dp_reg_lo"); // ADD
}

} // namespace
