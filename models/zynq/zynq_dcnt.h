/*
 * zynq_dcnt.h - the Cortex-A9 private down-counter shared by the private
 * timer (scutimer) and the watchdog in timer mode (scuwdt). Internal header.
 *
 * Cortex-A9 MPCore TRM 4.1/4.2 behaviour: the counter decrements once every
 * (PRESCALER+1) PERIPHCLK cycles while enabled; reaching zero sets the event
 * flag; with auto-reload the next decrement step loads LOAD, so the period is
 * (PRESCALER+1)*(LOAD+1) cycles (ZYNQ_ARM_FACTS 2.4); without it the counter
 * stays at zero. State is kept as of PERIPHCLK cycle `last_cycle` and brought
 * forward in O(1), so fast-forwarding any distance costs the same.
 */
#ifndef ZYNQ_DCNT_H
#define ZYNQ_DCNT_H

#include "zynq_dev.h"

typedef struct zynq_dcnt {
    uint32_t load;
    uint32_t counter;
    bool enabled;
    bool auto_reload;
    uint32_t prescaler;   /* CONTROL[15:8] */
    uint64_t last_cycle;  /* PERIPHCLK cycle the state is valid at */
    uint64_t phase;       /* cycles into the current prescale period */
} zynq_dcnt;

static inline void zynq_dcnt_reset(zynq_dcnt *c, uint64_t hz, zynq_time_ps now)
{
    c->load = c->counter = 0;
    c->enabled = c->auto_reload = false;
    c->prescaler = 0;
    c->last_cycle = zynq_cycles_at(hz, now);
    c->phase = 0;
}

/* Apply `t` decrement steps; true when zero was reached at least once. */
static inline bool zynq_dcnt_steps(zynq_dcnt *c, uint64_t t)
{
    bool event = false;
    if (t == 0)
        return false;
    if (c->counter > 0) {
        if (t < c->counter) {
            c->counter -= (uint32_t)t;
            return false;
        }
        t -= c->counter;
        c->counter = 0;
        event = true;
        if (t == 0)
            return true;
    }
    if (!c->auto_reload)
        return event;
    if (c->load == 0)
        return true; /* reloads 0 on every step: zero each step */
    uint64_t period = (uint64_t)c->load + 1;
    uint64_t r = t % period;
    if (t / period > 0)
        event = true;
    c->counter = r == 0 ? 0 : (uint32_t)(period - r);
    return event;
}

/* Bring the counter to time `now`; true when zero was reached. */
static inline bool zynq_dcnt_advance(zynq_dcnt *c, uint64_t hz,
                                     zynq_time_ps now)
{
    uint64_t cyc = zynq_cycles_at(hz, now);
    uint64_t d = cyc > c->last_cycle ? cyc - c->last_cycle : 0;
    c->last_cycle = cyc > c->last_cycle ? cyc : c->last_cycle;
    if (!c->enabled)
        return false;
    uint64_t p = (uint64_t)c->prescaler + 1;
    uint64_t total = c->phase + d;
    c->phase = total % p;
    return zynq_dcnt_steps(c, total / p);
}

/* Time at which the counter next reaches zero (NEVER if it will not). */
static inline zynq_time_ps zynq_dcnt_next_zero(const zynq_dcnt *c, uint64_t hz)
{
    uint64_t n;
    if (!c->enabled)
        return ZYNQ_TIME_NEVER;
    if (c->counter > 0)
        n = c->counter;
    else if (c->auto_reload)
        n = c->load == 0 ? 1 : (uint64_t)c->load + 1;
    else
        return ZYNQ_TIME_NEVER;
    uint64_t p = (uint64_t)c->prescaler + 1;
    return zynq_cycle_time(hz, c->last_cycle + n * p - c->phase);
}

/* CONTROL write: bit 0 enable, bit 1 auto-reload, bits 15:8 prescaler. */
static inline void zynq_dcnt_control(zynq_dcnt *c, uint32_t v)
{
    bool en = v & 1u;
    uint32_t pre = (v >> 8) & 0xFFu;
    if ((en && !c->enabled) || pre != c->prescaler)
        c->phase = 0;
    c->enabled = en;
    c->auto_reload = (v >> 1) & 1u;
    c->prescaler = pre;
}

#endif /* ZYNQ_DCNT_H */
