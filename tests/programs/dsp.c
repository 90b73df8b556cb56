/* ARMv6/v7 DSP and SIMD instructions through ACLE intrinsics (saturation,
 * Q flag, parallel add/subtract with GE flags and SEL, dual multiplies,
 * long multiply-accumulate), and atomics (LDREX/STREX loops). */
#include <arm_acle.h>
#include <stdint.h>
#include <stdio.h>

static volatile int32_t a32[] = {0, 1, -1, 0x7FFFFFFF, (int32_t)0x80000000, 0x12345678,
                                 (int32_t)0xDEADBEEF, 1000000, -65536};

static uint32_t u(int32_t x)
{
    return (uint32_t)x;
}

/* Not in this GCC's arm_acle.h: inline assembly for the exact instruction. */
static uint32_t rbit(uint32_t x)
{
    uint32_t r;
    __asm__("rbit %0, %1" : "=r"(r) : "r"(x));
    return r;
}

static uint32_t clz(uint32_t x)
{
    uint32_t r;
    __asm__("clz %0, %1" : "=r"(r) : "r"(x));
    return r;
}

static int32_t revsh(int32_t x)
{
    int32_t r;
    __asm__("revsh %0, %1" : "=r"(r) : "r"(x));
    return r;
}

static uint32_t rev16(uint32_t x)
{
    uint32_t r;
    __asm__("rev16 %0, %1" : "=r"(r) : "r"(x));
    return r;
}

int main(void)
{
    const unsigned n = sizeof a32 / sizeof a32[0];
    uint32_t h = 0;
    for (unsigned i = 0; i < n; i++) {
        for (unsigned j = 0; j < n; j++) {
            int32_t x = a32[i], y = a32[j];
            h = h * 31 + u(__qadd(x, y));
            h = h * 31 + u(__qsub(x, y));
            h = h * 31 + u(__qdbl(x));
            h = h * 31 + u(__sadd16(x, y));
            h = h * 31 + __sel((uint32_t)x, (uint32_t)y); /* GE from the SADD16 */
            h = h * 31 + u(__ssub8(x, y));
            h = h * 31 + __sel((uint32_t)x, (uint32_t)y);
            h = h * 31 + __uadd8((uint32_t)x, (uint32_t)y);
            h = h * 31 + __uqsub16((uint32_t)x, (uint32_t)y);
            h = h * 31 + u(__qasx(x, y));
            h = h * 31 + u(__shsax(x, y));
            h = h * 31 + __uhadd8((uint32_t)x, (uint32_t)y);
            h = h * 31 + u(__smuad(x, y));
            h = h * 31 + u(__smusdx(x, y));
            h = h * 31 + u(__smlad(x, y, 12345));
            h = h * 31 + u(__smlsd(x, y, -777));
            h = h * 31 + __usad8((uint32_t)x, (uint32_t)y);
            h = h * 31 + __usada8((uint32_t)x, (uint32_t)y, 99);
            h = h * 31 + u((int16_t)x * (int16_t)y) + u((x >> 16) * (y >> 16)) +
                u((int32_t)(((int64_t)x * (int16_t)y) >> 16));
            h = h * 31 + u(__smlabt(x, y, 5));
            int64_t l = __smlald(x, y, (int64_t)x << 3);
            h = h * 31 + (uint32_t)l + (uint32_t)(l >> 32);
            h = h * 31 + u(__ssat16(x, 9)) + __usat16(x, 7);
            h = h * 31 + __uxtb16((uint32_t)x) + u(__sxtab16(x, y));
        }
    }
    printf("simd hash %08lx\n", (unsigned long)h);
    for (unsigned i = 0; i < n; i++) {
        int32_t x = a32[i];
        printf("%08lx: ssat8=%ld usat8=%lu qadd(x,x)=%08lx rev=%08lx rev16=%08lx revsh=%08lx "
               "rbit=%08lx clz=%u\n",
               (unsigned long)u(x), (long)__ssat(x, 8), (unsigned long)__usat(x, 8),
               (unsigned long)u(__qadd(x, x)), (unsigned long)__builtin_bswap32((uint32_t)x),
               (unsigned long)rev16((uint32_t)x), (unsigned long)u(revsh(x)),
               (unsigned long)rbit((uint32_t)x), (unsigned)clz((uint32_t)x));
    }
    /* Long multiplies and the Q flag through plain C the compiler maps to
     * UMULL/SMLAL/UMAAL-like sequences. */
    uint64_t acc = 0;
    int64_t sacc = 0;
    for (unsigned i = 0; i < n; i++)
        for (unsigned j = 0; j < n; j++) {
            acc += (uint64_t)u(a32[i]) * u(a32[j]) + u(a32[j]);
            sacc += (int64_t)a32[i] * a32[j];
        }
    printf("umlal %016llx smlal %016llx\n", (unsigned long long)acc, (unsigned long long)sacc);
    /* Atomics: LDREX/STREX (and the byte/halfword forms). */
    static volatile uint32_t w;
    static volatile uint16_t hw;
    static volatile uint8_t b;
    uint32_t old = 0;
    for (int i = 0; i < 100; i++) {
        old += __atomic_fetch_add(&w, (uint32_t)i, __ATOMIC_SEQ_CST);
        __atomic_fetch_xor(&hw, (uint16_t)(i * 257), __ATOMIC_SEQ_CST);
        __atomic_fetch_or(&b, (uint8_t)(1u << (i & 7)), __ATOMIC_RELAXED);
    }
    uint32_t expected = 4950;
    int cas1 = __atomic_compare_exchange_n(&w, &expected, 7u, 0, __ATOMIC_SEQ_CST,
                                           __ATOMIC_SEQ_CST);
    expected = 1;
    int cas2 = __atomic_compare_exchange_n(&w, &expected, 9u, 0, __ATOMIC_SEQ_CST,
                                           __ATOMIC_SEQ_CST);
    printf("atomics old-sum=%lu w=%lu hw=%04x b=%02x cas=%d,%d expected=%lu\n",
           (unsigned long)old, (unsigned long)w, hw, b, cas1, cas2, (unsigned long)expected);
    static volatile uint64_t dw;
    for (int i = 0; i < 10; i++)
        __atomic_fetch_add(&dw, 0x100000001ull * (uint64_t)i, __ATOMIC_SEQ_CST);
    printf("atomic64 %016llx\n", (unsigned long long)dw);
    return 0;
}
