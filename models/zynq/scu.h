/*
 * scu.h - Cortex-A9 Snoop Control Unit registers (dprsim), PERIPHBASE+0x000.
 * Registers are accepted and read back so firmware init runs (Cortex-A9
 * MPCore TRM 2.2): 0x00 CONTROL (b0 SCU enable), 0x04 CONFIG (read-only:
 * CPU count - 1 in b1:0, tag RAM sizes), 0x08 CPU_POWER_STATUS,
 * 0x0C INVALIDATE_ALL_SECURE (write-only, completes at once),
 * 0x40 FILTER_START, 0x44 FILTER_END, 0x50 SAC, 0x54 SNSAC.
 * No coherency is modelled (one CPU in use, caches are the ISS's business).
 */
#ifndef SCU_H
#define SCU_H

#include "zynq_regs.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SCU_CONTROL     0x00
#define SCU_CONFIG      0x04
#define SCU_POWER       0x08
#define SCU_INVALIDATE  0x0C
#define SCU_FILTER_START 0x40
#define SCU_FILTER_END  0x44
#define SCU_SAC         0x50
#define SCU_SNSAC       0x54
#define SCU_NREGS 8

typedef struct scu {
    zynq_dev dev;      /* must be first; window 0x100 */
    zynq_regs regs;
    uint32_t val[SCU_NREGS];
} scu;

void scu_init(scu *s, const char *name);

#ifdef __cplusplus
}
#endif
#endif /* SCU_H */
