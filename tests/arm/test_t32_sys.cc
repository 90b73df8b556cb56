// test_t32_sys.cc - T32 system and exception-generating instructions:
// MRS/MSR (A8.8.109-112, B9.3.9-12), CPS (B9.3.1), SVC/UDF/BKPT, MRC/MCR
// routing (p15 to CP15, CP10/CP11 UNDEFINED), WFI, barriers and hints,
// SUBS PC, LR (B9.3.20), SRS/RFE (B9.3.13, B9.3.16), SETEND.
#include "test_t32_fixture.h"

namespace t32test {
namespace {

using t32_sys = T32;

uint32_t Mode(uint32_t cpsr) { return cpsr & ARM_MODE_MASK; }

TEST_F(t32_sys, StatusRegisterMoves)
{
    Code({
        0xf3ef, 0x8000, // mrs r0, CPSR
        0xf381, 0x8800, // msr CPSR_f, r1
        0xf394, 0x8f00, // msr SPSR_fsxc, r4
        0xf3ff, 0x8300, // mrs r3, SPSR
        0xf382, 0x8100, // msr CPSR_c, r2
    });
    SetNZCV(0xA);
    uint32_t before = CPSR();
    SetR(1, 0x50000000u);
    SetR(4, 0x600001D3u);
    SetR(2, 0xDFu); // SYS mode, I and F set; the T bit is not writable by MSR
    Step();
    // MRS masks the execution state bits (IT, J, T): B9.3.9.
    EXPECT_EQ(R(0), before & 0xF8FF03DFu);
    EXPECT_EQ(R(0) & ARM_CPSR_T, 0u);
    Step();
    EXPECT_EQ(NZCV(), 0x5u);
    Step(2);
    EXPECT_EQ(R(3), 0x600001D3u);
    uint32_t svc_sp = R(13);
    Step();
    EXPECT_EQ(Mode(CPSR()), ARM_MODE_SYS);
    EXPECT_TRUE(Thumb());
    EXPECT_NE(R(13), svc_sp) << "banked SP of SYS mode";
}

TEST_F(t32_sys, ChangeProcessorState)
{
    Code({
        0xb663,         // cpsie if
        0xb672,         // cpsid i
        0xf3af, 0x8680, // cpsid.w a  (A was set by the fixture: clear it first below)
        0xf3af, 0x811f, // cps #0x1f
        0xf3af, 0x8553, // cpsie.w i, #0x13
    });
    arm_cpu_set_cpsr(cpu_, (CPSR() & ~ARM_CPSR_A) | ARM_CPSR_I | ARM_CPSR_F);
    Step();
    EXPECT_EQ(CPSR() & (ARM_CPSR_I | ARM_CPSR_F), 0u);
    Step();
    EXPECT_EQ(CPSR() & (ARM_CPSR_I | ARM_CPSR_F), ARM_CPSR_I);
    Step();
    EXPECT_EQ(CPSR() & ARM_CPSR_A, ARM_CPSR_A);
    Step();
    EXPECT_EQ(Mode(CPSR()), ARM_MODE_SYS);
    Step();
    EXPECT_EQ(Mode(CPSR()), ARM_MODE_SVC);
    EXPECT_EQ(CPSR() & ARM_CPSR_I, 0u);
    EXPECT_TRUE(Thumb());
}

TEST_F(t32_sys, CpsIsIgnoredInUserMode)
{
    Code({0xb672}); // cpsid i
    arm_cpu_set_cpsr(cpu_, ARM_MODE_USR | ARM_CPSR_T);
    Step();
    EXPECT_EQ(CPSR() & ARM_CPSR_I, 0u);
    EXPECT_EQ(PC(), kCode + 2);
}

TEST_F(t32_sys, SvcCallsTheHookWithTheImmediate)
{
    Code({0xdfab, 0xbf00}); // svc #0xab; nop
    Step();
    EXPECT_EQ(svc_imm_, 0xAB);
    EXPECT_EQ(exc_, -1);
    EXPECT_EQ(PC(), kCode + 2);
}

TEST_F(t32_sys, UndefinedAndBreakpoint)
{
    Code({0xde07}); // udf #7
    Step();
    EXPECT_EQ(exc_, ARM_EXC_UNDEF);
    EXPECT_EQ(exc_pc_, kCode);

    exc_ = -1;
    Code({0xf7f1, 0xa234}); // udf.w #0x1234
    Step();
    EXPECT_EQ(exc_, ARM_EXC_UNDEF);

    exc_ = -1;
    Code({0xbe03}); // bkpt #3, no breakpoint hook: prefetch abort (debug event)
    Step();
    EXPECT_EQ(exc_, ARM_EXC_PABT);
    EXPECT_EQ(exc_pc_, kCode);

    // Encodings with no instruction at all take the same path.
    exc_ = -1;
    Code({0xb600}); // unallocated in the miscellaneous 16-bit space
    Step();
    EXPECT_EQ(exc_, ARM_EXC_UNDEF);
}

TEST_F(t32_sys, CoprocessorRouting)
{
    Code({
        0xee10, 0x0f10, // mrc p15, 0, r0, c0, c0, 0   (MIDR)
        0xee0d, 0x1f50, // mcr p15, 0, r1, c13, c0, 2  (TPIDRURW)
        0xee1d, 0x2f50, // mrc p15, 0, r2, c13, c0, 2
    });
    SetR(1, 0xC0FFEEu);
    Step(3);
    EXPECT_EQ(exc_, -1);
    EXPECT_EQ(R(0), 0x413FC090u);
    EXPECT_EQ(R(2), 0xC0FFEEu);

    Code({0xeee1, 0x0a10}); // vmsr fpscr, r0 (CP10): UNDEFINED without VFP
    Step();
    EXPECT_EQ(exc_, ARM_EXC_UNDEF);
}

TEST_F(t32_sys, HintsAndBarriersAdvance)
{
    Code({
        0xf3bf, 0x8f5f, // dmb sy
        0xf3bf, 0x8f4f, // dsb sy
        0xf3bf, 0x8f6f, // isb sy
        0xf3af, 0x8000, // nop.w
        0xbf10,         // yield
        0xbf40,         // sev
        0xb650,         // setend le
        0xbf00,         // nop
    });
    Step(8);
    EXPECT_EQ(exc_, -1);
    EXPECT_EQ(PC(), kCode + 24);
}

TEST_F(t32_sys, WaitForInterruptStopsTheRun)
{
    Code({0xbf30, 0xbf00}); // wfi; nop
    EXPECT_EQ(arm_cpu_run(cpu_, 1000), ARM_STOP_WFI);
    EXPECT_EQ(PC(), kCode + 2);
}

TEST_F(t32_sys, ExceptionReturnWithSubsPcLr)
{
    Code({
        0xf394, 0x8f00, // msr SPSR_fsxc, r4
        0xf3de, 0x8f04, // subs pc, lr, #4
    });
    SetR(4, ARM_MODE_USR | ARM_CPSR_T | 0x20000000u); // user, Thumb, C
    SetR(14, (kCode + 0x104));
    Step(2);
    EXPECT_EQ(Mode(CPSR()), ARM_MODE_USR);
    EXPECT_TRUE(Thumb());
    EXPECT_EQ(NZCV(), 0x2u);
    EXPECT_EQ(PC(), kCode + 0x100);
}

TEST_F(t32_sys, SrsThenRfe)
{
    Code({
        0xf394, 0x8f00, // msr SPSR_fsxc, r4
        0xe82d, 0xc013, // srsdb sp!, #0x13
        0xe9b0, 0xc000, // rfeia r0!
    });
    SetR(4, ARM_MODE_SYS | ARM_CPSR_T);
    SetR(14, (kCode + 0x200) | 1u);
    Step(2);
    EXPECT_EQ(R(13), kStack - 8);
    EXPECT_EQ(Read32(kStack - 8), (kCode + 0x200) | 1u);
    EXPECT_EQ(Read32(kStack - 4), ARM_MODE_SYS | ARM_CPSR_T);
    SetR(0, kStack - 8);
    Step();
    EXPECT_EQ(Mode(CPSR()), ARM_MODE_SYS);
    EXPECT_TRUE(Thumb());
    EXPECT_EQ(PC(), kCode + 0x200);
}

// UNPREDICTABLE encodings this ISS makes UNDEFINED (T32 UNPREDICTABLE table, models/arm/README.md).
TEST_F(t32_sys, UnpredictableChoicesTrapAsUndefined)
{
    struct {
        uint16_t hw1, hw2;
        unsigned size;
        const char *text;
    } cases[] = {
        {0xf381, 0x8000, 4, "msr CPSR_<none>, r1 (mask 0000)"},
        {0xf3af, 0x8200, 4, "cps with imod 01"},
        {0xf3cf, 0x8f00, 4, "bxj pc"},
        {0xf321, 0x0013, 4, "ssat16 with sat_imm bit 4 set"},
        {0xf361, 0x2204, 4, "bfi with msb < lsb"},
        {0xf81c, 0xfb6a, 4, "ldrb pc, [r12], #0x6a"},
        {0xf240, 0x0f00, 4, "movw pc, #0"},
        {0xfb81, 0x0f02, 4, "smull r0, pc, r1, r2"},
        {0xfab1, 0xff81, 4, "clz pc, r1"},
        {0x47f8, 0, 2, "blx pc"},
        {0xbff1, 0, 2, "it with firstcond 1111"},
    };
    for (const auto &c : cases) {
        exc_ = -1;
        if (c.size == 4) Code({c.hw1, c.hw2});
        else Code({c.hw1});
        SetR(12, kData);
        Step();
        EXPECT_EQ(exc_, ARM_EXC_UNDEF) << c.text;
        EXPECT_EQ(exc_pc_, kCode) << c.text;
    }
}

} // namespace
} // namespace t32test
