/*
 * a9_cache.h - optional Cortex-A9 / Zynq-7000 cache timing model: L1
 * instruction cache, L1 data cache, unified L2 (PL310) and a fixed DDR
 * latency. Timing only: the data always lives in the RAM regions; the
 * model keeps tag arrays (line address, valid, dirty) to decide hit or
 * miss and charges the extra CPU cycles of an access beyond the L1 hit
 * that the pipeline model (a9_timing.c) already charges.
 *
 * Every figure below is cited here and nowhere else (models/arm/README.md
 * "Cache model" repeats them for readers):
 *  - L1: 32 KiB I + 32 KiB D, 4-way, 32-byte lines (ZYNQ_ARM_FACTS 4.3:
 *    Cortex-A9 TRM 7.3 [S19], OTAWA cache_a9.xml [S22]).
 *  - L2: PL310, 512 KiB, 8-way, 32-byte lines (ZYNQ_ARM_FACTS 4.3 [S22]).
 *  - L1 hit 4 cycles, L2 hit 23 cycles, so an L2 hit costs +19
 *    (ZYNQ_ARM_FACTS 4.3, 7-cpu Cortex-A9 measurements [S23]).
 *  - DDR: +110 ns beyond an L2 hit [S23]; at 666.67 MHz (1.5 ns/cycle)
 *    that is ~73 cycles, so a full miss costs ~23 + 73 ~ 96 cycles, +92
 *    beyond the L1 hit ([DERIVED] in ZYNQ_ARM_FACTS 4.3, "~100 cycles").
 *  - Line write-back L1 -> L2: 8 cycles, the L2->L1 refill time of one
 *    line ("~7-8.7 cycles per line" [S23]) taken as symmetric [DERIVED].
 *  - Line write-back to DDR: 45 cycles, "RAM random read ~68 ns per
 *    line" [S23] at 1.5 ns/cycle, taken as symmetric [DERIVED].
 *
 * Model choices (documented in models/arm/README.md):
 *  - Replacement: true LRU per set (a modelling choice, deterministic;
 *    the hardware uses pseudo-random replacement [UNVERIFIED, not in the
 *    project's sourced facts]). Invalid ways are filled first.
 *  - Lookup by physical address at every level (the A9 L1 I-cache is
 *    VIPT [S19]; with 32 KiB 4-way, 8 KiB per way, aliasing is ignored).
 *  - Policies per access from the memory attributes (inner -> L1, outer
 *    -> L2), ARM ARM encoding: 0 non-cacheable, 1 write-back
 *    write-allocate, 2 write-through, 3 write-back no write-allocate.
 *    Reads allocate in every cacheable level. Writes allocate in L1 only
 *    for write-allocate memory; otherwise they are posted to the next
 *    level (the store buffer hides them: no cycles), where a hit marks
 *    the line dirty (write-back) and a miss allocates only for
 *    write-allocate memory. Write-through hits never make a line dirty.
 *  - An L1 miss reads from L2 (hit +19, miss +92 and the line allocates
 *    in L2) or, with the L2 disabled or outer non-cacheable memory, from
 *    DDR (+92). Uncached accesses to RAM (Strongly-ordered, Device,
 *    Normal non-cacheable at both levels) cost +92 each, reads and
 *    writes (no store buffer for them).
 *  - Dirty victims are written back on eviction with their cost: L1 ->
 *    L2 8 cycles (the line allocates in L2, dirty), L1 -> DDR (L2
 *    disabled) or L2 -> DDR 45 cycles. No eviction buffer, no linefill
 *    buffers, no prefetcher, no store-buffer merging.
 */
#ifndef A9_CACHE_H
#define A9_CACHE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- geometry ---- */
#define A9C_LINE_SHIFT 5u     /* 32-byte lines, L1 and L2 [S19, S22] */
#define A9C_LINE_BYTES (1u << A9C_LINE_SHIFT)
#define A9C_L1_WAYS 4u        /* 32 KiB, 4-way [S19, S22] */
#define A9C_L1_SETS 256u      /* 32 KiB / (4 ways * 32 B) */
#define A9C_L2_WAYS 8u        /* 512 KiB, 8-way [S22] */
#define A9C_L2_SETS 2048u     /* 512 KiB / (8 ways * 32 B) */

/* ---- latencies: extra CPU cycles beyond an L1 hit ---- */
#define A9C_L2_HIT_CYCLES 19u  /* L2 hit 23 vs L1 hit 4 [S23] */
#define A9C_MEM_CYCLES 92u     /* full miss: 19 + 73 (110 ns of DDR at 666.67 MHz) [S23, DERIVED] */
#define A9C_L1_WB_CYCLES 8u    /* dirty L1 line written into L2 (refill time per line) [S23, DERIVED] */
#define A9C_MEM_WB_CYCLES 45u  /* dirty line written to DDR (68 ns per line) [S23, DERIVED] */

/* ---- memory attributes: cacheability policy per level ---- */
enum { A9C_NC = 0, A9C_WBWA = 1, A9C_WT = 2, A9C_WB = 3 };
/* Attribute byte: inner policy (L1) in bits 1:0, outer policy (L2) in bits 3:2. */
#define A9C_ATTR(inner, outer) ((unsigned)(inner) | ((unsigned)(outer) << 2))
#define A9C_ATTR_INNER(a) ((a) & 3u)
#define A9C_ATTR_OUTER(a) (((a) >> 2) & 3u)
#define A9C_ATTR_UNCACHED 0u

/*
 * Attribute byte of a short-descriptor translation (ARM ARM B3.8.2, TEX
 * remap off, table B3-10; B3.8.3 with TEX remap on):
 *  - tre = 0: TEX[2] = 1 -> inner = C:B, outer = TEX[1:0]; TEX 000 C 1
 *    -> write-through (B 0) or write-back no write-allocate (B 1) at both
 *    levels; TEX 001 C 1 B 1 -> write-back write-allocate; TEX 001 C 0
 *    B 0 -> Normal non-cacheable; Strongly-ordered, Device and reserved
 *    encodings -> uncached;
 *  - tre = 1: n = TEX[0]:C:B; PRRR[2n+1:2n] = 2 (Normal) -> inner =
 *    NMRR[2n+1:2n], outer = NMRR[2n+17:2n+16]; else uncached.
 */
unsigned a9c_attr_from_desc(unsigned tex, unsigned c, unsigned b, int tre, uint32_t prrr,
                            uint32_t nmrr);
/* Attribute of a translation-table walk from TTBR0/TTBR1 (multiprocessing
 * extensions format, ARM ARM B4.1.154): inner = IRGN = TTBR[0]:TTBR[6],
 * outer = RGN = TTBR[4:3]. */
unsigned a9c_attr_from_ttbr(uint32_t ttbr);

/* ---- the model ---- */

/* Per-level counters (all monotonic since a9c_new). */
typedef struct a9c_stats {
    uint64_t l1i_hits, l1i_misses;
    uint64_t l1d_hits, l1d_misses, l1d_writebacks;
    uint64_t l2_hits, l2_misses, l2_writebacks;
    uint64_t uncached;     /* data accesses (and walks) to RAM that bypassed every cache */
    uint64_t uncached_fetches; /* instruction line fetches from RAM that bypassed every cache */
    uint64_t stall_cycles; /* every extra cycle returned by the model */
} a9c_stats;

typedef struct a9_cache a9_cache;

/* Allocate a model with every line invalid and the L2 disabled. NULL on
 * allocation failure. */
a9_cache *a9c_new(void);
void a9c_free(a9_cache *c);
/* Invalidate every line of every level (no write-back); counters kept. */
void a9c_invalidate_all(a9_cache *c);
/* L2 (PL310) enable. Enabling or disabling invalidates the L2 lines. */
void a9c_set_l2(a9_cache *c, int on);
int a9c_l2_enabled(const a9_cache *c);
const a9c_stats *a9c_get_stats(const a9_cache *c);

/*
 * Accesses. pa: physical address (any byte of the line); attr: attribute
 * byte (A9C_ATTR). Each returns the extra CPU cycles of the access (0 for
 * an L1 hit) and adds them to the stall counter.
 * a9c_data: one data access to one line (the caller splits accesses that
 * cross a line). a9c_fetch: an instruction fetch of one line.
 */
uint32_t a9c_data(a9_cache *c, uint32_t pa, unsigned attr, int is_write);
uint32_t a9c_fetch(a9_cache *c, uint32_t pa, unsigned attr);

/* ---- maintenance (CP15 c7); each returns the extra cycles ---- */
#define A9C_OP_CLEAN 1u  /* write back a dirty line */
#define A9C_OP_INVAL 2u  /* invalidate the line (after a clean when both) */
/* Invalidate the whole L1 I-cache (ICIALLU, ICIALLUIS). */
void a9c_icache_invalidate_all(a9_cache *c);
/* Invalidate the L1 I-cache line holding pa (ICIMVAU). */
void a9c_icache_invalidate_line(a9_cache *c, uint32_t pa);
/*
 * Data/unified cache maintenance by address (DCIMVAC, DCCMVAC, DCCMVAU,
 * DCCIMVAC): op = A9C_OP_* bits on the line holding pa in L1 D and, when
 * to_poc and the L2 is enabled, in L2 as well (point of coherency beyond
 * L2; point of unification = L1 only). A cleaned dirty L1 line is written
 * into L2 (when enabled) or DDR; a cleaned dirty L2 line to DDR.
 */
uint32_t a9c_dcache_mva(a9_cache *c, uint32_t pa, unsigned op, int to_poc);
/*
 * Set/way maintenance (DCISW, DCCSW, DCCISW): level 0 = L1 D (set 0..255,
 * way 0..3), level 1 = L2 (set 0..2047, way 0..7; ignored while the L2 is
 * disabled). Out-of-range operands are ignored.
 */
uint32_t a9c_dcache_setway(a9_cache *c, unsigned level, unsigned set, unsigned way,
                           unsigned op);

#ifdef __cplusplus
}
#endif

#endif /* A9_CACHE_H */
