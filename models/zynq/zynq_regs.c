/* zynq_regs.c - register-table helper (see zynq_regs.h). */
#include "zynq_regs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * The offset lookup. Every MMIO access goes through zynq_regs_find, and a
 * polling loop (UART SR, timer counters) makes that the hottest path of a
 * device access, so a linear scan of the table is replaced by a small hash
 * table kept inside struct zynq_regs: no allocation, hence no teardown for
 * the devices (which have none). The probe itself is inline (zynq_regs.h).
 * With at most ZYNQ_REGS_SLOTS - 1 entries there is always an empty slot,
 * so a probe for an absent offset ends.
 */
_Static_assert((1u << ZYNQ_REGS_SLOT_BITS) == ZYNQ_REGS_SLOTS, "slot count");

static bool use_slots(const zynq_regs *r)
{
    return r->n < ZYNQ_REGS_SLOTS;
}

static void duplicate(const zynq_regs *r, uint32_t offset)
{
    fprintf(stderr, "zynq_regs: %s: duplicate offset 0x%x\n",
            r->dev ? r->dev->name : "?", offset);
    abort();
}

void zynq_regs_init(zynq_regs *r, const zynq_reg_info *info, size_t n,
                    uint32_t *val, void *owner, const zynq_dev *dev)
{
    r->info = info;
    r->n = n;
    r->val = val;
    r->owner = owner;
    r->dev = dev;
    memset(r->slot, 0, sizeof r->slot);
    if (!use_slots(r)) {
        for (size_t i = 0; i < n; i++)
            for (size_t j = i + 1; j < n; j++)
                if (info[i].offset == info[j].offset)
                    duplicate(r, info[i].offset);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        uint32_t h = zynq_regs_slot_of(info[i].offset);
        while (r->slot[h]) {
            if (info[r->slot[h] - 1].offset == info[i].offset)
                duplicate(r, info[i].offset);
            h = (h + 1) & (ZYNQ_REGS_SLOTS - 1);
        }
        r->slot[h] = (uint8_t)(i + 1);
    }
}

void zynq_regs_reset(zynq_regs *r)
{
    for (size_t i = 0; i < r->n; i++)
        r->val[i] = r->info[i].reset;
}

int zynq_regs_find_linear(const zynq_regs *r, uint32_t offset)
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
