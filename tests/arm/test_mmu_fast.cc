// test_mmu_fast.cc - the MMU host-pointer cache in front of the TLB
// (models/arm/src/mem.c, arm_fast_* in arm_internal.h). Each test first
// lets the cache fill (an access that succeeds), then changes what the
// architecture says the next access must see, and checks that the cache
// hides nothing: a permission change takes effect exactly when the TLB
// entry goes (TLBIMVA), a DACR write at once, a user/privileged mode
// change at once, a stale mapping stays until TLB maintenance exactly as
// the TLB keeps it (also across cache flushes by TTBR0/DACR writes), a TLB
// replacement drops the page, alignment checks still apply, execute-never
// applies to fetches, and MMIO pages always reach the bus.
//
// Memory as in test_mmu.cc: RAM 1 MiB at 0, L1 table at kL1, L2 tables at
// kL2; VA 0x00000000-0x000FFFFF is identity mapped (section, domain 0,
// full access) so code, literals and tables stay reachable with the MMU on.
#include "test_mmu_fixture.h"

#include <map>
#include <string>

namespace {

using namespace a32test;

class MmuFast : public MmuFixture {
protected:
    // Run `body` after the MMU prologue and expect the abort `exc` with the
    // given status and address (read with arm_cpu_get_fault_regs).
    void ExpectAbort(const std::string &body, arm_exception exc, uint32_t fsr, uint32_t far)
    {
        Code(std::string(kMmuOn) + body);
        Run();
        ASSERT_EQ(exc_, static_cast<int>(exc)) << "expected abort not taken";
        uint32_t dfar, dfsr, ifar, ifsr;
        arm_cpu_get_fault_regs(cpu_, &dfar, &dfsr, &ifar, &ifsr);
        if (exc == ARM_EXC_DABT) {
            EXPECT_EQ(dfsr, fsr) << std::hex << "DFSR 0x" << dfsr;
            EXPECT_EQ(dfar, far) << std::hex << "DFAR 0x" << dfar;
        } else {
            EXPECT_EQ(ifsr, fsr) << std::hex << "IFSR 0x" << ifsr;
            EXPECT_EQ(ifar, far) << std::hex << "IFAR 0x" << ifar;
        }
    }
};

// Address of L1 entry idx / L2 entry idx as an assembler constant.
std::string L1Addr(unsigned idx) { return std::to_string(kL1 + 4 * idx); }
std::string L2Addr(uint32_t table, unsigned idx) { return std::to_string(table + 4 * idx); }
std::string Num(uint32_t v) { return std::to_string(v); }

TEST_F(MmuFast, PermissionChangeSeenOnlyAfterTlbimva)
{
    L1(0x300, Sect(0, 3)); // VA 0x300xxxxx -> PA 0x000xxxxx, read/write at PL0 and PL1
    ExpectAbort(R"(
        ldr r1, =0x30020000
        ldr r2, =0x12345678
        str r2, [r1]            @ fills the write entry
        ldr r3, [r1]            @ fills the read entry
        ldr r5, =)" + L1Addr(0x300) + R"(
        ldr r6, =)" + Num(Sect(0, 7)) + R"(   @ read-only everywhere
        str r6, [r5]
        dsb
        str r2, [r1, #4]        @ stale TLB entry: still writable (as on hardware)
        mcr p15, 0, r1, c8, c7, 1   @ TLBIMVA, ASID 0
        dsb
        isb
        ldr r7, [r1]            @ reads are allowed by AP = 111
        str r2, [r1, #8]        @ permission fault
    )", ARM_EXC_DABT, 0x80Du, 0x30020008u);
    EXPECT_EQ(R(3), 0x12345678u);
    EXPECT_EQ(R(7), 0x12345678u);
    EXPECT_EQ(Read32(0x20004), 0x12345678u);
    EXPECT_EQ(Read32(0x20008), 0u);
}

TEST_F(MmuFast, DacrWriteTakesEffectAtOnce)
{
    L1(0x300, Sect(0, 3, 1)); // domain 1
    ExpectAbort(R"(
        ldr r1, =0x30020000
        ldr r3, [r1]            @ fills the read entry
        str r3, [r1, #4]        @ fills the write entry
        ldr r0, =0x55555551     @ domain 1: no access
        mcr p15, 0, r0, c3, c0, 0
        isb
        ldr r4, [r1, #8]        @ domain fault
    )", ARM_EXC_DABT, 0x019u, 0x30020008u);
}

TEST_F(MmuFast, ManagerToClientDacrAppliesAp)
{
    // domain 2 manager: AP 000 (no access) ignored; then client: AP applies
    L1(0x300, Sect(0, 0, 2));
    SetR(10, 0x55555555u | (3u << 4));
    ExpectAbort(R"(
        ldr r1, =0x30020000
        ldr r3, [r1]
        ldr r0, =0x55555555
        mcr p15, 0, r0, c3, c0, 0
        isb
        ldr r4, [r1]            @ permission fault (AP = 000), domain 2
    )", ARM_EXC_DABT, 0x02Du, 0x30020000u);
}

TEST_F(MmuFast, UserModeDoesNotUsePrivilegedEntries)
{
    L1(0x300, Sect(0, 1)); // AP 001: PL1 read/write, PL0 no access
    ExpectAbort(R"(
        ldr r1, =0x30020000
        ldr r3, [r1]            @ PL1: allowed, fills the PL1 read entry
        str r3, [r1, #4]
        cps #0x10               @ to User mode
        ldr r4, [r1]            @ PL0: permission fault
    )", ARM_EXC_DABT, 0x00Du, 0x30020000u);
    EXPECT_EQ(CPSR() & ARM_MODE_MASK, ARM_MODE_USR);
}

TEST_F(MmuFast, UnprivilegedLoadFromPl1UsesPl0Permissions)
{
    L1(0x300, Sect(0, 1));
    ExpectAbort(R"(
        ldr r1, =0x30020000
        ldr r3, [r1]            @ fills the PL1 read entry
        ldrt r4, [r1]           @ LDRT: PL0 check -> permission fault
    )", ARM_EXC_DABT, 0x00Du, 0x30020000u);
}

TEST_F(MmuFast, ReturnToPrivilegedKeepsWorking)
{
    // AP 010: PL1 read/write, PL0 read-only. USR read fills the PL0 read
    // entry; a USR write must fault; an SVC (via SVC exception) write works.
    L1(0x300, Sect(0, 2));
    hook_stops_ = false;
    Code(std::string(kMmuOn) + R"(
        b start
        .balign 32, 0
    vec:
        b .                     @ reset
        b .                     @ undef
        b svc                   @ svc
        b .                     @ pabt
        b dabt                  @ dabt
    start:
        ldr r0, =vec
        mcr p15, 0, r0, c12, c0, 0
        ldr r1, =0x30020000
        ldr r2, =0xA5A5A5A5
        str r2, [r1]            @ SVC write: fills the PL1 write entry
        cps #0x10
        ldr r3, [r1]            @ USR read ok
        str r3, [r1, #4]        @ USR write: abort -> dabt handler sets r8
        svc #0                  @ to SVC: the handler writes [r1, #8]
        b done
    dabt:
        mov r8, #1
        subs pc, lr, #4         @ skip the faulting store
    svc:
        str r2, [r1, #8]
        mov r9, #1
        movs pc, lr
    done:
    )");
    RunToEnd();
    EXPECT_EQ(R(3), 0xA5A5A5A5u);
    EXPECT_EQ(R(8), 1u);
    EXPECT_EQ(R(9), 1u);
    EXPECT_EQ(Read32(0x20004), 0u);
    EXPECT_EQ(Read32(0x20008), 0xA5A5A5A5u);
    uint32_t dfar, dfsr;
    arm_cpu_get_fault_regs(cpu_, &dfar, &dfsr, nullptr, nullptr);
    EXPECT_EQ(dfsr, 0x80Du);
    EXPECT_EQ(dfar, 0x30020004u);
}

TEST_F(MmuFast, StaleMappingKeptExactlyAsTheTlbKeepsIt)
{
    L1(0x300, PageTable(kL2, 0));
    L2(kL2, 0x20, Small(0x21000, 3)); // VA 0x30020000 -> PA 0x21000
    Write32(0x21000, 0x11111111u);
    Write32(0x22000, 0x22222222u);
    Code(std::string(kMmuOn) + R"(
        ldr r1, =0x30020000
        ldr r2, [r1]            @ 0x11111111 (walk, fill)
        ldr r5, =)" + L2Addr(kL2, 0x20) + R"(
        ldr r6, =)" + Num(Small(0x22000, 3)) + R"(
        str r6, [r5]            @ remap to PA 0x22000, no TLB maintenance
        dsb
        ldr r3, [r1]            @ stale: 0x11111111
        ldr r0, =0x40000
        mcr p15, 0, r0, c2, c0, 0   @ TTBR0 rewritten: the TLB keeps its entries
        mcr p15, 0, r10, c3, c0, 0  @ DACR rewritten
        isb
        ldr r4, [r1]            @ still stale (from the TLB): 0x11111111
        mcr p15, 0, r1, c8, c7, 1   @ TLBIMVA
        dsb
        isb
        ldr r7, [r1]            @ new mapping: 0x22222222
    )");
    RunToEnd();
    EXPECT_EQ(R(2), 0x11111111u);
    EXPECT_EQ(R(3), 0x11111111u);
    EXPECT_EQ(R(4), 0x11111111u);
    EXPECT_EQ(R(7), 0x22222222u);
}

TEST_F(MmuFast, TlbReplacementDropsTheCachedPage)
{
    // Three pages in one TLB set (VA[17:12] = 0x20; 2 ways), in three
    // different host-pointer cache slots (VA[19:12] = 0x20, 0x60, 0xA0).
    L1(0x300, PageTable(kL2, 0));
    L2(kL2, 0x20, Small(0x21000, 3));
    L2(kL2, 0x60, Small(0x23000, 3));
    L2(kL2, 0xA0, Small(0x24000, 3));
    Write32(0x21000, 0x11111111u);
    Write32(0x22000, 0x22222222u);
    Code(std::string(kMmuOn) + R"(
        ldr r1, =0x30020000
        ldr r2, [r1]            @ TLB way 0, cached
        ldr r5, =)" + L2Addr(kL2, 0x20) + R"(
        ldr r6, =)" + Num(Small(0x22000, 3)) + R"(
        str r6, [r5]            @ remap, no maintenance
        ldr r3, [r1]            @ stale: 0x11111111 (the TLB still holds it)
        ldr r0, =0x30060000
        ldr r0, [r0]            @ way 1
        ldr r0, =0x300A0000
        ldr r0, [r0]            @ replaces way 0 (round robin): 0x30020000 leaves the TLB
        ldr r4, [r1]            @ walked again: 0x22222222
    )");
    RunToEnd();
    EXPECT_EQ(R(2), 0x11111111u);
    EXPECT_EQ(R(3), 0x11111111u);
    EXPECT_EQ(R(4), 0x22222222u);
}

TEST_F(MmuFast, TlbiasidAndTlbiallDropEntries)
{
    // non-global small page for ASID 5; remap, then TLBIASID 5 must expose
    // the new mapping; then remap again, TLBIALL must expose it too
    L1(0x300, PageTable(kL2, 0));
    L2(kL2, 0x20, Small(0x21000, 3) | (1u << 11)); // nG
    Write32(0x21000, 0x11111111u);
    Write32(0x22000, 0x22222222u);
    Write32(0x23000, 0x33333333u);
    Code(std::string(kMmuOn) + R"(
        mov r0, #5
        mcr p15, 0, r0, c13, c0, 1  @ CONTEXTIDR: ASID 5
        isb
        ldr r1, =0x30020000
        ldr r2, [r1]
        ldr r5, =)" + L2Addr(kL2, 0x20) + R"(
        ldr r6, =)" + Num(Small(0x22000, 3) | (1u << 11)) + R"(
        str r6, [r5]
        ldr r3, [r1]                @ stale
        mov r0, #5
        mcr p15, 0, r0, c8, c7, 2   @ TLBIASID 5
        isb
        ldr r4, [r1]                @ new: 0x22222222
        ldr r6, =)" + Num(Small(0x23000, 3) | (1u << 11)) + R"(
        str r6, [r5]
        ldr r7, [r1]                @ stale again
        mcr p15, 0, r0, c8, c7, 0   @ TLBIALL
        isb
        ldr r8, [r1]                @ 0x33333333
    )");
    RunToEnd();
    EXPECT_EQ(R(2), 0x11111111u);
    EXPECT_EQ(R(3), 0x11111111u);
    EXPECT_EQ(R(4), 0x22222222u);
    EXPECT_EQ(R(7), 0x22222222u);
    EXPECT_EQ(R(8), 0x33333333u);
}

TEST_F(MmuFast, ContextidrSwitchSelectsTheAsidsEntry)
{
    // VA 0x30020000 non-global: ASID 1 -> PA 0x21000, ASID 2 -> PA 0x22000
    // (the table is changed between the two walks; both entries then live
    // in the TLB and CONTEXTIDR alone selects one).
    L1(0x300, PageTable(kL2, 0));
    L2(kL2, 0x20, Small(0x21000, 3) | (1u << 11));
    Write32(0x21000, 0x11111111u);
    Write32(0x22000, 0x22222222u);
    Code(std::string(kMmuOn) + R"(
        ldr r1, =0x30020000
        mov r0, #1
        mcr p15, 0, r0, c13, c0, 1
        isb
        ldr r2, [r1]                @ ASID 1: 0x11111111
        ldr r5, =)" + L2Addr(kL2, 0x20) + R"(
        ldr r6, =)" + Num(Small(0x22000, 3) | (1u << 11)) + R"(
        str r6, [r5]
        mov r0, #2
        mcr p15, 0, r0, c13, c0, 1
        isb
        ldr r3, [r1]                @ ASID 2: walk, 0x22222222
        mov r0, #1
        mcr p15, 0, r0, c13, c0, 1
        isb
        ldr r4, [r1]                @ ASID 1 again: its TLB entry, 0x11111111
    )");
    RunToEnd();
    EXPECT_EQ(R(2), 0x11111111u);
    EXPECT_EQ(R(3), 0x22222222u);
    EXPECT_EQ(R(4), 0x11111111u);
}

TEST_F(MmuFast, AlignmentCheckNotHidden)
{
    L1(0x300, Sect(0, 3));
    SetR(11, 2); // SCTLR.A
    ExpectAbort(R"(
        ldr r1, =0x30020000
        ldr r2, [r1]            @ fills
        ldr r3, [r1, #2]        @ unaligned with SCTLR.A = 1: alignment fault
    )", ARM_EXC_DABT, 0x001u, 0x30020002u);
}

TEST_F(MmuFast, UnalignedAccessIntoAFaultingPageFaults)
{
    // 0x30020FFE..0x30021001 crosses into an unmapped page
    L1(0x300, PageTable(kL2, 0));
    L2(kL2, 0x20, Small(0x21000, 3));
    ExpectAbort(R"(
        ldr r1, =0x30020FFC
        ldr r2, [r1]            @ fills the page
        ldr r3, [r1, #2]        @ second half in page 0x30021000: translation fault
    )", ARM_EXC_DABT, 0x007u, 0x30021000u);
}

TEST_F(MmuFast, ExecuteNeverAfterTlbimva)
{
    // VA 0x30000000 -> PA 0 executable; a subroutine at VA 0x30000000 +
    // its PA is called, then XN is set and the TLB entry invalidated.
    L1(0x300, Sect(0, 3));
    Code(std::string(kMmuOn) + R"(
        ldr r4, =sub
        add r4, r4, #0x30000000
        blx r4                  @ fetches through VA 0x300xxxxx (fills the fetch entry)
        blx r4
        ldr r5, =)" + L1Addr(0x300) + R"(
        ldr r6, =)" + Num(Sect(0, 3, 0, true)) + R"(
        str r6, [r5]
        mov r0, r4
        bic r0, r0, #0xFF0
        bic r0, r0, #0xF
        mcr p15, 0, r0, c8, c7, 1   @ TLBIMVA
        dsb
        isb
        blx r4                  @ prefetch abort (XN)
        b done
    sub:
        add r9, r9, #1
        bx lr
    done:
    )");
    SetR(9, 0);
    Run();
    ASSERT_EQ(exc_, (int)ARM_EXC_PABT);
    EXPECT_EQ(R(9), 2u);
    uint32_t ifar, ifsr;
    arm_cpu_get_fault_regs(cpu_, nullptr, nullptr, &ifar, &ifsr);
    EXPECT_EQ(ifsr, 0x00Du);
    EXPECT_EQ(ifar, exc_pc_);
    EXPECT_EQ(ifar & 0xFFF00000u, 0x30000000u);
}

TEST_F(MmuFast, MmioPagesAlwaysReachTheBus)
{
    L1(0x500, Sect(0x40000000u, 3)); // VA 0x500xxxxx -> the MMIO window
    Code(std::string(kMmuOn) + R"(
        ldr r1, =0x50000010
        mov r2, #1
        str r2, [r1]
        mov r2, #2
        str r2, [r1]
        mov r2, #3
        str r2, [r1]
        ldr r3, [r1]
        ldr r4, [r1]
    )");
    auto before = Stats();
    RunToEnd();
    auto after = Stats();
    ASSERT_EQ(mmio_writes_.size(), 3u);
    EXPECT_EQ(mmio_writes_[2].first, 0x40000010u);
    EXPECT_EQ(mmio_writes_[2].second, 3u);
    EXPECT_EQ(R(3), mmio_read_value_);
    EXPECT_GE(after["slow_path_accesses"] - before["slow_path_accesses"], 5u);
    // every one of the five data accesses was translated by the TLB itself
    EXPECT_GE(after["tlb_hits"] - before["tlb_hits"] + after["tlb_misses"] - before["tlb_misses"],
              5u);
}

TEST_F(MmuFast, ReadOnlyRamWritesNeverCached)
{
    // a ROM region at 0x00100000 (4 KiB) mapped at VA 0x30100000: reads come
    // from the cache, writes are external aborts every time
    std::vector<uint8_t> rom(4096, 0);
    rom[0] = 0x5A;
    ASSERT_EQ(arm_cpu_add_ram(cpu_, 0x00100000u, 4096, rom.data(), 1), 0);
    L1(0x301, Sect(0x00100000u, 3));
    ExpectAbort(R"(
        ldr r1, =0x30100000
        ldrb r2, [r1]
        ldrb r3, [r1]
        strb r2, [r1, #1]       @ ROM: synchronous external abort
    )", ARM_EXC_DABT, 0x1808u, 0x30100001u);
    EXPECT_EQ(R(2), 0x5Au);
    EXPECT_EQ(R(3), 0x5Au);
    EXPECT_EQ(rom[1], 0u);
}

TEST_F(MmuFast, FastHitsCountedSeparately)
{
    L1(0x300, Sect(0, 3));
    Code(std::string(kMmuOn) + R"(
        ldr r1, =0x30020000
        mov r4, #100
    1:  ldr r2, [r1]
        str r2, [r1, #4]
        subs r4, r4, #1
        bne 1b
    )");
    RunToEnd();
    auto s = Stats();
    // 200 data accesses and 400 fetches in the loop: nearly all fast hits
    EXPECT_GE(s["tlb_fast_hits"], 590u);
    EXPECT_LT(s["tlb_hits"] + s["tlb_misses"], 60u);
    EXPECT_GE(s["tlb_misses"], 2u);
}

TEST_F(MmuFast, ProbeMatchesTheVirtualAddress)
{
    // code at PA 0x1xxx also runs at VA 0x3000_1xxx; a probe at the VA of
    // `sub` fires only for the call through that VA
    L1(0x300, Sect(0, 3));
    std::vector<uint32_t> hits;
    arm_cpu_set_probe_hook(cpu_, [](void *o, arm_cpu *, unsigned, uint32_t pc) {
        static_cast<std::vector<uint32_t> *>(o)->push_back(pc);
        return ARM_HOOK_CONTINUE;
    }, &hits);
    Code(std::string(kMmuOn) + R"(
        ldr r4, =sub
        blx r4                  @ through the identity map: no probe
        add r4, r4, #0x30000000
        blx r4                  @ through VA 0x3000xxxx: probe
        b done
    sub:
        add r9, r9, #1
        bx lr
    done:
    )");
    // find `sub`: the word after the B (the only "add r9, r9, #1")
    uint32_t sub = 0;
    for (uint32_t a = kCode; a < code_end_; a += 4)
        if (Read32(a) == 0xE2899001u) sub = a;
    ASSERT_NE(sub, 0u);
    ASSERT_EQ(arm_cpu_add_probe(cpu_, 0x30000000u + sub, 1), 0);
    SetR(9, 0);
    RunToEnd();
    EXPECT_EQ(R(9), 2u);
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0], 0x30000000u + sub);
}

} // namespace
