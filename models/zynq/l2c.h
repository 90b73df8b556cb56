/*
 * l2c.h - PL310 L2 cache controller registers (dprsim), 0xF8F02000.
 * Accepted and read back so that firmware init (Xilinx Xil_L2Cache*, Linux
 * l2x0) runs; no cache is modelled. ARM PL310 TRM (DDI 0246) 3.3:
 *   0x000 CACHE_ID (RO), 0x004 CACHE_TYPE (RO), 0x100 CONTROL (b0 enable),
 *   0x104 AUX_CONTROL (writable only while disabled), 0x108/0x10C TAG/DATA
 *   RAM latency, 0x200-0x210 event counters, 0x214 INT_MASK, 0x218
 *   INT_MASK_STATUS, 0x21C INT_RAW_STATUS, 0x220 INT_CLEAR, 0x730 CACHE_SYNC,
 *   0x770/0x7B0/0x7F0 by-PA, 0x7B8/0x7F8 by-index and 0x77C/0x7BC/0x7FC
 *   by-way maintenance (complete immediately: read 0), 0x900-0x93C lockdown,
 *   0x950 LOCK_LINE_EN, 0x954 UNLOCK_WAY, 0xC00/0xC04 address filtering,
 *   0xF40 DEBUG_CTRL, 0xF60 PREFETCH_CTRL, 0xF80 POWER_CTRL.
 */
#ifndef L2C_H
#define L2C_H

#include "zynq_regs.h"

#ifdef __cplusplus
extern "C" {
#endif

#define L2C_CACHE_ID      0x000
#define L2C_CACHE_TYPE    0x004
#define L2C_CONTROL       0x100
#define L2C_AUX_CONTROL   0x104
#define L2C_CACHE_SYNC    0x730
#define L2C_INV_WAY       0x77C
#define L2C_CLEAN_INV_WAY 0x7FC
#define L2C_NREGS 47

typedef struct l2c {
    zynq_dev dev;      /* must be first; window 0x1000 */
    zynq_regs regs;
    uint32_t val[L2C_NREGS];
    uint64_t maintenance_ops;  /**< count of maintenance writes */
} l2c;

void l2c_init(l2c *c, const char *name);

#ifdef __cplusplus
}
#endif
#endif /* L2C_H */
