// tb_harness.h - clocking and optional waveform dump for a verilated model in
// the dprsim RTL testbenches (header-only C++17).
//
// The model must have ports clk_i and rst_ni. One VerilatedContext per
// harness (no file-scope model state). Waveforms: when the environment
// variable DPRSIM_TRACE is set to anything but "0", the harness writes
// <name>.fst (into $DPRSIM_TRACE_DIR if set, else the working directory);
// the model must have been verilated with TRACE_FST.
//
// One cycle: cycle(pre, post)
//   pre()   sets the model's inputs for this cycle (clock low),
//   eval    settles combinational logic,
//   post()  samples handshakes / runs checkers on the settled values,
//   rising edge, eval, falling edge.
#ifndef TBH_TB_HARNESS_H
#define TBH_TB_HARNESS_H

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#include <verilated.h>
#if DPRSIM_TB_TRACE
#include <verilated_fst_c.h>
#endif

namespace tbh {

// True when DPRSIM_TRACE asks for a waveform.
inline bool trace_requested() {
  const char *t = std::getenv("DPRSIM_TRACE");
  return t != nullptr && t[0] != '\0' && std::strcmp(t, "0") != 0;
}

template <class Model>
class Harness {
 public:
  explicit Harness(const std::string &name) : ctx_(new VerilatedContext), name_(name) {
    ctx_->randReset(0);  // registers without reset start at 0 (deterministic)
#if DPRSIM_TB_TRACE
    if (trace_requested()) ctx_->traceEverOn(true);
#endif
    m_.reset(new Model(ctx_.get(), "top"));
#if DPRSIM_TB_TRACE
    if (trace_requested()) {
      tfp_.reset(new VerilatedFstC);
      m_->trace(tfp_.get(), 99);
      const char *dir = std::getenv("DPRSIM_TRACE_DIR");
      std::string path = (dir && *dir ? std::string(dir) + "/" : std::string()) + name_ + ".fst";
      tfp_->open(path.c_str());
    }
#endif
    m_->clk_i = 0;
    m_->rst_ni = 0;
    m_->eval();
  }

  ~Harness() {
#if DPRSIM_TB_TRACE
    if (tfp_) tfp_->close();
#endif
    m_->final();
  }

  Model *operator->() { return m_.get(); }
  Model &model() { return *m_; }
  uint64_t cycles() const { return cycles_; }

  template <class Pre, class Post>
  void cycle(Pre &&pre, Post &&post) {
    pre();
    m_->eval();
    post();
    dump(2 * cycles_);
    m_->clk_i = 1;
    m_->eval();
    dump(2 * cycles_ + 1);
    m_->clk_i = 0;
    m_->eval();
    cycles_++;
  }
  void cycle() {
    cycle([] {}, [] {});
  }

  // Hold rst_ni low for n cycles, then release it.
  void reset(unsigned n = 4) {
    m_->rst_ni = 0;
    for (unsigned i = 0; i < n; i++) cycle();
    m_->rst_ni = 1;
  }

 private:
  void dump(uint64_t t) {
#if DPRSIM_TB_TRACE
    if (tfp_) tfp_->dump(t);
#else
    (void)t;
#endif
  }

  std::unique_ptr<VerilatedContext> ctx_;
  std::unique_ptr<Model> m_;
#if DPRSIM_TB_TRACE
  std::unique_ptr<VerilatedFstC> tfp_;
#endif
  std::string name_;
  uint64_t cycles_ = 0;
};

}  // namespace tbh

#endif  // TBH_TB_HARNESS_H
