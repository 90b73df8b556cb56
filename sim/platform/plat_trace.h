/*
 * plat_trace.h - the waveform of the PL: the RTL signals of the Verilated
 * pl_top dumped with Verilator's own tracer, at the platform's picosecond
 * time.
 *
 * Time: the PL is clocked only while it is active (plat_pl.h), so the dump
 * is made at every evaluated PL cycle with its absolute time: the inputs of
 * cycle c and the falling edge at zynq_cycle_time(fclk0, c), the rising
 * edge half a period later. Skipped idle cycles are not in the file (no
 * signal changes there, the clock shows no edges). A last dump at the end
 * of the run makes the file's end time the simulated time. Timescale 1 ps.
 *
 * Formats: the model library (tests/rtl, pl_top_vmodel) is verilated with
 * TRACE_FST only, so FST is written and VCD is refused with a clear
 * message. The FST header holds a creation date; it is overwritten with a
 * fixed text after closing so that two runs give byte-identical files.
 *
 * CPU-side signals (scope "cpu"):
 *  - the last exception, set at the exception's time: exc[2:0]
 *    (arm_exception: 1 UNDEF, 2 SVC, 3 PABT, 4 DABT, 5 IRQ, 6 FIQ),
 *    exc_pc[31:0] (PC of the instruction that caused it, the next one for
 *    IRQ/FIQ), exc_mode[4:0] (CPSR.M it was taken from) and
 *    exc_count[31:0] (exceptions so far);
 *  - the CPU's state (plat_cpuwave.h, sampled at instruction granularity,
 *    written when one of these changes): mode[4:0] (CPSR.M), asid[7:0]
 *    (CONTEXTIDR.ASID = the running EC: the VM id, 0 the VDM; hv_abi.h),
 *    func[15:0] (index of the firmware function in the run's symbol table,
 *    0 = none; names in the translate-filter file written beside the
 *    waveform, see plat_cpuwave.h) and pc[31:0] (the PC of the instruction
 *    at which the change happened).
 * The CPU runs ahead of the PL, so these are queued and written when the
 * PL's dumps reach their time; one that falls before the last PL dump (less
 * than half a PL cycle) shows at the next dump.
 */
#ifndef PLAT_TRACE_H
#define PLAT_TRACE_H

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "plat_time.h"

class Vtb_pl_top;   // the Verilated model (tests/rtl)

namespace plat {

enum class TraceFormat { None, Fst, Vcd };

/** "fst" / "vcd" / "none" -> format; false for anything else. */
inline bool trace_parse_format(const std::string &s, TraceFormat *f)
{
    if (s == "fst") *f = TraceFormat::Fst;
    else if (s == "vcd") *f = TraceFormat::Vcd;
    else if (s == "none") *f = TraceFormat::None;
    else return false;
    return true;
}

/**
 * True when this build can write format f; otherwise *why is the one-line
 * message without the "dprsim: " prefix (e.g. "--trace vcd: this build
 * traces FST only").
 */
inline bool trace_format_supported(TraceFormat f, std::string *why)
{
    if (f == TraceFormat::None) return true;
#if DPRSIM_HAVE_PL
    if (f == TraceFormat::Vcd) {
        *why = "--trace vcd: this build traces FST only";
        return false;
    }
    return true;
#else
    *why = std::string("--trace ") + (f == TraceFormat::Fst ? "fst" : "vcd") +
           ": this build has no PL co-simulation to trace";
    return false;
#endif
}

/** An open waveform of the PL model (exists only with the PL co-simulation). */
class PlWave {
public:
    /**
     * Attach Verilator's tracer to `model` (whose context must have had
     * traceEverOn(true) before the model was built) and open `path`.
     * Returns nullptr and sets *err on failure.
     */
    static std::unique_ptr<PlWave> open(Vtb_pl_top *model, TraceFormat f, const std::string &path,
                                        std::string *err);
    ~PlWave();
    /** Dump the model's current values at time t (ignored unless t is later than the last dump). */
    void dump(zynq_time_ps t);
    /** Queue a CPU exception at time t (see above); written by flush_cpu/close. */
    void cpu_exception(zynq_time_ps t, unsigned exc, uint32_t pc, unsigned from_mode);
    /** Queue a CPU state change at time t (see above). */
    void cpu_state(zynq_time_ps t, uint32_t pc, unsigned mode, unsigned asid, unsigned func);
    /**
     * Write the queued CPU exceptions and state changes up to time t (call before evaluating
     * the PL for its dump at t: those at t go out with that dump).
     */
    void flush_cpu(zynq_time_ps t);
    /** Last dump time. */
    zynq_time_ps last() const { return last_; }
    /** Final dump at t (if later), close the file, make the header deterministic. */
    bool close(zynq_time_ps t, std::string *err);

private:
    PlWave() = default;
    struct Impl;
    std::unique_ptr<Impl> impl_;
    struct CpuExc {
        zynq_time_ps t;
        uint32_t exc, pc, mode;
        bool state;                 /**< a state change (pc, mode, asid, func), not an exception */
        uint32_t asid, func;
    };
    std::string path_;
    std::vector<CpuExc> cpu_q_;     /**< queued, in time order */
    size_t cpu_next_ = 0;
    CpuExc cpu_{0, 0, 0, 0, false, 0, 0};  /**< last exception in the waveform now */
    CpuExc st_{0, 0, 0, 0, true, 0, 0};    /**< CPU state in the waveform now (mode 0: not sampled) */
    uint32_t cpu_count_ = 0;
    uint32_t cpu_code_ = 0;         /**< first trace code of the cpu scope */
    zynq_time_ps last_ = 0;
    bool dumped_ = false;
    bool closed_ = false;
};

} // namespace plat
#endif
