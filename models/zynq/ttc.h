/*
 * ttc.h - Zynq-7000 Triple Timer Counter (Cadence TTC) (dprsim).
 * TTC0 0xF8001000 (GIC 42/43/44), TTC1 0xF8002000 (GIC 69/70/71).
 * Per channel n (offset + 4n), ZYNQ_ARM_FACTS 2.5 / UG585 B.32:
 *   0x00 CLK_CNTRL  b0 prescale enable, b4:1 N (divide by 2^(N+1)), b5 ext
 *   0x0C CNT_CNTRL  b0 DIS, b1 INT (interval mode), b2 DEC, b3 MATCH,
 *                   b4 RST (self-clearing), b5 WAVE_EN(n), b6 WAVE_POL; 0x21
 *   0x18 COUNT_VALUE (16-bit, read-only)  0x24 INTERVAL (16-bit)
 *   0x30/0x3C/0x48 MATCH_0/1/2 (16-bit)
 *   0x54 ISR  clear-on-read (writes of 1 also clear, as the Xilinx driver
 *             writes it): b0 interval, b1-b3 match 0-2, b4 overflow
 *   0x60 IER  0x6C EVENT_CNTRL  0x78 EVENT (event timer not modelled)
 * The counter runs at CPU_1x (config) while DIS = 0. It counts 0..TOP
 * (TOP = INTERVAL in interval mode, 0xFFFF otherwise), up or down, and
 * wraps. Reaching 0 by counting raises the interval (interval mode) or
 * overflow (otherwise) event; reaching MATCH_i in match mode raises match i.
 * So an interval-mode period is (INTERVAL+1) * prescale cycles.
 */
#ifndef TTC_H
#define TTC_H

#include "zynq_regs.h"

#ifdef __cplusplus
extern "C" {
#endif

#define TTC_CLK_CNTRL(n)   (0x00 + 4 * (n))
#define TTC_CNT_CNTRL(n)   (0x0C + 4 * (n))
#define TTC_COUNT_VALUE(n) (0x18 + 4 * (n))
#define TTC_INTERVAL(n)    (0x24 + 4 * (n))
#define TTC_MATCH0(n)      (0x30 + 4 * (n))
#define TTC_MATCH1(n)      (0x3C + 4 * (n))
#define TTC_MATCH2(n)      (0x48 + 4 * (n))
#define TTC_ISR(n)         (0x54 + 4 * (n))
#define TTC_IER(n)         (0x60 + 4 * (n))
#define TTC_EVENT_CNTRL(n) (0x6C + 4 * (n))
#define TTC_EVENT(n)       (0x78 + 4 * (n))

#define TTC_CNT_DIS    (1u << 0)
#define TTC_CNT_INT    (1u << 1)
#define TTC_CNT_DEC    (1u << 2)
#define TTC_CNT_MATCH  (1u << 3)
#define TTC_CNT_RST    (1u << 4)
#define TTC_IXR_INTERVAL (1u << 0)
#define TTC_IXR_MATCH0   (1u << 1)
#define TTC_IXR_OVERFLOW (1u << 4)

#define TTC_NREGS 33

typedef struct ttc_chan {
    uint16_t value;
    uint64_t last_cycle;
    uint64_t phase;
    zynq_irq irq;
    int irq_level;
} ttc_chan;

typedef struct ttc {
    zynq_dev dev;            /* must be first; window 0x1000 */
    uint64_t clk_hz;         /**< CPU_1x */
    zynq_regs regs;
    uint32_t val[TTC_NREGS];
    ttc_chan ch[3];
} ttc;

void ttc_init(ttc *t, const char *name, uint64_t cpu1x_hz);
/** Connect channel n's IRQ output (n = 0..2). */
void ttc_set_irq(ttc *t, unsigned n, zynq_irq irq);

#ifdef __cplusplus
}
#endif
#endif /* TTC_H */
