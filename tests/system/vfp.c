/*
 * vfp.c - the VFP gated by CPACR and FPEXC.EN, enabled lazily.
 *
 * VFP and Advanced SIMD instructions are UNDEFINED while CPACR does not
 * grant access to cp10/cp11 (ARM ARM B4.1.40) or while FPEXC.EN = 0
 * (FPEXC in B6.1); an operating system that switches VFP context lazily relies on
 * that. The Undefined Instruction handler here enables one gate at a time
 * (first CPACR, then FPEXC.EN) and returns to the same instruction, which
 * is retried: from the reset state the first VFP instruction traps twice.
 * Also: results of single/double (d16-d18, VFPv3-D32) additions, FPSCR
 * cumulative flags, traps from User mode and T32 state, and CPACR closing
 * the VFP again. Advanced SIMD instructions, gated the same way, are in
 * neon.c. The golden output is
 * qemu-system-arm's.
 */
#include "rt/sys.h"

uint32_t vfp_add_f32(uint32_t a, uint32_t b);
uint32_t vfp_add_f32_t32(uint32_t a, uint32_t b);
uint32_t vfp_add_f64(uint32_t a_hi, uint32_t b_hi);
uint32_t vfp_fpscr_flags(void);
uint32_t vfp_get_fpexc(void);
void vfp_set_fpexc(uint32_t v);
extern const char vfp_code_start[], vfp_code_end[];

#define CPACR_CP10_CP11 (0xFu << 20) /* full access to cp10 and cp11 */
#define FPEXC_EN (1u << 30)

/* What the traps recorded since vt_reset(). */
static volatile struct {
    unsigned n;
    uint32_t gate[4]; /* 1 = CPACR closed, 2 = FPEXC.EN = 0 */
    uint32_t insn[4], mode[4], thumb[4];
} vt;

static void vt_reset(void) { sys_memset((void *)&vt, 0, sizeof vt); }

int test_trap(unsigned kind, struct sys_frame *f)
{
    if (kind != SYS_UND)
        return 0;
    uint32_t insn = sys_insn_addr(kind, f);
    if (insn < (uint32_t)vfp_code_start || insn >= (uint32_t)vfp_code_end)
        return 0;
    unsigned k = vt.n++;
    if (k >= 4) { /* enabling did not help: give up on this instruction */
        sys_skip(kind, f);
        return 1;
    }
    vt.insn[k] = insn;
    vt.mode[k] = f->spsr & 0x1F;
    vt.thumb[k] = (f->spsr >> 5) & 1;
    uint32_t cpacr = SYS_MRC(0, c1, c0, 2);
    if ((cpacr & CPACR_CP10_CP11) != CPACR_CP10_CP11) {
        vt.gate[k] = 1;
        SYS_MCR(0, c1, c0, 2, cpacr | CPACR_CP10_CP11);
        sys_isb();
    } else {
        vt.gate[k] = 2;
        vfp_set_fpexc(vfp_get_fpexc() | FPEXC_EN);
    }
    f->lr = insn; /* retry it */
    return 1;
}

/* n traps with these gates, all at the instruction `off` bytes into fn
 * (its first VFP instruction), from `mode` in state `thumb`. */
static void check_traps(unsigned n, const uint32_t *gates, uint32_t fn, uint32_t off, uint32_t mode,
                        uint32_t thumb)
{
    sys_check_dec("  traps", vt.n, n);
    for (unsigned k = 0; k < n; k++) {
        sys_check_dec("  gate (1 CPACR, 2 FPEXC.EN)", vt.gate[k], gates[k]);
        sys_check("  at the first VFP instruction: offset", vt.insn[k] - (fn & ~1u), off);
        sys_check("  SPSR.M", vt.mode[k], mode);
        sys_check_dec("  SPSR.T", vt.thumb[k], thumb);
    }
}

static uint32_t user_add(uint32_t a) { return vfp_add_f32(a, 0x3F800000u); /* + 1.0 */ }

int main(void)
{
    static const uint32_t both[2] = {1, 2}, cpacr_only[1] = {1}, fpexc_only[1] = {2};
    sys_section("vfp: disabled, enabled lazily by the Undefined Instruction handler");
    sys_check("CPACR cp10/cp11 at reset", SYS_MRC(0, c1, c0, 2) & CPACR_CP10_CP11, 0);

    vt_reset();
    sys_printf("VADD.F32 1.5 + 2.25 from reset state\n");
    sys_check("  result", vfp_add_f32(0x3FC00000u, 0x40100000u), 0x40700000u);
    check_traps(2, both, (uint32_t)vfp_add_f32, 0, SYS_MODE_SVC, 0);
    sys_check("  FPEXC.EN", vfp_get_fpexc() & FPEXC_EN, FPEXC_EN);

    vt_reset();
    sys_printf("again, enabled\n");
    sys_check("  result", vfp_add_f32(0x40700000u, 0x3F800000u), 0x40980000u);
    check_traps(0, both, 0, 0, 0, 0);

    vt_reset();
    sys_printf("VADD.F64 1.0 + 2.0 in d16-d18\n");
    sys_check("  result, high word", vfp_add_f64(0x3FF00000u, 0x40000000u), 0x40080000u);
    check_traps(0, both, 0, 0, 0, 0);
    sys_check("FPSCR cumulative flags after 1/0, 0/0 (IOC, DZC)", vfp_fpscr_flags() & 0x9Fu, 0x3u);

    vfp_set_fpexc(0); /* a context switch: the next VFP user traps */
    vt_reset();
    sys_printf("FPEXC.EN = 0, VADD.F32 1.5 + 1.0 from User mode\n");
    sys_check("  result", sys_run_user(user_add, 0x3FC00000u, SYS_USER_SP), 0x40200000u);
    check_traps(1, fpexc_only, (uint32_t)vfp_add_f32, 0, SYS_MODE_USR, 0);

    vfp_set_fpexc(0);
    vt_reset();
    sys_printf("FPEXC.EN = 0, T32 VADD.F32 2.0 + 2.0\n");
    sys_check("  result", vfp_add_f32_t32(0x40000000u, 0x40000000u), 0x40800000u);
    check_traps(1, fpexc_only, (uint32_t)vfp_add_f32_t32, 0, SYS_MODE_SVC, 1);

    SYS_MCR(0, c1, c0, 2, 0); /* CPACR closes cp10/cp11, FPEXC.EN stays 1 */
    sys_isb();
    vt_reset();
    sys_printf("CPACR = 0 with FPEXC.EN = 1, VADD.F64 1.0 + 1.0\n");
    sys_check("  result, high word", vfp_add_f64(0x3FF00000u, 0x3FF00000u), 0x40000000u);
    check_traps(1, cpacr_only, (uint32_t)vfp_add_f64, 4, SYS_MODE_SVC, 0);
    sys_finish();
}
