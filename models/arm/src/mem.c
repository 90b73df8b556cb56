/*
 * mem.c - data-side memory access: RAM regions (fast path tables), the
 * translation step (identity until the MMU of issue 3), alignment checks,
 * the bus slow path and external aborts, debugger access.
 */
#include <stdlib.h>

#include "arm_internal.h"

int arm_cpu_add_ram(arm_cpu *cpu, uint32_t base, uint32_t size, uint8_t *host, int read_only)
{
    uint64_t end = (uint64_t)base + size, a;
    unsigned k;
    if (!host || size == 0 || (base & 0xFFFu) || (size & 0xFFFu) || end > 0x100000000ull)
        return -1;
    if (cpu->nram >= ARM_MAX_RAM_REGIONS) return -1;
    for (k = 0; k < cpu->nram; k++) {
        uint64_t b2 = cpu->ram[k].base, e2 = b2 + cpu->ram[k].size;
        if (base < e2 && b2 < end) return -1;
    }
    /* allocate page arrays first so a failure leaves the tables unchanged */
    for (a = base; a < end; a = (a | 0xFFFFFu) + 1) {
        unsigned mb = (unsigned)(a >> 20);
        int full = (a & 0xFFFFFu) == 0 && end - a >= 0x100000u;
        if (!full && !cpu->ram_pg_rd[mb]) {
            cpu->ram_pg_rd[mb] = calloc(256, sizeof(uint8_t *));
            cpu->ram_pg_wr[mb] = calloc(256, sizeof(uint8_t *));
            if (!cpu->ram_pg_rd[mb] || !cpu->ram_pg_wr[mb]) return -1;
        }
    }
    for (a = base; a < end; a = (a | 0xFFFFFu) + 1) {
        unsigned mb = (unsigned)(a >> 20);
        int full = (a & 0xFFFFFu) == 0 && end - a >= 0x100000u;
        uint8_t *h = host + (a - base);
        if (full) {
            cpu->ram_mb_rd[mb] = h;
            cpu->ram_mb_wr[mb] = read_only ? NULL : h;
            if (cpu->ram_pg_rd[mb]) {
                for (k = 0; k < 256; k++) {
                    cpu->ram_pg_rd[mb][k] = h + (k << 12);
                    cpu->ram_pg_wr[mb][k] = read_only ? NULL : h + (k << 12);
                }
            }
        } else {
            uint64_t p, pend = ((a | 0xFFFFFu) + 1) < end ? ((a | 0xFFFFFu) + 1) : end;
            for (p = a; p < pend; p += 0x1000u) {
                unsigned pg = (unsigned)((p >> 12) & 0xFF);
                cpu->ram_pg_rd[mb][pg] = host + (p - base);
                cpu->ram_pg_wr[mb][pg] = read_only ? NULL : host + (p - base);
            }
        }
    }
    cpu->ram[cpu->nram].base = base;
    cpu->ram[cpu->nram].size = size;
    cpu->ram[cpu->nram].host = host;
    cpu->ram[cpu->nram].read_only = read_only;
    cpu->nram++;
    return 0;
}

uint32_t arm_mem_translate(arm_cpu *cpu, uint32_t va, unsigned acc, int is_write, uint32_t *pa)
{
    /* MMU off: flat mapping. MMU on: short-descriptor translation (mmu.c). */
    if (ARM_LIKELY(!cpu->mmu_on)) {
        *pa = va;
        return 0;
    }
    return arm_mmu_translate(cpu, va, acc, is_write, pa);
}

/* ---- MMU host-pointer cache (see arm_fast_entry in arm_internal.h) ---- */

void arm_fast_flush(arm_cpu *cpu)
{
    /* skipped when nothing was filled: hypervisors write TTBR0, DACR and
     * CONTEXTIDR back to back on every VM switch */
    if (!cpu->fast_dirty) return;
    memset(cpu->fast, 0xFF, sizeof cpu->fast); /* va_page = ARM_FAST_INVALID */
    cpu->fast_dirty = 0;
}

void arm_fast_drop_page(arm_cpu *cpu, uint32_t va_page)
{
    unsigned idx = (va_page >> 12) & (ARM_FAST_SIZE - 1), p, k;
    for (p = 0; p < 2; p++)
        for (k = 0; k < ARM_FAST_KINDS; k++)
            if (cpu->fast[p][k][idx].va_page == va_page)
                cpu->fast[p][k][idx].va_page = ARM_FAST_INVALID;
}

void arm_fast_fill(arm_cpu *cpu, uint32_t va, uint32_t pa, unsigned kind, unsigned acc)
{
    uint32_t vpage = va & ~0xFFFu;
    arm_fast_entry *e;
    uint8_t *h;
    if (!cpu->mmu_on || (acc & ARM_ACC_DEBUG)) return;
    /* RAM only (MMIO pages always reach the bus); writes need writable RAM */
    h = arm_ram_ptr(cpu, pa & ~0xFFFu, kind == ARM_FAST_WR);
    if (!h) return;
    e = &cpu->fast[(acc & ARM_ACC_USER) ? 0 : cpu->priv][kind][(va >> 12) & (ARM_FAST_SIZE - 1)];
    e->va_page = vpage;
    e->addend = (uintptr_t)h - vpage;
    /* iss-cache: the translation's PA page and attributes (cache_attr is
     * that of the translation just done) */
    cpu->cache_fast_pa[(acc & ARM_ACC_USER) ? 0 : cpu->priv][kind][(va >> 12) & (ARM_FAST_SIZE - 1)] =
        pa & ~0xFFFu;
    cpu->cache_fast_attr[(acc & ARM_ACC_USER) ? 0 : cpu->priv][kind][(va >> 12) & (ARM_FAST_SIZE - 1)] =
        (uint8_t)cpu->cache_attr;
    cpu->fast_dirty = 1;
}

/* Physical access of `size` bytes (1, 2, 4) that does not cross a 4 KiB page.
 * Returns 0 or a fault status (external abort). */
static uint32_t phys_read(arm_cpu *cpu, uint32_t pa, unsigned size, uint32_t *v)
{
    uint8_t *h = arm_ram_ptr(cpu, pa, 0);
    uint32_t cyc = 0;
    if (h) {
        *v = 0;
        memcpy(v, h, size);
        return 0;
    }
    cpu->slow_accesses++;
    *v = 0;
    if (!cpu->bus.read || cpu->bus.read(cpu->bus.opaque, pa, size, v, &cyc) != ARM_BUS_OK)
        return ARM_FSR_EXTABT | ARM_FSR_EXT;
    if (size < 4) *v &= (1u << (8 * size)) - 1;
    cpu->cycles += cyc;
    return 0;
}

static uint32_t phys_write(arm_cpu *cpu, uint32_t pa, unsigned size, uint32_t v)
{
    uint8_t *h = arm_ram_ptr(cpu, pa, 1);
    uint32_t cyc = 0;
    if (h) {
        memcpy(h, &v, size);
        return 0;
    }
    if (arm_ram_ptr(cpu, pa, 0)) return ARM_FSR_EXTABT | ARM_FSR_EXT; /* ROM */
    cpu->slow_accesses++;
    if (size < 4) v &= (1u << (8 * size)) - 1;
    if (!cpu->bus.write || cpu->bus.write(cpu->bus.opaque, pa, size, v, &cyc) != ARM_BUS_OK)
        return ARM_FSR_EXTABT | ARM_FSR_EXT;
    cpu->cycles += cyc;
    return 0;
}

/* iss-cache: charge the cache model (a9_cache.c) for a data access at pa
 * right after its translation (cpu->cache_attr is that translation's).
 * With the model off, one predictable test. */
static inline void cache_charge(arm_cpu *cpu, uint32_t pa, unsigned size, int is_write)
{
    if (ARM_UNLIKELY(cpu->cache_on)) arm_cache_data(cpu, pa, size, is_write);
}

/*
 * iss-cache: with the cache model on, every data access comes to the slow
 * path (ARM_SLOW_CACHE). For an aligned access with the MMU on whose page
 * the host-pointer cache holds (same invariants as the inline fast path),
 * skip the translation: charge the model with the PA and attributes kept
 * beside the entry and return the host pointer; NULL otherwise.
 */
static inline uint8_t *cache_fast(arm_cpu *cpu, uint32_t va, unsigned size, unsigned kind,
                                  unsigned acc)
{
    unsigned pl = (acc & ARM_ACC_USER) ? 0 : cpu->priv, idx = (va >> 12) & (ARM_FAST_SIZE - 1);
    const arm_fast_entry *e = &cpu->fast[pl][kind][idx];
    if (!cpu->cache_on || !cpu->mmu_on || (va & (size - 1)) || e->va_page != (va & ~0xFFFu))
        return NULL;
    cpu->tlb_fast_hits++;
    cpu->cache_attr = cpu->cache_fast_attr[pl][kind][idx];
    arm_cache_data(cpu, cpu->cache_fast_pa[pl][kind][idx] | (va & 0xFFFu), size,
                   kind == ARM_FAST_WR);
    return (uint8_t *)(e->addend + va);
}

static void check_align(arm_cpu *cpu, uint32_t va, unsigned size, unsigned acc, int is_write)
{
    if (va & (size - 1)) {
        if ((acc & ARM_ACC_ALIGN) || (cpu->cp15.sctlr & ARM_SCTLR_A))
            arm_raise_dabt(cpu, va, ARM_FSR_ALIGN | (is_write ? ARM_FSR_WNR : 0));
    }
}

/* Big-endian data (CPSR.E): reverse the bytes of the access. */
static inline uint32_t endian(const arm_cpu *cpu, uint32_t v, unsigned size)
{
    if (!(cpu->cpsr_rest & ARM_CPSR_E) || size == 1) return v;
    return size == 2 ? (uint32_t)__builtin_bswap16((uint16_t)v) : __builtin_bswap32(v);
}

static uint32_t read_le(arm_cpu *cpu, uint32_t va, unsigned size, unsigned acc);

uint32_t arm_read_slow(arm_cpu *cpu, uint32_t va, unsigned size, unsigned acc)
{
    return endian(cpu, read_le(cpu, va, size, acc), size);
}

static void write_le(arm_cpu *cpu, uint32_t va, unsigned size, uint32_t v, unsigned acc);

void arm_write_slow(arm_cpu *cpu, uint32_t va, unsigned size, uint32_t v, unsigned acc)
{
    write_le(cpu, va, size, endian(cpu, v, size), acc);
}

static uint32_t read_le(arm_cpu *cpu, uint32_t va, unsigned size, unsigned acc)
{
    uint32_t pa, fsr, v = 0;
    uint8_t *hf = cache_fast(cpu, va, size, ARM_FAST_RD, acc);
    if (hf) {
        memcpy(&v, hf, size);
        return v;
    }
    check_align(cpu, va, size, acc, 0);
    if ((va & (size - 1)) && (va & 0xFFFu) + size <= 0x1000u) {
        uint8_t *h;
        fsr = arm_mem_translate(cpu, va, acc, 0, &pa);
        if (fsr) arm_raise_dabt(cpu, va, fsr);
        arm_fast_fill(cpu, va, pa, ARM_FAST_RD, acc);
        h = arm_ram_ptr(cpu, pa, 0);
        if (h) {
            cache_charge(cpu, pa, size, 0);
            memcpy(&v, h, size);
            return v;
        }
    }
    if ((va & 0xFFFu) + size > 0x1000u || (va & (size - 1))) {
        /* unaligned: byte by byte (each byte translated: may cross pages) */
        unsigned k;
        uint32_t prev = 0;
        for (k = 0; k < size; k++) {
            uint32_t b;
            fsr = arm_mem_translate(cpu, va + k, acc, 0, &pa);
            if (!fsr) {
                /* iss-cache: one charge per line touched */
                if (k == 0 || ((pa ^ prev) & ~31u)) cache_charge(cpu, pa, 1, 0);
                prev = pa;
                fsr = phys_read(cpu, pa, 1, &b);
            }
            if (fsr) arm_raise_dabt(cpu, va + k, fsr);
            v |= b << (8 * k);
        }
        return v;
    }
    fsr = arm_mem_translate(cpu, va, acc, 0, &pa);
    if (!fsr) {
        arm_fast_fill(cpu, va, pa, ARM_FAST_RD, acc);
        cache_charge(cpu, pa, size, 0);
        fsr = phys_read(cpu, pa, size, &v);
    }
    if (fsr) arm_raise_dabt(cpu, va, fsr);
    return v;
}

static void write_le(arm_cpu *cpu, uint32_t va, unsigned size, uint32_t v, unsigned acc)
{
    uint32_t pa, fsr;
    uint8_t *hf = cache_fast(cpu, va, size, ARM_FAST_WR, acc);
    if (hf) {
        memcpy(hf, &v, size);
        return;
    }
    check_align(cpu, va, size, acc, 1);
    if ((va & (size - 1)) && (va & 0xFFFu) + size <= 0x1000u) {
        uint8_t *h;
        fsr = arm_mem_translate(cpu, va, acc, 1, &pa);
        if (fsr) arm_raise_dabt(cpu, va, fsr | ARM_FSR_WNR);
        arm_fast_fill(cpu, va, pa, ARM_FAST_WR, acc);
        h = arm_ram_ptr(cpu, pa, 1);
        if (h) {
            cache_charge(cpu, pa, size, 1);
            memcpy(h, &v, size);
            return;
        }
    }
    if ((va & 0xFFFu) + size > 0x1000u || (va & (size - 1))) {
        unsigned k;
        /* translate all bytes first so a fault leaves memory unchanged */
        for (k = 0; k < size; k++) {
            fsr = arm_mem_translate(cpu, va + k, acc, 1, &pa);
            if (fsr) arm_raise_dabt(cpu, va + k, fsr | ARM_FSR_WNR);
        }
        for (k = 0; k < size; k++) {
            uint32_t prev = pa;
            arm_mem_translate(cpu, va + k, acc, 1, &pa);
            /* iss-cache: one charge per line touched */
            if (k == 0 || ((pa ^ prev) & ~31u)) cache_charge(cpu, pa, 1, 1);
            fsr = phys_write(cpu, pa, 1, (v >> (8 * k)) & 0xFF);
            if (fsr) arm_raise_dabt(cpu, va + k, fsr | ARM_FSR_WNR);
        }
        return;
    }
    fsr = arm_mem_translate(cpu, va, acc, 1, &pa);
    if (!fsr) {
        arm_fast_fill(cpu, va, pa, ARM_FAST_WR, acc);
        cache_charge(cpu, pa, size, 1);
        fsr = phys_write(cpu, pa, size, v);
    }
    if (fsr) arm_raise_dabt(cpu, va, fsr | ARM_FSR_WNR);
}

/* ---- debugger / semihosting view: no CPU side effects ---- */

int arm_cpu_read_mem(arm_cpu *cpu, uint32_t va, void *buf, size_t len)
{
    uint8_t *out = buf;
    size_t k;
    uint64_t saved_slow = cpu->slow_accesses, saved_cycles = cpu->cycles;
    for (k = 0; k < len; k++) {
        uint32_t pa, b;
        if (arm_mem_translate(cpu, (uint32_t)(va + k), ARM_ACC_DEBUG, 0, &pa) ||
            phys_read(cpu, pa, 1, &b)) {
            cpu->slow_accesses = saved_slow;
            cpu->cycles = saved_cycles;
            return -1;
        }
        out[k] = (uint8_t)b;
    }
    cpu->slow_accesses = saved_slow;
    cpu->cycles = saved_cycles;
    return 0;
}

int arm_cpu_write_mem(arm_cpu *cpu, uint32_t va, const void *buf, size_t len)
{
    const uint8_t *in = buf;
    size_t k;
    uint64_t saved_slow = cpu->slow_accesses, saved_cycles = cpu->cycles;
    for (k = 0; k < len; k++) {
        uint32_t pa;
        uint8_t *h;
        if (arm_mem_translate(cpu, (uint32_t)(va + k), ARM_ACC_DEBUG, 1, &pa)) return -1;
        /* the debugger may write ROM regions too */
        h = arm_ram_ptr(cpu, pa, 0);
        if (h) {
            *h = in[k];
        } else if (phys_write(cpu, pa, 1, in[k])) {
            cpu->slow_accesses = saved_slow;
            cpu->cycles = saved_cycles;
            return -1;
        }
    }
    cpu->slow_accesses = saved_slow;
    cpu->cycles = saved_cycles;
    return 0;
}
