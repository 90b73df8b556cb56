/* scutimer.c - Cortex-A9 private timer (see scutimer.h). */
#include "scutimer.h"

#include <string.h>

static void st_update(scutimer *t)
{
    uint32_t ctrl = zynq_regs_get(&t->regs, SCUTIMER_CONTROL);
    uint32_t isr = zynq_regs_get(&t->regs, SCUTIMER_ISR);
    zynq_irq_update(&t->irq, &t->irq_level,
                    (isr & 1u) && (ctrl & SCUTIMER_CTRL_IRQ_EN));
}

static void load_post(void *o, const zynq_reg_info *ri, uint32_t old,
                      uint32_t v)
{
    scutimer *t = o;
    (void)ri; (void)old;
    t->cnt.load = v;
    t->cnt.counter = v;
}

static void counter_post(void *o, const zynq_reg_info *ri, uint32_t old,
                         uint32_t v)
{
    scutimer *t = o;
    (void)ri; (void)old;
    t->cnt.counter = v;
}

static uint32_t counter_read(void *o, const zynq_reg_info *ri, uint32_t s)
{
    (void)ri; (void)s;
    return ((scutimer *)o)->cnt.counter;
}

static void control_post(void *o, const zynq_reg_info *ri, uint32_t old,
                         uint32_t v)
{
    scutimer *t = o;
    (void)ri; (void)old;
    zynq_dcnt_control(&t->cnt, v);
    st_update(t);
}

static void isr_post(void *o, const zynq_reg_info *ri, uint32_t old,
                     uint32_t v)
{
    (void)ri; (void)old; (void)v;
    st_update(o);
}

static const zynq_reg_info scutimer_regs[4] = {
    {"LOAD", SCUTIMER_LOAD, 0, 0, 0, 0, NULL, load_post, NULL},
    {"COUNTER", SCUTIMER_COUNTER, 0, 0, 0, 0, NULL, counter_post,
     counter_read},
    {"CONTROL", SCUTIMER_CONTROL, 0, ~0xFF07u, 0, 0, NULL, control_post,
     NULL},
    {"ISR", SCUTIMER_ISR, 0, ~1u, 1u, 0, NULL, isr_post, NULL},
};

static zynq_status st_read(zynq_dev *d, uint32_t off, unsigned size,
                           uint32_t *v)
{
    scutimer *t = (scutimer *)d;
    *v = 0;
    if (!zynq_dev_check32(d, off, size))
        return ZYNQ_SLVERR;
    if (!zynq_regs_read(&t->regs, off, v))
        zynq_dev_log(d, ZYNQ_LOG_GUEST_ERROR, "read of reserved 0x%02x", off);
    return ZYNQ_OK;
}

static zynq_status st_write(zynq_dev *d, uint32_t off, unsigned size,
                            uint32_t v)
{
    scutimer *t = (scutimer *)d;
    if (!zynq_dev_check32(d, off, size))
        return ZYNQ_SLVERR;
    if (!zynq_regs_write(&t->regs, off, v))
        zynq_dev_log(d, ZYNQ_LOG_GUEST_ERROR, "write of reserved 0x%02x", off);
    return ZYNQ_OK;
}

static void st_reset(zynq_dev *d)
{
    scutimer *t = (scutimer *)d;
    zynq_regs_reset(&t->regs);
    zynq_dcnt_reset(&t->cnt, t->clk_hz, d->now);
    st_update(t);
}

static void st_advance(zynq_dev *d, zynq_time_ps now)
{
    scutimer *t = (scutimer *)d;
    if (zynq_dcnt_advance(&t->cnt, t->clk_hz, now)) {
        zynq_regs_set(&t->regs, SCUTIMER_ISR, 1);
        st_update(t);
    }
}

static zynq_time_ps st_next_event(const zynq_dev *d)
{
    const scutimer *t = (const scutimer *)d;
    /* The output only changes when the flag rises with the IRQ enabled. */
    if ((zynq_regs_get(&t->regs, SCUTIMER_ISR) & 1u) ||
        !(zynq_regs_get(&t->regs, SCUTIMER_CONTROL) & SCUTIMER_CTRL_IRQ_EN))
        return ZYNQ_TIME_NEVER;
    return zynq_dcnt_next_zero(&t->cnt, t->clk_hz);
}

static const zynq_dev_ops scutimer_ops = {st_read, st_write, st_reset,
                                          st_advance, st_next_event};

void scutimer_init(scutimer *t, const char *name, uint64_t periphclk_hz)
{
    memset(t, 0, sizeof *t);
    zynq_dev_init(&t->dev, &scutimer_ops, name, 0x20);
    t->clk_hz = periphclk_hz ? periphclk_hz : ZYNQ_PERIPHCLK_HZ;
    zynq_regs_init(&t->regs, scutimer_regs, 4, t->val, t, &t->dev);
    st_reset(&t->dev);
}

void scutimer_set_irq(scutimer *t, zynq_irq irq)
{
    t->irq = irq;
    t->irq_level = 0;
    st_update(t);
}
