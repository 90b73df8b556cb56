/*
 * pl_mon.h - driver of the PRR Monitor (rtl/prr_monitor.v), the Ker-ONE
 * hardware allocation manager behind M_AXI_GP0. Register offsets and fields
 * come from the generated dprsim_pl_regs.h (PL_MON_*, docs/pl-registers.md).
 *
 * Requests are numbered as the Monitor numbers them: vm = VM slot (index in
 * the boot-information block, 0..NUM_VMS-1), dev = device slot
 * (0..NUM_VDEVS-1); IF index = vm * NUM_VDEVS + dev.
 */
#ifndef PL_MON_H
#define PL_MON_H

#include <stdint.h>

/* Decoded SEARCH_RESULT / NEW_SOLUTION. */
typedef struct plmon_solution {
    uint8_t method;    /* PL_MON_METHOD_NONE / ASSIGN / PREEMPT / UNAVAILABLE */
    uint8_t prr;       /* chosen PRR (0xFF for UNAVAILABLE / NONE) */
    uint8_t reconfig;  /* 1: the PRR does not hold the needed module */
    uint8_t module;    /* module the request needs (SEARCH_RESULT only) */
    uint8_t vm, dev;   /* the request (NEW_SOLUTION only) */
} plmon_solution;

/* One Monitor instance: base = address of its register block. */
typedef struct plmon {
    uintptr_t base;
    uint8_t num_prrs, num_vdevs, num_vms;
} plmon;

/* Bind to the Monitor of the PL whose GP0 window starts at gp0_base
 * (0x40000000 on the Zynq); reads CONFIG. Returns 0, or -1 when the ID
 * register does not read 'PRMN'. */
int plmon_init(plmon *m, uintptr_t gp0_base);

/* Set the module that implements virtual device dev (DEV_MODULE[dev]). */
void plmon_set_dev_module(plmon *m, unsigned dev, unsigned module);
unsigned plmon_dev_module(const plmon *m, unsigned dev);

/* SEARCH_CMD for Request(vm, dev, prio), then read SEARCH_RESULT until VALID
 * (the search takes NUM_PRRS + 2 PL cycles: a handful of reads). A result
 * that never becomes valid is reported as method NONE. Returns the raw
 * SEARCH_RESULT and fills *s. */
uint32_t plmon_search(plmon *m, unsigned vm, unsigned dev, unsigned prio, plmon_solution *s);

/* CONNECT IF (vm, dev) to prr with owner priority prio (clears HOLD, ends
 * STOPPING, removes the IF's request from the search list). */
void plmon_connect(plmon *m, unsigned prr, unsigned vm, unsigned dev, unsigned prio);
/* DISCONNECT prr from its IF (also ends STOPPING). */
void plmon_disconnect(plmon *m, unsigned prr);
/* RCFG_SET: prr is being reconfigured (excluded from searches until cfg_port
 * reports a load or an error for it). */
void plmon_rcfg_set(plmon *m, unsigned prr);
/* HOLD_SET: reserve (hold = 1) or release (0) prr. */
void plmon_hold_set(plmon *m, unsigned prr, unsigned hold);
/* STOP_CMD: stop prr's job at the end of its current frame (preemption);
 * STOP_INT bit prr rises when it has stopped. */
void plmon_stop(plmon *m, unsigned prr);
/* STOP_INT (bit n: PRR n stopped) and its write-1-to-clear. */
uint32_t plmon_stop_int(const plmon *m);
void plmon_stop_int_clear(plmon *m, uint32_t bits);
/* If NEW_SOLUTION_INT is set: read NEW_SOLUTION into *s, acknowledge it
 * (which allows the next re-search of the list) and return 1; else 0. */
int plmon_new_solution(plmon *m, plmon_solution *s);
/* IRQ_EN: bit 0 NEW_SOLUTION (IRQ 61), bit 1 STOP (IRQ 62). */
void plmon_irq_enable(plmon *m, uint32_t bits);
/* LIST_CANCEL: drop the request of IF (vm, dev) from the search list. */
void plmon_list_cancel(plmon *m, unsigned vm, unsigned dev);
/* LIST_PENDING: bit i = request of IF i is in the search list. */
uint32_t plmon_list_pending(const plmon *m);
/* IF_CONN of IF (vm, dev): the connected PRR, or -1 when unconnected. */
int plmon_if_prr(const plmon *m, unsigned vm, unsigned dev);
/* PRR_INFO[prr] (owner VM/DEV/PRIO, CONNECTED, HOLD, STATE, MODULE_VALID). */
uint32_t plmon_prr_info(const plmon *m, unsigned prr);
/* PRR_MODULE[prr]: [7:0] module, [8] valid, [31:16] compatible kinds. */
uint32_t plmon_prr_module(const plmon *m, unsigned prr);
/* PL cycles of the last command search (SEARCH_LATENCY). */
uint32_t plmon_search_latency(const plmon *m);

#endif
