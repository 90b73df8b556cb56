/*
 * plat_observe.h - what the platform lets analyzers see of a run, without
 * touching the firmware (non-intrusive measurement).
 *
 * The CPU wrapper and the PL host call every registered Observer at the
 * simulated time of the happening (ps). Observers never change the run: they
 * only read. Analyzers (allocation latency, OFDM use case, waveform CPU
 * signals) are Observers; they turn what they saw into metrics
 * (plat_metrics.h) and Gantt spans (plat_gantt.h) in finish().
 *
 * Calls arrive in the order the platform evaluates them; CPU-side calls are
 * in CPU time order, PL-side calls in PL time order, but the two streams can
 * interleave out of order by up to one quantum (0 by default: exact).
 * An analyzer that correlates both sorts by time before it pairs things.
 */
#ifndef PLAT_OBSERVE_H
#define PLAT_OBSERVE_H

#include <cstdint>
#include <string>
#include <vector>

#include "plat_time.h"

namespace plat {

/** CPU state snapshot handed to CPU-side callbacks. */
struct CpuView {
    uint64_t cycle;        /**< CPU cycles since reset */
    uint32_t pc;           /**< address of the instruction concerned */
    unsigned mode;         /**< CPSR.M (0x10 USR, 0x13 SVC, ...) */
    unsigned asid;         /**< CONTEXTIDR[7:0] */
    uint32_t r[4];         /**< r0..r3 (arguments at a function-entry probe; the
                                hypercall number and arguments at an SVC) */
};

class Observer {
public:
    virtual ~Observer() = default;

    /** Which ELF symbols this observer wants PC probes on (entry of the function). */
    virtual std::vector<std::string> probe_symbols() const { return {}; }

    // ---- CPU side ----
    /** An exception is being taken; exc is arm_exception; from = the state before it.
     *  For data/prefetch aborts far/fsr are DFAR/DFSR (IFAR/IFSR). */
    virtual void on_exception(zynq_time_ps, const CpuView &/*from*/, unsigned /*exc*/,
                              uint32_t /*far*/, uint32_t /*fsr*/) {}
    /** CPSR.M changed (exception entry, exception return, CPS/MSR). */
    virtual void on_mode_change(zynq_time_ps, const CpuView &/*now*/, unsigned /*old_mode*/) {}
    /** CONTEXTIDR written (ASID switch). */
    virtual void on_asid_change(zynq_time_ps, const CpuView &/*now*/, unsigned /*old_asid*/) {}
    /** A probed symbol's entry is about to execute. */
    virtual void on_probe(zynq_time_ps, const CpuView &/*now*/, const std::string &/*symbol*/) {}
    /** A CPU access to the PL's GP0 window completed at time t (after the RTL's
     *  response): addr is the physical address, data the value written or read. */
    virtual void on_gp0(zynq_time_ps /*t*/, const CpuView &/*by*/, bool /*write*/, uint32_t /*addr*/,
                        uint32_t /*data*/) {}
    /** Every instruction (only when want_instructions() is true: slow path). */
    virtual bool want_instructions() const { return false; }
    virtual void on_instruction(zynq_time_ps, const CpuView &) {}
    /** The CPU enters / leaves WFI sleep. */
    virtual void on_wfi(zynq_time_ps, bool /*sleeping*/) {}

    // ---- PS devices ----
    /** DevCfg started a DMA command (src physical address, bytes) / finished one;
     *  pcfg_done when the configuration port reported the end of a bitstream. */
    virtual void on_devcfg_dma(zynq_time_ps, uint32_t /*src*/, uint32_t /*bytes*/) {}
    virtual void on_devcfg_done(zynq_time_ps, bool /*pcfg_done*/, uint32_t /*int_sts*/) {}
    /** One complete line written to UART1 (without the newline). */
    virtual void on_uart_line(zynq_time_ps, const std::string &/*line*/) {}

    // ---- PL side ----
    /** IRQ_F2P[15:0] changed. */
    virtual void on_irq_f2p(zynq_time_ps, uint32_t /*levels*/, uint64_t /*pl_cycle*/) {}
    /** cfg_port began / ended a SimB stream for (prr, module); status = cfg_port
     *  status code at the end (0 = loaded). */
    virtual void on_cfg_stream(zynq_time_ps, bool /*start*/, unsigned /*prr*/, unsigned /*module*/,
                               unsigned /*status*/, uint64_t /*pl_cycle*/) {}
    /** PRR prr finished a frame (the controller's PROGRESS advanced). */
    virtual void on_prr_frame(zynq_time_ps, unsigned /*prr*/, uint32_t /*progress*/, uint64_t /*pl_cycle*/) {}
    /** PRR prr started a frame (its controller issued the module's frame start);
     *  module = the module id loaded in the PRR (addition, plat-measure). */
    virtual void on_prr_frame_start(zynq_time_ps, unsigned /*prr*/, unsigned /*module*/,
                                    uint64_t /*pl_cycle*/) {}

    /** End of run: turn observations into metrics / spans. */
    virtual void finish(zynq_time_ps /*end*/) {}
};

} // namespace plat
#endif
