/*
 * pl_busy.c - PL-bound program for bench/platform_bench: long jobs on all
 * four PRRs with the modules they hold at reset (PL_PRR_INIT_MODULE in
 * rtl/pl_params.vh: PRR0 QAM4, PRR1 QAM16, PRR2 IFFT256, PRR3 IFFT1024), no
 * bitstream loaded. Each job is started through its PRR controller group
 * (docs/pl-registers.md: SRC_ADDR, DST_ADDR, FRAMES, INT_STATUS enables,
 * PROC_STATUS.START) and signals its end with its IRQ_F2P line (PRR n =
 * IRQ_F2P[4 + n] = GIC ID 65 + n, UG585 table 7-4).
 *
 * Frames per job: the word at PB_PARAM_ADDR (the bench places it with
 * `dprsim boot --load FILE@0x00F00000`); 0 (nothing loaded) means
 * PB_FRAMES_DEFAULT; at most PB_FRAMES_MAX.
 *
 * Built twice (tests/sim/CMakeLists.txt):
 *   simfw_pl_busy      the CPU sleeps in WFI until every job is done;
 *   simfw_pl_busy_cpu  (-DPB_CPU_LOOP) the CPU runs a checksum loop
 *                      (the one of cpu_loop.c) until every job is done.
 * Prints one line per PRR (frames done, FRAME_CYCLES) and the PL time in
 * PL cycles (global timer ticks * 3 / 10: PERIPHCLK 333.33 MHz, FCLK0
 * 100 MHz). Exit status 0 when every job ended DONE without ERROR.
 */
#include "fw.h"
#include "dprsim_pl_regs.h"

#define PB_PARAM_ADDR      0x00F00000u
#define PB_FRAMES_DEFAULT  4u
#define PB_FRAMES_MAX      400u
#define PB_NPRR            4u
#define PB_SRC(n)          (0x00200000u + (n) * 0x00200000u)  /* 2 MiB each */
#define PB_DST(n)          (0x02000000u + (n) * 0x01000000u)  /* 16 MiB each */
#define PB_GIC_PRR0        65u

#define PRR(n, off)  (PL_MAP_GP0_BASE + PL_MAP_PRR(n) + (off))

static volatile uint32_t done_mask, int_status[PB_NPRR];

void fw_irq_handler(void)
{
    uint32_t iar = FW_REG(FW_GIC_CPU + 0x0C);
    uint32_t id = iar & 0x3FFu;
    if (id >= PB_GIC_PRR0 && id < PB_GIC_PRR0 + PB_NPRR) {
        uint32_t n = id - PB_GIC_PRR0;
        uint32_t s = FW_REG(PRR(n, PL_PRR_INT_STATUS));
        int_status[n] |= s;
        FW_REG(PRR(n, PL_PRR_INT_STATUS)) = s;   /* status W1C, enables kept */
        if (s & (0x100u << PL_PRR_INT_DONE)) done_mask |= 1u << n;
    }
    if (id != 1023) FW_REG(FW_GIC_CPU + 0x10) = iar;
}

static uint32_t gt(void) { return FW_REG(FW_GTIMER + 0x00); }

int main(void)
{
    uint32_t frames = FW_REG(PB_PARAM_ADDR);
    if (frames == 0) frames = PB_FRAMES_DEFAULT;
    if (frames > PB_FRAMES_MAX) frames = PB_FRAMES_MAX;
    FW_REG(FW_GTIMER + 0x08) = 1;   /* global timer on */

    /* GIC: IDs 65..68 to CPU 0, priority 0xA0, enabled. */
    FW_REG(FW_GIC_DIST + 0x000) = 1;
    for (uint32_t id = PB_GIC_PRR0; id < PB_GIC_PRR0 + PB_NPRR; id++) {
        uint32_t sh = 8u * (id % 4u), w = 4u * (id / 4u);
        /* ICDIPR / ICDIPTR: one byte per ID, written as words. */
        FW_REG(FW_GIC_DIST + 0x400 + w) = (FW_REG(FW_GIC_DIST + 0x400 + w) & ~(0xFFu << sh)) | (0xA0u << sh);
        FW_REG(FW_GIC_DIST + 0x800 + w) = (FW_REG(FW_GIC_DIST + 0x800 + w) & ~(0xFFu << sh)) | (0x01u << sh);
        FW_REG(FW_GIC_DIST + 0x100 + 4u * (id / 32u)) = 1u << (id % 32u);
    }
    FW_REG(FW_GIC_CPU + 0x04) = 0xF0;
    FW_REG(FW_GIC_CPU + 0x00) = 1;

    int bad = 0;
    for (uint32_t n = 0; n < PB_NPRR; n++) {
        uint32_t m = FW_REG(PRR(n, PL_PRR_MODULE));
        if (!(m & 0x100u)) {
            fw_puts("pl_busy: FAIL: no valid module in PRR ");
            fw_putdec(n);
            fw_putc('\n');
            bad = 1;
        }
        FW_REG(PRR(n, PL_PRR_SRC_ADDR)) = PB_SRC(n);
        FW_REG(PRR(n, PL_PRR_DST_ADDR)) = PB_DST(n);
        FW_REG(PRR(n, PL_PRR_FRAMES)) = frames;
        FW_REG(PRR(n, PL_PRR_INT_STATUS)) =
            0xFF00u | (1u << PL_PRR_INT_DONE) | (1u << PL_PRR_INT_ERROR);
    }
    if (bad) {
        fw_uart_drain();
        return 1;
    }

    __asm__ volatile("cpsie i" ::: "memory");
    uint32_t t0 = gt();
    for (uint32_t n = 0; n < PB_NPRR; n++)
        FW_REG(PRR(n, PL_PRR_PROC_STATUS)) = PL_PRR_PROC_STATUS_START_MASK;
    const uint32_t all = (1u << PB_NPRR) - 1u;
#ifdef PB_CPU_LOOP
    /* The CPU stays busy while the PL works: the checksum of cpu_loop.c. */
    static uint32_t data[256];
    uint32_t sum = 0, rounds = 0;
    for (uint32_t i = 0; i < 256; i++) data[i] = i * 2654435761u;
    while (done_mask != all) {
        for (uint32_t i = 0; i < 256; i++) {
            sum = (sum << 5) + sum + (data[i] ^ rounds);
            data[i] += sum >> 7;
        }
        rounds++;
    }
#else
    while (done_mask != all)
        __asm__ volatile("wfi" ::: "memory");
#endif
    uint32_t t1 = gt();
    __asm__ volatile("cpsid i" ::: "memory");

    for (uint32_t n = 0; n < PB_NPRR; n++) {
        uint32_t prog = FW_REG(PRR(n, PL_PRR_PROGRESS));
        fw_puts("prr");
        fw_putdec(n);
        fw_puts(": module ");
        fw_putdec(FW_REG(PRR(n, PL_PRR_MODULE)) & 0xFFu);
        fw_puts(", frames ");
        fw_putdec(prog);
        fw_puts(", frame_cycles ");
        fw_putdec(FW_REG(PRR(n, PL_PRR_FRAME_CYCLES)));
        fw_putc('\n');
        if (prog != frames || (int_status[n] & (0x100u << PL_PRR_INT_ERROR))) bad = 1;
    }
    fw_puts("pl_busy: ");
    fw_putdec((t1 - t0) * 3u / 10u);
    fw_puts(" PL cycles");
#ifdef PB_CPU_LOOP
    fw_puts(", cpu rounds ");
    fw_putdec(rounds);
    fw_puts(", checksum ");
    fw_putdec(sum & 0xFFFFu);
#endif
    fw_puts(bad ? "\npl_busy: FAIL\n" : "\npl_busy: ok\n");
    fw_uart_drain();
    return bad;
}
