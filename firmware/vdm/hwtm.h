/*
 * hwtm.h - HW task manager API (Mini-NOVA, Table 4) over the PRR Monitor,
 * the PRR controller groups and the DevCfg/PCAP, as the layer under the VDM.
 *
 *   Mini-NOVA name              here
 *   XDcfg_Initialize()          hwtm_xdcfg_initialize()   DevCfg for PCAP writes
 *   Init()                      hwtm_init()               AXI4-Lite master side: Monitor,
 *                                                          PRR groups, bit descriptor table
 *   fpga_start/pause()          hwtm_fpga_start/pause()   PROC_STATUS START / PAUSE of a PRR
 *   fpga_interrupt_done()       hwtm_fpga_interrupt_done()  PROC_STATUS INT_OVER
 *   check_current_prr(HW_id)    hwtm_check_current_prr()  does the target PRR already hold it?
 *   check_reco_rdy(HW_id)       hwtm_check_reco_rdy()     target PRR decoupled (RECO_RDY)?
 *   prr_set_mode(HW_id, irq_en, hwtm_prr_set_mode()       INT enables + GPR0..2
 *     arg01..arg03)
 *   prr_transferbitfile(HW_id)  hwtm_prr_transfer_bitfile()  launch the PCAP, return at once
 *   prr_register_read/write()   hwtm_prr_register_read/write()
 *
 * HW_id is a bit descriptor id (Mini-NOVA Table 3: id, address, length,
 * reconfiguration delay, PRR id). The table is built from the boot-information
 * block's bitstream table (dprsim_bootinfo.h version 2): descriptor i is
 * bitstream entry i; delay = bytes / pcap_rate in microseconds (the PCAP
 * transfer time, the reconfiguration overhead to expect).
 */
#ifndef HWTM_H
#define HWTM_H

#include <stdint.h>

#include "dcfg.h"
#include "dprsim_bootinfo.h"
#include "pl_mon.h"
#include "pl_prr.h"

#define HWTM_MAX_BITFILES 64u

/* Bit descriptor (Mini-NOVA Table 3). */
typedef struct hwtm_bitdesc {
    uint32_t id;        /* HW task id: index in the table */
    uint32_t addr;      /* physical address of the SimB partial bitstream */
    uint32_t len;       /* bytes */
    uint32_t delay_us;  /* expected PCAP time: len / pcap_rate */
    uint8_t prr;        /* the PRR it configures */
    uint8_t module;     /* the module it loads */
} hwtm_bitdesc;

typedef struct hwtm {
    uintptr_t gp0;        /* M_AXI_GP0 base (0x40000000) */
    plmon mon;
    dcfg dc;
    uint32_t pcap_rate;   /* bytes/s (boot info) */
    uint32_t nbits;
    hwtm_bitdesc bits[HWTM_MAX_BITFILES];
    int pcap_id;          /* descriptor in flight on the PCAP, -1 none */
} hwtm;

/* Boot-information block accessors (NULL when out of range). */
const dprsim_bi_vm *hwtm_bi_vm(const dprsim_bi_header *bi, unsigned i);
const dprsim_bi_module *hwtm_bi_module(const dprsim_bi_header *bi, unsigned i);
const dprsim_bi_bitstream *hwtm_bi_bitstream(const dprsim_bi_header *bi, unsigned i);
/* 0 when bi is a usable block (magic, version 1..2, counts within size). */
int hwtm_bi_check(const dprsim_bi_header *bi);

/* DevCfg at devcfg_base set up for PCAP writes (dcfg_init). Returns 0. */
int hwtm_xdcfg_initialize(hwtm *tm, uintptr_t devcfg_base);
/* Bind the PL at gp0_base and build the bit descriptor table from bi (may
 * be NULL: empty table). Returns 0, -1 when no Monitor answers, -2 when bi
 * is malformed. */
int hwtm_init(hwtm *tm, uintptr_t gp0_base, const dprsim_bi_header *bi);

void hwtm_fpga_start(hwtm *tm, unsigned prr);
void hwtm_fpga_pause(hwtm *tm, unsigned prr, int pause);
void hwtm_fpga_interrupt_done(hwtm *tm, unsigned prr);

/* Descriptor id of the bitstream loading module into prr, or -1. */
int hwtm_find_bitfile(const hwtm *tm, unsigned module, unsigned prr);
const hwtm_bitdesc *hwtm_bitfile(const hwtm *tm, int id);
/* 1 when the descriptor's PRR holds its module already (no PR needed), 0
 * when a reconfiguration is needed, -1 for a bad id. */
int hwtm_check_current_prr(const hwtm *tm, int id);
/* 1 when the descriptor's PRR is decoupled at a frame boundary (RECO_RDY),
 * 0 when not yet, -1 for a bad id. */
int hwtm_check_reco_rdy(const hwtm *tm, int id);
/* PRR prr: INT_STATUS.ENABLE = irq_en, GPR0..2 = arg01..arg03. 0, or -1
 * for a bad PRR. */
int hwtm_prr_set_mode(hwtm *tm, unsigned prr, uint32_t irq_en, uint32_t arg01, uint32_t arg02,
                      uint32_t arg03);
/* Launch the PCAP transfer of descriptor id and return at once (DCFG_OK or
 * a dcfg_status error; -10 for a bad id). Completion: GIC 40 (D_P_DONE),
 * then the cfg_port result (GIC 63); see hwtm_pcap_irq(). */
int hwtm_prr_transfer_bitfile(hwtm *tm, int id);
/* Interrupt 40 service: dcfg_irq(); frees the PCAP on D_P_DONE or error.
 * Returns the DevCfg INT_STS bits handled. */
uint32_t hwtm_pcap_irq(hwtm *tm);
/* PRR controller register access (off inside the group, 32-bit aligned).
 * 0, or -1 for a bad PRR or offset. */
int hwtm_prr_register_read(const hwtm *tm, unsigned prr, uint32_t off, uint32_t *val);
int hwtm_prr_register_write(hwtm *tm, unsigned prr, uint32_t off, uint32_t val);

#endif
