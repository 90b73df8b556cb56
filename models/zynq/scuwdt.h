/*
 * scuwdt.h - Cortex-A9 private watchdog (dprsim), PERIPHBASE+0x620, PPI 30.
 * Registers (Cortex-A9 MPCore TRM 4.3): 0x00 LOAD (also loads COUNTER),
 * 0x04 COUNTER, 0x08 CONTROL (b0 enable, b1 auto-reload, b2 IT enable,
 * b3 watchdog mode, b15:8 prescaler), 0x0C ISR (b0 event flag, W1C),
 * 0x10 RESET_STATUS (b0, W1C), 0x14 DISABLE (write 0x12345678 then
 * 0x87654321 to leave watchdog mode).
 * Timer mode behaves as the private timer. In watchdog mode, reaching zero
 * sets RESET_STATUS and calls the reset callback (the platform decides what
 * a CPU reset means); the IRQ is not raised in watchdog mode.
 */
#ifndef SCUWDT_H
#define SCUWDT_H

#include "zynq_dcnt.h"
#include "zynq_regs.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SCUWDT_LOAD         0x00
#define SCUWDT_COUNTER      0x04
#define SCUWDT_CONTROL      0x08
#define SCUWDT_ISR          0x0C
#define SCUWDT_RESET_STATUS 0x10
#define SCUWDT_DISABLE      0x14
#define SCUWDT_CTRL_IRQ_EN  (1u << 2)
#define SCUWDT_CTRL_WD_MODE (1u << 3)

typedef void (*scuwdt_reset_fn)(void *opaque);

typedef struct scuwdt {
    zynq_dev dev;             /* must be first; window 0x20 */
    uint64_t clk_hz;
    zynq_regs regs;
    uint32_t val[6];
    zynq_dcnt cnt;
    zynq_irq irq;
    int irq_level;
    uint32_t disable_seq;     /**< 1 after 0x12345678 was written */
    scuwdt_reset_fn reset_fn;
    void *reset_opaque;
} scuwdt;

void scuwdt_init(scuwdt *w, const char *name, uint64_t periphclk_hz);
void scuwdt_set_irq(scuwdt *w, zynq_irq irq);
void scuwdt_set_reset_cb(scuwdt *w, scuwdt_reset_fn fn, void *opaque);

#ifdef __cplusplus
}
#endif
#endif /* SCUWDT_H */
