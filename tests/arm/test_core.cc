// ISS core: run loop, budget and counters, RAM regions and the bus slow
// path, bus errors as aborts, IRQ/FIQ, WFI, stop requests, step, the
// decoded-instruction cache with self-modifying code, disassembly, and a
// speed measurement (printed, never asserted).
#include <chrono>
#include <ctime>
#include <cstdio>

#include "test_a32_fixture.h"

using namespace a32test;

TEST_F(A32, BudgetCyclesAndInstructions)
{
    Code(R"(
        mov r0, #100
    1:  subs r0, r0, #1
        bne 1b
    )");
    uint64_t c0 = arm_cpu_cycles(cpu_), i0 = arm_cpu_instructions(cpu_);
    RunToEnd();
    // 1 + 2*100 instructions before the sentinel (+ the sentinel itself)
    EXPECT_EQ(arm_cpu_instructions(cpu_) - i0, 202u);
    EXPECT_GE(arm_cpu_cycles(cpu_) - c0, 201u);
    // a small budget stops early
    Code(R"(
    1:  b 1b
    )");
    EXPECT_EQ(arm_cpu_run(cpu_, 50), ARM_STOP_BUDGET);
    uint64_t c1 = arm_cpu_cycles(cpu_);
    EXPECT_EQ(arm_cpu_run(cpu_, 50), ARM_STOP_BUDGET);
    EXPECT_GE(arm_cpu_cycles(cpu_) - c1, 50u);
    EXPECT_LE(arm_cpu_cycles(cpu_) - c1, 60u);
}

TEST_F(A32, StepExecutesOneInstruction)
{
    Code(R"(
        mov r0, #1
        mov r1, #2
    )");
    arm_cpu_step(cpu_);
    EXPECT_EQ(R(0), 1u);
    EXPECT_EQ(R(1), 0u);
    EXPECT_EQ(PC(), kCode + 4);
    arm_cpu_step(cpu_);
    EXPECT_EQ(R(1), 2u);
}

TEST_F(A32, MmioSlowPathAndBusDelay)
{
    Code(R"(
        ldr r0, =0x40000010
        mov r1, #0x55
        str r1, [r0]
        strb r1, [r0, #1]
        ldr r2, [r0]
        ldrb r3, [r0, #1]
    )");
    uint64_t c0 = arm_cpu_cycles(cpu_);
    RunToEnd();
    ASSERT_EQ(mmio_writes_.size(), 2u);
    EXPECT_EQ(mmio_writes_[0].first, 0x40000010u);
    EXPECT_EQ(mmio_writes_[0].second, 0x55u);
    EXPECT_EQ(mmio_writes_[1].first, 0x40000011u);
    EXPECT_EQ(R(2), 0x12345678u);
    EXPECT_EQ(R(3), 0x56u);
    EXPECT_GE(arm_cpu_cycles(cpu_) - c0, 40u); // 4 accesses x 10 annotated cycles
}

TEST_F(A32, BusErrorTakesDataAbort)
{
    hook_stops_ = false;
    Code(R"(
        ldr r0, =0x50000000
        ldr r1, [r0, #4]
    )");
    // data abort vector at 0x10: branch to a handler that records and stops
    Write32(0x10, 0xEAFFFFFE); // b . (the run stops on the budget)
    Run(2000);
    EXPECT_EQ(exc_, ARM_EXC_DABT);
    EXPECT_EQ(CPSR() & ARM_MODE_MASK, ARM_MODE_ABT);
    EXPECT_EQ(PC(), 0x10u);
    EXPECT_EQ(R(14), exc_pc_ + 8);
    EXPECT_EQ(R(1), 0u); // destination untouched
    uint32_t dfsr = 0, dfar = 0;
    (void)dfsr; (void)dfar;
    // DFSR/DFAR through MRC in a second program
}

TEST_F(A32, DataAbortStatusRegisters)
{
    hook_stops_ = false;
    // vector: read DFSR and DFAR, then go to the sentinel
    Code(R"(
        b start
        .space 12
        b dabt              @ 0x1010 (VBAR = 0x1000)
    start:
        ldr r0, =0x1000
        mcr p15, 0, r0, c12, c0, 0   @ VBAR
        ldr r0, =0x50000000
        mov r5, #7
        str r5, [r0, #8]
        mov r6, #1                   @ skipped: the abort goes to the vector
    dabt:
        mrc p15, 0, r1, c5, c0, 0    @ DFSR
        mrc p15, 0, r2, c6, c0, 0    @ DFAR
        mrs r3, cpsr
        mrs r4, spsr
    )");
    RunToEnd();
    EXPECT_EQ(R(1) & 0x140Fu, 0x1008u | 0x0u) << std::hex << R(1); // ExT + sync external abort
    EXPECT_TRUE(R(1) & (1u << 11));                                // WnR
    EXPECT_EQ(R(2), 0x50000008u);
    EXPECT_EQ(R(3) & ARM_MODE_MASK, ARM_MODE_ABT);
    EXPECT_EQ(R(4) & ARM_MODE_MASK, ARM_MODE_SVC);
    EXPECT_EQ(R(6), 0u);
}

TEST_F(A32, IrqTakenWhenUnmaskedAndReturns)
{
    hook_stops_ = false;
    Code(R"(
        b start
        .space 20
        b irq               @ 0x1018
    start:
        ldr r0, =0x1000
        mcr p15, 0, r0, c12, c0, 0
        ldr sp, =0x70000
        cpsie i
        mov r1, #0
    1:  add r1, r1, #1
        cmp r2, #0
        beq 1b
        b done
    irq:
        mrs r3, spsr
        mov r2, #1
        mov r4, lr
        subs pc, lr, #4
    done:
    )");
    // run a bit with the line low: the loop spins
    Run(200);
    EXPECT_EQ(R(2), 0u);
    arm_cpu_set_irq(cpu_, 1);
    Run(20);
    arm_cpu_set_irq(cpu_, 0);
    RunToEnd();
    EXPECT_EQ(R(2), 1u);
    EXPECT_EQ(R(3) & ARM_MODE_MASK, ARM_MODE_SVC);
    EXPECT_EQ(R(3) & ARM_CPSR_I, 0u);
    EXPECT_EQ(CPSR() & ARM_MODE_MASK, ARM_MODE_SVC);
    EXPECT_EQ(arm_cpu_get_reg(cpu_, 1) > 0, true);
}

TEST_F(A32, MaskedIrqIsNotTaken)
{
    Code(R"(
        mov r0, #1
        mov r1, #2
    )");
    arm_cpu_set_irq(cpu_, 1); // CPSR.I is set by the fixture
    RunToEnd();
    EXPECT_EQ(exc_, -1);
    EXPECT_EQ(R(1), 2u);
}

TEST_F(A32, WfiStopsRunAndResumes)
{
    Code(R"(
        mov r0, #1
        wfi
        mov r1, #2
    )");
    EXPECT_EQ(Run(), ARM_STOP_WFI);
    EXPECT_EQ(R(0), 1u);
    EXPECT_EQ(R(1), 0u);
    EXPECT_EQ(PC(), kCode + 8);
    RunToEnd();
    EXPECT_EQ(R(1), 2u);
}

TEST_F(A32, FiqBanksR8ToR12)
{
    Code(R"(
        mov r8, #8
        mov r12, #12
        cps #0x11          @ FIQ
        mov r8, #0x80
        mov r12, #0xc0
        mov r0, r8
        cps #0x13          @ SVC
        mov r1, r8
        mov r2, r12
        cps #0x11
        mov r3, r12
        cps #0x1f          @ SYS: user bank
        mov sp, #0x100
        cps #0x13
        mov r4, sp
    )");
    RunToEnd();
    EXPECT_EQ(R(0), 0x80u);
    EXPECT_EQ(R(1), 8u);
    EXPECT_EQ(R(2), 12u);
    EXPECT_EQ(R(3), 0xC0u);
    EXPECT_EQ(R(4), kStack);
}

TEST_F(A32, SelfModifyingCodeIsSeen)
{
    Code(R"(
        adr r0, patch
        ldr r1, newinsn
        mov r2, #0
        mov r3, #2
    loop:
    patch:
        add r2, r2, #1     @ replaced by add r2, r2, #0x10 after the first pass
        str r1, [r0]
        subs r3, r3, #1
        bne loop
        b out
    newinsn:
        add r2, r2, #0x10
    out:
    )");
    RunToEnd();
    EXPECT_EQ(R(2), 0x11u);
}

TEST_F(A32, RequestStopFromSvcHook)
{
    Code(R"(
        svc #0x123456
        mov r0, #5
    )");
    arm_cpu_set_svc_hook(
        cpu_,
        [](void *, arm_cpu *c, uint32_t imm) {
            arm_cpu_set_reg(c, 7, imm);
            return ARM_HOOK_STOP;
        },
        nullptr);
    EXPECT_EQ(Run(), ARM_STOP_REQUEST);
    EXPECT_EQ(R(7), 0x123456u);
    EXPECT_EQ(R(0), 0u);
    RunToEnd();
    EXPECT_EQ(R(0), 5u);
}

TEST_F(A32, TraceHookSeesEveryInstruction)
{
    Code(R"(
        mov r0, #1
        moveq r1, #1
        mov r2, #2
    )");
    static std::vector<uint32_t> pcs;
    pcs.clear();
    arm_cpu_set_trace_hook(
        cpu_, [](void *, arm_cpu *, uint32_t pc, uint32_t, unsigned, int) { pcs.push_back(pc); },
        nullptr);
    RunToEnd();
    ASSERT_GE(pcs.size(), 3u);
    EXPECT_EQ(pcs[0], kCode);
    EXPECT_EQ(pcs[1], kCode + 4);
    EXPECT_EQ(pcs[2], kCode + 8);
}

TEST_F(A32, RamRegionsRejectBadArguments)
{
    std::vector<uint8_t> extra(0x3000);
    EXPECT_EQ(arm_cpu_add_ram(cpu_, 0x80000, 0x1000, extra.data(), 0), -1);  // overlaps
    EXPECT_EQ(arm_cpu_add_ram(cpu_, 0x10000800, 0x1000, extra.data(), 0), -1); // unaligned
    EXPECT_EQ(arm_cpu_add_ram(cpu_, 0xFFFFD000u, 0x3000, extra.data(), 1), 0); // partial MiB, ROM
    extra[0x10] = 0xAB;
    Code(R"(
        ldr r0, =0xffffd010
        ldrb r1, [r0]
        mov r2, #1
        strb r2, [r0]       @ ROM: external abort
    )");
    Run(); // the abort is reported by the hook and stops
    EXPECT_EQ(R(1), 0xABu);
    EXPECT_EQ(exc_, ARM_EXC_DABT);
    EXPECT_EQ(extra[0x10], 0xAB);
}

TEST_F(A32, DebuggerMemoryAccess)
{
    uint32_t v = 0xCAFEBABE;
    EXPECT_EQ(arm_cpu_write_mem(cpu_, kData, &v, 4), 0);
    EXPECT_EQ(Read32(kData), 0xCAFEBABEu);
    uint8_t b[2];
    EXPECT_EQ(arm_cpu_read_mem(cpu_, kData + 1, b, 2), 0);
    EXPECT_EQ(b[0], 0xBA);
    EXPECT_EQ(arm_cpu_read_mem(cpu_, 0x50000000, b, 1), -1);
}

TEST(A32Disasm, CommonForms)
{
    char buf[96];
    struct { uint32_t insn; const char *text; } cases[] = {
        {0xE0810002, "add r0, r1, r2"},
        {0xE2511001, "subs r1, r1, #1"},
        {0x1A000002, "bne 0x1010"},
        {0xE5912004, "ldr r2, [r1, #4]"},
        {0xE7910102, "ldr r0, [r1, r2, lsl #2]"},
        {0xE92D4010, "stmdb sp!, {r4, lr}"},
        {0xE8BD8010, "ldmia sp!, {r4, pc}"},
        {0xE12FFF1E, "bx lr"},
        {0xE3A00C01, "mov r0, #0x100"},
        {0xE1A00102, "mov r0, r2, lsl #2"},
        {0xEE110F10, "mrc p15, #0, r0, c1, c0, #0"},
        {0xE6EF0071, "uxtb r0, r1"},
        {0xE14103C2, "smlalbt r0, r1, r2, r3"},
        {0xE320F003, "wfi"},
        {0xE7F000F0, "udf #0"},
        {0xF57FF05F, "dmb sy"},
        {0xF57FF05B, "dmb ish"},
        {0xE4910004, "ldr r0, [r1], #4"},
        {0xE4B10004, "ldrt r0, [r1], #4"},
        {0xE4912000, "ldr r2, [r1], #0"},
        {0xF5D0F020, "pld [r0, #32]"},
    };
    for (auto &c : cases) {
        arm_disasm(0x1000, c.insn, 4, 0, buf, sizeof buf);
        EXPECT_STREQ(buf, c.text) << std::hex << c.insn;
    }
    arm_disasm(0x1000, 0xE710F110, 4, 0, buf, sizeof buf); // SDIV: UNDEFINED on the A9
    EXPECT_EQ(std::string(buf).rfind(".inst", 0), 0u) << buf;
    // truncation keeps the buffer terminated
    arm_disasm(0x1000, 0xE0810002, 4, 0, buf, 5);
    EXPECT_STREQ(buf, "add ");
}

// Speed: a CPU-bound loop of ALU, load/store and branch instructions.
TEST_F(A32, SpeedMeasurement)
{
    Code(R"(
        ldr r1, =3000000
        mov r0, #0
        ldr r4, =0x20000
    1:  add r0, r0, r1
        eor r2, r0, r1, lsl #3
        ldr r3, [r4, #4]
        str r2, [r4, #8]
        add r3, r3, r2
        orr r5, r3, r0
        subs r1, r1, #1
        bne 1b
    )");
    auto t0 = std::chrono::steady_clock::now();
    std::clock_t cpu0 = std::clock();
    uint64_t i0 = arm_cpu_instructions(cpu_), c0 = arm_cpu_cycles(cpu_);
    RunToEnd(1ull << 40);
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    double cs = (double)(std::clock() - cpu0) / CLOCKS_PER_SEC;
    uint64_t n = arm_cpu_instructions(cpu_) - i0;
    EXPECT_EQ(n, 3u + 8u * 3000000u + 1u);
    // CPU time is the fairer figure on a shared machine; both are printed.
    std::printf("[ speed    ] %llu instructions, %llu cycles: %.3f s wall (%.1f MIPS), "
                "%.3f s CPU (%.1f MIPS)\n",
                (unsigned long long)n, (unsigned long long)(arm_cpu_cycles(cpu_) - c0), s,
                n / s / 1e6, cs, cs > 0 ? n / cs / 1e6 : 0.0);
    RecordProperty("mips_cpu_time", (int)(cs > 0 ? n / cs / 1e6 : 0));
}

// Same loop in Thumb-2 (16- and 32-bit encodings).
TEST_F(A32, SpeedMeasurementThumb)
{
    Code(R"(
        adr r0, t + 1
        bx r0
        .thumb
        .align 2
    t:  ldr r1, =3000000
        movs r0, #0
        ldr r4, =0x20000
    1:  adds r0, r0, r1
        eor.w r2, r0, r1, lsl #3
        ldr r3, [r4, #4]
        str r2, [r4, #8]
        add r3, r3, r2
        orrs r5, r3, r0
        subs r1, #1
        bne 1b
        adr r0, out
        bx r0
        .ltorg
        .align 2
        .arm
    out:
    )");
    std::clock_t cpu0 = std::clock();
    uint64_t i0 = arm_cpu_instructions(cpu_);
    RunToEnd(1ull << 40);
    double cs = (double)(std::clock() - cpu0) / CLOCKS_PER_SEC;
    uint64_t n = arm_cpu_instructions(cpu_) - i0;
    EXPECT_GE(n, 8u * 3000000u);
    std::printf("[ speed    ] thumb: %llu instructions, %.3f s CPU (%.1f MIPS)\n",
                (unsigned long long)n, cs, cs > 0 ? n / cs / 1e6 : 0.0);
}

// Running in many small budgets ends in exactly the same state (registers,
// cycles, instructions) as one long run.
TEST_F(A32, SmallBudgetsAreDeterministic)
{
    const char *src = R"(
        ldr r1, =1000
        mov r0, #0
        ldr r4, =0x20000
    1:  add r0, r0, r1, lsl #1
        umull r2, r3, r0, r1
        str r2, [r4, r1, lsl #2]
        ldm r4, {r5-r8}
        subs r1, r1, #1
        bne 1b
    )";
    Code(src);
    uint64_t c0 = arm_cpu_cycles(cpu_), i0 = arm_cpu_instructions(cpu_);
    RunToEnd(1ull << 30);
    uint64_t cyc = arm_cpu_cycles(cpu_) - c0, ins = arm_cpu_instructions(cpu_) - i0;
    uint32_t regs[13];
    for (unsigned r = 0; r < 13; r++) regs[r] = R(r);

    arm_cpu_reset(cpu_);
    arm_cpu_set_cpsr(cpu_, ARM_MODE_SVC | ARM_CPSR_I | ARM_CPSR_F | ARM_CPSR_A);
    std::fill(ram_.begin() + kData, ram_.begin() + kData + 0x2000, 0);
    at_sentinel_ = false;
    Code(src);
    c0 = arm_cpu_cycles(cpu_);
    i0 = arm_cpu_instructions(cpu_);
    for (int k = 0; k < 1000000 && !at_sentinel_; k++) arm_cpu_run(cpu_, 7);
    ASSERT_TRUE(at_sentinel_);
    for (unsigned r = 0; r < 13; r++) EXPECT_EQ(R(r), regs[r]) << "r" << r;
    EXPECT_EQ(arm_cpu_cycles(cpu_) - c0, cyc);
    EXPECT_EQ(arm_cpu_instructions(cpu_) - i0, ins);
}
