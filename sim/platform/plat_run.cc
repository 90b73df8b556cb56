// plat_run.cc - scenario commands and report.json (see plat_run.h).
#include "plat_run.h"

#include "plat_board.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <cstring>

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

std::string json_num(double v)
{
    char b[40];
    std::snprintf(b, sizeof b, "%.15g", v);
    return b;
}

bool load_or_report(const std::string &path, Scenario *s)
{
    std::vector<std::string> errs;
    if (scenario_load(path, s, &errs)) return true;
    for (const std::string &e : errs) std::fprintf(stderr, "%s\n", e.c_str());
    return false;
}

// report.md: the run's figures and every expectation, measured beside the
// paper. Until the firmware measures metrics every row says so.
std::string report_md(const Scenario &s, const BootResult &r, int run_status)
{
    char b[256];
    std::string m = "# " + s.name + "\n\n";
    if (!s.description.empty()) m += s.description + "\n\n";
    m += "| run | value |\n|---|---|\n";
    m += "| end | " + r.end + " |\n";
    std::snprintf(b, sizeof b, "| program exit status | %s |\n",
                  r.program_status < 0 ? "none" : std::to_string(r.program_status).c_str());
    m += b;
    std::snprintf(b, sizeof b, "| simulated time | %.6f ms |\n", (double)r.sim_time_ps / 1e9);
    m += b;
    std::snprintf(b, sizeof b, "| instructions / CPU cycles | %" PRIu64 " / %" PRIu64 " |\n",
                  r.instructions, r.cycles);
    m += b;
    m += std::string("| PL | ") + (r.pl_attached ? "attached (built-in pl_top)" : "not attached") + " |\n";
    std::snprintf(b, sizeof b, "| dprsim exit status | %d |\n", run_status);
    m += b;
    if (!s.metrics.empty()) {
        m += "\n| metric | paper | measured | ratio | tolerance | status |\n";
        m += "|---|---|---|---|---|---|\n";
        for (const ScnMetric &x : s.metrics) {
            std::snprintf(b, sizeof b, "| %s | %.15g %s | not measured | - | %.15g | not_measured |\n",
                          x.name.c_str(), x.paper, x.unit.c_str(), x.tolerance);
            m += b;
        }
        m += "\nNo metric is measured yet: the figures come from the hypervisor's event\n"
             "markers, which the firmware does not emit yet.\n";
    }
    return m;
}

} // namespace

int cmd_validate(int argc, char **argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "dprsim: usage: dprsim validate SCENARIO.yaml\n");
        return kExitBadInput;
    }
    Scenario s;
    if (!load_or_report(argv[2], &s)) return kExitBadInput;
    std::printf("%s: valid scenario '%s'\n", argv[2], s.name.c_str());
    return 0;
}

std::string report_json(const Scenario &s, const BootResult &r, int run_status)
{
    // Only what the run measured. No metric of the scenario can be measured
    // yet (they need the hypervisor's event markers), so every
    // expectation is listed with value null and status "not_measured".
    std::string j = "{\n";
    j += "  \"schema\": \"dprsim-report/1\",\n";
    j += "  \"scenario\": " + json_str(s.name) + ",\n";
    j += "  \"run\": {\n";
    j += "    \"end\": " + json_str(r.end) + ",\n";
    j += "    \"program_exit_status\": " +
         (r.program_status < 0 ? std::string("null") : std::to_string(r.program_status)) + ",\n";
    j += "    \"status\": " + std::to_string(run_status) + ",\n";
    j += "    \"simulated_time_ps\": " + std::to_string(r.sim_time_ps) + ",\n";
    j += "    \"wfi_sleep_ps\": " + std::to_string(r.wfi_sleep_ps) + ",\n";
    j += "    \"instructions\": " + std::to_string(r.instructions) + ",\n";
    j += "    \"cycles\": " + std::to_string(r.cycles) + ",\n";
    j += "    \"mmio_accesses\": " + std::to_string(r.mmio_accesses) + ",\n";
    j += "    \"bus_errors\": " + std::to_string(r.bus_errors) + ",\n";
    j += "    \"cpu_hz\": " + std::to_string(s.cpu_hz) + ",\n";
    j += std::string("    \"pl\": ") +
         (r.pl_attached ? "\"attached (built-in pl_top)\"" : "\"not attached\"") + "\n";
    j += "  },\n";
    j += "  \"metrics\": {},\n";
    j += "  \"expectations\": [";
    for (size_t i = 0; i < s.metrics.size(); i++) {
        const ScnMetric &m = s.metrics[i];
        j += i ? ",\n" : "\n";
        j += "    {\"metric\": " + json_str(m.name) + ", \"value\": null, \"paper\": " + json_num(m.paper) +
             ", \"tolerance\": " + json_num(m.tolerance) + ", \"unit\": " + json_str(m.unit) +
             ", \"ok\": null, \"status\": \"not_measured\"}";
    }
    j += s.metrics.empty() ? "]\n" : "\n  ]\n";
    j += "}\n";
    return j;
}

int cmd_run(int argc, char **argv)
{
    std::string scn, out = ".", trace, trace_file;
    bool stats = false, progress = false;
    for (int i = 2; i < argc; i++) {
        std::string a = argv[i];
        if (a == "--out" || a == "--trace" || a == "--trace-file") {
            if (i + 1 >= argc) { std::fprintf(stderr, "dprsim: %s: missing value\n", a.c_str()); return kExitBadInput; }
            (a == "--out" ? out : a == "--trace" ? trace : trace_file) = argv[++i];
        } else if (a == "--stats") {
            stats = true;
        } else if (a == "--progress") {
            progress = true;
        } else if (a.size() > 1 && a[0] == '-') {
            std::fprintf(stderr, "dprsim: run: unknown option '%s'\n", a.c_str());
            return kExitBadInput;
        } else if (scn.empty()) {
            scn = a;
        } else {
            std::fprintf(stderr, "dprsim: run: more than one SCENARIO\n");
            return kExitBadInput;
        }
    }
    if (scn.empty()) { std::fprintf(stderr, "dprsim: run: missing SCENARIO.yaml\n"); return kExitBadInput; }
    if (!trace.empty() && trace != "fst" && trace != "vcd" && trace != "none") {
        std::fprintf(stderr, "dprsim: --trace '%s': expected fst, vcd or none\n", trace.c_str());
        return kExitBadInput;
    }
    Scenario s;
    if (!load_or_report(scn, &s)) return kExitBadInput;
    if (trace.empty()) trace = s.trace_format;
    if (mkdir(out.c_str(), 0777) != 0 && errno != EEXIST) {
        std::fprintf(stderr, "dprsim: --out %s: %s\n", out.c_str(), std::strerror(errno));
        return kExitBadInput;
    }

    // What this build cannot do yet, said before the run.
    if (!s.prrs.empty() || !s.modules.empty())
        std::fprintf(stderr, "dprsim: note: the PL is the built-in pl_top (its PRRs and modules are "
                     "RTL parameters): the %zu PRR(s) and %zu module(s) of the scenario are validated "
                     "(and handed to the firmware when the scenario has boot_info), not used to reshape the RTL\n",
                     s.prrs.size(), s.modules.size());
    if (!s.vms.empty() && !s.has_boot_info)
        std::fprintf(stderr, "dprsim: note: the VM configuration (%zu VM(s)) is not handed to the "
                     "firmware: the scenario has no boot_info address\n", s.vms.size());
    BootSpec spec;
    std::string why;
    if (!trace_parse_format(trace, &spec.trace)) {   // scenario value: validated by the loader
        std::fprintf(stderr, "dprsim: trace.format '%s': expected fst, vcd or none\n", trace.c_str());
        return kExitBadInput;
    }
    if (!trace_format_supported(spec.trace, &why)) {
        std::fprintf(stderr, "dprsim: %s\n", why.c_str());
        return kExitBadInput;
    }
    spec.trace_path = trace_file.empty() ? out + "/wave.fst" : trace_file;
    spec.events_path = out + "/events.log";
    spec.stats = stats;
    spec.progress = progress;
    spec.max_time_ps = s.stop_time_ps;
    spec.timing.cpu_hz = s.cpu_hz;
    spec.timing.fclk0_hz = s.fclk0_hz;
    spec.timing.pcap_rate_bytes_per_s = s.pcap_rate;
    for (const ScnImage &im : s.images) {
        if (im.elf) spec.elf = im.path;
        else spec.loads.push_back(RawLoad{im.path, im.address});
    }
    if (s.has_boot_info) {
        spec.before_start = [&s](Board &board, uint32_t entry, uint32_t *r2) {
            std::vector<ScnPlaced> placed;
            for (const ScnImage &im : s.images) {
                struct stat st{};
                uint32_t size = (!im.elf && stat(im.path.c_str(), &st) == 0) ? (uint32_t)st.st_size : 0;
                placed.push_back(ScnPlaced{im.elf ? entry : im.address, size});
            }
            std::vector<uint8_t> bi = scenario_boot_info(s, placed);
            uint8_t *p = board.ram_ptr(s.boot_info_addr, (uint32_t)bi.size());
            if (!p) {
                std::fprintf(stderr, "dprsim: boot_info: %zu bytes at 0x%08x do not fit in DDR\n",
                             bi.size(), s.boot_info_addr);
                return false;
            }
            std::copy(bi.begin(), bi.end(), p);
            *r2 = s.boot_info_addr;
            return true;
        };
    }
    BootResult r = boot_and_run(spec);
    if (r.end.empty()) return kExitBadInput;   // image could not be loaded

    int status = 0;
    bool program_ok = s.stop_event == "none" ? (r.end == "max_time" || r.program_status == 0)
                                             : (r.end == "semihosting_exit" && r.program_status == 0);
    if (!program_ok) status = 1;
    else if (!s.metrics.empty()) status = 3;

    std::string path = out + "/report.json";
    FILE *f = std::fopen(path.c_str(), "wb");
    if (!f) {
        std::fprintf(stderr, "dprsim: %s: %s\n", path.c_str(), std::strerror(errno));
        return kExitBadInput;
    }
    std::string j = report_json(s, r, status);
    std::fwrite(j.data(), 1, j.size(), f);
    std::fclose(f);
    std::string md_path = out + "/report.md";
    FILE *fm = std::fopen(md_path.c_str(), "wb");
    if (!fm) {
        std::fprintf(stderr, "dprsim: %s: %s\n", md_path.c_str(), std::strerror(errno));
        return kExitBadInput;
    }
    std::string md = report_md(s, r, status);
    std::fwrite(md.data(), 1, md.size(), fm);
    std::fclose(fm);
    std::fprintf(stderr, "dprsim: run '%s' ended (%s) after %" PRIu64 " ps simulated; report: %s\n",
                 s.name.c_str(), r.end.c_str(), r.sim_time_ps, path.c_str());
    std::fprintf(stderr, "dprsim: events: %s (%" PRIu64 " events)%s%s\n", spec.events_path.c_str(), r.events,
                 spec.trace == TraceFormat::None ? "" : "; waveform: ",
                 spec.trace == TraceFormat::None ? "" : spec.trace_path.c_str());
    return status;
}

} // namespace plat
