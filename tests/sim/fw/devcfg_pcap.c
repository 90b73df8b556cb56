/*
 * devcfg_pcap.c - the DevCfg on the platform (UG585 ch. 6.4.2, B.16).
 * 1. Loopback (MCTRL.INT_PCAP_LPBK): 4 KiB DDR -> PCAP -> DDR; waits in WFI
 *    for D_P_DONE through GIC ID 40, checks the copy and prints the transfer
 *    time in PERIPHCLK cycles (4096 B at the PCAP rate, 130 MB/s by default:
 *    31.5 us = 10502 cycles at 333.33 MHz).
 * 2. PCAP write with no PL attached: the platform's PCAP sink refuses the
 *    words, so the transfer must not complete; checked after 1 ms.
 * Exit 0 when both hold.
 */
#include "fw.h"

#include "dcfg_regs.h"
#define WORDS      1024u
#define SRC        0x00200000u
#define DST        0x00300000u

static volatile uint32_t done_at;
static volatile uint32_t done;

void fw_irq_handler(void)
{
    uint32_t iar = FW_REG(FW_GIC_CPU + 0x0C);
    if ((iar & 0x3FFu) == 40) {
        done_at = FW_REG(FW_GTIMER + 0x00);
        FW_REG(DCFG_REG(DCFG_INT_STS)) = FW_REG(DCFG_REG(DCFG_INT_STS));   /* W1C */
        done = 1;
    }
    if ((iar & 0x3FFu) != 1023) FW_REG(FW_GIC_CPU + 0x10) = iar;
}

int main(void)
{
    volatile uint32_t *src = (volatile uint32_t *)SRC, *dst = (volatile uint32_t *)DST;
    for (uint32_t i = 0; i < WORDS; i++) src[i] = i * 0x9E3779B9u;

    FW_REG(FW_GTIMER + 0x08) = 1;                   /* global timer on */
    FW_REG(FW_GIC_DIST + 0x000) = 1;
    FW_REG(FW_GIC_DIST + 0x428) = 0xA0u;            /* ICDIPR10 byte 0: ID 40 */
    FW_REG(FW_GIC_DIST + 0x828) = 0x01u;            /* ICDIPTR10 byte 0: CPU 0 */
    FW_REG(FW_GIC_DIST + 0x104) = 1u << 8;          /* ICDISER1: ID 40 */
    FW_REG(FW_GIC_CPU + 0x04) = 0xF0;
    FW_REG(FW_GIC_CPU + 0x00) = 1;

    FW_REG(DCFG_REG(DCFG_UNLOCK)) = 0x757BDF0Du;
    FW_REG(DCFG_REG(DCFG_CTRL)) |= (1u << 27) | (1u << 26);     /* PCAP_PR, PCAP_MODE */
    FW_REG(DCFG_REG(DCFG_MCTRL)) |= 1u << 4;                    /* INT_PCAP_LPBK */
    FW_REG(DCFG_REG(DCFG_INT_STS)) = 0xFFFFFFFFu;
    FW_REG(DCFG_REG(DCFG_INT_MASK)) = ~DCFG_INT_D_P_DONE;
    __asm__ volatile("cpsie i" ::: "memory");
    uint32_t start = FW_REG(FW_GTIMER + 0x00);
    FW_REG(DCFG_REG(DCFG_DMA_SRC_ADDR)) = SRC;
    FW_REG(DCFG_REG(DCFG_DMA_DST_ADDR)) = DST;
    FW_REG(DCFG_REG(DCFG_DMA_SRC_LEN)) = WORDS;
    FW_REG(DCFG_REG(DCFG_DMA_DEST_LEN)) = WORDS;                     /* queues the command */
    while (!done)
        __asm__ volatile("wfi" ::: "memory");
    __asm__ volatile("cpsid i" ::: "memory");
    int bad = 0;
    for (uint32_t i = 0; i < WORDS; i++)
        if (dst[i] != i * 0x9E3779B9u) bad = 1;
    fw_puts("loopback: ");
    fw_putdec(WORDS * 4);
    fw_puts(bad ? " bytes, copy WRONG, " : " bytes copied, ");
    fw_putdec(done_at - start);
    fw_puts(" PERIPHCLK cycles\n");
    /* 4096 B / 130e6 B/s = 31.508 us = 10502.6 cycles; allow 1 % for the
     * register writes and the interrupt entry around the measurement. */
    uint32_t d = done_at - start;
    if (d < 10397u || d > 10608u) {
        fw_puts("loopback: time outside 1 % of 4096 B at 130 MB/s\n");
        bad = 1;
    }

    /* 2. PCAP write: nothing behind the port. */
    FW_REG(DCFG_REG(DCFG_MCTRL)) &= ~(1u << 4);
    FW_REG(DCFG_REG(DCFG_INT_MASK)) = 0xFFFFFFFFu;
    FW_REG(DCFG_REG(DCFG_INT_STS)) = 0xFFFFFFFFu;
    FW_REG(DCFG_REG(DCFG_DMA_SRC_ADDR)) = SRC;
    FW_REG(DCFG_REG(DCFG_DMA_DST_ADDR)) = 0xFFFFFFFFu;
    FW_REG(DCFG_REG(DCFG_DMA_SRC_LEN)) = 16;
    FW_REG(DCFG_REG(DCFG_DMA_DEST_LEN)) = 16;
    uint32_t t0 = FW_REG(FW_GTIMER + 0x00);
    while (FW_REG(FW_GTIMER + 0x00) - t0 < 333333u)  /* 1 ms */
        ;
    uint32_t sts = FW_REG(DCFG_REG(DCFG_INT_STS));
    if (sts & DCFG_INT_D_P_DONE) {
        fw_puts("pcap: transfer completed with no PL attached\n");
        bad = 1;
    } else {
        fw_puts("pcap: no completion after 1 ms (no PL attached)\n");
    }
    fw_uart_drain();
    return bad;
}
