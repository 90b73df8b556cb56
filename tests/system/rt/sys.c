/*
 * sys.c - semihosting output, exit, checks and exception helpers of the
 * system test runtime (see sys.h).
 */
#include "sys.h"

#include <stdarg.h>

unsigned sys_mismatches;
static unsigned sys_checks;
uint8_t sys_user_stack[4096] __attribute__((aligned(8)));

/* Semihosting call from a privileged mode: SVC 0x123456 (A32) or SVC 0xAB
 * (T32), operation in r0, parameter in r1, result in r0. */
static uint32_t sys_semihost(uint32_t op, const void *arg)
{
    register uint32_t r0 __asm__("r0") = op;
    register const void *r1 __asm__("r1") = arg;
#ifdef __thumb__
    __asm__ volatile("svc 0xab" : "+r"(r0) : "r"(r1) : "memory");
#else
    __asm__ volatile("svc 0x123456" : "+r"(r0) : "r"(r1) : "memory");
#endif
    return r0;
}

void sys_write0(const char *s) { sys_semihost(0x04, s); /* SYS_WRITE0 */ }

void sys_exit(unsigned status)
{
    /* SYS_EXIT_EXTENDED: {reason, subcode}; ADP_Stopped_ApplicationExit. */
    static uint32_t block[2];
    block[0] = 0x20026;
    block[1] = status;
    sys_semihost(0x20, block);
    for (;;) {
    }
}

void sys_memset(void *d, int c, uint32_t n)
{
    volatile uint8_t *p = d;
    while (n--)
        *p++ = (uint8_t)c;
}

void sys_memcpy(void *d, const void *s, uint32_t n)
{
    volatile uint8_t *p = d;
    const uint8_t *q = s;
    while (n--)
        *p++ = *q++;
}

/* ---- formatting ---- */

struct sys_buf {
    char b[256];
    unsigned n;
};

static void put(struct sys_buf *o, char c)
{
    if (o->n + 1 >= sizeof o->b) { /* full: flush */
        o->b[o->n] = 0;
        sys_write0(o->b);
        o->n = 0;
    }
    o->b[o->n++] = c;
}

/* Digits of v in `base` (10 or 16), no division instruction needed for 16;
 * base 10 uses repeated subtraction of powers of ten (no libgcc). */
static void put_num(struct sys_buf *o, uint32_t v, unsigned base, int upper, unsigned width,
                    char pad)
{
    char tmp[12];
    unsigned n = 0;
    if (base == 16) {
        do {
            unsigned d = v & 15;
            tmp[n++] = (char)(d < 10 ? '0' + d : (upper ? 'A' : 'a') + d - 10);
            v >>= 4;
        } while (v);
    } else {
        static const uint32_t pow10[] = {1000000000u, 100000000u, 10000000u, 1000000u, 100000u,
                                         10000u,      1000u,      100u,      10u,      1u};
        char dig[10];
        unsigned m = 0;
        for (unsigned i = 0; i < 10; i++) {
            unsigned d = 0;
            while (v >= pow10[i]) {
                v -= pow10[i];
                d++;
            }
            if (d || m || i == 9)
                dig[m++] = (char)('0' + d);
        }
        while (m)
            tmp[n++] = dig[--m];
    }
    while (width > n) {
        put(o, pad);
        width--;
    }
    while (n)
        put(o, tmp[--n]);
}

void sys_printf(const char *fmt, ...)
{
    struct sys_buf o;
    va_list ap;
    o.n = 0;
    va_start(ap, fmt);
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            put(&o, *p);
            continue;
        }
        p++;
        char pad = ' ';
        unsigned width = 0;
        if (*p == '0') {
            pad = '0';
            p++;
        }
        while (*p >= '0' && *p <= '9')
            width = width * 10 + (unsigned)(*p++ - '0');
        switch (*p) {
        case 's': {
            const char *s = va_arg(ap, const char *);
            while (*s)
                put(&o, *s++);
            break;
        }
        case 'c':
            put(&o, (char)va_arg(ap, int));
            break;
        case 'd': {
            int v = va_arg(ap, int);
            if (v < 0) {
                put(&o, '-');
                put_num(&o, 0u - (uint32_t)v, 10, 0, width, pad);
            } else {
                put_num(&o, (uint32_t)v, 10, 0, width, pad);
            }
            break;
        }
        case 'u':
            put_num(&o, va_arg(ap, unsigned), 10, 0, width, pad);
            break;
        case 'x':
        case 'X':
            put_num(&o, va_arg(ap, unsigned), 16, *p == 'X', width, pad);
            break;
        case '%':
            put(&o, '%');
            break;
        default: /* unknown conversion: print it as is */
            put(&o, '%');
            if (*p)
                put(&o, *p);
            else
                p--;
            break;
        }
    }
    va_end(ap);
    o.b[o.n] = 0;
    if (o.n)
        sys_write0(o.b);
}

void sys_check(const char *name, uint32_t value, uint32_t expected)
{
    sys_checks++;
    if (value == expected) {
        sys_printf("%s: 0x%08x\n", name, (unsigned)value);
    } else {
        sys_mismatches++;
        sys_printf("%s: 0x%08x MISMATCH (expected 0x%08x)\n", name, (unsigned)value,
                   (unsigned)expected);
    }
}

void sys_check_dec(const char *name, uint32_t value, uint32_t expected)
{
    sys_checks++;
    if (value == expected) {
        sys_printf("%s: %u\n", name, (unsigned)value);
    } else {
        sys_mismatches++;
        sys_printf("%s: %u MISMATCH (expected %u)\n", name, (unsigned)value, (unsigned)expected);
    }
}

void sys_section(const char *title) { sys_printf("== %s\n", title); }

void sys_finish(void)
{
    sys_printf("%u checks, %u mismatches\n", sys_checks, sys_mismatches);
    sys_exit(sys_mismatches > 99 ? 99 : sys_mismatches);
}

/* ---- exceptions ---- */

uint32_t sys_insn_addr(unsigned kind, const struct sys_frame *f)
{
    int thumb = (f->spsr & SYS_CPSR_T) != 0;
    switch (kind) {
    case SYS_UND: /* ARM ARM B1.8.3 table B1-7: LR = insn + 4 (A32), + 2 (T32) */
    case SYS_SVC:
        return f->lr - (thumb ? 2 : 4);
    case SYS_PABT: /* + 4 in both states */
        return f->lr - 4;
    case SYS_DABT: /* + 8 in both states */
        return f->lr - 8;
    default:
        return f->lr;
    }
}

uint32_t sys_insn_size(uint32_t addr, uint32_t spsr)
{
    if (!(spsr & SYS_CPSR_T))
        return 4;
    uint16_t hw = *(const volatile uint16_t *)addr;
    return (hw >> 11) >= 0x1D ? 4 : 2; /* ARM ARM A6.1 */
}

void sys_skip(unsigned kind, struct sys_frame *f)
{
    /* Measured from the instruction's address: for an undefined 32-bit
     * T32 instruction LR is insn + 2, the middle of the instruction. */
    uint32_t a = sys_insn_addr(kind, f);
    f->lr = a + sys_insn_size(a, f->spsr);
}

void sys_return_to_caller(struct sys_frame *f, uint32_t r0)
{
    uint32_t lr = sys_banked_lr(f->spsr & 0x1F);
    f->r[0] = r0;
    if (lr & 1)
        f->spsr |= SYS_CPSR_T;
    else
        f->spsr &= ~SYS_CPSR_T;
    f->lr = lr & ~1u;
}

void sys_sync_code(uint32_t addr, uint32_t len)
{
    for (uint32_t a = addr & ~31u; a < addr + len; a += 32)
        SYS_MCR(0, c7, c11, 1, a); /* DCCMVAU */
    sys_dsb();
    SYS_MCR(0, c7, c5, 0, 0); /* ICIALLU */
    SYS_MCR(0, c7, c5, 6, 0); /* BPIALL */
    sys_dsb();
    sys_isb();
}

static const char *const kind_name[] = {
    "reset", "undefined instruction", "SVC", "prefetch abort", "data abort", "HYP", "IRQ", "FIQ",
};

int sys_trap(unsigned kind, struct sys_frame *f)
{
    /* SVC #0 from User mode ends sys_run_user(). */
    if (kind == SYS_SVC && (f->spsr & 0x1F) == SYS_MODE_USR) {
        uint32_t a = sys_insn_addr(kind, f);
        uint32_t imm = (f->spsr & SYS_CPSR_T) ? (*(volatile uint16_t *)a & 0xFF)
                                              : (*(volatile uint32_t *)a & 0xFFFFFF);
        if (imm == 0)
            return 1;
    }
    if (test_trap(kind, f))
        return 0;
    sys_printf("unexpected %s, SPSR 0x%08x, LR 0x%08x\n", kind_name[kind & 7], (unsigned)f->spsr,
               (unsigned)f->lr);
    sys_exit(100 + kind);
}
