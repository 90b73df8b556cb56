/*
 * grt.h - minimal runtime of the tests/hv test guests: hypercall wrappers
 * (hv_abi.h: svc #0, r0 = number, r1..r4 arguments, result r0) and a
 * console that formats into a buffer and writes it with HC_CONSOLE_WRITE.
 */
#ifndef GRT_H
#define GRT_H

#include <stdint.h>
#include "hv_abi.h"

static inline int32_t grt_hc(uint32_t nr, uint32_t a1, uint32_t a2, uint32_t a3)
{
    register uint32_t r0 __asm__("r0") = nr;
    register uint32_t r1 __asm__("r1") = a1;
    register uint32_t r2 __asm__("r2") = a2;
    register uint32_t r3 __asm__("r3") = a3;
    __asm__ volatile("svc #0" : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3) : : "memory");
    return (int32_t)r0;
}

/* Same, also returning r1 (HC_TIME, HC_IPC_RECV). */
static inline int32_t grt_hc2(uint32_t nr, uint32_t a1, uint32_t *r1_out)
{
    register uint32_t r0 __asm__("r0") = nr;
    register uint32_t r1 __asm__("r1") = a1;
    register uint32_t r2 __asm__("r2") = 0;
    register uint32_t r3 __asm__("r3") = 0;
    __asm__ volatile("svc #0" : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3) : : "memory");
    *r1_out = r1;
    return (int32_t)r0;
}

/* VDM calls: result in r0..r3 (HC_VDM_RECV). */
static inline int32_t grt_hc4(uint32_t nr, uint32_t out[3])
{
    register uint32_t r0 __asm__("r0") = nr;
    register uint32_t r1 __asm__("r1") = 0;
    register uint32_t r2 __asm__("r2") = 0;
    register uint32_t r3 __asm__("r3") = 0;
    __asm__ volatile("svc #0" : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3) : : "memory");
    out[0] = r1; out[1] = r2; out[2] = r3;
    return (int32_t)r0;
}

static inline uint64_t grt_time(void)
{
    uint32_t hi;
    uint32_t lo = (uint32_t)grt_hc2(HC_TIME, 0, &hi);
    return ((uint64_t)hi << 32) | lo;
}

/* printf subset: %s %c %d %u %x (0 flag, width). One HC_CONSOLE_WRITE per call. */
void grt_printf(const char *fmt, ...);
/* Busy loop of about n iterations (not optimised away). */
void grt_spin(uint32_t n);

#define GRT_REG(a) (*(volatile uint32_t *)(uintptr_t)(a))

#endif
