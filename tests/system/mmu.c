/*
 * mmu.c - MMU on with two-level short-descriptor tables: translation by
 * section, small and large page; translation, domain, permission,
 * access-flag and alignment faults with their DFSR/DFAR (WnR included);
 * prefetch aborts (XN, translation, domain, permission) with IFSR/IFAR;
 * address translation operations (PAR). ARM ARM B3 (VMSAv7), fault codes
 * B3.13.3 / ZYNQ_ARM_FACTS 3.5.
 *
 * Virtual memory (first-level index = VA[31:20]):
 *   0x000-0x07F  identity, DDR, domain 0 client, AP 011
 *   0x400        section -> PA 0x00800000, domain 1, AP 001 (PL1 RW, PL0 none)
 *   0x401        second-level table, domain 2 (client):
 *                  page 0 -> 0x00900000 AP 011    page 1 -> 0x00901000 AP 010
 *                  page 2 fault                    page 3 -> 0x00903000 AP 101
 *                  page 4 -> 0x00904000 AP 011 XN  page 5 -> 0x00904000 AP 011
 *                  page 6 -> 0x00906000 AP 010 (AF = 0 under SCTLR.AFE)
 *                  pages 16-31: large page -> 0x00910000 AP 011
 *   0x402        fault
 *   0x403        section, domain 3 (DACR: no access)
 *   0x404        second-level table, domain 4 (no access): page 0 valid
 *   0x405        section, domain 5 (manager), AP 000
 *   0x406        section -> PA 0x00900000, AP 011, XN
 *   0x407        section -> PA 0x00800000, AP 010 (AF = 0 under AFE)
 *   0x410-0x41F  supersection -> PA 0x00000000, AP 001
 * Every check's expected value is the architecture's; the golden output
 * is qemu-system-arm's (tests/system/README.md). The cases where QEMU's
 * order of checks differs from the ARM ARM are in mmu_order.c.
 */
#include "rt/probe.h"
#include "rt/sys.h"
#include "rt/sysmmu.h"

static uint32_t l1[4096] __attribute__((aligned(16384)));
static uint32_t l2_d2[256] __attribute__((aligned(1024)));
static uint32_t l2_d4[256] __attribute__((aligned(1024)));

#define PA_SECT 0x00800000u
#define PA_PAGES 0x00900000u
#define PA_LARGE 0x00910000u
#define VA_SECT 0x40000000u
#define VA_PAGES 0x40100000u
#define VA_L1FAULT 0x40200000u
#define VA_DOM3 0x40300000u
#define VA_DOM4 0x40400000u
#define VA_MANAGER 0x40500000u
#define VA_XNSECT 0x40600000u
#define VA_AFSECT 0x40700000u
#define VA_SUPER 0x41000000u

/* DACR: domains 0-2 client, 3-4 no access, 5 manager. */
#define DACR 0x00000C15u

int test_trap(unsigned kind, struct sys_frame *f) { return probe_trap(kind, f); }

/* Run in User mode by sys_run_user. */
static uint32_t user_rd(uint32_t va) { return probe_rd(va); }
static uint32_t user_wr(uint32_t va)
{
    probe_wr(va, 0x05E2F00Du);
    return 0;
}
static uint32_t user_call(uint32_t va) { return probe_call(va); }

/* ---- set-up ---- */

static void fill(uint32_t pa, uint32_t tag)
{
    for (uint32_t i = 0; i < 1024; i++)
        ((volatile uint32_t *)pa)[i] = tag + i * 4;
}

static void build_tables(void)
{
    sys_mmu_identity(l1);
    l1[VA_SECT >> 20] = sys_mmu_section(PA_SECT, 1, 1, 0, 0);
    l1[VA_PAGES >> 20] = sys_mmu_table(l2_d2, 2);
    l1[VA_DOM3 >> 20] = sys_mmu_section(PA_SECT, 3, 3, 0, 0);
    l1[VA_DOM4 >> 20] = sys_mmu_table(l2_d4, 4);
    l1[VA_MANAGER >> 20] = sys_mmu_section(PA_SECT, 5, 0, 0, 0);
    l1[VA_XNSECT >> 20] = sys_mmu_section(PA_PAGES, 0, 3, 1, 0);
    l1[VA_AFSECT >> 20] = sys_mmu_section(PA_SECT, 0, 2, 0, 0);
    for (uint32_t i = 0; i < 16; i++)
        l1[(VA_SUPER >> 20) + i] = sys_mmu_supersection(0, 1, 0);
    l2_d2[0] = sys_mmu_small(PA_PAGES + 0x0000, 3, 0, 0);
    l2_d2[1] = sys_mmu_small(PA_PAGES + 0x1000, 2, 0, 0);
    l2_d2[2] = 0;
    l2_d2[3] = sys_mmu_small(PA_PAGES + 0x3000, 5, 0, 0);
    l2_d2[4] = sys_mmu_small(PA_PAGES + 0x4000, 3, 1, 0);
    l2_d2[5] = sys_mmu_small(PA_PAGES + 0x4000, 3, 0, 0);
    l2_d2[6] = sys_mmu_small(PA_PAGES + 0x6000, 2, 0, 0);
    for (unsigned i = 16; i < 32; i++)
        l2_d2[i] = sys_mmu_large(PA_LARGE, 3, 0, 0);
    l2_d4[0] = sys_mmu_small(PA_PAGES, 3, 0, 0);

    fill(PA_SECT, 0x5EC70000u);
    for (uint32_t p = 0; p < 16; p++)
        if (p != 4)
            fill(PA_PAGES + p * 0x1000, 0x9A9E0000u + (p << 12));
    for (uint32_t p = 0; p < 16; p++)
        fill(PA_LARGE + p * 0x1000, 0x1A6E0000u + (p << 12));
    /* A32 code "mov r0, #42; bx lr" at PA 0x00904000 (pages 4 and 5,
     * section 0x406) and at 0x00903000 (page 3: PL0 has no access). */
    static const uint32_t code[2] = {0xE3A0002Au, 0xE12FFF1Eu};
    sys_memcpy((void *)(PA_PAGES + 0x4000), code, sizeof code);
    sys_memcpy((void *)(PA_PAGES + 0x3000), code, sizeof code);
    sys_sync_code(PA_PAGES + 0x3000, 0x2000);
}

static void set_sctlr(uint32_t set, uint32_t clear)
{
    SYS_MCR(0, c1, c0, 0, (SYS_MRC(0, c1, c0, 0) | set) & ~clear);
    sys_isb();
}

int main(void)
{
    uint32_t r;
    sys_section("mmu: two-level tables, faults, DFSR/IFSR");
    build_tables();
    sys_mmu_enable(l1, DACR);
    sys_check("SCTLR.M", SYS_MRC(0, c1, c0, 0) & SYS_SCTLR_M, 1);

    sys_section("translation");
    probe_start();
    probe_expect_ok("ldr section 0x40000010", probe_rd(VA_SECT + 0x10), 0x5EC70010u);
    probe_start();
    probe_expect_ok("ldr small page 0x40100020", probe_rd(VA_PAGES + 0x20), 0x9A9E0020u);
    probe_start();
    probe_expect_ok("ldr small page 0x40101ffc", probe_rd(VA_PAGES + 0x1FFC), 0x9A9E1FFCu);
    probe_start();
    probe_expect_ok("ldr large page 0x40113004", probe_rd(VA_PAGES + 0x13004), 0x1A6E3004u);
    probe_start();
    probe_expect_ok("ldr large page 0x4011fff8", probe_rd(VA_PAGES + 0x1FFF8), 0x1A6EFFF8u);
    probe_start();
    probe_wr(VA_PAGES + 0x40, 0x12345678u);
    probe_expect_ok("str page 0x40100040, read at PA 0x00900040",
                    *(volatile uint32_t *)(PA_PAGES + 0x40), 0x12345678u);

    probe_start();
    probe_expect_ok("ldr supersection 0x41800010", probe_rd(VA_SUPER + PA_SECT + 0x10),
                    0x5EC70010u);
    probe_start();
    probe_rdt(VA_SUPER + PA_SECT + 0x10);
    probe_expect_dabt("ldrt supersection 0x41800010 (AP 001, PL0; domain 0)", SYS_MODE_SVC, 0x00D,
                      VA_SUPER + PA_SECT + 0x10);

    sys_section("translation faults");
    probe_start();
    probe_rd(VA_L1FAULT + 0x44);
    probe_expect_dabt("ldr 0x40200044 (first-level fault)", SYS_MODE_SVC, 0x005, 0x40200044u);
    probe_start();
    probe_rd(VA_PAGES + 0x2008);
    probe_expect_dabt("ldr 0x40102008 (second-level fault, domain 2)", SYS_MODE_SVC, 0x027,
                      0x40102008u);
    probe_start();
    probe_wr(VA_PAGES + 0x200C, 1);
    probe_expect_dabt("str 0x4010200c (second-level fault, write)", SYS_MODE_SVC, 0x827,
                      0x4010200Cu);

    sys_section("domain faults");
    probe_start();
    probe_wr(VA_DOM3 + 8, 1);
    probe_expect_dabt("str 0x40300008 (section, domain 3 no access)", SYS_MODE_SVC, 0x839,
                      0x40300008u);
    probe_start();
    probe_rd(VA_DOM4 + 0x10);
    probe_expect_dabt("ldr 0x40400010 (page, domain 4 no access)", SYS_MODE_SVC, 0x04B,
                      0x40400010u);

    sys_section("permission faults");
    probe_start();
    probe_rdt(VA_SECT + 0x10);
    probe_expect_dabt("ldrt 0x40000010 (section AP 001, PL0)", SYS_MODE_SVC, 0x01D, 0x40000010u);
    probe_start();
    probe_wrt(VA_SECT + 0x14, 1);
    probe_expect_dabt("strt 0x40000014 (section AP 001, PL0 write)", SYS_MODE_SVC, 0x81D,
                      0x40000014u);
    probe_start();
    probe_expect_ok("ldrt 0x40101008 (page AP 010, PL0 read)", probe_rdt(VA_PAGES + 0x1008),
                    0x9A9E1008u);
    probe_start();
    probe_wrt(VA_PAGES + 0x1008, 1);
    probe_expect_dabt("strt 0x40101008 (page AP 010, PL0 write)", SYS_MODE_SVC, 0x82F, 0x40101008u);
    probe_start();
    probe_wr(VA_PAGES + 0x1008, 0x9A9E1008u);
    probe_expect_ok("str 0x40101008 (page AP 010, PL1 write)", probe_rd(VA_PAGES + 0x1008),
                    0x9A9E1008u);
    probe_start();
    probe_expect_ok("ldr 0x40103010 (page AP 101, PL1 read)", probe_rd(VA_PAGES + 0x3010),
                    0x9A9E3010u);
    probe_start();
    probe_wr(VA_PAGES + 0x3010, 1);
    probe_expect_dabt("str 0x40103010 (page AP 101, PL1 write)", SYS_MODE_SVC, 0x82F, 0x40103010u);
    probe_start();
    probe_rdt(VA_PAGES + 0x3010);
    probe_expect_dabt("ldrt 0x40103010 (page AP 101, PL0 read)", SYS_MODE_SVC, 0x02F, 0x40103010u);

    sys_section("manager domain (AP 000 not checked)");
    probe_start();
    probe_wr(VA_MANAGER + 0x20, 0x11223344u);
    probe_expect_ok("str/ldr 0x40500020 at PL1", probe_rd(VA_MANAGER + 0x20), 0x11223344u);
    probe_start();
    probe_wrt(VA_MANAGER + 0x24, 0x55667788u);
    probe_expect_ok("strt/ldrt 0x40500024 at PL0", probe_rdt(VA_MANAGER + 0x24), 0x55667788u);

    sys_section("User mode");
    probe_start();
    probe_expect_ok("User ldr 0x40100020", sys_run_user(user_rd, VA_PAGES + 0x20, SYS_USER_SP),
                    0x9A9E0020u);
    probe_start();
    sys_run_user(user_rd, VA_SECT + 0x30, SYS_USER_SP);
    probe_expect_dabt("User ldr 0x40000030 (section AP 001)", SYS_MODE_USR, 0x01D, 0x40000030u);
    probe_start();
    sys_run_user(user_wr, VA_PAGES + 0x1030, SYS_USER_SP);
    probe_expect_dabt("User str 0x40101030 (page AP 010)", SYS_MODE_USR, 0x82F, 0x40101030u);

    sys_section("base register write-back (an aborted access leaves the base unchanged)");
    probe_start();
    probe_expect_ok("ldmia r!, {r2, r3} at 0x40100100: base + 8", probe_ldm_wb(VA_PAGES + 0x100),
                    VA_PAGES + 0x108);
    probe_start();
    r = probe_ldm_wb(VA_L1FAULT + 0x100);
    probe_expect_dabt("ldmia r!, {r2, r3} at 0x40200100", SYS_MODE_SVC, 0x005, 0x40200100u);
    sys_check("  base", r, VA_L1FAULT + 0x100);
    probe_start();
    r = probe_ldm_wb(VA_PAGES + 0x1FFC);
    probe_expect_dabt("ldmia r!, {r2, r3} at 0x40101ffc (second word faults)", SYS_MODE_SVC, 0x027,
                      0x40102000u);
    sys_check("  base", r, VA_PAGES + 0x1FFC);
    probe_start();
    probe_expect_ok("ldr rt, [r, #4]! at 0x40100100: base + 4", probe_ldr_pre(VA_PAGES + 0x100),
                    VA_PAGES + 0x104);
    probe_start();
    r = probe_ldr_pre(VA_L1FAULT + 0x100);
    probe_expect_dabt("ldr rt, [r, #4]! at 0x40200104", SYS_MODE_SVC, 0x005, 0x40200104u);
    sys_check("  base", r, VA_L1FAULT + 0x100);
    probe_start();
    probe_expect_ok("str rt, [r], #8 at 0x40100100: base + 8", probe_str_post(VA_PAGES + 0x100),
                    VA_PAGES + 0x108);
    probe_start();
    r = probe_str_post(VA_PAGES + 0x3100);
    probe_expect_dabt("str rt, [r], #8 at 0x40103100 (page AP 101)", SYS_MODE_SVC, 0x82F,
                      0x40103100u);
    sys_check("  base", r, VA_PAGES + 0x3100);

    sys_section("alignment");
    probe_start();
    probe_expect_ok("ldr 0x40100021, SCTLR.A = 0 (unaligned allowed)", probe_rd(VA_PAGES + 0x21),
                    0x249A9E00u);
    probe_start();
    probe_rdm(VA_PAGES + 0x22);
    probe_expect_dabt("ldm 0x40100022, SCTLR.A = 0", SYS_MODE_SVC, 0x001, 0x40100022u);
    probe_start();
    probe_expect_ok("ldrd 0x40100024, SCTLR.A = 0 (word aligned)", probe_rdd(VA_PAGES + 0x24),
                    0x9A9E0024u + 0x9A9E0028u);
    probe_start();
    probe_rdd(VA_PAGES + 0x26);
    probe_expect_dabt("ldrd 0x40100026, SCTLR.A = 0", SYS_MODE_SVC, 0x001, 0x40100026u);
    set_sctlr(SYS_SCTLR_A, 0);
    probe_start();
    probe_rd(VA_PAGES + 0x21);
    probe_expect_dabt("ldr 0x40100021, SCTLR.A = 1", SYS_MODE_SVC, 0x001, 0x40100021u);
    probe_start();
    probe_wrh(VA_PAGES + 0x41, 1);
    probe_expect_dabt("strh 0x40100041, SCTLR.A = 1", SYS_MODE_SVC, 0x801, 0x40100041u);
    probe_start();
    probe_rd(VA_L1FAULT + 0x2);
    probe_expect_dabt("ldr 0x40200002, SCTLR.A = 1, unmapped (alignment first)", SYS_MODE_SVC,
                      0x001, 0x40200002u);
    probe_start();
    probe_expect_ok("ldr 0x40100024, SCTLR.A = 1 (aligned)", probe_rd(VA_PAGES + 0x24),
                    0x9A9E0024u);
    set_sctlr(0, SYS_SCTLR_A);

    sys_section("prefetch aborts");
    probe_start();
    probe_expect_ok("call 0x40105000 (page 5, executable)", probe_call(VA_PAGES + 0x5000), 42);
    probe_start();
    probe_expect_ok("ldr 0x40604000 (XN section: data reads allowed)", probe_rd(VA_XNSECT + 0x4000),
                    0xE3A0002Au);
    probe_start();
    probe_expect_pabt("call 0x40104000 (page 4, XN)", probe_call(VA_PAGES + 0x4000), SYS_MODE_SVC,
                      0x00F, 0x40104000u);
    probe_start();
    probe_expect_pabt("call 0x40604000 (section, XN)", probe_call(VA_XNSECT + 0x4000), SYS_MODE_SVC,
                      0x00D, 0x40604000u);
    probe_start();
    probe_expect_pabt("call 0x40200000 (first-level fault)", probe_call(VA_L1FAULT), SYS_MODE_SVC,
                      0x005, 0x40200000u);
    probe_start();
    probe_expect_pabt("call 0x40102000 (second-level fault)", probe_call(VA_PAGES + 0x2000),
                      SYS_MODE_SVC, 0x007, 0x40102000u);
    probe_start();
    probe_expect_pabt("call 0x40300000 (domain 3 no access)", probe_call(VA_DOM3), SYS_MODE_SVC,
                      0x009, 0x40300000u);
    probe_start();
    probe_expect_ok("User call 0x40105000", sys_run_user(user_call, VA_PAGES + 0x5000, SYS_USER_SP),
                    42);
    probe_start();
    probe_expect_pabt("User call 0x40103000 (page AP 101: PL0 cannot read)",
                      sys_run_user(user_call, VA_PAGES + 0x3000, SYS_USER_SP), SYS_MODE_USR, 0x00F,
                      0x40103000u);

    sys_section("access flag (SCTLR.AFE = 1)");
    set_sctlr(SYS_SCTLR_AFE, 0);
    sys_mmu_tlbiall(); /* AP is cached in the TLB with its old meaning */
    probe_start();
    probe_rd(VA_PAGES + 0x6010);
    probe_expect_dabt("ldr 0x40106010 (page, AP[0] = 0)", SYS_MODE_SVC, 0x026, 0x40106010u);
    probe_start();
    probe_wr(VA_AFSECT + 0x18, 1);
    probe_expect_dabt("str 0x40700018 (section, AP[0] = 0)", SYS_MODE_SVC, 0x803, 0x40700018u);
    probe_start();
    probe_rdt(VA_PAGES + 0x1000);
    probe_expect_dabt("ldrt 0x40101000 (page AP 010: AF 0)", SYS_MODE_SVC, 0x026, 0x40101000u);
    probe_start();
    probe_expect_ok("ldrt 0x40100010 (AP[2:1] = 01: PL0 RW)", probe_rdt(VA_PAGES + 0x10),
                    0x9A9E0010u);
    probe_start();
    probe_rdt(VA_PAGES + 0x3010);
    probe_expect_dabt("ldrt 0x40103010 (AP[2:1] = 10: PL1 RO, PL0 none)", SYS_MODE_SVC, 0x02F,
                      0x40103010u);
    probe_start();
    probe_wr(VA_PAGES + 0x3010, 1);
    probe_expect_dabt("str 0x40103010 (AP[2:1] = 10: PL1 RO)", SYS_MODE_SVC, 0x82F, 0x40103010u);
    /* Software sets the access flag, then invalidates the entry. */
    l2_d2[6] |= 1u << 4;
    l1[VA_AFSECT >> 20] |= 1u << 10;
    sys_dsb();
    SYS_MCR(0, c8, c7, 1, VA_PAGES + 0x6000); /* TLBIMVA (ASID 0) */
    SYS_MCR(0, c8, c7, 1, VA_AFSECT);
    sys_dsb();
    sys_isb();
    probe_start();
    probe_expect_ok("ldr 0x40106010 after setting AF", probe_rd(VA_PAGES + 0x6010), 0x9A9E6010u);
    probe_start();
    probe_wr(VA_AFSECT + 0x18, 0xAF5E7u);
    probe_expect_ok("str 0x40700018 after setting AF", probe_rd(VA_AFSECT + 0x18), 0xAF5E7u);
    set_sctlr(0, SYS_SCTLR_AFE);
    sys_mmu_tlbiall();

    sys_section("address translation operations (PAR)");
    SYS_MCR(0, c7, c8, 0, VA_PAGES + 0x1234); /* ATS1CPR */
    sys_isb();
    sys_check("ATS1CPR 0x40101234: PAR[31:12], F", SYS_MRC(0, c7, c4, 0) & 0xFFFFF001u,
              0x00901000u);
    SYS_MCR(0, c7, c8, 0, VA_PAGES + 0x13234);
    sys_isb();
    sys_check("ATS1CPR 0x40113234 (large page)", SYS_MRC(0, c7, c4, 0) & 0xFFFFF001u, 0x00913000u);
    SYS_MCR(0, c7, c8, 2, VA_SECT); /* ATS1CUR */
    sys_isb();
    sys_check("ATS1CUR 0x40000000: F, FS (permission, section)", SYS_MRC(0, c7, c4, 0) & 0x7Fu,
              (0x0Du << 1) | 1u);
    SYS_MCR(0, c7, c8, 1, VA_PAGES + 0x3000); /* ATS1CPW */
    sys_isb();
    sys_check("ATS1CPW 0x40103000: F, FS (permission, page)", SYS_MRC(0, c7, c4, 0) & 0x7Fu,
              (0x0Fu << 1) | 1u);
    SYS_MCR(0, c7, c8, 0, VA_L1FAULT); /* ATS1CPR */
    sys_isb();
    sys_check("ATS1CPR 0x40200000: F, FS (translation, section)", SYS_MRC(0, c7, c4, 0) & 0x7Fu,
              (0x05u << 1) | 1u);

    sys_finish();
}
