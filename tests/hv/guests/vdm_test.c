/*
 * vdm_test: a minimal VDM for the kernel tests (the real one is
 * firmware/vdm). Checks its boot information copy and the VDM calls' bad
 * arguments, then serves messages: a REQUEST is granted at once
 * (MAP_IF connected, NOTIFY READY, RESUME), a RELEASE disconnects
 * (MAP_IF 0, NOTIFY UNCONNECTED); every message is printed.
 * It also starts a DevCfg loopback DMA (UG585 6.4.2: MCTRL.INT_PCAP_LPBK)
 * inside its own section: D_P_DONE is GIC 40, which must come back as
 * HV_MSG_IRQ and stay masked until HC_VDM_IRQ_DONE.
 *
 * Built with VDM_ROUTE_TEST (vdm_route.bin) it instead routes PRR 0's
 * interrupt to VM slot 0, device 0 (HC_VDM_ROUTE_IRQ) and sends a SimB with
 * a wrong CRC for PRR 0 through the PCAP: the cfg_port reports the error
 * (GIC 63, to the VDM) and PRR 0 raises LOAD_ERR (GIC 65, to the VM as
 * HV_VIRQ_DEV(0)); once that VM has exited the interrupt comes to the VDM.
 */
#include "grt.h"
#include "dprsim_bootinfo.h"

static int checks, failed;
#ifdef VDM_ROUTE_TEST
static const int route_test = 1;
#else
static const int route_test = 0;
#endif

#include "dcfg_regs.h"
#define LB_WORDS    256u
static uint32_t lb_src[LB_WORDS] __attribute__((aligned(64)));
static uint32_t lb_dst[LB_WORDS] __attribute__((aligned(64)));

static void loopback_start(void)
{
    for (uint32_t i = 0; i < LB_WORDS; i++) lb_src[i] = i * 0x9E3779B9u;
    GRT_REG(DCFG_REG(DCFG_UNLOCK)) = 0x757BDF0Du;
    GRT_REG(DCFG_REG(DCFG_CTRL)) |= (1u << 27) | (1u << 26);   /* PCAP_PR, PCAP_MODE */
    GRT_REG(DCFG_REG(DCFG_MCTRL)) |= 1u << 4;                  /* INT_PCAP_LPBK */
    GRT_REG(DCFG_REG(DCFG_INT_STS)) = 0xFFFFFFFFu;
    GRT_REG(DCFG_REG(DCFG_INT_MASK)) = ~DCFG_INT_D_P_DONE;
    GRT_REG(DCFG_REG(DCFG_DMA_SRC_ADDR)) = (uint32_t)(uintptr_t)lb_src;  /* VA = PA in the VDM section */
    GRT_REG(DCFG_REG(DCFG_DMA_DST_ADDR)) = (uint32_t)(uintptr_t)lb_dst;
    GRT_REG(DCFG_REG(DCFG_DMA_SRC_LEN)) = LB_WORDS;
    GRT_REG(DCFG_REG(DCFG_DMA_DEST_LEN)) = LB_WORDS;                /* queues the command */
}

#define GP0_CFG_INT_STATUS  0x4000100Cu
#define GP0_CFG_ERROR       0x40001008u
#define GP0_PRR0_INT_STATUS 0x40010004u
static uint32_t simb[9] __attribute__((aligned(64)));

/* PCAP download (DST = 0xFFFFFFFF, UG585 6.4.2) of a SimB for PRR 0 whose
 * CRC word is wrong (rtl/README.md, SimB format). */
static void bad_simb_start(void)
{
    simb[0] = 0xAA995566u;                  /* sync */
    simb[1] = 0x53494D42u;                  /* "SIMB" */
    simb[2] = 1;                            /* format version */
    simb[3] = 0;                            /* PRR 0 */
    simb[4] = 0x14;                         /* QAM16 */
    simb[5] = 1;                            /* payload words */
    simb[6] = 0x20000000u | (0x14u << 20);
    simb[7] = 0;                            /* CRC: wrong */
    simb[8] = 0x0000000Du;                  /* DESYNC */
    GRT_REG(GP0_PRR0_INT_STATUS) = 0xFF00u | (1u << 3) | (1u << 4);   /* clear; enable LOADED, LOAD_ERR */
    GRT_REG(DCFG_REG(DCFG_UNLOCK)) = 0x757BDF0Du;
    GRT_REG(DCFG_REG(DCFG_CTRL)) |= (1u << 27) | (1u << 26);
    GRT_REG(DCFG_REG(DCFG_MCTRL)) &= ~(1u << 4);       /* no loopback: to the PL */
    GRT_REG(DCFG_REG(DCFG_INT_STS)) = 0xFFFFFFFFu;
    GRT_REG(DCFG_REG(DCFG_INT_MASK)) = ~DCFG_INT_D_P_DONE;
    GRT_REG(DCFG_REG(DCFG_DMA_SRC_ADDR)) = (uint32_t)(uintptr_t)simb;
    GRT_REG(DCFG_REG(DCFG_DMA_DST_ADDR)) = 0xFFFFFFFFu;
    GRT_REG(DCFG_REG(DCFG_DMA_SRC_LEN)) = 9;
    GRT_REG(DCFG_REG(DCFG_DMA_DEST_LEN)) = 0;
}

static int loopback_ok(void)
{
    for (uint32_t i = 0; i < LB_WORDS; i++)
        if (lb_dst[i] != i * 0x9E3779B9u) return 0;
    return 1;
}

static void check(const char *what, int32_t got, int32_t want)
{
    checks++;
    if (got != want) {
        failed++;
        grt_printf("vdm: FAIL %s: got %d, want %d\n", what, got, want);
    }
}

int main(uint32_t bi)
{
    const dprsim_bi_header *h = (const dprsim_bi_header *)(uintptr_t)bi;
    uint32_t sp;
    __asm__ volatile("mov %0, sp" : "=r"(sp));
    check("boot info at r0", (int32_t)bi, (int32_t)HV_VDM_BOOTINFO);
    check("boot info magic", h->magic == DPRSIM_BI_MAGIC, 1);
    check("stack below the boot info", sp < HV_VDM_BOOTINFO && sp > HV_VDM_BOOTINFO - 0x1000u, 1);

    check("map_if slot 9", grt_hc(HC_VDM_MAP_IF, 9, 0, 1), -HV_EINVAL);
    check("map_if dev 8", grt_hc(HC_VDM_MAP_IF, 0, 8, 1), -HV_EINVAL);
    check("map_if connected 2", grt_hc(HC_VDM_MAP_IF, 0, 0, 2), -HV_EINVAL);
    check("notify state 9", grt_hc(HC_VDM_NOTIFY, 0, 0, 9), -HV_EINVAL);
    check("notify slot 9", grt_hc(HC_VDM_NOTIFY, 9, 0, 0), -HV_EINVAL);
    check("resume vm not blocked", grt_hc(HC_VDM_RESUME, 0, 0, 0), -HV_EBUSY);
    check("resume slot 9", grt_hc(HC_VDM_RESUME, 9, 0, 0), -HV_EINVAL);
    check("route prr 4", grt_hc(HC_VDM_ROUTE_IRQ, 4, 0, 0), -HV_EINVAL);
    check("route slot 5", grt_hc(HC_VDM_ROUTE_IRQ, 0, 5, 0), -HV_EINVAL);
    check("route dev 8", grt_hc(HC_VDM_ROUTE_IRQ, 0, 0, 8), -HV_EINVAL);
    check("route to vdm", grt_hc(HC_VDM_ROUTE_IRQ, 0, 0xFF, 0), 0);
    check("irq_done 5", grt_hc(HC_VDM_IRQ_DONE, 5, 0, 0), -HV_EINVAL);
    check("irq_done not masked", grt_hc(HC_VDM_IRQ_DONE, HV_GIC_DEVCFG, 0, 0), -HV_EBUSY);
    check("dev_status from vdm", grt_hc(HC_DEV_STATUS, 0, 0, 0), -HV_EPERM);
    check("ipc_recv from vdm", grt_hc(HC_IPC_RECV, 0, 0, 0), -HV_EPERM);
    check("console from vdm section", grt_hc(HC_CONSOLE_WRITE, HV_VDM_VA, 0, 0), 0);
    check("console outside vdm", grt_hc(HC_CONSOLE_WRITE, HV_GUEST_VA_BASE, 1, 0), -HV_EFAULT);
    /* the VDM's own devices: the Monitor block on GP0 and the DevCfg page */
    (void)GRT_REG(0x40000000u);
    (void)GRT_REG(0xF8007000u);
    grt_printf("vdm: up, %u VMs, %d checks, %d failed\n", h->vm_count, checks, failed);
    if (route_test) {
        check("route prr 0 to slot 0 dev 0", grt_hc(HC_VDM_ROUTE_IRQ, 0, 0, 0), 0);
        bad_simb_start();
    } else {
        loopback_start();
    }

    for (;;) {
        uint32_t m[3];
        int32_t msg = grt_hc4(HC_VDM_RECV, m);
        switch (msg) {
        case HV_MSG_REQUEST:
            grt_printf("vdm: request slot %u dev %u prio %u\n", m[0], m[1], m[2]);
            check("map", grt_hc(HC_VDM_MAP_IF, m[0], m[1], 1), 0);
            check("notify", grt_hc(HC_VDM_NOTIFY, m[0], m[1], HV_DEV_READY), 0);
            check("resume", grt_hc(HC_VDM_RESUME, m[0], 0, 0), 0);
            break;
        case HV_MSG_RELEASE:
            grt_printf("vdm: release slot %u dev %u\n", m[0], m[1]);
            check("unmap", grt_hc(HC_VDM_MAP_IF, m[0], m[1], 0), 0);
            check("notify", grt_hc(HC_VDM_NOTIFY, m[0], m[1], HV_DEV_UNCONNECTED), 0);
            break;
        case HV_MSG_MODE:
            grt_printf("vdm: mode slot %u dev %u module %u\n", m[0], m[1], m[2]);
            break;
        case HV_MSG_IRQ:
            if (m[0] == HV_GIC_PL_CFGPORT) {
                grt_printf("vdm: irq %u, cfg_port error code %u\n", m[0], GRT_REG(GP0_CFG_ERROR) & 0xFu);
                GRT_REG(GP0_CFG_INT_STATUS) = 3;
            } else if (m[0] == HV_GIC_PL_PRR(0)) {
                grt_printf("vdm: irq %u, PRR 0 status 0x%x\n", m[0], GRT_REG(GP0_PRR0_INT_STATUS) >> 8 & 0xFFu);
                GRT_REG(GP0_PRR0_INT_STATUS) = 0xFF00u;
            } else if (m[0] == HV_GIC_DEVCFG && route_test) {
                grt_printf("vdm: irq %u, PCAP download done\n", m[0]);
                GRT_REG(DCFG_REG(DCFG_INT_STS)) = GRT_REG(DCFG_REG(DCFG_INT_STS));
            } else if (m[0] == HV_GIC_DEVCFG) {
                uint32_t sts = GRT_REG(DCFG_REG(DCFG_INT_STS));
                grt_printf("vdm: irq %u, D_P_DONE %u, loopback copy %s\n", m[0], (sts & DCFG_INT_D_P_DONE) != 0,
                           loopback_ok() ? "ok" : "WRONG");
                GRT_REG(DCFG_REG(DCFG_INT_STS)) = sts;         /* W1C: the source drops */
            } else {
                grt_printf("vdm: irq %u\n", m[0]);
            }
            check("irq_done", grt_hc(HC_VDM_IRQ_DONE, m[0], 0, 0), 0);
            check("irq_done twice", grt_hc(HC_VDM_IRQ_DONE, m[0], 0, 0), -HV_EBUSY);
            break;
        default:
            grt_printf("vdm: FAIL unknown message %d\n", msg);
            break;
        }
        if (failed) grt_printf("vdm: FAIL total %d\n", failed);
    }
}
