// test_xbar - the Mini-NOVA multi-path datapath (Fig. 4):
// QAM PRR0/PRR1 -> FIFO1/FIFO2 -> stream_xbar -> IFFT PRR2/PRR3
// (test top tests/rtl/common/tb_xbar_top.v).
//
// Each QAM frame carries N*k bits so that it yields exactly one N-point IFFT
// frame; the IFFT outputs must equal pl_ifft_run(pl_qam_map(bits)) bit for bit
// for the parallel routes, the crossed routes, and a route switched at a frame
// boundary; an output sharing the other output's source receives nothing and
// an unrouted QAM stalls once its FIFO is full.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "Vtb_xbar_top.h"
#include "ifft_golden.h"
#include "qam_golden.h"
#include "tb_harness.h"

namespace {

using H = tbh::Harness<Vtb_xbar_top>;

struct QamSide {
  unsigned variant = 2;
  uint32_t frame_len = 0;
  std::vector<uint32_t> bits;
  size_t idx = 0;
  bool start = false;
  unsigned done = 0;
};

struct IfftSide {
  unsigned n = 8;
  bool start = false;
  std::vector<uint32_t> out;
  unsigned done = 0;
};

struct Path {
  H h{"test_xbar"};
  std::mt19937 rng{42};
  std::uniform_real_distribution<double> u{0.0, 1.0};
  QamSide q[2];
  IfftSide f[2];
  double out_prob = 1.0;
  double in_prob = 1.0;
  int cfg_write = -1;   // value to write into the crossbar next cycle

  Path() { h.reset(); }

  void run(uint64_t cycles) {
    for (uint64_t c = 0; c < cycles; c++) {
      bool off0 = false, off1 = false;
      h.cycle(
          [&] {
            h->xbar_we_i = cfg_write >= 0;
            h->xbar_wdata_i = cfg_write >= 0 ? uint8_t(cfg_write) : 0;
            cfg_write = -1;
            h->q0_variant_i = q[0].variant;
            h->q0_frame_len_i = q[0].frame_len;
            h->q0_frame_start_i = q[0].start;
            off0 = !q[0].start && q[0].idx < q[0].bits.size() && u(rng) < in_prob;
            h->q0_s_valid_i = off0;
            h->q0_s_data_i = off0 ? q[0].bits[q[0].idx] : 0;
            h->q1_variant_i = q[1].variant;
            h->q1_frame_len_i = q[1].frame_len;
            h->q1_frame_start_i = q[1].start;
            off1 = !q[1].start && q[1].idx < q[1].bits.size() && u(rng) < in_prob;
            h->q1_s_valid_i = off1;
            h->q1_s_data_i = off1 ? q[1].bits[q[1].idx] : 0;
            h->f0_variant_i = f[0].n;
            h->f0_frame_start_i = f[0].start;
            h->f0_m_ready_i = u(rng) < out_prob;
            h->f1_variant_i = f[1].n;
            h->f1_frame_start_i = f[1].start;
            h->f1_m_ready_i = u(rng) < out_prob;
          },
          [&] {
            if (off0 && h->q0_s_ready_o) q[0].idx++;
            if (off1 && h->q1_s_ready_o) q[1].idx++;
            if (h->q0_frame_done_o) q[0].done++;
            if (h->q1_frame_done_o) q[1].done++;
            if (h->f0_m_valid_o && h->f0_m_ready_i) f[0].out.push_back(h->f0_m_data_o);
            if (h->f1_m_valid_o && h->f1_m_ready_i) f[1].out.push_back(h->f1_m_data_o);
            if (h->f0_frame_done_o) f[0].done++;
            if (h->f1_frame_done_o) f[1].done++;
          });
      for (auto &s : q) s.start = false;
      for (auto &s : f) s.start = false;
    }
  }

  // Load a random QAM frame of N symbols into QAM PRR qi and start it.
  std::vector<uint32_t> start_qam(int qi, unsigned k, unsigned n) {
    QamSide &s = q[qi];
    s.variant = k;
    s.frame_len = (1u << n) * k;
    s.bits.assign(pl_qam_in_words(s.frame_len), 0);
    for (auto &w : s.bits) w = rng();
    s.idx = 0;
    s.start = true;
    std::vector<uint32_t> sym(pl_qam_out_symbols(k, s.frame_len));
    pl_qam_map(k, s.frame_len, s.bits.data(), sym.data());
    std::vector<uint32_t> gold(sym.size());
    pl_ifft_run(n, sym.data(), gold.data());
    return gold;
  }

  void start_ifft(int fi, unsigned n) {
    f[fi].n = n;
    f[fi].start = true;
    f[fi].out.clear();
  }
};

void expect_equal(const std::vector<uint32_t> &got, const std::vector<uint32_t> &want,
                  const char *what) {
  ASSERT_EQ(got.size(), want.size()) << what;
  for (size_t i = 0; i < want.size(); i++) ASSERT_EQ(got[i], want[i]) << what << " X[" << i << "]";
}

TEST(StreamXbar, ParallelPathsDefaultRoute) {
  Path p;
  p.out_prob = 0.6;
  p.in_prob = 0.8;
  p.run(2);
  EXPECT_EQ(p.h->xbar_cfg_o, 0xD);  // reset: PRR0 -> PRR2, PRR1 -> PRR3
  auto g0 = p.start_qam(0, 2, 8);   // QAM4 -> IFFT256
  auto g1 = p.start_qam(1, 4, 9);   // QAM16 -> IFFT512
  p.start_ifft(0, 8);
  p.start_ifft(1, 9);
  p.run(20000);
  EXPECT_EQ(p.q[0].done, 1u);
  EXPECT_EQ(p.q[1].done, 1u);
  EXPECT_EQ(p.f[0].done, 1u);
  EXPECT_EQ(p.f[1].done, 1u);
  expect_equal(p.f[0].out, g0, "PRR0->PRR2");
  expect_equal(p.f[1].out, g1, "PRR1->PRR3");
}

TEST(StreamXbar, CrossedRoutes) {
  Path p;
  p.cfg_write = 0x7;   // out0 (PRR2) <- PRR1, out1 (PRR3) <- PRR0
  p.run(2);
  EXPECT_EQ(p.h->xbar_cfg_o, 0x7);
  auto g0 = p.start_qam(0, 6, 10);  // QAM64 -> IFFT1024 on PRR3
  auto g1 = p.start_qam(1, 2, 8);   // QAM4 -> IFFT256 on PRR2
  p.start_ifft(1, 10);
  p.start_ifft(0, 8);
  p.run(30000);
  EXPECT_EQ(p.f[0].done, 1u);
  EXPECT_EQ(p.f[1].done, 1u);
  expect_equal(p.f[1].out, g0, "PRR0->PRR3");
  expect_equal(p.f[0].out, g1, "PRR1->PRR2");
}

TEST(StreamXbar, SharedSourceAndSwitchAtFrameBoundary) {
  Path p;
  p.cfg_write = 0x5;   // both outputs want PRR0: output 0 wins, PRR1 unrouted
  p.run(2);
  auto g0 = p.start_qam(0, 4, 8);
  auto g1 = p.start_qam(1, 4, 8);
  p.start_ifft(0, 8);
  p.start_ifft(1, 8);
  p.run(5000);
  EXPECT_EQ(p.f[0].done, 1u);
  expect_equal(p.f[0].out, g0, "PRR0->PRR2");
  // PRR3 got nothing; PRR1 stalled after filling FIFO2 (16 words) and its
  // output register
  EXPECT_EQ(p.f[1].out.size(), 0u);
  EXPECT_EQ(p.q[1].done, 0u);
  EXPECT_LT(p.q[1].idx, p.q[1].bits.size());
  // frame boundary on PRR2: route PRR1 -> PRR3; the stalled frame completes
  p.cfg_write = 0xD;
  p.run(5000);
  EXPECT_EQ(p.q[1].done, 1u);
  EXPECT_EQ(p.f[1].done, 1u);
  expect_equal(p.f[1].out, g1, "PRR1->PRR3 after switch");
}

TEST(StreamXbar, BackToBackFramesLargestSizes) {
  Path p;
  p.out_prob = 0.9;
  for (unsigned n : {13u, 12u}) {
    auto g0 = p.start_qam(0, 6, n);
    auto g1 = p.start_qam(1, 2, n);
    p.start_ifft(0, n);
    p.start_ifft(1, n);
    p.run(4 * (1u << n) + 2000);
    expect_equal(p.f[0].out, g0, "PRR0->PRR2");
    expect_equal(p.f[1].out, g1, "PRR1->PRR3");
  }
  EXPECT_EQ(p.f[0].done, 2u);
  EXPECT_EQ(p.f[1].done, 2u);
}

}  // namespace
