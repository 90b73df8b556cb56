// plat_trace.cc - the PL waveform (see plat_trace.h).
//
// Verilator's headers come before anything else (no SystemC here): the
// tracer uses the model's own VerilatedContext time only for the timescale.
#include <verilated.h>
#include <verilated_fst_c.h>

#include "Vtb_pl_top.h"

#include "plat_trace.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace plat {

struct PlWave::Impl {
    VerilatedFstC fst;
    static void init(void *self, VerilatedFst *tracep, uint32_t code)
    {
        auto *w = static_cast<PlWave *>(self);
        w->cpu_code_ = code;
        tracep->scopeEscape(' ');
        tracep->pushNamePrefix("cpu ");
        tracep->declBus(code + 0, "exc", -1, FST_VD_IMPLICIT, FST_VT_VCD_WIRE, false, -1, 2, 0);
        tracep->declBus(code + 1, "exc_pc", -1, FST_VD_IMPLICIT, FST_VT_VCD_WIRE, false, -1, 31, 0);
        tracep->declBus(code + 2, "exc_mode", -1, FST_VD_IMPLICIT, FST_VT_VCD_WIRE, false, -1, 4, 0);
        tracep->declBus(code + 3, "exc_count", -1, FST_VD_IMPLICIT, FST_VT_VCD_WIRE, false, -1, 31, 0);
        tracep->declBus(code + 4, "mode", -1, FST_VD_IMPLICIT, FST_VT_VCD_WIRE, false, -1, 4, 0);
        tracep->declBus(code + 5, "asid", -1, FST_VD_IMPLICIT, FST_VT_VCD_WIRE, false, -1, 7, 0);
        tracep->declBus(code + 6, "pc", -1, FST_VD_IMPLICIT, FST_VT_VCD_WIRE, false, -1, 31, 0);
        tracep->declBus(code + 7, "func", -1, FST_VD_IMPLICIT, FST_VT_VCD_WIRE, false, -1, 15, 0);
        tracep->popNamePrefix();
        tracep->scopeEscape('.');
    }
    static void full(void *self, VerilatedFst::Buffer *b)
    {
        auto *w = static_cast<PlWave *>(self);
        const uint32_t c = w->cpu_code_;
        b->fullCData(b->oldp(c + 0), (CData)w->cpu_.exc, 3);
        b->fullIData(b->oldp(c + 1), w->cpu_.pc, 32);
        b->fullCData(b->oldp(c + 2), (CData)w->cpu_.mode, 5);
        b->fullIData(b->oldp(c + 3), w->cpu_count_, 32);
        b->fullCData(b->oldp(c + 4), (CData)w->st_.mode, 5);
        b->fullCData(b->oldp(c + 5), (CData)w->st_.asid, 8);
        b->fullIData(b->oldp(c + 6), w->st_.pc, 32);
        b->fullSData(b->oldp(c + 7), (SData)w->st_.func, 16);
    }
    static void chg(void *self, VerilatedFst::Buffer *b)
    {
        auto *w = static_cast<PlWave *>(self);
        const uint32_t c = w->cpu_code_;
        b->chgCData(b->oldp(c + 0), (CData)w->cpu_.exc, 3);
        b->chgIData(b->oldp(c + 1), w->cpu_.pc, 32);
        b->chgCData(b->oldp(c + 2), (CData)w->cpu_.mode, 5);
        b->chgIData(b->oldp(c + 3), w->cpu_count_, 32);
        b->chgCData(b->oldp(c + 4), (CData)w->st_.mode, 5);
        b->chgCData(b->oldp(c + 5), (CData)w->st_.asid, 8);
        b->chgIData(b->oldp(c + 6), w->st_.pc, 32);
        b->chgSData(b->oldp(c + 7), (SData)w->st_.func, 16);
    }
};

std::unique_ptr<PlWave> PlWave::open(Vtb_pl_top *model, TraceFormat f, const std::string &path,
                                     std::string *err)
{
    if (!trace_format_supported(f, err)) return nullptr;
    if (f != TraceFormat::Fst) {
        *err = "--trace: no format";
        return nullptr;
    }
    // The file must be creatable (Verilator's tracer only warns otherwise).
    FILE *probe = std::fopen(path.c_str(), "wb");
    if (!probe) {
        *err = path + ": " + std::strerror(errno);
        return nullptr;
    }
    std::fclose(probe);
    std::unique_ptr<PlWave> w(new PlWave);
    w->impl_.reset(new Impl);
    w->path_ = path;
    // Dump times are platform picoseconds.
    model->contextp()->timeunit(-12);
    model->contextp()->timeprecision(-12);
    model->trace(&w->impl_->fst, 99);
    // The CPU scope (plat_trace.h), declared after the model's signals.
    VerilatedFst *sp = w->impl_->fst.spTrace();
    sp->addInitCb(&Impl::init, w.get());
    sp->addFullCb(&Impl::full, w.get());
    sp->addChgCb(&Impl::chg, w.get());
    w->impl_->fst.open(path.c_str());
    if (!w->impl_->fst.isOpen()) {
        *err = path + ": cannot open the waveform";
        return nullptr;
    }
    return w;
}

PlWave::~PlWave()
{
    if (!closed_ && impl_) impl_->fst.close();
}

void PlWave::dump(zynq_time_ps t)
{
    if (dumped_ && t <= last_) return;
    impl_->fst.dump((uint64_t)t);
    last_ = t;
    dumped_ = true;
}

void PlWave::cpu_exception(zynq_time_ps t, unsigned exc, uint32_t pc, unsigned from_mode)
{
    cpu_q_.push_back(CpuExc{t, exc, pc, from_mode, false, 0, 0});
}

void PlWave::cpu_state(zynq_time_ps t, uint32_t pc, unsigned mode, unsigned asid, unsigned func)
{
    cpu_q_.push_back(CpuExc{t, 0, pc, mode, true, asid, func});
}

void PlWave::flush_cpu(zynq_time_ps t)
{
    // Those at t itself go out with the PL's dump at t; those before the
    // last dump (less than half a PL cycle late) with the next one. Changes
    // at one time are applied together, then dumped once.
    bool pending = false;
    zynq_time_ps pending_t = 0;
    while (cpu_next_ < cpu_q_.size() && cpu_q_[cpu_next_].t <= t) {
        const CpuExc &e = cpu_q_[cpu_next_++];
        if (pending && e.t != pending_t) {
            dump(pending_t);
            pending = false;
        }
        if (e.state) {
            st_ = e;
        } else {
            cpu_ = e;
            cpu_count_++;
        }
        if (e.t < t) {
            pending = true;
            pending_t = e.t;
        }
    }
    if (pending) dump(pending_t);
    if (cpu_next_ == cpu_q_.size()) {
        cpu_q_.clear();
        cpu_next_ = 0;
    }
}

bool PlWave::close(zynq_time_ps t, std::string *err)
{
    if (closed_) return true;
    flush_cpu(t);
    dump(t);
    impl_->fst.close();
    closed_ = true;
    // The FST header block (fstapi.c, FST_HDR_OFFS_DATE): tag 1 byte, nine
    // 8-byte fields (section length, start and end time, endian test,
    // memory used, scope, var and handle counts, section count), timescale
    // 1 byte, simulator version 128 bytes, then the creation date (119
    // bytes, NUL padded). Replace the date by a fixed text: the file is then
    // a function of the run only.
    const long kDateOffs = 1 + 9 * 8 + 1 + 128;
    const size_t kDateSize = 119;
    FILE *f = std::fopen(path_.c_str(), "r+b");
    if (!f) {
        *err = path_ + ": " + std::strerror(errno);
        return false;
    }
    char date[kDateSize] = {};
    std::snprintf(date, sizeof date, "dprsim (date not recorded)");
    bool ok = std::fseek(f, kDateOffs, SEEK_SET) == 0 && std::fwrite(date, 1, kDateSize, f) == kDateSize;
    if (std::fclose(f) != 0) ok = false;
    if (!ok) *err = path_ + ": cannot rewrite the FST header date";
    return ok;
}

} // namespace plat
