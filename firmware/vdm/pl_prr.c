/*
 * pl_prr.c - PRR controller, cfg_port and crossbar drivers (pl_prr.h).
 */
#include "pl_prr.h"

#include "dprsim_pl_regs.h"
#include "vdm_mmio.h"

uintptr_t plprr_base(uintptr_t gp0_base, unsigned prr)
{
    return gp0_base + PL_MAP_PRR(prr);
}

uint32_t plprr_read(uintptr_t gp0_base, unsigned prr, uint32_t off)
{
    return vdm_mmio_rd(plprr_base(gp0_base, prr) + off);
}

void plprr_write(uintptr_t gp0_base, unsigned prr, uint32_t off, uint32_t v)
{
    vdm_mmio_wr(plprr_base(gp0_base, prr) + off, v);
}

void plprr_start(uintptr_t gp0_base, unsigned prr)
{
    /* START is write-1-to-set; PAUSE (RW) is written back unchanged. */
    uint32_t ps = plprr_read(gp0_base, prr, PL_PRR_PROC_STATUS);
    plprr_write(gp0_base, prr, PL_PRR_PROC_STATUS,
                (ps & PL_PRR_PROC_STATUS_PAUSE_MASK) | PL_PRR_PROC_STATUS_START_MASK);
}

void plprr_pause(uintptr_t gp0_base, unsigned prr, int pause)
{
    plprr_write(gp0_base, prr, PL_PRR_PROC_STATUS, pause ? PL_PRR_PROC_STATUS_PAUSE_MASK : 0u);
}

void plprr_int_over(uintptr_t gp0_base, unsigned prr)
{
    uint32_t ps = plprr_read(gp0_base, prr, PL_PRR_PROC_STATUS);
    plprr_write(gp0_base, prr, PL_PRR_PROC_STATUS,
                (ps & PL_PRR_PROC_STATUS_PAUSE_MASK) | PL_PRR_PROC_STATUS_INT_OVER_MASK);
}

int plprr_job_active(uintptr_t gp0_base, unsigned prr)
{
    return (plprr_read(gp0_base, prr, PL_PRR_PROC_STATUS) & PL_PRR_PROC_STATUS_START_MASK) != 0;
}

void plprr_job_save(uintptr_t gp0_base, unsigned prr, plprr_job *j)
{
    uintptr_t b = plprr_base(gp0_base, prr);
    j->src = vdm_mmio_rd(b + PL_PRR_SRC_ADDR);
    j->dst = vdm_mmio_rd(b + PL_PRR_DST_ADDR);
    j->frames = vdm_mmio_rd(b + PL_PRR_FRAMES);
    j->frame_len = vdm_mmio_rd(b + PL_PRR_FRAME_LEN);
    j->progress = vdm_mmio_rd(b + PL_PRR_PROGRESS);
    j->stream = vdm_mmio_rd(b + PL_PRR_STREAM);
    j->int_enable = vdm_mmio_rd(b + PL_PRR_INT_STATUS) & PL_PRR_INT_STATUS_ENABLE_MASK;
    for (unsigned i = 0; i < 8; i++)
        j->gpr[i] = vdm_mmio_rd(b + PL_PRR_GPR(i));
    j->suspended = (vdm_mmio_rd(b + PL_PRR_PROC_STATUS) & PL_PRR_PROC_STATUS_SUSPENDED_MASK) != 0;
}

void plprr_job_restore(uintptr_t gp0_base, unsigned prr, const plprr_job *j)
{
    uintptr_t b = plprr_base(gp0_base, prr);
    /* enables off and pending status cleared while the context changes */
    vdm_mmio_wr(b + PL_PRR_INT_STATUS, PL_PRR_INT_STATUS_STATUS_MASK);
    vdm_mmio_wr(b + PL_PRR_SRC_ADDR, j->src);
    vdm_mmio_wr(b + PL_PRR_DST_ADDR, j->dst);
    vdm_mmio_wr(b + PL_PRR_FRAME_LEN, j->frame_len);
    vdm_mmio_wr(b + PL_PRR_STREAM, j->stream);
    vdm_mmio_wr(b + PL_PRR_FRAMES, j->frames);      /* clears PROGRESS ... */
    vdm_mmio_wr(b + PL_PRR_PROGRESS, j->progress);  /* ... so it comes second */
    for (unsigned i = 0; i < 8; i++)
        vdm_mmio_wr(b + PL_PRR_GPR(i), j->gpr[i]);
    vdm_mmio_wr(b + PL_PRR_INT_STATUS, j->int_enable & PL_PRR_INT_STATUS_ENABLE_MASK);
    if (j->suspended && j->progress < j->frames)
        plprr_start(gp0_base, prr);
}

void plprr_job_clear(uintptr_t gp0_base, unsigned prr)
{
    uintptr_t b = plprr_base(gp0_base, prr);
    vdm_mmio_wr(b + PL_PRR_INT_STATUS, PL_PRR_INT_STATUS_STATUS_MASK);
    vdm_mmio_wr(b + PL_PRR_FRAMES, 0);
    vdm_mmio_wr(b + PL_PRR_SRC_ADDR, 0);
    vdm_mmio_wr(b + PL_PRR_DST_ADDR, 0);
    vdm_mmio_wr(b + PL_PRR_FRAME_LEN, PL_PRR_FRAME_LEN_RESET);
    vdm_mmio_wr(b + PL_PRR_STREAM, 0);
    for (unsigned i = 0; i < 8; i++)
        vdm_mmio_wr(b + PL_PRR_GPR(i), 0);
    vdm_mmio_wr(b + PL_PRR_PROC_STATUS, PL_PRR_PROC_STATUS_INT_OVER_MASK);
}

void plprr_set_window(uintptr_t gp0_base, unsigned prr, uint32_t base, uint32_t size)
{
    uintptr_t b = plprr_base(gp0_base, prr);
    if (size == 0) {   /* empty: no address is >= base and <= limit */
        vdm_mmio_wr(b + PL_PRR_DMA_BASE, 0xFFFFFFFFu);
        vdm_mmio_wr(b + PL_PRR_DMA_LIMIT, 0);
        return;
    }
    vdm_mmio_wr(b + PL_PRR_DMA_BASE, base);
    vdm_mmio_wr(b + PL_PRR_DMA_LIMIT, base + (size - 1u));
}

/* ---- cfg_port ---- */

/* Field positions the generated header describes only in prose
 * (docs/pl-registers.md, cfg_port INT_STATUS: [0] DONE, [1] ERROR). */
#define PLCFG_INT_ALL (PLCFG_INT_DONE | PLCFG_INT_ERROR)

uint32_t plcfg_take_event(uintptr_t gp0_base, plcfg_event *e)
{
    uintptr_t b = gp0_base + PL_MAP_CFG_BASE;
    uint32_t st = vdm_mmio_rd(b + PL_CFG_INT_STATUS) & PLCFG_INT_ALL;
    uint32_t status = vdm_mmio_rd(b + PL_CFG_STATUS);
    uint32_t err = vdm_mmio_rd(b + PL_CFG_ERROR);
    if (st)
        vdm_mmio_wr(b + PL_CFG_INT_STATUS, st);
    e->int_status = st;
    e->module = (uint8_t)((status & PL_CFG_STATUS_MODULE_MASK) >> PL_CFG_STATUS_MODULE_SHIFT);
    e->code = (uint8_t)((err & PL_CFG_ERROR_CODE_MASK) >> PL_CFG_ERROR_CODE_SHIFT);
    if (st & PLCFG_INT_ERROR)
        e->prr = (uint8_t)((err & PL_CFG_ERROR_PRR_MASK) >> PL_CFG_ERROR_PRR_SHIFT);
    else
        e->prr = (uint8_t)((status & PL_CFG_STATUS_PRR_MASK) >> PL_CFG_STATUS_PRR_SHIFT);
    return st;
}

void plcfg_int_enable(uintptr_t gp0_base, uint32_t bits)
{
    vdm_mmio_wr(gp0_base + PL_MAP_CFG_BASE + PL_CFG_INT_ENABLE, bits & PLCFG_INT_ALL);
}

uint32_t plcfg_loads(uintptr_t gp0_base)
{
    return vdm_mmio_rd(gp0_base + PL_MAP_CFG_BASE + PL_CFG_LOADS);
}

uint32_t plcfg_errors(uintptr_t gp0_base)
{
    return vdm_mmio_rd(gp0_base + PL_MAP_CFG_BASE + PL_CFG_ERRORS);
}

/* ---- crossbar ---- */

uint32_t plxbar_get(uintptr_t gp0_base)
{
    return vdm_mmio_rd(gp0_base + PL_MAP_XBAR_BASE + PL_XBAR_CFG);
}

void plxbar_set(uintptr_t gp0_base, uint32_t cfg)
{
    vdm_mmio_wr(gp0_base + PL_MAP_XBAR_BASE + PL_XBAR_CFG, cfg);
}

uint32_t plxbar_move_source(uint32_t cfg, unsigned old_q, unsigned new_q)
{
    if ((cfg & PL_XBAR_CFG_OUT0_EN_MASK) &&
        ((cfg & PL_XBAR_CFG_OUT0_SRC_MASK) >> PL_XBAR_CFG_OUT0_SRC_SHIFT) == (old_q & 1u))
        cfg = (cfg & ~PL_XBAR_CFG_OUT0_SRC_MASK) | ((new_q & 1u) << PL_XBAR_CFG_OUT0_SRC_SHIFT);
    if ((cfg & PL_XBAR_CFG_OUT1_EN_MASK) &&
        ((cfg & PL_XBAR_CFG_OUT1_SRC_MASK) >> PL_XBAR_CFG_OUT1_SRC_SHIFT) == (old_q & 1u))
        cfg = (cfg & ~PL_XBAR_CFG_OUT1_SRC_MASK) | ((new_q & 1u) << PL_XBAR_CFG_OUT1_SRC_SHIFT);
    return cfg;
}

uint32_t plxbar_move_sink(uint32_t cfg, unsigned old_i, unsigned new_i)
{
    /* output 0 feeds PRR2, output 1 feeds PRR3 */
    unsigned o = (old_i == 3u), n = (new_i == 3u);
    uint32_t en[2] = {PL_XBAR_CFG_OUT0_EN_MASK, PL_XBAR_CFG_OUT1_EN_MASK};
    uint32_t srcm[2] = {PL_XBAR_CFG_OUT0_SRC_MASK, PL_XBAR_CFG_OUT1_SRC_MASK};
    unsigned srcs[2] = {PL_XBAR_CFG_OUT0_SRC_SHIFT, PL_XBAR_CFG_OUT1_SRC_SHIFT};
    if (o == n || !(cfg & en[o]))
        return cfg;
    uint32_t src = (cfg & srcm[o]) >> srcs[o];
    cfg &= ~(en[o] | srcm[o] | srcm[n]);
    cfg |= en[n] | (src << srcs[n]);
    return cfg;
}

uint32_t plxbar_route(uint32_t cfg, unsigned ifft, int src)
{
    uint32_t en = ifft == 3u ? PL_XBAR_CFG_OUT1_EN_MASK : PL_XBAR_CFG_OUT0_EN_MASK;
    uint32_t sm = ifft == 3u ? PL_XBAR_CFG_OUT1_SRC_MASK : PL_XBAR_CFG_OUT0_SRC_MASK;
    unsigned ss = ifft == 3u ? PL_XBAR_CFG_OUT1_SRC_SHIFT : PL_XBAR_CFG_OUT0_SRC_SHIFT;
    cfg &= ~(en | sm);
    if (src >= 0)
        cfg |= en | (((uint32_t)src & 1u) << ss);
    return cfg;
}

uint32_t plxbar_fifo_level(uintptr_t gp0_base, unsigned q)
{
    /* FIFO_LEVEL: [15:0] after PRR0, [31:16] after PRR1 */
    uint32_t l = vdm_mmio_rd(gp0_base + PL_MAP_XBAR_BASE + PL_XBAR_FIFO_LEVEL);
    return q ? l >> 16 : l & 0xFFFFu;
}
