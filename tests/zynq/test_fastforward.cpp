// next_event() is never late: a platform that jumps from event to event
// (WFI fast-forward) sees every IRQ rise at the same time a platform that
// polls in fixed steps sees it (rounded up to the step).
#include <gtest/gtest.h>

#include <functional>

#include "test_support.h"
extern "C" {
#include "devcfg.h"
#include "gtimer.h"
#include "scutimer.h"
#include "ttc.h"
}

namespace {
// Runs `dev` until `end`, either by next_event() jumps (step == 0) or in
// fixed steps; `service` is called when the IRQ is high (it must clear it).
// Returns the times at which the IRQ was seen high.
std::vector<zynq_time_ps> run(zynq_dev *dev, IrqProbe &p, int num,
                              zynq_time_ps end, zynq_time_ps step,
                              const std::function<void()> &service) {
    std::vector<zynq_time_ps> seen;
    zynq_time_ps t = dev->now;
    while (t < end) {
        if (step) {
            t += step;
        } else {
            zynq_time_ps n = zynq_dev_next_event(dev);
            if (n == ZYNQ_TIME_NEVER || n > end) break;
            t = n > t ? n : t;
        }
        zynq_dev_advance(dev, t);
        if (p.level[num]) {
            seen.push_back(t);
            service();
            EXPECT_EQ(p.level[num], 0) << "service did not clear the IRQ";
        }
    }
    return seen;
}

void compare(const std::vector<zynq_time_ps> &exact,
             const std::vector<zynq_time_ps> &stepped, zynq_time_ps step) {
    ASSERT_EQ(exact.size(), stepped.size());
    ASSERT_FALSE(exact.empty());
    for (size_t i = 0; i < exact.size(); i++)
        EXPECT_EQ(stepped[i], (exact[i] + step - 1) / step * step) << "event " << i;
}
}  // namespace

TEST(FastForward, PrivateTimer) {
    const zynq_time_ps step = 7777, end = 50000000;
    std::vector<zynq_time_ps> res[2];
    for (int k = 0; k < 2; k++) {
        scutimer t;
        IrqProbe p;
        scutimer_init(&t, "ptimer", 0);
        scutimer_set_irq(&t, p.line(29));
        wr(&t.dev, SCUTIMER_LOAD, 1234);
        wr(&t.dev, SCUTIMER_CONTROL, (2u << 8) | 7);
        res[k] = run(&t.dev, p, 29, end, k ? step : 0,
                     [&] { wr(&t.dev, SCUTIMER_ISR, 1); });
    }
    compare(res[0], res[1], step);
}

TEST(FastForward, GlobalTimerAutoIncrement) {
    const zynq_time_ps step = 3001, end = 20000000;
    std::vector<zynq_time_ps> res[2];
    for (int k = 0; k < 2; k++) {
        gtimer g;
        IrqProbe p;
        gtimer_init(&g, "gtimer", 0);
        gtimer_set_irq(&g, p.line(27));
        wr(&g.dev, GTIMER_COMP_LO, 300);
        wr(&g.dev, GTIMER_AUTOINC, 777);
        wr(&g.dev, GTIMER_CONTROL, 0xF);
        res[k] = run(&g.dev, p, 27, end, k ? step : 0,
                     [&] { wr(&g.dev, GTIMER_ISR, 1); });
    }
    compare(res[0], res[1], step);
}

TEST(FastForward, TtcIntervalAndMatch) {
    const zynq_time_ps step = 5003, end = 40000000;
    std::vector<zynq_time_ps> res[2];
    for (int k = 0; k < 2; k++) {
        ttc t;
        IrqProbe p;
        ttc_init(&t, "ttc0", 0);
        ttc_set_irq(&t, 0, p.line(42));
        wr(&t.dev, TTC_INTERVAL(0), 500);
        wr(&t.dev, TTC_MATCH0(0), 123);
        wr(&t.dev, TTC_IER(0), TTC_IXR_INTERVAL | TTC_IXR_MATCH0);
        wr(&t.dev, TTC_CLK_CNTRL(0), 1);  // divide by 2
        wr(&t.dev, TTC_CNT_CNTRL(0), TTC_CNT_INT | TTC_CNT_MATCH);
        res[k] = run(&t.dev, p, 42, end, k ? step : 0,
                     [&] { rd(&t.dev, TTC_ISR(0)); });
    }
    compare(res[0], res[1], step);
}

TEST(FastForward, DevcfgDmaDoneThenDPDone) {
    const zynq_time_ps step = 9000, end = 2000000000;
    std::vector<uint8_t> mem(1 << 20, 0x5A);
    std::vector<zynq_time_ps> res[2];
    for (int k = 0; k < 2; k++) {
        devcfg dc;
        IrqProbe p;
        devcfg_init(&dc, "devcfg", nullptr);
        devcfg_set_irq(&dc, p.line(40));
        devcfg_set_mem(&dc, [](void *o, uint32_t a, void *b, uint32_t n) {
            auto *m = static_cast<std::vector<uint8_t> *>(o);
            if ((uint64_t)a + n > m->size()) return ZYNQ_SLVERR;
            memcpy(b, &(*m)[a], n);
            return ZYNQ_OK;
        }, nullptr, &mem);
        devcfg_fsbl_state(&dc);
        wr(&dc.dev, DEVCFG_INT_STS, 0xFFFFFFFF);
        wr(&dc.dev, DEVCFG_INT_MASK, ~(DEVCFG_INT_DMA_DONE | DEVCFG_INT_D_P_DONE));
        wr(&dc.dev, DEVCFG_DMA_SRC_ADDR, 0x1000);
        wr(&dc.dev, DEVCFG_DMA_DST_ADDR, DEVCFG_INVALID_ADDR);
        wr(&dc.dev, DEVCFG_DMA_SRC_LEN, 5000);
        wr(&dc.dev, DEVCFG_DMA_DEST_LEN, 0);
        res[k] = run(&dc.dev, p, 40, end, k ? step : 0, [&] {
            wr(&dc.dev, DEVCFG_INT_STS, DEVCFG_INT_DMA_DONE | DEVCFG_INT_D_P_DONE);
        });
    }
    ASSERT_EQ(res[0].size(), 2u);  // DMA_DONE (AXI side), then D_P_DONE
    compare(res[0], res[1], step);
}
