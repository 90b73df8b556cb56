/*
 * probe.c - memory probes and abort checks (see probe.h).
 */
#include "probe.h"

volatile struct probe_record probe_ab;
volatile uint32_t probe_insn;

int probe_trap(unsigned kind, struct sys_frame *f)
{
    if (kind == SYS_DABT) {
        probe_ab.n++;
        probe_ab.fsr = SYS_MRC(0, c5, c0, 0);
        probe_ab.far = SYS_MRC(0, c6, c0, 0);
        probe_ab.mode = f->spsr & 0x1F;
        probe_ab.insn = f->lr - 8; /* LR = faulting instruction + 8 */
        sys_skip(kind, f);
        return 1;
    }
    if (kind == SYS_PABT) {
        probe_ab.n++;
        probe_ab.fsr = SYS_MRC(0, c5, c0, 1);
        probe_ab.far = SYS_MRC(0, c6, c0, 2);
        probe_ab.mode = f->spsr & 0x1F;
        probe_ab.insn = f->lr - 4; /* LR = faulting instruction + 4 */
        sys_return_to_caller(f, 0xDEADDEADu);
        return 1;
    }
    return 0;
}

void probe_start(void)
{
    probe_ab.n = 0;
    probe_ab.fsr = 0;
    probe_ab.far = 0;
    probe_ab.mode = 0;
    probe_ab.insn = 0;
}

/* One instruction, its address recorded. In T32, ADR of a local label
 * gives the label's address without the Thumb bit. */
#define PROBE(insn, ...)                                                                           \
    do {                                                                                           \
        uint32_t pc_;                                                                              \
        __asm__ volatile("adr %[pc], 1f\n1: " insn : [pc] "=&r"(pc_), __VA_ARGS__);                \
        probe_insn = pc_;                                                                          \
    } while (0)

uint32_t probe_rd(uint32_t va)
{
    uint32_t v = 0xBAD0BAD0u;
    PROBE("ldr %[v], [%[a]]", [v] "+r"(v) : [a] "r"(va) : "memory");
    return v;
}

void probe_wr(uint32_t va, uint32_t val)
{
    PROBE("str %[v], [%[a]]", [v] "+r"(val) : [a] "r"(va) : "memory");
}

uint32_t probe_rdt(uint32_t va)
{
    uint32_t v = 0xBAD0BAD0u;
    PROBE("ldrt %[v], [%[a]]", [v] "+r"(v) : [a] "r"(va) : "memory");
    return v;
}

void probe_wrt(uint32_t va, uint32_t val)
{
    PROBE("strt %[v], [%[a]]", [v] "+r"(val) : [a] "r"(va) : "memory");
}

void probe_wrh(uint32_t va, uint32_t val)
{
    PROBE("strh %[v], [%[a]]", [v] "+r"(val) : [a] "r"(va) : "memory");
}

uint32_t probe_rdm(uint32_t va)
{
    register uint32_t a __asm__("r2") = 0xBAD0BAD0u;
    register uint32_t b __asm__("r3") = 0;
    PROBE("ldm %[p], {%[a], %[b]}", [a] "+r"(a), [b] "+r"(b) : [p] "r"(va) : "memory");
    return a + b;
}

uint32_t probe_rdd(uint32_t va)
{
    register uint32_t a __asm__("r2") = 0xBAD0BAD0u;
    register uint32_t b __asm__("r3") = 0;
    PROBE("ldrd %[a], %[b], [%[p]]", [a] "+r"(a), [b] "+r"(b) : [p] "r"(va) : "memory");
    return a + b;
}

uint32_t probe_ldm_wb(uint32_t va)
{
    register uint32_t a __asm__("r2") = 0;
    register uint32_t b __asm__("r3") = 0;
    PROBE("ldmia %[p]!, {%[a], %[b]}", [p] "+r"(va), [a] "+r"(a), [b] "+r"(b) : : "memory");
    return va;
}

uint32_t probe_ldr_pre(uint32_t va)
{
    uint32_t v = 0;
    PROBE("ldr %[v], [%[p], #4]!", [p] "+r"(va), [v] "+r"(v) : : "memory");
    return va;
}

uint32_t probe_str_post(uint32_t va)
{
    uint32_t v = 0x57057057u;
    PROBE("str %[v], [%[p]], #8", [p] "+r"(va) : [v] "r"(v) : "memory");
    return va;
}

uint32_t probe_call(uint32_t va) { return ((uint32_t(*)(void))va)(); }

void probe_expect_ok(const char *what, uint32_t value, uint32_t expected)
{
    sys_printf("%s\n", what);
    sys_check_dec("  aborts", probe_ab.n, 0);
    sys_check("  value", value, expected);
}

void probe_expect_dabt(const char *what, uint32_t mode, uint32_t dfsr, uint32_t dfar)
{
    sys_printf("%s\n", what);
    sys_check_dec("  data aborts", probe_ab.n, 1);
    sys_check("  DFSR", probe_ab.fsr, dfsr);
    sys_check("  DFAR", probe_ab.far, dfar);
    sys_check("  from mode", probe_ab.mode, mode);
    sys_check_dec("  LR = faulting insn + 8", probe_ab.n != 0 && probe_ab.insn == probe_insn, 1);
}

void probe_expect_pabt(const char *what, uint32_t ret, uint32_t mode, uint32_t ifsr, uint32_t ifar)
{
    sys_printf("%s\n", what);
    sys_check_dec("  prefetch aborts", probe_ab.n, 1);
    sys_check("  call result", ret, 0xDEADDEADu);
    sys_check("  IFSR", probe_ab.fsr & 0x140Fu, ifsr);
    sys_check("  IFAR", probe_ab.far, ifar);
    sys_check("  from mode", probe_ab.mode, mode);
    sys_check_dec("  LR = IFAR + 4", probe_ab.n != 0 && probe_ab.insn == probe_ab.far, 1);
}
