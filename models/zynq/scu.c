/* scu.c - Snoop Control Unit registers (see scu.h). */
#include "scu.h"

#include <string.h>

static void inval_post(void *o, const zynq_reg_info *ri, uint32_t old,
                       uint32_t v)
{
    scu *s = o;
    (void)ri; (void)old;
    zynq_dev_log(&s->dev, ZYNQ_LOG_INFO, "invalidate all ways 0x%08x (done)",
                 v);
}

/* CONFIG: 2 CPUs (b1:0 = 1), 32 KB tag RAM per CPU (b11:8 = 0b0101); the
 * per-CPU SMP bits (b7:4) follow ACTLR.SMP on silicon and read 0 here. */
static const zynq_reg_info scu_regs[] = {
    {"CONTROL", SCU_CONTROL, 0, ~0x3Fu, 0, 0, NULL, NULL, NULL},
    {"CONFIG", SCU_CONFIG, 0x00000501, 0, 0, ZYNQ_REG_RO, NULL, NULL, NULL},
    {"CPU_POWER_STATUS", SCU_POWER, 0, ~0x0303u, 0, 0, NULL, NULL, NULL},
    {"INVALIDATE_ALL", SCU_INVALIDATE, 0, 0, 0, ZYNQ_REG_WO, NULL, inval_post,
     NULL},
    {"FILTER_START", SCU_FILTER_START, 0x00100000, 0x000FFFFFu, 0, 0, NULL,
     NULL, NULL},
    {"FILTER_END", SCU_FILTER_END, 0xFFE00000, 0x000FFFFFu, 0, 0, NULL, NULL,
     NULL},
    {"SAC", SCU_SAC, 0xF, ~0xFu, 0, 0, NULL, NULL, NULL},
    {"SNSAC", SCU_SNSAC, 0, ~0xFFFu, 0, 0, NULL, NULL, NULL},
};
_Static_assert(sizeof scu_regs / sizeof scu_regs[0] == SCU_NREGS, "SCU table");

static zynq_status scu_read(zynq_dev *d, uint32_t off, unsigned size,
                            uint32_t *v)
{
    scu *s = (scu *)d;
    *v = 0;
    if (!zynq_dev_check32(d, off, size))
        return ZYNQ_SLVERR;
    if (!zynq_regs_read(&s->regs, off, v))
        zynq_dev_log(d, ZYNQ_LOG_GUEST_ERROR, "read of reserved 0x%02x", off);
    return ZYNQ_OK;
}

static zynq_status scu_write(zynq_dev *d, uint32_t off, unsigned size,
                             uint32_t v)
{
    scu *s = (scu *)d;
    if (!zynq_dev_check32(d, off, size))
        return ZYNQ_SLVERR;
    if (!zynq_regs_write(&s->regs, off, v))
        zynq_dev_log(d, ZYNQ_LOG_GUEST_ERROR, "write of reserved 0x%02x", off);
    return ZYNQ_OK;
}

static void scu_reset_op(zynq_dev *d)
{
    zynq_regs_reset(&((scu *)d)->regs);
}

static const zynq_dev_ops scu_ops = {scu_read, scu_write, scu_reset_op, NULL,
                                     NULL};

void scu_init(scu *s, const char *name)
{
    memset(s, 0, sizeof *s);
    zynq_dev_init(&s->dev, &scu_ops, name, 0x100);
    zynq_regs_init(&s->regs, scu_regs, SCU_NREGS, s->val, s, &s->dev);
    scu_reset_op(&s->dev);
}
