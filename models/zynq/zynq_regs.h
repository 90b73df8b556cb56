/*
 * zynq_regs.h - register-table helper for the simple PS devices (dprsim).
 *
 * A device describes its 32-bit registers as a const table of zynq_reg_info
 * (offset, reset value, read-only mask, write-1-to-clear mask, hooks) and keeps
 * the values in a uint32_t array of the same length. zynq_regs_write() applies
 *     new = (old & ro) | (val & ~ro & ~w1c) | (old & w1c & ~val)
 * i.e. read-only bits keep their value, W1C bits clear where 1 is written,
 * every other bit takes the written value. Hooks let a device veto or adjust a
 * write (pre_write), react to it (post_write) or compute a read (read).
 */
#ifndef ZYNQ_REGS_H
#define ZYNQ_REGS_H

#include "zynq_dev.h"

#ifdef __cplusplus
extern "C" {
#endif

struct zynq_reg_info;

/** Called before the masks are applied. May change *value. Return false to
 *  drop the write entirely (e.g. a locked SLCR). */
typedef bool (*zynq_reg_pre_write_fn)(void *owner,
                                      const struct zynq_reg_info *ri,
                                      uint32_t *value);
/** Called after the new value is stored (old = value before the write). */
typedef void (*zynq_reg_post_write_fn)(void *owner,
                                       const struct zynq_reg_info *ri,
                                       uint32_t old, uint32_t value);
/** Called on read with the stored value; returns the value the bus sees. */
typedef uint32_t (*zynq_reg_read_fn)(void *owner,
                                     const struct zynq_reg_info *ri,
                                     uint32_t stored);

/** Register access flags. */
enum {
    ZYNQ_REG_WO = 1u << 0,  /**< write-only: reads return 0 */
    ZYNQ_REG_RO = 1u << 1   /**< read-only: writes ignored (logged) */
};

typedef struct zynq_reg_info {
    const char *name;
    uint32_t offset;
    uint32_t reset;
    uint32_t ro;      /**< bits that writes do not change */
    uint32_t w1c;     /**< bits cleared by writing 1 */
    unsigned flags;   /**< ZYNQ_REG_WO / ZYNQ_REG_RO */
    zynq_reg_pre_write_fn pre_write;
    zynq_reg_post_write_fn post_write;
    zynq_reg_read_fn read;
} zynq_reg_info;

/** Slots of the offset lookup built by zynq_regs_init (a power of two).
 *  Tables with fewer registers than this use it; larger ones fall back to a
 *  linear search. */
#define ZYNQ_REGS_SLOTS 128u

typedef struct zynq_regs {
    const zynq_reg_info *info; /**< table, any order, unique offsets */
    size_t n;
    uint32_t *val;             /**< n values, owned by the device */
    void *owner;               /**< passed to the hooks */
    const zynq_dev *dev;       /**< for logging */
    /** Offset -> index lookup (open addressing, linear probing): table
     *  index + 1, 0 = empty. Lives in the struct so devices need no
     *  allocation or teardown; valid when n < ZYNQ_REGS_SLOTS. */
    uint8_t slot[ZYNQ_REGS_SLOTS];
} zynq_regs;

/** Bind a table to its value array and build the offset lookup (does not
 *  reset). Aborts on a duplicate offset. */
void zynq_regs_init(zynq_regs *r, const zynq_reg_info *info, size_t n,
                    uint32_t *val, void *owner, const zynq_dev *dev);
/** Load every register with its reset value. */
void zynq_regs_reset(zynq_regs *r);
/** Index of the register at `offset`, or -1 (zynq_regs_find below). */
static inline int zynq_regs_find(const zynq_regs *r, uint32_t offset);
/** Read through the table; false when no register sits at `offset`. */
bool zynq_regs_read(zynq_regs *r, uint32_t offset, uint32_t *value);
/** Write through the table; false when no register sits at `offset`. */
bool zynq_regs_write(zynq_regs *r, uint32_t offset, uint32_t value);
/** Stored value at `offset` (0 if none; zynq_regs_get below). */
static inline uint32_t zynq_regs_get(const zynq_regs *r, uint32_t offset);
/** Overwrite the stored value at `offset` without hooks or masks. */
void zynq_regs_set(zynq_regs *r, uint32_t offset, uint32_t value);

/* ---- inline lookups ---------------------------------------------------
 * Every MMIO access and every device's own register use (a status or
 * control bit read in advance()/next_event(), mostly at a constant offset)
 * goes through zynq_regs_find, so it is inline: with a constant offset the
 * compiler folds the hash and the probe starts at a known slot. */

/** log2(ZYNQ_REGS_SLOTS). */
#define ZYNQ_REGS_SLOT_BITS 7

/** Home slot of `offset`: Fibonacci hashing of the word offset (multiply
 *  by 2^32/phi, keep the top bits), which spreads the clustered offsets of
 *  a few-KiB window (0x000..0x0FC, 0x100.., 0x700.. in the L2C) evenly. */
static inline uint32_t zynq_regs_slot_of(uint32_t offset)
{
    return ((offset >> 2) * 0x9E3779B9u) >> (32 - ZYNQ_REGS_SLOT_BITS);
}

/** Linear search of the table (tables of ZYNQ_REGS_SLOTS or more registers). */
int zynq_regs_find_linear(const zynq_regs *r, uint32_t offset);

static inline int zynq_regs_find(const zynq_regs *r, uint32_t offset)
{
    if (r->n >= ZYNQ_REGS_SLOTS)
        return zynq_regs_find_linear(r, offset);
    /* At most ZYNQ_REGS_SLOTS - 1 entries: an empty slot ends the probe. */
    for (uint32_t h = zynq_regs_slot_of(offset);; h = (h + 1) & (ZYNQ_REGS_SLOTS - 1)) {
        unsigned s = r->slot[h];
        if (s == 0)
            return -1;
        if (r->info[s - 1].offset == offset)
            return (int)(s - 1);
    }
}

static inline uint32_t zynq_regs_get(const zynq_regs *r, uint32_t offset)
{
    int i = zynq_regs_find(r, offset);
    return i < 0 ? 0 : r->val[i];
}

#ifdef __cplusplus
}
#endif
#endif /* ZYNQ_REGS_H */
