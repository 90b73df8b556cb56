/* grt.c - console formatting of the tests/hv test guests (grt.h). */
#include <stdarg.h>
#include "grt.h"

struct buf { char b[256]; unsigned n; };

static void put(struct buf *o, char c)
{
    if (o->n < sizeof o->b) o->b[o->n++] = c;
}

static void num(struct buf *o, uint32_t v, unsigned base, unsigned width, char pad)
{
    char t[12];
    unsigned n = 0;
    do { unsigned d = v % base; t[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10); v /= base; } while (v);
    for (unsigned i = n; i < width; i++) put(o, pad);
    while (n) put(o, t[--n]);
}

void grt_printf(const char *fmt, ...)
{
    struct buf o;
    o.n = 0;
    va_list ap;
    va_start(ap, fmt);
    for (; *fmt; fmt++) {
        if (*fmt != '%') { put(&o, *fmt); continue; }
        fmt++;
        char pad = ' ';
        unsigned w = 0;
        if (*fmt == '0') { pad = '0'; fmt++; }
        while (*fmt >= '0' && *fmt <= '9') w = w * 10 + (unsigned)(*fmt++ - '0');
        switch (*fmt) {
        case 's': { const char *s = va_arg(ap, const char *); while (*s) put(&o, *s++); break; }
        case 'c': put(&o, (char)va_arg(ap, int)); break;
        case 'd': { int v = va_arg(ap, int);
                    if (v < 0) { put(&o, '-'); num(&o, (uint32_t)-(int64_t)v, 10, w, pad); }
                    else num(&o, (uint32_t)v, 10, w, pad);
                    break; }
        case 'u': num(&o, va_arg(ap, unsigned), 10, w, pad); break;
        case 'x': num(&o, va_arg(ap, unsigned), 16, w, pad); break;
        case 0: fmt--; break;
        default: put(&o, *fmt); break;
        }
    }
    va_end(ap);
    grt_hc(HC_CONSOLE_WRITE, (uint32_t)(uintptr_t)o.b, o.n, 0);
}

void grt_spin(uint32_t n)
{
    for (volatile uint32_t i = 0; i < n; i++)
        ;
}
