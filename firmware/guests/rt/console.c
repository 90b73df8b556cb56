/*
 * console.c - rt_printf and friends (console.h): a 256-byte line buffer
 * written with one HC_CONSOLE_WRITE per line.
 */
#include "console.h"
#include "hv.h"

#define RT_CON_BUF 256u   /* HC_CONSOLE_WRITE limit */

static char rt_con_buf[RT_CON_BUF];
static unsigned rt_con_len;

void rt_flush(void)
{
    if (rt_con_len) {
        hc_console_write(rt_con_buf, rt_con_len);
        rt_con_len = 0;
    }
}

void rt_putc(char c)
{
    rt_con_buf[rt_con_len++] = c;
    if (c == '\n' || rt_con_len == RT_CON_BUF)
        rt_flush();
}

void rt_puts(const char *s)
{
    while (*s)
        rt_putc(*s++);
}

/* Unsigned value in base 10 or 16 with zero/space padding to width. */
static int rt_put_uint(uint32_t v, unsigned base, int upper, int width,
                       char pad, int neg)
{
    char tmp[12];
    int n = 0, out = 0;
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    do {
        tmp[n++] = digits[v % base];
        v /= base;
    } while (v);
    int len = n + (neg ? 1 : 0);
    if (neg && pad == '0') {
        rt_putc('-');
        out++;
        neg = 0;
    }
    for (; width > len; width--, out++)
        rt_putc(pad);
    if (neg) {
        rt_putc('-');
        out++;
    }
    while (n)
        rt_putc(tmp[--n]), out++;
    return out;
}

int rt_vprintf(const char *fmt, va_list ap)
{
    int out = 0;
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            rt_putc(*fmt);
            out++;
            continue;
        }
        fmt++;
        char pad = ' ';
        int width = 0;
        if (*fmt == '0') {
            pad = '0';
            fmt++;
        }
        while (*fmt >= '0' && *fmt <= '9')
            width = width * 10 + (*fmt++ - '0');
        while (*fmt == 'l')
            fmt++;
        switch (*fmt) {
        case 'd':
        case 'i': {
            int32_t v = va_arg(ap, int32_t);
            uint32_t mag = v < 0 ? 0u - (uint32_t)v : (uint32_t)v;
            out += rt_put_uint(mag, 10, 0, width, pad, v < 0);
            break;
        }
        case 'u':
            out += rt_put_uint(va_arg(ap, uint32_t), 10, 0, width, pad, 0);
            break;
        case 'x':
        case 'X':
            out += rt_put_uint(va_arg(ap, uint32_t), 16, *fmt == 'X', width, pad, 0);
            break;
        case 'p':
            rt_puts("0x");
            out += 2 + rt_put_uint((uint32_t)(uintptr_t)va_arg(ap, void *), 16, 0, 8, '0', 0);
            break;
        case 's': {
            const char *s = va_arg(ap, const char *);
            if (!s)
                s = "(null)";
            int len = 0;
            while (s[len])
                len++;
            for (; width > len; width--, out++)
                rt_putc(' ');
            rt_puts(s);
            out += len;
            break;
        }
        case 'c':
            rt_putc((char)va_arg(ap, int));
            out++;
            break;
        case '%':
            rt_putc('%');
            out++;
            break;
        case '\0':
            return out;
        default:   /* unknown conversion: print it as is */
            rt_putc('%');
            rt_putc(*fmt);
            out += 2;
            break;
        }
    }
    return out;
}

int rt_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = rt_vprintf(fmt, ap);
    va_end(ap);
    return n;
}

void rt_metric(const char *name, int32_t value)
{
    rt_printf(HV_METRIC_PREFIX "%s %d\n", name, value);
}
