/*
 * ttbr.c - the TTBR0/TTBR1 split (ARM ARM B3.5.4, "Selecting between TTBR0
 * and TTBR1"; ZYNQ_ARM_FACTS 3.1): with TTBCR.N > 0 a VA whose top N bits
 * are not all zero is translated with TTBR1 (a full 16 KiB table indexed by
 * VA[31:20]); TTBR0's table then covers 2^(32-N) bytes. TTBCR.PD1 = 1
 * (Security Extensions, which the Cortex-A9 has) makes a walk through TTBR1
 * a translation fault (section). TTBCR changes need TLB maintenance.
 *
 * QEMU 7.2's xilinx-zynq-a9 board disables the Security Extensions, so
 * PD0/PD1 are RAZ/WI there and the PD1 lines differ: the golden file is
 * written from the architecture (tests/system/README.md); make_golden.py
 * shows that QEMU agrees on everything else.
 */
#include "rt/probe.h"
#include "rt/sysmmu.h"

static uint32_t l1_0[4096] __attribute__((aligned(16384))); /* TTBR0 */
static uint32_t l1_1[4096] __attribute__((aligned(16384))); /* TTBR1 */

#define PA_A 0x00800000u /* words 0xAAAA0000 + offset */
#define PA_B 0x00900000u /* words 0xBBBB0000 + offset */
#define TTBCR_PD1 (1u << 5)

extern const uint32_t sys_vectors[]; /* rt/start.S, at 0x00100000 */

int test_trap(unsigned kind, struct sys_frame *f) { return probe_trap(kind, f); }

static void set_ttbcr(uint32_t v)
{
    SYS_MCR(0, c2, c0, 2, v);
    sys_isb();
    sys_mmu_tlbiall();
}

static void rd(const char *what, uint32_t va, uint32_t expected)
{
    probe_start();
    probe_expect_ok(what, probe_rd(va), expected);
}

static void rd_fault(const char *what, uint32_t va)
{
    probe_start();
    probe_rd(va);
    probe_expect_dabt(what, SYS_MODE_SVC, 0x005, va);
}

int main(void)
{
    sys_section("ttbr: TTBCR.N, TTBR0/TTBR1, PD1");
    for (uint32_t i = 0; i < 4; i++) {
        ((volatile uint32_t *)PA_A)[i] = 0xAAAA0000u + i * 4;
        ((volatile uint32_t *)PA_B)[i] = 0xBBBB0000u + i * 4;
    }
    sys_mmu_identity(l1_0);
    l1_0[0x400] = sys_mmu_section(PA_A, 0, 3, 0, 0);
    l1_0[0x800] = sys_mmu_section(PA_A, 0, 3, 0, 0);
    sys_memset(l1_1, 0, sizeof l1_1);
    l1_1[0x400] = sys_mmu_section(PA_B, 0, 3, 0, 0);
    l1_1[0x800] = sys_mmu_section(PA_B, 0, 3, 0, 0);
    SYS_MCR(0, c2, c0, 1, (uint32_t)l1_1); /* TTBR1 */
    sys_mmu_enable(l1_0, 0x1);

    sys_section("TTBCR.N = 0: TTBR0 only");
    rd("ldr 0x80000008", 0x80000008u, 0xAAAA0008u);
    rd("ldr 0x40000008", 0x40000008u, 0xAAAA0008u);

    sys_section("TTBCR.N = 1: VA >= 0x80000000 through TTBR1");
    set_ttbcr(1);
    sys_check("TTBCR", SYS_MRC(0, c2, c0, 2) & 0x7u, 1);
    rd("ldr 0x80000008 (TTBR1)", 0x80000008u, 0xBBBB0008u);
    rd("ldr 0x40000008 (TTBR0)", 0x40000008u, 0xAAAA0008u);
    rd_fault("ldr 0x80100004 (TTBR1 entry 0x801: fault)", 0x80100004u);
    SYS_MCR(0, c7, c8, 0, 0x80000123u); /* ATS1CPR */
    sys_isb();
    sys_check("ATS1CPR 0x80000123: PAR[31:12], F", SYS_MRC(0, c7, c4, 0) & 0xFFFFF001u, PA_B);

    sys_section("TTBCR.N = 2: VA >= 0x40000000 through TTBR1");
    set_ttbcr(2);
    rd("ldr 0x40000008 (TTBR1)", 0x40000008u, 0xBBBB0008u);
    probe_start();
    probe_expect_ok("ldr 0x00100000 (TTBR0: reads the program's first word)",
                    probe_rd(0x00100000u) == (uint32_t)sys_vectors[0], 1);

    sys_section("TTBCR.PD1 = 1: no walks through TTBR1");
    set_ttbcr(1 | TTBCR_PD1);
    sys_check("TTBCR.PD1", SYS_MRC(0, c2, c0, 2) & TTBCR_PD1, TTBCR_PD1);
    rd_fault("ldr 0x80000008 (TTBR1 disabled)", 0x80000008u);
    rd("ldr 0x40000008 (TTBR0)", 0x40000008u, 0xAAAA0008u);
    set_ttbcr(0);
    rd("TTBCR = 0: ldr 0x80000008 (TTBR0)", 0x80000008u, 0xAAAA0008u);
    sys_finish();
}
