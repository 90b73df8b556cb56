// plat_boot.cc - image loading and one platform run (see plat_boot.h).
#include "plat_boot.h"

#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>

#include "plat_cli.h"
#include "plat_cpuwave.h"
#include "plat_sc.h"

extern "C" {
#include "armiss_elf.h"
}

namespace plat {

namespace {

const char *log_kind(zynq_log_kind k)
{
    switch (k) {
    case ZYNQ_LOG_GUEST_ERROR: return "guest error";
    case ZYNQ_LOG_UNIMP: return "unimplemented";
    default: return "info";
    }
}

/*
 * Progress line on stderr for long runs (issue 5, item 6): only when stderr
 * is a terminal, first after 2 s of wall time, then at most every 2 s, one
 * whole line each (UART1 output shares the terminal): simulated time, wall
 * time, MIPS and PL cycles per second since the last line. While the CPU
 * sleeps in WFI and the PL runs on its own (plat_pl.h, sleep_run) the
 * kernel does not advance, so the next line waits for the CPU to wake. A SystemC thread wakes every 100 us of simulated
 * time and only reads counters: the models, their event order and every
 * deterministic output (UART, events.log, waveform, --stats counts) are
 * the same with or without it.
 */
class ProgressLine : public sc_core::sc_module {
public:
    SC_HAS_PROCESS(ProgressLine);
    ProgressLine(sc_core::sc_module_name n, Platform &top)
        : sc_core::sc_module(n), top_(top), t0_(std::chrono::steady_clock::now()), last_(t0_)
    {
        SC_THREAD(thread);
    }
private:
    void thread()
    {
        for (;;) {
            wait(sc_core::sc_time(100, sc_core::SC_US));
            auto now = std::chrono::steady_clock::now();
            double dt = std::chrono::duration<double>(now - last_).count();
            if (dt < 2.0) continue;
            uint64_t insns = arm_cpu_instructions(top_.cpu.cpu());
            uint64_t pl_cycles = 0;
#if DPRSIM_HAVE_PL
            if (top_.pl) pl_cycles = top_.pl->stats().cycles_clocked;
#endif
            std::fprintf(stderr, "dprsim: progress: %.6f s simulated, %.0f s wall, %.1f MIPS",
                         (double)top_.cpu.now_ps() / 1e12,
                         std::chrono::duration<double>(now - t0_).count(),
                         (double)(insns - insns_) / dt / 1e6);
            if (top_.pl)
                std::fprintf(stderr, ", PL %.2f M cycles/s", (double)(pl_cycles - pl_cycles_) / dt / 1e6);
            std::fputc('\n', stderr);
            std::fflush(stderr);
            last_ = now;
            insns_ = insns;
            pl_cycles_ = pl_cycles;
        }
    }

    Platform &top_;
    std::chrono::steady_clock::time_point t0_, last_;
    uint64_t insns_ = 0, pl_cycles_ = 0;
};

const char *end_name(RunEnd e)
{
    switch (e) {
    case RunEnd::SemihostExit: return "semihosting_exit";
    case RunEnd::MaxTime: return "max_time";
    case RunEnd::Deadlock: return "wfi_deadlock";
    case RunEnd::Halt: return "cpu_halt";
    case RunEnd::Unsupported: return "unsupported_semihosting";
    case RunEnd::WatchdogReset: return "watchdog_reset";
    default: return "running";
    }
}

bool load_raw(Board &b, const RawLoad &l)
{
    std::ifstream f(l.path, std::ios::binary);
    if (!f) {
        std::fprintf(stderr, "dprsim: %s: cannot open\n", l.path.c_str());
        return false;
    }
    std::vector<char> data((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    uint8_t *p = b.ram_ptr(l.addr, (uint32_t)data.size());
    if (data.size() > UINT32_MAX || !p) {
        std::fprintf(stderr, "dprsim: %s@0x%08" PRIx32 ": %zu bytes do not fit in DDR or OCM\n",
                     l.path.c_str(), l.addr, data.size());
        return false;
    }
    std::copy(data.begin(), data.end(), p);
    return true;
}

void sc_report_to_stderr(const sc_core::sc_report &rep, const sc_core::sc_actions &actions)
{
    if (actions & sc_core::SC_DISPLAY)
        std::fprintf(stderr, "dprsim: systemc: %s\n",
                     sc_core::sc_report_compose_message(rep).c_str());
    sc_core::sc_report_handler::default_handler(rep, actions & ~sc_core::SC_DISPLAY);
}

} // namespace

BootResult boot_and_run(const BootSpec &spec)
{
    BootResult res;
    Console console(STDOUT_FILENO);
    sc_core::sc_set_time_resolution(1, sc_core::SC_PS);
    // SystemC's own reports go to stderr (stdout is the guest console), and
    // the "simulation stopped by user" note after sc_stop() is not shown.
    sc_core::sc_report_handler::set_handler(&sc_report_to_stderr);
    sc_core::sc_report_handler::set_actions("/OSCI/SystemC", sc_core::SC_INFO,
                                            sc_core::SC_DO_NOTHING);
    Board::LogFn log = [&console](zynq_log_kind k, const std::string &m) {
        console.flush();
        std::fprintf(stderr, "dprsim: %s: %s\n", log_kind(k), m.c_str());
    };
    Platform top("zynq", spec.timing, log, console, spec.attach_pl);
    Board &board = top.board;
    Console console0(STDERR_FILENO);
    std::unique_ptr<EventLog> events;
    if (!spec.events_path.empty()) {
        events.reset(new EventLog(spec.events_path));
        top.cpu.set_events(events.get());
        if (top.pl) top.pl->set_events(events.get());
    }
    EventLog *ev = events.get();
    board.set_uart1_tx([&console, ev](uint8_t b, zynq_time_ps t) {   // the console
        console.put(b);
        if (ev) ev->addf(t, "uart1", "tx=0x%02x", b);
    });
    board.set_uart0_tx([&console0](uint8_t b, zynq_time_ps) { console0.put(b); });
    if (!spec.cold) board.fsbl_state();
    board.sync_pl_reset();   // --cold: the PL stays in reset until FPGA_RST_CTRL releases it
    // UART1 RX from a file, stdin or the scenario's inline bytes (uart.rx,
    // read through a memory FILE): read lazily, one byte per character time
    // of the line (Board::set_uart1_rx); the file closes at the end.
    struct FileCloser {
        FILE *f = nullptr;
        ~FileCloser() { if (f && f != stdin) std::fclose(f); }
    } rx_file;
    if (!spec.uart_rx_path.empty()) {
        if (spec.uart_rx_path == "-") {
            rx_file.f = stdin;
        } else if (!(rx_file.f = std::fopen(spec.uart_rx_path.c_str(), "rb"))) {
            std::fprintf(stderr, "dprsim: --uart-rx: cannot open '%s': %s\n",
                         spec.uart_rx_path.c_str(), std::strerror(errno));
            return res;
        }
    } else if (!spec.uart_rx_data.empty() &&
               !(rx_file.f = fmemopen(const_cast<char *>(spec.uart_rx_data.data()), spec.uart_rx_data.size(), "rb"))) {
        std::fprintf(stderr, "dprsim: uart.rx: %s\n", std::strerror(errno));
        return res;
    }
    if (rx_file.f) {
        FILE *f = rx_file.f;
        board.set_uart1_rx([f, ev](zynq_time_ps t) -> int {
            int c = std::fgetc(f);
            if (c == EOF) return UART_RX_EOF;
            if (ev) ev->addf(t, "uart1", "rx=0x%02x", c);
            return c;
        });
    }

    armiss_elf_region regions[2] = {{kDdrBase, kDdrSize, board.ddr()},
                                    {kOcmBase, kOcmSize, board.ocm()}};
    // The entry image first, then the extra ones (segments and symbols).
    std::vector<std::string> elf_paths{spec.elf};
    elf_paths.insert(elf_paths.end(), spec.extra_elfs.begin(), spec.extra_elfs.end());
    std::vector<armiss_elf_image> imgs(elf_paths.size());
    size_t loaded = 0;
    auto free_images = [&imgs, &loaded] {
        for (size_t i = 0; i < loaded; i++) armiss_elf_free(&imgs[i]);
    };
    char msg[256];
    for (; loaded < elf_paths.size(); loaded++) {
        imgs[loaded] = armiss_elf_image{};
        if (armiss_elf_load(elf_paths[loaded].c_str(), regions, 2, &imgs[loaded], msg, sizeof msg) !=
            ARMISS_ELF_OK) {
            std::fprintf(stderr, "dprsim: %s\n", msg);
            free_images();
            return res;
        }
    }
    armiss_elf_image &img = imgs[0];
    for (const RawLoad &l : spec.loads)
        if (!load_raw(board, l)) { free_images(); return res; }

    // Symbols of every image (events.log, probes, the waveform's cpu.func).
    SymbolTable syms;
    for (const armiss_elf_image &im : imgs)
        for (size_t i = 0; i < im.nsyms; i++) syms.add(im.syms[i].addr, im.syms[i].size, im.syms[i].name);
    syms.finalize();
    if (ev && syms.size()) ev->set_symbols([&syms](uint32_t addr) { return syms.describe(addr); });

    // Observers: the caller's analyzers, then the waveform's CPU signals.
    for (Observer *o : spec.observers) board.observers().add(o);
    std::unique_ptr<CpuWave> cpuwave;
    if (spec.trace != TraceFormat::None) {
        std::string err;
        if (!trace_format_supported(spec.trace, &err)) {
            std::fprintf(stderr, "dprsim: %s\n", err.c_str());
            free_images();
            return res;
        }
        if (!top.pl) {
            std::fprintf(stderr, "dprsim: --trace: the waveform is the PL's and the PL is not attached (--no-pl)\n");
            free_images();
            return res;
        }
#if DPRSIM_HAVE_PL
        if (!top.pl->open_wave(spec.trace, spec.trace_path, &err)) {
            std::fprintf(stderr, "dprsim: %s\n", err.c_str());
            free_images();
            return res;
        }
        if (!syms.write_filter(spec.trace_path + ".func.txt", &err)) {
            std::fprintf(stderr, "dprsim: %s\n", err.c_str());
            free_images();
            return res;
        }
        PlHost *pl = top.pl.get();
        top.cpu.set_exception_observer([pl](zynq_time_ps t, arm_exception exc, uint32_t pc, uint32_t cpsr) {
            pl->wave_cpu_exception(t, (unsigned)exc, pc, cpsr & 0x1Fu);
        });
        cpuwave = std::make_unique<CpuWave>(syms, [pl](zynq_time_ps t, uint32_t pc, unsigned mode,
                                                       unsigned asid, unsigned func) {
            pl->wave_cpu_state(t, pc, mode, asid, func);
        });
        board.observers().add(cpuwave.get());
#endif
    }
    // PC probes on the symbols the observers ask for; a missing symbol is
    // no probe and no error (the analyzer then lacks that boundary).
    std::vector<CpuWrapper::Probe> probes;
    for (Observer *o : spec.observers)
        for (const std::string &name : o->probe_symbols()) {
            bool dup = false;
            for (const CpuWrapper::Probe &p : probes) dup = dup || p.symbol == name;
            uint32_t addr = 0;
            if (!dup && syms.find(name, &addr)) probes.push_back(CpuWrapper::Probe{addr, name});
        }
    top.cpu.observe(probes);

    CpuConfig cc;
    cc.entry = img.entry;
    if (spec.before_start && !spec.before_start(board, img.entry, &cc.r2)) {
        free_images();
        return res;
    }
    cc.max_time = spec.max_time_ps;
    cc.caches = spec.caches;
    cc.sh.cmdline = spec.elf.c_str();
    cc.sh.heap_base = img.high_addr;
    cc.sh.heap_limit = kDdrBase + kDdrSize;
    cc.sh.stack_base = kDdrBase + kDdrSize;
    cc.sh.stack_limit = img.high_addr;
    cc.sh.cpu_hz = spec.timing.cpu_hz;
    cc.sh.stdin_fd = STDIN_FILENO;
    cc.sh.stdout_fd = STDOUT_FILENO;
    cc.sh.stderr_fd = STDERR_FILENO;
    // The semihosting debug console (SYS_WRITEC/WRITE0) shares stdout with
    // UART1; the program's ":tt" stderr stays on stderr.
    cc.sh.console_fd = STDOUT_FILENO;
    top.cpu.configure(cc);

    std::unique_ptr<ProgressLine> progress;
    if (spec.progress || isatty(STDERR_FILENO)) progress = std::make_unique<ProgressLine>("progress", top);
    auto t0 = std::chrono::steady_clock::now();
    sc_core::sc_start();
    auto t1 = std::chrono::steady_clock::now();
    console.flush();
    console0.flush();

    CpuWrapper &cpu = top.cpu;
    res.end = end_name(cpu.end());
    res.message = cpu.end_message();
    res.instructions = arm_cpu_instructions(cpu.cpu());
    res.cycles = arm_cpu_cycles(cpu.cpu());
    res.sim_time_ps = cpu.now_ps();
    res.wfi_sleep_ps = cpu.wfi_sleep_ps();
    res.mmio_accesses = cpu.mmio_accesses();
    res.bus_errors = cpu.bus_errors();
    res.pcap_words_refused = board.no_pl_refused();
    res.pcap_stalls = board.pcap_stats()->stall_count;
    res.pl_attached = top.pl != nullptr;
    res.caches = spec.caches;
    if (top.pl) {
        const uint32_t q = spec.timing.pl_batch_cycles ? spec.timing.pl_batch_cycles : 1;
        res.pl_quantum_cycles = q;
        res.pl_irq_delay_bound_ps = zynq_cycle_time(spec.timing.fclk0_hz, q - 1);
        res.pl_skew_bound_ps = zynq_cycle_time(spec.timing.fclk0_hz, q);
        res.pl_irq_delay_max_ps = top.pl->stats().irq_delay_max_ps;
    }
    res.wall_s = std::chrono::duration<double>(t1 - t0).count();
    bool outputs_ok = true;
#if DPRSIM_HAVE_PL
    if (top.pl) {
        std::string err;
        if (!top.pl->close_wave(res.sim_time_ps, &err)) {
            std::fprintf(stderr, "dprsim: %s\n", err.c_str());
            outputs_ok = false;
        }
    }
#endif
    if (events) {
        std::string err;
        res.events = events->count();
        if (!events->write(&err)) {
            std::fprintf(stderr, "dprsim: %s\n", err.c_str());
            outputs_ok = false;
        }
    }
    switch (cpu.end()) {
    case RunEnd::SemihostExit:
        res.status = cpu.exit_status();
        res.program_status = cpu.exit_status();
        break;
    case RunEnd::MaxTime:
        res.status = kExitMaxTime;
        std::fprintf(stderr, "dprsim: stopped: time limit %s reached before the program exited\n",
                     format_time(spec.max_time_ps).c_str());
        break;
    default:
        res.status = kExitStopped;
        std::fprintf(stderr, "dprsim: stopped: %s\n", res.message.c_str());
        break;
    }
    if (!outputs_ok) res.status = kExitBadInput;   // an output file could not be written
    const uart &u1 = board.uart1();
    if (u1.tx_count || u1.tx_busy)
        std::fprintf(stderr, "dprsim: note: %u byte(s) still in the UART1 TX FIFO/shifter at the end "
                     "were not transmitted\n", u1.tx_count + (u1.tx_busy ? 1u : 0u));
    if (spec.stats) {
        std::fprintf(stderr, "end: %s\n", res.end.c_str());
        std::fprintf(stderr, "instructions: %" PRIu64 "\n", res.instructions);
        std::fprintf(stderr, "cycles: %" PRIu64 "\n", res.cycles);
        std::fprintf(stderr, "simulated_time_ps: %" PRIu64 "\n", res.sim_time_ps);
        std::fprintf(stderr, "wfi_sleep_ps: %" PRIu64 "\n", res.wfi_sleep_ps);
        std::fprintf(stderr, "mmio_accesses: %" PRIu64 "\n", res.mmio_accesses);
        std::fprintf(stderr, "bus_errors: %" PRIu64 "\n", res.bus_errors);
        std::fprintf(stderr, "semihosting_calls: %" PRIu64 "\n", cpu.semihost_calls());
        std::fprintf(stderr, "pcap_stalls: %" PRIu64 "\n", res.pcap_stalls);
        std::fprintf(stderr, "pcap_words_refused: %" PRIu64 "\n", res.pcap_words_refused);
        if (top.pl) {
            const PlStats &ps = top.pl->stats();
            std::fprintf(stderr, "pl_cycles_clocked: %" PRIu64 "\n", ps.cycles_clocked);
            std::fprintf(stderr, "pl_cycles_skipped: %" PRIu64 "\n", ps.cycles_skipped);
            std::fprintf(stderr, "pl_gp0_reads: %" PRIu64 "\n", ps.gp0_reads);
            std::fprintf(stderr, "pl_gp0_writes: %" PRIu64 "\n", ps.gp0_writes);
            std::fprintf(stderr, "pl_gp0_errors: %" PRIu64 "\n", ps.gp0_errors);
            std::fprintf(stderr, "pl_gp0_cycles: %" PRIu64 "\n", ps.gp0_cycles);
            std::fprintf(stderr, "pl_pcap_words: %" PRIu64 "\n", ps.pcap_words);
            std::fprintf(stderr, "pl_pcap_refused: %" PRIu64 "\n", ps.pcap_refused);
            std::fprintf(stderr, "pl_hp_read_beats: %" PRIu64 "\n", ps.hp_read_beats);
            std::fprintf(stderr, "pl_hp_write_beats: %" PRIu64 "\n", ps.hp_write_beats);
            std::fprintf(stderr, "pl_hp_errors: %" PRIu64 "\n", ps.hp_errors);
            std::fprintf(stderr, "pl_irq_changes: %" PRIu64 "\n", ps.irq_changes);
            std::fprintf(stderr, "pl_irq_delay_max_ps: %" PRIu64 "\n", ps.irq_delay_max_ps);
            std::fprintf(stderr, "pl_quantum_cycles: %" PRIu32 "\n", res.pl_quantum_cycles);
            std::fprintf(stderr, "pl_irq_delay_bound_ps: %" PRIu64 "\n", res.pl_irq_delay_bound_ps);
        } else {
            std::fprintf(stderr, "pl: detached\n");
        }
        // The cache model's counters (only while it is on), as armiss names them.
        arm_cpu_cache_stats(
            cpu.cpu(), [](void *, const char *k, uint64_t v) { std::fprintf(stderr, "%s: %" PRIu64 "\n", k, v); },
            nullptr);
        std::fprintf(stderr, "wall_time_s: %.3f\n", res.wall_s);
        std::fprintf(stderr, "mips: %.2f\n",
                     res.wall_s > 0 ? (double)res.instructions / res.wall_s / 1e6 : 0.0);
    }
    // The analyzers turn what they saw into metrics and spans.
    for (Observer *o : spec.observers) o->finish(res.sim_time_ps);
    free_images();
    return res;
}

} // namespace plat
