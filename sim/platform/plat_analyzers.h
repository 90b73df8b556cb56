/*
 * plat_analyzers.h - the analyzers `dprsim run` attaches to a scenario run
 * (plat_observe.h Observers that measure without touching the firmware):
 *   allocation latency (Ker-ONE Table 1): plat_alloc.*
 *   OFDM QAM/IFFT use case (Mini-NOVA Table 5, Fig. 5): plat_ofdm.*
 *   firmware metric lines ("dprsim-metric NAME VALUE" on UART1)
 *   EC timeline (which VM / the VDM / the kernel runs) for gantt.svg
 * Each analyzer reports only what it observed: a scenario without
 * allocations has no alloc.* metrics.
 */
#ifndef PLAT_ANALYZERS_H
#define PLAT_ANALYZERS_H

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "plat_gantt.h"
#include "plat_metrics.h"
#include "plat_observe.h"

namespace plat {

/** What the analyzers need to know of the scenario. */
struct AnalyzerConfig {
    uint64_t cpu_hz = 666666687;
    uint64_t fclk0_hz = 100000000;
    struct Vm { unsigned id; unsigned slot; std::string name; };   /**< ASID = id */
    std::vector<Vm> vms;
    struct Bitstream { uint32_t addr, bytes; unsigned module, prr; };
    std::vector<Bitstream> bitstreams;   /**< the bitstream store (boot info v2) */
    /** The scenario's modules (id, name, kind "qam" | "ifft" | "other"),
     *  e.g. to name a PRR's loaded module in the Gantt chart. */
    struct Module { unsigned id; std::string name, kind; };
    std::vector<Module> modules;
};

/** Create the analyzers; they write into *metrics and *gantt in finish(). */
std::vector<std::unique_ptr<Observer>> make_analyzers(const AnalyzerConfig &cfg,
                                                      Metrics *metrics, Gantt *gantt);

} // namespace plat
#endif
