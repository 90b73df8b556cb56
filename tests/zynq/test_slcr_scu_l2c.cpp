// SLCR lock/unlock, clocks, PL reset and level-shifter callbacks; SCU and
// PL310 registers accepted and read back.
#include <gtest/gtest.h>

#include "test_support.h"
extern "C" {
#include "l2c.h"
#include "scu.h"
#include "slcr.h"
}

namespace {
struct Calls {
    std::vector<uint32_t> pl_reset, lvl;
    std::vector<unsigned> clocks;
};
}  // namespace

TEST(Slcr, LockedAtResetWritesIgnored) {
    slcr s;
    slcr_init(&s, "slcr", 0);
    LogCapture log;
    log.attach(&s.dev);
    EXPECT_EQ(rd(&s.dev, SLCR_LOCKSTA), 1u);
    EXPECT_EQ(rd(&s.dev, SLCR_FPGA_RST_CTRL), 0x01F33F0Fu);
    wr(&s.dev, SLCR_FPGA_RST_CTRL, 0);
    EXPECT_EQ(rd(&s.dev, SLCR_FPGA_RST_CTRL), 0x01F33F0Fu);
    EXPECT_TRUE(log.contains("locked"));
    wr(&s.dev, SLCR_UNLOCK, 0x1234);  // wrong key
    EXPECT_EQ(rd(&s.dev, SLCR_LOCKSTA), 1u);
    wr(&s.dev, SLCR_UNLOCK, SLCR_UNLOCK_KEY);
    EXPECT_EQ(rd(&s.dev, SLCR_LOCKSTA), 0u);
    wr(&s.dev, SLCR_FPGA_RST_CTRL, 0xF);
    EXPECT_EQ(rd(&s.dev, SLCR_FPGA_RST_CTRL), 0xFu);
    wr(&s.dev, SLCR_LOCK, SLCR_LOCK_KEY);
    EXPECT_EQ(rd(&s.dev, SLCR_LOCKSTA), 1u);
    EXPECT_EQ(rd(&s.dev, SLCR_UNLOCK), 0u);  // write-only
}

TEST(Slcr, CallbacksAndKerOneLevelShifterSequence) {
    slcr s;
    Calls calls;
    slcr_init(&s, "slcr", 0);
    slcr_callbacks cb = {};
    cb.pl_reset = [](void *o, uint32_t v) { static_cast<Calls *>(o)->pl_reset.push_back(v); };
    cb.lvl_shftr = [](void *o, uint32_t v) { static_cast<Calls *>(o)->lvl.push_back(v); };
    cb.clock = [](void *o, unsigned w) { static_cast<Calls *>(o)->clocks.push_back(w); };
    cb.opaque = &calls;
    slcr_set_callbacks(&s, &cb);
    // Ker-ONE: unlock (0xDF0D at +8), LVL_SHFTR_EN = 0xF, relock (0x767B at +4).
    wr(&s.dev, 0x008, 0xDF0D);
    wr(&s.dev, 0x900, 0xF);
    wr(&s.dev, 0x004, 0x767B);
    ASSERT_EQ(calls.lvl.size(), 1u);
    EXPECT_EQ(calls.lvl[0], 0xFu);
    wr(&s.dev, 0x900, 0x0);  // locked: no effect, no callback
    EXPECT_EQ(calls.lvl.size(), 1u);
    EXPECT_EQ(rd(&s.dev, 0x900), 0xFu);
    // Linux full reconfiguration steps on the SLCR.
    wr(&s.dev, 0x008, 0xDF0D);
    wr(&s.dev, SLCR_FPGA_RST_CTRL, 0xF);
    wr(&s.dev, 0x900, 0x0);
    wr(&s.dev, 0x900, 0xA);
    EXPECT_EQ(calls.pl_reset.back(), 0xFu);
    EXPECT_EQ(calls.lvl.back(), 0xAu);
    wr(&s.dev, SLCR_FPGA_CLK_CTRL(1), 0x00100500);
    ASSERT_FALSE(calls.clocks.empty());
    EXPECT_EQ(calls.clocks.back(), 1u);
    wr(&s.dev, SLCR_PCAP_CLK_CTRL, 0x501);
    EXPECT_EQ(rd(&s.dev, SLCR_PCAP_CLK_CTRL), 0x501u);
}

TEST(Slcr, FsblClocksAndUnmodelledOffsets) {
    slcr s;
    slcr_init(&s, "slcr", 0);
    LogCapture log;
    log.attach(&s.dev);
    EXPECT_EQ(rd(&s.dev, SLCR_PLL_STATUS), 0x3Fu);
    EXPECT_EQ(rd(&s.dev, SLCR_MIO_PIN(48)), 0x1601u);
    EXPECT_EQ(rd(&s.dev, SLCR_PSS_IDCODE) & 0x0FFFFFFFu, 0x03727093u);
    slcr_fsbl_state(&s);
    EXPECT_EQ(rd(&s.dev, SLCR_LOCKSTA), 1u);
    EXPECT_EQ(slcr_pll_hz(&s, 2), 30 * (uint64_t)ZYNQ_PS_CLK_HZ);
    EXPECT_EQ(slcr_fclk_hz(&s, 0), 30 * (uint64_t)ZYNQ_PS_CLK_HZ / 10);  // ~100 MHz
    EXPECT_EQ(rd(&s.dev, SLCR_LVL_SHFTR_EN), 0xFu);
    EXPECT_EQ(rd(&s.dev, SLCR_FPGA_RST_CTRL), 0u);
    EXPECT_EQ(rd(&s.dev, 0xA1C), 0u);  // not modelled: reads 0
    wr(&s.dev, 0x008, 0xDF0D);
    wr(&s.dev, 0xA1C, 0x020202);
    EXPECT_EQ(rd(&s.dev, 0xA1C), 0u);
    EXPECT_TRUE(log.contains("unmodelled"));
}

TEST(Scu, RegistersReadBack) {
    scu s;
    scu_init(&s, "scu");
    EXPECT_EQ(rd(&s.dev, SCU_CONFIG) & 3u, 1u);  // two CPUs
    wr(&s.dev, SCU_CONFIG, 0);
    EXPECT_EQ(rd(&s.dev, SCU_CONFIG) & 3u, 1u);  // read-only
    wr(&s.dev, SCU_CONTROL, 1);
    EXPECT_EQ(rd(&s.dev, SCU_CONTROL), 1u);
    wr(&s.dev, SCU_INVALIDATE, 0xFFFF);
    EXPECT_EQ(rd(&s.dev, SCU_INVALIDATE), 0u);
    EXPECT_EQ(rd(&s.dev, SCU_FILTER_START), 0x00100000u);
    EXPECT_EQ(rd(&s.dev, SCU_SAC), 0xFu);
}

TEST(L2c, InitSequenceRuns) {
    l2c c;
    l2c_init(&c, "l2c");
    EXPECT_EQ(rd(&c.dev, L2C_CACHE_ID), 0x410000C8u);
    EXPECT_EQ(rd(&c.dev, L2C_AUX_CONTROL), 0x02060000u);
    // Xilinx Xil_L2CacheEnable-like sequence: aux, latencies, invalidate ways
    // and poll until done, clear interrupts, enable, sync.
    wr(&c.dev, L2C_AUX_CONTROL, 0x72360000);
    wr(&c.dev, 0x108, 0x111);
    wr(&c.dev, 0x10C, 0x121);
    wr(&c.dev, L2C_INV_WAY, 0xFFFF);
    EXPECT_EQ(rd(&c.dev, L2C_INV_WAY), 0u);  // complete at once
    wr(&c.dev, 0x220, 0x1FF);
    wr(&c.dev, L2C_CONTROL, 1);
    wr(&c.dev, L2C_CACHE_SYNC, 0);
    EXPECT_EQ(rd(&c.dev, L2C_CACHE_SYNC), 0u);
    EXPECT_EQ(rd(&c.dev, L2C_CONTROL), 1u);
    EXPECT_EQ(rd(&c.dev, L2C_AUX_CONTROL), 0x72360000u);
    EXPECT_EQ(rd(&c.dev, 0x108), 0x111u);
    wr(&c.dev, L2C_AUX_CONTROL, 0);  // ignored while enabled
    EXPECT_EQ(rd(&c.dev, L2C_AUX_CONTROL), 0x72360000u);
    EXPECT_EQ(c.maintenance_ops, 2u);
}
