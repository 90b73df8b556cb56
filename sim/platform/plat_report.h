/*
 * plat_report.h - the results of `dprsim run`: expectations checked against
 * the measured metrics, the exit status, report.json and report.md.
 * Schema of report.json: docs/report-schema.md. Plain C++ (no SystemC).
 *
 * An expectation (scenario `metrics[]`) compares the metric's value
 * (Metrics::value: the single value, or the median of the samples) with
 * the published one: ok when |value - paper| <= tolerance. A metric the run
 * did not measure is "not_measured", never a failure by itself.
 */
#ifndef PLAT_REPORT_H
#define PLAT_REPORT_H

#include <string>
#include <vector>

#include "plat_boot.h"
#include "plat_metrics.h"
#include "plat_scenario.h"

namespace plat {

/** dprsim run's own exit statuses (besides kExitBadInput = 2). */
enum : int {
    kRunOk = 0,            /**< every expectation measured and ok, program succeeded */
    kRunFailed = 1,        /**< the program failed or an expectation does not hold */
    kRunNotMeasured = 3    /**< nothing failed, some expectations were not measured */
};

/** One scenario expectation after the run. */
struct Expectation {
    std::string metric, unit;
    double paper = 0, tolerance = 0;
    bool measured = false;
    double value = 0;          /**< Metrics::value() when measured */
    bool ok = false;           /**< measured and |value - paper| <= tolerance */
    std::string status;        /**< "ok" | "failed" | "not_measured" */
};

/** Check every expectation of the scenario against the metrics (file order). */
std::vector<Expectation> evaluate_expectations(const std::vector<ScnMetric> &expect, const Metrics &m);

/**
 * Did the program do what the scenario says? stop.event semihosting_exit:
 * it exited with status 0 before the time limit; none: the run reached the
 * time limit (or the program exited with 0 before it).
 */
bool run_program_ok(const Scenario &s, const BootResult &r);

/** Exit status of `dprsim run`: kRunFailed when !program_ok or an
 *  expectation failed, else kRunNotMeasured when one was not measured,
 *  else kRunOk. */
int run_exit_status(bool program_ok, const std::vector<Expectation> &e);

/** What report.json and report.md are made of. */
struct RunReport {
    const Scenario *scenario = nullptr;
    const BootResult *result = nullptr;
    const Metrics *metrics = nullptr;
    std::vector<Expectation> expectations;
    std::vector<ScnBitstream> bitstreams;   /**< the bitstream store written */
    int status = kRunFailed;                 /**< run_exit_status() */
    /** Files written beside report.json (names relative to the output
     *  directory: events.log, gantt.svg, wave.fst, wave.gtkw ...), sorted. */
    std::vector<std::string> outputs;
};

/** JSON number: %.15g, or null for NaN/infinity (JSON has neither). */
std::string report_json_number(double v);

/** Text of report.json (docs/report-schema.md), deterministic. */
std::string report_json(const RunReport &r);

/** Text of report.md: run summary, the "Metric | paper | measured | ratio |
 *  tolerance | ok" table, every measured metric, the analyzers' sections. */
std::string report_md(const RunReport &r);

/** A metric as report.md shows it: "3.03" or "3.03 [2.9..4.1] n=20". */
std::string report_md_metric(const Metrics &m, const std::string &name);

} // namespace plat
#endif
