/* 32/64-bit arithmetic: division and modulo (libgcc __aeabi_* helpers, the
 * Cortex-A9 has no SDIV/UDIV), multiplies, shifts, soft-float conversions. */
#include <stdint.h>
#include <stdio.h>

/* Keep the compiler from folding constants. */
static volatile uint64_t vu[] = {0, 1, 7, 0xFFFFFFFFull, 0x100000000ull, 0x123456789ABCDEF0ull,
                                 0xFFFFFFFFFFFFFFFFull, 1000000007ull};
static volatile int64_t vs[] = {-1, -7, 3, -0x123456789LL, INT64_MAX, INT64_MIN + 1, 99991};
static volatile int32_t v32[] = {-100, 7, -3, 2147483647, -2147483647 - 1, 12345};

int main(void)
{
    uint64_t h = 0;
    for (unsigned i = 0; i < sizeof vu / sizeof vu[0]; i++)
        for (unsigned j = 0; j < sizeof vu / sizeof vu[0]; j++) {
            uint64_t a = vu[i], b = vu[j];
            if (b) {
                h = h * 31 + a / b;
                h = h * 31 + a % b;
            }
            h = h * 31 + a * b;
            h = h * 31 + (a >> (b & 63)) + (a << (b & 63));
        }
    printf("u64 hash %08lx%08lx\n", (unsigned long)(h >> 32), (unsigned long)h);
    for (unsigned i = 0; i < sizeof vs / sizeof vs[0]; i++) {
        int64_t a = vs[i], b = vs[(i + 3) % (sizeof vs / sizeof vs[0])];
        printf("s64 %lld / %lld = %lld rem %lld, >>5 = %lld\n", (long long)a, (long long)b,
               (long long)(a / b), (long long)(a % b), (long long)(a >> 5));
    }
    for (unsigned i = 0; i < sizeof v32 / sizeof v32[0]; i++) {
        int32_t a = v32[i], b = v32[(i + 1) % (sizeof v32 / sizeof v32[0])];
        if (!(a == INT32_MIN && b == -1))
            printf("s32 %ld / %ld = %ld rem %ld; u32 %lu / %lu = %lu\n", (long)a, (long)b,
                   (long)(a / b), (long)(a % b), (unsigned long)(uint32_t)a,
                   (unsigned long)(uint32_t)b, (unsigned long)((uint32_t)a / (uint32_t)b));
        int64_t p = (int64_t)a * b;
        uint64_t up = (uint64_t)(uint32_t)a * (uint32_t)b;
        printf("  smull %lld umull %llu\n", (long long)p, (unsigned long long)up);
    }
    /* soft-float conversions and arithmetic, printed as integers */
    volatile double d = 1.0;
    for (int i = 0; i < 20; i++)
        d = d * 1.5 + 0.25;
    printf("double loop %lld\n", (long long)(d * 1000.0));
    volatile float f = 1e10f;
    printf("float->u64 %llu float->s32 %ld\n", (unsigned long long)f, (long)(f / 1e5f));
    volatile int64_t big = 123456789012345LL;
    printf("s64->double->s64 %lld\n", (long long)(double)big);
    printf("sqrt-ish newton %ld\n", (long)({
               double x = 2.0, g = 1.0;
               for (int k = 0; k < 8; k++)
                   g = (g + x / g) / 2;
               g * 1e9;
           }));
    return 0;
}
