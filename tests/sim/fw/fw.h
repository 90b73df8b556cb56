/*
 * fw.h - register access and UART1 console of the tests/sim firmware.
 * Register offsets: Zynq-7000 TRM UG585 appendix B.33 (UART), Cortex-A9
 * MPCore TRM DDI 0407 ch. 3-4 (GIC, private and global timers).
 */
#ifndef FW_H
#define FW_H

#include <stdint.h>

#define FW_REG(a) (*(volatile uint32_t *)(uintptr_t)(a))

#define FW_UART1       0xE0001000u
#define FW_UART_SR     0x2Cu
#define FW_UART_FIFO   0x30u
#define FW_UART_SR_TEMPTY  (1u << 3)
#define FW_UART_SR_TFUL    (1u << 4)
#define FW_UART_SR_TACTIVE (1u << 11)

#define FW_GIC_CPU     0xF8F00100u
#define FW_GIC_DIST    0xF8F01000u
#define FW_GTIMER      0xF8F00200u
#define FW_PTIMER      0xF8F00600u

void fw_exit(int status) __attribute__((noreturn));

/* Send one byte on UART1, waiting while its TX FIFO is full (SR.TXFULL). */
static inline void fw_putc(char c)
{
    while (FW_REG(FW_UART1 + FW_UART_SR) & FW_UART_SR_TFUL)
        ;
    FW_REG(FW_UART1 + FW_UART_FIFO) = (uint8_t)c;
}

static inline void fw_puts(const char *s)
{
    while (*s) fw_putc(*s++);
}

static inline void fw_putdec(uint32_t v)
{
    char b[11];
    int n = 0;
    do { b[n++] = (char)('0' + v % 10); v /= 10; } while (v);
    while (n) fw_putc(b[--n]);
}

/* Wait until UART1 has sent everything (FIFO empty, shifter idle). */
static inline void fw_uart_drain(void)
{
    while ((FW_REG(FW_UART1 + FW_UART_SR) & (FW_UART_SR_TEMPTY | FW_UART_SR_TACTIVE)) !=
           FW_UART_SR_TEMPTY)
        ;
}

#endif
