/* zynq_dev.c - common helpers of the PS device models (see zynq_dev.h). */
#include "zynq_dev.h"

#include <stdarg.h>
#include <stdio.h>

__extension__ typedef unsigned __int128 zynq_u128;

void zynq_irq_update(const zynq_irq *irq, int *state, int level)
{
    level = level ? 1 : 0;
    if (*state == level)
        return;
    *state = level;
    if (irq && irq->fn)
        irq->fn(irq->opaque, irq->num, level);
}

zynq_status zynq_dev_read(zynq_dev *d, uint32_t offset, unsigned size,
                          uint32_t *value)
{
    return d->ops->read(d, offset, size, value);
}

zynq_status zynq_dev_write(zynq_dev *d, uint32_t offset, unsigned size,
                           uint32_t value)
{
    return d->ops->write(d, offset, size, value);
}

void zynq_dev_reset(zynq_dev *d)
{
    d->ops->reset(d);
}

void zynq_dev_advance(zynq_dev *d, zynq_time_ps now)
{
    if (now < d->now)
        return; /* time never goes backwards; a stale call is harmless */
    if (d->ops->advance)
        d->ops->advance(d, now);
    d->now = now;
}

zynq_time_ps zynq_dev_next_event(const zynq_dev *d)
{
    return d->ops->next_event ? d->ops->next_event(d) : ZYNQ_TIME_NEVER;
}

void zynq_dev_log(const zynq_dev *d, zynq_log_kind kind, const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    if (!d->log)
        return;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    d->log(d->log_opaque, kind, d->name, buf);
}

void zynq_dev_init(zynq_dev *d, const zynq_dev_ops *ops, const char *name,
                   uint32_t size)
{
    d->ops = ops;
    d->name = name;
    d->size = size;
    d->now = 0;
    d->log = NULL;
    d->log_opaque = NULL;
}

bool zynq_dev_check32(const zynq_dev *d, uint32_t offset, unsigned size)
{
    if (size != 4 || (offset & 3) || offset >= d->size) {
        zynq_dev_log(d, ZYNQ_LOG_GUEST_ERROR,
                     "bad access: offset 0x%x size %u", offset, size);
        return false;
    }
    return true;
}

uint64_t zynq_muldiv_floor(uint64_t a, uint64_t b, uint64_t c)
{
    zynq_u128 r = (zynq_u128)a * b / c;
    return r > UINT64_MAX ? UINT64_MAX : (uint64_t)r;
}

uint64_t zynq_muldiv_ceil(uint64_t a, uint64_t b, uint64_t c)
{
    zynq_u128 r = ((zynq_u128)a * b + c - 1) / c;
    return r > UINT64_MAX ? UINT64_MAX : (uint64_t)r;
}

uint64_t zynq_cycles_at(uint64_t hz, zynq_time_ps t)
{
    return zynq_muldiv_floor(t, hz, ZYNQ_PS_PER_S);
}

zynq_time_ps zynq_cycle_time(uint64_t hz, uint64_t n)
{
    return zynq_muldiv_ceil(n, ZYNQ_PS_PER_S, hz);
}
