// cfg_port: SimB parsing over the PCAP stream. A valid bitstream swaps the
// PRR's module only once complete; every error code is produced by the
// corresponding damaged bitstream, raises the cfg interrupt, and (when the
// target PRR is known) leaves that PRR decoupled with its module invalid
// until a valid bitstream arrives.
#include <gtest/gtest.h>

#include <vector>

#include "pl_tb.h"

using pltb::cfg;
using pltb::mon;
using pltb::prr;

namespace {

bool drain(pltb::Tb &tb) { return tb.run_until([&] { return tb.pcap().empty(); }, 400000); }

TEST(CfgSimb, ValidLoadSwapsModuleOnlyAtTheEnd) {
  pltb::Tb tb("cfg_valid");
  tb.run(20);
  const uint32_t n = 200;
  tb.queue_simb(0, PL_MOD_QAM64, n);
  // run into the payload: PRR0 is decoupled, still shows the old module
  ASSERT_TRUE(tb.run_until([&] { return tb.pcap_accepted() > 100; }, 1000));
  EXPECT_TRUE(tb.m()->prr_decoupled_o & 1u);
  EXPECT_EQ(tb.read(prr(0, PL_PRR_RECO_RDY)), 1u);
  EXPECT_EQ(tb.read(prr(0, PL_PRR_MODULE)) & 0x1FFu, 0x100u | PL_MOD_QAM4);
  EXPECT_TRUE(tb.read(prr(0, PL_PRR_PROC_STATUS)) & PL_PRR_PROC_STATUS_RECONFIGURING_MASK);
  EXPECT_EQ(tb.read(cfg(PL_CFG_STATUS)) & 0x1Fu, 0x13u);  // busy, PAYLOAD
  ASSERT_TRUE(drain(tb));
  tb.run(20);
  EXPECT_EQ(tb.read(prr(0, PL_PRR_MODULE)) & 0x1FFu, 0x100u | PL_MOD_QAM64);
  EXPECT_EQ(tb.read(prr(0, PL_PRR_MODULE)) >> 16, 6u);
  EXPECT_FALSE(tb.m()->prr_decoupled_o & 1u);
  EXPECT_EQ(tb.read(prr(0, PL_PRR_INT_STATUS)) >> 8, 1u << PL_PRR_INT_LOADED);
  EXPECT_GT(tb.read(prr(0, PL_PRR_RECO_DELAY)), n);
  EXPECT_EQ(tb.read(cfg(PL_CFG_LOADS)), 1u);
  EXPECT_EQ(tb.read(cfg(PL_CFG_ERRORS)), 0u);
  EXPECT_EQ(tb.read(cfg(PL_CFG_ERROR)) & 0xFFu, PL_CFG_ERR_NONE);
  EXPECT_EQ(tb.read(cfg(PL_CFG_WORDS)), n + PL_SIMB_OVERHEAD);
  EXPECT_EQ(tb.read(cfg(PL_CFG_INT_STATUS)), 1u);
  EXPECT_TRUE(tb.irq() & (1u << PL_IRQ_CFG_BIT));
  // CRC register = the file's CRC word
  std::vector<uint32_t> w(n + PL_SIMB_OVERHEAD);
  pl_simb_build(w.data(), w.size(), 0, PL_MOD_QAM64, n, PL_SIMB_OK);
  EXPECT_EQ(tb.read(cfg(PL_CFG_CRC)), w[6 + n]);
  // the Monitor sees the new module
  EXPECT_EQ(tb.read(mon(PL_MON_PRR_MODULE(0))) & 0x1FFu, 0x100u | PL_MOD_QAM64);
  tb.write(cfg(PL_CFG_INT_STATUS), 1u);
  EXPECT_EQ(tb.read(cfg(PL_CFG_INT_STATUS)), 0u);
  EXPECT_FALSE(tb.irq() & (1u << PL_IRQ_CFG_BIT));
  // a stream at 1 word per 3 cycles (130 MB/s at 100 MHz is ~0.33 word/cycle) loads too
  tb.set_pcap_period(3);
  tb.queue_simb(3, PL_MOD_IFFT8192, 300);
  ASSERT_TRUE(drain(tb));
  tb.run(20);
  EXPECT_EQ(tb.read(prr(3, PL_PRR_MODULE)) & 0x1FFu, 0x100u | PL_MOD_IFFT8192);
  EXPECT_EQ(tb.read(prr(3, PL_PRR_IN_WORDS)), 8192u);
}

struct ErrCase {
  const char *name;
  unsigned prr;
  unsigned module;
  uint32_t payload;
  pl_simb_corrupt corrupt;
  unsigned code;
  bool prr_known;
};

class CfgErr : public ::testing::TestWithParam<ErrCase> {};

TEST_P(CfgErr, RejectedWithCode) {
  const ErrCase &c = GetParam();
  pltb::Tb tb(std::string("cfg_err_") + c.name);
  tb.run(20);
  tb.write(cfg(PL_CFG_TIMEOUT), 200u);
  tb.queue_simb(c.prr, c.module, c.payload, c.corrupt);
  ASSERT_TRUE(drain(tb));
  tb.run(400);  // TIMEOUT for a truncated stream
  uint32_t err = tb.read(cfg(PL_CFG_ERROR));
  EXPECT_EQ(err & 0xFFu, c.code);
  EXPECT_EQ((err >> 8) & 0xFFu, c.prr_known ? c.prr : 0xFFu);
  EXPECT_EQ(tb.read(cfg(PL_CFG_ERRORS)), 1u);
  EXPECT_EQ(tb.read(cfg(PL_CFG_LOADS)), 0u);
  EXPECT_EQ(tb.read(cfg(PL_CFG_INT_STATUS)), 2u);
  EXPECT_TRUE(tb.irq() & (1u << PL_IRQ_CFG_BIT));
  unsigned p = c.prr < 4 ? c.prr : 0;
  if (c.prr_known) {
    // the PRR stays decoupled, module invalid, LOAD_ERR pending
    EXPECT_TRUE(tb.m()->prr_decoupled_o & (1u << p));
    uint32_t mod = tb.read(prr(p, PL_PRR_MODULE));
    EXPECT_EQ(mod & 0x100u, 0u);
    EXPECT_EQ((tb.read(prr(p, PL_PRR_INT_STATUS)) >> 8) & (1u << PL_PRR_INT_LOAD_ERR),
              1u << PL_PRR_INT_LOAD_ERR);
    EXPECT_EQ((tb.read(mon(PL_MON_PRR_STATE)) >> (4 * p)) & 0x8u, 0u);
    EXPECT_EQ(tb.read(pltb::ifw(0, 0, 0)), PL_IF_ID_UNCONNECTED);
  } else {
    EXPECT_EQ(tb.m()->prr_decoupled_o, 0u);
    for (unsigned q = 0; q < 4; q++) EXPECT_TRUE(tb.read(prr(q, PL_PRR_MODULE)) & 0x100u);
  }
  // recovery: the next valid bitstream is accepted and the PRR works again
  tb.set_pcap_abort(false);
  unsigned mod = p < 2 ? PL_MOD_QAM16 : PL_MOD_IFFT512;
  tb.queue_simb(p, mod, 40);
  ASSERT_TRUE(drain(tb));
  tb.run(20);
  EXPECT_EQ(tb.read(cfg(PL_CFG_LOADS)), 1u);
  EXPECT_EQ(tb.read(cfg(PL_CFG_ERROR)) & 0xFFu, PL_CFG_ERR_NONE);
  EXPECT_EQ(tb.read(prr(p, PL_PRR_MODULE)) & 0x1FFu, 0x100u | mod);
  EXPECT_FALSE(tb.m()->prr_decoupled_o & (1u << p));
}

INSTANTIATE_TEST_SUITE_P(
    AllCodes, CfgErr,
    ::testing::Values(
        ErrCase{"sync", 0, PL_MOD_QAM16, 32, PL_SIMB_BAD_SYNC, PL_CFG_ERR_BAD_SYNC, false},
        ErrCase{"magic", 0, PL_MOD_QAM16, 32, PL_SIMB_BAD_MAGIC, PL_CFG_ERR_BAD_MAGIC, false},
        ErrCase{"version", 1, PL_MOD_QAM16, 32, PL_SIMB_BAD_VERSION, PL_CFG_ERR_BAD_VERSION, false},
        ErrCase{"prr", 6, PL_MOD_QAM16, 32, PL_SIMB_OK, PL_CFG_ERR_BAD_PRR, false},
        ErrCase{"module", 2, PL_MOD_IFFT512, 32, PL_SIMB_BAD_MODULE, PL_CFG_ERR_INCOMPATIBLE, true},
        ErrCase{"capacity", 1, PL_MOD_QAM16, 36361, PL_SIMB_OK, PL_CFG_ERR_OVERLONG, true},
        ErrCase{"overlong", 3, PL_MOD_IFFT2048, 32, PL_SIMB_OVERLONG, PL_CFG_ERR_OVERLONG, true},
        ErrCase{"truncate", 2, PL_MOD_IFFT512, 64, PL_SIMB_TRUNCATE, PL_CFG_ERR_TRUNCATED, true},
        ErrCase{"crc", 0, PL_MOD_QAM16, 32, PL_SIMB_BAD_CRC, PL_CFG_ERR_CRC, true}),
    [](const ::testing::TestParamInfo<ErrCase> &i) { return std::string(i.param.name); });

TEST(CfgSimb, AbortMidStream) {
  pltb::Tb tb("cfg_abort");
  tb.run(20);
  tb.queue_simb(1, PL_MOD_QAM64, 500);
  ASSERT_TRUE(tb.run_until([&] { return tb.pcap_accepted() > 200; }, 2000));
  tb.pcap().clear();
  tb.set_pcap_abort(true);
  tb.run(3);
  tb.set_pcap_abort(false);
  tb.run(20);
  EXPECT_EQ(tb.read(cfg(PL_CFG_ERROR)), (1u << 8) | PL_CFG_ERR_ABORTED);
  EXPECT_EQ(tb.read(cfg(PL_CFG_STATUS)) & 0xFu, 0u);  // IDLE: next word must be a sync
  EXPECT_TRUE(tb.m()->prr_decoupled_o & 2u);
  EXPECT_EQ(tb.read(prr(1, PL_PRR_MODULE)) & 0x100u, 0u);
  // a non-sync word in IDLE is BAD_SYNC
  tb.pcap().push_back(0x12345678u);
  tb.run(5);
  EXPECT_EQ(tb.read(cfg(PL_CFG_ERROR)) & 0xFFu, PL_CFG_ERR_BAD_SYNC);
  EXPECT_EQ(tb.read(cfg(PL_CFG_ERRORS)), 2u);
}

TEST(CfgSimb, DrainSkipsGarbageUntilSync) {
  pltb::Tb tb("cfg_drain");
  tb.run(20);
  tb.pcap().push_back(0x0BADF00Du);  // BAD_SYNC, then DRAIN
  for (uint32_t i = 0; i < 50; i++) tb.pcap().push_back(0x20000000u + i);
  tb.queue_simb(2, PL_MOD_IFFT4096, 64);
  ASSERT_TRUE(drain(tb));
  tb.run(20);
  EXPECT_EQ(tb.read(cfg(PL_CFG_ERRORS)), 1u);
  EXPECT_EQ(tb.read(cfg(PL_CFG_LOADS)), 1u);
  EXPECT_EQ(tb.read(prr(2, PL_PRR_MODULE)) & 0x1FFu, 0x100u | PL_MOD_IFFT4096);
}

}  // namespace
