/*
 * vdm_lib.c - memcpy and memset for the freestanding VDM (-nostdlib): GCC
 * may emit calls to them for structure copies and clearing loops even in
 * -ffreestanding code (GCC manual, "Standards": the compiler expects
 * memcpy, memmove, memset and memcmp to exist).
 */
#include <stddef.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);

void *memcpy(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    while (n--)
        *d++ = *s++;
    return dst;
}

void *memset(void *dst, int c, size_t n)
{
    /* volatile: keep GCC from turning this loop into a call to memset */
    volatile unsigned char *d = dst;
    while (n--)
        *d++ = (unsigned char)c;
    return dst;
}
