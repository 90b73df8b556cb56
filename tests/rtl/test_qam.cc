// test_qam - rtl/rm_qam.v against the golden model models/pl/qam_golden.c.
//
// Random frames for every order (4/16/64-QAM), with and without input gaps
// and output back-pressure; the outputs must match word for word, the
// frame_done pulse must come once, after the last output, and without
// back-pressure the mapper must produce one symbol per cycle.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "Vrm_qam.h"
#include "qam_golden.h"
#include "tb_harness.h"

namespace {

struct QamRun {
  std::vector<uint32_t> out;
  uint64_t cycles = 0;   // frame_start to frame_done, in cycles
  unsigned done_pulses = 0;
  bool done_before_last = false;
};

// Run one frame through the RTL. in_prob / out_prob: probability that the
// testbench offers an input word / accepts an output word in a cycle.
QamRun run_frame(tbh::Harness<Vrm_qam> &h, unsigned variant, uint32_t frame_len,
                 const std::vector<uint32_t> &in, double in_prob, double out_prob,
                 std::mt19937 &rng) {
  QamRun r;
  std::uniform_real_distribution<double> u(0.0, 1.0);
  size_t in_idx = 0;
  size_t expect = pl_qam_out_symbols(variant, frame_len);
  uint64_t t0 = h.cycles();
  bool started = false, done = false;
  uint64_t limit = 20 * (expect + in.size()) + 100;
  for (uint64_t c = 0; c < limit && !done; c++) {
    bool offer = false;
    h.cycle(
        [&] {
          h->variant_i = variant;
          h->frame_len_i = frame_len;
          h->frame_start_i = !started;
          offer = started && in_idx < in.size() && u(rng) < in_prob;
          h->s_valid_i = offer;
          h->s_data_i = offer ? in[in_idx] : 0xDEADBEEFu;
          h->m_ready_i = u(rng) < out_prob;
        },
        [&] {
          if (h->frame_done_o) {
            r.done_pulses++;
            if (r.out.size() != expect) r.done_before_last = true;
            r.cycles = h.cycles() - t0;
            done = true;
          }
          if (offer && h->s_ready_o) in_idx++;
          if (h->m_valid_o && h->m_ready_i) r.out.push_back(h->m_data_o);
        });
    started = true;
  }
  // a few idle cycles: no further output or done pulse may appear
  for (int i = 0; i < 8; i++) {
    h.cycle(
        [&] {
          h->frame_start_i = 0;
          h->s_valid_i = 0;
          h->m_ready_i = 1;
        },
        [&] {
          if (h->frame_done_o) r.done_pulses++;
          if (h->m_valid_o) r.out.push_back(h->m_data_o);
        });
  }
  return r;
}

std::vector<uint32_t> random_frame(uint32_t frame_len, std::mt19937 &rng) {
  std::vector<uint32_t> in(pl_qam_in_words(frame_len));
  for (auto &w : in) w = rng();
  return in;
}

void check_frame(tbh::Harness<Vrm_qam> &h, unsigned variant, uint32_t frame_len, double in_prob,
                 double out_prob, std::mt19937 &rng) {
  std::vector<uint32_t> in = random_frame(frame_len, rng);
  std::vector<uint32_t> gold(pl_qam_out_symbols(variant, frame_len));
  pl_qam_map(variant, frame_len, in.data(), gold.data());
  QamRun r = run_frame(h, variant, frame_len, in, in_prob, out_prob, rng);
  SCOPED_TRACE("variant " + std::to_string(variant) + " frame_len " + std::to_string(frame_len));
  ASSERT_EQ(r.done_pulses, 1u);
  EXPECT_FALSE(r.done_before_last);
  ASSERT_EQ(r.out.size(), gold.size());
  for (size_t i = 0; i < gold.size(); i++) {
    ASSERT_EQ(r.out[i], gold[i]) << "symbol " << i;
  }
  if (in_prob >= 1.0 && out_prob >= 1.0 && frame_len > 0) {
    // one symbol per cycle plus a small constant latency
    EXPECT_LE(r.cycles, gold.size() + 4);
  }
}

class QamOrder : public ::testing::TestWithParam<unsigned> {};

TEST_P(QamOrder, FullFrameNoBackpressure) {
  tbh::Harness<Vrm_qam> h("test_qam_full_" + std::to_string(GetParam()));
  h.reset();
  std::mt19937 rng(100 + GetParam());
  check_frame(h, GetParam(), 18800, 1.0, 1.0, rng);
}

TEST_P(QamOrder, RandomFramesWithBackpressure) {
  tbh::Harness<Vrm_qam> h("test_qam_bp_" + std::to_string(GetParam()));
  h.reset();
  std::mt19937 rng(200 + GetParam());
  const uint32_t lens[] = {1, 2, 5, 31, 32, 33, 63, 64, 65, 191, 1000, 18800};
  for (uint32_t len : lens) check_frame(h, GetParam(), len, 0.6, 0.5, rng);
  for (int i = 0; i < 6; i++) {
    uint32_t len = 1 + rng() % 3000;
    check_frame(h, GetParam(), len, 0.8, 0.3, rng);
    check_frame(h, GetParam(), len, 1.0, 1.0, rng);
  }
}

INSTANTIATE_TEST_SUITE_P(Orders, QamOrder, ::testing::Values(2u, 4u, 6u),
                         [](const ::testing::TestParamInfo<unsigned> &i) {
                           return "QAM" + std::to_string(1u << i.param);
                         });

// The constellation table: unit average energy in Q2.14, Gray mapping (adjacent
// levels differ in one bit), and symbol order of the stream.
TEST(QamGolden, LevelTableMatchesFormula) {
  const unsigned ks[] = {2, 4, 6};
  for (unsigned k : ks) {
    unsigned levels = 1u << (k / 2);
    double e = 2.0 * (double(levels) * levels - 1.0) / 3.0;  // 2, 10, 42
    double energy = 0.0;
    for (unsigned g = 0; g < levels; g++) {
      double lv = 2.0 * g - (levels - 1.0);
      long want = std::lround(lv * 16384.0 / std::sqrt(e));
      EXPECT_EQ(pl_qam_level(k, g), want) << "k " << k << " g " << g;
      energy += std::pow(pl_qam_level(k, g) / 16384.0, 2);
    }
    // I and Q each carry half of the unit energy
    EXPECT_NEAR(2.0 * energy / levels, 1.0, 1e-3) << "k " << k;
  }
}

TEST(QamGolden, GrayCodedSixteenQam) {
  // 16-QAM, I bits b0 b1: 00 -> -3, 01 -> -1, 11 -> +1, 10 -> +3
  // symbol s uses frame bits 4s..4s+3 (LSB-first); Q bits all 0 -> -3.
  const uint32_t codes[4] = {0x0 /*00*/, 0x2 /*b1=1: 01*/, 0x3 /*11*/, 0x1 /*b0=1: 10*/};
  const int16_t want_i[4] = {-15543, -5181, 5181, 15543};
  uint32_t in = 0;
  for (unsigned s = 0; s < 4; s++) in |= codes[s] << (4 * s);
  uint32_t out[4];
  ASSERT_EQ(pl_qam_map(4, 16, &in, out), 4u);
  for (unsigned s = 0; s < 4; s++) {
    EXPECT_EQ(int16_t(out[s] >> 16), want_i[s]) << s;
    EXPECT_EQ(int16_t(out[s] & 0xFFFF), -15543) << s;
  }
}

TEST(QamRtl, EmptyFrameCompletesWithoutOutput) {
  tbh::Harness<Vrm_qam> h("test_qam_empty");
  h.reset();
  std::mt19937 rng(7);
  QamRun r = run_frame(h, 4, 0, {}, 1.0, 1.0, rng);
  EXPECT_EQ(r.done_pulses, 1u);
  EXPECT_TRUE(r.out.empty());
}

}  // namespace

namespace {

// prr_ctrl resets a module after loading it and may reset it while decoupled:
// a reset in the middle of a frame leaves no trace on the next frame, and a
// frame_start while busy is ignored.
TEST(QamRtl, ResetMidFrameAndStartWhileBusy) {
  tbh::Harness<Vrm_qam> h("test_qam_reset");
  h.reset();
  std::mt19937 rng(9);
  std::vector<uint32_t> in = random_frame(1000, rng);
  // start a frame, feed part of it, then reset
  for (int c = 0; c < 40; c++) {
    h.cycle(
        [&] {
          h->variant_i = 6;
          h->frame_len_i = 1000;
          h->frame_start_i = (c == 0) || (c == 20);  // second start while busy
          h->s_valid_i = c > 0;
          h->s_data_i = in[size_t(c) % in.size()];
          h->m_ready_i = (c % 3) == 0;
        },
        [] {});
  }
  EXPECT_TRUE(h->busy_o);
  h.reset(2);
  EXPECT_FALSE(h->busy_o);
  EXPECT_FALSE(h->m_valid_o);
  check_frame(h, 4, 777, 0.9, 0.7, rng);
}

}  // namespace
