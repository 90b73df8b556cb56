/* gtimer.c - Cortex-A9 global timer (see gtimer.h). */
#include "gtimer.h"

#include <string.h>

static uint32_t ctrl(const gtimer *g)
{
    return zynq_regs_get(&g->regs, GTIMER_CONTROL);
}

/* Comparator check and IRQ output: the one place both are recomputed. */
static void gt_update(gtimer *g)
{
    uint32_t c = ctrl(g);
    if ((c & GTIMER_CTRL_COMP_EN) && g->counter >= g->comparator) {
        zynq_regs_set(&g->regs, GTIMER_ISR, 1);
        if (c & GTIMER_CTRL_AUTOINC) {
            uint64_t inc = zynq_regs_get(&g->regs, GTIMER_AUTOINC);
            if (inc)
                g->comparator += ((g->counter - g->comparator) / inc + 1) * inc;
        }
    }
    zynq_irq_update(&g->irq, &g->irq_level,
                    (zynq_regs_get(&g->regs, GTIMER_ISR) & 1u) &&
                        (c & GTIMER_CTRL_IRQ_EN));
}

static uint32_t cnt_read(void *o, const zynq_reg_info *ri, uint32_t s)
{
    gtimer *g = o;
    (void)s;
    return ri->offset == GTIMER_COUNTER_LO ? (uint32_t)g->counter
                                           : (uint32_t)(g->counter >> 32);
}

static bool cnt_pre(void *o, const zynq_reg_info *ri, uint32_t *v)
{
    gtimer *g = o;
    (void)v;
    if (ctrl(g) & GTIMER_CTRL_ENABLE) {
        zynq_dev_log(&g->dev, ZYNQ_LOG_GUEST_ERROR,
                     "%s written while the timer is enabled: ignored",
                     ri->name);
        return false;
    }
    return true;
}

static void cnt_post(void *o, const zynq_reg_info *ri, uint32_t old,
                     uint32_t v)
{
    gtimer *g = o;
    (void)old;
    if (ri->offset == GTIMER_COUNTER_LO)
        g->counter = (g->counter & ~0xFFFFFFFFull) | v;
    else
        g->counter = (g->counter & 0xFFFFFFFFull) | (uint64_t)v << 32;
    gt_update(g);
}

static uint32_t comp_read(void *o, const zynq_reg_info *ri, uint32_t s)
{
    gtimer *g = o;
    (void)s;
    return ri->offset == GTIMER_COMP_LO ? (uint32_t)g->comparator
                                        : (uint32_t)(g->comparator >> 32);
}

static void comp_post(void *o, const zynq_reg_info *ri, uint32_t old,
                      uint32_t v)
{
    gtimer *g = o;
    (void)old;
    if (ri->offset == GTIMER_COMP_LO)
        g->comparator = (g->comparator & ~0xFFFFFFFFull) | v;
    else
        g->comparator = (g->comparator & 0xFFFFFFFFull) | (uint64_t)v << 32;
    gt_update(g);
}

static void control_post(void *o, const zynq_reg_info *ri, uint32_t old,
                         uint32_t v)
{
    gtimer *g = o;
    (void)ri;
    if (((v ^ old) & 0xFF00u) || ((v & 1u) && !(old & 1u)))
        g->phase = 0;
    gt_update(g);
}

static void update_post(void *o, const zynq_reg_info *ri, uint32_t old,
                        uint32_t v)
{
    (void)ri; (void)old; (void)v;
    gt_update(o);
}

static const zynq_reg_info gtimer_regs[7] = {
    {"COUNTER_LO", GTIMER_COUNTER_LO, 0, 0, 0, 0, cnt_pre, cnt_post,
     cnt_read},
    {"COUNTER_HI", GTIMER_COUNTER_HI, 0, 0, 0, 0, cnt_pre, cnt_post,
     cnt_read},
    {"CONTROL", GTIMER_CONTROL, 0, ~0xFF0Fu, 0, 0, NULL, control_post, NULL},
    {"ISR", GTIMER_ISR, 0, ~1u, 1u, 0, NULL, update_post, NULL},
    {"COMPARATOR_LO", GTIMER_COMP_LO, 0, 0, 0, 0, NULL, comp_post, comp_read},
    {"COMPARATOR_HI", GTIMER_COMP_HI, 0, 0, 0, 0, NULL, comp_post, comp_read},
    {"AUTO_INCREMENT", GTIMER_AUTOINC, 0, 0, 0, 0, NULL, NULL, NULL},
};

static zynq_status gt_read(zynq_dev *d, uint32_t off, unsigned size,
                           uint32_t *v)
{
    gtimer *g = (gtimer *)d;
    *v = 0;
    if (!zynq_dev_check32(d, off, size))
        return ZYNQ_SLVERR;
    if (!zynq_regs_read(&g->regs, off, v))
        zynq_dev_log(d, ZYNQ_LOG_GUEST_ERROR, "read of reserved 0x%02x", off);
    return ZYNQ_OK;
}

static zynq_status gt_write(zynq_dev *d, uint32_t off, unsigned size,
                            uint32_t v)
{
    gtimer *g = (gtimer *)d;
    if (!zynq_dev_check32(d, off, size))
        return ZYNQ_SLVERR;
    if (!zynq_regs_write(&g->regs, off, v))
        zynq_dev_log(d, ZYNQ_LOG_GUEST_ERROR, "write of reserved 0x%02x", off);
    return ZYNQ_OK;
}

static void gt_reset(zynq_dev *d)
{
    gtimer *g = (gtimer *)d;
    zynq_regs_reset(&g->regs);
    g->counter = g->comparator = 0;
    g->last_cycle = zynq_cycles_at(g->clk_hz, d->now);
    g->phase = 0;
    gt_update(g);
}

static void gt_advance(zynq_dev *d, zynq_time_ps now)
{
    gtimer *g = (gtimer *)d;
    uint64_t cyc = zynq_cycles_at(g->clk_hz, now);
    uint64_t delta = cyc > g->last_cycle ? cyc - g->last_cycle : 0;
    if (cyc > g->last_cycle)
        g->last_cycle = cyc;
    uint32_t c = ctrl(g);
    if (!(c & GTIMER_CTRL_ENABLE) || delta == 0)
        return;
    uint64_t p = ((c >> 8) & 0xFFu) + 1;
    uint64_t total = g->phase + delta;
    g->phase = total % p;
    g->counter += total / p;
    gt_update(g);
}

static zynq_time_ps gt_next_event(const zynq_dev *d)
{
    const gtimer *g = (const gtimer *)d;
    uint32_t c = ctrl(g);
    if (!(c & GTIMER_CTRL_ENABLE) || !(c & GTIMER_CTRL_COMP_EN) ||
        !(c & GTIMER_CTRL_IRQ_EN) || (zynq_regs_get(&g->regs, GTIMER_ISR) & 1u))
        return ZYNQ_TIME_NEVER;
    if (g->counter >= g->comparator)
        return d->now;
    uint64_t p = ((c >> 8) & 0xFFu) + 1;
    uint64_t ticks = g->comparator - g->counter;
    if (ticks > (UINT64_MAX - g->last_cycle) / p)
        return ZYNQ_TIME_NEVER;
    return zynq_cycle_time(g->clk_hz, g->last_cycle + ticks * p - g->phase);
}

static const zynq_dev_ops gtimer_ops = {gt_read, gt_write, gt_reset,
                                        gt_advance, gt_next_event};

void gtimer_init(gtimer *g, const char *name, uint64_t periphclk_hz)
{
    memset(g, 0, sizeof *g);
    zynq_dev_init(&g->dev, &gtimer_ops, name, 0x20);
    g->clk_hz = periphclk_hz ? periphclk_hz : ZYNQ_PERIPHCLK_HZ;
    zynq_regs_init(&g->regs, gtimer_regs, 7, g->val, g, &g->dev);
    gt_reset(&g->dev);
}

void gtimer_set_irq(gtimer *g, zynq_irq irq)
{
    g->irq = irq;
    g->irq_level = 0;
    gt_update(g);
}
