/* slcr.c - System Level Control Registers subset (see slcr.h). */
#include "slcr.h"

#include <string.h>

static bool locked_pre(void *o, const zynq_reg_info *ri, uint32_t *v)
{
    slcr *s = o;
    if (s->locked) {
        zynq_dev_log(&s->dev, ZYNQ_LOG_GUEST_ERROR,
                     "write 0x%08x to %s while the SLCR is locked: ignored",
                     *v, ri->name);
        return false;
    }
    return true;
}

static bool lock_pre(void *o, const zynq_reg_info *ri, uint32_t *v)
{
    slcr *s = o;
    bool lock = ri->offset == SLCR_LOCK;
    if ((*v & 0xFFFFu) == (lock ? SLCR_LOCK_KEY : SLCR_UNLOCK_KEY))
        s->locked = lock;
    else
        zynq_dev_log(&s->dev, ZYNQ_LOG_GUEST_ERROR, "wrong %s key 0x%x",
                     ri->name, *v);
    return false;
}

static uint32_t locksta_read(void *o, const zynq_reg_info *ri, uint32_t st)
{
    (void)ri; (void)st;
    return ((slcr *)o)->locked;
}

static void clock_post(void *o, const zynq_reg_info *ri, uint32_t old,
                       uint32_t v)
{
    slcr *s = o;
    if (old == v || !s->cb.clock)
        return;
    if (ri->offset >= SLCR_FPGA_CLK_CTRL(0) &&
        ri->offset <= SLCR_FPGA_CLK_CTRL(3))
        s->cb.clock(s->cb.opaque, (ri->offset - SLCR_FPGA_CLK_CTRL(0)) / 0x10);
    else
        s->cb.clock(s->cb.opaque, 4);
}

static void value_post(void *o, const zynq_reg_info *ri, uint32_t old,
                       uint32_t v)
{
    slcr *s = o;
    (void)old;
    if (ri->offset == SLCR_FPGA_RST_CTRL && s->cb.pl_reset)
        s->cb.pl_reset(s->cb.opaque, v);
    else if (ri->offset == SLCR_LVL_SHFTR_EN && s->cb.lvl_shftr)
        s->cb.lvl_shftr(s->cb.opaque, v);
    else if (ri->offset == SLCR_PSS_RST_CTRL && (v & 1u)) {
        zynq_dev_log(&s->dev, ZYNQ_LOG_INFO, "PSS_RST_CTRL soft reset");
        if (s->cb.soft_reset)
            s->cb.soft_reset(s->cb.opaque, v);
    }
}

#define P locked_pre
/* Reset values: UG585 B.28 (see README for which were checked). */
static const zynq_reg_info slcr_regs[] = {
    {"SCL", SLCR_SCL, 0, ~1u, 0, 0, P, NULL, NULL},
    {"SLCR_LOCK", SLCR_LOCK, 0, 0, 0, ZYNQ_REG_WO, lock_pre, NULL, NULL},
    {"SLCR_UNLOCK", SLCR_UNLOCK, 0, 0, 0, ZYNQ_REG_WO, lock_pre, NULL, NULL},
    {"SLCR_LOCKSTA", SLCR_LOCKSTA, 1, 0, 0, ZYNQ_REG_RO, NULL, NULL,
     locksta_read},
    {"ARM_PLL_CTRL", 0x100, 0x0001A008, 0, 0, 0, P, clock_post, NULL},
    {"DDR_PLL_CTRL", 0x104, 0x0001A008, 0, 0, 0, P, clock_post, NULL},
    {"IO_PLL_CTRL", 0x108, 0x0001A008, 0, 0, 0, P, clock_post, NULL},
    {"PLL_STATUS", 0x10C, 0x3F, 0, 0, ZYNQ_REG_RO, NULL, NULL, NULL},
    {"ARM_PLL_CFG", 0x110, 0x00177EA0, 0, 0, 0, P, NULL, NULL},
    {"DDR_PLL_CFG", 0x114, 0x00177EA0, 0, 0, 0, P, NULL, NULL},
    {"IO_PLL_CFG", 0x118, 0x00177EA0, 0, 0, 0, P, NULL, NULL},
    {"ARM_CLK_CTRL", 0x120, 0x1F000400, 0, 0, 0, P, clock_post, NULL},
    {"DDR_CLK_CTRL", 0x124, 0x18400003, 0, 0, 0, P, NULL, NULL},
    {"DCI_CLK_CTRL", 0x128, 0x01E03201, 0, 0, 0, P, NULL, NULL},
    {"APER_CLK_CTRL", 0x12C, 0x01FFCCCD, 0, 0, 0, P, NULL, NULL},
    {"USB0_CLK_CTRL", 0x130, 0x00101941, 0, 0, 0, P, NULL, NULL},
    {"USB1_CLK_CTRL", 0x134, 0x00101941, 0, 0, 0, P, NULL, NULL},
    {"GEM0_RCLK_CTRL", 0x138, 0x1, 0, 0, 0, P, NULL, NULL},
    {"GEM1_RCLK_CTRL", 0x13C, 0x1, 0, 0, 0, P, NULL, NULL},
    {"GEM0_CLK_CTRL", 0x140, 0x3C01, 0, 0, 0, P, NULL, NULL},
    {"GEM1_CLK_CTRL", 0x144, 0x3C01, 0, 0, 0, P, NULL, NULL},
    {"SMC_CLK_CTRL", 0x148, 0x3C21, 0, 0, 0, P, NULL, NULL},
    {"LQSPI_CLK_CTRL", 0x14C, 0x2821, 0, 0, 0, P, NULL, NULL},
    {"SDIO_CLK_CTRL", 0x150, 0x1E03, 0, 0, 0, P, NULL, NULL},
    {"UART_CLK_CTRL", 0x154, 0x3F03, 0, 0, 0, P, clock_post, NULL},
    {"SPI_CLK_CTRL", 0x158, 0x3F03, 0, 0, 0, P, NULL, NULL},
    {"CAN_CLK_CTRL", 0x15C, 0x00501903, 0, 0, 0, P, NULL, NULL},
    {"CAN_MIOCLK_CTRL", 0x160, 0, 0, 0, 0, P, NULL, NULL},
    {"DBG_CLK_CTRL", 0x164, 0xF03, 0, 0, 0, P, NULL, NULL},
    {"PCAP_CLK_CTRL", SLCR_PCAP_CLK_CTRL, 0x0F01, 0, 0, 0, P, NULL, NULL},
    {"TOPSW_CLK_CTRL", 0x16C, 0, 0, 0, 0, P, NULL, NULL},
    {"FPGA0_CLK_CTRL", 0x170, 0x00101800, 0, 0, 0, P, clock_post, NULL},
    {"FPGA0_THR_CTRL", 0x174, 0, 0, 0, 0, P, NULL, NULL},
    {"FPGA0_THR_CNT", 0x178, 0, 0, 0, 0, P, NULL, NULL},
    {"FPGA0_THR_STA", 0x17C, 0x00010000, 0, 0, ZYNQ_REG_RO, NULL, NULL, NULL},
    {"FPGA1_CLK_CTRL", 0x180, 0x00101800, 0, 0, 0, P, clock_post, NULL},
    {"FPGA2_CLK_CTRL", 0x190, 0x00101800, 0, 0, 0, P, clock_post, NULL},
    {"FPGA3_CLK_CTRL", 0x1A0, 0x00101800, 0, 0, 0, P, clock_post, NULL},
    {"CLK_621_TRUE", 0x1C4, 0x1, 0, 0, 0, P, NULL, NULL},
    {"PSS_RST_CTRL", SLCR_PSS_RST_CTRL, 0, 0, 0, 0, P, value_post, NULL},
    {"DDR_RST_CTRL", 0x204, 0, 0, 0, 0, P, NULL, NULL},
    {"TOPSW_RST_CTRL", 0x208, 0, 0, 0, 0, P, NULL, NULL},
    {"DMAC_RST_CTRL", 0x20C, 0, 0, 0, 0, P, NULL, NULL},
    {"USB_RST_CTRL", 0x210, 0, 0, 0, 0, P, NULL, NULL},
    {"GEM_RST_CTRL", 0x214, 0, 0, 0, 0, P, NULL, NULL},
    {"SDIO_RST_CTRL", 0x218, 0, 0, 0, 0, P, NULL, NULL},
    {"SPI_RST_CTRL", 0x21C, 0, 0, 0, 0, P, NULL, NULL},
    {"CAN_RST_CTRL", 0x220, 0, 0, 0, 0, P, NULL, NULL},
    {"I2C_RST_CTRL", 0x224, 0, 0, 0, 0, P, NULL, NULL},
    {"UART_RST_CTRL", SLCR_UART_RST_CTRL, 0, 0, 0, 0, P, NULL, NULL},
    {"GPIO_RST_CTRL", 0x22C, 0, 0, 0, 0, P, NULL, NULL},
    {"LQSPI_RST_CTRL", 0x230, 0, 0, 0, 0, P, NULL, NULL},
    {"SMC_RST_CTRL", 0x234, 0, 0, 0, 0, P, NULL, NULL},
    {"OCM_RST_CTRL", 0x238, 0, 0, 0, 0, P, NULL, NULL},
    {"FPGA_RST_CTRL", SLCR_FPGA_RST_CTRL, 0x01F33F0F, 0, 0, 0, P, value_post,
     NULL},
    {"A9_CPU_RST_CTRL", SLCR_A9_CPU_RST_CTRL, 0, 0, 0, 0, P, NULL, NULL},
    {"RS_AWDT_CTRL", 0x24C, 0, 0, 0, 0, P, NULL, NULL},
    {"REBOOT_STATUS", SLCR_REBOOT_STATUS, 0x00400000, 0, 0, 0, P, NULL, NULL},
    {"BOOT_MODE", SLCR_BOOT_MODE, 0, 0, 0, ZYNQ_REG_RO, NULL, NULL, NULL},
    {"PSS_IDCODE", SLCR_PSS_IDCODE, 0x03727093, 0, 0, ZYNQ_REG_RO, NULL, NULL,
     NULL},
    {"LVL_SHFTR_EN", SLCR_LVL_SHFTR_EN, 0, ~0xFu, 0, 0, P, value_post, NULL},
    {"OCM_CFG", SLCR_OCM_CFG, 0, 0, 0, 0, P, NULL, NULL},
};
#undef P
_Static_assert(sizeof slcr_regs / sizeof slcr_regs[0] == SLCR_NREGS, "SLCR table");

static bool is_mio(uint32_t off)
{
    return off >= SLCR_MIO_PIN(0) && off <= SLCR_MIO_PIN(SLCR_MIO_PINS - 1);
}

static zynq_status slcr_read(zynq_dev *d, uint32_t off, unsigned size,
                             uint32_t *v)
{
    slcr *s = (slcr *)d;
    *v = 0;
    if (!zynq_dev_check32(d, off, size))
        return ZYNQ_SLVERR;
    if (is_mio(off))
        *v = s->mio[(off - SLCR_MIO_PIN(0)) / 4];
    else if (!zynq_regs_read(&s->regs, off, v))
        zynq_dev_log(d, ZYNQ_LOG_UNIMP, "read of unmodelled 0x%03x -> 0", off);
    return ZYNQ_OK;
}

static zynq_status slcr_write(zynq_dev *d, uint32_t off, unsigned size,
                              uint32_t v)
{
    slcr *s = (slcr *)d;
    if (!zynq_dev_check32(d, off, size))
        return ZYNQ_SLVERR;
    if (is_mio(off)) {
        if (s->locked)
            zynq_dev_log(d, ZYNQ_LOG_GUEST_ERROR,
                         "MIO_PIN write while locked: ignored");
        else
            s->mio[(off - SLCR_MIO_PIN(0)) / 4] = v & 0x3FFFu;
    } else if (!zynq_regs_write(&s->regs, off, v)) {
        zynq_dev_log(d, ZYNQ_LOG_UNIMP, "write 0x%08x to unmodelled 0x%03x "
                     "dropped", v, off);
    }
    return ZYNQ_OK;
}

static void slcr_reset_op(zynq_dev *d)
{
    slcr *s = (slcr *)d;
    zynq_regs_reset(&s->regs);
    for (unsigned i = 0; i < SLCR_MIO_PINS; i++)
        s->mio[i] = 0x1601;
    s->locked = true;
}

static const zynq_dev_ops slcr_ops = {slcr_read, slcr_write, slcr_reset_op,
                                      NULL, NULL};

void slcr_init(slcr *s, const char *name, uint64_t ps_clk_hz)
{
    memset(s, 0, sizeof *s);
    zynq_dev_init(&s->dev, &slcr_ops, name, 0x1000);
    s->ps_clk_hz = ps_clk_hz ? ps_clk_hz : ZYNQ_PS_CLK_HZ;
    zynq_regs_init(&s->regs, slcr_regs, SLCR_NREGS, s->val, s, &s->dev);
    slcr_reset_op(&s->dev);
}

void slcr_set_callbacks(slcr *s, const slcr_callbacks *cb)
{
    s->cb = *cb;
}

/* PLL_CTRL: b18:12 PLL_FDIV, b4 PLL_BYPASS_FORCE (UG585 B.28). */
uint64_t slcr_pll_hz(const slcr *s, unsigned pll)
{
    uint32_t c = zynq_regs_get(&s->regs, SLCR_ARM_PLL_CTRL + 4 * pll);
    if (c & (1u << 4))
        return s->ps_clk_hz;
    return s->ps_clk_hz * ((c >> 12) & 0x7Fu);
}

/* FPGAn_CLK_CTRL: b5:4 SRCSEL (0x IO PLL, 10 ARM PLL, 11 DDR PLL),
 * b13:8 DIVISOR0, b25:20 DIVISOR1. */
uint64_t slcr_fclk_hz(const slcr *s, unsigned n)
{
    uint32_t c = zynq_regs_get(&s->regs, SLCR_FPGA_CLK_CTRL(n));
    unsigned src = (c >> 4) & 3u;
    uint64_t d0 = (c >> 8) & 0x3Fu, d1 = (c >> 20) & 0x3Fu;
    if (d0 == 0 || d1 == 0)
        return 0;
    uint64_t pll = slcr_pll_hz(s, src == 2 ? 0 : src == 3 ? 1 : 2);
    return pll / (d0 * d1);
}

void slcr_fsbl_state(slcr *s)
{
    zynq_regs_write(&s->regs, SLCR_UNLOCK, SLCR_UNLOCK_KEY);
    zynq_regs_write(&s->regs, SLCR_ARM_PLL_CTRL, 40u << 12);
    zynq_regs_write(&s->regs, SLCR_DDR_PLL_CTRL, 32u << 12);
    zynq_regs_write(&s->regs, SLCR_IO_PLL_CTRL, 30u << 12);
    /* ARM clock: ARM PLL / 2 = 666.7 MHz (b5:4 = 00, DIVISOR 2). */
    zynq_regs_write(&s->regs, SLCR_ARM_CLK_CTRL, 0x1F000200);
    /* UART ref: IO PLL / 20 = 50 MHz, both UART clocks enabled. */
    zynq_regs_write(&s->regs, SLCR_UART_CLK_CTRL, 0x00001403);
    /* PCAP: IO PLL / 5 = 200 MHz, enabled. */
    zynq_regs_write(&s->regs, SLCR_PCAP_CLK_CTRL, 0x00000501);
    /* FCLK0: IO PLL / 10 / 1 = 100 MHz. */
    zynq_regs_write(&s->regs, SLCR_FPGA_CLK_CTRL(0), 0x00100A00);
    zynq_regs_write(&s->regs, SLCR_LVL_SHFTR_EN, 0xF);
    zynq_regs_write(&s->regs, SLCR_FPGA_RST_CTRL, 0);
    zynq_regs_write(&s->regs, SLCR_LOCK, SLCR_LOCK_KEY);
}
