/*
 * timer_irq.c - the A9 private timer (PPI 29) interrupts the CPU through
 * the GIC while it waits in WFI. Five ticks; for each, the handler reads the
 * global timer (same PERIPHCLK as the private timer) and main prints the
 * distance between ticks, which must be (PRESCALER+1)*(LOAD+1) = LOAD+1
 * PERIPHCLK cycles (auto-reload period, Cortex-A9 MPCore TRM 4.1) to within
 * the jitter of the handler's own path: the stamp is read by software, and
 * the first handler runs with cold branch predictors (three mispredicts,
 * 24 CPU cycles = 12 PERIPHCLK later than the warm ones), so +-16 counts.
 * Exit status 0 when every period matches, 1 otherwise.
 */
#include "fw.h"

#define TICKS 5u
#define LOAD  33332u   /* 33333 PERIPHCLK cycles = 100 us at 333.33 MHz */

static volatile uint32_t ticks;
static volatile uint32_t stamp[TICKS];

void fw_irq_handler(void)
{
    uint32_t iar = FW_REG(FW_GIC_CPU + 0x0C);          /* ICCIAR */
    uint32_t id = iar & 0x3FFu;
    if (id == 29) {
        FW_REG(FW_PTIMER + 0x0C) = 1;                   /* clear the event flag */
        if (ticks < TICKS) stamp[ticks] = FW_REG(FW_GTIMER + 0x00);
        ticks++;
    }
    if (id != 1023) FW_REG(FW_GIC_CPU + 0x10) = iar;   /* ICCEOIR */
}

int main(void)
{
    FW_REG(FW_GTIMER + 0x08) = 1;                       /* global timer on, prescaler 0 */
    FW_REG(FW_GIC_DIST + 0x000) = 1;                    /* ICDDCR: distributor on */
    FW_REG(FW_GIC_DIST + 0x41C) = 0xA0u << 8;           /* ICDIPR7 byte 1: ID 29 prio 0xA0 */
    FW_REG(FW_GIC_DIST + 0x100) = 1u << 29;             /* ICDISER0: enable ID 29 */
    FW_REG(FW_GIC_CPU + 0x04) = 0xF0;                   /* ICCPMR */
    FW_REG(FW_GIC_CPU + 0x00) = 1;                      /* ICCICR: CPU interface on */
    FW_REG(FW_PTIMER + 0x00) = LOAD;                    /* LOAD (also loads COUNTER) */
    FW_REG(FW_PTIMER + 0x08) = 7;                       /* enable, auto-reload, IRQ enable */
    __asm__ volatile("cpsie i" ::: "memory");
    while (ticks < TICKS)
        __asm__ volatile("wfi" ::: "memory");
    FW_REG(FW_PTIMER + 0x08) = 0;
    __asm__ volatile("cpsid i" ::: "memory");

    int bad = 0;
    fw_puts("timer: ");
    fw_putdec(TICKS);
    fw_puts(" interrupts\n");
    for (uint32_t i = 1; i < TICKS; i++) {
        uint32_t d = stamp[i] - stamp[i - 1];
        fw_puts("period ");
        fw_putdec(i);
        fw_puts(": ");
        fw_putdec(d);
        fw_puts(" PERIPHCLK cycles\n");
        if (d + 16 < LOAD + 1 || d > LOAD + 1 + 16) bad = 1;
    }
    fw_puts(bad ? "timer: FAIL\n" : "timer: OK\n");
    fw_uart_drain();
    return bad;
}
