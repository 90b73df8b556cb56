/*
 * plat_pl.h - the PL co-simulation: the Verilated pl_top (tests/rtl
 * tb_pl_top wrapper, library pl_top_vmodel) hosted inside the platform as a
 * plain C++ model in a SystemC module.
 *
 *   CPU --TLM b_transport--> Router --[0x40000000, +1 GiB)--> PlHost.socket
 *        (M_AXI_GP0 bridge: one AXI4-Lite transaction on the model's pins)
 *   DevCfg --PCAP word (PcapSink)--> one-word slot --> cfg_port stream
 *   PRR n AXI4 master --(S_AXI_HP bridge, per PL cycle)--> DDR/OCM host memory
 *   irq_o[7:0] -> GIC 61..68, irq_o[15:8] -> GIC 84..91 (UG585 table 7-4)
 *
 * Time (plat_time.h): the PL clock is FCLK0 (Timing::fclk0_hz); PL cycle c
 * starts at zynq_cycle_time(fclk0_hz, c) ps. The model is clocked lazily and
 * in batches: advance(t) runs every cycle that starts before t, but
 * only while the PL is active. It is active from any stimulus (a GP0 write,
 * a PCAP word, an AXI transaction on S_AXI_HP, an IRQ_F2P change) until
 * an idle window of consecutive cycles passes without any; idle cycles
 * after that are skipped (not clocked: the model keeps its state, its
 * cycle-count registers do not count them). The window
 * (Timing::pl_idle_cycles, default 32,768) is longer than anything the RTL
 * does without a visible sign (a whole IFFT8192 frame is 24,619 cycles;
 * a Monitor re-search <= 230; a module reset 8). The one longer internal
 * wait is cfg_port's TRUNCATED timeout (TIMEOUT register, 65,536 cycles by
 * default) inside an unfinished bitstream: while the last word cfg_port took
 * was not DESYNC, the window is at least TIMEOUT + 64 cycles (GP0 writes to
 * TIMEOUT are tracked). So no internal event of the RTL is lost by skipping.
 *
 * Where the CPU and the PL meet:
 *  - GP0 access at CPU local time t: every PS device and the PL are brought
 *    to t, then the transaction is driven on the pins from the PL cycle of t
 *    and the cycles it takes are returned as annotated delay. SLVERR/DECERR
 *    become TLM_GENERIC_ERROR_RESPONSE / TLM_ADDRESS_ERROR_RESPONSE (the CPU
 *    takes an external abort). Only 32-bit accesses reach the pins (the PL
 *    decodes 32-bit registers only, rtl/README.md); narrower reads read the
 *    word, narrower writes are refused (TLM error).
 *  - IRQ_F2P: a change of irq_o is given to the GIC in the PL cycle it
 *    happens. While the CPU sleeps in WFI the PL runs on its own
 *    (sleep_run) and the CPU wakes in the cycle the line changed (exact).
 *    While the CPU runs, its run budget ends at most Timing::pl_batch_cycles
 *    PL cycles ahead of the PL (next_event()), so a running CPU sees a PL
 *    interrupt at most one batch after the cycle it rose (the largest such
 *    delay is measured: PlStats::irq_delay_max_ps).
 *  - PCAP: a word the DevCfg offers at time t enters a one-word slot that
 *    cfg_port drains (pcap_valid/pcap_ready); a word offered while the slot
 *    is full is refused (back-pressure, the DevCfg retries one word time
 *    later).
 *  - Observers (Board::observers(), plat_observe.h): IRQ_F2P changes (the
 *    time the new levels hold), SimB streams (start: the time cfg_port took
 *    the sync word, reported once the header named the PRR and module; end:
 *    cfg_port's LOADS or ERRORS counter moved, with ERROR.CODE), PRR frame
 *    starts (controller state IDLE -> FRAME, with the loaded module) and
 *    frame ends (PROGRESS + 1 out of the FRAME state; a PROGRESS the VDM
 *    restores by a register write is not a frame). The few RTL registers
 *    this needs are read from the Verilated model's root (never written).
 *  - S_AXI_HP: each PRR master is served from the platform's memory by a
 *    host pointer (Board::ram_ptr) with fixed latencies (parameters, not
 *    measured: read data 4 cycles after AR, write response 2 cycles after the
 *    last W beat); an address outside DDR/OCM answers DECERR.
 */
#ifndef PLAT_PL_H
#define PLAT_PL_H

#include <cstdint>
#include <memory>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

#include "plat_board.h"
#include "plat_events.h"
#include "plat_time.h"
#include "plat_trace.h"

namespace plat {

/** Base and size of the M_AXI_GP0 window the PL answers (UG585 ch. 4). */
constexpr uint32_t kPlGp0Base = 0x40000000u;
constexpr uint32_t kPlGp0Size = 0x40000000u;

/** Counters of one PL co-simulation run (`--stats`). */
struct PlStats {
    uint64_t cycles_clocked = 0;    /**< PL cycles evaluated */
    uint64_t cycles_skipped = 0;    /**< idle PL cycles not evaluated */
    uint64_t gp0_reads = 0, gp0_writes = 0;
    uint64_t gp0_errors = 0;        /**< SLVERR/DECERR/refused narrow writes */
    uint64_t gp0_cycles = 0;        /**< PL cycles spent in GP0 transactions */
    uint64_t pcap_words = 0;        /**< words taken by cfg_port */
    uint64_t pcap_refused = 0;      /**< offers refused (slot full) */
    uint64_t hp_read_beats = 0, hp_write_beats = 0, hp_errors = 0;
    uint64_t irq_changes = 0;       /**< IRQ_F2P level changes */
    zynq_time_ps irq_delay_max_ps = 0; /**< largest rise -> CPU-visible delay */
};

class PlHpPort;

/**
 * The PL as a SystemC module: a TLM target for M_AXI_GP0, the PCAP sink of
 * the DevCfg and a PlAgent of the board (advance / next_event).
 */
class PlHost : public sc_core::sc_module, public PcapSink, public PlAgent {
public:
    tlm_utils::simple_target_socket<PlHost> socket;

    /** Builds the model and holds it in reset for 4 cycles (at time 0). */
    PlHost(sc_core::sc_module_name n, Board &board, const Timing &timing);
    ~PlHost() override;

    // PcapSink
    bool word(uint32_t word, zynq_time_ps t) override;
    // PlAgent
    void advance(zynq_time_ps t) override;
    zynq_time_ps next_event() const override;
    zynq_time_ps sleep_run(zynq_time_ps limit) override;
    /** FCLK_RESET0_N: held asserts rst_ni (a reset of kResetCycles edges,
     *  then the PL stays frozen and unclocked, PCAP words are refused);
     *  release deasserts it at time t. */
    void set_reset(bool held, zynq_time_ps t) override;

    const PlStats &stats() const { return stats_; }
    /** PL cycle the model is at (clocked + skipped). */
    uint64_t cycle() const { return cycle_; }

    /** Report IRQ_F2P changes, cfg_port streams and GP0 errors to `log` (nullptr: none). */
    void set_events(EventLog *log) { events_ = log; }
    /**
     * Dump the RTL signals into a waveform from now on (plat_trace.h).
     * Returns false and sets *err (one line) on failure.
     */
    bool open_wave(TraceFormat f, const std::string &path, std::string *err);
    /** A CPU exception for the waveform's cpu scope (plat_trace.h); ignored without a waveform. */
    void wave_cpu_exception(zynq_time_ps t, unsigned exc, uint32_t pc, unsigned from_mode)
    {
        if (wave_) wave_->cpu_exception(t, exc, pc, from_mode);
    }
    /** A CPU state change for the waveform's cpu scope (plat_cpuwave.h); ignored without a waveform. */
    void wave_cpu_state(zynq_time_ps t, uint32_t pc, unsigned mode, unsigned asid, unsigned func)
    {
        if (wave_) wave_->cpu_state(t, pc, mode, asid, func);
    }
    bool has_wave() const { return wave_ != nullptr; }
    /** End the waveform at time t (the end of the run); true if none is open. */
    bool close_wave(zynq_time_ps t, std::string *err);

private:
    void b_transport(tlm::tlm_generic_payload &p, sc_core::sc_time &delay);
    /** One AXI4-Lite transaction on the pins; returns the response code
     *  (0 OKAY, 2 SLVERR, 3 DECERR) or -1 on a timeout. */
    int lite(bool write, uint32_t addr, uint32_t *data);
    /** One PL cycle with everything attached (lite: the GP0 master state). */
    void step();
    zynq_time_ps cycle_time(uint64_t c) const
    {
        // An exact period (FCLK0 divides 1 THz, e.g. the 100 MHz default):
        // one multiplication instead of zynq_cycle_time's division.
        zynq_time_ps r;
        if (period_ps_) return __builtin_mul_overflow(c, period_ps_, &r) ? ZYNQ_TIME_NEVER : r;
        return zynq_cycle_time(timing_.fclk0_hz, c);
    }
    /** Number of cycles that start before t (cycle c starts at cycle_time(c)). */
    uint64_t cycles_before(zynq_time_ps t) const;
    /** FCLK0 period in ps when it is a whole number (1e12 % fclk0_hz == 0), else 0. */
    zynq_time_ps period_ps_ = 0;

    struct Model;
    std::unique_ptr<Model> m_;
    /** Observers (Board::observers()): what the PL did in the cycle just clocked. */
    void observe_cycle(uint64_t c);
    struct Taps;
    std::unique_ptr<Taps> taps_;
    std::unique_ptr<PlHpPort> hp_[4];
    Board &board_;
    Timing timing_;
    uint64_t cycle_ = 0;            /**< next cycle to run */
    uint64_t idle_left_ = 0;        /**< active while > 0 */
    uint32_t done_loads_ = 0;       /**< cfg_port LOADS when DONE was last raised */
    bool held_ = false;             /**< FCLK_RESET0_N asserted (SLCR FPGA_RST_CTRL) */
    bool gp0_closed_noted_ = false; /**< the GP0-closed explanation was printed */
    /** Idle window now: longer while a bitstream may be open in cfg_port. */
    uint64_t idle_window() const;
    bool slot_full_ = false;        /**< PCAP word waiting for cfg_port */
    bool stream_open_ = false;      /**< last word cfg_port took was not DESYNC */
    uint32_t cfg_timeout_ = 0x10000;/**< cfg_port TIMEOUT (tracked GP0 writes) */
    uint32_t slot_ = 0;
    uint16_t irq_ = 0;              /**< last irq_o given to the GIC */
    zynq_time_ps irq_rise_ps_ = 0;  /**< earliest rise not yet seen by the CPU */
    bool irq_rise_pending_ = false;
    // GP0 master state while a transaction runs
    enum class LiteOp { None, Write, Read } op_ = LiteOp::None;
    uint32_t op_addr_ = 0, op_data_ = 0, op_rdata_ = 0;
    unsigned op_resp_ = 0;
    bool op_addr_done_ = false, op_done_ = false;
    PlStats stats_;
    EventLog *events_ = nullptr;
    std::unique_ptr<PlWave> wave_;
    uint64_t stream_words_ = 0;     /**< words of the open cfg_port stream (events) */
    // Observer state (plat_observe.h)
    unsigned cfg_idx_ = 0;          /**< index of the next word in the open SimB stream */
    uint32_t cfg_prr_ = 0;          /**< header word 3 of the open stream */
    zynq_time_ps cfg_t0_ = 0;       /**< time its sync word was taken */
    uint64_t cfg_c0_ = 0;
    uint32_t cfg_loads_ = 0, cfg_errors_ = 0;
    uint32_t prr_progress_[4] = {};
    uint8_t prr_state_[4] = {};
};

} // namespace plat

#endif
