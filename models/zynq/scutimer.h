/*
 * scutimer.h - Cortex-A9 private timer (dprsim), PERIPHBASE+0x600, PPI 29.
 * Registers (ZYNQ_ARM_FACTS 2.4): 0x00 LOAD (a write also loads COUNTER),
 * 0x04 COUNTER, 0x08 CONTROL (b0 enable, b1 auto-reload, b2 IRQ enable,
 * b15:8 prescaler), 0x0C ISR (b0 event flag, write 1 to clear).
 * Clock: PERIPHCLK (config, default CPU/2). IRQ output = event flag AND
 * CONTROL.IRQ_EN (the GIC treats PPI 29 as edge-triggered).
 */
#ifndef SCUTIMER_H
#define SCUTIMER_H

#include "zynq_dcnt.h"
#include "zynq_regs.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SCUTIMER_LOAD    0x00
#define SCUTIMER_COUNTER 0x04
#define SCUTIMER_CONTROL 0x08
#define SCUTIMER_ISR     0x0C
#define SCUTIMER_CTRL_ENABLE   (1u << 0)
#define SCUTIMER_CTRL_AUTO     (1u << 1)
#define SCUTIMER_CTRL_IRQ_EN   (1u << 2)

typedef struct scutimer {
    zynq_dev dev;             /* must be first; window 0x20 */
    uint64_t clk_hz;          /**< PERIPHCLK */
    zynq_regs regs;
    uint32_t val[4];
    zynq_dcnt cnt;
    zynq_irq irq;
    int irq_level;
} scutimer;

void scutimer_init(scutimer *t, const char *name, uint64_t periphclk_hz);
void scutimer_set_irq(scutimer *t, zynq_irq irq);

#ifdef __cplusplus
}
#endif
#endif /* SCUTIMER_H */
