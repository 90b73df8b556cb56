/*
 * plat_sc.h - the SystemC/TLM-2.0 layer of the dprsim platform (kept thin).
 *
 *   CpuWrapper --(initiator)--> Router --> RamTarget  DDR, OCM   (DMI)
 *                                      \-> DevTarget  one per zynq_ps window
 *
 * - RAM is reached by DMI: at elaboration the CPU wrapper asks the router for
 *   DMI pointers to DDR and OCM and registers them with arm_cpu_add_ram(), so
 *   RAM accesses never leave the ISS.
 * - MMIO is blocking transport: the CPU's local time (kernel time + local
 *   offset) is the annotated delay on entry; the target advances its device
 *   to that time, performs the access and adds its latency.
 * - An address no target claims gets TLM_ADDRESS_ERROR_RESPONSE, a device's
 *   SLVERR gets TLM_GENERIC_ERROR_RESPONSE; the CPU wrapper turns both into
 *   an external abort (ARM_BUS_ERROR) and logs a guest error.
 * Time policy: plat_time.h.
 */
#ifndef PLAT_SC_H
#define PLAT_SC_H

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/simple_target_socket.h>

#include "arm/arm_cpu.h"
#include "plat_board.h"
#include "plat_events.h"
#include "plat_pl.h"
#include "plat_time.h"

extern "C" {
#include "armiss_semihost.h"
}

namespace plat {

/** Convert between the platform's ps and sc_time (resolution is 1 ps). */
inline sc_core::sc_time ps_to_sc(zynq_time_ps t) { return sc_core::sc_time::from_value(t); }
inline zynq_time_ps sc_to_ps(const sc_core::sc_time &t) { return t.value(); }

/** Host-memory RAM target with full DMI. */
class RamTarget : public sc_core::sc_module {
public:
    tlm_utils::simple_target_socket<RamTarget> socket;
    RamTarget(sc_core::sc_module_name n, uint8_t *host, uint32_t size);
private:
    void b_transport(tlm::tlm_generic_payload &p, sc_core::sc_time &delay);
    bool get_direct_mem_ptr(tlm::tlm_generic_payload &p, tlm::tlm_dmi &dmi);
    uint8_t *host_;
    uint32_t size_;
};

/** TLM target around one zynq_dev window (addresses are window offsets). */
class DevTarget : public sc_core::sc_module {
public:
    tlm_utils::simple_target_socket<DevTarget> socket;
    DevTarget(sc_core::sc_module_name n, zynq_dev *dev, const Timing &timing);
private:
    void b_transport(tlm::tlm_generic_payload &p, sc_core::sc_time &delay);
    zynq_dev *dev_;
    sc_core::sc_time latency_;
};

/** Address decoder: forwards with the window offset as address. */
class Router : public sc_core::sc_module {
public:
    tlm_utils::simple_target_socket<Router> target;
    explicit Router(sc_core::sc_module_name n);
    /** Map [base, base+size) to `sock`; call before elaboration ends. */
    void map(const std::string &name, uint32_t base, uint32_t size,
             tlm::tlm_target_socket<> &sock);
    uint64_t unmapped() const { return unmapped_; }
private:
    struct Win {
        std::string name;
        uint32_t base, size;
        std::unique_ptr<tlm_utils::simple_initiator_socket<Router>> sock;
    };
    Win *decode(uint64_t addr);
    void b_transport(tlm::tlm_generic_payload &p, sc_core::sc_time &delay);
    bool get_direct_mem_ptr(tlm::tlm_generic_payload &p, tlm::tlm_dmi &dmi);
    std::vector<Win> wins_;
    size_t last_ = 0;           /**< index of the last window decoded */
    uint64_t unmapped_ = 0;
};

/** How a run ended. */
enum class RunEnd {
    Running,
    SemihostExit,   /**< SYS_EXIT: the program's status */
    MaxTime,        /**< --max-time reached */
    Deadlock,       /**< WFI with no device event ahead: nothing can wake the CPU */
    Halt,           /**< ISS halt or breakpoint */
    Unsupported,    /**< unsupported semihosting call */
    WatchdogReset   /**< the private watchdog expired in watchdog mode */
};

/** Console sink shared by the UART TX and semihosting (stdout). */
class Console {
public:
    explicit Console(int fd) : fd_(fd) {}
    void put(uint8_t b);
    void flush();
private:
    int fd_;
    std::string buf_;
};

/** Run parameters of the CPU wrapper. */
struct CpuConfig {
    uint32_t entry = 0;             /**< bit 0 = Thumb */
    uint32_t r2 = 0;                /**< r2 at entry (boot-information block) */
    zynq_time_ps max_time = 0;      /**< 0 = no limit */
    armiss_sh_config sh{};          /**< semihosting configuration */
    /** The ISS's L1/L2/DDR cache timing model (arm_cpu_set_cache_model);
     *  the L2 joins when the firmware enables the PL310 (CONTROL bit 0). */
    bool caches = false;
};

/** The CPU: the ISS inside an SC_THREAD, a TLM-2.0 initiator. */
class CpuWrapper : public sc_core::sc_module {
public:
    tlm_utils::simple_initiator_socket<CpuWrapper> socket;
    SC_HAS_PROCESS(CpuWrapper);
    CpuWrapper(sc_core::sc_module_name n, Board &board, const Timing &timing,
               Console &console);
    /** Entry point, limits and semihosting; call before sc_start(). */
    void configure(const CpuConfig &cfg);
    ~CpuWrapper() override;

    arm_cpu *cpu() { return cpu_; }
    RunEnd end() const { return end_; }
    int exit_status() const { return exit_status_; }
    std::string end_message() const { return end_msg_; }
    zynq_time_ps now_ps() const;
    zynq_time_ps wfi_sleep_ps() const { return wfi_sleep_ps_; }
    uint64_t mmio_accesses() const { return mmio_; }
    uint64_t bus_errors() const { return bus_errors_; }
    uint64_t semihost_calls() const { return sh_.calls; }
    /**
     * Report every exception the CPU takes to `log` (src=cpu: kind, PC of
     * the instruction that caused it or the next one for IRQ/FIQ, the mode
     * it was taken from, the function from the ELF symbols); nullptr: none.
     */
    void set_events(EventLog *log);
    /** Called with every exception the CPU takes (time, kind, PC, CPSR before it); empty: none. */
    using ExceptionFn = std::function<void(zynq_time_ps, arm_exception, uint32_t, uint32_t)>;
    void set_exception_observer(ExceptionFn fn);

    /** A PC probe: the entry address of an ELF symbol (Thumb bit cleared). */
    struct Probe {
        uint32_t va;
        std::string symbol;
    };
    /**
     * Report the CPU side of the run to the board's observers
     * (Board::observers(), plat_observe.h): exceptions (with DFAR/DFSR or
     * IFAR/IFSR for aborts), CPSR.M changes, CONTEXTIDR writes, the probes
     * (entry of each symbol; at most ARM_MAX_PROBES, the rest are dropped
     * with a note on stderr), completed GP0 accesses (time after the RTL's
     * response), WFI sleep and, when an observer wants it, every
     * instruction (the ISS's trace path). Call before sc_start(), after the
     * observers were added. Observers only read.
     */
    void observe(const std::vector<Probe> &probes);
    /** The CPU state for an observer callback (pc: the instruction concerned). */
    CpuView view(uint32_t pc) const;

private:
    void end_of_elaboration() override;
    void thread();
    arm_bus_status access(bool write, uint32_t addr, unsigned size, uint32_t *value,
                          uint32_t *cycles);
    void finish(RunEnd e, const std::string &msg);
    static arm_bus_status bus_read(void *o, uint32_t a, unsigned s, uint32_t *v, uint32_t *c);
    static arm_bus_status bus_write(void *o, uint32_t a, unsigned s, uint32_t v, uint32_t *c);
    static arm_hook_result svc_hook(void *o, arm_cpu *cpu, uint32_t imm);
    static arm_hook_result exception_hook(void *o, arm_cpu *cpu, arm_exception exc, uint32_t pc);
    static arm_hook_result bkpt_hook(void *o, arm_cpu *cpu, uint32_t imm);
    static arm_hook_result probe_hook(void *o, arm_cpu *cpu, unsigned id, uint32_t pc);
    static void mode_hook(void *o, arm_cpu *cpu, unsigned old_mode, unsigned new_mode);
    static void context_hook(void *o, arm_cpu *cpu, uint32_t old_ctx, uint32_t new_ctx);
    static void trace_hook(void *o, arm_cpu *cpu, uint32_t pc, uint32_t insn, unsigned size,
                           int thumb);
    /** Semihosting call (SVC or BKPT form) from a privileged mode. */
    arm_hook_result semihost();
    void update_exception_hook();

    Board &board_;
    Timing timing_;
    CpuConfig cfg_;
    Console &console_;
    arm_cpu *cpu_ = nullptr;
    armiss_sh sh_{};
    // CPU local time = anchor_ps_ + cycles since anchor_cycles_ (plat_time.h).
    zynq_time_ps anchor_ps_ = 0;
    uint64_t anchor_cycles_ = 0;
    zynq_time_ps run_limit_ps_ = 0;   /**< end of the current arm_cpu_run budget */
    zynq_time_ps wfi_sleep_ps_ = 0;
    uint64_t mmio_ = 0, bus_errors_ = 0;
    bool l2_on_ = false;            /**< L2 state last given to the cache model */
    RunEnd end_ = RunEnd::Running;
    int exit_status_ = 0;
    std::string end_msg_;
    tlm::tlm_generic_payload gp_;
    EventLog *events_ = nullptr;
    ExceptionFn exc_fn_;
    ObserverSet *obs_ = nullptr;          /**< set by observe(); nullptr: nobody watches */
    std::vector<std::string> probe_names_;
};

/**
 * The whole platform: board, memories, devices, router, CPU and, when
 * `attach_pl` and the PL model is built (DPRSIM_HAVE_PL), the PL
 * co-simulation at M_AXI_GP0 (plat_pl.h).
 */
class Platform : public sc_core::sc_module {
public:
    Platform(sc_core::sc_module_name n, const Timing &timing, Board::LogFn log,
             Console &console, bool attach_pl = false);
    Board board;
    Router router;
    RamTarget ddr, ocm;
    std::vector<std::unique_ptr<DevTarget>> devs;
    CpuWrapper cpu;
    std::unique_ptr<PlHost> pl;   /**< nullptr: no PL attached */
};

} // namespace plat

#endif
