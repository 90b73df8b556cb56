/*
 * vdm_pipe.c - the OFDM stream of a pipeline VM through the VDM (Mini-NOVA
 * Fig. 4: QAM PRR -> FIFO -> crossbar -> IFFT PRR), harness playing the
 * kernel:
 *  0  reference, without the VDM: QAM4 frames of 512 bits (256 symbols) on
 *     PRR0 by DMA into memory, then IFFT256 on PRR2 by DMA from there.
 *  1  vm0 (devices QAM4, IFFT256: a pipeline VM) asks for the IFFT first:
 *     PRR2 with STREAM.IN_XBAR, crossbar input of PRR2 off; then the QAM:
 *     PRR0 with STREAM.OUT_XBAR, crossbar PRR0 -> PRR2. The same jobs run
 *     as a stream: the IFFT output equals the reference.
 *  2  MODE(QAM4 -> QAM16) while the stream flows: the job moves from PRR0
 *     to PRR1 (which holds QAM16) at a QAM frame boundary, the crossbar
 *     takes PRR1's FIFO after PRR0's FIFO drained. Every IFFT frame before
 *     the switch equals the reference (no symbol lost or reordered), the
 *     IFFT job completes (enough symbols arrived), PRR0's FIFO is empty.
 */
#include "common.h"

#define QIN     0x00400000u   /* QAM input bits */
#define QOUT    0x00500000u   /* reference: QAM symbols */
#define REF     0x00600000u   /* reference: IFFT output */
#define OUT1    0x00700000u   /* step 1 IFFT output */
#define OUT2    0x00800000u   /* step 2 IFFT output */
#define SCRATCH 0x00900000u
#define QFR     16u           /* QAM frames (512 bits -> 256 QAM4 symbols each) */
#define QBITS   512u
#define N       256u
#define D_QAM   0u
#define D_IFFT  1u

static vdm v;
static th_bootinfo bib;

static uintptr_t prr(unsigned p, uint32_t off)
{
    return PL_MAP_GP0_BASE + PL_MAP_PRR(p) + off;
}

/* A job straight on a PRR's register group (no VDM), polled to its end. */
static void direct_job(unsigned p, uint32_t src, uint32_t dst, uint32_t frames, uint32_t flen)
{
    TH_REG(prr(p, PL_PRR_INT_STATUS)) = PL_PRR_INT_STATUS_STATUS_MASK;
    TH_REG(prr(p, PL_PRR_STREAM)) = 0;
    TH_REG(prr(p, PL_PRR_SRC_ADDR)) = src;
    TH_REG(prr(p, PL_PRR_DST_ADDR)) = dst;
    TH_REG(prr(p, PL_PRR_FRAME_LEN)) = flen;
    TH_REG(prr(p, PL_PRR_FRAMES)) = frames;
    TH_REG(prr(p, PL_PRR_PROC_STATUS)) = PL_PRR_PROC_STATUS_START_MASK;
    while (TH_REG(prr(p, PL_PRR_PROC_STATUS)) & PL_PRR_PROC_STATUS_START_MASK)
        ;
}

static int virq_at_least(void *p)
{
    const uint32_t *w = p;
    return th_virq[w[0]][w[1]] >= w[2] && th_virq[w[3]][w[4]] >= w[5];
}

static int words_equal(uint32_t a, uint32_t b, uint32_t n)
{
    const volatile uint32_t *x = (const volatile uint32_t *)a, *y = (const volatile uint32_t *)b;
    for (uint32_t i = 0; i < n; i++)
        if (x[i] != y[i])
            return 0;
    return 1;
}

int main(void)
{
    th_init();
    tv_bootinfo_base(&bib);
    bib.h.vm_count = 1;
    bib.vm[0].device_count = 2;
    bib.vm[0].devices[0] = PL_MOD_QAM4;
    bib.vm[0].devices[1] = PL_MOD_IFFT256;
    bib.vm[0].devices[2] = bib.vm[0].devices[3] = bib.vm[0].devices[4] = 0;

    /* ---- 0: reference by DMA ---- */
    tv_fill(QIN, QFR * QBITS / 32u, 31337u);
    direct_job(0, QIN, QOUT, QFR, QBITS);
    direct_job(2, QOUT, REF, QFR, 0);
    th_check(TH_REG(prr(2, PL_PRR_PROGRESS)) == QFR, "0: reference IFFT job done");
    uint32_t ref_crc = th_crc32((const void *)REF, QFR * N * 4u);

    th_check(vdm_init(&v, th_bootinfo_pack(&bib), PL_MAP_GP0_BASE, DCFG_BASE_DEFAULT) == 0, "vdm_init");
    th_check(v.pipeline[0] == 1, "vm0 is a pipeline VM");

    /* ---- 1: the stream through the VDM ---- */
    unsigned i0 = th_send(&v, HV_MSG_REQUEST, 0, D_IFFT, 1);
    th_check(th_find(i0, TH_RESUME, 0, 0, 0) >= 0, "1: IFFT granted");
    th_check(TH_REG(prr(2, PL_PRR_STREAM)) == PL_PRR_STREAM_IN_XBAR_MASK, "1: PRR2 STREAM.IN_XBAR");
    th_check(!(plxbar_get(PL_MAP_GP0_BASE) & PL_XBAR_CFG_OUT0_EN_MASK), "1: PRR2 input off until a QAM");
    i0 = th_send(&v, HV_MSG_REQUEST, 0, D_QAM, 1);
    th_check(th_find(i0, TH_RESUME, 0, 0, 0) >= 0, "1: QAM granted");
    th_check(TH_REG(prr(0, PL_PRR_STREAM)) == PL_PRR_STREAM_OUT_XBAR_MASK, "1: PRR0 STREAM.OUT_XBAR");
    uint32_t x = plxbar_get(PL_MAP_GP0_BASE);
    th_check((x & PL_XBAR_CFG_OUT0_EN_MASK) && !(x & PL_XBAR_CFG_OUT0_SRC_MASK), "1: crossbar PRR0 -> PRR2");
    tv_set(OUT1, QFR * N, 0xDEADBEEFu);
    tv_if_job(0, D_IFFT, SCRATCH, OUT1, QFR, 0);
    uint32_t t0 = th_now();
    tv_if_job(0, D_QAM, QIN, SCRATCH, QFR, QBITS);
    uint32_t want[6] = {0, D_IFFT, 1, 0, D_QAM, 1};
    th_check(th_run_until(&v, virq_at_least, want, 20000) == 0, "1: both jobs complete");
    uint32_t s_ns = th_ns(th_now() - t0);
    th_check(th_crc32((const void *)OUT1, QFR * N * 4u) == ref_crc, "1: streamed IFFT output = reference");
    vdm_printf("1: %u QAM4 frames streamed into IFFT256 in %u ns, crc 0x%08x", QFR, s_ns, ref_crc);

    /* ---- 2: QAM mode switch inside the stream ---- */
    tv_set(OUT2, QFR * N, 0xDEADBEEFu);
    th_virq[0][D_IFFT] = th_virq[0][D_QAM] = 0;
    /* QFR QAM frames give between QFR/2 (all QAM16) and QFR (all QAM4) IFFT frames */
    tv_if_job(0, D_IFFT, SCRATCH, OUT2, QFR / 2u, 0);
    tv_if_job(0, D_QAM, QIN, SCRATCH, QFR, QBITS);
    while (TH_REG(th_if(0, D_QAM) + PL_IF_PROGRESS) < 2u)
        ;
    i0 = th_send(&v, HV_MSG_MODE, 0, D_QAM, PL_MOD_QAM16);
    int ir = th_wait(&v, i0, TH_NOTIFY, 0, D_QAM, HV_DEV_READY, 20000);
    th_check(ir >= 0, "2: READY after the switch");
    th_check(TH_REG(th_if(0, D_QAM) + PL_IF_ID) == (0x50520100u | PL_MOD_QAM16), "2: QAM device on PRR1");
    x = plxbar_get(PL_MAP_GP0_BASE);
    th_check((x & PL_XBAR_CFG_OUT0_EN_MASK) && (x & PL_XBAR_CFG_OUT0_SRC_MASK), "2: crossbar PRR1 -> PRR2");
    th_check(TH_REG(prr(1, PL_PRR_STREAM)) == PL_PRR_STREAM_OUT_XBAR_MASK, "2: STREAM moved to PRR1");
    uint32_t k = v.last_switch_frame;
    want[2] = 1;
    want[5] = 0;
    th_check(th_run_until(&v, virq_at_least, want, 20000) == 0, "2: IFFT job completes");
    th_check(plxbar_fifo_level(PL_MAP_GP0_BASE, 0) == 0, "2: nothing left in PRR0's FIFO");
    uint32_t m = k < QFR / 2u ? k : QFR / 2u;
    th_check(k > 0 && words_equal(OUT2, REF, m * N), "2: IFFT frames before the switch = reference");
    vdm_printf("2: switched at QAM frame %u after %u FIFO_LEVEL reads; MODE -> READY %u ns", k,
               v.last_drain_reads, ir >= 0 ? th_ns(th_log[ir].t - th_send_t) : 0);

    vdm_printf(th_failures ? "vdm_pipe: FAIL (%u)" : "vdm_pipe: ok", th_failures);
    th_uart_drain();
    return (int)th_failures;
}
