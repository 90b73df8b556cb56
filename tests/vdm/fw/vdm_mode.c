/*
 * vdm_mode.c - HV_MSG_MODE (HC_DEV_MODE), the Mini-NOVA multi-path switch,
 * through the VDM core on the platform's PL (harness playing the kernel):
 *  1  vm0 gets QAM4 on PRR0 and starts a 30-frame job. MODE(vm0, QAM4 ->
 *     QAM64): the VDM loads QAM64 into the idle partner PRR1 while PRR0 keeps
 *     processing, then stops PRR0 at a frame boundary, moves the job to PRR1
 *     (which resumes it at the next frame), reconnects the IF and reroutes
 *     the PRR interrupt; NOTIFY READY, no RESUME (the VM never blocked).
 *     The job completes on PRR1 with every frame done.
 *  2  MODE to the module the PRR already holds: READY at once.
 *  3  vm0 IFFT256 on PRR2, vm1 IFFT512 on PRR3 (Assign+Reconfig); MODE(vm0,
 *     IFFT256 -> IFFT512) finds no free partner: PRR2 is reconfigured in
 *     place, the IF stays on PRR2; a fault on the device meanwhile (a
 *     REQUEST while the switch runs) is resumed when it is over.
 *  4  a MODE to another kind is refused (state re-notified, module kept).
 *  5  RELEASE while the partner PRR is being loaded for a MODE: the switch
 *     is dropped (no READY), both PRRs end free and unheld.
 * Loaded: 0x01000000 QAM64/PRR1, 0x01100000 IFFT512/PRR3, 0x01200000
 * IFFT512/PRR2, 0x01300000 QAM16/PRR0 (small payloads).
 */
#include "common.h"

#define SIMB_QAM64_P1   0x01000000u
#define SIMB_IFFT512_P3 0x01100000u
#define SIMB_IFFT512_P2 0x01200000u
#define SIMB_QAM16_P0   0x01300000u
#define IN_BUF  0x00400000u
#define OUT_BUF 0x00500000u
#define FRAMES  30u
#define FLEN    2048u
#define D_QAM4  0u
#define D_IFFT256 3u
#define D_IFFT512 4u

static vdm v;
static th_bootinfo bib;

static int virq_at_least(void *p)
{
    const uint32_t *want = p;
    return th_virq[want[0]][want[1]] >= want[2];
}

static int op0_idle(void *arg)
{
    (void)arg;
    return v.ops[0].kind == VDM_OP_NONE && !v.tm.dc.busy;
}

static uint32_t if_id(unsigned slot, unsigned dev)
{
    return TH_REG(th_if(slot, dev) + PL_IF_ID);
}

int main(void)
{
    th_init();
    tv_bootinfo_base(&bib);
    tv_add_simb(&bib, SIMB_QAM64_P1);
    tv_add_simb(&bib, SIMB_IFFT512_P3);
    tv_add_simb(&bib, SIMB_IFFT512_P2);
    tv_add_simb(&bib, SIMB_QAM16_P0);
    th_check(vdm_init(&v, th_bootinfo_pack(&bib), PL_MAP_GP0_BASE, DCFG_BASE_DEFAULT) == 0, "vdm_init");

    /* ---- 1: multi-path switch ---- */
    unsigned i0 = th_send(&v, HV_MSG_REQUEST, 0, D_QAM4, 1);
    th_check(th_find(i0, TH_RESUME, 0, 0, 0) >= 0, "1: vm0 QAM4 granted");
    tv_fill(IN_BUF, FRAMES * FLEN / 32u, 4242u);
    tv_if_job(0, D_QAM4, IN_BUF, OUT_BUF, FRAMES, FLEN);
    while (TH_REG(th_if(0, D_QAM4) + PL_IF_PROGRESS) < 2u)
        ;
    uint32_t p_mode = TH_REG(th_if(0, D_QAM4) + PL_IF_PROGRESS);
    i0 = th_send(&v, HV_MSG_MODE, 0, D_QAM4, PL_MOD_QAM64);
    th_check(v.ops[1].kind == VDM_OP_MODE && v.ops[1].phase == VDM_PH_LOAD,
             "1: partner PRR1 being loaded");
    th_check(plmon_prr_info(&v.tm.mon, 1) & PL_MON_PRR_INFO_HOLD_MASK, "1: PRR1 held meanwhile");
    int ir = th_wait(&v, i0, TH_NOTIFY, 0, D_QAM4, HV_DEV_READY, 20000);
    th_check(ir >= 0, "1: READY after the switch");
    uint32_t sw_ns = ir >= 0 ? th_ns(th_log[ir].t - th_send_t) : 0;
    th_check(th_find(i0, TH_RESUME, 0, 0, 0) < 0, "1: no RESUME for a mode switch");
    th_check(th_find(i0, TH_ROUTE, 1, 0, D_QAM4) >= 0, "1: PRR1 interrupt routed to vm0");
    th_check((TH_REG(PL_MAP_GP0_BASE + PL_MAP_PRR(0) + PL_PRR_INT_STATUS) & PL_PRR_INT_STATUS_ENABLE_MASK) == 0 &&
                 TH_REG(PL_MAP_GP0_BASE + PL_MAP_PRR(0) + PL_PRR_FRAMES) == 0,
             "1: PRR0 left quiet (interrupts off, job context cleared)");
    th_check(if_id(0, D_QAM4) == (0x50520100u | PL_MOD_QAM64), "1: IF(vm0, dev0) now reads PRR1 QAM64");
    th_check(!(plmon_prr_info(&v.tm.mon, 0) & PL_MON_PRR_INFO_CONNECTED_MASK), "1: PRR0 disconnected");
    th_check(v.last_switch_frame > p_mode + 2u && v.last_switch_frame < FRAMES,
             "1: PRR0 kept processing while PRR1 was loaded");
    vdm_printf("1: MODE at frame %u, switched at frame %u, MODE -> READY %u ns", p_mode,
               v.last_switch_frame, sw_ns);
    uint32_t want[3] = {0, D_QAM4, 1};
    th_check(th_run_until(&v, virq_at_least, want, 5000) == 0, "1: job completes on PRR1 (IRQ to vm0)");
    th_check(TH_REG(th_if(0, D_QAM4) + PL_IF_PROGRESS) == FRAMES, "1: PROGRESS = FRAMES");
    th_check(v.ifs[0][D_QAM4].module == PL_MOD_QAM64 && v.st.mode_switches == 1, "1: device is QAM64 now");

    /* ---- 2: already there ---- */
    i0 = th_send(&v, HV_MSG_MODE, 0, D_QAM4, PL_MOD_QAM64);
    th_check(th_find(i0, TH_NOTIFY, 0, D_QAM4, HV_DEV_READY) >= 0 && v.ops[1].kind == VDM_OP_NONE,
             "2: same module: READY at once");

    /* ---- 3: in place ---- */
    i0 = th_send(&v, HV_MSG_REQUEST, 0, D_IFFT256, 1);
    th_check(th_find(i0, TH_RESUME, 0, 0, 0) >= 0 && if_id(0, D_IFFT256) == (0x50520200u | PL_MOD_IFFT256),
             "3: vm0 IFFT256 on PRR2");
    i0 = th_send(&v, HV_MSG_REQUEST, 1, D_IFFT512, 2);
    th_check(th_wait(&v, i0, TH_RESUME, 1, 0, 0, 20000) >= 0 &&
                 if_id(1, D_IFFT512) == (0x50520300u | PL_MOD_IFFT512),
             "3: vm1 IFFT512 on PRR3 (reconfigured)");
    v.debug = 1;   /* the decision lines of the in-place switch on the console */
    th_uart_drain();
    i0 = th_send(&v, HV_MSG_MODE, 0, D_IFFT256, PL_MOD_IFFT512);
    th_check(v.ops[2].kind == VDM_OP_MODE && v.ops[2].in_place, "3: no free partner: in place on PRR2");
    /* a fault on the device while the switch runs: resumed when it is over */
    th_send(&v, HV_MSG_REQUEST, 0, D_IFFT256, 1);
    th_check(v.ifs[0][D_IFFT256].blocked && th_find(i0, TH_RESUME, 0, 0, 0) < 0,
             "3: request during the switch waits");
    int i3 = th_wait(&v, i0, TH_NOTIFY, 0, D_IFFT256, HV_DEV_READY, 20000);
    th_check(i3 >= 0, "3: READY");
    th_check(i3 >= 0 && th_find((unsigned)i3, TH_RESUME, 0, 0, 0) > i3, "3: the blocked VM resumed after READY");
    th_check(if_id(0, D_IFFT256) == (0x50520200u | PL_MOD_IFFT512), "3: IF(vm0, dev3) reads PRR2 IFFT512");
    th_check(v.st.mode_in_place == 1, "3: counted in place");
    v.debug = 0;

    /* ---- 4: refused ---- */
    i0 = th_send(&v, HV_MSG_MODE, 0, D_QAM4, PL_MOD_IFFT1024);
    th_check(th_find(i0, TH_NOTIFY, 0, D_QAM4, HV_DEV_READY) >= 0 &&
                 v.ifs[0][D_QAM4].module == PL_MOD_QAM64,
             "4: QAM -> IFFT refused, device unchanged");

    /* ---- 5: released while the partner loads ---- */
    i0 = th_send(&v, HV_MSG_MODE, 0, D_QAM4, PL_MOD_QAM16);
    th_check(v.ops[0].kind == VDM_OP_MODE && v.ops[0].phase == VDM_PH_LOAD, "5: PRR0 loading QAM16");
    unsigned ir5 = th_send(&v, HV_MSG_RELEASE, 0, D_QAM4, 0);
    th_check(th_run_until(&v, op0_idle, 0, 20000) == 0, "5: the switch ends");
    th_check(th_find(ir5, TH_NOTIFY, 0, D_QAM4, HV_DEV_READY) < 0, "5: no READY after the release");
    th_check(if_id(0, D_QAM4) == PL_IF_ID_UNCONNECTED && !v.ifs[0][D_QAM4].busy, "5: device released");
    th_check(!(plmon_prr_info(&v.tm.mon, 0) & (PL_MON_PRR_INFO_HOLD_MASK | PL_MON_PRR_INFO_CONNECTED_MASK)) &&
                 !(plmon_prr_info(&v.tm.mon, 1) & PL_MON_PRR_INFO_CONNECTED_MASK),
             "5: PRR0 and PRR1 free");
    th_check((TH_REG(PL_MAP_GP0_BASE + PL_MAP_PRR(0) + PL_PRR_MODULE) & 0x1FFu) == (0x100u | PL_MOD_QAM16),
             "5: PRR0 holds QAM16 (loaded for nobody)");

    vdm_printf(th_failures ? "vdm_mode: FAIL (%u)" : "vdm_mode: ok", th_failures);
    th_uart_drain();
    return (int)th_failures;
}
