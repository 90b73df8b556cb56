// plat_events.cc - events.log (see plat_events.h).
#include "plat_events.h"

#include <algorithm>
#include <cerrno>
#include <cinttypes>
#include <cstdarg>
#include <cstdio>
#include <cstring>

namespace plat {

void EventLog::add(zynq_time_ps t, const char *src, const std::string &what)
{
    char head[64];
    std::snprintf(head, sizeof head, "t=%" PRIu64 "ps src=%s ", (uint64_t)t, src);
    ev_.push_back(Ev{t, head + what});
}

void EventLog::addf(zynq_time_ps t, const char *src, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    std::vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    add(t, src, buf);
}

bool EventLog::write(std::string *err)
{
    std::stable_sort(ev_.begin(), ev_.end(), [](const Ev &a, const Ev &b) { return a.t < b.t; });
    FILE *f = std::fopen(path_.c_str(), "wb");
    if (!f) {
        *err = path_ + ": " + std::strerror(errno);
        return false;
    }
    for (const Ev &e : ev_) {
        std::fputs(e.line.c_str(), f);
        std::fputc('\n', f);
    }
    if (std::fclose(f) != 0) {
        *err = path_ + ": " + std::strerror(errno);
        return false;
    }
    return true;
}

} // namespace plat
