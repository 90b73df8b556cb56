/*
 * rt.c - start-up arguments, physical addresses, exit and the string
 * functions of the guest runtime (rt.h).
 * Built with -fno-tree-loop-distribute-patterns so that gcc does not turn
 * the loops below into calls to themselves.
 */
#include "rt.h"
#include "console.h"
#include "hv.h"

#ifndef RT_PHYS_BASE
#define RT_PHYS_BASE 0u
#endif

extern char __image_end[];

static unsigned rt_vm_id_v, rt_slot_v, rt_ndev_v;
static uint32_t rt_phys_base_v;

void rt_start_args(unsigned vm_id, unsigned slot, unsigned ndev, uint32_t r3)
{
    rt_vm_id_v = vm_id;
    rt_slot_v = slot;
    rt_ndev_v = ndev;
    rt_phys_base_v = r3 != 0 ? r3 : (uint32_t)RT_PHYS_BASE;
}

unsigned rt_vm_id(void) { return rt_vm_id_v; }
unsigned rt_vm_slot(void) { return rt_slot_v; }
unsigned rt_dev_count(void) { return rt_ndev_v; }
uint32_t rt_phys_base(void) { return rt_phys_base_v; }

uint32_t rt_phys(const void *va)
{
    if (rt_phys_base_v == 0)
        return 0;
    return rt_phys_base_v + ((uint32_t)(uintptr_t)va - HV_GUEST_VA_BASE);
}

void *rt_heap_base(void)
{
    uintptr_t p = ((uintptr_t)__image_end + 7u) & ~(uintptr_t)7u;
    return (void *)p;
}

void rt_exit(int status)
{
    rt_flush();
    hc_exit(status);
}

void *memcpy(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    if ((((uintptr_t)d | (uintptr_t)s) & 3u) == 0) {
        for (; n >= 4; n -= 4, d += 4, s += 4)
            *(uint32_t *)(void *)d = *(const uint32_t *)(const void *)s;
    }
    while (n--)
        *d++ = *s++;
    return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    if (d <= s || d >= s + n)
        return memcpy(dst, src, n);
    while (n--)
        d[n] = s[n];
    return dst;
}

void *memset(void *dst, int c, size_t n)
{
    unsigned char *d = dst;
    while (n--)
        *d++ = (unsigned char)c;
    return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *x = a, *y = b;
    for (; n; n--, x++, y++)
        if (*x != *y)
            return *x < *y ? -1 : 1;
    return 0;
}

size_t strlen(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}
