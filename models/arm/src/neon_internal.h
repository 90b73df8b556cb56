/*
 * neon_internal.h - Advanced SIMD (NEON) handlers of the ISS (exec_neon.c).
 * Decode functions are declared in vfp_internal.h (arm_neon_decode_*).
 */
#ifndef NEON_INTERNAL_H
#define NEON_INTERNAL_H

#include "vfp_internal.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Disassembly of an Advanced SIMD instruction decoded into i. */
int arm_neon_format(const arm_insn *i, char *buf, size_t len);

#ifdef __cplusplus
}
#endif

#endif /* NEON_INTERNAL_H */
