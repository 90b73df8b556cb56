/*
 * plat_run.h - `dprsim validate` and `dprsim run` (scenario files).
 */
#ifndef PLAT_RUN_H
#define PLAT_RUN_H

#include <string>

#include "plat_boot.h"
#include "plat_scenario.h"

namespace plat {

/** `dprsim validate SCENARIO.yaml`: 0 valid, 2 invalid (errors on stderr). */
int cmd_validate(int argc, char **argv);

/**
 * `dprsim run SCENARIO.yaml [--out DIR] [--trace fst|vcd|none]
 * [--trace-file PATH] [--stats] [--progress]`: writes the bitstream store
 * and the boot-information block, runs the scenario with the analyzers of
 * plat_analyzers.h attached, then writes DIR/report.json, report.md,
 * events.log, gantt.svg (when the analyzers drew anything) and, with a
 * waveform, its .gtkw save file (plat_report.h, docs/report-schema.md).
 * Exit status: 2 bad input; 1 the program failed (non-zero exit status,
 * CPU stopped, or the time limit came first while the stop event is
 * semihosting_exit) or a measured expectation does not hold; 3 nothing
 * failed but some expectations could not be measured; 0 otherwise.
 */
int cmd_run(int argc, char **argv);

} // namespace plat
#endif
