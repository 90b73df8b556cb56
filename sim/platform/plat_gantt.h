/*
 * plat_gantt.h - the Gantt chart of a run (gantt.svg), the counterpart of
 * Mini-NOVA's Fig. 5: one row per VM/EC, the kernel, each PRR and the PCAP;
 * spans (something running / loading / processing over [t0, t1)) and markers
 * (an instant with a short label, e.g. "t5 PCAP done").
 *
 * Rows appear in the order they are first named, except that the PRR rows
 * ("PRR<n>", sorted by n) and then the "PCAP" row come last. Kinds pick the colour and
 * the legend: "run" (software executing), "kernel", "reconfig" (PCAP
 * transfer / PRR loading), "hw" (accelerator processing), "suspend"
 * (pipeline suspension), "wait".
 */
#ifndef PLAT_GANTT_H
#define PLAT_GANTT_H

#include <string>
#include <vector>

#include "plat_time.h"

namespace plat {

class Gantt {
public:
    struct Span { std::string row, kind, label; zynq_time_ps t0, t1; };
    struct Marker { std::string row, label; zynq_time_ps t; };

    void span(const std::string &row, const std::string &kind, zynq_time_ps t0,
              zynq_time_ps t1, const std::string &label = std::string());
    void marker(const std::string &row, zynq_time_ps t, const std::string &label);
    bool empty() const { return spans_.empty() && markers_.empty(); }
    /** Show only [t0, t1] (widened to whole ticks): spans are clipped,
     *  markers outside are left out, the subtitle gives the whole run's
     *  range. Several calls keep the union. Without it the chart covers
     *  everything recorded. */
    void focus(zynq_time_ps t0, zynq_time_ps t1);

    /** Write the SVG (deterministic bytes). False + *err on I/O failure. */
    bool write_svg(const std::string &path, const std::string &title, std::string *err) const;

    const std::vector<Span> &spans() const { return spans_; }
    const std::vector<Marker> &markers() const { return markers_; }

private:
    std::vector<std::string> rows_;
    std::vector<Span> spans_;
    std::vector<Marker> markers_;
    bool has_focus_ = false;
    zynq_time_ps focus_lo_ = 0, focus_hi_ = 0;
    void row(const std::string &r);
};

} // namespace plat
#endif
