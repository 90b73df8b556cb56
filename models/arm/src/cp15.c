/*
 * cp15.c - CP15 system control coprocessor (MRC/MCR p15).
 *
 * Register encodings from ZYNQ_ARM_FACTS 3.7 [S14]. Implemented now:
 * identification (MIDR, CTR, MPIDR, cache ID), SCTLR/ACTLR/CPACR,
 * translation-table and fault registers (used by the MMU, mmu.c),
 * TLB maintenance (mmu.c TLB), cache/branch-predictor maintenance
 * (accepted; with the cache model on they act on it, a9_cache.c),
 * CP15 barriers, VBAR, ISR, CONTEXTIDR, TPIDR*, CBAR, power control, the
 * PMU (cycle counter and 6 event counters, PMUSERENR rules).
 * Everything else, and every PL1 register accessed from PL0, is UNDEFINED.
 */
#include "arm_internal.h"

#define ENC(opc1, crn, crm, opc2) (((opc1) << 12) | ((crn) << 8) | ((crm) << 4) | (opc2))

/* ---- PMU (ARM ARM C12; Cortex-A9 TRM 11) ----
 * Events counted: 0x08 / 0x68 instructions (architecturally executed /
 * A9 "instructions coming out of the core renaming stage"; the ISS counts
 * retired instructions for both), 0x11 cycles. Other events count 0.
 * No overflow interrupt yet (issue 3 wires the PMU IRQ). */

#define PMCR_E 1u
#define PMCR_P 2u
#define PMCR_C 4u
#define PMCR_D 8u
#define PMU_N 6u

static void pmu_sync(arm_cpu *cpu)
{
    arm_cp15 *c = &cpu->cp15;
    uint64_t dc = cpu->cycles - c->pmu_sync_cycles, di = cpu->insns - c->pmu_sync_insns;
    unsigned k;
    c->pmu_sync_cycles = cpu->cycles;
    c->pmu_sync_insns = cpu->insns;
    if (!(c->pmcr & PMCR_E)) return;
    if (c->pmcnten & (1u << 31)) {
        uint64_t add = dc;
        if (c->pmcr & PMCR_D) {
            uint64_t t = c->pmccntr_div + dc;
            add = t / 64;
            c->pmccntr_div = (uint32_t)(t % 64);
        }
        if (((c->pmccntr & 0xFFFFFFFFull) + add) >> 32) c->pmovsr |= 1u << 31;
        c->pmccntr += add;
    }
    for (k = 0; k < PMU_N; k++) {
        uint64_t add;
        if (!(c->pmcnten & (1u << k))) continue;
        switch (c->pmevtyper[k] & 0xFF) {
        case 0x08: case 0x68: add = di; break;
        case 0x11: add = dc; break;
        default: add = 0; break;
        }
        if (((uint64_t)c->pmevcntr[k] + add) >> 32) c->pmovsr |= 1u << k;
        c->pmevcntr[k] = (uint32_t)(c->pmevcntr[k] + add);
    }
}

/* PMU register read/write; returns 0, or -1 when not a PMU register. */
static int pmu_read(arm_cpu *cpu, unsigned crm, unsigned opc2, uint32_t *v)
{
    arm_cp15 *c = &cpu->cp15;
    unsigned sel = c->pmselr & 31;
    pmu_sync(cpu);
    switch ((crm << 3) | opc2) {
    case (12 << 3) | 0: *v = c->pmcr; return 0;
    case (12 << 3) | 1: case (12 << 3) | 2: *v = c->pmcnten; return 0;
    case (12 << 3) | 3: *v = c->pmovsr; return 0;
    case (12 << 3) | 4: *v = 0; return 0; /* PMSWINC is write-only: reads 0 */
    case (12 << 3) | 5: *v = c->pmselr; return 0;
    case (13 << 3) | 0: *v = (uint32_t)c->pmccntr; return 0;
    case (13 << 3) | 1: *v = sel < PMU_N ? c->pmevtyper[sel] : 0; return 0;
    case (13 << 3) | 2: *v = sel < PMU_N ? c->pmevcntr[sel] : 0; return 0;
    case (14 << 3) | 0: *v = c->pmuserenr; return 0;
    case (14 << 3) | 1: case (14 << 3) | 2: *v = c->pminten; return 0;
    default: return -1;
    }
}

static int pmu_write(arm_cpu *cpu, unsigned crm, unsigned opc2, uint32_t v)
{
    arm_cp15 *c = &cpu->cp15;
    unsigned sel = c->pmselr & 31, k;
    const uint32_t cnt_mask = (1u << 31) | ((1u << PMU_N) - 1);
    pmu_sync(cpu);
    switch ((crm << 3) | opc2) {
    case (12 << 3) | 0:
        if (v & PMCR_P) for (k = 0; k < PMU_N; k++) c->pmevcntr[k] = 0;
        if (v & PMCR_C) { c->pmccntr = 0; c->pmccntr_div = 0; }
        c->pmcr = (c->pmcr & ~0x3Fu) | (v & 0x39u); /* E, D, X, DP; P and C read 0 */
        return 0;
    case (12 << 3) | 1: c->pmcnten |= v & cnt_mask; return 0;
    case (12 << 3) | 2: c->pmcnten &= ~(v & cnt_mask); return 0;
    case (12 << 3) | 3: c->pmovsr &= ~(v & cnt_mask); return 0;
    case (12 << 3) | 4:
        for (k = 0; k < PMU_N; k++)
            if ((v & (1u << k)) && (c->pmcnten & (1u << k)) && (c->pmcr & PMCR_E) &&
                (c->pmevtyper[k] & 0xFF) == 0x00)
                c->pmevcntr[k]++;
        return 0;
    case (12 << 3) | 5: c->pmselr = v & 31; return 0;
    case (13 << 3) | 0: c->pmccntr = (c->pmccntr & ~0xFFFFFFFFull) | v; return 0;
    case (13 << 3) | 1: if (sel < PMU_N) c->pmevtyper[sel] = v & 0xFF; return 0;
    case (13 << 3) | 2: if (sel < PMU_N) c->pmevcntr[sel] = v; return 0;
    case (14 << 3) | 0: c->pmuserenr = v & 1; return 0;
    case (14 << 3) | 1: c->pminten |= v & cnt_mask; return 0;
    case (14 << 3) | 2: c->pminten &= ~(v & cnt_mask); return 0;
    default: return -1;
    }
}

/* PL0 access to a PMU register: PMUSERENR is readable at any PL; the
 * others (except the interrupt enables and PMUSERENR writes) need
 * PMUSERENR.EN. */
static int pmu_pl0_ok(const arm_cpu *cpu, unsigned crm, unsigned opc2, int write)
{
    if (crm == 14) return opc2 == 0 && !write;
    return cpu->cp15.pmuserenr & 1;
}

void arm_cp15_reset(arm_cpu *cpu)
{
    memset(&cpu->cp15, 0, sizeof cpu->cp15);
    /* TLB contents are UNKNOWN after reset: start empty */
    memset(cpu->tlb, 0, sizeof cpu->tlb);
    memset(cpu->tlb_victim, 0, sizeof cpu->tlb_victim);
    /* Cortex-A9 SCTLR reset value 0x00C50078 (ZYNQ_ARM_FACTS 6: [UNVERIFIED];
     * same as QEMU's cortex-a9 model): U, XP-era RAO bits, no MMU/caches. */
    cpu->cp15.sctlr = 0x00C50078u;
    cpu->cp15.actlr = 0;
    /* PMCR: IMP 0x41 (ARM), IDCODE 0x09 (Cortex-A9), N = 6 counters */
    cpu->cp15.pmcr = 0x41093000u;
    cpu->cp15.pmu_sync_cycles = cpu->cycles;
    cpu->cp15.pmu_sync_insns = cpu->insns;
    /* ==== iss-vfp block: VFP/Advanced SIMD state resets with the CPU ==== */
    arm_vfp_reset(cpu);
    /* ==== end iss-vfp block ==== */
}

int arm_cp15_read(arm_cpu *cpu, unsigned opc1, unsigned crn, unsigned crm, unsigned opc2,
                  uint32_t *value)
{
    arm_cp15 *c = &cpu->cp15;
    unsigned e = ENC(opc1, crn, crm, opc2);
    /* PL0-accessible registers */
    switch (e) {
    case ENC(0, 13, 0, 2): *value = c->tpidrurw; return 0;
    case ENC(0, 13, 0, 3): *value = c->tpidruro; return 0;
    default: break;
    }
    if (opc1 == 0 && crn == 9 && crm >= 12) {
        if (!cpu->priv && !pmu_pl0_ok(cpu, crm, opc2, 0)) return -1;
        return pmu_read(cpu, crm, opc2, value);
    }
    if (!cpu->priv) return -1;
    switch (e) {
    case ENC(0, 0, 0, 0): /* MIDR: A9 r3p0 [S5] */
    case ENC(0, 0, 0, 4): /* unallocated c0,c0 encodings alias MIDR (ARM ARM B4.1.105) */
    case ENC(0, 0, 0, 7):
        *value = 0x413FC090u;
        return 0;
    case ENC(0, 0, 0, 1): *value = 0x83338003u; return 0;  /* CTR: 32-byte lines */
    case ENC(0, 0, 0, 2): *value = 0; return 0;            /* TCMTR */
    case ENC(0, 0, 0, 3): *value = 0; return 0;            /* TLBTR: unified TLB */
    case ENC(0, 0, 0, 5): *value = 0x80000000u; return 0;  /* MPIDR: MP format, CPU 0 */
    case ENC(0, 0, 0, 6): *value = 0; return 0;            /* REVIDR */
    /* ID_PFR0..ID_ISAR5: Cortex-A9 values as in QEMU's cortex-a9 model
     * [UNVERIFIED against the TRM; issue 3 re-checks]. ID_ISAR0 reports no
     * hardware divide. */
    case ENC(0, 0, 1, 0): *value = 0x00001031u; return 0;
    case ENC(0, 0, 1, 1): *value = 0x00000011u; return 0;
    case ENC(0, 0, 1, 2): *value = 0x00000000u; return 0;
    case ENC(0, 0, 1, 3): *value = 0x00000000u; return 0;
    case ENC(0, 0, 1, 4): *value = 0x00100103u; return 0;
    case ENC(0, 0, 1, 5): *value = 0x20000000u; return 0;
    case ENC(0, 0, 1, 6): *value = 0x01230000u; return 0;
    case ENC(0, 0, 1, 7): *value = 0x00002111u; return 0;
    case ENC(0, 0, 2, 0): *value = 0x00101111u; return 0;
    case ENC(0, 0, 2, 1): *value = 0x13112111u; return 0;
    case ENC(0, 0, 2, 2): *value = 0x21232041u; return 0;
    case ENC(0, 0, 2, 3): *value = 0x11112131u; return 0;
    case ENC(0, 0, 2, 4): *value = 0x00111142u; return 0;
    case ENC(0, 0, 2, 5): *value = 0x00000000u; return 0;
    case ENC(1, 0, 0, 0): /* CCSIDR per CSSELR: 32 KiB 4-way 32-byte lines (L1), 512 KiB 8-way (L2) */
        /* iss-cache: NumSets-1 in bits 27:13, ways-1 in 12:3, log2(words)-2 in 2:0
         * (ARM ARM B4.1.19); L1 256 sets, L2 2048 sets (a9_cache.h) */
        switch (c->csselr & 0xF) {
        case 0: *value = 0xE01FE019u; return 0; /* L1 D: WT WB RA, 256 sets, 4 ways */
        case 1: *value = 0x201FE019u; return 0; /* L1 I: RA, 256 sets, 4 ways */
        case 2: *value = 0xF0FFE039u; return 0; /* L2: WT WB RA WA, 2048 sets, 8 ways */
        default: *value = 0; return 0;
        }
    case ENC(1, 0, 0, 1): *value = 0x0A200023u; return 0; /* CLIDR: L1 I+D, LoUU/LoC */
    case ENC(1, 0, 0, 7): *value = 0; return 0;            /* AIDR */
    case ENC(2, 0, 0, 0): *value = c->csselr; return 0;
    case ENC(0, 1, 0, 0): *value = c->sctlr; return 0;
    case ENC(0, 1, 0, 1): *value = c->actlr; return 0;
    case ENC(0, 1, 0, 2): *value = c->cpacr; return 0;
    case ENC(0, 1, 1, 0): *value = c->scr; return 0;
    case ENC(0, 1, 1, 1): *value = c->sder; return 0;
    case ENC(0, 1, 1, 2): *value = c->nsacr; return 0;
    case ENC(0, 2, 0, 0): *value = c->ttbr0; return 0;
    case ENC(0, 2, 0, 1): *value = c->ttbr1; return 0;
    case ENC(0, 2, 0, 2): *value = c->ttbcr; return 0;
    case ENC(0, 3, 0, 0): *value = c->dacr; return 0;
    case ENC(0, 5, 0, 0): *value = c->dfsr; return 0;
    case ENC(0, 5, 0, 1): *value = c->ifsr; return 0;
    case ENC(0, 5, 1, 0): *value = c->adfsr; return 0;
    case ENC(0, 5, 1, 1): *value = c->aifsr; return 0;
    case ENC(0, 6, 0, 0): *value = c->dfar; return 0;
    case ENC(0, 6, 0, 2): *value = c->ifar; return 0;
    case ENC(0, 7, 4, 0): *value = c->par; return 0;
    case ENC(0, 10, 2, 0): *value = c->prrr; return 0;
    case ENC(0, 10, 2, 1): *value = c->nmrr; return 0;
    case ENC(0, 12, 0, 0): *value = c->vbar; return 0;
    case ENC(0, 12, 1, 0): /* ISR: A I F pending */
        *value = (cpu->irq_line ? 0x80u : 0) | (cpu->fiq_line ? 0x40u : 0);
        return 0;
    case ENC(0, 13, 0, 0): *value = 0; return 0;           /* FCSEIDR (RAZ) */
    case ENC(0, 13, 0, 1): *value = c->contextidr; return 0;
    case ENC(0, 13, 0, 4): *value = c->tpidrprw; return 0;
    case ENC(0, 15, 0, 0): *value = c->pwrctrl; return 0;
    case ENC(4, 15, 0, 0): *value = 0xF8F00000u; return 0; /* CBAR: Zynq private area [S14, S5] */
    default: return -1;
    }
}

int arm_cp15_write(arm_cpu *cpu, unsigned opc1, unsigned crn, unsigned crm, unsigned opc2,
                   uint32_t value)
{
    arm_cp15 *c = &cpu->cp15;
    unsigned e = ENC(opc1, crn, crm, opc2);
    switch (e) {
    case ENC(0, 13, 0, 2): c->tpidrurw = value; return 0;
    case ENC(0, 7, 5, 4):  /* CP15ISB */
    case ENC(0, 7, 10, 4): /* CP15DSB */
    case ENC(0, 7, 10, 5): /* CP15DMB */
        return 0;
    default: break;
    }
    if (opc1 == 0 && crn == 9 && crm >= 12) {
        if (!cpu->priv && !pmu_pl0_ok(cpu, crm, opc2, 1)) return -1;
        return pmu_write(cpu, crm, opc2, value);
    }
    if (!cpu->priv) return -1;
    switch (e) {
    case ENC(2, 0, 0, 0): c->csselr = value & 0xF; return 0;
    case ENC(0, 1, 0, 0):
        /* writable: M A C SW Z I V RR EE TRE AFE TE; RAO bits kept */
        c->sctlr = (value & 0x72007C07u) | 0x00C50078u;
        /* SCTLR.M: the MMU (mmu.c); the TLB is not flushed (ARM ARM B3.10) */
        cpu->mmu_on = (c->sctlr & ARM_SCTLR_M) != 0;
        cpu->cache_fetch_line = 0; /* iss-cache: the fetch attributes may change */
        arm_update_data_slow(cpu);
        arm_fast_flush(cpu); /* iss-fast: M and AFE change what the cache may hold */
        return 0;
    case ENC(0, 1, 0, 1): c->actlr = value; return 0;
    case ENC(0, 1, 0, 2): c->cpacr = value & 0x00F00000u; return 0;
    case ENC(0, 1, 1, 0): c->scr = value & 0x3FFu; return 0;
    case ENC(0, 1, 1, 1): c->sder = value & 3u; return 0;
    case ENC(0, 1, 1, 2): c->nsacr = value; return 0;
    /* iss-fast: translation-regime writes flush the host-pointer cache
     * (the TLB itself keeps its entries, ARM ARM B3.10) */
    case ENC(0, 2, 0, 0): c->ttbr0 = value; arm_fast_flush(cpu); return 0;
    case ENC(0, 2, 0, 1): c->ttbr1 = value; arm_fast_flush(cpu); return 0;
    case ENC(0, 2, 0, 2): c->ttbcr = value & 0x37u; arm_fast_flush(cpu); return 0;
    case ENC(0, 3, 0, 0): c->dacr = value; arm_fast_flush(cpu); return 0;
    case ENC(0, 5, 0, 0): c->dfsr = value; return 0;
    case ENC(0, 5, 0, 1): c->ifsr = value; return 0;
    case ENC(0, 5, 1, 0): c->adfsr = value; return 0;
    case ENC(0, 5, 1, 1): c->aifsr = value; return 0;
    case ENC(0, 6, 0, 0): c->dfar = value; return 0;
    case ENC(0, 6, 0, 2): c->ifar = value; return 0;
    case ENC(0, 7, 4, 0): c->par = value; return 0;
    case ENC(0, 7, 8, 0): case ENC(0, 7, 8, 1): case ENC(0, 7, 8, 2): case ENC(0, 7, 8, 3):
        /* ATS1CPR/CPW/CUR/CUW (B4.1.113). MMU off: flat mapping, PAR = PA.
         * MMU on: translate with PL1 (opc2 0/1) or PL0 (2/3) read/write
         * permissions; a fault gives PAR.F = 1 with PAR[6:1] = DFSR bits
         * 12, 10, 3:0 (ExT, FS[4], FS[3:0]). Memory attributes are not modelled (0). */
        if (cpu->mmu_on) {
            uint32_t pa, fsr = arm_mmu_translate(cpu, value, (opc2 & 2) ? ARM_ACC_USER : 0,
                                                 opc2 & 1, &pa);
            if (fsr)
                c->par = 1u | ((fsr & 0xFu) << 1) | (((fsr >> 10) & 1u) << 5) |
                         (((fsr >> 12) & 1u) << 6);
            else
                c->par = pa & ~0xFFFu;
            return 0;
        }
        c->par = value & ~0xFFFu;
        return 0;
    case ENC(0, 10, 2, 0): c->prrr = value; return 0;
    case ENC(0, 10, 2, 1): c->nmrr = value; return 0;
    case ENC(0, 12, 0, 0): c->vbar = value & ~0x1Fu; return 0;
    case ENC(0, 13, 0, 0): return 0;                        /* FCSEIDR (WI) */
    case ENC(0, 13, 0, 1): arm_set_contextidr(cpu, value); return 0; /* iss-fast: hook, flush */
    case ENC(0, 13, 0, 3): c->tpidruro = value; return 0;
    case ENC(0, 13, 0, 4): c->tpidrprw = value; return 0;
    case ENC(0, 15, 0, 0): c->pwrctrl = value; return 0;
    default:
        break;
    }
    /* cache and branch-predictor maintenance (c7): accepted; with the
     * cache model on they act on it (iss-cache, a9_cache.c), off they cost
     * nothing */
    if (opc1 == 0 && crn == 7) {
        switch (ENC(0, 0, crm, opc2)) {
        case ENC(0, 0, 1, 0): case ENC(0, 0, 1, 6): case ENC(0, 0, 5, 0):
        case ENC(0, 0, 5, 1): case ENC(0, 0, 5, 6): case ENC(0, 0, 5, 7):
        case ENC(0, 0, 6, 1): case ENC(0, 0, 6, 2): case ENC(0, 0, 10, 1):
        case ENC(0, 0, 10, 2): case ENC(0, 0, 11, 1): case ENC(0, 0, 14, 1):
        case ENC(0, 0, 14, 2):
            if (cpu->cache_on) arm_cache_maint(cpu, crm, opc2, value);
            return 0;
        default:
            return -1;
        }
    }
    /* TLB maintenance (ZYNQ_ARM_FACTS 3.7): c8, c3 = inner shareable (one
     * CPU: same as local), c5 = ITLB, c6 = DTLB, c7 = unified; the unified
     * TLB model handles the I/D forms like the unified ones. opc2: 0 ALL,
     * 1 MVA (value = MVA | ASID), 2 ASID, 3 MVA all ASIDs. */
    if (opc1 == 0 && crn == 8 && (crm == 3 || crm == 5 || crm == 6 || crm == 7) && opc2 <= 3) {
        switch (opc2) {
        case 0: arm_tlb_flush_all(cpu); break;
        case 1: arm_tlb_flush_mva(cpu, value & ~0xFFFu, value & 0xFFu); break;
        case 2: arm_tlb_flush_asid(cpu, value & 0xFFu); break;
        default: arm_tlb_flush_mva_all_asid(cpu, value & ~0xFFFu); break;
        }
        return 0;
    }
    return -1;
}
