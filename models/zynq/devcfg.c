/*
 * devcfg.c - Zynq-7000 DevCfg / PCAP model (see devcfg.h and README.md).
 *
 * Facts: ZYNQ_ARM_FACTS 1.2 (register map, reset values, bits), 1.3 (DMA
 * command protocol, last flag, driver sequences), 1.5 (QEMU gotchas fixed
 * here: PCFG_INIT follows PROG_B, DONE/PCFG_DONE are modelled, a PCAP write
 * ignores DEST_LEN, the last flag is honoured, transfers take time).
 */
#include "devcfg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define IDX(off) zynq_regs_find(&dc->regs, (off))

static void dc_update(devcfg *dc);
static void dc_queue(devcfg *dc);

/* ---- register table hooks ------------------------------------------- */

/* LOCK b0..b4 protect CTRL[6:0], [7], [8], [11:9], [12] (UG585 LOCK). */
static bool ctrl_pre(void *o, const zynq_reg_info *ri, uint32_t *v)
{
    devcfg *dc = o;
    (void)ri;
    uint32_t lock = zynq_regs_get(&dc->regs, DEVCFG_LOCK);
    uint32_t keep = 0;
    if (lock & 1) keep |= 0x7F;
    if (lock & 2) keep |= 0x80;
    if (lock & 4) keep |= 0x100;
    if (lock & 8) keep |= 0xE00;
    if (lock & 16) keep |= 0x1000;
    uint32_t old = zynq_regs_get(&dc->regs, DEVCFG_CTRL);
    *v = (*v & ~keep) | (old & keep);
    uint32_t aes = (*v >> 9) & 7;
    if (aes != 0 && aes != 7)
        zynq_dev_log(&dc->dev, ZYNQ_LOG_GUEST_ERROR,
                     "CTRL.PCFG_AES_EN=%u (secure lockdown not modelled)", aes);
    if (*v & DEVCFG_CTRL_FORCE_RST)
        zynq_dev_log(&dc->dev, ZYNQ_LOG_UNIMP, "CTRL.FORCE_RST not modelled");
    return true;
}

static void ctrl_post(void *o, const zynq_reg_info *ri, uint32_t old,
                      uint32_t v)
{
    devcfg *dc = o;
    (void)ri;
    uint32_t sts = zynq_regs_get(&dc->regs, DEVCFG_INT_STS);
    if ((old & DEVCFG_CTRL_PCFG_PROG_B) && !(v & DEVCFG_CTRL_PCFG_PROG_B)) {
        /* PROG_B low: the PL is cleared and held; INIT and DONE fall. */
        if (dc->pl_init)
            sts |= DEVCFG_INT_PCFG_INIT_NE;
        dc->pl_init = false;
        dc->pl_done = false;
        dc->init_at = ZYNQ_TIME_NEVER;
    } else if (!(old & DEVCFG_CTRL_PCFG_PROG_B) &&
               (v & DEVCFG_CTRL_PCFG_PROG_B)) {
        dc->init_at = dc->dev.now + dc->cfg.init_delay_ps;
    }
    zynq_regs_set(&dc->regs, DEVCFG_INT_STS, sts);
    if (dc->init_at <= dc->dev.now) {
        dc->init_at = ZYNQ_TIME_NEVER;
        dc->pl_init = true;
        zynq_regs_set(&dc->regs, DEVCFG_INT_STS,
                      zynq_regs_get(&dc->regs, DEVCFG_INT_STS) |
                          DEVCFG_INT_PCFG_INIT_PE);
    }
    dc_update(dc);
}

static bool lock_pre(void *o, const zynq_reg_info *ri, uint32_t *v)
{
    devcfg *dc = o;
    (void)ri;
    *v = (*v & 0x1F) | zynq_regs_get(&dc->regs, DEVCFG_LOCK); /* set-only */
    return true;
}

static void update_post(void *o, const zynq_reg_info *ri, uint32_t old,
                        uint32_t v)
{
    (void)ri; (void)old; (void)v;
    dc_update(o);
}

static uint32_t status_read(void *o, const zynq_reg_info *ri, uint32_t stored)
{
    devcfg *dc = o;
    (void)ri; (void)stored;
    uint32_t s = DEVCFG_STATUS_CFG_RESET_B;
    if (dc->q_count >= DEVCFG_QUEUE_DEPTH) s |= DEVCFG_STATUS_DMA_Q_F;
    if (dc->q_count == 0) s |= DEVCFG_STATUS_DMA_Q_E;
    s |= (uint32_t)dc->done_cnt << DEVCFG_STATUS_DONE_CNT_SHIFT;
    s |= (uint32_t)(dc->fifo_count > 127 ? 127 : dc->fifo_count)
         << DEVCFG_STATUS_TX_LVL_SHIFT;
    if (dc->pl_done) s |= DEVCFG_STATUS_GTS_USR_B;
    if (dc->illegal) s |= DEVCFG_STATUS_ILLEGAL_APB;
    if (dc->pl_init) s |= DEVCFG_STATUS_PCFG_INIT;
    return s;
}

/* STATUS: only DMA_DONE_CNT (b29:28) is writable, as write-1-to-clear. */
static bool status_pre(void *o, const zynq_reg_info *ri, uint32_t *v)
{
    devcfg *dc = o;
    (void)ri;
    dc->done_cnt &= ~((*v >> DEVCFG_STATUS_DONE_CNT_SHIFT) & 3u);
    return false;
}

static void destlen_post(void *o, const zynq_reg_info *ri, uint32_t old,
                         uint32_t v)
{
    (void)ri; (void)old; (void)v;
    dc_queue(o);
}

static void unlock_post(void *o, const zynq_reg_info *ri, uint32_t old,
                        uint32_t v)
{
    devcfg *dc = o;
    (void)ri; (void)old;
    if (v != DEVCFG_UNLOCK_KEY) {
        zynq_dev_log(&dc->dev, ZYNQ_LOG_GUEST_ERROR,
                     "UNLOCK 0x%08x is not the key: DevCfg now refuses writes "
                     "until reset", v);
        dc->illegal = true;
    }
}

static void xadc_post(void *o, const zynq_reg_info *ri, uint32_t old,
                      uint32_t v)
{
    devcfg *dc = o;
    (void)old;
    zynq_dev_log(&dc->dev, ZYNQ_LOG_UNIMP, "XADC interface %s=0x%08x stored "
                 "only", ri->name, v);
}

/* Reset values: UG585 B.16 via ZYNQ_ARM_FACTS 1.2. MCTRL is filled in reset. */
static const zynq_reg_info devcfg_regs[] = {
    {"CTRL", DEVCFG_CTRL, 0x0C006000, DEVCFG_CTRL_SEC_EN, 0, 0, ctrl_pre,
     ctrl_post, NULL},
    {"LOCK", DEVCFG_LOCK, 0, ~0x1Fu, 0, 0, lock_pre, NULL, NULL},
    {"CFG", DEVCFG_CFG, 0x00000508, ~0xFF0u, 0, 0, NULL, NULL, NULL},
    {"INT_STS", DEVCFG_INT_STS, 0, 0, 0xFFFFFFFFu, 0, NULL, update_post, NULL},
    {"INT_MASK", DEVCFG_INT_MASK, 0xFFFFFFFFu, 0, 0, 0, NULL, update_post,
     NULL},
    {"STATUS", DEVCFG_STATUS, 0, 0, 0, 0, status_pre, NULL, status_read},
    {"DMA_SRC_ADDR", DEVCFG_DMA_SRC_ADDR, 0, 0, 0, 0, NULL, NULL, NULL},
    {"DMA_DST_ADDR", DEVCFG_DMA_DST_ADDR, 0, 0, 0, 0, NULL, NULL, NULL},
    {"DMA_SRC_LEN", DEVCFG_DMA_SRC_LEN, 0, ~0x07FFFFFFu, 0, 0, NULL, NULL,
     NULL},
    {"DMA_DEST_LEN", DEVCFG_DMA_DEST_LEN, 0, ~0x07FFFFFFu, 0, 0, NULL,
     destlen_post, NULL},
    {"ROM_SHADOW", DEVCFG_ROM_SHADOW, 0, 0, 0, ZYNQ_REG_WO, NULL, NULL, NULL},
    {"MULTIBOOT_ADDR", DEVCFG_MULTIBOOT_ADDR, 0, ~0x1FFFu, 0, 0, NULL, NULL,
     NULL},
    {"SW_ID", DEVCFG_SW_ID, 0, 0, 0, 0, NULL, NULL, NULL},
    {"UNLOCK", DEVCFG_UNLOCK, 0, 0, 0, ZYNQ_REG_WO, NULL, unlock_post, NULL},
    {"MCTRL", DEVCFG_MCTRL, 0, ~DEVCFG_MCTRL_INT_PCAP_LPBK, 0, 0, NULL, NULL,
     NULL},
    {"XADCIF_CFG", DEVCFG_XADCIF_CFG, 0x00001114, 0, 0, 0, NULL, xadc_post,
     NULL},
    {"XADCIF_INT_STS", DEVCFG_XADCIF_INT_STS, 0x00000200, 0, 0xFFFFFFFFu, 0,
     NULL, NULL, NULL},
    {"XADCIF_INT_MASK", DEVCFG_XADCIF_INT_MASK, 0xFFFFFFFFu, 0, 0, 0, NULL,
     NULL, NULL},
    {"XADCIF_MSTS", DEVCFG_XADCIF_MSTS, 0x00000500, 0, 0, ZYNQ_REG_RO, NULL,
     NULL, NULL},
    {"XADCIF_CMDFIFO", DEVCFG_XADCIF_CMDFIFO, 0, 0, 0, ZYNQ_REG_WO, NULL,
     xadc_post, NULL},
    {"XADCIF_RDFIFO", DEVCFG_XADCIF_RDFIFO, 0, 0, 0, ZYNQ_REG_RO, NULL, NULL,
     NULL},
    {"XADCIF_MCTL", DEVCFG_XADCIF_MCTL, 0x00000010, 0, 0, 0, NULL, xadc_post,
     NULL},
};
_Static_assert(sizeof devcfg_regs / sizeof devcfg_regs[0] == DEVCFG_NREGS, "table size");

/* ---- data path ------------------------------------------------------ */

static devcfg_rec *rec_at(devcfg *dc, unsigned i)
{
    return &dc->rec[(dc->rec_head + i) % DEVCFG_REC_MAX];
}

static devcfg_rec *reading_rec(devcfg *dc)
{
    return dc->q_count ? rec_at(dc, dc->rec_count - dc->q_count) : NULL;
}

static void set_sts(devcfg *dc, uint32_t bits)
{
    int i = IDX(DEVCFG_INT_STS);
    dc->val[i] |= bits;
}

static void dma_done(devcfg *dc)
{
    set_sts(dc, DEVCFG_INT_DMA_DONE);
    if (dc->done_cnt < 3)
        dc->done_cnt++;
}

static zynq_time_ps word_time(const devcfg *dc, uint64_t n)
{
    return dc->anchor + zynq_muldiv_ceil(n, dc->word_num,
                                         dc->cfg.rate_bytes_per_s);
}

/* Read source words into the TX FIFO while there is room (AXI is fast). */
static void dc_fill(devcfg *dc, zynq_time_ps t)
{
    bool was_empty = dc->fifo_count == 0;
    devcfg_rec *r;
    while ((r = reading_rec(dc)) != NULL) {
        unsigned room = dc->cfg.fifo_words - dc->fifo_count;
        uint32_t left = r->words - r->read;
        if (left == 0) {
            /* AXI side of this command is complete. */
            r->axi_done = true;
            dc->q_count--;
            if (!r->error && !r->last)
                dma_done(dc);
            continue;
        }
        if (room == 0)
            break;
        uint32_t n = left < room ? left : room;
        if (n > dc->cfg.burst_words)
            n = dc->cfg.burst_words;
        uint8_t buf[4 * DEVCFG_FIFO_MAX];
        bool keyhole = zynq_regs_get(&dc->regs, DEVCFG_CFG) &
                       DEVCFG_CFG_DISABLE_SRC_INC;
        zynq_status st = ZYNQ_SLVERR;
        if (dc->mem_read) {
            if (keyhole) {
                st = ZYNQ_OK;
                for (uint32_t k = 0; k < n && st == ZYNQ_OK; k++)
                    st = dc->mem_read(dc->mem_opaque, r->src, buf + 4 * k, 4);
            } else {
                st = dc->mem_read(dc->mem_opaque, r->src + 4 * r->read, buf,
                                  4 * n);
            }
        }
        if (st != ZYNQ_OK) {
            zynq_dev_log(&dc->dev, ZYNQ_LOG_GUEST_ERROR,
                         "AXI read error at 0x%08x: command aborted",
                         r->src + 4 * r->read);
            set_sts(dc, DEVCFG_INT_AXI_RERR);
            r->error = true;
            r->words = r->read; /* what is already in the FIFO still goes */
            dc->stats.commands_failed++;
            continue;
        }
        for (uint32_t k = 0; k < n; k++) {
            uint32_t w = (uint32_t)buf[4 * k] | (uint32_t)buf[4 * k + 1] << 8 |
                         (uint32_t)buf[4 * k + 2] << 16 |
                         (uint32_t)buf[4 * k + 3] << 24;
            dc->fifo[(dc->fifo_head + dc->fifo_count) % DEVCFG_FIFO_MAX] = w;
            dc->fifo_count++;
        }
        r->read += n;
    }
    if (was_empty && dc->fifo_count > 0) {
        /* The stream starts (again) from idle. */
        dc->anchor = t + dc->cfg.setup_ps;
        dc->sent_since_anchor = 0;
        dc->stalled = false;
        dc->word_num = 4 * ZYNQ_PS_PER_S *
                       ((zynq_regs_get(&dc->regs, DEVCFG_CTRL) &
                         DEVCFG_CTRL_QUARTER_RATE) ? 4 : 1);
    }
}

/* Retire commands whose PCAP side is complete (oldest first). */
static void dc_settle(devcfg *dc, zynq_time_ps t)
{
    while (dc->rec_count > 0) {
        devcfg_rec *r = rec_at(dc, 0);
        if (!r->axi_done || r->sent < r->words)
            break;
        if (!r->error) {
            /* D_P_DONE = "DMA and PCAP transfers done": the PCAP side of
             * this command ended and nothing else is queued or in flight
             * (Linux relies on this after a chain of chunks). */
            if (dc->rec_count == 1)
                set_sts(dc, DEVCFG_INT_D_P_DONE);
            if (r->last)
                dma_done(dc);
            if (!r->loopback && dc->cfg.auto_done)
                dc->pl_done = true;
            dc->stats.commands_done++;
            dc->stats.busy_ps += t - r->queued;
            dc->stats.last_start = r->queued;
            dc->stats.last_end = t;
        }
        dc->rec_head = (dc->rec_head + 1) % DEVCFG_REC_MAX;
        dc->rec_count--;
    }
}

static void dc_reject(devcfg *dc, uint32_t bits, const char *why)
{
    zynq_dev_log(&dc->dev, ZYNQ_LOG_GUEST_ERROR, "DMA command rejected: %s",
                 why);
    set_sts(dc, bits);
    dc->stats.commands_failed++;
    dc_update(dc);
}

/* The write to DMA_DEST_LEN: validate the four values, then queue. */
static void dc_queue(devcfg *dc)
{
    uint32_t src = zynq_regs_get(&dc->regs, DEVCFG_DMA_SRC_ADDR);
    uint32_t dst = zynq_regs_get(&dc->regs, DEVCFG_DMA_DST_ADDR);
    uint32_t slen = zynq_regs_get(&dc->regs, DEVCFG_DMA_SRC_LEN);
    uint32_t dlen = zynq_regs_get(&dc->regs, DEVCFG_DMA_DEST_LEN);
    uint32_t ctrl = zynq_regs_get(&dc->regs, DEVCFG_CTRL);
    bool lpbk = zynq_regs_get(&dc->regs, DEVCFG_MCTRL) &
                DEVCFG_MCTRL_INT_PCAP_LPBK;

    if (dc->q_count >= DEVCFG_QUEUE_DEPTH) {
        dc_reject(dc, DEVCFG_INT_DMA_Q_OV, "command queue full (DMA_Q_OV)");
        return;
    }
    bool src_none = (src | 3u) == DEVCFG_INVALID_ADDR;
    bool dst_none = (dst | 3u) == DEVCFG_INVALID_ADDR;
    devcfg_rec r;
    memset(&r, 0, sizeof r);
    r.last = (src & 3u) == 1 && (dst & 3u) == 1;
    r.src = src & ~3u;
    r.dst = dst & ~3u;
    r.words = slen;
    r.loopback = lpbk;
    r.queued = dc->dev.now;
    if (lpbk) {
        if (src_none || dst_none) {
            dc_reject(dc, DEVCFG_INT_DMA_CMD_ERR,
                      "loopback needs a source and a destination");
            return;
        }
        if (slen != dlen) {
            dc_reject(dc, DEVCFG_INT_P2D_LEN_ERR,
                      "loopback with DMA_SRC_LEN != DMA_DEST_LEN");
            return;
        }
    } else {
        if (src_none) {
            zynq_dev_log(&dc->dev, ZYNQ_LOG_UNIMP, "PCAP readback");
            dc_reject(dc, DEVCFG_INT_DMA_CMD_ERR, "readback not modelled");
            return;
        }
        if (!(ctrl & DEVCFG_CTRL_PCAP_MODE) || !(ctrl & DEVCFG_CTRL_PCAP_PR)) {
            dc_reject(dc, DEVCFG_INT_DMA_CMD_ERR,
                      "PCAP write with CTRL.PCAP_MODE or CTRL.PCAP_PR clear");
            return;
        }
        if (!dst_none)
            zynq_dev_log(&dc->dev, ZYNQ_LOG_UNIMP,
                         "PCAP write with a destination 0x%08x: readback half "
                         "ignored", dst);
        /* DEST_LEN is ignored for a PCAP write (QEMU gotcha 2). */
    }
    if (r.src & 7u)
        zynq_dev_log(&dc->dev, ZYNQ_LOG_GUEST_ERROR,
                     "DMA source 0x%08x not 64-bit aligned (UG585 p.212)",
                     r.src);
    *rec_at(dc, dc->rec_count) = r;
    dc->rec_count++;
    dc->q_count++;
    dc_fill(dc, dc->dev.now);
    dc_settle(dc, dc->dev.now);
    dc_update(dc);
}

/* Deliver the FIFO head word at time t. */
static void dc_deliver(devcfg *dc, zynq_time_ps t)
{
    devcfg_rec *r = rec_at(dc, 0);
    uint32_t w = dc->fifo[dc->fifo_head];
    bool ok = true;
    if (r->loopback) {
        uint8_t b[4] = {(uint8_t)w, (uint8_t)(w >> 8), (uint8_t)(w >> 16),
                        (uint8_t)(w >> 24)};
        bool keyhole = zynq_regs_get(&dc->regs, DEVCFG_CFG) &
                       DEVCFG_CFG_DISABLE_DST_INC;
        uint32_t a = r->dst + (keyhole ? 0 : 4 * r->sent);
        zynq_status st = dc->mem_write ? dc->mem_write(dc->mem_opaque, a, b, 4)
                                       : ZYNQ_SLVERR;
        if (st != ZYNQ_OK) {
            if (!r->error) {
                zynq_dev_log(&dc->dev, ZYNQ_LOG_GUEST_ERROR,
                             "AXI write error at 0x%08x", a);
                dc->stats.commands_failed++;
            }
            set_sts(dc, DEVCFG_INT_AXI_WERR);
            r->error = true;
        } else {
            dc->stats.loopback_bytes += 4;
        }
    } else if (!dc->pl_init) {
        if (!dc->init_warned)
            zynq_dev_log(&dc->dev, ZYNQ_LOG_GUEST_ERROR,
                         "PCAP data while PCFG_INIT=0: stream stalls");
        dc->init_warned = true;
        ok = false;
    } else if (dc->pcap_word) {
        ok = dc->pcap_word(dc->pcap_opaque, w, t);
    }
    if (!ok) {
        if (!dc->stalled)
            dc->stats.stall_count++;
        dc->stalled = true;
        dc->retry_at = t + zynq_muldiv_ceil(1, dc->word_num,
                                            dc->cfg.rate_bytes_per_s);
        return;
    }
    if (!r->loopback)
        dc->stats.pcap_bytes += 4;
    dc->fifo_head = (dc->fifo_head + 1) % DEVCFG_FIFO_MAX;
    dc->fifo_count--;
    r->sent++;
    if (dc->stalled) {
        dc->stalled = false;
        dc->anchor = t;
        dc->sent_since_anchor = 0;
    } else {
        dc->sent_since_anchor++;
    }
    dc->init_warned = false;
    dc_fill(dc, t);
    dc_settle(dc, t);
}

zynq_time_ps devcfg_next_word_time(const devcfg *dc)
{
    if (dc->fifo_count == 0)
        return ZYNQ_TIME_NEVER;
    if (dc->stalled)
        return dc->retry_at;
    return word_time(dc, dc->sent_since_anchor + 1);
}

/* Level causes: INT_STS bits that re-assert while their cause holds. */
static uint32_t dc_causes(const devcfg *dc)
{
    uint32_t c = DEVCFG_INT_PSS_CFG_RESET_B;
    uint32_t th = (zynq_regs_get(&dc->regs, DEVCFG_CFG) >> 8) & 3;
    if (dc->pl_done)
        c |= DEVCFG_INT_PCFG_DONE | DEVCFG_INT_PSS_GTS_USR_B;
    if (dc->fifo_count < (th + 1) * dc->cfg.fifo_words / 4)
        c |= DEVCFG_INT_WR_FIFO_LVL;
    return c;
}

static void dc_update(devcfg *dc)
{
    set_sts(dc, dc_causes(dc));
    uint32_t sts = zynq_regs_get(&dc->regs, DEVCFG_INT_STS);
    uint32_t mask = zynq_regs_get(&dc->regs, DEVCFG_INT_MASK);
    zynq_irq_update(&dc->irq, &dc->irq_level, (sts & ~mask) != 0);
}

/* ---- device ops ----------------------------------------------------- */

static zynq_status devcfg_read(zynq_dev *d, uint32_t off, unsigned size,
                               uint32_t *v)
{
    devcfg *dc = (devcfg *)d;
    *v = 0;
    if (!zynq_dev_check32(d, off, size))
        return ZYNQ_SLVERR;
    if (!zynq_regs_read(&dc->regs, off, v))
        zynq_dev_log(d, ZYNQ_LOG_GUEST_ERROR, "read of reserved 0x%03x", off);
    return ZYNQ_OK;
}

static zynq_status devcfg_write(zynq_dev *d, uint32_t off, unsigned size,
                                uint32_t v)
{
    devcfg *dc = (devcfg *)d;
    if (!zynq_dev_check32(d, off, size))
        return ZYNQ_SLVERR;
    if (dc->illegal) {
        zynq_dev_log(d, ZYNQ_LOG_GUEST_ERROR,
                     "write to 0x%03x refused after a bad UNLOCK", off);
        return ZYNQ_SLVERR;
    }
    if (!zynq_regs_write(&dc->regs, off, v))
        zynq_dev_log(d, ZYNQ_LOG_GUEST_ERROR, "write of reserved 0x%03x", off);
    return ZYNQ_OK;
}

static void devcfg_reset_op(zynq_dev *d)
{
    devcfg *dc = (devcfg *)d;
    zynq_regs_reset(&dc->regs);
    /* MCTRL: PS_VERSION, reserved b23 = 1, PCFG_POR_B (b8, PL powered). */
    zynq_regs_set(&dc->regs, DEVCFG_MCTRL,
                  (dc->cfg.ps_version & 0xFu) << 28 | 1u << 23 | 1u << 8);
    dc->illegal = false;
    dc->pl_init = false;
    dc->pl_done = dc->cfg.pl_done_at_reset;
    dc->init_at = ZYNQ_TIME_NEVER;
    dc->done_cnt = 0;
    dc->rec_head = dc->rec_count = dc->q_count = 0;
    dc->fifo_head = dc->fifo_count = 0;
    dc->anchor = 0;
    dc->sent_since_anchor = 0;
    dc->word_num = 4 * ZYNQ_PS_PER_S;
    dc->stalled = false;
    dc->retry_at = ZYNQ_TIME_NEVER;
    dc->init_warned = false;
    memset(&dc->stats, 0, sizeof dc->stats);
    dc_update(dc);
}

static void devcfg_advance_op(zynq_dev *d, zynq_time_ps now)
{
    devcfg *dc = (devcfg *)d;
    for (;;) {
        zynq_time_ps tw = devcfg_next_word_time(dc);
        zynq_time_ps t = tw < dc->init_at ? tw : dc->init_at;
        if (t > now || t == ZYNQ_TIME_NEVER)
            break;
        d->now = t; /* register side effects happen at the event's time */
        if (t == dc->init_at && t <= tw) {
            dc->init_at = ZYNQ_TIME_NEVER;
            dc->pl_init = true;
            set_sts(dc, DEVCFG_INT_PCFG_INIT_PE);
        } else {
            dc_deliver(dc, t);
        }
        dc_update(dc);
    }
    d->now = now;
    dc_update(dc);
}

/* Earliest time INT_STS/STATUS can change on its own: the next INIT rise, a
 * stall retry, or the word that completes a command's AXI or PCAP side. A
 * failing AXI read is not predicted (see README). */
static zynq_time_ps devcfg_next_event_op(const zynq_dev *d)
{
    const devcfg *dc = (const devcfg *)d;
    zynq_time_ps t = dc->init_at;
    if (dc->fifo_count == 0)
        return t;
    if (dc->stalled)
        return dc->retry_at < t ? dc->retry_at : t;
    const devcfg_rec *h = &dc->rec[dc->rec_head];
    uint64_t n = h->words - h->sent; /* deliveries until head PCAP done */
    if (dc->q_count) {
        const devcfg_rec *r =
            &dc->rec[(dc->rec_head + dc->rec_count - dc->q_count) %
                     DEVCFG_REC_MAX];
        uint64_t unread = r->words - r->read;
        uint64_t room = dc->cfg.fifo_words - dc->fifo_count;
        uint64_t m = unread > room ? unread - room : 1;
        if (m < n)
            n = m;
    }
    if (n == 0)
        n = 1;
    zynq_time_ps tw = word_time(dc, dc->sent_since_anchor + n);
    return tw < t ? tw : t;
}

static const zynq_dev_ops devcfg_ops = {
    devcfg_read, devcfg_write, devcfg_reset_op, devcfg_advance_op,
    devcfg_next_event_op,
};

/* ---- public API ----------------------------------------------------- */

void devcfg_default_config(devcfg_config *c)
{
    c->rate_bytes_per_s = 130000000ULL;
    c->setup_ps = 0;
    c->init_delay_ps = 0;
    c->fifo_words = 127;
    c->burst_words = 16;
    c->auto_done = true;
    c->pl_done_at_reset = false;
    c->ps_version = 3;
}

void devcfg_init(devcfg *dc, const char *name, const devcfg_config *cfg)
{
    memset(dc, 0, sizeof *dc);
    zynq_dev_init(&dc->dev, &devcfg_ops, name, DEVCFG_WINDOW);
    if (cfg)
        dc->cfg = *cfg;
    else
        devcfg_default_config(&dc->cfg);
    if (dc->cfg.fifo_words == 0 || dc->cfg.fifo_words > DEVCFG_FIFO_MAX ||
        dc->cfg.burst_words == 0 || dc->cfg.rate_bytes_per_s == 0) {
        fprintf(stderr, "devcfg_init: bad configuration (fifo %u, burst %u, "
                        "rate %llu)\n", dc->cfg.fifo_words,
                dc->cfg.burst_words,
                (unsigned long long)dc->cfg.rate_bytes_per_s);
        abort();
    }
    zynq_regs_init(&dc->regs, devcfg_regs, DEVCFG_NREGS, dc->val, dc,
                   &dc->dev);
    devcfg_reset_op(&dc->dev);
}

void devcfg_set_irq(devcfg *dc, zynq_irq irq)
{
    dc->irq = irq;
    dc->irq_level = 0;
    dc_update(dc);
}

void devcfg_set_mem(devcfg *dc, devcfg_mem_read_fn rd, devcfg_mem_write_fn wr,
                    void *opaque)
{
    dc->mem_read = rd;
    dc->mem_write = wr;
    dc->mem_opaque = opaque;
}

void devcfg_set_pcap_sink(devcfg *dc, devcfg_pcap_word_fn fn, void *opaque)
{
    dc->pcap_word = fn;
    dc->pcap_opaque = opaque;
}

void devcfg_set_pl_done(devcfg *dc, bool done)
{
    dc->pl_done = done;
    dc_update(dc);
}

void devcfg_pcap_kick(devcfg *dc)
{
    if (dc->stalled)
        dc->retry_at = dc->dev.now;
}

void devcfg_fsbl_state(devcfg *dc)
{
    int c = IDX(DEVCFG_CTRL);
    dc->val[c] |= DEVCFG_CTRL_PCFG_PROG_B;
    dc->pl_init = true;
    dc->pl_done = true;
    dc->init_at = ZYNQ_TIME_NEVER;
    zynq_regs_set(&dc->regs, DEVCFG_INT_STS, 0);
    dc_update(dc);
}

const devcfg_stats *devcfg_get_stats(const devcfg *dc)
{
    return &dc->stats;
}
