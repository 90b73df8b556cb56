/*
 * dcfg.c - DevCfg / PCAP driver (dcfg.h).
 */
#include "dcfg.h"

#include "vdm_mmio.h"

#define R(d, off) ((d)->base + (off))

void dcfg_init(dcfg *d, uintptr_t base)
{
    d->base = base;
    d->busy = 0;
    d->src = d->bytes = 0;
    d->transfers = d->errors = d->last_int = 0;
    vdm_mmio_wr(R(d, DCFG_UNLOCK), DCFG_UNLOCK_KEY);
    uint32_t c = vdm_mmio_rd(R(d, DCFG_CTRL));
    c |= DCFG_CTRL_PCAP_PR | DCFG_CTRL_PCAP_MODE;
    c &= ~DCFG_CTRL_QUARTER_RATE;
    vdm_mmio_wr(R(d, DCFG_CTRL), c);
    vdm_mmio_wr(R(d, DCFG_MCTRL), vdm_mmio_rd(R(d, DCFG_MCTRL)) & ~DCFG_MCTRL_INT_PCAP_LPBK);
    vdm_mmio_wr(R(d, DCFG_INT_MASK), ~(DCFG_INT_D_P_DONE | DCFG_INT_ERRORS));
    vdm_mmio_wr(R(d, DCFG_INT_STS), 0xFFFFFFFFu);
}

int dcfg_pcap_start(dcfg *d, uint32_t src, uint32_t bytes)
{
    if (d->busy || (vdm_mmio_rd(R(d, DCFG_STATUS)) & DCFG_STATUS_DMA_CMD_Q_F))
        return DCFG_EBUSY;
    if ((src & 7u) || (bytes & 3u) || bytes == 0)
        return DCFG_EALIGN;
    if (!(vdm_mmio_rd(R(d, DCFG_STATUS)) & DCFG_STATUS_PCFG_INIT))
        return DCFG_ENOTREADY;
    vdm_mmio_wr(R(d, DCFG_INT_STS), DCFG_INT_D_P_DONE | DCFG_INT_DMA_DONE | DCFG_INT_ERRORS);
    d->busy = 1;
    d->src = src;
    d->bytes = bytes;
    vdm_mmio_wr(R(d, DCFG_DMA_SRC_ADDR), src);
    vdm_mmio_wr(R(d, DCFG_DMA_DST_ADDR), DCFG_INVALID_ADDR);
    vdm_mmio_wr(R(d, DCFG_DMA_SRC_LEN), bytes / 4u);
    vdm_mmio_wr(R(d, DCFG_DMA_DEST_LEN), 0);   /* queues the command */
    return DCFG_OK;
}

uint32_t dcfg_irq(dcfg *d)
{
    uint32_t s = vdm_mmio_rd(R(d, DCFG_INT_STS)) &
                 (DCFG_INT_D_P_DONE | DCFG_INT_DMA_DONE | DCFG_INT_ERRORS);
    if (s)
        vdm_mmio_wr(R(d, DCFG_INT_STS), s);
    if (s & DCFG_INT_ERRORS) {
        d->errors++;
        d->busy = 0;
    } else if (s & DCFG_INT_D_P_DONE) {
        d->transfers++;
        d->busy = 0;
    }
    d->last_int = s;
    return s;
}
