/*
 * plat_boot.h - boot one bare-metal image set on the SystemC platform and
 * run it to its end (used by `dprsim boot` and `dprsim run`).
 */
#ifndef PLAT_BOOT_H
#define PLAT_BOOT_H

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "plat_time.h"
#include "plat_trace.h"

namespace plat {

class Board;
class Observer;

/** Exit statuses of dprsim (besides the program's own status). */
enum : int {
    kExitBadInput = 2,     /**< bad command line, file, ELF or scenario */
    kExitMaxTime = 100,    /**< --max-time / scenario time limit reached */
    kExitStopped = 101     /**< CPU stopped: WFI deadlock, ISS halt, watchdog, bad semihosting */
};

struct RawLoad {
    std::string path;
    uint32_t addr;
};

struct BootSpec {
    std::string elf;                 /**< ELF image: entry point and segments */
    /** Further ELF images (e.g. the VDM beside the hypervisor): their
     *  segments are loaded and their symbols used (trace, probes, events);
     *  the entry point stays `elf`'s. */
    std::vector<std::string> extra_elfs;
    /** Analyzers watching the run (plat_observe.h), owned by the caller;
     *  boot_and_run() calls finish(end time) on each before it returns. */
    std::vector<Observer *> observers;
    std::vector<RawLoad> loads;      /**< raw images placed before start */
    uint64_t max_time_ps = 0;        /**< 0 = no limit */
    bool cold = false;               /**< reset values instead of FSBL state */
    bool stats = false;              /**< print statistics to stderr */
    bool attach_pl = true;           /**< PL co-simulation (when built; --no-pl) */
    bool progress = false;           /**< progress line every 2 s even when stderr is not a terminal */
    bool caches = false;             /**< the ISS's L1/L2/DDR cache timing model (--caches) */
    Timing timing;
    /** Waveform of the PL (plat_trace.h); needs the PL attached. */
    TraceFormat trace = TraceFormat::None;
    std::string trace_path;          /**< waveform file (with trace != None) */
    std::string events_path;         /**< events.log to write (plat_events.h); empty: none */
    /**
     * UART1 receive line (`--uart-rx FILE`, "-" = standard input); empty:
     * idle line. The bytes are read in order and enter the RX FIFO one
     * character time apart at the programmed baud, from time 0 (the line
     * waits while the FIFO is full, uart.h); the end of the file ends the
     * input. Arrival times depend on the baud only, never on host timing.
     */
    std::string uart_rx_path;
    /** UART1 receive bytes given inline (scenario `uart.rx`), fed like a
     *  file's; used when uart_rx_path is empty. */
    std::string uart_rx_data;
    /**
     * Called after the images are loaded, before the CPU starts, with the
     * ELF entry point; may write memory (boot-information block) and set
     * *r2 (0 by default). Returns false on an error it has reported.
     */
    std::function<bool(Board &board, uint32_t entry, uint32_t *r2)> before_start;
};

struct BootResult {
    std::string end;                 /**< "semihosting_exit", "max_time", ... */
    std::string message;             /**< one line */
    int status = kExitBadInput;      /**< process exit status */
    int program_status = -1;         /**< semihosting exit status, -1 if none */
    uint64_t instructions = 0, cycles = 0;
    uint64_t sim_time_ps = 0, wfi_sleep_ps = 0;
    uint64_t mmio_accesses = 0, bus_errors = 0;
    uint64_t pcap_stalls = 0;          /**< DevCfg stall episodes (back-pressure) */
    uint64_t pcap_words_refused = 0;   /**< offers refused by the no-PL sink */
    bool pl_attached = false;          /**< the PL co-simulation was attached */
    /** PL synchronisation (plat_time.h): the quantum in PL cycles, the
     *  bound it puts on the delay of a PL interrupt to a running CPU beyond
     *  the instruction boundary ((quantum - 1) PL cycles; 0 = exact) and on
     *  the skew between CPU and PL memory accesses (quantum PL cycles), and
     *  the largest interrupt delay measured (instruction granularity
     *  included). */
    bool caches = false;               /**< the cache timing model was on */
    uint32_t pl_quantum_cycles = 0;
    uint64_t pl_irq_delay_bound_ps = 0, pl_skew_bound_ps = 0, pl_irq_delay_max_ps = 0;
    uint64_t events = 0;               /**< lines written to events_path */
    double wall_s = 0;
};

/**
 * Build the platform, load the images, run until the end. Errors in the
 * inputs are reported on stderr as one line "dprsim: ..." and give
 * status kExitBadInput. Call at most once per process (SystemC elaborates
 * once).
 */
BootResult boot_and_run(const BootSpec &spec);

} // namespace plat
#endif
