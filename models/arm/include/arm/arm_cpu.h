/*
 * arm_cpu.h - public API of the dprsim ARMv7-A (Cortex-A9) instruction-set
 * simulator library (models/arm).
 *
 * Contract (see ../shared/DESIGN.md, "models/arm"):
 *  - No globals: all state lives in one arm_cpu per CPU instance; every
 *    function takes it first. Several instances may coexist in one process.
 *  - The caller supplies the bus (arm_bus): load/store callbacks plus an
 *    opaque pointer. RAM regions registered with arm_cpu_add_ram() are
 *    accessed directly through host pointers (the fast path, like TLM-2.0
 *    DMI); everything else goes through the callbacks (the slow path, MMIO).
 *  - arm_cpu_run() executes until the cycle budget is spent, or the CPU
 *    executes WFI, hits a breakpoint/stop request, or a hook asks to stop.
 *  - Interrupt lines (IRQ, FIQ) are inputs set by the caller at any time
 *    between runs; the cycle counter is readable at any time.
 *
 * Byte order: little-endian data and instructions (SCTLR.EE = 0).
 * Addresses on the bus are physical (the MMU, when enabled, translates
 * before the bus is called).
 */
#ifndef ARM_CPU_H
#define ARM_CPU_H

#include <stdbool.h> /* iss-cache: arm_cpu_set_cache_model */
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct arm_cpu arm_cpu;

/* Result of a slow-path bus access. */
typedef enum arm_bus_status {
    ARM_BUS_OK = 0,
    ARM_BUS_ERROR = 1 /* external abort (SLVERR/DECERR): the CPU takes an abort */
} arm_bus_status;

/*
 * The bus the CPU is attached to. Called only for addresses outside the
 * registered RAM regions. size is 1, 2 or 4 (bytes); accesses the CPU
 * splits (unaligned, LDRD) arrive as several calls. `cycles` is an out
 * parameter the device may set to the extra CPU cycles the access costs
 * (annotated delay); it is preset to 0.
 */
typedef struct arm_bus {
    void *opaque;
    arm_bus_status (*read)(void *opaque, uint32_t addr, unsigned size,
                           uint32_t *value, uint32_t *cycles);
    arm_bus_status (*write)(void *opaque, uint32_t addr, unsigned size,
                            uint32_t value, uint32_t *cycles);
} arm_bus;

/* Why arm_cpu_run() returned. */
typedef enum arm_stop_reason {
    ARM_STOP_BUDGET = 0,  /* the cycle budget is spent */
    ARM_STOP_WFI,         /* WFI executed with no interrupt pending: the caller may fast-forward time */
    ARM_STOP_BKPT,        /* BKPT executed and a breakpoint hook asked to stop */
    ARM_STOP_REQUEST,     /* arm_cpu_request_stop() or a hook returned ARM_HOOK_STOP */
    ARM_STOP_HALT         /* the CPU cannot continue (see arm_cpu_halt_message) */
} arm_stop_reason;

/* What a hook tells the CPU to do next. */
typedef enum arm_hook_result {
    ARM_HOOK_CONTINUE = 0, /* handled; continue with the next instruction */
    ARM_HOOK_DEFAULT,      /* not handled; take the architectural path (exception) */
    ARM_HOOK_STOP          /* handled; stop arm_cpu_run() after this instruction (ARM_STOP_REQUEST) */
} arm_hook_result;

/*
 * Called when SVC #imm executes, before the exception is taken
 * (imm: 24-bit A32 or 8-bit T32 immediate). Used by semihosting
 * (SVC 0x123456 / SVC 0xAB). The hook may read/write registers and memory.
 */
typedef arm_hook_result (*arm_svc_hook)(void *opaque, arm_cpu *cpu, uint32_t imm);

/* Called when BKPT #imm executes, before the prefetch abort is taken. */
typedef arm_hook_result (*arm_bkpt_hook)(void *opaque, arm_cpu *cpu, uint32_t imm);

/*
 * Per-instruction trace hook, called before each instruction executes
 * (including those whose condition fails). `insn` is the encoding (T32
 * 32-bit: first halfword in bits 31:16), `size` is 2 or 4.
 * Installing it switches the CPU to a slower path; with no trace hook the
 * hot loop has no per-instruction hook cost.
 */
typedef void (*arm_trace_hook)(void *opaque, arm_cpu *cpu, uint32_t pc,
                               uint32_t insn, unsigned size, int thumb);

/* Exception kinds, for the exception hook and statistics. */
typedef enum arm_exception {
    ARM_EXC_RESET = 0,
    ARM_EXC_UNDEF,
    ARM_EXC_SVC,
    ARM_EXC_PABT,
    ARM_EXC_DABT,
    ARM_EXC_IRQ,
    ARM_EXC_FIQ,
    ARM_EXC_COUNT
} arm_exception;

/*
 * Called when an exception is about to be taken (after the hooks above
 * declined), with the address of the instruction that caused it (or the
 * next instruction for IRQ/FIQ). Returning ARM_HOOK_STOP stops the run
 * *before* the exception is taken (the state is left at the faulting
 * instruction): bare-metal runners with no vector table use this to
 * report "undefined instruction at PC" instead of jumping to address 4.
 */
typedef arm_hook_result (*arm_exception_hook)(void *opaque, arm_cpu *cpu,
                                              arm_exception exc, uint32_t pc);

/*
 * Probe hook (observation points by virtual address, see
 * arm_cpu_add_probe). Called before the instruction at `pc` executes,
 * whatever its condition, in ARM or Thumb state and in any mode, once per
 * probe registered at that address (id = the probe's id). `pc` is the
 * instruction's virtual address; probes match by VA alone (any ASID, MMU
 * on or off). arm_cpu_cycles()/arm_cpu_instructions() inside the hook
 * count everything before this instruction.
 * The hook may read/write registers and memory and request a stop:
 *  - ARM_HOOK_CONTINUE / ARM_HOOK_DEFAULT: the instruction executes;
 *  - ARM_HOOK_STOP: the instruction executes, then arm_cpu_run() returns
 *    ARM_STOP_REQUEST (same meaning as for the other hooks);
 *  - if the hook moves the PC (arm_cpu_set_pc / arm_cpu_set_reg(15)),
 *    the probed instruction is not executed; execution resumes at the new
 *    PC (probes there fire too).
 * An instruction that faults on its fetch (prefetch abort) does not fire.
 */
typedef arm_hook_result (*arm_probe_hook)(void *opaque, arm_cpu *cpu, unsigned id,
                                          uint32_t pc);

/*
 * Mode hook: called after every change of CPSR.M, with the old and new
 * mode numbers (ARM_MODE_*): exception entry (after the exception hook
 * accepted it; LR, SPSR, masks and the vector PC are already set),
 * exception return (MOVS/SUBS pc, lr and other DP ops with S to the PC,
 * LDM with ^ and the PC, RFE), CPS, MSR CPSR_c, arm_cpu_set_cpsr() and
 * arm_cpu_reset(). Not called when M is written with its current value.
 * arm_cpu_cycles() inside the hook = the CPU's cycle count at the change:
 * the cycles of every earlier instruction (plus, for MSR, its pipeline
 * refill penalty); the causing instruction's issue cycles and the refill
 * penalty of exception entries and returns are charged after the hook
 * returns. Inside the hook the registers are the new mode's bank and
 * arm_cpu_get_reg(cpu, 15) is the address of the instruction causing the
 * change (IRQ/FIQ entry: the next instruction to execute); the target PC
 * of an exception entry or return is not visible yet. The hook may read
 * registers and memory and request a stop; it must not change the mode.
 */
typedef void (*arm_mode_hook)(void *opaque, arm_cpu *cpu, unsigned old_mode,
                              unsigned new_mode);

/*
 * Context hook: called after every MCR write of CONTEXTIDR (CP15 c13,c0,1)
 * with the old and new values (old == new when software rewrites the same
 * value). CONTEXTIDR[7:0] is the ASID that tags non-global TLB entries;
 * bits 31:8 are the PROCID.
 */
typedef void (*arm_context_hook)(void *opaque, arm_cpu *cpu, uint32_t old_contextidr,
                                 uint32_t new_contextidr);

/* ---- lifetime ---- */

/* Create a CPU attached to `bus` (copied). Returns NULL on allocation failure. */
arm_cpu *arm_cpu_new(const arm_bus *bus);
void arm_cpu_free(arm_cpu *cpu);

/*
 * Register [base, base+size) as RAM backed by host memory `host` (owned by
 * the caller, must outlive the CPU). base and size must be 4 KiB aligned and
 * must not overlap another region. Returns 0 on success, -1 otherwise.
 * Read-only regions (ROM) reject stores through the slow path.
 */
int arm_cpu_add_ram(arm_cpu *cpu, uint32_t base, uint32_t size, uint8_t *host,
                    int read_only);

/*
 * Reset: SVC mode, A/I/F masked, ARM state, PC = 0 (or 0xFFFF0000 with high
 * vectors), MMU/caches off, CP15 at Cortex-A9 reset values, counters kept.
 */
void arm_cpu_reset(arm_cpu *cpu);

/* ---- execution ---- */

/* Run until `budget_cycles` more cycles have elapsed (or a stop condition). */
arm_stop_reason arm_cpu_run(arm_cpu *cpu, uint64_t budget_cycles);

/* Execute exactly one instruction (or take one pending exception). */
arm_stop_reason arm_cpu_step(arm_cpu *cpu);

/* Ask a running CPU to stop at the next instruction boundary (callable from hooks/bus callbacks). */
void arm_cpu_request_stop(arm_cpu *cpu);

/* Interrupt inputs (level-sensitive, active high). */
void arm_cpu_set_irq(arm_cpu *cpu, int level);
void arm_cpu_set_fiq(arm_cpu *cpu, int level);

/* Message explaining ARM_STOP_HALT (static storage inside the CPU). */
const char *arm_cpu_halt_message(const arm_cpu *cpu);

/* ---- hooks (each NULL to remove) ---- */
void arm_cpu_set_svc_hook(arm_cpu *cpu, arm_svc_hook fn, void *opaque);
void arm_cpu_set_bkpt_hook(arm_cpu *cpu, arm_bkpt_hook fn, void *opaque);
void arm_cpu_set_trace_hook(arm_cpu *cpu, arm_trace_hook fn, void *opaque);
void arm_cpu_set_exception_hook(arm_cpu *cpu, arm_exception_hook fn, void *opaque);

/*
 * Probes: observation points at instruction addresses (virtual), reported
 * through the probe hook. Up to ARM_MAX_PROBES probes; several may share
 * one address (each fires with its id). Adding or clearing probes takes
 * effect at the next instruction, also from inside a hook. With no probe
 * at an address the run loop pays nothing for it: the decoded-instruction
 * cache entry of a probed address carries a flag that sends it to the
 * (slower) probe path, set when the entry is decoded and re-evaluated when
 * the probe set changes.
 * arm_cpu_add_probe returns 0, or -1 when the table is full.
 */
#define ARM_MAX_PROBES 64
int arm_cpu_add_probe(arm_cpu *cpu, uint32_t va, unsigned id);
/* Remove every probe (the hook stays installed). */
void arm_cpu_clear_probes(arm_cpu *cpu);
void arm_cpu_set_probe_hook(arm_cpu *cpu, arm_probe_hook fn, void *opaque);
void arm_cpu_set_mode_hook(arm_cpu *cpu, arm_mode_hook fn, void *opaque);
void arm_cpu_set_context_hook(arm_cpu *cpu, arm_context_hook fn, void *opaque);

/* Current CONTEXTIDR (CP15 c13,c0,1; ASID in bits 7:0). */
uint32_t arm_cpu_get_contextidr(const arm_cpu *cpu);
/*
 * Fault registers (CP15 c5/c6): DFAR, DFSR, IFAR, IFSR (short-descriptor
 * format). Any pointer may be NULL. They are written before the exception
 * hook is called for a data or prefetch abort, so an exception hook can
 * read the status and address of the abort being taken.
 */
void arm_cpu_get_fault_regs(const arm_cpu *cpu, uint32_t *dfar, uint32_t *dfsr,
                            uint32_t *ifar, uint32_t *ifsr);

/* ---- register access (current mode's view) ---- */

/* r0..r15. Reading r15 returns the address of the next instruction to execute. */
uint32_t arm_cpu_get_reg(const arm_cpu *cpu, unsigned r);
/* Writing r15 sets the next PC as is (no interworking; use arm_cpu_set_pc). */
void arm_cpu_set_reg(arm_cpu *cpu, unsigned r, uint32_t value);
/* Set PC with interworking: bit 0 selects Thumb state. */
void arm_cpu_set_pc(arm_cpu *cpu, uint32_t addr_with_thumb_bit);
uint32_t arm_cpu_get_cpsr(const arm_cpu *cpu);
/* Writes all CPSR bits including mode (switches register banks) and T. */
void arm_cpu_set_cpsr(arm_cpu *cpu, uint32_t value);

/* CPSR bits */
#define ARM_CPSR_N (1u << 31)
#define ARM_CPSR_Z (1u << 30)
#define ARM_CPSR_C (1u << 29)
#define ARM_CPSR_V (1u << 28)
#define ARM_CPSR_Q (1u << 27)
#define ARM_CPSR_GE_SHIFT 16
#define ARM_CPSR_E (1u << 9)
#define ARM_CPSR_A (1u << 8)
#define ARM_CPSR_I (1u << 7)
#define ARM_CPSR_F (1u << 6)
#define ARM_CPSR_T (1u << 5)
#define ARM_MODE_MASK 0x1Fu
#define ARM_MODE_USR 0x10u
#define ARM_MODE_FIQ 0x11u
#define ARM_MODE_IRQ 0x12u
#define ARM_MODE_SVC 0x13u
#define ARM_MODE_MON 0x16u
#define ARM_MODE_ABT 0x17u
#define ARM_MODE_UND 0x1Bu
#define ARM_MODE_SYS 0x1Fu

/* ---- memory access as the CPU sees it (debugger/semihosting view) ---- */

/*
 * Read/write `len` bytes at virtual address `va` using the current
 * translation regime, without side effects on CPU state (no faults taken).
 * Returns 0 on success, -1 if any byte is unmapped or the bus errors.
 */
int arm_cpu_read_mem(arm_cpu *cpu, uint32_t va, void *buf, size_t len);
int arm_cpu_write_mem(arm_cpu *cpu, uint32_t va, const void *buf, size_t len);

/* ---- counters ---- */
uint64_t arm_cpu_cycles(const arm_cpu *cpu);       /* CPU clock cycles since creation */
uint64_t arm_cpu_instructions(const arm_cpu *cpu); /* instructions retired (incl. condition-failed) */

/*
 * Timing model (models/arm/README.md "Timing"). ARM_TIMING_ISSUE charges
 * each instruction its Cortex-A9 issue cycles only (plus the fixed
 * penalties: exception entry/return, unaligned LDM/STM, bus delays).
 * ARM_TIMING_PIPELINE (the default after arm_cpu_new) adds load/multiply
 * result-latency interlocks and a branch predictor (512-entry 2-way BTAC,
 * 4096-entry GHB, 8-entry return stack) charging the mispredict penalty.
 * Switching clears the predictor and interlock state; it can be done at
 * any time outside arm_cpu_run/step.
 */
typedef enum arm_timing_model {
    ARM_TIMING_ISSUE = 0,
    ARM_TIMING_PIPELINE = 1
} arm_timing_model;

void arm_cpu_set_timing(arm_cpu *cpu, arm_timing_model model);
arm_timing_model arm_cpu_get_timing(const arm_cpu *cpu);

/* ==== iss-cache block: optional cache timing model ====
 * models/arm/README.md "Cache model": L1 I + L1 D (32 KiB, 4-way,
 * 32-byte lines), a unified L2 (PL310, 512 KiB, 8-way) and a fixed DDR
 * latency, charging the extra cycles of misses, uncached accesses,
 * dirty write-backs, translation-table walks and CP15 c7 maintenance to
 * the cycle counter (so to --stats, PMCCNTR and the timers). Off by
 * default; off, the CPU charges exactly what it charged without the
 * model. Cacheability follows the architecture: SCTLR.C / SCTLR.I,
 * MMU off = data Strongly-ordered (uncached) and instructions cacheable
 * when SCTLR.I (ARM ARM B3.2.1), MMU on = the descriptor's TEX/C/B (or
 * PRRR/NMRR with SCTLR.TRE). Only RAM regions are cached; bus (MMIO)
 * accesses keep the delay the device annotates.
 */

/*
 * Switch the model on (caches start empty: every line invalid) or off.
 * Can be called at any time outside arm_cpu_run/step. Returns 0, or -1
 * when the tag arrays cannot be allocated (the model stays off).
 */
int arm_cpu_set_cache_model(arm_cpu *cpu, bool on);
bool arm_cpu_get_cache_model(const arm_cpu *cpu);
/*
 * L2 (PL310) enable, as written to the PL310 control register by the
 * platform (armiss: with --caches). Disabled at creation; kept across
 * arm_cpu_reset (the PL310 is outside the CPU). Enabling or disabling
 * invalidates the L2 lines. With the L2 disabled an L1 miss goes to DDR.
 */
void arm_cpu_set_l2_enabled(arm_cpu *cpu, bool on);

/* Cache counters (all zero while the model was never on). */
typedef struct arm_cache_stats {
    uint64_t l1i_hits, l1i_misses;
    uint64_t l1d_hits, l1d_misses, l1d_writebacks;
    uint64_t l2_hits, l2_misses, l2_writebacks;
    uint64_t uncached;     /* data accesses and walks to RAM that bypassed every cache
                            * (+DDR latency each) */
    uint64_t uncached_fetches; /* instruction line fetches that bypassed every cache */
    uint64_t stall_cycles; /* extra cycles charged by the model */
} arm_cache_stats;
void arm_cpu_get_cache_stats(const arm_cpu *cpu, arm_cache_stats *out);
/* ==== end iss-cache block ==== */

/*
 * Statistics as key/value pairs (e.g. "tlb_hits", "exceptions_svc"),
 * for `--stats` printers. Calls `fn` once per statistic, in a fixed order.
 */
void arm_cpu_stats(const arm_cpu *cpu,
                   void (*fn)(void *opaque, const char *key, uint64_t value),
                   void *opaque);
/*
 * The cache model's part of arm_cpu_stats alone ("l1i_hits" ...
 * "cache_stall_cycles"), for printers that show only it; nothing while the
 * model is off.
 */
void arm_cpu_cache_stats(const arm_cpu *cpu,
                         void (*fn)(void *opaque, const char *key, uint64_t value),
                         void *opaque);

/* ---- disassembly ---- */

/*
 * Disassemble one instruction into `buf` (NUL-terminated, at most `len`
 * bytes) in UAL syntax. `insn` and `size` as for the trace hook; `pc` is
 * the instruction's address (for branch targets). Unknown encodings print
 * as ".inst 0x...". Returns the number of characters written.
 */
int arm_disasm(uint32_t pc, uint32_t insn, unsigned size, int thumb,
               char *buf, size_t len);

#ifdef __cplusplus
}
#endif

#endif /* ARM_CPU_H */
