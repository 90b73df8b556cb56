/*
 * vfp_internal.h - VFPv3-D32 and Advanced SIMD (NEON) inside the ISS:
 * decode functions (used by the A32 and T32 decode tables), semantic
 * handlers and register-file helpers.
 *
 * Encodings (ARM DDI 0406C chapter A7): the decoders take the A32 form of
 * an encoding. The T32 forms are the same bits with another top nibble:
 * VFP / extension-register T32 encodings are 1110 + the A32 bits 27:0
 * (the A32 cond field becomes 1110 and the condition comes from IT);
 * Advanced SIMD data processing is 111U 1111 in T32 and 1111 001U in A32;
 * Advanced SIMD element/structure load/store is 1111 1001 in T32 and
 * 1111 0100 in A32. t32_dec32.c converts with vfp_t32_to_a32().
 *
 * Access control (ARM ARM B1.11.1, B6.1.10): every instruction here is
 * UNDEFINED unless CPACR.cp10 and CPACR.cp11 allow the current privilege
 * (01 PL1 only, 11 full) and FPEXC.EN = 1; exceptions: VMRS/VMSR of FPSID,
 * FPEXC, MVFR0/1 need only the CPACR check (and PL1). The checks are made
 * at execute time (CPACR and FPEXC change without a decode).
 */
#ifndef VFP_INTERNAL_H
#define VFP_INTERNAL_H

#include "arm_internal.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Cortex-A9 (r3p0) identification: Cortex-A9 FPU TRM (DDI 0408G) 2.4:
 * FPSID implementer 0x41, subarchitecture 0x03 (null), part 0x30 (VFPv3),
 * variant 9, revision 3. MVFR0/MVFR1: 32 double registers, single and
 * double precision, divide, square root, all rounding modes, no short
 * vectors, no traps; Advanced SIMD integer/single/load-store, half-precision
 * conversions, default NaN and flush-to-zero fields implemented. */
#define VFP_FPSID 0x41033093u
#define VFP_MVFR0 0x10110222u
#define VFP_MVFR1 0x01111111u

#define VFP_FPEXC_EN (1u << 30)
/* FPSCR bits that can be written (others RAZ/WI): N Z C V QC AHP DN FZ
 * RMode Stride Len, IDC, IXC UFC OFC DZC IOC. A9 FPU TRM: trap enables
 * (15, 12:8) are UNK/SBZP, Stride is ignored, a nonzero Len makes VFP
 * data-processing instructions UNDEFINED. */
#define VFP_FPSCR_WMASK 0xFFF7009Fu
#define VFP_FPSCR_LEN_MASK 0x00070000u
#define VFP_FPSCR_QC (1u << 27)

/* T32 32-bit encoding (first halfword in bits 31:16) -> A32 form. */
static inline uint32_t vfp_t32_to_a32(uint32_t x)
{
    if ((x & 0xEF000000u) == 0xEF000000u) /* Advanced SIMD data processing */
        return 0xF2000000u | ((x >> 4) & 0x01000000u) | (x & 0x00FFFFFFu);
    if ((x & 0xFF100000u) == 0xF9000000u) /* element/structure load/store */
        return 0xF4000000u | (x & 0x00FFFFFFu);
    return 0xE0000000u | (x & 0x0FFFFFFFu); /* VFP and extension registers */
}

/* ---- register file ---- */
static inline uint32_t vfp_get_s(const arm_cpu *cpu, unsigned n)
{
    uint64_t d = cpu->vfp_d[n >> 1];
    return (n & 1) ? (uint32_t)(d >> 32) : (uint32_t)d;
}
static inline void vfp_set_s(arm_cpu *cpu, unsigned n, uint32_t v)
{
    uint64_t *d = &cpu->vfp_d[n >> 1];
    if (n & 1) *d = (*d & 0xFFFFFFFFull) | ((uint64_t)v << 32);
    else *d = (*d & 0xFFFFFFFF00000000ull) | v;
}
/* Register n of the precision dp (0: S<n>, 1: D<n>). */
static inline uint64_t vfp_get(const arm_cpu *cpu, int dp, unsigned n)
{
    return dp ? cpu->vfp_d[n] : vfp_get_s(cpu, n);
}
static inline void vfp_set(arm_cpu *cpu, int dp, unsigned n, uint64_t v)
{
    if (dp) cpu->vfp_d[n] = v;
    else vfp_set_s(cpu, n, (uint32_t)v);
}

/*
 * Access check for a VFP/Advanced SIMD instruction: returns 1 when it may
 * execute, else takes the undefined-instruction exception and returns 0.
 * `need_en`: also require FPEXC.EN (everything but VMRS/VMSR of the
 * system registers).
 */
int vfp_access_ok(arm_cpu *cpu, int need_en);

/* ---- decode functions (A32 form; cpu may be NULL) ---- */
int arm_vfp_decode_dp(arm_cpu *cpu, uint32_t x, arm_insn *o);     /* A7.5 data processing */
int arm_vfp_decode_xfer(arm_cpu *cpu, uint32_t x, arm_insn *o);   /* A7.8 8/16/32-bit transfers */
int arm_vfp_decode_xfer64(arm_cpu *cpu, uint32_t x, arm_insn *o); /* A7.8 64-bit transfers */
int arm_vfp_decode_ls(arm_cpu *cpu, uint32_t x, arm_insn *o);     /* A7.6 loads/stores */
int arm_neon_decode_dp(arm_cpu *cpu, uint32_t x, arm_insn *o);    /* A7.4 data processing */
int arm_neon_decode_ls(arm_cpu *cpu, uint32_t x, arm_insn *o);    /* A7.7 element/structure ld/st */
/* T32 wrappers (convert with vfp_t32_to_a32, then decode). */
int arm_vfp_decode_t32(arm_cpu *cpu, uint32_t x, arm_insn *o);

/* ---- handlers ----
 * Field use: VFP registers (S or D numbers 0..31) are in vd/vn/vm; core
 * registers in rn (base), ra, rs.
 *
 * arm_h_vfp_dp: op = VFP_OP_*, shift_type = 1 for double precision (of
 *   the operation; for VCVT between precisions: of the SOURCE), vd/vn/vm.
 *   VMOV imm: imm = imm8. VCVT int/fixed: imm bit 0 = unsigned, bit 1 =
 *   round toward zero (to-integer forms), bit 2 = 32-bit fixed point (else
 *   16-bit); shift_imm = fraction bits.
 * arm_h_vfp_ldst: VLDR/VSTR; op = 1 load; vd = register, shift_type = dp,
 *   rn = base (PC: Align(PC,4)), imm = offset bytes, ARM_IF_U.
 * arm_h_vfp_ldstm: VLDM/VSTM/VPUSH/VPOP; op = 1 load; vd = first register,
 *   reglist = number of registers, shift_type = dp, imm = bytes transferred
 *   (writeback amount; FLDMX/FSTMX have one word more), ARM_IF_U (increment
 *   after) else decrement before, ARM_IF_W.
 * arm_h_vmov_sr: VMOV between Sn (vn) and core register ra; op = 1 to core.
 * arm_h_vmov_2r: VMOV between core ra (low), rs (high) and D vm (op bit 1 =
 *   1) or S vm, S vm+1 (op bit 1 = 0); op bit 0 = 1 to core.
 * arm_h_vmov_scalar: VMOV Dd[x] <-> core ra; vd = D register, op = 1 to
 *   core; shift_type = log2(esize / 8), shift_imm = index, ARM_IF_U =
 *   zero-extend (to core).
 * arm_h_vdup_r: VDUP Dd/Qd, core ra; vd = first D register, shift_type =
 *   log2(esize / 8), reglist = 1 or 2 D registers.
 * arm_h_vmrs / arm_h_vmsr: rn = system register number (0 FPSID, 1 FPSCR,
 *   6 MVFR1, 7 MVFR0, 8 FPEXC), ra = core register (VMRS ra == 15: APSR_nzcv).
 */
enum {
    VFP_OP_VMLA = 0, VFP_OP_VMLS, VFP_OP_VNMLA, VFP_OP_VNMLS, VFP_OP_VMUL, VFP_OP_VNMUL,
    VFP_OP_VADD, VFP_OP_VSUB, VFP_OP_VDIV,
    VFP_OP_VMOV_IMM, VFP_OP_VMOV, VFP_OP_VABS, VFP_OP_VNEG, VFP_OP_VSQRT,
    VFP_OP_VCMP, VFP_OP_VCMPE, VFP_OP_VCMP0, VFP_OP_VCMPE0,
    VFP_OP_VCVT_PREC,  /* double <-> single (shift_type = source is double) */
    VFP_OP_VCVT_TOINT, VFP_OP_VCVT_FROMINT, VFP_OP_VCVT_TOFIX, VFP_OP_VCVT_FROMFIX,
    VFP_OP_VCVT_HALF, /* VCVTB/VCVTT: imm bit 0 = single to half, bit 1 = top half (T) */
    VFP_OP_COUNT
};
void arm_h_vfp_dp(arm_cpu *cpu, const arm_insn *i);
void arm_h_vfp_ldst(arm_cpu *cpu, const arm_insn *i);
void arm_h_vfp_ldstm(arm_cpu *cpu, const arm_insn *i);
void arm_h_vmov_sr(arm_cpu *cpu, const arm_insn *i);
void arm_h_vmov_2r(arm_cpu *cpu, const arm_insn *i);
void arm_h_vmov_scalar(arm_cpu *cpu, const arm_insn *i);
void arm_h_vdup_r(arm_cpu *cpu, const arm_insn *i);
void arm_h_vmrs(arm_cpu *cpu, const arm_insn *i);
void arm_h_vmsr(arm_cpu *cpu, const arm_insn *i);

/* Disassembly of a VFP/Advanced SIMD instruction decoded into i (UAL).
 * Returns the number of characters written. */
int arm_vfp_format(const arm_insn *i, char *buf, size_t len);

#ifdef __cplusplus
}
#endif

#endif /* VFP_INTERNAL_H */
