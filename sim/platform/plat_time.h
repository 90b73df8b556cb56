/*
 * plat_time.h - every timing parameter of the dprsim platform, in one place.
 *
 * Time in the platform is an absolute picosecond count (zynq_time_ps, the
 * same unit the SystemC kernel runs at: sc_set_time_resolution(1, SC_PS)).
 * The CPU runs ahead of the SystemC kernel inside a quantum (TLM-2.0 loosely
 * timed style) and synchronises with the kernel (wait) at quantum ends.
 *
 * Which events happen only at boundaries:
 *  - Device interrupts are NOT delayed to quantum boundaries: the CPU's run
 *    budget always ends at the earliest device next_event(), and an MMIO
 *    access that moves a device's next event earlier stops the run after the
 *    accessing instruction. An interrupt therefore reaches the CPU at the
 *    first instruction boundary at or after the cycle it is raised.
 *  - The quantum only bounds how far the CPU runs ahead of the SystemC
 *    kernel (relevant once other SystemC processes, e.g. the PL, exist).
 *  - WFI: the CPU sleeps until the earliest device next_event() (fast
 *    forward); its cycle counter does not advance while it sleeps.
 */
#ifndef PLAT_TIME_H
#define PLAT_TIME_H

#include <cstdint>

#include "zynq_dev.h"

namespace plat {

/** Timing configuration of one platform instance (scenario parameters). */
struct Timing {
    /** CPU clock (CPU_6x4x), Hz. DESIGN.md: 666.67 MHz (ZYNQ_CPU_HZ). */
    uint64_t cpu_hz = ZYNQ_CPU_HZ;
    /** PL clock FCLK0, Hz (DESIGN.md: 100 MHz); used by the PL once attached. */
    uint64_t fclk0_hz = 100000000ULL;
    /**
     * The PL quantum (`--pl-quantum`, scenario sync.pl_quantum_cycles;
     * plat_pl.h): while the PL is active, the running CPU goes at most this
     * many PL cycles ahead of it. 1 (default) is exact: the CPU's budget
     * ends at every PL cycle boundary, so a PL interrupt reaches it at the
     * first instruction boundary at or after the cycle the line changes,
     * and CPU and PL memory accesses interleave in time order to the PL
     * cycle. A quantum of N lets an interrupt be up to N - 1 PL cycles late
     * and memory accesses up to N cycles out of order (the report states
     * both bounds and the largest delay measured) for fewer CPU/PL
     * switches. GP0 accesses and PCAP words are exact at any quantum.
     */
    uint32_t pl_batch_cycles = 1;
    /**
     * PL cycles without any stimulus or activity after which the PL is idle
     * and its cycles are skipped: longer than the longest stretch the RTL
     * works without a visible sign (a whole IFFT8192 frame is 24,619
     * cycles, rtl/README.md). While a bitstream may be open in cfg_port (the
     * last PCAP word was not DESYNC) the window is at least cfg_port's
     * TIMEOUT + 64 cycles, so that TRUNCATED is still detected (plat_pl.h).
     */
    uint64_t pl_idle_cycles = 32768;
    /** PCAP throughput of the DevCfg, bytes/s (default: the paper's 130 MB/s). */
    uint64_t pcap_rate_bytes_per_s = 130000000ULL;
    /** Longest time the CPU runs ahead of the SystemC kernel, ps (10 us). */
    zynq_time_ps quantum_ps = 10000000ULL;
    /**
     * Extra CPU cycles one MMIO access to a PS device costs, returned as the
     * TLM annotated delay. 0: no source gives the A9 -> APB/AXI interconnect
     * latency for these devices, so none is modelled (a parameter, not a
     * measured figure).
     */
    uint32_t mmio_cycles = 0;
    /** UART TX takes its character time at the programmed baud rate. */
    bool uart_timed = true;
};

} // namespace plat

#endif
