/*
 * plat_events.h - events.log: one line per platform event, in time order.
 *
 * Line format (fields separated by one space, no wall-clock values, so two
 * runs of the same inputs give byte-identical files):
 *
 *   t=<ps>ps src=<source> <what>
 *
 * <source> is cpu, pl or uart1; <what> is key=value pairs and starts with
 * the source's own cycle count where it has one:
 *   src=cpu cpu_cycle=N exc=IRQ pc=0x... mode=SVC func=name+0x10
 *   src=pl pl_cycle=N irq_f2p=0x0001 (the new IRQ_F2P[15:0] levels)
 *   src=pl pl_cycle=N cfg_port=stream_start | stream_end words=N
 *   src=pl pl_cycle=N gp0=SLVERR|DECERR|timeout write|read addr=0x...
 *   src=uart1 tx=0x41
 * Sources report their events when the platform evaluates them, which is
 * not always in time order (the CPU runs up to one quantum ahead of the PL
 * batches), so the log keeps the lines and sorts them by time when it is
 * written; events at the same time keep the order they were reported in.
 */
#ifndef PLAT_EVENTS_H
#define PLAT_EVENTS_H

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "plat_time.h"

namespace plat {

/** The event log of one run (kept in memory, written by close()). */
class EventLog {
public:
    /** Symbol lookup for CPU addresses ("name+0x10"; empty if unknown). */
    using SymbolFn = std::function<std::string(uint32_t)>;

    /** Remember the output path (written by close()). */
    explicit EventLog(std::string path) : path_(std::move(path)) {}

    /** Record one event of `src` at time t; `what` is "key=value ...". */
    void add(zynq_time_ps t, const char *src, const std::string &what);
    /** Same with printf formatting of `what`. */
    void addf(zynq_time_ps t, const char *src, const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));

    /** Symbol lookup used for CPU events (set by the runner when the ELF has symbols). */
    void set_symbols(SymbolFn fn) { symbols_ = std::move(fn); }
    /** "name+0xOFF" of addr, or empty when there is no symbol lookup or symbol. */
    std::string symbol(uint32_t addr) const { return symbols_ ? symbols_(addr) : std::string(); }

    /** Number of events recorded so far. */
    size_t count() const { return ev_.size(); }
    const std::string &path() const { return path_; }

    /**
     * Sort the events by time (stable) and write the file. Returns false and
     * sets *err (one line) when the file cannot be written.
     */
    bool write(std::string *err);

private:
    struct Ev {
        zynq_time_ps t;
        std::string line;
    };
    std::string path_;
    std::vector<Ev> ev_;
    SymbolFn symbols_;
};

} // namespace plat
#endif
