/*
 * hypercall.c - `svc #0` from USR mode: r0 = call number, r1..r4 arguments,
 * result in r0 (hv_abi.h). Each call first validates every argument with no
 * side effect and returns -HV_E* on the first problem; only then does it act
 * (the seL4 decode/invoke split: the acting part cannot fail).
 */
#include "hv.h"

/* Kernel -> VDM message queue (FIFO). */
static uint32_t vdm_q[HV_VDM_QUEUE][4];
static uint32_t vdm_q_head, vdm_q_count;

int hv_in_ram(const hv_ec *ec, uint32_t va, uint32_t len)
{
    return va >= ec->ram_va && va - ec->ram_va <= ec->ram_size && len <= ec->ram_size - (va - ec->ram_va);
}

static void vdm_deliver(hv_ec *vdm)
{
    uint32_t *m = vdm_q[vdm_q_head];
    vdm->ctx.r[0] = m[0];
    vdm->ctx.r[1] = m[1];
    vdm->ctx.r[2] = m[2];
    vdm->ctx.r[3] = m[3];
    vdm_q_head = (vdm_q_head + 1) % HV_VDM_QUEUE;
    vdm_q_count--;
}

int hv_ipc_send(hv_ec *dst, uint32_t msg, uint32_t a, uint32_t b, uint32_t c)
{
    if (vdm_q_count == HV_VDM_QUEUE) {
        hv_log("VDM message queue full: message %u (%u, %u, %u) dropped\n", msg, a, b, c);
        return -HV_EFULL;
    }
    uint32_t *m = vdm_q[(vdm_q_head + vdm_q_count) % HV_VDM_QUEUE];
    m[0] = msg; m[1] = a; m[2] = b; m[3] = c;
    vdm_q_count++;
    if (dst->state == HV_EC_BLOCKED && dst->block == HV_BLK_RECV) {
        vdm_deliver(dst);
        hv_make_ready(dst);
    }
    return 0;
}

static hv_ec *vm_by_id(uint32_t id)
{
    for (uint32_t i = 0; i < hv_k.vm_count; i++)
        if (hv_k.ec[i].id == id) return &hv_k.ec[i];
    return 0;
}

static int module_known(uint32_t id)
{
    for (uint32_t i = 0; i < hv_k.module_count; i++)
        if (hv_k.module_ids[i] == id) return 1;
    return 0;
}

/* VDM calls name (vm_slot, dev): both must exist. */
static hv_ec *vdm_target(uint32_t slot, uint32_t dev, int32_t *err)
{
    if (slot >= hv_k.vm_count) { *err = -HV_EINVAL; return 0; }
    hv_ec *vm = &hv_k.ec[slot];
    if (dev >= vm->device_count) { *err = -HV_EINVAL; return 0; }
    return vm;
}

#define RET(v) do { f->r[0] = (uint32_t)(int32_t)(v); return; } while (0)

/* Returns with f->r[0] set, or with the caller blocked (result set on wake). */
static void hypercall(hv_ec *ec, hv_frame *f)
{
    uint32_t nr = f->r[0], a1 = f->r[1], a2 = f->r[2], a3 = f->r[3];
    int32_t err = 0;

    if (nr >= HC_VDM_RECV && nr <= HC_VDM_GRANT && !ec->is_vdm) RET(-HV_EPERM);

    switch (nr) {
    case HC_YIELD:
        f->r[0] = 0;
        hv_yield_current();
        return;

    case HC_CONSOLE_WRITE:
        if (a2 > 256u) RET(-HV_EINVAL);
        if (!hv_in_ram(ec, a1, a2)) RET(-HV_EFAULT);
        hv_write((const char *)(uintptr_t)a1, a2);   /* through the caller's mapping */
        RET(a2);

    case HC_TIME: {
        uint64_t t = hv_gtimer_now();
        f->r[1] = (uint32_t)(t >> 32);
        RET((uint32_t)t);
    }

    case HC_WAIT: {
        if (a1 == 0) RET(-HV_EINVAL);
        uint32_t got = ec->virq_pending & a1;
        if (got) {
            ec->virq_pending &= ~got;
            hv_irq_delivered(ec, got);
            RET(got);
        }
        ec->wait_mask = a1;
        hv_block_current(HV_BLK_WAIT);
        return;
    }

    case HC_VIRQ_HANDLER:
        if (a1 & 3u) RET(-HV_EINVAL);
        if (a1 && !hv_in_ram(ec, a1, 4)) RET(-HV_EFAULT);
        ec->virq_handler = a1;
        RET(0);

    case HC_VIRQ_RETURN:
        if (!ec->in_upcall) RET(-HV_EBUSY);
        ec->in_upcall = 0;
        *f = ec->upcall_ctx;       /* the interrupted context, r0 included */
        return;

    case HC_VIRQ_ENABLE: {
        uint32_t prev = ec->virq_enabled;
        ec->virq_enabled = a1;
        RET(prev);
    }

    case HC_TIMER:
        if (a1 != 0 && (a1 < 10u || a1 > 10000000u)) RET(-HV_EINVAL);
        if (a1 == 0) {
            ec->timer_period = 0;
        } else {
            ec->timer_period = (uint64_t)hv_k.periph_hz * a1 / 1000000u;
            ec->timer_deadline = hv_gtimer_now() + ec->timer_period;
        }
        hv_timers_update();
        RET(0);

    case HC_EXIT:
        if (ec->is_vdm) hv_log("vdm: exit %d\n", (int)a1);
        else hv_log("vm %u: exit %d\n", ec->id, (int)a1);
        hv_ec_exit(ec, (int32_t)a1, 0);
        return;

    case HC_IPC_SEND: {
        hv_ec *dst = vm_by_id(a1);
        if (!dst || dst->state == HV_EC_EXITED) RET(-HV_EINVAL);
        if (dst->mbox_count == HV_MBOX_DEPTH) RET(-HV_EFULL);
        dst->mbox[(dst->mbox_head + dst->mbox_count) % HV_MBOX_DEPTH] = a2;
        dst->mbox_count++;
        hv_virq_raise(dst, 1u << HV_VIRQ_IPC);
        RET(0);
    }

    case HC_IPC_RECV:
        if (ec->is_vdm) RET(-HV_EPERM);
        if (!ec->mbox_count) RET(-HV_EAGAIN);
        f->r[1] = ec->mbox[ec->mbox_head];
        ec->mbox_head = (ec->mbox_head + 1) % HV_MBOX_DEPTH;
        if (--ec->mbox_count == 0) ec->virq_pending &= ~(1u << HV_VIRQ_IPC);
        RET(0);

    case HC_DEV_STATUS:
        if (ec->is_vdm) RET(-HV_EPERM);
        if (a1 >= ec->device_count) RET(-HV_EINVAL);
        RET(ec->dev_state[a1]);

    case HC_DEV_RELEASE:
        if (ec->is_vdm) RET(-HV_EPERM);
        if (a1 >= ec->device_count) RET(-HV_EINVAL);
        if (!(ec->dev_requested & (1u << a1)) || !hv_k.vdm || hv_k.vdm->state == HV_EC_EXITED)
            RET(-HV_EBUSY);
        if (ec->dev_connected & (1u << a1)) hv_mmu_map_vdev(ec, a1, 0);
        ec->dev_requested &= ~(1u << a1);
        ec->dev_state[a1] = HV_DEV_UNCONNECTED;
        hv_ipc_send(hv_k.vdm, HV_MSG_RELEASE, ec->slot, a1, 0);
        RET(0);

    case HC_DEV_MODE:
        if (ec->is_vdm) RET(-HV_EPERM);
        if (a1 >= ec->device_count || !module_known(a2)) RET(-HV_EINVAL);
        if (!hv_k.vdm || hv_k.vdm->state == HV_EC_EXITED) RET(-HV_EBUSY);
        hv_ipc_send(hv_k.vdm, HV_MSG_MODE, ec->slot, a1, a2);
        RET(0);

    /* ---- VDM only ---- */
    case HC_VDM_RECV:
        if (vdm_q_count) {
            vdm_deliver(ec);       /* writes r0..r3 of f (= ec->ctx) */
            return;
        }
        hv_block_current(HV_BLK_RECV);
        return;

    case HC_VDM_MAP_IF: {
        hv_ec *vm = vdm_target(a1, a2, &err);
        if (!vm) RET(err);
        if (a3 > 1u) RET(-HV_EINVAL);
        hv_mmu_map_vdev(vm, a2, (int)a3);
        RET(0);
    }

    case HC_VDM_NOTIFY: {
        hv_ec *vm = vdm_target(a1, a2, &err);
        if (!vm) RET(err);
        if (a3 > HV_DEV_PREEMPTED) RET(-HV_EINVAL);
        vm->dev_state[a2] = a3;
        hv_virq_raise(vm, 1u << HV_VIRQ_DEV(a2));
        RET(0);
    }

    case HC_VDM_RESUME: {
        if (a1 >= hv_k.vm_count) RET(-HV_EINVAL);
        hv_ec *vm = &hv_k.ec[a1];
        if (vm->state != HV_EC_BLOCKED || vm->block != HV_BLK_DEV) RET(-HV_EBUSY);
        hv_make_ready(vm);
        RET(0);
    }

    case HC_VDM_ROUTE_IRQ:
        if (a1 >= HV_NUM_PRR_IRQS) RET(-HV_EINVAL);
        if (a2 != 0xFFu && !vdm_target(a2, a3, &err)) RET(err);
        hv_irq_route(a1, a2, a3);
        RET(0);

    case HC_VDM_IRQ_DONE:
        RET(hv_irq_vdm_done(a1));

    case HC_VDM_GRANT: {
        /* MAP_IF + ROUTE_IRQ + NOTIFY(READY) + RESUME: one privilege
         * round trip instead of four on the allocation path. */
        hv_ec *vm = vdm_target(a1, a2, &err);
        if (!vm) RET(err);
        if (a3 != 0xFFu && a3 >= HV_NUM_PRR_IRQS) RET(-HV_EINVAL);
        hv_mmu_map_vdev(vm, a2, 1);
        if (a3 != 0xFFu) hv_irq_route(a3, a1, a2);
        vm->dev_state[a2] = HV_DEV_READY;
        hv_virq_raise(vm, 1u << HV_VIRQ_DEV(a2));
        if (vm->state == HV_EC_BLOCKED && vm->block == HV_BLK_DEV) hv_make_ready(vm);
        RET(0);
    }

    default:
        RET(-HV_ENOSYS);
    }
}

void hv_handle_svc(hv_frame *f)
{
    hv_enter(f);
    hv_ec *ec = hv_current;
    /* SVC immediate: A32 bits 23:0 of the instruction before LR, T32 bits 7:0 */
    uint32_t imm = (f->cpsr & HV_CPSR_T) ? (*(const volatile uint16_t *)(uintptr_t)(f->pc - 2) & 0xFFu)
                                         : (*(const volatile uint32_t *)(uintptr_t)(f->pc - 4) & 0xFFFFFFu);
    if (imm != 0) {
        hv_ec_fault(ec, "bad svc #0x%x at 0x%08x\n", imm, f->pc - ((f->cpsr & HV_CPSR_T) ? 2u : 4u));
    } else {
        hv_irq_hypercall_entry(ec);
        hypercall(ec, &ec->ctx);
    }
    hv_leave(f);
}
