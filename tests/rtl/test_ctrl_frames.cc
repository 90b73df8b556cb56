// PRR controller with the reconfigurable modules and DMA inside pl_top: jobs of
// several frames through a PR interface, bit-exact against the golden models;
// stop (preemption) at a frame boundary and resume with no frame lost or
// repeated; reconfiguration waits for the end of the current frame; no AXI
// request while decoupled; the fresh module is held in reset; DMA errors.
#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "ifft_golden.h"
#include "pl_tb.h"
#include "qam_golden.h"

using pltb::cfg;
using pltb::ifw;
using pltb::kMemBase;
using pltb::mon;
using pltb::prr;

namespace {

constexpr uint32_t kSrc = kMemBase;
constexpr uint32_t kDst = kMemBase + 0x80000u;
constexpr uint32_t kPoison = 0xDEADBEEFu;

struct Job {
  unsigned variant;  // QAM bits per symbol
  uint32_t frame_len;
  unsigned frames;
  std::vector<uint32_t> in;  // all frames
  size_t in_words() const { return pl_qam_in_words(frame_len); }
  size_t out_words() const { return pl_qam_out_symbols(variant, frame_len); }
};

Job make_qam_job(unsigned variant, uint32_t frame_len, unsigned frames, uint32_t seed) {
  Job j{variant, frame_len, frames, {}};
  std::mt19937 rng(seed);
  j.in.resize(j.in_words() * frames);
  for (auto &w : j.in) w = rng();
  return j;
}

void load_input(pltb::Tb &tb, unsigned p, const Job &j, uint32_t src) {
  for (size_t i = 0; i < j.in.size(); i++) tb.mem(p).write32(src + uint32_t(4 * i), j.in[i]);
  size_t total_out = j.out_words() * j.frames;
  for (size_t i = 0; i < total_out; i++) tb.mem(p).write32(kDst + uint32_t(4 * i), kPoison);
}

// Compare frame f of the output with the golden model.
void expect_frame(pltb::Tb &tb, unsigned p, const Job &j, unsigned f, uint32_t dst) {
  std::vector<uint32_t> gold(j.out_words());
  pl_qam_map(j.variant, j.frame_len, &j.in[f * j.in_words()], gold.data());
  for (size_t i = 0; i < gold.size(); i++) {
    uint32_t got = tb.mem(p).read32(dst + uint32_t(4 * (f * j.out_words() + i)));
    ASSERT_EQ(got, gold[i]) << "frame " << f << " word " << i;
  }
}
void expect_untouched(pltb::Tb &tb, unsigned p, const Job &j, unsigned f, uint32_t dst) {
  for (size_t i = 0; i < j.out_words(); i++)
    ASSERT_EQ(tb.mem(p).read32(dst + uint32_t(4 * (f * j.out_words() + i))), kPoison)
        << "frame " << f << " word " << i;
}

void program_if(pltb::Tb &tb, unsigned vm, unsigned dev, const Job &j, uint32_t src, uint32_t dst) {
  tb.write(ifw(vm, dev, PL_IF_SRC_ADDR), src);
  tb.write(ifw(vm, dev, PL_IF_DST_ADDR), dst);
  tb.write(ifw(vm, dev, PL_IF_PARAM), j.frame_len);
  tb.write(ifw(vm, dev, PL_IF_FRAMES), j.frames);
}

// Run until PRR0's interrupt (IRQ_F2P bit PL_IRQ_PRR0_BIT) is raised, at most `cycles`.
bool wait_prr0_irq(pltb::Tb &tb, uint64_t cycles) {
  return tb.run_until([&] { return (tb.irq() >> PL_IRQ_PRR0_BIT) & 1u; }, cycles);
}

bool wait_done(pltb::Tb &tb, unsigned vm, unsigned dev, uint64_t cycles) {
  for (uint64_t i = 0; i < cycles / 64; i++) {
    if (tb.read(ifw(vm, dev, PL_IF_STATUS)) & PL_IF_STATUS_DONE_MASK) return true;
    tb.run(64);
  }
  return false;
}

TEST(CtrlFrames, QamJobThroughIfMatchesGolden) {
  pltb::Tb tb("ctrl_qam_job");
  tb.run(20);
  Job j = make_qam_job(2, 1000, 4, 7);
  load_input(tb, 0, j, kSrc);
  tb.write(mon(PL_MON_CONNECT), (3u << 24) | (0u << 16) | (0u << 8) | 0u);  // VM0/dev0 -> PRR0
  program_if(tb, 0, 0, j, kSrc, kDst);
  tb.write(ifw(0, 0, PL_IF_CTRL), PL_IF_CTRL_START_MASK | PL_IF_CTRL_IRQ_EN_MASK);
  EXPECT_TRUE(tb.read(ifw(0, 0, PL_IF_STATUS)) & PL_IF_STATUS_BUSY_MASK);
  ASSERT_TRUE(wait_done(tb, 0, 0, 200000));
  EXPECT_TRUE(tb.irq() & (1u << PL_IRQ_PRR0_BIT));
  EXPECT_EQ(tb.read(ifw(0, 0, PL_IF_PROGRESS)), 4u);
  EXPECT_EQ(tb.read(prr(0, PL_PRR_PROC_STATUS)) & 0x301u, 0x200u);  // DONE, not active/busy
  for (unsigned f = 0; f < j.frames; f++) expect_frame(tb, 0, j, f, kDst);
  EXPECT_GT(tb.read(prr(0, PL_PRR_FRAME_CYCLES)), j.out_words());
  // W1C of DONE through the IF drops the interrupt
  tb.write(ifw(0, 0, PL_IF_STATUS), PL_IF_STATUS_DONE_MASK);
  EXPECT_FALSE(tb.irq() & (1u << PL_IRQ_PRR0_BIT));
  EXPECT_EQ(tb.read(ifw(0, 0, PL_IF_STATUS)) & PL_IF_STATUS_DONE_MASK, 0u);
  tb.chk(0).finish();
  EXPECT_TRUE(tb.chk(0).ok()) << tb.chk(0).report();
}

TEST(CtrlFrames, IfftJobMatchesGolden) {
  pltb::Tb tb("ctrl_ifft_job");
  tb.run(20);
  const unsigned n = 256, frames = 2;
  std::mt19937 rng(3);
  std::vector<uint32_t> in(n * frames);
  for (auto &w : in) w = (rng() & 0x0FFF0FFFu);  // moderate amplitudes
  for (size_t i = 0; i < in.size(); i++) tb.mem(2).write32(kSrc + uint32_t(4 * i), in[i]);
  tb.write(prr(2, PL_PRR_SRC_ADDR), kSrc);
  tb.write(prr(2, PL_PRR_DST_ADDR), kDst);
  tb.write(prr(2, PL_PRR_FRAMES), frames);
  tb.write(prr(2, PL_PRR_PROC_STATUS), 1u);
  ASSERT_TRUE(tb.run_until([&] { return tb.read(prr(2, PL_PRR_PROC_STATUS)) & 0x200u; }, 100000));
  for (unsigned f = 0; f < frames; f++) {
    std::vector<uint32_t> gold(n);
    pl_ifft_run(8, &in[f * n], gold.data());
    for (unsigned i = 0; i < n; i++)
      ASSERT_EQ(tb.mem(2).read32(kDst + 4 * (f * n + i)), gold[i]) << "frame " << f << " i " << i;
  }
}

// Preemption at a frame boundary: the running frame completes, the job is
// resumed later at frame PROGRESS, and no frame is lost or repeated.
TEST(CtrlFrames, StopAtFrameBoundaryAndResume) {
  pltb::Tb tb("ctrl_stop_resume");
  tb.run(20);
  Job a = make_qam_job(4, 2000, 6, 11);  // VM0's job on PRR1 (QAM16)
  load_input(tb, 1, a, kSrc);
  tb.write(mon(PL_MON_CONNECT), (2u << 24) | (0u << 16) | (1u << 8) | 1u);  // VM0/dev1 -> PRR1
  program_if(tb, 0, 1, a, kSrc, kDst);
  tb.write(ifw(0, 1, PL_IF_CTRL), PL_IF_CTRL_START_MASK);
  // wait until frame 2 is well under way
  ASSERT_TRUE(tb.run_until([&] { return tb.read(prr(1, PL_PRR_PROGRESS)) == 2u; }, 100000));
  tb.run(100);
  ASSERT_TRUE(tb.read(prr(1, PL_PRR_PROC_STATUS)) & PL_PRR_PROC_STATUS_BUSY_MASK);
  // the VDM preempts PRR1
  tb.write(mon(PL_MON_STOP_CMD), 1u);
  EXPECT_EQ((tb.read(mon(PL_MON_PRR_STATE)) >> 4) & 3u, PL_MON_STATE_STOPPING);
  EXPECT_EQ(tb.read(mon(PL_MON_STOP_INT)), 0u);  // frame 2 not finished yet
  ASSERT_TRUE(tb.run_until([&] { return tb.read(mon(PL_MON_STOP_INT)) == 2u; }, 100000));
  EXPECT_EQ(tb.read(prr(1, PL_PRR_PROGRESS)), 3u);  // frame 2 completed, not cut
  uint32_t ps = tb.read(prr(1, PL_PRR_PROC_STATUS));
  EXPECT_EQ(ps & PL_PRR_PROC_STATUS_BUSY_MASK, 0u);
  EXPECT_TRUE(ps & PL_PRR_PROC_STATUS_SUSPENDED_MASK);
  EXPECT_EQ(ps & PL_PRR_PROC_STATUS_START_MASK, 0u);  // job no longer active
  tb.run(2000);  // stays stopped
  EXPECT_EQ(tb.read(prr(1, PL_PRR_PROGRESS)), 3u);
  for (unsigned f = 0; f < 3; f++) expect_frame(tb, 1, a, f, kDst);
  for (unsigned f = 3; f < 6; f++) expect_untouched(tb, 1, a, f, kDst);
  // VDM saves the job context
  uint32_t s_src = tb.read(prr(1, PL_PRR_SRC_ADDR)), s_dst = tb.read(prr(1, PL_PRR_DST_ADDR));
  uint32_t s_frames = tb.read(prr(1, PL_PRR_FRAMES)), s_len = tb.read(prr(1, PL_PRR_FRAME_LEN));
  uint32_t s_prog = tb.read(prr(1, PL_PRR_PROGRESS));
  // frames 0..2 re-poisoned: a repeated frame would overwrite them
  for (size_t i = 0; i < 3 * a.out_words(); i++) tb.mem(1).write32(kDst + uint32_t(4 * i), kPoison);
  // the PRR is given to VM1/dev1, which runs its own 2-frame job
  tb.write(mon(PL_MON_DISCONNECT), 1u);
  tb.write(mon(PL_MON_CONNECT), (5u << 24) | (1u << 16) | (1u << 8) | 1u);
  Job b = make_qam_job(4, 640, 2, 99);
  const uint32_t src_b = kMemBase + 0x40000u, dst_b = kMemBase + 0xC0000u;
  for (size_t i = 0; i < b.in.size(); i++) tb.mem(1).write32(src_b + uint32_t(4 * i), b.in[i]);
  EXPECT_EQ(tb.read(ifw(0, 1, PL_IF_ID)), PL_IF_ID_UNCONNECTED);  // VM0 lost the device
  program_if(tb, 1, 1, b, src_b, dst_b);
  tb.write(ifw(1, 1, PL_IF_CTRL), PL_IF_CTRL_START_MASK);
  ASSERT_TRUE(wait_done(tb, 1, 1, 100000));
  for (unsigned f = 0; f < b.frames; f++) expect_frame(tb, 1, b, f, dst_b);
  // back to VM0: restore the context and resume
  tb.write(mon(PL_MON_DISCONNECT), 1u);
  tb.write(mon(PL_MON_CONNECT), (2u << 24) | (0u << 16) | (1u << 8) | 1u);
  tb.write(prr(1, PL_PRR_FRAMES), s_frames);
  tb.write(prr(1, PL_PRR_SRC_ADDR), s_src);
  tb.write(prr(1, PL_PRR_DST_ADDR), s_dst);
  tb.write(prr(1, PL_PRR_FRAME_LEN), s_len);
  tb.write(prr(1, PL_PRR_PROGRESS), s_prog);
  tb.write(ifw(0, 1, PL_IF_CTRL), PL_IF_CTRL_START_MASK);
  ASSERT_TRUE(wait_done(tb, 0, 1, 200000));
  EXPECT_EQ(tb.read(prr(1, PL_PRR_PROGRESS)), 6u);
  for (unsigned f = 0; f < 3; f++) expect_untouched(tb, 1, a, f, kDst);  // not repeated
  for (unsigned f = 3; f < 6; f++) expect_frame(tb, 1, a, f, kDst);      // not lost
  tb.chk(1).finish();
  EXPECT_TRUE(tb.chk(1).ok()) << tb.chk(1).report();
}

TEST(CtrlFrames, PauseHoldsAtFrameBoundary) {
  pltb::Tb tb("ctrl_pause");
  tb.run(20);
  Job a = make_qam_job(2, 800, 5, 5);
  load_input(tb, 0, a, kSrc);
  tb.write(prr(0, PL_PRR_SRC_ADDR), kSrc);
  tb.write(prr(0, PL_PRR_DST_ADDR), kDst);
  tb.write(prr(0, PL_PRR_FRAME_LEN), a.frame_len);
  tb.write(prr(0, PL_PRR_FRAMES), a.frames);
  tb.write(prr(0, PL_PRR_INT_STATUS), 1u << PL_PRR_INT_PAUSED);
  tb.write(prr(0, PL_PRR_PROC_STATUS), 1u);
  ASSERT_TRUE(tb.run_until([&] { return tb.read(prr(0, PL_PRR_PROGRESS)) == 1u; }, 100000));
  tb.write(prr(0, PL_PRR_PROC_STATUS), 2u);  // PAUSE
  ASSERT_TRUE(wait_prr0_irq(tb, 100000));
  uint32_t prog = tb.read(prr(0, PL_PRR_PROGRESS));
  EXPECT_EQ(prog, 2u);
  EXPECT_TRUE(tb.read(prr(0, PL_PRR_PROC_STATUS)) & PL_PRR_PROC_STATUS_PAUSED_MASK);
  tb.run(3000);
  EXPECT_EQ(tb.read(prr(0, PL_PRR_PROGRESS)), prog);
  tb.write(prr(0, PL_PRR_PROC_STATUS), 4u);  // clear PAUSE, INT_OVER
  EXPECT_EQ(tb.read(prr(0, PL_PRR_INT_STATUS)) >> 8, 0u);
  ASSERT_TRUE(tb.run_until([&] { return tb.read(prr(0, PL_PRR_PROC_STATUS)) & 0x200u; }, 100000));
  for (unsigned f = 0; f < a.frames; f++) expect_frame(tb, 0, a, f, kDst);
}

// A bitstream for a PRR in the middle of a frame waits (PCAP back-pressure)
// until the frame is over; no AXI request leaves the PRR while it is
// decoupled; the new module is held in reset before it may start.
TEST(CtrlFrames, ReconfigurationWaitsForFrameEnd) {
  pltb::Tb tb("ctrl_reconfig");
  tb.run(20);
  Job a = make_qam_job(2, 18800, 1, 21);  // one full Mini-NOVA frame: 9400 symbols
  load_input(tb, 0, a, kSrc);
  tb.write(prr(0, PL_PRR_SRC_ADDR), kSrc);
  tb.write(prr(0, PL_PRR_DST_ADDR), kDst);
  tb.write(prr(0, PL_PRR_FRAMES), 1u);
  tb.write(prr(0, PL_PRR_INT_STATUS), 1u << PL_PRR_INT_LOADED);
  tb.write(prr(0, PL_PRR_PROC_STATUS), 1u);
  tb.run(500);
  ASSERT_TRUE(tb.read(prr(0, PL_PRR_PROC_STATUS)) & PL_PRR_PROC_STATUS_BUSY_MASK);
  tb.queue_simb(0, PL_MOD_QAM64, 100);
  tb.run(300);
  // header taken, payload held back while the frame runs
  EXPECT_EQ(tb.read(cfg(PL_CFG_STATUS)) & 0xFu, 2u);  // WAIT_DECOUPLE
  EXPECT_EQ(tb.pcap_accepted(), 6u);
  EXPECT_FALSE(tb.m()->prr_decoupled_o & 1u);
  EXPECT_EQ(tb.read(prr(0, PL_PRR_MODULE)) & 0xFFu, PL_MOD_QAM4);
  // watch every cycle until the load is over
  bool saw_decoupled = false, bus_while_decoupled = false;
  uint64_t last_word_cycle = 0, undecoupled_cycle = 0;
  for (int i = 0; i < 40000 && !(saw_decoupled && !(tb.m()->prr_decoupled_o & 1u)); i++) {
    bool before = tb.pcap().empty();
    tb.step();
    if (!before && tb.pcap().empty()) last_word_cycle = tb.cycles();
    if (tb.m()->prr_decoupled_o & 1u) {
      saw_decoupled = true;
      if (tb.m()->p0_axi_arvalid_o || tb.m()->p0_axi_awvalid_o || tb.m()->p0_axi_wvalid_o)
        bus_while_decoupled = true;
    }
    undecoupled_cycle = tb.cycles();
  }
  ASSERT_TRUE(saw_decoupled);
  EXPECT_FALSE(bus_while_decoupled);
  EXPECT_GE(undecoupled_cycle - last_word_cycle, uint64_t(8)  /* PL_MOD_RESET_CYCLES */);
  // the frame finished with the old module, bit-exact
  EXPECT_EQ(tb.read(prr(0, PL_PRR_PROGRESS)), 1u);
  expect_frame(tb, 0, a, 0, kDst);
  EXPECT_EQ(tb.read(prr(0, PL_PRR_MODULE)) & 0x1FFu, 0x100u | PL_MOD_QAM64);
  EXPECT_TRUE(tb.irq() & (1u << PL_IRQ_PRR0_BIT));  // LOADED
  // and the new module works: a QAM64 frame
  Job b = make_qam_job(6, 600, 1, 4);
  load_input(tb, 0, b, kSrc);
  tb.write(prr(0, PL_PRR_FRAME_LEN), b.frame_len);
  tb.write(prr(0, PL_PRR_FRAMES), 1u);
  tb.write(prr(0, PL_PRR_PROC_STATUS), 1u);
  ASSERT_TRUE(tb.run_until([&] { return tb.read(prr(0, PL_PRR_PROC_STATUS)) & 0x200u; }, 100000));
  expect_frame(tb, 0, b, 0, kDst);
}

TEST(CtrlFrames, StartWhileDecoupledWaitsForModule) {
  pltb::Tb tb("ctrl_start_decoupled");
  tb.run(20);
  tb.write(prr(1, PL_PRR_PRR_STATUS), 0x101u);  // SWITCH: decouple
  tb.run(5);
  EXPECT_EQ(tb.read(prr(1, PL_PRR_RECO_RDY)), 1u);
  Job a = make_qam_job(6, 300, 2, 8);
  load_input(tb, 1, a, kSrc);
  tb.write(prr(1, PL_PRR_SRC_ADDR), kSrc);
  tb.write(prr(1, PL_PRR_DST_ADDR), kDst);
  tb.write(prr(1, PL_PRR_FRAME_LEN), a.frame_len);
  tb.write(prr(1, PL_PRR_FRAMES), a.frames);
  tb.write(prr(1, PL_PRR_PROC_STATUS), 1u);
  tb.run(500);
  EXPECT_EQ(tb.read(prr(1, PL_PRR_PROGRESS)), 0u);  // nothing runs while decoupled
  EXPECT_TRUE(tb.read(prr(1, PL_PRR_PROC_STATUS)) & PL_PRR_PROC_STATUS_PAUSED_MASK);
  tb.queue_simb(1, PL_MOD_QAM64, 50);
  ASSERT_TRUE(tb.run_until([&] { return tb.read(prr(1, PL_PRR_PROC_STATUS)) & 0x200u; }, 100000));
  EXPECT_EQ(tb.read(prr(1, PL_PRR_PRR_STATUS)), 0x1u);  // SWITCH cleared by the load
  for (unsigned f = 0; f < a.frames; f++) expect_frame(tb, 1, a, f, kDst);
}

TEST(CtrlFrames, DmaErrorEndsJobWithError) {
  axitb::AxiMemConfig mc;
  mc.base = kMemBase;
  mc.size = pltb::kMemSize;
  mc.err_lo = kDst;
  mc.err_hi = kDst + 0x100u;
  pltb::Tb tb("ctrl_dma_err", &mc);
  tb.run(20);
  Job a = make_qam_job(2, 640, 3, 2);
  load_input(tb, 0, a, kSrc);
  tb.write(mon(PL_MON_CONNECT), (1u << 24) | (0u << 16) | (0u << 8) | 0u);
  program_if(tb, 0, 0, a, kSrc, kDst);
  tb.write(ifw(0, 0, PL_IF_CTRL), PL_IF_CTRL_START_MASK | PL_IF_CTRL_IRQ_EN_MASK);
  ASSERT_TRUE(wait_prr0_irq(tb, 100000));
  uint32_t st = tb.read(ifw(0, 0, PL_IF_STATUS));
  EXPECT_TRUE(st & PL_IF_STATUS_ERROR_MASK);
  EXPECT_FALSE(st & PL_IF_STATUS_BUSY_MASK);
  EXPECT_EQ(tb.read(prr(0, PL_PRR_PROGRESS)), 1u);  // ended after the failing frame
  EXPECT_TRUE(tb.read(prr(0, PL_PRR_PROC_STATUS)) & PL_PRR_PROC_STATUS_ERROR_MASK);
  tb.write(ifw(0, 0, PL_IF_STATUS), PL_IF_STATUS_ERROR_MASK);
  EXPECT_FALSE(tb.irq() & (1u << PL_IRQ_PRR0_BIT));
}

// Mini-NOVA multi-path structure: QAM PRR0 streams through its FIFO and the
// crossbar into IFFT PRR2 (STREAM registers), no DMA between the two stages.
TEST(CtrlFrames, PipelinedQamToIfftThroughCrossbar) {
  pltb::Tb tb("ctrl_pipeline");
  tb.run(20);
  Job q = make_qam_job(2, 512, 3, 31);  // 256 QAM4 symbols per frame = one IFFT256 frame
  for (size_t i = 0; i < q.in.size(); i++) tb.mem(0).write32(kSrc + uint32_t(4 * i), q.in[i]);
  EXPECT_EQ(tb.read(PL_MAP_XBAR_BASE + PL_XBAR_CFG) & 0x3u, 0x1u);  // PRR0 -> PRR2
  tb.write(prr(2, PL_PRR_STREAM), PL_PRR_STREAM_IN_XBAR_MASK);
  tb.write(prr(2, PL_PRR_DST_ADDR), kDst);
  tb.write(prr(2, PL_PRR_FRAMES), q.frames);
  tb.write(prr(2, PL_PRR_PROC_STATUS), 1u);
  tb.write(prr(0, PL_PRR_STREAM), PL_PRR_STREAM_OUT_XBAR_MASK);
  tb.write(prr(0, PL_PRR_SRC_ADDR), kSrc);
  tb.write(prr(0, PL_PRR_FRAME_LEN), q.frame_len);
  tb.write(prr(0, PL_PRR_FRAMES), q.frames);
  tb.write(prr(0, PL_PRR_PROC_STATUS), 1u);
  ASSERT_TRUE(tb.run_until([&] { return tb.read(prr(2, PL_PRR_PROC_STATUS)) & 0x200u; }, 200000));
  EXPECT_TRUE(tb.read(prr(0, PL_PRR_PROC_STATUS)) & 0x200u);
  EXPECT_EQ(tb.chk(0).write_bursts(), 0u);  // QAM PRR wrote nothing to memory
  for (unsigned f = 0; f < q.frames; f++) {
    std::vector<uint32_t> sym(256), gold(256);
    ASSERT_EQ(pl_qam_map(2, q.frame_len, &q.in[f * q.in_words()], sym.data()), 256u);
    pl_ifft_run(8, sym.data(), gold.data());
    for (unsigned i = 0; i < 256; i++)
      ASSERT_EQ(tb.mem(2).read32(kDst + 4 * (f * 256 + i)), gold[i]) << "frame " << f << " i " << i;
  }
}

TEST(CtrlFrames, EnableZeroHoldsFrames) {
  pltb::Tb tb("ctrl_enable");
  tb.run(20);
  Job a = make_qam_job(4, 400, 2, 12);
  load_input(tb, 1, a, kSrc);
  tb.write(prr(1, PL_PRR_PRR_STATUS), 0u);  // PRR disabled
  tb.write(prr(1, PL_PRR_SRC_ADDR), kSrc);
  tb.write(prr(1, PL_PRR_DST_ADDR), kDst);
  tb.write(prr(1, PL_PRR_FRAME_LEN), a.frame_len);
  tb.write(prr(1, PL_PRR_FRAMES), a.frames);
  tb.write(prr(1, PL_PRR_PROC_STATUS), 1u);
  tb.run(2000);
  EXPECT_EQ(tb.read(prr(1, PL_PRR_PROGRESS)), 0u);
  EXPECT_TRUE(tb.read(prr(1, PL_PRR_PROC_STATUS)) & PL_PRR_PROC_STATUS_PAUSED_MASK);
  EXPECT_EQ(tb.chk(1).write_bursts(), 0u);
  tb.write(prr(1, PL_PRR_PRR_STATUS), 1u);
  ASSERT_TRUE(tb.run_until([&] { return tb.read(prr(1, PL_PRR_PROC_STATUS)) & 0x200u; }, 100000));
  for (unsigned f = 0; f < a.frames; f++) expect_frame(tb, 1, a, f, kDst);
}

}  // namespace

// DMA window (DMA_BASE..DMA_LIMIT, VDM only): a job whose frame would read or
// write outside it is refused at that frame boundary, without a bus access,
// with ERROR and DMA_STATUS[3]; frames inside it run normally; a guest cannot
// reach the window registers through its IF.
TEST(CtrlFrames, DmaWindowRefusesFramesOutside) {
  pltb::Tb tb("ctrl_dma_window");
  tb.run(20);
  EXPECT_EQ(tb.read(prr(0, PL_PRR_DMA_BASE)), PL_PRR_DMA_BASE_RESET);
  EXPECT_EQ(tb.read(prr(0, PL_PRR_DMA_LIMIT)), 0xFFFFFFFFu);
  Job j = make_qam_job(2, 640, 3, 11);
  load_input(tb, 0, j, kSrc);
  tb.write(mon(PL_MON_CONNECT), (1u << 24) | (0u << 16) | (0u << 8) | 0u);
  // The guest's IF offset 0x068 is not DMA_BASE (it forwards to 0x868).
  tb.write(ifw(0, 0, 0x068), 0x12345678u);
  EXPECT_EQ(tb.read(prr(0, PL_PRR_DMA_BASE)), PL_PRR_DMA_BASE_RESET);

  // 1. Window = the input only: the first frame's write is outside.
  const uint32_t in_bytes = uint32_t(4 * j.in.size());
  tb.write(prr(0, PL_PRR_DMA_BASE), kSrc);
  tb.write(prr(0, PL_PRR_DMA_LIMIT), kSrc + in_bytes - 1);
  program_if(tb, 0, 0, j, kSrc, kDst);
  tb.write(ifw(0, 0, PL_IF_CTRL), PL_IF_CTRL_START_MASK | PL_IF_CTRL_IRQ_EN_MASK);
  ASSERT_TRUE(wait_prr0_irq(tb, 1000));
  uint32_t st = tb.read(ifw(0, 0, PL_IF_STATUS));
  EXPECT_TRUE(st & PL_IF_STATUS_ERROR_MASK);
  EXPECT_FALSE(st & PL_IF_STATUS_BUSY_MASK);
  EXPECT_EQ(tb.read(prr(0, PL_PRR_PROGRESS)), 0u);
  EXPECT_EQ(tb.read(prr(0, PL_PRR_DMA_STATUS)) & 0xCu, 0x8u);  // window, not a bus error
  EXPECT_EQ(tb.chk(0).read_bursts_done(), 0u);
  EXPECT_EQ(tb.chk(0).write_bursts(), 0u);
  expect_untouched(tb, 0, j, 0, kDst);

  // 2. Window kSrc .. kSrc + 0x40000 - 1 with the output inside it and frame
  //    0's input at its top end: frame 0 runs, frame 1 (input from one byte
  //    past DMA_LIMIT) is refused at the frame boundary.
  const uint32_t frame_in_bytes = uint32_t(4 * j.in_words());
  const uint32_t src2 = kSrc + 0x40000u - frame_in_bytes, dst2 = kSrc + 0x20000u;
  for (size_t i = 0; i < j.in_words(); i++) tb.mem(0).write32(src2 + uint32_t(4 * i), j.in[i]);
  for (size_t i = 0; i < j.out_words() * j.frames; i++)
    tb.mem(0).write32(dst2 + uint32_t(4 * i), kPoison);
  tb.write(ifw(0, 0, PL_IF_STATUS), PL_IF_STATUS_ERROR_MASK);
  tb.write(prr(0, PL_PRR_DMA_LIMIT), kSrc + 0x40000u - 1);
  program_if(tb, 0, 0, j, src2, dst2);
  tb.write(ifw(0, 0, PL_IF_CTRL), PL_IF_CTRL_START_MASK | PL_IF_CTRL_IRQ_EN_MASK);
  EXPECT_EQ(tb.read(prr(0, PL_PRR_DMA_STATUS)) & 0x8u, 0u);  // START cleared it
  ASSERT_TRUE(wait_prr0_irq(tb, 100000));
  st = tb.read(ifw(0, 0, PL_IF_STATUS));
  EXPECT_TRUE(st & PL_IF_STATUS_ERROR_MASK);
  EXPECT_EQ(tb.read(prr(0, PL_PRR_PROGRESS)), 1u);
  EXPECT_EQ(tb.read(prr(0, PL_PRR_DMA_STATUS)) & 0xCu, 0x8u);
  expect_frame(tb, 0, j, 0, dst2);
  expect_untouched(tb, 0, j, 1, dst2);
  tb.chk(0).finish();
  EXPECT_TRUE(tb.chk(0).ok()) << tb.chk(0).report();
}
