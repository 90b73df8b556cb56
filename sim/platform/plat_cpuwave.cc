// plat_cpuwave.cc - run symbols and the waveform's CPU signals (see plat_cpuwave.h).
#include "plat_cpuwave.h"

#include <algorithm>
#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <cstring>

namespace plat {

void SymbolTable::add(uint32_t addr, uint32_t size, const std::string &name)
{
    syms_.push_back(Sym{addr & ~1u, size, name});
}

void SymbolTable::finalize()
{
    // By address, then name, so that the index of a symbol does not depend
    // on the order the images were given in.
    std::sort(syms_.begin(), syms_.end(), [](const Sym &a, const Sym &b) {
        return a.addr != b.addr ? a.addr < b.addr : a.name < b.name;
    });
}

unsigned SymbolTable::lookup(uint32_t addr, uint32_t *off) const
{
    auto it = std::upper_bound(syms_.begin(), syms_.end(), addr,
                               [](uint32_t a, const Sym &s) { return a < s.addr; });
    // Walk back over symbols at or below addr: the first whose range covers it.
    while (it != syms_.begin()) {
        --it;
        const uint32_t d = addr - it->addr;
        const uint32_t span = it->size ? it->size : kUnsizedSpan;
        if (d < span) {
            if (off) *off = d;
            return (unsigned)(it - syms_.begin()) + 1;
        }
        if (!it->size) break;   // an unsized symbol ends the search
        if (addr - it->addr >= kUnsizedSpan) break;
    }
    return 0;
}

const std::string &SymbolTable::name(unsigned i) const
{
    static const std::string kNone;
    return i >= 1 && i <= syms_.size() ? syms_[i - 1].name : kNone;
}

void SymbolTable::range(unsigned i, uint32_t *lo, uint32_t *hi) const
{
    *lo = 1;
    *hi = 0;
    if (i < 1 || i > syms_.size()) return;
    const Sym &s = syms_[i - 1];
    *lo = s.addr;
    uint64_t end = (uint64_t)s.addr + (s.size ? s.size : kUnsizedSpan);
    // A later symbol inside the range takes over from its address on.
    for (size_t j = i; j < syms_.size() && syms_[j].addr < end; j++) {
        if (syms_[j].addr > s.addr) {
            end = syms_[j].addr;
            break;
        }
    }
    *hi = end > UINT32_MAX ? UINT32_MAX : (uint32_t)end;
}

bool SymbolTable::find(const std::string &name, uint32_t *addr) const
{
    for (const Sym &s : syms_)
        if (s.name == name) {
            *addr = s.addr;
            return true;
        }
    return false;
}

std::string SymbolTable::describe(uint32_t addr) const
{
    uint32_t off = 0;
    unsigned i = lookup(addr, &off);
    if (!i) return std::string();
    if (!off) return syms_[i - 1].name;
    char b[24];
    std::snprintf(b, sizeof b, "+0x%" PRIx32, off);
    return syms_[i - 1].name + b;
}

bool SymbolTable::write_filter(const std::string &path, std::string *err) const
{
    FILE *f = std::fopen(path.c_str(), "wb");
    if (!f) {
        *err = path + ": " + std::strerror(errno);
        return false;
    }
    std::fprintf(f, "# gtkwave translate filter for cpu.func (decimal): index -> firmware function\n");
    std::fprintf(f, "0 -\n");
    for (size_t i = 0; i < syms_.size() && i + 1 <= 0xFFFF; i++)
        std::fprintf(f, "%zu %s\n", i + 1, syms_[i].name.c_str());
    if (std::fclose(f) != 0) {
        *err = path + ": " + std::strerror(errno);
        return false;
    }
    return true;
}

void CpuWave::sample(zynq_time_ps t, uint32_t pc, unsigned mode, unsigned asid, bool know_func)
{
    unsigned func = func_;
    if (know_func && (pc < lo_ || pc >= hi_)) {
        func = syms_.lookup(pc);
        if (func > 0xFFFF) func = 0;   // cpu.func is 16 bits wide
        syms_.range(func, &lo_, &hi_);
        if (!func) {
            lo_ = 1;   // no symbol: look up again at every PC
            hi_ = 0;
        }
    }
    if (started_ && mode == mode_ && asid == asid_ && func == func_) return;
    started_ = true;
    mode_ = mode;
    asid_ = asid;
    func_ = func;
    changes_++;
    sink_(t, pc, mode, asid, func);
}

void CpuWave::on_instruction(zynq_time_ps t, const CpuView &v)
{
    sample(t, v.pc, v.mode, v.asid, true);
}

void CpuWave::on_mode_change(zynq_time_ps t, const CpuView &v, unsigned)
{
    sample(t, v.pc, v.mode, v.asid, false);
}

void CpuWave::on_asid_change(zynq_time_ps t, const CpuView &v, unsigned)
{
    sample(t, v.pc, v.mode, v.asid, false);
}

} // namespace plat
