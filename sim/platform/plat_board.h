/*
 * plat_board.h - the Zynq-7000 PS of dprsim as plain C++ (no SystemC):
 * memories, the zynq_ps device models, their interrupt wiring to the GIC,
 * the address map and the PCAP sink hook point.
 *
 * The SystemC layer (plat_sc.h) wraps this: it turns the address map into
 * TLM targets and drives time. Everything here is testable without SystemC.
 *
 * Ownership: the board owns the device structs and the memories (DDR is an
 * anonymous mapping, zero-filled lazily). Time: every device is advanced
 * with zynq_dev_advance() before it is accessed (the contract of zynq_dev.h).
 */
#ifndef PLAT_BOARD_H
#define PLAT_BOARD_H

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "plat_observe.h"
#include "plat_time.h"

extern "C" {
#include "devcfg.h"
#include "gic.h"
#include "gtimer.h"
#include "l2c.h"
#include "scu.h"
#include "scutimer.h"
#include "scuwdt.h"
#include "slcr.h"
#include "ttc.h"
#include "uart.h"
}

namespace plat {

/** Physical memory map (UG585 ch. 4, DESIGN.md). */
constexpr uint32_t kDdrBase = 0x00000000u;
constexpr uint32_t kDdrSize = 512u << 20;   /**< 512 MiB default */
constexpr uint32_t kOcmBase = 0xFFFC0000u;
constexpr uint32_t kOcmSize = 256u << 10;   /**< 256 KiB */
constexpr uint32_t kL2cBase = 0xF8F02000u;  /**< PL310 L2 cache controller */
constexpr uint32_t kL2cSize = 0x1000u;

/**
 * Where the PCAP word stream of the DevCfg goes (the PL configuration port
 * once the PL co-simulation is attached). word() returns false to refuse the
 * word: the DevCfg model then treats it as back-pressure and offers it again
 * one word time later.
 */
class PcapSink {
public:
    virtual ~PcapSink() = default;
    virtual bool word(uint32_t word, zynq_time_ps t) = 0;
};

/**
 * The sink used while no PL is attached: it refuses every word (the DevCfg
 * stalls, as a real PCAP with no configuration logic behind it would never
 * complete) and says so once in the log.
 */
class NoPlPcapSink : public PcapSink {
public:
    explicit NoPlPcapSink(std::function<void(const std::string &)> log)
        : log_(std::move(log)) {}
    bool word(uint32_t word, zynq_time_ps t) override;
    uint64_t refused() const { return refused_; }
private:
    std::function<void(const std::string &)> log_;
    uint64_t refused_ = 0;
};

/**
 * The PL co-simulation as seen by the board (plat_pl.h): a timed agent
 * brought to the CPU's time with the PS devices (after them, so that PCAP
 * words the DevCfg sends up to that time reach it first) and whose next
 * event bounds the CPU's run budget.
 */
class PlAgent {
public:
    virtual ~PlAgent() = default;
    /** Run the PL up to time t (never backwards). */
    virtual void advance(zynq_time_ps t) = 0;
    /** Earliest time the PL needs to run again (ZYNQ_TIME_NEVER when idle). */
    virtual zynq_time_ps next_event() const = 0;
    /**
     * The CPU sleeps (WFI) and no PS device has an event before `limit`: run
     * the PL toward `limit` (ZYNQ_TIME_NEVER: no bound) and stop right after
     * the cycle in which an IRQ_F2P line changes, so that the CPU wakes in
     * that cycle. Returns the time reached (the PL's time, <= limit).
     */
    virtual zynq_time_ps sleep_run(zynq_time_ps limit) = 0;
    /**
     * FCLK_RESET0_N (SLCR FPGA_RST_CTRL bit 0, UG585 B.28) changed at time
     * t: `held` true asserts the PL's reset and keeps it asserted (the PL is
     * not clocked meanwhile), false releases it.
     */
    virtual void set_reset(bool held, zynq_time_ps t) = 0;
};

/**
 * The analyzers watching a run (plat_observe.h), in registration order, not
 * owned. The CPU wrapper, the board and the PL host call them; an empty set
 * costs one test per call site.
 */
class ObserverSet {
public:
    void add(Observer *o)
    {
        list_.push_back(o);
        if (o->want_instructions()) want_insn_ = true;
    }
    bool empty() const { return list_.empty(); }
    /** Some observer wants on_instruction (the ISS's slow trace path). */
    bool want_instructions() const { return want_insn_; }
    const std::vector<Observer *> &list() const { return list_; }
    /** Call f(Observer &) on each, in registration order. */
    template <class F> void each(F &&f) const
    {
        for (Observer *o : list_) f(*o);
    }

private:
    std::vector<Observer *> list_;
    bool want_insn_ = false;
};

/** One device window of the address map. */
struct MapEntry {
    const char *name;
    uint32_t base;
    uint32_t size;
    zynq_dev *dev;
};

class Board {
public:
    /** Log sink: one line (no newline) per guest error / unimplemented / info. */
    using LogFn = std::function<void(zynq_log_kind, const std::string &)>;
    /** UART1 transmit: one byte at time t. */
    using ByteFn = std::function<void(uint8_t, zynq_time_ps)>;
    /** nIRQ of CPU 0 changed. */
    using LevelFn = std::function<void(int)>;

    Board(const Timing &timing, LogFn log);
    ~Board();
    Board(const Board &) = delete;
    Board &operator=(const Board &) = delete;

    /** State the first-stage boot loader leaves: SLCR clocks, UART1 115200
     *  8N1 with TX/RX on, PL out of reset, level shifters on, DevCfg with
     *  PROG_B/INIT/DONE high. Without this call the board has reset values. */
    void fsbl_state();

    void set_uart1_tx(ByteFn fn) { uart1_tx_ = std::move(fn); }
    void set_uart0_tx(ByteFn fn) { uart0_tx_ = std::move(fn); }
    /** UART1 receive line: called at the simulated time t when the next
     *  character can arrive (one character time apart at the programmed
     *  baud, uart.h); returns the byte (0..255), -1 for "none yet" or
     *  UART_RX_EOF when the input has ended. Empty function: idle line. */
    using RxFn = std::function<int(zynq_time_ps)>;
    void set_uart1_rx(RxFn fn);
    void set_nirq(LevelFn fn) { nirq_fn_ = std::move(fn); }
    /** Attach the PCAP sink (not owned); nullptr = the built-in NoPlPcapSink. */
    void set_pcap_sink(PcapSink *sink) { pcap_sink_ = sink ? sink : &no_pl_; }
    /** Attach the PL agent (not owned); nullptr = no PL. With a PL the
     *  DevCfg's DONE pin (INT_STS.PCFG_DONE, STATUS) is the PL's
     *  (devcfg_pl_done), not the end of the PCAP DMA. */
    void set_pl(PlAgent *pl);
    /**
     * DONE of the PL's configuration port: low while a SimB stream is being
     * loaded, high again when cfg_port has installed it (LOADS counted); a
     * rejected SimB leaves it low until a later load succeeds. It reaches
     * the DevCfg at the DevCfg's current time (at most one PL batch off).
     */
    void devcfg_pl_done(bool done) { devcfg_set_pl_done(&dc_, done); }
    /** Tell the PL agent the reset state the SLCR now gives (after
     *  fsbl_state() or, for a cold start, at reset values). A PL agent
     *  starts out of reset; later FPGA_RST_CTRL writes reach it directly. */
    void sync_pl_reset();
    /**
     * M_AXI_GP0 usable: the PL is out of reset (FPGA_RST_CTRL bit 0 clear)
     * and the PS-PL level shifters are enabled in both directions
     * (LVL_SHFTR_EN = 0xF). True in the FSBL state; false at reset values
     * (`--cold`) until the firmware writes both SLCR registers.
     */
    bool gp0_open() const { return !(fpga_rst_ & 1u) && (lvl_shftr_ & 0xFu) == 0xFu; }
    bool pl_in_reset() const { return (fpga_rst_ & 1u) != 0; }
    /** PL310 CONTROL bit 0: the L2 is on (the cache model follows it). */
    bool l2c_enabled() const;
    PlAgent *pl() const { return pl_; }
    /**
     * IRQ_F2P[bit] of the PL changed to `level` (UG585 table 7-4: bits 7..0
     * are GIC IDs 61..68, bits 15..8 are 84..91).
     */
    void pl_irq(unsigned bit, int level);
    /** Called when the private watchdog resets the system. */
    void set_watchdog_reset(std::function<void()> fn) { wdt_reset_ = std::move(fn); }

    /** Device windows, sorted by base, non-overlapping (checked). */
    const std::vector<MapEntry> &map() const { return map_; }
    /** Find the window holding addr (nullptr = unmapped). */
    const MapEntry *find(uint32_t addr) const;

    /** Bring every timed device, then the PL, up to time t (never backwards). */
    void advance_all(zynq_time_ps t);
    /** Earliest next_event() over all devices and the PL (ZYNQ_TIME_NEVER if none). */
    zynq_time_ps next_event() const;
    /** Earliest next_event() over the PS devices only. */
    zynq_time_ps next_device_event() const;
    /** Time of the DevCfg's next PCAP word (ZYNQ_TIME_NEVER when none). */
    zynq_time_ps pcap_next_word() const { return devcfg_next_word_time(&dc_); }
    /** Bring the DevCfg alone to time t: its PCAP words up to t reach the sink. */
    void advance_pcap(zynq_time_ps t)
    {
        if (dc_.dev.now < t) zynq_dev_advance(&dc_.dev, t);
        if (!obs_.empty()) devcfg_poll(t);
    }
    int nirq() const { return nirq_level_; }

    uint8_t *ddr() { return ddr_; }
    uint8_t *ocm() { return ocm_; }
    /** Host pointer for [addr, addr+len) in DDR or OCM, nullptr otherwise. */
    uint8_t *ram_ptr(uint32_t addr, uint32_t len);

    const devcfg_stats *pcap_stats() const { return devcfg_get_stats(&dc_); }

    /**
     * Observers of the run (plat_observe.h). The board reports
     * on_uart_line (UART1, at the time of the newline's transmission; a
     * trailing CR is dropped), on_devcfg_dma (a DMA command queued: its
     * time, source and bytes) and on_devcfg_done (a command's PCAP side
     * finished: D_P_DONE time; a rejected or aborted one at the time it is
     * seen, pcfg_done false).
     */
    ObserverSet &observers() { return obs_; }
    /** Is e the DevCfg window? (the CPU wrapper brackets its accesses) */
    bool is_devcfg(const MapEntry *e) const { return e && e->dev == &dc_.dev; }
    /** Tail of the DevCfg command records (call before a DevCfg access). */
    unsigned devcfg_tail() const { return (dc_.rec_head + dc_.rec_count) % DEVCFG_REC_MAX; }
    /** After a DevCfg access: report a command it queued and any completions. */
    void devcfg_after_access(unsigned tail_before, zynq_time_ps t);
    const uart &uart1() const { return u1_; }
    /** Words the built-in no-PL sink refused (each offer counts). */
    uint64_t no_pl_refused() const { return no_pl_.refused(); }

private:
    static void log_cb(void *opaque, zynq_log_kind kind, const char *dev, const char *msg);
    static void nirq_cb(void *opaque, int num, int level);
    static void uart_tx_cb(void *opaque, uint8_t b, zynq_time_ps t);
    static int uart1_rx_cb(void *opaque);
    static void slcr_pl_reset_cb(void *opaque, uint32_t v);
    static void slcr_lvl_cb(void *opaque, uint32_t v);
    static bool pcap_cb(void *opaque, uint32_t word, zynq_time_ps t);
    static zynq_status mem_read_cb(void *opaque, uint32_t addr, void *buf, uint32_t len);
    static zynq_status mem_write_cb(void *opaque, uint32_t addr, const void *buf, uint32_t len);
    static void wdt_cb(void *opaque);
    void add(const char *name, uint32_t base, zynq_dev *dev);

    Timing timing_;
    LogFn log_;
    uint8_t *ddr_ = nullptr;
    uint8_t *ocm_ = nullptr;
    uart u0_, u1_;
    gic gic_;
    scutimer ptimer_;
    scuwdt wdt_;
    gtimer gtimer_;
    ttc ttc0_, ttc1_;
    slcr slcr_;
    scu scu_;
    l2c l2c_;
    devcfg dc_;
    std::vector<MapEntry> map_;
    /** Index of the window find() returned last (polling hits one window). */
    mutable size_t find_last_ = 0;
    std::vector<zynq_dev *> timed_;
    ByteFn uart0_tx_, uart1_tx_;
    RxFn uart1_rx_;
    /** SLCR FPGA_RST_CTRL and LVL_SHFTR_EN as last written (reset values:
     *  FPGA resets asserted, level shifters off; UG585 B.28). */
    uint32_t fpga_rst_ = 0x01F33F0Fu, lvl_shftr_ = 0;
    LevelFn nirq_fn_;
    int nirq_level_ = 0;
    NoPlPcapSink no_pl_;
    PcapSink *pcap_sink_;
    std::function<void()> wdt_reset_;
    PlAgent *pl_ = nullptr;
    int pl_irq_state_[16] = {};
    ObserverSet obs_;
    std::string uart1_line_;          /**< UART1 line being assembled (observers) */
    uint64_t dc_done_seen_ = 0, dc_failed_seen_ = 0;
    /** Report DevCfg command completions not reported yet (at time now for failures). */
    void devcfg_poll(zynq_time_ps now);
    struct UartTx { Board *b; int n; } utx_[2];
};

} // namespace plat

#endif
