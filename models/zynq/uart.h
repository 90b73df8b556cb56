/*
 * uart.h - Cadence UART as in the Zynq-7000 (dprsim). UART0 0xE0000000
 * (GIC 59), UART1 0xE0001000 (GIC 82, the console). ZYNQ_ARM_FACTS 2.6,
 * UG585 B.33.
 *
 * Registers: CR 0x00 (reset 0x128), MR 0x04, IER 0x08 / IDR 0x0C (write-only,
 * set / clear IMR bits), IMR 0x10, ISR 0x14 (W1C), BAUDGEN 0x18 (0x28B),
 * RXTOUT 0x1C, RXWM 0x20 (0x20), MODEMCR 0x24, MODEMSR 0x28, SR 0x2C,
 * FIFO 0x30, BAUDDIV 0x34 (0xF), FLOWDEL 0x38, TXWM 0x44 (0x20).
 * 64-byte TX and RX FIFOs. ISR status bits (RTRIG, REMPTY, RFUL, TEMPTY,
 * TFUL, TTRIG, TNFUL) are set whenever their condition holds (writing 1
 * clears them only until the condition is seen again); ROVR, TOVR and
 * TIMEOUT are events. IRQ = ISR & IMR.
 *
 * TX goes to a byte sink; with tx_timed each character takes
 * (1 start + data + parity + stop) bit times at the programmed baud
 * (baud = ref / (BAUDGEN * (BAUDDIV + 1)), ref / 8 when MR.CLKSEL) and is
 * handed to the sink when its stop bit ends; without it TX is instant.
 * RX: uart_rx_push() (the caller paces it) and/or a pull source polled by
 * advance() (instantly, or one character per character time when timed:
 * byte k (from 0) of a source attached at time A enters the RX FIFO at
 * A + k x character time, later only when the FIFO was full - the line
 * then waits, as with hardware flow control - so no byte is lost to a
 * slow program and the times depend on the line rate only).
 * MR.CHMODE: normal, automatic echo, local loopback, remote loopback.
 */
#ifndef UART_H
#define UART_H

#include "zynq_regs.h"

#ifdef __cplusplus
extern "C" {
#endif

#define UART_CR      0x00
#define UART_MR      0x04
#define UART_IER     0x08
#define UART_IDR     0x0C
#define UART_IMR     0x10
#define UART_ISR     0x14
#define UART_BAUDGEN 0x18
#define UART_RXTOUT  0x1C
#define UART_RXWM    0x20
#define UART_MODEMCR 0x24
#define UART_MODEMSR 0x28
#define UART_SR      0x2C
#define UART_FIFO    0x30
#define UART_BAUDDIV 0x34
#define UART_FLOWDEL 0x38
#define UART_TXWM    0x44

#define UART_CR_RXRST  (1u << 0)
#define UART_CR_TXRST  (1u << 1)
#define UART_CR_RX_EN  (1u << 2)
#define UART_CR_RX_DIS (1u << 3)
#define UART_CR_TX_EN  (1u << 4)
#define UART_CR_TX_DIS (1u << 5)
#define UART_CR_TORST  (1u << 6)

/* SR bits */
#define UART_SR_RTRIG  (1u << 0)
#define UART_SR_REMPTY (1u << 1)
#define UART_SR_RFUL   (1u << 2)
#define UART_SR_TEMPTY (1u << 3)
#define UART_SR_TFUL   (1u << 4)
#define UART_SR_TACTIVE (1u << 11)
#define UART_SR_TTRIG  (1u << 13)
#define UART_SR_TNFUL  (1u << 14)
/* ISR / IER / IDR / IMR bits */
#define UART_IXR_RTRIG   (1u << 0)
#define UART_IXR_REMPTY  (1u << 1)
#define UART_IXR_RFUL    (1u << 2)
#define UART_IXR_TEMPTY  (1u << 3)
#define UART_IXR_TFUL    (1u << 4)
#define UART_IXR_ROVR    (1u << 5)
#define UART_IXR_TIMEOUT (1u << 8)
#define UART_IXR_TTRIG   (1u << 10)
#define UART_IXR_TNFUL   (1u << 11)
#define UART_IXR_TOVR    (1u << 12)
#define UART_IXR_RBRK    (1u << 13)  /* break detect: never raised */

#define UART_FIFO_SIZE 64
#define UART_NREGS 16

/** A transmitted byte leaves the UART at time t. */
typedef void (*uart_tx_fn)(void *opaque, uint8_t byte, zynq_time_ps t);
/** Next received byte (0..255), or -1 when none is available now (the
 *  UART asks again one character time later), or UART_RX_EOF when the
 *  input has ended for good (the UART detaches the source and stops
 *  polling, so an idle line adds no events). */
typedef int (*uart_rx_source_fn)(void *opaque);
#define UART_RX_EOF (-2)

typedef struct uart_config {
    uint64_t ref_hz;   /**< uart_ref_clk, default 50 MHz */
    bool tx_timed;     /**< false: TX completes instantly */
} uart_config;

typedef struct uart {
    zynq_dev dev;      /* must be first; window 0x1000 */
    uart_config cfg;
    zynq_regs regs;
    uint32_t val[UART_NREGS];
    uint8_t tx[UART_FIFO_SIZE], rx[UART_FIFO_SIZE];
    unsigned tx_head, tx_count, rx_head, rx_count;
    bool tx_busy;                 /**< a character is in the shifter */
    uint8_t tx_shift;
    zynq_time_ps tx_done_at;
    zynq_time_ps timeout_at;      /**< RX timeout deadline or NEVER */
    zynq_time_ps rx_next_at;      /**< timed pull source: next poll */
    uart_tx_fn tx_fn;
    void *tx_opaque;
    uart_rx_source_fn rx_src;
    void *rx_opaque;
    zynq_irq irq;
    int irq_level;
    uint64_t tx_bytes, rx_bytes, rx_dropped;
} uart;

void uart_default_config(uart_config *c);
void uart_init(uart *u, const char *name, const uart_config *cfg);
void uart_set_irq(uart *u, zynq_irq irq);
void uart_set_tx_sink(uart *u, uart_tx_fn fn, void *opaque);
void uart_set_rx_source(uart *u, uart_rx_source_fn fn, void *opaque);
/** A byte arrives on the RX line now. False when it was lost (receiver
 *  disabled, or FIFO full: ISR.ROVR). */
bool uart_rx_push(uart *u, uint8_t byte);
/** Free space in the RX FIFO. */
unsigned uart_rx_space(const uart *u);
/** Bit and character times at the programmed baud (NEVER if BAUDGEN=0). */
zynq_time_ps uart_bit_time_ps(const uart *u);
zynq_time_ps uart_char_time_ps(const uart *u);
/** FSBL state: 115200 8N1 (BAUDGEN 62, BAUDDIV 6 at 50 MHz), TX+RX on. */
void uart_fsbl_state(uart *u);

#ifdef __cplusplus
}
#endif
#endif /* UART_H */
