/*
 * grt.h - minimal runtime of the tests/hv test guests: hypercall wrappers
 * (hv_abi.h: svc #0, r0 = number, r1..r4 arguments, result r0) and a
 * console that formats into a buffer and writes it with HC_CONSOLE_WRITE.
 */
#ifndef GRT_H
#define GRT_H

#include <stdint.h>
#include "hv_abi.h"
#include "hv_call.h"

static inline int32_t grt_hc(uint32_t nr, uint32_t a1, uint32_t a2, uint32_t a3)
{
    return hv_call(nr, a1, a2, a3, 0, 0);
}

/* Same, also returning r1 (HC_TIME, HC_IPC_RECV). */
static inline int32_t grt_hc2(uint32_t nr, uint32_t a1, uint32_t *r1_out)
{
    uint32_t out[3];
    int32_t r = hv_call(nr, a1, 0, 0, 0, out);
    *r1_out = out[0];
    return r;
}

/* VDM calls: result in r0..r3 (HC_VDM_RECV). */
static inline int32_t grt_hc4(uint32_t nr, uint32_t out[3])
{
    return hv_call(nr, 0, 0, 0, 0, out);
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
