/* ttc.c - Triple Timer Counter (see ttc.h). */
#include "ttc.h"

#include <string.h>

#define R(off) zynq_regs_get(&t->regs, (off))

static unsigned chan_of(uint32_t off)
{
    return (off / 4) % 3;
}

static uint32_t top_of(const ttc *t, unsigned n)
{
    return (R(TTC_CNT_CNTRL(n)) & TTC_CNT_INT) ? (R(TTC_INTERVAL(n)) & 0xFFFF)
                                               : 0xFFFF;
}

static uint64_t div_of(const ttc *t, unsigned n)
{
    uint32_t c = R(TTC_CLK_CNTRL(n));
    return (c & 1u) ? 2ull << ((c >> 1) & 0xFu) : 1;
}

static bool running(const ttc *t, unsigned n)
{
    return !(R(TTC_CNT_CNTRL(n)) & TTC_CNT_DIS);
}

/* Counter position 0..TOP in counting order. */
static uint64_t pos_of(const ttc *t, unsigned n, uint32_t value)
{
    uint32_t top = top_of(t, n);
    if (value > top)
        return 0;
    return (R(TTC_CNT_CNTRL(n)) & TTC_CNT_DEC) ? top - value : value;
}

static uint32_t value_at(const ttc *t, unsigned n, uint64_t pos)
{
    uint32_t top = top_of(t, n);
    return (R(TTC_CNT_CNTRL(n)) & TTC_CNT_DEC) ? top - (uint32_t)pos
                                               : (uint32_t)pos;
}

/* Steps from position p until arriving at position q (1..P). */
static uint64_t steps_to(uint64_t p, uint64_t q, uint64_t P)
{
    uint64_t d = (q + P - p) % P;
    return d ? d : P;
}

/* For each event bit, steps until it next happens (0 = never). */
static void event_steps(const ttc *t, unsigned n, uint64_t d[5])
{
    uint32_t ctl = R(TTC_CNT_CNTRL(n));
    uint32_t top = top_of(t, n);
    uint64_t P = (uint64_t)top + 1;
    uint64_t p = pos_of(t, n, t->ch[n].value);
    memset(d, 0, 5 * sizeof d[0]);
    uint64_t z = steps_to(p, pos_of(t, n, 0), P);
    d[(ctl & TTC_CNT_INT) ? 0 : 4] = z;
    if (ctl & TTC_CNT_MATCH) {
        static const uint32_t m[3] = {0x30, 0x3C, 0x48};
        for (unsigned i = 0; i < 3; i++) {
            uint32_t mv = R(m[i] + 4 * n) & 0xFFFF;
            if (mv <= top)
                d[1 + i] = steps_to(p, pos_of(t, n, mv), P);
        }
    }
}

static void ttc_update(ttc *t)
{
    for (unsigned n = 0; n < 3; n++)
        zynq_irq_update(&t->ch[n].irq, &t->ch[n].irq_level,
                        (R(TTC_ISR(n)) & R(TTC_IER(n)) & 0x1Fu) != 0);
}

/* Bring channel n to clock cycle `cyc` (zynq_cycles_at of the new time). */
static void chan_advance(ttc *t, unsigned n, uint64_t cyc)
{
    ttc_chan *c = &t->ch[n];
    uint64_t delta = cyc > c->last_cycle ? cyc - c->last_cycle : 0;
    if (cyc > c->last_cycle)
        c->last_cycle = cyc;
    if (!running(t, n) || delta == 0)
        return;
    uint64_t dv = div_of(t, n);
    uint64_t total = c->phase + delta;
    uint64_t steps = total / dv;
    c->phase = total % dv;
    if (steps == 0)
        return;
    uint64_t d[5];
    event_steps(t, n, d);
    uint32_t isr = R(TTC_ISR(n));
    for (unsigned i = 0; i < 5; i++)
        if (d[i] && d[i] <= steps)
            isr |= 1u << i;
    zynq_regs_set(&t->regs, TTC_ISR(n), isr);
    uint64_t P = (uint64_t)top_of(t, n) + 1;
    c->value = (uint16_t)value_at(t, n,
                                  (pos_of(t, n, c->value) + steps) % P);
}

/* ---- register hooks ------------------------------------------------- */

static uint32_t count_read(void *o, const zynq_reg_info *ri, uint32_t s)
{
    (void)s;
    return ((ttc *)o)->ch[chan_of(ri->offset)].value;
}

static uint32_t isr_read(void *o, const zynq_reg_info *ri, uint32_t s)
{
    ttc *t = o;
    zynq_regs_set(&t->regs, ri->offset, 0); /* clear on read */
    ttc_update(t);
    return s;
}

static void cnt_cntrl_post(void *o, const zynq_reg_info *ri, uint32_t old,
                           uint32_t v)
{
    ttc *t = o;
    unsigned n = chan_of(ri->offset);
    (void)old;
    if (v & TTC_CNT_RST) {
        t->ch[n].value = (uint16_t)((v & TTC_CNT_DEC) ? top_of(t, n) : 0);
        t->ch[n].phase = 0;
        zynq_regs_set(&t->regs, ri->offset, v & ~TTC_CNT_RST);
    }
    ttc_update(t);
}

static void clk_post(void *o, const zynq_reg_info *ri, uint32_t old,
                     uint32_t v)
{
    ttc *t = o;
    if (v & (1u << 5))
        zynq_dev_log(&t->dev, ZYNQ_LOG_UNIMP,
                     "external clock source: counting CPU_1x instead");
    if ((old ^ v) & 0x1Fu)
        t->ch[chan_of(ri->offset)].phase = 0;
}

static void update_post(void *o, const zynq_reg_info *ri, uint32_t old,
                        uint32_t v)
{
    (void)ri; (void)old; (void)v;
    ttc_update(o);
}

static void event_post(void *o, const zynq_reg_info *ri, uint32_t old,
                       uint32_t v)
{
    (void)old;
    if (v & 1u)
        zynq_dev_log(&((ttc *)o)->dev, ZYNQ_LOG_UNIMP,
                     "event timer (%s) not modelled", ri->name);
}

#define CH(n)                                                                 \
    {"CLK_CNTRL" #n, TTC_CLK_CNTRL(n), 0, ~0x7Fu, 0, 0, NULL, clk_post, NULL},  \
    {"CNT_CNTRL" #n, TTC_CNT_CNTRL(n), 0x21, ~0x7Fu, 0, 0, NULL,               \
     cnt_cntrl_post, NULL},                                                   \
    {"COUNT_VALUE" #n, TTC_COUNT_VALUE(n), 0, 0, 0, ZYNQ_REG_RO, NULL, NULL,   \
     count_read},                                                             \
    {"INTERVAL" #n, TTC_INTERVAL(n), 0, ~0xFFFFu, 0, 0, NULL, NULL, NULL},      \
    {"MATCH0_" #n, TTC_MATCH0(n), 0, ~0xFFFFu, 0, 0, NULL, NULL, NULL},         \
    {"MATCH1_" #n, TTC_MATCH1(n), 0, ~0xFFFFu, 0, 0, NULL, NULL, NULL},         \
    {"MATCH2_" #n, TTC_MATCH2(n), 0, ~0xFFFFu, 0, 0, NULL, NULL, NULL},         \
    {"ISR" #n, TTC_ISR(n), 0, ~0x1Fu, 0x1Fu, 0, NULL, update_post, isr_read},   \
    {"IER" #n, TTC_IER(n), 0, ~0x1Fu, 0, 0, NULL, update_post, NULL},           \
    {"EVENT_CNTRL" #n, TTC_EVENT_CNTRL(n), 0, ~0x7u, 0, 0, NULL, event_post,   \
     NULL},                                                                   \
    {"EVENT" #n, TTC_EVENT(n), 0, 0, 0, ZYNQ_REG_RO, NULL, NULL, NULL}

static const zynq_reg_info ttc_regs[TTC_NREGS] = {CH(0), CH(1), CH(2)};

/* ---- device ops ----------------------------------------------------- */

static zynq_status ttc_read(zynq_dev *d, uint32_t off, unsigned size,
                            uint32_t *v)
{
    ttc *t = (ttc *)d;
    *v = 0;
    if (!zynq_dev_check32(d, off, size))
        return ZYNQ_SLVERR;
    if (!zynq_regs_read(&t->regs, off, v))
        zynq_dev_log(d, ZYNQ_LOG_GUEST_ERROR, "read of reserved 0x%03x", off);
    return ZYNQ_OK;
}

static zynq_status ttc_write(zynq_dev *d, uint32_t off, unsigned size,
                             uint32_t v)
{
    ttc *t = (ttc *)d;
    if (!zynq_dev_check32(d, off, size))
        return ZYNQ_SLVERR;
    if (!zynq_regs_write(&t->regs, off, v))
        zynq_dev_log(d, ZYNQ_LOG_GUEST_ERROR, "write of reserved 0x%03x", off);
    return ZYNQ_OK;
}

static void ttc_reset_op(zynq_dev *d)
{
    ttc *t = (ttc *)d;
    zynq_regs_reset(&t->regs);
    for (unsigned n = 0; n < 3; n++) {
        t->ch[n].value = 0;
        t->ch[n].phase = 0;
        t->ch[n].last_cycle = zynq_cycles_at(t->clk_hz, d->now);
    }
    ttc_update(t);
}

static void ttc_advance(zynq_dev *d, zynq_time_ps now)
{
    ttc *t = (ttc *)d;
    const uint64_t cyc = zynq_cycles_at(t->clk_hz, now); /* one clock for the three */
    for (unsigned n = 0; n < 3; n++)
        chan_advance(t, n, cyc);
    ttc_update(t);
}

static zynq_time_ps ttc_next_event(const zynq_dev *d)
{
    const ttc *t = (const ttc *)d;
    zynq_time_ps best = ZYNQ_TIME_NEVER;
    for (unsigned n = 0; n < 3; n++) {
        if (!running(t, n))
            continue;
        uint32_t armed = R(TTC_IER(n)) & ~R(TTC_ISR(n));
        uint64_t d5[5], steps = 0;
        event_steps(t, n, d5);
        for (unsigned i = 0; i < 5; i++)
            if ((armed >> i) & 1u && d5[i] && (!steps || d5[i] < steps))
                steps = d5[i];
        if (!steps)
            continue;
        const ttc_chan *c = &t->ch[n];
        zynq_time_ps te = zynq_cycle_time(
            t->clk_hz, c->last_cycle + steps * div_of(t, n) - c->phase);
        if (te < best)
            best = te;
    }
    return best;
}

static const zynq_dev_ops ttc_ops = {ttc_read, ttc_write, ttc_reset_op,
                                     ttc_advance, ttc_next_event};

void ttc_init(ttc *t, const char *name, uint64_t cpu1x_hz)
{
    memset(t, 0, sizeof *t);
    zynq_dev_init(&t->dev, &ttc_ops, name, 0x1000);
    t->clk_hz = cpu1x_hz ? cpu1x_hz : ZYNQ_CPU_1X_HZ;
    zynq_regs_init(&t->regs, ttc_regs, TTC_NREGS, t->val, t, &t->dev);
    ttc_reset_op(&t->dev);
}

void ttc_set_irq(ttc *t, unsigned n, zynq_irq irq)
{
    t->ch[n].irq = irq;
    t->ch[n].irq_level = 0;
    ttc_update(t);
}
