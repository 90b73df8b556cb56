/*
 * a9_cache.c - Cortex-A9 / Zynq-7000 cache timing model (a9_cache.h has
 * the figures, their sources and the model choices).
 *
 * Each level is a tag array of sets x ways entries. An entry holds the
 * line's physical address (bits 31:5) with the valid and dirty flags in
 * the free low bits, and an LRU stamp (the value of a per-model access
 * counter at the last use).
 */
#include <stdlib.h>
#include <string.h>

#include "a9_cache.h"
#include "arm_internal.h"

#define LINE_VALID 1u
#define LINE_DIRTY 2u
#define LINE_ADDR(pa) ((pa) & ~(A9C_LINE_BYTES - 1u))

typedef struct a9c_level {
    uint32_t *tag;    /* [set * ways + way]: line address | LINE_* */
    uint64_t *stamp;  /* LRU stamp of the same entry */
    unsigned sets, ways;
} a9c_level;

struct a9_cache {
    a9c_level l1i, l1d, l2;
    int l2_on;
    uint64_t tick;    /* LRU clock */
    a9c_stats st;
};

/* ---- attributes ---- */

unsigned a9c_attr_from_desc(unsigned tex, unsigned c, unsigned b, int tre, uint32_t prrr,
                            uint32_t nmrr)
{
    unsigned cb = ((c & 1u) << 1) | (b & 1u);
    if (tre) {
        unsigned n = ((tex & 1u) << 2) | cb;
        if (((prrr >> (2 * n)) & 3u) != 2u) return A9C_ATTR_UNCACHED; /* SO / Device */
        return A9C_ATTR((nmrr >> (2 * n)) & 3u, (nmrr >> (2 * n + 16)) & 3u);
    }
    if (tex & 4u) return A9C_ATTR(cb, tex & 3u); /* cacheable memory: inner C:B, outer TEX[1:0] */
    switch (((tex & 3u) << 2) | cb) {
    case 0x2: return A9C_ATTR(A9C_WT, A9C_WT); /* TEX 000 C 1 B 0 */
    case 0x3: return A9C_ATTR(A9C_WB, A9C_WB); /* TEX 000 C 1 B 1 */
    case 0x7: return A9C_ATTR(A9C_WBWA, A9C_WBWA); /* TEX 001 C 1 B 1 */
    default: return A9C_ATTR_UNCACHED; /* SO, Device, Normal NC, reserved */
    }
}

unsigned a9c_attr_from_ttbr(uint32_t ttbr)
{
    unsigned irgn = ((ttbr & 1u) << 1) | ((ttbr >> 6) & 1u);
    return A9C_ATTR(irgn, (ttbr >> 3) & 3u);
}

/* ---- tag arrays ---- */

static int level_init(a9c_level *lv, unsigned sets, unsigned ways)
{
    lv->sets = sets;
    lv->ways = ways;
    lv->tag = calloc((size_t)sets * ways, sizeof *lv->tag);
    lv->stamp = calloc((size_t)sets * ways, sizeof *lv->stamp);
    return lv->tag && lv->stamp ? 0 : -1;
}

static void level_free(a9c_level *lv)
{
    free(lv->tag);
    free(lv->stamp);
}

static void level_invalidate(a9c_level *lv)
{
    memset(lv->tag, 0, (size_t)lv->sets * lv->ways * sizeof *lv->tag);
    memset(lv->stamp, 0, (size_t)lv->sets * lv->ways * sizeof *lv->stamp);
}

static inline unsigned set_of(const a9c_level *lv, uint32_t line)
{
    return (line >> A9C_LINE_SHIFT) & (lv->sets - 1u);
}

/* Index of the entry holding line, or -1. */
static int find(const a9c_level *lv, uint32_t line)
{
    unsigned base = set_of(lv, line) * lv->ways, w;
    for (w = 0; w < lv->ways; w++) {
        uint32_t t = lv->tag[base + w];
        if ((t & LINE_VALID) && LINE_ADDR(t) == line) return (int)(base + w);
    }
    return -1;
}

/* Victim entry for line's set: an invalid way, else the least recently used. */
static unsigned victim(const a9c_level *lv, uint32_t line)
{
    unsigned base = set_of(lv, line) * lv->ways, w, best = base;
    for (w = 0; w < lv->ways; w++) {
        if (!(lv->tag[base + w] & LINE_VALID)) return base + w;
        if (lv->stamp[base + w] < lv->stamp[best]) best = base + w;
    }
    return best;
}

static inline void touch(a9_cache *c, a9c_level *lv, unsigned e)
{
    lv->stamp[e] = ++c->tick;
}

/* ---- L2 ---- */

/* Install line in L2 (it is not there); writes back a dirty victim.
 * Returns the cycles of that write-back. */
static uint32_t l2_install(a9_cache *c, uint32_t line, int dirty)
{
    unsigned e = victim(&c->l2, line);
    uint32_t cyc = 0;
    if ((c->l2.tag[e] & (LINE_VALID | LINE_DIRTY)) == (LINE_VALID | LINE_DIRTY)) {
        c->st.l2_writebacks++;
        cyc = A9C_MEM_WB_CYCLES;
    }
    c->l2.tag[e] = line | LINE_VALID | (dirty ? LINE_DIRTY : 0);
    touch(c, &c->l2, e);
    return cyc;
}

/* A line read for an L1 fill or an L1-bypassing read: L2 when enabled and
 * the memory is outer cacheable, else DDR. */
static uint32_t l2_read(a9_cache *c, uint32_t line, unsigned outer)
{
    int e;
    if (!c->l2_on || outer == A9C_NC) return A9C_MEM_CYCLES;
    e = find(&c->l2, line);
    if (e >= 0) {
        c->st.l2_hits++;
        touch(c, &c->l2, (unsigned)e);
        return A9C_L2_HIT_CYCLES;
    }
    c->st.l2_misses++;
    return A9C_MEM_CYCLES + l2_install(c, line, 0);
}

/* A posted write (no L1 allocation) reaching the L2: state only, the
 * store buffer hides its time. */
static void l2_posted_write(a9_cache *c, uint32_t line, unsigned outer)
{
    int e;
    if (!c->l2_on || outer == A9C_NC) return;
    e = find(&c->l2, line);
    if (e >= 0) {
        c->st.l2_hits++;
        touch(c, &c->l2, (unsigned)e);
        if (outer != A9C_WT) c->l2.tag[e] |= LINE_DIRTY;
        return;
    }
    c->st.l2_misses++;
    if (outer == A9C_WBWA) (void)l2_install(c, line, 1);
}

/* A dirty L1 line written back: into L2 (allocating, dirty) when the L2
 * is enabled, else to DDR. */
static uint32_t l1_writeback(a9_cache *c, uint32_t line)
{
    int e;
    c->st.l1d_writebacks++;
    if (!c->l2_on) return A9C_MEM_WB_CYCLES;
    e = find(&c->l2, line);
    if (e >= 0) {
        touch(c, &c->l2, (unsigned)e);
        c->l2.tag[e] |= LINE_DIRTY;
        return A9C_L1_WB_CYCLES;
    }
    return A9C_L1_WB_CYCLES + l2_install(c, line, 1);
}

/* ---- lifetime ---- */

a9_cache *a9c_new(void)
{
    a9_cache *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    if (level_init(&c->l1i, A9C_L1_SETS, A9C_L1_WAYS) ||
        level_init(&c->l1d, A9C_L1_SETS, A9C_L1_WAYS) ||
        level_init(&c->l2, A9C_L2_SETS, A9C_L2_WAYS)) {
        a9c_free(c);
        return NULL;
    }
    return c;
}

void a9c_free(a9_cache *c)
{
    if (!c) return;
    level_free(&c->l1i);
    level_free(&c->l1d);
    level_free(&c->l2);
    free(c);
}

void a9c_invalidate_all(a9_cache *c)
{
    level_invalidate(&c->l1i);
    level_invalidate(&c->l1d);
    level_invalidate(&c->l2);
}

void a9c_set_l2(a9_cache *c, int on)
{
    if ((on != 0) != (c->l2_on != 0)) level_invalidate(&c->l2);
    c->l2_on = on != 0;
}

int a9c_l2_enabled(const a9_cache *c) { return c->l2_on; }

const a9c_stats *a9c_get_stats(const a9_cache *c) { return &c->st; }

/* ---- accesses ---- */

uint32_t a9c_data(a9_cache *c, uint32_t pa, unsigned attr, int is_write)
{
    unsigned inner = A9C_ATTR_INNER(attr), outer = A9C_ATTR_OUTER(attr);
    uint32_t line = LINE_ADDR(pa), cyc;
    int e;
    if (inner == A9C_NC) {
        if (outer == A9C_NC || !c->l2_on) {
            c->st.uncached++;
            cyc = A9C_MEM_CYCLES;
        } else if (is_write) {
            l2_posted_write(c, line, outer);
            cyc = 0;
        } else {
            cyc = l2_read(c, line, outer);
        }
        c->st.stall_cycles += cyc;
        return cyc;
    }
    e = find(&c->l1d, line);
    if (e >= 0) {
        c->st.l1d_hits++;
        touch(c, &c->l1d, (unsigned)e);
        if (is_write) {
            if (inner == A9C_WT) l2_posted_write(c, line, outer); /* write-through */
            else c->l1d.tag[e] |= LINE_DIRTY;
        }
        return 0;
    }
    c->st.l1d_misses++;
    if (is_write && inner != A9C_WBWA) {
        /* no write-allocate: the write goes on to the next level */
        l2_posted_write(c, line, outer);
        return 0;
    }
    {
        unsigned v = victim(&c->l1d, line);
        cyc = 0;
        if ((c->l1d.tag[v] & (LINE_VALID | LINE_DIRTY)) == (LINE_VALID | LINE_DIRTY))
            cyc += l1_writeback(c, LINE_ADDR(c->l1d.tag[v]));
        cyc += l2_read(c, line, outer);
        c->l1d.tag[v] = line | LINE_VALID | (is_write ? LINE_DIRTY : 0);
        touch(c, &c->l1d, v);
    }
    c->st.stall_cycles += cyc;
    return cyc;
}

uint32_t a9c_fetch(a9_cache *c, uint32_t pa, unsigned attr)
{
    unsigned inner = A9C_ATTR_INNER(attr), outer = A9C_ATTR_OUTER(attr);
    uint32_t line = LINE_ADDR(pa), cyc;
    int e;
    if (inner == A9C_NC) {
        if (outer == A9C_NC || !c->l2_on) {
            c->st.uncached_fetches++;
            cyc = A9C_MEM_CYCLES;
        } else {
            cyc = l2_read(c, line, outer);
        }
        c->st.stall_cycles += cyc;
        return cyc;
    }
    e = find(&c->l1i, line);
    if (e >= 0) {
        c->st.l1i_hits++;
        touch(c, &c->l1i, (unsigned)e);
        return 0;
    }
    c->st.l1i_misses++;
    cyc = l2_read(c, line, outer);
    {
        unsigned v = victim(&c->l1i, line);
        c->l1i.tag[v] = line | LINE_VALID;
        touch(c, &c->l1i, v);
    }
    c->st.stall_cycles += cyc;
    return cyc;
}

/* ---- maintenance ---- */

void a9c_icache_invalidate_all(a9_cache *c)
{
    level_invalidate(&c->l1i);
}

void a9c_icache_invalidate_line(a9_cache *c, uint32_t pa)
{
    int e = find(&c->l1i, LINE_ADDR(pa));
    if (e >= 0) c->l1i.tag[e] = 0;
}

/* Clean and/or invalidate entry e of the L1 D-cache. */
static uint32_t l1d_entry_op(a9_cache *c, unsigned e, unsigned op)
{
    uint32_t t = c->l1d.tag[e], cyc = 0;
    if (!(t & LINE_VALID)) return 0;
    if ((op & A9C_OP_CLEAN) && (t & LINE_DIRTY)) {
        cyc = l1_writeback(c, LINE_ADDR(t));
        c->l1d.tag[e] = t & ~LINE_DIRTY;
    }
    if (op & A9C_OP_INVAL) c->l1d.tag[e] = 0;
    return cyc;
}

/* Clean and/or invalidate entry e of the L2. */
static uint32_t l2_entry_op(a9_cache *c, unsigned e, unsigned op)
{
    uint32_t t = c->l2.tag[e], cyc = 0;
    if (!(t & LINE_VALID)) return 0;
    if ((op & A9C_OP_CLEAN) && (t & LINE_DIRTY)) {
        c->st.l2_writebacks++;
        cyc = A9C_MEM_WB_CYCLES;
        c->l2.tag[e] = t & ~LINE_DIRTY;
    }
    if (op & A9C_OP_INVAL) c->l2.tag[e] = 0;
    return cyc;
}

uint32_t a9c_dcache_mva(a9_cache *c, uint32_t pa, unsigned op, int to_poc)
{
    uint32_t line = LINE_ADDR(pa), cyc = 0;
    int e = find(&c->l1d, line);
    if (e >= 0) cyc += l1d_entry_op(c, (unsigned)e, op);
    if (to_poc && c->l2_on) {
        e = find(&c->l2, line);
        if (e >= 0) cyc += l2_entry_op(c, (unsigned)e, op);
    }
    c->st.stall_cycles += cyc;
    return cyc;
}

uint32_t a9c_dcache_setway(a9_cache *c, unsigned level, unsigned set, unsigned way,
                           unsigned op)
{
    uint32_t cyc = 0;
    if (level == 0 && set < A9C_L1_SETS && way < A9C_L1_WAYS)
        cyc = l1d_entry_op(c, set * A9C_L1_WAYS + way, op);
    else if (level == 1 && c->l2_on && set < A9C_L2_SETS && way < A9C_L2_WAYS)
        cyc = l2_entry_op(c, set * A9C_L2_WAYS + way, op);
    c->st.stall_cycles += cyc;
    return cyc;
}

/* ==================================================================
 * CPU glue: hooks called by mem.c, mmu.c, cpu.c and cp15.c, and the
 * public API (arm_cpu.h "iss-cache block").
 * ================================================================== */

/* Attribute byte of a data access: MMU off = Strongly-ordered, SCTLR.C
 * = 0 = non-cacheable at every level (ARM ARM B3.2.1, B4.1.130). */
static inline unsigned data_attr(const arm_cpu *cpu)
{
    if (!cpu->mmu_on || !(cpu->cp15.sctlr & ARM_SCTLR_C)) return A9C_ATTR_UNCACHED;
    return cpu->cache_attr;
}

void arm_cache_data(arm_cpu *cpu, uint32_t pa, unsigned size, int is_write)
{
    uint32_t last = pa + size - 1u, cyc = 0;
    unsigned attr = data_attr(cpu);
    /* only RAM: MMIO accesses carry the delay their device annotates */
    if (arm_ram_ptr(cpu, pa, 0)) cyc += a9c_data(cpu->cache, pa, attr, is_write);
    if (LINE_ADDR(last) != LINE_ADDR(pa) && arm_ram_ptr(cpu, last, 0))
        cyc += a9c_data(cpu->cache, last, attr, is_write);
    cpu->cycles += cyc;
}

void arm_cache_walk(arm_cpu *cpu, uint32_t pa, unsigned attr)
{
    if (!(cpu->cp15.sctlr & ARM_SCTLR_C)) attr = A9C_ATTR_UNCACHED;
    if (arm_ram_ptr(cpu, pa, 0)) cpu->cycles += a9c_data(cpu->cache, pa, attr, 0);
}

void arm_cache_fetch(arm_cpu *cpu, uint32_t va)
{
    uint32_t pa;
    unsigned attr;
    int icache = (cpu->cp15.sctlr & ARM_SCTLR_I) != 0;
    cpu->cache_fetch_line = (va >> A9C_LINE_SHIFT) + 1u;
    if (!cpu->mmu_on) {
        /* MMU off: instruction fetches are Normal write-through cacheable
         * when SCTLR.I (ARM ARM B3.2.1) */
        pa = va;
        attr = icache ? A9C_ATTR(A9C_WT, A9C_WT) : A9C_ATTR_UNCACHED;
    } else {
        /* the debugger view: no TLB fill, no statistics; the fetch itself
         * translates (and faults) as usual afterwards */
        if (arm_mmu_translate(cpu, va, ARM_ACC_DEBUG, 0, &pa)) return;
        attr = icache ? cpu->cache_attr : A9C_ATTR_UNCACHED;
    }
    if (arm_ram_ptr(cpu, pa, 0)) cpu->cycles += a9c_fetch(cpu->cache, pa, attr);
}

/* Physical address of a maintenance MVA; 0 on success. */
static int mva_to_pa(arm_cpu *cpu, uint32_t va, uint32_t *pa)
{
    if (!cpu->mmu_on) {
        *pa = va;
        return 0;
    }
    return arm_mmu_translate(cpu, va, ARM_ACC_DEBUG, 0, pa) ? -1 : 0;
}

/* Set/way operand (ARM ARM B4.2.1, DCISW): level in bits 3:1, way in
 * bits 31:32-A, set in bits B-1:L with L = log2(32) = 5, A = log2(ways),
 * B = L + log2(sets) of that level (CCSIDR, cp15.c). */
static uint32_t setway(arm_cpu *cpu, uint32_t v, unsigned op)
{
    unsigned level = (v >> 1) & 7u;
    if (level == 0)
        return a9c_dcache_setway(cpu->cache, 0, (v >> A9C_LINE_SHIFT) & (A9C_L1_SETS - 1u),
                                 v >> 30, op);
    if (level == 1)
        return a9c_dcache_setway(cpu->cache, 1, (v >> A9C_LINE_SHIFT) & (A9C_L2_SETS - 1u),
                                 v >> 29, op);
    return 0;
}

void arm_cache_maint(arm_cpu *cpu, unsigned crm, unsigned opc2, uint32_t value)
{
    uint32_t pa, cyc = 0;
    switch ((crm << 3) | opc2) {
    case (1u << 3) | 0: /* ICIALLUIS */
    case (5u << 3) | 0: /* ICIALLU */
        a9c_icache_invalidate_all(cpu->cache);
        cpu->cache_fetch_line = 0;
        break;
    case (5u << 3) | 1: /* ICIMVAU */
        if (!mva_to_pa(cpu, value, &pa)) a9c_icache_invalidate_line(cpu->cache, pa);
        cpu->cache_fetch_line = 0;
        break;
    case (1u << 3) | 6: /* BPIALLIS */
    case (5u << 3) | 6: /* BPIALL */
    case (5u << 3) | 7: /* BPIMVA: the whole BTAC too (simpler, never less correct) */
        memset(cpu->bp_btac, 0, sizeof cpu->bp_btac);
        memset(cpu->bp_btac_lru, 0, sizeof cpu->bp_btac_lru);
        break;
    case (6u << 3) | 1: /* DCIMVAC */
        if (!mva_to_pa(cpu, value, &pa)) cyc = a9c_dcache_mva(cpu->cache, pa, A9C_OP_INVAL, 1);
        break;
    case (6u << 3) | 2: /* DCISW */
        cyc = setway(cpu, value, A9C_OP_INVAL);
        break;
    case (10u << 3) | 1: /* DCCMVAC */
        if (!mva_to_pa(cpu, value, &pa)) cyc = a9c_dcache_mva(cpu->cache, pa, A9C_OP_CLEAN, 1);
        break;
    case (10u << 3) | 2: /* DCCSW */
        cyc = setway(cpu, value, A9C_OP_CLEAN);
        break;
    case (11u << 3) | 1: /* DCCMVAU: to the point of unification = L1 only */
        if (!mva_to_pa(cpu, value, &pa)) cyc = a9c_dcache_mva(cpu->cache, pa, A9C_OP_CLEAN, 0);
        break;
    case (14u << 3) | 1: /* DCCIMVAC */
        if (!mva_to_pa(cpu, value, &pa))
            cyc = a9c_dcache_mva(cpu->cache, pa, A9C_OP_CLEAN | A9C_OP_INVAL, 1);
        break;
    case (14u << 3) | 2: /* DCCISW */
        cyc = setway(cpu, value, A9C_OP_CLEAN | A9C_OP_INVAL);
        break;
    default:
        break;
    }
    cpu->cycles += cyc;
}

void arm_cache_reset(arm_cpu *cpu)
{
    /* cache contents are UNKNOWN after reset: start empty */
    if (cpu->cache) a9c_invalidate_all(cpu->cache);
    cpu->cache_fetch_line = 0;
}

int arm_cpu_set_cache_model(arm_cpu *cpu, bool on)
{
    if (on && !cpu->cache) {
        cpu->cache = a9c_new();
        if (!cpu->cache) return -1;
    }
    if (cpu->cache) {
        a9c_set_l2(cpu->cache, cpu->cache_l2_on);
        /* switching on starts cold; off, the tags are not maintained */
        if (on && !cpu->cache_on) a9c_invalidate_all(cpu->cache);
    }
    cpu->cache_on = on;
    cpu->cache_fetch_line = 0;
    arm_update_data_slow(cpu);
    return 0;
}

bool arm_cpu_get_cache_model(const arm_cpu *cpu) { return cpu->cache_on != 0; }

void arm_cpu_set_l2_enabled(arm_cpu *cpu, bool on)
{
    cpu->cache_l2_on = on;
    if (cpu->cache) a9c_set_l2(cpu->cache, on);
}

void arm_cpu_get_cache_stats(const arm_cpu *cpu, arm_cache_stats *out)
{
    memset(out, 0, sizeof *out);
    if (cpu->cache) {
        const a9c_stats *s = a9c_get_stats(cpu->cache);
        out->l1i_hits = s->l1i_hits;
        out->l1i_misses = s->l1i_misses;
        out->l1d_hits = s->l1d_hits;
        out->l1d_misses = s->l1d_misses;
        out->l1d_writebacks = s->l1d_writebacks;
        out->l2_hits = s->l2_hits;
        out->l2_misses = s->l2_misses;
        out->l2_writebacks = s->l2_writebacks;
        out->uncached = s->uncached;
        out->uncached_fetches = s->uncached_fetches;
        out->stall_cycles = s->stall_cycles;
    }
}
