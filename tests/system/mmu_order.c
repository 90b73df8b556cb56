/*
 * mmu_order.c - which fault wins when a translation has several problems.
 *
 * In the ARM ARM's pseudocode (ARMv7-A/R ARM, DDI 0406C, chapter B3,
 * "Pseudocode details of VMSA memory system operations":
 * TranslationTableWalkSD() and TranslateAddressV()), the
 * translation table walk raises the translation fault of a second-level
 * descriptor and the access flag fault (SCTLR.AFE = 1, AP[0] = 0) itself;
 * the domain check (CheckDomain) and then the permission and XN checks
 * (CheckPermission) come after the walk. So:
 *   - a fault page in a no-access domain is a translation fault (page);
 *   - AP[0] = 0 in a no-access domain is an access flag fault;
 *   - AP[0] = 0 in a manager domain is an access flag fault;
 *   - AP[0] = 0 on an XN page is an access flag fault for a fetch too.
 * QEMU 7.2 checks the domain before reading the second-level descriptor,
 * skips the access flag for manager domains and tests XN before the access
 * flag, so this program's golden file is written from the architecture
 * (tests/system/README.md). The DFSR domain field of a section access flag
 * fault is not compared: the walk faults before it reads the domain, so it
 * is UNKNOWN in the pseudocode.
 *
 * Virtual memory: identity DDR; 0x403 section AF = 0, domain 3 (no
 * access); 0x404 table in domain 4 (no access): page 0 fault, page 1
 * AF = 0; 0x405 section AF = 0 in domain 5 (manager); 0x406 table in
 * domain 6 (client): page 0 AP 011 XN with AF = 0, page 1 the same code
 * with AF = 1 and XN = 0.
 */
#include "rt/probe.h"
#include "rt/sysmmu.h"

static uint32_t l1[4096] __attribute__((aligned(16384)));
static uint32_t l2_d4[256] __attribute__((aligned(1024)));
static uint32_t l2_d6[256] __attribute__((aligned(1024)));

#define PA_DATA 0x00800000u
#define PA_CODE 0x00904000u
/* DACR: domains 0 and 6 client, 3 and 4 no access, 5 manager. */
#define DACR ((1u << 0) | (3u << 10) | (1u << 12))

int test_trap(unsigned kind, struct sys_frame *f) { return probe_trap(kind, f); }

int main(void)
{
    sys_section("mmu_order: translation, access flag, domain, XN order");
    sys_mmu_identity(l1);
    /* AP 010: AP[0] = 0 (access flag clear), AP[2:1] = 01 (RW at PL0/PL1). */
    l1[0x403] = sys_mmu_section(PA_DATA, 3, 2, 0, 0);
    l1[0x404] = sys_mmu_table(l2_d4, 4);
    l1[0x405] = sys_mmu_section(PA_DATA, 5, 2, 0, 0);
    l1[0x406] = sys_mmu_table(l2_d6, 6);
    l2_d4[0] = 0;
    l2_d4[1] = sys_mmu_small(PA_DATA, 2, 0, 0);
    l2_d6[0] = sys_mmu_small(PA_CODE, 2, 1, 0);
    l2_d6[1] = sys_mmu_small(PA_CODE, 3, 0, 0);
    static const uint32_t code[2] = {0xE3A0002Au, 0xE12FFF1Eu}; /* mov r0, #42; bx lr */
    sys_memcpy((void *)PA_CODE, code, sizeof code);
    *(volatile uint32_t *)(PA_DATA + 0x10) = 0xDA7A0010u;
    sys_sync_code(PA_CODE, sizeof code);
    sys_mmu_enable(l1, DACR);

    sys_section("SCTLR.AFE = 0");
    probe_start();
    probe_rd(0x40400010);
    probe_expect_dabt("ldr 0x40400010 (fault page, domain 4 no access)", SYS_MODE_SVC, 0x047,
                      0x40400010u);
    probe_start();
    probe_wr(0x40400014, 1);
    probe_expect_dabt("str 0x40400014 (fault page, domain 4 no access)", SYS_MODE_SVC, 0x847,
                      0x40400014u);
    probe_start();
    probe_rd(0x40401010);
    probe_expect_dabt("ldr 0x40401010 (valid page, domain 4 no access)", SYS_MODE_SVC, 0x04B,
                      0x40401010u);

    sys_section("SCTLR.AFE = 1");
    SYS_MCR(0, c1, c0, 0, SYS_MRC(0, c1, c0, 0) | SYS_SCTLR_AFE);
    sys_mmu_tlbiall();
    probe_start();
    probe_rd(0x40300010);
    probe_ab.fsr &= ~0xF0u; /* domain UNKNOWN for a section AF fault */
    probe_expect_dabt("ldr 0x40300010 (section AF 0, domain 3 no access), domain masked",
                      SYS_MODE_SVC, 0x003, 0x40300010u);
    probe_start();
    probe_rd(0x40401010);
    probe_expect_dabt("ldr 0x40401010 (page AF 0, domain 4 no access)", SYS_MODE_SVC, 0x046,
                      0x40401010u);
    probe_start();
    probe_wr(0x40500010, 1);
    probe_ab.fsr &= ~0xF0u;
    probe_expect_dabt("str 0x40500010 (section AF 0, domain 5 manager), domain masked",
                      SYS_MODE_SVC, 0x803, 0x40500010u);
    probe_start();
    probe_expect_ok("call 0x40601000 (page AF 1, XN 0)", probe_call(0x40601000), 42);
    probe_start();
    probe_expect_pabt("call 0x40600000 (page AF 0, XN 1)", probe_call(0x40600000), SYS_MODE_SVC,
                      0x006, 0x40600000u);
    probe_start();
    probe_rd(0x40400010);
    probe_expect_dabt("ldr 0x40400010 (fault page, domain 4 no access)", SYS_MODE_SVC, 0x047,
                      0x40400010u);
    sys_finish();
}
