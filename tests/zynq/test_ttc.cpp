// Triple Timer Counter: interval/match/overflow modes, prescaler,
// clear-on-read ISR, IRQ outputs, exact event times.
#include <gtest/gtest.h>

#include "test_support.h"
extern "C" {
#include "ttc.h"
}

static const uint64_t CLK1X = ZYNQ_CPU_1X_HZ;

namespace {
class Ttc : public ::testing::Test {
protected:
    ttc t;
    IrqProbe p;
    void SetUp() override {
        ttc_init(&t, "ttc0", 0);
        for (unsigned n = 0; n < 3; n++) ttc_set_irq(&t, n, p.line(42 + n));
    }
};
}  // namespace

TEST_F(Ttc, ResetValues) {
    for (unsigned n = 0; n < 3; n++) {
        EXPECT_EQ(rd(&t.dev, TTC_CLK_CNTRL(n)), 0u);
        EXPECT_EQ(rd(&t.dev, TTC_CNT_CNTRL(n)), 0x21u);
        EXPECT_EQ(rd(&t.dev, TTC_COUNT_VALUE(n)), 0u);
        EXPECT_EQ(rd(&t.dev, TTC_INTERVAL(n)), 0u);
        EXPECT_EQ(rd(&t.dev, TTC_ISR(n)), 0u);
        EXPECT_EQ(rd(&t.dev, TTC_IER(n)), 0u);
    }
    zynq_dev_advance(&t.dev, 1000000000);  // disabled at reset: no counting
    EXPECT_EQ(rd(&t.dev, TTC_COUNT_VALUE(0)), 0u);
}

TEST_F(Ttc, IntervalModePeriodAndClearOnRead) {
    wr(&t.dev, TTC_INTERVAL(0), 999);
    wr(&t.dev, TTC_IER(0), TTC_IXR_INTERVAL);
    wr(&t.dev, TTC_CNT_CNTRL(0), TTC_CNT_INT | TTC_CNT_RST);  // start
    EXPECT_EQ(rd(&t.dev, TTC_CNT_CNTRL(0)), (uint32_t)TTC_CNT_INT);  // RST self-clears
    zynq_time_ps t1 = zynq_cycle_time(CLK1X, 1000);
    EXPECT_EQ(zynq_dev_next_event(&t.dev), t1);
    zynq_dev_advance(&t.dev, t1 - 1);
    EXPECT_EQ(rd(&t.dev, TTC_COUNT_VALUE(0)), 999u);
    EXPECT_EQ(p.level[42], 0);
    zynq_dev_advance(&t.dev, t1);
    EXPECT_EQ(p.level[42], 1);
    EXPECT_EQ(rd(&t.dev, TTC_COUNT_VALUE(0)), 0u);
    EXPECT_EQ(rd(&t.dev, TTC_ISR(0)), (uint32_t)TTC_IXR_INTERVAL);
    EXPECT_EQ(p.level[42], 0);  // read cleared it
    EXPECT_EQ(rd(&t.dev, TTC_ISR(0)), 0u);
    EXPECT_EQ(zynq_dev_next_event(&t.dev), zynq_cycle_time(CLK1X, 2000));
    // Other channels untouched.
    EXPECT_EQ(p.rises[43] + p.rises[44], 0);
}

TEST_F(Ttc, PrescalerDividesByTwoToTheNPlusOne) {
    wr(&t.dev, TTC_CLK_CNTRL(1), 1u | (2u << 1));  // divide by 8
    wr(&t.dev, TTC_INTERVAL(1), 99);
    wr(&t.dev, TTC_IER(1), TTC_IXR_INTERVAL);
    wr(&t.dev, TTC_CNT_CNTRL(1), TTC_CNT_INT);
    EXPECT_EQ(zynq_dev_next_event(&t.dev), zynq_cycle_time(CLK1X, 800));
    zynq_dev_advance(&t.dev, zynq_cycle_time(CLK1X, 800));
    EXPECT_EQ(p.level[43], 1);
    wr(&t.dev, TTC_ISR(1), 0x1F);  // the Xilinx driver writes ISR to clear
    EXPECT_EQ(p.level[43], 0);
}

TEST_F(Ttc, MatchModeAndDecrement) {
    wr(&t.dev, TTC_INTERVAL(2), 1000);
    wr(&t.dev, TTC_MATCH0(2), 600);
    wr(&t.dev, TTC_IER(2), 1u << 1);  // match 0
    wr(&t.dev, TTC_CNT_CNTRL(2),
       TTC_CNT_INT | TTC_CNT_DEC | TTC_CNT_MATCH | TTC_CNT_RST);
    EXPECT_EQ(rd(&t.dev, TTC_COUNT_VALUE(2)), 1000u);  // decrement starts at top
    EXPECT_EQ(zynq_dev_next_event(&t.dev), zynq_cycle_time(CLK1X, 400));
    zynq_dev_advance(&t.dev, zynq_cycle_time(CLK1X, 400));
    EXPECT_EQ(p.level[44], 1);
    EXPECT_EQ(rd(&t.dev, TTC_COUNT_VALUE(2)), 600u);
    EXPECT_EQ(rd(&t.dev, TTC_ISR(2)), 1u << 1);
    // Reaching 0 latches the interval event (not enabled in IER) and, since
    // MATCH_1/MATCH_2 are 0, the match 1/2 events too.
    zynq_dev_advance(&t.dev, zynq_cycle_time(CLK1X, 1000));
    EXPECT_EQ(rd(&t.dev, TTC_ISR(2)), TTC_IXR_INTERVAL | (1u << 2) | (1u << 3));
    EXPECT_EQ(p.level[44], 0);
}

TEST_F(Ttc, OverflowModeWrapsAt16Bits) {
    wr(&t.dev, TTC_IER(0), TTC_IXR_OVERFLOW);
    wr(&t.dev, TTC_CNT_CNTRL(0), TTC_CNT_RST);  // overflow mode, enabled
    EXPECT_EQ(zynq_dev_next_event(&t.dev), zynq_cycle_time(CLK1X, 0x10000));
    zynq_dev_advance(&t.dev, zynq_cycle_time(CLK1X, 0x10000 + 5));
    EXPECT_EQ(p.level[42], 1);
    EXPECT_EQ(rd(&t.dev, TTC_COUNT_VALUE(0)), 5u);
    // Stop: the counter holds its value.
    wr(&t.dev, TTC_CNT_CNTRL(0), TTC_CNT_DIS);
    zynq_dev_advance(&t.dev, zynq_cycle_time(CLK1X, 0x30000));
    EXPECT_EQ(rd(&t.dev, TTC_COUNT_VALUE(0)), 5u);
}

TEST_F(Ttc, FastForwardOverManyPeriodsLatchesOnce) {
    wr(&t.dev, TTC_INTERVAL(0), 9);
    wr(&t.dev, TTC_IER(0), TTC_IXR_INTERVAL);
    wr(&t.dev, TTC_CNT_CNTRL(0), TTC_CNT_INT);
    zynq_dev_advance(&t.dev, zynq_cycle_time(CLK1X, 12345));
    EXPECT_EQ(rd(&t.dev, TTC_COUNT_VALUE(0)), 12345u % 10);
    EXPECT_EQ(p.rises[42], 1);
}
