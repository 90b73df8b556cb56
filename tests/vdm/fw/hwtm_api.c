/*
 * hwtm_api.c - the HW task manager API (firmware/vdm/hwtm.h, Mini-NOVA
 * Table 4) used directly, bare-metal, on the platform's PL and DevCfg:
 *  - hwtm_init builds the bit descriptor table from the boot information
 *    (id, address, length, delay = bytes / PCAP rate, PRR id) and refuses a
 *    malformed block;
 *  - hwtm_check_current_prr / hwtm_check_reco_rdy;
 *  - hwtm_prr_transfer_bitfile launches the PCAP and returns at once (a
 *    second launch meanwhile is refused); completion arrives as DevCfg
 *    interrupt 40 (D_P_DONE) and the cfg_port interrupt 63 (DONE); the PRR
 *    then holds the module; a bitstream address the DevCfg cannot read
 *    ends with its AXI error interrupt (no D_P_DONE) and frees the PCAP;
 *  - hwtm_prr_set_mode / hwtm_prr_register_read/write;
 *  - hwtm_fpga_pause / hwtm_fpga_start / hwtm_fpga_interrupt_done on an
 *    IFFT job: paused, it makes no progress; released, it completes with its
 *    PRR interrupt (GIC 68), which interrupt_done acknowledges.
 * Loaded: 0x01000000 IFFT512 for PRR3 (4096 payload words).
 */
#include "common.h"

#define SIMB_IFFT512_P3 0x01000000u
#define IN_BUF  0x00400000u
#define OUT_BUF 0x00500000u
#define NFR     8u

static hwtm tm;
static th_bootinfo bib, bad;

/* Service interrupt messages without a VDM until cond holds (timeout_us). */
static uint32_t dc_bits, cfg_bits, prr3_int, prr3_irqs;
static int serve_until(int (*cond)(void), uint32_t timeout_us)
{
    uint32_t t0 = th_now();
    for (;;) {
        vdm_msg m;
        while (th_pop(&m)) {
            if (m.a1 == DCFG_GIC_ID) {
                dc_bits |= hwtm_pcap_irq(&tm);
            } else if (m.a1 == HV_GIC_PL_CFGPORT) {
                plcfg_event e;
                cfg_bits |= plcfg_take_event(tm.gp0, &e);
            } else if (m.a1 == HV_GIC_PL_PRR(3)) {
                hwtm_prr_register_read(&tm, 3, PL_PRR_INT_STATUS, &prr3_int);
                hwtm_fpga_interrupt_done(&tm, 3);
                prr3_irqs++;
            }
            th_gic_enable(m.a1);
        }
        if (cond())
            return 0;
        if (th_now() - t0 > timeout_us * 333u)
            return -1;
        th_sleep();
    }
}

static int pcap_idle(void) { return !tm.dc.busy && (cfg_bits & PLCFG_INT_DONE); }
static int prr3_done(void) { return prr3_irqs > 0; }
static int pcap_free(void) { return !tm.dc.busy; }

int main(void)
{
    th_init();
    tv_bootinfo_base(&bib);
    tv_add_simb(&bib, SIMB_IFFT512_P3);
    const dprsim_bi_header *bi = th_bootinfo_pack(&bib);
    bad = bib;
    const dprsim_bi_header *bbi = th_bootinfo_pack(&bad);
    ((dprsim_bi_header *)(void *)bad.raw)->magic ^= 1u;

    th_check(hwtm_xdcfg_initialize(&tm, DCFG_BASE_DEFAULT) == 0, "xdcfg_initialize");
    th_check(hwtm_init(&tm, PL_MAP_GP0_BASE, bbi) == -2, "init refuses a bad boot-information block");
    th_check(hwtm_init(&tm, PL_MAP_GP0_BASE, bi) == 0, "init");
    const hwtm_bitdesc *d = hwtm_bitfile(&tm, 0);
    th_check(tm.nbits == 1 && d && d->id == 0 && d->addr == SIMB_IFFT512_P3 && d->prr == 3 &&
                 d->module == PL_MOD_IFFT512 && d->len == (4096u + 8u) * 4u,
             "bit descriptor 0 = (IFFT512, PRR3, 0x01000000, 16416 B)");
    /* 16416 B / 130 MB/s = 126.3 us, rounded up */
    th_check(d && d->delay_us == 127u, "delay = bytes / pcap_rate = 127 us");
    vdm_printf("bitfile 0: module 0x%x PRR%u addr 0x%08x %u bytes delay %u us", d->module, d->prr,
               d->addr, d->len, d->delay_us);
    th_check(hwtm_find_bitfile(&tm, PL_MOD_IFFT512, 3) == 0 &&
                 hwtm_find_bitfile(&tm, PL_MOD_IFFT512, 2) == -1,
             "find_bitfile");
    th_check(hwtm_check_current_prr(&tm, 0) == 0, "check_current_prr: PRR3 holds IFFT1024, PR needed");
    th_check(hwtm_check_current_prr(&tm, 7) == -1, "check_current_prr: bad id");
    th_check(hwtm_check_reco_rdy(&tm, 0) == 0, "check_reco_rdy: PRR3 coupled");

    /* PCAP transfer: returns at once, completion by interrupt */
    uint32_t t0 = th_now();
    int r = hwtm_prr_transfer_bitfile(&tm, 0);
    uint32_t ret_ns = th_ns(th_now() - t0);
    th_check(r == DCFG_OK && tm.dc.busy && tm.pcap_id == 0, "transfer_bitfile launched");
    th_check(ret_ns < 5000u, "transfer_bitfile returns at once");
    th_check(hwtm_prr_transfer_bitfile(&tm, 0) == DCFG_EBUSY, "second launch refused while busy");
    th_check(hwtm_prr_transfer_bitfile(&tm, 5) == -10, "transfer_bitfile: bad id");
    th_check(serve_until(pcap_idle, 2000) == 0, "D_P_DONE (IRQ 40) and cfg_port DONE (IRQ 63)");
    uint32_t done_ns = th_ns(th_now() - t0);
    th_check((dc_bits & DCFG_INT_D_P_DONE) && tm.dc.transfers == 1 && tm.pcap_id == -1,
             "DevCfg D_P_DONE handled, PCAP free");
    th_check(hwtm_check_current_prr(&tm, 0) == 1, "check_current_prr: PRR3 now holds IFFT512");
    vdm_printf("transfer_bitfile: returned after %u ns; load complete after %u ns (descriptor %u us)",
               ret_ns, done_ns, d->delay_us);

    /* a bitstream address the DevCfg cannot read: AXI read error on GIC 40 */
    tm.bits[0].addr = 0x3FF00000u;   /* beyond the 512 MiB of DDR */
    dc_bits = 0;
    th_check(hwtm_prr_transfer_bitfile(&tm, 0) == DCFG_OK, "unreadable bitstream: launched");
    th_check(serve_until(pcap_free, 2000) == 0, "unreadable bitstream: the transfer ends");
    th_check((dc_bits & DCFG_INT_ERRORS) && !(dc_bits & DCFG_INT_D_P_DONE) && tm.dc.errors == 1 &&
                 tm.pcap_id == -1,
             "unreadable bitstream: DevCfg error interrupt, no D_P_DONE, PCAP free again");
    vdm_printf("unreadable bitstream: DevCfg INT_STS 0x%08x", dc_bits);
    tm.bits[0].addr = SIMB_IFFT512_P3;

    /* set_mode, register access */
    th_check(hwtm_prr_set_mode(&tm, 3, 1u << PL_PRR_INT_DONE, 0x11, 0x22, 0x33) == 0, "set_mode");
    uint32_t g0 = 0, g1 = 0, g2 = 0, is = 0;
    hwtm_prr_register_read(&tm, 3, PL_PRR_GPR(0), &g0);
    hwtm_prr_register_read(&tm, 3, PL_PRR_GPR(1), &g1);
    hwtm_prr_register_read(&tm, 3, PL_PRR_GPR(2), &g2);
    hwtm_prr_register_read(&tm, 3, PL_PRR_INT_STATUS, &is);
    th_check(g0 == 0x11 && g1 == 0x22 && g2 == 0x33 &&
                 (is & PL_PRR_INT_STATUS_ENABLE_MASK) == (1u << PL_PRR_INT_DONE),
             "set_mode: GPR0..2 and INT enable read back");
    th_check(hwtm_prr_set_mode(&tm, 9, 0, 0, 0, 0) == -1, "set_mode: bad PRR");
    th_check(hwtm_prr_register_read(&tm, 3, 0x1002, &g0) == -1 &&
                 hwtm_prr_register_write(&tm, 3, 0x3, 0) == -1,
             "register access: bad offsets refused");

    /* fpga_pause / fpga_start / interrupt_done */
    tv_fill(IN_BUF, NFR * 512u, 99u);
    hwtm_prr_register_write(&tm, 3, PL_PRR_SRC_ADDR, IN_BUF);
    hwtm_prr_register_write(&tm, 3, PL_PRR_DST_ADDR, OUT_BUF);
    hwtm_prr_register_write(&tm, 3, PL_PRR_FRAMES, NFR);
    hwtm_fpga_pause(&tm, 3, 1);
    hwtm_fpga_start(&tm, 3);
    uint32_t tw = th_now();
    while (th_now() - tw < 16667u)   /* 50 us: ~3 frames of IFFT512 */
        ;
    uint32_t prog = 0, ps = 0;
    hwtm_prr_register_read(&tm, 3, PL_PRR_PROGRESS, &prog);
    hwtm_prr_register_read(&tm, 3, PL_PRR_PROC_STATUS, &ps);
    th_check(prog == 0 && (ps & PL_PRR_PROC_STATUS_START_MASK) && (ps & PL_PRR_PROC_STATUS_PAUSED_MASK),
             "fpga_pause: job active, no frame while paused");
    t0 = th_now();
    hwtm_fpga_pause(&tm, 3, 0);
    th_check(serve_until(prr3_done, 2000) == 0, "job completes with the PRR3 interrupt (GIC 68)");
    hwtm_prr_register_read(&tm, 3, PL_PRR_PROGRESS, &prog);
    uint32_t fc = 0;
    hwtm_prr_register_read(&tm, 3, PL_PRR_FRAME_CYCLES, &fc);
    th_check(prog == NFR && (prr3_int & (0x100u << PL_PRR_INT_DONE)), "PROGRESS = FRAMES, DONE status");
    hwtm_prr_register_read(&tm, 3, PL_PRR_INT_STATUS, &is);
    th_check((is & PL_PRR_INT_STATUS_STATUS_MASK) == 0, "fpga_interrupt_done cleared the status");
    vdm_printf("IFFT512 job: %u frames in %u ns after the pause was lifted, %u PL cycles per frame",
               NFR, th_ns(th_now() - t0), fc);

    /* crossbar route arithmetic (Mini-NOVA multi-path switch) */
    th_check(plxbar_move_source(0xD, 0, 1) == 0xF, "xbar: PRR2 input moves from PRR0 to PRR1");
    th_check(plxbar_move_source(0x1, 1, 0) == 0x1, "xbar: unrelated source untouched");
    th_check(plxbar_move_sink(0x3, 2, 3) == 0xC, "xbar: PRR1 -> PRR2 becomes PRR1 -> PRR3");
    th_check(plxbar_move_sink(0x4, 2, 3) == 0x4, "xbar: disabled output untouched");

    vdm_printf(th_failures ? "hwtm_api: FAIL (%u)" : "hwtm_api: ok", th_failures);
    th_uart_drain();
    return (int)th_failures;
}
