/*
 * hv_call.h - the one hypercall instruction sequence of hv_abi.h, for every
 * user-mode EC (guest runtime, VDM, test guests): `svc #0` with r0 = call
 * number and r1..r4 = arguments; the result in r0, and r1..r3 as the kernel
 * leaves them (HC_TIME and HC_IPC_RECV return a word in r1, HC_VDM_RECV its
 * message in r1..r3; every other call preserves them). "memory" is
 * clobbered: calls read caller buffers (HC_CONSOLE_WRITE) and are
 * synchronisation points.
 */
#ifndef HV_CALL_H
#define HV_CALL_H

#include <stdint.h>

/* out (may be NULL) receives r1..r3 after the call. */
static inline int32_t hv_call(uint32_t call, uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4,
                              uint32_t out[3])
{
    register uint32_t r0 __asm__("r0") = call;
    register uint32_t r1 __asm__("r1") = a1;
    register uint32_t r2 __asm__("r2") = a2;
    register uint32_t r3 __asm__("r3") = a3;
    register uint32_t r4 __asm__("r4") = a4;
    __asm__ volatile("svc #0" : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3) : "r"(r4) : "memory");
    if (out) {
        out[0] = r1;
        out[1] = r2;
        out[2] = r3;
    }
    return (int32_t)r0;
}

#endif /* HV_CALL_H */
