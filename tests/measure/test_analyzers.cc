// test_analyzers.cc - the measurement analyzers (sim/platform/plat_alloc.h,
// plat_ofdm.h, plat_cpuwave.h) fed with synthetic observation streams:
// every metric computed from known times, phases adding up to the total.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "dprsim_pl_regs.h"
#include "plat_alloc.h"
#include "plat_analyzers.h"
#include "plat_cpuwave.h"
#include "plat_ofdm.h"

using namespace plat;

namespace {

constexpr unsigned USR = 0x10, SVC = 0x13, ABT = 0x17, IRQ = 0x12;
constexpr unsigned EXC_SVC = 2, EXC_DABT = 4, EXC_IRQ = 5;
constexpr uint32_t MON = PL_MAP_GP0_BASE + PL_MAP_MON_BASE;
constexpr zynq_time_ps NS = 1000, US = 1000000;

CpuView cv(unsigned mode, unsigned asid, uint32_t r0 = 0, uint32_t r1 = 0, uint32_t r2 = 0)
{
    CpuView v{};
    v.mode = mode;
    v.asid = asid;
    v.r[0] = r0;
    v.r[1] = r1;
    v.r[2] = r2;
    return v;
}

AnalyzerConfig config()
{
    AnalyzerConfig c;
    c.vms = {{1, 0, "vm1"}, {2, 1, "vm2"}};
    // QAM16 for PRR1 and IFFT512 for PRR3 in the bitstream store.
    c.bitstreams = {{0x10000000u, 145472u, 0x14, 1}, {0x10040000u, 1454432u, 0x21, 3}};
    return c;
}

double med(const Metrics &m, const std::string &name)
{
    MetricSummary s{};
    EXPECT_TRUE(m.summary(name, &s)) << name;
    return s.median;
}

size_t count(const Metrics &m, const std::string &name)
{
    MetricSummary s{};
    return m.summary(name, &s) ? s.n : 0;
}

/** One synthetic allocation of VM slot `slot` (ASID slot+1), device `dev`, starting at t0. */
struct AllocScript {
    zynq_time_ps t0;
    unsigned asid = 1, slot = 0, dev = 2;
    uint32_t result = 0;        // SEARCH_RESULT read
    bool reconfig_wait = false, preempt_wait = false, probes = true;

    // Boundaries (absolute ps)
    zynq_time_ps abort() const { return t0; }
    zynq_time_ps ipc() const { return t0 + 700 * NS; }
    zynq_time_ps sched() const { return t0 + 1000 * NS; }
    zynq_time_ps vdm() const { return t0 + 1600 * NS; }
    zynq_time_ps sreq() const { return t0 + 2000 * NS; }
    zynq_time_ps sdone() const { return t0 + 2090 * NS; }
    zynq_time_ps stop() const { return t0 + 2200 * NS; }
    zynq_time_ps stopped() const { return t0 + 12200 * NS; }
    zynq_time_ps dma0() const { return t0 + (preempt_wait ? 12500 : 2300) * NS; }
    zynq_time_ps dma1() const { return dma0() + 1000 * US; }
    zynq_time_ps last_hc() const { return (reconfig_wait ? dma1() : preempt_wait ? stopped() : t0) + 3000 * NS; }
    zynq_time_ps guest() const { return last_hc() + 400 * NS; }
    zynq_time_ps end() const { return guest() + 30 * NS; }

    void feed(Observer &o, bool pl_first) const
    {
        const uint32_t far = 0x70000000u + dev * 0x1000u + 0x10;
        // PL-side events first when pl_first: the analyzer sorts by time.
        auto pl = [&] {
            if (reconfig_wait) {
                o.on_devcfg_dma(dma0(), 0x10000000u + 0x100, 145472);   // inside the QAM16 SimB
                o.on_devcfg_done(dma1(), true, 0x3004);
            }
            if (preempt_wait) {
                o.on_irq_f2p(stopped(), 1u << PL_IRQ_MON_STOP_BIT, 1);
                o.on_irq_f2p(stopped() + 100 * NS, 0, 2);
            }
        };
        if (pl_first) pl();
        o.on_exception(abort(), cv(USR, asid), EXC_DABT, far, 0x80F);   // WnR, page permission
        o.on_mode_change(abort(), cv(ABT, asid), USR);
        if (probes) {
            o.on_probe(ipc(), cv(SVC, asid), "hv_ipc_send");
            o.on_probe(sched(), cv(SVC, asid), "hv_schedule");
        }
        o.on_mode_change(vdm(), cv(USR, 0), SVC);
        o.on_exception(vdm() + 100 * NS, cv(USR, 0, 32), EXC_SVC, 0, 0);   // HC_VDM_RECV returns
        const uint32_t cmd = (slot << 16) | (dev << 8) | 5;
        o.on_gp0(sreq(), cv(USR, 0), true, MON + PL_MON_SEARCH_CMD, cmd);
        o.on_gp0(sdone() - 40 * NS, cv(USR, 0), false, MON + PL_MON_SEARCH_RESULT,
                 PL_MON_SEARCH_RESULT_BUSY_MASK);
        o.on_gp0(sdone(), cv(USR, 0), false, MON + PL_MON_SEARCH_RESULT, result);
        if (preempt_wait) o.on_gp0(stop(), cv(USR, 0), true, MON + PL_MON_STOP_CMD, 1);
        o.on_exception(last_hc() - 500 * NS, cv(USR, 0, 33), EXC_SVC, 0, 0);   // MAP_IF
        o.on_exception(last_hc(), cv(USR, 0, 35), EXC_SVC, 0, 0);              // RESUME
        o.on_mode_change(guest(), cv(USR, asid), SVC);
        // A store by another EC does not end the window; this one does.
        o.on_gp0(end() - 10 * NS, cv(USR, asid + 5), true, 0x40100000u, 1);
        o.on_gp0(end(), cv(USR, asid), true, 0x40100000u + (slot * 8 + dev) * 0x1000u, 1);
        if (!pl_first) pl();
    }
};

uint32_t result(unsigned method, bool reconfig, unsigned prr)
{
    return PL_MON_SEARCH_RESULT_VALID_MASK | (method << PL_MON_SEARCH_RESULT_METHOD_SHIFT) |
           (reconfig ? PL_MON_SEARCH_RESULT_RECONFIG_MASK : 0) | prr;
}

} // namespace

TEST(AllocAnalyzer, AssignWindowAndBreakdown)
{
    Metrics m;
    Gantt g;
    AllocAnalyzer a(config(), &m, &g);
    AllocScript s{100 * US};
    s.result = result(PL_MON_METHOD_ASSIGN, false, 1);
    s.feed(a, false);
    a.finish(s.end() + US);
    ASSERT_EQ(a.windows().size(), 1u);
    const auto &w = a.windows()[0];
    EXPECT_EQ(w.method, "assign");
    EXPECT_EQ(w.total, s.end() - s.abort());
    EXPECT_EQ(w.overhead, w.total);
    ASSERT_TRUE(w.breakdown);
    EXPECT_EQ(w.page_fault, 700 * NS);
    EXPECT_EQ(w.ipc, 300 * NS);
    EXPECT_EQ(w.monitor_search, 90 * NS);
    EXPECT_EQ(w.vm_scheduling, (s.vdm() - s.sched()) + (s.end() - s.last_hc()));
    EXPECT_EQ(w.vdm, s.last_hc() - s.vdm() - 90 * NS);
    EXPECT_EQ(w.page_fault + w.ipc + w.vm_scheduling + w.vdm + w.monitor_search, w.overhead);
    EXPECT_DOUBLE_EQ(med(m, "alloc.assign.total_us"), (double)(s.end() - s.abort()) / 1e6);
    EXPECT_DOUBLE_EQ(med(m, "alloc.assign.breakdown.page_fault_us"), 0.7);
    EXPECT_DOUBLE_EQ(med(m, "alloc.assign.breakdown.monitor_search_us"), 0.09);
    EXPECT_FALSE(m.has("t_rcfg_us"));
    EXPECT_FALSE(m.has("t_preempt_us"));
    ASSERT_EQ(m.sections().size(), 1u);
    EXPECT_EQ(m.sections()[0].title, "Where the time goes");
    EXPECT_NE(m.sections()[0].markdown.find("| PRR Monitor search | 0.090 |"), std::string::npos)
        << m.sections()[0].markdown;
    // Gantt markers on the VM's row.
    bool fault = false, conn = false;
    for (const auto &mk : g.markers()) {
        fault = fault || (mk.row == "vm1" && mk.t == s.abort());
        conn = conn || (mk.row == "vm1" && mk.t == s.end());
    }
    EXPECT_TRUE(fault && conn);
}

TEST(AllocAnalyzer, ReconfigAndPreemptWaitsAreExcluded)
{
    Metrics m;
    AllocAnalyzer a(config(), &m, nullptr);
    AllocScript r{100 * US};
    r.result = result(PL_MON_METHOD_ASSIGN, true, 1);
    r.reconfig_wait = true;
    AllocScript p{5000 * US};
    p.asid = 2;
    p.slot = 1;
    p.dev = 0;
    p.result = result(PL_MON_METHOD_PREEMPT, true, 1);
    p.reconfig_wait = p.preempt_wait = true;
    r.feed(a, true);   // PL events before the CPU's: sorted by time
    p.feed(a, false);
    a.finish(p.end() + US);
    ASSERT_EQ(a.windows().size(), 2u);
    const auto &w0 = a.windows()[0], &w1 = a.windows()[1];
    EXPECT_EQ(w0.method, "assign_reconfig");
    EXPECT_EQ(w0.rcfg, 1000 * US);
    EXPECT_EQ(w0.overhead, w0.total - 1000 * US);
    EXPECT_EQ(w1.method, "preempt_reconfig");
    EXPECT_EQ(w1.preempt, 10000 * NS);
    EXPECT_EQ(w1.rcfg, 1000 * US);
    EXPECT_EQ(w1.overhead, w1.total - 1000 * US - 10000 * NS);
    for (const auto *w : {&w0, &w1}) {
        ASSERT_TRUE(w->breakdown);
        EXPECT_EQ(w->page_fault + w->ipc + w->vm_scheduling + w->vdm + w->monitor_search, w->overhead);
        EXPECT_EQ(w->monitor_search, 90 * NS);
    }
    EXPECT_EQ(count(m, "t_rcfg_us"), 2u);
    EXPECT_DOUBLE_EQ(med(m, "t_rcfg_us"), 1000.0);
    EXPECT_DOUBLE_EQ(med(m, "t_preempt_us"), 10.0);
    EXPECT_DOUBLE_EQ(med(m, "alloc.preempt_reconfig.overhead_us"), (double)w1.overhead / 1e6);
    EXPECT_TRUE(m.has("alloc.assign_reconfig.breakdown.vdm_us"));
}

TEST(AllocAnalyzer, OnlyUserPermissionFaultsOnDevicePagesOpenAWindow)
{
    Metrics m;
    AllocAnalyzer a(config(), &m, nullptr);
    // translation fault (FS 0b00101), a permission fault outside the device
    // pages, and one from SVC mode: none opens a window.
    a.on_exception(1 * US, cv(USR, 1), EXC_DABT, 0x70001000u, 0x805);
    a.on_exception(2 * US, cv(USR, 1), EXC_DABT, 0x80001000u, 0x80F);
    a.on_exception(3 * US, cv(SVC, 1), EXC_DABT, 0x70001000u, 0x80F);
    a.on_exception(4 * US, cv(USR, 1), EXC_IRQ, 0x70001000u, 0x80F);
    a.on_gp0(5 * US, cv(USR, 1), true, 0x40101000u, 1);
    a.finish(10 * US);
    EXPECT_TRUE(a.windows().empty());
    EXPECT_TRUE(m.names().empty());
}

TEST(AllocAnalyzer, MissingProbesGiveTotalsWithoutBreakdown)
{
    Metrics m;
    AllocAnalyzer a(config(), &m, nullptr);
    AllocScript s{100 * US};
    s.result = result(PL_MON_METHOD_PREEMPT, false, 0);
    s.probes = false;
    s.feed(a, false);
    a.finish(s.end());
    ASSERT_EQ(a.windows().size(), 1u);
    EXPECT_FALSE(a.windows()[0].breakdown);
    EXPECT_TRUE(m.has("alloc.preempt.total_us"));
    EXPECT_TRUE(m.has("alloc.preempt.overhead_us"));
    EXPECT_FALSE(m.has("alloc.preempt.breakdown.ipc_us"));
}

TEST(AllocAnalyzer, AWaitingWindowDoesNotTakeTheVdmHypercallsOfANewerOne)
{
    Metrics m;
    AllocAnalyzer a(config(), &m, nullptr);
    // vm2 (slot 1) faults and gets UNAVAILABLE: it stays blocked.
    const uint32_t far2 = 0x70000000u + 0x1000u;
    a.on_exception(10 * US, cv(USR, 2), EXC_DABT, far2, 0x80F);
    a.on_probe(11 * US, cv(SVC, 2), "hv_ipc_send");
    a.on_probe(12 * US, cv(SVC, 2), "hv_schedule");
    a.on_mode_change(13 * US, cv(USR, 0), SVC);
    a.on_gp0(14 * US, cv(USR, 0), true, MON + PL_MON_SEARCH_CMD, (1u << 16) | (1u << 8) | 1);
    a.on_gp0(15 * US, cv(USR, 0), false, MON + PL_MON_SEARCH_RESULT, result(PL_MON_METHOD_UNAVAILABLE, false, 0));
    a.on_exception(16 * US, cv(USR, 0, 32), EXC_SVC, 0, 0);
    // vm1 (slot 0) faults meanwhile and is served at once (assign).
    AllocScript s{100 * US};
    s.result = result(PL_MON_METHOD_ASSIGN, false, 0);
    s.feed(a, false);
    // vm2's solution comes later: the VDM connects and resumes it.
    a.on_mode_change(300 * US, cv(USR, 0), SVC);
    a.on_exception(301 * US, cv(USR, 0, 35), EXC_SVC, 0, 0);
    a.on_mode_change(302 * US, cv(USR, 2), SVC);
    a.on_gp0(303 * US, cv(USR, 2), true, 0x40100000u + 9 * 0x1000u, 1);
    a.finish(400 * US);
    ASSERT_EQ(a.windows().size(), 2u);
    const auto &w1 = a.windows()[0], &w2 = a.windows()[1];
    EXPECT_EQ(w1.method, "assign");
    ASSERT_TRUE(w1.breakdown);
    EXPECT_EQ(w1.t_last_hc, s.last_hc());
    EXPECT_EQ(w1.page_fault + w1.ipc + w1.vm_scheduling + w1.vdm + w1.monitor_search, w1.overhead);
    EXPECT_EQ(w2.method, "unavailable");
    EXPECT_EQ(w2.total, 293 * US);
    EXPECT_EQ(w2.t_last_hc, 301 * US);
    EXPECT_TRUE(m.has("alloc.unavailable.total_us"));
    EXPECT_FALSE(m.has("alloc.unavailable.overhead_us"));
}

TEST(OfdmAnalyzer, NoOfdmMetricsOutsideTheUseCase)
{
    Metrics m;
    Gantt g;
    OfdmAnalyzer o(config(), &m, &g);
    o.on_mode_change(0, cv(USR, 1), SVC);
    o.on_mode_change(10 * US, cv(SVC, 1), USR);
    o.on_mode_change(12 * US, cv(USR, 2), SVC);
    o.on_prr_frame_start(20 * US, 0, 0x12, 0);   // QAM frames only (Table 1)
    o.on_prr_frame(114 * US, 0, 1, 0);
    o.finish(200 * US);
    EXPECT_TRUE(m.names().empty());
    EXPECT_FALSE(g.spans().empty());   // the PRR row is still drawn
}

TEST(OfdmAnalyzer, MetricsFromKnownTimes)
{
    Metrics m;
    Gantt g;
    OfdmAnalyzer o(config(), &m, &g);
    // EC timeline: vm1 runs, kernel 2 us, VDM runs 10 us (two segments with a
    // hypercall between), kernel 3 us, vm1 again; a 100 us WFI between the
    // VDM and vm2 is not switch time.
    o.on_mode_change(0, cv(USR, 1), SVC);
    o.on_mode_change(10 * US, cv(SVC, 1), USR);
    o.on_mode_change(12 * US, cv(USR, 0), SVC);
    o.on_mode_change(15 * US, cv(SVC, 0), USR);
    o.on_mode_change(16 * US, cv(USR, 0), SVC);
    o.on_mode_change(22 * US, cv(SVC, 0), USR);
    o.on_mode_change(25 * US, cv(USR, 1), SVC);
    // vm1 asks for QAM16 (HC_DEV_MODE dev 1) at 30 us, for IFFT512 at 30.5 us.
    o.on_exception(30 * US, cv(USR, 1, 13, 1, 0x14), EXC_SVC, 0, 0);
    o.on_exception(30 * US + 500 * NS, cv(USR, 1, 13, 3, 0x21), EXC_SVC, 0, 0);
    o.on_mode_change(30 * US, cv(SVC, 1), USR);
    o.on_wfi(31 * US, true);
    o.on_wfi(131 * US, false);
    o.on_mode_change(133 * US, cv(USR, 2), SVC);
    // PCAP: QAM16 SimB for PRR1 from 40 us to 1.158 ms; cfg_port loads it.
    o.on_devcfg_dma(40 * US, 0x10000000u, 145472);
    o.on_cfg_stream(41 * US, true, 1, 0x14, 0, 0);
    o.on_cfg_stream(1160 * US, false, 1, 0x14, 0, 0);
    o.on_devcfg_done(1158 * US, true, 0x3004);
    // PRR1 QAM16 frames: 47 us each; the first one starts 12 us after PCAP done.
    o.on_prr_frame_start(1170 * US, 1, 0x14, 0);
    o.on_prr_frame(1217 * US, 1, 1, 0);
    o.on_prr_frame_start(1217 * US, 1, 0x14, 0);
    o.on_prr_frame(1264 * US, 1, 2, 0);
    // PRR2 IFFT256 one frame of 8 us; PRR3 IFFT512 (0x21).
    o.on_prr_frame_start(1300 * US, 2, 0x20, 0);
    o.on_prr_frame(1308 * US, 2, 1, 0);
    o.on_prr_frame_start(1300 * US, 3, 0x21, 0);
    o.on_prr_frame(1316 * US, 3, 1, 0);
    // An IFFT512 reconfiguration of PRR3 (no request before it).
    o.on_devcfg_dma(2000 * US, 0x10040000u, 1454432);
    o.on_devcfg_done(13188 * US, true, 0x3004);
    o.finish(20000 * US);

    EXPECT_DOUBLE_EQ(med(m, "ofdm.hw_manager_ms"), 0.010);            // 12 -> 22 us
    EXPECT_EQ(count(m, "ofdm.ec_switch_ms"), 3u);                       // vm1->VDM, VDM->vm1, vm1->vm2
    MetricSummary s{};
    ASSERT_TRUE(m.summary("ofdm.ec_switch_ms", &s));
    EXPECT_DOUBLE_EQ(s.min, 0.002);
    EXPECT_DOUBLE_EQ(s.max, 0.003);                                     // 30 -> 133 us minus 100 us WFI
    // Each request pairs with the PCAP start of its module's bitstream.
    ASSERT_TRUE(m.summary("ofdm.pr_response_ms", &s));
    EXPECT_EQ(s.n, 2u);
    EXPECT_DOUBLE_EQ(s.min, 0.010);                                     // 30 -> 40 us
    EXPECT_DOUBLE_EQ(s.max, 1.9695);                                    // 30.5 -> 2000 us
    EXPECT_DOUBLE_EQ(med(m, "ofdm.qam_reconfig_ms"), 1.118);
    EXPECT_DOUBLE_EQ(med(m, "ofdm.ifft_reconfig_ms"), 11.188);
    EXPECT_EQ(count(m, "ofdm.qam_frame_ms.16"), 2u);
    EXPECT_DOUBLE_EQ(med(m, "ofdm.qam_frame_ms.16"), 0.047);
    EXPECT_DOUBLE_EQ(med(m, "ofdm.ifft_frame_ms.256"), 0.008);
    EXPECT_DOUBLE_EQ(med(m, "ofdm.ifft_frame_ms.512"), 0.016);
    EXPECT_DOUBLE_EQ(med(m, "ofdm.pipeline_suspension_ms"), 0.012);     // 1158 -> 1170 us
    EXPECT_EQ(count(m, "ofdm.pipeline_suspension_ms"), 1u);             // PRR3 never started again
    // Gantt: PCAP span, reconfig span on PRR1, frame spans, Fig. 5 markers.
    bool pcap = false, rc = false, hw = false;
    for (const auto &sp : g.spans()) {
        pcap = pcap || (sp.row == "PCAP" && sp.t0 == 40 * US && sp.t1 == 1158 * US);
        rc = rc || (sp.row == "PRR1" && sp.kind == "reconfig" && sp.label == "QAM16");
        hw = hw || (sp.row == "PRR1" && sp.kind == "hw" && sp.t0 == 1170 * US && sp.t1 == 1217 * US);
    }
    EXPECT_TRUE(pcap && rc && hw);
    std::string labels;
    for (const auto &mk : g.markers()) labels += mk.row + ":" + mk.label + ";";
    for (const char *want : {"vm1:request;", "PCAP:PCAP start;", "PCAP:PCAP done;", "PRR1:path switch;"})
        EXPECT_NE(labels.find(want), std::string::npos) << want << " in " << labels;
}

TEST(EcTimeline, RowsPerEcAndKernelWithoutSleep)
{
    Gantt g;
    EcTimeline e(config(), &g);
    e.on_mode_change(1 * US, cv(USR, 1), SVC);
    e.on_mode_change(5 * US, cv(IRQ, 1), USR);
    e.on_mode_change(6 * US, cv(USR, 0), IRQ);
    e.on_mode_change(9 * US, cv(SVC, 0), USR);
    e.on_wfi(10 * US, true);
    e.on_wfi(20 * US, false);
    e.finish(21 * US);
    std::ostringstream os;
    for (const auto &s : g.spans()) os << s.row << "/" << s.kind << " " << s.t0 / US << "-" << s.t1 / US << "\n";
    EXPECT_EQ(os.str(), "kernel/kernel 0-1\nvm1/run 1-5\nkernel/kernel 5-6\nVDM/run 6-9\n"
                        "kernel/kernel 9-10\nkernel/kernel 20-21\n");
}

TEST(MetricLines, ParsesPrefixedLinesOnly)
{
    Metrics m;
    MetricLines ml(&m);
    ml.on_uart_line(1, "[vm1] dprsim-metric ofdm.frames_ok 12");
    ml.on_uart_line(2, "dprsim-metric ofdm.frames_ok 13");
    ml.on_uart_line(3, "dprsim-metric ofdm.frames_lost 0");
    ml.on_uart_line(4, "hello dprsim-metric");          // malformed: ignored
    ml.on_uart_line(5, "dprsim-metric x 12abc");        // malformed value
    ml.on_uart_line(6, "no metric here 5");
    EXPECT_EQ(ml.accepted(), 3u);
    EXPECT_EQ(count(m, "ofdm.frames_ok"), 2u);
    EXPECT_DOUBLE_EQ(med(m, "ofdm.frames_ok"), 12.5);
    EXPECT_TRUE(m.has("ofdm.frames_lost"));
    EXPECT_FALSE(m.has("x"));
}

TEST(MakeAnalyzers, AllFourAttached)
{
    Metrics m;
    Gantt g;
    auto v = make_analyzers(config(), &m, &g);
    ASSERT_EQ(v.size(), 4u);
    bool probes = false;
    for (auto &o : v)
        for (const std::string &s : o->probe_symbols()) probes = probes || s == "hv_schedule";
    EXPECT_TRUE(probes);
}

TEST(SymbolTable, LookupAcrossImagesAndFilter)
{
    SymbolTable t;
    t.add(0x00F00000u, 0x40, "vdm_main");        // second image first: order does not matter
    t.add(0x00100000u, 0x100, "hv_entry");
    t.add(0x00100101u, 0, "thumb_fn");           // Thumb bit cleared
    t.add(0x00100200u, 0x20, "hv_schedule");
    t.finalize();
    uint32_t off = 0, a = 0;
    EXPECT_EQ(t.name(t.lookup(0x00100010u, &off)), "hv_entry");
    EXPECT_EQ(off, 0x10u);
    EXPECT_EQ(t.name(t.lookup(0x00100104u)), "thumb_fn");
    EXPECT_EQ(t.describe(0x00100204u), "hv_schedule+0x4");
    EXPECT_EQ(t.lookup(0x00F00040u), 0u);        // past vdm_main's size
    EXPECT_EQ(t.lookup(0x80000000u), 0u);        // guest code: no symbol
    EXPECT_TRUE(t.find("hv_schedule", &a));
    EXPECT_EQ(a, 0x00100200u);
    EXPECT_FALSE(t.find("nope", &a));
    std::string path = ::testing::TempDir() + "/funcs.txt", err;
    ASSERT_TRUE(t.write_filter(path, &err)) << err;
    std::ifstream f(path);
    std::string all((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    EXPECT_NE(all.find("\n1 hv_entry\n2 thumb_fn\n3 hv_schedule\n4 vdm_main\n"), std::string::npos) << all;
}

TEST(CpuWave, ReportsChangesOnly)
{
    SymbolTable t;
    t.add(0x1000, 0x100, "a");
    t.add(0x1100, 0x100, "b");
    t.finalize();
    std::vector<std::string> out;
    CpuWave w(t, [&](zynq_time_ps ts, uint32_t pc, unsigned mode, unsigned asid, unsigned func) {
        char b[64];
        std::snprintf(b, sizeof b, "%llu %x %x %u %u", (unsigned long long)ts, pc, mode, asid, func);
        out.push_back(b);
    });
    CpuView v = cv(SVC, 0);
    for (uint32_t pc : {0x1000u, 0x1004u, 0x1008u, 0x1100u, 0x1104u, 0x1008u}) {
        v.pc = pc;
        w.on_instruction(pc, v);
    }
    v.pc = 0x100C;
    v.mode = USR;
    v.asid = 3;
    w.on_mode_change(0x2000, v, SVC);
    w.on_instruction(0x2001, v);
    ASSERT_EQ(out.size(), 4u);
    EXPECT_EQ(out[0], "4096 1000 13 0 1");
    EXPECT_EQ(out[1], "4352 1100 13 0 2");
    EXPECT_EQ(out[2], "4104 1008 13 0 1");
    EXPECT_EQ(out[3], "8192 100c 10 3 1");
}
