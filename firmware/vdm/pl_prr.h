/*
 * pl_prr.h - drivers of the PRR controller groups (rtl/prr_ctrl.v, Mini-NOVA
 * Table 1 registers + job/DMA registers), the configuration port status
 * block (rtl/cfg_port.v) and the stream crossbar (rtl/stream_xbar.v).
 * Offsets and fields: dprsim_pl_regs.h (PL_PRR_*, PL_CFG_*, PL_XBAR_*).
 *
 * A job is FRAMES frames; its registers (SRC_ADDR, DST_ADDR, FRAMES,
 * FRAME_LEN, PROGRESS, STREAM) are writable only while no job is active. A
 * Monitor stop (STOP_CMD) suspends the job at a frame boundary with PROGRESS
 * kept (PROC_STATUS.SUSPENDED); the VDM saves it with plprr_job_save() and
 * later restores it on any PRR holding the same module with
 * plprr_job_restore() (FRAMES first, which clears PROGRESS, then PROGRESS),
 * so that START resumes at the first frame not yet done (rtl/README.md,
 * "PRR controller").
 */
#ifndef PL_PRR_H
#define PL_PRR_H

#include <stdint.h>

/* Saved job context of one device (what a preemption must carry over). */
typedef struct plprr_job {
    uint32_t src, dst, frames, frame_len, progress, stream;
    uint32_t int_enable;   /* INT_STATUS.ENABLE bits */
    uint32_t gpr[8];
    uint32_t suspended;    /* 1: the job was running and must be resumed (START) */
} plprr_job;

/* Address of PRR prr's register group in the GP0 window at gp0_base. */
uintptr_t plprr_base(uintptr_t gp0_base, unsigned prr);

uint32_t plprr_read(uintptr_t gp0_base, unsigned prr, uint32_t off);
void plprr_write(uintptr_t gp0_base, unsigned prr, uint32_t off, uint32_t v);

/* PROC_STATUS commands: START (resume at PROGRESS), PAUSE on/off, INT_OVER
 * (interrupt handling over: clears every INT_STATUS.STATUS bit). */
void plprr_start(uintptr_t gp0_base, unsigned prr);
void plprr_pause(uintptr_t gp0_base, unsigned prr, int pause);
void plprr_int_over(uintptr_t gp0_base, unsigned prr);
/* 1 while a job is active on prr (PROC_STATUS.START reads 1). */
int plprr_job_active(uintptr_t gp0_base, unsigned prr);

/* Save prr's job registers (call when no job is active: after a stop). */
void plprr_job_save(uintptr_t gp0_base, unsigned prr, plprr_job *j);
/* Restore j into prr (no job may be active there) and START it when it
 * was suspended. Pending interrupt status is cleared first. */
void plprr_job_restore(uintptr_t gp0_base, unsigned prr, const plprr_job *j);
/* Give prr a clean job context for a new owner: discards a suspended job
 * (FRAMES = 0), zero addresses, GPRs and stream routing, frame length at its
 * reset value, interrupts disabled and cleared. No job may be active. */
void plprr_job_clear(uintptr_t gp0_base, unsigned prr);

/* DMA window of the PRR (DMA_BASE/DMA_LIMIT): its DMA engines may only access
 * [base, base + size); a frame outside ends the job with ERROR. size 0 gives
 * an empty window. Set to the owner VM's memory at every new connection. */
void plprr_set_window(uintptr_t gp0_base, unsigned prr, uint32_t base, uint32_t size);

/* ---- configuration port status (cfg_port) ---- */
/* INT_STATUS bits (docs/pl-registers.md: [0] DONE, [1] ERROR). */
#define PLCFG_INT_DONE   (1u << 0)
#define PLCFG_INT_ERROR  (1u << 1)

/* Result of the last bitstream as cfg_port reports it. */
typedef struct plcfg_event {
    uint32_t int_status;   /* PLCFG_INT_* bits that were pending (now cleared) */
    uint8_t prr;           /* DONE: STATUS.PRR; ERROR: ERROR.PRR (0xFF: unknown) */
    uint8_t module;        /* STATUS.MODULE */
    uint8_t code;          /* ERROR.CODE (PL_CFG_ERR_*) */
} plcfg_event;

/* Read and acknowledge cfg_port's INT_STATUS; fills *e. Returns the bits. */
uint32_t plcfg_take_event(uintptr_t gp0_base, plcfg_event *e);
/* INT_ENABLE: which of DONE / ERROR raise the cfg_port interrupt (GIC 63). */
void plcfg_int_enable(uintptr_t gp0_base, uint32_t bits);
/* Counters LOADS / ERRORS since reset. */
uint32_t plcfg_loads(uintptr_t gp0_base);
uint32_t plcfg_errors(uintptr_t gp0_base);

/* ---- stream crossbar (QAM PRR0/1 -> IFFT PRR2/3) ---- */
uint32_t plxbar_get(uintptr_t gp0_base);
void plxbar_set(uintptr_t gp0_base, uint32_t cfg);
/* The crossbar configuration after the stream source moves from QAM PRR
 * old_q to new_q (0 or 1): every enabled output fed by old_q now takes new_q. */
uint32_t plxbar_move_source(uint32_t cfg, unsigned old_q, unsigned new_q);
/* ... after the IFFT consumer moves from PRR old_i to new_i (2 or 3): the
 * output feeding old_i is disabled, the one feeding new_i takes its source. */
uint32_t plxbar_move_sink(uint32_t cfg, unsigned old_i, unsigned new_i);
/* ... with the input of IFFT PRR ifft (2 or 3) fed by QAM PRR src (0 or 1),
 * or not fed (output disabled) when src < 0. */
uint32_t plxbar_route(uint32_t cfg, unsigned ifft, int src);
/* Words waiting in the FIFO after QAM PRR q (0 or 1). */
uint32_t plxbar_fifo_level(uintptr_t gp0_base, unsigned q);

#endif
