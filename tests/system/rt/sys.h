/*
 * sys.h - the bare-metal runtime of the system test programs (tests/system).
 *
 * Each program brings its own start-up code (rt/start.S: vector table at
 * VBAR, one stack per mode, .bss cleared, main() called in SVC mode with
 * IRQ/FIQ/aborts masked) and talks to the host only through semihosting
 * ("Semihosting for AArch32 and AArch64", ARM): SYS_WRITE0 for text and
 * SYS_EXIT_EXTENDED for the exit status, both from a privileged mode
 * (SVC 0x123456 in A32, SVC 0xAB in T32). No newlib, no rdimon.
 *
 * Exceptions other than reset are routed to sys_trap() with a register
 * frame (struct sys_frame). The runtime handles `SVC #0` from User mode (the
 * end of sys_run_user()) and passes everything else to the program's
 * test_trap(); an exception nobody handles stops the program with status
 * 100 + kind after printing what happened.
 *
 * Output convention: sys_check() prints "name: value" and, when the value
 * differs from what the architecture requires, " MISMATCH (expected ...)";
 * the exit status is the number of mismatches (0..99). The golden files
 * compare the whole output, so a value that the program does not check
 * against an expectation is still compared with the reference run.
 */
#ifndef SYS_H
#define SYS_H

#include <stdint.h>

/* Exception kinds, numbered by their vector offset / 4 (ARM ARM B1.8.1). */
enum sys_kind {
    SYS_UND = 1,  /* undefined instruction, vector 0x04, Undefined mode */
    SYS_SVC = 2,  /* supervisor call, 0x08, Supervisor mode */
    SYS_PABT = 3, /* prefetch abort, 0x0C, Abort mode */
    SYS_DABT = 4, /* data abort, 0x10, Abort mode */
    SYS_HYP = 5,  /* 0x14, not used on ARMv7-A without Virtualization */
    SYS_IRQ = 6,  /* 0x18, IRQ mode */
    SYS_FIQ = 7,  /* 0x1C, FIQ mode */
};

/* Processor modes, CPSR.M[4:0] (ARM ARM B1.3.1). */
#define SYS_MODE_USR 0x10u
#define SYS_MODE_FIQ 0x11u
#define SYS_MODE_IRQ 0x12u
#define SYS_MODE_SVC 0x13u
#define SYS_MODE_ABT 0x17u
#define SYS_MODE_UND 0x1Bu
#define SYS_MODE_SYS 0x1Fu
#define SYS_CPSR_T (1u << 5)

/*
 * The registers of the interrupted code, as the exception stub pushed them
 * on the exception mode's stack. `lr` is the exception mode's LR on entry
 * (the architecture's return-address offset applied, ARM ARM B1.8.3 table
 * B1-7); the handler overwrites it with the address to resume at, and may
 * change `spsr` (the CPSR restored on return) and `r[]`. The return is
 * `LDMFD sp!, {r0-r12, pc}^`.
 */
struct sys_frame {
    uint32_t spsr;
    uint32_t r[13];
    uint32_t lr;
};

/* Provided by each program: handle an exception. Return 1 when handled
 * (frame->lr set to where to resume), 0 to let the runtime report it. */
int test_trap(unsigned kind, struct sys_frame *f);

/* Called by the exception stubs (rt/start.S). Returns 1 only for the SVC #0
 * that ends sys_run_user(). */
int sys_trap(unsigned kind, struct sys_frame *f);

/* ---- semihosting ---- */
void sys_write0(const char *s);
/* Exit through SYS_EXIT_EXTENDED (ADP_Stopped_ApplicationExit, status). */
void sys_exit(unsigned status) __attribute__((noreturn));

/* printf subset: %s %c %d %u %x %X with optional '0' flag and width, %%. */
void sys_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print "name: 0xVALUE" (8 hex digits), and " MISMATCH (expected 0x...)"
 * when value != expected; counts mismatches. */
void sys_check(const char *name, uint32_t value, uint32_t expected);
/* Same, printing decimal values. */
void sys_check_dec(const char *name, uint32_t value, uint32_t expected);
/* Print "== title" (a section heading). */
void sys_section(const char *title);
/* Print the summary line and exit with the number of mismatches. */
void sys_finish(void) __attribute__((noreturn));
extern unsigned sys_mismatches;

/* ---- exceptions ---- */
/* Address of the instruction that caused a synchronous exception of `kind`
 * (UND, SVC, PABT, DABT), from frame->lr and the state in frame->spsr. */
uint32_t sys_insn_addr(unsigned kind, const struct sys_frame *f);
/* Size in bytes of the instruction at `addr` in the state given by `spsr`
 * (A32: 4; T32: 2, or 4 when the first halfword is 0b11101/11110/11111..). */
uint32_t sys_insn_size(uint32_t addr, uint32_t spsr);
/* Resume after the instruction that caused the exception. */
void sys_skip(unsigned kind, struct sys_frame *f);
/* The LR of `mode`'s register bank (USR read through SYS), read by
 * switching to that mode and back (rt/start.S). */
uint32_t sys_banked_lr(uint32_t mode);
/* Resume the interrupted code as if the function it had just called
 * returned (to the LR of its bank, in the state of that LR's bit 0), with
 * r0 = `r0`. For a prefetch abort at the entry of a called function. */
void sys_return_to_caller(struct sys_frame *f, uint32_t r0);

/*
 * Run fn(arg) in User mode on the stack ending at `user_sp` and return its
 * result. fn returns to an A32 stub that executes `SVC #0`, which brings the
 * runtime back to the caller in SVC mode. Call from SVC mode only.
 */
uint32_t sys_run_user(uint32_t (*fn)(uint32_t), uint32_t arg, uint32_t user_sp);
/* A User-mode stack for sys_run_user. */
extern uint8_t sys_user_stack[4096];
#define SYS_USER_SP ((uint32_t)(sys_user_stack + sizeof sys_user_stack))

/* ---- CP15 and CPSR ---- */
#define SYS_MRC(opc1, crn, crm, opc2)                                                              \
    ({                                                                                             \
        uint32_t v_;                                                                               \
        __asm__ volatile("mrc p15, " #opc1 ", %0, " #crn ", " #crm ", " #opc2 : "=r"(v_));         \
        v_;                                                                                        \
    })
#define SYS_MCR(opc1, crn, crm, opc2, val)                                                         \
    __asm__ volatile("mcr p15, " #opc1 ", %0, " #crn ", " #crm ", " #opc2                          \
                     :                                                                             \
                     : "r"((uint32_t)(val))                                                        \
                     : "memory")

#define SYS_SCTLR_M (1u << 0)
#define SYS_SCTLR_A (1u << 1)
#define SYS_SCTLR_V (1u << 13)
#define SYS_SCTLR_AFE (1u << 29)
#define SYS_SCTLR_TE (1u << 30)

static inline uint32_t sys_cpsr(void)
{
    uint32_t v;
    __asm__ volatile("mrs %0, cpsr" : "=r"(v));
    return v;
}
static inline void sys_dsb(void) { __asm__ volatile("dsb" ::: "memory"); }
static inline void sys_isb(void) { __asm__ volatile("isb" ::: "memory"); }

/* Cache and branch predictor maintenance after writing code (ARM ARM
 * B2.2, "Ensuring the visibility of updates to instructions"): DCCMVAU of
 * the range, DSB, ICIALLU, BPIALL, DSB, ISB. */
void sys_sync_code(uint32_t addr, uint32_t len);

/* Small memory helpers (no libc). */
void sys_memset(void *d, int c, uint32_t n);
void sys_memcpy(void *d, const void *s, uint32_t n);

#endif
