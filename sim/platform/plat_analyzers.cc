// plat_analyzers.cc - the analyzers of a scenario run (see plat_analyzers.h).
#include "plat_analyzers.h"

#include "plat_alloc.h"
#include "plat_ofdm.h"

namespace plat {

std::vector<std::unique_ptr<Observer>> make_analyzers(const AnalyzerConfig &cfg, Metrics *metrics,
                                                      Gantt *gantt)
{
    std::vector<std::unique_ptr<Observer>> v;
    v.push_back(std::make_unique<EcTimeline>(cfg, gantt));     // rows per EC first in gantt.svg
    v.push_back(std::make_unique<AllocAnalyzer>(cfg, metrics, gantt));
    v.push_back(std::make_unique<OfdmAnalyzer>(cfg, metrics, gantt));
    v.push_back(std::make_unique<MetricLines>(metrics));
    return v;
}

} // namespace plat
