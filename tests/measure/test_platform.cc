// test_platform.cc - the observer wiring of the platform on a real run:
// tests/measure/fw/measure_alloc.c under boot_and_run() with the allocation
// analyzer and a recorder attached. The firmware's user-mode stores fault,
// its "kernel" calls the probed hv_ipc_send / hv_schedule, its device
// manager asks the PRR Monitor (ASSIGN, then ASSIGN + Reconfig with a real
// PCAP load) and resumes the guest. Checked here: the measured windows and
// methods, the waits, the probes (entry of the symbol, arguments in r0-r3),
// DevCfg / cfg_port / GP0 / IRQ observations, semihosting refused from USR.
//
// SystemC elaborates once per process: the run happens once (the first
// test's SetUpTestSuite) and every test checks its record. ctest runs each
// test in its own process, so each one boots the firmware (about a second).
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include <systemc>

#include "plat_alloc.h"
#include "plat_boot.h"
#include "plat_ofdm.h"

using namespace plat;

namespace {

constexpr unsigned USR = 0x10;

/** Everything the platform reported, as plain records. */
struct Recorder : Observer {
    struct Probe {
        zynq_time_ps t;
        std::string sym;
        CpuView v;
    };
    std::vector<Probe> probes;
    std::vector<std::pair<zynq_time_ps, CpuView>> dabts, usr_svcs, usr_pabts;
    struct Gp0 {
        zynq_time_ps t;
        CpuView by;
        bool write;
        uint32_t addr, data;
    };
    std::vector<Gp0> gp0;
    std::vector<std::pair<zynq_time_ps, uint32_t>> dma_src, asids;
    std::vector<uint32_t> dma_bytes;
    std::vector<zynq_time_ps> dma_done;
    struct Cfg {
        zynq_time_ps t;
        bool start;
        unsigned prr, module, status;
    };
    std::vector<Cfg> cfg;
    std::vector<std::string> lines;
    unsigned mode_changes = 0, usr_entries = 0, irq_changes = 0;
    bool finished = false;

    std::vector<std::string> probe_symbols() const override { return {"hv_ipc_send", "no_such_symbol"}; }
    void on_exception(zynq_time_ps t, const CpuView &from, unsigned exc, uint32_t, uint32_t) override
    {
        if (exc == 4) dabts.emplace_back(t, from);
        if (exc == 2 && from.mode == USR) usr_svcs.emplace_back(t, from);
        if (exc == 3 && from.mode == USR) usr_pabts.emplace_back(t, from);
    }
    void on_mode_change(zynq_time_ps, const CpuView &now, unsigned) override
    {
        mode_changes++;
        if (now.mode == USR) usr_entries++;
    }
    void on_asid_change(zynq_time_ps t, const CpuView &now, unsigned) override { asids.emplace_back(t, now.asid); }
    void on_probe(zynq_time_ps t, const CpuView &now, const std::string &s) override
    {
        probes.push_back(Probe{t, s, now});
    }
    void on_gp0(zynq_time_ps t, const CpuView &by, bool w, uint32_t a, uint32_t d) override
    {
        gp0.push_back(Gp0{t, by, w, a, d});
    }
    void on_devcfg_dma(zynq_time_ps t, uint32_t src, uint32_t bytes) override
    {
        dma_src.emplace_back(t, src);
        dma_bytes.push_back(bytes);
    }
    void on_devcfg_done(zynq_time_ps t, bool, uint32_t) override { dma_done.push_back(t); }
    void on_cfg_stream(zynq_time_ps t, bool start, unsigned prr, unsigned module, unsigned status,
                       uint64_t) override
    {
        cfg.push_back(Cfg{t, start, prr, module, status});
    }
    void on_irq_f2p(zynq_time_ps, uint32_t, uint64_t) override { irq_changes++; }
    void on_uart_line(zynq_time_ps, const std::string &l) override { lines.push_back(l); }
    void finish(zynq_time_ps) override { finished = true; }
};

struct RunRecord {
    BootResult res;
    Recorder rec;
    Metrics metrics;
    std::unique_ptr<AllocAnalyzer> alloc;
    std::unique_ptr<MetricLines> lines;
    uint32_t simb_bytes = 0;
    double fw(const std::string &name) const
    {
        double v = -1;
        metrics.value("fw." + name, &v);
        return v;
    }
};
RunRecord *g_run = nullptr;

class Platform : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        if (g_run) return;
        g_run = new RunRecord;
        FILE *f = std::fopen(MEASURE_SIMB, "rb");
        ASSERT_NE(f, nullptr) << MEASURE_SIMB;
        std::fseek(f, 0, SEEK_END);
        g_run->simb_bytes = (uint32_t)std::ftell(f);
        std::fclose(f);
        AnalyzerConfig cfg;
        cfg.vms = {{1, 0, "guest"}};
        cfg.bitstreams = {{0x01000000u, g_run->simb_bytes, 0x16, 1}};
        g_run->alloc = std::make_unique<AllocAnalyzer>(cfg, &g_run->metrics, nullptr);
        g_run->lines = std::make_unique<MetricLines>(&g_run->metrics);
        BootSpec spec;
        spec.elf = MEASURE_FW;
        spec.loads.push_back(RawLoad{MEASURE_SIMB, 0x01000000u});
        spec.max_time_ps = 100000000000ULL;   // 100 ms
        spec.observers = {&g_run->rec, g_run->alloc.get(), g_run->lines.get()};
        g_run->res = boot_and_run(spec);
    }
};

} // namespace

TEST_F(Platform, FirmwareChecksHold)
{
    const RunRecord &r = *g_run;
    EXPECT_EQ(r.res.end, "semihosting_exit") << r.res.message;
    EXPECT_EQ(r.res.program_status, 0);
    EXPECT_TRUE(r.rec.finished);
    EXPECT_EQ(r.fw("faults"), 2);
    EXPECT_EQ(r.fw("guest_ok"), 2);
}

TEST_F(Platform, SemihostingFromUserModeIsAnOrdinaryException)
{
    const RunRecord &r = *g_run;
    // The kernel saw exactly one SVC 0x123456 and one BKPT from USR mode ...
    EXPECT_EQ(r.fw("usr_semihost_svcs"), 1);
    EXPECT_EQ(r.fw("usr_bkpts"), 1);
    // ... and the privileged BKPT 0xAB was semihosting (no prefetch abort).
    EXPECT_EQ(r.fw("priv_bkpts"), 0);
    // The platform reported them as exceptions from USR mode: the hypercalls
    // (MAP_IF, RESUME twice, EXIT) plus the semihosting attempt.
    EXPECT_EQ(r.rec.usr_svcs.size(), 6u);
    unsigned sh = 0;
    for (const auto &s : r.rec.usr_svcs) sh += s.second.r[0] == 0x20;
    EXPECT_EQ(sh, 1u);
    ASSERT_EQ(r.rec.usr_pabts.size(), 1u);
    EXPECT_EQ(r.rec.usr_pabts[0].second.r[0], 0x18u);
}

TEST_F(Platform, ProbesFireAtSymbolEntryWithArguments)
{
    const RunRecord &r = *g_run;
    const double addr = r.fw("hv_ipc_send"), sched = r.fw("hv_schedule");
    ASSERT_GT(addr, 0);
    // Every observer sees every probe (this one asked for hv_ipc_send and a
    // missing symbol, which is no probe and no error; the allocation
    // analyzer for hv_ipc_send and hv_schedule).
    std::vector<Recorder::Probe> ipc, sch;
    for (const auto &p : r.rec.probes) {
        if (p.sym == "hv_ipc_send") ipc.push_back(p);
        else if (p.sym == "hv_schedule") sch.push_back(p);
        else ADD_FAILURE() << "probe " << p.sym;
    }
    ASSERT_EQ(ipc.size(), 2u);
    ASSERT_EQ(sch.size(), 2u);
    ASSERT_EQ(r.rec.dabts.size(), 2u);
    for (size_t i = 0; i < 2; i++) {
        const auto &p = ipc[i];
        EXPECT_EQ(p.v.pc, (uint32_t)addr);
        EXPECT_EQ(p.v.mode, 0x17u);                   // the abort handler (ABT mode)
        EXPECT_EQ(p.v.r[0], 0u);                      // dst: the device manager
        EXPECT_EQ(p.v.r[1], 1u);                      // HV_MSG_REQUEST
        EXPECT_EQ(p.v.r[3], i == 0 ? 0u : 2u);        // device
        EXPECT_EQ(sch[i].v.pc, (uint32_t)sched);
        // abort -> hv_ipc_send -> hv_schedule -> the next abort
        EXPECT_GT(p.t, r.rec.dabts[i].first);
        EXPECT_GT(sch[i].t, p.t);
        if (i == 0) {
            EXPECT_LT(sch[i].t, r.rec.dabts[1].first);
        }
    }
}

TEST_F(Platform, AllocationWindowsAndMethods)
{
    const RunRecord &r = *g_run;
    const auto &w = r.alloc->windows();
    ASSERT_EQ(w.size(), 2u);
    EXPECT_EQ(w[0].method, "assign");
    EXPECT_EQ(w[0].dev, 0u);
    EXPECT_EQ(w[1].method, "assign_reconfig");
    EXPECT_EQ(w[1].dev, 2u);
    for (const auto &x : w) {
        EXPECT_EQ(x.asid, 1u);
        EXPECT_TRUE(x.breakdown);
        EXPECT_LT(x.t_abort, x.t_ipc);
        EXPECT_LT(x.t_ipc, x.t_sched);
        EXPECT_LT(x.t_sched, x.t_vdm);
        EXPECT_LT(x.t_sreq, x.t_sdone);
        EXPECT_LT(x.t_last_hc, x.t_guest);
        EXPECT_LE(x.t_guest, x.t_end);
        EXPECT_EQ(x.page_fault + x.ipc + x.vm_scheduling + x.vdm + x.monitor_search, x.overhead);
        // The Monitor answers within a few PL cycles plus the GP0 reads.
        EXPECT_GT(x.monitor_search, 0u);
        EXPECT_LT(x.monitor_search, 2000000u);   // < 2 us
    }
    for (const auto &x : w)
        std::printf("measured %s: total %.3f us, overhead %.3f us, T_RCFG %.3f us; page fault %.3f, "
                    "IPC %.3f, VM scheduling %.3f, VDM %.3f, Monitor search %.3f us\n",
                    x.method.c_str(), x.total / 1e6, x.overhead / 1e6, x.rcfg / 1e6, x.page_fault / 1e6,
                    x.ipc / 1e6, x.vm_scheduling / 1e6, x.vdm / 1e6, x.monitor_search / 1e6);
    EXPECT_EQ(w[0].rcfg, 0u);
    EXPECT_EQ(w[0].overhead, w[0].total);
    // T_RCFG = the SimB at 130 MB/s (DevCfg model), within 1 %.
    const double expect_ps = (double)r.simb_bytes / 130e6 * 1e12;
    EXPECT_NEAR((double)w[1].rcfg, expect_ps, expect_ps * 0.01);
    EXPECT_EQ(w[1].overhead, w[1].total - w[1].rcfg);
    EXPECT_TRUE(r.metrics.has("alloc.assign.total_us"));
    EXPECT_TRUE(r.metrics.has("alloc.assign_reconfig.breakdown.monitor_search_us"));
    EXPECT_TRUE(r.metrics.has("t_rcfg_us"));
    // The window ends at the guest's store to the IF window of (slot 0, dev).
    bool end0 = false;
    for (const auto &g : r.rec.gp0)
        if (g.t == w[0].t_end && g.write && g.addr == 0x4010000Cu && g.by.mode == USR && g.by.asid == 1)
            end0 = true;
    EXPECT_TRUE(end0);
}

TEST_F(Platform, DevcfgCfgPortAndContextObservations)
{
    const RunRecord &r = *g_run;
    ASSERT_EQ(r.rec.dma_src.size(), 1u);
    EXPECT_EQ(r.rec.dma_src[0].second, 0x01000000u);
    EXPECT_EQ(r.rec.dma_bytes[0], r.simb_bytes);
    ASSERT_EQ(r.rec.dma_done.size(), 1u);
    EXPECT_GT(r.rec.dma_done[0], r.rec.dma_src[0].first);
    // cfg_port: one stream for PRR1 / QAM64, started after the DMA and loaded.
    ASSERT_EQ(r.rec.cfg.size(), 2u);
    EXPECT_TRUE(r.rec.cfg[0].start);
    EXPECT_EQ(r.rec.cfg[0].prr, 1u);
    EXPECT_EQ(r.rec.cfg[0].module, 0x16u);
    EXPECT_GE(r.rec.cfg[0].t, r.rec.dma_src[0].first);
    EXPECT_FALSE(r.rec.cfg[1].start);
    EXPECT_EQ(r.rec.cfg[1].status, 0u);
    EXPECT_EQ(r.rec.cfg[1].module, 0x16u);
    // ASID switches: guest (1), VDM (0), guest, VDM, guest.
    std::vector<uint32_t> seq;
    for (const auto &a : r.rec.asids) seq.push_back(a.second);
    EXPECT_EQ(seq, (std::vector<uint32_t>{1, 0, 1, 0, 1}));
    EXPECT_GE(r.rec.usr_entries, 5u);
    // UART lines reach the observers (the firmware's metric lines).
    unsigned metric_lines = 0;
    for (const auto &l : r.rec.lines) metric_lines += l.rfind("dprsim-metric fw.", 0) == 0;
    EXPECT_EQ(metric_lines, 9u);
}

int sc_main(int argc, char **argv)
{
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
