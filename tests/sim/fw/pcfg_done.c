/*
 * pcfg_done.c - DevCfg INT_STS.PCFG_DONE follows the DONE of the PL's
 * configuration port (cfg_port), not the end of the PCAP DMA.
 *
 * The SimB placed at 0x01000000 (`--load FILE@0x01000000`) goes through the
 * PCAP (UG585 6.4.2: DMA_DST 0xFFFFFFFF). DONE is high in the FSBL state,
 * so PCFG_DONE (a level cause, UG585 B.16) cannot be cleared before the
 * load; once the stream has started DONE is low and a W1C sticks. After
 * D_P_DONE and cfg_port idle, PCFG_DONE is set again only if cfg_port
 * installed the bitstream (LOADS + 1): a corrupted SimB (CRC error) leaves
 * it clear. Prints one line; exit status 0 when PCFG_DONE is set at the
 * end, 4 when it is not, 1 when the sequence itself failed (no D_P_DONE,
 * DONE never low).
 */
#include "fw.h"
#include "dprsim_pl_regs.h"

#define PL(off)        (PL_MAP_GP0_BASE + (off))
#include "dcfg_regs.h"
#define SIMB_ADDR      0x01000000u

static uint32_t gt(void) { return FW_REG(FW_GTIMER + 0x00); }

static void puthex(uint32_t v)
{
    fw_puts("0x");
    for (int i = 7; i >= 0; i--) fw_putc("0123456789ABCDEF"[(v >> (4 * i)) & 0xFu]);
}

int main(void)
{
    FW_REG(FW_GTIMER + 0x08) = 1;                      /* global timer on */
    const volatile uint32_t *simb = (const volatile uint32_t *)SIMB_ADDR;
    uint32_t n = simb[5] + 8u;        /* sync, 5 header, payload, CRC, DESYNC */
    uint32_t loads0 = FW_REG(PL(PL_MAP_CFG_BASE + PL_CFG_LOADS));

    FW_REG(DCFG_REG(DCFG_INT_STS)) = 0xFFFFFFFFu;
    uint32_t before = FW_REG(DCFG_REG(DCFG_INT_STS)) & DCFG_INT_PCFG_DONE;
    uint32_t t0 = gt();
    FW_REG(DCFG_REG(DCFG_DMA_SRC_ADDR)) = SIMB_ADDR;
    FW_REG(DCFG_REG(DCFG_DMA_DST_ADDR)) = 0xFFFFFFFFu;
    FW_REG(DCFG_REG(DCFG_DMA_SRC_LEN)) = n;
    FW_REG(DCFG_REG(DCFG_DMA_DEST_LEN)) = n;                            /* queues the command */
    uint32_t fell = 0;
    while (gt() - t0 < 33333333u) {                    /* 100 ms */
        FW_REG(DCFG_REG(DCFG_INT_STS)) = DCFG_INT_PCFG_DONE;
        if (!(FW_REG(DCFG_REG(DCFG_INT_STS)) & DCFG_INT_PCFG_DONE)) { fell = 1; break; }
    }
    uint32_t dp = 0;
    while (gt() - t0 < 333333333u)                     /* 1 s */
        if (FW_REG(DCFG_REG(DCFG_INT_STS)) & DCFG_INT_D_P_DONE) { dp = 1; break; }
    uint32_t t1 = gt();
    while ((FW_REG(PL(PL_MAP_CFG_BASE + PL_CFG_STATUS)) & PL_CFG_STATUS_BUSY_MASK) &&
           gt() - t1 < 3333333u)                       /* 10 ms */
        ;
    t1 = gt();
    while (gt() - t1 < 3333u)                          /* 10 us = 1000 PL cycles */
        ;
    uint32_t after = FW_REG(DCFG_REG(DCFG_INT_STS)) & DCFG_INT_PCFG_DONE;
    uint32_t cerr = FW_REG(PL(PL_MAP_CFG_BASE + PL_CFG_ERROR)) & PL_CFG_ERROR_CODE_MASK;
    uint32_t loads = FW_REG(PL(PL_MAP_CFG_BASE + PL_CFG_LOADS)) - loads0;

    fw_puts("pcfg_done: before ");
    fw_putdec(before ? 1 : 0);
    fw_puts(", low during load ");
    fw_putdec(fell);
    fw_puts(", d_p_done ");
    fw_putdec(dp);
    fw_puts(", after ");
    fw_putdec(after ? 1 : 0);
    fw_puts("; cfg_port error ");
    puthex(cerr);
    fw_puts(", loads +");
    fw_putdec(loads);
    fw_putc('\n');
    fw_uart_drain();
    if (!fell || !dp) return 1;
    return after ? 0 : 4;
}
