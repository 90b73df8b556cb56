/*
 * measure_alloc.c - bare-metal firmware for tests/measure: the allocation
 * path of PLAN.md in miniature, to check what dprsim measures from outside.
 *
 *  - MMU on (short-descriptor, ARM ARM B3.5): DDR identity sections (user
 *    RW), GP0 and the DevCfg section user RW (the device manager drives the
 *    Monitor and the PCAP), UART privileged only, and one coarse table for
 *    the virtual devices at 0x70000000 + dev * 0x1000 -> the IF window of
 *    (VM slot 0, dev) at GP0 0x40100000 + dev * 0x1000, user read-only
 *    while not connected (a store takes a permission fault).
 *  - The guest (USR, ASID 1) stores to device 0, then device 2.
 *  - The data abort handler (the "kernel") calls hv_ipc_send(0, 1, slot,
 *    dev) and hv_schedule() (the probed kernel functions of hv_abi.h),
 *    which switches to the device manager (USR, ASID 0).
 *  - The device manager asks the PRR Monitor (SEARCH_CMD, SEARCH_RESULT),
 *    loads a SimB through DevCfg/PCAP when the solution says Reconfig
 *    (QAM64 into PRR1 from SIMB_ADDR), CONNECTs the IF and makes two
 *    hypercalls: MAP_IF (page user RW + TLB invalidate) and RESUME (back
 *    to the guest, which re-executes its store; it now reaches the IF).
 *  - Then the guest tries semihosting from USR mode (SVC 0x123456 with
 *    SYS_EXIT): dprsim must treat it as an ordinary SVC, which the kernel
 *    sees; and BKPT 0xAB: a prefetch abort the kernel sees. In SVC mode,
 *    BKPT 0xAB semihosting (SYS_WRITE0) is honoured.
 *  - Exit status (semihosting from SVC mode): 0 when everything held;
 *    lines "dprsim-metric fw.NAME VALUE" tell the test what the firmware
 *    saw (addresses of the probed functions, counts).
 */
#include <stdint.h>

#include "dprsim_pl_regs.h"

#define REG(a) (*(volatile uint32_t *)(uintptr_t)(a))
#define GP0(o) (PL_MAP_GP0_BASE + (o))
#define MON(r) GP0(PL_MAP_MON_BASE + (r))
#define PRR(n, r) GP0(PL_MAP_PRR(n) + (r))

#define UART1_SR 0xE000102Cu
#define UART1_FIFO 0xE0001030u
#define DC_INT_STS 0xF800700Cu
#define DC_SRC 0xF8007018u
#define DC_DST 0xF800701Cu
#define DC_SRC_LEN 0xF8007020u
#define DC_DST_LEN 0xF8007024u
#define DC_D_P_DONE (1u << 12)

#define SIMB_ADDR 0x01000000u     /* QAM64 SimB for PRR1 (--load) */
#define VDEV_BASE 0x70000000u
#define GUEST_ASID 1u
#define VDM_ASID 0u

void fw_exit(int status) __attribute__((noreturn));
void enter_user(void (*entry)(void), const uint32_t *usr_sp) __attribute__((noreturn));
void resume_user(const uint32_t *ctx) __attribute__((noreturn));
extern uint32_t __guest_stack_top[], __vdm_stack_top[];

/* r0-r12, pc, cpsr, sp_usr, lr_usr of the guest at its fault (start.S). */
uint32_t guest_ctx[17];

static uint32_t l1[4096] __attribute__((aligned(16384), section(".bss.l1")));
static uint32_t l2_vdev[256] __attribute__((aligned(1024)));
static uint32_t guest_sp, vdm_sp;

/* What the device manager is asked to do (written by the kernel). */
static volatile struct {
    uint32_t slot, dev, prio;
} request;
/* What the kernel saw. */
static volatile uint32_t faults, ipc_calls, sched_calls, usr_semihost_svcs, usr_bkpts, priv_bkpts;
static volatile uint32_t vdm_results[2];
static volatile uint32_t ipc_args[2][4];

/* ---------------- console (privileged) ---------------- */
static void putc1(char c)
{
    while (REG(UART1_SR) & (1u << 4))   /* TXFULL */
        ;
    REG(UART1_FIFO) = (uint8_t)c;
}
static void puts1(const char *s)
{
    while (*s) putc1(*s++);
}
static void putdec(uint32_t v)
{
    char b[11];
    int n = 0;
    do { b[n++] = (char)('0' + v % 10); v /= 10; } while (v);
    while (n) putc1(b[--n]);
}
static void metric(const char *name, uint32_t v)
{
    puts1("dprsim-metric fw.");
    puts1(name);
    putc1(' ');
    putdec(v);
    putc1('\n');
}
static void drain(void)
{
    while ((REG(UART1_SR) & ((1u << 3) | (1u << 11))) != (1u << 3))   /* TEMPTY, TACTIVE */
        ;
}

/* ---------------- MMU ---------------- */
#define SEC(pa, ap) ((pa) | ((ap) << 10) | 2u)            /* section, domain 0, XN 0 */
#define SEC_NORMAL (3u << 2)                              /* C, B: write-back */
#define SEC_DEVICE (1u << 2)                              /* B: shared device */
#define PAGE(pa, ap) ((pa) | ((ap) << 4) | (1u << 2) | 2u)   /* small page, device (B) */
#define AP_PRIV 1u
#define AP_USER_RO 2u
#define AP_USER_RW 3u

static void tlb_flush(void)
{
    __asm__ volatile("dsb\n mcr p15, 0, %0, c8, c7, 0\n dsb\n isb" ::"r"(0) : "memory");   /* TLBIALL */
}

static void set_asid(uint32_t asid)
{
    __asm__ volatile("mcr p15, 0, %0, c13, c0, 1\n isb" ::"r"(asid) : "memory");   /* CONTEXTIDR */
}

static void mmu_on(void)
{
    for (uint32_t i = 0; i < 512; i++) l1[i] = SEC(i << 20, AP_USER_RW) | SEC_NORMAL;   /* DDR */
    l1[0x400] = SEC(0x40000000u, AP_USER_RW) | SEC_DEVICE;   /* GP0: Monitor, PRRs */
    l1[0x401] = SEC(0x40100000u, AP_PRIV) | SEC_DEVICE;      /* IF windows: privileged */
    l1[0xE00] = SEC(0xE0000000u, AP_PRIV) | SEC_DEVICE;      /* UARTs */
    l1[0xF80] = SEC(0xF8000000u, AP_USER_RW) | SEC_DEVICE;   /* SLCR, DevCfg */
    l1[0xF8F] = SEC(0xF8F00000u, AP_PRIV) | SEC_DEVICE;      /* SCU, GIC, timers */
    for (uint32_t d = 0; d < 8; d++)
        l2_vdev[d] = PAGE(0x40100000u + d * 0x1000u, AP_USER_RO);   /* IF (slot 0, dev d) */
    l1[VDEV_BASE >> 20] = (uint32_t)(uintptr_t)l2_vdev | 1u;   /* coarse table, domain 0 */
    __asm__ volatile("dsb\n"
                     "mcr p15, 0, %0, c2, c0, 2\n"   /* TTBCR = 0 */
                     "mcr p15, 0, %1, c2, c0, 0\n"   /* TTBR0 */
                     "mcr p15, 0, %2, c3, c0, 0\n"   /* DACR: domain 0 client */
                     "isb" ::"r"(0), "r"((uint32_t)(uintptr_t)l1), "r"(1u) : "memory");
    tlb_flush();
    uint32_t sctlr;
    __asm__ volatile("mrc p15, 0, %0, c1, c0, 0" : "=r"(sctlr));
    sctlr |= 1u;   /* M */
    __asm__ volatile("mcr p15, 0, %0, c1, c0, 0\n isb" ::"r"(sctlr) : "memory");
}

/* ---------------- hypercalls (from USR mode) ---------------- */
static uint32_t hc(uint32_t n, uint32_t a, uint32_t b, uint32_t c)
{
    register uint32_t r0 __asm__("r0") = n;
    register uint32_t r1 __asm__("r1") = a;
    register uint32_t r2 __asm__("r2") = b;
    register uint32_t r3 __asm__("r3") = c;
    __asm__ volatile("svc #0" : "+r"(r0) : "r"(r1), "r"(r2), "r"(r3) : "memory");
    return r0;
}
#define HC_EXIT 8u
#define HC_VDM_MAP_IF 33u
#define HC_VDM_RESUME 35u

/* ---------------- the device manager (USR, ASID 0) ---------------- */
static void vdm_serve(void)
{
    const uint32_t slot = request.slot, dev = request.dev;
    REG(MON(PL_MON_SEARCH_CMD)) = (slot << 16) | (dev << 8) | request.prio;
    uint32_t r;
    while (!((r = REG(MON(PL_MON_SEARCH_RESULT))) & PL_MON_SEARCH_RESULT_VALID_MASK))
        ;
    vdm_results[dev == 0 ? 0 : 1] = r;
    const uint32_t prr = r & PL_MON_SEARCH_RESULT_PRR_MASK;
    if (r & PL_MON_SEARCH_RESULT_RECONFIG_MASK) {
        const uint32_t words = REG(SIMB_ADDR + 20) + 8u;   /* header N + sync, 5 header, CRC, DESYNC */
        REG(DC_INT_STS) = 0xFFFFFFFFu;
        REG(DC_SRC) = SIMB_ADDR;
        REG(DC_DST) = 0xFFFFFFFFu;
        REG(DC_SRC_LEN) = words;
        REG(DC_DST_LEN) = words;   /* queues the command */
        while (!(REG(DC_INT_STS) & DC_D_P_DONE))
            ;
        uint32_t ps;
        while (!((ps = REG(PRR(prr, PL_PRR_PROC_STATUS))) & PL_PRR_PROC_STATUS_MODULE_VALID_MASK) ||
               (ps & PL_PRR_PROC_STATUS_RECONFIGURING_MASK))
            ;
    }
    REG(MON(PL_MON_CONNECT)) = prr | (dev << 8) | (slot << 16) | (request.prio << 24);
    hc(HC_VDM_MAP_IF, slot, dev, 1);
    hc(HC_VDM_RESUME, slot, 0, 0);
    for (;;)
        ;
}

/* ---------------- the guest (USR, ASID 1) ---------------- */
static void guest_main(void)
{
    volatile uint32_t *dev0 = (volatile uint32_t *)(VDEV_BASE + 0 * 0x1000u);
    volatile uint32_t *dev2 = (volatile uint32_t *)(VDEV_BASE + 2 * 0x1000u);
    const uint32_t src = PL_PRR_IF_SRC_ADDR - 0x800u;   /* guest view offset */
    uint32_t ok = 0;
    dev0[src / 4] = 0x00123400u;   /* faults: assign */
    ok += dev0[src / 4] == 0x00123400u;
    dev2[src / 4] = 0x00567800u;   /* faults: assign + reconfig */
    ok += dev2[src / 4] == 0x00567800u;
    /* Semihosting from USR mode: an ordinary SVC / BKPT for the simulator. */
    {
        static const uint32_t block[2] = {0x20026u, 9u};
        register uint32_t r0 __asm__("r0") = 0x20;   /* SYS_EXIT_EXTENDED */
        register uint32_t r1 __asm__("r1") = (uint32_t)(uintptr_t)block;
        __asm__ volatile("svc 0x123456" : "+r"(r0) : "r"(r1) : "memory");
        r0 = 0x18;   /* SYS_EXIT */
        r1 = 0x20026;
        __asm__ volatile("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
    }
    hc(HC_EXIT, ok, 0, 0);
    for (;;)
        ;
}

/* ---------------- the kernel ---------------- */
/* The kernel functions dprsim probes (hv_abi.h): real, not inlined. */
__attribute__((noinline)) void hv_ipc_send(uint32_t dst, uint32_t msg, uint32_t a, uint32_t b)
{
    const uint32_t i = ipc_calls < 2 ? ipc_calls : 1;
    ipc_args[i][0] = dst;
    ipc_args[i][1] = msg;
    ipc_args[i][2] = a;
    ipc_args[i][3] = b;
    ipc_calls++;
}

__attribute__((noinline, noreturn)) void hv_schedule(void)
{
    sched_calls++;
    set_asid(VDM_ASID);
    enter_user(vdm_serve, &vdm_sp);
}

void dabt_handler(uint32_t dfar, uint32_t dfsr)
{
    const uint32_t fs = (dfsr & 0xFu) | ((dfsr >> 6) & 0x10u);
    if (fs != 0x0Fu || dfar < VDEV_BASE || dfar >= VDEV_BASE + 8 * 0x1000u) {
        puts1("unexpected data abort\n");
        drain();
        fw_exit(0xE4);
    }
    faults++;
    request.slot = 0;
    request.dev = (dfar - VDEV_BASE) / 0x1000u;
    request.prio = 5;
    hv_ipc_send(VDM_ASID, 1 /* HV_MSG_REQUEST */, request.slot, request.dev);
    hv_schedule();
}

static void __attribute__((noreturn)) report_and_exit(uint32_t guest_ok)
{
    metric("hv_ipc_send", (uint32_t)(uintptr_t)&hv_ipc_send);
    metric("hv_schedule", (uint32_t)(uintptr_t)&hv_schedule);
    metric("faults", faults);
    metric("guest_ok", guest_ok);
    metric("usr_semihost_svcs", usr_semihost_svcs);
    metric("usr_bkpts", usr_bkpts);
    metric("priv_bkpts", priv_bkpts);
    metric("result0", vdm_results[0]);
    metric("result1", vdm_results[1]);
    drain();
    const int ok = faults == 2 && guest_ok == 2 && ipc_calls == 2 && sched_calls == 2 &&
                   usr_semihost_svcs == 1 && usr_bkpts == 1 && priv_bkpts == 0 &&
                   ipc_args[1][3] == 2;
    fw_exit(ok ? 0 : 1);
}

/* frame: r0-r3, r12, lr (the return address: after the SVC). */
void svc_handler(uint32_t *frame)
{
    const uint32_t imm = *(const uint32_t *)(uintptr_t)(frame[5] - 4) & 0x00FFFFFFu;
    if (imm == 0x123456u) {   /* semihosting attempt from USR mode reached the kernel */
        usr_semihost_svcs++;
        frame[0] = (uint32_t)-1;
        return;
    }
    switch (frame[0]) {
    case HC_VDM_MAP_IF:
        l2_vdev[frame[2] & 7u] = PAGE(0x40100000u + (frame[2] & 7u) * 0x1000u,
                                      frame[3] ? AP_USER_RW : AP_USER_RO);
        tlb_flush();
        frame[0] = 0;
        return;
    case HC_VDM_RESUME:
        set_asid(GUEST_ASID);
        resume_user(guest_ctx);
    case HC_EXIT:
        report_and_exit(frame[1]);
    default:
        frame[0] = (uint32_t)-6;   /* -HV_ENOSYS */
        return;
    }
}

void pabt_handler(uint32_t ifsr, uint32_t spsr)
{
    (void)ifsr;
    if ((spsr & 0x1Fu) == 0x10u) usr_bkpts++;
    else priv_bkpts++;
}

int main(void)
{
    /* BKPT 0xAB semihosting from SVC mode: SYS_WRITE0 (prints on stdout). */
    {
        static const char msg[] = "measure_alloc: privileged BKPT 0xAB semihosting\n";
        register uint32_t r0 __asm__("r0") = 0x04;
        register uint32_t r1 __asm__("r1") = (uint32_t)(uintptr_t)msg;
        __asm__ volatile("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
    }
    mmu_on();
    guest_sp = (uint32_t)(uintptr_t)__guest_stack_top;
    vdm_sp = (uint32_t)(uintptr_t)__vdm_stack_top;
    set_asid(GUEST_ASID);
    enter_user(guest_main, &guest_sp);
}
