/*
 * cpu.c - CPU lifetime, public register API, modes and banking, CPSR,
 * exception entry, and the run loop (decoded-instruction cache, IT state).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "a9_cache.h"
#include "a9_timing.h"
#include "arm_internal.h"

/* ---- modes and banking ---- */

unsigned arm_mode_bank(uint32_t mode)
{
    switch (mode) {
    case ARM_MODE_FIQ: return ARM_BANK_FIQ;
    case ARM_MODE_IRQ: return ARM_BANK_IRQ;
    case ARM_MODE_SVC: return ARM_BANK_SVC;
    case ARM_MODE_ABT: return ARM_BANK_ABT;
    case ARM_MODE_UND: return ARM_BANK_UND;
    case ARM_MODE_MON: return ARM_BANK_MON;
    default: return ARM_BANK_USR;
    }
}

int arm_mode_valid(uint32_t mode)
{
    switch (mode) {
    case ARM_MODE_USR: case ARM_MODE_FIQ: case ARM_MODE_IRQ: case ARM_MODE_SVC:
    case ARM_MODE_MON: case ARM_MODE_ABT: case ARM_MODE_UND: case ARM_MODE_SYS:
        return 1;
    default:
        return 0;
    }
}

void arm_set_mode(arm_cpu *cpu, uint32_t mode)
{
    unsigned ob = cpu->bank, nb = arm_mode_bank(mode);
    if (ob != nb) {
        cpu->bank_r13[ob] = cpu->r[13];
        cpu->bank_r14[ob] = cpu->r[14];
        if (ob == ARM_BANK_FIQ || nb == ARM_BANK_FIQ) {
            uint32_t *save = ob == ARM_BANK_FIQ ? cpu->fiq_r8_12 : cpu->usr_r8_12;
            uint32_t *load = nb == ARM_BANK_FIQ ? cpu->fiq_r8_12 : cpu->usr_r8_12;
            memcpy(save, &cpu->r[8], 5 * sizeof(uint32_t));
            memcpy(&cpu->r[8], load, 5 * sizeof(uint32_t));
        }
        cpu->r[13] = cpu->bank_r13[nb];
        cpu->r[14] = cpu->bank_r14[nb];
        cpu->bank = nb;
    }
    cpu->cpsr_rest = (cpu->cpsr_rest & ~ARM_MODE_MASK) | (mode & ARM_MODE_MASK);
    cpu->priv = (mode & ARM_MODE_MASK) != ARM_MODE_USR;
}

int arm_have_spsr(const arm_cpu *cpu)
{
    return cpu->bank != ARM_BANK_USR;
}

uint32_t arm_get_user_reg(arm_cpu *cpu, unsigned n)
{
    if (n >= 13 && n <= 14 && cpu->bank != ARM_BANK_USR)
        return n == 13 ? cpu->bank_r13[ARM_BANK_USR] : cpu->bank_r14[ARM_BANK_USR];
    if (n >= 8 && n <= 12 && cpu->bank == ARM_BANK_FIQ)
        return cpu->usr_r8_12[n - 8];
    return cpu->r[n];
}

void arm_set_user_reg(arm_cpu *cpu, unsigned n, uint32_t v)
{
    if (n >= 13 && n <= 14 && cpu->bank != ARM_BANK_USR) {
        if (n == 13) cpu->bank_r13[ARM_BANK_USR] = v; else cpu->bank_r14[ARM_BANK_USR] = v;
        return;
    }
    if (n >= 8 && n <= 12 && cpu->bank == ARM_BANK_FIQ) {
        cpu->usr_r8_12[n - 8] = v;
        return;
    }
    cpu->r[n] = v;
}

void arm_update_data_slow(arm_cpu *cpu)
{
    cpu->data_slow = (cpu->mmu_on ? ARM_SLOW_MMU : 0) |
                     ((cpu->cpsr_rest & ARM_CPSR_E) ? ARM_SLOW_BE : 0) |
                     (cpu->cache_on ? ARM_SLOW_CACHE : 0); /* iss-cache */
}

void arm_mode_changed(arm_cpu *cpu, uint32_t old_mode)
{
    uint32_t m = arm_mode(cpu);
    if (cpu->mode_hook && m != (old_mode & ARM_MODE_MASK))
        cpu->mode_hook(cpu->mode_opaque, cpu, old_mode & ARM_MODE_MASK, m);
}

void arm_update_events(arm_cpu *cpu)
{
    uint32_t ev = cpu->events & ~(ARM_EV_IRQ | ARM_EV_FIQ);
    if (cpu->irq_line && !(cpu->cpsr_rest & ARM_CPSR_I)) ev |= ARM_EV_IRQ;
    if (cpu->fiq_line && !(cpu->cpsr_rest & ARM_CPSR_F)) ev |= ARM_EV_FIQ;
    cpu->events = ev;
}

/* ---- CPSR ---- */

#define CPSR_REST_MASK (ARM_MODE_MASK | ARM_CPSR_F | ARM_CPSR_I | ARM_CPSR_A | ARM_CPSR_E | (1u << 24))

uint32_t arm_get_cpsr(const arm_cpu *cpu)
{
    uint32_t v = cpu->cpsr_rest;
    v |= cpu->nf & ARM_CPSR_N;
    if (cpu->zf == 0) v |= ARM_CPSR_Z;
    if (cpu->cf) v |= ARM_CPSR_C;
    if (cpu->vf >> 31) v |= ARM_CPSR_V;
    if (cpu->qf) v |= ARM_CPSR_Q;
    v |= (cpu->ge & 0xF) << ARM_CPSR_GE_SHIFT;
    v |= (cpu->itstate & 3u) << 25;
    v |= (cpu->itstate >> 2) << 10;
    if (cpu->thumb) v |= ARM_CPSR_T;
    return v;
}

void arm_write_cpsr(arm_cpu *cpu, uint32_t value, uint32_t mask)
{
    uint32_t v = (arm_get_cpsr(cpu) & ~mask) | (value & mask), old_mode = arm_mode(cpu);
    cpu->nf = v & ARM_CPSR_N;
    cpu->zf = (v & ARM_CPSR_Z) ? 0 : 1;
    cpu->cf = (v >> 29) & 1;
    cpu->vf = (v & ARM_CPSR_V) ? 0x80000000u : 0;
    cpu->qf = (v >> 27) & 1;
    cpu->ge = (v >> ARM_CPSR_GE_SHIFT) & 0xF;
    cpu->itstate = ((v >> 25) & 3u) | (((v >> 10) & 0x3Fu) << 2);
    cpu->thumb = (v >> 5) & 1;
    if ((v & ARM_MODE_MASK) != arm_mode(cpu))
        arm_set_mode(cpu, v & ARM_MODE_MASK);
    cpu->cpsr_rest = v & CPSR_REST_MASK;
    cpu->priv = (v & ARM_MODE_MASK) != ARM_MODE_USR;
    arm_update_data_slow(cpu);
    arm_update_events(cpu);
    arm_mode_changed(cpu, old_mode);
}

/* Bit k of cond_table[cond] = condition holds for NZCV == k (ARM ARM A8.3). */
static const uint16_t cond_table[16] = {
    0xF0F0, 0x0F0F, 0xCCCC, 0x3333, 0xFF00, 0x00FF, 0xAAAA, 0x5555,
    0x0C0C, 0xF3F3, 0xAA55, 0x55AA, 0x0A05, 0xF5FA, 0xFFFF, 0xFFFF,
};

static inline int cond_pass(const arm_cpu *cpu, unsigned cond)
{
    unsigned nzcv = ((cpu->nf >> 31) << 3) | ((cpu->zf == 0) << 2) | (cpu->cf << 1) |
                    (cpu->vf >> 31);
    return (cond_table[cond & 15] >> nzcv) & 1;
}

int arm_cond_pass(const arm_cpu *cpu, unsigned cond)
{
    return cond_pass(cpu, cond);
}

void arm_bx_write_pc(arm_cpu *cpu, uint32_t addr)
{
    if (addr & 1) {
        cpu->thumb = 1;
        cpu->next_pc = addr & ~1u;
    } else {
        cpu->thumb = 0;
        cpu->next_pc = addr & ~3u; /* addr<1> set: UNPREDICTABLE, we align */
    }
}

/* ---- exceptions ---- */

void arm_halt(arm_cpu *cpu, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cpu->halt_msg, sizeof cpu->halt_msg, fmt, ap);
    va_end(ap);
    cpu->events |= ARM_EV_HALT;
    cpu->next_pc = cpu->pc;
}

void arm_take_exception(arm_cpu *cpu, arm_exception exc, uint32_t pc)
{
    static const struct { uint32_t mode, offset, mask; } info[ARM_EXC_COUNT] = {
        [ARM_EXC_RESET] = {ARM_MODE_SVC, 0x00, ARM_CPSR_A | ARM_CPSR_I | ARM_CPSR_F},
        [ARM_EXC_UNDEF] = {ARM_MODE_UND, 0x04, ARM_CPSR_I},
        [ARM_EXC_SVC] = {ARM_MODE_SVC, 0x08, ARM_CPSR_I},
        [ARM_EXC_PABT] = {ARM_MODE_ABT, 0x0C, ARM_CPSR_A | ARM_CPSR_I},
        [ARM_EXC_DABT] = {ARM_MODE_ABT, 0x10, ARM_CPSR_A | ARM_CPSR_I},
        [ARM_EXC_IRQ] = {ARM_MODE_IRQ, 0x18, ARM_CPSR_A | ARM_CPSR_I},
        [ARM_EXC_FIQ] = {ARM_MODE_FIQ, 0x1C, ARM_CPSR_A | ARM_CPSR_I | ARM_CPSR_F},
    };
    uint32_t lr, spsr, vbase, old_mode = arm_mode(cpu);
    if (cpu->exc_hook) {
        arm_hook_result r = cpu->exc_hook(cpu->exc_opaque, cpu, exc, pc);
        if (r == ARM_HOOK_STOP) {
            cpu->next_pc = pc;
            cpu->events |= ARM_EV_STOP;
            cpu->exc_hook_stopped = 1;
            return;
        }
    }
    /* Link values, ARM ARM B1.8.3 table B1-7 (pc = faulting/next instruction). */
    switch (exc) {
    case ARM_EXC_UNDEF: lr = pc + (cpu->thumb ? 2 : 4); break;
    case ARM_EXC_SVC: lr = cpu->next_pc; break;  /* next instruction */
    case ARM_EXC_PABT: lr = pc + 4; break;
    case ARM_EXC_DABT: lr = pc + 8; break;
    case ARM_EXC_IRQ: case ARM_EXC_FIQ: lr = pc + 4; break;
    default: lr = 0; break;
    }
    cpu->exc_count[exc]++;
    spsr = arm_get_cpsr(cpu);
    arm_set_mode(cpu, info[exc].mode);
    cpu->bank_spsr[cpu->bank] = spsr;
    cpu->itstate = 0;
    cpu->cpsr_rest &= ~((1u << 24) | ARM_CPSR_E);   /* J = 0, E = SCTLR.EE (0) */
    if (cpu->cp15.sctlr & ARM_SCTLR_EE) cpu->cpsr_rest |= ARM_CPSR_E;
    cpu->cpsr_rest |= info[exc].mask;
    cpu->thumb = (cpu->cp15.sctlr & ARM_SCTLR_TE) ? 1 : 0;
    cpu->r[14] = lr;
    vbase = (cpu->cp15.sctlr & ARM_SCTLR_V) ? 0xFFFF0000u : (cpu->cp15.vbar & ~0x1Fu);
    cpu->next_pc = vbase + info[exc].offset;
    arm_update_data_slow(cpu);
    arm_update_events(cpu);
    /* the mode hook sees the cycle count before the entry's refill penalty */
    arm_mode_changed(cpu, old_mode);
    cpu->cycles += A9_FLUSH_PENALTY;
}

void arm_take_undef(arm_cpu *cpu)
{
    arm_take_exception(cpu, ARM_EXC_UNDEF, cpu->pc);
}

/* Called from handlers (via longjmp) or the fetch path: exception already set up. */
static ARM_NORETURN void abort_longjmp(arm_cpu *cpu)
{
    cpu->pc = cpu->next_pc;
    cpu->cycles += 1;
    longjmp(cpu->abort_jmp, 1);
}

void arm_raise_dabt(arm_cpu *cpu, uint32_t va, uint32_t fsr)
{
    cpu->cp15.dfsr = fsr;
    cpu->cp15.dfar = va;
    arm_take_exception(cpu, ARM_EXC_DABT, cpu->pc);
    if (!cpu->in_run) {
        /* Internal invariant: handlers only run inside arm_cpu_run/step. */
        fprintf(stderr, "arm_iss: data abort at 0x%08x raised outside the run loop\n", va);
        abort();
    }
    abort_longjmp(cpu);
}

static ARM_NORETURN void raise_pabt(arm_cpu *cpu, uint32_t va, uint32_t fsr)
{
    cpu->cp15.ifsr = fsr;
    cpu->cp15.ifar = va;
    arm_take_exception(cpu, ARM_EXC_PABT, cpu->pc);
    abort_longjmp(cpu);
}

/* ---- instruction fetch ---- */

static uint32_t fetch_slow(arm_cpu *cpu, uint32_t va, unsigned size)
{
    uint32_t pa, fsr, v = 0, cyc = 0;
    uint8_t *h;
    fsr = arm_mem_translate(cpu, va, ARM_ACC_FETCH, 0, &pa);
    if (fsr) raise_pabt(cpu, va, fsr);
    h = arm_ram_ptr(cpu, pa, 0);
    if (h && ((pa & 0xFFFu) + size) <= 0x1000u) {
        if (cpu->mmu_on) arm_fast_fill(cpu, va, pa, ARM_FAST_FX, 0);
        memcpy(&v, h, size);
        return v;
    }
    if (size == 4 && (pa & 3)) {
        /* cannot happen for A32 (aligned); T32 halves are fetched separately */
        raise_pabt(cpu, va, ARM_FSR_ALIGN);
    }
    cpu->slow_accesses++;
    if (!cpu->bus.read || cpu->bus.read(cpu->bus.opaque, pa, size, &v, &cyc) != ARM_BUS_OK)
        raise_pabt(cpu, va, ARM_FSR_EXTABT | ARM_FSR_EXT);
    cpu->cycles += cyc;
    return v;
}

/* Fetch fast paths: MMU off, the MiB table; MMU on, the host-pointer
 * cache (fetch kind, current PL). Else fetch_slow translates and checks. */
static inline uint32_t fetch32(arm_cpu *cpu, uint32_t pc)
{
    if (ARM_LIKELY(!cpu->mmu_on)) {
        uint8_t *h = cpu->ram_mb_rd[pc >> 20];
        if (ARM_LIKELY(h != NULL)) { uint32_t v; memcpy(&v, h + (pc & 0xFFFFFu), 4); return v; }
    } else {
        uint8_t *h = arm_fast_lookup(cpu, pc, ARM_FAST_FX, 0);
        if (ARM_LIKELY(h != NULL)) { uint32_t v; memcpy(&v, h, 4); return v; }
    }
    return fetch_slow(cpu, pc, 4);
}

static inline uint32_t fetch16(arm_cpu *cpu, uint32_t pc)
{
    if (ARM_LIKELY(!cpu->mmu_on)) {
        uint8_t *h = cpu->ram_mb_rd[pc >> 20];
        if (ARM_LIKELY(h != NULL)) { uint16_t v; memcpy(&v, h + (pc & 0xFFFFFu), 2); return v; }
    } else {
        uint8_t *h = arm_fast_lookup(cpu, pc, ARM_FAST_FX, 0);
        if (ARM_LIKELY(h != NULL)) { uint16_t v; memcpy(&v, h, 2); return v; }
    }
    return fetch_slow(cpu, pc, 2);
}

/* ---- probes ---- */

static int probe_at(const arm_cpu *cpu, uint32_t va)
{
    unsigned k;
    for (k = 0; k < cpu->nprobes; k++)
        if (cpu->probes[k].va == va) return 1;
    return 0;
}

/*
 * Call the probe hook for every probe at pc (the decoded entry carries
 * ARM_TAG_PROBE). Returns 1 when a hook moved the PC (or the instruction
 * set): the probed instruction must then not execute.
 */
static __attribute__((noinline)) int fire_probes(arm_cpu *cpu, uint32_t pc)
{
    uint32_t thumb = cpu->thumb;
    unsigned k;
    /* index loop: a hook may add or clear probes */
    for (k = 0; k < cpu->nprobes; k++) {
        if (cpu->probes[k].va != pc || !cpu->probe_hook) continue;
        if (cpu->probe_hook(cpu->probe_opaque, cpu, cpu->probes[k].id, pc) == ARM_HOOK_STOP)
            arm_cpu_request_stop(cpu);
        if (cpu->pc != pc || cpu->thumb != thumb) return 1;
    }
    return 0;
}

/* Set or clear ARM_TAG_PROBE on the decoded entries that may hold va
 * (A32 index va>>2, T32 index va>>1). */
static void probe_mark(arm_cpu *cpu, uint32_t va, int set)
{
    arm_insn *e[2] = {&cpu->icache[(va >> 2) & (ARM_ICACHE_SIZE - 1)],
                      &cpu->icache[(va >> 1) & (ARM_ICACHE_SIZE - 1)]};
    unsigned k;
    for (k = 0; k < 2; k++) {
        if (set && (e[k]->tag_mode & ARM_TAG_VALID) && e[k]->pc_tag == va)
            e[k]->tag_mode |= ARM_TAG_PROBE;
        else if (!set)
            e[k]->tag_mode &= (uint8_t)~ARM_TAG_PROBE;
    }
}

int arm_cpu_add_probe(arm_cpu *cpu, uint32_t va, unsigned id)
{
    if (cpu->nprobes >= ARM_MAX_PROBES) return -1;
    cpu->probes[cpu->nprobes].va = va;
    cpu->probes[cpu->nprobes].id = id;
    cpu->nprobes++;
    probe_mark(cpu, va, 1);
    return 0;
}

void arm_cpu_clear_probes(arm_cpu *cpu)
{
    unsigned k;
    for (k = 0; k < cpu->nprobes; k++) probe_mark(cpu, cpu->probes[k].va, 0);
    cpu->nprobes = 0;
}

/* ---- decode into the cache ---- */

static void decode_into(arm_cpu *cpu, arm_insn *i, uint32_t pc, uint32_t raw,
                        unsigned size, unsigned tag_mode)
{
    int rc;
    memset(i, 0, sizeof *i);
    i->cond = 14;
    i->size = (uint8_t)size;
    cpu->decode_pc = pc;
    if (tag_mode & ARM_TAG_THUMB) {
        i->flags = ARM_IF_THUMBSRC;
        rc = arm_t32_decode(cpu, raw, size, i);
        i->flags |= ARM_IF_THUMBSRC;
    } else {
        rc = arm_a32_decode(cpu, raw, i);
    }
    if (rc != 0 || i->fn == NULL) {
        uint32_t fl = i->flags & ARM_IF_THUMBSRC;
        memset(i, 0, sizeof *i);
        i->flags = fl;
        i->cond = 14;
        i->size = (uint8_t)size;
        i->fn = arm_h_udf;
    }
    i->raw = raw;
    i->pc_tag = pc;
    i->tag_mode = (uint8_t)(tag_mode | ARM_TAG_VALID);
    if (ARM_UNLIKELY(cpu->nprobes) && probe_at(cpu, pc)) i->tag_mode |= ARM_TAG_PROBE;
    a9_timing_apply(i);
    cpu->icache_misses++;
}

/* ---- pending events between instructions ---- */

/* Returns 1 when the run must stop (stop_reason set). */
static int handle_events(arm_cpu *cpu)
{
    uint32_t ev = cpu->events;
    if (ev & ARM_EV_HALT) {
        cpu->stop_reason = ARM_STOP_HALT;
        return 1;
    }
    if (ev & ARM_EV_STOP) {
        cpu->events &= ~ARM_EV_STOP;
        cpu->exc_hook_stopped = 0;
        if (cpu->stop_reason == ARM_STOP_BUDGET) cpu->stop_reason = ARM_STOP_REQUEST;
        return 1;
    }
    if (ev & (ARM_EV_FIQ | ARM_EV_IRQ)) {
        cpu->next_pc = cpu->pc;
        arm_take_exception(cpu, (ev & ARM_EV_FIQ) ? ARM_EXC_FIQ : ARM_EXC_IRQ, cpu->pc);
        cpu->pc = cpu->next_pc;
        if (cpu->events & ARM_EV_STOP) {
            cpu->events &= ~ARM_EV_STOP;
            cpu->exc_hook_stopped = 0;
            cpu->stop_reason = ARM_STOP_REQUEST;
            return 1;
        }
    }
    return 0;
}

static inline unsigned it_advance(unsigned it)
{
    return (it & 7u) == 0 ? 0 : ((it & 0xE0u) | ((it << 1) & 0x1Fu));
}

/* Execute one instruction. TRACE and PIPE (ARM_TIMING_PIPELINE: interlocks
 * and branch prediction, a9_timing.h) are compile-time constants. */
static inline __attribute__((always_inline)) void exec_one(arm_cpu *cpu, int trace, int pipe)
{
    uint64_t t0, stall;
    uint32_t pc = cpu->pc;
    /* ARM code is word aligned: index by PC>>2 so all entries are usable */
    arm_insn *i = &cpu->icache[(pc >> (2 - cpu->thumb)) & (ARM_ICACHE_SIZE - 1)];
    if (ARM_LIKELY(!cpu->thumb)) {
        uint32_t raw = fetch32(cpu, pc);
        if (ARM_UNLIKELY(i->pc_tag != pc || i->raw != raw || i->tag_mode != ARM_TAG_VALID)) {
            /* a miss, or a probed entry (ARM_TAG_PROBE makes the compare fail) */
            if (i->pc_tag != pc || i->raw != raw ||
                (i->tag_mode & ~ARM_TAG_PROBE) != ARM_TAG_VALID)
                decode_into(cpu, i, pc, raw, 4, 0);
            if ((i->tag_mode & ARM_TAG_PROBE) && fire_probes(cpu, pc)) return;
        }
        if (trace) cpu->trace_hook(cpu->trace_opaque, cpu, pc, raw, 4, 0);
        cpu->insns++;
        if (i->cond < 14 && !cond_pass(cpu, i->cond)) {
            cpu->cycles += 1;
            cpu->pc = pc + 4;
            if (pipe && i->tbr) a9_branch_resolve(cpu, i, pc, pc + 4, 0);
            return;
        }
        stall = pipe ? a9_interlock(cpu, i) : 0;
        t0 = cpu->cycles + stall;
        cpu->r[15] = pc + 8;
        cpu->next_pc = pc + 4;
        i->fn(cpu, i);
        cpu->cycles += i->cycles + stall;
        cpu->pc = cpu->next_pc;
        if (pipe && (i->tpost & (A9_POST_PRODUCE | A9_POST_BRANCH))) {
            if (i->tpost & A9_POST_PRODUCE) a9_produce(cpu, i, t0);
            if (i->tpost & A9_POST_BRANCH) {
                uint32_t nx = cpu->next_pc | cpu->thumb;
                a9_branch_resolve(cpu, i, pc, nx, nx != pc + 4);
            }
        }
    } else {
        /* InITBlock() is ITSTATE<3:0> != 0000 (ARM ARM A2.5.2) */
        uint32_t raw = fetch16(cpu, pc), old_it = (cpu->itstate & 0xFu) ? cpu->itstate : 0;
        unsigned size = 2, cond, tm = ARM_TAG_THUMB | (old_it ? ARM_TAG_INIT : 0);
        if ((raw & 0xF800u) >= 0xE800u) {
            raw = (raw << 16) | fetch16(cpu, pc + 2);
            size = 4;
        }
        if (ARM_UNLIKELY(i->pc_tag != pc || i->raw != raw || i->size != size ||
                         i->tag_mode != (tm | ARM_TAG_VALID))) {
            if (i->pc_tag != pc || i->raw != raw || i->size != size ||
                (i->tag_mode & ~ARM_TAG_PROBE) != (tm | ARM_TAG_VALID))
                decode_into(cpu, i, pc, raw, size, tm);
            if ((i->tag_mode & ARM_TAG_PROBE) && fire_probes(cpu, pc)) return;
        }
        if (trace) cpu->trace_hook(cpu->trace_opaque, cpu, pc, raw, size, 1);
        cpu->insns++;
        cond = (old_it && !(i->flags & ARM_IF_UNCOND)) ? (old_it >> 4) : i->cond;
        if (cond < 14 && !cond_pass(cpu, cond)) {
            cpu->cycles += 1;
            cpu->pc = pc + size;
            cpu->itstate = it_advance(old_it);
            if (pipe && i->tbr) a9_branch_resolve(cpu, i, pc, (pc + size) | 1u, 0);
            return;
        }
        stall = pipe ? a9_interlock(cpu, i) : 0;
        t0 = cpu->cycles + stall;
        cpu->r[15] = pc + 4;
        cpu->next_pc = pc + size;
        i->fn(cpu, i);
        if (old_it) /* not advanced when the exception hook stopped before the exception */
            cpu->itstate = cpu->exc_hook_stopped ? old_it : it_advance(cpu->itstate);
        cpu->cycles += i->cycles + stall;
        cpu->pc = cpu->next_pc;
        if (pipe && (i->tpost & (A9_POST_PRODUCE | A9_POST_BRANCH))) {
            if (i->tpost & A9_POST_PRODUCE) a9_produce(cpu, i, t0);
            if (i->tpost & A9_POST_BRANCH) {
                uint32_t nx = cpu->next_pc | cpu->thumb;
                a9_branch_resolve(cpu, i, pc, nx, nx != ((pc + size) | 1u));
            }
        }
    }
}

/* noinline: keeps the hot loop out of run_common, whose setjmp forces spills */
static __attribute__((noinline)) void run_loop(arm_cpu *cpu, uint64_t end)
{
    for (;;) {
        if (ARM_UNLIKELY(cpu->events) && handle_events(cpu)) return;
        if (cpu->cycles >= end) return;
        exec_one(cpu, 0, 0);
    }
}

static __attribute__((noinline)) void run_loop_pipe(arm_cpu *cpu, uint64_t end)
{
    for (;;) {
        if (ARM_UNLIKELY(cpu->events) && handle_events(cpu)) return;
        if (cpu->cycles >= end) return;
        exec_one(cpu, 0, 1);
    }
}

/* iss-cache: with the cache model on, charge the instruction fetch when
 * execution moves to another 32-byte line (a9_cache.c). */
static inline void cache_fetch_check(arm_cpu *cpu)
{
    if ((cpu->pc >> 5) + 1u != cpu->cache_fetch_line) arm_cache_fetch(cpu, cpu->pc);
}

/* tracing is slow anyway: one loop tests the timing and cache models at run time */
static __attribute__((noinline)) void run_loop_trace(arm_cpu *cpu, uint64_t end)
{
    for (;;) {
        if (ARM_UNLIKELY(cpu->events) && handle_events(cpu)) return;
        if (cpu->cycles >= end) return;
        if (cpu->cache_on) cache_fetch_check(cpu);
        if (cpu->timing_model == ARM_TIMING_PIPELINE) exec_one(cpu, 1, 1); else exec_one(cpu, 1, 0);
    }
}

/* iss-cache: the loop used while the cache model is on (the other loops
 * pay nothing for it) */
static __attribute__((noinline)) void run_loop_cache(arm_cpu *cpu, uint64_t end)
{
    int pipe = cpu->timing_model == ARM_TIMING_PIPELINE;
    for (;;) {
        if (ARM_UNLIKELY(cpu->events) && handle_events(cpu)) return;
        if (cpu->cycles >= end) return;
        cache_fetch_check(cpu);
        if (pipe) exec_one(cpu, 0, 1); else exec_one(cpu, 0, 0);
    }
}

static arm_stop_reason run_common(arm_cpu *cpu, uint64_t budget, int single)
{
    volatile uint64_t end = cpu->cycles + budget;
    if (cpu->in_run) {
        /* called from a hook or bus callback of this CPU: not supported
         * (the abort context would be overwritten) */
        arm_halt(cpu, "arm_cpu_run/step called re-entrantly from a hook");
        return ARM_STOP_HALT;
    }
    cpu->stop_reason = ARM_STOP_BUDGET;
    cpu->events &= ~ARM_EV_STOP;
    cpu->exc_hook_stopped = 0;
    if (cpu->events & ARM_EV_HALT) return ARM_STOP_HALT;
    cpu->in_run = 1;
    /* An abort inside an instruction longjmps back here with the exception
     * already taken and the state consistent. */
    if (setjmp(cpu->abort_jmp) == 0) {
        if (single) {
            /* one instruction, or one interrupt taken (then nothing executes) */
            uint32_t irq = cpu->events & (ARM_EV_IRQ | ARM_EV_FIQ);
            if (!(cpu->events && handle_events(cpu)) && !irq) {
                int pipe = cpu->timing_model == ARM_TIMING_PIPELINE;
                if (cpu->cache_on) cache_fetch_check(cpu); /* iss-cache */
                if (cpu->trace_hook) exec_one(cpu, 1, pipe); else exec_one(cpu, 0, pipe);
                if (cpu->events & (ARM_EV_STOP | ARM_EV_HALT)) handle_events(cpu);
            }
            cpu->in_run = 0;
            return cpu->stop_reason;
        }
    } else if (single) {
        cpu->in_run = 0;
        return cpu->stop_reason;
    }
    if (cpu->trace_hook) run_loop_trace(cpu, end);
    else if (cpu->cache_on) run_loop_cache(cpu, end); /* iss-cache */
    else if (cpu->timing_model == ARM_TIMING_PIPELINE) run_loop_pipe(cpu, end);
    else run_loop(cpu, end);
    cpu->in_run = 0;
    return cpu->stop_reason;
}

arm_stop_reason arm_cpu_run(arm_cpu *cpu, uint64_t budget_cycles)
{
    return run_common(cpu, budget_cycles, 0);
}

arm_stop_reason arm_cpu_step(arm_cpu *cpu)
{
    return run_common(cpu, 0, 1);
}

void arm_cpu_request_stop(arm_cpu *cpu)
{
    cpu->events |= ARM_EV_STOP;
    if (cpu->stop_reason == ARM_STOP_BUDGET) cpu->stop_reason = ARM_STOP_REQUEST;
}

void arm_cpu_set_irq(arm_cpu *cpu, int level)
{
    cpu->irq_line = level != 0;
    arm_update_events(cpu);
}

void arm_cpu_set_fiq(arm_cpu *cpu, int level)
{
    cpu->fiq_line = level != 0;
    arm_update_events(cpu);
}

const char *arm_cpu_halt_message(const arm_cpu *cpu)
{
    return cpu->halt_msg;
}

/* ---- lifetime ---- */

arm_cpu *arm_cpu_new(const arm_bus *bus)
{
    arm_cpu *cpu = calloc(1, sizeof *cpu);
    if (!cpu) return NULL;
    cpu->icache = calloc(ARM_ICACHE_SIZE, sizeof(arm_insn));
    if (!cpu->icache) {
        free(cpu);
        return NULL;
    }
    if (bus) cpu->bus = *bus;
    cpu->timing_model = ARM_TIMING_PIPELINE;
    arm_cpu_reset(cpu);
    return cpu;
}

void arm_cpu_free(arm_cpu *cpu)
{
    unsigned k;
    if (!cpu) return;
    for (k = 0; k < 4096; k++) {
        free(cpu->ram_pg_rd[k]);
        free(cpu->ram_pg_wr[k]);
    }
    free(cpu->icache);
    a9c_free(cpu->cache); /* iss-cache */
    free(cpu);
}

void arm_cpu_reset(arm_cpu *cpu)
{
    uint32_t old_mode = arm_mode(cpu), old_ctx = cpu->cp15.contextidr;
    memset(cpu->r, 0, sizeof cpu->r);
    memset(cpu->bank_r13, 0, sizeof cpu->bank_r13);
    memset(cpu->bank_r14, 0, sizeof cpu->bank_r14);
    memset(cpu->bank_spsr, 0, sizeof cpu->bank_spsr);
    memset(cpu->usr_r8_12, 0, sizeof cpu->usr_r8_12);
    memset(cpu->fiq_r8_12, 0, sizeof cpu->fiq_r8_12);
    cpu->bank = ARM_BANK_USR;
    cpu->cpsr_rest = ARM_MODE_USR;
    cpu->nf = 0; cpu->zf = 1; cpu->cf = 0; cpu->vf = 0; cpu->qf = 0; cpu->ge = 0;
    cpu->thumb = 0;
    cpu->itstate = 0;
    arm_set_mode(cpu, ARM_MODE_SVC);
    cpu->cpsr_rest |= ARM_CPSR_A | ARM_CPSR_I | ARM_CPSR_F;
    arm_cp15_reset(cpu);
    cpu->mmu_on = 0;
    cpu->pc = (cpu->cp15.sctlr & ARM_SCTLR_V) ? 0xFFFF0000u : 0;
    cpu->next_pc = cpu->pc;
    cpu->excl_valid = 0;
    cpu->events = 0;
    cpu->halt_msg[0] = 0;
    cpu->wfi_pending = 0;
    cpu->stop_reason = ARM_STOP_BUDGET;
    memset(cpu->icache, 0, ARM_ICACHE_SIZE * sizeof(arm_insn));
    a9_timing_reset(cpu);
    arm_cache_reset(cpu); /* iss-cache: empty caches; the model stays on or off */
    cpu->fast_dirty = 1;
    arm_fast_flush(cpu); /* the TLB is empty after reset */
    arm_update_data_slow(cpu);
    arm_update_events(cpu);
    /* probes survive a reset; their decoded entries are re-flagged on decode */
    if (old_mode != 0) arm_mode_changed(cpu, old_mode);
    if (old_ctx != 0 && cpu->ctx_hook) cpu->ctx_hook(cpu->ctx_opaque, cpu, old_ctx, 0);
}

/* ---- hooks ---- */

void arm_cpu_set_svc_hook(arm_cpu *cpu, arm_svc_hook fn, void *opaque)
{
    cpu->svc_hook = fn; cpu->svc_opaque = opaque;
}
void arm_cpu_set_bkpt_hook(arm_cpu *cpu, arm_bkpt_hook fn, void *opaque)
{
    cpu->bkpt_hook = fn; cpu->bkpt_opaque = opaque;
}
void arm_cpu_set_trace_hook(arm_cpu *cpu, arm_trace_hook fn, void *opaque)
{
    cpu->trace_hook = fn; cpu->trace_opaque = opaque;
}
void arm_cpu_set_exception_hook(arm_cpu *cpu, arm_exception_hook fn, void *opaque)
{
    cpu->exc_hook = fn; cpu->exc_opaque = opaque;
}
void arm_cpu_set_probe_hook(arm_cpu *cpu, arm_probe_hook fn, void *opaque)
{
    cpu->probe_hook = fn; cpu->probe_opaque = opaque;
}
void arm_cpu_set_mode_hook(arm_cpu *cpu, arm_mode_hook fn, void *opaque)
{
    cpu->mode_hook = fn; cpu->mode_opaque = opaque;
}
void arm_cpu_set_context_hook(arm_cpu *cpu, arm_context_hook fn, void *opaque)
{
    cpu->ctx_hook = fn; cpu->ctx_opaque = opaque;
}

/* ---- CP15 state seen by observers ---- */

void arm_set_contextidr(arm_cpu *cpu, uint32_t value)
{
    uint32_t old = cpu->cp15.contextidr;
    cpu->cp15.contextidr = value;
    /* non-global TLB entries of the old ASID no longer match */
    arm_fast_flush(cpu);
    if (cpu->ctx_hook) cpu->ctx_hook(cpu->ctx_opaque, cpu, old, value);
}

uint32_t arm_cpu_get_contextidr(const arm_cpu *cpu)
{
    return cpu->cp15.contextidr;
}

void arm_cpu_get_fault_regs(const arm_cpu *cpu, uint32_t *dfar, uint32_t *dfsr,
                            uint32_t *ifar, uint32_t *ifsr)
{
    if (dfar) *dfar = cpu->cp15.dfar;
    if (dfsr) *dfsr = cpu->cp15.dfsr;
    if (ifar) *ifar = cpu->cp15.ifar;
    if (ifsr) *ifsr = cpu->cp15.ifsr;
}

/* ---- registers ---- */

uint32_t arm_cpu_get_reg(const arm_cpu *cpu, unsigned r)
{
    if (r >= 15) return cpu->pc;
    return cpu->r[r];
}

void arm_cpu_set_reg(arm_cpu *cpu, unsigned r, uint32_t value)
{
    if (r >= 15) {
        cpu->pc = value;
        cpu->next_pc = value;
    } else {
        cpu->r[r] = value;
    }
}

void arm_cpu_set_pc(arm_cpu *cpu, uint32_t addr_with_thumb_bit)
{
    cpu->thumb = addr_with_thumb_bit & 1;
    cpu->pc = addr_with_thumb_bit & (cpu->thumb ? ~1u : ~3u);
    cpu->next_pc = cpu->pc;
}

uint32_t arm_cpu_get_cpsr(const arm_cpu *cpu)
{
    return arm_get_cpsr(cpu);
}

void arm_cpu_set_cpsr(arm_cpu *cpu, uint32_t value)
{
    arm_write_cpsr(cpu, value, 0xFFFFFFFFu);
}

/* ---- counters and statistics ---- */

uint64_t arm_cpu_cycles(const arm_cpu *cpu) { return cpu->cycles; }

void arm_cpu_set_timing(arm_cpu *cpu, arm_timing_model model)
{
    cpu->timing_model = model == ARM_TIMING_ISSUE ? ARM_TIMING_ISSUE : ARM_TIMING_PIPELINE;
    a9_timing_reset(cpu);
}

arm_timing_model arm_cpu_get_timing(const arm_cpu *cpu)
{
    return cpu->timing_model == ARM_TIMING_ISSUE ? ARM_TIMING_ISSUE : ARM_TIMING_PIPELINE;
}
uint64_t arm_cpu_instructions(const arm_cpu *cpu) { return cpu->insns; }

void arm_cpu_stats(const arm_cpu *cpu,
                   void (*fn)(void *opaque, const char *key, uint64_t value), void *opaque)
{
    static const char *const names[ARM_EXC_COUNT] = {
        "exceptions_reset", "exceptions_undef", "exceptions_svc", "exceptions_pabt",
        "exceptions_dabt", "exceptions_irq", "exceptions_fiq",
    };
    unsigned k;
    fn(opaque, "instructions", cpu->insns);
    fn(opaque, "cycles", cpu->cycles);
    fn(opaque, "decode_cache_misses", cpu->icache_misses);
    fn(opaque, "slow_path_accesses", cpu->slow_accesses);
    for (k = 0; k < ARM_EXC_COUNT; k++) fn(opaque, names[k], cpu->exc_count[k]);
    fn(opaque, "tlb_hits", cpu->tlb_hits);
    fn(opaque, "tlb_misses", cpu->tlb_misses);
    fn(opaque, "tlb_flushes", cpu->tlb_flushes);
    fn(opaque, "page_walks", cpu->page_walks);
    fn(opaque, "tlb_fast_hits", cpu->tlb_fast_hits);
    fn(opaque, "interlock_stall_cycles", cpu->tm_stall_cycles);
    fn(opaque, "interlocks", cpu->tm_interlocks);
    fn(opaque, "branches_predicted", cpu->bp_branches);
    fn(opaque, "branch_mispredicts", cpu->bp_mispredicts);
    fn(opaque, "returns", cpu->bp_returns);
    fn(opaque, "return_stack_hits", cpu->bp_return_hits);
    arm_cpu_cache_stats(cpu, fn, opaque);
}

void arm_cpu_cache_stats(const arm_cpu *cpu,
                         void (*fn)(void *opaque, const char *key, uint64_t value), void *opaque)
{
    /* iss-cache: only while the cache model is on */
    if (cpu->cache_on) {
        arm_cache_stats cs;
        arm_cpu_get_cache_stats(cpu, &cs);
        fn(opaque, "l1i_hits", cs.l1i_hits);
        fn(opaque, "l1i_misses", cs.l1i_misses);
        fn(opaque, "l1d_hits", cs.l1d_hits);
        fn(opaque, "l1d_misses", cs.l1d_misses);
        fn(opaque, "l1d_writebacks", cs.l1d_writebacks);
        fn(opaque, "l2_hits", cs.l2_hits);
        fn(opaque, "l2_misses", cs.l2_misses);
        fn(opaque, "l2_writebacks", cs.l2_writebacks);
        fn(opaque, "uncached_accesses", cs.uncached);
        fn(opaque, "uncached_fetches", cs.uncached_fetches);
        fn(opaque, "cache_stall_cycles", cs.stall_cycles);
    }
}
