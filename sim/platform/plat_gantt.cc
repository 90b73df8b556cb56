// plat_gantt.cc - the Gantt chart of a run and its SVG (see plat_gantt.h).
//
// Layout: a label column (row names), a plot of kPlotW pixels for the time
// range of the chart (rounded out to whole ticks), one band of kRowH pixels
// per row: marker labels on top, the span bar below. The time axis with its
// ticks and the legend follow the last row. Every coordinate is printed with
// two decimals and every time label is an integer in its unit, so the same
// chart gives the same bytes on every host.
//
// A long run has thousands of spans per row, most far shorter than a pixel:
// spans of one row and kind closer than a pixel to each other are drawn as
// one rectangle (its tooltip says how many it stands for), and a rectangle
// is at least one pixel wide so that a lone short span stays visible.
#include "plat_gantt.h"

#include <algorithm>
#include <cerrno>
#include <cstdarg>
#include <cinttypes>
#include <cstdio>
#include <cctype>
#include <cstdlib>
#include <cstring>

namespace plat {

namespace {

constexpr double kPlotW = 1000.0;   // pixels for the time range
constexpr double kRowH = 34.0;      // one row's band
constexpr double kBarY = 12.0;      // bar offset inside the band
constexpr double kBarH = 16.0;
constexpr double kTop = 52.0;       // title and subtitle above the rows
constexpr double kCharW = 6.0;      // estimated width of a 10 px character
constexpr double kMarkerMerge = 4.0; // same-label markers closer than this (px) share a tick

// Kinds of plat_gantt.h in legend order, with their colours; any other kind
// gets kOtherColour and is listed after these, sorted by name.
struct KindColour { const char *kind, *colour; };
constexpr KindColour kKinds[] = {
    {"run", "#4e79a7"},     {"kernel", "#9c755f"}, {"reconfig", "#e15759"},
    {"hw", "#59a14f"},      {"suspend", "#f28e2b"}, {"wait", "#8c8c8c"},
};
constexpr const char *kOtherColour = "#b07aa1";

const char *colour_of(const std::string &kind)
{
    for (const KindColour &k : kKinds)
        if (kind == k.kind) return k.colour;
    return kOtherColour;
}

int kind_rank(const std::string &kind)
{
    for (size_t i = 0; i < sizeof kKinds / sizeof kKinds[0]; i++)
        if (kind == kKinds[i].kind) return (int)i;
    return (int)(sizeof kKinds / sizeof kKinds[0]);
}

std::string xml(const std::string &s)
{
    std::string o;
    for (char c : s) {
        switch (c) {
        case '&': o += "&amp;"; break;
        case '<': o += "&lt;"; break;
        case '>': o += "&gt;"; break;
        case '"': o += "&quot;"; break;
        case '\'': o += "&apos;"; break;
        default: o += c;
        }
    }
    return o;
}

std::string fmt(const char *f, ...) __attribute__((format(printf, 1, 2)));
std::string fmt(const char *f, ...)
{
    char b[512];
    va_list ap;
    va_start(ap, f);
    std::vsnprintf(b, sizeof b, f, ap);
    va_end(ap);
    return b;
}

/** A time for tooltips: microseconds with picosecond resolution. */
std::string us(zynq_time_ps t)
{
    return fmt("%" PRIu64 ".%06" PRIu64 " us", t / 1000000, t % 1000000);
}

/** Tick step: the smallest 1/2/5 x 10^k ps giving at most ten intervals. */
zynq_time_ps tick_step(zynq_time_ps range)
{
    zynq_time_ps dec = 1;
    for (;;) {
        for (zynq_time_ps m : {1, 2, 5})
            if (m * dec * 10 >= range) return m * dec;
        if (dec > UINT64_MAX / 100) return dec * 10;
        dec *= 10;
    }
}

/** Unit of the tick labels: the largest of s/ms/us/ns/ps that divides the step. */
void tick_unit(zynq_time_ps step, zynq_time_ps *unit, const char **name)
{
    static const struct { zynq_time_ps ps; const char *name; } units[] = {
        {1000000000000ULL, "s"}, {1000000000ULL, "ms"}, {1000000ULL, "us"}, {1000ULL, "ns"}, {1, "ps"}};
    for (const auto &u : units)
        if (step >= u.ps && step % u.ps == 0) { *unit = u.ps; *name = u.name; return; }
    *unit = 1;
    *name = "ps";
}

} // namespace

void Gantt::row(const std::string &r)
{
    if (std::find(rows_.begin(), rows_.end(), r) == rows_.end()) rows_.push_back(r);
}

void Gantt::span(const std::string &row_name, const std::string &kind, zynq_time_ps t0, zynq_time_ps t1,
                 const std::string &label)
{
    row(row_name);
    spans_.push_back(Span{row_name, kind, label, t0, t1 < t0 ? t0 : t1});
}

void Gantt::focus(zynq_time_ps t0, zynq_time_ps t1)
{
    if (t1 < t0) std::swap(t0, t1);
    if (!has_focus_) { focus_lo_ = t0; focus_hi_ = t1; has_focus_ = true; return; }
    focus_lo_ = std::min(focus_lo_, t0);
    focus_hi_ = std::max(focus_hi_, t1);
}

void Gantt::marker(const std::string &row_name, zynq_time_ps t, const std::string &label)
{
    row(row_name);
    markers_.push_back(Marker{row_name, label, t});
}

bool Gantt::write_svg(const std::string &path, const std::string &title, std::string *err) const
{
    // Time range of the chart, rounded out to whole ticks.
    zynq_time_ps lo = UINT64_MAX, hi = 0;
    for (const Span &s : spans_) { lo = std::min(lo, s.t0); hi = std::max(hi, s.t1); }
    for (const Marker &m : markers_) { lo = std::min(lo, m.t); hi = std::max(hi, m.t); }
    if (lo > hi) lo = hi = 0;   // empty chart
    const zynq_time_ps run_lo = lo, run_hi = hi;
    const bool focused = has_focus_ && focus_lo_ < hi && focus_hi_ > lo;
    if (focused) { lo = std::max(lo, focus_lo_); hi = std::min(hi, focus_hi_); }
    zynq_time_ps step = tick_step(hi - lo > 0 ? hi - lo : 1);
    zynq_time_ps t_lo = lo / step * step;
    zynq_time_ps t_hi = (hi + step - 1) / step * step;
    if (t_hi <= t_lo) t_hi = t_lo + step;
    zynq_time_ps unit;
    const char *unit_name;
    tick_unit(step, &unit, &unit_name);

    // Row order: as first named, then PRR<n> by n, then PCAP.
    std::vector<std::string> rows, prr_rows;
    bool pcap = false;
    for (const std::string &r : rows_) {
        if (r == "PCAP") pcap = true;
        else if (r.size() > 3 && r.compare(0, 3, "PRR") == 0 && std::isdigit((unsigned char)r[3])) prr_rows.push_back(r);
        else rows.push_back(r);
    }
    std::stable_sort(prr_rows.begin(), prr_rows.end(), [](const std::string &a, const std::string &b) {
        return std::strtoul(a.c_str() + 3, nullptr, 10) < std::strtoul(b.c_str() + 3, nullptr, 10);
    });
    rows.insert(rows.end(), prr_rows.begin(), prr_rows.end());
    if (pcap) rows.push_back("PCAP");

    // What is drawn: everything, or what falls in the focus (spans clipped).
    std::vector<Span> vis_spans;
    std::vector<Marker> vis_markers;
    for (const Span &s : spans_) {
        if (focused && (s.t1 < t_lo || s.t0 > t_hi)) continue;
        Span c = s;
        if (focused) { c.t0 = std::max(c.t0, t_lo); c.t1 = std::min(c.t1, t_hi); }
        vis_spans.push_back(c);
    }
    for (const Marker &m : markers_)
        if (!focused || (m.t >= t_lo && m.t <= t_hi)) vis_markers.push_back(m);

    size_t longest = 4;
    for (const std::string &r : rows) longest = std::max(longest, r.size());
    const double left = 16.0 + kCharW * (double)longest + 12.0;
    const double right = left + kPlotW;
    const double width = right + 24.0;
    const double axis_y = kTop + kRowH * (double)rows.size() + 4.0;
    const double legend_y = axis_y + 34.0;
    const double height = legend_y + 26.0;
    const double scale = kPlotW / (double)(t_hi - t_lo);
    auto x_of = [&](zynq_time_ps t) { return left + (double)(t - t_lo) * scale; };

    std::string o;
    o += fmt("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
             "viewBox=\"0 0 %.0f %.0f\" font-family=\"sans-serif\" font-size=\"10\">\n",
             width, height, width, height);
    o += fmt("<rect x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\" fill=\"#ffffff\"/>\n", width, height);
    o += fmt("<text x=\"%.2f\" y=\"20\" font-size=\"14\" font-weight=\"bold\">", left) + xml(title) + "</text>\n";

    // Row bands (every other one shaded), grid lines and tick labels.
    for (size_t ri = 1; ri < rows.size(); ri += 2)
        o += fmt("<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"#f6f6f6\"/>\n", left,
                 kTop + kRowH * (double)ri, kPlotW, kRowH);
    std::string axis;
    for (zynq_time_ps t = t_lo; t <= t_hi; t += step) {
        double x = x_of(t);
        o += fmt("<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"#e0e0e0\"/>\n", x, kTop, x,
                 axis_y);
        axis += fmt("<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"#000000\"/>\n", x, axis_y, x,
                    axis_y + 5.0);
        axis += fmt("<text x=\"%.2f\" y=\"%.2f\" text-anchor=\"middle\">%" PRIu64 " %s</text>\n", x,
                    axis_y + 17.0, t / unit, unit_name);
        if (t > UINT64_MAX - step) break;
    }

    // Rows: name, spans (merged below a pixel), markers.
    size_t drawn = 0;
    for (size_t ri = 0; ri < rows.size(); ri++) {
        const std::string &r = rows[ri];
        const double top = kTop + kRowH * (double)ri;
        o += fmt("<text x=\"%.2f\" y=\"%.2f\" text-anchor=\"end\">", left - 8.0, top + kBarY + 12.0) + xml(r) +
             "</text>\n";

        std::vector<const Span *> ss;
        for (const Span &s : vis_spans)
            if (s.row == r) ss.push_back(&s);
        std::stable_sort(ss.begin(), ss.end(), [](const Span *a, const Span *b) {
            int ka = kind_rank(a->kind), kb = kind_rank(b->kind);
            if (ka != kb) return ka < kb;
            if (a->kind != b->kind) return a->kind < b->kind;
            return a->t0 < b->t0;
        });
        for (size_t i = 0; i < ss.size();) {
            // One rectangle: this span and every following one of the same kind
            // that starts less than a pixel after the rectangle's end.
            // Its opacity is the share of its time the spans cover (a merged
            // run of short kernel entries shows how busy the kernel was).
            const Span *first = ss[i];
            zynq_time_ps t0 = first->t0, t1 = first->t1, covered = first->t1 - first->t0;
            double x0 = x_of(t0), x1 = x_of(t1);
            size_t n = 1;
            bool one_label = true;
            for (i++; i < ss.size() && ss[i]->kind == first->kind && x_of(ss[i]->t0) < x1 + 1.0; i++, n++) {
                if (ss[i]->t1 > t1) covered += ss[i]->t1 - std::max(ss[i]->t0, t1);
                t1 = std::max(t1, ss[i]->t1);
                x1 = std::max(x1, x_of(ss[i]->t1));
                one_label = one_label && ss[i]->label == first->label;
            }
            double w = std::max(1.0, x1 - x0);
            double busy = t1 > t0 ? (double)covered / (double)(t1 - t0) : 1.0;
            std::string tip = xml(r) + ": " + xml(first->kind);
            if (one_label && !first->label.empty()) tip += " " + xml(first->label);
            tip += " [" + us(t0) + " .. " + us(t1) + "]";
            if (n > 1) tip += fmt(" (%zu spans, %.1f%% busy)", n, 100.0 * busy);
            std::string opacity = busy < 0.995 ? fmt(" fill-opacity=\"%.2f\"", std::max(0.2, busy)) : "";
            o += fmt("<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\"%s><title>", x0,
                     top + kBarY, w, kBarH, colour_of(first->kind), opacity.c_str()) + tip + "</title></rect>\n";
            drawn++;
            if (one_label && !first->label.empty() && w >= kCharW * (double)first->label.size() + 4.0)
                o += fmt("<text x=\"%.2f\" y=\"%.2f\" fill=\"#ffffff\">", x0 + 2.0, top + kBarY + 12.0) +
                     xml(first->label) + "</text>\n";
        }

        std::vector<const Marker *> ms;
        for (const Marker &m : vis_markers)
            if (m.row == r) ms.push_back(&m);
        std::stable_sort(ms.begin(), ms.end(), [](const Marker *a, const Marker *b) { return a->t < b->t; });
        double label_end = -1.0;   // right end of the last marker label drawn in this row
        for (size_t i = 0; i < ms.size();) {
            // Markers with the same label less than kMarkerMerge pixels
            // apart: one tick (a dense series stays a series of ticks, not a
            // dark band over the row's spans).
            const Marker *m = ms[i];
            double x = x_of(m->t);
            size_t n = 1;
            for (i++; i < ms.size() && ms[i]->label == m->label && x_of(ms[i]->t) < x + kMarkerMerge; i++) n++;
            std::string tip = xml(r) + ": " + xml(m->label) + " at " + us(m->t);
            if (n > 1) tip += fmt(" (%zu markers)", n);
            o += fmt("<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"#222222\" "
                     "stroke-opacity=\"0.8\"><title>", x, top + 9.0, x, top + kRowH - 2.0) + tip + "</title></line>\n";
            // Labels that would overlap the previous one in the row are left
            // to the tooltip.
            double lw = 5.4 * (double)m->label.size();
            bool at_end = x + 2.0 + lw > right;
            double lx0 = at_end ? x - 2.0 - lw : x + 2.0;
            if (!m->label.empty() && lx0 > label_end + 3.0) {
                o += fmt("<text x=\"%.2f\" y=\"%.2f\" font-size=\"9\"%s>", at_end ? x - 2.0 : x + 2.0, top + 8.0,
                         at_end ? " text-anchor=\"end\"" : "") + xml(m->label) + "</text>\n";
                label_end = lx0 + lw;
            }
        }
    }

    // Time axis.
    o += fmt("<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"#000000\"/>\n", left, axis_y, right,
             axis_y);
    o += axis;
    o += fmt("<text x=\"%.2f\" y=\"36\" fill=\"#555555\">time %" PRIu64 " .. %" PRIu64
             " %s; %zu spans (%zu rectangles: spans closer than a pixel are merged), %zu markers</text>\n",
             left, t_lo / unit, t_hi / unit, unit_name, vis_spans.size(), drawn, vis_markers.size());
    if (focused)
        o += fmt("<text x=\"%.2f\" y=\"48\" fill=\"#555555\" font-size=\"9\">focus on the PL activity; the "
                 "whole run spans %.3f .. %.3f ms</text>\n", left, (double)run_lo / 1e9, (double)run_hi / 1e9);

    // Legend: the kinds present, then the marker symbol.
    std::vector<std::string> kinds;
    for (const Span &s : spans_)
        if (std::find(kinds.begin(), kinds.end(), s.kind) == kinds.end()) kinds.push_back(s.kind);
    std::sort(kinds.begin(), kinds.end(), [](const std::string &a, const std::string &b) {
        int ka = kind_rank(a), kb = kind_rank(b);
        return ka != kb ? ka < kb : a < b;
    });
    double lx = left;
    for (const std::string &k : kinds) {
        o += fmt("<rect x=\"%.2f\" y=\"%.2f\" width=\"12\" height=\"12\" fill=\"%s\"/>\n", lx, legend_y,
                 colour_of(k));
        o += fmt("<text x=\"%.2f\" y=\"%.2f\">", lx + 16.0, legend_y + 10.0) + xml(k) + "</text>\n";
        lx += 16.0 + kCharW * (double)k.size() + 18.0;
    }
    if (!markers_.empty()) {
        o += fmt("<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"#222222\" stroke-opacity=\"0.8\"/>\n",
                 lx + 6.0, legend_y - 1.0, lx + 6.0, legend_y + 13.0);
        o += fmt("<text x=\"%.2f\" y=\"%.2f\">marker</text>\n", lx + 16.0, legend_y + 10.0);
    }
    o += "</svg>\n";

    FILE *f = std::fopen(path.c_str(), "wb");
    if (!f) {
        if (err) *err = path + ": " + std::strerror(errno);
        return false;
    }
    bool ok = std::fwrite(o.data(), 1, o.size(), f) == o.size();
    ok = (std::fclose(f) == 0) && ok;
    if (!ok && err) *err = path + ": write error";
    return ok;
}

} // namespace plat
