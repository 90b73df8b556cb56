// plat_metrics.cc - the measured metrics of a run (see plat_metrics.h).
#include "plat_metrics.h"

#include <algorithm>

namespace plat {

void Metrics::set(const std::string &name, double v)
{
    samples_.erase(name);   // a name is either single-valued or a distribution
    single_[name] = v;
}

void Metrics::add(const std::string &name, double v)
{
    single_.erase(name);
    samples_[name].push_back(v);
}

bool Metrics::has(const std::string &name) const
{
    return single_.count(name) || samples_.count(name);
}

bool Metrics::single(const std::string &name, double *v) const
{
    auto it = single_.find(name);
    if (it == single_.end()) return false;
    *v = it->second;
    return true;
}

bool Metrics::summary(const std::string &name, MetricSummary *s) const
{
    auto it = samples_.find(name);
    if (it == samples_.end() || it->second.empty()) return false;
    std::vector<double> x = it->second;
    std::sort(x.begin(), x.end());
    size_t n = x.size();
    s->min = x.front();
    s->max = x.back();
    // Even count: the mean of the two middle samples.
    s->median = n % 2 ? x[n / 2] : (x[n / 2 - 1] + x[n / 2]) / 2.0;
    s->n = n;
    return true;
}

bool Metrics::value(const std::string &name, double *v) const
{
    if (single(name, v)) return true;
    MetricSummary s;
    if (!summary(name, &s)) return false;
    *v = s.median;
    return true;
}

std::vector<std::string> Metrics::names() const
{
    std::vector<std::string> n;
    for (const auto &kv : single_) n.push_back(kv.first);
    for (const auto &kv : samples_) n.push_back(kv.first);
    std::sort(n.begin(), n.end());
    return n;
}

void Metrics::add_section(const std::string &title, const std::string &markdown)
{
    sections_.push_back(Section{title, markdown});
}

} // namespace plat
