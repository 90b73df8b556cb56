// plat_report.cc - expectations, exit status, report.json and report.md
// (see plat_report.h; report.json schema: docs/report-schema.md).
#include "plat_report.h"

#include <cinttypes>
#include <cmath>
#include <cstdio>

namespace plat {

namespace {

std::string json_str(const std::string &s)
{
    std::string o = "\"";
    for (unsigned char ch : s) {
        if (ch == '"' || ch == '\\') { o += '\\'; o += (char)ch; }
        else if (ch < 0x20) { char b[8]; std::snprintf(b, sizeof b, "\\u%04x", ch); o += b; }
        else o += (char)ch;
    }
    return o + "\"";
}

/** Markdown table cell: no '|' or newline inside. */
std::string cell(const std::string &s)
{
    std::string o;
    for (char c : s) o += c == '|' ? std::string("\\|") : c == '\n' ? std::string(" ") : std::string(1, c);
    return o;
}

/** A figure for report.md: integers as such, otherwise three significant
 *  digits below 100 and one decimal above. */
std::string md_num(double v)
{
    char b[64];
    if (!std::isfinite(v)) return "-";
    if (v == std::floor(v) && std::fabs(v) < 1e15) std::snprintf(b, sizeof b, "%.0f", v);
    else if (std::fabs(v) >= 100) std::snprintf(b, sizeof b, "%.1f", v);
    else std::snprintf(b, sizeof b, "%.3g", v);
    return b;
}

std::string with_unit(const std::string &v, const std::string &unit)
{
    return unit.empty() || unit == "count" ? v : v + " " + unit;
}

} // namespace

std::vector<Expectation> evaluate_expectations(const std::vector<ScnMetric> &expect, const Metrics &m)
{
    std::vector<Expectation> out;
    for (const ScnMetric &x : expect) {
        Expectation e;
        e.metric = x.name;
        e.unit = x.unit;
        e.paper = x.paper;
        e.tolerance = x.tolerance;
        e.measured = m.value(x.name, &e.value) && std::isfinite(e.value);
        e.ok = e.measured && std::fabs(e.value - x.paper) <= x.tolerance;
        e.status = !e.measured ? "not_measured" : e.ok ? "ok" : "failed";
        out.push_back(e);
    }
    return out;
}

bool run_program_ok(const Scenario &s, const BootResult &r)
{
    if (s.stop_event == "none") return r.end == "max_time" || (r.end == "semihosting_exit" && r.program_status == 0);
    return r.end == "semihosting_exit" && r.program_status == 0;
}

int run_exit_status(bool program_ok, const std::vector<Expectation> &e)
{
    if (!program_ok) return kRunFailed;
    bool missing = false;
    for (const Expectation &x : e) {
        if (x.status == "failed") return kRunFailed;
        if (x.status == "not_measured") missing = true;
    }
    return missing ? kRunNotMeasured : kRunOk;
}

std::string report_json_number(double v)
{
    if (!std::isfinite(v)) return "null";
    char b[40];
    std::snprintf(b, sizeof b, "%.15g", v);
    return b;
}

std::string report_json(const RunReport &rr)
{
    const Scenario &s = *rr.scenario;
    const BootResult &r = *rr.result;
    const Metrics &m = *rr.metrics;
    auto num = report_json_number;
    std::string j = "{\n";
    j += "  \"schema\": \"dprsim-report/2\",\n";
    j += "  \"scenario\": " + json_str(s.name) + ",\n";
    j += "  \"run\": {\n";
    j += "    \"end\": " + json_str(r.end) + ",\n";
    j += "    \"program_exit_status\": " +
         (r.program_status < 0 ? std::string("null") : std::to_string(r.program_status)) + ",\n";
    j += std::string("    \"program_ok\": ") + (run_program_ok(s, r) ? "true" : "false") + ",\n";
    j += "    \"status\": " + std::to_string(rr.status) + ",\n";
    j += "    \"simulated_time_ps\": " + std::to_string(r.sim_time_ps) + ",\n";
    j += "    \"wfi_sleep_ps\": " + std::to_string(r.wfi_sleep_ps) + ",\n";
    j += "    \"instructions\": " + std::to_string(r.instructions) + ",\n";
    j += "    \"cycles\": " + std::to_string(r.cycles) + ",\n";
    j += "    \"mmio_accesses\": " + std::to_string(r.mmio_accesses) + ",\n";
    j += "    \"bus_errors\": " + std::to_string(r.bus_errors) + ",\n";
    j += "    \"cpu_hz\": " + std::to_string(s.cpu_hz) + ",\n";
    j += "    \"fclk0_hz\": " + std::to_string(s.fclk0_hz) + ",\n";
    j += "    \"pcap_rate_bytes_per_s\": " + std::to_string(s.pcap_rate) + ",\n";
    j += std::string("    \"cpu_caches\": ") + (r.caches ? "true" : "false") + ",\n";
    j += std::string("    \"pl\": ") +
         (r.pl_attached ? "\"attached (built-in pl_top)\"" : "\"not attached\"") + ",\n";
    if (r.pl_attached) {
        // The synchronisation of CPU and PL and the error it allows
        // (--pl-quantum / sync.pl_quantum_cycles; 1 = exact).
        j += "    \"pl_sync\": {\"quantum_cycles\": " + std::to_string(r.pl_quantum_cycles) +
             ", \"exact\": " + (r.pl_quantum_cycles <= 1 ? "true" : "false") +
             ", \"irq_delay_bound_ps\": " + std::to_string(r.pl_irq_delay_bound_ps) +
             ", \"memory_skew_bound_ps\": " + std::to_string(r.pl_skew_bound_ps) +
             ", \"irq_delay_max_ps\": " + std::to_string(r.pl_irq_delay_max_ps) + "},\n";
    }
    j += "    \"events\": " + std::to_string(r.events) + "\n";
    j += "  },\n";

    j += "  \"bitstreams\": [";
    for (size_t i = 0; i < rr.bitstreams.size(); i++) {
        const ScnBitstream &b = rr.bitstreams[i];
        char buf[160];
        std::snprintf(buf, sizeof buf, "%s\n    {\"module\": %u, \"prr\": %u, \"addr\": %" PRIu32 ", \"bytes\": %" PRIu32 "}",
                      i ? "," : "", b.module, b.prr, b.addr, b.bytes);
        j += buf;
    }
    j += rr.bitstreams.empty() ? "],\n" : "\n  ],\n";

    std::vector<std::string> names = m.names();
    j += "  \"metrics\": {";
    for (size_t i = 0; i < names.size(); i++) {
        j += i ? ",\n    " : "\n    ";
        j += json_str(names[i]) + ": ";
        MetricSummary sm;
        double v = 0;
        if (m.summary(names[i], &sm))
            j += "{\"min\": " + num(sm.min) + ", \"median\": " + num(sm.median) + ", \"max\": " + num(sm.max) +
                 ", \"n\": " + std::to_string(sm.n) + "}";
        else if (m.single(names[i], &v))
            j += num(v);
        else
            j += "null";
    }
    j += names.empty() ? "},\n" : "\n  },\n";

    j += "  \"expectations\": [";
    for (size_t i = 0; i < rr.expectations.size(); i++) {
        const Expectation &e = rr.expectations[i];
        j += i ? ",\n" : "\n";
        j += "    {\"metric\": " + json_str(e.metric) + ", \"value\": " + (e.measured ? num(e.value) : "null") +
             ", \"paper\": " + num(e.paper) + ", \"tolerance\": " + num(e.tolerance) + ", \"unit\": " +
             json_str(e.unit) + ", \"ok\": " + (e.measured ? (e.ok ? "true" : "false") : "null") +
             ", \"status\": " + json_str(e.status) + "}";
    }
    j += rr.expectations.empty() ? "],\n" : "\n  ],\n";

    j += "  \"outputs\": [";
    for (size_t i = 0; i < rr.outputs.size(); i++) j += (i ? ", " : "") + json_str(rr.outputs[i]);
    j += "]\n";
    j += "}\n";
    return j;
}

std::string report_md_metric(const Metrics &m, const std::string &name)
{
    MetricSummary sm;
    double v = 0;
    if (m.summary(name, &sm))
        return md_num(sm.median) + " [" + md_num(sm.min) + ".." + md_num(sm.max) + "] n=" + std::to_string(sm.n);
    if (m.single(name, &v)) return md_num(v);
    return "not measured";
}

std::string report_md(const RunReport &rr)
{
    const Scenario &s = *rr.scenario;
    const BootResult &r = *rr.result;
    const Metrics &m = *rr.metrics;
    char b[256];
    std::string o = "# " + s.name + "\n\n";
    std::string desc = s.description;
    while (!desc.empty() && (desc.back() == '\n' || desc.back() == ' ')) desc.pop_back();
    if (!desc.empty()) o += desc + "\n\n";

    o += "## Run\n\n| run | value |\n|---|---|\n";
    o += "| end | " + cell(r.end) + (run_program_ok(s, r) ? " (as the scenario expects)" : " (**the program failed**)") +
         " |\n";
    o += "| program exit status | " + (r.program_status < 0 ? std::string("none") : std::to_string(r.program_status)) +
         " |\n";
    std::snprintf(b, sizeof b, "| simulated time | %.6f ms (CPU asleep in WFI %.6f ms) |\n",
                  (double)r.sim_time_ps / 1e9, (double)r.wfi_sleep_ps / 1e9);
    o += b;
    std::snprintf(b, sizeof b, "| instructions / CPU cycles | %" PRIu64 " / %" PRIu64 " |\n", r.instructions, r.cycles);
    o += b;
    std::snprintf(b, sizeof b, "| clocks | CPU %" PRIu64 " Hz, FCLK0 %" PRIu64 " Hz, PCAP %" PRIu64 " B/s |\n",
                  s.cpu_hz, s.fclk0_hz, s.pcap_rate);
    o += b;
    o += std::string("| CPU timing | Cortex-A9 pipeline model") +
         (r.caches ? " with the L1/L2/DDR cache model" : ", no cache model (every access an L1 hit)") + " |\n";
    o += std::string("| PL | ") + (r.pl_attached ? "attached (built-in pl_top)" : "not attached") + " |\n";
    if (r.pl_attached) {
        if (r.pl_quantum_cycles <= 1)
            std::snprintf(b, sizeof b, "| CPU/PL sync | exact (quantum 1 PL cycle); largest PL interrupt delay "
                          "%" PRIu64 " ps (instruction granularity) |\n", r.pl_irq_delay_max_ps);
        else
            std::snprintf(b, sizeof b, "| CPU/PL sync | quantum %" PRIu32 " PL cycles: a PL interrupt may reach "
                          "the CPU up to %" PRIu64 " ps late beyond the instruction boundary, CPU and PL "
                          "memory accesses up to %" PRIu64 " ps out of order; largest delay measured %" PRIu64
                          " ps |\n", r.pl_quantum_cycles, r.pl_irq_delay_bound_ps, r.pl_skew_bound_ps,
                          r.pl_irq_delay_max_ps);
        o += b;
    }
    if (!rr.bitstreams.empty()) {
        const ScnBitstream &last = rr.bitstreams.back();
        std::snprintf(b, sizeof b, "| bitstream store | %zu SimB at 0x%08" PRIx32 "..0x%08" PRIx32 " |\n",
                      rr.bitstreams.size(), rr.bitstreams.front().addr, last.addr + last.bytes);
        o += b;
    }
    const char *meaning = rr.status == kRunOk ? "the program succeeded and every expectation holds"
                          : rr.status == kRunNotMeasured ? "nothing failed, some expectations not measured"
                                                         : "the program failed or an expectation does not hold";
    o += "| dprsim exit status | " + std::to_string(rr.status) + " (" + meaning + ") |\n";

    if (!rr.expectations.empty()) {
        o += "\n## Measured beside the paper\n\n";
        o += "Measured: the value the expectation checks (the median of a distribution), then "
             "[min..max] and the number of samples.\n\n";
        o += "| Metric | paper | measured | ratio | tolerance | ok |\n|---|---|---|---|---|---|\n";
        for (const Expectation &e : rr.expectations) {
            std::string measured = "not measured", ratio = "-";
            if (e.measured) {
                MetricSummary sm;
                measured = with_unit(md_num(e.value), e.unit);
                if (m.summary(e.metric, &sm))
                    measured += " [" + md_num(sm.min) + ".." + md_num(sm.max) + "] n=" + std::to_string(sm.n);
                if (e.paper != 0) {
                    std::snprintf(b, sizeof b, "%.2f", e.value / e.paper);
                    ratio = b;
                }
            }
            o += "| " + cell(e.metric) + " | " + with_unit(md_num(e.paper), e.unit) + " | " + cell(measured) + " | " +
                 ratio + " | ±" + with_unit(md_num(e.tolerance), e.unit) + " | " +
                 (e.status == "ok" ? "yes" : e.status == "failed" ? "**no**" : "not measured") + " |\n";
        }
    }

    std::vector<std::string> names = m.names();
    o += "\n## Every measured metric\n\n";
    if (names.empty()) {
        o += "The run measured no metric.\n";
    } else {
        o += "Units are part of the names (docs/report-schema.md).\n\n| metric | value |\n|---|---|\n";
        for (const std::string &n : names) o += "| " + cell(n) + " | " + report_md_metric(m, n) + " |\n";
    }

    for (const Metrics::Section &sec : m.sections()) {
        o += "\n## " + sec.title + "\n\n" + sec.markdown;
        if (sec.markdown.empty() || sec.markdown.back() != '\n') o += "\n";
    }

    if (!rr.outputs.empty()) {
        o += "\n## Files\n\n";
        for (const std::string &f : rr.outputs) o += "- `" + f + "`\n";
    }
    return o;
}

} // namespace plat
