/*
 * slcr.h - Zynq-7000 System Level Control Registers, the subset firmware
 * uses (dprsim). Base 0xF8000000. ZYNQ_ARM_FACTS 2.1, UG585 B.28.
 *
 * Write protection: SLCR_LOCK (0x004) key 0x767B locks, SLCR_UNLOCK (0x008)
 * key 0xDF0D unlocks, SLCR_LOCKSTA (0x00C) b0 = locked. While locked, writes
 * to every other register are ignored (logged). The SLCR resets locked.
 * Modelled: the PLL and clock-control registers (read back; FCLK and PLL
 * frequencies computed from them), PSS_RST_CTRL (soft reset callback),
 * FPGA_RST_CTRL (PL reset callback), LVL_SHFTR_EN (level-shifter callback),
 * PCAP_CLK_CTRL, FPGA0..3_CLK_CTRL (clock-change callback), the peripheral
 * reset registers, REBOOT_STATUS, BOOT_MODE, PSS_IDCODE, MIO_PIN_00..53,
 * OCM_CFG and a few more listed in slcr.c. Any other offset reads 0 and
 * accepts (drops) writes, logged as unimplemented.
 */
#ifndef SLCR_H
#define SLCR_H

#include "zynq_regs.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SLCR_SCL            0x000
#define SLCR_LOCK           0x004
#define SLCR_UNLOCK         0x008
#define SLCR_LOCKSTA        0x00C
#define SLCR_ARM_PLL_CTRL   0x100
#define SLCR_DDR_PLL_CTRL   0x104
#define SLCR_IO_PLL_CTRL    0x108
#define SLCR_PLL_STATUS     0x10C
#define SLCR_ARM_CLK_CTRL   0x120
#define SLCR_APER_CLK_CTRL  0x12C
#define SLCR_UART_CLK_CTRL  0x154
#define SLCR_PCAP_CLK_CTRL  0x168
#define SLCR_FPGA_CLK_CTRL(n) (0x170 + 0x10 * (n))
#define SLCR_PSS_RST_CTRL   0x200
#define SLCR_UART_RST_CTRL  0x228
#define SLCR_FPGA_RST_CTRL  0x240
#define SLCR_A9_CPU_RST_CTRL 0x244
#define SLCR_REBOOT_STATUS  0x258
#define SLCR_BOOT_MODE      0x25C
#define SLCR_PSS_IDCODE     0x530
#define SLCR_MIO_PIN(n)     (0x700 + 4 * (n))
#define SLCR_LVL_SHFTR_EN   0x900
#define SLCR_OCM_CFG        0x910

#define SLCR_LOCK_KEY       0x767Bu
#define SLCR_UNLOCK_KEY     0xDF0Du
#define SLCR_MIO_PINS       54
#define SLCR_NREGS          62

typedef void (*slcr_value_fn)(void *opaque, uint32_t value);
/** which: 0..3 = FCLK n changed, 4 = a PLL changed */
typedef void (*slcr_clock_fn)(void *opaque, unsigned which);

typedef struct slcr_callbacks {
    slcr_value_fn pl_reset;    /**< FPGA_RST_CTRL written (new value) */
    slcr_value_fn lvl_shftr;   /**< LVL_SHFTR_EN written (new value) */
    slcr_value_fn soft_reset;  /**< PSS_RST_CTRL.SOFT_RST set (value) */
    slcr_clock_fn clock;       /**< PLL or FPGA clock control changed */
    void *opaque;
} slcr_callbacks;

typedef struct slcr {
    zynq_dev dev;              /* must be first; window 0x1000 */
    uint64_t ps_clk_hz;        /**< board PS_CLK, default 33.333 MHz */
    zynq_regs regs;
    uint32_t val[SLCR_NREGS];
    uint32_t mio[SLCR_MIO_PINS];
    bool locked;
    slcr_callbacks cb;
} slcr;

void slcr_init(slcr *s, const char *name, uint64_t ps_clk_hz);
void slcr_set_callbacks(slcr *s, const slcr_callbacks *cb);
/** PLL output (pll: 0 ARM, 1 DDR, 2 IO) from its PLL_CTRL register. */
uint64_t slcr_pll_hz(const slcr *s, unsigned pll);
/** FCLK n (0..3) frequency from FPGAn_CLK_CTRL (0 if a divisor is 0). */
uint64_t slcr_fclk_hz(const slcr *s, unsigned n);
/** The state the FSBL leaves: IO PLL 1000 MHz (FDIV 30), ARM PLL 1333 MHz
 *  (FDIV 40), FCLK0 = 100 MHz, UART ref 50 MHz, PL out of reset, level
 *  shifters enabled (0xF), PCAP clock on, SLCR locked again. */
void slcr_fsbl_state(slcr *s);

#ifdef __cplusplus
}
#endif
#endif /* SLCR_H */
