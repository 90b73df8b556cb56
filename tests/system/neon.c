/*
 * neon.c - Advanced SIMD instructions gated like the VFP: UNDEFINED while
 * CPACR does not grant cp10/cp11 or FPEXC.EN = 0 (ARM ARM B4.1.40, FPEXC
 * in B6.1), enabled lazily by the Undefined Instruction handler, which
 * opens one gate per trap and retries the instruction. Results of VLD1,
 * VMLA.I32, VST1, VPADD, VDUP, VADD.I32 and VMOV (scalar) check that the
 * retried instructions ran. The golden output is qemu-system-arm's.
 */
#include "rt/sys.h"

uint32_t neon_mla(const uint32_t *a, const uint32_t *b, uint32_t *out);
uint32_t neon_dup_add(uint32_t a, uint32_t b);
uint32_t neon_dup_add_t32(uint32_t a, uint32_t b);
uint32_t neon_get_fpexc(void);
void neon_set_fpexc(uint32_t v);
extern const char neon_code_start[], neon_code_end[];

#define CPACR_CP10_CP11 (0xFu << 20)
#define FPEXC_EN (1u << 30)

static volatile struct {
    unsigned n;
    uint32_t gate[4], insn[4], mode[4], thumb[4];
} nt;

static void nt_reset(void) { sys_memset((void *)&nt, 0, sizeof nt); }

int test_trap(unsigned kind, struct sys_frame *f)
{
    if (kind != SYS_UND)
        return 0;
    uint32_t insn = sys_insn_addr(kind, f);
    if (insn < (uint32_t)neon_code_start || insn >= (uint32_t)neon_code_end)
        return 0;
    unsigned k = nt.n++;
    if (k >= 4) { /* enabling did not help: skip the instruction */
        sys_skip(kind, f);
        return 1;
    }
    nt.insn[k] = insn;
    nt.mode[k] = f->spsr & 0x1F;
    nt.thumb[k] = (f->spsr >> 5) & 1;
    uint32_t cpacr = SYS_MRC(0, c1, c0, 2);
    if ((cpacr & CPACR_CP10_CP11) != CPACR_CP10_CP11) {
        nt.gate[k] = 1;
        SYS_MCR(0, c1, c0, 2, cpacr | CPACR_CP10_CP11);
        sys_isb();
    } else {
        nt.gate[k] = 2;
        neon_set_fpexc(neon_get_fpexc() | FPEXC_EN);
    }
    f->lr = insn; /* retry it */
    return 1;
}

static void check_traps(unsigned n, const uint32_t *gates, uint32_t fn, uint32_t mode,
                        uint32_t thumb)
{
    sys_check_dec("  traps", nt.n, n);
    for (unsigned k = 0; k < n; k++) {
        sys_check_dec("  gate (1 CPACR, 2 FPEXC.EN)", nt.gate[k], gates[k]);
        sys_check("  at the first instruction: offset", nt.insn[k] - (fn & ~1u), 0);
        sys_check("  SPSR.M", nt.mode[k], mode);
        sys_check_dec("  SPSR.T", nt.thumb[k], thumb);
    }
}

static uint32_t user_dup_add(uint32_t a) { return neon_dup_add(a, 100); }

int main(void)
{
    static const uint32_t both[2] = {1, 2}, cpacr_only[1] = {1}, fpexc_only[1] = {2};
    static const uint32_t a[4] = {1, 2, 3, 4}, b[4] = {10, 20, 30, 40};
    static uint32_t out[4];
    sys_section("neon: Advanced SIMD disabled, enabled lazily");

    nt_reset();
    sys_printf("VLD1/VMLA.I32/VST1/VPADD from reset state\n");
    sys_check("  lane sum", neon_mla(a, b, out), 11 + 42 + 93 + 164);
    static const char *const names[4] = {"  out[0] = a * b + a", "  out[1]", "  out[2]",
                                         "  out[3]"};
    for (unsigned i = 0; i < 4; i++)
        sys_check(names[i], out[i], a[i] * b[i] + a[i]);
    check_traps(2, both, (uint32_t)neon_mla, SYS_MODE_SVC, 0);

    nt_reset();
    sys_printf("VDUP/VADD.I32, enabled\n");
    sys_check("  lane 3", neon_dup_add(5, 7), 12);
    check_traps(0, both, 0, 0, 0);

    neon_set_fpexc(0);
    nt_reset();
    sys_printf("FPEXC.EN = 0, VDUP/VADD.I32 from User mode\n");
    sys_check("  lane 3", sys_run_user(user_dup_add, 23, SYS_USER_SP), 123);
    check_traps(1, fpexc_only, (uint32_t)neon_dup_add, SYS_MODE_USR, 0);

    neon_set_fpexc(0);
    nt_reset();
    sys_printf("FPEXC.EN = 0, T32 VDUP/VADD.I32\n");
    sys_check("  lane 3", neon_dup_add_t32(0x10000, 0x20000), 0x30000);
    check_traps(1, fpexc_only, (uint32_t)neon_dup_add_t32, SYS_MODE_SVC, 1);

    SYS_MCR(0, c1, c0, 2, 0);
    sys_isb();
    nt_reset();
    sys_printf("CPACR = 0 with FPEXC.EN = 1\n");
    sys_check("  lane 3", neon_dup_add(1, 2), 3);
    check_traps(1, cpacr_only, (uint32_t)neon_dup_add, SYS_MODE_SVC, 0);
    sys_finish();
}
