// Register-level tests of the whole PL through its AXI4-Lite slave: reset
// values, RW / RO / W1C behaviour of the Monitor, cfg_port, crossbar and PRR
// controller groups, the address decode (DECERR) and the PR interface windows
// (unconnected value, forwarding when connected, writes ignored when not).
#include <gtest/gtest.h>

#include "pl_tb.h"

using pltb::cfg;
using pltb::ifw;
using pltb::mon;
using pltb::prr;

namespace {

TEST(PlTopRegs, MonitorResetValues) {
  pltb::Tb tb("regs_mon_reset");
  EXPECT_EQ(tb.read(mon(PL_MON_ID)), PL_MON_ID_RESET);
  EXPECT_EQ(tb.read(mon(PL_MON_CONFIG)), PL_MON_CONFIG_RESET);  // 4 VMs, 8 devs, 4 PRRs, v1
  EXPECT_EQ(tb.read(mon(PL_MON_IRQ_EN)), PL_MON_IRQ_EN_RESET);
  EXPECT_EQ(tb.read(mon(PL_MON_SEARCH_RESULT)), 0x000000FFu);
  EXPECT_EQ(tb.read(mon(PL_MON_STOP_INT)), 0u);
  EXPECT_EQ(tb.read(mon(PL_MON_NEW_SOLUTION_INT)), 0u);
  EXPECT_EQ(tb.read(mon(PL_MON_HOST_LIST)), 0u);
  EXPECT_EQ(tb.read(mon(PL_MON_LIST_PENDING)), 0u);
  // all PRRs FREE, module valid (initial modules), no hold
  EXPECT_EQ(tb.read(mon(PL_MON_PRR_STATE)), 0x8888u);
  const uint32_t init_mod[4] = {PL_MOD_QAM4, PL_MOD_QAM16, PL_MOD_IFFT256, PL_MOD_IFFT1024};
  const uint32_t compat[4] = {0x2, 0x2, 0x4, 0x4};
  for (unsigned p = 0; p < 4; p++) {
    EXPECT_EQ(tb.read(mon(PL_MON_PRR_MODULE(p))), (compat[p] << 16) | 0x100u | init_mod[p]) << p;
    EXPECT_EQ(tb.read(mon(PL_MON_PRR_INFO(p))), 1u << 28) << p;
  }
  const uint32_t dev_mod[8] = {0x12, 0x14, 0x16, 0x20, 0x22, 0x23, 0x24, 0x25};
  for (unsigned d = 0; d < 8; d++) EXPECT_EQ(tb.read(mon(PL_MON_DEV_MODULE(d))), dev_mod[d]);
  for (unsigned i = 0; i < 32; i++) EXPECT_EQ(tb.read(mon(PL_MON_IF_CONN(i))), 0u);
}

TEST(PlTopRegs, MonitorRwRoWo) {
  pltb::Tb tb("regs_mon_rw");
  // RW
  tb.write(mon(PL_MON_IRQ_EN), 0xFFFFFFFFu);
  EXPECT_EQ(tb.read(mon(PL_MON_IRQ_EN)), 0x3u);
  tb.write(mon(PL_MON_IRQ_EN), 0u);
  EXPECT_EQ(tb.read(mon(PL_MON_IRQ_EN)), 0u);
  tb.write(mon(PL_MON_DEV_MODULE(7)), 0x24);
  EXPECT_EQ(tb.read(mon(PL_MON_DEV_MODULE(7))), 0x24u);
  // RO: writes ignored
  tb.write(mon(PL_MON_ID), 0u);
  EXPECT_EQ(tb.read(mon(PL_MON_ID)), PL_MON_ID_RESET);
  tb.write(mon(PL_MON_SEARCH_RESULT), 0u);
  EXPECT_EQ(tb.read(mon(PL_MON_SEARCH_RESULT)), 0x000000FFu);
  tb.write(mon(PL_MON_PRR_STATE), 0u);
  EXPECT_EQ(tb.read(mon(PL_MON_PRR_STATE)), 0x8888u);
  // WO registers read 0 and act
  tb.write(mon(PL_MON_CONNECT), (7u << 24) | (1u << 16) | (2u << 8) | 0u);  // VM1 dev2 -> PRR0
  EXPECT_EQ(tb.read(mon(PL_MON_CONNECT)), 0u);
  EXPECT_EQ(tb.read(mon(PL_MON_IF_CONN(1 * 8 + 2))), 0x100u);
  EXPECT_EQ(tb.read(mon(PL_MON_PRR_INFO(0))),
            (1u << 28) | (1u << 26) | (1u << 24) | (7u << 16) | (2u << 8) | 1u);  // BUSY
  EXPECT_EQ(tb.read(mon(PL_MON_HOST_LIST)), 0x1u);
  EXPECT_EQ(tb.read(mon(PL_MON_PRR_STATE)) & 0xFu, 0x9u);  // BUSY, valid
  tb.write(mon(PL_MON_HOLD_SET), 0x101u);                   // hold PRR1
  EXPECT_EQ(tb.read(mon(PL_MON_PRR_STATE)) & 0xF0u, 0xC0u);
  tb.write(mon(PL_MON_HOLD_SET), 0x001u);
  EXPECT_EQ(tb.read(mon(PL_MON_PRR_STATE)) & 0xF0u, 0x80u);
  tb.write(mon(PL_MON_DISCONNECT), 0u);
  EXPECT_EQ(tb.read(mon(PL_MON_IF_CONN(10))), 0u);
  EXPECT_EQ(tb.read(mon(PL_MON_HOST_LIST)), 0u);
  // out-of-range CONNECT ignored
  tb.write(mon(PL_MON_CONNECT), (9u << 16) | 0u);
  EXPECT_EQ(tb.read(mon(PL_MON_HOST_LIST)), 0u);
}

TEST(PlTopRegs, StopIntIsW1c) {
  pltb::Tb tb("regs_stop_w1c");
  tb.write(mon(PL_MON_CONNECT), (1u << 24) | (0u << 16) | (0u << 8) | 1u);  // VM0 dev0 -> PRR1
  tb.write(mon(PL_MON_STOP_CMD), 1u);
  tb.run(4);  // idle PRR acknowledges at once
  EXPECT_EQ(tb.read(mon(PL_MON_STOP_INT)), 0x2u);
  EXPECT_TRUE(tb.irq() & (1u << PL_IRQ_MON_STOP_BIT));
  EXPECT_EQ(tb.read(mon(PL_MON_PRR_STATE)) & 0xF0u, 0xB0u);  // STOPPING
  tb.write(mon(PL_MON_IRQ_EN), 0x1u);                         // mask the stop line
  EXPECT_FALSE(tb.irq() & (1u << PL_IRQ_MON_STOP_BIT));
  EXPECT_EQ(tb.read(mon(PL_MON_STOP_INT)), 0x2u);             // status kept
  tb.write(mon(PL_MON_IRQ_EN), 0x3u);
  EXPECT_TRUE(tb.irq() & (1u << PL_IRQ_MON_STOP_BIT));
  tb.write(mon(PL_MON_STOP_INT), 0x1u);                       // wrong bit: no effect
  EXPECT_EQ(tb.read(mon(PL_MON_STOP_INT)), 0x2u);
  tb.write(mon(PL_MON_STOP_INT), 0x2u);
  EXPECT_EQ(tb.read(mon(PL_MON_STOP_INT)), 0u);
  EXPECT_FALSE(tb.irq() & (1u << PL_IRQ_MON_STOP_BIT));
  tb.write(mon(PL_MON_DISCONNECT), 1u);
  EXPECT_EQ(tb.read(mon(PL_MON_PRR_STATE)) & 0xF0u, 0x80u);  // FREE again
}

TEST(PlTopRegs, CfgPortResetAndRw) {
  pltb::Tb tb("regs_cfg");
  EXPECT_EQ(tb.read(cfg(PL_CFG_ID)), PL_CFG_ID_RESET);
  EXPECT_EQ(tb.read(cfg(PL_CFG_STATUS)), 0x0000FF00u);
  EXPECT_EQ(tb.read(cfg(PL_CFG_ERROR)), 0x0000FF00u);
  EXPECT_EQ(tb.read(cfg(PL_CFG_INT_STATUS)), 0u);
  EXPECT_EQ(tb.read(cfg(PL_CFG_INT_ENABLE)), PL_CFG_INT_ENABLE_RESET);
  EXPECT_EQ(tb.read(cfg(PL_CFG_TIMEOUT)), PL_CFG_TIMEOUT_RESET);
  EXPECT_EQ(tb.read(cfg(PL_CFG_LOADS)), 0u);
  EXPECT_EQ(tb.read(cfg(PL_CFG_ERRORS)), 0u);
  EXPECT_EQ(tb.read(cfg(PL_CFG_CAPACITY(0))), 36360u);
  EXPECT_EQ(tb.read(cfg(PL_CFG_CAPACITY(1))), 36360u);
  EXPECT_EQ(tb.read(cfg(PL_CFG_CAPACITY(2))), 363600u);
  EXPECT_EQ(tb.read(cfg(PL_CFG_CAPACITY(3))), 363600u);
  EXPECT_EQ(tb.read(cfg(PL_CFG_CAPACITY(4))), 0u);
  tb.write(cfg(PL_CFG_TIMEOUT), 1234u);
  EXPECT_EQ(tb.read(cfg(PL_CFG_TIMEOUT)), 1234u);
  tb.write(cfg(PL_CFG_INT_ENABLE), 0xFFu);
  EXPECT_EQ(tb.read(cfg(PL_CFG_INT_ENABLE)), 0x3u);
  tb.write(cfg(PL_CFG_LOADS), 5u);  // RO
  EXPECT_EQ(tb.read(cfg(PL_CFG_LOADS)), 0u);
}

TEST(PlTopRegs, PrrGroupResetAndRw) {
  pltb::Tb tb("regs_prr");
  tb.run(20);  // initial module reset over
  for (unsigned p = 0; p < 4; p++) {
    EXPECT_EQ(tb.read(prr(p, PL_PRR_PROC_STATUS)), 1u << 13) << p;  // MODULE_VALID only
    EXPECT_EQ(tb.read(prr(p, PL_PRR_INT_STATUS)), 0u);
    EXPECT_EQ(tb.read(prr(p, PL_PRR_PRR_STATUS)), PL_PRR_PRR_STATUS_RESET);
    EXPECT_EQ(tb.read(prr(p, PL_PRR_RECO_RDY)), 0u);
    EXPECT_EQ(tb.read(prr(p, PL_PRR_RECO_DELAY)), 0u);
    EXPECT_EQ(tb.read(prr(p, PL_PRR_FRAME_LEN)), PL_PRR_FRAME_LEN_RESET);
    EXPECT_EQ(tb.read(prr(p, PL_PRR_FRAMES)), 0u);
    EXPECT_EQ(tb.read(prr(p, PL_PRR_PROGRESS)), 0u);
    EXPECT_EQ(tb.read(prr(p, PL_PRR_STREAM)), 0u);
    for (unsigned g = 0; g < 8; g++) EXPECT_EQ(tb.read(prr(p, PL_PRR_GPR(g))), 0u);
  }
  EXPECT_EQ(tb.read(prr(0, PL_PRR_MODULE)), (2u << 16) | 0x100u | PL_MOD_QAM4);
  EXPECT_EQ(tb.read(prr(2, PL_PRR_MODULE)), (8u << 16) | 0x100u | PL_MOD_IFFT256);
  // words per frame: QAM4 18800 bits -> 588 in, 9400 out; IFFT256 -> 256/256
  EXPECT_EQ(tb.read(prr(0, PL_PRR_IN_WORDS)), 588u);
  EXPECT_EQ(tb.read(prr(0, PL_PRR_OUT_WORDS)), 9400u);
  EXPECT_EQ(tb.read(prr(1, PL_PRR_OUT_WORDS)), 4700u);
  EXPECT_EQ(tb.read(prr(2, PL_PRR_IN_WORDS)), 256u);
  EXPECT_EQ(tb.read(prr(3, PL_PRR_OUT_WORDS)), 1024u);
  // RW registers
  for (unsigned g = 0; g < 8; g++) tb.write(prr(1, PL_PRR_GPR(g)), 0xA5000000u + g);
  for (unsigned g = 0; g < 8; g++) EXPECT_EQ(tb.read(prr(1, PL_PRR_GPR(g))), 0xA5000000u + g);
  EXPECT_EQ(tb.read(prr(0, PL_PRR_GPR(0))), 0u);  // other groups untouched
  tb.write(prr(1, PL_PRR_SRC_ADDR), 0x12345678u);
  tb.write(prr(1, PL_PRR_DST_ADDR), 0x9ABCDEF0u);
  tb.write(prr(1, PL_PRR_FRAME_LEN), 100u);
  tb.write(prr(1, PL_PRR_FRAMES), 3u);
  tb.write(prr(1, PL_PRR_PROGRESS), 2u);
  EXPECT_EQ(tb.read(prr(1, PL_PRR_SRC_ADDR)), 0x12345678u);
  EXPECT_EQ(tb.read(prr(1, PL_PRR_DST_ADDR)), 0x9ABCDEF0u);
  EXPECT_EQ(tb.read(prr(1, PL_PRR_FRAME_LEN)), 100u);
  EXPECT_EQ(tb.read(prr(1, PL_PRR_FRAMES)), 3u);
  EXPECT_EQ(tb.read(prr(1, PL_PRR_PROGRESS)), 2u);
  tb.write(prr(1, PL_PRR_FRAMES), 5u);  // a new job resets PROGRESS
  EXPECT_EQ(tb.read(prr(1, PL_PRR_PROGRESS)), 0u);
  tb.write(prr(1, PL_PRR_INT_STATUS), 0xFFFF001Fu);
  EXPECT_EQ(tb.read(prr(1, PL_PRR_INT_STATUS)), 0x1Fu);  // enable RW, status W1C (was 0)
  tb.write(prr(1, PL_PRR_PROC_STATUS), 0x2u);              // PAUSE
  EXPECT_EQ(tb.read(prr(1, PL_PRR_PROC_STATUS)) & 0x2u, 0x2u);
  tb.write(prr(1, PL_PRR_PROC_STATUS), 0x0u);
  EXPECT_EQ(tb.read(prr(1, PL_PRR_PROC_STATUS)) & 0x2u, 0x0u);
  tb.write(prr(1, PL_PRR_MODULE), 0u);                     // RO
  EXPECT_EQ(tb.read(prr(1, PL_PRR_MODULE)) & 0xFFu, PL_MOD_QAM16);
  tb.write(prr(1, PL_PRR_IN_WORDS), 7u);
  EXPECT_EQ(tb.read(prr(1, PL_PRR_IN_WORDS)), 4u);         // ceil(100/32)
  EXPECT_EQ(tb.read(prr(1, PL_PRR_OUT_WORDS)), 25u);       // ceil(100/4)
}

TEST(PlTopRegs, AddressDecode) {
  pltb::Tb tb("regs_decode");
  unsigned resp = 9;
  tb.read(0x003000u, &resp);
  EXPECT_EQ(resp, 3u);  // DECERR
  EXPECT_EQ(tb.write(0x003000u, 1u), 3u);
  tb.read(pltb::prr(4, 0), &resp);  // PRR4 does not exist
  EXPECT_EQ(resp, 3u);
  tb.read(PL_MAP_IF(32), &resp);    // IF 32 does not exist (4 VMs x 8 devices)
  EXPECT_EQ(resp, 3u);
  tb.read(mon(0xFFC), &resp);
  EXPECT_EQ(resp, 0u);
  EXPECT_EQ(tb.read(mon(0xFFC)), 0u);
  // the map repeats every 16 MiB (the GP0 base bits are ignored)
  EXPECT_EQ(tb.read(PL_MAP_GP0_BASE + mon(PL_MON_ID)), PL_MON_ID_RESET);
}

TEST(PlTopRegs, PrIfUnconnectedAndForwarded) {
  pltb::Tb tb("regs_prif");
  tb.run(20);
  // unconnected: documented values, writes change nothing
  EXPECT_EQ(tb.read(ifw(2, 3, PL_IF_ID)), PL_IF_ID_UNCONNECTED);
  EXPECT_EQ(tb.read(ifw(2, 3, PL_IF_STATUS)), 0u);
  EXPECT_EQ(tb.read(ifw(2, 3, PL_IF_GPR(0))), 0u);
  tb.write(ifw(2, 3, PL_IF_GPR(0)), 0xDEADBEEFu);
  tb.write(ifw(2, 3, PL_IF_SRC_ADDR), 0x1000u);
  for (unsigned p = 0; p < 4; p++) {
    EXPECT_EQ(tb.read(prr(p, PL_PRR_GPR(0))), 0u);
    EXPECT_EQ(tb.read(prr(p, PL_PRR_SRC_ADDR)), 0u);
  }
  // connect VM2/dev3 to PRR3: the window shows PRR3's guest view
  tb.write(mon(PL_MON_CONNECT), (5u << 24) | (2u << 16) | (3u << 8) | 3u);
  EXPECT_EQ(tb.read(ifw(2, 3, PL_IF_ID)), 0x50520000u | (3u << 8) | PL_MOD_IFFT1024);
  EXPECT_EQ(tb.read(ifw(2, 3, PL_IF_STATUS)), PL_IF_STATUS_CONNECTED_MASK);
  EXPECT_EQ(tb.read(ifw(2, 3, PL_IF_VARIANT)), 10u);
  EXPECT_EQ(tb.read(ifw(2, 3, PL_IF_PARAM)), 18800u);
  tb.write(ifw(2, 3, PL_IF_GPR(5)), 0xCAFE0005u);
  tb.write(ifw(2, 3, PL_IF_SRC_ADDR), 0x00200000u);
  tb.write(ifw(2, 3, PL_IF_DST_ADDR), 0x00300000u);
  tb.write(ifw(2, 3, PL_IF_FRAMES), 9u);
  EXPECT_EQ(tb.read(prr(3, PL_PRR_GPR(5))), 0xCAFE0005u);
  EXPECT_EQ(tb.read(prr(3, PL_PRR_SRC_ADDR)), 0x00200000u);
  EXPECT_EQ(tb.read(prr(3, PL_PRR_DST_ADDR)), 0x00300000u);
  EXPECT_EQ(tb.read(prr(3, PL_PRR_FRAMES)), 9u);
  EXPECT_EQ(tb.read(prr(2, PL_PRR_GPR(5))), 0u);
  EXPECT_EQ(tb.read(ifw(2, 3, PL_IF_GPR(5))), 0xCAFE0005u);
  // IRQ_EN maps onto the DONE and ERROR enables
  tb.write(ifw(2, 3, PL_IF_CTRL), PL_IF_CTRL_IRQ_EN_MASK);
  EXPECT_EQ(tb.read(ifw(2, 3, PL_IF_CTRL)), PL_IF_CTRL_IRQ_EN_MASK);
  EXPECT_EQ(tb.read(prr(3, PL_PRR_INT_STATUS)), 0x5u);
  // PROGRESS is read-only through the IF
  tb.write(ifw(2, 3, PL_IF_PROGRESS), 4u);
  EXPECT_EQ(tb.read(prr(3, PL_PRR_PROGRESS)), 0u);
  // upper half of a window is never forwarded
  EXPECT_EQ(tb.read(ifw(2, 3, 0x800 + PL_IF_GPR(5))), 0u);
  // another VM's window of the same device stays unconnected
  EXPECT_EQ(tb.read(ifw(1, 3, PL_IF_ID)), PL_IF_ID_UNCONNECTED);
  // disconnect: back to the unconnected view, PRR registers keep their values
  tb.write(mon(PL_MON_DISCONNECT), 3u);
  EXPECT_EQ(tb.read(ifw(2, 3, PL_IF_ID)), PL_IF_ID_UNCONNECTED);
  EXPECT_EQ(tb.read(ifw(2, 3, PL_IF_GPR(5))), 0u);
  EXPECT_EQ(tb.read(prr(3, PL_PRR_GPR(5))), 0xCAFE0005u);
}

TEST(PlTopRegs, XbarCfg) {
  pltb::Tb tb("regs_xbar");
  EXPECT_EQ(tb.read(PL_MAP_XBAR_BASE + PL_XBAR_CFG), PL_XBAR_CFG_RESET);
  tb.write(PL_MAP_XBAR_BASE + PL_XBAR_CFG, 0x3u);
  EXPECT_EQ(tb.read(PL_MAP_XBAR_BASE + PL_XBAR_CFG), 0x3u);
  EXPECT_EQ(tb.read(PL_MAP_XBAR_BASE + PL_XBAR_FIFO_LEVEL), 0u);
}

}  // namespace
