/*
 * modes.c - modes, exceptions and banked registers (MMU off):
 *   - SVC from User and Supervisor mode, A32 and T32: arguments and results
 *     through r0-r3, SPSR, LR = next instruction (ARM ARM B1.8.3);
 *   - undefined instructions (A32 UDF, T32 16- and 32-bit UDF, CP15 access
 *     at PL0, TPIDRURO write at PL0): Undefined mode, LR = insn + 4 (A32) or
 *     + 2 (T32, also for 32-bit instructions), return past the instruction;
 *   - FIQ's banked r8-r12, SP/LR/SPSR of every mode, SPSR_svc;
 *   - SRS (with and without write-back), RFE (to A32 and T32 code), STM/LDM
 *     of the User registers (^), LDM with PC and ^, SUBS pc, lr;
 *   - CPS in privileged modes, and CPS/MSR in User mode (mask and mode
 *     writes ignored, flags written).
 * The instruction sequences are in modes_asm.S (fixed A32/T32), so every
 * build prints the same. The golden output is qemu-system-arm's.
 */
#include "rt/sys.h"

uint32_t modes_svc_a32(uint32_t a);
uint32_t modes_svc_t32(uint32_t a);
uint32_t modes_udf_a32(uint32_t a);
uint32_t modes_udf_t16(uint32_t a);
uint32_t modes_udf_t32(uint32_t a);
uint32_t modes_mrc_sctlr(uint32_t a);
uint32_t modes_tpidr(uint32_t a);
void modes_fiq_bank(uint32_t out[10]);
void modes_bank_write(uint32_t mode, const uint32_t v[3]);
void modes_bank_read(uint32_t mode, uint32_t v[3]);
uint32_t modes_spsr_svc(uint32_t v);
void modes_srs(uint32_t out[6]);
void modes_rfe(uint32_t out[4]);
void modes_user_bank(uint32_t out[6]);
uint32_t modes_subs(void);
void modes_cps(uint32_t out[6]);
uint32_t modes_user_cps(uint32_t out);
extern volatile uint32_t modes_label;
extern volatile uint32_t modes_svc_regs[4];

/* What the last exception recorded. */
static volatile struct {
    unsigned n;
    uint32_t kind, spsr, lr, handler_mode, insn, enc;
} tr;

int test_trap(unsigned kind, struct sys_frame *f)
{
    tr.n++;
    tr.kind = kind;
    tr.spsr = f->spsr;
    tr.lr = f->lr;
    tr.handler_mode = sys_cpsr() & 0x1F;
    tr.insn = sys_insn_addr(kind, f);
    if (f->spsr & SYS_CPSR_T) {
        const volatile uint16_t *p = (const volatile uint16_t *)tr.insn;
        tr.enc = sys_insn_size(tr.insn, f->spsr) == 4 ? ((uint32_t)p[0] << 16) | p[1] : p[0];
    } else {
        tr.enc = *(const volatile uint32_t *)tr.insn;
    }
    if (kind == SYS_SVC) {
        uint32_t imm = (f->spsr & SYS_CPSR_T) ? (tr.enc & 0xFF) : (tr.enc & 0xFFFFFF);
        if (imm != 0x42)
            return 0;
        /* r0 = sum of r0-r3, r1 = immediate, r2 = caller's mode, r3 = ours */
        f->r[0] = f->r[0] + f->r[1] + f->r[2] + f->r[3];
        f->r[1] = imm;
        f->r[2] = f->spsr & 0x1F;
        f->r[3] = sys_cpsr() & 0x1F;
        return 1; /* LR is already the next instruction */
    }
    if (kind == SYS_UND) {
        sys_skip(kind, f);
        return 1;
    }
    return 0;
}

static void reset(void)
{
    tr.n = 0;
    tr.kind = tr.spsr = tr.lr = tr.handler_mode = tr.insn = tr.enc = 0;
    modes_label = 0;
}

/* Checks common to every synchronous exception case. `lr_off` is LR minus
 * the address of the instruction (B1.8.3 table B1-7). */
static void check_trap(unsigned kind, uint32_t handler_mode, uint32_t from_mode, uint32_t thumb,
                       uint32_t lr_off, uint32_t enc)
{
    sys_check_dec("  exceptions", tr.n, 1);
    sys_check_dec("  kind", tr.kind, kind);
    sys_check("  handler mode", tr.handler_mode, handler_mode);
    sys_check("  SPSR.M", tr.spsr & 0x1F, from_mode);
    sys_check_dec("  SPSR.T", (tr.spsr >> 5) & 1, thumb);
    sys_check("  LR - insn", tr.lr - modes_label, lr_off);
    if (enc)
        sys_check("  encoding", tr.enc, enc);
}

static const uint32_t bank_modes[5] = {SYS_MODE_FIQ, SYS_MODE_IRQ, SYS_MODE_ABT, SYS_MODE_UND,
                                       SYS_MODE_SYS};

int main(void)
{
    uint32_t out[10], r;
    sys_section("modes: exceptions, banked registers, SRS/RFE, LDM/STM ^, CPS");

    sys_section("SVC");
    reset();
    r = sys_run_user(modes_svc_a32, 1, SYS_USER_SP);
    sys_printf("SVC #0x42 from User, A32\n");
    sys_check("  r0 (sum of r0-r3)", r, 10);
    sys_check("  r1 (immediate)", modes_svc_regs[1], 0x42);
    sys_check("  r2 (caller's mode)", modes_svc_regs[2], SYS_MODE_USR);
    sys_check("  r3 (handler's mode)", modes_svc_regs[3], SYS_MODE_SVC);
    check_trap(SYS_SVC, SYS_MODE_SVC, SYS_MODE_USR, 0, 4, 0xEF000042u);
    reset();
    r = sys_run_user(modes_svc_t32, 2, SYS_USER_SP);
    sys_printf("SVC #0x42 from User, T32\n");
    sys_check("  r0 (sum of r0-r3)", r, 11);
    sys_check("  r2 (caller's mode)", modes_svc_regs[2], SYS_MODE_USR);
    check_trap(SYS_SVC, SYS_MODE_SVC, SYS_MODE_USR, 1, 2, 0xDF42u);
    reset();
    r = modes_svc_a32(5);
    sys_printf("SVC #0x42 from Supervisor, A32\n");
    sys_check("  r0 (sum of r0-r3)", r, 14);
    sys_check("  r2 (caller's mode)", modes_svc_regs[2], SYS_MODE_SVC);
    check_trap(SYS_SVC, SYS_MODE_SVC, SYS_MODE_SVC, 0, 4, 0xEF000042u);
    reset();
    r = modes_svc_t32(6);
    sys_printf("SVC #0x42 from Supervisor, T32\n");
    sys_check("  r0 (sum of r0-r3)", r, 15);
    check_trap(SYS_SVC, SYS_MODE_SVC, SYS_MODE_SVC, 1, 2, 0xDF42u);

    sys_section("undefined instructions");
    reset();
    r = modes_udf_a32(7);
    sys_printf("UDF #0x1234 (A32) from Supervisor\n");
    sys_check("  resumed after it, r0 kept", r, 7);
    check_trap(SYS_UND, SYS_MODE_UND, SYS_MODE_SVC, 0, 4, 0xE7F123F4u);
    reset();
    r = modes_udf_t16(8);
    sys_printf("UDF #0x56 (T32, 16-bit) from Supervisor\n");
    sys_check("  resumed after it, r0 kept", r, 8);
    check_trap(SYS_UND, SYS_MODE_UND, SYS_MODE_SVC, 1, 2, 0xDE56u);
    reset();
    r = modes_udf_t32(9);
    sys_printf("UDF.W #0x1234 (T32, 32-bit) from Supervisor\n");
    sys_check("  resumed after it, r0 kept", r, 9);
    check_trap(SYS_UND, SYS_MODE_UND, SYS_MODE_SVC, 1, 2, 0xF7F1A234u);
    reset();
    r = sys_run_user(modes_udf_t32, 10, SYS_USER_SP);
    sys_printf("UDF.W #0x1234 (T32, 32-bit) from User\n");
    sys_check("  resumed after it, r0 kept", r, 10);
    check_trap(SYS_UND, SYS_MODE_UND, SYS_MODE_USR, 1, 2, 0xF7F1A234u);
    reset();
    r = sys_run_user(modes_udf_a32, 11, SYS_USER_SP);
    sys_printf("UDF #0x1234 (A32) from User\n");
    sys_check("  resumed after it, r0 kept", r, 11);
    check_trap(SYS_UND, SYS_MODE_UND, SYS_MODE_USR, 0, 4, 0xE7F123F4u);

    sys_section("CP15 at PL0");
    reset();
    r = sys_run_user(modes_mrc_sctlr, 0x77, SYS_USER_SP);
    sys_printf("MRC SCTLR from User is UNDEFINED\n");
    sys_check("  r0 unchanged", r, 0x77);
    check_trap(SYS_UND, SYS_MODE_UND, SYS_MODE_USR, 0, 4, 0xEE110F10u);
    reset();
    modes_mrc_sctlr(0);
    sys_printf("MRC SCTLR from Supervisor\n");
    sys_check_dec("  exceptions", tr.n, 0);
    SYS_MCR(0, c13, c0, 3, 0x7E57u); /* TPIDRURO */
    reset();
    r = sys_run_user(modes_tpidr, 0x1000, SYS_USER_SP);
    sys_printf("TPIDRURW write/read and TPIDRURO read from User; TPIDRURO write UNDEFINED\n");
    sys_check("  TPIDRURW + TPIDRURO", r, 0x1000 + 0x7E57);
    check_trap(SYS_UND, SYS_MODE_UND, SYS_MODE_USR, 0, 4, 0xEE0D0F70u);
    sys_check("  TPIDRURO afterwards", SYS_MRC(0, c13, c0, 3), 0x7E57);
    sys_check("  TPIDRURW afterwards", SYS_MRC(0, c13, c0, 2), 0x1000);

    sys_section("banked registers");
    modes_fiq_bank(out);
    for (int i = 0; i < 5; i++) {
        static const char *const sys_nm[5] = {"  System r8", "  System r9", "  System r10",
                                              "  System r11", "  System r12"};
        static const char *const fiq_nm[5] = {"  FIQ r8", "  FIQ r9", "  FIQ r10", "  FIQ r11",
                                              "  FIQ r12"};
        uint32_t b = 0x08080808u + (uint32_t)i * 0x01010101u;
        sys_check(sys_nm[i], out[i], b);
        sys_check(fiq_nm[i], out[5 + i], 0xF0F0F0F0u | b);
    }
    {
        uint32_t saved[5][3], v[3];
        for (int i = 0; i < 5; i++)
            modes_bank_read(bank_modes[i], saved[i]);
        for (int i = 0; i < 5; i++) {
            v[0] = 0x5B000000u | bank_modes[i];
            v[1] = 0x1E000000u | bank_modes[i];
            v[2] = ((uint32_t)(i + 1) << 28) | 0x000A01D0u;
            modes_bank_write(bank_modes[i], v);
        }
        uint32_t got[5][3];
        for (int i = 0; i < 5; i++)
            modes_bank_read(bank_modes[i], got[i]);
        for (int i = 0; i < 5; i++)
            modes_bank_write(bank_modes[i], saved[i]);
        for (int i = 0; i < 5; i++) {
            sys_printf("mode 0x%x\n", (unsigned)bank_modes[i]);
            sys_check("  SP", got[i][0], 0x5B000000u | bank_modes[i]);
            sys_check("  LR", got[i][1], 0x1E000000u | bank_modes[i]);
            sys_check("  SPSR", got[i][2],
                      bank_modes[i] == SYS_MODE_SYS ? 0 : ((uint32_t)(i + 1) << 28) | 0x000A01D0u);
        }
    }
    sys_check("SPSR_svc write/read", modes_spsr_svc(0x980F01F3u), 0x980F01F3u);

    sys_section("SRS, RFE");
    modes_srs(out);
    sys_check("SRSDB sp!, #SYS from SVC: SP_sys moved by", out[0], 8);
    sys_check("  stored LR_svc", out[1], 0x1E5C0DE0u);
    sys_check("  stored SPSR_svc", out[2], 0xA00001DFu);
    sys_check("SRSDB sp, #SVC from UND: stored LR_und", out[3], 0x0DDC0DE4u);
    sys_check("  stored SPSR_und", out[4], 0x500001D3u);
    sys_check("  SP_svc moved by", out[5], 0);
    modes_rfe(out);
    sys_check("RFEIA r1! to A32: CPSR", out[0], 0xF00001DFu);
    sys_check("  r1 moved by", out[1], 8);
    /* MRS reads CPSR with T as 0 (ARM ARM, MRS in B9.3); the code that
     * stored it ran in T32 state. */
    sys_check("RFEDB r1 to T32 (CPSR 0x300001ff): CPSR read by MRS", out[2], 0x300001DFu);
    sys_check("  r1 moved by", out[3], 0);

    sys_section("LDM/STM ^, exception returns");
    modes_user_bank(out);
    sys_check("STMIA {sp, lr}^: User SP", out[0], 0x05B05B00u);
    sys_check("  User LR", out[1], 0x01E01E00u);
    sys_check("LDMIA {sp, lr}^: SP_svc moved by", out[2], 0);
    sys_check("  User SP", out[3], 0x05B05B10u);
    sys_check("  User LR", out[4], 0x01E01E10u);
    sys_check("LDMIA {r2, pc}^: CPSR", out[5], 0x800001DFu);
    sys_check("SUBS pc, lr, #4: CPSR", modes_subs(), 0x400001DFu);

    sys_section("CPS");
    modes_cps(out);
    sys_check("CPSIE aif: CPSR[8:0]", out[0] & 0x1FF, 0x013);
    sys_check("CPSID aif", out[1] & 0x1FF, 0x1D3);
    sys_check("CPSIE f", out[2] & 0x1FF, 0x193);
    sys_check("CPS #0x1f", out[3] & 0x1FF, 0x1DF);
    sys_check("CPSID i, #0x1b", out[4] & 0x1FF, 0x1DB);
    sys_check("CPSIE a, #0x13", out[5] & 0x1FF, 0x0D3);
    sys_check("back in Supervisor: CPSR[8:0]", sys_cpsr() & 0x1FF, 0x1D3);
    reset();
    sys_run_user(modes_user_cps, (uint32_t)out, SYS_USER_SP);
    sys_check("User CPSIE aif: CPSR (no effect)", out[0], 0x000001D0u);
    sys_check("User CPS #0x13 (no effect)", out[1], 0x000001D0u);
    sys_check("User MSR CPSR_c, #0x13 (ignored)", out[2], 0x000001D0u);
    sys_check("User MSR CPSR_f, #0xf0000000", out[3], 0xF00001D0u);
    sys_check_dec("  exceptions", tr.n, 0);

    sys_finish();
}
