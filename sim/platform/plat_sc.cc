// plat_sc.cc - SystemC/TLM-2.0 layer of the dprsim platform (see plat_sc.h).
#include "plat_sc.h"

#include <unistd.h>

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <cstring>

using namespace sc_core;

namespace plat {

// ---- RamTarget ----

RamTarget::RamTarget(sc_module_name n, uint8_t *host, uint32_t size)
    : sc_module(n), socket("socket"), host_(host), size_(size)
{
    socket.register_b_transport(this, &RamTarget::b_transport);
    socket.register_get_direct_mem_ptr(this, &RamTarget::get_direct_mem_ptr);
}

void RamTarget::b_transport(tlm::tlm_generic_payload &p, sc_time &)
{
    uint64_t a = p.get_address();
    unsigned len = p.get_data_length();
    if (a + len > size_ || p.get_byte_enable_ptr()) {
        p.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
        return;
    }
    if (p.is_read()) std::memcpy(p.get_data_ptr(), host_ + a, len);
    else if (p.is_write()) std::memcpy(host_ + a, p.get_data_ptr(), len);
    p.set_dmi_allowed(true);
    p.set_response_status(tlm::TLM_OK_RESPONSE);
}

bool RamTarget::get_direct_mem_ptr(tlm::tlm_generic_payload &, tlm::tlm_dmi &dmi)
{
    dmi.set_dmi_ptr(host_);
    dmi.set_start_address(0);
    dmi.set_end_address(size_ - 1);
    dmi.allow_read_write();
    dmi.set_read_latency(SC_ZERO_TIME);
    dmi.set_write_latency(SC_ZERO_TIME);
    return true;
}

// ---- DevTarget ----

DevTarget::DevTarget(sc_module_name n, zynq_dev *dev, const Timing &timing)
    : sc_module(n), socket("socket"), dev_(dev),
      latency_(ps_to_sc(zynq_cycle_time(timing.cpu_hz, timing.mmio_cycles)))
{
    socket.register_b_transport(this, &DevTarget::b_transport);
}

void DevTarget::b_transport(tlm::tlm_generic_payload &p, sc_time &delay)
{
    unsigned len = p.get_data_length();
    if (len != 1 && len != 2 && len != 4) {
        p.set_response_status(tlm::TLM_BURST_ERROR_RESPONSE);
        return;
    }
    // The device keeps the kernel's picosecond time: the access happens at
    // the initiator's local time (kernel time + annotated delay).
    zynq_dev_advance(dev_, sc_to_ps(sc_time_stamp() + delay));
    uint32_t off = (uint32_t)p.get_address();
    uint32_t v = 0;
    zynq_status st;
    if (p.is_read()) {
        st = zynq_dev_read(dev_, off, len, &v);
        std::memcpy(p.get_data_ptr(), &v, len);
    } else {
        std::memcpy(&v, p.get_data_ptr(), len);
        st = zynq_dev_write(dev_, off, len, v);
    }
    delay += latency_;
    p.set_response_status(st == ZYNQ_OK ? tlm::TLM_OK_RESPONSE
                                        : tlm::TLM_GENERIC_ERROR_RESPONSE);
}

// ---- Router ----

Router::Router(sc_module_name n) : sc_module(n), target("target")
{
    target.register_b_transport(this, &Router::b_transport);
    target.register_get_direct_mem_ptr(this, &Router::get_direct_mem_ptr);
}

void Router::map(const std::string &name, uint32_t base, uint32_t size,
                 tlm::tlm_target_socket<> &sock)
{
    for (const Win &w : wins_) {
        if ((uint64_t)base < (uint64_t)w.base + w.size && (uint64_t)w.base < (uint64_t)base + size) {
            std::fprintf(stderr, "dprsim: internal error: window %s overlaps %s\n",
                         name.c_str(), w.name.c_str());
            std::abort();
        }
    }
    Win w{name, base, size,
          std::make_unique<tlm_utils::simple_initiator_socket<Router>>(
              (std::string("to_") + name).c_str())};
    w.sock->bind(sock);
    wins_.push_back(std::move(w));
}

Router::Win *Router::decode(uint64_t addr)
{
    // Polling loops hit one window again and again: try the last one first.
    if (last_ < wins_.size() && addr >= wins_[last_].base && addr - wins_[last_].base < wins_[last_].size)
        return &wins_[last_];
    for (size_t i = 0; i < wins_.size(); i++)
        if (addr >= wins_[i].base && addr - wins_[i].base < wins_[i].size) {
            last_ = i;
            return &wins_[i];
        }
    return nullptr;
}

void Router::b_transport(tlm::tlm_generic_payload &p, sc_time &delay)
{
    uint64_t a = p.get_address();
    Win *w = decode(a);
    if (!w || a + p.get_data_length() > (uint64_t)w->base + w->size) {
        unmapped_++;
        p.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
        return;
    }
    p.set_address(a - w->base);
    (*w->sock)->b_transport(p, delay);
    p.set_address(a);
}

bool Router::get_direct_mem_ptr(tlm::tlm_generic_payload &p, tlm::tlm_dmi &dmi)
{
    uint64_t a = p.get_address();
    Win *w = decode(a);
    if (!w) return false;
    p.set_address(a - w->base);
    bool ok = (*w->sock)->get_direct_mem_ptr(p, dmi);
    p.set_address(a);
    if (ok) {
        dmi.set_start_address(dmi.get_start_address() + w->base);
        dmi.set_end_address(dmi.get_end_address() + w->base);
    }
    return ok;
}

// ---- Console ----

void Console::put(uint8_t b)
{
    buf_.push_back((char)b);
    if (b == '\n' || buf_.size() >= 4096) flush();
}

void Console::flush()
{
    size_t off = 0;
    while (off < buf_.size()) {
        ssize_t n = ::write(fd_, buf_.data() + off, buf_.size() - off);
        if (n <= 0) break;
        off += (size_t)n;
    }
    buf_.clear();
}

// ---- CpuWrapper ----

CpuWrapper::CpuWrapper(sc_module_name n, Board &board, const Timing &timing,
                       Console &console)
    : sc_module(n), socket("socket"), board_(board), timing_(timing), console_(console)
{
    arm_bus bus{this, &CpuWrapper::bus_read, &CpuWrapper::bus_write};
    cpu_ = arm_cpu_new(&bus);
    if (!cpu_) {
        std::fprintf(stderr, "dprsim: cannot create the CPU (out of memory)\n");
        std::abort();
    }
    arm_cpu_set_svc_hook(cpu_, &CpuWrapper::svc_hook, this);
    arm_cpu_set_bkpt_hook(cpu_, &CpuWrapper::bkpt_hook, this);
    board_.set_nirq([this](int level) { arm_cpu_set_irq(cpu_, level); });
    board_.set_watchdog_reset([this] {
        finish(RunEnd::WatchdogReset, "private watchdog expired in watchdog mode (system reset)");
        arm_cpu_request_stop(cpu_);
    });
    SC_THREAD(thread);
}

CpuWrapper::~CpuWrapper()
{
    armiss_sh_close_all(&sh_);
    arm_cpu_free(cpu_);
}

void CpuWrapper::configure(const CpuConfig &cfg)
{
    cfg_ = cfg;
    armiss_sh_init(&sh_, &cfg_.sh);
}

void CpuWrapper::update_exception_hook()
{
    arm_cpu_set_exception_hook(cpu_, events_ || exc_fn_ || obs_ ? &CpuWrapper::exception_hook : nullptr,
                               this);
}

void CpuWrapper::set_events(EventLog *log)
{
    events_ = log;
    update_exception_hook();
}

void CpuWrapper::set_exception_observer(ExceptionFn fn)
{
    exc_fn_ = std::move(fn);
    update_exception_hook();
}

CpuView CpuWrapper::view(uint32_t pc) const
{
    CpuView v;
    v.cycle = arm_cpu_cycles(cpu_);
    v.pc = pc;
    v.mode = arm_cpu_get_cpsr(cpu_) & ARM_MODE_MASK;
    v.asid = arm_cpu_get_contextidr(cpu_) & 0xFFu;
    for (unsigned i = 0; i < 4; i++) v.r[i] = arm_cpu_get_reg(cpu_, i);
    return v;
}

void CpuWrapper::observe(const std::vector<Probe> &probes)
{
    ObserverSet &set = board_.observers();
    if (set.empty()) return;
    obs_ = &set;
    update_exception_hook();
    arm_cpu_set_mode_hook(cpu_, &CpuWrapper::mode_hook, this);
    arm_cpu_set_context_hook(cpu_, &CpuWrapper::context_hook, this);
    arm_cpu_clear_probes(cpu_);
    probe_names_.clear();
    for (const Probe &p : probes) {
        if (arm_cpu_add_probe(cpu_, p.va & ~1u, (unsigned)probe_names_.size()) != 0) {
            std::fprintf(stderr, "dprsim: note: probe table full, %s not probed\n", p.symbol.c_str());
            continue;
        }
        probe_names_.push_back(p.symbol);
    }
    arm_cpu_set_probe_hook(cpu_, probe_names_.empty() ? nullptr : &CpuWrapper::probe_hook, this);
    if (set.want_instructions()) arm_cpu_set_trace_hook(cpu_, &CpuWrapper::trace_hook, this);
}

arm_hook_result CpuWrapper::probe_hook(void *o, arm_cpu *, unsigned id, uint32_t pc)
{
    auto *w = static_cast<CpuWrapper *>(o);
    if (id >= w->probe_names_.size()) return ARM_HOOK_DEFAULT;
    const CpuView v = w->view(pc);
    const zynq_time_ps t = w->now_ps();
    const std::string &name = w->probe_names_[id];
    w->obs_->each([&](Observer &ob) { ob.on_probe(t, v, name); });
    return ARM_HOOK_DEFAULT;
}

void CpuWrapper::mode_hook(void *o, arm_cpu *cpu, unsigned old_mode, unsigned)
{
    auto *w = static_cast<CpuWrapper *>(o);
    // After the change: r15 is the next instruction in the new mode (the
    // vector at exception entry, the return address at exception return).
    const CpuView v = w->view(arm_cpu_get_reg(cpu, 15));
    const zynq_time_ps t = w->now_ps();
    w->obs_->each([&](Observer &ob) { ob.on_mode_change(t, v, old_mode); });
}

void CpuWrapper::context_hook(void *o, arm_cpu *cpu, uint32_t old_ctx, uint32_t new_ctx)
{
    if ((old_ctx & 0xFFu) == (new_ctx & 0xFFu)) return;   // ASID unchanged
    auto *w = static_cast<CpuWrapper *>(o);
    const CpuView v = w->view(arm_cpu_get_reg(cpu, 15));
    const zynq_time_ps t = w->now_ps();
    w->obs_->each([&](Observer &ob) { ob.on_asid_change(t, v, old_ctx & 0xFFu); });
}

void CpuWrapper::trace_hook(void *o, arm_cpu *, uint32_t pc, uint32_t, unsigned, int)
{
    auto *w = static_cast<CpuWrapper *>(o);
    const CpuView v = w->view(pc);
    const zynq_time_ps t = w->now_ps();
    for (Observer *ob : w->obs_->list())
        if (ob->want_instructions()) ob->on_instruction(t, v);
}

arm_hook_result CpuWrapper::exception_hook(void *o, arm_cpu *cpu, arm_exception exc, uint32_t pc)
{
    static const char *const kExc[ARM_EXC_COUNT] = {"RESET", "UNDEF", "SVC", "PABT",
                                                    "DABT",  "IRQ",   "FIQ"};
    auto *w = static_cast<CpuWrapper *>(o);
    if (w->exc_fn_) w->exc_fn_(w->now_ps(), exc, pc, arm_cpu_get_cpsr(cpu));
    if (w->obs_) {
        // Called before the exception is taken: the view is the state it
        // comes from. DFAR/DFSR (IFAR/IFSR) are already written.
        uint32_t dfar = 0, dfsr = 0, ifar = 0, ifsr = 0;
        arm_cpu_get_fault_regs(cpu, &dfar, &dfsr, &ifar, &ifsr);
        uint32_t far = exc == ARM_EXC_DABT ? dfar : exc == ARM_EXC_PABT ? ifar : 0;
        uint32_t fsr = exc == ARM_EXC_DABT ? dfsr : exc == ARM_EXC_PABT ? ifsr : 0;
        const CpuView v = w->view(pc);
        const zynq_time_ps t = w->now_ps();
        w->obs_->each([&](Observer &ob) { ob.on_exception(t, v, (unsigned)exc, far, fsr); });
    }
    if (!w->events_) return ARM_HOOK_DEFAULT;
    const char *mode;
    switch (arm_cpu_get_cpsr(cpu) & 0x1Fu) {   // CPSR.M (ARM ARM B1.3.1)
    case 0x10: mode = "USR"; break;
    case 0x11: mode = "FIQ"; break;
    case 0x12: mode = "IRQ"; break;
    case 0x13: mode = "SVC"; break;
    case 0x16: mode = "MON"; break;
    case 0x17: mode = "ABT"; break;
    case 0x1A: mode = "HYP"; break;
    case 0x1B: mode = "UND"; break;
    case 0x1F: mode = "SYS"; break;
    default: mode = "?"; break;
    }
    std::string fn = w->events_->symbol(pc);
    w->events_->addf(w->now_ps(), "cpu", "cpu_cycle=%" PRIu64 " exc=%s pc=0x%08" PRIx32 " mode=%s%s%s",
                     arm_cpu_cycles(cpu), (unsigned)exc < ARM_EXC_COUNT ? kExc[exc] : "?", pc, mode,
                     fn.empty() ? "" : " func=", fn.c_str());
    return ARM_HOOK_DEFAULT;
}

void CpuWrapper::end_of_elaboration()
{
    // RAM by DMI: ask the bus for each RAM region and register the host
    // pointer with the ISS (its fast path).
    const uint32_t bases[2] = {kDdrBase, kOcmBase};
    for (uint32_t base : bases) {
        tlm::tlm_generic_payload p;
        tlm::tlm_dmi dmi;
        p.set_address(base);
        p.set_command(tlm::TLM_READ_COMMAND);
        if (!socket->get_direct_mem_ptr(p, dmi) || !dmi.is_read_write_allowed()) {
            std::fprintf(stderr, "dprsim: internal error: no DMI for RAM at 0x%08x\n", base);
            std::abort();
        }
        uint64_t size = dmi.get_end_address() - dmi.get_start_address() + 1;
        if (arm_cpu_add_ram(cpu_, (uint32_t)dmi.get_start_address(), (uint32_t)size,
                            dmi.get_dmi_ptr(), 0) != 0) {
            std::fprintf(stderr, "dprsim: internal error: arm_cpu_add_ram(0x%08x) failed\n", base);
            std::abort();
        }
    }
}

zynq_time_ps CpuWrapper::now_ps() const
{
    return anchor_ps_ + zynq_cycle_time(timing_.cpu_hz, arm_cpu_cycles(cpu_) - anchor_cycles_);
}

void CpuWrapper::finish(RunEnd e, const std::string &msg)
{
    if (end_ != RunEnd::Running) return;
    end_ = e;
    end_msg_ = msg;
}

arm_bus_status CpuWrapper::access(bool write, uint32_t addr, unsigned size, uint32_t *value,
                                  uint32_t *cycles)
{
    mmio_++;
    zynq_time_ps now = now_ps();
    sc_time kernel = sc_time_stamp();
    // Observers: a DevCfg access may queue a DMA command (Board reports it).
    const MapEntry *dev = obs_ ? board_.find(addr) : nullptr;
    const bool devcfg = board_.is_devcfg(dev);
    const unsigned dc_tail = devcfg ? board_.devcfg_tail() : 0;
    sc_time delay = ps_to_sc(now) - kernel;
    uint8_t data[4];
    std::memcpy(data, value, 4);
    gp_.set_command(write ? tlm::TLM_WRITE_COMMAND : tlm::TLM_READ_COMMAND);
    gp_.set_address(addr);
    gp_.set_data_ptr(data);
    gp_.set_data_length(size);
    gp_.set_streaming_width(size);
    gp_.set_byte_enable_ptr(nullptr);
    gp_.set_dmi_allowed(false);
    gp_.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    socket->b_transport(gp_, delay);
    // Annotated delay beyond the access time, in whole CPU cycles.
    zynq_time_ps done = sc_to_ps(kernel + delay);
    if (done > now)
        *cycles = (uint32_t)zynq_muldiv_ceil(done - now, timing_.cpu_hz, ZYNQ_PS_PER_S);
    if (gp_.is_response_error()) {
        bus_errors_++;
        char msg[160];
        std::snprintf(msg, sizeof msg, "dprsim: guest error: %s %s of %u bytes at 0x%08" PRIx32
                      " (near pc 0x%08" PRIx32 "): external abort\n",
                      gp_.get_response_status() == tlm::TLM_ADDRESS_ERROR_RESPONSE
                          ? "unmapped" : "rejected",
                      write ? "write" : "read", size, addr, arm_cpu_get_reg(cpu_, 15));
        console_.flush();
        std::fputs(msg, stderr);
        return ARM_BUS_ERROR;
    }
    if (!write) {
        uint32_t v = 0;
        std::memcpy(&v, data, size);
        *value = v;
    }
    if (obs_) {
        if (devcfg) board_.devcfg_after_access(dc_tail, now);
        if (board_.pl() && addr >= kPlGp0Base && addr - kPlGp0Base < kPlGp0Size) {
            // Completed GP0 access: the time after the RTL's response. r15
            // is the next instruction (the ISS does not expose the current one).
            const CpuView v = view(arm_cpu_get_reg(cpu_, 15));
            const uint32_t d = *value;
            obs_->each([&](Observer &o) { o.on_gp0(done, v, write, addr, d); });
        }
    }
    // The PL310's CONTROL.enable puts the L2 in the cache model's path.
    if (write && cfg_.caches && addr - kL2cBase < kL2cSize) {
        const bool l2 = board_.l2c_enabled();
        if (l2 != l2_on_) {
            l2_on_ = l2;
            arm_cpu_set_l2_enabled(cpu_, l2);
        }
    }
    // An access may move a device's next event earlier (a timer was
    // programmed): end the run after this instruction so that the event is
    // seen on time (plat_time.h).
    // Only the accessed device's next event can have moved.
    if (const MapEntry *e = board_.find(addr)) {
        if (zynq_dev_next_event(e->dev) < run_limit_ps_) arm_cpu_request_stop(cpu_);
    } else if (board_.pl() && board_.pl()->next_event() < run_limit_ps_) {
        arm_cpu_request_stop(cpu_);   // a GP0 access made the PL active
    }
    return ARM_BUS_OK;
}

arm_bus_status CpuWrapper::bus_read(void *o, uint32_t a, unsigned s, uint32_t *v, uint32_t *c)
{
    *v = 0;
    return static_cast<CpuWrapper *>(o)->access(false, a, s, v, c);
}

arm_bus_status CpuWrapper::bus_write(void *o, uint32_t a, unsigned s, uint32_t v, uint32_t *c)
{
    return static_cast<CpuWrapper *>(o)->access(true, a, s, &v, c);
}

arm_hook_result CpuWrapper::svc_hook(void *o, arm_cpu *cpu, uint32_t imm)
{
    auto *w = static_cast<CpuWrapper *>(o);
    bool thumb = (arm_cpu_get_cpsr(cpu) & ARM_CPSR_T) != 0;
    // Semihosting: SVC 0x123456 (A32) / SVC 0xAB (T32) from a privileged
    // mode. From USR mode it is an ordinary SVC (a hypercall): a guest must
    // not be able to stop the simulator or reach host files.
    if (imm != (thumb ? 0xABu : 0x123456u) ||
        (arm_cpu_get_cpsr(cpu) & ARM_MODE_MASK) == ARM_MODE_USR)
        return ARM_HOOK_DEFAULT;
    return w->semihost();
}

arm_hook_result CpuWrapper::bkpt_hook(void *o, arm_cpu *cpu, uint32_t imm)
{
    // BKPT 0xAB (the M-profile semihosting form, also accepted by common
    // A-profile debug tools) from a privileged mode; anything else, and any
    // BKPT from USR mode, is the architectural prefetch abort (debug event).
    if (imm != 0xABu || (arm_cpu_get_cpsr(cpu) & ARM_MODE_MASK) == ARM_MODE_USR)
        return ARM_HOOK_DEFAULT;
    return static_cast<CpuWrapper *>(o)->semihost();
}

arm_hook_result CpuWrapper::semihost()
{
    CpuWrapper *w = this;
    arm_cpu *cpu = cpu_;
    w->console_.flush();   // keep UART and semihosting output in order
    switch (armiss_sh_call(&w->sh_, cpu)) {
    case ARMISS_SH_CONTINUE:
        return ARM_HOOK_CONTINUE;
    case ARMISS_SH_EXIT:
        w->exit_status_ = w->sh_.exit_status;
        w->finish(RunEnd::SemihostExit, "semihosting exit");
        return ARM_HOOK_STOP;
    case ARMISS_SH_UNSUPPORTED:
    default: {
        char m[80];
        std::snprintf(m, sizeof m, "unsupported semihosting operation 0x%" PRIx32, w->sh_.bad_op);
        w->finish(RunEnd::Unsupported, m);
        return ARM_HOOK_STOP;
    }
    }
}

void CpuWrapper::thread()
{
    arm_cpu_reset(cpu_);
    if (cfg_.caches && arm_cpu_set_cache_model(cpu_, true) != 0) {
        std::fprintf(stderr, "dprsim: cannot allocate the cache model (out of memory)\n");
        std::abort();
    }
    arm_cpu_set_pc(cpu_, cfg_.entry);
    arm_cpu_set_reg(cpu_, 2, cfg_.r2);
    anchor_ps_ = sc_to_ps(sc_time_stamp());
    anchor_cycles_ = arm_cpu_cycles(cpu_);
    const zynq_time_ps max_time = cfg_.max_time ? cfg_.max_time : ZYNQ_TIME_NEVER;
    char m[160];

    while (end_ == RunEnd::Running) {
        zynq_time_ps t = now_ps();
        board_.advance_all(t);                       // IRQ lines now current
        zynq_time_ps kernel = sc_to_ps(sc_time_stamp());
        // Temporal decoupling (TLM-2.0 LT): the devices and the PL are brought
        // to the CPU's local time by the CPU itself (advance_all above, the
        // annotated delay of each access), so the kernel is only synced once
        // the CPU is a whole quantum ahead, not on every pass (a pass ends
        // at every PL cycle while the PL is active).
        if (t > kernel && t - kernel >= timing_.quantum_ps) wait(ps_to_sc(t - kernel));
        if (end_ != RunEnd::Running) break;
        if (t >= max_time) {
            std::snprintf(m, sizeof m, "--max-time reached at %" PRIu64 " ps", t);
            finish(RunEnd::MaxTime, m);
            break;
        }
        zynq_time_ps limit = std::min({board_.next_event(), t + timing_.quantum_ps, max_time});
        if (limit <= t) limit = t + 1;
        run_limit_ps_ = limit;
        uint64_t budget = zynq_muldiv_ceil(limit - t, timing_.cpu_hz, ZYNQ_PS_PER_S);
        arm_stop_reason r = arm_cpu_run(cpu_, budget ? budget : 1);
        if (end_ != RunEnd::Running) break;
        switch (r) {
        case ARM_STOP_BUDGET:
        case ARM_STOP_REQUEST:
            break;
        case ARM_STOP_WFI: {
            // Sleep until something can wake the CPU (fast forward).
            zynq_time_ps now = now_ps();
            board_.advance_all(now);
            if (board_.nirq()) break;
            zynq_time_ps next = board_.next_event();
            if (next == ZYNQ_TIME_NEVER) {
                std::snprintf(m, sizeof m,
                              "CPU waits (WFI at pc 0x%08" PRIx32 ") with no device event ahead",
                              arm_cpu_get_reg(cpu_, 15) - 4);
                finish(RunEnd::Deadlock, m);
                break;
            }
            next = std::min(next, max_time);
            if (PlAgent *pl = board_.pl(); pl && pl->next_event() != ZYNQ_TIME_NEVER) {
                // The PL runs on its own while the CPU sleeps, up to the next
                // PS device event; an IRQ_F2P change wakes the CPU in its
                // cycle (plat_pl.h).
                next = std::min(pl->sleep_run(std::min(board_.next_device_event(), max_time)),
                                max_time);
            }
            if (next > now) {
                wfi_sleep_ps_ += next - now;
                anchor_ps_ = next;
                anchor_cycles_ = arm_cpu_cycles(cpu_);
                if (obs_) {
                    obs_->each([&](Observer &o) { o.on_wfi(now, true); });
                    obs_->each([&](Observer &o) { o.on_wfi(next, false); });
                }
            }
            break;
        }
        case ARM_STOP_BKPT:
        case ARM_STOP_HALT:
        default:
            std::snprintf(m, sizeof m, "CPU stopped: %s",
                          r == ARM_STOP_HALT ? arm_cpu_halt_message(cpu_) : "breakpoint");
            finish(RunEnd::Halt, m);
            break;
        }
    }
    console_.flush();
    // Bring the kernel to the CPU's final time, then end the simulation.
    zynq_time_ps t = now_ps(), kernel = sc_to_ps(sc_time_stamp());
    if (t > kernel) wait(ps_to_sc(t - kernel));
    sc_stop();
}

// ---- Platform ----

Platform::Platform(sc_module_name n, const Timing &timing, Board::LogFn log, Console &console,
                   bool attach_pl)
    : sc_module(n), board(timing, std::move(log)), router("router"),
      ddr("ddr", board.ddr(), kDdrSize), ocm("ocm", board.ocm(), kOcmSize),
      cpu("cpu", board, timing, console)
{
    cpu.socket.bind(router.target);
    router.map("ddr", kDdrBase, kDdrSize, ddr.socket);
    router.map("ocm", kOcmBase, kOcmSize, ocm.socket);
    for (const MapEntry &e : board.map()) {
        devs.push_back(std::make_unique<DevTarget>(e.name, e.dev, timing));
        router.map(e.name, e.base, e.size, devs.back()->socket);
    }
#if DPRSIM_HAVE_PL
    if (attach_pl) {
        pl = std::make_unique<PlHost>("pl", board, timing);
        router.map("pl_gp0", kPlGp0Base, kPlGp0Size, pl->socket);
        board.set_pl(pl.get());
        board.set_pcap_sink(pl.get());
    }
#else
    (void)attach_pl;
#endif
}

} // namespace plat
