/* scuwdt.c - Cortex-A9 private watchdog (see scuwdt.h). */
#include "scuwdt.h"

#include <string.h>

static void wd_update(scuwdt *w)
{
    uint32_t ctrl = zynq_regs_get(&w->regs, SCUWDT_CONTROL);
    uint32_t isr = zynq_regs_get(&w->regs, SCUWDT_ISR);
    zynq_irq_update(&w->irq, &w->irq_level,
                    (isr & 1u) && (ctrl & SCUWDT_CTRL_IRQ_EN) &&
                        !(ctrl & SCUWDT_CTRL_WD_MODE));
}

static void load_post(void *o, const zynq_reg_info *ri, uint32_t old,
                      uint32_t v)
{
    scuwdt *w = o;
    (void)ri; (void)old;
    w->cnt.load = v;
    w->cnt.counter = v;
}

static void counter_post(void *o, const zynq_reg_info *ri, uint32_t old,
                         uint32_t v)
{
    (void)ri; (void)old;
    ((scuwdt *)o)->cnt.counter = v;
}

static uint32_t counter_read(void *o, const zynq_reg_info *ri, uint32_t s)
{
    (void)ri; (void)s;
    return ((scuwdt *)o)->cnt.counter;
}

/* Watchdog mode can be entered by CONTROL but only left by DISABLE. */
static bool control_pre(void *o, const zynq_reg_info *ri, uint32_t *v)
{
    scuwdt *w = o;
    (void)ri;
    *v |= zynq_regs_get(&w->regs, SCUWDT_CONTROL) & SCUWDT_CTRL_WD_MODE;
    return true;
}

static void control_post(void *o, const zynq_reg_info *ri, uint32_t old,
                         uint32_t v)
{
    scuwdt *w = o;
    (void)ri; (void)old;
    zynq_dcnt_control(&w->cnt, v);
    wd_update(w);
}

static void isr_post(void *o, const zynq_reg_info *ri, uint32_t old,
                     uint32_t v)
{
    (void)ri; (void)old; (void)v;
    wd_update(o);
}

static bool disable_pre(void *o, const zynq_reg_info *ri, uint32_t *v)
{
    scuwdt *w = o;
    (void)ri;
    if (*v == 0x12345678u) {
        w->disable_seq = 1;
    } else if (*v == 0x87654321u && w->disable_seq == 1) {
        w->disable_seq = 0;
        zynq_regs_set(&w->regs, SCUWDT_CONTROL,
                      zynq_regs_get(&w->regs, SCUWDT_CONTROL) &
                          ~SCUWDT_CTRL_WD_MODE);
        wd_update(w);
    } else {
        w->disable_seq = 0;
    }
    return false;
}

static const zynq_reg_info scuwdt_regs[6] = {
    {"LOAD", SCUWDT_LOAD, 0, 0, 0, 0, NULL, load_post, NULL},
    {"COUNTER", SCUWDT_COUNTER, 0, 0, 0, 0, NULL, counter_post, counter_read},
    {"CONTROL", SCUWDT_CONTROL, 0, ~0xFF0Fu, 0, 0, control_pre, control_post,
     NULL},
    {"ISR", SCUWDT_ISR, 0, ~1u, 1u, 0, NULL, isr_post, NULL},
    {"RESET_STATUS", SCUWDT_RESET_STATUS, 0, ~1u, 1u, 0, NULL, NULL, NULL},
    {"DISABLE", SCUWDT_DISABLE, 0, 0, 0, ZYNQ_REG_WO, disable_pre, NULL, NULL},
};

static zynq_status wd_read(zynq_dev *d, uint32_t off, unsigned size,
                           uint32_t *v)
{
    scuwdt *w = (scuwdt *)d;
    *v = 0;
    if (!zynq_dev_check32(d, off, size))
        return ZYNQ_SLVERR;
    if (!zynq_regs_read(&w->regs, off, v))
        zynq_dev_log(d, ZYNQ_LOG_GUEST_ERROR, "read of reserved 0x%02x", off);
    return ZYNQ_OK;
}

static zynq_status wd_write(zynq_dev *d, uint32_t off, unsigned size,
                            uint32_t v)
{
    scuwdt *w = (scuwdt *)d;
    if (!zynq_dev_check32(d, off, size))
        return ZYNQ_SLVERR;
    if (!zynq_regs_write(&w->regs, off, v))
        zynq_dev_log(d, ZYNQ_LOG_GUEST_ERROR, "write of reserved 0x%02x", off);
    return ZYNQ_OK;
}

static void wd_reset(zynq_dev *d)
{
    scuwdt *w = (scuwdt *)d;
    zynq_regs_reset(&w->regs);
    zynq_dcnt_reset(&w->cnt, w->clk_hz, d->now);
    w->disable_seq = 0;
    wd_update(w);
}

static void wd_advance(zynq_dev *d, zynq_time_ps now)
{
    scuwdt *w = (scuwdt *)d;
    if (!zynq_dcnt_advance(&w->cnt, w->clk_hz, now))
        return;
    if (zynq_regs_get(&w->regs, SCUWDT_CONTROL) & SCUWDT_CTRL_WD_MODE) {
        zynq_regs_set(&w->regs, SCUWDT_RESET_STATUS, 1);
        w->cnt.enabled = false;
        zynq_dev_log(d, ZYNQ_LOG_INFO, "watchdog expired: reset request");
        if (w->reset_fn)
            w->reset_fn(w->reset_opaque);
    } else {
        zynq_regs_set(&w->regs, SCUWDT_ISR, 1);
    }
    wd_update(w);
}

static zynq_time_ps wd_next_event(const zynq_dev *d)
{
    const scuwdt *w = (const scuwdt *)d;
    uint32_t ctrl = zynq_regs_get(&w->regs, SCUWDT_CONTROL);
    if (!(ctrl & SCUWDT_CTRL_WD_MODE) &&
        ((zynq_regs_get(&w->regs, SCUWDT_ISR) & 1u) ||
         !(ctrl & SCUWDT_CTRL_IRQ_EN)))
        return ZYNQ_TIME_NEVER;
    return zynq_dcnt_next_zero(&w->cnt, w->clk_hz);
}

static const zynq_dev_ops scuwdt_ops = {wd_read, wd_write, wd_reset,
                                        wd_advance, wd_next_event};

void scuwdt_init(scuwdt *w, const char *name, uint64_t periphclk_hz)
{
    memset(w, 0, sizeof *w);
    zynq_dev_init(&w->dev, &scuwdt_ops, name, 0x20);
    w->clk_hz = periphclk_hz ? periphclk_hz : ZYNQ_PERIPHCLK_HZ;
    zynq_regs_init(&w->regs, scuwdt_regs, 6, w->val, w, &w->dev);
    wd_reset(&w->dev);
}

void scuwdt_set_irq(scuwdt *w, zynq_irq irq)
{
    w->irq = irq;
    w->irq_level = 0;
    wd_update(w);
}

void scuwdt_set_reset_cb(scuwdt *w, scuwdt_reset_fn fn, void *opaque)
{
    w->reset_fn = fn;
    w->reset_opaque = opaque;
}
