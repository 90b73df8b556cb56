/*
 * vectors.c - exception entry (ARM ARM B1.8): the CPSR a handler starts
 * with (mode and which of A/I/F get set, ZYNQ_ARM_FACTS 3.6), BKPT as a prefetch abort with IFSR
 * 0x002, an alignment fault with the MMU off, the vector base from VBAR and from 0xFFFF0000 with
 * SCTLR.V = 1 (VBAR then ignored), handlers entered in T32 state with SCTLR.TE = 1, and ITSTATE
 * saved in SPSR and restored by the exception return. The golden output is qemu-system-arm's.
 */
#include "rt/sys.h"

extern const uint32_t vectors_vbar_table[], vectors_thumb_table[];
extern const uint32_t vectors_high_table[], vectors_high_table_end[];
extern const uint32_t sys_vectors[];
extern volatile uint32_t vectors_hits[3];
uint32_t vectors_udf(uint32_t a);
uint32_t vectors_bkpt(uint32_t a);
uint32_t vectors_it(uint32_t a);

#define HIGH_VECTORS 0xFFFF0000u

/* What the last exception recorded. */
static volatile struct {
    unsigned n;
    uint32_t kind, cpsr, spsr, fsr;
} tr;

int test_trap(unsigned kind, struct sys_frame *f)
{
    tr.n++;
    tr.kind = kind;
    tr.cpsr = sys_cpsr();
    tr.spsr = f->spsr;
    switch (kind) {
    case SYS_UND:
        sys_skip(kind, f);
        return 1;
    case SYS_SVC: /* LR is the next instruction already */
        return 1;
    case SYS_PABT:
        tr.fsr = SYS_MRC(0, c5, c0, 1);
        sys_skip(kind, f);
        return 1;
    case SYS_DABT:
        tr.fsr = SYS_MRC(0, c5, c0, 0);
        sys_skip(kind, f);
        return 1;
    default:
        return 0;
    }
}

static void reset(void) { sys_memset((void *)&tr, 0, sizeof tr); }

static void set_sctlr(uint32_t set, uint32_t clear)
{
    SYS_MCR(0, c1, c0, 0, (SYS_MRC(0, c1, c0, 0) | set) & ~clear);
    sys_isb();
}

static void set_vbar(const uint32_t *base)
{
    SYS_MCR(0, c12, c0, 0, (uint32_t)base);
    sys_isb();
}

/* Entered with A, I and F clear: the handler's CPSR shows which masks the
 * exception set. */
static void entry(const char *what, unsigned kind, uint32_t cpsr, uint32_t ret, uint32_t want)
{
    sys_printf("%s\n", what);
    sys_check_dec("  exceptions", tr.n, 1);
    sys_check_dec("  kind", tr.kind, kind);
    sys_check("  handler CPSR[8:0] (A I F T M)", tr.cpsr & 0x1FF, cpsr);
    sys_check("  SPSR A I F M (masks were clear)", tr.spsr & 0x1DF, 0x013);
    sys_check("  returned past it, r0 kept", ret, want);
}

int main(void)
{
    uint32_t r;
    sys_section("vectors: exception entry, VBAR, high vectors, SCTLR.TE, ITSTATE");

    sys_section("entry masks (from SVC with A, I, F clear)");
    __asm__ volatile("cpsie aif" ::: "memory");
    reset();
    r = vectors_udf(1);
    entry("UDF: Undefined mode, I set", SYS_UND, 0x09B, r, 1);
    reset();
    r = vectors_bkpt(2);
    entry("BKPT: prefetch abort, Abort mode, A and I set", SYS_PABT, 0x197, r, 2);
    sys_check("  IFSR (debug event)", tr.fsr & 0x140F, 0x002);
    reset();
    set_sctlr(SYS_SCTLR_A, 0);
    {
        uint32_t v = 0x1234, a = (uint32_t)&tr + 1;
        __asm__ volatile("ldr %0, [%1]" : "+r"(v) : "r"(a) : "memory");
        r = v;
    }
    set_sctlr(0, SYS_SCTLR_A);
    entry("LDR unaligned, SCTLR.A = 1, MMU off: data abort, A and I set", SYS_DABT, 0x197, r,
          0x1234);
    sys_check("  DFSR (alignment)", tr.fsr & 0x140F, 0x001);
    __asm__ volatile("cpsid aif" ::: "memory");

    sys_section("vector base");
    set_vbar(vectors_vbar_table);
    r = vectors_udf(3);
    set_vbar(sys_vectors);
    sys_check("VBAR = another table: its UND handler ran", vectors_hits[0], 1);
    sys_check("  returned past the UDF, r0 kept", r, 3);
    sys_memcpy((void *)HIGH_VECTORS, vectors_high_table,
               (uint32_t)vectors_high_table_end - (uint32_t)vectors_high_table);
    sys_sync_code(HIGH_VECTORS, 64);
    set_vbar(vectors_vbar_table);
    set_sctlr(SYS_SCTLR_V, 0);
    r = vectors_udf(4);
    set_sctlr(0, SYS_SCTLR_V);
    set_vbar(sys_vectors);
    sys_check("SCTLR.V = 1: the handler at 0xFFFF0004 ran", vectors_hits[1], 1);
    sys_check("  VBAR's table not used", vectors_hits[0], 1);
    sys_check("  returned past the UDF, r0 kept", r, 4);
    set_vbar(vectors_thumb_table);
    set_sctlr(SYS_SCTLR_TE, 0);
    r = vectors_udf(5);
    set_sctlr(0, SYS_SCTLR_TE);
    set_vbar(sys_vectors);
    sys_check("SCTLR.TE = 1: the T32 handler ran", vectors_hits[2], 1);
    sys_check("  returned to A32 past the UDF, r0 kept", r, 5);
    reset();
    r = vectors_udf(6);
    sys_check("back to the start-up table", tr.n, 1);

    sys_section("ITSTATE");
    reset();
    r = vectors_it(10);
    sys_check_dec("SVCEQ #0x43 first in ITTT EQ: exceptions", tr.n, 1);
    sys_check("  SPSR IT[7:0] (advanced past the SVC)",
              ((tr.spsr >> 25) & 3u) | ((tr.spsr >> 8) & 0xFCu), 0x04);
    sys_check("  both ADDEQs ran after the return", r, 13);
    sys_finish();
}
