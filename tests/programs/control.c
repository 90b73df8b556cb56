/* Control flow and data layout: dense switches (jump tables, TBB/TBH in
 * Thumb-2), function pointers, varargs, struct copies and returns, packed
 * (unaligned) fields, conditional execution/IT blocks, and computed gotos. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int dense(int x)
{
    switch (x) {
    case 0: return 11;
    case 1: return 22;
    case 2: return 35;
    case 3: return 47;
    case 4: return 51;
    case 5: return 68;
    case 6: return 73;
    case 7: return 89;
    case 8: return 90;
    case 9: return 101;
    default: return -1;
    }
}

static int wide(int x)
{
    /* Far-apart case bodies push Thumb-2 switch tables to TBH. */
    switch (x) {
    case 0: { volatile int s = 0; for (int i = 0; i < 40; i++) s += i * x; return s + 1; }
    case 1: { volatile int s = 1; for (int i = 0; i < 40; i++) s ^= i << x; return s + 2; }
    case 2: { volatile int s = 2; for (int i = 0; i < 40; i++) s -= i * 3; return s + 3; }
    case 3: { volatile int s = 3; for (int i = 0; i < 40; i++) s += (i & 5); return s + 4; }
    case 4: { volatile int s = 4; for (int i = 0; i < 40; i++) s |= i << 2; return s + 5; }
    case 5: { volatile int s = 5; for (int i = 0; i < 40; i++) s += i / 3; return s + 6; }
    case 6: { volatile int s = 6; for (int i = 0; i < 40; i++) s += i % 7; return s + 7; }
    case 7: { volatile int s = 7; for (int i = 0; i < 40; i++) s *= 3; return s + 8; }
    default: return 0;
    }
}

static int sum(int count, ...)
{
    va_list ap;
    va_start(ap, count);
    int s = 0;
    for (int i = 0; i < count; i++)
        s += va_arg(ap, int);
    va_end(ap);
    return s;
}

static long long mixed(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    long long s = 0;
    for (; *fmt; fmt++) {
        if (*fmt == 'i')
            s = s * 3 + va_arg(ap, int);
        else if (*fmt == 'l')
            s = s * 5 + va_arg(ap, long long);
        else if (*fmt == 'd')
            s = s * 7 + (long long)(va_arg(ap, double) * 100);
    }
    va_end(ap);
    return s;
}

struct big {
    int a[9];
    char tag[7];
};

static struct big make_big(int seed)
{
    struct big b;
    for (int i = 0; i < 9; i++)
        b.a[i] = seed * (i + 1);
    snprintf(b.tag, sizeof b.tag, "t%d", seed);
    return b;
}

struct __attribute__((packed)) unaligned {
    uint8_t c;
    uint32_t w;
    uint16_t h;
    uint64_t d;
};

static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }

static int clamp(int x, int lo, int hi)
{
    return x < lo ? lo : x > hi ? hi : x;
}

static int interp(const uint8_t *prog)
{
    static void *ops[] = {&&op_halt, &&op_inc, &&op_dbl, &&op_neg};
    int acc = 1;
    goto *ops[*prog++];
op_inc:
    acc++;
    goto *ops[*prog++];
op_dbl:
    acc *= 2;
    goto *ops[*prog++];
op_neg:
    acc = -acc;
    goto *ops[*prog++];
op_halt:
    return acc;
}

int main(void)
{
    int s = 0;
    for (int i = -2; i < 12; i++)
        s = s * 7 + dense(i);
    printf("dense switch %d\n", s);
    for (int i = 0; i < 9; i++)
        printf("wide(%d)=%d\n", i, wide(i));
    printf("varargs %d %lld\n", sum(5, 1, 2, 3, 4, 5),
           mixed("ildil", 3, 10000000000LL, 2.5, -4, -7LL));
    struct big b = make_big(3), c;
    c = b;
    c.a[8] += 1;
    printf("struct copy %d %d %s %d\n", b.a[8], c.a[8], c.tag, memcmp(&b, &c, sizeof b) != 0);
    static struct unaligned un[3];
    for (int i = 0; i < 3; i++) {
        un[i].c = (uint8_t)i;
        un[i].w = 0x01020304u * (uint32_t)(i + 1);
        un[i].h = (uint16_t)(0xABCD + i);
        un[i].d = 0x1122334455667788ull + (uint64_t)i;
    }
    uint64_t uh = 0;
    for (int i = 0; i < 3; i++)
        uh = uh * 1000003 + un[i].c + un[i].w + un[i].h + un[i].d;
    printf("packed %016llx size %u\n", (unsigned long long)uh, (unsigned)sizeof un[0]);
    int (*fns[3])(int, int) = {add, sub, mul};
    int r = 5;
    for (int i = 0; i < 12; i++)
        r = fns[i % 3](r, i + 1);
    printf("function pointers %d\n", r);
    int cl = 0;
    for (int i = -20; i < 20; i += 3)
        cl = cl * 3 + clamp(i, -5, 7);
    printf("clamp %d\n", cl);
    static const uint8_t prog[] = {1, 2, 2, 3, 1, 2, 0};
    printf("computed goto %d\n", interp(prog));
    return 0;
}
