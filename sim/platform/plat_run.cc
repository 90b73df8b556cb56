// plat_run.cc - `dprsim validate` and `dprsim run` (see plat_run.h): the
// scenario becomes a BootSpec (images, boot-information block, bitstream
// store, analyzers), and the run's results become the files of --out DIR.
#include "plat_run.h"

#include "plat_analyzers.h"
#include "plat_board.h"
#include "plat_cli.h"
#include "plat_gantt.h"
#include "plat_metrics.h"
#include "plat_report.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cinttypes>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>

namespace plat {

namespace {

bool load_or_report(const std::string &path, Scenario *s)
{
    scenario_default_build_dir();   // ${DPRSIM_BUILD} in image paths
    std::vector<std::string> errs;
    if (scenario_load(path, s, &errs)) return true;
    for (const std::string &e : errs) std::fprintf(stderr, "%s\n", e.c_str());
    return false;
}

bool write_file(const std::string &path, const std::string &text)
{
    FILE *f = std::fopen(path.c_str(), "wb");
    if (!f) {
        std::fprintf(stderr, "dprsim: %s: %s\n", path.c_str(), std::strerror(errno));
        return false;
    }
    bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    ok = std::fclose(f) == 0 && ok;
    if (!ok) std::fprintf(stderr, "dprsim: %s: write error\n", path.c_str());
    return ok;
}

/** e_entry of an ELF32 little-endian file (0 when it cannot be read: the
 *  loader has already refused such a file before this is used). */
uint32_t elf_entry(const std::string &path)
{
    unsigned char eh[28];
    FILE *f = std::fopen(path.c_str(), "rb");
    if (!f) return 0;
    bool ok = std::fread(eh, 1, sizeof eh, f) == sizeof eh;
    std::fclose(f);
    return ok ? (uint32_t)eh[24] | (uint32_t)eh[25] << 8 | (uint32_t)eh[26] << 16 | (uint32_t)eh[27] << 24 : 0;
}

/** The project's source directory, from the CMake cache of the build
 *  directory dprsim runs from (DPRSIM_BUILD); "" when unknown. */
std::string source_dir()
{
    const char *b = std::getenv("DPRSIM_BUILD");
    if (!b) return "";
    std::ifstream in(std::string(b) + "/CMakeCache.txt");
    std::string line;
    const std::string key = "CMAKE_HOME_DIRECTORY:INTERNAL=";
    while (std::getline(in, line))
        if (line.compare(0, key.size(), key) == 0) return line.substr(key.size());
    return "";
}

std::string abs_path(const std::string &p)
{
    char buf[PATH_MAX];
    return realpath(p.c_str(), buf) ? std::string(buf) : p;
}

/**
 * The gtkwave save file beside the waveform: scripts/dprsim.gtkw (its
 * signal groups) with a [dumpfile] line naming the waveform, and the
 * translate filter of cpu.func (WAVE.func.txt, written by the platform)
 * attached to that signal. False (and a note) when scripts/dprsim.gtkw
 * cannot be found: the waveform is still there.
 */
bool write_gtkw(const std::string &gtkw_path, const std::string &wave_path)
{
    std::string src = source_dir();
    std::ifstream in(src.empty() ? std::string() : src + "/scripts/dprsim.gtkw");
    if (src.empty() || !in) {
        std::fprintf(stderr, "dprsim: note: no %s: scripts/dprsim.gtkw not found (source directory unknown)\n",
                     gtkw_path.c_str());
        return false;
    }
    std::string wave = abs_path(wave_path), filter = wave + ".func.txt";
    struct stat st{};
    bool have_filter = stat(filter.c_str(), &st) == 0;
    std::string out = "[dumpfile] \"" + wave + "\"\n";
    out += "[*] written by dprsim run from " + src + "/scripts/dprsim.gtkw; open with: gtkwave THIS_FILE\n";
    // gtkwave applies a translate filter file to a trace whose flags (the
    // hexadecimal "@" line before it) have TR_FTRANSLATED (0x2000) set and
    // which is preceded by "^N FILE"; flags stay in force for the following
    // traces, so the previous flags are restored after cpu.func.
    std::string line, prev, flags;
    while (std::getline(in, line)) {
        if (line.compare(0, 10, "[dumpfile]") == 0 || line.compare(0, 16, "[dumpfile_mtime]") == 0 ||
            line.compare(0, 15, "[dumpfile_size]") == 0 || line.compare(0, 10, "[savefile]") == 0)
            continue;
        bool is_filter_line = line.size() > 1 && line[0] == '^' && line[1] >= '0' && line[1] <= '9';
        if (is_filter_line) { prev = line; continue; }   // re-attached below with this run's path
        bool func = line.compare(0, 8, "cpu.func") == 0 && have_filter;
        if (func) {
            unsigned long f = flags.size() > 1 ? std::strtoul(flags.c_str() + 1, nullptr, 16) : 0x22;
            char b[32];
            std::snprintf(b, sizeof b, "@%lx\n", f | 0x2000ul);
            out += b;
            size_t sp = prev.find(' ');
            out += (prev.empty() || sp == std::string::npos ? std::string("^1") : prev.substr(0, sp)) + " " +
                   filter + "\n" + line + "\n";
            if (!flags.empty()) out += flags + "\n";
            prev.clear();
            continue;
        }
        if (!prev.empty()) { out += prev + "\n"; prev.clear(); }
        if (!line.empty() && line[0] == '@') flags = line;
        out += line + "\n";
    }
    if (!prev.empty()) out += prev + "\n";
    return write_file(gtkw_path, out);
}

/** Name of an output file for report.json: relative to the output directory
 *  when it is inside it, else as given. */
std::string output_name(const std::string &out, const std::string &path)
{
    std::string prefix = out + "/";
    return path.compare(0, prefix.size(), prefix) == 0 ? path.substr(prefix.size()) : path;
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

int cmd_run(int argc, char **argv)
{
    std::string scn, out = ".", trace, trace_file, uart_rx;
    bool stats = false, progress = false, caches = false;
    uint32_t pl_quantum = 0;   // 0: the scenario's (sync.pl_quantum_cycles)
    for (int i = 2; i < argc; i++) {
        std::string a = argv[i];
        if (a == "--out" || a == "--trace" || a == "--trace-file" || a == "--uart-rx") {
            if (i + 1 >= argc) { std::fprintf(stderr, "dprsim: %s: missing value\n", a.c_str()); return kExitBadInput; }
            (a == "--out" ? out : a == "--trace" ? trace : a == "--uart-rx" ? uart_rx : trace_file) = argv[++i];
        } else if (a == "--pl-quantum") {
            std::string err;
            if (i + 1 >= argc) { std::fprintf(stderr, "dprsim: %s: missing value\n", a.c_str()); return kExitBadInput; }
            if (!parse_pl_quantum(argv[++i], &pl_quantum, &err)) {
                std::fprintf(stderr, "dprsim: --pl-quantum %s\n", err.c_str());
                return kExitBadInput;
            }
        } else if (a == "--stats") {
            stats = true;
        } else if (a == "--caches") {
            caches = true;
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
    while (out.size() > 1 && out.back() == '/') out.pop_back();
    if (mkdir(out.c_str(), 0777) != 0 && errno != EEXIST) {
        std::fprintf(stderr, "dprsim: --out %s: %s\n", out.c_str(), std::strerror(errno));
        return kExitBadInput;
    }

    // What this build cannot do, said before the run.
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
    // UART1 RX: --uart-rx (FILE or - for stdin, as `dprsim boot`) wins over
    // the scenario's uart.rx_file / uart.rx.
    spec.uart_rx_path = !uart_rx.empty() ? uart_rx : s.uart_rx_file;
    if (spec.uart_rx_path.empty()) spec.uart_rx_data = s.uart_rx_data;
    spec.max_time_ps = s.stop_time_ps;
    spec.timing.cpu_hz = s.cpu_hz;
    spec.timing.fclk0_hz = s.fclk0_hz;
    spec.timing.pcap_rate_bytes_per_s = s.pcap_rate;
    spec.timing.pl_batch_cycles = pl_quantum ? pl_quantum : s.pl_quantum;
    spec.caches = caches || s.caches;
    // The entry ELF boots; the other ELFs are loaded beside it (segments
    // and symbols); raw images are copied to their address.
    for (const ScnImage &im : s.images) {
        if (im.elf && im.entry) spec.elf = im.path;
        else if (im.elf) spec.extra_elfs.push_back(im.path);
        else spec.loads.push_back(RawLoad{im.path, im.address});
    }

    const std::vector<ScnBitstream> bits = scenario_bitstreams(s);
    if (s.has_boot_info || !bits.empty()) {
        spec.before_start = [&s, &bits](Board &board, uint32_t entry, uint32_t *r2) {
            // The bitstream store: one SimB per (module, PRR), exactly the
            // module's bitstream_bytes long.
            for (const ScnBitstream &b : bits) {
                std::vector<uint8_t> simb = scenario_simb(b);
                uint8_t *p = simb.size() == b.bytes ? board.ram_ptr(b.addr, b.bytes) : nullptr;
                if (!p) {
                    std::fprintf(stderr, "dprsim: bitstream_store: the SimB of module %u for PRR %u (%u bytes at "
                                 "0x%08x) cannot be written\n", b.module, b.prr, b.bytes, b.addr);
                    return false;
                }
                std::copy(simb.begin(), simb.end(), p);
            }
            if (!s.has_boot_info) return true;
            std::vector<ScnPlaced> placed;
            for (const ScnImage &im : s.images) {
                struct stat st{};
                if (im.elf)
                    placed.push_back(ScnPlaced{im.entry ? entry : elf_entry(im.path), 0});
                else
                    placed.push_back(ScnPlaced{im.address, stat(im.path.c_str(), &st) == 0 ? (uint32_t)st.st_size : 0});
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

    // The analyzers (plat_analyzers.h) watch the run without touching it.
    AnalyzerConfig cfg;
    cfg.cpu_hz = s.cpu_hz;
    cfg.fclk0_hz = s.fclk0_hz;
    for (size_t i = 0; i < s.vms.size(); i++)
        cfg.vms.push_back(AnalyzerConfig::Vm{s.vms[i].id, (unsigned)i,
                                             s.vms[i].name.empty() ? "vm" + std::to_string(s.vms[i].id) : s.vms[i].name});
    for (const ScnBitstream &b : bits) cfg.bitstreams.push_back(AnalyzerConfig::Bitstream{b.addr, b.bytes, b.module, b.prr});
    for (const ScnModule &m : s.modules) cfg.modules.push_back(AnalyzerConfig::Module{m.id, m.name, m.kind});
    Metrics metrics;
    Gantt gantt;
    std::vector<std::unique_ptr<Observer>> analyzers = make_analyzers(cfg, &metrics, &gantt);
    for (const std::unique_ptr<Observer> &a : analyzers) spec.observers.push_back(a.get());

    BootResult r = boot_and_run(spec);
    if (r.end.empty()) return kExitBadInput;   // image could not be loaded

    RunReport rep;
    rep.scenario = &s;
    rep.result = &r;
    rep.metrics = &metrics;
    rep.bitstreams = bits;
    rep.expectations = evaluate_expectations(s.metrics, metrics);
    rep.status = run_exit_status(run_program_ok(s, r), rep.expectations);

    bool ok = true;
    rep.outputs.push_back(output_name(out, spec.events_path));
    if (!gantt.empty()) {
        std::string g = out + "/gantt.svg", err;
        if (gantt.write_svg(g, s.name + ": VMs, VDM, kernel, PRRs and PCAP over time", &err))
            rep.outputs.push_back(output_name(out, g));
        else {
            std::fprintf(stderr, "dprsim: %s\n", err.c_str());
            ok = false;
        }
    }
    if (spec.trace != TraceFormat::None) {
        rep.outputs.push_back(output_name(out, spec.trace_path));
        struct stat st{};
        if (stat((spec.trace_path + ".func.txt").c_str(), &st) == 0)   // the platform's cpu.func filter
            rep.outputs.push_back(output_name(out, spec.trace_path + ".func.txt"));
        std::string gtkw = spec.trace_path;
        size_t dot = gtkw.rfind('.'), slash = gtkw.rfind('/');
        if (dot != std::string::npos && (slash == std::string::npos || dot > slash)) gtkw.erase(dot);
        gtkw += ".gtkw";
        if (write_gtkw(gtkw, spec.trace_path)) rep.outputs.push_back(output_name(out, gtkw));
    }
    rep.outputs.push_back("report.md");
    std::sort(rep.outputs.begin(), rep.outputs.end());

    std::string path = out + "/report.json";
    ok = write_file(path, report_json(rep)) && ok;
    ok = write_file(out + "/report.md", report_md(rep)) && ok;
    if (!ok) return kExitBadInput;
    std::fprintf(stderr, "dprsim: run '%s' ended (%s) after %" PRIu64 " ps simulated; report: %s\n",
                 s.name.c_str(), r.end.c_str(), r.sim_time_ps, path.c_str());
    std::fprintf(stderr, "dprsim: events: %s (%" PRIu64 " events)%s%s\n", spec.events_path.c_str(), r.events,
                 spec.trace == TraceFormat::None ? "" : "; waveform: ",
                 spec.trace == TraceFormat::None ? "" : spec.trace_path.c_str());
    size_t failed = 0, missing = 0;
    for (const Expectation &e : rep.expectations) {
        failed += e.status == "failed";
        missing += e.status == "not_measured";
    }
    std::fprintf(stderr, "dprsim: %zu metric(s) measured; expectations: %zu ok, %zu failed, %zu not measured; "
                 "exit status %d\n", metrics.names().size(), rep.expectations.size() - failed - missing, failed,
                 missing, rep.status);
    return rep.status;
}

} // namespace plat
