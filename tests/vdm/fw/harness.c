/*
 * harness.c - the kernel stand-in of the tests/vdm bare-metal programs
 * (harness.h). GIC / timer / UART offsets: Cortex-A9 MPCore TRM (DDI 0407)
 * ch. 3-4 and the GIC architecture spec (ICDISER/ICDICER/ICDIPR/ICDIPTR,
 * ICCICR/ICCPMR/ICCIAR/ICCEOIR); UART: UG585 B.33.
 */
#include "harness.h"

#include "dprsim_pl_regs.h"
#include "hv_abi.h"

#define GIC_CPU   0xF8F00100u
#define GIC_DIST  0xF8F01000u
#define GTIMER    0xF8F00200u
#define UART1     0xE0001000u
#define UART_SR   0x2Cu
#define UART_FIFO 0x30u
#define UART_SR_TEMPTY  (1u << 3)
#define UART_SR_TFUL    (1u << 4)
#define UART_SR_TACTIVE (1u << 11)

th_event th_log[TH_LOG_MAX];
volatile unsigned th_nlog;
volatile uint32_t th_virq[VDM_MAX_VMS][VDM_MAX_DEVS];
unsigned th_failures;

/* PRR -> VM route (HC_VDM_ROUTE_IRQ); VDM_SYS_TO_VDM: the VDM's */
static uint8_t route_slot[VDM_MAX_PRRS], route_dev[VDM_MAX_PRRS];

/* interrupt messages for the VDM */
#define QN 64u
static vdm_msg q[QN];
static volatile unsigned q_head, q_count;

uint32_t th_now(void)
{
    return TH_REG(GTIMER + 0x00);
}

uint32_t th_ns(uint32_t ticks)
{
    return (uint32_t)(((uint64_t)ticks * 3u));   /* 333.33 MHz: 3 ns per tick */
}

static void log_event(unsigned kind, unsigned a, unsigned b, unsigned c)
{
    if (th_nlog < TH_LOG_MAX) {
        th_event *e = &th_log[th_nlog];
        e->kind = (uint8_t)kind;
        e->a = (uint8_t)a;
        e->b = (uint8_t)b;
        e->c = (uint8_t)c;
        e->t = th_now();
        th_nlog++;
    }
}

static void gic_enable(unsigned id, int on)
{
    TH_REG(GIC_DIST + (on ? 0x100u : 0x180u) + 4u * (id / 32u)) = 1u << (id % 32u);
}

static void gic_setup(unsigned id)
{
    uint32_t sh = 8u * (id % 4u);
    uintptr_t pr = GIC_DIST + 0x400u + (id & ~3u), tg = GIC_DIST + 0x800u + (id & ~3u);
    TH_REG(pr) = (TH_REG(pr) & ~(0xFFu << sh)) | (0xA0u << sh);
    TH_REG(tg) = (TH_REG(tg) & ~(0xFFu << sh)) | (0x01u << sh);
    gic_enable(id, 1);
}

void th_init(void)
{
    TH_REG(GTIMER + 0x08) = 1;   /* global timer on */
    for (unsigned p = 0; p < VDM_MAX_PRRS; p++)
        route_slot[p] = VDM_SYS_TO_VDM;
    TH_REG(GIC_DIST + 0x000) = 1;
    gic_setup(HV_GIC_DEVCFG);
    for (unsigned id = HV_GIC_PL_MONITOR; id <= HV_GIC_PL_PRR(3); id++)
        gic_setup(id);
    TH_REG(GIC_CPU + 0x04) = 0xF0;
    TH_REG(GIC_CPU + 0x00) = 1;
    __asm__ volatile("cpsie i" ::: "memory");
}

/* IRQ exception: PRR interrupts routed to a VM count as its vIRQ (the
 * harness acknowledges the PRR's status as the guest would); the others
 * become HV_MSG_IRQ, masked until vdm_sys_irq_done. */
void fw_irq_handler(void)
{
    uint32_t iar = TH_REG(GIC_CPU + 0x0C);
    unsigned id = iar & 0x3FFu;
    if (id == 1023u)
        return;
    if (id >= HV_GIC_PL_PRR(0) && id < HV_GIC_PL_PRR(4) &&
        route_slot[id - HV_GIC_PL_PRR(0)] != VDM_SYS_TO_VDM) {
        unsigned p = id - HV_GIC_PL_PRR(0);
        th_virq[route_slot[p]][route_dev[p]]++;
        uintptr_t b = PL_MAP_GP0_BASE + PL_MAP_PRR(p);
        uint32_t s = TH_REG(b + PL_PRR_INT_STATUS);
        TH_REG(b + PL_PRR_INT_STATUS) = s;   /* status W1C, enables kept */
    } else {
        gic_enable(id, 0);
        if (q_count < QN) {
            vdm_msg *m = &q[(q_head + q_count) % QN];
            m->type = HV_MSG_IRQ;
            m->a1 = id;
            m->a2 = m->a3 = 0;
            q_count++;
        }
    }
    TH_REG(GIC_CPU + 0x10) = iar;
}

int th_pop(vdm_msg *m)
{
    int got = 0;
    __asm__ volatile("cpsid i" ::: "memory");
    if (q_count) {
        *m = q[q_head];
        q_head = (q_head + 1) % QN;
        q_count--;
        got = 1;
    }
    __asm__ volatile("cpsie i" ::: "memory");
    return got;
}

int th_run_until(vdm *v, int (*cond)(void *), void *arg, uint32_t timeout_us)
{
    uint32_t t0 = th_now(), limit = timeout_us * 333u;
    for (;;) {
        vdm_msg m;
        while (th_pop(&m))
            vdm_handle(v, &m);
        if (cond(arg))
            return 0;
        if (th_now() - t0 > limit)
            return -1;
        /* sleep until the next interrupt (WFI wakes on a pending IRQ even
         * with IRQs masked, ARM ARM B1.8.14) */
        __asm__ volatile("cpsid i" ::: "memory");
        if (!q_count)
            __asm__ volatile("wfi" ::: "memory");
        __asm__ volatile("cpsie i" ::: "memory");
    }
}

void th_sleep(void)
{
    __asm__ volatile("cpsid i" ::: "memory");
    if (!q_count)
        __asm__ volatile("wfi" ::: "memory");
    __asm__ volatile("cpsie i" ::: "memory");
}

void th_gic_enable(unsigned id)
{
    gic_enable(id, 1);
}

int th_find(unsigned from, unsigned kind, unsigned a, unsigned b, unsigned c)
{
    for (unsigned i = from; i < th_nlog; i++) {
        const th_event *e = &th_log[i];
        if (e->kind == kind && e->a == a && e->b == b && (c == 0xFFu || e->c == c))
            return (int)i;
    }
    return -1;
}

struct wait_arg {
    unsigned from, kind, a, b, c;
};

static int wait_cond(void *p)
{
    struct wait_arg *w = p;
    return th_find(w->from, w->kind, w->a, w->b, w->c) >= 0;
}

int th_wait(vdm *v, unsigned from, unsigned kind, unsigned a, unsigned b, unsigned c,
            uint32_t timeout_us)
{
    struct wait_arg w = {from, kind, a, b, c};
    if (th_run_until(v, wait_cond, &w, timeout_us) != 0)
        return -1;
    return th_find(from, kind, a, b, c);
}

uint32_t th_send_t;

int th_send(vdm *v, uint32_t type, uint32_t a1, uint32_t a2, uint32_t a3)
{
    vdm_msg m = {type, a1, a2, a3};
    unsigned n = th_nlog;
    th_send_t = th_now();
    vdm_handle(v, &m);
    return (int)n;
}

uintptr_t th_if(unsigned slot, unsigned dev)
{
    return PL_MAP_GP0_BASE + PL_MAP_IF(slot * 8u + dev);
}

void th_puts(const char *s)
{
    while (*s) {
        while (TH_REG(UART1 + UART_SR) & UART_SR_TFUL)
            ;
        TH_REG(UART1 + UART_FIFO) = (uint8_t)*s++;
    }
}

int th_check(int ok, const char *what)
{
    if (!ok) {
        th_failures++;
        vdm_printf("FAIL: %s", what);
    }
    return ok;
}

uint32_t th_crc32(const volatile void *p, uint32_t n)
{
    const volatile uint8_t *b = p;
    uint32_t c = 0xFFFFFFFFu;
    for (uint32_t i = 0; i < n; i++) {
        c ^= b[i];
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return ~c;
}

const dprsim_bi_header *th_bootinfo_pack(th_bootinfo *b)
{
    uint8_t *o = b->raw;
    unsigned n = 0;
#define PUT(src, bytes)                                  \
    do {                                                 \
        const uint8_t *s_ = (const uint8_t *)(src);      \
        for (unsigned i_ = 0; i_ < (bytes); i_++)        \
            o[n++] = s_[i_];                             \
    } while (0)
    b->h.magic = DPRSIM_BI_MAGIC;
    b->h.version = DPRSIM_BI_VERSION;
    b->h.size = (uint32_t)(sizeof b->h + b->h.vm_count * sizeof(dprsim_bi_vm) +
                           b->h.module_count * sizeof(dprsim_bi_module) +
                           b->h.prr_count * sizeof(dprsim_bi_prr) +
                           b->h.bitstream_count * sizeof(dprsim_bi_bitstream));
    PUT(&b->h, sizeof b->h);
    PUT(b->vm, b->h.vm_count * sizeof(dprsim_bi_vm));
    PUT(b->mod, b->h.module_count * sizeof(dprsim_bi_module));
    PUT(b->prr, b->h.prr_count * sizeof(dprsim_bi_prr));
    PUT(b->bs, b->h.bitstream_count * sizeof(dprsim_bi_bitstream));
#undef PUT
    return (const dprsim_bi_header *)(void *)b->raw;
}

/* ---- vdm_sys.h for the bare-metal tests ---- */

int vdm_sys_recv(vdm_msg *m)
{
    while (!th_pop(m))
        __asm__ volatile("wfi" ::: "memory");
    return 0;
}

int vdm_sys_map_if(unsigned vm_slot, unsigned dev, unsigned connected)
{
    log_event(TH_MAP_IF, vm_slot, dev, connected);
    return 0;
}

int vdm_sys_notify(unsigned vm_slot, unsigned dev, unsigned state)
{
    log_event(TH_NOTIFY, vm_slot, dev, state);
    return 0;
}

int vdm_sys_resume(unsigned vm_slot)
{
    log_event(TH_RESUME, vm_slot, 0, 0);
    return 0;
}

/* HC_VDM_GRANT as the kernel performs it: the four steps, logged as the
 * separate calls they replace. */
int vdm_sys_grant(unsigned vm_slot, unsigned dev, unsigned prr)
{
    log_event(TH_MAP_IF, vm_slot, dev, 1);
    if (prr != 0xFFu)
        vdm_sys_route_irq(prr, vm_slot, dev);
    log_event(TH_NOTIFY, vm_slot, dev, HV_DEV_READY);
    log_event(TH_RESUME, vm_slot, 0, 0);
    return 0;
}

int vdm_sys_route_irq(unsigned prr, unsigned vm_slot, unsigned dev)
{
    log_event(TH_ROUTE, prr, vm_slot, dev);
    if (prr < VDM_MAX_PRRS) {
        route_slot[prr] = (uint8_t)vm_slot;
        route_dev[prr] = (uint8_t)dev;
    }
    return 0;
}

int vdm_sys_irq_done(unsigned gic_id)
{
    log_event(TH_IRQ_DONE, gic_id, 0, 0);
    gic_enable(gic_id, 1);
    return 0;
}

int vdm_sys_console(const char *s, unsigned len)
{
    for (unsigned i = 0; i < len; i++) {
        while (TH_REG(UART1 + UART_SR) & UART_SR_TFUL)
            ;
        TH_REG(UART1 + UART_FIFO) = (uint8_t)s[i];
    }
    return (int)len;
}

void th_uart_drain(void)
{
    while ((TH_REG(UART1 + UART_SR) & (UART_SR_TEMPTY | UART_SR_TACTIVE)) != UART_SR_TEMPTY)
        ;
}
