/*
 * diff_unicorn_vfp.cc - differential test of the ISS's VFPv3-D32 and
 * Advanced SIMD instructions against Unicorn 2.0.1 (QEMU-derived,
 * UC_CPU_ARM_CORTEX_A9). Run as `diff_unicorn --vfp [options]`.
 *
 * Each sample: CPACR.cp10/cp11 = full access and FPEXC.EN = 1 in both
 * models, random core registers (bases point into the data region), random
 * D0-D31 drawn from a pool rich in NaNs (quiet and signalling, with
 * payloads), infinities, zeros, denormals, extreme normals and integers
 * near the conversion limits, a random FPSCR (rounding mode, FZ, DN, AHP,
 * cumulative flags, QC, NZCV; Len/Stride 0), then ONE instruction from the
 * classes below, in A32 (random condition) or T32 (VFP instructions also as
 * the last instruction of an IT block). Afterwards r0-r15,
 * CPSR, D0-D31, FPSCR and the data region are compared, and a trap must be
 * the same kind in both.
 *
 * Options: --seed N --count N --isa a32|t32|both --class NAME --verbose
 *          --max-report N --strict (no filtering of the unallocated
 *          encodings Unicorn executes)
 * Exit status 0 only if nothing mismatched (each mismatch prints a block
 * starting with "MISMATCH").
 *
 * Encodings that are UNPREDICTABLE or that this ISS leaves out are not
 * generated (counted per reason): VCVT fixed-point with frac_bits < 0,
 * VFP register lists past D31/S31 or empty, PC as base of stores or with
 * writeback, PC as a core operand, the same core register twice for a
 * transfer to core;
 * VMRS/VMSR of FPSID/MVFR (Unicorn's A9 model is r0p0, FPSID 0x41033090).
 *
 * Known deviations of Unicorn 2.0.1 (QEMU 5.0) from the ARM ARM, each
 * filtered under its own counted reason (printed at the end):
 *  - no alignment fault for unaligned VLDR/VSTR/VLDM/VSTM (MemA accesses,
 *    ARM ARM B2.4: always word-aligned);
 *  - the alignment qualifier of VLDn/VSTn (":64", ":128"...) is not
 *    checked (A8.8.320 etc.);
 *  - unallocated Advanced SIMD encodings executed (unallocated_uc_executes);
 *  - an UNDEFINED encoding whose condition fails is a NOP in Unicorn and
 *    UNDEFINED in the ISS (IMPLEMENTATION DEFINED, as in diff_unicorn.cc).
 */
#include <unicorn/unicorn.h>

#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "arm_internal.h"
#include "diff_unicorn_gen.h"

int diff_vfp_main(int argc, char **argv);

namespace {

struct Opts {
    uint64_t seed = 1, count = 200000;
    bool a32 = true, t32 = true, verbose = false;
    bool strict = false; /* --strict: report not-implemented encodings as mismatches */
    unsigned max_report = 20;
    std::string only;
};

/* ---- value pool ---- */
uint32_t special_single(DiffRng &r)
{
    static const uint32_t fixed[] = {
        0x00000000u, 0x80000000u, 0x7F800000u, 0xFF800000u, 0x3F800000u, 0xBF800000u,
        0x00800000u, 0x80800000u, 0x007FFFFFu, 0x00000001u, 0x7F7FFFFFu, 0xFF7FFFFFu,
        0x4F000000u, 0xCF000000u, 0x4F800000u, 0x4EFFFFFFu, 0x3F000000u, 0x3FC00000u,
        0x40200000u, 0xC0200000u, 0x3EAAAAABu, 0x47000000u, 0x46FFFE00u, 0x00400000u};
    switch (r.below(6)) {
    case 0: return fixed[r.below(sizeof fixed / sizeof fixed[0])];
    case 1: return (r.next() & 0x807FFFFFu) | 0x7FC00000u;                       /* qNaN */
    case 2: return ((r.next() & 0x803FFFFFu) | 0x7F800000u) | (r.below(2) ? 1u : 0u); /* sNaN */
    case 3: return r.next() & 0x807FFFFFu;                                       /* denormal */
    case 4: return (r.next() & 0x80FFFFFFu) | ((0x7Cu + r.below(8)) << 23);      /* near 1 */
    default: return r.next();
    }
}

uint64_t special_double(DiffRng &r)
{
    static const uint64_t fixed[] = {
        0x0000000000000000ull, 0x8000000000000000ull, 0x7FF0000000000000ull, 0xFFF0000000000000ull,
        0x3FF0000000000000ull, 0xBFF0000000000000ull, 0x0010000000000000ull, 0x000FFFFFFFFFFFFFull,
        0x0000000000000001ull, 0x7FEFFFFFFFFFFFFFull, 0x41E0000000000000ull, 0xC1E0000000000000ull,
        0x41EFFFFFFFE00000ull, 0x41DFFFFFFFC00000ull, 0x41F0000000000000ull, 0x3FE0000000000000ull,
        0x47EFFFFFE0000000ull, 0x36A0000000000000ull, 0x3810000000000000ull, 0x380FFFFFFFFFFFFFull};
    uint64_t hi = r.next(), lo = r.next(), v = (hi << 32) | lo;
    switch (r.below(6)) {
    case 0: return fixed[r.below(sizeof fixed / sizeof fixed[0])];
    case 1: return (v & 0x8007FFFFFFFFFFFFull) | 0x7FF8000000000000ull;
    case 2: return (v & 0x8003FFFFFFFFFFFFull) | 0x7FF0000000000001ull;
    case 3: return v & 0x800FFFFFFFFFFFFFull;
    case 4: return (v & 0x801FFFFFFFFFFFFFull) | ((uint64_t)(0x3F8u + r.below(16)) << 52);
    default: return v;
    }
}

/* ---- instruction classes (A32 forms; T32 = 1110 + bits 27:0) ---- */
struct Cls {
    const char *name;
    uint32_t mask, value; /* fixed bits (cond not included) */
};
const Cls kClasses[] = {
    {"vfp_arith3", 0x0F800E10u, 0x0E000A00u}, /* VMLA..VSUB: opc1 0x00-0x11 */
    {"vfp_div", 0x0FB00E50u, 0x0E800A00u},
    {"vfp_fused", 0x0FB00E10u, 0x0E900A00u},  /* VFNMA/VFNMS: UNDEFINED on VFPv3 */
    {"vfp_unary", 0x0FB00E50u, 0x0EB00A40u},  /* VMOV reg .. VCVT */
    {"vfp_vmov_imm", 0x0FB00EF0u, 0x0EB00A00u},
    {"vfp_vldr_vstr", 0x0F200E00u, 0x0D000A00u},
    {"vfp_vldm_vstm", 0x0E000E00u, 0x0C000A00u},
    {"vfp_vmov_sr", 0x0FE00F7Fu, 0x0E000A10u},
    {"vfp_vmov_2r", 0x0FE00ED0u, 0x0C400A10u},
    {"vfp_vmov_scalar", 0x0F100F1Fu, 0x0E000B10u},
    {"vfp_vmov_scalar_to_core", 0x0F100F1Fu, 0x0E100B10u},
    {"vfp_vdup", 0x0F900F5Fu, 0x0E800B10u},
    {"vfp_vmrs_vmsr", 0x0FEF0FFFu, 0x0EE10A10u},
    /* Advanced SIMD (cond field 1111) */
    {"neon_3same", 0xFE800000u, 0xF2000000u},
    {"neon_shift_imm", 0xFE800010u, 0xF2800010u},
    {"neon_3diff_scalar_ext", 0xFE800010u, 0xF2800000u},
    {"neon_2misc", 0xFFB00810u, 0xF3B00000u},
    {"neon_ldst", 0xFF100000u, 0xF4000000u},
};
const unsigned kNumClasses = sizeof kClasses / sizeof kClasses[0];

#define B(x, n) (((x) >> (n)) & 1u)
#define F(x, hi, lo) (((x) >> (lo)) & ((1u << ((hi) - (lo) + 1)) - 1))

/* nullptr = keep; "reject" = draw again (other space); other = counted skip */
const char *filter(const Cls &c, uint32_t x)
{
    std::string n = c.name;
    unsigned dp = B(x, 8);
    if (n == "vfp_unary") {
        unsigned opc2 = F(x, 19, 16);
        if (opc2 == 6 || opc2 == 9) return "reject";
        if (opc2 == 7 && !B(x, 7)) return "reject";
        if (opc2 == 5 && (B(x, 5) || F(x, 3, 0))) return "reject";
        if (opc2 >= 0xA && (opc2 & 2)) {
            unsigned size = B(x, 7) ? 32 : 16, imm = (F(x, 3, 0) << 1) | B(x, 5);
            if (imm > size) return "UNPREDICTABLE: VCVT fixed frac_bits < 0 (A8.8.309)";
        }
        return nullptr;
    }
    if (n == "vfp_vldr_vstr") {
        if (F(x, 19, 16) == 15 && !B(x, 20)) return "harness: VSTR to PC-relative (code region)";
        return nullptr;
    }
    if (n == "vfp_vldm_vstm") {
        unsigned p = B(x, 24), u = B(x, 23), w = B(x, 21), imm8 = F(x, 7, 0);
        unsigned d = dp ? (B(x, 22) << 4) | F(x, 15, 12) : (F(x, 15, 12) << 1) | B(x, 22);
        unsigned regs = dp ? imm8 / 2 : imm8;
        if (p == u || (p && !w)) return "reject";
        if (regs == 0 || regs > (dp ? 16u : 32u) || d + regs > 32)
            return "UNPREDICTABLE: VLDM/VSTM register list (A8.8.332)";
        if (F(x, 19, 16) == 15) return "UNPREDICTABLE: VLDM/VSTM with PC base (A8.8.332)";
        if (dp && (imm8 & 1)) return "deprecated FLDMX/FSTMX";
        return nullptr;
    }
    if (n == "vfp_vmov_sr") return F(x, 15, 12) == 15 ? "UNPREDICTABLE: PC operand" : nullptr;
    if (n == "vfp_vmov_2r") {
        unsigned t = F(x, 15, 12), t2 = F(x, 19, 16), m = dp ? 0 : ((F(x, 3, 0) << 1) | B(x, 5));
        if (t == 15 || t2 == 15) return "UNPREDICTABLE: PC operand";
        if (!dp && m == 31) return "UNPREDICTABLE: VMOV S31, S32 (A8.8.345)";
        if (B(x, 20) && t == t2) return "UNPREDICTABLE: VMOV to the same core register twice";
        return nullptr;
    }
    if (n == "vfp_vmov_scalar" || n == "vfp_vmov_scalar_to_core") {
        unsigned opc = (F(x, 22, 21) << 2) | F(x, 6, 5);
        if (F(x, 15, 12) == 15) return "UNPREDICTABLE: PC operand";
        if ((opc & 0xB) == 2) return "reject"; /* x010: UNDEFINED, other space */
        if (n == "vfp_vmov_scalar" && B(x, 23)) return "reject";
        if (n == "vfp_vmov_scalar_to_core" && B(x, 23) && !(opc & 8) && !(opc & 1)) return "reject";
        return nullptr;
    }
    if (n == "vfp_vdup") {
        if (F(x, 15, 12) == 15) return "UNPREDICTABLE: PC operand";
        if ((B(x, 22) << 1 | B(x, 5)) == 3) return "reject";
        if (B(x, 21) && B(x, 16)) return "reject";
        return nullptr;
    }
    if (n == "vfp_vmrs_vmsr") return F(x, 15, 12) == 15 && !B(x, 20) ? "UNPREDICTABLE: PC operand" : nullptr;
    return nullptr;
}

/* ---- the two models ---- */
struct State {
    uint32_t r[16], cpsr, fpscr;
    uint64_t d[32];
};

enum Trap { T_NONE, T_UNDEF, T_DABT, T_OTHER };
const char *trap_name(int t)
{
    static const char *const n[] = {"none", "UNDEF", "DABT", "other"};
    return n[t];
}

struct Iss {
    arm_cpu *cpu = nullptr;
    std::vector<uint8_t> mem;
    int exc = -1;
    static arm_bus_status rd(void *, uint32_t, unsigned, uint32_t *v, uint32_t *) { *v = 0; return ARM_BUS_ERROR; }
    static arm_bus_status wr(void *, uint32_t, unsigned, uint32_t, uint32_t *) { return ARM_BUS_ERROR; }
    static arm_hook_result on_exc(void *o, arm_cpu *, arm_exception e, uint32_t) {
        static_cast<Iss *>(o)->exc = (int)e;
        return ARM_HOOK_STOP;
    }
    bool init() {
        mem.assign(DIFF_RAM_SIZE, 0);
        arm_bus bus{};
        bus.opaque = this;
        bus.read = rd;
        bus.write = wr;
        cpu = arm_cpu_new(&bus);
        if (!cpu || arm_cpu_add_ram(cpu, DIFF_RAM_BASE, DIFF_RAM_SIZE, mem.data(), 0) != 0) return false;
        arm_cpu_reset(cpu);
        arm_cpu_set_exception_hook(cpu, on_exc, this);
        return true;
    }
    int run(const State &in, uint32_t pc, State &out) {
        exc = -1;
        arm_cpu_set_cpsr(cpu, in.cpsr);
        for (unsigned i = 0; i < 15; i++) arm_cpu_set_reg(cpu, i, in.r[i]);
        arm_cpu_set_reg(cpu, 15, pc); /* CPSR.T selects the instruction set */
        cpu->cp15.cpacr = 0x00F00000u;
        cpu->fpexc = 1u << 30;
        cpu->fpscr = in.fpscr;
        memcpy(cpu->vfp_d, in.d, sizeof in.d);
        arm_stop_reason st = arm_cpu_step(cpu);
        for (unsigned i = 0; i < 16; i++) out.r[i] = arm_cpu_get_reg(cpu, i);
        out.cpsr = arm_cpu_get_cpsr(cpu);
        out.fpscr = cpu->fpscr;
        memcpy(out.d, cpu->vfp_d, sizeof out.d);
        if (st == ARM_STOP_HALT) { arm_cpu_reset(cpu); return T_OTHER; }
        if (exc == ARM_EXC_UNDEF) return T_UNDEF;
        if (exc == ARM_EXC_DABT) return T_DABT;
        if (exc >= 0) return T_OTHER;
        return T_NONE;
    }
};

struct Uc {
    uc_engine *uc = nullptr;
    std::vector<uint8_t> mem;
    int intno = -1;
    bool unmapped = false;
    static void on_intr(uc_engine *uc, uint32_t intno, void *user) {
        static_cast<Uc *>(user)->intno = (int)intno;
        uc_emu_stop(uc);
    }
    static bool on_unmapped(uc_engine *, uc_mem_type, uint64_t, int, int64_t, void *user) {
        static_cast<Uc *>(user)->unmapped = true;
        return false;
    }
    bool init() {
        mem.assign(DIFF_RAM_SIZE, 0);
        if (uc_open(UC_ARCH_ARM, UC_MODE_ARM, &uc) != UC_ERR_OK) return false;
        if (uc_ctl_set_cpu_model(uc, UC_CPU_ARM_CORTEX_A9) != UC_ERR_OK) return false;
        if (uc_mem_map_ptr(uc, DIFF_DATA_BASE, DIFF_DATA_SIZE, UC_PROT_READ | UC_PROT_WRITE,
                           mem.data() + (DIFF_DATA_BASE - DIFF_RAM_BASE)) != UC_ERR_OK)
            return false;
        if (uc_mem_map_ptr(uc, DIFF_CODE_BASE, DIFF_CODE_SIZE, UC_PROT_ALL,
                           mem.data() + (DIFF_CODE_BASE - DIFF_RAM_BASE)) != UC_ERR_OK)
            return false;
        uc_arm_cp_reg scr;
        memset(&scr, 0, sizeof scr);
        scr.cp = 15; scr.crn = 1; scr.crm = 1; /* SCR = 0: Secure, as the A9 resets */
        if (uc_reg_write(uc, UC_ARM_REG_CP_REG, &scr) != UC_ERR_OK) return false;
        uc_hook h;
        if (uc_hook_add(uc, &h, UC_HOOK_INTR, (void *)on_intr, this, 1, 0) != UC_ERR_OK) return false;
        if (uc_hook_add(uc, &h, UC_HOOK_MEM_UNMAPPED, (void *)on_unmapped, this, 1, 0) != UC_ERR_OK) return false;
        /* stop at the next instruction through an exit address (a count of 1
         * mis-handles a VFP instruction whose IT condition fails) */
        if (uc_ctl_exits_enable(uc) != UC_ERR_OK) return false;
        return true;
    }
    int run(const State &in, uint32_t pc, bool thumb, uint32_t size, State &out) {
        intno = -1;
        unmapped = false;
        uc_ctl_remove_cache(uc, pc, pc + size);
        uint32_t cpsr = in.cpsr;
        uc_reg_write(uc, UC_ARM_REG_CPSR, &cpsr);
        for (int i = 0; i < 13; i++) uc_reg_write(uc, UC_ARM_REG_R0 + i, &in.r[i]);
        uc_reg_write(uc, UC_ARM_REG_R13, &in.r[13]);
        uc_reg_write(uc, UC_ARM_REG_R14, &in.r[14]);
        uc_arm_cp_reg cpacr;
        memset(&cpacr, 0, sizeof cpacr);
        cpacr.cp = 15; cpacr.crn = 1; cpacr.crm = 0; cpacr.opc2 = 2; cpacr.val = 0x00F00000u;
        uc_reg_write(uc, UC_ARM_REG_CP_REG, &cpacr);
        uint32_t fpexc = 1u << 30, fpscr = in.fpscr;
        uc_reg_write(uc, UC_ARM_REG_FPEXC, &fpexc);
        uc_reg_write(uc, UC_ARM_REG_FPSCR, &fpscr);
        for (int i = 0; i < 32; i++) uc_reg_write(uc, UC_ARM_REG_D0 + i, &in.d[i]);
        uint64_t exits[1] = {pc + size};
        uc_ctl_remove_cache(uc, exits[0], exits[0] + 4);
        uc_ctl_set_exits(uc, exits, 1);
        uc_err err = uc_emu_start(uc, pc | (thumb ? 1u : 0u), 0, 0, 0);
        for (int i = 0; i < 13; i++) uc_reg_read(uc, UC_ARM_REG_R0 + i, &out.r[i]);
        uc_reg_read(uc, UC_ARM_REG_R13, &out.r[13]);
        uc_reg_read(uc, UC_ARM_REG_R14, &out.r[14]);
        uc_reg_read(uc, UC_ARM_REG_R15, &out.r[15]);
        uc_reg_read(uc, UC_ARM_REG_CPSR, &out.cpsr);
        uc_reg_read(uc, UC_ARM_REG_FPSCR, &out.fpscr);
        for (int i = 0; i < 32; i++) uc_reg_read(uc, UC_ARM_REG_D0 + i, &out.d[i]);
        if (err == UC_ERR_INSN_INVALID || intno == 1) return T_UNDEF;
        if (unmapped || err == UC_ERR_READ_UNMAPPED || err == UC_ERR_WRITE_UNMAPPED ||
            err == UC_ERR_READ_PROT || err == UC_ERR_WRITE_PROT || intno == 4)
            return T_DABT;
        if (err != UC_ERR_OK || intno >= 0) return T_OTHER;
        return T_NONE;
    }
};

/* A32 form -> T32 encoding (first halfword in bits 31:16), vfp_internal.h */
uint32_t to_t32(uint32_t x)
{
    if ((x & 0xFE000000u) == 0xF2000000u) return 0xEF000000u | ((x & 0x01000000u) << 4) | (x & 0x00FFFFFFu);
    if ((x & 0xFF100000u) == 0xF4000000u) return 0xF9000000u | (x & 0x00FFFFFFu);
    return 0xE0000000u | (x & 0x0FFFFFFFu);
}

uint32_t rand_reg(DiffRng &r)
{
    switch (r.below(4)) {
    case 0: return r.next();
    case 1: return r.below(2) ? r.below(64) : (uint32_t)-(int32_t)r.below(64);
    default: /* a pointer into the data region, mostly word aligned */
        return (DIFF_DATA_BASE + 0x400 + r.below(DIFF_DATA_SIZE - 0x800)) & (r.chance(95) ? ~3u : ~0u);
    }
}

bool cond_passed(uint32_t cond, uint32_t cpsr)
{
    bool n = cpsr >> 31, z = (cpsr >> 30) & 1, c = (cpsr >> 29) & 1, v = (cpsr >> 28) & 1, r;
    switch (cond >> 1) {
    case 0: r = z; break;
    case 1: r = c; break;
    case 2: r = n; break;
    case 3: r = v; break;
    case 4: r = c && !z; break;
    case 5: r = n == v; break;
    case 6: r = !z && n == v; break;
    default: r = true; break;
    }
    return (cond & 1) && cond != 15 ? !r : r;
}

/* Alignment in bytes required by the qualifier of a VLDn/VSTn (A7.7,
 * A8.8.320-331), 0 when none. */
unsigned neon_ls_alignment(uint32_t x)
{
    unsigned n = ((x >> 8) & 3) + 1;
    if (!((x >> 23) & 1)) {
        unsigned a = (x >> 4) & 3;
        return a ? 4u << a : 0;
    }
    if (((x >> 10) & 3) == 3) {
        unsigned size = (x >> 6) & 3, ab = (x >> 4) & 1;
        switch (n) {
        case 1: return ab ? 1u << size : 0;
        case 2: return ab ? 2u << size : 0;
        case 3: return 0;
        default: return size == 3 ? 16 : ab ? (size == 2 ? 8 : 4u << size) : 0;
        }
    }
    unsigned size = (x >> 10) & 3, ia = (x >> 4) & 15;
    switch (n) {
    case 1: return size == 1 ? ((ia & 1) ? 2 : 0) : size == 2 ? ((ia & 3) ? 4 : 0) : 0;
    case 2: return (ia & 1) ? 2u << size : 0;
    case 3: return 0;
    default: return size == 2 ? ((ia & 3) ? 4u << (ia & 3) : 0) : ((ia & 1) ? 4u << size : 0);
    }
}

bool neon_ls_align(uint32_t x, uint32_t base)
{
    if ((x >> 24) != 0xF4) return false;
    unsigned a = neon_ls_alignment(x);
    return a > 1 && (base & (a - 1));
}

/* VLDn/VSTn whose last register is past D31 (UNPREDICTABLE, A8.8.320-331). */
bool neon_ls_past_d31(uint32_t x)
{
    static const unsigned last[16] = {4, 7, 4, 4, 3, 5, 3, 1, 2, 3, 2, 0, 0, 0, 0, 0};
    unsigned d = ((x >> 22) & 1) << 4 | ((x >> 12) & 15), n = ((x >> 8) & 3) + 1, inc;
    if ((x >> 24) != 0xF4) return false;
    if (!((x >> 23) & 1)) return d + last[(x >> 8) & 15] > 32;
    if (((x >> 10) & 3) == 3) { /* all lanes: T doubles the spacing (VLD1: two registers) */
        inc = ((x >> 5) & 1) ? 2 : 1;
        return n == 1 ? d + inc > 32 : d + (n - 1) * inc + 1 > 32;
    }
    unsigned size = (x >> 10) & 3, ia = (x >> 4) & 15;
    inc = size == 1 ? ((ia & 2) ? 2 : 1) : size == 2 ? ((ia & 4) ? 2 : 1) : 1;
    if (n == 1) inc = 1;
    return d + (n - 1) * inc + 1 > 32;
}

/* Unallocated encodings (UNDEFINED, ARM ARM A7.4.1 Table A7-8 and A7.4.2
 * Table A7-10) that Unicorn 2.0.1 executes: 3 registers same length with
 * A = 1101, B = 1, U = 1, C = 1x (only C = 0x is VMUL.F32); 3 registers of
 * different lengths with A = 1101 and U = 1 (VQDMULL needs U = 0). */
bool unallocated_uc_executes(uint32_t x)
{
    if ((x & 0xFE000000u) != 0xF2000000u || !((x >> 24) & 1)) return false;
    unsigned a = (x >> 8) & 15;
    if (a != 0xD) return false;
    if (!((x >> 23) & 1)) return ((x >> 4) & 1) && ((x >> 21) & 1);            /* 3 same */
    return ((x >> 20) & 3) != 3 && !((x >> 4) & 1) && !((x >> 6) & 1);          /* 3 different */
}

/* VZIP/VUZP/VTRN with Vd == Vm: UNPREDICTABLE (A8.8.419/420/421). */
bool neon_zip_same(uint32_t x)
{
    if ((x & 0xFFB30810u) != 0xF3B20000u) return false;
    unsigned b = (x >> 7) & 15;
    unsigned d = ((x >> 22) & 1) << 4 | ((x >> 12) & 15), m = ((x >> 5) & 1) << 4 | (x & 15);
    return b >= 1 && b <= 3 && d == m;
}

struct ClassStat {
    uint64_t run = 0, traps = 0, mism = 0;
};

} // namespace

int diff_vfp_main(int argc, char **argv)
{
    Opts o;
    for (int i = 1; i < argc; i++) {
        std::string a = argv[i];
        auto next = [&]() -> const char * {
            if (i + 1 >= argc) { fprintf(stderr, "diff_unicorn --vfp: %s needs a value\n", a.c_str()); exit(2); }
            return argv[++i];
        };
        if (a == "--seed") o.seed = strtoull(next(), nullptr, 0);
        else if (a == "--count") o.count = strtoull(next(), nullptr, 0);
        else if (a == "--max-report") o.max_report = (unsigned)strtoul(next(), nullptr, 0);
        else if (a == "--verbose") o.verbose = true;
        else if (a == "--strict") o.strict = true;
        else if (a == "--class") o.only = next();
        else if (a == "--isa") {
            std::string v = next();
            if (v == "a32") o.t32 = false;
            else if (v == "t32") o.a32 = false;
            else if (v != "both") { fprintf(stderr, "bad --isa\n"); return 2; }
        } else {
            fprintf(stderr, "usage: diff_unicorn --vfp [--seed N] [--count N] [--isa a32|t32|both] "
                            "[--class NAME] [--verbose] [--max-report N]\n");
            return 2;
        }
    }
    Iss iss;
    Uc uc;
    if (!iss.init() || !uc.init()) {
        fprintf(stderr, "diff_unicorn --vfp: cannot set up the models\n");
        return 2;
    }
    DiffRng rng(o.seed);
    std::vector<uint8_t> data(DIFF_DATA_SIZE);
    for (auto &b : data) b = (uint8_t)rng.next();
    /* put FP specials into the data region too */
    for (unsigned k = 0; k < DIFF_DATA_SIZE / 4; k += 3) {
        uint32_t v = special_single(rng);
        memcpy(&data[4 * k], &v, 4);
    }
    std::map<std::string, ClassStat> stats;
    std::map<std::string, uint64_t> skips;
    uint64_t mismatches = 0, compared = 0;
    for (uint64_t n = 0; n < o.count; n++) {
        bool thumb = o.t32 && (!o.a32 || (n & 1));
        const Cls *c;
        uint32_t x;
        const char *why;
        for (;;) {
            c = &kClasses[rng.below(kNumClasses)];
            if (!o.only.empty() && o.only != c->name) continue;
            x = (rng.next() & ~c->mask) | c->value;
            if ((c->value >> 28) != 0xF) {
                x &= 0x0FFFFFFFu;
                uint32_t cond = rng.chance(70) || thumb ? 14u : rng.below(15);
                x |= cond << 28;
            } else if (rng.chance(75)) {
                x &= ~0x00011001u; /* even Vd/Vn/Vm: Q forms are valid */
            }
            if (!strcmp(c->name, "neon_ldst")) {
                /* mostly no writeback / writeback by size; base register r0-r12 */
                if (rng.chance(60)) x = (x & ~0xFu) | (rng.chance(50) ? 15u : 13u);
                x = (x & ~0x000F0000u) | (rng.below(13) << 16);
            }
            if (!strcmp(c->name, "vfp_vldm_vstm")) {
                /* short lists that fit (a random imm8 is almost always too long) */
                unsigned dp = (x >> 8) & 1, k = 1 + rng.below(dp ? 4 : 8);
                x = (x & ~0xFFu) | (dp ? 2 * k : k);
                if (rng.chance(50)) x = (x & ~0x004FF000u) | ((rng.below(32 - (dp ? 2 * k : k))) << 12);
            }
            why = filter(*c, x);
            if (!why && neon_zip_same(x)) why = "UNPREDICTABLE: VZIP/VUZP/VTRN with Vd == Vm (A8.8.419)";
            if (!why && neon_ls_past_d31(x)) why = "UNPREDICTABLE: VLDn/VSTn register list past D31 (A8.8.320)";
            if (why && !strcmp(why, "reject")) continue;
            break;
        }
        if (why) { skips[why]++; continue; }
        ClassStat &cs = stats[std::string(thumb ? "t32/" : "a32/") + c->name];
        cs.run++;
        State in;
        for (int i = 0; i < 15; i++) in.r[i] = rand_reg(rng);
        in.r[15] = 0;
        if (strstr(c->name, "ld") && rng.chance(90)) /* loads/stores: base mostly a data pointer */
            in.r[(x >> 16) & 15] = (DIFF_DATA_BASE + 0x400 + rng.below(DIFF_DATA_SIZE - 0x800)) &
                                   (rng.chance(70) ? ~7u : ~0u);
        for (int i = 0; i < 32; i++)
            in.d[i] = rng.below(2) ? special_double(rng)
                                   : ((uint64_t)special_single(rng) << 32) | special_single(rng);
        in.fpscr = (rng.next() & 0xF000009Fu) | (rng.below(4) << 22) |
                   (rng.chance(25) ? (1u << 24) : 0) | (rng.chance(25) ? (1u << 25) : 0) |
                   (rng.chance(25) ? (1u << 26) : 0); /* FZ, DN, AHP */
        uint32_t mode = rng.chance(80) ? ARM_MODE_USR : ARM_MODE_SVC;
        in.cpsr = mode | (rng.next() & 0xF0000000u) | (thumb ? ARM_CPSR_T : 0) | ARM_CPSR_I |
                  ARM_CPSR_F | ARM_CPSR_A;
        if (thumb && (x >> 28) != 0xF && rng.chance(30)) {
            /* the last instruction of an IT block: ITSTATE = firstcond:1000 */
            uint32_t its = (rng.below(14) << 4) | 8;
            in.cpsr |= ((its & 3u) << 25) | ((its >> 2) << 10);
        }
        uint32_t pc = DIFF_CODE_PC, size = 4;
        /* code: the instruction, then UDF */
        memcpy(&iss.mem[DIFF_DATA_BASE - DIFF_RAM_BASE], data.data(), DIFF_DATA_SIZE);
        memcpy(&uc.mem[DIFF_DATA_BASE - DIFF_RAM_BASE], data.data(), DIFF_DATA_SIZE);
        uint32_t words[2];
        if (thumb) {
            uint32_t t = to_t32(x);
            words[0] = (t >> 16) | (t << 16); /* first halfword at the lower address */
            words[1] = 0xDEFEDEFEu;
        } else {
            words[0] = x;
            words[1] = 0xE7F000F0u;
        }
        memcpy(&iss.mem[pc - DIFF_RAM_BASE], words, 8);
        memcpy(&uc.mem[pc - DIFF_RAM_BASE], words, 8);
        State a, b;
        int ta = iss.run(in, pc, a);
        int tb = uc.run(in, pc, thumb, size, b);
        bool same = ta == tb;
        std::string what;
        /* Counted deviations (see the file comment). */
        if (ta == T_UNDEF && tb == T_NONE && !thumb && (x >> 28) < 14 &&
            !cond_passed(x >> 28, in.cpsr)) {
            skips["IMPLEMENTATION DEFINED: UNDEFINED encoding with a failing condition "
                  "(ISS: UNDEF, Unicorn: NOP)"]++;
            cs.run--;
            continue;
        }
        if (ta == T_DABT && tb == T_NONE && (in.r[(x >> 16) & 15] & 3) &&
            (!strcmp(c->name, "vfp_vldr_vstr") || !strcmp(c->name, "vfp_vldm_vstm"))) {
            skips["Unicorn 2.0.1: no alignment fault for unaligned VLDR/VSTR/VLDM/VSTM "
                  "(MemA, ARM ARM A8.8.333, B2.4.x)"]++;
            cs.run--;
            continue;
        }
        if (same && ta == T_NONE) {
            for (int i = 0; i < 16; i++)
                if (a.r[i] != b.r[i]) { same = false; what += " r" + std::to_string(i); }
            if (a.cpsr != b.cpsr) { same = false; what += " cpsr"; }
            if (a.fpscr != b.fpscr) { same = false; what += " fpscr"; }
            for (int i = 0; i < 32; i++)
                if (a.d[i] != b.d[i]) { same = false; what += " d" + std::to_string(i); }
            if (memcmp(&iss.mem[DIFF_DATA_BASE - DIFF_RAM_BASE], &uc.mem[DIFF_DATA_BASE - DIFF_RAM_BASE],
                       DIFF_DATA_SIZE)) { same = false; what += " memory"; }
        }
        if (!same && ta == T_DABT && tb == T_NONE && neon_ls_align(x, in.r[(x >> 16) & 15])) {
            skips["Unicorn 2.0.1: alignment qualifier of VLDn/VSTn not checked (ARM ARM A8.8.320)"]++;
            cs.run--;
            continue;
        }
        if (!same && !o.strict && ta == T_UNDEF && tb == T_NONE && unallocated_uc_executes(x)) {
            skips["Unicorn 2.0.1 executes unallocated Advanced SIMD encodings: 3 same A=1101 B=1 "
                  "U=1 C=1x (A7.4.1), 3 different lengths A=1101 U=1 (A7.4.2)"]++;
            cs.run--;
            continue;
        }
        if (ta != T_NONE && same) cs.traps++;
        compared++;
        if (!same) {
            cs.mism++;
            mismatches++;
            if (mismatches <= o.max_report) {
                char dis[96];
                arm_disasm(pc, thumb ? to_t32(x) : x, 4, thumb, dis, sizeof dis);
                printf("MISMATCH %s %s 0x%08x  %s\n  trap iss=%s unicorn=%s; differs:%s\n", thumb ? "t32" : "a32",
                       c->name, thumb ? to_t32(x) : x, dis, trap_name(ta),
                       trap_name(tb), what.c_str());
                printf("  in: fpscr %08x cpsr %08x", in.fpscr, in.cpsr);
                for (int i = 0; i < 32; i++)
                    if (a.d[i] != b.d[i] || a.d[i] != in.d[i])
                        printf("\n  d%-2d in %016" PRIx64 " iss %016" PRIx64 " uc %016" PRIx64, i, in.d[i], a.d[i],
                               b.d[i]);
                printf("\n  fpscr iss %08x uc %08x\n", a.fpscr, b.fpscr);
                for (int i = 0; i < 16; i++)
                    if (a.r[i] != b.r[i]) printf("  r%d in %08x iss %08x uc %08x\n", i, in.r[i], a.r[i], b.r[i]);
            }
        }
    }
    printf("diff_unicorn --vfp: seed %" PRIu64 ", %" PRIu64 " samples compared, %" PRIu64 " mismatches\n", o.seed,
           compared, mismatches);
    printf("%-34s %10s %10s %10s\n", "class", "compared", "traps", "mismatch");
    for (auto &kv : stats)
        printf("%-34s %10" PRIu64 " %10" PRIu64 " %10" PRIu64 "\n", kv.first.c_str(), kv.second.run, kv.second.traps,
               kv.second.mism);
    printf("not generated (UNPREDICTABLE / not modelled / harness):\n");
    for (auto &kv : skips) printf("  %8" PRIu64 "  %s\n", kv.second, kv.first.c_str());
    return mismatches ? 1 : 0;
}
