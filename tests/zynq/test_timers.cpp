// A9 private timer, watchdog and global timer: periods at exact picosecond
// times, IRQ behaviour, fast-forward through next_event().
#include <gtest/gtest.h>

#include "test_support.h"
extern "C" {
#include "gtimer.h"
#include "scutimer.h"
#include "scuwdt.h"
}

static const uint64_t PCLK = ZYNQ_PERIPHCLK_HZ;  // 333,333,343 Hz

TEST(ScuTimer, ResetValues) {
    scutimer t;
    scutimer_init(&t, "ptimer", 0);
    EXPECT_EQ(t.clk_hz, PCLK);
    for (uint32_t off : {0x0u, 0x4u, 0x8u, 0xCu}) EXPECT_EQ(rd(&t.dev, off), 0u);
    EXPECT_EQ(zynq_dev_next_event(&t.dev), ZYNQ_TIME_NEVER);
}

TEST(ScuTimer, AutoReloadPeriodAndIrq) {
    scutimer t;
    IrqProbe p;
    scutimer_init(&t, "ptimer", 0);
    scutimer_set_irq(&t, p.line(29));
    wr(&t.dev, SCUTIMER_LOAD, 99);
    EXPECT_EQ(rd(&t.dev, SCUTIMER_COUNTER), 99u);
    wr(&t.dev, SCUTIMER_CONTROL, 7);  // enable, auto-reload, IRQ
    // First zero after 99 decrements, then every LOAD+1 = 100 cycles.
    zynq_time_ps t1 = zynq_cycle_time(PCLK, 99);
    EXPECT_EQ(zynq_dev_next_event(&t.dev), t1);
    zynq_dev_advance(&t.dev, t1 - 1);
    EXPECT_EQ(p.level[29], 0);
    EXPECT_EQ(rd(&t.dev, SCUTIMER_COUNTER), 1u);
    zynq_dev_advance(&t.dev, t1);
    EXPECT_EQ(p.level[29], 1);
    EXPECT_EQ(rd(&t.dev, SCUTIMER_ISR), 1u);
    EXPECT_EQ(rd(&t.dev, SCUTIMER_COUNTER), 0u);
    EXPECT_EQ(zynq_dev_next_event(&t.dev), ZYNQ_TIME_NEVER);  // flag set
    wr(&t.dev, SCUTIMER_ISR, 1);
    EXPECT_EQ(p.level[29], 0);
    EXPECT_EQ(zynq_dev_next_event(&t.dev), zynq_cycle_time(PCLK, 199));
    zynq_dev_advance(&t.dev, zynq_cycle_time(PCLK, 100));
    EXPECT_EQ(rd(&t.dev, SCUTIMER_COUNTER), 99u);  // reloaded
}

TEST(ScuTimer, PrescalerAndSingleShot) {
    scutimer t;
    IrqProbe p;
    scutimer_init(&t, "ptimer", 0);
    scutimer_set_irq(&t, p.line(29));
    wr(&t.dev, SCUTIMER_LOAD, 9);
    wr(&t.dev, SCUTIMER_CONTROL, (3u << 8) | 5);  // prescaler 3, one-shot, IRQ
    zynq_time_ps t1 = zynq_cycle_time(PCLK, 9 * 4);
    EXPECT_EQ(zynq_dev_next_event(&t.dev), t1);
    zynq_dev_advance(&t.dev, t1 - 1);
    EXPECT_EQ(p.level[29], 0);
    zynq_dev_advance(&t.dev, t1);
    EXPECT_EQ(p.level[29], 1);
    wr(&t.dev, SCUTIMER_ISR, 1);
    zynq_dev_advance(&t.dev, zynq_cycle_time(PCLK, 1000));
    EXPECT_EQ(p.level[29], 0);  // stopped at zero
    EXPECT_EQ(rd(&t.dev, SCUTIMER_COUNTER), 0u);
    EXPECT_EQ(zynq_dev_next_event(&t.dev), ZYNQ_TIME_NEVER);
}

TEST(ScuTimer, KerOneTickFastForwardHundredPerSecond) {
    // Ker-ONE: LOAD = 333,333,333 / 100 - 1, CONTROL = 6 then enable.
    scutimer t;
    IrqProbe p;
    scutimer_init(&t, "ptimer", 0);
    scutimer_set_irq(&t, p.line(29));
    wr(&t.dev, SCUTIMER_LOAD, 333333333u / 100 - 1);
    wr(&t.dev, SCUTIMER_CONTROL, 6);
    wr(&t.dev, SCUTIMER_CONTROL, 7);
    int ticks = 0;
    zynq_time_ps last = 0;
    for (;;) {
        zynq_time_ps n = zynq_dev_next_event(&t.dev);
        if (n > ZYNQ_PS_PER_S) break;
        zynq_dev_advance(&t.dev, n);
        ASSERT_EQ(p.level[29], 1);
        wr(&t.dev, SCUTIMER_ISR, 1);
        ticks++;
        last = n;
    }
    EXPECT_EQ(ticks, 100);
    // The 100th tick: 3333332 + 99 * 3333333 cycles after enable.
    EXPECT_EQ(last, zynq_cycle_time(PCLK, 3333332ull + 99ull * 3333333ull));
}

TEST(ScuWdt, TimerModeAndWatchdogMode) {
    scuwdt w;
    IrqProbe p;
    int resets = 0;
    scuwdt_init(&w, "wdt", 0);
    scuwdt_set_irq(&w, p.line(30));
    scuwdt_set_reset_cb(&w, [](void *o) { ++*static_cast<int *>(o); }, &resets);
    wr(&w.dev, SCUWDT_LOAD, 49);
    wr(&w.dev, SCUWDT_CONTROL, 7);
    zynq_dev_advance(&w.dev, zynq_cycle_time(PCLK, 49));
    EXPECT_EQ(p.level[30], 1);
    wr(&w.dev, SCUWDT_ISR, 1);
    EXPECT_EQ(p.level[30], 0);
    // Watchdog mode: expiry requests a reset, no IRQ.
    wr(&w.dev, SCUWDT_LOAD, 10);
    wr(&w.dev, SCUWDT_CONTROL, 0x9);  // enable + WD mode
    EXPECT_EQ(rd(&w.dev, SCUWDT_CONTROL) & 8u, 8u);
    wr(&w.dev, SCUWDT_CONTROL, 0x1);  // cannot leave WD mode by CONTROL
    EXPECT_EQ(rd(&w.dev, SCUWDT_CONTROL) & 8u, 8u);
    zynq_dev_advance(&w.dev, zynq_dev_next_event(&w.dev));
    EXPECT_EQ(resets, 1);
    EXPECT_EQ(rd(&w.dev, SCUWDT_RESET_STATUS), 1u);
    EXPECT_EQ(p.level[30], 0);
    wr(&w.dev, SCUWDT_RESET_STATUS, 1);
    EXPECT_EQ(rd(&w.dev, SCUWDT_RESET_STATUS), 0u);
    wr(&w.dev, SCUWDT_DISABLE, 0x12345678);
    wr(&w.dev, SCUWDT_DISABLE, 0x87654321);
    EXPECT_EQ(rd(&w.dev, SCUWDT_CONTROL) & 8u, 0u);
}

TEST(GlobalTimer, CountsWithPrescaler) {
    gtimer g;
    gtimer_init(&g, "gtimer", 0);
    wr(&g.dev, GTIMER_CONTROL, (1u << 8) | 1);  // prescaler 1: every 2 cycles
    zynq_dev_advance(&g.dev, zynq_cycle_time(PCLK, 2001));
    EXPECT_EQ(rd(&g.dev, GTIMER_COUNTER_LO), 1000u);
    EXPECT_EQ(rd(&g.dev, GTIMER_COUNTER_HI), 0u);
    wr(&g.dev, GTIMER_COUNTER_LO, 5);  // ignored while enabled
    EXPECT_EQ(rd(&g.dev, GTIMER_COUNTER_LO), 1000u);
    wr(&g.dev, GTIMER_CONTROL, 0);
    wr(&g.dev, GTIMER_COUNTER_LO, 0xFFFFFFF0u);
    wr(&g.dev, GTIMER_COUNTER_HI, 0);
    wr(&g.dev, GTIMER_CONTROL, 1);
    zynq_dev_advance(&g.dev, zynq_cycle_time(PCLK, 2001 + 0x20));
    EXPECT_EQ(rd(&g.dev, GTIMER_COUNTER_HI), 1u);  // carried into the top word
    EXPECT_EQ(rd(&g.dev, GTIMER_COUNTER_LO), 0x10u);
}

TEST(GlobalTimer, ComparatorAutoIncrementBit3) {
    gtimer g;
    IrqProbe p;
    gtimer_init(&g, "gtimer", 0);
    gtimer_set_irq(&g, p.line(27));
    wr(&g.dev, GTIMER_COMP_LO, 1000);
    wr(&g.dev, GTIMER_AUTOINC, 500);
    // Bit 2 is the IRQ enable, bit 3 auto-increment (not bit 2 as in old QEMU).
    wr(&g.dev, GTIMER_CONTROL, 0xF);
    EXPECT_EQ(zynq_dev_next_event(&g.dev), zynq_cycle_time(PCLK, 1000));
    zynq_dev_advance(&g.dev, zynq_cycle_time(PCLK, 999));
    EXPECT_EQ(p.level[27], 0);
    zynq_dev_advance(&g.dev, zynq_cycle_time(PCLK, 1000));
    EXPECT_EQ(p.level[27], 1);
    EXPECT_EQ(rd(&g.dev, GTIMER_COMP_LO), 1500u);
    wr(&g.dev, GTIMER_ISR, 1);
    EXPECT_EQ(p.level[27], 0);
    EXPECT_EQ(zynq_dev_next_event(&g.dev), zynq_cycle_time(PCLK, 1500));
    zynq_dev_advance(&g.dev, zynq_cycle_time(PCLK, 1500));
    EXPECT_EQ(p.level[27], 1);
    EXPECT_EQ(rd(&g.dev, GTIMER_COMP_LO), 2000u);
}

TEST(GlobalTimer, ComparatorFiresWhenGreaterOrEqualWithoutAutoIncrement) {
    gtimer g;
    IrqProbe p;
    gtimer_init(&g, "gtimer", 0);
    gtimer_set_irq(&g, p.line(27));
    wr(&g.dev, GTIMER_CONTROL, 1);
    zynq_dev_advance(&g.dev, zynq_cycle_time(PCLK, 5000));
    wr(&g.dev, GTIMER_COMP_LO, 100);  // already passed
    wr(&g.dev, GTIMER_CONTROL, 0x7);  // comparator + IRQ, no auto-increment
    EXPECT_EQ(p.level[27], 1);        // r2p0+: counter >= comparator fires
    EXPECT_EQ(rd(&g.dev, GTIMER_COMP_LO), 100u);
    wr(&g.dev, GTIMER_CONTROL, 0x5);  // comparator off
    wr(&g.dev, GTIMER_ISR, 1);
    EXPECT_EQ(p.level[27], 0);
    EXPECT_EQ(zynq_dev_next_event(&g.dev), ZYNQ_TIME_NEVER);
}
