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
};
struct ScnImage {
    std::string name;
    std::string path;          /**< resolved against the scenario's directory */
    bool elf = true;           /**< format: elf | raw */
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
    std::vector<std::string> trace_signals;
};

/**
 * Load and validate `path`. Returns true when the scenario is valid;
 * otherwise `errors` holds one line per problem (without newline).
 */
bool scenario_load(const std::string &path, Scenario *s, std::vector<std::string> *errors);

/** Where an image ended up: load address (raw) or entry point (ELF), size. */
struct ScnPlaced { uint32_t addr; uint32_t size; };

/**
 * The boot-information block (dprsim_bootinfo.h) of a valid scenario;
 * `placed[i]` describes `s.images[i]`.
 */
std::vector<uint8_t> scenario_boot_info(const Scenario &s, const std::vector<ScnPlaced> &placed);

} // namespace plat
#endif
