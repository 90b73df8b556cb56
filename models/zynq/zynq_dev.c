/* zynq_dev.c - common helpers of the PS device models (see zynq_dev.h). */
#include "zynq_dev.h"

#include <stdarg.h>
#include <stdio.h>

__extension__ typedef unsigned __int128 zynq_u128;

void zynq_dev_reset(zynq_dev *d)
{
    d->ops->reset(d);
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

bool zynq_dev_bad_access(const zynq_dev *d, uint32_t offset, unsigned size)
{
    zynq_dev_log(d, ZYNQ_LOG_GUEST_ERROR, "bad access: offset 0x%x size %u",
                 offset, size);
    return false;
}

uint64_t zynq_muldiv_floor_wide(uint64_t a, uint64_t b, uint64_t c)
{
    zynq_u128 r = (zynq_u128)a * b / c;
    return r > UINT64_MAX ? UINT64_MAX : (uint64_t)r;
}

uint64_t zynq_muldiv_ceil_wide(uint64_t a, uint64_t b, uint64_t c)
{
    zynq_u128 r = ((zynq_u128)a * b + c - 1) / c;
    return r > UINT64_MAX ? UINT64_MAX : (uint64_t)r;
}
