/*
 * plat_alloc.h - the allocation-latency analyzer (Ker-ONE Table 1),
 * measured without touching the firmware (plat_observe.h).
 *
 * An allocation window (PLAN.md "Platform measurement"):
 *   start  a data abort taken from USR mode with a permission fault
 *          (DFSR.FS = 0b01101 section / 0b01111 page, ARM ARM B4.1.52) and
 *          DFAR in the virtual-device pages 0x70000000..0x70007FFF
 *          (hv_abi.h HV_VDEV_VA_BASE, device = (DFAR - base) / 0x1000);
 *   end    the first GP0 write to an IF window (0x40100000..0x401FFFFF)
 *          from USR mode with the same ASID (the re-executed store reaching
 *          the now connected IF).
 * Method: the first SEARCH_RESULT the VDM (ASID 0) reads with VALID set
 * after its SEARCH_CMD write for this (VM slot, device) (dprsim_pl_regs.h):
 * ASSIGN / PREEMPT, each with or without RECONFIG -> assign,
 * assign_reconfig, preempt, preempt_reconfig; UNAVAILABLE -> unavailable
 * (not a Table 1 method: only its total is reported).
 * Waits (excluded from the overhead):
 *   T_RCFG     DevCfg DMA command queued with a source inside a bitstream of
 *              the store -> that command's PCAP side done (D_P_DONE);
 *   T_preempt  the VDM's STOP_CMD write on GP0 -> IRQ_F2P[1] (Monitor
 *              STOP_INT) rising.
 * Breakdown boundaries (each the first after the previous one):
 *   abort -> entry of hv_ipc_send (probe)            page_fault
 *   -> entry of hv_schedule (probe)                  ipc
 *   -> first USR instruction in the VDM's ASID       vm_scheduling
 *   -> exception entry of the VDM's last hypercall
 *      before the guest runs again in USR mode       vdm (minus monitor_search)
 *   -> the window's end (guest back in USR mode and
 *      its store reaching the IF)                    vm_scheduling (added)
 *   SEARCH_CMD write -> first valid SEARCH_RESULT read: monitor_search.
 * Each phase is its interval minus the waits inside it, so the five phases
 * add up to the overhead exactly, and overhead + waits = total. A window
 * that lacks a boundary (probe symbol missing, ...) gives total and
 * overhead but no breakdown sample.
 *
 * Metrics (microseconds, one sample per window): alloc.<method>.total_us,
 * alloc.<method>.overhead_us, alloc.<method>.breakdown.<phase>_us,
 * t_rcfg_us, t_preempt_us; the report section "Where the time goes"; Gantt
 * markers on the VM's row (fault, connected) and the VDM's row (search,
 * stop, PCAP).
 *
 * Several windows may be open at once (one per ASID); events of the VDM are
 * given to the oldest open window that is waiting for them, except its
 * hypercalls, which belong to the window it was dispatched for last.
 * T_RCFG / T_preempt samples come from every window with such a wait,
 * UNAVAILABLE ones included (a later solution may reconfigure).
 */
#ifndef PLAT_ALLOC_H
#define PLAT_ALLOC_H

#include <string>
#include <vector>

#include "plat_analyzers.h"

namespace plat {

class AllocAnalyzer : public Observer {
public:
    AllocAnalyzer(const AnalyzerConfig &cfg, Metrics *metrics, Gantt *gantt);

    std::vector<std::string> probe_symbols() const override;
    void on_exception(zynq_time_ps t, const CpuView &from, unsigned exc, uint32_t far,
                      uint32_t fsr) override;
    void on_mode_change(zynq_time_ps t, const CpuView &now, unsigned old_mode) override;
    void on_probe(zynq_time_ps t, const CpuView &now, const std::string &symbol) override;
    void on_gp0(zynq_time_ps t, const CpuView &by, bool write, uint32_t addr, uint32_t data) override;
    void on_devcfg_dma(zynq_time_ps t, uint32_t src, uint32_t bytes) override;
    void on_devcfg_done(zynq_time_ps t, bool pcfg_done, uint32_t int_sts) override;
    void on_irq_f2p(zynq_time_ps t, uint32_t levels, uint64_t pl_cycle) override;
    void finish(zynq_time_ps end) override;

    /** One measured allocation (for tests and the report). */
    struct Window {
        unsigned asid = 0, slot = 0, dev = 0;
        std::string method;          /**< "" when no search result was seen */
        zynq_time_ps t_abort = 0, t_end = 0;
        zynq_time_ps t_ipc = 0, t_sched = 0, t_vdm = 0, t_last_hc = 0, t_guest = 0;
        zynq_time_ps t_sreq = 0, t_sdone = 0;
        zynq_time_ps t_stop = 0, t_stopped = 0, t_dma0 = 0, t_dma1 = 0;
        bool has_ipc = false, has_sched = false, has_vdm = false, has_last_hc = false,
             has_guest = false, has_search = false, has_result = false, has_stop = false,
             has_stopped = false, has_dma = false, has_dma_done = false, closed = false;
        uint32_t result = 0;         /**< SEARCH_RESULT value read */
        // results (ps)
        zynq_time_ps total = 0, rcfg = 0, preempt = 0, overhead = 0;
        bool breakdown = false;
        zynq_time_ps page_fault = 0, ipc = 0, vm_scheduling = 0, vdm = 0, monitor_search = 0;
    };
    const std::vector<Window> &windows() const { return done_; }

private:
    enum class K { Abort, Ipc, Sched, UsrEnter, VdmSvc, Gp0, DmaStart, DmaDone, Irq };
    struct Ev {
        zynq_time_ps t;
        K k;
        unsigned asid, mode;
        bool write;
        uint32_t a, b;
    };
    void process(const Ev &e);
    void close(Window &w);
    bool in_store(uint32_t addr) const;
    unsigned slot_of(unsigned asid) const;
    std::string row_of(unsigned asid) const;

    AnalyzerConfig cfg_;
    Metrics *metrics_;
    Gantt *gantt_;
    std::vector<Ev> ev_;
    std::vector<Window> open_, done_;
    uint32_t irq_ = 0;
};

} // namespace plat
#endif
