// ISS core, exceptions and state: FIQ priority and banking on entry, IRQ
// inside a Thumb IT block (ITSTATE saved in SPSR and restored by the
// return), Thumb-state exception link values, unaligned accesses that
// cross pages and regions, big-endian data (SETEND/CPSR.E).
#include "test_a32_fixture.h"

using namespace a32test;

TEST_F(A32, FiqHasPriorityOverIrqAndMasksF)
{
    hook_stops_ = false;
    Code(R"(
        b start
        .space 20
        b irq               @ 0x1018
        b fiq               @ 0x101c
    start:
        ldr r0, =0x1000
        mcr p15, 0, r0, c12, c0, 0
        mov r8, #0x88
        cpsie if
    1:  cmp r1, #0
        beq 1b
        b done
    irq:
        mov r1, #1
        mov r2, #0x12
        subs pc, lr, #4
    fiq:
        mov r8, #0x99        @ FIQ bank
        mrs r3, cpsr
        mov r1, #2
        mov r2, #0x11
        subs pc, lr, #4
    done:
    )");
    Run(100);
    arm_cpu_set_irq(cpu_, 1);
    arm_cpu_set_fiq(cpu_, 1);
    Run(10);
    arm_cpu_set_irq(cpu_, 0);
    arm_cpu_set_fiq(cpu_, 0);
    RunToEnd();
    EXPECT_EQ(R(1), 2u);
    EXPECT_EQ(R(2), 0x11u);
    EXPECT_EQ(R(3) & ARM_MODE_MASK, ARM_MODE_FIQ);
    EXPECT_TRUE(R(3) & ARM_CPSR_F);
    EXPECT_TRUE(R(3) & ARM_CPSR_I);
    EXPECT_TRUE(R(3) & ARM_CPSR_A);
    EXPECT_EQ(R(8), 0x88u); // SVC's r8 untouched by the FIQ handler
}

TEST_F(A32, IrqInsideItBlockSavesAndRestoresItState)
{
    hook_stops_ = false;
    // ARM vector table at 0x1000 (VBAR), Thumb code after it. The IRQ line
    // is raised after the first instruction of the IT block has executed;
    // the handler returns with SUBS pc, lr, #4, which restores ITSTATE from
    // SPSR, so the remaining two slots keep their conditions.
    Code(R"(
        b start
        .space 20
        b irq               @ 0x1018
    start:
        ldr r0, =0x1000
        mcr p15, 0, r0, c12, c0, 0
        cpsie i
        adr r0, tcode + 1
        bx r0
    irq:
        mrs r9, spsr
        mov r10, #1
        subs pc, lr, #4
        .thumb
        .align 2
    tcode:
        movs r1, #0
        cmp r1, #0         @ Z = 1
        itte eq
        moveq r2, #1       @ IRQ arrives after this one
        moveq r3, #1
        movne r4, #1
        movs r5, #5
        adr r6, armback
        bx r6
        .align 2
        .arm
    armback:
    )");
    // Step to the first IT-block instruction and past it.
    for (int k = 0; k < 200 && R(2) == 0; k++) arm_cpu_step(cpu_);
    ASSERT_EQ(R(2), 1u);
    arm_cpu_set_irq(cpu_, 1);
    arm_cpu_step(cpu_); // takes the IRQ
    arm_cpu_set_irq(cpu_, 0);
    EXPECT_EQ(CPSR() & ARM_MODE_MASK, ARM_MODE_IRQ);
    RunToEnd();
    EXPECT_EQ(R(10), 1u);
    uint32_t spsr = R(9);
    uint32_t it = ((spsr >> 25) & 3) | (((spsr >> 10) & 0x3F) << 2);
    EXPECT_NE(it, 0u);           // IRQ taken inside the block
    EXPECT_TRUE(spsr & ARM_CPSR_T);
    EXPECT_EQ(R(3), 1u);         // 'then' slot executed after the return
    EXPECT_EQ(R(4), 0u);         // 'else' slot skipped
    EXPECT_EQ(R(5), 5u);         // outside the block: unconditional
}

TEST_F(A32, ThumbExceptionLinkValues)
{
    hook_stops_ = false;
    Code(R"(
        b start
        b und               @ 0x1004
        b svc               @ 0x1008
    start:
        ldr r0, =0x1000
        mcr p15, 0, r0, c12, c0, 0
        adr r0, tcode + 1
        bx r0
    und:
        mov r8, lr
        adr r0, tsvc + 1
        bx r0
    svc:
        mov r9, lr
        b done
        .thumb
        .align 2
    tcode:
        .inst.w 0xf7f0a000     @ udf.w #0 (32-bit UNDEFINED)
    tsvc:
        svc #1
        nop
        .align 2
        .arm
    done:
    )");
    RunToEnd();
    // UNDEF from Thumb: LR = insn + 2 (ARM ARM B1.8.3 table B1-7, PC - 2)
    uint32_t tcode = 0, tsvc = 0;
    for (uint32_t a = kCode; a < code_end_; a += 2) {
        uint16_t h;
        std::memcpy(&h, &ram_[a], 2);
        if (h == 0xF7F0 && !tcode) tcode = a;
        if (h == 0xDF01 && !tsvc) tsvc = a;
    }
    ASSERT_NE(tcode, 0u);
    ASSERT_NE(tsvc, 0u);
    EXPECT_EQ(R(8), tcode + 2);
    EXPECT_EQ(R(9), tsvc + 2); // SVC: next instruction
}

TEST_F(A32, UnalignedAcrossPagesAndIntoMmio)
{
    Write32(0x1FFC, 0x44332211);
    Write32(0x2000, 0x88776655);
    Code(R"(
        ldr r0, =0x1ffe
        ldr r1, [r0]          @ crosses a 4 KiB page: 0x66553344
        ldr r2, =0xfffff
        ldrh r3, [r2]         @ last RAM byte + first unmapped byte: abort
    )");
    Run();
    EXPECT_EQ(R(1), 0x66554433u);
    EXPECT_EQ(exc_, ARM_EXC_DABT);
    EXPECT_EQ(R(3), 0u);
}

TEST_F(A32, BigEndianDataWithSetend)
{
    Write32(kData, 0x44332211);
    Code(R"(
        ldr r0, =0x20000
        ldr r4, =0xaabbccdd   @ literal loads are data accesses too: load before SETEND
        setend be
        ldr r1, [r0]          @ 0x11223344
        ldrh r2, [r0, #2]     @ 0x3344
        ldrb r3, [r0, #3]     @ bytes are not affected
        str r4, [r0, #4]      @ stored as aa bb cc dd
        mrs r5, cpsr
        setend le
        ldr r6, [r0, #4]      @ 0xddccbbaa
    )");
    RunToEnd();
    EXPECT_EQ(R(1), 0x11223344u);
    EXPECT_EQ(R(2), 0x3344u);
    EXPECT_EQ(R(3), 0x44u);
    EXPECT_TRUE(R(5) & ARM_CPSR_E);
    EXPECT_EQ(R(6), 0xDDCCBBAAu);
    EXPECT_FALSE(CPSR() & ARM_CPSR_E);
}

TEST_F(A32, StatisticsAreReported)
{
    Code(R"(
        svc #0
    )");
    hook_stops_ = false;
    Write32(0x8, 0xEAFFFFFE); // SVC vector: b .
    Run(100);
    struct Seen { uint64_t insns = 0, svc = 0; int keys = 0; } seen;
    arm_cpu_stats(
        cpu_,
        [](void *o, const char *k, uint64_t v) {
            auto *s = static_cast<Seen *>(o);
            s->keys++;
            if (!std::strcmp(k, "instructions")) s->insns = v;
            if (!std::strcmp(k, "exceptions_svc")) s->svc = v;
        },
        &seen);
    EXPECT_GE(seen.keys, 4);
    EXPECT_EQ(seen.insns, arm_cpu_instructions(cpu_));
    EXPECT_EQ(seen.svc, 1u);
}

TEST_F(A32, TwoCpusAreIndependent)
{
    std::vector<uint8_t> ram2(kRamSize, 0);
    arm_bus bus{};
    arm_cpu *b = arm_cpu_new(&bus);
    ASSERT_NE(b, nullptr);
    ASSERT_EQ(arm_cpu_add_ram(b, 0, kRamSize, ram2.data(), 0), 0);
    uint32_t prog[] = {0xE3A00007, 0xEAFFFFFE}; // mov r0, #7; b .
    std::memcpy(&ram2[0x100], prog, sizeof prog);
    arm_cpu_set_pc(b, 0x100);
    Code("mov r0, #3");
    arm_cpu_run(b, 20);
    RunToEnd();
    EXPECT_EQ(arm_cpu_get_reg(b, 0), 7u);
    EXPECT_EQ(R(0), 3u);
    arm_cpu_free(b);
}

TEST_F(A32, StepTakesAPendingIrqWithoutExecuting)
{
    hook_stops_ = false;
    Code(R"(
        mov r0, #1
        mov r1, #2
    )");
    arm_cpu_set_cpsr(cpu_, ARM_MODE_SVC); // I clear
    Write32(0x18, 0xE3A02007);            // IRQ vector: mov r2, #7
    arm_cpu_set_irq(cpu_, 1);
    arm_cpu_step(cpu_);
    EXPECT_EQ(CPSR() & ARM_MODE_MASK, ARM_MODE_IRQ);
    EXPECT_EQ(PC(), 0x18u);
    EXPECT_EQ(R(14), kCode + 4);
    EXPECT_EQ(R(2), 0u);                  // the vector instruction has not run yet
    arm_cpu_step(cpu_);                   // I is now masked: executes the vector
    EXPECT_EQ(R(2), 7u);
}
