// pl_bench - figures of the PL datapath RTL, measured by running the
// verilated models (plain Verilator C++, no SystemC):
//   1. simulation speed: PL cycles per wall-clock second for each model;
//   2. frame times: cycles from frame_start to frame_done of rm_qam for an
//      18,800-bit frame (each order) and of rm_ifft for one N-point frame
//      (each size), input always valid and output always ready, converted to
//      ms at the PL clock (100 MHz by default), printed beside the Mini-NOVA
//      Table 5 figures (seeds/mininova-dpr-microkernel.txt: QAM 0.09-0.03 ms,
//      IFFT 0.006-0.168 ms per frame).
//   3. the speed of the whole PL (pl_top with its four PRRs busy) on the
//      RTL testbench of tests/rtl (pl_tb.h), i.e. the RTL without the
//      platform around it.
// Every output frame is also checked against the golden models, so a figure is
// never printed for a wrong result. It prints figures and never judges time.
//
// Usage: pl_bench [--clock-mhz F] [--speed-cycles N] [--frame-bits L]
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "Vprr_dma.h"
#include "Vrm_ifft.h"
#include "Vrm_qam.h"
#include "Vtb_xbar_top.h"
#include "axi_mem.h"
#include "ifft_golden.h"
#include "pl_tb.h"
#include "qam_golden.h"
#include "tb_harness.h"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// Run one frame through a reconfigurable module (every RM has the same
// ports); returns cycles from the frame_start cycle to frame_done.
// variant: QAM bits/symbol or IFFT log2 N; frame_len: QAM bits (IFFT: 0).
template <typename Model>
uint64_t rm_frame(tbh::Harness<Model> &h, unsigned variant, uint32_t frame_len,
                  const std::vector<uint32_t> &in, std::vector<uint32_t> &out) {
  size_t idx = 0;
  bool first = true, done = false;
  uint64_t t0 = h.cycles(), t = 0;
  out.clear();
  while (!done) {
    h.cycle(
        [&] {
          h->variant_i = variant;
          h->frame_len_i = frame_len;
          h->frame_start_i = first;
          h->s_valid_i = !first && idx < in.size();
          h->s_data_i = idx < in.size() ? in[idx] : 0;
          h->m_ready_i = 1;
        },
        [&] {
          if (h->s_valid_i && h->s_ready_o) idx++;
          if (h->m_valid_o && h->m_ready_i) out.push_back(h->m_data_o);
          if (h->frame_done_o) {
            done = true;
            t = h.cycles() - t0;
          }
        });
    first = false;
  }
  return t;
}

bool same(const std::vector<uint32_t> &a, const std::vector<uint32_t> &b) { return a == b; }

// One frame of an RM fed and drained by prr_dma through the AXI memory model,
// as in a PRR: the DMA read engine streams in_words words from 0x1000 into the
// RM, the write engine stores out_words words at 0x100000. The two models are
// stepped together; their stream ports are joined in C++ (no combinational
// path runs through both, so one extra eval per cycle settles them). Returns
// the cycles from the start pulses to the last of RM frame_done and
// wr_done; out receives the words written to memory.
template <class Rm>
uint64_t dma_frame(tbh::Harness<Vprr_dma> &dh, axitb::AxiMem &mem, tbh::Harness<Rm> &rh,
                   unsigned variant, uint32_t frame_len, const std::vector<uint32_t> &in,
                   size_t out_words, std::vector<uint32_t> &out) {
  Vprr_dma &d = dh.model();
  Rm &rm = rh.model();
  for (size_t i = 0; i < in.size(); i++) mem.write32(0x1000 + 4 * uint32_t(i), in[i]);
  bool rm_done = false, wr_done = false;
  uint64_t c = 0;
  for (; !(rm_done && wr_done); c++) {
    bool first = (c == 0);
    d.rd_start_i = first;
    d.rd_addr_i = 0x1000;
    d.rd_len_i = uint32_t(in.size());
    d.wr_start_i = first;
    d.wr_addr_i = 0x100000;
    d.wr_len_i = uint32_t(out_words);
    rm.variant_i = variant;
    rm.frame_len_i = frame_len;
    rm.frame_start_i = first;
    mem.drive();
    d.eval();
    rm.s_data_i = d.rd_data_o;
    rm.s_valid_i = d.rd_valid_o;
    rm.m_ready_i = d.wr_ready_o;
    rm.eval();
    d.rd_ready_i = rm.s_ready_o;
    d.wr_data_i = rm.m_data_o;
    d.wr_valid_i = rm.m_valid_o;
    d.eval();
    mem.sample();
    if (d.wr_done_o) wr_done = true;
    if (rm.frame_done_o) rm_done = true;
    d.clk_i = 1;
    rm.clk_i = 1;
    d.eval();
    rm.eval();
    d.clk_i = 0;
    rm.clk_i = 0;
    d.eval();
    rm.eval();
  }
  out.resize(out_words);
  for (size_t i = 0; i < out_words; i++) out[i] = mem.read32(0x100000 + 4 * uint32_t(i));
  return c;
}

}  // namespace

int main(int argc, char **argv) {
  double mhz = 100.0;
  uint64_t speed_cycles = 2000000;
  uint32_t frame_bits = 18800;
  for (int i = 1; i < argc; i++) {
    if (!std::strcmp(argv[i], "--clock-mhz") && i + 1 < argc) {
      mhz = std::atof(argv[++i]);
    } else if (!std::strcmp(argv[i], "--speed-cycles") && i + 1 < argc) {
      speed_cycles = std::strtoull(argv[++i], nullptr, 0);
    } else if (!std::strcmp(argv[i], "--frame-bits") && i + 1 < argc) {
      frame_bits = uint32_t(std::strtoul(argv[++i], nullptr, 0));
    } else {
      std::fprintf(stderr, "usage: %s [--clock-mhz F] [--speed-cycles N] [--frame-bits L]\n",
                   argv[0]);
      return 2;
    }
  }
  const double ms_per_cycle = 1e-3 / mhz;
  std::mt19937 rng(2014);
  bool all_ok = true;

  // -------------------------------------------------------------------------
  std::printf("PL datapath benchmark (verilated RTL, plain C++), PL clock %.1f MHz\n\n", mhz);
  std::printf("QAM mapper rm_qam, one %u-bit frame, input always valid, output always ready\n",
              frame_bits);
  std::printf("  %-8s %8s %10s %10s %10s   %s\n", "order", "symbols", "cycles", "ms",
              "cyc/sym", "bit-exact");
  {
    tbh::Harness<Vrm_qam> h("pl_bench_qam");
    h.reset();
    std::vector<uint32_t> in(pl_qam_in_words(frame_bits)), out;
    for (auto &w : in) w = rng();
    for (unsigned k : {2u, 4u, 6u}) {
      std::vector<uint32_t> gold(pl_qam_out_symbols(k, frame_bits));
      pl_qam_map(k, frame_bits, in.data(), gold.data());
      uint64_t c = rm_frame(h, k, frame_bits, in, out);
      bool ok = same(out, gold);
      all_ok &= ok;
      std::printf("  %-8s %8zu %10llu %10.4f %10.3f   %s\n",
                  (std::to_string(1u << k) + "-QAM").c_str(), gold.size(),
                  (unsigned long long)c, c * ms_per_cycle, double(c) / gold.size(),
                  ok ? "yes" : "NO");
    }
  }
  std::printf("  Mini-NOVA Table 5, HW QAM (4/16/64): 0.09 - 0.03 ms per frame\n\n");

  // -------------------------------------------------------------------------
  std::printf("IFFT rm_ifft, one N-point frame, input always valid, output always ready\n");
  std::printf("  %-8s %10s %10s %10s   %s\n", "N", "cycles", "ms", "cyc/N", "bit-exact");
  {
    tbh::Harness<Vrm_ifft> h("pl_bench_ifft");
    h.reset();
    for (unsigned n = 8; n <= 13; n++) {
      std::vector<uint32_t> in(size_t(1) << n), out, gold(size_t(1) << n);
      std::uniform_int_distribution<int> d(-16384, 16383);
      for (auto &w : in) w = (uint32_t(uint16_t(d(rng))) << 16) | uint16_t(d(rng));
      pl_ifft_run(n, in.data(), gold.data());
      uint64_t c = rm_frame(h, n, 0, in, out);
      bool ok = same(out, gold);
      all_ok &= ok;
      std::printf("  %-8u %10llu %10.4f %10.3f   %s\n", 1u << n, (unsigned long long)c,
                  c * ms_per_cycle, double(c) / (1u << n), ok ? "yes" : "NO");
    }
  }
  std::printf("  Mini-NOVA Table 5, HW IFFT (256-8192): 0.006 - 0.168 ms per frame\n\n");

  // -------------------------------------------------------------------------
  const unsigned lat = 16;
  std::printf("Same frames in a PRR: prr_dma reads the input from memory and writes the output\n"
              "back over AXI4 (64-bit, bursts <= 16); AXI memory model: %u-cycle read latency,\n"
              "no back-pressure (a model parameter, not a Zynq HP-port figure)\n", lat);
  std::printf("  %-8s %10s %10s %10s   %s\n", "module", "words in", "cycles", "ms",
              "bit-exact");
  {
    axitb::AxiMemConfig cfg;
    cfg.size = 1u << 21;
    cfg.read_latency = lat;
    cfg.write_latency = lat / 2;
    tbh::Harness<Vprr_dma> dh("pl_bench_dma_qam");
    axitb::AxiPorts p;
    AXITB_BIND_PORTS(p, &dh.model(), m_axi_);
    axitb::AxiMem mem(p, cfg);
    tbh::Harness<Vrm_qam> rh("pl_bench_dma_qam_rm");
    dh.reset();
    rh.reset();
    std::vector<uint32_t> in(pl_qam_in_words(frame_bits)), out;
    for (auto &w : in) w = rng();
    for (unsigned k : {2u, 4u, 6u}) {
      std::vector<uint32_t> gold(pl_qam_out_symbols(k, frame_bits));
      pl_qam_map(k, frame_bits, in.data(), gold.data());
      uint64_t c = dma_frame(dh, mem, rh, k, frame_bits, in, gold.size(), out);
      bool ok = same(out, gold);
      all_ok &= ok;
      std::printf("  %-8s %10zu %10llu %10.4f   %s\n",
                  (std::to_string(1u << k) + "-QAM").c_str(), in.size(),
                  (unsigned long long)c, c * ms_per_cycle, ok ? "yes" : "NO");
    }
  }
  {
    axitb::AxiMemConfig cfg;
    cfg.size = 1u << 21;
    cfg.read_latency = lat;
    cfg.write_latency = lat / 2;
    tbh::Harness<Vprr_dma> dh("pl_bench_dma_ifft");
    axitb::AxiPorts p;
    AXITB_BIND_PORTS(p, &dh.model(), m_axi_);
    axitb::AxiMem mem(p, cfg);
    tbh::Harness<Vrm_ifft> rh("pl_bench_dma_ifft_rm");
    dh.reset();
    rh.reset();
    for (unsigned n = 8; n <= 13; n++) {
      std::vector<uint32_t> in(size_t(1) << n), out, gold(size_t(1) << n);
      std::uniform_int_distribution<int> dd(-16384, 16383);
      for (auto &w : in) w = (uint32_t(uint16_t(dd(rng))) << 16) | uint16_t(dd(rng));
      pl_ifft_run(n, in.data(), gold.data());
      uint64_t c = dma_frame(dh, mem, rh, n, 0, in, gold.size(), out);
      bool ok = same(out, gold);
      all_ok &= ok;
      std::printf("  %-8s %10zu %10llu %10.4f   %s\n",
                  ("IFFT" + std::to_string(1u << n)).c_str(), in.size(),
                  (unsigned long long)c, c * ms_per_cycle, ok ? "yes" : "NO");
    }
  }
  std::printf("\n");

  // -------------------------------------------------------------------------
  std::printf("Simulation speed: PL cycles per wall-clock second (%llu cycles each)\n",
              (unsigned long long)speed_cycles);
  {
    // QAM mapper streaming frames back to back
    tbh::Harness<Vrm_qam> h("pl_bench_speed_qam");
    h.reset();
    auto t0 = Clock::now();
    uint64_t frames = 0;
    for (uint64_t c = 0; c < speed_cycles; c++) {
      h.cycle(
          [&] {
            h->variant_i = 4;
            h->frame_len_i = frame_bits;
            h->frame_start_i = !h->busy_o;
            h->s_valid_i = 1;
            h->s_data_i = uint32_t(c * 2654435761u);
            h->m_ready_i = 1;
          },
          [&] { frames += h->frame_done_o; });
    }
    double s = seconds_since(t0);
    std::printf("  %-34s %12.0f cycles/s (%llu frames)\n", "rm_qam (16-QAM, streaming)",
                speed_cycles / s, (unsigned long long)frames);
  }
  // IFFT: the largest size (all 13 stages active) and 1024 points (the size
  // of the pl_top line below and of tests/sim/fw/pl_busy.c, 10 stages)
  for (unsigned n : {13u, 10u}) {
    tbh::Harness<Vrm_ifft> h("pl_bench_speed_ifft" + std::to_string(1u << n));
    h.reset();
    auto t0 = Clock::now();
    uint64_t frames = 0;
    for (uint64_t c = 0; c < speed_cycles; c++) {
      h.cycle(
          [&] {
            h->variant_i = n;
            h->frame_start_i = !h->busy_o;
            h->s_valid_i = 1;
            h->s_data_i = uint32_t(c * 2654435761u);
            h->m_ready_i = 1;
          },
          [&] { frames += h->frame_done_o; });
    }
    double s = seconds_since(t0);
    std::printf("  %-34s %12.0f cycles/s (%llu frames)\n",
                ("rm_ifft (" + std::to_string(1u << n) + " points, streaming)").c_str(),
                speed_cycles / s, (unsigned long long)frames);
  }
  {
    tbh::Harness<Vprr_dma> h("pl_bench_speed_dma");
    axitb::AxiPorts p;
    AXITB_BIND_PORTS(p, &h.model(), m_axi_);
    axitb::AxiMemConfig cfg;
    cfg.size = 1u << 20;
    axitb::AxiMem mem(p, cfg);
    h.reset();
    auto t0 = Clock::now();
    uint64_t words = 0;
    for (uint64_t c = 0; c < speed_cycles; c++) {
      h.cycle(
          [&] {
            h->rd_start_i = !h->rd_busy_o;
            h->rd_addr_i = 0x1000;
            h->rd_len_i = 4096;
            h->rd_ready_i = 1;
            h->wr_start_i = !h->wr_busy_o;
            h->wr_addr_i = 0x80000;
            h->wr_len_i = 4096;
            h->wr_valid_i = 1;
            h->wr_data_i = uint32_t(c);
            mem.drive();
          },
          [&] {
            mem.sample();
            words += h->rd_valid_o && h->rd_ready_i;
          });
    }
    double s = seconds_since(t0);
    std::printf("  %-34s %12.0f cycles/s (%.2f read words/cycle)\n",
                "prr_dma (+ AXI memory model)", speed_cycles / s, double(words) / speed_cycles);
  }
  {
    tbh::Harness<Vtb_xbar_top> h("pl_bench_speed_path");
    h.reset();
    auto t0 = Clock::now();
    for (uint64_t c = 0; c < speed_cycles; c++) {
      h.cycle(
          [&] {
            h->q0_variant_i = 2;
            h->q0_frame_len_i = 2 * 1024;
            h->q0_frame_start_i = (c % 4096) == 0;
            h->q0_s_valid_i = 1;
            h->q0_s_data_i = uint32_t(c * 2654435761u);
            h->q1_variant_i = 4;
            h->q1_frame_len_i = 4 * 1024;
            h->q1_frame_start_i = (c % 4096) == 0;
            h->q1_s_valid_i = 1;
            h->q1_s_data_i = uint32_t(c * 40503u);
            h->f0_variant_i = 10;
            h->f0_frame_start_i = (c % 4096) == 1;
            h->f0_m_ready_i = 1;
            h->f1_variant_i = 10;
            h->f1_frame_start_i = (c % 4096) == 1;
            h->f1_m_ready_i = 1;
          },
          [] {});
    }
    double s = seconds_since(t0);
    std::printf("  %-34s %12.0f cycles/s\n", "2xQAM->FIFO->xbar->2xIFFT path", speed_cycles / s);
  }

  {
    // The whole PL (tb_pl_top, the model dprsim hosts): the four PRRs run
    // jobs with their power-on modules (QAM4, QAM16, IFFT256, IFFT1024), as
    // tests/sim/fw/pl_busy.c does in `dprsim boot`, here on the RTL
    // testbench (tests/rtl/pl_tb.h: AXI memories and protocol checkers on
    // the four masters, three evaluations per cycle), without the platform.
    const uint64_t n = speed_cycles / 10;
    axitb::AxiMemConfig mc;
    mc.base = pltb::kMemBase;
    mc.size = 16u << 20;   // room for every frame of n cycles
    pltb::Tb tb("pl_bench_speed_pl_top", &mc);
    for (unsigned p = 0; p < pltb::kPrrs; p++) {
      tb.write(pltb::prr(p, PL_PRR_SRC_ADDR), pltb::kMemBase);
      tb.write(pltb::prr(p, PL_PRR_DST_ADDR), pltb::kMemBase + 0x100000u);
      tb.write(pltb::prr(p, PL_PRR_FRAMES), 0xFFFFFFu);
    }
    for (unsigned p = 0; p < pltb::kPrrs; p++)
      tb.write(pltb::prr(p, PL_PRR_PROC_STATUS), PL_PRR_PROC_STATUS_START_MASK);
    auto t0 = Clock::now();
    tb.run(n);
    double s = seconds_since(t0);
    uint32_t frames = 0;
    bool ok = true;
    for (unsigned p = 0; p < pltb::kPrrs; p++) {
      uint32_t prog = tb.read(pltb::prr(p, PL_PRR_PROGRESS));
      uint32_t dma = tb.read(pltb::prr(p, PL_PRR_DMA_STATUS));
      frames += prog;
      if (prog == 0 || (dma & 4u)) ok = false;   // no frame, or DMA_STATUS.ERR
    }
    if (!ok) {
      std::printf("  pl_top: a PRR made no progress or saw a DMA error\n");
      all_ok = false;
    }
    std::printf("  %-34s %12.0f cycles/s (%llu cycles, %u frames)\n",
                "pl_top, 4 PRRs busy (RTL testbench)", n / s, (unsigned long long)n, frames);
  }

  if (!all_ok) {
    std::printf("\nERROR: an RTL result differed from the golden model\n");
    return 1;
  }
  return 0;
}
