/*
 * plat_ofdm.h - the Mini-NOVA OFDM use-case analyzer, the EC timeline and
 * the firmware metric lines (plat_observe.h Observers; plat_analyzers.h).
 *
 * OfdmAnalyzer (PLAN.md "OFDM metrics"; all in milliseconds, one sample each):
 *   ofdm.hw_manager_ms      one activation of the VDM EC (ASID 0): its first
 *                           USR instruction after another EC ran -> its last
 *                           exit from USR mode before another EC runs in USR
 *                           mode, minus WFI sleep inside
 *   ofdm.ec_switch_ms       exception entry from USR mode in ASID a -> the
 *                           next return to USR mode in ASID b != a, minus WFI
 *                           sleep inside (the CPU idling is not switch cost)
 *   ofdm.qam_reconfig_ms    DevCfg DMA command queued with a source inside a
 *   ofdm.ifft_reconfig_ms   QAM / IFFT SimB of the bitstream store -> its
 *                           PCAP side done (D_P_DONE)
 *   ofdm.qam_frame_ms.<order>    (4, 16, 64) frame time of a PRR holding that
 *   ofdm.ifft_frame_ms.<points>  module: frame start -> PROGRESS step; the
 *                           interval between completions when frames run
 *                           back to back
 *   ofdm.pr_response_ms     HC_DEV_MODE hypercall (SVC from USR mode, r0 =
 *                           13, r2 = module, hv_abi.h) -> the PCAP DMA
 *                           start of a bitstream of that module (else of
 *                           the next bitstream, for the oldest request)
 *   ofdm.pipeline_suspension_ms  PCAP done -> the first frame started by
 *                           the PRR that bitstream was for (the new path)
 * Nothing is reported for what did not happen (no frames: no frame metric),
 * and no ofdm.* metric at all for a run without an HC_DEV_MODE request or
 * an IFFT frame (not the OFDM use case, e.g. Table 1).
 * Gantt: PRR rows ("PRR<n>": "hw" spans per frame labelled with the module,
 * "reconfig" spans while cfg_port loads a SimB into it), the "PCAP" row
 * (DMA command spans), Fig. 5 markers: "request" (HC_DEV_MODE, on the
 * caller's row), "PCAP start", "PCAP done", "path switch" (first frame of
 * the new module).
 *
 * EcTimeline: gantt rows per execution context: one row per ASID seen in
 * USR mode ("run" spans; ec_row_name), and "kernel" ("kernel" spans: the
 * CPU in a privileged mode and not sleeping in WFI).
 *
 * MetricLines: a UART1 line containing "dprsim-metric NAME VALUE"
 * (hv_abi.h HV_METRIC_PREFIX; anything before the prefix, such as a console
 * prefix "[vm1] ", is ignored) adds VALUE as a sample of metric NAME. A
 * malformed line is ignored (noted once on stderr).
 */
#ifndef PLAT_OFDM_H
#define PLAT_OFDM_H

#include <string>
#include <vector>

#include "plat_analyzers.h"

namespace plat {

/** Gantt row of an EC: "VDM" for ASID 0, the VM's scenario name (or "vm<id>"). */
std::string ec_row_name(const AnalyzerConfig &cfg, unsigned asid);
/** "QAM16", "IFFT2048", ... for a module id (rtl/README.md), else "module 0x.." */
std::string module_name(unsigned module);

class OfdmAnalyzer : public Observer {
public:
    OfdmAnalyzer(const AnalyzerConfig &cfg, Metrics *metrics, Gantt *gantt);

    void on_exception(zynq_time_ps t, const CpuView &from, unsigned exc, uint32_t far,
                      uint32_t fsr) override;
    void on_mode_change(zynq_time_ps t, const CpuView &now, unsigned old_mode) override;
    void on_wfi(zynq_time_ps t, bool sleeping) override;
    void on_devcfg_dma(zynq_time_ps t, uint32_t src, uint32_t bytes) override;
    void on_devcfg_done(zynq_time_ps t, bool pcfg_done, uint32_t int_sts) override;
    void on_cfg_stream(zynq_time_ps t, bool start, unsigned prr, unsigned module, unsigned status,
                       uint64_t pl_cycle) override;
    void on_prr_frame(zynq_time_ps t, unsigned prr, uint32_t progress, uint64_t pl_cycle) override;
    void on_prr_frame_start(zynq_time_ps t, unsigned prr, unsigned module, uint64_t pl_cycle) override;
    void finish(zynq_time_ps end) override;

private:
    enum class K { UsrIn, UsrOut, WfiOn, WfiOff, DevMode, DmaStart, DmaDone, CfgStart, CfgEnd,
                   FrameStart, FrameEnd };
    struct Ev {
        zynq_time_ps t;
        K k;
        unsigned a, b;
        uint32_t c;
    };
    const AnalyzerConfig::Bitstream *bitstream_at(uint32_t addr) const;
    AnalyzerConfig cfg_;
    Metrics *metrics_;
    Gantt *gantt_;
    std::vector<Ev> ev_;
};

class EcTimeline : public Observer {
public:
    EcTimeline(const AnalyzerConfig &cfg, Gantt *gantt) : cfg_(cfg), gantt_(gantt) {}
    void on_mode_change(zynq_time_ps t, const CpuView &now, unsigned old_mode) override;
    void on_wfi(zynq_time_ps t, bool sleeping) override;
    void finish(zynq_time_ps end) override;

private:
    struct Ev {
        zynq_time_ps t;
        int kind;        // 0 mode change, 1 WFI on, 2 WFI off
        unsigned mode, asid;
    };
    AnalyzerConfig cfg_;
    Gantt *gantt_;
    std::vector<Ev> ev_;
};

class MetricLines : public Observer {
public:
    explicit MetricLines(Metrics *metrics) : metrics_(metrics) {}
    void on_uart_line(zynq_time_ps t, const std::string &line) override;
    size_t accepted() const { return accepted_; }

private:
    Metrics *metrics_;
    size_t accepted_ = 0;
    bool warned_ = false;
};

} // namespace plat
#endif
