/*
 * lib.c - the few C library functions the kernel needs (gcc may emit calls
 * to memcpy/memset for structure copies even in freestanding code).
 */
#include "hv.h"

void *memcpy(void *d, const void *s, size_t n)
{
    uint8_t *dp = d;
    const uint8_t *sp = s;
    if ((((uintptr_t)dp | (uintptr_t)sp | n) & 3u) == 0) {
        uint32_t *dw = d;
        const uint32_t *sw = s;
        for (size_t i = 0; i < n / 4; i++) dw[i] = sw[i];
        return d;
    }
    for (size_t i = 0; i < n; i++) dp[i] = sp[i];
    return d;
}

void *memmove(void *d, const void *s, size_t n)
{
    uint8_t *dp = d;
    const uint8_t *sp = s;
    if (dp < sp) {
        for (size_t i = 0; i < n; i++) dp[i] = sp[i];
    } else {
        while (n--) dp[n] = sp[n];
    }
    return d;
}

void *memset(void *d, int c, size_t n)
{
    uint8_t *dp = d;
    for (size_t i = 0; i < n; i++) dp[i] = (uint8_t)c;
    return d;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const uint8_t *x = a, *y = b;
    for (size_t i = 0; i < n; i++)
        if (x[i] != y[i]) return x[i] < y[i] ? -1 : 1;
    return 0;
}
