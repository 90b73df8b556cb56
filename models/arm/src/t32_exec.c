/*
 * t32_exec.c - semantics of the instructions that exist only in T32:
 * IT, CBZ/CBNZ and TBB/TBH. Every other T32 instruction uses the handlers
 * shared with A32 (exec_*.c).
 */
#include "t32_internal.h"

/*
 * IT (ARM ARM A8.8.54): ITSTATE = firstcond:mask. The run loop does not
 * advance ITSTATE after the IT instruction itself (it was executed outside
 * an IT block), so the next instruction sees firstcond.
 */
void t32_h_it(arm_cpu *cpu, const arm_insn *i)
{
    cpu->itstate = i->imm & 0xFFu;
}

/* CBZ/CBNZ (A8.8.29): target = PC + imm32, PC = instruction address + 4. */
void t32_h_cbz(arm_cpu *cpu, const arm_insn *i)
{
    int zero = cpu->r[i->rn] == 0;
    if (zero != (i->op != 0)) arm_branch_write_pc(cpu, cpu->r[15] + i->imm);
}

/*
 * TBB/TBH (A8.8.223): the table entry is read before any state changes
 * (a data abort leaves the PC at the TBB). Rn == PC uses the PC value
 * (instruction address + 4), not Align(PC,4).
 */
void t32_h_tbb(arm_cpu *cpu, const arm_insn *i)
{
    uint32_t base = cpu->r[i->rn], idx = cpu->r[i->rm], off;
    if (i->op)
        off = arm_read16(cpu, base + (idx << 1), 0);
    else
        off = arm_read8(cpu, base + idx, 0);
    arm_branch_write_pc(cpu, cpu->r[15] + 2u * off);
}
