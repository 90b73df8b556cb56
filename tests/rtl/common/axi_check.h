// axi_check.h - AXI4 protocol checker on the pins of a verilated master and
// its slave (header-only C++17). Call sample() once per cycle, after the
// combinational settle and before the rising edge (see axi_mem.h).
//
// Rules checked (AMBA AXI4 spec IHI 0022):
//  - A3.2.1 handshake: once xVALID is high it stays high until xREADY; the
//    payload of AR, AW, W, R and B stays stable while xVALID && !xREADY.
//  - A3.4.1 bursts: AxBURST is INCR (or FIXED/WRAP if allowed), AxLEN + 1 is
//    at most max_beats (16 by default, the dprsim DMA limit; AXI4 allows 256
//    for INCR), AxSIZE does not exceed the 8-byte bus, an INCR burst does not
//    cross a 4 KiB boundary, a WRAP burst has 2/4/8/16 beats and an aligned
//    address.
//  - W: WLAST is high exactly on the last beat of the matching AW burst.
//  - R: a beat only for a requested read; RLAST exactly on its last beat.
//  - B: a response only after the AW and the last W beat of a burst.
// Violations are collected as messages (the first max_msgs are kept) and
// counted; finish() adds one for transactions left incomplete.
#ifndef AXITB_AXI_CHECK_H
#define AXITB_AXI_CHECK_H

#include <cstdint>
#include <deque>
#include <sstream>
#include <string>
#include <vector>

#include "axi_ports.h"

namespace axitb {

struct AxiCheckConfig {
  unsigned max_beats = 16;
  bool allow_fixed_wrap = false;
  unsigned bus_bytes = 8;
  size_t max_msgs = 20;
};

class AxiCheck {
 public:
  AxiCheck(const AxiPorts &p, const AxiCheckConfig &cfg = AxiCheckConfig()) : p_(p), cfg_(cfg) {}

  uint64_t violations() const { return count_; }
  bool ok() const { return count_ == 0; }
  const std::vector<std::string> &messages() const { return msgs_; }
  std::string report() const {
    std::ostringstream os;
    os << count_ << " AXI violation(s)";
    for (const auto &m : msgs_) os << "\n  " << m;
    return os.str();
  }

  void sample() {
    // ---- handshake stability ----------------------------------------------
    Chan ar{*p_.arvalid != 0, *p_.arready != 0,
            {*p_.araddr, *p_.arlen, *p_.arsize, *p_.arburst}};
    Chan aw{*p_.awvalid != 0, *p_.awready != 0,
            {*p_.awaddr, *p_.awlen, *p_.awsize, *p_.awburst}};
    Chan w{*p_.wvalid != 0, *p_.wready != 0,
           {*p_.wdata, *p_.wstrb, *p_.wlast}};
    Chan r{*p_.rvalid != 0, *p_.rready != 0,
           {*p_.rdata, *p_.rresp, *p_.rlast}};
    Chan b{*p_.bvalid != 0, *p_.bready != 0, {*p_.bresp}};
    stable("AR", ar, prev_ar_);
    stable("AW", aw, prev_aw_);
    stable("W", w, prev_w_);
    stable("R", r, prev_r_);
    stable("B", b, prev_b_);

    // ---- transactions -------------------------------------------------------
    if (ar.valid && ar.ready) {
      burst_ok("AR", *p_.araddr, *p_.arlen, *p_.arsize, *p_.arburst);
      reads_.push_back(unsigned(*p_.arlen) + 1);
    }
    if (r.valid && r.ready) {
      if (reads_.empty()) {
        fail("R beat without an outstanding read request");
      } else {
        r_beat_++;
        bool last = r_beat_ == reads_.front();
        if ((*p_.rlast != 0) != last)
          fail("RLAST " + std::to_string(*p_.rlast) + " on beat " + std::to_string(r_beat_) +
               " of a " + std::to_string(reads_.front()) + "-beat read");
        if (last) {
          reads_.pop_front();
          reads_total_++;
          r_beat_ = 0;
        }
      }
    }
    if (aw.valid && aw.ready) {
      burst_ok("AW", *p_.awaddr, *p_.awlen, *p_.awsize, *p_.awburst);
      aw_lens_.push_back(unsigned(*p_.awlen) + 1);
    }
    if (w.valid && w.ready) {
      w_beat_++;
      if (*p_.wlast) {
        w_lens_.push_back(w_beat_);
        w_beat_ = 0;
      } else if (!aw_lens_.empty() && w_lens_.size() < aw_lens_.size() &&
                 w_beat_ >= aw_lens_[w_lens_.size()]) {
        fail("WLAST missing on beat " + std::to_string(w_beat_) + " of a " +
             std::to_string(aw_lens_[w_lens_.size()]) + "-beat write");
      }
    }
    // pair W bursts with AW bursts in order
    while (w_checked_ < w_lens_.size() && w_checked_ < aw_lens_.size()) {
      if (w_lens_[w_checked_] != aw_lens_[w_checked_])
        fail("WLAST after " + std::to_string(w_lens_[w_checked_]) + " beats, AWLEN+1 = " +
             std::to_string(aw_lens_[w_checked_]));
      w_checked_++;
    }
    if (b.valid && b.ready) {
      if (b_count_ >= w_checked_) {
        fail("B response without a completed write burst");
      }
      b_count_++;
    }
    cycle_++;
  }

  // Call at the end of a test that expects all transactions complete.
  void finish() {
    if (!reads_.empty()) fail(std::to_string(reads_.size()) + " read burst(s) incomplete");
    if (w_lens_.size() != aw_lens_.size() || w_beat_ != 0)
      fail("write data incomplete: " + std::to_string(aw_lens_.size()) + " AW, " +
           std::to_string(w_lens_.size()) + " W bursts");
    if (b_count_ != aw_lens_.size())
      fail(std::to_string(aw_lens_.size() - b_count_) + " write response(s) missing");
  }

  uint64_t write_bursts() const { return aw_lens_.size(); }
  uint64_t read_bursts_done() const { return reads_total_; }

 private:
  struct Chan {
    bool valid, ready;
    std::vector<uint64_t> payload;
  };
  struct Prev {
    bool waiting = false;  // VALID && !READY in the previous cycle
    std::vector<uint64_t> payload;
  };

  void stable(const char *name, const Chan &c, Prev &prev) {
    if (prev.waiting) {
      if (!c.valid)
        fail(std::string(name) + "VALID dropped before " + name + "READY");
      else if (c.payload != prev.payload)
        fail(std::string(name) + " payload changed while " + name + "VALID && !" + name +
             "READY");
    }
    prev.waiting = c.valid && !c.ready;
    prev.payload = c.payload;
  }

  void burst_ok(const char *ch, uint32_t addr, unsigned len, unsigned size, unsigned burst) {
    std::string n(ch);
    unsigned beats = len + 1;
    uint32_t bytes = 1u << size;
    if (bytes > cfg_.bus_bytes) fail(n + "SIZE " + std::to_string(size) + " wider than the bus");
    if (burst == 1) {
      if (beats > cfg_.max_beats)
        fail(n + "LEN+1 = " + std::to_string(beats) + " > " + std::to_string(cfg_.max_beats));
      uint64_t first = addr;
      uint64_t last = (uint64_t(addr) & ~uint64_t(bytes - 1)) + uint64_t(beats) * bytes - 1;
      if ((first >> 12) != (last >> 12)) {
        std::ostringstream os;
        os << n << " burst at 0x" << std::hex << addr << " of " << std::dec << beats
           << " beats crosses a 4 KiB boundary";
        fail(os.str());
      }
    } else if (!cfg_.allow_fixed_wrap) {
      fail(n + "BURST " + std::to_string(burst) + " not INCR");
    } else if (burst == 2) {
      if (!(beats == 2 || beats == 4 || beats == 8 || beats == 16))
        fail(n + " WRAP burst of " + std::to_string(beats) + " beats");
      if (addr & (bytes - 1)) fail(n + " WRAP burst with unaligned address");
    } else if (burst == 3) {
      fail(n + "BURST reserved value 3");
    }
    if (burst == 0 && beats > 16) fail(n + " FIXED burst longer than 16 beats");
  }

  void fail(const std::string &m) {
    count_++;
    if (msgs_.size() < cfg_.max_msgs) msgs_.push_back("cycle " + std::to_string(cycle_) + ": " + m);
  }

  AxiPorts p_;
  AxiCheckConfig cfg_;
  uint64_t cycle_ = 0;
  uint64_t count_ = 0;
  std::vector<std::string> msgs_;
  Prev prev_ar_, prev_aw_, prev_w_, prev_r_, prev_b_;
  std::deque<unsigned> reads_;
  unsigned r_beat_ = 0;
  uint64_t reads_total_ = 0;
  std::vector<unsigned> aw_lens_, w_lens_;
  size_t w_checked_ = 0;
  unsigned w_beat_ = 0;
  uint64_t b_count_ = 0;
};

}  // namespace axitb

#endif  // AXITB_AXI_CHECK_H
