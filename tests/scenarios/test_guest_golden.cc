// The guests' golden models (firmware/guests/common) against the project's
// golden models (models/pl): the guests check every accelerator frame with
// them, so they must be bit-exact with pl_ifft_run / pl_qam_map (which are
// bit-exact with the RTL, tests/rtl).
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

extern "C" {
#include "gifft.h"
#include "ifft_golden.h"
#include "qam_golden.h"
}

namespace {

uint32_t xorshift(uint32_t *s) {
  uint32_t x = *s;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  *s = x;
  return x;
}

TEST(GuestGolden, TwiddleTableEqualsPlModel) {
  for (unsigned i = 0; i < 4096; i++) {
    int32_t re, im;
    pl_ifft_twiddle(i, &re, &im);
    ASSERT_EQ(gifft_twiddles[i][0], re) << "entry " << i;
    ASSERT_EQ(gifft_twiddles[i][1], im) << "entry " << i;
  }
}

// Random samples, full-scale samples (saturation paths) and QAM symbols.
TEST(GuestGolden, IfftBitExactEveryN) {
  uint32_t seed = 0x12345678u;
  for (unsigned l = GIFFT_LOG2_MIN; l <= GIFFT_LOG2_MAX; l++) {
    unsigned n = 1u << l;
    for (int pass = 0; pass < 3; pass++) {
      std::vector<uint32_t> in(n), gold(n), got(n), work(n);
      for (unsigned i = 0; i < n; i++) {
        uint32_t r = xorshift(&seed);
        if (pass == 1) r = (r & 0x80008000u) ? 0x80008000u ^ (r & 0x7FFF7FFFu) : 0x7FFF7FFFu;
        if (pass == 2) r &= 0x3FFF3FFFu;
        in[i] = r;
      }
      pl_ifft_run(l, in.data(), gold.data());
      gifft_run(l, in.data(), got.data(), work.data());
      for (unsigned i = 0; i < n; i++)
        ASSERT_EQ(got[i], gold[i]) << "N " << n << " pass " << pass << " sample " << i;
      // in place (in == out), as the guests use it
      gifft_run(l, in.data(), in.data(), work.data());
      ASSERT_EQ(in, gold) << "in place, N " << n;
    }
  }
}

// The checks fail on a one-bit error (the guests count such a frame as wrong).
TEST(GuestGolden, OneBitDifferenceIsSeen) {
  unsigned n = 256;
  std::vector<uint32_t> in(n), a(n), b(n), work(n);
  uint32_t seed = 99;
  for (auto &w : in) w = xorshift(&seed) & 0x3FFF3FFFu;
  gifft_run(8, in.data(), a.data(), work.data());
  in[17] ^= 1u << 16;
  gifft_run(8, in.data(), b.data(), work.data());
  EXPECT_NE(a, b);
}

}  // namespace
