/*
 * uart_echo.c - UART1 receive path, interrupt driven: every byte received
 * is sent back upper-cased. The receiver raises the RX trigger interrupt
 * (ISR.RTRIG, FIFO level >= RXWM) and the RX timeout interrupt (ISR.TIMEOUT,
 * RXTOUT x 4 bit times without a new byte while the FIFO is not empty) on
 * GIC ID 82 (UG585 B.33, table 7-3). The handler drains the FIFO into a
 * ring; main echoes from the ring. A '.' ends the input: main prints how
 * many bytes it received and how many interrupts of each kind it took,
 * waits for the TX side to drain and exits 0 (1 if a byte was lost:
 * ISR.ROVR or a full ring).
 */
#include "fw.h"

#define UART_IER   0x08u
#define UART_ISR   0x14u
#define UART_RXTOUT 0x1Cu
#define UART_RXWM  0x20u
#define UART_IXR_RTRIG   (1u << 0)
#define UART_IXR_ROVR    (1u << 5)
#define UART_IXR_TIMEOUT (1u << 8)
#define UART_SR_REMPTY   (1u << 1)

#define RING 256u

static volatile uint8_t ring[RING];
static volatile uint32_t head, tail;
static volatile uint32_t n_trig, n_tout, lost;

void fw_irq_handler(void)
{
    uint32_t iar = FW_REG(FW_GIC_CPU + 0x0C);          /* ICCIAR */
    uint32_t id = iar & 0x3FFu;
    if (id == 82) {
        uint32_t isr = FW_REG(FW_UART1 + UART_ISR);
        if (isr & UART_IXR_RTRIG) n_trig++;
        if (isr & UART_IXR_TIMEOUT) n_tout++;
        if (isr & UART_IXR_ROVR) lost++;
        while (!(FW_REG(FW_UART1 + FW_UART_SR) & UART_SR_REMPTY)) {
            uint8_t c = (uint8_t)FW_REG(FW_UART1 + FW_UART_FIFO);
            if (head - tail < RING) ring[head++ % RING] = c;
            else lost++;
        }
        /* W1C after draining: RTRIG stays clear now that the level is 0 */
        FW_REG(FW_UART1 + UART_ISR) = UART_IXR_RTRIG | UART_IXR_TIMEOUT | UART_IXR_ROVR;
    }
    if (id != 1023) FW_REG(FW_GIC_CPU + 0x10) = iar;   /* ICCEOIR */
}

int main(void)
{
    FW_REG(FW_UART1 + UART_RXWM) = 8;                   /* trigger at 8 bytes */
    FW_REG(FW_UART1 + UART_RXTOUT) = 10;                /* 40 bit times idle */
    FW_REG(FW_UART1 + UART_ISR) = 0x1FFFu;
    FW_REG(FW_UART1 + UART_IER) = UART_IXR_RTRIG | UART_IXR_TIMEOUT | UART_IXR_ROVR;
    FW_REG(FW_GIC_DIST + 0x000) = 1;                    /* ICDDCR: distributor on */
    *(volatile uint8_t *)(uintptr_t)(FW_GIC_DIST + 0x400 + 82) = 0xA0;  /* ICDIPR: prio */
    *(volatile uint8_t *)(uintptr_t)(FW_GIC_DIST + 0x800 + 82) = 0x01;  /* ICDIPTR: CPU 0 */
    FW_REG(FW_GIC_DIST + 0x108) = 1u << (82 - 64);      /* ICDISER2: enable ID 82 */
    FW_REG(FW_GIC_CPU + 0x04) = 0xF0;                   /* ICCPMR */
    FW_REG(FW_GIC_CPU + 0x00) = 1;                      /* ICCICR: CPU interface on */
    __asm__ volatile("cpsie i" ::: "memory");

    uint32_t n = 0;
    for (;;) {
        __asm__ volatile("cpsid i" ::: "memory");
        if (tail == head) {
            /* nothing to echo: sleep until the next interrupt (WFI wakes
             * on a pending IRQ even while CPSR.I masks it) */
            __asm__ volatile("wfi" ::: "memory");
            __asm__ volatile("cpsie i" ::: "memory");
            continue;
        }
        uint8_t c = ring[tail++ % RING];
        __asm__ volatile("cpsie i" ::: "memory");
        n++;
        if (c == '.') break;
        if (c >= 'a' && c <= 'z') c = (uint8_t)(c - 'a' + 'A');
        fw_putc((char)c);
    }
    __asm__ volatile("cpsid i" ::: "memory");
    fw_puts("\necho: ");
    fw_putdec(n);
    fw_puts(" bytes, ");
    fw_putdec(n_trig);
    fw_puts(" trigger and ");
    fw_putdec(n_tout);
    fw_puts(" timeout interrupts, ");
    fw_putdec(lost);
    fw_puts(" lost\n");
    fw_uart_drain();
    return lost ? 1 : 0;
}
