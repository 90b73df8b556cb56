/*
 * pl_cosim.c - the PL co-simulation seen from the CPU (dprsim boot with the
 * Verilated PL attached at M_AXI_GP0, sim/platform/plat_pl.h).
 *
 * 1. Reads the PRR Monitor ID and the cfg_port ID over GP0 and prints them.
 * 2. Loads the SimB placed at PL_SIMB_ADDR (`--load FILE@0x01000000`, a QAM16
 *    bitstream for PRR0 built by scripts/simb.py) through the DevCfg PCAP
 *    (UG585 6.4.2: PCAP_PR, PCAP_MODE, DMA_DST 0xFFFFFFFF), waits for
 *    D_P_DONE and PCFG_DONE, then checks cfg_port (LOADS + 1, ERROR 0) and
 *    that PRR0 now holds module 0x14. Prints the PCAP time in PL cycles and
 *    the bitstream size.
 * 3. Runs one QAM job on PRR0 through its register group (input generated
 *    with the LCG below, in DDR), waits in WFI for the PRR0 interrupt (IRQ_F2P
 *    bit 4 = GIC ID 65), prints the job time in PL cycles (global timer and
 *    FRAME_CYCLES) and a CRC-32 of the output bytes. The expected CRC comes
 *    from the golden model on the host (tests/sim/pl_qam_ref.cc); the test
 *    compares the two.
 * 4. PCAP back-pressure: starts a one-frame QAM16 job of 18,800 bits on PRR0
 *    and at once loads a QAM4 SimB for PRR0 (placed at PL_SIMB2_ADDR):
 *    cfg_port holds the stream before the payload until the frame is over,
 *    so the DevCfg stalls and the load takes longer than bytes / 130 MB/s.
 *    Checks the job completed its frame and PRR0 then holds QAM4.
 * 5. A truncated bitstream (the first 1000 words of that SimB): cfg_port
 *    reports TRUNCATED after TIMEOUT (65,536) PL cycles without a word; the
 *    platform must keep clocking the PL that long although nothing else
 *    happens (plat_pl.h, idle window). Prints the detection delay.
 * Exit status: 0 when every check in the firmware holds.
 * Times: the global timer counts PERIPHCLK (CPU_6x4x / 2 = 333.33 MHz);
 * PL cycles (FCLK0 100 MHz) = ticks * 3 / 10.
 */
#include "fw.h"
#include "dprsim_pl_regs.h"

#define PL(off)        (PL_MAP_GP0_BASE + (off))
#define PRR0(off)      PL(PL_MAP_PRR(0) + (off))

#include "dcfg_regs.h"

#define PL_SIMB_ADDR   0x01000000u
#define PL_SIMB2_ADDR  0x01100000u
#define QAM_DST2       0x00400000u
#define QAM_LONG_LEN   18800u    /* bits: the PRR controller's default frame */
#define QAM4_ID        0x12u
#define QAM_SRC        0x00200000u
#define QAM_DST        0x00300000u
#define QAM_FRAME_LEN  2048u     /* bits per frame */
#define QAM_FRAMES     4u
#define QAM16_ID       0x14u
#define GIC_PRR0       65u       /* IRQ_F2P[4] (UG585 table 7-4) */

static volatile uint32_t job_done, job_done_at, job_int;

static void puthex(uint32_t v)
{
    fw_puts("0x");
    for (int i = 7; i >= 0; i--) fw_putc("0123456789ABCDEF"[(v >> (4 * i)) & 0xFu]);
}

static uint32_t gt(void) { return FW_REG(FW_GTIMER + 0x00); }

void fw_irq_handler(void)
{
    uint32_t iar = FW_REG(FW_GIC_CPU + 0x0C);
    if ((iar & 0x3FFu) == GIC_PRR0) {
        job_done_at = gt();
        uint32_t s = FW_REG(PRR0(PL_PRR_INT_STATUS));
        job_int = s;
        FW_REG(PRR0(PL_PRR_INT_STATUS)) = s;   /* status W1C, enables kept */
        job_done = 1;
    }
    if ((iar & 0x3FFu) != 1023) FW_REG(FW_GIC_CPU + 0x10) = iar;
}

/* CRC-32/IEEE (reflected 0xEDB88320), as zlib crc32. */
static uint32_t crc32(const volatile uint8_t *p, uint32_t n)
{
    uint32_t c = 0xFFFFFFFFu;
    for (uint32_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return ~c;
}

/* PCAP write of the SimB at addr (DevCfg already set up), its first *words
 * words (all of it when *words is 0); returns the global-timer ticks to
 * D_P_DONE (0 on a 1 s timeout) and sets *words to the length sent. */
static uint32_t pcap_load(uint32_t addr, uint32_t *words)
{
    const volatile uint32_t *simb = (const volatile uint32_t *)addr;
    uint32_t n = *words ? *words : simb[5] + 8u;   /* sync, 5 header, payload, CRC, DESYNC */
    *words = n;
    FW_REG(DCFG_REG(DCFG_INT_STS)) = 0xFFFFFFFFu;
    uint32_t t0 = gt();
    FW_REG(DCFG_REG(DCFG_DMA_SRC_ADDR)) = addr;
    FW_REG(DCFG_REG(DCFG_DMA_DST_ADDR)) = 0xFFFFFFFFu;
    FW_REG(DCFG_REG(DCFG_DMA_SRC_LEN)) = n;
    FW_REG(DCFG_REG(DCFG_DMA_DEST_LEN)) = n;                       /* queues the command */
    while (!(FW_REG(DCFG_REG(DCFG_INT_STS)) & DCFG_INT_D_P_DONE))
        if (gt() - t0 > 333333333u) return 0;
    return gt() - t0;
}

static int check(int ok, const char *what)
{
    if (!ok) {
        fw_puts("FAIL: ");
        fw_puts(what);
        fw_putc('\n');
    }
    return ok ? 0 : 1;
}

int main(void)
{
    int bad = 0;
    FW_REG(FW_GTIMER + 0x08) = 1;   /* global timer on */

    /* 1. GP0 register reads. */
    uint32_t mon_id = FW_REG(PL(PL_MAP_MON_BASE + PL_MON_ID));
    uint32_t cfg_id = FW_REG(PL(PL_MAP_CFG_BASE + PL_CFG_ID));
    fw_puts("pl: monitor id ");
    puthex(mon_id);
    fw_puts(", cfg id ");
    puthex(cfg_id);
    fw_putc('\n');
    bad |= check(mon_id == PL_MON_ID_RESET, "monitor id");
    bad |= check(cfg_id == PL_CFG_ID_RESET, "cfg id");

    /* 2. SimB through the PCAP into PRR0. */
    const volatile uint32_t *simb = (const volatile uint32_t *)PL_SIMB_ADDR;
    bad |= check(simb[0] == PL_CFG_SYNC && simb[3] == 0 && simb[4] == QAM16_ID,
                 "SimB header (sync, PRR0, QAM16) at 0x01000000");
    uint32_t loads0 = FW_REG(PL(PL_MAP_CFG_BASE + PL_CFG_LOADS));
    FW_REG(DCFG_REG(DCFG_UNLOCK)) = 0x757BDF0Du;
    FW_REG(DCFG_REG(DCFG_CTRL)) |= (1u << 27) | (1u << 26);   /* PCAP_PR, PCAP_MODE */
    FW_REG(DCFG_REG(DCFG_MCTRL)) &= ~(1u << 4);               /* no loopback */
    FW_REG(DCFG_REG(DCFG_INT_MASK)) = 0xFFFFFFFFu;
    uint32_t words = 0;
    uint32_t pcap_ticks = pcap_load(PL_SIMB_ADDR, &words);
    bad |= check(pcap_ticks != 0, "D_P_DONE within 1 s");
    /* cfg_port installs the module at DESYNC; the PRR then holds it in reset
     * for MOD_RESET_CYCLES: wait for MODULE_VALID. */
    uint32_t ps;
    uint32_t t2 = gt();
    while (!((ps = FW_REG(PRR0(PL_PRR_PROC_STATUS))) & PL_PRR_PROC_STATUS_MODULE_VALID_MASK) ||
           (ps & PL_PRR_PROC_STATUS_RECONFIGURING_MASK)) {
        if (gt() - t2 > 3333333u) break;   /* 10 ms */
    }
    uint32_t sts = FW_REG(DCFG_REG(DCFG_INT_STS));
    uint32_t cstat = FW_REG(PL(PL_MAP_CFG_BASE + PL_CFG_STATUS));
    uint32_t cerr = FW_REG(PL(PL_MAP_CFG_BASE + PL_CFG_ERROR));
    uint32_t loads = FW_REG(PL(PL_MAP_CFG_BASE + PL_CFG_LOADS));
    uint32_t module = FW_REG(PRR0(PL_PRR_MODULE));
    fw_puts("pcap: ");
    fw_putdec(words * 4u);
    fw_puts(" bytes in ");
    fw_putdec(pcap_ticks * 3u / 10u);
    fw_puts(" PL cycles; devcfg int_sts ");
    puthex(sts);
    fw_puts(", cfg status ");
    puthex(cstat);
    fw_puts(" error ");
    puthex(cerr);
    fw_puts(" loads ");
    fw_putdec(loads - loads0);
    fw_puts(", prr0 module ");
    puthex(module);
    fw_putc('\n');
    bad |= check(sts & DCFG_INT_PCFG_DONE, "PCFG_DONE");
    bad |= check((cerr & PL_CFG_ERROR_CODE_MASK) == PL_CFG_ERR_NONE, "cfg_port error code 0");
    bad |= check(loads == loads0 + 1, "cfg_port LOADS + 1");
    bad |= check((cstat & PL_CFG_STATUS_BUSY_MASK) == 0, "cfg_port idle");
    /* MODULE: [7:0] id, [8] valid, [23:16] variant (4 bits per symbol) */
    bad |= check(module == (QAM16_ID | 0x100u | (4u << 16)), "PRR0 module QAM16, valid");
    FW_REG(PRR0(PL_PRR_INT_STATUS)) = 0xFF00u;     /* clear LOADED etc. */

    /* 3. One QAM16 job on PRR0, completion by interrupt. */
    volatile uint32_t *src = (volatile uint32_t *)QAM_SRC;
    uint32_t in_words = 1024u;   /* job 3 reads the first 256, job 4 the first 588 */
    uint32_t x = 12345u;
    for (uint32_t i = 0; i < in_words; i++) {
        x = x * 1664525u + 1013904223u;   /* LCG (Numerical Recipes) */
        src[i] = x;
    }
    uint32_t out_words = QAM_FRAMES * (QAM_FRAME_LEN / 4u);
    volatile uint32_t *dst = (volatile uint32_t *)QAM_DST;
    for (uint32_t i = 0; i < out_words; i++) dst[i] = 0xDEADBEEFu;

    FW_REG(FW_GIC_DIST + 0x000) = 1;
    FW_REG(FW_GIC_DIST + 0x400 + (GIC_PRR0 & ~3u)) = 0xA0A0A0A0u;  /* ICDIPR: IDs 64..67 */
    FW_REG(FW_GIC_DIST + 0x800 + (GIC_PRR0 & ~3u)) = 0x01010101u;  /* CPU 0 */
    FW_REG(FW_GIC_DIST + 0x100 + 4u * (GIC_PRR0 / 32u)) = 1u << (GIC_PRR0 % 32u);
    FW_REG(FW_GIC_CPU + 0x04) = 0xF0;
    FW_REG(FW_GIC_CPU + 0x00) = 1;

    FW_REG(PRR0(PL_PRR_SRC_ADDR)) = QAM_SRC;
    FW_REG(PRR0(PL_PRR_DST_ADDR)) = QAM_DST;
    FW_REG(PRR0(PL_PRR_FRAME_LEN)) = QAM_FRAME_LEN;
    FW_REG(PRR0(PL_PRR_FRAMES)) = QAM_FRAMES;
    FW_REG(PRR0(PL_PRR_INT_STATUS)) = 0xFF00u | (1u << PL_PRR_INT_DONE) | (1u << PL_PRR_INT_ERROR);
    __asm__ volatile("cpsie i" ::: "memory");
    uint32_t j0 = gt();
    FW_REG(PRR0(PL_PRR_PROC_STATUS)) = PL_PRR_PROC_STATUS_START_MASK;
    while (!job_done)
        __asm__ volatile("wfi" ::: "memory");
    __asm__ volatile("cpsid i" ::: "memory");
    uint32_t pst = FW_REG(PRR0(PL_PRR_PROC_STATUS));
    uint32_t prog = FW_REG(PRR0(PL_PRR_PROGRESS));
    uint32_t fcyc = FW_REG(PRR0(PL_PRR_FRAME_CYCLES));
    uint32_t crc = crc32((const volatile uint8_t *)QAM_DST, out_words * 4u);
    fw_puts("qam: ");
    fw_putdec(QAM_FRAMES);
    fw_puts(" frames of ");
    fw_putdec(QAM_FRAME_LEN);
    fw_puts(" bits in ");
    fw_putdec((job_done_at - j0) * 3u / 10u);
    fw_puts(" PL cycles (start write to interrupt), frame_cycles ");
    fw_putdec(fcyc);
    fw_puts(", int ");
    puthex(job_int);
    fw_putc('\n');
    fw_puts("qam: output crc32 ");
    puthex(crc);
    fw_putc('\n');
    bad |= check(job_int & (0x100u << PL_PRR_INT_DONE), "DONE interrupt");
    bad |= check(!(job_int & (0x100u << PL_PRR_INT_ERROR)), "no ERROR interrupt");
    bad |= check(pst & PL_PRR_PROC_STATUS_DONE_MASK, "PROC_STATUS.DONE");
    bad |= check(prog == QAM_FRAMES, "PROGRESS = FRAMES");

    /* 4. A SimB for PRR0 while a frame runs on it: PCAP back-pressure. */
    FW_REG(PRR0(PL_PRR_INT_STATUS)) = 0xFF00u;     /* interrupts off, cleared */
    FW_REG(PRR0(PL_PRR_DST_ADDR)) = QAM_DST2;
    FW_REG(PRR0(PL_PRR_FRAME_LEN)) = QAM_LONG_LEN;
    FW_REG(PRR0(PL_PRR_FRAMES)) = 1;
    FW_REG(PRR0(PL_PRR_PROC_STATUS)) = PL_PRR_PROC_STATUS_START_MASK;
    uint32_t words2 = 0;
    uint32_t pcap2 = pcap_load(PL_SIMB2_ADDR, &words2);
    bad |= check(pcap2 != 0, "second D_P_DONE within 1 s");
    uint32_t t3 = gt();
    while (!((ps = FW_REG(PRR0(PL_PRR_MODULE))) & 0x100u) && gt() - t3 < 3333333u)
        ;
    uint32_t prog2 = FW_REG(PRR0(PL_PRR_PROGRESS));
    uint32_t pst2 = FW_REG(PRR0(PL_PRR_PROC_STATUS));
    /* ideal: words * 4 B at 130 MB/s = words * 4 / 1.3 PL cycles */
    uint32_t ideal2 = words2 * 40u / 13u;
    fw_puts("pcap during a frame: ");
    fw_putdec(words2 * 4u);
    fw_puts(" bytes in ");
    fw_putdec(pcap2 * 3u / 10u);
    fw_puts(" PL cycles (");
    fw_putdec(ideal2);
    fw_puts(" at 130 MB/s), frame_cycles ");
    fw_putdec(FW_REG(PRR0(PL_PRR_FRAME_CYCLES)));
    fw_puts(", prr0 module ");
    puthex(ps);
    fw_putc('\n');
    bad |= check(pcap2 * 3u / 10u > ideal2 + 1000u, "PCAP held back by the running frame");
    bad |= check(prog2 == 1 && (pst2 & PL_PRR_PROC_STATUS_DONE_MASK), "frame completed before the swap");
    bad |= check(ps == (QAM4_ID | 0x100u | (2u << 16)), "PRR0 module QAM4, valid");

    /* 5. Truncated bitstream: TRUNCATED after TIMEOUT idle PL cycles. */
    uint32_t errs0 = FW_REG(PL(PL_MAP_CFG_BASE + PL_CFG_ERRORS));
    uint32_t words3 = 1000u;
    bad |= check(pcap_load(PL_SIMB2_ADDR, &words3) != 0, "third D_P_DONE");
    uint32_t t4 = gt(), code;
    while ((code = FW_REG(PL(PL_MAP_CFG_BASE + PL_CFG_ERROR)) & PL_CFG_ERROR_CODE_MASK) !=
               PL_CFG_ERR_TRUNCATED && gt() - t4 < 666667u)   /* 2 ms */
        ;
    uint32_t trunc = (gt() - t4) * 3u / 10u;
    fw_puts("truncated: error code ");
    fw_putdec(code);
    fw_puts(" after ");
    fw_putdec(trunc);
    fw_puts(" PL cycles (timeout ");
    fw_putdec(FW_REG(PL(PL_MAP_CFG_BASE + PL_CFG_TIMEOUT)));
    fw_puts(")\n");
    bad |= check(code == PL_CFG_ERR_TRUNCATED, "cfg_port TRUNCATED");
    bad |= check(FW_REG(PL(PL_MAP_CFG_BASE + PL_CFG_ERRORS)) == errs0 + 1, "cfg_port ERRORS + 1");
    bad |= check(trunc > 65000u && trunc < 66500u, "TRUNCATED about TIMEOUT cycles after the last word");
    fw_puts(bad ? "pl_cosim: FAIL\n" : "pl_cosim: ok\n");
    fw_uart_drain();
    return bad;
}
