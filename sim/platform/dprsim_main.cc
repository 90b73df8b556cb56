// dprsim_main.cc - the dprsim command line (boot, validate, run).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <systemc>

#include "plat_boot.h"
#include "plat_cli.h"
#include "plat_run.h"

namespace {

const char kUsage[] =
    "usage: dprsim boot IMAGE.elf [--load FILE@ADDR]... [--max-time T] [--cold] [--no-pl] [--stats] [--progress]\n"
    "                   [--trace fst|vcd|none] [--trace-file PATH] [--events FILE] [--uart-rx FILE|-]\n"
    "                   [--pl-quantum N] [--caches]\n"
    "       dprsim validate SCENARIO.yaml\n"
    "       dprsim run SCENARIO.yaml [--out DIR] [--trace fst|vcd|none] [--trace-file PATH] [--uart-rx FILE|-] [--stats] [--progress]\n"
    "                   [--pl-quantum N] [--caches]\n"
    "  boot writes the PL waveform to PATH (default dprsim.fst) and events.log to FILE;\n"
    "  run writes DIR/events.log and the waveform to PATH (default DIR/wave.fst)\n"
    "  --uart-rx feeds FILE (- = standard input) to UART1's RX line, one byte per character time\n"
    "  --pl-quantum N lets the running CPU go up to N PL cycles ahead of the PL (1..65536, default 1 =\n"
    "    exact: a PL interrupt reaches the CPU at the first instruction boundary of the cycle it rises);\n"
    "    a larger N is faster and the report gives the error bound it introduced\n"
    "  --caches turns on the CPU's L1/L2/DDR cache timing model (models/arm/README.md; the L2\n"
    "    joins when the firmware enables the PL310)\n"
    "  --progress prints a progress line every 2 s of wall time (default: only on a terminal)\n"
    "  T is a duration with a unit: ps, ns, us, ms or s (e.g. 10ms, 2s)\n"
    "  run writes DIR/report.json, report.md, gantt.svg and, with a waveform, its .gtkw save file\n"
    "  (docs/report-schema.md); ${DPRSIM_BUILD} in scenario paths defaults to the build\n"
    "  directory this dprsim runs from (docs/scenario-schema.md)\n"
    "exit status: boot: the program's semihosting exit status; 2 bad input;\n"
    "  100 time limit reached; 101 CPU stopped (WFI with nothing to wake it, ISS halt, ...)\n"
    "  run: 0 every expectation measured and holding, 1 the program or an expectation failed,\n"
    "  3 nothing failed but some expectations not measured\n";

int bad(const std::string &msg)
{
    std::fprintf(stderr, "dprsim: %s\n", msg.c_str());
    return plat::kExitBadInput;
}

int cmd_boot(int argc, char **argv)
{
    plat::BootSpec spec;
    for (int i = 2; i < argc; i++) {
        std::string a = argv[i];
        if (a == "--trace" || a == "--trace-file" || a == "--events" || a == "--uart-rx") {
            if (i + 1 >= argc) return bad(a + ": missing value");
            std::string v = argv[++i];
            if (a == "--trace-file") spec.trace_path = v;
            else if (a == "--uart-rx") spec.uart_rx_path = v;
            else if (a == "--events") spec.events_path = v;
            else if (!plat::trace_parse_format(v, &spec.trace))
                return bad("--trace '" + v + "': expected fst, vcd or none");
        } else if (a == "--pl-quantum") {
            if (i + 1 >= argc) return bad(a + ": missing value");
            std::string err;
            if (!plat::parse_pl_quantum(argv[++i], &spec.timing.pl_batch_cycles, &err))
                return bad("--pl-quantum " + err);
        } else if (a == "--load" || a == "--max-time") {
            if (i + 1 >= argc) return bad(a + ": missing value");
            std::string v = argv[++i], err;
            if (a == "--load") {
                plat::RawLoad l;
                if (!plat::parse_load(v, &l.path, &l.addr, &err)) return bad("--load " + err);
                spec.loads.push_back(l);
            } else if (!plat::parse_time_ps(v, &spec.max_time_ps, &err)) {
                return bad("--max-time " + err);
            }
        } else if (a == "--caches") {
            spec.caches = true;
        } else if (a == "--cold") {
            spec.cold = true;
        } else if (a == "--stats") {
            spec.stats = true;
        } else if (a == "--no-pl") {
            spec.attach_pl = false;
        } else if (a == "--progress") {
            spec.progress = true;
        } else if (a.size() > 1 && a[0] == '-') {
            return bad("boot: unknown option '" + a + "'");
        } else if (spec.elf.empty()) {
            spec.elf = a;
        } else {
            return bad("boot: more than one IMAGE ('" + spec.elf + "', '" + a + "')");
        }
    }
    if (spec.elf.empty()) return bad("boot: missing IMAGE.elf");
    if (spec.trace_path.empty()) spec.trace_path = "dprsim.fst";
    std::string why;
    if (!plat::trace_format_supported(spec.trace, &why)) return bad(why);
    if (spec.trace != plat::TraceFormat::None && !spec.attach_pl)
        return bad("--trace: the waveform is the PL's and --no-pl detaches the PL");
    return plat::boot_and_run(spec).status;
}

} // namespace

int sc_main(int argc, char **argv)
{
    if (argc < 2) {
        std::fputs(kUsage, stderr);
        return plat::kExitBadInput;
    }
    std::string cmd = argv[1];
    if (cmd == "-h" || cmd == "--help") {
        std::fputs(kUsage, stdout);
        return 0;
    }
    if (cmd == "boot") return cmd_boot(argc, argv);
    if (cmd == "validate") return plat::cmd_validate(argc, argv);
    if (cmd == "run") return plat::cmd_run(argc, argv);
    return bad("unknown command '" + cmd + "' (boot, validate, run; --help)");
}

// SystemC prints a banner on stdout when the kernel starts unless told not
// to; stdout is the guest console, so silence it before sc_main runs.
namespace {
struct QuietBanner {
    QuietBanner() { setenv("SYSTEMC_DISABLE_COPYRIGHT_MESSAGE", "1", 1); }
} quiet_banner;
} // namespace
