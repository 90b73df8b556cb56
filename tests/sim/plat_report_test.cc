// Unit tests of what `dprsim run` makes of a scenario and of its results:
// the scenario keys of the bitstream store and the images, the boot
// information block (version 2), the SimB images, Metrics, expectations and
// the exit status, report.json / report.md, and the Gantt chart's SVG.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "dprsim_bootinfo.h"
#include "plat_gantt.h"
#include "plat_metrics.h"
#include "plat_report.h"
#include "plat_scenario.h"
#include "simb.h"

using namespace plat;

namespace {

std::string read_file(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/** Write `text` to a scenario file in the temporary directory, named after
 *  the running test (ctest runs the tests as parallel processes). */
std::string scenario_file(const std::string &name, const std::string &text)
{
    std::string path = testing::TempDir() + "/dprsim_" +
                       testing::UnitTest::GetInstance()->current_test_info()->name() + "_" + name;
    std::ofstream(path) << text;
    return path;
}

uint32_t word_at(const std::vector<uint8_t> &b, size_t off)
{
    return (uint32_t)b[off] | (uint32_t)b[off + 1] << 8 | (uint32_t)b[off + 2] << 16 | (uint32_t)b[off + 3] << 24;
}

const char kBase[] =
    "version: 1\n"
    "name: t\n"
    "prrs:\n"
    "  - {id: 0, name: a}\n"
    "  - {id: 1, name: b}\n"
    "  - {id: 2, name: c}\n"
    "modules:\n"
    "  - {id: 0x16, name: qam64, bitstream_bytes: 4100, prrs: [1, 0]}\n"
    "  - {id: 0x25, name: ifft8k, bitstream_bytes: 40000, prrs: [2]}\n"
    "  - {id: 0x40, name: fir, bitstream_bytes: 36, prrs: [0]}\n"
    "  - {id: 0x07, name: odd, kind: qam, bitstream_bytes: 64, prrs: [2]}\n"
    "images:\n"
    "  - {name: hv, path: /x/hv.elf}\n"
    "  - {name: vdm, path: /x/vdm.elf, entry: true}\n"
    "  - {name: g1, path: /x/g1.bin, format: raw, address: 0x02000000}\n"
    "  - {name: last, path: /x/last.elf}\n"
    "vms:\n"
    "  - {id: 1, priority: 1, image: g1, memory: {base: 0x02000000, size: 0x01000000}, devices: [qam64]}\n"
    "boot_info: {address: 0x00010000}\n"
    "bitstream_store: {address: 0x10000000}\n"
    "stop: {time: 1ms}\n";

} // namespace

// ---------------------------------------------------------------- scenario

TEST(ScenarioStore, EntryImageAndKinds)
{
    Scenario s;
    std::vector<std::string> errs;
    ASSERT_TRUE(scenario_load(scenario_file("base.yaml", kBase), &s, &errs)) << (errs.empty() ? "" : errs[0]);
    ASSERT_EQ(s.images.size(), 4u);
    EXPECT_FALSE(s.images[0].entry);   // several ELFs: the one that says entry: true
    EXPECT_TRUE(s.images[1].entry);
    EXPECT_FALSE(s.images[2].entry);
    EXPECT_FALSE(s.images[3].entry);
    EXPECT_EQ(s.modules[0].kind, "qam");    // 0x16: id[7:4] = 1
    EXPECT_EQ(s.modules[1].kind, "ifft");   // 0x25
    EXPECT_EQ(s.modules[2].kind, "other");  // 0x40
    EXPECT_EQ(s.modules[3].kind, "qam");    // said explicitly
    EXPECT_TRUE(s.has_bitstream_store);
    EXPECT_EQ(s.bitstream_store_addr, 0x10000000u);
}

TEST(ScenarioStore, FirstElfIsTheEntryWhenNoneSaysSo)
{
    std::string text = kBase;
    text.replace(text.find(", entry: true"), 13, "");
    Scenario s;
    std::vector<std::string> errs;
    ASSERT_TRUE(scenario_load(scenario_file("noentry.yaml", text), &s, &errs)) << (errs.empty() ? "" : errs[0]);
    EXPECT_TRUE(s.images[0].entry);
    EXPECT_FALSE(s.images[1].entry);
    EXPECT_FALSE(s.images[3].entry);
}

TEST(ScenarioStore, BitstreamsInOrderAndAligned)
{
    Scenario s;
    std::vector<std::string> errs;
    ASSERT_TRUE(scenario_load(scenario_file("base.yaml", kBase), &s, &errs));
    std::vector<ScnBitstream> b = scenario_bitstreams(s);
    // Modules in file order, then PRR id ascending; each 4 KiB aligned.
    ASSERT_EQ(b.size(), 5u);
    EXPECT_EQ(b[0].module, 0x16u); EXPECT_EQ(b[0].prr, 0u); EXPECT_EQ(b[0].addr, 0x10000000u);
    EXPECT_EQ(b[1].module, 0x16u); EXPECT_EQ(b[1].prr, 1u); EXPECT_EQ(b[1].addr, 0x10002000u);  // 4100 B: 2 pages
    EXPECT_EQ(b[2].module, 0x25u); EXPECT_EQ(b[2].prr, 2u); EXPECT_EQ(b[2].addr, 0x10004000u);
    EXPECT_EQ(b[3].module, 0x40u); EXPECT_EQ(b[3].addr, 0x1000E000u);   // 40000 B: 10 pages
    EXPECT_EQ(b[4].module, 0x07u); EXPECT_EQ(b[4].addr, 0x1000F000u);
    EXPECT_EQ(b[2].bytes, 40000u);
    EXPECT_EQ(scenario_bitstream_store_bytes(s), 0x10000u);
}

TEST(ScenarioStore, NoStoreNoBitstreams)
{
    std::string text = kBase;
    text.replace(text.find("boot_info: {address: 0x00010000}\nbitstream_store: {address: 0x10000000}\n"),
                 strlen("boot_info: {address: 0x00010000}\nbitstream_store: {address: 0x10000000}\n"), "");
    Scenario s;
    std::vector<std::string> errs;
    ASSERT_TRUE(scenario_load(scenario_file("nostore.yaml", text), &s, &errs)) << (errs.empty() ? "" : errs[0]);
    EXPECT_TRUE(scenario_bitstreams(s).empty());
    EXPECT_EQ(scenario_bitstream_store_bytes(s), 0u);
}

TEST(ScenarioStore, BootInfoVersion2)
{
    Scenario s;
    std::vector<std::string> errs;
    ASSERT_TRUE(scenario_load(scenario_file("base.yaml", kBase), &s, &errs));
    std::vector<ScnPlaced> placed{{0x00100000u, 0}, {0x00F00000u, 0}, {0x02000000u, 100}, {0u, 0}};
    std::vector<uint8_t> bi = scenario_boot_info(s, placed);
    // header 48 + 1 VM x 64 + 4 modules x 16 + 3 PRRs x 8 + 5 bitstreams x 16
    const size_t want = 48 + 64 + 4 * 16 + 3 * 8 + 5 * 16;
    ASSERT_EQ(bi.size(), want);
    EXPECT_EQ(word_at(bi, 0), DPRSIM_BI_MAGIC);
    EXPECT_EQ(word_at(bi, 4), 2u);               // version
    EXPECT_EQ(word_at(bi, 8), want);             // size
    EXPECT_EQ(word_at(bi, 36), 5u);              // bitstream_count
    EXPECT_EQ(word_at(bi, 40), 0u);              // reserved
    size_t t = 48 + 64 + 4 * 16 + 3 * 8;         // the bitstream table
    EXPECT_EQ(word_at(bi, t + 0), 0x16u);        // module_id
    EXPECT_EQ(word_at(bi, t + 4), 0u);           // prr_id
    EXPECT_EQ(word_at(bi, t + 8), 0x10000000u);  // addr
    EXPECT_EQ(word_at(bi, t + 12), 4100u);       // bytes
    EXPECT_EQ(word_at(bi, t + 16 * 4 + 4), 2u);  // the fifth: module 0x07 on PRR 2
    EXPECT_EQ(word_at(bi, 48 + 16), 0x02000000u);  // VM 1 image_addr (its raw image)
    EXPECT_EQ(word_at(bi, 48 + 20), 100u);         // image_size
    EXPECT_EQ(word_at(bi, 48 + 28), 0x16u);        // devices[0] = qam64's id
}

TEST(ScenarioStore, SimbImageIsExactlyTheModuleSize)
{
    ScnBitstream b{0x14, 1, 0x10000000u, 30032};
    std::vector<uint8_t> img = scenario_simb(b);
    ASSERT_EQ(img.size(), 30032u);
    size_t words = img.size() / 4, n = words - PL_SIMB_OVERHEAD;
    EXPECT_EQ(word_at(img, 0), PL_SIMB_SYNC);
    EXPECT_EQ(word_at(img, 4), PL_SIMB_MAGIC);
    EXPECT_EQ(word_at(img, 8), PL_SIMB_VERSION);
    EXPECT_EQ(word_at(img, 12), 1u);       // PRR
    EXPECT_EQ(word_at(img, 16), 0x14u);    // module
    EXPECT_EQ(word_at(img, 20), n);        // payload words
    EXPECT_EQ(word_at(img, 24), 0x20000000u | (0x14u << 20));   // payload[0]
    EXPECT_EQ(word_at(img, (words - 1) * 4), PL_SIMB_DESYNC);
    // CRC over words 1 .. 5+N (rtl/README.md SimB format).
    std::vector<uint32_t> w(words);
    for (size_t i = 0; i < words; i++) w[i] = word_at(img, 4 * i);
    EXPECT_EQ(pl_simb_crc_update(0xFFFFFFFFu, &w[1], 5 + n) ^ 0xFFFFFFFFu, w[6 + n]);
    // The smallest a store accepts: one payload word.
    EXPECT_EQ(scenario_simb(ScnBitstream{0x12, 0, 0, (uint32_t)kScnMinSimbBytes}).size(), kScnMinSimbBytes);
}

TEST(ScenarioStore, ErrorsCollectedInFileOrder)
{
    // A raw entry, a bad kind and an unaligned store: every error, in file order.
    std::string text =
        "version: 1\n"
        "name: t\n"
        "prrs: [{id: 0, name: a}]\n"
        "modules: [{id: 0x12, name: q, kind: dsp, bitstream_bytes: 1024, prrs: [0]}]\n"
        "images:\n"
        "  - {name: fw, path: fw.elf}\n"
        "  - {name: b, path: b.bin, format: raw, address: 0x100, entry: true}\n"
        "bitstream_store: {address: 0x10000010}\n"
        "stop: {time: 1ms}\n";
    std::string path = scenario_file("errs.yaml", text);
    Scenario s;
    std::vector<std::string> errs;
    ASSERT_FALSE(scenario_load(path, &s, &errs));
    ASSERT_EQ(errs.size(), 3u);
    EXPECT_EQ(errs[0], path + ":4: modules[0].kind: 'dsp' is not one of: qam, ifft, other");
    EXPECT_EQ(errs[1], path + ":7: images[1].entry: only an ELF image can give the entry point");
    EXPECT_EQ(errs[2], path + ":8: bitstream_store.address: must be a multiple of 4096 (the SimBs are 4 KiB aligned)");
}

TEST(ScenarioStore, TestScenarioTimerIsValid)
{
    setenv("DPRSIM_BUILD", "/nonexistent-build", 1);   // only expanded, not opened
    Scenario s;
    std::vector<std::string> errs;
    ASSERT_TRUE(scenario_load(std::string(SIM_TEST_DIR) + "/timer.yaml", &s, &errs)) << (errs.empty() ? "" : errs[0]);
    EXPECT_EQ(s.images[0].path, "/nonexistent-build/tests/sim/fw/simfw_timer_irq.elf");
    EXPECT_TRUE(s.images[0].entry);
    EXPECT_EQ(scenario_bitstreams(s).size(), 4u);
    EXPECT_EQ(scenario_default_build_dir(), "/nonexistent-build");   // the environment wins
}

// ----------------------------------------------------------------- metrics

TEST(Metrics, MedianOddAndEven)
{
    Metrics m;
    for (double v : {5.0, 1.0, 3.0}) m.add("odd", v);
    for (double v : {4.0, 1.0, 2.0, 10.0}) m.add("even", v);
    MetricSummary s;
    ASSERT_TRUE(m.summary("odd", &s));
    EXPECT_EQ(s.min, 1.0); EXPECT_EQ(s.median, 3.0); EXPECT_EQ(s.max, 5.0); EXPECT_EQ(s.n, 3u);
    ASSERT_TRUE(m.summary("even", &s));
    EXPECT_EQ(s.median, 3.0);   // mean of 2 and 4
    EXPECT_EQ(s.n, 4u);
    double v = 0;
    ASSERT_TRUE(m.value("even", &v));
    EXPECT_EQ(v, 3.0);
}

TEST(Metrics, SingleDistributionAndAbsent)
{
    Metrics m;
    m.set("b.single", 2.5);
    m.add("a.dist", 7);
    double v = 0;
    MetricSummary s;
    EXPECT_TRUE(m.has("b.single"));
    EXPECT_TRUE(m.single("b.single", &v));
    EXPECT_EQ(v, 2.5);
    EXPECT_FALSE(m.summary("b.single", &s));
    EXPECT_FALSE(m.single("a.dist", &v));
    EXPECT_FALSE(m.has("c"));
    EXPECT_FALSE(m.value("c", &v));
    m.set("b.single", 4);   // replaces
    EXPECT_TRUE(m.value("b.single", &v));
    EXPECT_EQ(v, 4.0);
    EXPECT_EQ(m.names(), (std::vector<std::string>{"a.dist", "b.single"}));
    m.add_section("Two", "b\n");
    m.add_section("One", "a\n");
    ASSERT_EQ(m.sections().size(), 2u);
    EXPECT_EQ(m.sections()[0].title, "Two");   // call order, not sorted
}

// ------------------------------------------------- expectations and status

TEST(Expectations, OkFailedNotMeasured)
{
    Metrics m;
    m.set("x", 3.0);
    for (double v : {6.0, 7.0, 8.0}) m.add("y", v);
    m.set("nan", std::nan(""));
    std::vector<ScnMetric> want{{"x", 3.03, 0.03, "us"},   // |3 - 3.03| = 0.03: on the bound, ok
                                {"y", 5.1, 1.0, "us"},     // median 7: failed
                                {"z", 1.0, 1.0, "ms"},     // absent
                                {"nan", 1.0, 1.0, "ms"}};  // not a number: not measured
    std::vector<Expectation> e = evaluate_expectations(want, m);
    ASSERT_EQ(e.size(), 4u);
    EXPECT_EQ(e[0].status, "ok");
    EXPECT_TRUE(e[0].ok);
    EXPECT_EQ(e[1].status, "failed");
    EXPECT_EQ(e[1].value, 7.0);
    EXPECT_FALSE(e[1].ok);
    EXPECT_EQ(e[2].status, "not_measured");
    EXPECT_FALSE(e[2].measured);
    EXPECT_EQ(e[3].status, "not_measured");
}

TEST(Expectations, ExitStatus)
{
    auto ex = [](const char *status) {
        Expectation e;
        e.status = status;
        return e;
    };
    EXPECT_EQ(run_exit_status(true, {}), kRunOk);
    EXPECT_EQ(run_exit_status(true, {ex("ok"), ex("ok")}), kRunOk);
    EXPECT_EQ(run_exit_status(true, {ex("ok"), ex("not_measured")}), kRunNotMeasured);
    EXPECT_EQ(run_exit_status(true, {ex("not_measured"), ex("failed")}), kRunFailed);
    EXPECT_EQ(run_exit_status(false, {ex("ok")}), kRunFailed);
    EXPECT_EQ(run_exit_status(false, {}), kRunFailed);
}

TEST(Expectations, ProgramOk)
{
    Scenario s;
    BootResult r;
    r.end = "semihosting_exit";
    r.program_status = 0;
    EXPECT_TRUE(run_program_ok(s, r));
    r.program_status = 3;
    EXPECT_FALSE(run_program_ok(s, r));
    r.end = "max_time";
    r.program_status = -1;
    EXPECT_FALSE(run_program_ok(s, r));   // semihosting_exit expected
    s.stop_event = "none";
    EXPECT_TRUE(run_program_ok(s, r));    // meant to last until the limit
    r.end = "wfi_deadlock";
    EXPECT_FALSE(run_program_ok(s, r));
}

// ---------------------------------------------------------------- reports

namespace {

struct Fixture {
    Scenario s;
    BootResult r;
    Metrics m;
    RunReport rep;
    Fixture()
    {
        s.name = "fix";
        s.metrics = {{"alloc.assign.overhead_us", 3.03, 1.0, "us"}, {"t_rcfg_us", 231, 10, "us"}};
        r.end = "semihosting_exit";
        r.program_status = 0;
        r.sim_time_ps = 1000000;
        r.instructions = 10;
        r.cycles = 12;
        r.pl_attached = true;
        r.pl_quantum_cycles = 1;
        r.pl_irq_delay_max_ps = 1500;
        r.pl_skew_bound_ps = 10000;
        r.events = 4;
        for (double v : {4.0, 3.0, 2.5, 3.5}) m.add("alloc.assign.overhead_us", v);
        m.set("ofdm.frames_total", 40);
        m.add_section("Where the time goes", "| phase | us |\n|---|---|\n| ipc | 1 |");
        m.add_section("Second", "text\n");
        rep.scenario = &s;
        rep.result = &r;
        rep.metrics = &m;
        rep.bitstreams = {ScnBitstream{0x12, 0, 0x10000000u, 36}};
        rep.expectations = evaluate_expectations(s.metrics, m);
        rep.status = run_exit_status(run_program_ok(s, r), rep.expectations);
        rep.outputs = {"events.log", "report.md"};
    }
};

} // namespace

TEST(Report, JsonExact)
{
    Fixture f;
    EXPECT_EQ(f.rep.status, kRunNotMeasured);
    const char *want =
        "{\n"
        "  \"schema\": \"dprsim-report/2\",\n"
        "  \"scenario\": \"fix\",\n"
        "  \"run\": {\n"
        "    \"end\": \"semihosting_exit\",\n"
        "    \"program_exit_status\": 0,\n"
        "    \"program_ok\": true,\n"
        "    \"status\": 3,\n"
        "    \"simulated_time_ps\": 1000000,\n"
        "    \"wfi_sleep_ps\": 0,\n"
        "    \"instructions\": 10,\n"
        "    \"cycles\": 12,\n"
        "    \"mmio_accesses\": 0,\n"
        "    \"bus_errors\": 0,\n"
        "    \"cpu_hz\": 666666687,\n"
        "    \"fclk0_hz\": 100000000,\n"
        "    \"pcap_rate_bytes_per_s\": 130000000,\n"
        "    \"cpu_caches\": false,\n"
        "    \"pl\": \"attached (built-in pl_top)\",\n"
        "    \"pl_sync\": {\"quantum_cycles\": 1, \"exact\": true, \"irq_delay_bound_ps\": 0, "
        "\"memory_skew_bound_ps\": 10000, \"irq_delay_max_ps\": 1500},\n"
        "    \"events\": 4\n"
        "  },\n"
        "  \"bitstreams\": [\n"
        "    {\"module\": 18, \"prr\": 0, \"addr\": 268435456, \"bytes\": 36}\n"
        "  ],\n"
        "  \"metrics\": {\n"
        "    \"alloc.assign.overhead_us\": {\"min\": 2.5, \"median\": 3.25, \"max\": 4, \"n\": 4},\n"
        "    \"ofdm.frames_total\": 40\n"
        "  },\n"
        "  \"expectations\": [\n"
        "    {\"metric\": \"alloc.assign.overhead_us\", \"value\": 3.25, \"paper\": 3.03, \"tolerance\": 1, "
        "\"unit\": \"us\", \"ok\": true, \"status\": \"ok\"},\n"
        "    {\"metric\": \"t_rcfg_us\", \"value\": null, \"paper\": 231, \"tolerance\": 10, "
        "\"unit\": \"us\", \"ok\": null, \"status\": \"not_measured\"}\n"
        "  ],\n"
        "  \"outputs\": [\"events.log\", \"report.md\"]\n"
        "}\n";
    EXPECT_EQ(report_json(f.rep), want);
}

TEST(Report, PlQuantumBoundsStated)
{
    Fixture f;
    f.r.pl_quantum_cycles = 16;
    f.r.pl_irq_delay_bound_ps = 150000;
    f.r.pl_skew_bound_ps = 160000;
    f.r.pl_irq_delay_max_ps = 75969;
    EXPECT_NE(report_json(f.rep).find("\"pl_sync\": {\"quantum_cycles\": 16, \"exact\": false, "
                                      "\"irq_delay_bound_ps\": 150000, \"memory_skew_bound_ps\": 160000, "
                                      "\"irq_delay_max_ps\": 75969}"),
              std::string::npos);
    EXPECT_NE(report_md(f.rep).find("| CPU/PL sync | quantum 16 PL cycles: a PL interrupt may reach the CPU up to "
                                    "150000 ps late"),
              std::string::npos);
    f.r.pl_attached = false;   // no PL: no synchronisation to state
    EXPECT_EQ(report_json(f.rep).find("pl_sync"), std::string::npos);
    EXPECT_EQ(report_md(f.rep).find("CPU/PL sync"), std::string::npos);
}

TEST(Report, JsonNumbers)
{
    EXPECT_EQ(report_json_number(0.1), "0.1");
    EXPECT_EQ(report_json_number(3.0300000000000002), "3.03");
    EXPECT_EQ(report_json_number(18800), "18800");
    EXPECT_EQ(report_json_number(std::nan("")), "null");
    EXPECT_EQ(report_json_number(INFINITY), "null");
}

TEST(Report, MarkdownTableAndSections)
{
    Fixture f;
    std::string md = report_md(f.rep);
    EXPECT_NE(md.find("| Metric | paper | measured | ratio | tolerance | ok |\n"), std::string::npos);
    EXPECT_NE(md.find("| alloc.assign.overhead_us | 3.03 us | 3.25 us [2.5..4] n=4 | 1.07 | ±1 us | yes |\n"),
              std::string::npos) << md;
    EXPECT_NE(md.find("| t_rcfg_us | 231 us | not measured | - | ±10 us | not measured |\n"), std::string::npos) << md;
    EXPECT_NE(md.find("| ofdm.frames_total | 40 |\n"), std::string::npos) << md;
    // The analyzers' sections after the tables, in call order.
    size_t table = md.find("| Metric |"), a = md.find("## Where the time goes\n\n| phase |"), b = md.find("## Second");
    ASSERT_NE(a, std::string::npos);
    ASSERT_NE(b, std::string::npos);
    EXPECT_LT(table, a);
    EXPECT_LT(a, b);
    EXPECT_EQ(report_md_metric(f.m, "nothing"), "not measured");
}

TEST(Report, FailedExpectationMarked)
{
    Fixture f;
    f.s.metrics[0].tolerance = 0.1;
    f.rep.expectations = evaluate_expectations(f.s.metrics, f.m);
    f.rep.status = run_exit_status(true, f.rep.expectations);
    EXPECT_EQ(f.rep.status, kRunFailed);
    EXPECT_NE(report_md(f.rep).find("| 1.07 | ±0.1 us | **no** |"), std::string::npos);
    EXPECT_NE(report_json(f.rep).find("\"ok\": false, \"status\": \"failed\""), std::string::npos);
}

// ------------------------------------------------------------------ gantt

namespace {

Gantt small_chart()
{
    Gantt g;
    const zynq_time_ps us = 1000000;
    g.span("vm1", "run", 0, 120 * us, "guest");
    g.span("VDM", "run", 120 * us, 150 * us);
    g.span("kernel", "kernel", 118 * us, 121 * us);
    g.span("vm1", "wait", 150 * us, 400 * us, "DEV_WAIT");
    g.span("PRR0", "reconfig", 125 * us, 356 * us, "QAM16");
    g.span("PRR0", "hw", 360 * us, 480 * us, "QAM16 frames");
    g.span("PCAP", "reconfig", 125 * us, 356 * us);
    g.marker("PCAP", 125 * us, "t2 PCAP start");
    g.marker("PCAP", 356 * us, "t3 PCAP done");
    g.marker("vm1", 118 * us, "request <QAM16>");
    return g;
}

} // namespace

TEST(Gantt, SmallChartMatchesExpected)
{
    Gantt g = small_chart();
    std::string path = testing::TempDir() + "/dprsim_gantt_small.svg", err;
    ASSERT_TRUE(g.write_svg(path, "small & chart", &err)) << err;
    std::string got = read_file(path);
    std::string want = read_file(std::string(SIM_TEST_DIR) + "/expected/gantt_small.svg");
    EXPECT_EQ(got, want) << "regenerate: cp " << path << " tests/sim/expected/gantt_small.svg after checking it";
    // Rows in first-named order, the legend lists the kinds used, text escaped.
    EXPECT_LT(got.find(">vm1<"), got.find(">VDM<"));
    EXPECT_LT(got.find(">VDM<"), got.find(">kernel<"));
    EXPECT_LT(got.find(">kernel<"), got.find(">PRR0<"));
    EXPECT_NE(got.find("small &amp; chart"), std::string::npos);
    EXPECT_NE(got.find("request &lt;QAM16&gt;"), std::string::npos);
    EXPECT_EQ(got.find(">suspend<"), std::string::npos);   // not used: not in the legend
    EXPECT_NE(got.find(">reconfig<"), std::string::npos);
    EXPECT_NE(got.find(">marker<"), std::string::npos);
    EXPECT_NE(got.find(">0 us<"), std::string::npos);       // ticks in us for a 0.5 ms chart
    EXPECT_NE(got.find(">500 us<"), std::string::npos);
}

TEST(Gantt, LongRunStaysReadable)
{
    // 50 ms with 20,000 short spans per row (a 1 us kernel entry every
    // 2.5 us): spans closer than a pixel merge, so the file stays small.
    Gantt g;
    const zynq_time_ps us = 1000000;
    for (int i = 0; i < 20000; i++) {
        g.span("kernel", "kernel", (zynq_time_ps)i * 2500000, (zynq_time_ps)i * 2500000 + us);
        g.span("vm1", "run", (zynq_time_ps)i * 2500000 + us, (zynq_time_ps)(i + 1) * 2500000);
    }
    g.span("PRR2", "reconfig", 10000 * us, 12720 * us, "IFFT512");   // one long span stays alone
    for (int i = 0; i < 500; i++) g.marker("PRR2", (zynq_time_ps)i * 100 * us, "frame");
    std::string path = testing::TempDir() + "/dprsim_gantt_long.svg", err;
    ASSERT_TRUE(g.write_svg(path, "long", &err)) << err;
    std::string got = read_file(path);
    EXPECT_LT(got.size(), 150000u) << "gantt.svg of a 50 ms run too large: " << got.size();
    size_t rects = 0;
    for (size_t p = got.find("<rect"); p != std::string::npos; p = got.find("<rect", p + 1)) rects++;
    EXPECT_LT(rects, 100u);
    EXPECT_NE(got.find("(20000 spans, 40.0% busy)"), std::string::npos);   // the merged rectangle says so
    EXPECT_NE(got.find(">IFFT512<"), std::string::npos);        // wide enough for its label
    EXPECT_NE(got.find(">50 ms<"), std::string::npos);          // ticks in ms
    // Deterministic bytes.
    std::string path2 = testing::TempDir() + "/dprsim_gantt_long2.svg";
    ASSERT_TRUE(g.write_svg(path2, "long", &err));
    EXPECT_EQ(read_file(path2), got);
}

TEST(Gantt, FocusClipsAndRowsAreOrdered)
{
    // Rows named in a scattered order: PRR rows come out sorted by number,
    // PCAP last. focus() keeps [2 ms, 4 ms]: a span across it is clipped,
    // spans and markers outside are left out, the whole run is still said.
    Gantt g;
    const zynq_time_ps ms = 1000000000;
    g.span("PRR3", "hw", 0, 1 * ms, "early");
    g.span("PCAP", "reconfig", 2 * ms, 3 * ms, "load");
    g.span("vm1", "run", 0, 10 * ms, "guest");
    g.span("PRR0", "hw", 3 * ms, 9 * ms, "late");
    g.span("PRR10", "hw", 2 * ms, 4 * ms);
    g.marker("PCAP", 2 * ms, "PCAP start");
    g.marker("vm1", 8 * ms, "outside");
    g.focus(2 * ms, 4 * ms);
    std::string path = testing::TempDir() + "/dprsim_gantt_focus.svg", err;
    ASSERT_TRUE(g.write_svg(path, "focus", &err)) << err;
    std::string got = read_file(path);
    size_t vm = got.find(">vm1<"), p0 = got.find(">PRR0<"), p3 = got.find(">PRR3<"), p10 = got.find(">PRR10<"),
           pc = got.find(">PCAP<");
    ASSERT_NE(vm, std::string::npos);
    ASSERT_NE(pc, std::string::npos);
    EXPECT_LT(vm, p0);
    EXPECT_LT(p0, p3);
    EXPECT_LT(p3, p10);
    EXPECT_LT(p10, pc);
    EXPECT_EQ(got.find("early"), std::string::npos);      // ends before the focus
    EXPECT_EQ(got.find("outside"), std::string::npos);    // marker after it
    EXPECT_NE(got.find("PCAP start"), std::string::npos);
    EXPECT_NE(got.find("whole run spans 0.000 .. 10.000 ms"), std::string::npos);
    EXPECT_NE(got.find(">2000 us<"), std::string::npos);  // the axis covers the focus only
    EXPECT_NE(got.find(">4000 us<"), std::string::npos);
    EXPECT_EQ(got.find(">4200 us<"), std::string::npos);
}

TEST(Gantt, WriteErrorReported)
{
    Gantt g = small_chart();
    std::string err;
    EXPECT_FALSE(g.write_svg("/nonexistent-dir/x.svg", "t", &err));
    EXPECT_NE(err.find("/nonexistent-dir/x.svg"), std::string::npos);
}
