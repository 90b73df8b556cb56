// plat_alloc.cc - the allocation-latency analyzer (see plat_alloc.h).
#include "plat_alloc.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>

#include "dprsim_pl_regs.h"
#include "plat_ofdm.h"

namespace plat {

namespace {

constexpr unsigned kVdmAsid = 0;                 // hv_abi.h HV_VDM_ASID
constexpr unsigned kModeUsr = 0x10;
constexpr uint32_t kVdevBase = 0x70000000u;      // hv_abi.h HV_VDEV_VA_BASE
constexpr uint32_t kVdevSpan = 8 * 0x1000u;      // HV_VDEV_MAX pages
constexpr uint32_t kIfBase = PL_MAP_GP0_BASE + PL_MAP_IF_BASE;
constexpr uint32_t kIfSpan = PL_MAP_IF_COUNT * PL_MAP_IF_SIZE;
constexpr unsigned kExcSvc = 2, kExcDabt = 4;    // arm_exception
constexpr unsigned kIrqMonStop = 1u << PL_IRQ_MON_STOP_BIT;

/** Monitor register at this GP0 address? (address bits 31..24 are ignored by the PL) */
bool mon_reg(uint32_t addr, uint32_t reg)
{
    return addr >= PL_MAP_GP0_BASE && (addr & 0x00FFFFFFu) == PL_MAP_MON_BASE + reg;
}

/** Short-descriptor DFSR permission fault (ARM ARM B4.1.52: FS 0b01101 / 0b01111). */
bool permission_fault(uint32_t fsr)
{
    const uint32_t fs = (fsr & 0xFu) | ((fsr >> 6) & 0x10u);
    return fs == 0x0Du || fs == 0x0Fu;
}

double us(zynq_time_ps ps) { return (double)ps / 1e6; }

struct Interval {
    zynq_time_ps a, b;
};

/** Length of [a, b) minus its overlap with the (sorted, disjoint) intervals. */
zynq_time_ps len_excl(zynq_time_ps a, zynq_time_ps b, const std::vector<Interval> &ex)
{
    if (b <= a) return 0;
    zynq_time_ps len = b - a;
    for (const Interval &i : ex) {
        zynq_time_ps lo = std::max(a, i.a), hi = std::min(b, i.b);
        if (hi > lo) len -= hi - lo;
    }
    return len;
}

double median(std::vector<double> v)
{
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

} // namespace

AllocAnalyzer::AllocAnalyzer(const AnalyzerConfig &cfg, Metrics *metrics, Gantt *gantt)
    : cfg_(cfg), metrics_(metrics), gantt_(gantt)
{
}

std::vector<std::string> AllocAnalyzer::probe_symbols() const
{
    return {"hv_ipc_send", "hv_schedule"};
}

void AllocAnalyzer::on_exception(zynq_time_ps t, const CpuView &from, unsigned exc, uint32_t far,
                                 uint32_t fsr)
{
    if (from.mode != kModeUsr) return;
    if (exc == kExcDabt && permission_fault(fsr) && far >= kVdevBase && far - kVdevBase < kVdevSpan)
        ev_.push_back(Ev{t, K::Abort, from.asid, from.mode, false, (far - kVdevBase) / 0x1000u, 0});
    else if (exc == kExcSvc && from.asid == kVdmAsid)
        ev_.push_back(Ev{t, K::VdmSvc, from.asid, from.mode, false, from.r[0], 0});
}

void AllocAnalyzer::on_mode_change(zynq_time_ps t, const CpuView &now, unsigned)
{
    if (now.mode == kModeUsr) ev_.push_back(Ev{t, K::UsrEnter, now.asid, now.mode, false, now.pc, 0});
}

void AllocAnalyzer::on_probe(zynq_time_ps t, const CpuView &now, const std::string &symbol)
{
    if (symbol == "hv_ipc_send") ev_.push_back(Ev{t, K::Ipc, now.asid, now.mode, false, now.r[0], 0});
    else if (symbol == "hv_schedule") ev_.push_back(Ev{t, K::Sched, now.asid, now.mode, false, 0, 0});
}

void AllocAnalyzer::on_gp0(zynq_time_ps t, const CpuView &by, bool write, uint32_t addr, uint32_t data)
{
    if (by.mode != kModeUsr) return;
    ev_.push_back(Ev{t, K::Gp0, by.asid, by.mode, write, addr, data});
}

void AllocAnalyzer::on_devcfg_dma(zynq_time_ps t, uint32_t src, uint32_t bytes)
{
    ev_.push_back(Ev{t, K::DmaStart, 0, 0, false, src, bytes});
}

void AllocAnalyzer::on_devcfg_done(zynq_time_ps t, bool, uint32_t int_sts)
{
    ev_.push_back(Ev{t, K::DmaDone, 0, 0, false, int_sts, 0});
}

void AllocAnalyzer::on_irq_f2p(zynq_time_ps t, uint32_t levels, uint64_t)
{
    ev_.push_back(Ev{t, K::Irq, 0, 0, false, levels, 0});
}

bool AllocAnalyzer::in_store(uint32_t addr) const
{
    for (const AnalyzerConfig::Bitstream &b : cfg_.bitstreams)
        if (addr >= b.addr && addr - b.addr < b.bytes) return true;
    return false;
}

unsigned AllocAnalyzer::slot_of(unsigned asid) const
{
    for (const AnalyzerConfig::Vm &v : cfg_.vms)
        if (v.id == asid) return v.slot;
    return asid ? asid - 1 : 0;   // unknown VM: ids 1.. in slot order
}

std::string AllocAnalyzer::row_of(unsigned asid) const { return ec_row_name(cfg_, asid); }

void AllocAnalyzer::process(const Ev &e)
{
    // The oldest open window satisfying pred.
    auto first = [this](auto pred) -> Window * {
        for (Window &w : open_)
            if (pred(w)) return &w;
        return nullptr;
    };
    switch (e.k) {
    case K::Abort:
        if (!first([&](Window &w) { return w.asid == e.asid; })) {
            Window w;
            w.asid = e.asid;
            w.slot = slot_of(e.asid);
            w.dev = e.a;
            w.t_abort = e.t;
            open_.push_back(w);
        }
        break;
    case K::Ipc:
        if (Window *w = first([](Window &x) { return !x.has_ipc; })) {
            w->t_ipc = e.t;
            w->has_ipc = true;
        }
        break;
    case K::Sched:
        if (Window *w = first([](Window &x) { return !x.has_sched && x.has_ipc; })) {
            w->t_sched = e.t;
            w->has_sched = true;
        }
        break;
    case K::UsrEnter:
        if (e.asid == kVdmAsid) {
            if (Window *w = first([](Window &x) { return !x.has_vdm && x.has_sched; })) {
                w->t_vdm = e.t;
                w->has_vdm = true;
            }
        } else if (Window *w = first([&](Window &x) { return x.asid == e.asid && x.has_vdm; })) {
            // The guest runs again (its store is about to be re-executed).
            if (!w->has_guest) {
                w->t_guest = e.t;
                w->has_guest = true;
            }
        }
        break;
    case K::VdmSvc: {
        // The VDM works for the window it was last dispatched for (a window
        // left waiting, e.g. UNAVAILABLE, does not take the hypercalls made
        // for a newer one).
        Window *w = nullptr;
        for (Window &x : open_)
            if (x.has_vdm && !x.has_guest && (!w || x.t_vdm >= w->t_vdm)) w = &x;
        if (w) {
            w->t_last_hc = e.t;
            w->has_last_hc = true;
        }
        break;
    }
    case K::Gp0:
        if (e.asid == kVdmAsid) {
            if (e.write && mon_reg(e.a, PL_MON_SEARCH_CMD)) {
                const unsigned vm = (e.b & PL_MON_SEARCH_CMD_VM_MASK) >> PL_MON_SEARCH_CMD_VM_SHIFT;
                const unsigned dev = (e.b & PL_MON_SEARCH_CMD_DEV_MASK) >> PL_MON_SEARCH_CMD_DEV_SHIFT;
                if (Window *w = first([&](Window &x) { return !x.has_search && x.slot == vm && x.dev == dev; })) {
                    w->t_sreq = e.t;
                    w->has_search = true;
                }
            } else if (!e.write && mon_reg(e.a, PL_MON_SEARCH_RESULT) &&
                       (e.b & PL_MON_SEARCH_RESULT_VALID_MASK)) {
                if (Window *w = first([](Window &x) { return x.has_search && !x.has_result; })) {
                    w->t_sdone = e.t;
                    w->result = e.b;
                    w->has_result = true;
                    const unsigned m = (e.b & PL_MON_SEARCH_RESULT_METHOD_MASK) >> PL_MON_SEARCH_RESULT_METHOD_SHIFT;
                    const bool rc = (e.b & PL_MON_SEARCH_RESULT_RECONFIG_MASK) != 0;
                    w->method = m == PL_MON_METHOD_ASSIGN    ? (rc ? "assign_reconfig" : "assign")
                                : m == PL_MON_METHOD_PREEMPT ? (rc ? "preempt_reconfig" : "preempt")
                                : m == PL_MON_METHOD_UNAVAILABLE ? "unavailable"
                                                                 : "";
                }
            } else if (e.write && mon_reg(e.a, PL_MON_STOP_CMD)) {
                if (Window *w = first([](Window &x) { return x.has_result && !x.has_stop; })) {
                    w->t_stop = e.t;
                    w->has_stop = true;
                }
            }
        } else if (e.write && e.a >= kIfBase && e.a - kIfBase < kIfSpan) {
            for (size_t i = 0; i < open_.size(); i++)
                if (open_[i].asid == e.asid) {
                    Window w = open_[i];
                    open_.erase(open_.begin() + (long)i);
                    w.t_end = e.t;
                    close(w);
                    break;
                }
        }
        break;
    case K::DmaStart:
        if (in_store(e.a))
            if (Window *w = first([](Window &x) { return x.has_result && !x.has_dma; })) {
                w->t_dma0 = e.t;
                w->has_dma = true;
            }
        break;
    case K::DmaDone:
        if (Window *w = first([](Window &x) { return x.has_dma && !x.has_dma_done; })) {
            w->t_dma1 = e.t;
            w->has_dma_done = true;
        }
        break;
    case K::Irq: {
        const bool rise = (e.a & kIrqMonStop) && !(irq_ & kIrqMonStop);
        irq_ = e.a;
        if (rise)
            if (Window *w = first([](Window &x) { return x.has_stop && !x.has_stopped; })) {
                w->t_stopped = e.t;
                w->has_stopped = true;
            }
        break;
    }
    }
}

void AllocAnalyzer::close(Window &w)
{
    w.closed = true;
    w.total = w.t_end - w.t_abort;
    // Waits inside the window, merged.
    std::vector<Interval> ex;
    auto clip = [&](zynq_time_ps a, zynq_time_ps b) {
        a = std::max(a, w.t_abort);
        b = std::min(b, w.t_end);
        if (b > a) ex.push_back(Interval{a, b});
    };
    if (w.has_dma && w.has_dma_done && w.t_dma1 >= w.t_dma0) {
        w.rcfg = w.t_dma1 - w.t_dma0;
        clip(w.t_dma0, w.t_dma1);
    }
    if (w.has_stop && w.has_stopped && w.t_stopped >= w.t_stop) {
        w.preempt = w.t_stopped - w.t_stop;
        clip(w.t_stop, w.t_stopped);
    }
    std::sort(ex.begin(), ex.end(), [](const Interval &a, const Interval &b) { return a.a < b.a; });
    std::vector<Interval> merged;
    for (const Interval &i : ex) {
        if (!merged.empty() && i.a <= merged.back().b) merged.back().b = std::max(merged.back().b, i.b);
        else merged.push_back(i);
    }
    w.overhead = len_excl(w.t_abort, w.t_end, merged);

    const bool order = w.has_ipc && w.has_sched && w.has_vdm && w.has_last_hc && w.has_guest &&
                       w.t_abort <= w.t_ipc && w.t_ipc <= w.t_sched && w.t_sched <= w.t_vdm &&
                       w.t_vdm <= w.t_last_hc && w.t_last_hc <= w.t_end;
    if (order) {
        w.breakdown = true;
        w.page_fault = len_excl(w.t_abort, w.t_ipc, merged);
        w.ipc = len_excl(w.t_ipc, w.t_sched, merged);
        w.vm_scheduling = len_excl(w.t_sched, w.t_vdm, merged) + len_excl(w.t_last_hc, w.t_end, merged);
        w.monitor_search = 0;
        if (w.has_search && w.has_result && w.t_sdone >= w.t_sreq) {
            const zynq_time_ps a = std::max(w.t_sreq, w.t_vdm), b = std::min(w.t_sdone, w.t_last_hc);
            w.monitor_search = len_excl(a, b, merged);
        }
        w.vdm = len_excl(w.t_vdm, w.t_last_hc, merged) - w.monitor_search;
    }
    done_.push_back(w);
}

void AllocAnalyzer::finish(zynq_time_ps)
{
    std::stable_sort(ev_.begin(), ev_.end(), [](const Ev &a, const Ev &b) { return a.t < b.t; });
    for (const Ev &e : ev_) process(e);
    ev_.clear();

    struct Acc {
        std::vector<double> total, overhead, pf, ipc, vs, vdm, ms, rcfg, pre;
    };
    std::vector<std::pair<std::string, Acc>> by_method;   // first-seen order of the Table 1 methods
    static const char *const kMethods[] = {"assign", "assign_reconfig", "preempt", "preempt_reconfig",
                                           "unavailable"};
    for (const char *m : kMethods) by_method.emplace_back(m, Acc{});
    for (const Window &w : done_) {
        if (w.method.empty()) continue;
        Acc *acc = nullptr;
        for (auto &p : by_method)
            if (p.first == w.method) acc = &p.second;
        if (!acc) continue;
        const std::string base = "alloc." + w.method;
        if (metrics_) metrics_->add(base + ".total_us", us(w.total));
        acc->total.push_back(us(w.total));
        if (w.method != "unavailable") {
            if (metrics_) metrics_->add(base + ".overhead_us", us(w.overhead));
            acc->overhead.push_back(us(w.overhead));
        }
        if (w.rcfg) {
            if (metrics_) metrics_->add("t_rcfg_us", us(w.rcfg));
            acc->rcfg.push_back(us(w.rcfg));
        }
        if (w.preempt) {
            if (metrics_) metrics_->add("t_preempt_us", us(w.preempt));
            acc->pre.push_back(us(w.preempt));
        }
        if (w.breakdown && w.method != "unavailable") {
            const std::pair<const char *, zynq_time_ps> ph[] = {
                {"page_fault", w.page_fault}, {"ipc", w.ipc}, {"vm_scheduling", w.vm_scheduling},
                {"vdm", w.vdm}, {"monitor_search", w.monitor_search}};
            for (const auto &p : ph)
                if (metrics_) metrics_->add(base + ".breakdown." + p.first + "_us", us(p.second));
            acc->pf.push_back(us(w.page_fault));
            acc->ipc.push_back(us(w.ipc));
            acc->vs.push_back(us(w.vm_scheduling));
            acc->vdm.push_back(us(w.vdm));
            acc->ms.push_back(us(w.monitor_search));
        }
        if (gantt_) {
            char lab[64];
            std::snprintf(lab, sizeof lab, "fault dev %u", w.dev);
            gantt_->marker(row_of(w.asid), w.t_abort, lab);
            gantt_->marker(row_of(w.asid), w.t_end, "IF connected (" + w.method + ")");
            if (w.has_search) gantt_->marker(row_of(kVdmAsid), w.t_sreq, "Monitor search");
            if (w.has_stop) gantt_->marker(row_of(kVdmAsid), w.t_stop, "STOP_CMD");
        }
    }

    // report.md: where the time goes (medians; shares of the summed overhead).
    std::string md;
    char line[256];
    for (const auto &p : by_method) {
        const Acc &a = p.second;
        if (a.total.empty() || p.first == "unavailable") continue;
        std::snprintf(line, sizeof line, "\n**%s** (%zu allocations, median total %.3f us, overhead %.3f us)\n\n",
                      p.first.c_str(), a.total.size(), median(a.total), median(a.overhead));
        md += line;
        if (a.pf.empty()) {
            md += "No breakdown: a boundary was not observed (hv_ipc_send / hv_schedule probes, "
                  "VDM activity).\n";
            continue;
        }
        md += "| phase | median us | share |\n|---|---:|---:|\n";
        double sum = 0;
        for (const std::vector<double> *v : {&a.pf, &a.ipc, &a.vs, &a.vdm, &a.ms})
            for (double x : *v) sum += x;
        const std::pair<const char *, const std::vector<double> *> rows[] = {
            {"page fault handling", &a.pf}, {"IPC", &a.ipc}, {"VM scheduling", &a.vs},
            {"VDM execution", &a.vdm}, {"PRR Monitor search", &a.ms}};
        for (const auto &r : rows) {
            double s = 0;
            for (double x : *r.second) s += x;
            std::snprintf(line, sizeof line, "| %s | %.3f | %.1f %% |\n", r.first, median(*r.second),
                          sum > 0 ? 100.0 * s / sum : 0.0);
            md += line;
        }
        if (!a.rcfg.empty() || !a.pre.empty()) {
            md += "\nExcluded from the overhead:";
            if (!a.rcfg.empty()) {
                std::snprintf(line, sizeof line, " T_RCFG median %.3f us", median(a.rcfg));
                md += line;
            }
            if (!a.pre.empty()) {
                std::snprintf(line, sizeof line, "%s T_preempt median %.3f us", a.rcfg.empty() ? "" : ";",
                              median(a.pre));
                md += line;
            }
            md += ".\n";
        }
    }
    if (!md.empty() && metrics_)
        metrics_->add_section("Where the time goes",
                              "Allocation overhead per method, measured from the faulting store's data "
                              "abort to the store reaching the connected IF; phases exclude the "
                              "reconfiguration and preemption waits.\n" + md);
}

} // namespace plat
