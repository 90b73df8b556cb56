// GIC distributor + CPU interface: reset values, acknowledge/EOI, priority,
// masking, preemption, SGIs, edge/level, targets.
#include <gtest/gtest.h>

#include "test_support.h"
extern "C" {
#include "gic.h"
}

namespace {
class Gic : public ::testing::Test {
protected:
    gic g;
    IrqProbe p;
    LogCapture log;
    void SetUp() override {
        gic_init(&g, "gic", 2);
        gic_set_nirq(&g, 0, p.line(0));
        gic_set_nirq(&g, 1, p.line(1));
        log.attach(&g.dist.dev);
        log.attach(&g.cpuif.dev);
    }
    uint32_t d(uint32_t off) { return rd(&g.dist.dev, off); }
    void dw(uint32_t off, uint32_t v) { wr(&g.dist.dev, off, v); }
    uint32_t c(unsigned cpu, uint32_t off) {
        uint32_t v = 0;
        EXPECT_EQ(gic_cpu_access(&g, cpu, false, off, 4, &v), ZYNQ_OK);
        return v;
    }
    void cw(unsigned cpu, uint32_t off, uint32_t v) {
        EXPECT_EQ(gic_cpu_access(&g, cpu, true, off, 4, &v), ZYNQ_OK);
    }
    // Enable distributor and CPU 0 interface, PMR 0xF8, one SPI set up.
    void basic() {
        dw(GIC_ICDDCR, 1);
        cw(0, GIC_ICCICR, 1);
        cw(0, GIC_ICCPMR, 0xF8);
    }
    void spi(unsigned id, uint8_t prio, uint8_t targets = 1) {
        uint32_t v = d(GIC_ICDIPR + (id & ~3u));
        v = (v & ~(0xFFu << (8 * (id & 3)))) | (uint32_t)prio << (8 * (id & 3));
        dw(GIC_ICDIPR + (id & ~3u), v);
        uint32_t t = d(GIC_ICDIPTR + (id & ~3u));
        t = (t & ~(0xFFu << (8 * (id & 3)))) | (uint32_t)targets << (8 * (id & 3));
        dw(GIC_ICDIPTR + (id & ~3u), t);
        dw(GIC_ICDISER + 4 * (id / 32), 1u << (id % 32));
    }
};
}  // namespace

TEST_F(Gic, ResetValues) {
    EXPECT_EQ(d(GIC_ICDDCR), 0u);
    EXPECT_EQ(d(GIC_ICDICTR), 0xFC22u);  // 3x32 IDs, 2 CPUs, security, LSPI 31
    EXPECT_EQ(d(GIC_ICDIIDR), 0x0102043Bu);
    EXPECT_EQ(d(GIC_ICDICFR), 0xAAAAAAAAu);  // SGIs: edge, read-only
    // PPIs 16..26 level (01); 27 edge, 28 level, 29 edge, 30 edge, 31 level.
    uint32_t ppi = 0;
    for (unsigned id = 16; id < 32; id++) {
        unsigned f = (id == 27 || id == 29 || id == 30) ? 3 : 1;
        ppi |= f << (2 * (id - 16));
    }
    EXPECT_EQ(d(GIC_ICDICFR + 4), ppi);
    EXPECT_EQ(d(GIC_ICDICFR + 8), 0x55555555u);
    EXPECT_EQ(d(GIC_ICDIPTR), 0x01010101u);  // SGI targets read this CPU
    EXPECT_EQ(d(GIC_ICDISER), 0x0000FFFFu);  // SGIs always enabled
    EXPECT_EQ(c(0, GIC_ICCPMR), 0u);
    EXPECT_EQ(c(0, GIC_ICCBPR), 2u);
    EXPECT_EQ(c(0, GIC_ICCRPR), 0xFFu);
    EXPECT_EQ(c(0, GIC_ICCIAR), 1023u);
    EXPECT_EQ(c(0, GIC_ICCHPIR), 1023u);
    EXPECT_EQ(d(0xFE0), 0x90u);
}

TEST_F(Gic, PriorityKeepsFiveBitsAndByteAccess) {
    dw(GIC_ICDIPR + 40, 0xFFFFFFFF);
    EXPECT_EQ(d(GIC_ICDIPR + 40), 0xF8F8F8F8u);
    uint32_t v = 0x47;
    EXPECT_EQ(gic_dist_access(&g, 0, true, GIC_ICDIPR + 41, 1, &v), ZYNQ_OK);
    EXPECT_EQ(d(GIC_ICDIPR + 40), 0xF8F840F8u);
    EXPECT_EQ(gic_dist_access(&g, 0, false, GIC_ICDDCR, 1, &v), ZYNQ_SLVERR);
}

TEST_F(Gic, LevelSpiAcknowledgeActivePendingEoi) {
    basic();
    spi(40, 0xA0);
    EXPECT_EQ(p.level[0], 0);
    gic_set_irq(&g, 40, 1);
    EXPECT_EQ(p.level[0], 1);
    EXPECT_EQ(c(0, GIC_ICCHPIR), 40u);
    EXPECT_EQ(c(0, GIC_ICCIAR), 40u);
    EXPECT_EQ(p.level[0], 0);  // active: not signalled again
    EXPECT_TRUE(gic_is_active(&g, 0, 40));
    EXPECT_TRUE(gic_is_pending(&g, 0, 40));  // line still high: active+pending
    EXPECT_EQ(d(GIC_ICDABR + 4), 1u << 8);
    EXPECT_EQ(d(GIC_ICDISPR + 4), 1u << 8);
    EXPECT_EQ(c(0, GIC_ICCRPR), 0xA0u);
    EXPECT_EQ(c(0, GIC_ICCIAR), 1023u);  // nothing else to take
    gic_set_irq(&g, 40, 0);              // device cleared its source
    EXPECT_FALSE(gic_is_pending(&g, 0, 40));
    cw(0, GIC_ICCEOIR, 40);
    EXPECT_FALSE(gic_is_active(&g, 0, 40));
    EXPECT_EQ(c(0, GIC_ICCRPR), 0xFFu);
    EXPECT_EQ(p.level[0], 0);
    EXPECT_EQ(d(GIC_SPI_STATUS), 0u);
}

TEST_F(Gic, LevelStillHighAtEoiSignalsAgain) {
    basic();
    spi(61, 0x80);
    gic_set_irq(&g, 61, 1);
    EXPECT_EQ(d(GIC_SPI_STATUS), 1u << (61 - 32));
    EXPECT_EQ(c(0, GIC_ICCIAR), 61u);
    EXPECT_EQ(p.level[0], 0);
    cw(0, GIC_ICCEOIR, 61);
    EXPECT_EQ(p.level[0], 1);
    EXPECT_EQ(c(0, GIC_ICCIAR), 61u);
}

TEST_F(Gic, EdgeSpiLatchesOneRisingEdge) {
    basic();
    spi(41, 0x80);
    dw(GIC_ICDICFR + 8, d(GIC_ICDICFR + 8) | (2u << (2 * (41 - 32))));
    EXPECT_EQ((d(GIC_ICDICFR + 8) >> (2 * 9)) & 3u, 3u);
    gic_set_irq(&g, 41, 1);
    gic_set_irq(&g, 41, 0);  // pulse
    EXPECT_TRUE(gic_is_pending(&g, 0, 41));
    EXPECT_EQ(p.level[0], 1);
    EXPECT_EQ(c(0, GIC_ICCIAR), 41u);
    EXPECT_FALSE(gic_is_pending(&g, 0, 41));
    gic_set_irq(&g, 41, 1);  // a new edge while active -> active+pending
    EXPECT_TRUE(gic_is_pending(&g, 0, 41));
    EXPECT_EQ(p.level[0], 0);
    cw(0, GIC_ICCEOIR, 41);
    EXPECT_EQ(p.level[0], 1);
    EXPECT_EQ(c(0, GIC_ICCIAR), 41u);
    cw(0, GIC_ICCEOIR, 41);
    EXPECT_EQ(p.level[0], 0);  // line high but edge-triggered: no re-trigger
}

TEST_F(Gic, HighestPriorityWinsLowestIdBreaksTie) {
    basic();
    spi(50, 0x80);
    spi(45, 0x40);
    spi(60, 0x40);
    gic_set_irq(&g, 50, 1);
    gic_set_irq(&g, 60, 1);
    gic_set_irq(&g, 45, 1);
    EXPECT_EQ(c(0, GIC_ICCHPIR), 45u);
    EXPECT_EQ(c(0, GIC_ICCIAR), 45u);
    cw(0, GIC_ICCEOIR, 45);
    gic_set_irq(&g, 45, 0);
    EXPECT_EQ(c(0, GIC_ICCIAR), 60u);
}

TEST_F(Gic, PriorityMaskBlocksSignalButNotHpir) {
    basic();
    spi(42, 0x80);
    cw(0, GIC_ICCPMR, 0x80);  // only priorities < 0x80 pass
    gic_set_irq(&g, 42, 1);
    EXPECT_EQ(p.level[0], 0);
    EXPECT_EQ(c(0, GIC_ICCHPIR), 42u);
    EXPECT_EQ(c(0, GIC_ICCIAR), 1023u);
    cw(0, GIC_ICCPMR, 0x88);
    EXPECT_EQ(p.level[0], 1);
    EXPECT_EQ(c(0, GIC_ICCPMR), 0x88u);
}

TEST_F(Gic, EnableClearEnableAndDistributorDisable) {
    basic();
    spi(82, 0x80);
    gic_set_irq(&g, 82, 1);
    EXPECT_EQ(p.level[0], 1);
    dw(GIC_ICDICER + 8, 1u << (82 - 64));
    EXPECT_EQ(p.level[0], 0);
    EXPECT_EQ(d(GIC_ICDISER + 8), 0u);
    dw(GIC_ICDISER + 8, 1u << (82 - 64));
    EXPECT_EQ(p.level[0], 1);
    dw(GIC_ICDDCR, 0);
    EXPECT_EQ(p.level[0], 0);
    EXPECT_EQ(c(0, GIC_ICCIAR), 1023u);
    dw(GIC_ICDDCR, 1);
    cw(0, GIC_ICCICR, 0);
    EXPECT_EQ(p.level[0], 0);
}

TEST_F(Gic, SoftwarePendingSetAndClear) {
    basic();
    spi(44, 0x80);
    dw(GIC_ICDISPR + 4, 1u << 12);
    EXPECT_EQ(p.level[0], 1);
    dw(GIC_ICDICPR + 4, 1u << 12);
    EXPECT_EQ(p.level[0], 0);
    dw(GIC_ICDISPR + 4, 1u << 12);
    EXPECT_EQ(c(0, GIC_ICCIAR), 44u);
    EXPECT_FALSE(gic_is_pending(&g, 0, 44));  // latch consumed by acknowledge
    cw(0, GIC_ICCEOIR, 44);
}

TEST_F(Gic, PreemptionFollowsBinaryPoint) {
    basic();
    spi(50, 0xC0);
    spi(51, 0x40);
    gic_set_irq(&g, 50, 1);
    EXPECT_EQ(c(0, GIC_ICCIAR), 50u);
    gic_set_irq(&g, 51, 1);
    EXPECT_EQ(p.level[0], 1);  // 0x40 preempts 0xC0 with BPR 2
    EXPECT_EQ(c(0, GIC_ICCIAR), 51u);
    EXPECT_EQ(c(0, GIC_ICCRPR), 0x40u);
    cw(0, GIC_ICCEOIR, 51);
    EXPECT_EQ(c(0, GIC_ICCRPR), 0xC0u);
    gic_set_irq(&g, 51, 0);
    // BPR 7: no group priority bits -> nothing preempts.
    cw(0, GIC_ICCBPR, 7);
    gic_set_irq(&g, 51, 1);
    EXPECT_EQ(p.level[0], 0);
    EXPECT_EQ(c(0, GIC_ICCIAR), 1023u);
    // BPR 6: group = bit 7 only: 0x40 (group 0x00) preempts 0xC0 (0x80).
    cw(0, GIC_ICCBPR, 6);
    EXPECT_EQ(p.level[0], 1);
    // Writes below the minimum read back as 2.
    cw(0, GIC_ICCBPR, 0);
    EXPECT_EQ(c(0, GIC_ICCBPR), 2u);
}

TEST_F(Gic, SgiSelfOtherAndSourceCpu) {
    basic();
    cw(1, GIC_ICCICR, 1);
    cw(1, GIC_ICCPMR, 0xF8);
    dw(GIC_ICDSGIR, (2u << 24) | 3);  // CPU 0 to itself
    EXPECT_EQ(p.level[0], 1);
    EXPECT_EQ(c(0, GIC_ICCIAR), 3u);  // source CPU 0
    cw(0, GIC_ICCEOIR, 3);
    dw(GIC_ICDSGIR, (0u << 24) | (2u << 16) | 5);  // list: CPU 1
    EXPECT_EQ(p.level[0], 0);
    EXPECT_EQ(p.level[1], 1);
    EXPECT_EQ(c(1, GIC_ICCIAR), 5u);
    cw(1, GIC_ICCEOIR, 5);
    uint32_t v = (1u << 24) | 7;  // CPU 1: all but self -> CPU 0
    ASSERT_EQ(gic_dist_access(&g, 1, true, GIC_ICDSGIR, 4, &v), ZYNQ_OK);
    EXPECT_EQ(p.level[0], 1);
    EXPECT_EQ(c(0, GIC_ICCHPIR), 7u | (1u << 10));
    EXPECT_EQ(c(0, GIC_ICCIAR), 7u | (1u << 10));
    cw(0, GIC_ICCEOIR, 7);  // wrong source: ignored
    EXPECT_TRUE(gic_is_active(&g, 0, 7));
    EXPECT_TRUE(log.contains("not active"));
    cw(0, GIC_ICCEOIR, 7u | (1u << 10));
    EXPECT_FALSE(gic_is_active(&g, 0, 7));
}

TEST_F(Gic, SgiFromTwoSourcesIsTakenTwice) {
    basic();
    cw(1, GIC_ICCICR, 1);
    dw(GIC_ICDSGIR, (2u << 24) | 1);  // from CPU 0
    uint32_t v = (1u << 24) | 1;      // from CPU 1 to CPU 0
    gic_dist_access(&g, 1, true, GIC_ICDSGIR, 4, &v);
    EXPECT_EQ(c(0, GIC_ICCIAR), 1u);
    cw(0, GIC_ICCEOIR, 1);
    EXPECT_EQ(c(0, GIC_ICCIAR), 1u | (1u << 10));
    cw(0, GIC_ICCEOIR, 1u | (1u << 10));
    EXPECT_EQ(c(0, GIC_ICCIAR), 1023u);
}

TEST_F(Gic, SpiTargetsSelectCpu) {
    basic();
    cw(1, GIC_ICCICR, 1);
    cw(1, GIC_ICCPMR, 0xF8);
    spi(70, 0x80, 2);  // CPU 1 only
    gic_set_irq(&g, 70, 1);
    EXPECT_EQ(p.level[0], 0);
    EXPECT_EQ(p.level[1], 1);
    EXPECT_EQ(c(0, GIC_ICCIAR), 1023u);
    dw(GIC_ICDIPTR + 68, 0x01FF0000u);  // retarget 70 to CPU 0 (mask 2 CPUs)
    EXPECT_EQ((d(GIC_ICDIPTR + 68) >> 16) & 0xFFu, 3u);
    dw(GIC_ICDIPTR + 68, 0x00010000u);
    EXPECT_EQ(p.level[0], 1);
    EXPECT_EQ(p.level[1], 0);
}

TEST_F(Gic, PrivateTimerPpiIsEdgeAndBanked) {
    basic();
    dw(GIC_ICDIPR + 28, 0x00A00000);  // ID 29 priority 0xA0
    dw(GIC_ICDISER, 1u << 29);
    gic_set_ppi(&g, 1, 29, 1);  // other CPU's timer: not ours
    EXPECT_EQ(p.level[0], 0);
    gic_set_ppi(&g, 0, 29, 1);
    EXPECT_EQ(p.level[0], 1);
    EXPECT_EQ(d(GIC_PPI_STATUS), 1u << (29 - 27 + 11));
    EXPECT_EQ(c(0, GIC_ICCIAR), 29u);
    cw(0, GIC_ICCEOIR, 29);
    EXPECT_EQ(p.level[0], 0);  // edge: no new rising edge yet
    gic_set_ppi(&g, 0, 29, 0);
    gic_set_ppi(&g, 0, 29, 1);
    EXPECT_EQ(p.level[0], 1);
}
