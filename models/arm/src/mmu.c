/*
 * mmu.c - ARMv7-A short-descriptor MMU (VMSAv7, ARM ARM B3; descriptor
 * formats and fault codes in ZYNQ_ARM_FACTS 3.1-3.5) and its TLB.
 *
 * Model choices:
 *  - One unified TLB, 128 entries, 2-way set associative (64 sets indexed
 *    by VA[17:12]), round-robin replacement per set, tagged by ASID
 *    (CONTEXTIDR[7:0]) unless the mapping is global (nG = 0). This is the
 *    size of the Cortex-A9 main TLB; the micro-TLBs are not modelled.
 *  - Entries cache one 4 KiB page of any mapping size. Entries stay until
 *    CP15 TLB maintenance, as on hardware: writes to the tables, TTBR0/1,
 *    TTBCR, CONTEXTIDR do not flush (ARM ARM B3.10). Domain and AP are
 *    cached in the entry and checked on every access against the current
 *    DACR and privilege, so DACR writes and mode changes need no flush.
 *  - Translations that fault are never cached; with SCTLR.AFE = 1 a
 *    descriptor with AF = 0 is not cached either (the fault repeats until
 *    software sets AF).
 *  - Check order after the walk: access flag -> domain -> permission
 *    (ARM ARM B3.12.3 fault prioritisation). Manager domains skip AP and
 *    XN checks (ZYNQ_ARM_FACTS 3.4). Instruction fetches need read
 *    permission at the current PL and XN == 0 (ARM ARM B3.7.2).
 *  - 32-bit physical addresses: supersection extended base bits ignored;
 *    no PXN (A9 has none). TEX/C/B (with PRRR/NMRR when SCTLR.TRE) give
 *    the cacheability kept in the entry for the cache model (a9_cache.h);
 *    S (shareability) is not modelled.
 *  - iss-cache: with the cache model on, descriptor reads go through the
 *    L1 D / L2 model with the attributes of the TTBR used (IRGN, RGN),
 *    as the Cortex-A9 walks through its data caches when TTBR says so.
 */
#include "a9_cache.h"
#include "arm_internal.h"

static inline unsigned cur_asid(const arm_cpu *cpu) { return cpu->cp15.contextidr & 0xFFu; }

void arm_tlb_flush_all(arm_cpu *cpu)
{
    unsigned s, w;
    for (s = 0; s < ARM_TLB_SETS; s++)
        for (w = 0; w < ARM_TLB_WAYS; w++) cpu->tlb[s][w].valid = 0;
    cpu->tlb_flushes++;
    arm_fast_flush(cpu);
}

/* Invalidate entries whose mapping covers mva; asid < 256 restricts the
 * match to that ASID or global entries (TLBIMVA), 256 means any ASID. */
static void flush_mva(arm_cpu *cpu, uint32_t mva, unsigned asid)
{
    unsigned s, w;
    for (s = 0; s < ARM_TLB_SETS; s++) {
        for (w = 0; w < ARM_TLB_WAYS; w++) {
            arm_tlb_entry *e = &cpu->tlb[s][w];
            if (!e->valid) continue;
            if ((e->va_page & ~e->region_mask) != (mva & ~e->region_mask)) continue;
            if (asid < 256 && !e->global && e->asid != asid) continue;
            e->valid = 0;
            arm_fast_drop_page(cpu, e->va_page);
        }
    }
    cpu->tlb_flushes++;
}

void arm_tlb_flush_mva(arm_cpu *cpu, uint32_t mva, unsigned asid)
{
    flush_mva(cpu, mva, asid & 0xFFu);
}

void arm_tlb_flush_mva_all_asid(arm_cpu *cpu, uint32_t mva)
{
    flush_mva(cpu, mva, 256);
}

void arm_tlb_flush_asid(arm_cpu *cpu, unsigned asid)
{
    unsigned s, w;
    for (s = 0; s < ARM_TLB_SETS; s++)
        for (w = 0; w < ARM_TLB_WAYS; w++) {
            arm_tlb_entry *e = &cpu->tlb[s][w];
            if (e->valid && !e->global && e->asid == (asid & 0xFFu)) {
                e->valid = 0;
                arm_fast_drop_page(cpu, e->va_page);
            }
        }
    cpu->tlb_flushes++;
}

/* Read one descriptor word from physical memory (RAM fast path, else the
 * bus). Returns 0 on success, -1 on a bus error. Little-endian tables
 * (SCTLR.EE = 0). */
static int walk_read(arm_cpu *cpu, uint32_t pa, uint32_t *v, int charge, unsigned attr)
{
    uint8_t *h = arm_ram_ptr(cpu, pa, 0);
    uint32_t cyc = 0;
    if (h) {
        /* iss-cache: the walk's cache cost (never for the debugger view) */
        if (ARM_UNLIKELY(charge && cpu->cache_on)) arm_cache_walk(cpu, pa, attr);
        memcpy(v, h, 4);
        return 0;
    }
    cpu->slow_accesses++;
    *v = 0;
    if (!cpu->bus.read || cpu->bus.read(cpu->bus.opaque, pa, 4, v, &cyc) != ARM_BUS_OK) return -1;
    cpu->cycles += cyc;
    return 0;
}

/*
 * Table walk for va (ARM ARM B3.5). Fills *e on success (returns 0) or
 * returns a fault status with the domain in bits 7:4 where known.
 * charge: the cache model may charge the descriptor reads (not for the
 * debugger view).
 */
static uint32_t walk(arm_cpu *cpu, uint32_t va, arm_tlb_entry *e, int charge)
{
    const arm_cp15 *c = &cpu->cp15;
    unsigned n = c->ttbcr & 7u, dom, wattr;
    uint32_t l1a, d1, d2;
    cpu->page_walks++;
    if (n != 0 && (va >> (32 - n)) != 0) {
        if (c->ttbcr & (1u << 5)) return ARM_FSR_TRANS_SECT; /* PD1 */
        l1a = (c->ttbr1 & 0xFFFFC000u) | ((va >> 20) << 2);
        wattr = a9c_attr_from_ttbr(c->ttbr1);
    } else {
        uint32_t base_mask = ~((1u << (14 - n)) - 1u);
        if (c->ttbcr & (1u << 4)) return ARM_FSR_TRANS_SECT; /* PD0 */
        l1a = (c->ttbr0 & base_mask) | (((va << n) >> (n + 20)) << 2);
        wattr = a9c_attr_from_ttbr(c->ttbr0);
    }
    if (walk_read(cpu, l1a, &d1, charge, wattr)) return ARM_FSR_WALK_L1 | ARM_FSR_EXT;
    e->va_page = va & ~0xFFFu;
    switch (d1 & 3u) {
    case 0:
        return ARM_FSR_TRANS_SECT;
    case 1: /* page table */
        dom = (d1 >> 5) & 0xFu;
        if (walk_read(cpu, (d1 & 0xFFFFFC00u) | (((va >> 12) & 0xFFu) << 2), &d2, charge, wattr))
            return ARM_FSR_WALK_L2 | ARM_FSR_EXT | (dom << 4);
        e->domain = (uint8_t)dom;
        e->level = 2;
        switch (d2 & 3u) {
        case 0:
            return ARM_FSR_TRANS_PAGE | (dom << 4);
        case 1: /* large page, 64 KiB */
            e->region_mask = 0xFFFFu;
            e->pa_page = (d2 & 0xFFFF0000u) | (va & 0xF000u);
            e->xn = (uint8_t)((d2 >> 15) & 1u);
            e->memattr = (uint8_t)a9c_attr_from_desc((d2 >> 12) & 7u, (d2 >> 3) & 1u,
                                                     (d2 >> 2) & 1u, (c->sctlr >> 28) & 1u,
                                                     c->prrr, c->nmrr);
            break;
        default: /* small page, 4 KiB */
            e->region_mask = 0xFFFu;
            e->pa_page = d2 & 0xFFFFF000u;
            e->xn = (uint8_t)(d2 & 1u);
            e->memattr = (uint8_t)a9c_attr_from_desc((d2 >> 6) & 7u, (d2 >> 3) & 1u,
                                                     (d2 >> 2) & 1u, (c->sctlr >> 28) & 1u,
                                                     c->prrr, c->nmrr);
            break;
        }
        e->ap = (uint8_t)(((d2 >> 7) & 4u) | ((d2 >> 4) & 3u));
        e->global = !((d2 >> 11) & 1u);
        break;
    default: /* section or supersection */
        e->level = 1;
        if (d1 & (1u << 18)) {
            e->region_mask = 0xFFFFFFu;
            e->pa_page = (d1 & 0xFF000000u) | (va & 0x00FFF000u);
            e->domain = 0;
        } else {
            e->region_mask = 0xFFFFFu;
            e->pa_page = (d1 & 0xFFF00000u) | (va & 0x000FF000u);
            e->domain = (uint8_t)((d1 >> 5) & 0xFu);
        }
        e->xn = (uint8_t)((d1 >> 4) & 1u);
        e->memattr = (uint8_t)a9c_attr_from_desc((d1 >> 12) & 7u, (d1 >> 3) & 1u, (d1 >> 2) & 1u,
                                                 (c->sctlr >> 28) & 1u, c->prrr, c->nmrr);
        e->ap = (uint8_t)(((d1 >> 13) & 4u) | ((d1 >> 10) & 3u));
        e->global = !((d1 >> 17) & 1u);
        break;
    }
    e->asid = (uint8_t)cur_asid(cpu);
    /* access flag (AP[0]) with SCTLR.AFE = 1 */
    if ((c->sctlr & ARM_SCTLR_AFE) && !(e->ap & 1u))
        return (e->level == 1 ? ARM_FSR_AF_SECT : ARM_FSR_AF_PAGE) | ((unsigned)e->domain << 4);
    e->valid = 1;
    return 0;
}

/* AP[2:0] permission check (ZYNQ_ARM_FACTS 3.4 table). With AFE = 1, AP[0]
 * is the access flag and AP[2:1] select the simplified model, which equals
 * the AFE = 0 table with AP[0] = 1. */
static int ap_allows(unsigned ap, int afe, int priv, int write)
{
    if (afe) ap |= 1u;
    switch (ap) {
    case 1: return priv;
    case 2: return priv || !write;
    case 3: return 1;
    case 5: return priv && !write;
    case 6: case 7: return !write;
    default: return 0; /* 000 no access, 100 reserved */
    }
}

uint32_t arm_mmu_translate(arm_cpu *cpu, uint32_t va, unsigned acc, int is_write, uint32_t *pa)
{
    unsigned set = (va >> 12) & (ARM_TLB_SETS - 1), asid = cur_asid(cpu), w, dacr;
    uint32_t vpage = va & ~0xFFFu;
    arm_tlb_entry *e = NULL;
    int priv;
    for (w = 0; w < ARM_TLB_WAYS; w++) {
        arm_tlb_entry *t = &cpu->tlb[set][w];
        if (t->valid && t->va_page == vpage && (t->global || t->asid == asid)) {
            e = t;
            break;
        }
    }
    if (acc & ARM_ACC_DEBUG) {
        /* debugger view: what the CPU would use (TLB entry, else the
         * tables), no TLB fill, no statistics, no domain/AP checks */
        arm_tlb_entry n;
        uint64_t walks = cpu->page_walks;
        memset(&n, 0, sizeof n);
        if (!e) {
            uint32_t fsr = walk(cpu, va, &n, 0);
            cpu->page_walks = walks;
            /* the debugger ignores the access flag like the other checks */
            if (fsr && (fsr & 0x40Fu) != ARM_FSR_AF_SECT && (fsr & 0x40Fu) != ARM_FSR_AF_PAGE)
                return fsr;
            e = &n;
        }
        *pa = e->pa_page | (va & 0xFFFu);
        cpu->cache_attr = e->memattr; /* iss-cache */
        return 0;
    }
    if (e) {
        cpu->tlb_hits++;
    } else {
        arm_tlb_entry n;
        uint32_t fsr;
        cpu->tlb_misses++;
        memset(&n, 0, sizeof n);
        fsr = walk(cpu, va, &n, 1);
        if (fsr) return (acc & ARM_ACC_FETCH) ? (fsr & ~0xF0u) : fsr;
        w = cpu->tlb_victim[set];
        cpu->tlb_victim[set] = (uint8_t)((w + 1) % ARM_TLB_WAYS);
        /* the host-pointer cache holds only what the TLB holds */
        if (cpu->tlb[set][w].valid) arm_fast_drop_page(cpu, cpu->tlb[set][w].va_page);
        cpu->tlb[set][w] = n;
        e = &cpu->tlb[set][w];
    }
    dacr = (cpu->cp15.dacr >> (2 * e->domain)) & 3u;
    if (dacr == 0 || dacr == 2) {
        if (acc & ARM_ACC_FETCH) return e->level == 1 ? ARM_FSR_DOM_SECT : ARM_FSR_DOM_PAGE;
        return (e->level == 1 ? ARM_FSR_DOM_SECT : ARM_FSR_DOM_PAGE) | ((unsigned)e->domain << 4);
    }
    if (dacr == 1) { /* client: check AP (and XN for fetches) */
        priv = cpu->priv && !(acc & ARM_ACC_USER);
        if (!ap_allows(e->ap, (cpu->cp15.sctlr & ARM_SCTLR_AFE) != 0, priv, is_write) ||
            ((acc & ARM_ACC_FETCH) && e->xn)) {
            uint32_t fs = e->level == 1 ? ARM_FSR_PERM_SECT : ARM_FSR_PERM_PAGE;
            return (acc & ARM_ACC_FETCH) ? fs : (fs | ((unsigned)e->domain << 4));
        }
    }
    *pa = e->pa_page | (va & 0xFFFu);
    cpu->cache_attr = e->memattr; /* iss-cache: for the cache model's charge of this access */
    return 0;
}
