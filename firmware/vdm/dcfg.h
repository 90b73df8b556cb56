/*
 * dcfg.h - Zynq-7000 DevCfg / PCAP driver for partial reconfiguration.
 * Registers: UG585 Appendix B.16 (devcfg), summarised with sources in
 * ZYNQ_ARM_FACTS.md section 1; DevCfg at 0xF8007000, interrupt GIC ID 40.
 *
 * Sequence (partial reconfiguration, as the Linux Zynq FPGA manager and the
 * Xilinx standalone driver do it, ZYNQ_ARM_FACTS 1.3): UNLOCK with
 * 0x757BDF0D; CTRL.PCAP_PR and CTRL.PCAP_MODE set, QUARTER_PCAP_RATE_EN
 * clear; MCTRL.INT_PCAP_LPBK clear; per transfer: clear INT_STS (W1C),
 * DMA_SRC_ADDR = bitstream (64-bit aligned), DMA_DST_ADDR = 0xFFFFFFFF (no
 * AXI destination), DMA_SRC_LEN = words, DMA_DEST_LEN = 0 (this write queues
 * the command). The driver returns at once: completion is the D_P_DONE
 * interrupt (INT_STS bit 12) on GIC 40, never a polling loop.
 */
#ifndef DCFG_H
#define DCFG_H

#include <stdint.h>

#include "dcfg_regs.h"   /* the register map (DCFG_*) */

/* Error returns of dcfg_pcap_start(). */
enum dcfg_status {
    DCFG_OK = 0,
    DCFG_EBUSY = -1,     /* a transfer is still running (or the queue is full) */
    DCFG_EALIGN = -2,    /* source not 64-bit aligned or length not words */
    DCFG_ENOTREADY = -3, /* STATUS.PCFG_INIT = 0: the PL is not ready for data */
};

typedef struct dcfg {
    uintptr_t base;
    uint32_t busy;        /* 1 from a launch to its D_P_DONE or error interrupt */
    uint32_t src, bytes;  /* the transfer in flight */
    uint32_t transfers;   /* completed */
    uint32_t errors;      /* error interrupts seen */
    uint32_t last_int;    /* INT_STS bits handled by the last dcfg_irq() */
} dcfg;

/* Set up the DevCfg at base for PCAP writes (sequence above) and unmask
 * D_P_DONE and the error causes (INT_MASK), everything cleared. */
void dcfg_init(dcfg *d, uintptr_t base);
/* Launch a PCAP write of bytes at physical address src; returns DCFG_OK at
 * once (the transfer runs by DMA) or an error and changes nothing. */
int dcfg_pcap_start(dcfg *d, uint32_t src, uint32_t bytes);
/* Interrupt 40 service: reads INT_STS, acknowledges (W1C) the D_P_DONE,
 * DMA_DONE and error bits, ends the transfer on D_P_DONE or an error and
 * returns the bits found (also in d->last_int). */
uint32_t dcfg_irq(dcfg *d);

#endif
