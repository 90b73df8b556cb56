/* l2c.c - PL310 L2 cache controller registers (see l2c.h). */
#include "l2c.h"

#include <string.h>

static bool aux_pre(void *o, const zynq_reg_info *ri, uint32_t *v)
{
    l2c *c = o;
    (void)ri;
    if (zynq_regs_get(&c->regs, L2C_CONTROL) & 1u) {
        zynq_dev_log(&c->dev, ZYNQ_LOG_GUEST_ERROR,
                     "AUX_CONTROL 0x%08x written while the L2 is enabled: "
                     "ignored", *v);
        return false;
    }
    return true;
}

/* Maintenance operations complete at once: count them, store nothing. */
static bool maint_pre(void *o, const zynq_reg_info *ri, uint32_t *v)
{
    (void)ri; (void)v;
    ((l2c *)o)->maintenance_ops++;
    return false;
}

static bool clear_pre(void *o, const zynq_reg_info *ri, uint32_t *v)
{
    l2c *c = o;
    (void)ri;
    zynq_regs_set(&c->regs, 0x21C, zynq_regs_get(&c->regs, 0x21C) & ~*v);
    return false;
}

static uint32_t mask_status_read(void *o, const zynq_reg_info *ri, uint32_t s)
{
    l2c *c = o;
    (void)ri; (void)s;
    return zynq_regs_get(&c->regs, 0x21C) & zynq_regs_get(&c->regs, 0x214);
}

#define M(name, off) {name, off, 0, 0, 0, 0, maint_pre, NULL, NULL}
#define LK(n)                                                                \
    {"D_LOCKDOWN" #n, 0x900 + 8 * (n), 0, ~0xFFu, 0, 0, NULL, NULL, NULL},     \
    {"I_LOCKDOWN" #n, 0x904 + 8 * (n), 0, ~0xFFu, 0, 0, NULL, NULL, NULL}

/* CACHE_ID 0x410000C8: ARM, PL310 r3p2; CACHE_TYPE 0x9E300300: 512 KB,
 * 8 ways, 32-byte lines [values for the Zynq-7000 L2, see README]. AUX
 * reset 0x02060000 (UG585 B.21). */
static const zynq_reg_info l2c_regs[] = {
    {"CACHE_ID", L2C_CACHE_ID, 0x410000C8, 0, 0, ZYNQ_REG_RO, NULL, NULL, NULL},
    {"CACHE_TYPE", L2C_CACHE_TYPE, 0x9E300300, 0, 0, ZYNQ_REG_RO, NULL, NULL,
     NULL},
    {"CONTROL", L2C_CONTROL, 0, ~1u, 0, 0, NULL, NULL, NULL},
    {"AUX_CONTROL", L2C_AUX_CONTROL, 0x02060000, 0, 0, 0, aux_pre, NULL, NULL},
    {"TAG_RAM_CONTROL", 0x108, 0x777, ~0x777u, 0, 0, NULL, NULL, NULL},
    {"DATA_RAM_CONTROL", 0x10C, 0x777, ~0x777u, 0, 0, NULL, NULL, NULL},
    {"EV_COUNTER_CTRL", 0x200, 0, ~0x7u, 0, 0, NULL, NULL, NULL},
    {"EV_COUNTER1_CFG", 0x204, 0, ~0x3Fu, 0, 0, NULL, NULL, NULL},
    {"EV_COUNTER0_CFG", 0x208, 0, ~0x3Fu, 0, 0, NULL, NULL, NULL},
    {"EV_COUNTER1", 0x20C, 0, 0, 0, 0, NULL, NULL, NULL},
    {"EV_COUNTER0", 0x210, 0, 0, 0, 0, NULL, NULL, NULL},
    {"INT_MASK", 0x214, 0, ~0x1FFu, 0, 0, NULL, NULL, NULL},
    {"INT_MASK_STATUS", 0x218, 0, 0, 0, ZYNQ_REG_RO, NULL, NULL,
     mask_status_read},
    {"INT_RAW_STATUS", 0x21C, 0, 0, 0, ZYNQ_REG_RO, NULL, NULL, NULL},
    {"INT_CLEAR", 0x220, 0, 0, 0, ZYNQ_REG_WO, clear_pre, NULL, NULL},
    M("CACHE_SYNC", L2C_CACHE_SYNC),
    M("INV_PA", 0x770),
    M("INV_WAY", L2C_INV_WAY),
    M("CLEAN_PA", 0x7B0),
    M("CLEAN_INDEX", 0x7B8),
    M("CLEAN_WAY", 0x7BC),
    M("CLEAN_INV_PA", 0x7F0),
    M("CLEAN_INV_INDEX", 0x7F8),
    M("CLEAN_INV_WAY", L2C_CLEAN_INV_WAY),
    LK(0), LK(1), LK(2), LK(3), LK(4), LK(5), LK(6), LK(7),
    {"LOCK_LINE_EN", 0x950, 0, ~1u, 0, 0, NULL, NULL, NULL},
    {"UNLOCK_WAY", 0x954, 0, 0, 0, 0, maint_pre, NULL, NULL},
    {"ADDR_FILTER_START", 0xC00, 0, 0x000FFFFEu, 0, 0, NULL, NULL, NULL},
    {"ADDR_FILTER_END", 0xC04, 0, 0x000FFFFFu, 0, 0, NULL, NULL, NULL},
    {"DEBUG_CTRL", 0xF40, 0, ~0x7u, 0, 0, NULL, NULL, NULL},
    {"PREFETCH_CTRL", 0xF60, 0, 0, 0, 0, NULL, NULL, NULL},
    {"POWER_CTRL", 0xF80, 0, ~0x3u, 0, 0, NULL, NULL, NULL},
};
_Static_assert(sizeof l2c_regs / sizeof l2c_regs[0] == L2C_NREGS,
               "L2C table");

static zynq_status l2c_read(zynq_dev *d, uint32_t off, unsigned size,
                            uint32_t *v)
{
    l2c *c = (l2c *)d;
    *v = 0;
    if (!zynq_dev_check32(d, off, size))
        return ZYNQ_SLVERR;
    if (!zynq_regs_read(&c->regs, off, v))
        zynq_dev_log(d, ZYNQ_LOG_GUEST_ERROR, "read of reserved 0x%03x", off);
    return ZYNQ_OK;
}

static zynq_status l2c_write(zynq_dev *d, uint32_t off, unsigned size,
                             uint32_t v)
{
    l2c *c = (l2c *)d;
    if (!zynq_dev_check32(d, off, size))
        return ZYNQ_SLVERR;
    if (!zynq_regs_write(&c->regs, off, v))
        zynq_dev_log(d, ZYNQ_LOG_GUEST_ERROR, "write of reserved 0x%03x", off);
    return ZYNQ_OK;
}

static void l2c_reset_op(zynq_dev *d)
{
    l2c *c = (l2c *)d;
    zynq_regs_reset(&c->regs);
    c->maintenance_ops = 0;
}

static const zynq_dev_ops l2c_ops = {l2c_read, l2c_write, l2c_reset_op, NULL,
                                     NULL};

void l2c_init(l2c *c, const char *name)
{
    memset(c, 0, sizeof *c);
    zynq_dev_init(&c->dev, &l2c_ops, name, 0x1000);
    zynq_regs_init(&c->regs, l2c_regs, L2C_NREGS, c->val, c, &c->dev);
    l2c_reset_op(&c->dev);
}
