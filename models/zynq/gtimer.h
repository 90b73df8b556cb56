/*
 * gtimer.h - Cortex-A9 global timer (dprsim), PERIPHBASE+0x200, PPI 27.
 * 64-bit up-counter at PERIPHCLK/(PRESCALER+1). Registers (ZYNQ_ARM_FACTS
 * 2.4, Cortex-A9 MPCore TRM 4.4): 0x00/0x04 COUNTER lo/hi (writable only
 * while the timer is disabled), 0x08 CONTROL (b0 timer enable, b1 comparator
 * enable, b2 IRQ enable, b3 AUTO-INCREMENT, b15:8 prescaler), 0x0C ISR (b0
 * event flag, W1C), 0x10/0x14 COMPARATOR lo/hi, 0x18 AUTO_INCREMENT.
 * The comparator fires when COUNTER >= COMPARATOR (r2p0 and later, DDI 0407H
 * 4.3); with auto-increment the comparator then advances by AUTO_INCREMENT.
 * One comparator is modelled (CPU 0's; they are banked per CPU on silicon).
 */
#ifndef GTIMER_H
#define GTIMER_H

#include "zynq_regs.h"

#ifdef __cplusplus
extern "C" {
#endif

#define GTIMER_COUNTER_LO 0x00
#define GTIMER_COUNTER_HI 0x04
#define GTIMER_CONTROL    0x08
#define GTIMER_ISR        0x0C
#define GTIMER_COMP_LO    0x10
#define GTIMER_COMP_HI    0x14
#define GTIMER_AUTOINC    0x18
#define GTIMER_CTRL_ENABLE  (1u << 0)
#define GTIMER_CTRL_COMP_EN (1u << 1)
#define GTIMER_CTRL_IRQ_EN  (1u << 2)
#define GTIMER_CTRL_AUTOINC (1u << 3)

typedef struct gtimer {
    zynq_dev dev;           /* must be first; window 0x20 */
    uint64_t clk_hz;
    zynq_regs regs;
    uint32_t val[7];
    uint64_t counter;
    uint64_t comparator;
    uint64_t last_cycle;
    uint64_t phase;
    zynq_irq irq;
    int irq_level;
} gtimer;

void gtimer_init(gtimer *g, const char *name, uint64_t periphclk_hz);
void gtimer_set_irq(gtimer *g, zynq_irq irq);

#ifdef __cplusplus
}
#endif
#endif /* GTIMER_H */
