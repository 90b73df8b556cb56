/*
 * plat_scenario.h - scenario files (YAML, libyaml): loading and strict
 * validation. Schema: docs/scenario-schema.md.
 *
 * Every error is one line "FILE:LINE: key: what is wrong" (LINE 1-based,
 * key a dotted path such as modules[1].bitstream_bytes). Loading collects
 * all errors; a scenario with any error must not run.
 */
#ifndef PLAT_SCENARIO_H
#define PLAT_SCENARIO_H

#include <cstdint>
#include <string>
#include <vector>

namespace plat {

struct ScnPrr { unsigned id; std::string name; };
struct ScnModule {
    unsigned id;
    std::string name;
    uint64_t bitstream_bytes;
    std::vector<unsigned> prrs;
    /** qam | ifft | other: the key `kind`, or from the id (rtl/README.md:
     *  0x10-0x1F QAM mapper, 0x20-0x2F IFFT, anything else other). */
    std::string kind;
};
struct ScnImage {
    std::string name;
    std::string path;          /**< resolved against the scenario's directory */
    bool elf = true;           /**< format: elf | raw */
    /** The ELF that gives the entry point: the one with `entry: true`, or
     *  the first ELF when none says so (exactly one image has it set). */
    bool entry = false;
    uint32_t address = 0;      /**< raw images only */
};
struct ScnVm {
    unsigned id;
    std::string name;
    unsigned priority;
    std::string image;         /**< name of an image */
    uint32_t mem_base, mem_size;
    std::vector<std::string> devices;   /**< module names */
};
struct ScnMetric {
    std::string name;
    double paper;
    double tolerance;
    std::string unit;
};

struct Scenario {
    std::string file;
    std::string name, description;
    uint64_t cpu_hz = 666666687ULL;
    uint64_t fclk0_hz = 100000000ULL;
    uint64_t pcap_rate = 130000000ULL;
    std::vector<ScnPrr> prrs;
    std::vector<ScnModule> modules;
    std::vector<ScnImage> images;
    std::vector<ScnVm> vms;
    uint64_t stop_time_ps = 0;
    std::string stop_event = "semihosting_exit";   /**< or "none" */
    std::vector<ScnMetric> metrics;
    std::string trace_format = "none";              /**< fst | vcd | none */
    bool has_boot_info = false;                     /**< boot_info given */
    uint32_t boot_info_addr = 0;
    bool has_bitstream_store = false;               /**< bitstream_store given */
    uint32_t bitstream_store_addr = 0;
    std::vector<std::string> trace_signals;
    /** sync.pl_quantum_cycles: PL cycles the running CPU may be ahead of
     *  the PL (1 = exact, plat_time.h Timing::pl_batch_cycles). */
    uint32_t pl_quantum = 1;
    /** cpu.caches: the ISS's cache timing model (`--caches` turns it on too). */
    bool caches = false;
    /** uart.rx_file (resolved like image paths) or uart.rx (inline bytes):
     *  UART1's receive line; at most one of them. */
    std::string uart_rx_file, uart_rx_data;
};

/** One SimB partial bitstream of the bitstream store (boot info version 2). */
struct ScnBitstream {
    unsigned module;           /**< module id */
    unsigned prr;              /**< PRR id */
    uint32_t addr;             /**< physical address (4 KiB aligned) */
    uint32_t bytes;            /**< = the module's bitstream_bytes */
};

/** Smallest bitstream_bytes with a bitstream store: the SimB header and
 *  trailer (PL_SIMB_OVERHEAD words) and one payload word. */
constexpr uint64_t kScnMinSimbBytes = 36;

/**
 * The bitstream store of a scenario: one SimB per (module, PRR in its prrs
 * list), modules in file order, then PRR id ascending, at consecutive
 * 4 KiB-aligned addresses from bitstream_store.address. Empty when the
 * scenario has no bitstream_store.
 */
std::vector<ScnBitstream> scenario_bitstreams(const Scenario &s);

/** Bytes the bitstream store occupies (each SimB rounded up to 4 KiB). */
uint64_t scenario_bitstream_store_bytes(const Scenario &s);

/** The SimB image (pl_simb_build, little-endian bytes) of one entry:
 *  exactly b.bytes long (payload = bytes/4 - PL_SIMB_OVERHEAD words). */
std::vector<uint8_t> scenario_simb(const ScnBitstream &b);

/**
 * When DPRSIM_BUILD is not set, set it to the build directory dprsim runs
 * from: the parent of the directory holding the executable
 * (/proc/self/exe; build/bin/dprsim -> build). Call before scenario_load
 * so that ${DPRSIM_BUILD} expands. Returns the value in effect ("" when
 * it could not be determined).
 */
std::string scenario_default_build_dir();

/**
 * Load and validate `path`. Returns true when the scenario is valid;
 * otherwise `errors` holds one line per problem (without newline).
 */
bool scenario_load(const std::string &path, Scenario *s, std::vector<std::string> *errors);

/** Where an image ended up: load address (raw) or entry point (ELF), size. */
struct ScnPlaced { uint32_t addr; uint32_t size; };

/**
 * The boot-information block (dprsim_bootinfo.h, version 2) of a valid
 * scenario, with the bitstream table of scenario_bitstreams();
 * `placed[i]` describes `s.images[i]`.
 */
std::vector<uint8_t> scenario_boot_info(const Scenario &s, const std::vector<ScnPlaced> &placed);

} // namespace plat
#endif
