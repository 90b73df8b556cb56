/*
 * zq_probe.c - a bare-metal Zynq-7000 program (no C library) whose UART1
 * output is compared between dprsim and qemu-system-arm -M xilinx-zynq-a9
 * (tests/zynq_qemu/README.md).
 *
 * Every line reports counts, orders, flags and register values that the
 * manuals define, never a raw counter value or a duration: QEMU runs its
 * timers on the host clock (not cycle-exact, not reproducible), so only what
 * does not depend on rates may appear in the compared part.
 *
 * Section "ps" (compared with QEMU and with dprsim):
 *   UART1 (UG585 B.33): reset and enable, SR flags, local loopback through
 *   the RX FIFO (SR.REMPTY, SR.RTRIG against RXWM), the RX-trigger
 *   interrupt (SPI 82) in loopback;
 *   GIC (Cortex-A9 MPCore TRM DDI 0407 ch. 3, GIC architecture v1): the
 *   distributor and CPU interface enables, ICDICTR.ITLinesNumber, 5
 *   priority bits, software-pending SPIs taken by priority (tie: lowest ID),
 *   ICCHPIR, ICCPMR masking, ICCRPR while active and idle, EOI;
 *   private timer (DDI 0407 4.1, PPI 29): one-shot (one interrupt, COUNTER
 *   stays 0), auto-reload (interrupts counted, none after it stops), the
 *   same rate as the global timer;
 *   global timer (DDI 0407 4.3, PPI 27): counts up, comparator interrupt,
 *   auto-increment (CONTROL bit 3).
 * Section "board" (built with ZQ_DPRSIM): what the manuals define and QEMU
 *   7.2 models differently or only on an idle host (the tests/zynq_qemu
 *   README lists each case).
 * Section "pl" (built with ZQ_DPRSIM): an MMIO round trip over M_AXI_GP0 to
 *   the PRR Monitor and a PR interface window (rtl/README.md); QEMU leaves
 *   GP0 unmodelled.
 *
 * Exit status 0 when every check of the program holds, else 1 (each failed
 * line ends in "BAD"). The output has no trailer, so that the output of
 * the ZQ_DPRSIM build is the "ps" golden file followed by the "board" and
 * "pl" golden files.
 */
#include <stdint.h>
#include "zq.h"
#ifdef ZQ_DPRSIM
#include "dprsim_pl_regs.h"
#endif

/* ---------------------------------------------------------------- UART1 */

static void uart_putc(char c)
{
    while (ZQ_REG(ZQ_UART1 + ZQ_UART_SR) & ZQ_UART_SR_TFUL)
        ;
    ZQ_REG(ZQ_UART1 + ZQ_UART_FIFO) = (uint8_t)c;
}

static void uart_puts(const char *s)
{
    while (*s) uart_putc(*s++);
}

static void uart_putdec(uint32_t v)
{
    char b[11];
    int n = 0;
    do { b[n++] = (char)('0' + v % 10); v /= 10; } while (v);
    while (n) uart_putc(b[--n]);
}

static void uart_puthex(uint32_t v)
{
    uart_puts("0x");
    for (int i = 28; i >= 0; i -= 4) uart_putc("0123456789ABCDEF"[(v >> i) & 0xFu]);
}

/* Wait until UART1 has sent everything: TX FIFO empty and the shifter idle
 * (SR.TACTIVE, UG585 B.33). */
static void uart_drain(void)
{
    while ((ZQ_REG(ZQ_UART1 + ZQ_UART_SR) & (ZQ_UART_SR_TEMPTY | ZQ_UART_SR_TACTIVE)) !=
           ZQ_UART_SR_TEMPTY)
        ;
}

static int failures;

/* One result line "<what> <value>" with the value in decimal; a value that
 * differs from `want` adds " BAD" and counts as a failure. */
static void check_dec(const char *what, uint32_t got, uint32_t want)
{
    uart_puts(what);
    uart_putc(' ');
    uart_putdec(got);
    if (got != want) {
        uart_puts(" BAD");
        failures++;
    }
    uart_putc('\n');
}

static void check_hex(const char *what, uint32_t got, uint32_t want)
{
    uart_puts(what);
    uart_putc(' ');
    uart_puthex(got);
    if (got != want) {
        uart_puts(" BAD");
        failures++;
    }
    uart_putc('\n');
}

static uint32_t bit(uint32_t v, uint32_t mask)
{
    return (v & mask) ? 1u : 0u;
}

/* ------------------------------------------------------------ interrupts */

#define LOG_MAX 16u

static volatile uint32_t irq_log[LOG_MAX];   /* IDs in the order acknowledged */
static volatile uint32_t rpr_log[LOG_MAX];   /* ICCRPR right after each acknowledge */
static volatile uint32_t irq_count;          /* entries of irq_log used (saturates) */
static volatile uint32_t spurious;           /* acknowledges that returned 1023 */
static volatile uint32_t pt_irqs;            /* private timer (PPI 29) */
static volatile uint32_t pt_last;            /* stop the private timer at this count */
static volatile uint32_t gt_irqs;            /* global timer (PPI 27) */
static volatile uint32_t gt_last;            /* stop the comparator at this count */
static volatile uint32_t uart_irqs;          /* UART1 (SPI 82) */
static volatile uint32_t uart_rx_n;          /* bytes the UART1 handler read */
static volatile uint8_t uart_rx[16];

/* Called from the IRQ vector (start.S) with IRQs masked. */
void fw_irq_handler(void)
{
    uint32_t iar = ZQ_REG(ZQ_GIC_CPU + ZQ_ICCIAR);
    uint32_t id = iar & 0x3FFu;
    if (id == 1023u) {
        spurious++;
        return;                                     /* no EOI for a spurious ID */
    }
    if (irq_count < LOG_MAX) {
        irq_log[irq_count] = id;
        rpr_log[irq_count] = ZQ_REG(ZQ_GIC_CPU + ZQ_ICCRPR);
        irq_count++;
    }
    switch (id) {
    case ZQ_ID_PTIMER:
        /* Stopped here, not by the waiting code: on a simulator that runs
         * on the host clock, another period could end before it runs. */
        if (++pt_irqs >= pt_last)
            ZQ_REG(ZQ_PTIMER + ZQ_PT_CONTROL) = 0;
        ZQ_REG(ZQ_PTIMER + ZQ_PT_ISR) = 1;          /* event flag, write 1 to clear */
        break;
    case ZQ_ID_GTIMER:
        if (++gt_irqs >= gt_last)                   /* stop: comparator and IRQ enables off */
            ZQ_REG(ZQ_GTIMER + ZQ_GT_CONTROL) &= ~(ZQ_GT_COMP_EN | ZQ_GT_IRQ_EN);
        ZQ_REG(ZQ_GTIMER + ZQ_GT_ISR) = 1;
        break;
    case ZQ_ID_UART1:
        /* RX trigger: empty the RX FIFO, then clear the status (W1C). */
        while (!(ZQ_REG(ZQ_UART1 + ZQ_UART_SR) & ZQ_UART_SR_REMPTY)) {
            uint32_t c = ZQ_REG(ZQ_UART1 + ZQ_UART_FIFO);
            if (uart_rx_n < sizeof uart_rx) uart_rx[uart_rx_n] = (uint8_t)c;
            uart_rx_n++;
        }
        ZQ_REG(ZQ_UART1 + ZQ_UART_ISR) = ZQ_UART_IXR_RTRIG;
        uart_irqs++;
        break;
    default:
        break;                                      /* software-pended SPIs: logged only */
    }
    ZQ_REG(ZQ_GIC_CPU + ZQ_ICCEOIR) = iar;
}

static void irq_on(void)  { __asm__ volatile("cpsie i" ::: "memory"); }
static void irq_off(void) { __asm__ volatile("cpsid i" ::: "memory"); }

/* Wait in WFI until *counter reaches n. The test masks IRQs around the
 * check so that an interrupt cannot slip in between the test and the WFI
 * (WFI wakes on a pending IRQ even with CPSR.I set, ARM ARM, WFI wake-up events). */
static void wait_count(volatile uint32_t *counter, uint32_t n)
{
    irq_off();
    while (*counter < n) {
        __asm__ volatile("wfi" ::: "memory");
        irq_on();
        irq_off();
    }
    irq_on();
}

/* Byte-wide fields of the GIC distributor (priority, targets): word access
 * with read-modify-write, which both models accept. */
static void gic_set_byte(uint32_t base, uint32_t id, uint32_t v)
{
    uint32_t a = ZQ_GIC_DIST + base + (id & ~3u);
    uint32_t sh = (id & 3u) * 8u;
    ZQ_REG(a) = (ZQ_REG(a) & ~(0xFFu << sh)) | ((v & 0xFFu) << sh);
}

static uint32_t gic_get_byte(uint32_t base, uint32_t id)
{
    return (ZQ_REG(ZQ_GIC_DIST + base + (id & ~3u)) >> ((id & 3u) * 8u)) & 0xFFu;
}

static void gic_enable(uint32_t id, uint32_t prio)
{
    gic_set_byte(ZQ_ICDIPR, id, prio);
    if (id >= 32u) gic_set_byte(ZQ_ICDIPTR, id, 0x01);  /* SPI: to CPU 0 */
    ZQ_REG(ZQ_GIC_DIST + ZQ_ICDISER + (id / 32u) * 4u) = 1u << (id % 32u);
}

static void gic_disable(uint32_t id)
{
    ZQ_REG(ZQ_GIC_DIST + ZQ_ICDICER + (id / 32u) * 4u) = 1u << (id % 32u);
}

static void gic_pend(uint32_t id)
{
    ZQ_REG(ZQ_GIC_DIST + ZQ_ICDISPR + (id / 32u) * 4u) = 1u << (id % 32u);
}

/* ---------------------------------------------------------- global timer */

/* 64-bit COUNTER read: high, low, high again until the high word is stable
 * (DDI 0407 4.3). */
static uint64_t gt_now(void)
{
    uint32_t hi, lo;
    do {
        hi = ZQ_REG(ZQ_GTIMER + ZQ_GT_COUNTER_HI);
        lo = ZQ_REG(ZQ_GTIMER + ZQ_GT_COUNTER_LO);
    } while (hi != ZQ_REG(ZQ_GTIMER + ZQ_GT_COUNTER_HI));
    return ((uint64_t)hi << 32) | lo;
}

/* Busy-wait until the global timer has counted `ticks` more. */
static void gt_wait(uint32_t ticks)
{
    uint64_t end = gt_now() + ticks;
    while (gt_now() < end)
        ;
}

/* ------------------------------------------------------------- sections */

static void uart_section(void)
{
    /* Loopback test with IRQs of UART1 still disabled at the GIC. The
     * console has already sent the section header: let it finish first. */
    uart_drain();
    uint32_t sr = ZQ_REG(ZQ_UART1 + ZQ_UART_SR);
    uint32_t mr = ZQ_REG(ZQ_UART1 + ZQ_UART_MR);
    ZQ_REG(ZQ_UART1 + ZQ_UART_RXWM) = 4;
    ZQ_REG(ZQ_UART1 + ZQ_UART_MR) = (mr & ~ZQ_UART_MR_CHMODE) | ZQ_UART_MR_LOCAL_LOOP;
    static const char msg[] = "loop!!";
    for (uint32_t i = 0; i < sizeof msg - 1; i++)
        ZQ_REG(ZQ_UART1 + ZQ_UART_FIFO) = (uint8_t)msg[i];
    /* SR.RTRIG: at least RXWM bytes in the RX FIFO (UG585 B.33). */
    while (!(ZQ_REG(ZQ_UART1 + ZQ_UART_SR) & ZQ_UART_SR_RTRIG))
        ;
    char got[8];
    uint32_t n = 0;
    while (n < sizeof msg - 1) {
        if (!(ZQ_REG(ZQ_UART1 + ZQ_UART_SR) & ZQ_UART_SR_REMPTY))
            got[n++] = (char)ZQ_REG(ZQ_UART1 + ZQ_UART_FIFO);
    }
    got[n] = 0;
    uint32_t sr_after = ZQ_REG(ZQ_UART1 + ZQ_UART_SR);
    ZQ_REG(ZQ_UART1 + ZQ_UART_MR) = mr;             /* back to normal mode */

    check_dec("uart: SR.TEMPTY idle", bit(sr, ZQ_UART_SR_TEMPTY), 1);
    check_dec("uart: SR.TFUL idle", bit(sr, ZQ_UART_SR_TFUL), 0);
    check_dec("uart: SR.REMPTY idle", bit(sr, ZQ_UART_SR_REMPTY), 1);
    uart_puts("uart: loopback received \"");
    uart_puts(got);
    uart_puts("\"\n");
    int same = 1;
    for (uint32_t i = 0; i < sizeof msg - 1; i++) same &= got[i] == msg[i];
    check_dec("uart: loopback bytes match", (uint32_t)same, 1);
    check_dec("uart: SR.REMPTY after reading all", bit(sr_after, ZQ_UART_SR_REMPTY), 1);
    check_dec("uart: SR.RTRIG after reading all", bit(sr_after, ZQ_UART_SR_RTRIG), 0);
}

static void uart_irq_section(void)
{
    uart_drain();
    uint32_t mr = ZQ_REG(ZQ_UART1 + ZQ_UART_MR);
    ZQ_REG(ZQ_UART1 + ZQ_UART_RXWM) = 4;
    ZQ_REG(ZQ_UART1 + ZQ_UART_ISR) = 0xFFFFFFFFu;   /* stale status */
    ZQ_REG(ZQ_UART1 + ZQ_UART_IER) = ZQ_UART_IXR_RTRIG;
    gic_enable(ZQ_ID_UART1, 0x90);
    ZQ_REG(ZQ_UART1 + ZQ_UART_MR) = (mr & ~ZQ_UART_MR_CHMODE) | ZQ_UART_MR_LOCAL_LOOP;
    static const char msg[] = "SPI8";
    for (uint32_t i = 0; i < sizeof msg - 1; i++)
        ZQ_REG(ZQ_UART1 + ZQ_UART_FIFO) = (uint8_t)msg[i];
    wait_count(&uart_irqs, 1);
    ZQ_REG(ZQ_UART1 + ZQ_UART_IDR) = ZQ_UART_IXR_RTRIG;
    gic_disable(ZQ_ID_UART1);
    ZQ_REG(ZQ_UART1 + ZQ_UART_MR) = mr;
    uint32_t imr = ZQ_REG(ZQ_UART1 + ZQ_UART_IMR);

    check_dec("uart: RX-trigger interrupts (SPI 82)", uart_irqs, 1);
    check_dec("uart: bytes read in the handler", uart_rx_n, 4);
    int same = uart_rx_n == 4;
    for (uint32_t i = 0; same && i < 4; i++) same &= uart_rx[i] == (uint8_t)msg[i];
    check_dec("uart: handler bytes match", (uint32_t)same, 1);
    check_hex("uart: IMR after IDR", imr, 0);
}

/* ICCHPIR read while ID 83 (priority 0x80) was pending under ICCPMR 0x80:
 * printed in the board section (README: QEMU and dprsim differ). */
static uint32_t hpir_masked;

static void gic_section(void)
{
    uint32_t ictr = ZQ_REG(ZQ_GIC_DIST + ZQ_ICDICTR);
    check_dec("gic: ICDICTR.ITLinesNumber", ictr & 0x1Fu, 2);   /* 96 IDs, UG585 ch. 7 */
    /* Priority fields keep the 5 implemented bits (DDI 0407 3.3). */
    gic_set_byte(ZQ_ICDIPR, 83, 0xFF);
    check_hex("gic: ICDIPR 0xFF reads", gic_get_byte(ZQ_ICDIPR, 83), 0xF8);
    check_hex("gic: ICCRPR idle", ZQ_REG(ZQ_GIC_CPU + ZQ_ICCRPR) & 0xFFu, 0xFF);

    /* Three SPIs with no device behind them on either model, pended by
     * software while the CPU masks IRQs: taken by priority, a tie by the
     * lower ID. */
    irq_off();
    uint32_t first = irq_count;
    gic_enable(83, 0x80);
    gic_enable(60, 0x40);
    gic_enable(50, 0x40);
    gic_pend(83);
    gic_pend(60);
    gic_pend(50);
    uint32_t hpir = ZQ_REG(ZQ_GIC_CPU + ZQ_ICCHPIR) & 0x3FFu;
    irq_on();
    while (irq_count < first + 3)
        ;
    check_dec("gic: ICCHPIR with 50, 60, 83 pending", hpir, 50);
    uart_puts("gic: taken in order");
    for (uint32_t i = first; i < first + 3; i++) {
        uart_putc(' ');
        uart_putdec(irq_log[i]);
    }
    uart_putc('\n');
    check_dec("gic: order is 50 60 83",
              irq_log[first] == 50 && irq_log[first + 1] == 60 && irq_log[first + 2] == 83, 1);
    uart_puts("gic: ICCRPR while active");
    for (uint32_t i = first; i < first + 3; i++) {
        uart_putc(' ');
        uart_puthex(rpr_log[i] & 0xFFu);
    }
    uart_putc('\n');
    check_dec("gic: ICCRPR is each one's priority",
              (rpr_log[first] & 0xFFu) == 0x40 && (rpr_log[first + 1] & 0xFFu) == 0x40 &&
              (rpr_log[first + 2] & 0xFFu) == 0x80, 1);
    check_hex("gic: ICCRPR after EOI", ZQ_REG(ZQ_GIC_CPU + ZQ_ICCRPR) & 0xFFu, 0xFF);

    /* ICCPMR: an interrupt is signalled only if its priority is higher
     * (numerically lower) than the mask. ICCHPIR does not look at the mask. */
    ZQ_REG(ZQ_GIC_CPU + ZQ_ICCPMR) = 0x80;
    first = irq_count;
    gic_pend(83);                                    /* priority 0x80 */
    for (volatile int i = 0; i < 2000; i++)
        ;
    uint32_t masked = irq_count - first;
    hpir_masked = ZQ_REG(ZQ_GIC_CPU + ZQ_ICCHPIR) & 0x3FFu;
    check_dec("gic: taken under ICCPMR 0x80", masked, 0);
    ZQ_REG(ZQ_GIC_CPU + ZQ_ICCPMR) = 0xF0;
    while (irq_count < first + 1)
        ;
    check_dec("gic: taken after ICCPMR 0xF0", irq_count - first, 1);
    check_dec("gic: ICCHPIR when none pending", ZQ_REG(ZQ_GIC_CPU + ZQ_ICCHPIR) & 0x3FFu, 1023);
    gic_disable(50);
    gic_disable(60);
    gic_disable(83);
}

#define PT_LOAD 19999u   /* 20,000 timer clocks per period */

static void ptimer_section(void)
{
    gic_enable(ZQ_ID_PTIMER, 0xA0);
    /* One-shot: enable + IRQ enable, no auto-reload (DDI 0407 4.1). */
    ZQ_REG(ZQ_PTIMER + ZQ_PT_CONTROL) = 0;
    ZQ_REG(ZQ_PTIMER + ZQ_PT_ISR) = 1;
    pt_last = 0xFFFFFFFFu;                           /* one-shot: stops by itself */
    ZQ_REG(ZQ_PTIMER + ZQ_PT_LOAD) = PT_LOAD;
    ZQ_REG(ZQ_PTIMER + ZQ_PT_CONTROL) = ZQ_PT_ENABLE | ZQ_PT_IRQ_EN;
    wait_count(&pt_irqs, 1);
    gt_wait(4u * (PT_LOAD + 1u));                    /* room for a wrong second one */
    uint32_t counter = ZQ_REG(ZQ_PTIMER + ZQ_PT_COUNTER);
    uint32_t isr = ZQ_REG(ZQ_PTIMER + ZQ_PT_ISR);
    check_dec("ptimer: one-shot interrupts", pt_irqs, 1);
    check_dec("ptimer: one-shot COUNTER after expiry", counter, 0);
    check_dec("ptimer: ISR after the handler cleared it", isr, 0);

    /* Auto-reload: the handler stops the timer (CONTROL = 0) at the fifth
     * interrupt; no sixth one follows. */
    ZQ_REG(ZQ_PTIMER + ZQ_PT_CONTROL) = 0;
    pt_irqs = 0;
    pt_last = 5;
    ZQ_REG(ZQ_PTIMER + ZQ_PT_LOAD) = PT_LOAD;
    ZQ_REG(ZQ_PTIMER + ZQ_PT_CONTROL) = ZQ_PT_ENABLE | ZQ_PT_AUTO_RELOAD | ZQ_PT_IRQ_EN;
    wait_count(&pt_irqs, 5);
    uint32_t at_stop = pt_irqs;
    gt_wait(4u * (PT_LOAD + 1u));
    check_dec("ptimer: auto-reload interrupts before the stop", at_stop, 5);
    check_dec("ptimer: interrupts after the stop", pt_irqs - at_stop, 0);

    /* Both timers count PERIPHCLK (DDI 0407 4.1, 4.3; prescalers 0): over
     * 100,000 global-timer counts the free-running private timer moves the
     * same amount, to within 0.1 %. Up to five tries, because a simulator
     * on a host clock can be descheduled between the two reads of a pair. */
    ZQ_REG(ZQ_PTIMER + ZQ_PT_LOAD) = 0xFFFFFFFFu;
    ZQ_REG(ZQ_PTIMER + ZQ_PT_CONTROL) = ZQ_PT_ENABLE;
    uint32_t same_rate = 0;
    for (int t = 0; t < 5 && !same_rate; t++) {
        uint32_t p0 = ZQ_REG(ZQ_PTIMER + ZQ_PT_COUNTER);
        uint32_t g0 = ZQ_REG(ZQ_GTIMER + ZQ_GT_COUNTER_LO);
        gt_wait(100000u);
        uint32_t p1 = ZQ_REG(ZQ_PTIMER + ZQ_PT_COUNTER);
        uint32_t g1 = ZQ_REG(ZQ_GTIMER + ZQ_GT_COUNTER_LO);
        uint32_t dp = p0 - p1, dg = g1 - g0;
        uint32_t diff = dp > dg ? dp - dg : dg - dp;
        same_rate = diff <= dg / 1000u + 4u;
    }
    ZQ_REG(ZQ_PTIMER + ZQ_PT_CONTROL) = 0;
    check_dec("timers: private and global timer count at the same rate", same_rate, 1);
}

#define GT_INC 20000u
static uint32_t gt_autoinc_exact;   /* COMPARATOR = first + 3 * GT_INC after 3 events */

static void gtimer_section(void)
{
    uint64_t a = gt_now();
    gt_wait(1000);
    uint64_t b = gt_now();
    check_dec("gtimer: counts up", b > a, 1);

    /* Comparator (DDI 0407 4.3): one interrupt when COUNTER reaches
     * COMPARATOR; the handler then turns the comparator off. */
    gic_enable(ZQ_ID_GTIMER, 0xA0);
    gt_irqs = 0;
    gt_last = 1;
    ZQ_REG(ZQ_GTIMER + ZQ_GT_ISR) = 1;
    uint64_t when = gt_now() + 20000u;
    ZQ_REG(ZQ_GTIMER + ZQ_GT_COMP_LO) = (uint32_t)when;
    ZQ_REG(ZQ_GTIMER + ZQ_GT_COMP_HI) = (uint32_t)(when >> 32);
    ZQ_REG(ZQ_GTIMER + ZQ_GT_CONTROL) = ZQ_GT_ENABLE | ZQ_GT_COMP_EN | ZQ_GT_IRQ_EN;
    wait_count(&gt_irqs, 1);
    uint64_t after = gt_now();
    gt_wait(40000);
    check_dec("gtimer: comparator interrupts", gt_irqs, 1);
    check_dec("gtimer: COUNTER >= COMPARATOR at the interrupt", after >= when, 1);

    /* CONTROL bit 3 is auto-increment (DDI 0407 4.3): the comparator
     * moves on by AUTO_INCREMENT at each event and stays enabled; the
     * handler turns it off after the third interrupt. */
    gt_irqs = 0;
    gt_last = 3;
    ZQ_REG(ZQ_GTIMER + ZQ_GT_ISR) = 1;
    when = gt_now() + GT_INC;
    ZQ_REG(ZQ_GTIMER + ZQ_GT_COMP_LO) = (uint32_t)when;
    ZQ_REG(ZQ_GTIMER + ZQ_GT_COMP_HI) = (uint32_t)(when >> 32);
    ZQ_REG(ZQ_GTIMER + ZQ_GT_AUTOINC) = GT_INC;
    ZQ_REG(ZQ_GTIMER + ZQ_GT_CONTROL) =
        ZQ_GT_ENABLE | ZQ_GT_COMP_EN | ZQ_GT_IRQ_EN | ZQ_GT_AUTO_INC;
    wait_count(&gt_irqs, 3);
    gt_wait(3u * GT_INC);
    uint32_t ctrl = ZQ_REG(ZQ_GTIMER + ZQ_GT_CONTROL);
    uint64_t cmp = ((uint64_t)ZQ_REG(ZQ_GTIMER + ZQ_GT_COMP_HI) << 32) |
                   ZQ_REG(ZQ_GTIMER + ZQ_GT_COMP_LO);
    gt_autoinc_exact = cmp == when + 3u * GT_INC;
    check_dec("gtimer: auto-increment interrupts", gt_irqs, 3);
    check_dec("gtimer: CONTROL.AUTO_INC still set", bit(ctrl, ZQ_GT_AUTO_INC), 1);
}

#ifdef ZQ_DPRSIM
/* Behaviour the TRMs define and QEMU 7.2 models otherwise (README). */
static void board_section(void)
{
    /* UG585 ch. 19 and B.33: a 64-byte TX FIFO. With the transmitter disabled
     * the bytes stay in the FIFO: 64 writes fill it (SR.TFUL). */
    uart_drain();
    ZQ_REG(ZQ_UART1 + ZQ_UART_CR) = ZQ_UART_CR_TX_DIS | ZQ_UART_CR_RX_EN;
    for (int i = 0; i < 63; i++) ZQ_REG(ZQ_UART1 + ZQ_UART_FIFO) = 'x';
    uint32_t sr63 = ZQ_REG(ZQ_UART1 + ZQ_UART_SR);
    ZQ_REG(ZQ_UART1 + ZQ_UART_FIFO) = 'x';
    uint32_t sr64 = ZQ_REG(ZQ_UART1 + ZQ_UART_SR);
    /* TXRST empties the FIFO (and clears itself), then TX on again. */
    ZQ_REG(ZQ_UART1 + ZQ_UART_CR) = ZQ_UART_CR_TXRST | ZQ_UART_CR_TX_DIS | ZQ_UART_CR_RX_EN;
    while (ZQ_REG(ZQ_UART1 + ZQ_UART_CR) & ZQ_UART_CR_TXRST)
        ;
    ZQ_REG(ZQ_UART1 + ZQ_UART_CR) = ZQ_UART_CR_TX_EN | ZQ_UART_CR_RX_EN;
    uint32_t sr_rst = ZQ_REG(ZQ_UART1 + ZQ_UART_SR);
    check_dec("board: uart TX disabled, 63 bytes: SR.TFUL", bit(sr63, ZQ_UART_SR_TFUL), 0);
    check_dec("board: uart TX disabled, 63 bytes: SR.TNFUL", bit(sr63, ZQ_UART_SR_TNFUL), 1);
    check_dec("board: uart TX disabled, 64 bytes: SR.TFUL", bit(sr64, ZQ_UART_SR_TFUL), 1);
    check_dec("board: uart after TXRST: SR.TEMPTY", bit(sr_rst, ZQ_UART_SR_TEMPTY), 1);

    /* GIC v1 ICDICTR bit 10: SecurityExtn = 1, the A9 GIC implements the
     * security extensions (TrustZone, UG585). CPUNumber is not
     * checked: both simulators give the machine one CPU. */
    uint32_t ictr = ZQ_REG(ZQ_GIC_DIST + ZQ_ICDICTR);
    check_dec("board: gic ICDICTR.SecurityExtn", (ictr >> 10) & 1u, 1);

    /* DDI 0407 4.1: the private and the global timer both count PERIPHCLK:
     * a one-shot started by a LOAD write (prescaler 0) spans at least LOAD
     * global-timer counts and less than twice LOAD+1 (the interrupt latency
     * of the board is a few hundred cycles at most). */
    ZQ_REG(ZQ_PTIMER + ZQ_PT_CONTROL) = 0;
    ZQ_REG(ZQ_PTIMER + ZQ_PT_ISR) = 1;
    pt_irqs = 0;
    pt_last = 0xFFFFFFFFu;
    uint64_t t0 = gt_now();
    ZQ_REG(ZQ_PTIMER + ZQ_PT_LOAD) = PT_LOAD;
    ZQ_REG(ZQ_PTIMER + ZQ_PT_CONTROL) = ZQ_PT_ENABLE | ZQ_PT_IRQ_EN;
    wait_count(&pt_irqs, 1);
    uint64_t dt = gt_now() - t0;
    ZQ_REG(ZQ_PTIMER + ZQ_PT_CONTROL) = 0;
    check_dec("board: one-shot with LOAD 19999 lasts 19999..39999 global-timer counts",
              dt >= PT_LOAD && dt < 2u * (PT_LOAD + 1u), 1);

    /* ICCHPIR under the priority mask (gic_section): dprsim's GIC reports
     * the highest-priority pending interrupt whatever ICCPMR is
     * (models/zynq/README.md); a GIC-architecture question, see README. */
    check_dec("board: gic ICCHPIR with 83 pending under ICCPMR 0x80", hpir_masked, 83);
    /* Auto-increment (gtimer_section): on the board the interrupt latency
     * is far below AUTO_INCREMENT, so each interrupt is one comparator step. */
    check_dec("board: gtimer COMPARATOR advanced by 3 x AUTO_INCREMENT", gt_autoinc_exact, 1);
}

/* M_AXI_GP0 round trip to the PL (rtl/README.md, docs/pl-registers.md). */
static void pl_section(void)
{
    uint32_t mon = PL_MAP_GP0_BASE + PL_MAP_MON_BASE;
    check_hex("pl: Monitor ID", ZQ_REG(mon + PL_MON_ID), 0x50524D4Eu);        /* 'PRMN' */
    uint32_t cfg = ZQ_REG(mon + PL_MON_CONFIG);
    check_dec("pl: Monitor CONFIG.NUM_PRRS", cfg & 0xFFu, 4);
    check_dec("pl: Monitor CONFIG.NUM_VDEVS", (cfg >> 8) & 0xFFu, 8);
    check_dec("pl: Monitor CONFIG.NUM_VMS", (cfg >> 16) & 0xFFu, 4);
    check_dec("pl: Monitor CONFIG.VERSION", cfg >> 24, 1);
    /* Initial modules PRR0 QAM4, PRR1 QAM16, PRR2 IFFT256, PRR3 IFFT1024;
     * PRR_MODULE = compatible kinds << 16 | valid << 8 | module id. */
    static const uint32_t want_mod[4] = {0x00020112u, 0x00020114u, 0x00040120u, 0x00040122u};
    static const char *const mod_name[4] = {
        "pl: Monitor PRR_MODULE[0]", "pl: Monitor PRR_MODULE[1]",
        "pl: Monitor PRR_MODULE[2]", "pl: Monitor PRR_MODULE[3]"};
    for (uint32_t p = 0; p < 4; p++)
        check_hex(mod_name[p], ZQ_REG(mon + PL_MON_PRR_MODULE(p)), want_mod[p]);
    /* Write / read back a RW register, then restore it. */
    uint32_t dev3 = ZQ_REG(mon + PL_MON_DEV_MODULE(3));
    check_hex("pl: Monitor DEV_MODULE[3] at reset", dev3, 0x20);
    ZQ_REG(mon + PL_MON_DEV_MODULE(3)) = 0x25;
    check_hex("pl: Monitor DEV_MODULE[3] after writing 0x25", ZQ_REG(mon + PL_MON_DEV_MODULE(3)), 0x25);
    ZQ_REG(mon + PL_MON_DEV_MODULE(3)) = dev3;
    check_hex("pl: Monitor DEV_MODULE[3] restored", ZQ_REG(mon + PL_MON_DEV_MODULE(3)), 0x20);
    /* IF window 0 (VM 0, device 0), not connected: ID reads 'UNCN'. */
    check_hex("pl: IF 0 ID while unconnected", ZQ_REG(PL_MAP_GP0_BASE + PL_MAP_IF(0)), 0x554E434Eu);
}
#endif

int main(void)
{
    /* UART1 from its reset state (QEMU starts there; dprsim starts where
     * the FSBL leaves it): reset both paths, 8N1, 921600 baud from the
     * 50 MHz reference (baud = ref / (CD * (BDIV + 1)), CD 6, BDIV 8:
     * 925,926, 0.5 % off; 8x the usual 115200 so that dprsim, which times
     * every character, spends less time polling SR.TFUL), then enable TX
     * and RX (the UG585 ch. 19 initialisation sequence). */
    ZQ_REG(ZQ_UART1 + ZQ_UART_CR) = ZQ_UART_CR_TX_DIS | ZQ_UART_CR_RX_DIS;
    ZQ_REG(ZQ_UART1 + ZQ_UART_MR) = ZQ_UART_MR_8N1;
    ZQ_REG(ZQ_UART1 + ZQ_UART_BAUDGEN) = 6;
    ZQ_REG(ZQ_UART1 + ZQ_UART_BAUDDIV) = 8;
    ZQ_REG(ZQ_UART1 + ZQ_UART_CR) = ZQ_UART_CR_TXRST | ZQ_UART_CR_RXRST |
                                    ZQ_UART_CR_TX_DIS | ZQ_UART_CR_RX_DIS;
    while (ZQ_REG(ZQ_UART1 + ZQ_UART_CR) & (ZQ_UART_CR_TXRST | ZQ_UART_CR_RXRST))
        ;
    ZQ_REG(ZQ_UART1 + ZQ_UART_IDR) = 0x3FFFu;
    ZQ_REG(ZQ_UART1 + ZQ_UART_ISR) = 0xFFFFFFFFu;
    ZQ_REG(ZQ_UART1 + ZQ_UART_CR) = ZQ_UART_CR_TX_EN | ZQ_UART_CR_RX_EN;

    /* GIC: distributor and CPU interface on, mask at 0xF0. */
    ZQ_REG(ZQ_GIC_DIST + ZQ_ICDDCR) = 1;
    ZQ_REG(ZQ_GIC_CPU + ZQ_ICCPMR) = 0xF0;
    ZQ_REG(ZQ_GIC_CPU + ZQ_ICCICR) = 1;
    /* Global timer on, prescaler 0 (a stopwatch for the waits). */
    ZQ_REG(ZQ_GTIMER + ZQ_GT_CONTROL) = ZQ_GT_ENABLE;
    irq_on();

    uart_puts("== ps ==\n");
    uart_section();
    uart_irq_section();
    gic_section();
    ptimer_section();
    gtimer_section();
    check_dec("ps: spurious acknowledges", spurious, 0);
#ifdef ZQ_DPRSIM
    uart_puts("== board ==\n");
    board_section();
    uart_puts("== pl ==\n");
    pl_section();
#endif
    uart_drain();
    return failures ? 1 : 0;
}
