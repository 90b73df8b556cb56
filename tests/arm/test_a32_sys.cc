// A32 branches, exceptions and system instructions: B/BL/BLX/BX, SVC and
// UNDEF entry with SPSR/LR/masks, VBAR and high vectors, SCTLR.TE, return
// with MOVS pc / SUBS pc / LDM ^ / RFE, SRS, CPS, MRS/MSR privilege rules,
// CP15 registers, BKPT, PL0 restrictions.
#include "test_a32_fixture.h"

using namespace a32test;

TEST_F(A32, BranchesAndLink)
{
    Code(R"(
        b fwd
        mov r0, #1        @ skipped
    fwd:
        bl sub
        mov r2, #2
        b done
    sub:
        mov r1, lr
        bx lr
    done:
    )");
    RunToEnd();
    EXPECT_EQ(R(0), 0u);
    EXPECT_EQ(R(1), kCode + 12);
    EXPECT_EQ(R(2), 2u);
}

TEST_F(A32, BlxImmediateAndRegisterToThumb)
{
    Code(R"(
        blx thumbfn           @ ARM -> Thumb, LR = next ARM insn
        mov r3, #3
        b out
        .thumb
        .align 1
    thumbfn:
        movs r1, #1
        mov r2, lr
        bx lr
        .arm
        .align 2
    out:
    )");
    RunToEnd();
    EXPECT_EQ(R(1), 1u);
    EXPECT_EQ(R(2), kCode + 4);
    EXPECT_EQ(R(3), 3u);
}

TEST_F(A32, SvcEntryAndMovsReturn)
{
    hook_stops_ = false;
    Code(R"(
        b start
        .space 4
        b svc_handler         @ VBAR + 8
    start:
        ldr r0, =0x1000
        mcr p15, 0, r0, c12, c0, 0
        cps #0x10             @ user mode
        mov r0, #1
        svc #42
        mov r5, r0            @ after return
        b done
    svc_handler:
        mrs r1, spsr
        mrs r2, cpsr
        mov r3, lr
        add r0, r0, #100
        movs pc, lr
    done:
    )");
    RunToEnd();
    EXPECT_EQ(exc_, ARM_EXC_SVC);
    EXPECT_EQ(R(1) & ARM_MODE_MASK, ARM_MODE_USR);
    EXPECT_EQ(R(2) & ARM_MODE_MASK, ARM_MODE_SVC);
    EXPECT_TRUE(R(2) & ARM_CPSR_I);
    EXPECT_EQ(R(3), exc_pc_ + 4);
    EXPECT_EQ(R(5), 101u);
    EXPECT_EQ(CPSR() & ARM_MODE_MASK, ARM_MODE_USR);
}

TEST_F(A32, UndefinedEntryHighVectorsAndThumbEntry)
{
    hook_stops_ = false;
    // high vectors (SCTLR.V) and Thumb exception entry (SCTLR.TE): the
    // handler at 0xFFFF0004 must run in Thumb state.
    std::vector<uint8_t> hi(0x1000);
    ASSERT_EQ(arm_cpu_add_ram(cpu_, 0xFFFF0000u, 0x1000, hi.data(), 0), 0);
    // Thumb at 0xFFFF0004: mrs r1, spsr (f3ff 8100); mov r2, lr (4672); b sentinel via bx r4 (4720)
    const uint16_t handler[] = {0xF3FF, 0x8100, 0x4672, 0x4720};
    std::memcpy(&hi[4], handler, sizeof handler);
    Code(R"(
        mrc p15, 0, r0, c1, c0, 0
        orr r0, r0, #0x2000        @ V
        orr r0, r0, #0x40000000    @ TE
        mcr p15, 0, r0, c1, c0, 0
        adr r4, done
        .inst 0xe7f000f0           @ udf #0
    done:
    )");
    RunToEnd();
    EXPECT_EQ(exc_, ARM_EXC_UNDEF);
    EXPECT_EQ(R(1) & ARM_MODE_MASK, ARM_MODE_SVC);
    EXPECT_EQ(R(2), exc_pc_ + 4);
    EXPECT_EQ(CPSR() & ARM_MODE_MASK, ARM_MODE_UND);
}

TEST_F(A32, LdmExceptionReturnAndUserBank)
{
    Code(R"(
        cps #0x1f               @ SYS: set user sp/lr
        ldr sp, =0x60000
        ldr lr, =0x1111
        cps #0x13               @ SVC
        ldr r0, =0x20000
        stmia r0, {sp, lr}^     @ user-bank sp, lr
        ldr r1, =0x2222
        ldr r2, =0x3333
        add r9, r0, #0x40
        stmia r9, {r1, r2}
        ldmia r9, {sp, lr}^     @ load user-bank sp, lr
        cps #0x1f
        mov r3, sp
        mov r4, lr
        cps #0x13
        adr r5, ret_here
        ldr r6, =0x60000010     @ nZcV, USR mode (0x10)
        msr spsr_cxsf, r6
        str r5, [r0, #16]
        add r7, r0, #16
        ldmia r7, {pc}^         @ exception return: CPSR = SPSR
    ret_here:
        mrs r8, cpsr
    )");
    RunToEnd();
    EXPECT_EQ(Read32(kData), 0x60000u);
    EXPECT_EQ(Read32(kData + 4), 0x1111u);
    EXPECT_EQ(R(3), 0x2222u);
    EXPECT_EQ(R(4), 0x3333u);
    EXPECT_EQ(R(8) & ARM_MODE_MASK, ARM_MODE_USR);
    EXPECT_EQ(R(8) >> 28, 0x6u);
}

TEST_F(A32, SrsAndRfe)
{
    Code(R"(
        cps #0x12              @ IRQ mode
        ldr sp, =0x70000
        cps #0x13              @ SVC
        ldr r0, =0x80000110    @ SPSR: N, SVC? use SYS mode 0x1f
        orr r0, r0, #0x0f
        msr spsr_cxsf, r0
        adr lr, back
        srsdb #0x12!           @ push lr, spsr onto the IRQ stack
        cps #0x12
        mov r1, sp
        rfeia sp!              @ return: pc = back, cpsr = spsr
    back:
        mrs r2, cpsr
        mov r3, sp             @ SYS mode sp (user bank)
    )");
    RunToEnd();
    EXPECT_EQ(R(1), 0x70000u - 8);
    EXPECT_EQ(Read32(0x70000 - 8), kCode + 4 * 11);
    EXPECT_EQ(R(2) & ARM_MODE_MASK, ARM_MODE_SYS);
    EXPECT_EQ(R(2) >> 28, 0x8u);
}

TEST_F(A32, CpsAndMsrPrivilege)
{
    Code(R"(
        cpsie if
        mrs r0, cpsr
        cpsid a
        mrs r1, cpsr
        cps #0x10              @ to user
        cpsid if               @ NOP in user mode
        mrs r2, cpsr
        msr cpsr_c, #0x13      @ ignored in user mode (control field)
        msr cpsr_f, #0xf0000000
        mrs r3, cpsr
    )");
    RunToEnd();
    EXPECT_EQ(R(0) & (ARM_CPSR_I | ARM_CPSR_F), 0u);
    EXPECT_TRUE(R(1) & ARM_CPSR_A);
    EXPECT_EQ(R(2) & ARM_MODE_MASK, ARM_MODE_USR);
    EXPECT_EQ(R(2) & (ARM_CPSR_I | ARM_CPSR_F), 0u);
    EXPECT_EQ(R(3) & ARM_MODE_MASK, ARM_MODE_USR);
    EXPECT_EQ(R(3) >> 28, 0xFu);
}

TEST_F(A32, Cp15Registers)
{
    Code(R"(
        mrc p15, 0, r0, c0, c0, 0    @ MIDR
        mrc p15, 0, r1, c0, c0, 5    @ MPIDR
        ldr r2, =0x12345678
        mcr p15, 0, r2, c13, c0, 2   @ TPIDRURW
        mrc p15, 0, r3, c13, c0, 2
        mcr p15, 0, r2, c12, c0, 0   @ VBAR (low bits ignored)
        mrc p15, 0, r4, c12, c0, 0
        mcr p15, 0, r0, c7, c5, 0    @ ICIALLU accepted
        mcr p15, 0, r0, c8, c7, 0    @ TLBIALL accepted
        mrc p15, 4, r5, c15, c0, 0   @ CBAR
        mrc p15, 0, r6, c1, c0, 0    @ SCTLR
    )");
    RunToEnd();
    EXPECT_EQ(R(0), 0x413FC090u);
    EXPECT_EQ(R(1) & 0x80000003u, 0x80000000u);
    EXPECT_EQ(R(3), 0x12345678u);
    EXPECT_EQ(R(4), 0x12345660u);
    EXPECT_EQ(R(5), 0xF8F00000u);
    EXPECT_EQ(R(6), 0x00C50078u);
}

TEST_F(A32, Cp15FromUserModeIsUndefined)
{
    Code(R"(
        cps #0x10
        mrc p15, 0, r0, c13, c0, 2   @ TPIDRURW allowed
        mrc p15, 0, r1, c1, c0, 0    @ SCTLR: UNDEFINED at PL0
    )");
    Run();
    EXPECT_EQ(exc_, ARM_EXC_UNDEF);
    EXPECT_EQ(exc_pc_, kCode + 8);
}

TEST_F(A32, VfpCoprocessorIsUndefined)
{
    Words({0xEEB00A40}); // vmov.f32 s0, s0 (cp10)
    Run();
    EXPECT_EQ(exc_, ARM_EXC_UNDEF);
    EXPECT_EQ(exc_pc_, kCode);
}

TEST_F(A32, BkptHookAndPrefetchAbort)
{
    Words({0xE1200070,   // bkpt #0
           0xE3A00001}); // mov r0, #1
    static uint32_t seen = 0xFFFFFFFF;
    arm_cpu_set_bkpt_hook(
        cpu_, [](void *, arm_cpu *, uint32_t imm) { seen = imm; return ARM_HOOK_STOP; }, nullptr);
    EXPECT_EQ(Run(), ARM_STOP_BKPT);
    EXPECT_EQ(seen, 0u);
    arm_cpu_set_bkpt_hook(cpu_, nullptr, nullptr);
    arm_cpu_set_pc(cpu_, kCode);
    Run();
    EXPECT_EQ(exc_, ARM_EXC_PABT);
}

TEST_F(A32, UnconditionalSpaceUndefined)
{
    Words({0xF0000000}); // cond 1111 with no instruction allocated
    Run();
    EXPECT_EQ(exc_, ARM_EXC_UNDEF);
}

TEST_F(A32, SpsrAccessInSystemModeIsUndefined)
{
    Code(R"(
        cps #0x1f
        mrs r0, spsr
    )");
    Run();
    EXPECT_EQ(exc_, ARM_EXC_UNDEF);
}

TEST_F(A32, PrefetchAbortOnUnmappedFetch)
{
    Code(R"(
        ldr r0, =0x50000000
        bx r0
    )");
    Run();
    EXPECT_EQ(exc_, ARM_EXC_PABT);
    EXPECT_EQ(exc_pc_, 0x50000000u);
}

TEST_F(A32, PmuCycleAndInstructionCounters)
{
    Code(R"(
        mrc p15, 0, r0, c9, c12, 0   @ PMCR
        mov r1, #7                   @ E, P, C
        mcr p15, 0, r1, c9, c12, 0
        mov r1, #0
        mcr p15, 0, r1, c9, c12, 5   @ PMSELR = 0
        mov r1, #0x08
        mcr p15, 0, r1, c9, c13, 1   @ event 0x08: instructions
        ldr r1, =0x80000001
        mcr p15, 0, r1, c9, c12, 1   @ enable cycle counter and counter 0
        mov r2, #10
    1:  subs r2, r2, #1
        bne 1b
        mrc p15, 0, r3, c9, c13, 0   @ PMCCNTR
        mrc p15, 0, r4, c9, c13, 2   @ PMXEVCNTR (counter 0)
        mov r1, #1
        mcr p15, 0, r1, c9, c14, 0   @ PMUSERENR.EN
        cps #0x10
        mrc p15, 0, r5, c9, c14, 0   @ readable from User mode
        mrc p15, 0, r6, c9, c13, 0   @ allowed with EN
    )");
    RunToEnd();
    EXPECT_EQ(R(0), 0x41093000u);
    EXPECT_EQ(R(4), 1u + 20u + 2u); // mov r2, the loop, the two reading MRCs (count themselves)
    EXPECT_GE(R(3), 22u);
    EXPECT_EQ(R(5), 1u);
    EXPECT_GT(R(6), R(3));
}

TEST_F(A32, PmuFromUserModeNeedsEnable)
{
    Code(R"(
        cps #0x10
        mrc p15, 0, r0, c9, c14, 0   @ PMUSERENR: always readable
        mrc p15, 0, r1, c9, c13, 0   @ PMCCNTR: UNDEFINED with EN = 0
    )");
    Run();
    EXPECT_EQ(exc_, ARM_EXC_UNDEF);
    EXPECT_EQ(exc_pc_, kCode + 8);
}
