/*
 * gic.c - Cortex-A9 GIC (distributor + CPU interfaces), see gic.h.
 * Register facts: ZYNQ_ARM_FACTS 2.3; behaviour: ARM GIC architecture v1
 * (pending/active state machine, binary point, spurious ID 1023).
 */
#include "gic.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* State of banked IDs (< 32) lives in [cpu][id], of SPIs in [0][id]. */
#define BANK(cpu, id) ((id) < 32 ? (cpu) : 0u)

static bool pending(const gic *g, unsigned cpu, unsigned id)
{
    if (id < 16)
        return g->sgi_src[cpu][id] != 0;
    unsigned b = BANK(cpu, id);
    return g->latch[b][id] || (!g->edge[id] && g->level[b][id]);
}

static bool targeted(const gic *g, unsigned cpu, unsigned id)
{
    return id < 32 || (g->targets[id] >> cpu) & 1u;
}

static bool is_enabled(const gic *g, unsigned cpu, unsigned id)
{
    return id < 16 || g->enabled[BANK(cpu, id)][id];
}

static bool is_active(const gic *g, unsigned cpu, unsigned id)
{
    return g->active[BANK(cpu, id)][id];
}

/* Highest-priority pending, enabled, inactive ID targeting `cpu`; lowest ID
 * wins a tie. 1023 when none (or the distributor is disabled). */
static unsigned best_pending(const gic *g, unsigned cpu)
{
    unsigned best = GIC_SPURIOUS;
    unsigned bp = 0x100;
    if (!g->dist_enable)
        return best;
    for (unsigned id = 0; id < GIC_NUM_IRQS; id++) {
        if (!is_enabled(g, cpu, id) || !pending(g, cpu, id) ||
            is_active(g, cpu, id) || !targeted(g, cpu, id))
            continue;
        unsigned p = g->prio[BANK(cpu, id)][id];
        if (p < bp) {
            bp = p;
            best = id;
        }
    }
    return best;
}

static unsigned running_prio(const gic *g, unsigned cpu)
{
    unsigned r = 0xFF;
    for (unsigned i = 0; i < g->depth[cpu]; i++)
        if (g->stack[cpu][i].prio < r)
            r = g->stack[cpu][i].prio;
    return r;
}

static unsigned group_mask(const gic *g, unsigned cpu)
{
    return (0xFFu << (g->bpr[cpu] + 1)) & 0xFFu;
}

/* Can `id` be signalled to `cpu` now (priority mask and preemption)? */
static bool can_signal(const gic *g, unsigned cpu, unsigned id)
{
    if (id == GIC_SPURIOUS || !(g->iccicr[cpu] & 1u))
        return false;
    unsigned p = g->prio[BANK(cpu, id)][id];
    if (p >= g->pmr[cpu])
        return false;
    if (g->depth[cpu] == 0)
        return true;
    unsigned m = group_mask(g, cpu);
    return (p & m) < (running_prio(g, cpu) & m);
}

/* The one place where nIRQ outputs are recomputed. */
static void gic_update(gic *g)
{
    for (unsigned c = 0; c < g->ncpu; c++)
        zynq_irq_update(&g->nirq[c], &g->nirq_level[c],
                        can_signal(g, c, best_pending(g, c)));
}

static uint32_t acknowledge(gic *g, unsigned cpu)
{
    unsigned id = best_pending(g, cpu);
    if (!can_signal(g, cpu, id))
        return GIC_SPURIOUS;
    unsigned src = 0;
    if (id < 16) {
        uint8_t s = g->sgi_src[cpu][id];
        while (!((s >> src) & 1u))
            src++;
        g->sgi_src[cpu][id] = (uint8_t)(s & ~(1u << src));
    } else {
        g->latch[BANK(cpu, id)][id] = false;
    }
    g->active[BANK(cpu, id)][id] = true;
    gic_active *a = &g->stack[cpu][g->depth[cpu]++];
    a->id = (uint16_t)id;
    a->src = (uint8_t)src;
    a->prio = g->prio[BANK(cpu, id)][id];
    gic_update(g);
    return id | (uint32_t)src << 10;
}

static void end_of_interrupt(gic *g, unsigned cpu, uint32_t v)
{
    unsigned id = v & 0x3FFu, src = (v >> 10) & 7u;
    for (unsigned i = g->depth[cpu]; i-- > 0;) {
        gic_active *a = &g->stack[cpu][i];
        if (a->id != id || (id < 16 && a->src != src))
            continue;
        if (i != g->depth[cpu] - 1)
            zynq_dev_log(&g->cpuif.dev, ZYNQ_LOG_GUEST_ERROR,
                         "EOI of %u is not for the most recent acknowledge",
                         id);
        memmove(a, a + 1, (g->depth[cpu] - 1 - i) * sizeof *a);
        g->depth[cpu]--;
        g->active[BANK(cpu, id)][id] = false;
        gic_update(g);
        return;
    }
    zynq_dev_log(&g->cpuif.dev, ZYNQ_LOG_GUEST_ERROR,
                 "EOI of ID %u (src %u) that is not active: ignored", id, src);
}

/* ---- distributor ---------------------------------------------------- */

static const uint8_t gic_id_regs[12] = {
    /* 0xFD0 PID4, 0xFD4..0xFDC PID5-7, 0xFE0 PID0..0xFEC PID3,
       0xFF0..0xFFC component ID: PrimeCell GIC identification
       [UNVERIFIED: PL390 values, see README] */
    0x04, 0x00, 0x00, 0x00, 0x90, 0xB3, 0x1B, 0x00, 0x0D, 0xF0, 0x05, 0xB1};

static uint32_t icfr_read(const gic *g, unsigned n)
{
    uint32_t v = 0;
    for (unsigned k = 0; k < 16; k++) {
        unsigned id = n * 16 + k;
        unsigned f;
        if (id >= GIC_NUM_IRQS)
            f = 0;
        else if (id < 16)
            f = 2; /* SGIs: edge, read-only */
        else
            f = 1u | (g->edge[id] ? 2u : 0u);
        v |= f << (2 * k);
    }
    return v;
}

static uint8_t dist_byte_read(const gic *g, unsigned cpu, uint32_t off)
{
    if (off >= GIC_ICDIPR && off < GIC_ICDIPR + GIC_NUM_IRQS) {
        unsigned id = off - GIC_ICDIPR;
        return g->prio[BANK(cpu, id)][id];
    }
    if (off >= GIC_ICDIPTR && off < GIC_ICDIPTR + GIC_NUM_IRQS) {
        unsigned id = off - GIC_ICDIPTR;
        return id < 32 ? (uint8_t)(1u << cpu) : g->targets[id];
    }
    return 0;
}

static void dist_byte_write(gic *g, unsigned cpu, uint32_t off, uint8_t v)
{
    if (off >= GIC_ICDIPR && off < GIC_ICDIPR + GIC_NUM_IRQS) {
        unsigned id = off - GIC_ICDIPR;
        g->prio[BANK(cpu, id)][id] = v & GIC_PRIO_MASK;
    } else if (off >= GIC_ICDIPTR && off < GIC_ICDIPTR + GIC_NUM_IRQS) {
        unsigned id = off - GIC_ICDIPTR;
        if (id >= 32) /* SGI/PPI targets are read-only */
            g->targets[id] = v & (uint8_t)((1u << g->ncpu) - 1u);
    } else {
        zynq_dev_log(&g->dist.dev, ZYNQ_LOG_GUEST_ERROR,
                     "write to reserved distributor byte 0x%03x", off);
    }
}

static uint32_t bits_of(const gic *g, unsigned cpu, unsigned n,
                        bool (*f)(const gic *, unsigned, unsigned))
{
    uint32_t v = 0;
    for (unsigned k = 0; k < 32; k++) {
        unsigned id = n * 32 + k;
        if (id < GIC_NUM_IRQS && f(g, cpu, id))
            v |= 1u << k;
    }
    return v;
}

static bool f_enabled(const gic *g, unsigned c, unsigned id)
{
    return is_enabled(g, c, id);
}
static bool f_pending(const gic *g, unsigned c, unsigned id)
{
    return pending(g, c, id);
}
static bool f_active(const gic *g, unsigned c, unsigned id)
{
    return is_active(g, c, id);
}

static uint32_t dist_read32(gic *g, unsigned cpu, uint32_t off)
{
    if (off == GIC_ICDDCR)
        return g->dist_enable;
    if (off == GIC_ICDICTR)
        return (GIC_NUM_IRQS / 32 - 1) | (g->ncpu - 1) << 5 | 1u << 10 |
               0x1Fu << 11;
    if (off == GIC_ICDIIDR)
        return 0x0102043Bu;
    if (off >= GIC_ICDISR && off < GIC_ICDISR + 12)
        return g->icdisr[(off - GIC_ICDISR) / 4 == 0 ? cpu * 3
                                                      : (off - GIC_ICDISR) / 4];
    if (off >= GIC_ICDISER && off < GIC_ICDISER + 12)
        return bits_of(g, cpu, (off - GIC_ICDISER) / 4, f_enabled);
    if (off >= GIC_ICDICER && off < GIC_ICDICER + 12)
        return bits_of(g, cpu, (off - GIC_ICDICER) / 4, f_enabled);
    if (off >= GIC_ICDISPR && off < GIC_ICDISPR + 12)
        return bits_of(g, cpu, (off - GIC_ICDISPR) / 4, f_pending);
    if (off >= GIC_ICDICPR && off < GIC_ICDICPR + 12)
        return bits_of(g, cpu, (off - GIC_ICDICPR) / 4, f_pending);
    if (off >= GIC_ICDABR && off < GIC_ICDABR + 12)
        return bits_of(g, cpu, (off - GIC_ICDABR) / 4, f_active);
    if ((off >= GIC_ICDIPR && off < GIC_ICDIPR + GIC_NUM_IRQS) ||
        (off >= GIC_ICDIPTR && off < GIC_ICDIPTR + GIC_NUM_IRQS)) {
        uint32_t v = 0;
        for (unsigned k = 0; k < 4; k++)
            v |= (uint32_t)dist_byte_read(g, cpu, off + k) << (8 * k);
        return v;
    }
    if (off >= GIC_ICDICFR && off < GIC_ICDICFR + 24)
        return icfr_read(g, (off - GIC_ICDICFR) / 4);
    if (off == GIC_PPI_STATUS) {
        uint32_t v = 0;
        for (unsigned id = 27; id < 32; id++)
            if (g->level[cpu][id])
                v |= 1u << (id - 27 + 11);
        return v;
    }
    if (off == GIC_SPI_STATUS || off == GIC_SPI_STATUS + 4) {
        uint32_t v = 0;
        unsigned base = off == GIC_SPI_STATUS ? 32 : 64;
        for (unsigned k = 0; k < 32; k++)
            if (g->level[0][base + k])
                v |= 1u << k;
        return v;
    }
    if (off >= 0xFD0 && off <= 0xFFC)
        return gic_id_regs[(off - 0xFD0) / 4];
    if (off != GIC_ICDSGIR)
        zynq_dev_log(&g->dist.dev, ZYNQ_LOG_GUEST_ERROR,
                     "read of reserved distributor offset 0x%03x", off);
    return 0;
}

static void dist_write32(gic *g, unsigned cpu, uint32_t off, uint32_t v)
{
    if (off == GIC_ICDDCR) {
        g->dist_enable = v & 1u;
    } else if (off >= GIC_ICDISR && off < GIC_ICDISR + 12) {
        unsigned n = (off - GIC_ICDISR) / 4;
        g->icdisr[n == 0 ? cpu * 3 : n] = v;
    } else if (off >= GIC_ICDISER && off < GIC_ICDICER + 12) {
        bool set = off < GIC_ICDICER;
        unsigned n = (off - (set ? GIC_ICDISER : GIC_ICDICER)) / 4;
        for (unsigned k = 0; k < 32; k++) {
            unsigned id = n * 32 + k;
            if ((v >> k) & 1u && id >= 16 && id < GIC_NUM_IRQS)
                g->enabled[BANK(cpu, id)][id] = set;
        }
    } else if (off >= GIC_ICDISPR && off < GIC_ICDICPR + 12) {
        bool set = off < GIC_ICDICPR;
        unsigned n = (off - (set ? GIC_ICDISPR : GIC_ICDICPR)) / 4;
        for (unsigned k = 0; k < 32; k++) {
            unsigned id = n * 32 + k;
            if ((v >> k) & 1u && id >= 16 && id < GIC_NUM_IRQS)
                g->latch[BANK(cpu, id)][id] = set;
        }
    } else if ((off >= GIC_ICDIPR && off < GIC_ICDIPR + GIC_NUM_IRQS) ||
               (off >= GIC_ICDIPTR && off < GIC_ICDIPTR + GIC_NUM_IRQS)) {
        for (unsigned k = 0; k < 4; k++)
            dist_byte_write(g, cpu, off + k, (uint8_t)(v >> (8 * k)));
    } else if (off >= GIC_ICDICFR && off < GIC_ICDICFR + 24) {
        unsigned n = (off - GIC_ICDICFR) / 4;
        for (unsigned k = 0; k < 16; k++) {
            unsigned id = n * 16 + k;
            if (id >= 32 && id < GIC_NUM_IRQS) /* SGI/PPI: read-only */
                g->edge[id] = (v >> (2 * k + 1)) & 1u;
        }
    } else if (off == GIC_ICDSGIR) {
        unsigned filter = (v >> 24) & 3u, list = (v >> 16) & 0xFFu;
        unsigned id = v & 0xFu;
        if (filter == 1)
            list = ((1u << g->ncpu) - 1u) & ~(1u << cpu);
        else if (filter == 2)
            list = 1u << cpu;
        else if (filter == 3) {
            zynq_dev_log(&g->dist.dev, ZYNQ_LOG_GUEST_ERROR,
                         "ICDSGIR target filter 3 is reserved");
            list = 0;
        }
        for (unsigned t = 0; t < g->ncpu; t++)
            if ((list >> t) & 1u)
                g->sgi_src[t][id] |= (uint8_t)(1u << cpu);
    } else {
        zynq_dev_log(&g->dist.dev, ZYNQ_LOG_GUEST_ERROR,
                     "write 0x%08x to read-only/reserved distributor 0x%03x",
                     v, off);
    }
}

zynq_status gic_dist_access(gic *g, unsigned cpu, bool write, uint32_t off,
                            unsigned size, uint32_t *value)
{
    bool bytes = (off >= GIC_ICDIPR && off < GIC_ICDICFR);
    if (cpu >= g->ncpu || off >= 0x1000 || (off & (size - 1)) ||
        !(size == 4 || (size == 1 && bytes))) {
        zynq_dev_log(&g->dist.dev, ZYNQ_LOG_GUEST_ERROR,
                     "bad distributor access 0x%03x size %u", off, size);
        if (!write)
            *value = 0;
        return ZYNQ_SLVERR;
    }
    if (size == 1) {
        if (write)
            dist_byte_write(g, cpu, off, (uint8_t)*value);
        else
            *value = dist_byte_read(g, cpu, off);
    } else if (write) {
        dist_write32(g, cpu, off, *value);
    } else {
        *value = dist_read32(g, cpu, off);
    }
    if (write)
        gic_update(g);
    return ZYNQ_OK;
}

/* ---- CPU interface -------------------------------------------------- */

zynq_status gic_cpu_access(gic *g, unsigned cpu, bool write, uint32_t off,
                           unsigned size, uint32_t *value)
{
    if (cpu >= g->ncpu || !zynq_dev_check32(&g->cpuif.dev, off, size)) {
        if (!write)
            *value = 0;
        return ZYNQ_SLVERR;
    }
    uint32_t v = write ? *value : 0;
    switch (off) {
    case GIC_ICCICR:
        if (write) g->iccicr[cpu] = v & 0x1Fu; else v = g->iccicr[cpu];
        break;
    case GIC_ICCPMR:
        if (write) g->pmr[cpu] = v & GIC_PRIO_MASK; else v = g->pmr[cpu];
        break;
    case GIC_ICCBPR: /* minimum 2 with 5 priority bits */
        if (write) g->bpr[cpu] = (v & 7u) < 2 ? 2 : (v & 7u);
        else v = g->bpr[cpu];
        break;
    case GIC_ICCABPR:
        if (write) g->abpr[cpu] = (v & 7u) < 3 ? 3 : (v & 7u);
        else v = g->abpr[cpu];
        break;
    case GIC_ICCIAR:
        if (!write) v = acknowledge(g, cpu);
        break;
    case GIC_ICCEOIR:
        if (write) end_of_interrupt(g, cpu, v);
        break;
    case GIC_ICCRPR:
        if (!write) v = running_prio(g, cpu);
        break;
    case GIC_ICCHPIR:
        if (!write) {
            unsigned id = best_pending(g, cpu);
            v = id;
            if (id < 16) {
                unsigned src = 0;
                while (!((g->sgi_src[cpu][id] >> src) & 1u))
                    src++;
                v |= src << 10;
            }
        }
        break;
    case GIC_ICCIIDR:
        if (!write) v = 0x3901243Bu; /* [UNVERIFIED] A9 CPU interface ID */
        break;
    default:
        zynq_dev_log(&g->cpuif.dev, ZYNQ_LOG_GUEST_ERROR,
                     "%s of reserved CPU-interface offset 0x%02x",
                     write ? "write" : "read", off);
        break;
    }
    if (write &&
        (off == GIC_ICCIAR || off == GIC_ICCRPR || off == GIC_ICCHPIR ||
         off == GIC_ICCIIDR))
        zynq_dev_log(&g->cpuif.dev, ZYNQ_LOG_GUEST_ERROR,
                     "write to read-only CPU-interface 0x%02x", off);
    if (write)
        gic_update(g);
    else
        *value = v;
    return ZYNQ_OK;
}

/* ---- zynq_dev faces ------------------------------------------------- */

static zynq_status dist_read_op(zynq_dev *d, uint32_t off, unsigned size,
                                uint32_t *v)
{
    gic *g = ((gic_face *)d)->owner;
    return gic_dist_access(g, g->access_cpu, false, off, size, v);
}
static zynq_status dist_write_op(zynq_dev *d, uint32_t off, unsigned size,
                                 uint32_t v)
{
    gic *g = ((gic_face *)d)->owner;
    return gic_dist_access(g, g->access_cpu, true, off, size, &v);
}
static zynq_status cpu_read_op(zynq_dev *d, uint32_t off, unsigned size,
                               uint32_t *v)
{
    gic *g = ((gic_face *)d)->owner;
    return gic_cpu_access(g, g->access_cpu, false, off, size, v);
}
static zynq_status cpu_write_op(zynq_dev *d, uint32_t off, unsigned size,
                                uint32_t v)
{
    gic *g = ((gic_face *)d)->owner;
    return gic_cpu_access(g, g->access_cpu, true, off, size, &v);
}
static void face_reset_op(zynq_dev *d)
{
    gic_reset(((gic_face *)d)->owner);
}

static const zynq_dev_ops gic_dist_ops = {dist_read_op, dist_write_op,
                                          face_reset_op, NULL, NULL};
static const zynq_dev_ops gic_cpu_ops = {cpu_read_op, cpu_write_op,
                                         face_reset_op, NULL, NULL};

/* ---- public --------------------------------------------------------- */

void gic_reset(gic *g)
{
    g->dist_enable = false;
    memset(g->icdisr, 0, sizeof g->icdisr);
    memset(g->enabled, 0, sizeof g->enabled);
    memset(g->latch, 0, sizeof g->latch);
    memset(g->active, 0, sizeof g->active);
    memset(g->prio, 0, sizeof g->prio);
    memset(g->targets, 0, sizeof g->targets);
    memset(g->sgi_src, 0, sizeof g->sgi_src);
    memset(g->depth, 0, sizeof g->depth);
    /* Fixed PPI configuration of the A9 (global timer, private timer and
     * watchdog are edge-triggered; nFIQ/nIRQ from the PL are level). SPIs
     * reset to level-sensitive. Input levels are wires: kept. */
    memset(g->edge, 0, sizeof g->edge);
    g->edge[27] = g->edge[29] = g->edge[30] = true;
    for (unsigned c = 0; c < GIC_MAX_CPUS; c++) {
        g->iccicr[c] = 0;
        g->pmr[c] = 0;
        g->bpr[c] = 2;
        g->abpr[c] = 3;
    }
    gic_update(g);
}

void gic_init(gic *g, const char *name, unsigned ncpu)
{
    if (ncpu == 0 || ncpu > GIC_MAX_CPUS) {
        fprintf(stderr, "gic_init: %u CPUs not supported\n", ncpu);
        abort();
    }
    memset(g, 0, sizeof *g);
    g->ncpu = ncpu;
    zynq_dev_init(&g->dist.dev, &gic_dist_ops, name, 0x1000);
    zynq_dev_init(&g->cpuif.dev, &gic_cpu_ops, name, 0x100);
    g->dist.owner = g;
    g->cpuif.owner = g;
    gic_reset(g);
}

void gic_set_nirq(gic *g, unsigned cpu, zynq_irq irq)
{
    g->nirq[cpu] = irq;
    g->nirq_level[cpu] = 0;
    gic_update(g);
}

static void set_line(gic *g, unsigned cpu, unsigned id, int level)
{
    unsigned b = BANK(cpu, id);
    bool old = g->level[b][id];
    g->level[b][id] = level != 0;
    if (g->edge[id] && !old && level)
        g->latch[b][id] = true;
    gic_update(g);
}

void gic_set_irq(gic *g, unsigned id, int level)
{
    if (id < 16 || id >= GIC_NUM_IRQS) {
        fprintf(stderr, "gic_set_irq: ID %u is not an input\n", id);
        abort();
    }
    set_line(g, 0, id, level);
}

void gic_set_ppi(gic *g, unsigned cpu, unsigned id, int level)
{
    if (cpu >= g->ncpu || id < 16 || id >= 32) {
        fprintf(stderr, "gic_set_ppi: CPU %u ID %u invalid\n", cpu, id);
        abort();
    }
    set_line(g, cpu, id, level);
}

void gic_irq_input(void *opaque, int num, int level)
{
    gic_set_irq(opaque, (unsigned)num, level);
}

zynq_irq gic_input(gic *g, unsigned id)
{
    zynq_irq i = {gic_irq_input, g, (int)id};
    return i;
}

bool gic_is_pending(const gic *g, unsigned cpu, unsigned id)
{
    return pending(g, cpu, id);
}

bool gic_is_active(const gic *g, unsigned cpu, unsigned id)
{
    return is_active(g, cpu, id);
}
