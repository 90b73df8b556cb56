// test_mmu.cc - short-descriptor MMU and TLB (models/arm/src/mmu.c):
// sections, supersections, small/large pages, TTBCR.N split, every fault
// type with the exact DFSR/DFAR/IFSR/IFAR, PL0/PL1 AP cases, manager
// domains, nG + ASID, stale TLB entries until TLBIMVA, statistics.
// Tables and the MMU-on prologue: test_mmu_fixture.h.
#include "test_mmu_fixture.h"

#include <chrono>
#include <ctime>
#include <map>
#include <string>

namespace {

using namespace a32test;

class Mmu : public MmuFixture {};

// Identity section map, then a mapped section elsewhere: VA 0x80000000 -> PA 0x00000000.
TEST_F(Mmu, SectionMapping)
{
    L1(0x800, Sect(0x00000000u, 3));
    Write32(kData, 0xCAFEF00Du);
    Code(std::string(kMmuOn) + R"(
        ldr r1, =0x80020000
        ldr r2, [r1]
        ldr r3, =0x12345678
        str r3, [r1, #4]
    )");
    RunToEnd();
    EXPECT_EQ(R(2), 0xCAFEF00Du);
    EXPECT_EQ(Read32(kData + 4), 0x12345678u);
    auto s = Stats();
    EXPECT_GE(s["page_walks"], 2u);
    EXPECT_GE(s["tlb_hits"], 1u);
    // debugger view translates too, without touching the TLB statistics
    uint32_t v = 0;
    ASSERT_EQ(arm_cpu_read_mem(cpu_, 0x80020004u, &v, 4), 0);
    EXPECT_EQ(v, 0x12345678u);
    EXPECT_NE(arm_cpu_read_mem(cpu_, 0x70000000u, &v, 4), 0);
    auto s2 = Stats();
    EXPECT_EQ(s2["page_walks"], s["page_walks"]);
    EXPECT_EQ(s2["tlb_hits"], s["tlb_hits"]);
    EXPECT_EQ(s2["tlb_misses"], s["tlb_misses"]);
}

TEST_F(Mmu, SmallAndLargePages)
{
    L1(0x300, PageTable(kL2, 2));
    // small page VA 0x30005000 -> PA 0x00021000
    L2(kL2, 0x05, Small(0x00021000u, 3));
    // large page VA 0x30010000..0x3001FFFF -> PA 0x00030000 (16 copies)
    for (unsigned k = 0; k < 16; k++) L2(kL2, 0x10 + k, Large(0x00030000u, 3));
    Write32(0x21008, 0x11111111u);
    Write32(0x3A00C, 0x22222222u);
    Code(std::string(kMmuOn) + R"(
        ldr r1, =0x30005008
        ldr r2, [r1]
        ldr r1, =0x3001A00C
        ldr r3, [r1]
        mov r4, #0x77
        strb r4, [r1]
    )");
    RunToEnd();
    EXPECT_EQ(R(2), 0x11111111u);
    EXPECT_EQ(R(3), 0x22222222u);
    EXPECT_EQ(Read8(0x3A00C), 0x77u);
}

TEST_F(Mmu, Supersection)
{
    // VA 0x51000000..0x51FFFFFF -> PA 0x00000000 (16 identical L1 entries)
    for (unsigned k = 0; k < 16; k++) L1(0x510 + k, Super(0, 3));
    Write32(kData, 0xABCD0123u);
    Code(std::string(kMmuOn) + R"(
        ldr r1, =0x51020000
        ldr r2, [r1]
    )");
    RunToEnd();
    EXPECT_EQ(R(2), 0xABCD0123u);
}

// Fault cases: the exception hook stops at the abort (DFSR/DFAR or
// IFSR/IFAR already written); a second privileged program then reads the
// fault registers with MRC.
class MmuFault : public Mmu {
protected:
    // Run `body` with the MMU on; expect exception `exc`; then read
    // DFSR/DFAR/IFSR/IFAR with a small privileged program.
    void Expect(const std::string &body, arm_exception exc, uint32_t fsr, uint32_t far)
    {
        Code(std::string(kMmuOn) + body);
        Run();
        ASSERT_EQ(exc_, static_cast<int>(exc)) << "no expected abort";
        // fault registers: run an MRC sequence from the identity-mapped page
        const uint32_t a = 0x8000;
        std::vector<uint32_t> w = Assemble(R"(
            mrc p15, 0, r0, c5, c0, 0
            mrc p15, 0, r1, c6, c0, 0
            mrc p15, 0, r2, c5, c0, 1
            mrc p15, 0, r3, c6, c0, 2
            udf #0xbad
        )", a);
        ASSERT_FALSE(w.empty());
        for (size_t k = 0; k < w.size(); k++) Write32(a + 4 * (uint32_t)k, w[k]);
        sentinel_ = a + 16;
        at_sentinel_ = false;
        exc_ = -1;
        arm_cpu_set_cpsr(cpu_, ARM_MODE_SVC | ARM_CPSR_I | ARM_CPSR_F | ARM_CPSR_A);
        arm_cpu_set_pc(cpu_, a);
        RunToEnd();
        if (exc == ARM_EXC_DABT) {
            EXPECT_EQ(R(0), fsr) << std::hex << "DFSR 0x" << R(0);
            EXPECT_EQ(R(1), far) << std::hex << "DFAR 0x" << R(1);
        } else {
            EXPECT_EQ(R(2), fsr) << std::hex << "IFSR 0x" << R(2);
            EXPECT_EQ(R(3), far) << std::hex << "IFAR 0x" << R(3);
        }
    }
};

TEST_F(MmuFault, TranslationL1)
{
    Expect("ldr r1, =0x70000010\nldr r2, [r1]", ARM_EXC_DABT, 0x005, 0x70000010u);
}

TEST_F(MmuFault, TranslationL2)
{
    L1(0x300, PageTable(kL2, 3));
    Expect("ldr r1, =0x30007004\nldr r2, [r1]", ARM_EXC_DABT, 0x037, 0x30007004u);
}

TEST_F(MmuFault, DomainL1)
{
    L1(0x300, Sect(0, 3, 4));
    SetR(10, 0x55555555u & ~(3u << 8)); // domain 4 no access
    Expect("ldr r1, =0x30000020\nldr r2, [r1]", ARM_EXC_DABT, 0x049, 0x30000020u);
}

TEST_F(MmuFault, DomainL2ReservedDacr)
{
    L1(0x300, PageTable(kL2, 6));
    L2(kL2, 1, Small(0x21000u, 3));
    SetR(10, (0x55555555u & ~(3u << 12)) | (2u << 12)); // domain 6 reserved
    Expect("ldr r1, =0x30001000\nstr r2, [r1]", ARM_EXC_DABT, 0x86B, 0x30001000u);
}

TEST_F(MmuFault, PermissionL1WriteReadOnly)
{
    L1(0x300, Sect(0, 7, 1)); // RO everywhere
    Expect("ldr r1, =0x30000100\nldr r2, [r1]\nstr r2, [r1]", ARM_EXC_DABT, 0x81D, 0x30000100u);
}

TEST_F(MmuFault, PermissionL2ReadNoAccess)
{
    L1(0x300, PageTable(kL2, 5));
    L2(kL2, 2, Small(0x21000u, 0));
    Expect("ldr r1, =0x30002008\nldrb r2, [r1]", ARM_EXC_DABT, 0x05F, 0x30002008u);
}

TEST_F(MmuFault, AccessFlagWithAfe)
{
    // AFE = 1: AP[0] is the access flag; the identity section has AP=011 (AF=1)
    L1(0x300, PageTable(kL2, 2));
    L2(kL2, 3, Small(0x21000u, 2)); // AP[2:1]=01, AF = 0
    L1(0x400, Sect(0, 2, 7));       // section, AF = 0
    SetR(11, 1u << 29);
    Expect("ldr r1, =0x30003000\nldr r2, [r1]", ARM_EXC_DABT, 0x026, 0x30003000u);
}

TEST_F(MmuFault, AccessFlagSection)
{
    L1(0x400, Sect(0, 2, 7));
    SetR(11, 1u << 29);
    Expect("ldr r1, =0x40000040\nstr r2, [r1]", ARM_EXC_DABT, 0x873, 0x40000040u);
}

TEST_F(MmuFault, PrefetchAbortXn)
{
    // VA 0x60000000 -> PA 0, XN section: branching there gives a prefetch abort
    L1(0x600, Sect(0, 3, 0, true));
    Expect("ldr r1, =0x60001000\nbx r1", ARM_EXC_PABT, 0x00D, 0x60001000u);
}

TEST_F(MmuFault, PrefetchAbortTranslationL2)
{
    L1(0x600, PageTable(kL2, 9));
    Expect("ldr r1, =0x60003000\nbx r1", ARM_EXC_PABT, 0x007, 0x60003000u);
}

TEST_F(MmuFault, WalkExternalAbort)
{
    // L1 entry points to an L2 table outside RAM (bus error on the walk)
    L1(0x300, PageTable(0x70000000u, 1));
    Expect("ldr r1, =0x30000000\nldr r2, [r1]", ARM_EXC_DABT, 0x101E, 0x30000000u);
}

// PL1 RW / PL0 RO (AP=010): PL0 write faults, LDRT/STRT from PL1 use PL0 checks.
TEST_F(MmuFault, UnprivilegedAccessFromPl1)
{
    L1(0x300, Sect(0, 2, 1));
    Expect("ldr r1, =0x30000200\nldrt r2, [r1]\nstr r2, [r1]\nstrt r2, [r1]", ARM_EXC_DABT,
           0x81D, 0x30000200u);
}

TEST_F(MmuFault, Pl0NoAccess)
{
    // AP=001: PL1 RW, PL0 none; switch to USR and read
    L1(0x300, Sect(0, 1, 3));
    Expect("ldr r1, =0x30000300\nldr r2, [r1]\ncps #0x10\nldr r2, [r1]", ARM_EXC_DABT, 0x03D,
           0x30000300u);
}

TEST_F(Mmu, ManagerDomainIgnoresAp)
{
    L1(0x300, Sect(0, 0, 2)); // AP=000: no access for a client
    SetR(10, 0x55555555u | (3u << 4)); // domain 2 manager
    Write32(kData, 0x5A5A5A5Au);
    Code(std::string(kMmuOn) + R"(
        ldr r1, =0x30020000
        ldr r2, [r1]
        str r2, [r1, #4]
    )");
    RunToEnd();
    EXPECT_EQ(R(2), 0x5A5A5A5Au);
    EXPECT_EQ(Read32(kData + 4), 0x5A5A5A5Au);
}

TEST_F(Mmu, Pl0ReadOnlyAllowsPl0Read)
{
    L1(0x300, Sect(0, 2, 1)); // PL1 RW, PL0 RO
    Write32(kData, 0x600DF00Du);
    Code(std::string(kMmuOn) + R"(
        ldr r1, =0x30020000
        cps #0x10
        ldr r2, [r1]
    )");
    RunToEnd();
    EXPECT_EQ(R(2), 0x600DF00Du);
}

// Same VA, different PA per ASID: the table is changed between ASIDs
// without a flush; the ASID-1 entry stays valid and is used again.
TEST_F(Mmu, TwoAsidsDifferentMappings)
{
    L1(0x300, PageTable(kL2, 0));
    L2(kL2, 0, Small(0x20000u, 3, false, true));
    Write32(0x20000, 0xAAAA0001u);
    Write32(0x21000, 0xBBBB0002u);
    Code(std::string(kMmuOn) + R"(
        ldr r1, =0x30000000
        ldr r4, =0x48000
        mov r0, #1
        mcr p15, 0, r0, c13, c0, 1    @ ASID 1
        isb
        ldr r2, [r1]                  @ -> PA 0x20000
        ldr r5, =0x21832              @ small page PA 0x21000, nG, AP=011
        str r5, [r4]
        mov r0, #2
        mcr p15, 0, r0, c13, c0, 1    @ ASID 2
        isb
        ldr r3, [r1]                  @ -> PA 0x21000 (new walk)
        mov r0, #1
        mcr p15, 0, r0, c13, c0, 1    @ back to ASID 1
        isb
        ldr r6, [r1]                  @ cached ASID-1 entry: PA 0x20000
        mov r0, #1
        mcr p15, 0, r0, c8, c7, 2     @ TLBIASID 1
        ldr r7, [r1]                  @ re-walk: PA 0x21000
    )");
    RunToEnd();
    EXPECT_EQ(R(2), 0xAAAA0001u);
    EXPECT_EQ(R(3), 0xBBBB0002u);
    EXPECT_EQ(R(6), 0xAAAA0001u);
    EXPECT_EQ(R(7), 0xBBBB0002u);
}

TEST_F(Mmu, StaleTlbUntilTlbimva)
{
    L1(0x300, PageTable(kL2, 0));
    L2(kL2, 4, Small(0x20000u, 3));
    Write32(0x20000, 0x01D01D01u);
    Write32(0x21000, 0x0E30E30Eu);
    Code(std::string(kMmuOn) + R"(
        ldr r1, =0x30004000
        ldr r4, =0x48010
        ldr r2, [r1]                  @ old mapping, now in the TLB
        ldr r5, =0x21032              @ small page PA 0x21000, AP=011
        str r5, [r4]
        dsb
        ldr r3, [r1]                  @ still the old (stale) mapping
        mcr p15, 0, r1, c8, c7, 1     @ TLBIMVA (ASID 0)
        dsb
        isb
        ldr r6, [r1]                  @ new mapping
        ldr r5, =0x20032
        str r5, [r4]
        mcr p15, 0, r0, c8, c7, 0     @ TLBIALL
        ldr r7, [r1]
    )");
    RunToEnd();
    EXPECT_EQ(R(2), 0x01D01D01u);
    EXPECT_EQ(R(3), 0x01D01D01u);
    EXPECT_EQ(R(6), 0x0E30E30Eu);
    EXPECT_EQ(R(7), 0x01D01D01u);
    EXPECT_GE(Stats()["tlb_flushes"], 2u);
}

// TTBCR.N = 1: VA >= 0x80000000 uses TTBR1 (kL1b), below uses TTBR0 (8 KiB table).
TEST_F(Mmu, TtbcrSplit)
{
    L1(0x000, Sect(0, 3));
    L1(0x100, Sect(0x00000000u, 3));       // TTBR0: VA 0x10000000 -> PA 0
    L1(0x900, Sect(0x00000000u, 3), kL1b); // TTBR1: VA 0x90000000 -> PA 0
    L1(0x100, Sect(0, 0), kL1b);           // would fault if TTBR1 were used for low VAs
    L1(0x900, Sect(0, 0));                 // index 0x900 is outside TTBR0's 2048-entry table
    Write32(kData, 0x7E570001u);
    SetR(9, 1);
    Code(R"(
        ldr r0, =0x44000
        mcr p15, 0, r0, c2, c0, 1     @ TTBR1
    )" + std::string(kMmuOn) + R"(
        ldr r1, =0x10020000
        ldr r2, [r1]
        ldr r1, =0x90020000
        ldr r3, [r1]
    )");
    RunToEnd();
    EXPECT_EQ(R(2), 0x7E570001u);
    EXPECT_EQ(R(3), 0x7E570001u);
}

TEST_F(MmuFault, TtbcrPd1)
{
    SetR(9, 1 | (1u << 5)); // N = 1, PD1
    Expect("ldr r1, =0x90000000\nldr r2, [r1]", ARM_EXC_DABT, 0x005, 0x90000000u);
}

// Code runs from a remapped page: fetches translate (VA 0x20001000 -> PA kCode page).
TEST_F(Mmu, FetchThroughMapping)
{
    L1(0x200, PageTable(kL2, 0));
    L2(kL2, 1, Small(0x00001000u, 3)); // VA 0x20001000 -> PA 0x1000 (kCode page)
    Code(std::string(kMmuOn) + R"(
        adr r1, here
        add r1, r1, #0x20000000
        bx r1
    here:
        mov r2, pc
        adr r1, back                  @ PC-relative: VA 0x2000xxxx
        sub r1, r1, #0x20000000
        bx r1
    back:
        mov r3, #5
    )");
    RunToEnd();
    EXPECT_EQ(R(2) & 0xFFFFF000u, 0x20001000u);
    EXPECT_EQ(R(3), 5u);
}


// ATS1CPR / ATS1CUW with the MMU on: PAR holds the PA or the fault status.
TEST_F(Mmu, AddressTranslationOps)
{
    L1(0x300, PageTable(kL2, 0));
    L2(kL2, 6, Small(0x00024000u, 2)); // PL1 RW, PL0 RO
    Code(std::string(kMmuOn) + R"(
        ldr r1, =0x30006123
        mcr p15, 0, r1, c7, c8, 0     @ ATS1CPR
        isb
        mrc p15, 0, r2, c7, c4, 0
        mcr p15, 0, r1, c7, c8, 3     @ ATS1CUW: PL0 write -> permission fault
        isb
        mrc p15, 0, r3, c7, c4, 0
        ldr r1, =0x70000000
        mcr p15, 0, r1, c7, c8, 0     @ translation fault L1
        isb
        mrc p15, 0, r4, c7, c4, 0
    )");
    RunToEnd();
    EXPECT_EQ(R(2), 0x00024000u);
    EXPECT_EQ(R(3), 1u | (0xFu << 1));
    EXPECT_EQ(R(4), 1u | (0x5u << 1));
}


// Same loop as A32.SpeedMeasurement with the MMU on (identity section):
// every fetch and data access goes through the TLB. Prints MIPS.
TEST_F(Mmu, SpeedMeasurementMmuOn)
{
    Code(std::string(kMmuOn) + R"(
        ldr r1, =1000000
        mov r0, #0
        ldr r4, =0x20000
    1:  add r0, r0, r1
        eor r2, r0, r1, lsl #3
        ldr r3, [r4, #4]
        str r2, [r4, #8]
        add r3, r3, r2
        orr r5, r3, r0
        subs r1, r1, #1
        bne 1b
    )");
    std::clock_t cpu0 = std::clock();
    uint64_t i0 = arm_cpu_instructions(cpu_);
    RunToEnd(1ull << 40);
    double cs = (double)(std::clock() - cpu0) / CLOCKS_PER_SEC;
    uint64_t n = arm_cpu_instructions(cpu_) - i0;
    auto st = Stats();
    // 10 translations per iteration (8 fetches, a load, a store): all but
    // the first of each page and kind come from the host-pointer cache
    EXPECT_GT(st["tlb_fast_hits"], 9u * 1000000u);
    EXPECT_LT(st["tlb_hits"], 100u);
    EXPECT_LT(st["tlb_misses"], 10u);
    std::printf("[ speed    ] MMU on: %llu instructions, %.3f s CPU (%.1f MIPS)\n",
                (unsigned long long)n, cs, cs > 0 ? n / cs / 1e6 : 0.0);
}

} // namespace
