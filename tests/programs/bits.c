/* Bit manipulation: counts, reversal, rotation, field extract/insert, byte swaps. */
#include <stdint.h>
#include <stdio.h>

static volatile uint32_t vals[] = {0, 1, 0x80000000u, 0xFFFFFFFFu, 0x12345678u, 0xF0F0F0F0u,
                                   0x00010000u, 0xDEADBEEFu};

static uint32_t rbit(uint32_t x)
{
    uint32_t r = 0;
    for (int i = 0; i < 32; i++)
        r |= ((x >> i) & 1u) << (31 - i);
    return r;
}

struct fields {
    unsigned a : 3;
    unsigned b : 7;
    signed c : 5;
    unsigned d : 17;
};

int main(void)
{
    for (unsigned i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        uint32_t x = vals[i];
        printf("%08lx: pop=%d clz=%d ctz=%d ffs=%d par=%d rev=%08lx rev16=%08lx rbit=%08lx "
               "rotl7=%08lx\n",
               (unsigned long)x, __builtin_popcount(x), x ? __builtin_clz(x) : 32,
               x ? __builtin_ctz(x) : 32, __builtin_ffs((int)x), __builtin_parity(x),
               (unsigned long)__builtin_bswap32(x),
               (unsigned long)(((x & 0x00FF00FFu) << 8) | ((x >> 8) & 0x00FF00FFu)),
               (unsigned long)rbit(x), (unsigned long)((x << 7) | (x >> 25)));
    }
    struct fields f = {0};
    uint32_t h = 0;
    for (int i = 0; i < 100; i++) {
        f.a = (unsigned)i;
        f.b = (unsigned)(i * 3);
        f.c = i - 50;
        f.d = (unsigned)(i * 1000);
        h = h * 17 + f.a + f.b + (uint32_t)f.c + f.d;
    }
    printf("bitfields %08lx c=%d\n", (unsigned long)h, f.c);
    uint64_t y = 0x0123456789ABCDEFull;
    printf("bswap64 %016llx popcountll %d clzll %d\n", (unsigned long long)__builtin_bswap64(y),
           __builtin_popcountll(y), __builtin_clzll(y));
    int16_t s = (int16_t)0x8001;
    int8_t b = (int8_t)0x81;
    printf("sext %ld %ld zext %lu %lu\n", (long)s, (long)b, (unsigned long)(uint16_t)s,
           (unsigned long)(uint8_t)b);
    /* saturating add done by hand */
    int32_t acc = 0;
    for (int i = 0; i < 40; i++) {
        int64_t t = (int64_t)acc + 123456789;
        acc = t > INT32_MAX ? INT32_MAX : (int32_t)t;
    }
    printf("saturated %ld\n", (long)acc);
    return 0;
}
