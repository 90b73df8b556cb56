/* zynq_regs.c - register-table helper (see zynq_regs.h). */
#include "zynq_regs.h"

#include <stdio.h>
#include <stdlib.h>

void zynq_regs_init(zynq_regs *r, const zynq_reg_info *info, size_t n,
                    uint32_t *val, void *owner, const zynq_dev *dev)
{
    r->info = info;
    r->n = n;
    r->val = val;
    r->owner = owner;
    r->dev = dev;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            if (info[i].offset == info[j].offset) {
                fprintf(stderr, "zynq_regs: %s: duplicate offset 0x%x\n",
                        dev ? dev->name : "?", info[i].offset);
                abort();
            }
}

void zynq_regs_reset(zynq_regs *r)
{
    for (size_t i = 0; i < r->n; i++)
        r->val[i] = r->info[i].reset;
}

int zynq_regs_find(const zynq_regs *r, uint32_t offset)
{
    for (size_t i = 0; i < r->n; i++)
        if (r->info[i].offset == offset)
            return (int)i;
    return -1;
}

bool zynq_regs_read(zynq_regs *r, uint32_t offset, uint32_t *value)
{
    int i = zynq_regs_find(r, offset);
    if (i < 0)
        return false;
    const zynq_reg_info *ri = &r->info[i];
    if (ri->flags & ZYNQ_REG_WO) {
        *value = 0;
        return true;
    }
    *value = ri->read ? ri->read(r->owner, ri, r->val[i]) : r->val[i];
    return true;
}

bool zynq_regs_write(zynq_regs *r, uint32_t offset, uint32_t value)
{
    int i = zynq_regs_find(r, offset);
    if (i < 0)
        return false;
    const zynq_reg_info *ri = &r->info[i];
    if (ri->flags & ZYNQ_REG_RO) {
        if (r->dev)
            zynq_dev_log(r->dev, ZYNQ_LOG_GUEST_ERROR,
                         "write 0x%08x to read-only %s ignored", value,
                         ri->name);
        return true;
    }
    if (ri->pre_write && !ri->pre_write(r->owner, ri, &value))
        return true;
    uint32_t old = r->val[i];
    r->val[i] = (old & ri->ro) | (value & ~ri->ro & ~ri->w1c) |
                (old & ri->w1c & ~value);
    if (ri->post_write)
        ri->post_write(r->owner, ri, old, r->val[i]);
    return true;
}

uint32_t zynq_regs_get(const zynq_regs *r, uint32_t offset)
{
    int i = zynq_regs_find(r, offset);
    return i < 0 ? 0 : r->val[i];
}

void zynq_regs_set(zynq_regs *r, uint32_t offset, uint32_t value)
{
    int i = zynq_regs_find(r, offset);
    if (i < 0) {
        fprintf(stderr, "zynq_regs: %s: no register at 0x%x\n",
                r->dev ? r->dev->name : "?", offset);
        abort();
    }
    r->val[i] = value;
}
