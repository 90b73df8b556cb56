// plat_pl.cc - the PL co-simulation (see plat_pl.h).
//
// The Verilated model is a plain C++ model (built without SystemC): its
// headers come before any SystemC header so that Verilator's runtime does
// not switch to its SystemC time source.
#include <verilated.h>

#include "Vtb_pl_top.h"
#include "Vtb_pl_top___024root.h"
#include "axi_ports.h"
#include "dprsim_pl_regs.h"

#include "plat_pl.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <deque>
#include <type_traits>
#include <utility>

using namespace sc_core;

namespace plat {

namespace {
// Whether the Verilated model exposes the clk_i edge-detection state that
// step() writes to clock a cycle with one evaluation (the name is the one
// Verilator 5.006 generates; with another version the member may not exist,
// and step() then always uses the two evaluations per cycle).
template <typename R, typename = void> struct HasClkTrigPrev : std::false_type {};
template <typename R>
struct HasClkTrigPrev<R, std::void_t<decltype(std::declval<R &>().__Vtrigrprev__TOP__clk_i)>>
    : std::true_type {};
constexpr bool kSingleEval = HasClkTrigPrev<Vtb_pl_top___024root>::value;

template <typename R> void mark_clk_low(R *r)
{
    if constexpr (HasClkTrigPrev<R>::value) r->__Vtrigrprev__TOP__clk_i = 0;
}

sc_time ps_to_sc(zynq_time_ps t) { return sc_time::from_value(t); }
zynq_time_ps sc_to_ps(const sc_time &t) { return t.value(); }
constexpr unsigned kResetCycles = 4;
constexpr unsigned kLiteTimeout = 1000;   // cycles before a GP0 access gives up
constexpr unsigned kHpReadLatency = 4;    // cycles AR handshake -> first R beat
constexpr unsigned kHpWriteLatency = 2;   // cycles last W beat -> BVALID
} // namespace

struct PlHost::Model {
    VerilatedContext ctx;
    std::unique_ptr<Vtb_pl_top> top;
    Model()
    {
        ctx.randReset(0);   // registers without reset start at 0 (deterministic)
        // Allows a waveform to be attached later (open_wave); without a
        // tracer attached nothing is dumped.
        ctx.traceEverOn(true);
        top.reset(new Vtb_pl_top(&ctx, "pl"));
    }
    ~Model() { top->final(); }
};

/**
 * S_AXI_HP bridge of one PRR master: an AXI4 slave on the model's pins that
 * reads and writes the platform's memory through Board::ram_ptr. INCR,
 * FIXED and WRAP bursts (AXI4 A3.4.1), 64-bit data with WSTRB, responses in
 * order (the masters use ID 0). Same per-cycle protocol as the RTL
 * testbenches' AXI memory: drive() before eval, sample() after it.
 */
class PlHpPort {
public:
    PlHpPort(const axitb::AxiPorts &p, Board &b, PlStats &st) : p_(p), board_(b), st_(st) {}

    // drive() and sample() read every member and pin they need into locals
    // first and store last: a store through the uint8_t pin pointers may
    // alias anything, which would otherwise make the compiler reload the
    // pin pointers and the queue state after each one.

    /** Before the evaluation: drive the slave's pins for this cycle. */
    void drive()
    {
        // Nothing outstanding: the pins still hold the idle values the
        // last drive() wrote (the model never writes its inputs).
        if (!quiet_) drive_pins();
    }

    /**
     * After the evaluation: take the handshakes of this cycle. Returns
     * whether the port was busy in it (a transaction open or a VALID
     * raised), i.e. PL activity. The READY pins are always 1 (drive()).
     */
    bool sample()
    {
        if (quiet_ && !*p_.arvalid && !*p_.awvalid && !*p_.wvalid) {
            cycle_++;   // idle port, idle master: nothing to take
            return false;
        }
        return take();
    }

private:
    void drive_pins()
    {
        if (!r_presenting_ && !rq_.empty() && rq_.front().due <= cycle_) {
            r_presenting_ = true;
            Burst &b = rq_.front();
            uint32_t a = beat_addr(b, b.beat) & ~7u;
            uint8_t *h = board_.ram_ptr(a, 8);
            r_data_ = 0;
            r_resp_ = h ? axitb::kOkay : axitb::kDecErr;
            if (h) std::memcpy(&r_data_, h, 8);
            else st_.hp_errors++;
            r_last_ = b.beat == b.len;
        }
        const bool rv = r_presenting_;
        const uint64_t rdata = rv ? r_data_ : 0;
        const uint8_t rresp = rv ? r_resp_ : 0;
        const uint8_t rlast = rv && r_last_;
        const bool bv = !bq_.empty() && bq_.front().due <= cycle_;
        const uint8_t bresp = bv ? bq_.front().resp : 0;
        b_presenting_ = bv;
        quiet_ = !rv && rq_.empty() && awq_.empty() && wq_.empty() && bq_.empty();
        const axitb::AxiPorts p = p_;
        *p.arready = 1;
        *p.awready = 1;
        *p.wready = 1;
        *p.rvalid = rv;
        *p.rdata = rdata;
        *p.rresp = rresp;
        *p.rlast = rlast;
        *p.bvalid = bv;
        *p.bresp = bresp;
    }

    bool take()
    {
        const axitb::AxiPorts p = p_;
        const bool arvalid = *p.arvalid, awvalid = *p.awvalid, wvalid = *p.wvalid;
        quiet_ = false;
        const bool rready = *p.rready, bready = *p.bready;
        const bool busy = !rq_.empty() || !awq_.empty() || !wq_.empty() || !bq_.empty() ||
                          arvalid || awvalid || wvalid;
        if (arvalid)
            rq_.push_back({*p.araddr, *p.arlen, *p.arsize, *p.arburst, 0, axitb::kOkay,
                           cycle_ + kHpReadLatency});
        if (r_presenting_ && rready) {
            st_.hp_read_beats++;
            Burst &b = rq_.front();
            if (b.beat == b.len) rq_.pop_front();
            else b.beat++;
            r_presenting_ = false;
        }
        if (b_presenting_ && bready) bq_.pop_front();
        if (awvalid)
            awq_.push_back({*p.awaddr, *p.awlen, *p.awsize, *p.awburst, 0, axitb::kOkay, 0});
        if (wvalid) {
            const WBeat w{*p.wdata, *p.wstrb};
            // In order: straight to its burst unless earlier beats wait.
            if (wq_.empty() && !awq_.empty()) write_beat(w);
            else wq_.push_back(w);
        }
        // W beats may come before their AW: apply them in order.
        while (!awq_.empty() && !wq_.empty()) {
            WBeat w = wq_.front();
            wq_.pop_front();
            write_beat(w);
        }
        cycle_++;
        return busy;
    }

    struct Burst {
        uint32_t addr;
        uint8_t len, size, burst;
        unsigned beat;
        uint8_t resp;
        uint64_t due;
    };
    struct WBeat {
        uint64_t data;
        uint8_t strb;
    };

    // One W beat into the oldest open write burst (awq_ not empty).
    void write_beat(const WBeat &w)
    {
        Burst &b = awq_.front();
        uint32_t a = beat_addr(b, b.beat) & ~7u;
        if (uint8_t *h = board_.ram_ptr(a, 8)) {
            if (w.strb == 0xFFu) {
                std::memcpy(h, &w.data, 8);   // little-endian host, as the loop below
            } else {
                for (unsigned i = 0; i < 8; i++)
                    if (w.strb & (1u << i)) h[i] = (uint8_t)(w.data >> (8 * i));
            }
        } else {
            b.resp = axitb::kDecErr;
            st_.hp_errors++;
        }
        st_.hp_write_beats++;
        if (b.beat == b.len) {
            bq_.push_back({0, 0, 0, 0, 0, b.resp, cycle_ + kHpWriteLatency});
            awq_.pop_front();
        } else {
            b.beat++;
        }
    }

    // Address of beat n of a burst (AXI4 A3.4.1).
    static uint32_t beat_addr(const Burst &b, unsigned n)
    {
        uint32_t bytes = 1u << b.size;
        uint32_t aligned = b.addr & ~(bytes - 1);
        switch (b.burst) {
        case 0:
            return b.addr;
        case 2: {
            uint32_t total = bytes * (b.len + 1u);
            uint32_t lower = b.addr & ~(total - 1);
            return lower + ((aligned - lower + n * bytes) % total);
        }
        default:
            return n == 0 ? b.addr : aligned + n * bytes;
        }
    }

    axitb::AxiPorts p_;
    Board &board_;
    PlStats &st_;
    uint64_t cycle_ = 0;
    std::deque<Burst> rq_, awq_, bq_;
    std::deque<WBeat> wq_;
    bool r_presenting_ = false;
    uint64_t r_data_ = 0;
    uint8_t r_resp_ = 0;
    bool r_last_ = false;
    /** Nothing outstanding and the idle values on the pins (set by drive()). */
    bool quiet_ = false;
    /** BVALID as drive() set it this cycle. */
    bool b_presenting_ = false;
};

/*
 * RTL registers the observers read (plat_pl.h). Verilator names a signal
 * by its hierarchy: tb_pl_top.u_pl.g_prr[n].u_prr.u_ctrl.progress_q ->
 * tb_pl_top__DOT__u_pl__DOT__g_prr__BRA__n__KET____DOT__u_prr__DOT__u_ctrl__DOT__progress_q.
 */
struct PlHost::Taps {
    static constexpr unsigned kPrrs = 4;
    const IData *progress[kPrrs];
    const CData *state[kPrrs];
    const CData *module[kPrrs];
    const IData *cfg_loads, *cfg_errors;
    const CData *cfg_prr, *cfg_module, *cfg_err_code, *cfg_err_prr;
    explicit Taps(Vtb_pl_top___024root *r)
    {
#define PLAT_PRR_TAP(n)                                                                     \
    progress[n] = &r->tb_pl_top__DOT__u_pl__DOT__g_prr__BRA__##n##__KET____DOT__u_prr__DOT__u_ctrl__DOT__progress_q; \
    state[n] = &r->tb_pl_top__DOT__u_pl__DOT__g_prr__BRA__##n##__KET____DOT__u_prr__DOT__u_ctrl__DOT__state_q;       \
    module[n] = &r->tb_pl_top__DOT__u_pl__DOT__g_prr__BRA__##n##__KET____DOT__u_prr__DOT__u_ctrl__DOT__module_q;
        PLAT_PRR_TAP(0)
        PLAT_PRR_TAP(1)
        PLAT_PRR_TAP(2)
        PLAT_PRR_TAP(3)
#undef PLAT_PRR_TAP
        cfg_loads = &r->tb_pl_top__DOT__u_pl__DOT__u_cfg__DOT__loads_q;
        cfg_errors = &r->tb_pl_top__DOT__u_pl__DOT__u_cfg__DOT__errors_q;
        cfg_prr = &r->tb_pl_top__DOT__u_pl__DOT__u_cfg__DOT__prr_q;
        cfg_module = &r->tb_pl_top__DOT__u_pl__DOT__u_cfg__DOT__module_q;
        cfg_err_code = &r->tb_pl_top__DOT__u_pl__DOT__u_cfg__DOT__err_code_q;
        cfg_err_prr = &r->tb_pl_top__DOT__u_pl__DOT__u_cfg__DOT__err_prr_q;
    }
};

// prr_ctrl.v state encoding
constexpr uint8_t kPrrStIdle = 2, kPrrStFrame = 3;

PlHost::PlHost(sc_module_name n, Board &board, const Timing &timing)
    : sc_module(n), socket("socket"), m_(new Model), board_(board), timing_(timing)
{
    if (timing_.fclk0_hz && ZYNQ_PS_PER_S % timing_.fclk0_hz == 0)
        period_ps_ = ZYNQ_PS_PER_S / timing_.fclk0_hz;
    socket.register_b_transport(this, &PlHost::b_transport);
    Vtb_pl_top *t = m_->top.get();
    for (unsigned i = 0; i < 4; i++) {
        axitb::AxiPorts p;
        switch (i) {
        case 0: AXITB_BIND_PORTS(p, t, p0_axi_); break;
        case 1: AXITB_BIND_PORTS(p, t, p1_axi_); break;
        case 2: AXITB_BIND_PORTS(p, t, p2_axi_); break;
        default: AXITB_BIND_PORTS(p, t, p3_axi_); break;
        }
        hp_[i].reset(new PlHpPort(p, board_, stats_));
    }
    // Power-on reset (the PL comes out of reset with the FSBL state); these
    // cycles are before time 0 and are not counted.
    t->clk_i = 0;
    t->rst_ni = 0;
    t->eval();
    for (unsigned i = 0; i < kResetCycles; i++) {
        t->clk_i = 1;
        t->eval();
        t->clk_i = 0;
        t->eval();
    }
    t->rst_ni = 1;
    t->eval();
    irq_ = t->irq_o;
    for (unsigned b = 0; b < 16; b++)
        if ((irq_ >> b) & 1u) board_.pl_irq(b, 1);
    taps_.reset(new Taps(t->rootp));
    for (unsigned i = 0; i < Taps::kPrrs; i++) {
        prr_progress_[i] = *taps_->progress[i];
        prr_state_[i] = *taps_->state[i];
    }
    cfg_loads_ = *taps_->cfg_loads;
    cfg_errors_ = *taps_->cfg_errors;
    done_loads_ = cfg_loads_;
}

void PlHost::observe_cycle(uint64_t c)
{
    const ObserverSet &obs = board_.observers();
    const zynq_time_ps t = cycle_time(c + 1);   // the new values hold from the next cycle
    const Taps &tp = *taps_;
    for (unsigned i = 0; i < Taps::kPrrs; i++) {
        const uint8_t st = *tp.state[i];
        const uint32_t pr = *tp.progress[i];
        if (st == kPrrStFrame && prr_state_[i] == kPrrStIdle) {
            const unsigned mod = *tp.module[i];
            obs.each([&](Observer &o) { o.on_prr_frame_start(t, i, mod, c); });
        }
        if (prr_state_[i] == kPrrStFrame && st != kPrrStFrame && pr == prr_progress_[i] + 1u)
            obs.each([&](Observer &o) { o.on_prr_frame(t, i, pr, c); });
        prr_state_[i] = st;
        prr_progress_[i] = pr;
    }
    const uint32_t loads = *tp.cfg_loads, errors = *tp.cfg_errors;
    if (loads != cfg_loads_) {
        const unsigned prr = *tp.cfg_prr, mod = *tp.cfg_module;
        obs.each([&](Observer &o) { o.on_cfg_stream(t, false, prr, mod, 0, c); });
    }
    if (errors != cfg_errors_) {
        const unsigned prr = *tp.cfg_err_prr, code = *tp.cfg_err_code, mod = *tp.cfg_module;
        obs.each([&](Observer &o) { o.on_cfg_stream(t, false, prr, mod, code, c); });
    }
    cfg_loads_ = loads;
    cfg_errors_ = errors;
}

PlHost::~PlHost() = default;

uint64_t PlHost::cycles_before(zynq_time_ps t) const
{
    // Cycles c with cycle_time(c) < t. A PCAP word or a GP0 access at time t
    // is thus seen by the first cycle that starts at or after t.
    // The CPU comes back every PL cycle or batch (next_event()): t is
    // mostly at most one cycle past cycle_, found without a division.
    if (t > cycle_time(cycle_) && t <= cycle_time(cycle_ + 1)) return cycle_ + 1;
    return zynq_muldiv_ceil(t, timing_.fclk0_hz, ZYNQ_PS_PER_S);
}

void PlHost::step()
{
    Vtb_pl_top *t = m_->top.get();
    if (wave_) wave_->flush_cpu(cycle_time(cycle_));   // CPU exceptions before this cycle
    for (auto &h : hp_) h->drive();
    t->pcap_valid_i = slot_full_;
    t->pcap_data_i = slot_full_ ? slot_ : 0u;
    t->pcap_abort_i = 0;
    // GP0 master (AXI4-Lite): AW and W together, then B; AR, then R.
    bool wr = op_ == LiteOp::Write, rd = op_ == LiteOp::Read;
    t->s_axi_awvalid_i = wr && !op_addr_done_;
    t->s_axi_wvalid_i = wr && !op_addr_done_;
    t->s_axi_awaddr_i = op_addr_;
    t->s_axi_wdata_i = op_data_;
    t->s_axi_wstrb_i = 0xF;
    t->s_axi_bready_i = wr && op_addr_done_;
    t->s_axi_arvalid_i = rd && !op_addr_done_;
    t->s_axi_araddr_i = op_addr_;
    t->s_axi_rready_i = rd && op_addr_done_;
    // Two evaluations per cycle while a GP0 transaction runs or a waveform
    // is written: the falling edge together with this cycle's inputs
    // (settles the combinational outputs sampled below: s_axi_awready_o,
    // s_axi_wready_o and s_axi_arready_o depend on this cycle's inputs; the
    // waveform shows the falling edge), then the rising edge.
    // Otherwise one evaluation: every output sampled below before the
    // rising edge (the S_AXI_HP master outputs, pcap_ready_o) is a function
    // of RTL registers only (rtl/prr_dma.v, rtl/prr.v, rtl/cfg_port.v), so
    // its value after the previous rising edge is the value the falling
    // edge would show; and Verilator's eval() settles the logic on the new
    // inputs (its "ico" region) before it applies the edge, as the falling
    // edge evaluation did.
    const bool split = !kSingleEval || wave_ || op_ != LiteOp::None;
    if (split) {
        t->clk_i = 0;
        t->eval();
    }
    const uint64_t c = cycle_;
    if (wave_) wave_->dump(cycle_time(c));

    bool activity = slot_full_ || wr;
    for (auto &h : hp_)
        if (h->sample()) activity = true;
    if (slot_full_ && t->pcap_ready_o) {
        slot_full_ = false;
        if (!stream_open_ && slot_ != PL_CFG_DESYNC) {
            // A SimB stream starts: DONE falls until it loads.
            board_.devcfg_pl_done(false);
            cfg_idx_ = 0;
            cfg_t0_ = cycle_time(c);
            cfg_c0_ = c;
        }
        // SimB header (rtl/README.md): word 3 = PRR id, word 4 = module id.
        if (cfg_idx_ == 3) cfg_prr_ = slot_;
        if (cfg_idx_ == 4 && !board_.observers().empty()) {
            const unsigned prr = cfg_prr_, mod = slot_ & 0xFFu;
            const zynq_time_ps t0 = cfg_t0_;
            const uint64_t c0 = cfg_c0_;
            board_.observers().each([&](Observer &o) { o.on_cfg_stream(t0, true, prr, mod, 0, c0); });
        }
        cfg_idx_++;
        if (events_) {
            if (!stream_open_ && slot_ != PL_CFG_DESYNC) {
                stream_words_ = 0;
                events_->addf(cycle_time(c), "pl", "pl_cycle=%" PRIu64 " cfg_port=stream_start", c);
            }
            stream_words_++;
            if (stream_open_ && slot_ == PL_CFG_DESYNC)
                events_->addf(cycle_time(c), "pl", "pl_cycle=%" PRIu64 " cfg_port=stream_end words=%" PRIu64,
                              c, stream_words_);
        }
        stream_open_ = slot_ != PL_CFG_DESYNC;
        stats_.pcap_words++;
    }
    if (wr) {
        if (!op_addr_done_ && t->s_axi_awready_o && t->s_axi_wready_o) {
            op_addr_done_ = true;
        } else if (op_addr_done_ && t->s_axi_bvalid_o) {
            op_resp_ = t->s_axi_bresp_o;
            op_done_ = true;
        }
    } else if (rd) {
        if (!op_addr_done_ && t->s_axi_arready_o) {
            op_addr_done_ = true;
        } else if (op_addr_done_ && t->s_axi_rvalid_o) {
            op_resp_ = t->s_axi_rresp_o;
            op_rdata_ = t->s_axi_rdata_o;
            op_done_ = true;
        }
    }
    if (!split) {
        // A rising edge without the falling-edge evaluation: the model
        // detects clock edges against the clk_i value of its last eval()
        // (Verilator 5's generated trigger state, the version scripts/setup
        // installs); mark it low so that this eval() sees the rising edge.
        mark_clk_low(t->rootp);
    }
    t->clk_i = 1;
    t->eval();
    if (wave_) wave_->dump(cycle_time(c) + (cycle_time(c + 1) - cycle_time(c)) / 2);
    stats_.cycles_clocked++;
    // DONE of the configuration port: a SimB loaded (cfg_port LOADS moved).
    if (*taps_->cfg_loads != done_loads_) {
        done_loads_ = *taps_->cfg_loads;
        board_.devcfg_pl_done(true);
    }
    if (!board_.observers().empty()) observe_cycle(c);
    cycle_++;

    // IRQ_F2P: the new levels hold from the cycle after this edge on.
    uint16_t irq = t->irq_o;
    if (irq != irq_) {
        activity = true;
        for (unsigned b = 0; b < 16; b++) {
            unsigned was = (irq_ >> b) & 1u, now = (irq >> b) & 1u;
            if (was == now) continue;
            stats_.irq_changes++;
            if (now && !irq_rise_pending_) {
                irq_rise_pending_ = true;
                irq_rise_ps_ = cycle_time(cycle_);
            }
            board_.pl_irq(b, (int)now);
        }
        if (events_)
            events_->addf(cycle_time(cycle_), "pl", "pl_cycle=%" PRIu64 " irq_f2p=0x%04x", cycle_,
                          (unsigned)irq);
        const uint64_t cc = cycle_;
        board_.observers().each([&](Observer &o) { o.on_irq_f2p(cycle_time(cc), irq, cc); });
        irq_ = irq;
    }
    if (activity) idle_left_ = idle_window();
    else if (idle_left_) idle_left_--;
}

uint64_t PlHost::idle_window() const
{
    uint64_t w = timing_.pl_idle_cycles ? timing_.pl_idle_cycles : 1;
    if (stream_open_ && cfg_timeout_) w = std::max<uint64_t>(w, (uint64_t)cfg_timeout_ + 64);
    return w;
}

void PlHost::advance(zynq_time_ps t)
{
    // Nothing to clock unless cycle_ starts before t (mostly the case of an
    // MMIO access or a PCAP word in the cycle the PL is already at).
    const uint64_t target = t > cycle_time(cycle_) ? cycles_before(t) : cycle_;
    while (cycle_ < target) {
        if (idle_left_ == 0) {
            stats_.cycles_skipped += target - cycle_;
            cycle_ = target;
            break;
        }
        step();
    }
    // CPU signals queued for the waveform while the PL is idle go out now
    // (the next PL dump is at or after this cycle's time).
    if (wave_) wave_->flush_cpu(cycle_time(cycle_));
    // The CPU is at time t: a rise clocked in this call becomes visible now.
    if (irq_rise_pending_) {
        irq_rise_pending_ = false;
        if (t > irq_rise_ps_) stats_.irq_delay_max_ps = std::max(stats_.irq_delay_max_ps, t - irq_rise_ps_);
    }
}

zynq_time_ps PlHost::sleep_run(zynq_time_ps limit)
{
    const uint64_t target = limit == ZYNQ_TIME_NEVER ? UINT64_MAX : cycles_before(limit);
    const uint64_t changes = stats_.irq_changes;
    while (cycle_ < target) {
        if (idle_left_ == 0) {
            if (target == UINT64_MAX) return cycle_time(cycle_);
            stats_.cycles_skipped += target - cycle_;
            cycle_ = target;
            break;
        }
        // PCAP words the DevCfg sends up to this cycle reach the slot first
        // (word() at this cycle's start time clocks nothing).
        zynq_time_ps tc = cycle_time(cycle_);
        if (board_.pcap_next_word() <= tc) {
            board_.advance_pcap(tc);
            if (board_.nirq()) return tc;   // the DevCfg's interrupt wakes the CPU
        }
        step();
        if (stats_.irq_changes != changes) {
            irq_rise_pending_ = false;   // the CPU wakes in this cycle: no delay
            return cycle_time(cycle_);
        }
    }
    return limit;
}

zynq_time_ps PlHost::next_event() const
{
    if (idle_left_ == 0) return ZYNQ_TIME_NEVER;
    uint64_t batch = timing_.pl_batch_cycles ? timing_.pl_batch_cycles : 1;
    return cycle_time(cycle_ + batch);
}

void PlHost::set_reset(bool held, zynq_time_ps t)
{
    if (held == held_) return;
    advance(t);
    held_ = held;
    Vtb_pl_top *top = m_->top.get();
    if (held) {
        // The RTL's reset is synchronous: give it its edges now, so the
        // PL's state is the reset state while it is held (not clocked).
        top->rst_ni = 0;
        top->eval();
        for (unsigned i = 0; i < kResetCycles; i++) {
            top->clk_i = 1;
            top->eval();
            top->clk_i = 0;
            top->eval();
        }
        idle_left_ = 0;
        slot_full_ = false;
        stream_open_ = false;
        done_loads_ = *taps_->cfg_loads;   // the reset clears LOADS: not a load
        uint16_t now_irq = top->irq_o;
        for (unsigned b = 0; b < 16; b++)
            if (((irq_ ^ now_irq) >> b) & 1u) board_.pl_irq(b, (now_irq >> b) & 1u);
        irq_ = now_irq;
        if (events_) events_->addf(t, "pl", "pl_cycle=%" PRIu64 " reset=held", cycle_);
    } else {
        top->rst_ni = 1;
        top->eval();
        if (events_) events_->addf(t, "pl", "pl_cycle=%" PRIu64 " reset=released", cycle_);
    }
}

bool PlHost::word(uint32_t w, zynq_time_ps t)
{
    advance(t);
    if (held_) {
        // The configuration port is PL logic: in reset it takes nothing
        // (the DevCfg's stream stalls until the reset is released).
        stats_.pcap_refused++;
        return false;
    }
    if (slot_full_) {
        stats_.pcap_refused++;
        return false;
    }
    slot_full_ = true;
    slot_ = w;
    idle_left_ = std::max(idle_left_, idle_window());
    return true;
}

int PlHost::lite(bool write, uint32_t addr, uint32_t *data)
{
    op_ = write ? LiteOp::Write : LiteOp::Read;
    op_addr_ = addr;
    op_data_ = write ? *data : 0;
    op_addr_done_ = false;
    op_done_ = false;
    uint64_t start = cycle_;
    while (!op_done_ && cycle_ - start < kLiteTimeout) step();
    op_ = LiteOp::None;
    stats_.gp0_cycles += cycle_ - start;
    if (!op_done_) return -1;
    if (!write) *data = op_rdata_;
    return (int)op_resp_;
}

void PlHost::b_transport(tlm::tlm_generic_payload &p, sc_time &delay)
{
    unsigned len = p.get_data_length();
    uint32_t off = (uint32_t)p.get_address();
    if ((len != 1 && len != 2 && len != 4) || (off & (len - 1)) != 0) {
        p.set_response_status(tlm::TLM_BURST_ERROR_RESPONSE);
        stats_.gp0_errors++;
        return;
    }
    // The access happens at the initiator's local time: everything that
    // happens before it (PS devices, PCAP words, PL cycles) first.
    zynq_time_ps t = sc_to_ps(sc_core::sc_time_stamp() + delay);
    board_.advance_all(t);
    if (!board_.gp0_open()) {
        // PL held in reset or PS-PL level shifters off (the state the
        // board is in at power-on until the FSBL or the program writes
        // SLCR FPGA_RST_CTRL and LVL_SHFTR_EN, UG585 B.28): the access is
        // refused with an error response, the CPU takes an external abort.
        stats_.gp0_errors++;
        if (!gp0_closed_noted_) {
            gp0_closed_noted_ = true;
            std::fprintf(stderr, "dprsim: guest error: M_AXI_GP0 access while %s\n",
                         board_.pl_in_reset() ? "the PL is held in reset (SLCR FPGA_RST_CTRL bit 0 set)"
                                              : "the PS-PL level shifters are off (SLCR LVL_SHFTR_EN != 0xF)");
        }
        if (events_)
            events_->addf(t, "pl", "pl_cycle=%" PRIu64 " gp0=closed %s addr=0x%08" PRIx32, cycle_,
                          p.is_write() ? "write" : "read", kPlGp0Base + off);
        p.set_response_status(tlm::TLM_GENERIC_ERROR_RESPONSE);
        return;
    }
    if (p.is_write() && len != 4) {
        // The PL decodes 32-bit registers only (WSTRB ignored): a narrow
        // write would write the whole register.
        stats_.gp0_errors++;
        p.set_response_status(tlm::TLM_GENERIC_ERROR_RESPONSE);
        return;
    }
    uint32_t addr = kPlGp0Base + (off & ~3u), v = 0;
    if (p.is_write()) std::memcpy(&v, p.get_data_ptr(), 4);
    bool write = p.is_write();
    if (write) stats_.gp0_writes++;
    else stats_.gp0_reads++;
    // A write may start something (a job, a search): the PL becomes active.
    // A read only clocks its own cycles.
    if (write) {
        if ((addr & 0x00FFFFFFu) == PL_MAP_CFG_BASE + PL_CFG_TIMEOUT) cfg_timeout_ = v;
        idle_left_ = std::max(idle_left_, idle_window());
    }
    uint64_t c0 = cycle_;
    int resp = lite(write, addr, &v);
    if (events_ && resp != 0 && resp != 1)
        events_->addf(cycle_time(c0), "pl", "pl_cycle=%" PRIu64 " gp0=%s %s addr=0x%08" PRIx32, c0,
                      resp == 2 ? "SLVERR" : resp == 3 ? "DECERR" : "timeout",
                      write ? "write" : "read", addr);
    if (!write) {
        uint32_t w = v >> (8 * (off & 3u));
        std::memcpy(p.get_data_ptr(), &w, len);
    }
    // Cost: the PL cycles the transaction took, from the cycle of t.
    zynq_time_ps done = cycle_time(cycle_);
    if (done > t) delay += ps_to_sc(done - t);
    switch (resp) {
    case 0:
    case 1:
        p.set_response_status(tlm::TLM_OK_RESPONSE);
        break;
    case 3:
        stats_.gp0_errors++;
        p.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
        break;
    default:   // SLVERR, or no response (timeout)
        stats_.gp0_errors++;
        p.set_response_status(tlm::TLM_GENERIC_ERROR_RESPONSE);
        break;
    }
}

bool PlHost::open_wave(TraceFormat f, const std::string &path, std::string *err)
{
    wave_ = PlWave::open(m_->top.get(), f, path, err);
    if (!wave_) return false;
    wave_->dump(cycle_time(cycle_));   // the state after the power-on reset
    return true;
}

bool PlHost::close_wave(zynq_time_ps t, std::string *err)
{
    if (!wave_) return true;
    bool ok = wave_->close(t, err);
    wave_.reset();
    return ok;
}

} // namespace plat
