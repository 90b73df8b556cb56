// axi_mem.h - AXI4 slave memory model driving the pins of a verilated master.
//
// Header-only C++17. Models a memory behind an AXI4 slave port with 64-bit
// data (the Zynq S_AXI_HP width): INCR, FIXED and WRAP bursts of any length,
// any AxSIZE up to 8 bytes, WSTRB, multiple outstanding transactions (served
// in order: all transactions use ID 0), a configurable response latency and
// seeded random back-pressure on every channel:
//   - ARREADY / AWREADY / WREADY are high each cycle with probability
//     ready_prob;
//   - RVALID / BVALID are raised, once a response is due, with probability
//     valid_prob per cycle, and are then held with stable payload until
//     accepted (as AXI requires, A3.2.1).
// Addresses inside [err_lo, err_hi) answer SLVERR (reads return 0, writes are
// dropped); addresses outside the memory answer DECERR.
//
// Cycle protocol (same for AxiCheck), per clock cycle of the model:
//   mem.drive();          // set slave outputs for this cycle (clk low)
//   model->eval();        // settle the master's combinational outputs
//   chk.sample();         // optional protocol checker
//   mem.sample();         // take this cycle's handshakes (VALID && READY)
//   clk = 1; model->eval(); clk = 0; model->eval();
#ifndef AXITB_AXI_MEM_H
#define AXITB_AXI_MEM_H

#include <cstdint>
#include <cstring>
#include <deque>
#include <random>
#include <stdexcept>
#include <vector>

#include "axi_ports.h"

namespace axitb {

struct AxiMemConfig {
  uint32_t base = 0;          // first byte address of the memory
  uint32_t size = 1u << 20;   // bytes
  unsigned read_latency = 4;  // cycles from AR handshake to the first R beat
  unsigned write_latency = 2; // cycles from the last W beat to BVALID
  double ready_prob = 1.0;    // probability of xREADY high in a cycle
  double valid_prob = 1.0;    // probability of raising a due RVALID/BVALID
  uint32_t seed = 1;
  uint32_t err_lo = 0;        // SLVERR window [err_lo, err_hi); empty if equal
  uint32_t err_hi = 0;
};

class AxiMem {
 public:
  AxiMem(const AxiPorts &p, const AxiMemConfig &cfg)
      : p_(p), cfg_(cfg), rng_(cfg.seed), mem_(cfg.size, 0) {}

  // ---- host-side access (no simulated time) -------------------------------
  uint8_t *data() { return mem_.data(); }
  uint32_t read32(uint32_t addr) const {
    uint32_t v;
    std::memcpy(&v, &mem_.at(off(addr, 4)), 4);
    return v;
  }
  void write32(uint32_t addr, uint32_t v) { std::memcpy(&mem_.at(off(addr, 4)), &v, 4); }
  void fill(uint8_t v) { std::fill(mem_.begin(), mem_.end(), v); }

  // ---- statistics ----------------------------------------------------------
  uint64_t read_bursts = 0, read_beats = 0, write_bursts = 0, write_beats = 0;
  uint64_t error_responses = 0;

  // True when no transaction is in progress.
  bool idle() const { return rq_.empty() && awq_.empty() && wq_.empty() && bq_.empty(); }

  // ---- per-cycle interface -------------------------------------------------
  void drive() {
    *p_.arready = coin(cfg_.ready_prob);
    *p_.awready = coin(cfg_.ready_prob);
    *p_.wready = coin(cfg_.ready_prob);

    // R channel: present the head beat once due; hold it, with the data read
    // at presentation, until accepted.
    if (!r_presenting_ && !rq_.empty() && rq_.front().due <= cycle_ && coin(cfg_.valid_prob)) {
      r_presenting_ = true;
      ReadBurst &b = rq_.front();
      uint32_t a = beat_addr(b.addr, b.len, b.size, b.burst, b.beat);
      r_resp_ = resp_for(a);
      r_data_ = 0;
      if (r_resp_ == kOkay) std::memcpy(&r_data_, &mem_[(a & ~7u) - cfg_.base], 8);
      r_last_ = (b.beat == b.len);
    }
    if (r_presenting_) {
      *p_.rdata = r_data_;
      *p_.rresp = r_resp_;
      *p_.rlast = r_last_;
      *p_.rvalid = 1;
    } else {
      *p_.rvalid = 0;
      *p_.rlast = 0;
      *p_.rresp = 0;
      *p_.rdata = 0;
    }

    if (!b_presenting_ && !bq_.empty() && bq_.front().due <= cycle_ && coin(cfg_.valid_prob))
      b_presenting_ = true;
    if (b_presenting_) {
      *p_.bvalid = 1;
      *p_.bresp = bq_.front().resp;
    } else {
      *p_.bvalid = 0;
      *p_.bresp = 0;
    }
  }

  void sample() {
    if (*p_.arvalid && *p_.arready) {
      rq_.push_back({*p_.araddr, *p_.arlen, *p_.arsize, *p_.arburst, 0,
                     cycle_ + cfg_.read_latency});
      read_bursts++;
    }
    if (r_presenting_ && *p_.rready) {
      ReadBurst &b = rq_.front();
      if (*p_.rresp != kOkay) error_responses++;
      read_beats++;
      if (b.beat == b.len) {
        rq_.pop_front();
      } else {
        b.beat++;
      }
      r_presenting_ = false;
    }
    if (*p_.awvalid && *p_.awready) {
      awq_.push_back({*p_.awaddr, *p_.awlen, *p_.awsize, *p_.awburst, 0, kOkay});
      write_bursts++;
    }
    if (*p_.wvalid && *p_.wready) {
      wq_.push_back({*p_.wdata, *p_.wstrb, *p_.wlast != 0});
      write_beats++;
    }
    // apply W beats to the oldest open AW burst (W may precede AW)
    while (!awq_.empty() && !wq_.empty()) {
      WriteBurst &b = awq_.front();
      WBeat w = wq_.front();
      wq_.pop_front();
      uint32_t a = beat_addr(b.addr, b.len, b.size, b.burst, b.beat);
      uint8_t resp = resp_for(a);
      if (resp == kOkay) {
        uint32_t lane0 = a & ~7u;
        for (unsigned i = 0; i < 8; i++)
          if (w.strb & (1u << i)) mem_[lane0 - cfg_.base + i] = uint8_t(w.data >> (8 * i));
      } else if (b.resp == kOkay) {
        b.resp = resp;
      }
      if (b.beat == b.len) {
        bq_.push_back({b.resp, cycle_ + cfg_.write_latency});
        awq_.pop_front();
      } else {
        b.beat++;
      }
    }
    if (b_presenting_ && *p_.bready) {
      if (bq_.front().resp != kOkay) error_responses++;
      bq_.pop_front();
      b_presenting_ = false;
    }
    cycle_++;
  }

 private:
  struct ReadBurst {
    uint32_t addr;
    uint8_t len, size, burst;
    unsigned beat;
    uint64_t due;
  };
  struct WriteBurst {
    uint32_t addr;
    uint8_t len, size, burst;
    unsigned beat;
    uint8_t resp;
  };
  struct WBeat {
    uint64_t data;
    uint8_t strb;
    bool last;
  };
  struct BResp {
    uint8_t resp;
    uint64_t due;
  };

  bool coin(double p) {
    if (p >= 1.0) return true;
    return std::uniform_real_distribution<double>(0.0, 1.0)(rng_) < p;
  }

  size_t off(uint32_t addr, uint32_t n) const {
    if (addr < cfg_.base || uint64_t(addr) + n > uint64_t(cfg_.base) + cfg_.size)
      throw std::out_of_range("AxiMem host access outside memory");
    return addr - cfg_.base;
  }

  uint8_t resp_for(uint32_t a) const {
    uint32_t lane0 = a & ~7u;
    if (lane0 < cfg_.base || uint64_t(lane0) + 8 > uint64_t(cfg_.base) + cfg_.size) return kDecErr;
    if (a >= cfg_.err_lo && a < cfg_.err_hi) return kSlvErr;
    return kOkay;
  }

  // Address of beat n of a burst (AXI4 spec A3.4.1).
  static uint32_t beat_addr(uint32_t addr, unsigned len, unsigned size, unsigned burst,
                            unsigned n) {
    uint32_t bytes = 1u << size;
    uint32_t aligned = addr & ~(bytes - 1);
    switch (burst) {
      case 0:  // FIXED
        return addr;
      case 2: {  // WRAP
        uint32_t total = bytes * (len + 1);
        uint32_t lower = addr & ~(total - 1);
        return lower + ((aligned - lower + n * bytes) % total);
      }
      default:  // INCR
        return n == 0 ? addr : aligned + n * bytes;
    }
  }

  AxiPorts p_;
  AxiMemConfig cfg_;
  std::mt19937 rng_;
  std::vector<uint8_t> mem_;
  uint64_t cycle_ = 0;
  std::deque<ReadBurst> rq_;
  std::deque<WriteBurst> awq_;
  std::deque<WBeat> wq_;
  std::deque<BResp> bq_;
  bool r_presenting_ = false;
  uint64_t r_data_ = 0;   // beat on R while r_presenting_
  uint8_t r_resp_ = 0;
  bool r_last_ = false;
  bool b_presenting_ = false;
};

}  // namespace axitb

#endif  // AXITB_AXI_MEM_H
