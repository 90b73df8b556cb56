// pl_tb.h - testbench driver for the whole PL (tb_pl_top = pl_top with the
// per-PRR AXI masters split out). Header-only C++17, used by the
// test_pl_top_*, test_monitor_*, test_cfg_* and test_ctrl_* testbenches.
//
// Per cycle: the four AXI memories (one per PRR, common/axi_mem.h) and
// protocol checkers (common/axi_check.h) run, the PCAP word queue is offered
// to cfg_port, and the AXI4-Lite master (M_AXI_GP0 side) advances.
// Register accesses block: write()/read() run cycles until the response.
// Waveforms: DPRSIM_TRACE=1 writes <name>.fst (common/tb_harness.h).
#ifndef DPRSIM_TESTS_RTL_PL_TB_H
#define DPRSIM_TESTS_RTL_PL_TB_H

#include <cstdint>
#include <deque>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "Vtb_pl_top.h"
#include "axi_check.h"
#include "axi_mem.h"
#include "dprsim_pl_regs.h"
#include "simb.h"
#include "tb_harness.h"

namespace pltb {

constexpr unsigned kPrrs = 4;
constexpr uint32_t kMemBase = 0x00100000u;  // each PRR's memory window (DDR view)
constexpr uint32_t kMemSize = 1u << 20;

inline uint32_t mon(uint32_t off) { return PL_MAP_MON_BASE + off; }
inline uint32_t cfg(uint32_t off) { return PL_MAP_CFG_BASE + off; }
inline uint32_t prr(unsigned n, uint32_t off) { return PL_MAP_PRR(n) + off; }
inline uint32_t ifw(unsigned vm, unsigned dev, uint32_t off) {
  return PL_MAP_IF(vm * 8u + dev) + off;
}

class Tb {
 public:
  explicit Tb(const std::string &name, const axitb::AxiMemConfig *mcfg = nullptr) : h_(name) {
    axitb::AxiMemConfig c;
    c.base = kMemBase;
    c.size = kMemSize;
    if (mcfg) c = *mcfg;
    for (unsigned n = 0; n < kPrrs; n++) {
      axitb::AxiPorts p = bind(n);
      c.seed = 11 + n;
      mem_.emplace_back(new axitb::AxiMem(p, c));
      chk_.emplace_back(new axitb::AxiCheck(p));
    }
    h_.reset();
  }

  Vtb_pl_top *m() { return &h_.model(); }
  axitb::AxiMem &mem(unsigned n) { return *mem_.at(n); }
  axitb::AxiCheck &chk(unsigned n) { return *chk_.at(n); }
  uint64_t cycles() const { return h_.cycles(); }
  uint16_t irq() { return h_->irq_o; }
  uint64_t pcap_accepted() const { return pcap_taken_; }
  std::deque<uint32_t> &pcap() { return pcap_; }
  // Offer a PCAP word only every `period` cycles (1 = every cycle).
  void set_pcap_period(unsigned period) { pcap_period_ = period ? period : 1; }
  void set_pcap_abort(bool a) { abort_ = a; }

  // One clock cycle with everything attached.
  void step() {
    h_.cycle(
        [&] {
          for (auto &mm : mem_) mm->drive();
          bool offer = !pcap_.empty() && (h_.cycles() % pcap_period_) == 0;
          h_->pcap_valid_i = offer;
          h_->pcap_data_i = offer ? pcap_.front() : 0u;
          h_->pcap_abort_i = abort_;
          drive_lite();
        },
        [&] {
          for (auto &c : chk_) c->sample();
          for (auto &mm : mem_) mm->sample();
          if (h_->pcap_valid_i && h_->pcap_ready_o) {
            pcap_.pop_front();
            pcap_taken_++;
          }
          sample_lite();
        });
  }
  void run(uint64_t n) {
    for (uint64_t i = 0; i < n; i++) step();
  }
  // Run until pred() or n cycles; returns true when pred() held.
  template <class P>
  bool run_until(P pred, uint64_t n) {
    for (uint64_t i = 0; i < n; i++) {
      if (pred()) return true;
      step();
    }
    return pred();
  }

  // AXI4-Lite write; returns BRESP.
  unsigned write(uint32_t addr, uint32_t data) {
    op_ = Op::kWrite;
    addr_ = addr;
    data_ = data;
    aw_done_ = false;
    resp_done_ = false;
    for (int i = 0; i < 1000 && !resp_done_; i++) step();
    if (!resp_done_) throw std::runtime_error("AXI-Lite write timeout");
    op_ = Op::kNone;
    return resp_;
  }
  // AXI4-Lite read; *resp gets RRESP when not null.
  uint32_t read(uint32_t addr, unsigned *resp = nullptr) {
    op_ = Op::kRead;
    addr_ = addr;
    aw_done_ = false;
    resp_done_ = false;
    for (int i = 0; i < 1000 && !resp_done_; i++) step();
    if (!resp_done_) throw std::runtime_error("AXI-Lite read timeout");
    op_ = Op::kNone;
    if (resp) *resp = resp_;
    return rdata_;
  }

  // Queue a SimB for (prr, module, payload words) on the PCAP stream.
  void queue_simb(unsigned prr_id, unsigned module, uint32_t payload,
                  pl_simb_corrupt corrupt = PL_SIMB_OK) {
    std::vector<uint32_t> w(payload + PL_SIMB_OVERHEAD + 8);
    size_t n = pl_simb_build(w.data(), w.size(), prr_id, module, payload, corrupt);
    if (n == 0) throw std::runtime_error("simb build");
    pcap_.insert(pcap_.end(), w.begin(), w.begin() + static_cast<long>(n));
  }

 private:
  enum class Op { kNone, kWrite, kRead };

  axitb::AxiPorts bind(unsigned n) {
    axitb::AxiPorts p;
    Vtb_pl_top *mm = &h_.model();
    switch (n) {
      case 0: AXITB_BIND_PORTS(p, mm, p0_axi_); break;
      case 1: AXITB_BIND_PORTS(p, mm, p1_axi_); break;
      case 2: AXITB_BIND_PORTS(p, mm, p2_axi_); break;
      default: AXITB_BIND_PORTS(p, mm, p3_axi_); break;
    }
    return p;
  }

  void drive_lite() {
    h_->s_axi_awvalid_i = op_ == Op::kWrite && !aw_done_;
    h_->s_axi_wvalid_i = op_ == Op::kWrite && !aw_done_;
    h_->s_axi_awaddr_i = addr_;
    h_->s_axi_wdata_i = data_;
    h_->s_axi_wstrb_i = 0xF;
    h_->s_axi_bready_i = op_ == Op::kWrite && aw_done_;
    h_->s_axi_arvalid_i = op_ == Op::kRead && !aw_done_;
    h_->s_axi_araddr_i = addr_;
    h_->s_axi_rready_i = op_ == Op::kRead && aw_done_;
  }
  void sample_lite() {
    if (op_ == Op::kWrite) {
      if (!aw_done_ && h_->s_axi_awready_o && h_->s_axi_wready_o) aw_done_ = true;
      else if (aw_done_ && h_->s_axi_bvalid_o) {
        resp_ = h_->s_axi_bresp_o;
        resp_done_ = true;
      }
    } else if (op_ == Op::kRead) {
      if (!aw_done_ && h_->s_axi_arready_o) aw_done_ = true;
      else if (aw_done_ && h_->s_axi_rvalid_o) {
        resp_ = h_->s_axi_rresp_o;
        rdata_ = h_->s_axi_rdata_o;
        resp_done_ = true;
      }
    }
  }

  tbh::Harness<Vtb_pl_top> h_;
  std::vector<std::unique_ptr<axitb::AxiMem>> mem_;
  std::vector<std::unique_ptr<axitb::AxiCheck>> chk_;
  std::deque<uint32_t> pcap_;
  uint64_t pcap_taken_ = 0;
  unsigned pcap_period_ = 1;
  bool abort_ = false;
  Op op_ = Op::kNone;
  uint32_t addr_ = 0, data_ = 0, rdata_ = 0;
  unsigned resp_ = 0;
  bool aw_done_ = false, resp_done_ = false;
};

}  // namespace pltb

#endif  // DPRSIM_TESTS_RTL_PL_TB_H
