// plat_ofdm.cc - OFDM use-case analyzer, EC timeline, metric lines (see plat_ofdm.h).
#include "plat_ofdm.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <map>

namespace plat {

namespace {

constexpr unsigned kModeUsr = 0x10;
constexpr unsigned kVdmAsid = 0;        // hv_abi.h HV_VDM_ASID
constexpr unsigned kExcSvc = 2;         // arm_exception
constexpr uint32_t kHcDevMode = 13;     // hv_abi.h HC_DEV_MODE
constexpr unsigned kPrrs = 16;

double ms(zynq_time_ps ps) { return (double)ps / 1e9; }

std::string prr_row(unsigned prr) { return "PRR" + std::to_string(prr); }

} // namespace

std::string ec_row_name(const AnalyzerConfig &cfg, unsigned asid)
{
    if (asid == kVdmAsid) return "VDM";
    for (const AnalyzerConfig::Vm &v : cfg.vms)
        if (v.id == asid) return v.name.empty() ? "vm" + std::to_string(v.id) : v.name;
    return "vm" + std::to_string(asid);
}

std::string module_name(unsigned module)
{
    // rtl/README.md: id[7:4] kind (1 QAM, 2 IFFT), id[3:0] variant
    // (QAM bits per symbol; IFFT log2 N - 8).
    const unsigned kind = (module >> 4) & 0xFu, var = module & 0xFu;
    if (kind == 1 && var >= 1 && var <= 8) return "QAM" + std::to_string(1u << var);
    if (kind == 2 && var <= 5) return "IFFT" + std::to_string(256u << var);
    char b[24];
    std::snprintf(b, sizeof b, "module 0x%02x", module);
    return b;
}

// ---------------- OfdmAnalyzer ----------------

OfdmAnalyzer::OfdmAnalyzer(const AnalyzerConfig &cfg, Metrics *metrics, Gantt *gantt)
    : cfg_(cfg), metrics_(metrics), gantt_(gantt)
{
}

void OfdmAnalyzer::on_exception(zynq_time_ps t, const CpuView &from, unsigned exc, uint32_t, uint32_t)
{
    if (exc == kExcSvc && from.mode == kModeUsr && from.r[0] == kHcDevMode)
        ev_.push_back(Ev{t, K::DevMode, from.asid, from.r[2], from.r[1]});   // module, dev
}

void OfdmAnalyzer::on_mode_change(zynq_time_ps t, const CpuView &now, unsigned old_mode)
{
    if (now.mode == kModeUsr && old_mode != kModeUsr) ev_.push_back(Ev{t, K::UsrIn, now.asid, 0, 0});
    else if (old_mode == kModeUsr && now.mode != kModeUsr) ev_.push_back(Ev{t, K::UsrOut, now.asid, 0, 0});
}

void OfdmAnalyzer::on_wfi(zynq_time_ps t, bool sleeping)
{
    ev_.push_back(Ev{t, sleeping ? K::WfiOn : K::WfiOff, 0, 0, 0});
}

void OfdmAnalyzer::on_devcfg_dma(zynq_time_ps t, uint32_t src, uint32_t bytes)
{
    ev_.push_back(Ev{t, K::DmaStart, 0, 0, src});
    (void)bytes;
}

void OfdmAnalyzer::on_devcfg_done(zynq_time_ps t, bool, uint32_t)
{
    ev_.push_back(Ev{t, K::DmaDone, 0, 0, 0});
}

void OfdmAnalyzer::on_cfg_stream(zynq_time_ps t, bool start, unsigned prr, unsigned module,
                                 unsigned status, uint64_t)
{
    ev_.push_back(Ev{t, start ? K::CfgStart : K::CfgEnd, prr, module, status});
}

void OfdmAnalyzer::on_prr_frame(zynq_time_ps t, unsigned prr, uint32_t progress, uint64_t)
{
    ev_.push_back(Ev{t, K::FrameEnd, prr, 0, progress});
}

void OfdmAnalyzer::on_prr_frame_start(zynq_time_ps t, unsigned prr, unsigned module, uint64_t)
{
    ev_.push_back(Ev{t, K::FrameStart, prr, module, 0});
}

const AnalyzerConfig::Bitstream *OfdmAnalyzer::bitstream_at(uint32_t addr) const
{
    for (const AnalyzerConfig::Bitstream &b : cfg_.bitstreams)
        if (addr >= b.addr && addr - b.addr < b.bytes) return &b;
    return nullptr;
}

void OfdmAnalyzer::finish(zynq_time_ps)
{
    std::stable_sort(ev_.begin(), ev_.end(), [](const Ev &a, const Ev &b) { return a.t < b.t; });
    // The ofdm.* metrics belong to the OFDM use case: reported only for a
    // run that asked for a module change (HC_DEV_MODE) or ran IFFT frames;
    // the Gantt rows are drawn for any run.
    bool ofdm = false;
    for (const Ev &e : ev_)
        if (e.k == K::DevMode || (e.k == K::FrameStart && ((e.b >> 4) & 0xFu) == 2)) ofdm = true;
    auto add = [this, ofdm](const std::string &name, double v) {
        if (metrics_ && ofdm) metrics_->add(name, v);
    };

    // CPU: USR segments, WFI sleep (cumulative), activations.
    zynq_time_ps sleep_total = 0, wfi_on = 0;
    bool in_wfi = false, in_usr = false, have_prev = false, have_act = false;
    unsigned cur = 0, prev = 0;
    zynq_time_ps prev_exit = 0, sleep_at_prev_exit = 0, act_start = 0, sleep_at_act = 0;
    auto sleep_now = [&](zynq_time_ps t) { return sleep_total + (in_wfi && t > wfi_on ? t - wfi_on : 0); };
    auto end_activation = [&]() {
        if (have_act && have_prev && prev == kVdmAsid && prev_exit >= act_start)
            add("ofdm.hw_manager_ms", ms(prev_exit - act_start - (sleep_at_prev_exit - sleep_at_act)));
        have_act = false;
    };
    // PL / DevCfg
    struct Dma {
        zynq_time_ps t;
        const AnalyzerConfig::Bitstream *bs;
    };
    std::deque<Dma> dma;
    struct Request {
        zynq_time_ps t;
        unsigned module;
    };
    std::deque<Request> requests;   // HC_DEV_MODE not yet answered by a PCAP start
    std::map<unsigned, zynq_time_ps> frame_t0, cfg_t0, susp_t0;
    std::map<unsigned, unsigned> frame_mod;

    for (const Ev &e : ev_) {
        switch (e.k) {
        case K::WfiOn:
            if (!in_wfi) {
                in_wfi = true;
                wfi_on = e.t;
            }
            break;
        case K::WfiOff:
            if (in_wfi) {
                sleep_total += e.t - wfi_on;
                in_wfi = false;
            }
            break;
        case K::UsrIn:
            if (!have_prev || prev != e.a) {
                if (have_prev)
                    add("ofdm.ec_switch_ms", ms(e.t - prev_exit - (sleep_now(e.t) - sleep_at_prev_exit)));
                end_activation();
                have_act = true;
                act_start = e.t;
                sleep_at_act = sleep_now(e.t);
            }
            in_usr = true;
            cur = e.a;
            break;
        case K::UsrOut:
            if (in_usr) {
                prev = cur;
                prev_exit = e.t;
                sleep_at_prev_exit = sleep_now(e.t);
                have_prev = true;
                in_usr = false;
            }
            break;
        case K::DevMode:
            requests.push_back(Request{e.t, e.b});
            if (gantt_) gantt_->marker(ec_row_name(cfg_, e.a), e.t, "request");
            break;
        case K::DmaStart: {
            const AnalyzerConfig::Bitstream *bs = bitstream_at(e.c);
            dma.push_back(Dma{e.t, bs});
            if (bs) {
                // The request for this bitstream's module (several may wait
                // while the PCAP serves one at a time); else the oldest.
                auto it = std::find_if(requests.begin(), requests.end(),
                                       [bs](const Request &r) { return r.module == bs->module; });
                if (it == requests.end()) it = requests.begin();
                if (it != requests.end()) {
                    add("ofdm.pr_response_ms", ms(e.t - it->t));
                    requests.erase(it);
                }
                if (gantt_) gantt_->marker("PCAP", e.t, "PCAP start");
            }
            break;
        }
        case K::DmaDone:
            if (!dma.empty()) {
                const Dma d = dma.front();
                dma.pop_front();
                if (d.bs) {
                    const unsigned kind = (d.bs->module >> 4) & 0xFu;
                    if (kind == 1) add("ofdm.qam_reconfig_ms", ms(e.t - d.t));
                    else if (kind == 2) add("ofdm.ifft_reconfig_ms", ms(e.t - d.t));
                    susp_t0[d.bs->prr] = e.t;
                    if (gantt_) {
                        gantt_->span("PCAP", "reconfig", d.t, e.t, module_name(d.bs->module) + " -> " +
                                                                        prr_row(d.bs->prr));
                        gantt_->marker("PCAP", e.t, "PCAP done");
                    }
                }
            }
            break;
        case K::CfgStart:
            if (e.a < kPrrs) cfg_t0[e.a] = e.t;
            break;
        case K::CfgEnd:
            if (e.a < kPrrs && cfg_t0.count(e.a)) {
                std::string lab = module_name(e.b);
                if (e.c) lab += " error " + std::to_string(e.c);
                if (gantt_) gantt_->span(prr_row(e.a), "reconfig", cfg_t0[e.a], e.t, lab);
                cfg_t0.erase(e.a);
            }
            break;
        case K::FrameStart:
            frame_t0[e.a] = e.t;
            frame_mod[e.a] = e.b;
            if (susp_t0.count(e.a)) {
                add("ofdm.pipeline_suspension_ms", ms(e.t - susp_t0[e.a]));
                if (gantt_) {
                    gantt_->span(prr_row(e.a), "suspend", susp_t0[e.a], e.t, "suspension");
                    gantt_->marker(prr_row(e.a), e.t, "path switch");
                }
                susp_t0.erase(e.a);
            }
            break;
        case K::FrameEnd:
            if (frame_t0.count(e.a)) {
                const unsigned m = frame_mod[e.a];
                const unsigned kind = (m >> 4) & 0xFu, var = m & 0xFu;
                const double d = ms(e.t - frame_t0[e.a]);
                if (kind == 1 && var >= 1 && var <= 8)
                    add("ofdm.qam_frame_ms." + std::to_string(1u << var), d);
                else if (kind == 2 && var <= 5)
                    add("ofdm.ifft_frame_ms." + std::to_string(256u << var), d);
                if (gantt_) gantt_->span(prr_row(e.a), "hw", frame_t0[e.a], e.t, module_name(m));
                frame_t0.erase(e.a);
            }
            break;
        }
    }
    // The last VDM activation, if it was the last EC to run.
    if (in_usr && cur == kVdmAsid) {
        // still running at the end: not a complete activation
        have_act = false;
    }
    end_activation();
    ev_.clear();

    // gantt.svg of the use case is Fig. 5: focus on the PL's activity
    // (PCAP and PRR rows, 5 % margin), not on what the guest does after it.
    if (gantt_ && ofdm) {
        zynq_time_ps lo = UINT64_MAX, hi = 0;
        for (const Gantt::Span &sp : gantt_->spans())
            if (sp.row == "PCAP" || sp.row.compare(0, 3, "PRR") == 0) {
                lo = std::min(lo, sp.t0);
                hi = std::max(hi, sp.t1);
            }
        if (lo < hi) {
            zynq_time_ps margin = (hi - lo) / 20;
            gantt_->focus(lo > margin ? lo - margin : 0, hi + margin);
        }
    }
}

// ---------------- EcTimeline ----------------

void EcTimeline::on_mode_change(zynq_time_ps t, const CpuView &now, unsigned)
{
    ev_.push_back(Ev{t, 0, now.mode, now.asid});
}

void EcTimeline::on_wfi(zynq_time_ps t, bool sleeping)
{
    ev_.push_back(Ev{t, sleeping ? 1 : 2, 0, 0});
}

void EcTimeline::finish(zynq_time_ps end)
{
    if (!gantt_) return;
    std::stable_sort(ev_.begin(), ev_.end(), [](const Ev &a, const Ev &b) { return a.t < b.t; });
    // State: the CPU starts privileged (reset: SVC), awake.
    bool usr = false, sleeping = false;
    unsigned asid = 0;
    zynq_time_ps since = 0;
    auto emit = [&](zynq_time_ps t) {
        if (t <= since || sleeping) return;
        if (usr) gantt_->span(ec_row_name(cfg_, asid), "run", since, t);
        else gantt_->span("kernel", "kernel", since, t);
    };
    for (const Ev &e : ev_) {
        const bool to_usr = e.kind == 0 ? e.mode == kModeUsr : usr;
        const bool to_sleep = e.kind == 1 ? true : e.kind == 2 ? false : sleeping;
        const unsigned to_asid = e.kind == 0 ? e.asid : asid;
        if (to_usr == usr && to_sleep == sleeping && (!usr || to_asid == asid)) continue;
        emit(e.t);
        since = e.t;
        usr = to_usr;
        sleeping = to_sleep;
        asid = to_asid;
    }
    emit(end);
    ev_.clear();
}

// ---------------- MetricLines ----------------

void MetricLines::on_uart_line(zynq_time_ps, const std::string &line)
{
    static const char kPrefix[] = "dprsim-metric ";   // hv_abi.h HV_METRIC_PREFIX
    const size_t p = line.find(kPrefix);
    if (p == std::string::npos) return;
    const char *s = line.c_str() + p + sizeof kPrefix - 1;
    while (*s == ' ') s++;
    const char *n0 = s;
    while (*s && *s != ' ') s++;
    std::string name(n0, (size_t)(s - n0));
    while (*s == ' ') s++;
    char *endp = nullptr;
    const double v = std::strtod(s, &endp);
    bool ok = !name.empty() && endp != s;
    if (ok)
        for (const char *q = endp; *q; q++)
            if (*q != ' ' && *q != '\r' && *q != '\t') ok = false;
    if (!ok) {
        if (!warned_)
            std::fprintf(stderr, "dprsim: note: malformed metric line ignored: \"%s\"\n", line.c_str());
        warned_ = true;
        return;
    }
    if (metrics_) metrics_->add(name, v);
    accepted_++;
}

} // namespace plat
