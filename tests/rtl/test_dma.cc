// test_dma - rtl/prr_dma.v (AXI4 master DMA) with the AXI memory model and the
// AXI protocol checker on the same pins.
//
// Random transfers (4- and 8-byte aligned addresses, lengths 1..700 words,
// ranges crossing 4 KiB boundaries) run read and write engines concurrently
// under random back-pressure on every AXI channel and on both streams. The
// read stream must deliver exactly the memory words, the write engine must
// write exactly its words (bytes around the destination untouched), the
// checker must see no violation, and error responses must raise err_o.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "Vprr_dma.h"
#include "axi_check.h"
#include "axi_mem.h"
#include "tb_harness.h"

namespace {

constexpr uint32_t kBase = 0x10000000u;
constexpr uint32_t kSize = 1u << 18;

struct Bench {
  tbh::Harness<Vprr_dma> h;
  axitb::AxiPorts ports;
  axitb::AxiMem mem;
  axitb::AxiCheck chk;
  std::mt19937 rng;
  std::uniform_real_distribution<double> u{0.0, 1.0};

  static axitb::AxiPorts bind(tbh::Harness<Vprr_dma> &h) {
    axitb::AxiPorts p;
    AXITB_BIND_PORTS(p, &h.model(), m_axi_);
    return p;
  }

  Bench(const std::string &name, const axitb::AxiMemConfig &cfg, uint32_t seed)
      : h(name), ports(bind(h)), mem(ports, cfg), chk(ports), rng(seed) {
    h.reset();
  }
};

struct Result {
  std::vector<uint32_t> rd_words;
  unsigned rd_done = 0, wr_done = 0, err = 0;
  uint64_t cycles = 0;
};

// Start a read of rd_len words at rd_addr and a write of wr_len words (values
// wr_words) at wr_addr in the same cycle; run until both done pulses.
Result transfer(Bench &b, uint32_t rd_addr, uint32_t rd_len, uint32_t wr_addr,
                const std::vector<uint32_t> &wr_words, double rs_ready_prob,
                double ws_valid_prob) {
  Result r;
  auto &h = b.h;
  size_t wr_idx = 0;
  bool first = true;
  uint64_t t0 = h.cycles();
  uint64_t limit = 200 * (rd_len + wr_words.size()) + 2000;
  bool rd_fin = false, wr_fin = false;
  for (uint64_t c = 0; c < limit && !(rd_fin && wr_fin); c++) {
    bool offer = false;
    h.cycle(
        [&] {
          h->rd_start_i = first;
          h->rd_addr_i = rd_addr;
          h->rd_len_i = rd_len;
          h->wr_start_i = first;
          h->wr_addr_i = wr_addr;
          h->wr_len_i = uint32_t(wr_words.size());
          h->rd_ready_i = b.u(b.rng) < rs_ready_prob;
          offer = !first && wr_idx < wr_words.size() && b.u(b.rng) < ws_valid_prob;
          h->wr_valid_i = offer;
          h->wr_data_i = offer ? wr_words[wr_idx] : 0xCCCCCCCCu;
          b.mem.drive();
        },
        [&] {
          b.chk.sample();
          b.mem.sample();
          if (h->rd_valid_o && h->rd_ready_i) r.rd_words.push_back(h->rd_data_o);
          if (offer && h->wr_ready_o) wr_idx++;
          if (h->rd_done_o) { r.rd_done++; rd_fin = true; }
          if (h->wr_done_o) { r.wr_done++; wr_fin = true; }
          if (h->err_o) r.err++;
        });
    first = false;
  }
  r.cycles = h.cycles() - t0;
  // drain: nothing more may happen on the bus or the streams
  for (int i = 0; i < 20; i++) {
    h.cycle(
        [&] {
          h->rd_start_i = 0;
          h->wr_start_i = 0;
          h->wr_valid_i = 0;
          h->rd_ready_i = 1;
          b.mem.drive();
        },
        [&] {
          b.chk.sample();
          b.mem.sample();
          if (h->rd_valid_o) r.rd_words.push_back(h->rd_data_o);
          if (h->rd_done_o) r.rd_done++;
          if (h->wr_done_o) r.wr_done++;
        });
  }
  return r;
}

void random_transfers(double ready_prob, double valid_prob, double rs_prob, double ws_prob,
                      unsigned latency, uint32_t seed, int count) {
  axitb::AxiMemConfig cfg;
  cfg.base = kBase;
  cfg.size = kSize;
  cfg.read_latency = latency;
  cfg.write_latency = latency / 2;
  cfg.ready_prob = ready_prob;
  cfg.valid_prob = valid_prob;
  cfg.seed = seed;
  Bench b("test_dma_" + std::to_string(seed), cfg, seed);
  for (uint32_t a = 0; a < kSize; a += 4) b.mem.write32(kBase + a, (a * 2654435761u) ^ seed);

  for (int t = 0; t < count; t++) {
    // source in the lower half, destination in the upper half
    uint32_t rd_len = 1 + b.rng() % 700;
    uint32_t wr_len = 1 + b.rng() % 700;
    if (t % 5 == 0) rd_len = 1 + b.rng() % 3;
    uint32_t rd_addr = kBase + 4 * (b.rng() % ((kSize / 2 - 4 * 700) / 4));
    uint32_t wr_addr = kBase + kSize / 2 + 4 * (b.rng() % ((kSize / 2 - 4 * 704) / 4)) + 8;
    std::vector<uint32_t> wr_words(wr_len);
    for (auto &w : wr_words) w = b.rng();
    uint32_t before = b.mem.read32(wr_addr - 4), after = b.mem.read32(wr_addr + 4 * wr_len);

    Result r = transfer(b, rd_addr, rd_len, wr_addr, wr_words, rs_prob, ws_prob);
    SCOPED_TRACE("transfer " + std::to_string(t) + " rd 0x" + std::to_string(rd_addr) + "+" +
                 std::to_string(rd_len) + " wr +" + std::to_string(wr_len));
    ASSERT_EQ(r.rd_done, 1u);
    ASSERT_EQ(r.wr_done, 1u);
    EXPECT_EQ(r.err, 0u);
    ASSERT_EQ(r.rd_words.size(), rd_len);
    for (uint32_t i = 0; i < rd_len; i++)
      ASSERT_EQ(r.rd_words[i], b.mem.read32(rd_addr + 4 * i)) << "read word " << i;
    for (uint32_t i = 0; i < wr_len; i++)
      ASSERT_EQ(b.mem.read32(wr_addr + 4 * i), wr_words[i]) << "written word " << i;
    EXPECT_EQ(b.mem.read32(wr_addr - 4), before);
    EXPECT_EQ(b.mem.read32(wr_addr + 4 * wr_len), after);
    EXPECT_TRUE(b.mem.idle());
  }
  b.chk.finish();
  EXPECT_TRUE(b.chk.ok()) << b.chk.report();
  EXPECT_GT(b.mem.read_bursts, uint64_t(count));
}

TEST(PrrDma, NoBackpressure) { random_transfers(1.0, 1.0, 1.0, 1.0, 2, 11, 30); }
TEST(PrrDma, RandomAxiBackpressure) { random_transfers(0.4, 0.5, 1.0, 1.0, 6, 12, 30); }
TEST(PrrDma, RandomStreamBackpressure) { random_transfers(1.0, 1.0, 0.3, 0.4, 3, 13, 30); }
TEST(PrrDma, RandomEverything) { random_transfers(0.3, 0.3, 0.5, 0.5, 17, 14, 40); }

// Bursts are at most 16 beats, split at 4 KiB, and full-rate when unhindered.
TEST(PrrDma, BurstShapeAnd4KiBSplit) {
  axitb::AxiMemConfig cfg;
  cfg.base = kBase;
  cfg.size = kSize;
  Bench b("test_dma_burst", cfg, 3);
  // 4 KiB boundary at kBase + 0x1000: start 8 bytes + 4 below it
  uint32_t rd_addr = kBase + 0x1000 - 12;
  Result r = transfer(b, rd_addr, 100, kBase + 0x3000 - 4, std::vector<uint32_t>(100, 7u), 1.0,
                      1.0);
  ASSERT_EQ(r.rd_words.size(), 100u);
  b.chk.finish();
  EXPECT_TRUE(b.chk.ok()) << b.chk.report();
  // read: 51 beats: 2 before the boundary, 49 after in bursts of 16,16,16,1
  EXPECT_EQ(b.mem.read_beats, 51u);
  EXPECT_EQ(b.mem.read_bursts, 5u);
  // write: 1 + 50 beats: 1 before the boundary + 16,16,16,2
  EXPECT_EQ(b.mem.write_beats, 51u);
  EXPECT_EQ(b.mem.write_bursts, 5u);
  // the 32-bit stream is the limit: about one word per cycle
  EXPECT_LT(r.cycles, 100u + 40u);
}

TEST(PrrDma, ErrorResponsesRaiseErr) {
  axitb::AxiMemConfig cfg;
  cfg.base = kBase;
  cfg.size = kSize;
  cfg.err_lo = kBase + 0x800;
  cfg.err_hi = kBase + 0x810;   // two 8-byte beats answer SLVERR
  cfg.ready_prob = 0.7;
  Bench b("test_dma_err", cfg, 4);
  Result r = transfer(b, kBase + 0x7F0, 16, kBase + 0x100, {}, 1.0, 1.0);
  EXPECT_EQ(r.rd_done, 1u);
  EXPECT_EQ(r.rd_words.size(), 16u);
  EXPECT_EQ(r.err, 2u);   // two bad read beats
  Result w = transfer(b, kBase, 0, kBase + 0x800, std::vector<uint32_t>(4, 1u), 1.0, 1.0);
  EXPECT_EQ(w.wr_done, 1u);
  EXPECT_EQ(w.err, 1u);   // one bad write response
  b.chk.finish();
  EXPECT_TRUE(b.chk.ok()) << b.chk.report();
}

TEST(PrrDma, ZeroLengthCompletesWithoutTraffic) {
  axitb::AxiMemConfig cfg;
  cfg.base = kBase;
  cfg.size = kSize;
  Bench b("test_dma_zero", cfg, 5);
  Result r = transfer(b, kBase, 0, kBase + 0x100, {}, 1.0, 1.0);
  EXPECT_EQ(r.rd_done, 1u);
  EXPECT_EQ(r.wr_done, 1u);
  EXPECT_EQ(b.mem.read_bursts + b.mem.write_bursts, 0u);
}

// The checker itself must catch a broken master: it flags a dropped VALID
// and an unannounced response.
TEST(AxiCheck, DetectsViolations) {
  struct Pins {
    uint32_t araddr = 0, awaddr = 0;
    uint8_t arlen = 0, arsize = 3, arburst = 1, arvalid = 0, arready = 0;
    uint64_t rdata = 0, wdata = 0;
    uint8_t rresp = 0, rlast = 0, rvalid = 0, rready = 0;
    uint8_t awlen = 0, awsize = 3, awburst = 1, awvalid = 0, awready = 0;
    uint8_t wstrb = 0xFF, wlast = 0, wvalid = 0, wready = 0;
    uint8_t bresp = 0, bvalid = 0, bready = 1;
  } s;
  axitb::AxiPorts p;
  p.araddr = &s.araddr; p.arlen = &s.arlen; p.arsize = &s.arsize; p.arburst = &s.arburst;
  p.arvalid = &s.arvalid; p.arready = &s.arready; p.rdata = &s.rdata; p.rresp = &s.rresp;
  p.rlast = &s.rlast; p.rvalid = &s.rvalid; p.rready = &s.rready; p.awaddr = &s.awaddr;
  p.awlen = &s.awlen; p.awsize = &s.awsize; p.awburst = &s.awburst; p.awvalid = &s.awvalid;
  p.awready = &s.awready; p.wdata = &s.wdata; p.wstrb = &s.wstrb; p.wlast = &s.wlast;
  p.wvalid = &s.wvalid; p.wready = &s.wready; p.bresp = &s.bresp; p.bvalid = &s.bvalid;
  p.bready = &s.bready;
  axitb::AxiCheck chk(p);
  s.arvalid = 1;            // AR waits for ARREADY ...
  chk.sample();
  s.arvalid = 0;            // ... and is withdrawn: violation 1
  chk.sample();
  s.bvalid = 1;             // B without any write: violation 2
  chk.sample();
  s.bvalid = 0;
  s.awvalid = 1; s.awready = 1; s.awaddr = 0xFF8; s.awlen = 1;  // crosses 4 KiB: violation 3
  chk.sample();
  EXPECT_EQ(chk.violations(), 3u) << chk.report();
}

}  // namespace
