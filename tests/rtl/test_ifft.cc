// test_ifft - rtl/rm_ifft.v against the golden model models/pl/ifft_golden.c.
//
// Bit-exact on random frames for every size (256 .. 8192), with and without
// input gaps and output back-pressure, several frames back to back through the
// same instance. The golden model itself is checked against a double-precision
// inverse DFT, so both cannot be wrong the same way.
#include <gtest/gtest.h>

#include <cmath>
#include <complex>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "Vrm_ifft.h"
#include "ifft_golden.h"
#include "tb_harness.h"

namespace {

struct IfftRun {
  std::vector<uint32_t> out;
  uint64_t cycles = 0;
  unsigned done_pulses = 0;
};

IfftRun run_frame(tbh::Harness<Vrm_ifft> &h, unsigned variant, const std::vector<uint32_t> &in,
                  double in_prob, double out_prob, std::mt19937 &rng) {
  IfftRun r;
  std::uniform_real_distribution<double> u(0.0, 1.0);
  size_t in_idx = 0;
  uint64_t t0 = h.cycles();
  bool started = false, done = false;
  uint64_t limit = 40 * in.size() + 200;
  for (uint64_t c = 0; c < limit && !done; c++) {
    bool offer = false;
    h.cycle(
        [&] {
          h->variant_i = variant;
          h->frame_len_i = 0;
          h->frame_start_i = !started;
          offer = started && in_idx < in.size() && u(rng) < in_prob;
          h->s_valid_i = offer;
          h->s_data_i = offer ? in[in_idx] : 0xA5A5A5A5u;
          h->m_ready_i = u(rng) < out_prob;
        },
        [&] {
          if (h->frame_done_o) {
            r.done_pulses++;
            r.cycles = h.cycles() - t0;
            done = true;
          }
          if (offer && h->s_ready_o) in_idx++;
          if (h->m_valid_o && h->m_ready_i) r.out.push_back(h->m_data_o);
        });
    started = true;
  }
  for (int i = 0; i < 4; i++) {
    h.cycle([&] { h->frame_start_i = 0; h->s_valid_i = 0; h->m_ready_i = 1; },
            [&] {
              if (h->frame_done_o) r.done_pulses++;
              if (h->m_valid_o) r.out.push_back(h->m_data_o);
            });
  }
  return r;
}

uint32_t pack(int re, int im) { return (uint32_t(uint16_t(re)) << 16) | uint16_t(im); }
int re_of(uint32_t w) { return int16_t(w >> 16); }
int im_of(uint32_t w) { return int16_t(w & 0xFFFF); }

// Random frame; `amp` bounds each component (full scale 32767 exercises the
// saturation path).
std::vector<uint32_t> random_frame(unsigned n, int amp, std::mt19937 &rng) {
  std::uniform_int_distribution<int> d(-amp, amp);
  std::vector<uint32_t> v(size_t(1) << n);
  for (auto &w : v) w = pack(d(rng), d(rng));
  return v;
}

void check(tbh::Harness<Vrm_ifft> &h, unsigned n, int amp, double in_prob, double out_prob,
           std::mt19937 &rng) {
  std::vector<uint32_t> in = random_frame(n, amp, rng);
  std::vector<uint32_t> gold(in.size());
  pl_ifft_run(n, in.data(), gold.data());
  IfftRun r = run_frame(h, n, in, in_prob, out_prob, rng);
  SCOPED_TRACE("N " + std::to_string(1u << n) + " amp " + std::to_string(amp));
  ASSERT_EQ(r.done_pulses, 1u);
  ASSERT_EQ(r.out.size(), gold.size());
  for (size_t k = 0; k < gold.size(); k++) ASSERT_EQ(r.out[k], gold[k]) << "X[" << k << "]";
  if (in_prob >= 1.0 && out_prob >= 1.0) {
    // documented frame time: N in + (N - 1 + log2 N + 1) flush + N out, +2
    EXPECT_LE(r.cycles, 3u * in.size() + n + 4);
  }
}

class IfftSize : public ::testing::TestWithParam<unsigned> {};

TEST_P(IfftSize, BitExactNoBackpressure) {
  unsigned n = GetParam();
  tbh::Harness<Vrm_ifft> h("test_ifft_" + std::to_string(1u << n));
  h.reset();
  std::mt19937 rng(1000 + n);
  check(h, n, 16384, 1.0, 1.0, rng);
  check(h, n, 32767, 1.0, 1.0, rng);  // saturation of twiddled differences
}

TEST_P(IfftSize, BitExactWithBackpressure) {
  unsigned n = GetParam();
  tbh::Harness<Vrm_ifft> h("test_ifft_bp_" + std::to_string(1u << n));
  h.reset();
  std::mt19937 rng(2000 + n);
  check(h, n, 20000, 0.7, 0.4, rng);
  check(h, n, 4096, 0.3, 0.9, rng);
}

INSTANTIATE_TEST_SUITE_P(Sizes, IfftSize, ::testing::Values(8u, 9u, 10u, 11u, 12u, 13u),
                         [](const ::testing::TestParamInfo<unsigned> &i) {
                           return "N" + std::to_string(1u << i.param);
                         });

// Changing the size between frames on one instance (as after a reconfiguration
// of the variant) keeps results exact.
TEST(IfftRtl, SizeChangesBetweenFrames) {
  tbh::Harness<Vrm_ifft> h("test_ifft_sizes");
  h.reset();
  std::mt19937 rng(77);
  const unsigned seq[] = {13, 8, 10, 9, 13, 11, 8};
  for (unsigned n : seq) check(h, n, 12000, 0.9, 0.9, rng);
}

// The golden model computes (1/N) * inverse DFT within the fixed-point error.
TEST(IfftGolden, MatchesDoublePrecisionInverseDft) {
  std::mt19937 rng(5);
  for (unsigned n = 8; n <= 10; n++) {
    unsigned npts = 1u << n;
    std::vector<uint32_t> in = random_frame(n, 16000, rng), out(npts);
    pl_ifft_run(n, in.data(), out.data());
    double max_err = 0.0;
    for (unsigned k = 0; k < npts; k++) {
      std::complex<double> acc = 0.0;
      for (unsigned t = 0; t < npts; t++) {
        double ang = 2.0 * M_PI * double((uint64_t(t) * k) % npts) / npts;
        acc += std::complex<double>(re_of(in[t]), im_of(in[t])) *
               std::complex<double>(std::cos(ang), std::sin(ang));
      }
      acc /= double(npts);
      max_err = std::max(max_err, std::abs(acc - std::complex<double>(re_of(out[k]), im_of(out[k]))));
    }
    // rounding of about half an LSB per stage
    EXPECT_LT(max_err, 0.75 * n + 1.0) << "N " << npts;
  }
}

TEST(IfftGolden, ImpulseAndTone) {
  const unsigned n = 8, npts = 1u << n;
  std::vector<uint32_t> in(npts, 0), out(npts);
  // x[0] = A: X[k] = A/N for every k
  in[0] = pack(25600, -12800);
  pl_ifft_run(n, in.data(), out.data());
  for (unsigned k = 0; k < npts; k++) {
    EXPECT_NEAR(re_of(out[k]), 100, 1) << k;
    EXPECT_NEAR(im_of(out[k]), -50, 1) << k;
  }
  // X = constant C in every bin of a frequency-domain frame: x[m] = C at m = 0 only
  std::fill(in.begin(), in.end(), pack(8000, 0));
  pl_ifft_run(n, in.data(), out.data());
  EXPECT_NEAR(re_of(out[0]), 8000, 2);
  for (unsigned k = 1; k < npts; k++) {
    EXPECT_NEAR(re_of(out[k]), 0, 2) << k;
    EXPECT_NEAR(im_of(out[k]), 0, 2) << k;
  }
}

TEST(IfftGolden, TwiddleTableUnitCircle) {
  for (unsigned i = 0; i < 4096; i++) {
    int32_t c, s;
    pl_ifft_twiddle(i, &c, &s);
    double mag = std::sqrt(double(c) * c + double(s) * s) / 65536.0;
    ASSERT_NEAR(mag, 1.0, 3e-5) << i;
  }
  int32_t c, s;
  pl_ifft_twiddle(2048, &c, &s);
  EXPECT_EQ(c, 0);
  EXPECT_EQ(s, 65536);
}

}  // namespace

namespace {

TEST(IfftRtl, ResetMidFrameAndStartWhileBusy) {
  tbh::Harness<Vrm_ifft> h("test_ifft_reset");
  h.reset();
  std::mt19937 rng(10);
  std::vector<uint32_t> in = random_frame(9, 10000, rng);
  for (int c = 0; c < 700; c++) {
    h.cycle(
        [&] {
          h->variant_i = 9;
          h->frame_start_i = (c == 0) || (c == 300);  // second start while busy
          h->s_valid_i = c > 0;
          h->s_data_i = in[size_t(c) % in.size()];
          h->m_ready_i = 1;
        },
        [] {});
  }
  EXPECT_TRUE(h->busy_o);   // in the flush phase of the first frame
  h.reset(2);
  EXPECT_FALSE(h->busy_o);
  EXPECT_FALSE(h->m_valid_o);
  check(h, 8, 16000, 1.0, 1.0, rng);
  check(h, 9, 16000, 0.8, 0.8, rng);
}

}  // namespace
