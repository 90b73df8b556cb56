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
 * `dprsim run SCENARIO.yaml [--out DIR] [--trace fst|vcd|none] [--stats]`.
 * Exit status: 2 bad input; 1 the program failed (non-zero exit status,
 * CPU stopped, or the time limit came first while the stop event is
 * semihosting_exit) or a measured expectation does not hold; 3 nothing
 * failed but some expectations could not be measured; 0 otherwise.
 */
int cmd_run(int argc, char **argv);

/** JSON text of report.json for a finished run (schema: docs/scenario-schema.md). */
std::string report_json(const Scenario &s, const BootResult &r, int run_status);

} // namespace plat
#endif
