/*
 * exec_sys.c - semantic handlers: branches, hints and barriers, status
 * register access (MRS/MSR/CPS/SRS/RFE/SETEND), SVC/BKPT/UDF and
 * coprocessor transfers. Shared by A32 and T32.
 */
#include "a9_timing.h"
#include "arm_internal.h"

#define R(x) cpu->r[i->x]

/* ---- branches ---- */

void arm_h_b(arm_cpu *cpu, const arm_insn *i)
{
    arm_branch_write_pc(cpu, cpu->r[15] + i->imm);
}

void arm_h_bl(arm_cpu *cpu, const arm_insn *i)
{
    cpu->r[14] = cpu->next_pc | cpu->thumb;
    arm_branch_write_pc(cpu, cpu->r[15] + i->imm);
}

void arm_h_blx_imm(arm_cpu *cpu, const arm_insn *i)
{
    cpu->r[14] = cpu->next_pc | cpu->thumb;
    if (cpu->thumb) {
        cpu->thumb = 0;
        cpu->next_pc = ((cpu->r[15] & ~3u) + i->imm) & ~3u;
    } else {
        cpu->thumb = 1;
        cpu->next_pc = (cpu->r[15] + i->imm) & ~1u;
    }
}

void arm_h_bx(arm_cpu *cpu, const arm_insn *i)
{
    arm_bx_write_pc(cpu, R(rm));
}

void arm_h_blx_reg(arm_cpu *cpu, const arm_insn *i)
{
    uint32_t target = R(rm);
    cpu->r[14] = cpu->next_pc | cpu->thumb;
    arm_bx_write_pc(cpu, target);
}

/* ---- hints ---- */

void arm_h_hint(arm_cpu *cpu, const arm_insn *i)
{
    switch (i->op) {
    case ARM_HINT_WFI:
        /* Wake-up events include interrupts masked by CPSR.I/F (B1.8.13). */
        if (!cpu->irq_line && !cpu->fiq_line) {
            cpu->stop_reason = ARM_STOP_WFI;
            cpu->events |= ARM_EV_STOP;
            cpu->wfi_pending = 1;
        }
        break;
    default:
        /* NOP, YIELD, WFE (may complete at once: single core), SEV,
         * barriers (in-order memory model), PLD/PLI, DBG */
        break;
    }
}

/* ---- status registers ---- */

void arm_h_mrs(arm_cpu *cpu, const arm_insn *i)
{
    if (i->flags & ARM_IF_SPSR) {
        if (!arm_have_spsr(cpu)) {
            arm_take_undef(cpu); /* USR/SYS: UNPREDICTABLE -> UNDEFINED (README) */
            return;
        }
        R(rd) = cpu->bank_spsr[cpu->bank];
    } else {
        /* execution state bits (T, IT, J) read as zero */
        R(rd) = arm_get_cpsr(cpu) & ~(ARM_CPSR_T | 0x0600FC00u | (1u << 24));
    }
}

static uint32_t msr_bytemask(unsigned m)
{
    return ((m & 1) ? 0x000000FFu : 0) | ((m & 2) ? 0x0000FF00u : 0) |
           ((m & 4) ? 0x00FF0000u : 0) | ((m & 8) ? 0xFF000000u : 0);
}

/* CPSRWriteByInstr(value, bytemask, FALSE), ARM ARM B1.3.3 / B9.3.12 */
static void cpsr_write_by_instr(arm_cpu *cpu, uint32_t value, unsigned fields)
{
    uint32_t mask = 0;
    if (fields & 8) mask |= 0xF8000000u;          /* N Z C V Q */
    if (fields & 4) mask |= 0x000F0000u;          /* GE */
    if (fields & 2) {
        mask |= ARM_CPSR_E;
        if (cpu->priv) mask |= ARM_CPSR_A;
    }
    if ((fields & 1) && cpu->priv) {
        mask |= ARM_CPSR_I | ARM_CPSR_F;
        if (arm_mode_valid(value & ARM_MODE_MASK)) mask |= ARM_MODE_MASK;
        /* bad mode: UNPREDICTABLE, mode left unchanged (README) */
    }
    if (mask & ARM_MODE_MASK && (value & ARM_MODE_MASK) != arm_mode(cpu))
        cpu->cycles += A9_FLUSH_PENALTY;
    arm_write_cpsr(cpu, value, mask);
}

static void msr(arm_cpu *cpu, const arm_insn *i, uint32_t value)
{
    if (i->flags & ARM_IF_SPSR) {
        /* SPSRWriteByInstr: all bits of the selected bytes except the
         * reserved bits 23:20 (RAZ/WI here, ARM ARM B1.3.3) */
        uint32_t mask = msr_bytemask(i->op) & ~0x00F00000u;
        if (!arm_have_spsr(cpu)) {
            arm_take_undef(cpu);
            return;
        }
        cpu->bank_spsr[cpu->bank] = (cpu->bank_spsr[cpu->bank] & ~mask) | (value & mask);
        return;
    }
    cpsr_write_by_instr(cpu, value, i->op);
}

void arm_h_msr_imm(arm_cpu *cpu, const arm_insn *i) { msr(cpu, i, i->imm); }
void arm_h_msr_reg(arm_cpu *cpu, const arm_insn *i) { msr(cpu, i, R(rn)); }

void arm_h_cps(arm_cpu *cpu, const arm_insn *i)
{
    uint32_t v = arm_get_cpsr(cpu), mask = 0;
    if (!cpu->priv) return; /* NOP in User mode (B9.3.2) */
    if ((i->op & 3) == 2) { v &= ~i->imm; mask |= i->imm; }
    if ((i->op & 3) == 3) { v |= i->imm; mask |= i->imm; }
    if ((i->op & 4) && arm_mode_valid(i->shift_imm)) {
        v = (v & ~ARM_MODE_MASK) | i->shift_imm;
        mask |= ARM_MODE_MASK;
    }
    arm_write_cpsr(cpu, v, mask);
}

static uint32_t *banked_sp(arm_cpu *cpu, uint32_t mode)
{
    unsigned b = arm_mode_bank(mode);
    return b == cpu->bank ? &cpu->r[13] : &cpu->bank_r13[b];
}

static uint32_t two_word_start(const arm_insn *i, uint32_t base, uint32_t *wb)
{
    int inc = (i->flags & ARM_IF_U) != 0, before = (i->flags & ARM_IF_P) != 0;
    *wb = inc ? base + 8 : base - 8;
    if (inc) return before ? base + 4 : base;
    return before ? base - 8 : base - 4;
}

void arm_h_srs(arm_cpu *cpu, const arm_insn *i)
{
    uint32_t mode = i->shift_imm, wb, a, *sp;
    if (!arm_have_spsr(cpu) || !arm_mode_valid(mode)) {
        arm_take_undef(cpu); /* UNPREDICTABLE in USR/SYS or bad mode: UNDEFINED (README) */
        return;
    }
    sp = banked_sp(cpu, mode);
    a = two_word_start(i, *sp, &wb);
    arm_write32(cpu, a, cpu->r[14], ARM_ACC_ALIGN);
    arm_write32(cpu, a + 4, cpu->bank_spsr[cpu->bank], ARM_ACC_ALIGN);
    if (i->flags & ARM_IF_W) *banked_sp(cpu, mode) = wb;
}

void arm_h_rfe(arm_cpu *cpu, const arm_insn *i)
{
    uint32_t wb, a, pc, psr;
    if (!cpu->priv) {
        arm_take_undef(cpu); /* UNPREDICTABLE in User mode: UNDEFINED (README) */
        return;
    }
    a = two_word_start(i, R(rn), &wb);
    pc = arm_read32(cpu, a, ARM_ACC_ALIGN);
    psr = arm_read32(cpu, a + 4, ARM_ACC_ALIGN);
    if (i->flags & ARM_IF_W) R(rn) = wb;
    arm_write_cpsr(cpu, psr, 0xFFFFFFFFu);
    arm_branch_write_pc(cpu, pc);
    cpu->cycles += A9_FLUSH_PENALTY;
}

void arm_h_setend(arm_cpu *cpu, const arm_insn *i)
{
    if (i->imm) cpu->cpsr_rest |= ARM_CPSR_E;
    else cpu->cpsr_rest &= ~ARM_CPSR_E;
    arm_update_data_slow(cpu);
}

/* ---- exception-generating ---- */

void arm_h_svc(arm_cpu *cpu, const arm_insn *i)
{
    if (cpu->svc_hook) {
        arm_hook_result r = cpu->svc_hook(cpu->svc_opaque, cpu, i->imm);
        if (r == ARM_HOOK_CONTINUE) return;
        if (r == ARM_HOOK_STOP) {
            cpu->events |= ARM_EV_STOP;
            if (cpu->stop_reason == ARM_STOP_BUDGET) cpu->stop_reason = ARM_STOP_REQUEST;
            return;
        }
    }
    /* TakeSVCException: ITAdvance() before saving the CPSR */
    if (cpu->itstate)
        cpu->itstate = (cpu->itstate & 7u) == 0 ? 0
                       : ((cpu->itstate & 0xE0u) | ((cpu->itstate << 1) & 0x1Fu));
    arm_take_exception(cpu, ARM_EXC_SVC, cpu->pc);
}

void arm_h_bkpt(arm_cpu *cpu, const arm_insn *i)
{
    if (cpu->bkpt_hook) {
        arm_hook_result r = cpu->bkpt_hook(cpu->bkpt_opaque, cpu, i->imm);
        if (r == ARM_HOOK_CONTINUE) return;
        if (r == ARM_HOOK_STOP) {
            cpu->events |= ARM_EV_STOP;
            cpu->stop_reason = ARM_STOP_BKPT;
            return;
        }
    }
    /* BKPT with halting debug disabled: Prefetch Abort, debug event (IFSR 0x2) */
    cpu->cp15.ifsr = 0x2;
    cpu->cp15.ifar = cpu->pc;
    arm_take_exception(cpu, ARM_EXC_PABT, cpu->pc);
}

void arm_h_udf(arm_cpu *cpu, const arm_insn *i)
{
    (void)i;
    arm_take_undef(cpu);
}

/* ---- coprocessor ---- */

void arm_h_mrc(arm_cpu *cpu, const arm_insn *i)
{
    uint32_t v;
    if (i->cp_num != 15 ||
        arm_cp15_read(cpu, i->cp_opc1, i->cp_crn, i->cp_crm, i->cp_opc2, &v) != 0) {
        arm_take_undef(cpu);
        return;
    }
    if (i->rd == 15) {
        /* APSR_nzcv form */
        cpu->nf = v & ARM_CPSR_N;
        cpu->zf = (v & ARM_CPSR_Z) ? 0 : 1;
        cpu->cf = (v >> 29) & 1;
        cpu->vf = (v & ARM_CPSR_V) ? 0x80000000u : 0;
    } else {
        R(rd) = v;
    }
}

void arm_h_mcr(arm_cpu *cpu, const arm_insn *i)
{
    if (i->cp_num != 15 ||
        arm_cp15_write(cpu, i->cp_opc1, i->cp_crn, i->cp_crm, i->cp_opc2, R(rd)) != 0)
        arm_take_undef(cpu);
}

/* No 64-bit CP15 registers without LPAE/generic timer on the Cortex-A9. */
void arm_h_mrrc(arm_cpu *cpu, const arm_insn *i)
{
    (void)i;
    arm_take_undef(cpu);
}

void arm_h_mcrr(arm_cpu *cpu, const arm_insn *i)
{
    (void)i;
    arm_take_undef(cpu);
}
