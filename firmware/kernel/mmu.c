/*
 * mmu.c - translation tables of the ECs (ARMv7-A short descriptors, ARM ARM
 * B3.5; bit layout in ZYNQ_ARM_FACTS §3.2-3.4).
 *
 * One 16 KiB L1 table per EC, TTBCR.N = 0, all mappings in domain 0 (DACR:
 * client, AP checked). Present in every table, privileged-only:
 *   0x00100000..0x00EFFFFF kernel (normal memory, global)
 *   0x00F00000             VDM section (nG: user RW in the VDM's table only)
 *   0xE0000000             UART1's MiB (device, global)
 *   0xF8000000             SLCR/DevCfg MiB (device, nG: the VDM's table maps
 *                          the DevCfg page 0xF8007000 user RW)
 *   0xF8F00000             SCU/GIC/timers (device, global)
 *   0x40000000, 0x40100000 PL GP0 (strongly ordered; the first MiB nG: the
 *                          VDM's table maps 0x40000000..0x4001FFFF user RW)
 * A region whose permissions differ between address spaces must be nG:
 * a global TLB entry would match every ASID.
 * VM tables add the guest RAM at HV_GUEST_VA_BASE (user RW, nG; 1 MiB
 * sections where VA and PA are MiB-aligned, else 4 KiB pages) and the
 * virtual-device window at HV_VDEV_VA_BASE (one 4 KiB page per device -> its
 * PR interface window on GP0, user RO until connected, XN, nG).
 * Caches (as Ker-ONE runs on the board): RAM is Normal, inner and outer
 * write-back write-allocate (TEX = 0b001, C = 1, B = 1, ARM ARM B3.8.2);
 * UART, SLCR/DevCfg and SCU/GIC/timers/PL310 are shareable Device, the PL's
 * GP0 Strongly-ordered; table walks are cacheable like RAM (TTBR0 IRGN/RGN).
 * hv_cache_enable() invalidates the L1 caches, the branch predictor and the
 * PL310 and turns them on once the MMU is on. A descriptor written after
 * that is cleaned to the point of unification before the TLB maintenance
 * (ARM ARM B3.10.1), in case the table walk does not look up the L1 D-cache.
 */
#include "hv.h"

/* L1 section */
#define S_SECTION  0x2u
#define S_B        (1u << 2)
#define S_C        (1u << 3)
#define S_XN       (1u << 4)
#define S_AP(ap)   ((uint32_t)(ap) << 10)
#define S_TEX(t)   ((uint32_t)(t) << 12)
#define S_NG       (1u << 17)
/* L1 page-table pointer */
#define S_TABLE    0x1u
/* L2 small page */
#define P_SMALL    0x2u
#define P_XN       (1u << 0)
#define P_B        (1u << 2)
#define P_C        (1u << 3)
#define P_AP(ap)   ((uint32_t)(ap) << 4)
#define P_TEX(t)   ((uint32_t)(t) << 6)
#define P_NG       (1u << 11)

/* AP[1:0] with AP[2] = 0 (§3.4) */
#define AP_PRIV_RW 1u
#define AP_USER_RO 2u
#define AP_USER_RW 3u

enum mem_type { MT_NORMAL, MT_DEVICE, MT_SO };

/* TTBR0/TTBR1 walk attributes (ARM ARM B4.1 "TTBR0", Multiprocessing Extensions
 * encoding): IRGN = 0b01 inner write-back write-allocate (IRGN[0] is bit 6,
 * IRGN[1] bit 0), RGN = 0b01 outer write-back write-allocate (bits 4:3),
 * S = 0: non-shareable, as the kernel RAM that holds the tables is mapped. */
#define TTBR_WALK_WBWA ((1u << 6) | (1u << 3))

/* PL310 L2 cache controller (PL310 TRM DDI 0246, 3.3) */
#define L2C_BASE       0xF8F02000u
#define L2C_CONTROL    (L2C_BASE + 0x100u)   /* bit 0: L2 enable */
#define L2C_CACHE_SYNC (L2C_BASE + 0x730u)
#define L2C_INV_WAY    (L2C_BASE + 0x77Cu)   /* bit w: invalidate way w; reads 1 while running */
#define L2C_ALL_WAYS   0xFFu                 /* 8 ways (512 KiB, ZYNQ_ARM_FACTS 4.3) */

/* SCTLR bits (ARM ARM B4.1 "SCTLR") */
#define SCTLR_M (1u << 0)
#define SCTLR_A (1u << 1)
#define SCTLR_C (1u << 2)
#define SCTLR_Z (1u << 11)
#define SCTLR_I (1u << 12)
#define SCTLR_TRE (1u << 28)
#define SCTLR_AFE (1u << 29)

#define HV_L2_POOL 64u

static uint32_t l1_tables[HV_MAX_ECS][4096] __attribute__((aligned(16384)));
static uint32_t l2_pool[HV_L2_POOL][256] __attribute__((aligned(1024)));
static uint32_t l2_used;

static uint32_t sect(uint32_t pa, uint32_t ap, enum mem_type t, int ng, int xn)
{
    uint32_t d = (pa & 0xFFF00000u) | S_SECTION | S_AP(ap);
    if (t == MT_NORMAL) d |= S_TEX(1) | S_C | S_B;  /* normal, write-back */
    else if (t == MT_DEVICE) d |= S_B;              /* shareable device */
    if (ng) d |= S_NG;
    if (xn) d |= S_XN;
    return d;
}

static uint32_t page(uint32_t pa, uint32_t ap, enum mem_type t, int ng, int xn)
{
    uint32_t d = (pa & 0xFFFFF000u) | P_SMALL | P_AP(ap);
    if (t == MT_NORMAL) d |= P_TEX(1) | P_C | P_B;
    else if (t == MT_DEVICE) d |= P_B;
    if (ng) d |= P_NG;
    if (xn) d |= P_XN;
    return d;
}

static uint32_t *l2_alloc(void)
{
    if (l2_used >= HV_L2_POOL) return 0;
    uint32_t *t = l2_pool[l2_used++];
    memset(t, 0, 1024);
    return t;
}

/* L1 entry of VA va points to a fresh L2 table. */
static uint32_t *l2_for(uint32_t *l1, uint32_t va)
{
    uint32_t *t = l2_alloc();
    if (t) l1[va >> 20] = ((uint32_t)(uintptr_t)t & 0xFFFFFC00u) | S_TABLE;
    return t;
}

static int map_common(uint32_t *l1, int vdm)
{
    for (uint32_t mb = HV_PHYS_KERNEL_BASE >> 20; mb < (HV_VDM_VA >> 20); mb++)
        l1[mb] = sect(mb << 20, AP_PRIV_RW, MT_NORMAL, 0, 0);
    l1[HV_VDM_VA >> 20] = vdm ? sect(HV_VDM_VA, AP_USER_RW, MT_NORMAL, 1, 0)
                              : sect(HV_VDM_VA, AP_PRIV_RW, MT_NORMAL, 1, 1);
    l1[0xE00] = sect(0xE0000000u, AP_PRIV_RW, MT_DEVICE, 0, 1);
    l1[0xF8F] = sect(0xF8F00000u, AP_PRIV_RW, MT_DEVICE, 0, 1);
    l1[0x401] = sect(0x40100000u, AP_PRIV_RW, MT_SO, 0, 1);
    if (!vdm) {
        l1[0xF80] = sect(0xF8000000u, AP_PRIV_RW, MT_DEVICE, 1, 1);
        l1[0x400] = sect(0x40000000u, AP_PRIV_RW, MT_SO, 1, 1);
        return 0;
    }
    uint32_t *slcr = l2_for(l1, 0xF8000000u);
    uint32_t *gp0 = l2_for(l1, 0x40000000u);
    if (!slcr || !gp0) return -1;
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t pa = 0xF8000000u + i * 0x1000u;
        slcr[i] = page(pa, pa == 0xF8007000u ? AP_USER_RW : AP_PRIV_RW, MT_DEVICE, 1, 1);
        pa = 0x40000000u + i * 0x1000u;
        gp0[i] = page(pa, pa < 0x40020000u ? AP_USER_RW : AP_PRIV_RW, MT_SO, 1, 1);
    }
    return 0;
}

/* The PR interface window of (slot, dev) on GP0 (hv_abi.h). */
static uint32_t if_window(uint32_t slot, uint32_t dev)
{
    return 0x40100000u + (slot * 8u + dev) * 0x1000u;
}

int hv_mmu_build(hv_ec *ec)
{
    uint32_t *l1 = l1_tables[ec - hv_k.ec];
    memset(l1, 0, 16384);
    ec->l1 = l1;
    if (map_common(l1, ec->is_vdm)) goto no_l2;
    if (ec->is_vdm) return 0;

    /* guest RAM */
    for (uint32_t off = 0; off < ec->mem_size;) {
        uint32_t va = HV_GUEST_VA_BASE + off, pa = ec->mem_base + off;
        if ((pa & 0xFFFFFu) == 0 && ec->mem_size - off >= 0x100000u) {
            l1[va >> 20] = sect(pa, AP_USER_RW, MT_NORMAL, 1, 0);
            off += 0x100000u;
            continue;
        }
        uint32_t *l2 = (l1[va >> 20] & 3u) == S_TABLE
                           ? (uint32_t *)(uintptr_t)(l1[va >> 20] & 0xFFFFFC00u)
                           : l2_for(l1, va);
        if (!l2) goto no_l2;
        l2[(va >> 12) & 0xFFu] = page(pa, AP_USER_RW, MT_NORMAL, 1, 0);
        off += 0x1000u;
    }
    /* virtual devices: read-only until the VDM connects their IF */
    ec->vdev_l2 = l2_for(l1, HV_VDEV_VA_BASE);
    if (!ec->vdev_l2) goto no_l2;
    for (uint32_t d = 0; d < ec->device_count; d++)
        ec->vdev_l2[d] = page(if_window(ec->slot, d), AP_USER_RO, MT_SO, 1, 1);
    return 0;
no_l2:
    hv_log("boot info: out of L2 tables for vm %u (memory not 1 MiB aligned?)\n", ec->id);
    return -1;
}

void hv_mmu_enable(hv_ec *first)
{
    HV_MCR(0, 3, 0, 0, 1u);                         /* DACR: domain 0 client */
    HV_MCR(0, 2, 0, 2, 0u);                         /* TTBCR: N = 0, short descriptors */
    HV_MCR(0, 2, 0, 0, (uint32_t)(uintptr_t)first->l1 | TTBR_WALK_WBWA);  /* TTBR0 */
    HV_MCR(0, 13, 0, 1, first->asid);               /* CONTEXTIDR */
    HV_MCR(0, 8, 7, 0, 0u);                         /* TLBIALL */
    HV_MCR(0, 7, 5, 6, 0u);                         /* BPIALL */
    hv_dsb();
    hv_isb();
    uint32_t sctlr = HV_MRC(0, 1, 0, 0);
    sctlr |= SCTLR_M;
    sctlr &= ~(SCTLR_A | SCTLR_TRE | SCTLR_AFE);    /* TEX/C/B used directly */
    HV_MCR(0, 1, 0, 0, sctlr);
    hv_isb();
}

/*
 * Invalidates the whole L1 D-cache by set/way (DCISW, ARM ARM B4.2.1) with
 * the geometry CCSIDR gives for level 1 data (CSSELR = 0): line length
 * 2^(LineSize + 4) bytes, set in bits [L + S - 1 : L], way in the top bits.
 * Nothing may be dirty: the caches have never been on.
 */
static void l1d_invalidate_all(void)
{
    HV_MCR(2, 0, 0, 0, 0u);                         /* CSSELR: L1, data */
    hv_isb();
    uint32_t ccsidr = HV_MRC(1, 0, 0, 0);
    uint32_t line_shift = (ccsidr & 7u) + 4u;
    uint32_t ways = ((ccsidr >> 3) & 0x3FFu) + 1u;
    uint32_t sets = ((ccsidr >> 13) & 0x7FFFu) + 1u;
    uint32_t way_shift = ways > 1u ? (uint32_t)__builtin_clz(ways - 1u) : 0u;
    for (uint32_t w = 0; w < ways; w++)
        for (uint32_t set = 0; set < sets; set++)
            HV_MCR(0, 7, 6, 2, (ways > 1u ? w << way_shift : 0u) | (set << line_shift));
    hv_dsb();
}

/*
 * Caches on, after hv_mmu_enable() (the descriptors give RAM its cacheable
 * attributes): L1 I-cache, L1 D-cache and branch predictor invalidated; the
 * PL310 invalidated by way (INV_WAY = 0xFF, poll until the ways read 0),
 * synced and enabled (CONTROL = 1); then SCTLR.C, SCTLR.I and SCTLR.Z.
 * Everything the kernel wrote so far went to memory (caches off), and the
 * platform loaded the images there before reset, so nothing needs a clean.
 */
void hv_cache_enable(void)
{
    HV_MCR(0, 7, 5, 0, 0u);                         /* ICIALLU */
    HV_MCR(0, 7, 5, 6, 0u);                         /* BPIALL */
    l1d_invalidate_all();

    HV_REG(L2C_CONTROL) = 0u;                       /* off while invalidated */
    HV_REG(L2C_INV_WAY) = L2C_ALL_WAYS;
    while (HV_REG(L2C_INV_WAY) & L2C_ALL_WAYS)
        ;
    HV_REG(L2C_CACHE_SYNC) = 0u;
    while (HV_REG(L2C_CACHE_SYNC) & 1u)
        ;
    HV_REG(L2C_CONTROL) = 1u;
    hv_dsb();

    uint32_t sctlr = HV_MRC(0, 1, 0, 0);
    HV_MCR(0, 1, 0, 0, sctlr | SCTLR_C | SCTLR_I | SCTLR_Z);
    hv_isb();
}

/*
 * ASID and TTBR0 change together: switch to the reserved ASID first so that
 * no walk of the new table is tagged with the old ASID, nor the reverse
 * (ARM ARM B3.10.4, "Synchronization of changes of ASID and TTBR"). The
 * kernel runs from global mappings meanwhile.
 */
void hv_mmu_switch(hv_ec *ec)
{
    HV_MCR(0, 13, 0, 1, HV_ASID_RESERVED);
    hv_isb();
    HV_MCR(0, 2, 0, 0, (uint32_t)(uintptr_t)ec->l1 | TTBR_WALK_WBWA);
    hv_isb();
    HV_MCR(0, 13, 0, 1, ec->asid);
    hv_isb();
}

/*
 * Descriptor change of a live mapping (ARM ARM B3.10.1): write, clean the
 * descriptor's line to the point of unification (DCCMVAU: the walk may not
 * look up the L1 D-cache; the kernel's VA is its PA), DSB so the walk sees
 * it, TLBIMVA (VA | ASID) and BPIALL, DSB to complete them, ISB.
 */
void hv_mmu_map_vdev(hv_ec *vm, uint32_t dev, int rw)
{
    uint32_t va = HV_VDEV_VA_BASE + dev * HV_VDEV_STRIDE;
    vm->vdev_l2[dev] = page(if_window(vm->slot, dev), rw ? AP_USER_RW : AP_USER_RO, MT_SO, 1, 1);
    HV_MCR(0, 7, 11, 1, (uint32_t)(uintptr_t)&vm->vdev_l2[dev]);   /* DCCMVAU */
    hv_dsb();
    HV_MCR(0, 8, 7, 1, (va & 0xFFFFF000u) | (vm->asid & 0xFFu));   /* TLBIMVA */
    HV_MCR(0, 7, 5, 6, 0u);                                         /* BPIALL */
    hv_dsb();
    hv_isb();
    if (rw) vm->dev_connected |= 1u << dev;
    else vm->dev_connected &= ~(1u << dev);
}
