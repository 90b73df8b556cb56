// test_probe.cc - observation hooks of the ISS (arm_cpu.h): probes by
// instruction address (A32, T32, condition-failed, added after decode,
// cleared, several per address, STOP, PC moved by the hook, table full,
// single step), the mode hook (SVC entry, MOVS pc return, CPS, MSR, IRQ,
// LDM ^ and RFE returns, cycle count at the change), the context hook
// (CONTEXTIDR writes) and the fault registers as seen from the exception
// hook (DFAR/DFSR/IFAR/IFSR written before the hook runs).
#include "test_a32_fixture.h"

#include <ctime>

namespace {

using namespace a32test;

struct ProbeHit {
    unsigned id;
    uint32_t pc;
    uint32_t r0;      // r0 when the hook ran (shows the instruction had not executed yet)
    uint64_t insns;   // instructions retired before the probed one
};

struct ModeChange {
    unsigned from, to;
    uint64_t cycles;
    uint32_t cpsr;
    uint32_t pc;      // arm_cpu_get_reg(cpu, 15) inside the hook
};

class Probe : public A32 {
protected:
    void SetUp() override
    {
        A32::SetUp();
        arm_cpu_set_probe_hook(cpu_, &Probe::OnProbe, this);
    }
    static arm_hook_result OnProbe(void *o, arm_cpu *cpu, unsigned id, uint32_t pc)
    {
        auto *self = static_cast<Probe *>(o);
        self->hits_.push_back({id, pc, arm_cpu_get_reg(cpu, 0), arm_cpu_instructions(cpu)});
        if (self->move_pc_to_ && id == self->move_id_) {
            arm_cpu_set_pc(cpu, self->move_pc_to_);
            self->move_pc_to_ = 0;
        }
        if (self->clear_in_hook_) arm_cpu_clear_probes(cpu);
        return id == self->stop_id_ ? ARM_HOOK_STOP : ARM_HOOK_CONTINUE;
    }
    std::vector<ProbeHit> hits_;
    unsigned stop_id_ = ~0u;
    unsigned move_id_ = ~0u;
    uint32_t move_pc_to_ = 0;
    bool clear_in_hook_ = false;
};

// Loop of 5 iterations; instruction k of the program is at kCode + 4k.
const char *kLoop = R"(
    mov r0, #0          @ +0
    mov r1, #5          @ +4
1:  add r0, r0, #1      @ +8   probed
    subs r1, r1, #1     @ +12
    bne 1b              @ +16
    mov r2, #7          @ +20
)";

TEST_F(Probe, FiresBeforeTheInstructionEveryTime)
{
    Code(kLoop);
    ASSERT_EQ(arm_cpu_add_probe(cpu_, kCode + 8, 42), 0);
    RunToEnd();
    ASSERT_EQ(hits_.size(), 5u);
    for (unsigned k = 0; k < 5; k++) {
        EXPECT_EQ(hits_[k].id, 42u);
        EXPECT_EQ(hits_[k].pc, kCode + 8);
        EXPECT_EQ(hits_[k].r0, k) << "the probed ADD must not have executed yet";
        EXPECT_EQ(hits_[k].insns, 2u + 3u * k);
    }
    EXPECT_EQ(R(0), 5u);
    EXPECT_EQ(R(2), 7u);
}

TEST_F(Probe, AddedAfterDecodeAndCleared)
{
    Code(kLoop);
    RunToEnd(); // every instruction now sits in the decoded-instruction cache
    EXPECT_TRUE(hits_.empty());
    at_sentinel_ = false;
    arm_cpu_set_pc(cpu_, kCode);
    ASSERT_EQ(arm_cpu_add_probe(cpu_, kCode + 16, 1), 0); // the BNE, decoded already
    ASSERT_EQ(arm_cpu_add_probe(cpu_, kCode + 16, 2), 0); // second probe, same address
    RunToEnd();
    ASSERT_EQ(hits_.size(), 10u);
    EXPECT_EQ(hits_[0].id, 1u);
    EXPECT_EQ(hits_[1].id, 2u);
    hits_.clear();
    arm_cpu_clear_probes(cpu_);
    at_sentinel_ = false;
    arm_cpu_set_pc(cpu_, kCode);
    RunToEnd();
    EXPECT_TRUE(hits_.empty());
    EXPECT_EQ(R(0), 5u);
}

TEST_F(Probe, ConditionFailedInstructionStillFires)
{
    Code(R"(
        movs r0, #0         @ +0  Z = 1
        movne r1, #1        @ +4  condition fails, probed
        mov r2, #2          @ +8
    )");
    SetR(1, 0);
    ASSERT_EQ(arm_cpu_add_probe(cpu_, kCode + 4, 9), 0);
    RunToEnd();
    ASSERT_EQ(hits_.size(), 1u);
    EXPECT_EQ(R(1), 0u);
}

TEST_F(Probe, StopRunsTheInstructionThenStops)
{
    Code(kLoop);
    stop_id_ = 3;
    ASSERT_EQ(arm_cpu_add_probe(cpu_, kCode + 8, 3), 0);
    EXPECT_EQ(Run(), ARM_STOP_REQUEST);
    EXPECT_FALSE(at_sentinel_);
    EXPECT_EQ(R(0), 1u);           // the probed ADD executed
    EXPECT_EQ(PC(), kCode + 12);   // stopped right after it
    ASSERT_EQ(hits_.size(), 1u);
    EXPECT_EQ(Run(), ARM_STOP_REQUEST); // the next visit stops again
    EXPECT_EQ(R(0), 2u);
    stop_id_ = ~0u;
    RunToEnd();                    // resumes (no second hit at the same visit)
    EXPECT_EQ(hits_.size(), 5u);
    EXPECT_EQ(R(0), 5u);
}

TEST_F(Probe, HookMovingThePcSkipsTheInstruction)
{
    Code(R"(
        mov r0, #1          @ +0
        mov r0, #2          @ +4  probed; the hook jumps to +12
        mov r0, #3          @ +8
        mov r1, #4          @ +12
    )");
    move_id_ = 5;
    move_pc_to_ = kCode + 12;
    ASSERT_EQ(arm_cpu_add_probe(cpu_, kCode + 4, 5), 0);
    RunToEnd();
    EXPECT_EQ(R(0), 1u);
    EXPECT_EQ(R(1), 4u);
    EXPECT_EQ(hits_.size(), 1u);
    EXPECT_EQ(arm_cpu_instructions(cpu_), 3u); // mov r0, (skipped), mov r1, sentinel
}

TEST_F(Probe, ClearedFromInsideTheHook)
{
    Code(kLoop);
    clear_in_hook_ = true;
    ASSERT_EQ(arm_cpu_add_probe(cpu_, kCode + 8, 1), 0);
    RunToEnd();
    EXPECT_EQ(hits_.size(), 1u);
    EXPECT_EQ(R(0), 5u);
}

TEST_F(Probe, TableHoldsSixtyFourProbes)
{
    for (unsigned k = 0; k < ARM_MAX_PROBES; k++)
        ASSERT_EQ(arm_cpu_add_probe(cpu_, 0x100000u + 4 * k, k), 0);
    EXPECT_EQ(arm_cpu_add_probe(cpu_, 0x200000u, 99), -1);
    arm_cpu_clear_probes(cpu_);
    EXPECT_EQ(arm_cpu_add_probe(cpu_, 0x200000u, 99), 0);
}

TEST_F(Probe, ThumbSixteenAndThirtyTwoBit)
{
    // ARM stub switches to Thumb at kCode + 8; Thumb code: a 16-bit MOVS at
    // +8 and a 32-bit MOVW at +10, then back to ARM for the sentinel.
    Code(R"(
        adr r3, t + 1       @ +0
        bx r3               @ +4
        .thumb
    t:  movs r0, #1         @ +8   (16-bit)
        movw r1, #0x1234    @ +10  (32-bit)
        adr r3, a           @ +14
        bx r3
        .arm
        .align 2
    a:
    )");
    ASSERT_EQ(arm_cpu_add_probe(cpu_, kCode + 8, 16), 0);
    ASSERT_EQ(arm_cpu_add_probe(cpu_, kCode + 10, 32), 0);
    RunToEnd();
    ASSERT_EQ(hits_.size(), 2u);
    EXPECT_EQ(hits_[0].id, 16u);
    EXPECT_EQ(hits_[0].pc, kCode + 8);
    EXPECT_EQ(hits_[1].id, 32u);
    EXPECT_EQ(hits_[1].pc, kCode + 10);
    EXPECT_EQ(hits_[1].r0, 1u);
    EXPECT_EQ(R(1), 0x1234u);
}

TEST_F(Probe, SingleStepAndTraceLoopFireToo)
{
    Code(kLoop);
    ASSERT_EQ(arm_cpu_add_probe(cpu_, kCode + 8, 7), 0);
    for (int k = 0; k < 4; k++) arm_cpu_step(cpu_); // mov, mov, add (probe), subs
    EXPECT_EQ(hits_.size(), 1u);
    EXPECT_EQ(R(0), 1u);
    // the trace loop (a trace hook installed) checks probes as well
    arm_cpu_set_trace_hook(cpu_, [](void *, arm_cpu *, uint32_t, uint32_t, unsigned, int) {},
                           nullptr);
    RunToEnd();
    EXPECT_EQ(hits_.size(), 5u);
}

TEST_F(Probe, NoProbeCostWhenNoneMatch)
{
    // Figures only (no assertion on time): a CPU-bound loop with no probes,
    // then with 64 probes at addresses the loop never executes.
    Code(R"(
        ldr r1, =2000000
    1:  add r0, r0, #1
        eor r2, r2, r0
        subs r1, r1, #1
        bne 1b
    )");
    auto run = [&]() {
        at_sentinel_ = false;
        arm_cpu_set_pc(cpu_, kCode);
        SetR(0, 0);
        std::clock_t c0 = std::clock(); // CPU time: steadier on a shared host
        uint64_t i0 = arm_cpu_instructions(cpu_);
        RunToEnd(100000000);
        double s = (double)(std::clock() - c0) / CLOCKS_PER_SEC;
        return s > 0 ? (double)(arm_cpu_instructions(cpu_) - i0) / s / 1e6 : 0.0;
    };
    double none = run();
    for (unsigned k = 0; k < ARM_MAX_PROBES; k++) arm_cpu_add_probe(cpu_, 0x90000u + 4 * k, k);
    double many = run();
    EXPECT_TRUE(hits_.empty());
    EXPECT_EQ(R(0), 2000000u);
    std::printf("[ probes ] loop MIPS (CPU time): no probes %.0f, 64 probes elsewhere %.0f\n", none,
                many);
}

// ---- mode hook ----

class ModeHook : public A32 {
protected:
    void SetUp() override
    {
        A32::SetUp();
        hook_stops_ = false;
        arm_cpu_set_mode_hook(cpu_, &ModeHook::OnMode, this);
    }
    static void OnMode(void *o, arm_cpu *cpu, unsigned from, unsigned to)
    {
        auto *self = static_cast<ModeHook *>(o);
        self->changes_.push_back(
            {from, to, arm_cpu_cycles(cpu), arm_cpu_get_cpsr(cpu), arm_cpu_get_reg(cpu, 15)});
    }
    std::vector<std::pair<unsigned, unsigned>> Pairs() const
    {
        std::vector<std::pair<unsigned, unsigned>> v;
        for (const auto &c : changes_) v.push_back({c.from, c.to});
        return v;
    }
    std::vector<ModeChange> changes_;
};

using P = std::pair<unsigned, unsigned>;

TEST_F(ModeHook, SvcEntryAndMovsReturnCpsMsr)
{
    // vectors at 0x1000 (VBAR): SVC handler returns with MOVS pc, lr.
    Code(R"(
        b start
        .space 4
        b svc               @ 0x1008
    start:
        ldr r0, =0x1000
        mcr p15, 0, r0, c12, c0, 0
        cps #0x1f           @ SVC -> SYS
        msr cpsr_c, #0xd0   @ SYS -> USR (I, F masked)
        svc #1              @ USR -> SVC, then back to USR
        mov r5, #5
        b done
    svc:
        mov r4, #4
        movs pc, lr
    done:
        svc #2              @ USR -> SVC -> USR; the sentinel follows (no mode change:
                            @ the exception hook stops before the exception)
    )");
    RunToEnd();
    std::vector<P> want = {{ARM_MODE_SVC, ARM_MODE_SYS}, {ARM_MODE_SYS, ARM_MODE_USR},
                           {ARM_MODE_USR, ARM_MODE_SVC}, {ARM_MODE_SVC, ARM_MODE_USR},
                           {ARM_MODE_USR, ARM_MODE_SVC}, {ARM_MODE_SVC, ARM_MODE_USR}};
    EXPECT_EQ(Pairs(), want);
    EXPECT_EQ(R(4), 4u);
    EXPECT_EQ(R(5), 5u);
    // PC inside the hook: the instruction causing the change (svc #1 at +0x1c)
    EXPECT_EQ(changes_[2].pc, kCode + 0x1C);
    // the hook sees the new mode and a non-decreasing cycle count
    for (size_t k = 0; k < changes_.size(); k++) {
        EXPECT_EQ(changes_[k].cpsr & ARM_MODE_MASK, changes_[k].to);
        if (k) { EXPECT_GE(changes_[k].cycles, changes_[k - 1].cycles); }
    }
}

TEST_F(ModeHook, CycleCountIsTheCpusAtTheChange)
{
    Code(R"(
        mov r0, #0
        mov r1, #0
        mov r2, #0
        cps #0x1f
        mov r3, #0
    )");
    arm_cpu_step(cpu_);
    arm_cpu_step(cpu_);
    arm_cpu_step(cpu_);
    uint64_t before = arm_cpu_cycles(cpu_);
    arm_cpu_step(cpu_);
    ASSERT_EQ(changes_.size(), 1u);
    EXPECT_EQ(changes_[0].cycles, before); // CPS's own cycles are charged after the hook
    EXPECT_GT(arm_cpu_cycles(cpu_), before);
}

TEST_F(ModeHook, IrqEntryLdmReturnRfeAndNoCallForSameMode)
{
    Code(R"(
        b start
        .space 20
        b irq               @ 0x1018
    start:
        ldr r0, =0x1000
        mcr p15, 0, r0, c12, c0, 0
        msr cpsr_c, #0x13   @ same mode (SVC): no call
        cpsie i
    1:  cmp r1, #0
        beq 1b
        @ RFE back to SVC mode from SYS: frame {pc, cpsr} at sp
        cps #0x1f
        ldr sp, =0x70000
        adr r0, after
        ldr r2, =0x1d3      @ SVC, I F A masked
        stmia sp, {r0, r2}
        rfeia sp
    irq:
        mov r1, #1
        sub lr, lr, #4
        stmfd sp!, {lr}
        ldmfd sp!, {pc}^    @ IRQ -> SVC (LDM with ^ and the PC)
    after:
        mov r6, #6
    )");
    // IRQ bank stack
    arm_cpu_set_cpsr(cpu_, ARM_MODE_IRQ | ARM_CPSR_I | ARM_CPSR_F | ARM_CPSR_A);
    SetR(13, 0x60000);
    arm_cpu_set_cpsr(cpu_, ARM_MODE_SVC | ARM_CPSR_I | ARM_CPSR_F | ARM_CPSR_A);
    changes_.clear();
    Run(100);
    arm_cpu_set_irq(cpu_, 1);
    arm_cpu_step(cpu_); // takes the IRQ (nothing executes)
    arm_cpu_set_irq(cpu_, 0);
    RunToEnd();
    std::vector<P> want = {{ARM_MODE_SVC, ARM_MODE_IRQ}, {ARM_MODE_IRQ, ARM_MODE_SVC},
                           {ARM_MODE_SVC, ARM_MODE_SYS}, {ARM_MODE_SYS, ARM_MODE_SVC}};
    EXPECT_EQ(Pairs(), want);
    EXPECT_EQ(R(6), 6u);
    EXPECT_EQ(R(1), 1u);
}

TEST_F(ModeHook, ExceptionHookStopTakesNoModeChange)
{
    hook_stops_ = true;
    Code(R"(
        mov r0, #1
        .inst 0xe7f000f0    @ udf #0 (the hook stops before the exception)
    )");
    Run();
    EXPECT_EQ(exc_, (int)ARM_EXC_UNDEF);
    EXPECT_TRUE(changes_.empty());
}

// ---- context hook ----

TEST_F(A32, ContextHookSeesEveryContextidrWrite)
{
    std::vector<std::pair<uint32_t, uint32_t>> seen;
    arm_cpu_set_context_hook(cpu_, [](void *o, arm_cpu *, uint32_t a, uint32_t b) {
        static_cast<std::vector<std::pair<uint32_t, uint32_t>> *>(o)->push_back({a, b});
    }, &seen);
    Code(R"(
        ldr r0, =0x00000105
        mcr p15, 0, r0, c13, c0, 1
        mov r0, #7
        mcr p15, 0, r0, c13, c0, 1
        mcr p15, 0, r0, c13, c0, 1
    )");
    RunToEnd();
    std::vector<std::pair<uint32_t, uint32_t>> want = {{0, 0x105}, {0x105, 7}, {7, 7}};
    EXPECT_EQ(seen, want);
    EXPECT_EQ(arm_cpu_get_contextidr(cpu_), 7u);
}

// ---- fault registers as seen from the exception hook ----

struct FaultSeen {
    int exc = -1;
    uint32_t pc = 0, dfar = 0, dfsr = 0, ifar = 0, ifsr = 0;
};

TEST_F(A32, ExceptionHookSeesFaultRegisters)
{
    FaultSeen f;
    arm_cpu_set_exception_hook(cpu_, [](void *o, arm_cpu *cpu, arm_exception e, uint32_t pc) {
        auto *fs = static_cast<FaultSeen *>(o);
        fs->exc = (int)e;
        fs->pc = pc;
        arm_cpu_get_fault_regs(cpu, &fs->dfar, &fs->dfsr, &fs->ifar, &fs->ifsr);
        return ARM_HOOK_STOP;
    }, &f);
    // data abort: a store to an address with no device (bus error -> external abort)
    Code(R"(
        ldr r1, =0x50000010
        str r0, [r1]
    )");
    Run();
    EXPECT_EQ(f.exc, (int)ARM_EXC_DABT);
    EXPECT_EQ(f.pc, kCode + 4);
    EXPECT_EQ(f.dfar, 0x50000010u);
    EXPECT_EQ(f.dfsr, 0x1808u); // ExT, WnR, FS = 01000 (synchronous external abort)
    // prefetch abort: branch to an address with no device
    f = FaultSeen();
    Code(R"(
        ldr r1, =0x50000100
        bx r1
    )");
    Run();
    EXPECT_EQ(f.exc, (int)ARM_EXC_PABT);
    EXPECT_EQ(f.pc, 0x50000100u);
    EXPECT_EQ(f.ifar, 0x50000100u);
    EXPECT_EQ(f.ifsr, 0x1008u);
    // NULL pointers are allowed
    arm_cpu_get_fault_regs(cpu_, nullptr, nullptr, nullptr, nullptr);
}

} // namespace
