/*
 * vdm.h - the Virtual Device Manager (VDM): the allocation service of the
 * dprsim hypervisor (DESIGN.md, "Data flow of one allocation").
 *
 * The VDM is an event-driven state machine. vdm_handle() takes one kernel
 * message (hv_abi.h enum hv_vdm_msg) and returns as soon as the work it can
 * do now is done; anything that waits for the hardware (a PRR stopping at a
 * frame boundary, a PCAP transfer) leaves an operation parked on its PRR and
 * continues on the interrupt message that completes it:
 *
 *   REQUEST(vm, dev, prio) -> Monitor search:
 *     ASSIGN        -> [restore/clear job] CONNECT, MAP_IF rw, ROUTE_IRQ,
 *                      NOTIFY READY, RESUME
 *     ASSIGN+Rcfg   -> RCFG_SET, PCAP launch ......(IRQ 40 / 63)...... -> as ASSIGN
 *     PREEMPT       -> STOP_CMD ...(IRQ 62)... save victim's job, DISCONNECT,
 *                      MAP_IF ro + NOTIFY PREEMPTED to the victim -> as ASSIGN (+Rcfg)
 *     UNAVAILABLE   -> NOTIFY WAIT; the Monitor's search list later gives a
 *                      NEW_SOLUTION (IRQ 61) handled as the cases above
 *   RELEASE(vm, dev) -> cancel a listed request; stop the PRR's job at a frame
 *                      boundary if one runs, clear it, DISCONNECT, MAP_IF ro
 *   MODE(vm, dev, module) -> Mini-NOVA multi-path switch: load the module
 *                      into the idle partner PRR (QAM 0/1, IFFT 2/3) while the
 *                      current one keeps working, stop the current one at a
 *                      frame boundary, move the job and the IF (and the
 *                      crossbar route) to the partner, NOTIFY READY; without
 *                      a free partner the current PRR is reconfigured in place
 *   IRQ(40 DevCfg, 61 new solution, 62 stop, 63 cfg_port, 65.. PRR)
 *
 * OFDM stream (Mini-NOVA Fig. 4): a VM whose devices include a QAM and an
 * IFFT device is a pipeline. Its IFFT PRR (2/3) gets STREAM.IN_XBAR at the
 * grant (input from the crossbar); its QAM PRR (0/1) gets STREAM.OUT_XBAR
 * when granted while the VM's IFFT device is connected (so: connect the
 * IFFT first), and the crossbar routes that QAM PRR's FIFO to that IFFT PRR.
 * A mode switch carries STREAM with the job and moves the crossbar route;
 * a QAM switch waits until the old PRR's FIFO is empty before the crossbar
 * takes the new PRR's FIFO, so the symbol stream keeps its order.
 *
 * A SimB error fails the request: the VM gets NOTIFY WAIT, the error is
 * printed, the PRR stays decoupled (cfg_port marks its module invalid).
 */
#ifndef VDM_H
#define VDM_H

#include <stdint.h>

#include "dprsim_bootinfo.h"
#include "hwtm.h"
#include "pl_prr.h"
#include "vdm_sys.h"

#define VDM_MAX_VMS  4u
#define VDM_MAX_DEVS 8u
#define VDM_MAX_PRRS 16u
#define VDM_NONE     0xFFu

enum vdm_op_kind { VDM_OP_NONE = 0, VDM_OP_ALLOC, VDM_OP_MODE, VDM_OP_RELEASE };
enum vdm_phase {
    VDM_PH_IDLE = 0,
    VDM_PH_STOP,       /* waiting for STOP_INT of the op's PRR (preempt / release) */
    VDM_PH_PCAP_WAIT,  /* bitstream queued behind another PCAP transfer */
    VDM_PH_LOAD,       /* PCAP running: waiting for the cfg_port result */
    VDM_PH_SWITCH,     /* mode switch: waiting for the old PRR to stop */
};

/* Work parked on a PRR (ops[] is indexed by the PRR being allocated). */
typedef struct vdm_op {
    uint8_t kind, phase;
    uint8_t slot, dev, prio, module;
    uint8_t reconfig, cancelled, in_place;
    uint8_t victim_slot, victim_dev;   /* preempted owner, VDM_NONE when none */
    uint8_t old_prr, old_module;       /* mode switch: where the device was */
    int16_t bit_id;                    /* bit descriptor being loaded */
} vdm_op;

/* Per (VM slot, device slot). */
typedef struct vdm_if {
    uint8_t module;   /* module id implementing the device now */
    uint8_t state;    /* enum hv_dev_state last notified */
    uint8_t prio;     /* priority of its last request */
    uint8_t busy;     /* an operation for this IF is in flight */
    uint8_t saved;    /* job saved at a preemption, restored at the next grant */
    uint8_t blocked;  /* a REQUEST came while busy: RESUME the VM when done */
    plprr_job job;
} vdm_if;

typedef struct vdm_stats {
    uint32_t requests, assigns, preempts, unavailable, reconfigs, reconfig_errors;
    uint32_t releases, mode_requests, mode_switches, mode_in_place, solutions, stops;
} vdm_stats;

typedef struct vdm {
    hwtm tm;
    uint32_t nvms;
    uint8_t vm_prio[VDM_MAX_VMS];
    uint32_t vm_mem_base[VDM_MAX_VMS]; /* the VM's physical memory: its devices' DMA window */
    uint32_t vm_mem_size[VDM_MAX_VMS];
    uint8_t ndevs[VDM_MAX_VMS];
    uint8_t pipeline[VDM_MAX_VMS];     /* VM has a QAM and an IFFT device: OFDM stream */
    vdm_if ifs[VDM_MAX_VMS][VDM_MAX_DEVS];
    vdm_op ops[VDM_MAX_PRRS];
    uint8_t devmod[VDM_MAX_DEVS];      /* DEV_MODULE as last written */
    uint8_t prr_clean[VDM_MAX_PRRS];   /* 1: job context cleared since its last owner */
    uint8_t route_slot[VDM_MAX_PRRS];  /* HC_VDM_ROUTE_IRQ as last set (VDM_SYS_TO_VDM) */
    uint8_t route_dev[VDM_MAX_PRRS];
    uint8_t pcap_q[VDM_MAX_PRRS];      /* PRRs waiting for the PCAP, FIFO */
    uint32_t pq_head, pq_count;
    int pcap_prr;                      /* PRR whose bitstream is in flight, -1 */
    uint32_t cfg_int_en;               /* cfg_port INT_ENABLE as last written */
    int debug;                         /* 1: one console line per decision */
    uint32_t last_cfg_error;           /* cfg_port ERROR of the last failed load */
    uint32_t last_switch_frame;        /* PROGRESS carried over by the last mode switch */
    uint32_t last_drain_reads;         /* FIFO_LEVEL reads before a QAM stream switch */
    vdm_stats st;
} vdm;

/* Set up from the boot-information block: DevCfg (devcfg_base), Monitor and
 * PRR groups (gp0_base), bit descriptors, DEV_MODULE for every device,
 * Monitor interrupts enabled. Returns 0, or < 0 (message printed) when the
 * PL or the block is not usable. */
int vdm_init(vdm *v, const dprsim_bi_header *bi, uintptr_t gp0_base, uintptr_t devcfg_base);
/* Handle one kernel message. */
void vdm_handle(vdm *v, const vdm_msg *m);
/* The VDM EC's main: vdm_init at the platform addresses, then
 * HC_VDM_RECV / vdm_handle forever. */
void vdm_start(const dprsim_bi_header *bi) __attribute__((noreturn));

/* One console line (vdm_sys_console, newline added) formatted with %s, %u,
 * %d, %x and a zero-padded width (%08x). Arguments are 32-bit: unsigned,
 * int or uint32_t alike (no printf format attribute, since uint32_t is
 * `long` on arm-none-eabi). */
void vdm_printf(const char *fmt, ...);

#endif
