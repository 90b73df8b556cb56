// test_mmu_fixture.h - translation tables for the MMU tests (test_mmu.cc,
// test_mmu_fast.cc): short-descriptor builders (ARM ARM B3.5.1), the
// MMU-on prologue and a fixture with an identity section for the code.
//
// Tables are built by the test in RAM (1 MiB at 0): L1 table at kL1
// (16 KiB aligned), a second one at kL1b (TTBR1), L2 tables at kL2. The
// code at kCode is identity mapped by a section for VA 0x00000000 (domain
// 0, client, AP=011) so the program keeps running after it sets SCTLR.M.
#ifndef TEST_MMU_FIXTURE_H
#define TEST_MMU_FIXTURE_H

#include "test_a32_fixture.h"

namespace a32test {

constexpr uint32_t kL1 = 0x40000;   // 16 KiB aligned
constexpr uint32_t kL1b = 0x44000;  // second L1 table (TTBR1)
constexpr uint32_t kL2 = 0x48000;   // L2 tables, 1 KiB each

// Section descriptor: PA base, AP[2:0], domain, XN, nG.
inline uint32_t Sect(uint32_t pa, unsigned ap, unsigned dom = 0, bool xn = false, bool ng = false)
{
    return (pa & 0xFFF00000u) | ((ap & 4u) << 13) | ((ap & 3u) << 10) | (dom << 5) |
           (xn ? 1u << 4 : 0) | (ng ? 1u << 17 : 0) | 2u;
}
inline uint32_t Super(uint32_t pa, unsigned ap)
{
    return (pa & 0xFF000000u) | (1u << 18) | ((ap & 4u) << 13) | ((ap & 3u) << 10) | 2u;
}
inline uint32_t PageTable(uint32_t l2, unsigned dom) { return (l2 & 0xFFFFFC00u) | (dom << 5) | 1u; }
inline uint32_t Small(uint32_t pa, unsigned ap, bool xn = false, bool ng = false)
{
    return (pa & 0xFFFFF000u) | ((ap & 4u) << 7) | ((ap & 3u) << 4) | (ng ? 1u << 11 : 0) |
           2u | (xn ? 1u : 0);
}
inline uint32_t Large(uint32_t pa, unsigned ap, bool xn = false)
{
    return (pa & 0xFFFF0000u) | ((ap & 4u) << 7) | ((ap & 3u) << 4) | (xn ? 1u << 15 : 0) | 1u;
}

// Prologue: TTBR0 = kL1, TTBCR = r9, DACR = r10, SCTLR.M (| r11 extra bits).
const char *const kMmuOn = R"(
    ldr r0, =0x40000
    mcr p15, 0, r0, c2, c0, 0
    mcr p15, 0, r9, c2, c0, 2
    mcr p15, 0, r10, c3, c0, 0
    mrc p15, 0, r0, c1, c0, 0
    orr r0, r0, #1
    orr r0, r0, r11
    mcr p15, 0, r0, c1, c0, 0
    isb
)";

// A CPU with the identity section for the first MiB (code, data, stack,
// tables), r9 = 0 (TTBCR), r10 = every domain client, r11 = 0.
class MmuFixture : public A32 {
protected:
    void SetUp() override
    {
        A32::SetUp();
        L1(0x000, Sect(0, 3));
        SetR(9, 0);
        SetR(10, 0x55555555u);
        SetR(11, 0);
    }
    void L1(unsigned idx, uint32_t d, uint32_t table = kL1) { Write32(table + 4 * idx, d); }
    void L2(uint32_t table, unsigned idx, uint32_t d) { Write32(table + 4 * idx, d); }
};

} // namespace a32test
#endif
