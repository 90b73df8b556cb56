/*
 * t32_decode.c - entry points of the T32 (Thumb-2) decoder: table access
 * for the decode-overlap test and arm_t32_decode() for the run loop.
 *
 * The tables themselves are in t32_dec16.c (16-bit encodings, ARM ARM
 * A6.2) and t32_dec32.c (32-bit encodings, A6.3). An encoding not matched
 * by any entry, or rejected by its entry's decode function, is UNDEFINED.
 */
#include "t32_internal.h"

const arm_decode_entry *arm_t32_16_table(size_t *n)
{
    *n = t32_table16_len;
    return t32_table16;
}

const arm_decode_entry *arm_t32_32_table(size_t *n)
{
    *n = t32_table32_len;
    return t32_table32;
}

int arm_t32_decode(arm_cpu *cpu, uint32_t insn, unsigned size, arm_insn *out)
{
    const arm_decode_entry *e;
    if (size == 2) {
        insn &= 0xFFFFu;
        e = arm_decode_find(t32_table16, t32_table16_len, insn);
    } else {
        e = arm_decode_find(t32_table32, t32_table32_len, insn);
    }
    if (e == NULL) return -1;
    return e->decode(cpu, insn, out);
}
