// plat_board.cc - the PS devices of the Zynq-7000, wired (see plat_board.h).
#include "plat_board.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace plat {

bool NoPlPcapSink::word(uint32_t, zynq_time_ps)
{
    if (refused_++ == 0 && log_)
        log_("pcap: no PL attached (PL co-simulation not available): PCAP words "
             "are refused; the DevCfg transfer stalls");
    return false;
}

namespace {
uint8_t *map_zeroed(size_t size)
{
    void *p = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        std::fprintf(stderr, "dprsim: cannot allocate %zu bytes of simulated memory\n", size);
        std::abort();
    }
    return static_cast<uint8_t *>(p);
}
} // namespace

Board::Board(const Timing &timing, LogFn log)
    : timing_(timing), log_(std::move(log)),
      no_pl_([this](const std::string &m) { if (log_) log_(ZYNQ_LOG_INFO, m); }),
      pcap_sink_(&no_pl_)
{
    ddr_ = map_zeroed(kDdrSize);
    ocm_ = map_zeroed(kOcmSize);

    // GIC interrupt IDs: UG585 table 7-3 (ZYNQ_ARM_FACTS F2.3).
    gic_init(&gic_, "gic", 1);
    gic_set_nirq(&gic_, 0, zynq_irq{&Board::nirq_cb, this, 0});

    uart_config uc;
    uart_default_config(&uc);
    uc.tx_timed = timing_.uart_timed;
    uart_init(&u0_, "uart0", &uc);
    uart_init(&u1_, "uart1", &uc);
    uart_set_irq(&u0_, gic_input(&gic_, 59));
    uart_set_irq(&u1_, gic_input(&gic_, 82));
    utx_[0] = {this, 0};
    utx_[1] = {this, 1};
    uart_set_tx_sink(&u0_, &Board::uart_tx_cb, &utx_[0]);
    uart_set_tx_sink(&u1_, &Board::uart_tx_cb, &utx_[1]);

    const uint64_t periph_hz = timing_.cpu_hz / 2;   // PERIPHCLK = CPU_6x4x / 2
    scutimer_init(&ptimer_, "ptimer", periph_hz);
    scutimer_set_irq(&ptimer_, gic_input(&gic_, 29));
    scuwdt_init(&wdt_, "wdt", periph_hz);
    scuwdt_set_irq(&wdt_, gic_input(&gic_, 30));
    scuwdt_set_reset_cb(&wdt_, &Board::wdt_cb, this);
    gtimer_init(&gtimer_, "gtimer", periph_hz);
    gtimer_set_irq(&gtimer_, gic_input(&gic_, 27));
    ttc_init(&ttc0_, "ttc0", 0);
    ttc_init(&ttc1_, "ttc1", 0);
    for (unsigned n = 0; n < 3; n++) {
        ttc_set_irq(&ttc0_, n, gic_input(&gic_, 42 + n));
        ttc_set_irq(&ttc1_, n, gic_input(&gic_, 69 + n));
    }
    slcr_init(&slcr_, "slcr", 0);
    slcr_callbacks scb{};
    scb.pl_reset = &Board::slcr_pl_reset_cb;
    scb.lvl_shftr = &Board::slcr_lvl_cb;
    scb.opaque = this;
    slcr_set_callbacks(&slcr_, &scb);
    scu_init(&scu_, "scu");
    l2c_init(&l2c_, "l2c");
    devcfg_config dcc;
    devcfg_default_config(&dcc);
    dcc.rate_bytes_per_s = timing_.pcap_rate_bytes_per_s;
    devcfg_init(&dc_, "devcfg", &dcc);
    devcfg_set_irq(&dc_, gic_input(&gic_, 40));
    devcfg_set_mem(&dc_, &Board::mem_read_cb, &Board::mem_write_cb, this);
    devcfg_set_pcap_sink(&dc_, &Board::pcap_cb, this);

    add("uart0", 0xE0000000u, &u0_.dev);
    add("uart1", 0xE0001000u, &u1_.dev);
    add("slcr", 0xF8000000u, &slcr_.dev);
    add("ttc0", 0xF8001000u, &ttc0_.dev);
    add("ttc1", 0xF8002000u, &ttc1_.dev);
    add("devcfg", 0xF8007000u, &dc_.dev);
    add("scu", 0xF8F00000u, &scu_.dev);
    add("gic_cpu", 0xF8F00100u, &gic_.cpuif.dev);
    add("gtimer", 0xF8F00200u, &gtimer_.dev);
    add("ptimer", 0xF8F00600u, &ptimer_.dev);
    add("wdt", 0xF8F00620u, &wdt_.dev);
    add("gic_dist", 0xF8F01000u, &gic_.dist.dev);
    add("l2c", kL2cBase, &l2c_.dev);
    std::sort(map_.begin(), map_.end(),
              [](const MapEntry &a, const MapEntry &b) { return a.base < b.base; });
    for (size_t i = 1; i < map_.size(); i++) {
        if ((uint64_t)map_[i - 1].base + map_[i - 1].size > map_[i].base) {
            std::fprintf(stderr, "dprsim: internal error: %s overlaps %s\n",
                         map_[i - 1].name, map_[i].name);
            std::abort();
        }
    }
    timed_ = {&u0_.dev, &u1_.dev, &ptimer_.dev, &wdt_.dev, &gtimer_.dev,
              &ttc0_.dev, &ttc1_.dev, &dc_.dev};
}

Board::~Board()
{
    munmap(ddr_, kDdrSize);
    munmap(ocm_, kOcmSize);
}

void Board::add(const char *name, uint32_t base, zynq_dev *dev)
{
    dev->log = &Board::log_cb;
    dev->log_opaque = this;
    map_.push_back(MapEntry{name, base, dev->size, dev});
}

void Board::set_pl(PlAgent *pl)
{
    pl_ = pl;
    dc_.cfg.auto_done = (pl == nullptr);
}

void Board::sync_pl_reset()
{
    if (pl_) pl_->set_reset(pl_in_reset(), slcr_.dev.now);
}

void Board::slcr_pl_reset_cb(void *opaque, uint32_t v)
{
    auto *b = static_cast<Board *>(opaque);
    bool was = b->pl_in_reset();
    b->fpga_rst_ = v;
    if (b->pl_ && was != b->pl_in_reset()) b->pl_->set_reset(b->pl_in_reset(), b->slcr_.dev.now);
}

void Board::slcr_lvl_cb(void *opaque, uint32_t v)
{
    static_cast<Board *>(opaque)->lvl_shftr_ = v;
}

void Board::fsbl_state()
{
    slcr_fsbl_state(&slcr_);
    // What slcr_fsbl_state() leaves (slcr.h): PL out of reset, shifters on.
    fpga_rst_ = 0;
    lvl_shftr_ = 0xF;
    uart_fsbl_state(&u1_);
    devcfg_fsbl_state(&dc_);
}

const MapEntry *Board::find(uint32_t addr) const
{
    // A polling loop hits one window again and again: that one first.
    if (find_last_ < map_.size() && addr - map_[find_last_].base < map_[find_last_].size)
        return &map_[find_last_];
    // Upper bound on base, then check the previous window (map is sorted).
    auto it = std::upper_bound(map_.begin(), map_.end(), addr,
                               [](uint32_t a, const MapEntry &e) { return a < e.base; });
    if (it == map_.begin()) return nullptr;
    --it;
    if (addr - it->base >= it->size) return nullptr;
    find_last_ = (size_t)(it - map_.begin());
    return &*it;
}

void Board::advance_all(zynq_time_ps t)
{
    for (zynq_dev *d : timed_)
        if (d->now < t) zynq_dev_advance(d, t);
    if (!obs_.empty()) devcfg_poll(t);
    if (pl_) pl_->advance(t);
}

void Board::devcfg_poll(zynq_time_ps now)
{
    const devcfg_stats *st = devcfg_get_stats(&dc_);
    if (st->commands_done == dc_done_seen_ && st->commands_failed == dc_failed_seen_) return;
    const uint32_t sts = zynq_regs_get(&dc_.regs, DEVCFG_INT_STS);
    // The CPU's run budget ends at every DevCfg event (next_event), so
    // completions are seen one at a time: last_end is this one's D_P_DONE.
    while (dc_done_seen_ < st->commands_done) {
        dc_done_seen_++;
        obs_.each([&](Observer &o) {
            o.on_devcfg_done(st->last_end, (sts & DEVCFG_INT_PCFG_DONE) != 0, sts);
        });
    }
    while (dc_failed_seen_ < st->commands_failed) {
        dc_failed_seen_++;
        obs_.each([&](Observer &o) { o.on_devcfg_done(now, false, sts); });
    }
}

void Board::devcfg_after_access(unsigned tail_before, zynq_time_ps t)
{
    if (obs_.empty()) return;
    if (devcfg_tail() != tail_before) {
        // The access queued one command (a write of DMA_DEST_LEN).
        const devcfg_rec &r = dc_.rec[tail_before];
        obs_.each([&](Observer &o) { o.on_devcfg_dma(r.queued, r.src, r.words * 4u); });
    }
    devcfg_poll(t);
}

void Board::pl_irq(unsigned bit, int level)
{
    if (bit >= 16) return;
    unsigned id = bit < 8 ? 61 + bit : 84 + (bit - 8);
    zynq_irq line = gic_input(&gic_, id);
    zynq_irq_update(&line, &pl_irq_state_[bit], level);
}

zynq_time_ps Board::next_event() const
{
    zynq_time_ps m = ZYNQ_TIME_NEVER;
    for (const zynq_dev *d : timed_) m = std::min(m, zynq_dev_next_event(d));
    if (pl_) m = std::min(m, pl_->next_event());
    return m;
}

zynq_time_ps Board::next_device_event() const
{
    zynq_time_ps m = ZYNQ_TIME_NEVER;
    for (const zynq_dev *d : timed_) m = std::min(m, zynq_dev_next_event(d));
    return m;
}

uint8_t *Board::ram_ptr(uint32_t addr, uint32_t len)
{
    if ((uint64_t)addr + len <= (uint64_t)kDdrBase + kDdrSize) return ddr_ + (addr - kDdrBase);
    if (addr >= kOcmBase && (uint64_t)addr + len <= (uint64_t)kOcmBase + kOcmSize)
        return ocm_ + (addr - kOcmBase);
    return nullptr;
}

void Board::log_cb(void *opaque, zynq_log_kind kind, const char *dev, const char *msg)
{
    auto *b = static_cast<Board *>(opaque);
    if (b->log_) b->log_(kind, std::string(dev) + ": " + msg);
}

void Board::nirq_cb(void *opaque, int, int level)
{
    auto *b = static_cast<Board *>(opaque);
    b->nirq_level_ = level;
    if (b->nirq_fn_) b->nirq_fn_(level);
}

void Board::uart_tx_cb(void *opaque, uint8_t byte, zynq_time_ps t)
{
    auto *u = static_cast<UartTx *>(opaque);
    const ByteFn &fn = u->n ? u->b->uart1_tx_ : u->b->uart0_tx_;
    if (fn) fn(byte, t);
    Board *b = u->b;
    if (u->n && !b->obs_.empty()) {
        if (byte == '\n') {
            if (!b->uart1_line_.empty() && b->uart1_line_.back() == '\r') b->uart1_line_.pop_back();
            b->obs_.each([&](Observer &o) { o.on_uart_line(t, b->uart1_line_); });
            b->uart1_line_.clear();
        } else if (b->uart1_line_.size() < 4096) {
            b->uart1_line_.push_back((char)byte);
        }
    }
}

void Board::set_uart1_rx(RxFn fn)
{
    uart1_rx_ = std::move(fn);
    if (uart1_rx_) uart_set_rx_source(&u1_, &Board::uart1_rx_cb, this);
    else uart_set_rx_source(&u1_, nullptr, nullptr);
}

int Board::uart1_rx_cb(void *opaque)
{
    auto *b = static_cast<Board *>(opaque);
    // The UART sets its own time to the character's arrival before it asks.
    return b->uart1_rx_(b->u1_.dev.now);
}

bool Board::pcap_cb(void *opaque, uint32_t word, zynq_time_ps t)
{
    return static_cast<Board *>(opaque)->pcap_sink_->word(word, t);
}

zynq_status Board::mem_read_cb(void *opaque, uint32_t addr, void *buf, uint32_t len)
{
    uint8_t *p = static_cast<Board *>(opaque)->ram_ptr(addr, len);
    if (!p) return ZYNQ_SLVERR;
    std::memcpy(buf, p, len);
    return ZYNQ_OK;
}

zynq_status Board::mem_write_cb(void *opaque, uint32_t addr, const void *buf, uint32_t len)
{
    uint8_t *p = static_cast<Board *>(opaque)->ram_ptr(addr, len);
    if (!p) return ZYNQ_SLVERR;
    std::memcpy(p, buf, len);
    return ZYNQ_OK;
}

void Board::wdt_cb(void *opaque)
{
    auto *b = static_cast<Board *>(opaque);
    if (b->wdt_reset_) b->wdt_reset_();
}

bool Board::l2c_enabled() const
{
    return (zynq_regs_get(&l2c_.regs, L2C_CONTROL) & 1u) != 0;
}

} // namespace plat
