/*
 * vdm_alloc.c - the VDM core (firmware/vdm) driven message by message on the
 * real PL (dprsim boot), the harness playing the kernel (harness.h):
 *
 *  A  Assign: REQUEST(vm0, QAM4) -> PRR0 (holds QAM4): CONNECT, MAP_IF rw,
 *     ROUTE_IRQ, NOTIFY READY, RESUME, in this order; the IF window reads
 *     PRR0/QAM4. A 40-frame job through the IF completes with its IRQ routed
 *     to the VM; its output is the reference for D.
 *  C  Assign+Reconfig: REQUEST(vm0, QAM64) -> PRR1 + PCAP of QAM64 for PRR1
 *     (the VDM returns at once; DevCfg IRQ 40 / cfg_port IRQ 63 complete it).
 *  D  Preempt + resume: vm0 runs the same 40-frame job again on PRR0;
 *     REQUEST(vm1 prio 2, QAM4) preempts it at a frame boundary (STOP_CMD ->
 *     IRQ 62): vm0 gets MAP_IF ro + PREEMPTED, vm1 a clean PRR0 (no trace of
 *     vm0's job). vm1 releases; vm0 asks again, gets PRR0 with its job
 *     restored, which finishes: output identical to A's, no frame lost.
 *  F  Corrupted SimB: vm0 releases PRR0; REQUEST(vm1, QAM16) -> PRR0 +
 *     Reconfig with a CRC-corrupted bitstream: cfg_port error 8, the VM gets
 *     WAIT, PRR0 stays decoupled with no valid module. With the descriptor
 *     pointed at a good copy, the same request succeeds.
 *  E  Unavailable: REQUEST(vm0 prio 1, QAM4) while both QAM PRRs have owners
 *     of priority >= 1: WAIT; vm0 releases its QAM64 on PRR1; the Monitor's
 *     search list finds the solution (NEW_SOLUTION, IRQ 61): PRR1 is loaded
 *     with QAM4 and vm0 resumes.
 * Prints figures (VDM time from the message to RESUME, PCAP times) and
 * "vdm_alloc: ok" when every check holds (exit status = failed checks).
 *
 * Loaded SimBs (tests/vdm/CMakeLists.txt): 0x01000000 QAM64/PRR1 (default
 * size), 0x01100000 QAM16/PRR0 with a bad CRC, 0x01200000 QAM16/PRR0,
 * 0x01300000 QAM4/PRR1.
 */
#include "common.h"

#define SIMB_QAM64_P1   0x01000000u
#define SIMB_QAM16_P0_BAD 0x01100000u
#define SIMB_QAM16_P0   0x01200000u
#define SIMB_QAM4_P1    0x01300000u

#define IN_BUF   0x00400000u
#define OUT_REF  0x00500000u
#define OUT_PRE  0x00600000u
#define FRAMES   40u
#define FLEN     2048u                  /* bits per frame */
#define OUT_WORDS (FRAMES * FLEN / 2u)  /* QAM4: one word per 2 bits */
#define FILL     0xDEADBEEFu

#define D_QAM4  0u
#define D_QAM16 1u
#define D_QAM64 2u

static vdm v;
static th_bootinfo bib;

static int virq_at_least(void *p)
{
    const uint32_t *want = p;
    return th_virq[want[0]][want[1]] >= want[2];
}

/* Run until VM slot's device has had n PRR interrupts. */
static int wait_virq(unsigned slot, unsigned dev, uint32_t n, uint32_t timeout_us)
{
    uint32_t want[3] = {slot, dev, n};
    return th_run_until(&v, virq_at_least, want, timeout_us);
}

/* The kernel calls of one completed grant, in order, from index from:
 * MAP_IF rw, [ROUTE_IRQ], NOTIFY READY, RESUME. */
static int check_grant(unsigned from, unsigned slot, unsigned dev, unsigned prr, const char *what)
{
    int m = th_find(from, TH_MAP_IF, slot, dev, 1);
    int r = th_find(from, TH_ROUTE, prr, slot, dev);
    int n = th_find(from, TH_NOTIFY, slot, dev, HV_DEV_READY);
    int s = th_find(from, TH_RESUME, slot, 0, 0);
    /* ROUTE_IRQ only when the PRR's route changes; if there, before NOTIFY */
    int ok = m >= 0 && n > m && s > n && (r < 0 || r < n);
    if (!ok)
        vdm_printf("grant %s: map_if %d route %d notify %d resume %d", what, m, r, n, s);
    return th_check(ok, what);
}

static uint32_t if_id(unsigned slot, unsigned dev)
{
    return TH_REG(th_if(slot, dev) + PL_IF_ID);
}

static uint32_t prr_reg(unsigned prr, uint32_t off)
{
    return TH_REG(PL_MAP_GP0_BASE + PL_MAP_PRR(prr) + off);
}

int main(void)
{
    th_init();
    tv_bootinfo_base(&bib);
    tv_add_simb(&bib, SIMB_QAM64_P1);
    tv_add_simb(&bib, SIMB_QAM16_P0_BAD);
    tv_add_simb(&bib, SIMB_QAM4_P1);
    const dprsim_bi_header *bi = th_bootinfo_pack(&bib);
    th_check(vdm_init(&v, bi, PL_MAP_GP0_BASE, DCFG_BASE_DEFAULT) == 0, "vdm_init");
    v.debug = 0;   /* console lines cost ~87 us per character of simulated time */
    th_check(v.tm.nbits == 3, "3 bit descriptors");
    th_check(plmon_dev_module(&v.tm.mon, 4) == PL_MOD_IFFT512, "DEV_MODULE[4] programmed");
    vdm_printf("bitfile 0: module 0x%x PRR%u %u bytes delay %u us", v.tm.bits[0].module,
               v.tm.bits[0].prr, v.tm.bits[0].len, v.tm.bits[0].delay_us);

    /* ---- A: Assign ---- */
    unsigned i0 = th_send(&v, HV_MSG_REQUEST, 0, D_QAM4, 1);
    check_grant(i0, 0, D_QAM4, 0, "A: assign vm0 QAM4 -> PRR0");
    vdm_printf("A: assign took %u ns in the VDM", th_ns(th_log[th_nlog - 1].t - th_send_t));
    th_check(if_id(0, D_QAM4) == (0x50520000u | PL_MOD_QAM4), "A: IF(vm0, QAM4) reads PRR0 QAM4");
    th_check(if_id(1, D_QAM4) == PL_IF_ID_UNCONNECTED, "A: IF(vm1, QAM4) unconnected");
    tv_fill(IN_BUF, FRAMES * FLEN / 32u, 777u);
    tv_set(OUT_REF, OUT_WORDS, FILL);
    uint32_t t0 = th_now();
    tv_if_job(0, D_QAM4, IN_BUF, OUT_REF, FRAMES, FLEN);
    th_check(wait_virq(0, D_QAM4, 1, 5000) == 0, "A: job IRQ reaches vm0");
    uint32_t job_ns = th_ns(th_now() - t0);
    th_check(TH_REG(th_if(0, D_QAM4) + PL_IF_PROGRESS) == FRAMES, "A: PROGRESS = FRAMES");
    uint32_t crc_ref = th_crc32((const void *)OUT_REF, OUT_WORDS * 4u);
    th_check(tv_count(OUT_REF, OUT_WORDS, FILL) == 0, "A: every output word written");
    vdm_printf("A: %u frames in %u ns, output crc 0x%08x", FRAMES, job_ns, crc_ref);

    /* ---- C: Assign + Reconfig ---- */
    uint32_t loads0 = plcfg_loads(PL_MAP_GP0_BASE);
    i0 = th_send(&v, HV_MSG_REQUEST, 0, D_QAM64, 1);
    th_check(th_find(i0, TH_NOTIFY, 0, D_QAM64, 0xFF) < 0, "C: no reply before the PCAP is done");
    th_check(v.ops[1].phase == VDM_PH_LOAD && v.tm.dc.busy, "C: PCAP running, op parked on PRR1");
    int ir = th_wait(&v, i0, TH_RESUME, 0, 0, 0, 20000);
    th_check(ir >= 0, "C: vm0 resumed after the reconfiguration");
    check_grant(i0, 0, D_QAM64, 1, "C: assign+reconfig vm0 QAM64 -> PRR1");
    if (ir >= 0)
        vdm_printf("C: request -> resume %u ns (PCAP of %u bytes, descriptor delay %u us)",
                   th_ns(th_log[ir].t - th_send_t), v.tm.bits[0].len, v.tm.bits[0].delay_us);
    th_check(plcfg_loads(PL_MAP_GP0_BASE) == loads0 + 1, "C: cfg_port LOADS + 1");
    th_check((prr_reg(1, PL_PRR_MODULE) & 0x1FFu) == (0x100u | PL_MOD_QAM64), "C: PRR1 holds QAM64");
    th_check(if_id(0, D_QAM64) == (0x50520100u | PL_MOD_QAM64), "C: IF(vm0, QAM64) reads PRR1");

    /* ---- D: Preempt + resume ---- */
    tv_set(OUT_PRE, OUT_WORDS, FILL);
    th_uart_drain();
    tv_if_job(0, D_QAM4, IN_BUF, OUT_PRE, FRAMES, FLEN);
    /* let a few frames pass */
    uint32_t tw = th_now();
    while (TH_REG(th_if(0, D_QAM4) + PL_IF_PROGRESS) < 5u && th_now() - tw < 3333333u)
        ;
    uint32_t prog_at_req = TH_REG(th_if(0, D_QAM4) + PL_IF_PROGRESS);
    i0 = th_send(&v, HV_MSG_REQUEST, 1, D_QAM4, 2);
    th_check(v.ops[0].phase == VDM_PH_STOP, "D: STOP_CMD issued, op waits for IRQ 62");
    ir = th_wait(&v, i0, TH_RESUME, 1, 0, 0, 5000);
    th_check(ir >= 0, "D: vm1 resumed");
    int ip = th_find(i0, TH_NOTIFY, 0, D_QAM4, HV_DEV_PREEMPTED);
    int im = th_find(i0, TH_MAP_IF, 0, D_QAM4, 0);
    th_check(im >= 0 && ip > im, "D: vm0 gets MAP_IF ro then PREEMPTED");
    th_check(ip >= 0 && ip < ir, "D: PREEMPTED before vm1 resumes");
    check_grant(i0, 1, D_QAM4, 0, "D: preempt -> vm1 QAM4 on PRR0");
    uint32_t saved = v.ifs[0][D_QAM4].job.progress;
    vdm_printf("D: preempted at frame %u/%u (PROGRESS was %u at the request), request -> resume %u ns",
               saved, FRAMES, prog_at_req, ir >= 0 ? th_ns(th_log[ir].t - th_send_t) : 0);
    th_check(v.ifs[0][D_QAM4].saved && saved >= prog_at_req && saved > 0 && saved < FRAMES,
             "D: job saved at a frame boundary mid-job");
    th_check(if_id(0, D_QAM4) == PL_IF_ID_UNCONNECTED, "D: IF(vm0) unconnected");
    th_check(if_id(1, D_QAM4) == (0x50520000u | PL_MOD_QAM4), "D: IF(vm1) reads PRR0");
    th_check(TH_REG(th_if(1, D_QAM4) + PL_IF_FRAMES) == 0 &&
                 TH_REG(th_if(1, D_QAM4) + PL_IF_SRC_ADDR) == 0 &&
                 TH_REG(th_if(1, D_QAM4) + PL_IF_DST_ADDR) == 0,
             "D: vm1 sees a clean job context");
    uint32_t before = tv_count(OUT_PRE, OUT_WORDS, FILL);
    th_check(before > 0, "D: output incomplete while preempted");
    i0 = th_send(&v, HV_MSG_RELEASE, 1, D_QAM4, 0);
    th_check(th_find(i0, TH_MAP_IF, 1, D_QAM4, 0) >= 0 && (if_id(1, D_QAM4) == PL_IF_ID_UNCONNECTED),
             "D: vm1 released PRR0");
    i0 = th_send(&v, HV_MSG_REQUEST, 0, D_QAM4, 1);
    check_grant(i0, 0, D_QAM4, 0, "D: vm0 gets PRR0 back");
    th_check(wait_virq(0, D_QAM4, 2, 5000) == 0, "D: restored job completes (IRQ to vm0)");
    th_check(TH_REG(th_if(0, D_QAM4) + PL_IF_PROGRESS) == FRAMES, "D: PROGRESS = FRAMES");
    uint32_t crc_pre = th_crc32((const void *)OUT_PRE, OUT_WORDS * 4u);
    th_check(tv_count(OUT_PRE, OUT_WORDS, FILL) == 0, "D: every output word written");
    th_check(crc_pre == crc_ref, "D: preempted+resumed output equals the uninterrupted one");
    vdm_printf("D: resumed job output crc 0x%08x", crc_pre);

    /* ---- F: corrupted SimB ---- */
    i0 = th_send(&v, HV_MSG_RELEASE, 0, D_QAM4, 0);
    uint32_t errs0 = plcfg_errors(PL_MAP_GP0_BASE);
    i0 = th_send(&v, HV_MSG_REQUEST, 1, D_QAM16, 2);
    int iw = th_wait(&v, i0, TH_NOTIFY, 1, D_QAM16, HV_DEV_WAIT, 20000);
    th_check(iw >= 0, "F: vm1 told WAIT after the SimB error");
    th_check(th_find(i0, TH_RESUME, 1, 0, 0) < 0, "F: vm1 not resumed");
    th_check(v.last_cfg_error == PL_CFG_ERR_CRC, "F: cfg_port error CRC (8)");
    th_check(plcfg_errors(PL_MAP_GP0_BASE) == errs0 + 1, "F: cfg_port ERRORS + 1");
    uint32_t ps = prr_reg(0, PL_PRR_PROC_STATUS);
    th_check((ps & PL_PRR_PROC_STATUS_RECONFIGURING_MASK) && !(ps & PL_PRR_PROC_STATUS_MODULE_VALID_MASK),
             "F: PRR0 decoupled with no valid module");
    th_check(!(plmon_prr_info(&v.tm.mon, 0) & PL_MON_PRR_INFO_HOLD_MASK), "F: PRR0 not held");
    th_check(!v.ifs[1][D_QAM16].busy && v.ops[0].kind == VDM_OP_NONE, "F: nothing left in flight");
    /* a good copy of the bitstream: the same request now succeeds */
    v.tm.bits[1].addr = SIMB_QAM16_P0;
    i0 = th_send(&v, HV_MSG_REQUEST, 1, D_QAM16, 2);
    th_check(th_wait(&v, i0, TH_RESUME, 1, 0, 0, 20000) >= 0, "F: retry with a good SimB resumes vm1");
    check_grant(i0, 1, D_QAM16, 0, "F: vm1 QAM16 on PRR0");
    th_check((prr_reg(0, PL_PRR_MODULE) & 0x1FFu) == (0x100u | PL_MOD_QAM16), "F: PRR0 holds QAM16");

    /* ---- E: Unavailable, then a NEW_SOLUTION ---- */
    i0 = th_send(&v, HV_MSG_REQUEST, 0, D_QAM4, 1);
    th_check(th_find(i0, TH_NOTIFY, 0, D_QAM4, HV_DEV_WAIT) >= 0, "E: vm0 told WAIT");
    th_check(plmon_list_pending(&v.tm.mon) & (1u << (0 * 8 + D_QAM4)), "E: request in the search list");
    unsigned sol0 = v.st.solutions;
    i0 = th_send(&v, HV_MSG_RELEASE, 0, D_QAM64, 0);
    ir = th_wait(&v, i0, TH_RESUME, 0, 0, 0, 20000);
    th_check(ir >= 0 && v.st.solutions == sol0 + 1, "E: NEW_SOLUTION resumes vm0");
    check_grant(i0, 0, D_QAM4, 1, "E: vm0 QAM4 on PRR1 (reconfigured)");
    th_check(if_id(0, D_QAM4) == (0x50520100u | PL_MOD_QAM4), "E: IF(vm0, QAM4) reads PRR1 QAM4");

    vdm_printf("stats: requests %u assigns %u preempts %u unavailable %u reconfigs %u errors %u "
               "solutions %u releases %u",
               v.st.requests, v.st.assigns, v.st.preempts, v.st.unavailable, v.st.reconfigs,
               v.st.reconfig_errors, v.st.solutions, v.st.releases);
    vdm_printf(th_failures ? "vdm_alloc: FAIL (%u)" : "vdm_alloc: ok", th_failures);
    th_uart_drain();
    return (int)th_failures;
}
