/*
 * zynq_dev.h - common device API of the Zynq-7000 PS models (dprsim).
 *
 * Every PS device model in models/zynq is one C file behind this small API:
 *   read / write   register access at an offset inside the device's window,
 *                  returning ZYNQ_OK or ZYNQ_SLVERR (the AXI/APB slave error the
 *                  bus turns into an external abort);
 *   reset          back to the reset values of UG585 Appendix B;
 *   advance        bring the device's timed state up to absolute time `now`;
 *   next_event     the earliest time at which the device's outputs (IRQ lines,
 *                  status visible to software, output streams) may next change
 *                  on their own, so that a platform can fast-forward (WFI).
 *
 * Contract with the platform (the bus owns address decode):
 *   - Time is an absolute 64-bit picosecond count (zynq_time_ps) that never
 *     goes backwards. Before a read/write at time t the platform calls
 *     advance(dev, t); accesses then happen "at" the device's current time.
 *   - next_event() may be early (a spurious wake-up), never late: advancing to
 *     any time before it cannot change an output.
 *   - Devices convert time with their own clock (a configuration field in Hz)
 *     using zynq_cycles_at()/zynq_cycle_time(): cycle n of a clock of f Hz
 *     happens at ceil(n * 1e12 / f) ps, so no drift accumulates.
 *   - IRQ outputs are values {fn, opaque, num} called only on level changes.
 *
 * No globals: every device is one struct owned by the caller; several
 * platforms may coexist in one process.
 */
#ifndef ZYNQ_DEV_H
#define ZYNQ_DEV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Absolute simulated time in picoseconds. */
typedef uint64_t zynq_time_ps;
/** "No event": returned by next_event() when nothing will change on its own. */
#define ZYNQ_TIME_NEVER UINT64_MAX
/** Picoseconds per second. */
#define ZYNQ_PS_PER_S 1000000000000ULL

/** Result of a register access. */
typedef enum zynq_status {
    ZYNQ_OK = 0,     /**< access done */
    ZYNQ_SLVERR = 1  /**< slave error (bad size/alignment, locked device) */
} zynq_status;

/** Default clocks of the Zynq-7000 as configured by the usual FSBL
 *  (ZYNQ_ARM_FACTS 2.2; xparameters.h values). All are configuration fields
 *  of the devices that use them; these are only defaults. */
#define ZYNQ_CPU_HZ        666666687ULL   /**< CPU_6x4x */
#define ZYNQ_PERIPHCLK_HZ  (ZYNQ_CPU_HZ / 2) /**< A9 private timers */
#define ZYNQ_CPU_1X_HZ     111111115ULL   /**< TTC, APB */
#define ZYNQ_UART_REF_HZ   50000000ULL    /**< uart_ref_clk */
#define ZYNQ_PS_CLK_HZ     33333333ULL    /**< board PS_CLK */

/** IRQ output: fn(opaque, num, level) is called on every level change. */
typedef void (*zynq_irq_fn)(void *opaque, int num, int level);
typedef struct zynq_irq {
    zynq_irq_fn fn;  /**< NULL = not connected */
    void *opaque;
    int num;         /**< e.g. the GIC ID the line is wired to */
} zynq_irq;

/** Drive an IRQ output: calls irq->fn when `level` differs from *state.
 *  Inline: devices call it on every update, mostly without a change. */
static inline void zynq_irq_update(const zynq_irq *irq, int *state, int level)
{
    level = level ? 1 : 0;
    if (*state == level)
        return;
    *state = level;
    if (irq && irq->fn)
        irq->fn(irq->opaque, irq->num, level);
}

/** Log kinds: misuse by the guest, or a feature not modelled. */
typedef enum zynq_log_kind {
    ZYNQ_LOG_GUEST_ERROR,
    ZYNQ_LOG_UNIMP,
    ZYNQ_LOG_INFO
} zynq_log_kind;
typedef void (*zynq_log_fn)(void *opaque, zynq_log_kind kind, const char *dev,
                            const char *msg);

struct zynq_dev;
/** Operations of one device (a const table per device type). */
typedef struct zynq_dev_ops {
    zynq_status (*read)(struct zynq_dev *d, uint32_t offset, unsigned size,
                        uint32_t *value);
    zynq_status (*write)(struct zynq_dev *d, uint32_t offset, unsigned size,
                         uint32_t value);
    void (*reset)(struct zynq_dev *d);
    void (*advance)(struct zynq_dev *d, zynq_time_ps now);     /* may be NULL */
    zynq_time_ps (*next_event)(const struct zynq_dev *d);      /* may be NULL */
} zynq_dev_ops;

/** Header embedded as the FIRST member of every device struct. */
typedef struct zynq_dev {
    const zynq_dev_ops *ops;
    const char *name;       /**< instance name, e.g. "uart1" */
    uint32_t size;          /**< window size in bytes (for the platform map) */
    zynq_time_ps now;       /**< time the device has been advanced to */
    zynq_log_fn log;        /**< NULL = silent */
    void *log_opaque;
} zynq_dev;

/* Generic entry points (dispatch through d->ops). Inline: they are on
 * every MMIO access and on every advance of the platform's time. */
static inline zynq_status zynq_dev_read(zynq_dev *d, uint32_t offset,
                                        unsigned size, uint32_t *value)
{
    return d->ops->read(d, offset, size, value);
}

static inline zynq_status zynq_dev_write(zynq_dev *d, uint32_t offset,
                                         unsigned size, uint32_t value)
{
    return d->ops->write(d, offset, size, value);
}

void zynq_dev_reset(zynq_dev *d);

/** Bring d to time `now`; a time before d->now is ignored (time never
 *  goes backwards; a stale call is harmless). */
static inline void zynq_dev_advance(zynq_dev *d, zynq_time_ps now)
{
    if (now < d->now)
        return;
    if (d->ops->advance)
        d->ops->advance(d, now);
    d->now = now;
}

static inline zynq_time_ps zynq_dev_next_event(const zynq_dev *d)
{
    return d->ops->next_event ? d->ops->next_event(d) : ZYNQ_TIME_NEVER;
}

/** printf-style log through d->log (no-op when d->log is NULL). */
void zynq_dev_log(const zynq_dev *d, zynq_log_kind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/** Fill the header (ops, name, size); the log sink stays NULL. */
void zynq_dev_init(zynq_dev *d, const zynq_dev_ops *ops, const char *name,
                   uint32_t size);

/** zynq_dev_check32's refusal: logs the bad access, returns false. */
bool zynq_dev_bad_access(const zynq_dev *d, uint32_t offset, unsigned size);

/** Standard access check: size 4 and 4-byte aligned offset < d->size. */
static inline bool zynq_dev_check32(const zynq_dev *d, uint32_t offset,
                                    unsigned size)
{
    if (size != 4 || (offset & 3) || offset >= d->size)
        return zynq_dev_bad_access(d, offset, size);
    return true;
}

/*
 * Time conversions. They run several times per PL cycle and per MMIO
 * access (every device's advance/next_event, the CPU's local time), so they
 * are inline: when a * b fits in 64 bits (a duration or a cycle count of
 * up to some ten milliseconds times a clock, or a time up to that times
 * a clock) one 64-bit division gives the exact result, and with a constant
 * divisor (ZYNQ_PS_PER_S in zynq_cycles_at) the compiler replaces it by a
 * multiplication; a wider product takes the 128-bit division
 * (zynq_muldiv_*_wide). The results are the same either way.
 */

/** ceil(a * b / c) with a 128-bit intermediate; saturates at UINT64_MAX. */
uint64_t zynq_muldiv_ceil_wide(uint64_t a, uint64_t b, uint64_t c);
/** floor(a * b / c) with a 128-bit intermediate; saturates at UINT64_MAX. */
uint64_t zynq_muldiv_floor_wide(uint64_t a, uint64_t b, uint64_t c);

/** ceil(a * b / c), exact (128-bit intermediate); saturates at UINT64_MAX. */
static inline uint64_t zynq_muldiv_ceil(uint64_t a, uint64_t b, uint64_t c)
{
    uint64_t p, s;
    if (!__builtin_mul_overflow(a, b, &p) && !__builtin_add_overflow(p, c - 1, &s))
        return s / c;
    return zynq_muldiv_ceil_wide(a, b, c);
}

/** floor(a * b / c), exact (128-bit intermediate); saturates at UINT64_MAX. */
static inline uint64_t zynq_muldiv_floor(uint64_t a, uint64_t b, uint64_t c)
{
    uint64_t p;
    if (!__builtin_mul_overflow(a, b, &p))
        return p / c;
    return zynq_muldiv_floor_wide(a, b, c);
}

/** Number of whole cycles of a `hz` clock elapsed at time t: floor(t*hz/1e12). */
static inline uint64_t zynq_cycles_at(uint64_t hz, zynq_time_ps t)
{
    return zynq_muldiv_floor(t, hz, ZYNQ_PS_PER_S);
}

/** Time of cycle n of a `hz` clock: ceil(n*1e12/hz); saturates at NEVER. */
static inline zynq_time_ps zynq_cycle_time(uint64_t hz, uint64_t n)
{
    return zynq_muldiv_ceil(n, ZYNQ_PS_PER_S, hz);
}

#ifdef __cplusplus
}
#endif
#endif /* ZYNQ_DEV_H */
