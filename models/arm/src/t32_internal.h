/*
 * t32_internal.h - private helpers of the T32 (Thumb-2) decoder, shared by
 * t32_dec16.c, t32_dec32.c, t32_decode.c, t32_exec.c and t32_disasm.c.
 *
 * Encoding facts are from the ARM Architecture Reference Manual ARMv7-A/R
 * (ARM DDI 0406C), chapter A6 "Thumb Instruction Set Encoding" and the
 * per-instruction pages of A8.8; section numbers are cited where used.
 *
 * Conventions (see arm_internal.h for the decoder contract):
 *  - 32-bit encodings are handled as one word, first halfword in bits
 *    31:16 ("hw1"), second halfword in bits 15:0 ("hw2").
 *  - A decode function never reads cpu except through t32_in_it() and
 *    t32_decode_pc(), both of which accept cpu == NULL (disassembly).
 */
#ifndef T32_INTERNAL_H
#define T32_INTERNAL_H

#include "arm_internal.h"
#include "a9_timing.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Bits hi..lo of x (hi >= lo). */
#define T32_BITS(x, hi, lo) (((x) >> (lo)) & ((1u << ((hi) - (lo) + 1)) - 1u))
#define T32_BIT(x, n) (((x) >> (n)) & 1u)

/* InITBlock() (ARM ARM A2.5.2) at decode time; "not in IT" when cpu is NULL. */
static inline int t32_in_it(const arm_cpu *cpu)
{
    return cpu != NULL && (cpu->itstate & 0xFu) != 0;
}

/* Address of the instruction being decoded (0 when disassembling without a CPU). */
static inline uint32_t t32_decode_pc(const arm_cpu *cpu)
{
    return cpu != NULL ? cpu->decode_pc : 0;
}

/* Sign-extend the low `bits` bits of v. */
static inline uint32_t t32_sext(uint32_t v, unsigned bits)
{
    uint32_t m = 1u << (bits - 1);
    v &= (bits == 32) ? 0xFFFFFFFFu : ((1u << bits) - 1u);
    return (v ^ m) - m;
}

/*
 * ThumbExpandImm_C (ARM ARM A6.3.2) of imm12 = i:imm3:imm8. Returns the
 * 32-bit value; *carry_from_bit31 is set when the shifter carry-out is bit
 * 31 of the result (rotated forms), and cleared when the carry is unchanged
 * (the replicated-byte forms). The imm8 == 0 replicated forms are
 * UNPREDICTABLE; they decode to the value 0 (documented choice).
 */
static inline uint32_t t32_expand_imm(uint32_t imm12, int *carry_from_bit31)
{
    uint32_t imm8 = imm12 & 0xFFu;
    if ((imm12 >> 10) == 0) {
        *carry_from_bit31 = 0;
        switch ((imm12 >> 8) & 3u) {
        case 0: return imm8;
        case 1: return imm8 | (imm8 << 16);
        case 2: return (imm8 << 8) | (imm8 << 24);
        default: return imm8 | (imm8 << 8) | (imm8 << 16) | (imm8 << 24);
        }
    }
    {
        uint32_t unrot = 0x80u | (imm12 & 0x7Fu);
        unsigned rot = (imm12 >> 7) & 31u; /* 8..31 */
        *carry_from_bit31 = 1;
        return (unrot >> rot) | (unrot << (32u - rot));
    }
}

/* imm12 = i:imm3:imm8 of a 32-bit data-processing (immediate) encoding. */
static inline uint32_t t32_imm12(uint32_t insn)
{
    return (T32_BIT(insn, 26) << 11) | (T32_BITS(insn, 14, 12) << 8) | T32_BITS(insn, 7, 0);
}

/*
 * DecodeImmShift (ARM ARM A8.4.3): sets out->shift_type / out->shift_imm
 * from the 2-bit type and the 5-bit amount (LSR/ASR #0 mean #32, ROR #0 is
 * RRX).
 */
static inline void t32_decode_imm_shift(arm_insn *out, unsigned type, unsigned imm5)
{
    out->shift_type = (uint8_t)type;
    out->shift_imm = (uint8_t)imm5;
    if (type == ARM_SHIFT_LSR || type == ARM_SHIFT_ASR) {
        if (imm5 == 0) out->shift_imm = 32;
    } else if (type == ARM_SHIFT_ROR && imm5 == 0) {
        out->shift_type = ARM_SHIFT_RRX;
        out->shift_imm = 1;
    }
}

/* ---- T32-only semantic handlers (t32_exec.c) ---- */

/* IT: cpu->itstate = imm (firstcond:mask, ARM ARM A8.8.54). */
void t32_h_it(arm_cpu *cpu, const arm_insn *i);
/* CBZ (op 0) / CBNZ (op 1): branch to r[15] + imm when r[rn] ==/!= 0 (A8.8.29). */
void t32_h_cbz(arm_cpu *cpu, const arm_insn *i);
/* TBB (op 0) / TBH (op 1): branch to r[15] + 2 * table[r[rn] + r[rm](<<1)] (A8.8.223). */
void t32_h_tbb(arm_cpu *cpu, const arm_insn *i);

/* The two tables (t32_dec16.c, t32_dec32.c). */
extern const arm_decode_entry t32_table16[];
extern const size_t t32_table16_len;
extern const arm_decode_entry t32_table32[];
extern const size_t t32_table32_len;

#ifdef __cplusplus
}
#endif

#endif /* T32_INTERNAL_H */
