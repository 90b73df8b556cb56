/*
 * sysmmu.h - short-descriptor translation tables for the system tests
 * (ARM ARM B3.5; formats also in ZYNQ_ARM_FACTS 3.2/3.3). All mappings are
 * Normal memory, write-back (TEX = 001, C = 1, B = 1); `ap` is AP[2:0].
 */
#ifndef SYS_MMU_H
#define SYS_MMU_H

#include <stdint.h>

#include "sys.h"

/* First level: 1 MiB section. */
static inline uint32_t sys_mmu_section(uint32_t pa, unsigned domain, unsigned ap, unsigned xn,
                                       unsigned ng)
{
    return (pa & 0xFFF00000u) | (ng << 17) | ((ap >> 2) << 15) | (1u << 12) | ((ap & 3u) << 10) |
           (domain << 5) | (xn << 4) | (1u << 3) | (1u << 2) | 2u;
}

/* First level: 16 MiB supersection (to be repeated in 16 entries; domain
 * 0, extended PA bits 0). */
static inline uint32_t sys_mmu_supersection(uint32_t pa, unsigned ap, unsigned xn)
{
    return (pa & 0xFF000000u) | (1u << 18) | ((ap >> 2) << 15) | (1u << 12) | ((ap & 3u) << 10) |
           (xn << 4) | (1u << 3) | (1u << 2) | 2u;
}

/* First level: pointer to a second-level (coarse) table, 1 KiB aligned. */
static inline uint32_t sys_mmu_table(const uint32_t *l2, unsigned domain)
{
    return ((uint32_t)l2 & 0xFFFFFC00u) | (domain << 5) | 1u;
}

/* Second level: 4 KiB small page. */
static inline uint32_t sys_mmu_small(uint32_t pa, unsigned ap, unsigned xn, unsigned ng)
{
    return (pa & 0xFFFFF000u) | (ng << 11) | ((ap >> 2) << 9) | (1u << 6) | ((ap & 3u) << 4) |
           (1u << 3) | (1u << 2) | 2u | xn;
}

/* Second level: 64 KiB large page (to be repeated in 16 entries). */
static inline uint32_t sys_mmu_large(uint32_t pa, unsigned ap, unsigned xn, unsigned ng)
{
    return (pa & 0xFFFF0000u) | (xn << 15) | (1u << 12) | (ng << 11) | ((ap >> 2) << 9) |
           ((ap & 3u) << 4) | (1u << 3) | (1u << 2) | 1u;
}

/* Identity-map the 128 MiB of DDR at 0 with global sections, domain 0,
 * AP = 011 (read/write at PL1 and PL0; AF = 1 under SCTLR.AFE), executable;
 * every other first-level entry faults. */
static inline void sys_mmu_identity(uint32_t *l1)
{
    for (uint32_t i = 0; i < 4096; i++)
        l1[i] = i < 128 ? sys_mmu_section(i << 20, 0, 3, 0, 0) : 0;
}

/* TLBIALL, with the barriers that make table writes visible first. */
static inline void sys_mmu_tlbiall(void)
{
    sys_dsb();
    SYS_MCR(0, c8, c7, 0, 0);
    sys_dsb();
    sys_isb();
}

/* TTBCR = 0 (TTBR0 only), TTBR0 = l1 (16 KiB aligned), DACR, TLBIALL,
 * SCTLR.M = 1. */
static inline void sys_mmu_enable(const uint32_t *l1, uint32_t dacr)
{
    SYS_MCR(0, c2, c0, 2, 0);
    SYS_MCR(0, c2, c0, 0, (uint32_t)l1);
    SYS_MCR(0, c3, c0, 0, dacr);
    sys_mmu_tlbiall();
    SYS_MCR(0, c1, c0, 0, SYS_MRC(0, c1, c0, 0) | SYS_SCTLR_M);
    sys_isb();
}

#endif
