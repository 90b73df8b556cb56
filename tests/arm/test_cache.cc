// test_cache.cc - the optional Cortex-A9 cache timing model
// (models/arm/src/a9_cache.{c,h}): exact hit/miss counts of strided loops
// from the geometry (L1 32 KiB 4-way, L2 512 KiB 8-way, 32-byte lines,
// LRU), conflict misses, dirty write-backs, CP15 maintenance (DCCIMVAC,
// DCCMVAC, DCIMVAC, DCCISW, ICIALLU), cacheability (Device pages, MMIO,
// MMU off, SCTLR.C off, walks per TTBR IRGN), the L2 enable, and that the
// model off charges exactly what the ISS charged without it.
//
// Memory: the fixture's 1 MiB at 0 (code at 0x1000, L1 table at 0x40000)
// plus 2 MiB at 0x00100000 for the data sets. Flat 1 MiB sections, Normal
// write-back write-allocate (TEX 001 C 1 B 1) unless a test maps others.
// The loops use MOVW/MOVT (no literal-pool loads), so the only data
// accesses after the MMU is on are the ones counted.
#include "test_a32_fixture.h"

#include <string>

extern "C" {
#include "a9_cache.h"
}

namespace {

using namespace a32test;

constexpr uint32_t kTable = 0x40000;
constexpr uint32_t kBig = 0x00100000;   // 2 MiB of extra RAM
constexpr uint32_t kBigSize = 0x00200000;
constexpr uint32_t kMem = A9C_MEM_CYCLES;
constexpr uint32_t kL2Hit = A9C_L2_HIT_CYCLES;

uint32_t SectWBWA(uint32_t pa) { return (pa & 0xFFF00000u) | (1u << 12) | (3u << 10) | 0xCu | 2u; }
uint32_t SectDevice(uint32_t pa) { return (pa & 0xFFF00000u) | (3u << 10) | 0x4u | 2u; }

std::string Hex(uint32_t v)
{
    char b[16];
    std::snprintf(b, sizeof b, "0x%x", v);
    return b;
}

// r<n> = v without a literal load
std::string Mov32(unsigned r, uint32_t v)
{
    return "movw r" + std::to_string(r) + ", #" + Hex(v & 0xFFFF) + "\n movt r" +
           std::to_string(r) + ", #" + Hex(v >> 16) + "\n";
}

// TTBR0 = table | ttbr_bits, TTBCR = 0, DACR = clients, SCTLR |= M C I.
std::string MmuOn(uint32_t ttbr_bits = 0, uint32_t sctlr_bits = 0x1005)
{
    return Mov32(0, kTable | ttbr_bits) + " mcr p15, 0, r0, c2, c0, 0\n mov r1, #0\n"
           " mcr p15, 0, r1, c2, c0, 2\n" + Mov32(1, 0x55555555u) +
           " mcr p15, 0, r1, c3, c0, 0\n mrc p15, 0, r1, c1, c0, 0\n" + Mov32(2, sctlr_bits) +
           " orr r1, r1, r2\n mcr p15, 0, r1, c1, c0, 0\n isb\n";
}

// `passes` passes of one load every `stride` bytes over `lines` lines from base.
std::string Strided(uint32_t base, uint32_t lines, uint32_t passes, uint32_t stride = 32,
                    const char *op = "ldr r4, [r2], r5")
{
    return Mov32(3, passes) + Mov32(5, stride) + "1:\n" + Mov32(2, base) + Mov32(1, lines) +
           "2:\n " + op + "\n subs r1, r1, #1\n bne 2b\n subs r3, r3, #1\n bne 1b\n";
}

class Cache : public A32 {
protected:
    void SetUp() override
    {
        A32::SetUp();
        big_.assign(kBigSize, 0);
        ASSERT_EQ(arm_cpu_add_ram(cpu_, kBig, kBigSize, big_.data(), 0), 0);
        for (unsigned k = 0; k < 3; k++) L1(k, SectWBWA(k << 20));
        L1(0x400, SectWBWA(0x40000000u)); // the fixture's MMIO window, mapped cacheable
        ASSERT_EQ(arm_cpu_set_cache_model(cpu_, true), 0);
        arm_cpu_set_l2_enabled(cpu_, true);
    }
    void L1(unsigned idx, uint32_t d) { Write32(kTable + 4 * idx, d); }
    arm_cache_stats S()
    {
        arm_cache_stats s;
        arm_cpu_get_cache_stats(cpu_, &s);
        return s;
    }
    // Expected stall cycles of the counted events (no write-backs).
    static uint64_t Stalls(const arm_cache_stats &s)
    {
        return s.l2_hits * kL2Hit + (s.l2_misses + s.uncached + s.uncached_fetches) * kMem;
    }
    std::vector<uint8_t> big_;
};

// 16 KiB fits L1: misses only on the first pass.
TEST_F(Cache, Strided16KiBFitsL1)
{
    Code(MmuOn() + Strided(kBig, 512, 3));
    RunToEnd();
    auto s = S();
    EXPECT_EQ(s.l1d_misses, 512u);
    EXPECT_EQ(s.l1d_hits, 1024u);
    EXPECT_EQ(s.l1d_writebacks, 0u);
    EXPECT_GT(s.l1i_misses, 0u);
    EXPECT_LE(s.l1i_misses, 8u);
    EXPECT_GT(s.l1i_hits, 0u);
    // every L1 miss (data and instruction) misses the cold L2
    EXPECT_EQ(s.l2_misses, 512u + s.l1i_misses);
    EXPECT_EQ(s.l2_hits, 0u);
    EXPECT_EQ(s.stall_cycles, Stalls(s));
}

// 64 KiB: 8 lines per L1 set cycle through 4 ways (every access misses
// with LRU); one line per L2 set, so L2 hits after the first pass.
TEST_F(Cache, Strided64KiBMissesL1HitsL2)
{
    Code(MmuOn() + Strided(kBig, 2048, 3));
    RunToEnd();
    auto s = S();
    EXPECT_EQ(s.l1d_misses, 3u * 2048u);
    EXPECT_EQ(s.l1d_hits, 0u);
    EXPECT_EQ(s.l2_misses, 2048u + s.l1i_misses);
    EXPECT_EQ(s.l2_hits, 2u * 2048u);
    EXPECT_EQ(s.stall_cycles, Stalls(s));
}

// 1 MiB: 16 lines per L2 set cycle through 8 ways: L2 misses every pass.
TEST_F(Cache, Strided1MiBMissesL2)
{
    Code(MmuOn() + Strided(kBig, 32768, 2));
    RunToEnd(50000000);
    auto s = S();
    EXPECT_EQ(s.l1d_misses, 2u * 32768u);
    EXPECT_EQ(s.l1d_hits, 0u);
    EXPECT_EQ(s.l2_misses, 2u * 32768u + s.l1i_misses);
    EXPECT_EQ(s.l2_hits, 0u);
    EXPECT_EQ(s.stall_cycles, Stalls(s));
}

// One L1 set (stride = 256 sets * 32 B = 8 KiB): 4 lines fit the 4 ways,
// a 5th makes every access a conflict miss (LRU, cyclic order).
TEST_F(Cache, ConflictMissesFiveLinesOneSet)
{
    Code(MmuOn() + Strided(kBig, 4, 10, 8192));
    RunToEnd();
    auto s4 = S();
    EXPECT_EQ(s4.l1d_misses, 4u);
    EXPECT_EQ(s4.l1d_hits, 36u);

    TearDown();
    SetUp();
    Code(MmuOn() + Strided(kBig, 5, 10, 8192));
    RunToEnd();
    auto s5 = S();
    EXPECT_EQ(s5.l1d_misses, 50u);
    EXPECT_EQ(s5.l1d_hits, 0u);
    // the five lines sit in five different L2 sets: L2 hits after pass 1
    EXPECT_EQ(s5.l2_hits, 45u);
    EXPECT_EQ(s5.l2_misses, 5u + s5.l1i_misses);
}

// Stores allocate (write-allocate memory) and make lines dirty; evicting
// them writes them back into L2 (8 cycles each).
TEST_F(Cache, DirtyEvictionWritesBack)
{
    // 5 stores to one set, then 5 loads of 5 other lines of that set
    Code(MmuOn() + Strided(kBig, 5, 1, 8192, "str r4, [r2], r5") +
         Strided(kBig + 5 * 8192, 5, 1, 8192));
    RunToEnd();
    auto s = S();
    EXPECT_EQ(s.l1d_misses, 10u);
    // the first store's line left at the 5th store; the other 4 dirty lines
    // leave during the loads
    EXPECT_EQ(s.l1d_writebacks, 5u);
    EXPECT_EQ(s.l2_writebacks, 0u);
    // written-back lines went into L2 (they were there already: no L2 fill)
    EXPECT_EQ(s.stall_cycles, Stalls(s) + 5u * A9C_L1_WB_CYCLES);
}

// DCCIMVAC writes the dirty line back to the point of coherency (L1 -> L2
// -> DDR) and invalidates it: the next load misses L1 and L2.
TEST_F(Cache, DccimvacCleansAndInvalidates)
{
    Code(MmuOn() + Mov32(2, kBig + 0x40) + " str r4, [r2]\n"
         " mcr p15, 0, r2, c7, c14, 1\n ldr r7, [r2]\n");
    RunToEnd();
    auto s = S();
    EXPECT_EQ(s.l1d_writebacks, 1u);
    EXPECT_EQ(s.l2_writebacks, 1u);
    EXPECT_EQ(s.l1d_misses, 2u);
    EXPECT_EQ(s.l1d_hits, 0u);
    EXPECT_EQ(s.l2_misses, 2u + s.l1i_misses);
    EXPECT_EQ(s.stall_cycles, Stalls(s) + A9C_L1_WB_CYCLES + A9C_MEM_WB_CYCLES);
}

// DCCMVAC cleans but keeps the line (next load hits); DCIMVAC drops a
// dirty line without writing it back (next load misses).
TEST_F(Cache, DccmvacKeepsDcimvacDrops)
{
    Code(MmuOn() + Mov32(2, kBig) + " str r4, [r2]\n mcr p15, 0, r2, c7, c10, 1\n"
         " ldr r7, [r2]\n str r4, [r2, #4]\n mcr p15, 0, r2, c7, c6, 1\n ldr r7, [r2]\n");
    RunToEnd();
    auto s = S();
    EXPECT_EQ(s.l1d_writebacks, 1u);  // the clean only
    EXPECT_EQ(s.l2_writebacks, 1u);
    EXPECT_EQ(s.l1d_hits, 2u);        // ldr and str after the clean
    EXPECT_EQ(s.l1d_misses, 2u);      // first store, load after the invalidate
}

// DCCISW on the set/way of a dirty line writes it back (first fill of an
// empty set goes to way 0).
TEST_F(Cache, DccswByDecodedSetWay)
{
    const uint32_t a = kBig + 0x1260, set = (a >> 5) & 255;
    Code(MmuOn() + Mov32(2, a) + " str r4, [r2]\n" + Mov32(3, (1u << 30) | (set << 5)) +
         " mcr p15, 0, r3, c7, c14, 2\n ldr r7, [r2]\n" + Mov32(3, set << 5) +
         " mcr p15, 0, r3, c7, c14, 2\n ldr r7, [r2]\n");
    RunToEnd();
    auto s = S();
    // way 1 held nothing; way 0 held the dirty line: one write-back, then a miss
    EXPECT_EQ(s.l1d_writebacks, 1u);
    EXPECT_EQ(s.l1d_hits, 1u);
    EXPECT_EQ(s.l1d_misses, 2u);
    // the L2 keeps the written-back line (set/way on L1 only)
    EXPECT_EQ(s.l2_hits, 1u);
}

// A Device page (TEX 000 C 0 B 1) is never cached: each access costs the
// memory latency. MMIO under a cacheable mapping is not cached either and
// costs only what the device annotates (10 cycles in this fixture).
TEST_F(Cache, DevicePageAndMmioNotCached)
{
    L1(3, SectDevice(kBig));
    Code(MmuOn() + Mov32(2, 0x00300000u) + " ldr r7, [r2]\n ldr r7, [r2]\n str r7, [r2, #4]\n" +
         Mov32(2, 0x40000000u) + " ldr r8, [r2]\n");
    RunToEnd();
    auto s = S();
    EXPECT_EQ(s.l1d_hits, 0u);
    EXPECT_EQ(s.l1d_misses, 0u);
    EXPECT_EQ(s.uncached, 3u + 3u); // 3 Device accesses + 3 uncached table walks
    EXPECT_EQ(R(8), 0x12345678u);
    EXPECT_EQ(s.stall_cycles, Stalls(s));
}

// Walks read descriptors through L1 D / L2 when TTBR0.IRGN says so
// (IRGN = 01 write-back write-allocate: TTBR0 bit 6), else uncached.
TEST_F(Cache, WalksFollowTtbrIrgn)
{
    Code(MmuOn(1u << 6 | 1u << 3) + Mov32(2, kBig) + " ldr r7, [r2]\n");
    RunToEnd();
    auto s = S();
    EXPECT_EQ(s.uncached, 0u);
    // walks: code section (0x1000's descriptor) and kBig's, in one table line
    EXPECT_EQ(s.l1d_misses, 2u);  // the descriptor line + the data line
    EXPECT_EQ(s.l1d_hits, 1u);    // second descriptor read hits that line
}

// MMU off: data is Strongly-ordered (uncached), instructions cacheable when
// SCTLR.I. SCTLR.C = 0 with the MMU on: data uncached.
TEST_F(Cache, MmuOffDataUncachedInstructionsCached)
{
    Code(std::string(" mrc p15, 0, r1, c1, c0, 0\n orr r1, r1, #0x1000\n"
                     " mcr p15, 0, r1, c1, c0, 0\n isb\n") + Strided(kBig, 4, 2));
    RunToEnd();
    auto s = S();
    EXPECT_EQ(s.l1d_hits + s.l1d_misses, 0u);
    EXPECT_EQ(s.uncached, 8u);
    EXPECT_GT(s.l1i_hits, 0u);
    EXPECT_GT(s.l1i_misses, 0u);

    TearDown();
    SetUp();
    Code(MmuOn(0, 0x1001) + Strided(kBig, 4, 2)); // M and I, no C
    RunToEnd();
    auto c = S();
    EXPECT_EQ(c.l1d_hits + c.l1d_misses, 0u);
    EXPECT_EQ(c.uncached, 8u + 2u);  // the loads + 2 walks
}

// ICIALLU empties the L1 I-cache: a subroutine run again after it misses
// again (compared with the same program with a NOP there).
TEST_F(Cache, IciallInvalidatesInstructionCache)
{
    auto prog = [](const char *op) {
        return MmuOn() + " bl 8f\n " + std::string(op) + "\n isb\n bl 8f\n b 9f\n8:\n" +
               Strided(kBig, 2, 2) + " bx lr\n9:\n";
    };
    Code(prog("nop"));
    RunToEnd();
    auto keep = S();
    TearDown();
    SetUp();
    Code(prog("mcr p15, 0, r0, c7, c5, 0"));
    RunToEnd();
    auto inv = S();
    EXPECT_EQ(inv.l1d_misses, 2u);
    EXPECT_EQ(inv.l1d_hits, 6u);
    // the subroutine spans at least 2 lines; they miss again after ICIALLU
    EXPECT_GE(inv.l1i_misses, keep.l1i_misses + 2u);
    EXPECT_EQ(inv.l2_hits, inv.l1i_misses - keep.l1i_misses);
}

// With the L2 disabled an L1 miss goes to DDR and the L2 counts nothing.
TEST_F(Cache, L2DisabledGoesToMemory)
{
    arm_cpu_set_l2_enabled(cpu_, false);
    Code(MmuOn() + Strided(kBig, 2048, 2));
    RunToEnd();
    auto s = S();
    EXPECT_EQ(s.l1d_misses, 2u * 2048u);
    EXPECT_EQ(s.l2_hits + s.l2_misses, 0u);
    EXPECT_EQ(s.stall_cycles, (s.l1d_misses + s.l1i_misses + s.uncached + s.uncached_fetches) * kMem);
}

// Model off: exactly the cycles the ISS charges without the model, and no
// cache statistics. The same program with the model never enabled, and
// enabled then disabled, gives the same cycle count; with it on, more.
TEST_F(Cache, ModelOffChargesNothing)
{
    const std::string prog = MmuOn() + Strided(kBig, 2048, 2) +
                             Strided(kBig, 5, 4, 8192, "str r4, [r2], r5") +
                             " mcr p15, 0, r0, c7, c14, 1\n mcr p15, 0, r0, c7, c5, 0\n";
    uint64_t on_cycles, off_cycles, never_cycles;
    Code(prog);
    RunToEnd();
    on_cycles = arm_cpu_cycles(cpu_);

    TearDown();
    A32::SetUp();
    big_.assign(kBigSize, 0);
    ASSERT_EQ(arm_cpu_add_ram(cpu_, kBig, kBigSize, big_.data(), 0), 0);
    for (unsigned k = 0; k < 3; k++) L1(k, SectWBWA(k << 20));
    Code(prog);
    RunToEnd();
    never_cycles = arm_cpu_cycles(cpu_);
    bool has_key = false;
    arm_cpu_stats(cpu_, [](void *o, const char *k, uint64_t) {
        if (std::string(k).rfind("l1", 0) == 0 || std::string(k) == "cache_stall_cycles")
            *static_cast<bool *>(o) = true; }, &has_key);
    EXPECT_FALSE(has_key);

    TearDown();
    SetUp();
    ASSERT_EQ(arm_cpu_set_cache_model(cpu_, false), 0);
    Code(prog);
    RunToEnd();
    off_cycles = arm_cpu_cycles(cpu_);
    EXPECT_EQ(off_cycles, never_cycles);
    EXPECT_GT(on_cycles, never_cycles + 2048u * kL2Hit);
}

// The attribute decode (ARM ARM B3.8.2 / B3.8.3) and the TTBR walk attributes.
TEST(CacheAttr, DescriptorEncodings)
{
    EXPECT_EQ(a9c_attr_from_desc(0, 0, 0, 0, 0, 0), A9C_ATTR_UNCACHED);          // SO
    EXPECT_EQ(a9c_attr_from_desc(0, 0, 1, 0, 0, 0), A9C_ATTR_UNCACHED);          // Device
    EXPECT_EQ(a9c_attr_from_desc(0, 1, 0, 0, 0, 0), A9C_ATTR(A9C_WT, A9C_WT));
    EXPECT_EQ(a9c_attr_from_desc(0, 1, 1, 0, 0, 0), A9C_ATTR(A9C_WB, A9C_WB));
    EXPECT_EQ(a9c_attr_from_desc(1, 0, 0, 0, 0, 0), A9C_ATTR_UNCACHED);          // Normal NC
    EXPECT_EQ(a9c_attr_from_desc(1, 1, 1, 0, 0, 0), A9C_ATTR(A9C_WBWA, A9C_WBWA));
    EXPECT_EQ(a9c_attr_from_desc(2, 0, 0, 0, 0, 0), A9C_ATTR_UNCACHED);          // NS Device
    // TEX 1BB: inner C:B, outer TEX[1:0] (Xilinx BSP DDR: TEX 101 C 0 B 1)
    EXPECT_EQ(a9c_attr_from_desc(5, 0, 1, 0, 0, 0), A9C_ATTR(A9C_WBWA, A9C_WBWA));
    EXPECT_EQ(a9c_attr_from_desc(6, 0, 0, 0, 0, 0), A9C_ATTR(A9C_NC, A9C_WT));
    // TEX remap: n = TEX[0]:C:B = 3 -> PRRR[7:6] = 2 (Normal), NMRR IR3 = 1, OR3 = 3
    EXPECT_EQ(a9c_attr_from_desc(0, 1, 1, 1, 2u << 6, (1u << 6) | (3u << 22)),
              A9C_ATTR(A9C_WBWA, A9C_WB));
    EXPECT_EQ(a9c_attr_from_desc(0, 1, 1, 1, 1u << 6, 0xFFFFFFFFu), A9C_ATTR_UNCACHED);
    EXPECT_EQ(a9c_attr_from_ttbr(0x40000u | (1u << 6) | (1u << 3)), A9C_ATTR(A9C_WBWA, A9C_WBWA));
    EXPECT_EQ(a9c_attr_from_ttbr(0x40000u | 1u | (3u << 3)), A9C_ATTR(A9C_WT, A9C_WB));
}

// The model alone: write-back no-write-allocate and write-through policies.
TEST(CacheModel, WritePolicies)
{
    a9_cache *c = a9c_new();
    ASSERT_NE(c, nullptr);
    a9c_set_l2(c, 1);
    // WB no write-allocate: a store miss does not allocate in L1 (posted, free)
    EXPECT_EQ(a9c_data(c, 0x1000, A9C_ATTR(A9C_WB, A9C_WB), 1), 0u);
    EXPECT_EQ(a9c_data(c, 0x1000, A9C_ATTR(A9C_WB, A9C_WB), 0), kMem); // L1 and L2 miss
    // write-through hit: the line stays clean, nothing to write back
    EXPECT_EQ(a9c_data(c, 0x2000, A9C_ATTR(A9C_WT, A9C_WT), 0), kMem);
    EXPECT_EQ(a9c_data(c, 0x2000, A9C_ATTR(A9C_WT, A9C_WT), 1), 0u);
    EXPECT_EQ(a9c_dcache_mva(c, 0x2000, A9C_OP_CLEAN, 1), 0u);
    // WBWA store hit -> dirty -> clean to PoC costs L1->L2 and L2->DDR
    EXPECT_EQ(a9c_data(c, 0x3000, A9C_ATTR(A9C_WBWA, A9C_WBWA), 1), kMem);
    EXPECT_EQ(a9c_dcache_mva(c, 0x3000, A9C_OP_CLEAN, 1), A9C_L1_WB_CYCLES + A9C_MEM_WB_CYCLES);
    const a9c_stats *s = a9c_get_stats(c);
    EXPECT_EQ(s->l1d_misses, 4u);
    EXPECT_EQ(s->l1d_hits, 1u);
    EXPECT_EQ(s->l1d_writebacks, 1u);
    EXPECT_EQ(s->l2_writebacks, 1u);
    // instruction side: second fetch of a line hits
    EXPECT_EQ(a9c_fetch(c, 0x8000, A9C_ATTR(A9C_WT, A9C_WT)), kMem);
    EXPECT_EQ(a9c_fetch(c, 0x801C, A9C_ATTR(A9C_WT, A9C_WT)), 0u);
    a9c_icache_invalidate_line(c, 0x8000);
    EXPECT_EQ(a9c_fetch(c, 0x8000, A9C_ATTR(A9C_WT, A9C_WT)), kL2Hit);
    a9c_free(c);
}

} // namespace
