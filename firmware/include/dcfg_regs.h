/*
 * dcfg_regs.h - register map of the Zynq-7000 DevCfg / PCAP (UG585 Appendix
 * B.16, summarised with sources in ZYNQ_ARM_FACTS.md section 1), freestanding
 * C for firmware: the VDM's driver (firmware/vdm/dcfg.h) and the bare-metal
 * test programs. DCFG_REG(off) is the absolute address of a register at the
 * default base.
 */
#ifndef DCFG_REGS_H
#define DCFG_REGS_H

#define DCFG_BASE_DEFAULT    0xF8007000u
#define DCFG_GIC_ID          40u

/* Register offsets (UG585 B.16). */
#define DCFG_CTRL            0x000u
#define DCFG_INT_STS         0x00Cu
#define DCFG_INT_MASK        0x010u
#define DCFG_STATUS          0x014u
#define DCFG_DMA_SRC_ADDR    0x018u
#define DCFG_DMA_DST_ADDR    0x01Cu
#define DCFG_DMA_SRC_LEN     0x020u
#define DCFG_DMA_DEST_LEN    0x024u
#define DCFG_UNLOCK          0x034u
#define DCFG_MCTRL           0x080u

#define DCFG_UNLOCK_KEY      0x757BDF0Du
#define DCFG_CTRL_PCAP_PR        (1u << 27)
#define DCFG_CTRL_PCAP_MODE      (1u << 26)
#define DCFG_CTRL_QUARTER_RATE   (1u << 25)
#define DCFG_MCTRL_INT_PCAP_LPBK (1u << 4)
#define DCFG_STATUS_DMA_CMD_Q_F  (1u << 31)
#define DCFG_STATUS_PCFG_INIT    (1u << 4)
#define DCFG_INT_PCFG_DONE       (1u << 2)
#define DCFG_INT_D_P_DONE        (1u << 12)
#define DCFG_INT_DMA_DONE        (1u << 13)
/* Error causes (the Linux driver's IXR_ERROR_FLAGS_MASK): AXI write/read
 * timeout and error, DMA command error, queue overflow, P2D length error,
 * HMAC and SEU errors. */
#define DCFG_INT_ERRORS          0x00F0C860u
#define DCFG_INVALID_ADDR        0xFFFFFFFFu

#define DCFG_REG(off)            (DCFG_BASE_DEFAULT + (off))

#endif
