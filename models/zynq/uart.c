/* uart.c - Cadence UART (see uart.h). */
#include "uart.h"

#include <string.h>

#define R(off) zynq_regs_get(&u->regs, (off))

static void uart_update(uart *u);
static void tx_kick(uart *u, zynq_time_ps t);

static bool tx_enabled(const uart *u)
{
    uint32_t cr = R(UART_CR);
    return (cr & UART_CR_TX_EN) && !(cr & UART_CR_TX_DIS);
}

static bool rx_enabled(const uart *u)
{
    uint32_t cr = R(UART_CR);
    return (cr & UART_CR_RX_EN) && !(cr & UART_CR_RX_DIS);
}

static unsigned chmode(const uart *u)
{
    return (R(UART_MR) >> 8) & 3u;
}

zynq_time_ps uart_bit_time_ps(const uart *u)
{
    uint64_t cd = R(UART_BAUDGEN) & 0xFFFFu;
    uint64_t bdiv = R(UART_BAUDDIV) & 0xFFu;
    uint64_t clk = (R(UART_MR) & 1u) ? u->cfg.ref_hz / 8 : u->cfg.ref_hz;
    if (cd == 0 || clk == 0)
        return ZYNQ_TIME_NEVER;
    return zynq_muldiv_ceil(cd * (bdiv + 1), ZYNQ_PS_PER_S, clk);
}

zynq_time_ps uart_char_time_ps(const uart *u)
{
    uint32_t mr = R(UART_MR);
    unsigned chrl = (mr >> 1) & 3u, par = (mr >> 3) & 7u, stop = (mr >> 6) & 3u;
    unsigned half_bits = 2 /* start */ +
                         2 * (chrl == 3 ? 6 : chrl == 2 ? 7 : 8) +
                         ((par & 4u) ? 0 : 2) +
                         (stop == 1 ? 3 : stop == 2 ? 4 : 2);
    zynq_time_ps bit = uart_bit_time_ps(u);
    if (bit == ZYNQ_TIME_NEVER)
        return bit;
    return bit * half_bits / 2;
}

static void rx_store(uart *u, uint8_t b)
{
    if (u->rx_count == UART_FIFO_SIZE) {
        zynq_regs_set(&u->regs, UART_ISR, R(UART_ISR) | UART_IXR_ROVR);
        u->rx_dropped++;
        return;
    }
    u->rx[(u->rx_head + u->rx_count++) % UART_FIFO_SIZE] = b;
    u->rx_bytes++;
    zynq_time_ps bt = uart_bit_time_ps(u);
    uint32_t to = R(UART_RXTOUT) & 0xFFu;
    u->timeout_at = (to && bt != ZYNQ_TIME_NEVER)
                        ? u->dev.now + (zynq_time_ps)to * 4 * bt
                        : ZYNQ_TIME_NEVER;
}

/* A character leaves the transmitter at time t. */
static void tx_out(uart *u, uint8_t b, zynq_time_ps t)
{
    u->tx_bytes++;
    if (chmode(u) == 2) { /* local loopback: back into RX, not on the line */
        if (rx_enabled(u))
            rx_store(u, b);
        return;
    }
    if (u->tx_fn)
        u->tx_fn(u->tx_opaque, b, t);
}

static uint8_t tx_pop(uart *u)
{
    uint8_t b = u->tx[u->tx_head];
    u->tx_head = (u->tx_head + 1) % UART_FIFO_SIZE;
    u->tx_count--;
    return b;
}

/* Start (timed) or complete (instant) transmissions at time t. */
static void tx_kick(uart *u, zynq_time_ps t)
{
    if (!tx_enabled(u))
        return;
    if (!u->cfg.tx_timed) {
        while (u->tx_count)
            tx_out(u, tx_pop(u), t);
        return;
    }
    if (!u->tx_busy && u->tx_count) {
        zynq_time_ps ct = uart_char_time_ps(u);
        if (ct == ZYNQ_TIME_NEVER)
            return; /* baud generator disabled: nothing moves */
        u->tx_shift = tx_pop(u);
        u->tx_busy = true;
        u->tx_done_at = t + ct;
    }
}

bool uart_rx_push(uart *u, uint8_t b)
{
    unsigned m = chmode(u);
    bool ok = false;
    if (m == 3) { /* remote loopback: straight back out */
        if (u->tx_fn)
            u->tx_fn(u->tx_opaque, b, u->dev.now);
        return true;
    }
    if (m == 2) /* local loopback: the RX line is disconnected */
        return false;
    if (rx_enabled(u)) {
        ok = u->rx_count < UART_FIFO_SIZE;
        rx_store(u, b);
        if (m == 1 && u->tx_fn) /* automatic echo */
            u->tx_fn(u->tx_opaque, b, u->dev.now);
    } else {
        u->rx_dropped++;
    }
    uart_update(u);
    return ok;
}

unsigned uart_rx_space(const uart *u)
{
    return UART_FIFO_SIZE - u->rx_count;
}

static uint32_t sr_value(const uart *u)
{
    uint32_t s = 0;
    uint32_t rxwm = R(UART_RXWM) & 0x3Fu, txwm = R(UART_TXWM) & 0x3Fu;
    if (rxwm && u->rx_count >= rxwm) s |= UART_SR_RTRIG;
    if (u->rx_count == 0) s |= UART_SR_REMPTY;
    if (u->rx_count == UART_FIFO_SIZE) s |= UART_SR_RFUL;
    if (u->tx_count == 0) s |= UART_SR_TEMPTY;
    if (u->tx_count == UART_FIFO_SIZE) s |= UART_SR_TFUL;
    if (u->tx_busy) s |= UART_SR_TACTIVE;
    if (u->tx_count >= txwm) s |= UART_SR_TTRIG;
    if (u->tx_count >= UART_FIFO_SIZE - 1) s |= UART_SR_TNFUL;
    return s;
}

/* ISR level bits follow SR; the IRQ output is recomputed only here. */
static void uart_update(uart *u)
{
    uint32_t s = sr_value(u);
    uint32_t lvl = 0;
    if (s & UART_SR_RTRIG) lvl |= UART_IXR_RTRIG;
    if (s & UART_SR_REMPTY) lvl |= UART_IXR_REMPTY;
    if (s & UART_SR_RFUL) lvl |= UART_IXR_RFUL;
    if (s & UART_SR_TEMPTY) lvl |= UART_IXR_TEMPTY;
    if (s & UART_SR_TFUL) lvl |= UART_IXR_TFUL;
    if (s & UART_SR_TTRIG) lvl |= UART_IXR_TTRIG;
    if (s & UART_SR_TNFUL) lvl |= UART_IXR_TNFUL;
    uint32_t isr = R(UART_ISR) | lvl;
    zynq_regs_set(&u->regs, UART_ISR, isr);
    zynq_irq_update(&u->irq, &u->irq_level, (isr & R(UART_IMR)) != 0);
}

/* ---- register hooks ------------------------------------------------- */

static void cr_post(void *o, const zynq_reg_info *ri, uint32_t old,
                    uint32_t v)
{
    uart *u = o;
    (void)ri; (void)old;
    if (v & UART_CR_RXRST) {
        u->rx_head = u->rx_count = 0;
        u->timeout_at = ZYNQ_TIME_NEVER;
    }
    if (v & UART_CR_TXRST) {
        u->tx_head = u->tx_count = 0;
        u->tx_busy = false;
    }
    if (v & UART_CR_TORST) {
        zynq_time_ps bt = uart_bit_time_ps(u);
        uint32_t to = R(UART_RXTOUT) & 0xFFu;
        u->timeout_at = (to && u->rx_count && bt != ZYNQ_TIME_NEVER)
                            ? u->dev.now + (zynq_time_ps)to * 4 * bt
                            : ZYNQ_TIME_NEVER;
    }
    /* RXRST, TXRST and TORST clear themselves. */
    zynq_regs_set(&u->regs, UART_CR,
                  v & ~(UART_CR_RXRST | UART_CR_TXRST | UART_CR_TORST));
    tx_kick(u, u->dev.now);
    uart_update(u);
}

static bool ier_pre(void *o, const zynq_reg_info *ri, uint32_t *v)
{
    uart *u = o;
    uint32_t imr = R(UART_IMR);
    imr = ri->offset == UART_IER ? imr | (*v & 0x3FFFu) : imr & ~*v;
    zynq_regs_set(&u->regs, UART_IMR, imr);
    uart_update(u);
    return false;
}

static void update_post(void *o, const zynq_reg_info *ri, uint32_t old,
                        uint32_t v)
{
    (void)ri; (void)old; (void)v;
    uart_update(o);
}

static uint32_t sr_read(void *o, const zynq_reg_info *ri, uint32_t s)
{
    (void)ri; (void)s;
    return sr_value(o);
}

static uint32_t fifo_read(void *o, const zynq_reg_info *ri, uint32_t s)
{
    uart *u = o;
    (void)ri; (void)s;
    if (u->rx_count == 0) {
        zynq_dev_log(&u->dev, ZYNQ_LOG_GUEST_ERROR, "read of empty RX FIFO");
        return 0;
    }
    uint8_t b = u->rx[u->rx_head];
    u->rx_head = (u->rx_head + 1) % UART_FIFO_SIZE;
    u->rx_count--;
    uart_update(u);
    return b;
}

static bool fifo_pre(void *o, const zynq_reg_info *ri, uint32_t *v)
{
    uart *u = o;
    (void)ri;
    if (u->tx_count == UART_FIFO_SIZE) {
        zynq_regs_set(&u->regs, UART_ISR, R(UART_ISR) | UART_IXR_TOVR);
        zynq_dev_log(&u->dev, ZYNQ_LOG_GUEST_ERROR,
                     "TX FIFO overflow: byte 0x%02x lost", *v & 0xFFu);
    } else {
        u->tx[(u->tx_head + u->tx_count++) % UART_FIFO_SIZE] = (uint8_t)*v;
        tx_kick(u, u->dev.now);
    }
    uart_update(u);
    return false;
}

static const zynq_reg_info uart_regs[] = {
    {"CR", UART_CR, 0x128, ~0x1FFu, 0, 0, NULL, cr_post, NULL},
    {"MR", UART_MR, 0, ~0x3FFu, 0, 0, NULL, NULL, NULL},
    {"IER", UART_IER, 0, 0, 0, ZYNQ_REG_WO, ier_pre, NULL, NULL},
    {"IDR", UART_IDR, 0, 0, 0, ZYNQ_REG_WO, ier_pre, NULL, NULL},
    {"IMR", UART_IMR, 0, 0, 0, ZYNQ_REG_RO, NULL, NULL, NULL},
    {"ISR", UART_ISR, 0, ~0x3FFFu, 0x3FFFu, 0, NULL, update_post, NULL},
    {"BAUDGEN", UART_BAUDGEN, 0x28B, ~0xFFFFu, 0, 0, NULL, NULL, NULL},
    {"RXTOUT", UART_RXTOUT, 0, ~0xFFu, 0, 0, NULL, NULL, NULL},
    {"RXWM", UART_RXWM, 0x20, ~0x3Fu, 0, 0, NULL, update_post, NULL},
    {"MODEMCR", UART_MODEMCR, 0, ~0x23u, 0, 0, NULL, NULL, NULL},
    {"MODEMSR", UART_MODEMSR, 0, 0, 0, ZYNQ_REG_RO, NULL, NULL, NULL},
    {"SR", UART_SR, 0, 0, 0, ZYNQ_REG_RO, NULL, NULL, sr_read},
    {"FIFO", UART_FIFO, 0, 0, 0, 0, fifo_pre, NULL, fifo_read},
    {"BAUDDIV", UART_BAUDDIV, 0xF, ~0xFFu, 0, 0, NULL, NULL, NULL},
    {"FLOWDEL", UART_FLOWDEL, 0, ~0x3Fu, 0, 0, NULL, NULL, NULL},
    {"TXWM", UART_TXWM, 0x20, ~0x3Fu, 0, 0, NULL, update_post, NULL},
};
_Static_assert(sizeof uart_regs / sizeof uart_regs[0] == UART_NREGS, "table size");

/* ---- device ops ----------------------------------------------------- */

static zynq_status uart_read(zynq_dev *d, uint32_t off, unsigned size,
                             uint32_t *v)
{
    uart *u = (uart *)d;
    *v = 0;
    if (!zynq_dev_check32(d, off, size))
        return ZYNQ_SLVERR;
    if (!zynq_regs_read(&u->regs, off, v))
        zynq_dev_log(d, ZYNQ_LOG_GUEST_ERROR, "read of reserved 0x%02x", off);
    return ZYNQ_OK;
}

static zynq_status uart_write(zynq_dev *d, uint32_t off, unsigned size,
                              uint32_t v)
{
    uart *u = (uart *)d;
    if (!zynq_dev_check32(d, off, size))
        return ZYNQ_SLVERR;
    if (!zynq_regs_write(&u->regs, off, v))
        zynq_dev_log(d, ZYNQ_LOG_GUEST_ERROR, "write of reserved 0x%02x", off);
    return ZYNQ_OK;
}

static void uart_reset_op(zynq_dev *d)
{
    uart *u = (uart *)d;
    zynq_regs_reset(&u->regs);
    u->tx_head = u->tx_count = u->rx_head = u->rx_count = 0;
    u->tx_busy = false;
    u->tx_done_at = u->timeout_at = ZYNQ_TIME_NEVER;
    u->rx_next_at = d->now;
    uart_update(u);
}

static void uart_advance(zynq_dev *d, zynq_time_ps now)
{
    uart *u = (uart *)d;
    while (u->tx_busy && u->tx_done_at <= now) {
        zynq_time_ps t = u->tx_done_at;
        u->tx_busy = false;
        d->now = t;
        tx_out(u, u->tx_shift, t);
        tx_kick(u, t);
        uart_update(u);
    }
    if (u->rx_src) {
        if (!u->cfg.tx_timed) {
            d->now = now;
            while (u->rx_count < UART_FIFO_SIZE) {
                int c = u->rx_src(u->rx_opaque);
                if (c == UART_RX_EOF)
                    u->rx_src = NULL;
                if (c < 0)
                    break;
                uart_rx_push(u, (uint8_t)c);
            }
        } else {
            zynq_time_ps ct = uart_char_time_ps(u);
            while (ct != ZYNQ_TIME_NEVER && u->rx_next_at <= now &&
                   u->rx_count < UART_FIFO_SIZE) {
                d->now = u->rx_next_at;
                int c = u->rx_src(u->rx_opaque);
                u->rx_next_at += ct;
                if (c == UART_RX_EOF) {
                    u->rx_src = NULL; /* input ended: stop polling */
                    break;
                }
                if (c < 0) {
                    /* nothing to read: poll again one character later */
                    if (u->rx_next_at <= now)
                        u->rx_next_at = now + ct;
                    break;
                }
                uart_rx_push(u, (uint8_t)c);
            }
            if (u->rx_src && u->rx_next_at < now && u->rx_count == UART_FIFO_SIZE)
                u->rx_next_at = now; /* RX FIFO full: data waits upstream */
        }
    }
    d->now = now;
    if (u->timeout_at <= now) {
        u->timeout_at = ZYNQ_TIME_NEVER;
        if (u->rx_count) {
            zynq_regs_set(&u->regs, UART_ISR, R(UART_ISR) | UART_IXR_TIMEOUT);
            uart_update(u);
        }
    }
    /* No uart_update() otherwise: every change of what it reads (FIFO
     * counts, the shifter, ISR, IMR, the watermarks) is followed by one
     * (tx loop above, uart_rx_push, the register hooks), so ISR and the IRQ
     * line are already current; advance is called before every access and
     * at every CPU run budget, mostly with nothing to do. */
}

static zynq_time_ps uart_next_event(const zynq_dev *d)
{
    const uart *u = (const uart *)d;
    zynq_time_ps t = u->timeout_at;
    if (u->tx_busy && u->tx_done_at < t)
        t = u->tx_done_at;
    if (u->rx_src && u->cfg.tx_timed && u->rx_count < UART_FIFO_SIZE &&
        u->rx_next_at < t)
        t = u->rx_next_at;
    return t;
}

static const zynq_dev_ops uart_ops = {uart_read, uart_write, uart_reset_op,
                                      uart_advance, uart_next_event};

void uart_default_config(uart_config *c)
{
    c->ref_hz = ZYNQ_UART_REF_HZ;
    c->tx_timed = false;
}

void uart_init(uart *u, const char *name, const uart_config *cfg)
{
    memset(u, 0, sizeof *u);
    zynq_dev_init(&u->dev, &uart_ops, name, 0x1000);
    if (cfg)
        u->cfg = *cfg;
    else
        uart_default_config(&u->cfg);
    zynq_regs_init(&u->regs, uart_regs, UART_NREGS, u->val, u, &u->dev);
    uart_reset_op(&u->dev);
}

void uart_set_irq(uart *u, zynq_irq irq)
{
    u->irq = irq;
    u->irq_level = 0;
    uart_update(u);
}

void uart_set_tx_sink(uart *u, uart_tx_fn fn, void *opaque)
{
    u->tx_fn = fn;
    u->tx_opaque = opaque;
}

void uart_set_rx_source(uart *u, uart_rx_source_fn fn, void *opaque)
{
    u->rx_src = fn;
    u->rx_opaque = opaque;
    u->rx_next_at = u->dev.now;
}

void uart_fsbl_state(uart *u)
{
    zynq_regs_write(&u->regs, UART_MR, 0x20);       /* 8 data, no parity, 1 stop */
    zynq_regs_write(&u->regs, UART_BAUDGEN, 62);
    zynq_regs_write(&u->regs, UART_BAUDDIV, 6);
    zynq_regs_write(&u->regs, UART_CR, UART_CR_RXRST | UART_CR_TXRST |
                                           UART_CR_RX_EN | UART_CR_TX_EN |
                                           0x100u /* STOPBRK */);
}
