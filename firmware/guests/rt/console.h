/*
 * console.h - line-buffered console of the guest runtime.
 *
 * Output goes to the kernel's console (UART1) with HC_CONSOLE_WRITE, one
 * hypercall per line (or per 256 bytes), so lines of several VMs do not
 * interleave inside a line. Not reentrant: do not print from a vIRQ upcall
 * handler while the interrupted code may be printing.
 *
 * Metric lines (hv_abi.h "console metric lines"): rt_metric("ofdm.frames_ok",
 * n) prints "dprsim-metric ofdm.frames_ok n", which the platform adds to
 * report.json. Only for counts the firmware alone knows, never timings.
 */
#ifndef RT_CONSOLE_H
#define RT_CONSOLE_H

#include <stdarg.h>
#include <stdint.h>

/* Formats: %d %i %u %x %X %p %s %c %%, with optional '0' flag, width and
 * 'l' length modifier (ignored: long is 32 bits). Every integer argument is
 * a 32-bit value (int, unsigned, int32_t, uint32_t alike: on arm-none-eabi
 * uint32_t is unsigned long, so gcc's printf format check is not applied);
 * never pass 64-bit values. -> characters written. */
int rt_printf(const char *fmt, ...);
int rt_vprintf(const char *fmt, va_list ap);
/* One character; flushes at '\n' or when the buffer is full. */
void rt_putc(char c);
/* A string, no newline added. */
void rt_puts(const char *s);
/* Writes the buffered characters now (rt_exit does it too). */
void rt_flush(void);
/* "dprsim-metric NAME VALUE\n". */
void rt_metric(const char *name, int32_t value);

#endif /* RT_CONSOLE_H */
