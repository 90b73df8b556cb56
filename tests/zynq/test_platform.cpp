// A miniature platform: devices wired to the GIC through zynq_irq values, a
// "CPU" that sleeps (WFI) until the earliest next_event() and then takes
// interrupts with ICCIAR / ICCEOIR. Checks the wiring and the timing end to
// end: private timer (PPI 29), TTC0 ch0 (42), DevCfg (40), UART1 (82).
#include <gtest/gtest.h>

#include <map>

#include "test_support.h"
extern "C" {
#include "devcfg.h"
#include "gic.h"
#include "scutimer.h"
#include "ttc.h"
#include "uart.h"
}

namespace {
struct Mini {
    gic g;
    scutimer pt;
    ttc ttc0;
    devcfg dc;
    uart u1;
    IrqProbe cpu;
    std::vector<uint8_t> ddr = std::vector<uint8_t>(1 << 20, 0x11);
    std::string console;
    std::vector<zynq_dev *> timed;
    std::map<uint32_t, std::vector<zynq_time_ps>> taken;
    zynq_time_ps now = 0;

    Mini() {
        gic_init(&g, "gic", 1);
        gic_set_nirq(&g, 0, cpu.line(0));
        scutimer_init(&pt, "ptimer", 0);
        scutimer_set_irq(&pt, gic_input(&g, 29));
        ttc_init(&ttc0, "ttc0", 0);
        for (unsigned n = 0; n < 3; n++) ttc_set_irq(&ttc0, n, gic_input(&g, 42 + n));
        devcfg_init(&dc, "devcfg", nullptr);
        devcfg_set_irq(&dc, gic_input(&g, 40));
        devcfg_set_mem(&dc, [](void *o, uint32_t a, void *b, uint32_t n) {
            auto *m = static_cast<std::vector<uint8_t> *>(o);
            if ((uint64_t)a + n > m->size()) return ZYNQ_SLVERR;
            memcpy(b, &(*m)[a], n);
            return ZYNQ_OK;
        }, nullptr, &ddr);
        devcfg_fsbl_state(&dc);
        uart_init(&u1, "uart1", nullptr);
        uart_set_irq(&u1, gic_input(&g, 82));
        uart_set_tx_sink(&u1, [](void *o, uint8_t b, zynq_time_ps) {
            static_cast<std::string *>(o)->push_back((char)b);
        }, &console);
        uart_fsbl_state(&u1);
        timed = {&pt.dev, &ttc0.dev, &dc.dev, &u1.dev};
    }
    void dw(uint32_t off, uint32_t v) { wr(&g.dist.dev, off, v); }
    void cw(uint32_t off, uint32_t v) { wr(&g.cpuif.dev, off, v); }
    void enable(unsigned id, uint8_t prio) {
        uint32_t pr = rd(&g.dist.dev, GIC_ICDIPR + (id & ~3u));
        pr |= (uint32_t)prio << (8 * (id & 3));
        dw(GIC_ICDIPR + (id & ~3u), pr);
        if (id >= 32) {
            uint32_t t = rd(&g.dist.dev, GIC_ICDIPTR + (id & ~3u));
            dw(GIC_ICDIPTR + (id & ~3u), t | (1u << (8 * (id & 3))));
        }
        dw(GIC_ICDISER + 4 * (id / 32), 1u << (id % 32));
    }
    void advance_all(zynq_time_ps t) {
        now = t;
        for (auto *d : timed) zynq_dev_advance(d, t);
    }
    // Device handlers: clear the source.
    void handle(uint32_t id) {
        switch (id) {
        case 29: wr(&pt.dev, SCUTIMER_ISR, 1); break;
        case 42: rd(&ttc0.dev, TTC_ISR(0)); break;
        case 40: wr(&dc.dev, DEVCFG_INT_STS, rd(&dc.dev, DEVCFG_INT_STS)); 
                 wr(&dc.dev, DEVCFG_INT_MASK, 0xFFFFFFFF); break;
        case 82: wr(&u1.dev, UART_IDR, UART_IXR_TEMPTY); break;
        default: ADD_FAILURE() << "unexpected ID " << id;
        }
    }
    // WFI until `end`, taking interrupts as they come.
    void run_until(zynq_time_ps end) {
        for (int guard = 0; guard < 100000; guard++) {
            while (cpu.level[0]) {
                uint32_t iar = rd(&g.cpuif.dev, GIC_ICCIAR);
                ASSERT_NE(iar & 0x3FFu, 1023u);
                taken[iar & 0x3FF].push_back(now);
                handle(iar & 0x3FF);
                cw(GIC_ICCEOIR, iar);
            }
            zynq_time_ps t = ZYNQ_TIME_NEVER;
            for (auto *d : timed) t = std::min(t, zynq_dev_next_event(d));
            if (t > end) {
                advance_all(end);
                return;
            }
            advance_all(std::max(t, now));
        }
        FAIL() << "too many wake-ups";
    }
};
}  // namespace

TEST(MiniPlatform, TimersDevcfgUartThroughGic) {
    Mini m;
    m.dw(GIC_ICDDCR, 1);
    m.cw(GIC_ICCICR, 1);
    m.cw(GIC_ICCPMR, 0xF8);
    m.enable(29, 0x20);
    m.enable(42, 0x40);
    m.enable(40, 0x30);
    m.enable(82, 0x80);
    // Private timer: 1 ms tick (333,333 + 10 = PERIPHCLK / 1000 cycles).
    const uint32_t load = (uint32_t)(ZYNQ_PERIPHCLK_HZ / 1000) - 1;
    wr(&m.pt.dev, SCUTIMER_LOAD, load);
    wr(&m.pt.dev, SCUTIMER_CONTROL, 7);
    // TTC0 ch0: interval 0.5 ms = 55,555 CPU_1x cycles (prescale off).
    wr(&m.ttc0.dev, TTC_INTERVAL(0), 55555 - 1);
    wr(&m.ttc0.dev, TTC_IER(0), TTC_IXR_INTERVAL);
    wr(&m.ttc0.dev, TTC_CNT_CNTRL(0), TTC_CNT_INT);
    // DevCfg: 64 KiB to the PL, interrupt on D_P_DONE.
    wr(&m.dc.dev, DEVCFG_INT_STS, 0xFFFFFFFF);
    wr(&m.dc.dev, DEVCFG_INT_MASK, ~DEVCFG_INT_D_P_DONE);
    wr(&m.dc.dev, DEVCFG_DMA_SRC_ADDR, 0x10000);
    wr(&m.dc.dev, DEVCFG_DMA_DST_ADDR, DEVCFG_INVALID_ADDR);
    wr(&m.dc.dev, DEVCFG_DMA_SRC_LEN, 16384);
    wr(&m.dc.dev, DEVCFG_DMA_DEST_LEN, 0);
    // UART: interrupt when the TX FIFO is empty after "ok\n".
    for (char c : std::string("ok\n")) wr(&m.u1.dev, UART_FIFO, (uint8_t)c);
    wr(&m.u1.dev, UART_IER, UART_IXR_TEMPTY);

    m.run_until(10 * ZYNQ_PS_PER_S / 1000);  // 10 ms

    EXPECT_EQ(m.console, "ok\n");
    ASSERT_EQ(m.taken[82].size(), 1u);
    EXPECT_EQ(m.taken[82][0], 0u);  // untimed UART: at once
    ASSERT_EQ(m.taken[40].size(), 1u);
    EXPECT_EQ(m.taken[40][0], zynq_muldiv_ceil(65536, ZYNQ_PS_PER_S, 130000000));
    ASSERT_EQ(m.taken[29].size(), 10u);
    for (size_t i = 0; i < 10; i++)
        EXPECT_EQ(m.taken[29][i],
                  zynq_cycle_time(ZYNQ_PERIPHCLK_HZ, load + i * (uint64_t)(load + 1)));
    ASSERT_EQ(m.taken[42].size(), 20u);
    for (size_t i = 0; i < 20; i++)
        EXPECT_EQ(m.taken[42][i], zynq_cycle_time(ZYNQ_CPU_1X_HZ, 55555 * (i + 1)));
    EXPECT_EQ(rd(&m.g.cpuif.dev, GIC_ICCRPR), 0xFFu);
}
