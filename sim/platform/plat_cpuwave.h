/*
 * plat_cpuwave.h - the firmware's symbols for one run, and the CPU signals
 * of the waveform (issue 5, item 6).
 *
 * SymbolTable: the code symbols of every ELF image of a run (the
 * hypervisor, the VDM, ...), merged and sorted by address. Index 0 is "no
 * symbol"; symbol i >= 1 is the i-th by address. It answers "which
 * function holds this PC" (events.log, the waveform) and "where does this
 * function start" (PC probes, plat_observe.h).
 *
 * CpuWave: an Observer that samples the CPU at instruction granularity
 * (want_instructions(): the ISS's trace path, only when a waveform is
 * written) and passes each change of CPSR.M, CONTEXTIDR.ASID or firmware
 * function, with the PC where it happened, to a sink (PlHost's waveform:
 * cpu.mode, cpu.asid, cpu.func, cpu.pc, plat_trace.h). Mode changes and
 * ASID writes are also taken from their own callbacks, so a change shows
 * at the exact time even between two instructions.
 *
 * Translate filter: write_filter() writes a gtkwave "Translate Filter
 * File" (one line "<decimal index> <name>", the value as gtkwave prints
 * cpu.func in decimal) so that gtkwave shows function names.
 */
#ifndef PLAT_CPUWAVE_H
#define PLAT_CPUWAVE_H

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "plat_observe.h"

namespace plat {

class SymbolTable {
public:
    /** Add one code symbol (address with the Thumb bit cleared; size 0 = unknown). */
    void add(uint32_t addr, uint32_t size, const std::string &name);
    /** Sort and index; call once after the last add(). */
    void finalize();
    /**
     * Index (>= 1) of the symbol holding addr: the nearest at or below it
     * whose known size covers addr, or without a size not farther than
     * kUnsizedSpan; 0 when none. *off = addr - its address.
     */
    unsigned lookup(uint32_t addr, uint32_t *off = nullptr) const;
    /** Name of index i ("" for 0 or out of range). */
    const std::string &name(unsigned i) const;
    /** Start address and end (exclusive) of index i's code range as lookup() sees it. */
    void range(unsigned i, uint32_t *lo, uint32_t *hi) const;
    /** Address of the first symbol called `name`; false when there is none. */
    bool find(const std::string &name, uint32_t *addr) const;
    /** "name+0xOFF" (or "name") of addr, "" when no symbol holds it. */
    std::string describe(uint32_t addr) const;
    size_t size() const { return syms_.size(); }
    /** The translate-filter file for cpu.func (see above). False + *err on I/O failure. */
    bool write_filter(const std::string &path, std::string *err) const;

    /** A symbol without a size holds at most this many bytes after its address. */
    static constexpr uint32_t kUnsizedSpan = 0x10000;

private:
    struct Sym {
        uint32_t addr, size;
        std::string name;
    };
    std::vector<Sym> syms_;   // sorted by address after finalize()
};

class CpuWave : public Observer {
public:
    /** (time, pc, mode, asid, func index) of a change. */
    using Sink = std::function<void(zynq_time_ps, uint32_t, unsigned, unsigned, unsigned)>;
    CpuWave(const SymbolTable &syms, Sink sink) : syms_(syms), sink_(std::move(sink)) {}

    bool want_instructions() const override { return true; }
    void on_instruction(zynq_time_ps t, const CpuView &v) override;
    void on_mode_change(zynq_time_ps t, const CpuView &v, unsigned old_mode) override;
    void on_asid_change(zynq_time_ps t, const CpuView &v, unsigned old_asid) override;

    uint64_t changes() const { return changes_; }

private:
    void sample(zynq_time_ps t, uint32_t pc, unsigned mode, unsigned asid, bool know_func);
    const SymbolTable &syms_;
    Sink sink_;
    unsigned mode_ = 0, asid_ = 0, func_ = 0;
    bool started_ = false;
    uint32_t lo_ = 1, hi_ = 0;   // code range of func_ (empty: look up)
    uint64_t changes_ = 0;
};

} // namespace plat
#endif
