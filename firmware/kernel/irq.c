/*
 * irq.c - physical interrupts.
 *   29 private timer: the scheduler tick (sched.c).
 *   27 global timer comparator: the guests' HC_TIMER periods.
 *   40 DevCfg, 61..68 and 84..91 IRQ_F2P (PL): to the VDM as HV_MSG_IRQ,
 *      masked at the GIC until it answers HC_VDM_IRQ_DONE (the sources are
 *      level-sensitive, rtl/README.md); except a PRR's IRQ that
 *      HC_VDM_ROUTE_IRQ routed to a VM: HV_VIRQ_DEV(dev) of that VM.
 * A routed IRQ is masked too until the VM has been handed its vIRQ (upcall or
 * HC_WAIT) and then enters the kernel again (its next hypercall, normally
 * after it has cleared the source in its IF): unmasking right after EOI
 * would let a level IRQ the VM has not yet serviced fire again and again
 * and starve every EC below the interrupted one.
 */
#include "hv.h"

#define ROUTE_VDM 0xFFu

enum prr_irq_state { PRR_IRQ_ON = 0, PRR_IRQ_PENDING, PRR_IRQ_DELIVERED };

static uint32_t vdm_masked[3];           /* GIC ids masked until HC_VDM_IRQ_DONE */
static uint32_t route_slot[HV_NUM_PRR_IRQS], route_dev[HV_NUM_PRR_IRQS];
static uint32_t prr_state[HV_NUM_PRR_IRQS];

int hv_irq_is_pl(uint32_t id)
{
    return id == HV_GIC_DEVCFG || (id >= 61u && id <= 68u) || (id >= 84u && id <= 91u);
}

void hv_irq_init(void)
{
    for (uint32_t n = 0; n < HV_NUM_PRR_IRQS; n++) route_slot[n] = ROUTE_VDM;
    if (!hv_k.vdm) return;               /* nobody to serve PL interrupts */
    for (uint32_t id = 32; id < 96; id++)
        if (hv_irq_is_pl(id)) hv_gic_enable(id);
}

void hv_timers_update(void)
{
    uint64_t next = 0;
    for (uint32_t i = 0; i < HV_MAX_ECS; i++) {
        hv_ec *ec = &hv_k.ec[i];
        if (ec->state == HV_EC_FREE || ec->state == HV_EC_EXITED || !ec->timer_period) continue;
        if (!next || ec->timer_deadline < next) next = ec->timer_deadline;
    }
    hv_gtimer_set_compare(next);
}

static void guest_timers(void)
{
    uint64_t now = hv_gtimer_now();
    for (uint32_t i = 0; i < HV_MAX_ECS; i++) {
        hv_ec *ec = &hv_k.ec[i];
        if (ec->state == HV_EC_FREE || ec->state == HV_EC_EXITED || !ec->timer_period) continue;
        if (ec->timer_deadline > now) continue;
        /* periods missed while the EC could not be served are coalesced */
        uint64_t late = now - ec->timer_deadline;
        ec->timer_deadline += (late / ec->timer_period + 1) * ec->timer_period;
        hv_virq_raise(ec, 1u << HV_VIRQ_TIMER);
    }
    hv_timers_update();
}

static void pl_irq(uint32_t id)
{
    hv_gic_disable(id);
    if (id >= HV_GIC_PL_PRR(0) && id < HV_GIC_PL_PRR(HV_NUM_PRR_IRQS)) {
        uint32_t n = id - HV_GIC_PL_PRR(0);
        if (route_slot[n] != ROUTE_VDM) {
            hv_ec *vm = &hv_k.ec[route_slot[n]];
            if (vm->state != HV_EC_EXITED) {
                prr_state[n] = PRR_IRQ_PENDING;
                hv_virq_raise(vm, 1u << HV_VIRQ_DEV(route_dev[n]));
                return;
            }
        }
    }
    if (!hv_k.vdm || hv_k.vdm->state == HV_EC_EXITED) return;   /* stays masked */
    vdm_masked[id / 32] |= 1u << (id % 32);
    hv_ipc_send(hv_k.vdm, HV_MSG_IRQ, id, 0, 0);
}

static void dispatch(uint32_t id)
{
    if (id == HV_GIC_PTIMER) {
        hv_tick_ack();
        hv_tick();
    } else if (id == HV_GIC_GTIMER) {
        hv_gtimer_ack();
        guest_timers();
    } else if (hv_irq_is_pl(id)) {
        pl_irq(id);
    } else {
        hv_log("spurious interrupt %u masked\n", id);
        hv_gic_disable(id);
    }
}

void hv_irq_poll(void)
{
    for (;;) {
        uint32_t iar = hv_gic_ack();
        uint32_t id = iar & 0x3FFu;
        if (id >= 1020u) return;          /* 1023: nothing pending */
        dispatch(id);
        hv_gic_eoi(iar);
    }
}

void hv_handle_irq(hv_frame *f)
{
    hv_enter(f);
    hv_irq_poll();
    hv_leave(f);
}

void hv_irq_route(uint32_t prr, uint32_t slot, uint32_t dev)
{
    if (prr_state[prr] != PRR_IRQ_ON) {   /* masked for the old owner */
        prr_state[prr] = PRR_IRQ_ON;
        hv_gic_enable(HV_GIC_PL_PRR(prr));
    }
    route_slot[prr] = slot;
    route_dev[prr] = slot == ROUTE_VDM ? 0 : dev;
}

int hv_irq_vdm_done(uint32_t id)
{
    if (!hv_irq_is_pl(id)) return -HV_EINVAL;
    if (!(vdm_masked[id / 32] & (1u << (id % 32)))) return -HV_EBUSY;
    vdm_masked[id / 32] &= ~(1u << (id % 32));
    hv_gic_enable(id);
    return 0;
}

void hv_irq_delivered(hv_ec *ec, uint32_t bits)
{
    for (uint32_t n = 0; n < HV_NUM_PRR_IRQS; n++)
        if (prr_state[n] == PRR_IRQ_PENDING && route_slot[n] == ec->slot && !ec->is_vdm &&
            (bits & (1u << HV_VIRQ_DEV(route_dev[n]))))
            prr_state[n] = PRR_IRQ_DELIVERED;
}

void hv_irq_hypercall_entry(hv_ec *ec)
{
    if (ec->is_vdm) return;
    for (uint32_t n = 0; n < HV_NUM_PRR_IRQS; n++)
        if (prr_state[n] == PRR_IRQ_DELIVERED && route_slot[n] == ec->slot) {
            prr_state[n] = PRR_IRQ_ON;
            hv_gic_enable(HV_GIC_PL_PRR(n));
        }
}

void hv_irq_vm_exit(hv_ec *vm)
{
    for (uint32_t n = 0; n < HV_NUM_PRR_IRQS; n++)
        if (route_slot[n] == vm->slot) hv_irq_route(n, ROUTE_VDM, 0);
}
