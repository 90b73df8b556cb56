/*
 * console.c - kernel console on UART1 (Cadence UART, Zynq-7000 TRM UG585
 * B.33: CR 0x00, SR 0x2C with TXFULL bit 4, TXEMPTY bit 3, TACTIVE bit 11,
 * FIFO 0x30) and a small printf.
 *
 * Output goes through a ring buffer that hv_console_pump() moves into the
 * UART's TX FIFO as far as it has room, never waiting: at the end of each
 * console call, on every kernel exit and in the idle loop (the 1 ms tick
 * refills the 64-byte FIFO faster than 115200 baud drains it). So a guest
 * that prints does not stall the kernel with interrupts masked for the
 * UART's drain time, which would disturb every timing the platform
 * measures. Only a full ring waits (for one FIFO slot); hv_exit() and
 * panics flush everything. All output, kernel and guests, keeps one order.
 */
#include "hv.h"

#define UART1        0xE0001000u
#define UART_CR      0x00u
#define UART_SR      0x2Cu
#define UART_FIFO    0x30u
#define UART_CR_RXEN (1u << 2)
#define UART_CR_TXEN (1u << 4)
#define UART_SR_TEMPTY  (1u << 3)
#define UART_SR_TFUL    (1u << 4)
#define UART_SR_TACTIVE (1u << 11)

void hv_console_init(void)
{
    /* The FSBL leaves the UART enabled; make sure TX is on (CR reset value
     * 0x128 has TX disabled). */
    HV_REG(UART1 + UART_CR) = UART_CR_TXEN | UART_CR_RXEN;
}

#define RING_SIZE 8192u
static char ring[RING_SIZE];
static uint32_t ring_head, ring_count;

void hv_console_pump(void)
{
    while (ring_count && !(HV_REG(UART1 + UART_SR) & UART_SR_TFUL)) {
        HV_REG(UART1 + UART_FIFO) = (uint8_t)ring[ring_head];
        ring_head = (ring_head + 1) % RING_SIZE;
        ring_count--;
    }
}

void hv_putc(char c)
{
    while (ring_count == RING_SIZE) hv_console_pump();   /* full: wait for the UART */
    ring[(ring_head + ring_count) % RING_SIZE] = c;
    ring_count++;
}

void hv_write(const char *s, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) hv_putc(s[i]);
    hv_console_pump();
}

void hv_console_drain(void)
{
    while (ring_count) hv_console_pump();
    while ((HV_REG(UART1 + UART_SR) & (UART_SR_TEMPTY | UART_SR_TACTIVE)) != UART_SR_TEMPTY)
        ;
}

static void put_num(uint32_t v, unsigned base, int neg, unsigned width, char pad)
{
    char b[12];
    unsigned n = 0;
    do {
        unsigned d = v % base;
        b[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
        v /= base;
    } while (v);
    if (neg) {
        if (pad == '0') { hv_putc('-'); neg = 0; }
        width = width ? width - 1 : 0;
    }
    for (unsigned i = n; i < width; i++) hv_putc(pad);
    if (neg) hv_putc('-');
    while (n) hv_putc(b[--n]);
}

void hv_vprintf(const char *fmt, va_list ap)
{
    for (; *fmt; fmt++) {
        if (*fmt != '%') { hv_putc(*fmt); continue; }
        fmt++;
        char pad = ' ';
        unsigned width = 0;
        if (*fmt == '0') { pad = '0'; fmt++; }
        while (*fmt >= '0' && *fmt <= '9') width = width * 10 + (unsigned)(*fmt++ - '0');
        switch (*fmt) {
        case 's': {
            const char *s = va_arg(ap, const char *);
            while (*s) hv_putc(*s++);
            break;
        }
        case 'c': hv_putc((char)va_arg(ap, int)); break;
        case 'd': {
            int v = va_arg(ap, int);
            put_num(v < 0 ? (uint32_t)-(int64_t)v : (uint32_t)v, 10, v < 0, width, pad);
            break;
        }
        case 'u': put_num(va_arg(ap, unsigned), 10, 0, width, pad); break;
        case 'x': put_num(va_arg(ap, unsigned), 16, 0, width, pad); break;
        case 'p': hv_putc('0'); hv_putc('x');
                  put_num((uint32_t)(uintptr_t)va_arg(ap, void *), 16, 0, 8, '0'); break;
        case '%': hv_putc('%'); break;
        case 0: return;
        default: hv_putc('%'); hv_putc(*fmt); break;
        }
    }
}

void hv_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    hv_vprintf(fmt, ap);
    va_end(ap);
    hv_console_pump();
}

void hv_log(const char *fmt, ...)
{
    va_list ap;
    hv_write("[hv] ", 5);
    va_start(ap, fmt);
    hv_vprintf(fmt, ap);
    va_end(ap);
    hv_console_pump();
}

void hv_exit(uint32_t status)
{
    hv_console_drain();
    hv_semihost_exit(status);
}

void hv_panic(const char *fmt, ...)
{
    va_list ap;
    hv_write("[hv] kernel panic: ", 19);
    va_start(ap, fmt);
    hv_vprintf(fmt, ap);
    va_end(ap);
    hv_exit(HV_EXIT_KERNEL_FAULT);
}
