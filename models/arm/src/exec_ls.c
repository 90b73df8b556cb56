/*
 * exec_ls.c - semantic handlers for loads and stores: single (all sizes and
 * addressing modes, unprivileged forms), LDRD/STRD, exclusives, SWP,
 * LDM/STM (user bank, exception return). Shared by A32 and T32.
 *
 * Rule (see arm_internal.h): every memory read happens before the first
 * register write, so an abort (longjmp) leaves registers untouched.
 */
#include "a9_timing.h"
#include "arm_internal.h"

#define R(x) cpu->r[i->x]

static inline uint32_t ls_base(const arm_cpu *cpu, const arm_insn *i)
{
    uint32_t b = cpu->r[i->rn];
    if ((i->flags & ARM_IF_ALIGNPC) && i->rn == 15) b &= ~3u;
    return b;
}

static inline uint32_t ls_offset(const arm_cpu *cpu, const arm_insn *i)
{
    if (i->flags & ARM_IF_REGOFF)
        return arm_shift(cpu->r[i->rm], i->shift_type, i->shift_imm, cpu->cf);
    return i->imm;
}

/* offset address (for writeback) and access address */
static inline uint32_t ls_addr(const arm_cpu *cpu, const arm_insn *i, uint32_t *offaddr)
{
    uint32_t base = ls_base(cpu, i), off = ls_offset(cpu, i);
    uint32_t oa = (i->flags & ARM_IF_U) ? base + off : base - off;
    *offaddr = oa;
    return (i->flags & ARM_IF_P) ? oa : base;
}

static inline uint32_t load_sized(arm_cpu *cpu, unsigned op, uint32_t a, unsigned acc)
{
    switch (op) {
    case ARM_LS_W: return arm_read32(cpu, a, acc);
    case ARM_LS_B: return arm_read8(cpu, a, acc);
    case ARM_LS_H: return arm_read16(cpu, a, acc);
    case ARM_LS_SB: return (uint32_t)(int8_t)arm_read8(cpu, a, acc);
    default: return (uint32_t)(int16_t)arm_read16(cpu, a, acc);
    }
}

void arm_h_load(arm_cpu *cpu, const arm_insn *i)
{
    uint32_t oa, a = ls_addr(cpu, i, &oa);
    uint32_t v = load_sized(cpu, i->op, a, (i->flags & ARM_IF_USER) ? ARM_ACC_USER : 0);
    if (i->flags & ARM_IF_W) R(rn) = oa;
    if (i->rd == 15) {
        arm_load_write_pc(cpu, v);
    } else {
        R(rd) = v;
    }
}

void arm_h_store(arm_cpu *cpu, const arm_insn *i)
{
    uint32_t oa, a = ls_addr(cpu, i, &oa), v = R(rd);
    unsigned acc = (i->flags & ARM_IF_USER) ? ARM_ACC_USER : 0;
    switch (i->op) {
    case ARM_LS_B: arm_write8(cpu, a, v, acc); break;
    case ARM_LS_H: arm_write16(cpu, a, v, acc); break;
    default: arm_write32(cpu, a, v, acc); break;
    }
    if (i->flags & ARM_IF_W) R(rn) = oa;
}

/* Fast forms: immediate offset, no writeback, not PC-relative, rd != PC. */
static void ldr_imm_fast(arm_cpu *cpu, const arm_insn *i)
{
    uint32_t a = (i->flags & ARM_IF_U) ? R(rn) + i->imm : R(rn) - i->imm;
    R(rd) = arm_read32(cpu, a, 0);
}

static void str_imm_fast(arm_cpu *cpu, const arm_insn *i)
{
    uint32_t a = (i->flags & ARM_IF_U) ? R(rn) + i->imm : R(rn) - i->imm;
    arm_write32(cpu, a, R(rd), 0);
}

static void ldrb_imm_fast(arm_cpu *cpu, const arm_insn *i)
{
    uint32_t a = (i->flags & ARM_IF_U) ? R(rn) + i->imm : R(rn) - i->imm;
    R(rd) = arm_read8(cpu, a, 0);
}

static void strb_imm_fast(arm_cpu *cpu, const arm_insn *i)
{
    uint32_t a = (i->flags & ARM_IF_U) ? R(rn) + i->imm : R(rn) - i->imm;
    arm_write8(cpu, a, R(rd), 0);
}

void arm_ls_finish(arm_insn *out, int is_load)
{
    /* PC-relative (literal) loads qualify unless the base must be aligned */
    int simple = !(out->flags & (ARM_IF_REGOFF | ARM_IF_W | ARM_IF_USER | ARM_IF_ALIGNPC)) &&
                 (out->flags & ARM_IF_P);
    int bh = out->op != ARM_LS_W;
    if (is_load) {
        if (simple && out->rd != 15 && out->op == ARM_LS_W) out->fn = ldr_imm_fast;
        else if (simple && out->rd != 15 && out->op == ARM_LS_B) out->fn = ldrb_imm_fast;
        else out->fn = arm_h_load;
        if (out->flags & ARM_IF_REGOFF) {
            int plain = out->shift_type == ARM_SHIFT_LSL &&
                        (out->shift_imm == 0 || (!bh && out->shift_imm == 2));
            out->tclass = bh ? (plain && out->shift_imm == 0 ? A9_LOAD_BH : A9_LOAD_BH_SHIFT)
                             : (plain ? A9_LOAD : A9_LOAD_SHIFT);
        } else {
            out->tclass = bh ? A9_LOAD_BH : A9_LOAD;
        }
    } else {
        if (simple && out->op == ARM_LS_W) out->fn = str_imm_fast;
        else if (simple && out->op == ARM_LS_B) out->fn = strb_imm_fast;
        else out->fn = arm_h_store;
        out->tclass = A9_STORE;
    }
}

void arm_h_ldrd(arm_cpu *cpu, const arm_insn *i)
{
    uint32_t oa, a = ls_addr(cpu, i, &oa);
    /* ARMv7: LDRD needs word alignment (alignment fault otherwise, A3.2.1) */
    uint32_t lo = arm_read32(cpu, a, ARM_ACC_ALIGN);
    uint32_t hi = arm_read32(cpu, a + 4, ARM_ACC_ALIGN);
    if (a & 7) cpu->cycles += 1; /* not 64-bit aligned: second AGU cycle [S18] */
    if (i->flags & ARM_IF_W) R(rn) = oa;
    R(rd) = lo;
    R(ra) = hi;
}

void arm_h_strd(arm_cpu *cpu, const arm_insn *i)
{
    uint32_t oa, a = ls_addr(cpu, i, &oa);
    uint32_t lo = R(rd), hi = R(ra);
    if (a & 3) arm_raise_dabt(cpu, a, ARM_FSR_ALIGN | ARM_FSR_WNR);
    arm_write32(cpu, a, lo, ARM_ACC_ALIGN);
    arm_write32(cpu, a + 4, hi, ARM_ACC_ALIGN);
    if (a & 7) cpu->cycles += 1;
    if (i->flags & ARM_IF_W) R(rn) = oa;
}

/* ---- exclusives (local monitor only; single core) ---- */

static const unsigned excl_bytes[6] = {4, 1, 2, 1, 2, 8};

void arm_h_ldrex(arm_cpu *cpu, const arm_insn *i)
{
    uint32_t a = R(rn) + i->imm, v, v2 = 0;
    switch (i->op) {
    case ARM_LS_B: v = arm_read8(cpu, a, ARM_ACC_ALIGN); break;
    case ARM_LS_H: v = arm_read16(cpu, a, ARM_ACC_ALIGN); break;
    case ARM_LS_D:
        if (a & 7) arm_raise_dabt(cpu, a, ARM_FSR_ALIGN);
        v = arm_read32(cpu, a, ARM_ACC_ALIGN);
        v2 = arm_read32(cpu, a + 4, ARM_ACC_ALIGN);
        break;
    default: v = arm_read32(cpu, a, ARM_ACC_ALIGN); break;
    }
    cpu->excl_addr = a;
    cpu->excl_size = excl_bytes[i->op];
    cpu->excl_valid = 1;
    R(rd) = v;
    if (i->op == ARM_LS_D) R(ra) = v2;
}

void arm_h_strex(arm_cpu *cpu, const arm_insn *i)
{
    uint32_t a = R(rn) + i->imm, v = R(rd);
    unsigned sz = excl_bytes[i->op];
    /* alignment is checked even when the store does not happen (A3.4.5) */
    if (a & (sz - 1)) arm_raise_dabt(cpu, a, ARM_FSR_ALIGN | ARM_FSR_WNR);
    if (cpu->excl_valid && cpu->excl_addr == a && cpu->excl_size == sz) {
        switch (i->op) {
        case ARM_LS_B: arm_write8(cpu, a, v, ARM_ACC_ALIGN); break;
        case ARM_LS_H: arm_write16(cpu, a, v, ARM_ACC_ALIGN); break;
        case ARM_LS_D:
            arm_write32(cpu, a, v, ARM_ACC_ALIGN);
            arm_write32(cpu, a + 4, R(ra), ARM_ACC_ALIGN);
            break;
        default: arm_write32(cpu, a, v, ARM_ACC_ALIGN); break;
        }
        R(rs) = 0;
    } else {
        R(rs) = 1;
    }
    cpu->excl_valid = 0;
}

void arm_h_clrex(arm_cpu *cpu, const arm_insn *i)
{
    (void)i;
    cpu->excl_valid = 0;
}

void arm_h_swp(arm_cpu *cpu, const arm_insn *i)
{
    uint32_t a = R(rn), v;
    if (i->op == ARM_LS_B) {
        v = arm_read8(cpu, a, 0);
        arm_write8(cpu, a, R(rm), 0);
    } else {
        v = arm_read32(cpu, a, ARM_ACC_ALIGN);
        arm_write32(cpu, a, R(rm), ARM_ACC_ALIGN);
    }
    R(rd) = v;
}

/* ---- LDM / STM ---- */

static inline uint32_t lsm_start(const arm_cpu *cpu, const arm_insn *i, unsigned n,
                                 uint32_t *wb)
{
    uint32_t base = cpu->r[i->rn];
    int inc = (i->flags & ARM_IF_U) != 0, before = (i->flags & ARM_IF_P) != 0;
    *wb = inc ? base + 4 * n : base - 4 * n;
    if (inc) return before ? base + 4 : base;
    return before ? base - 4 * n : base - 4 * n + 4;
}

void arm_h_ldm(arm_cpu *cpu, const arm_insn *i)
{
    uint32_t vals[16], wb, a;
    unsigned list = i->reglist, n = (unsigned)__builtin_popcount(list), k, j = 0;
    int user = (i->flags & ARM_IF_USERBANK) != 0;
    a = lsm_start(cpu, i, n, &wb);
    if (a & 3) arm_raise_dabt(cpu, a, ARM_FSR_ALIGN);
    for (k = 0; k < 16; k++)
        if (list & (1u << k)) { vals[j] = arm_read32(cpu, a + 4 * j, ARM_ACC_ALIGN); j++; }
    if (a & 4) cpu->cycles += A9_LSM_UNALIGNED_EXTRA;
    if (i->flags & ARM_IF_W) R(rn) = wb;
    j = 0;
    if (user && !(list & 0x8000u)) {
        /* LDM (user registers), B9.3.6: not in USR/SYS (UNPREDICTABLE: normal regs) */
        for (k = 0; k < 15; k++)
            if (list & (1u << k)) arm_set_user_reg(cpu, k, vals[j++]);
        return;
    }
    for (k = 0; k < 15; k++)
        if (list & (1u << k)) cpu->r[k] = vals[j++];
    if (list & 0x8000u) {
        uint32_t pc = vals[j];
        if (user && arm_have_spsr(cpu)) {
            /* LDM (exception return), B9.3.5 */
            arm_write_cpsr(cpu, cpu->bank_spsr[cpu->bank], 0xFFFFFFFFu);
            arm_branch_write_pc(cpu, pc);
            cpu->cycles += A9_FLUSH_PENALTY;
        } else {
            arm_load_write_pc(cpu, pc);
        }
    }
}

void arm_h_stm(arm_cpu *cpu, const arm_insn *i)
{
    uint32_t wb, a;
    unsigned list = i->reglist, n = (unsigned)__builtin_popcount(list), k, j = 0;
    int user = (i->flags & ARM_IF_USERBANK) != 0;
    a = lsm_start(cpu, i, n, &wb);
    if (a & 3) arm_raise_dabt(cpu, a, ARM_FSR_ALIGN | ARM_FSR_WNR);
    for (k = 0; k < 16; k++) {
        if (list & (1u << k)) {
            uint32_t v = user ? arm_get_user_reg(cpu, k) : cpu->r[k];
            arm_write32(cpu, a + 4 * j, v, ARM_ACC_ALIGN);
            j++;
        }
    }
    if (a & 4) cpu->cycles += A9_LSM_UNALIGNED_EXTRA;
    if (i->flags & ARM_IF_W) R(rn) = wb;
}

/* POP/LDMIA sp! of low registers + pc, and PUSH/STMDB sp!: the common
 * compiler forms get dedicated loops without the user-bank checks. */
static void ldm_fast(arm_cpu *cpu, const arm_insn *i)
{
    uint32_t vals[16], wb, a;
    unsigned list = i->reglist, n = (unsigned)__builtin_popcount(list), k, j = 0;
    a = lsm_start(cpu, i, n, &wb);
    if (a & 3) arm_raise_dabt(cpu, a, ARM_FSR_ALIGN);
    for (k = 0; k < 16; k++)
        if (list & (1u << k)) { vals[j] = arm_read32(cpu, a + 4 * j, ARM_ACC_ALIGN); j++; }
    if (a & 4) cpu->cycles += A9_LSM_UNALIGNED_EXTRA;
    if (i->flags & ARM_IF_W) R(rn) = wb;
    j = 0;
    for (k = 0; k < 15; k++)
        if (list & (1u << k)) cpu->r[k] = vals[j++];
    if (list & 0x8000u) arm_load_write_pc(cpu, vals[j]);
}

void arm_lsm_finish(arm_insn *out, int is_load)
{
    if (is_load)
        out->fn = (out->flags & ARM_IF_USERBANK) ? arm_h_ldm : ldm_fast;
    else
        out->fn = arm_h_stm;
    out->tclass = A9_LSM;
}
