/*
 * tlb.c - TLB maintenance: a translation changed in memory without TLB
 * maintenance keeps being used until the entry is invalidated.
 *
 * Architecture (ARM ARM B3.10, "Translation Lookaside Buffers" and "TLB
 * maintenance requirements"): a TLB may hold any valid translation it has
 * walked until it is invalidated, translations are tagged with the ASID
 * (CONTEXTIDR[7:0]) unless global (nG = 0), and only TLB maintenance
 * removes them: TLBIMVA (one VA, one ASID, plus global entries), TLBIASID
 * (the non-global entries of one ASID), TLBIMVAA (one VA, every ASID),
 * TLBIALL. Writes to the tables, to TTBR0 or to CONTEXTIDR invalidate
 * nothing; DACR is not cached (domain checks use the current DACR).
 * Whether a stale entry is still present is IMPLEMENTATION DEFINED; on
 * the Cortex-A9 the 128-entry 2-way main TLB (ZYNQ_ARM_FACTS 4.1) keeps
 * it here, since no other page the program touches falls in the TLB sets
 * of the test pages (see VA_PAGE). What every
 * implementation must do is the value after each invalidation.
 *
 * QEMU 7.2 flushes its whole TLB when CONTEXTIDR changes, so the ASID
 * cases differ there: this program's golden file is written from the
 * architecture and the A9 behaviour above (tests/system/README.md).
 *
 * Virtual memory: identity DDR (global sections, domain 0); VA 0x40000000:
 * second-level table in domain 1 (client), test pages 0-7 at 0x40030000 +
 * n * 0x1000. Physical pages: A 0x00800000
 * (words 0xAAAA0000 + offset), B 0x00801000 (0xBBBB0000 + offset), code
 * "mov r0, #1; bx lr" at 0x00802000 and "mov r0, #2; bx lr" at 0x00803000.
 */
#include "rt/probe.h"
#include "rt/sysmmu.h"

static uint32_t l1[4096] __attribute__((aligned(16384)));
static uint32_t l1_alt[4096] __attribute__((aligned(16384)));
static uint32_t l2[256] __attribute__((aligned(1024)));

#define PA_A 0x00800000u
#define PA_B 0x00801000u
#define PA_CODE1 0x00802000u
#define PA_CODE2 0x00803000u
#define VA 0x40000000u
/* Test pages at VA[17:12] = 0x30..0x37: no other page the program touches
 * (its image, stacks and tables lie in 0x00100000-0x0012FFFF) shares their
 * TLB sets, so a 2-way TLB indexed by VA[17:12] keeps their entries. */
#define VA_PAGE(n) (VA + 0x30000u + (n)*0x1000u)
#define DACR_CLIENT 0x5u /* domains 0 and 1 client */

int test_trap(unsigned kind, struct sys_frame *f) { return probe_trap(kind, f); }

/* Test page `page` (0-7) -> pa. */
static void map(unsigned page, uint32_t pa, unsigned ap, unsigned ng)
{
    l2[0x30 + page] = sys_mmu_small(pa, ap, 0, ng);
    sys_dsb(); /* the descriptor is in memory; no TLB maintenance */
}

static void set_asid(uint32_t asid)
{
    SYS_MCR(0, c13, c0, 1, asid); /* CONTEXTIDR */
    sys_isb();
}

static void tlbi(unsigned crm_op, uint32_t value)
{
    sys_dsb();
    switch (crm_op) {
    case 1:
        SYS_MCR(0, c8, c7, 1, value); /* TLBIMVA */
        break;
    case 2:
        SYS_MCR(0, c8, c7, 2, value); /* TLBIASID */
        break;
    case 3:
        SYS_MCR(0, c8, c7, 3, value); /* TLBIMVAA */
        break;
    default:
        SYS_MCR(0, c8, c7, 0, 0); /* TLBIALL */
        break;
    }
    sys_dsb();
    sys_isb();
}

static void rd(const char *what, uint32_t va, uint32_t expected)
{
    probe_start();
    probe_expect_ok(what, probe_rd(va), expected);
}

int main(void)
{
    sys_section("tlb: stale entries until TLB maintenance");
    sys_mmu_identity(l1);
    sys_mmu_identity(l1_alt);
    l1[VA >> 20] = sys_mmu_table(l2, 1);
    for (uint32_t i = 0; i < 1024; i++) {
        ((volatile uint32_t *)PA_A)[i] = 0xAAAA0000u + i * 4;
        ((volatile uint32_t *)PA_B)[i] = 0xBBBB0000u + i * 4;
    }
    static const uint32_t code1[2] = {0xE3A00001u, 0xE12FFF1Eu};
    static const uint32_t code2[2] = {0xE3A00002u, 0xE12FFF1Eu};
    sys_memcpy((void *)PA_CODE1, code1, sizeof code1);
    sys_memcpy((void *)PA_CODE2, code2, sizeof code2);
    sys_sync_code(PA_CODE1, 0x2000);
    for (unsigned p = 0; p < 8; p++)
        map(p, PA_A, 3, 0);
    sys_mmu_enable(l1, DACR_CLIENT);
    set_asid(1);

    sys_section("remap a global page");
    rd("page 0 -> A", VA_PAGE(0) + 0x10, 0xAAAA0010u);
    map(0, PA_B, 3, 0);
    rd("page 0 remapped to B, no maintenance: still A", VA_PAGE(0) + 0x10, 0xAAAA0010u);
    tlbi(1, VA_PAGE(0) + 0x123); /* MVA bits [11:0]: ASID 0x23, ignored for global */
    rd("after TLBIMVA: B", VA_PAGE(0) + 0x10, 0xBBBB0010u);

    sys_section("a page that became a fault");
    rd("page 3 -> A", VA_PAGE(3) + 0x20, 0xAAAA0020u);
    l2[0x30 + 3] = 0;
    sys_dsb();
    rd("descriptor cleared, no maintenance: still A", VA_PAGE(3) + 0x20, 0xAAAA0020u);
    tlbi(1, VA_PAGE(3) | 1);
    probe_start();
    probe_rd(VA_PAGE(3) + 0x20);
    probe_expect_dabt("after TLBIMVA: translation fault", SYS_MODE_SVC, 0x017, VA_PAGE(3) + 0x20);

    sys_section("permissions are cached, DACR is not");
    probe_start();
    probe_wr(VA_PAGE(4) + 0x30, 0x44440030u);
    probe_expect_ok("page 4 AP 011: PL1 write", probe_rd(VA_PAGE(4) + 0x30), 0x44440030u);
    map(4, PA_A, 5, 0); /* AP 101: PL1 read-only */
    probe_start();
    probe_wr(VA_PAGE(4) + 0x30, 0x44440031u);
    probe_expect_ok("AP 101 in memory, no maintenance: write still allowed",
                    probe_rd(VA_PAGE(4) + 0x30), 0x44440031u);
    tlbi(0, 0);
    probe_start();
    probe_wr(VA_PAGE(4) + 0x30, 0x44440032u);
    probe_expect_dabt("after TLBIALL: permission fault", SYS_MODE_SVC, 0x81F, VA_PAGE(4) + 0x30);
    rd("page 4 read", VA_PAGE(4) + 0x30, 0x44440031u);
    SYS_MCR(0, c3, c0, 0, 0x1u); /* domain 1: no access */
    sys_isb();
    probe_start();
    probe_rd(VA_PAGE(4) + 0x30);
    probe_expect_dabt("DACR domain 1 no access (entry cached): domain fault", SYS_MODE_SVC, 0x01B,
                      VA_PAGE(4) + 0x30);
    SYS_MCR(0, c3, c0, 0, DACR_CLIENT);
    sys_isb();
    rd("DACR client again", VA_PAGE(4) + 0x30, 0x44440031u);

    sys_section("instruction fetches");
    map(5, PA_CODE1, 3, 0);
    tlbi(1, VA_PAGE(5));
    probe_start();
    probe_expect_ok("call page 5 -> code 1", probe_call(VA_PAGE(5)), 1);
    map(5, PA_CODE2, 3, 0);
    sys_sync_code(PA_CODE2, 8);
    probe_start();
    probe_expect_ok("page 5 remapped to code 2, no TLB maintenance: code 1", probe_call(VA_PAGE(5)),
                    1);
    tlbi(1, VA_PAGE(5));
    sys_sync_code(VA_PAGE(5), 8);
    probe_start();
    probe_expect_ok("after TLBIMVA: code 2", probe_call(VA_PAGE(5)), 2);

    sys_section("TTBR0 switch without maintenance");
    rd("page 6 -> A (ASID 1)", VA_PAGE(6) + 0x40, 0xAAAA0040u);
    SYS_MCR(0, c2, c0, 0, (uint32_t)l1_alt); /* 0x400 is a fault there */
    sys_isb();
    rd("TTBR0 = table without 0x400: cached page 6 still A", VA_PAGE(6) + 0x40, 0xAAAA0040u);
    tlbi(1, VA_PAGE(6) | 1);
    probe_start();
    probe_rd(VA_PAGE(6) + 0x40);
    probe_expect_dabt("after TLBIMVA: translation fault (section)", SYS_MODE_SVC, 0x005,
                      VA_PAGE(6) + 0x40);
    SYS_MCR(0, c2, c0, 0, (uint32_t)l1);
    tlbi(0, 0);

    sys_section("ASIDs: non-global page 1");
    map(1, PA_A, 3, 1);
    rd("ASID 1: page 1 -> A", VA_PAGE(1) + 0x50, 0xAAAA0050u);
    map(1, PA_B, 3, 1);
    rd("remapped to B, no maintenance: ASID 1 still A", VA_PAGE(1) + 0x50, 0xAAAA0050u);
    set_asid(2);
    rd("ASID 2: walks, B", VA_PAGE(1) + 0x50, 0xBBBB0050u);
    set_asid(1);
    rd("ASID 1 again: its entry is still there, A", VA_PAGE(1) + 0x50, 0xAAAA0050u);
    tlbi(1, VA_PAGE(1) | 2);
    rd("TLBIMVA for ASID 2: ASID 1 still A", VA_PAGE(1) + 0x50, 0xAAAA0050u);
    tlbi(2, 1);
    rd("TLBIASID 1: B", VA_PAGE(1) + 0x50, 0xBBBB0050u);

    sys_section("ASIDs: global page 2");
    rd("ASID 1: page 2 (global) -> A", VA_PAGE(2) + 0x60, 0xAAAA0060u);
    map(2, PA_B, 3, 0);
    set_asid(2);
    rd("remapped to B; ASID 2: the global entry matches, A", VA_PAGE(2) + 0x60, 0xAAAA0060u);
    tlbi(2, 2);
    rd("TLBIASID 2 leaves global entries: A", VA_PAGE(2) + 0x60, 0xAAAA0060u);
    tlbi(3, VA_PAGE(2));
    rd("TLBIMVAA: B", VA_PAGE(2) + 0x60, 0xBBBB0060u);

    sys_section("TLBIALL");
    rd("page 7 -> A", VA_PAGE(7) + 0x70, 0xAAAA0070u);
    map(7, PA_B, 3, 1);
    rd("remapped to B: still A", VA_PAGE(7) + 0x70, 0xAAAA0070u);
    tlbi(0, 0);
    rd("after TLBIALL: B", VA_PAGE(7) + 0x70, 0xBBBB0070u);
    set_asid(0);
    sys_finish();
}
