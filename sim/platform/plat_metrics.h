/*
 * plat_metrics.h - the measured metrics of a run (report.json "metrics").
 *
 * A metric is either a single number (set) or a list of samples (add), which
 * the report writes as {"min", "median", "max", "n"} (median of an even count:
 * the mean of the two middle samples). Names are dotted
 * (`alloc.assign.total_us`). Units are part of the name's documentation
 * (docs/report-schema.md), not stored here. Deterministic: output sorted by name.
 */
#ifndef PLAT_METRICS_H
#define PLAT_METRICS_H

#include <map>
#include <string>
#include <vector>

namespace plat {

struct MetricSummary {
    double min, median, max;
    size_t n;
};

class Metrics {
public:
    /** Set a single-valued metric (replaces a previous value). */
    void set(const std::string &name, double v);
    /** Append one sample to a distribution metric. */
    void add(const std::string &name, double v);
    /** Has the metric been measured at all? */
    bool has(const std::string &name) const;
    /** The value used to check an expectation: the single value, or the
     *  median of the samples. False when not measured. */
    bool value(const std::string &name, double *v) const;
    /** Summary of a distribution metric (false if single-valued or absent). */
    bool summary(const std::string &name, MetricSummary *s) const;
    /** All names, sorted. */
    std::vector<std::string> names() const;
    /** Single value of a metric set with set() (false otherwise). */
    bool single(const std::string &name, double *v) const;

    /** A section of report.md contributed by an analyzer (title + Markdown
     *  body, e.g. the breakdown of where the time goes); kept in call order. */
    void add_section(const std::string &title, const std::string &markdown);
    struct Section { std::string title, markdown; };
    const std::vector<Section> &sections() const { return sections_; }

private:
    std::map<std::string, double> single_;
    std::map<std::string, std::vector<double>> samples_;
    std::vector<Section> sections_;
};

} // namespace plat
#endif
