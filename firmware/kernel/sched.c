/*
 * sched.c - execution contexts and the scheduler (Mini-NOVA §4.3 style):
 * one FIFO run queue per priority level (a higher number is more urgent),
 * the highest non-empty level runs, round robin within a level on the
 * HV_TICK_US tick. A woken EC of higher priority preempts the running one
 * at the kernel exit; a preempted EC goes back to the head of its level (it
 * keeps the rest of its turn), a yielding or expired one to the tail.
 */
#include "hv.h"

hv_ec *hv_current;
static hv_ec *loaded;                 /* EC whose address space is in TTBR0 */
static hv_ec *rq_head[HV_PRIO_LEVELS], *rq_tail[HV_PRIO_LEVELS];
static uint32_t rq_bits[(HV_PRIO_LEVELS + 31) / 32];
static int slice_over;                /* a tick since the running EC started */

static void rq_push(hv_ec *ec, int head)
{
    uint32_t p = ec->prio;
    ec->rq_next = 0;
    if (!rq_head[p]) {
        rq_head[p] = rq_tail[p] = ec;
    } else if (head) {
        ec->rq_next = rq_head[p];
        rq_head[p] = ec;
    } else {
        rq_tail[p]->rq_next = ec;
        rq_tail[p] = ec;
    }
    rq_bits[p / 32] |= 1u << (p % 32);
}

static int rq_top(void)
{
    for (int w = (int)(sizeof rq_bits / 4) - 1; w >= 0; w--)
        if (rq_bits[w]) return w * 32 + 31 - __builtin_clz(rq_bits[w]);
    return -1;
}

static hv_ec *rq_pop(uint32_t p)
{
    hv_ec *ec = rq_head[p];
    rq_head[p] = ec->rq_next;
    if (!rq_head[p]) {
        rq_tail[p] = 0;
        rq_bits[p / 32] &= ~(1u << (p % 32));
    }
    ec->rq_next = 0;
    return ec;
}

void hv_make_ready(hv_ec *ec)
{
    if (ec->state == HV_EC_READY || ec->state == HV_EC_RUNNING || ec->state == HV_EC_EXITED) return;
    ec->state = HV_EC_READY;
    ec->block = HV_BLK_NONE;
    rq_push(ec, 0);
}

void hv_yield_current(void)
{
    hv_ec *ec = hv_current;
    ec->state = HV_EC_READY;
    rq_push(ec, 0);
}

void hv_block_current(uint32_t why)
{
    hv_current->state = HV_EC_BLOCKED;
    hv_current->block = why;
}

void hv_tick(void)
{
    hv_k.ticks++;
    slice_over = 1;
}

static int all_vms_exited(void)
{
    for (uint32_t i = 0; i < hv_k.vm_count; i++)
        if (hv_k.ec[i].state != HV_EC_EXITED) return 0;
    return 1;
}

static void finish(void)
{
    int bad = 0;
    hv_log("all VMs done:");
    for (uint32_t i = 0; i < hv_k.vm_count; i++) {
        hv_ec *vm = &hv_k.ec[i];
        if (vm->stopped) hv_printf("%s vm %u stopped", i ? "," : "", vm->id);
        else hv_printf("%s vm %u exit %d", i ? "," : "", vm->id, (int)vm->exit_status);
        if (vm->stopped || vm->exit_status != 0) bad = 1;
    }
    hv_printf(", %u ticks\n", hv_k.ticks);
    hv_exit(bad ? 1u : 0u);
}

hv_ec *hv_schedule(void)
{
    for (;;) {
        hv_ec *cur = hv_current;
        int top = rq_top();
        if (cur && cur->state == HV_EC_RUNNING) {
            if (top < (int)cur->prio || (top == (int)cur->prio && !slice_over)) {
                if (top < (int)cur->prio) slice_over = 0;
                return cur;
            }
            /* preempted by a higher level, or its turn at this level is over */
            cur->state = HV_EC_READY;
            rq_push(cur, top > (int)cur->prio);
        }
        if (top >= 0) {
            hv_ec *next = rq_pop((uint32_t)rq_top());
            next->state = HV_EC_RUNNING;
            if (next != cur) slice_over = 0;
            hv_current = next;
            return next;
        }
        hv_current = 0;
        hv_irq_poll();                   /* what arrived meanwhile may wake an EC */
        if (rq_top() >= 0) continue;
        if (all_vms_exited()) finish();
        hv_console_pump();
        /* idle: WFI wakes on a pending interrupt even with CPSR.I set */
        __asm__ volatile("dsb\n\twfi" ::: "memory");
    }
}

void hv_enter(hv_frame *f)
{
    if ((f->cpsr & HV_CPSR_MODE_MASK) != HV_MODE_USR)
        hv_panic("exception from kernel mode 0x%x at 0x%08x\n", f->cpsr & HV_CPSR_MODE_MASK, f->pc);
    if (!hv_current) hv_panic("exception from USR with no running EC\n");
    hv_current->ctx = *f;
}

/* Enters the vIRQ handler of ec when it has an enabled pending vIRQ. */
static void deliver_upcall(hv_ec *ec)
{
    uint32_t bits = ec->virq_pending & ec->virq_enabled;
    if (!bits || !ec->virq_handler || ec->in_upcall) return;
    ec->upcall_ctx = ec->ctx;
    ec->in_upcall = 1;
    ec->virq_pending &= ~bits;
    ec->ctx.r[0] = bits;
    ec->ctx.sp = (ec->ctx.sp - 64u) & ~7u;
    ec->ctx.lr = 0;
    ec->ctx.pc = ec->virq_handler;
    ec->ctx.cpsr = HV_MODE_USR;
    hv_irq_delivered(ec, bits);
}

void hv_leave(hv_frame *f)
{
    hv_ec *next = hv_schedule();
    if (next != loaded) {
        hv_mmu_switch(next);
        loaded = next;
    }
    hv_vfp_switch(next);
    deliver_upcall(next);
    hv_console_pump();
    *f = next->ctx;
    /* USR mode, A32 or T32 as saved, asynchronous aborts/IRQ/FIQ unmasked */
    f->cpsr = (f->cpsr & ~(HV_CPSR_MODE_MASK | HV_CPSR_I | HV_CPSR_F | HV_CPSR_A)) | HV_MODE_USR;
}

void hv_virq_raise(hv_ec *ec, uint32_t bits)
{
    if (ec->state == HV_EC_EXITED) return;
    ec->virq_pending |= bits;
    if (ec->state == HV_EC_BLOCKED && ec->block == HV_BLK_WAIT && (ec->virq_pending & ec->wait_mask)) {
        uint32_t got = ec->virq_pending & ec->wait_mask;
        ec->virq_pending &= ~got;
        ec->ctx.r[0] = got;
        hv_irq_delivered(ec, got);
        hv_make_ready(ec);
    }
}

void hv_ec_exit(hv_ec *ec, int32_t status, int stopped)
{
    if (ec->state == HV_EC_EXITED) return;
    if (ec->state == HV_EC_READY) {
        /* unlink from its run queue */
        uint32_t p = ec->prio;
        hv_ec **pp = &rq_head[p], *prev = 0;
        while (*pp && *pp != ec) { prev = *pp; pp = &(*pp)->rq_next; }
        if (*pp) {
            *pp = ec->rq_next;
            if (rq_tail[p] == ec) rq_tail[p] = prev;
            if (!rq_head[p]) rq_bits[p / 32] &= ~(1u << (p % 32));
        }
    }
    ec->state = HV_EC_EXITED;
    ec->exit_status = status;
    ec->stopped = stopped;
    ec->timer_period = 0;
    hv_vfp_forget(ec);
    hv_timers_update();
    if (ec->is_vdm) {
        /* nobody will resume a VM waiting for a device any more */
        for (uint32_t i = 0; i < hv_k.vm_count; i++) {
            hv_ec *vm = &hv_k.ec[i];
            if (vm->state == HV_EC_BLOCKED && vm->block == HV_BLK_DEV)
                hv_ec_fault(vm, "device %u request lost: the VDM stopped\n", vm->fault_dev);
        }
        return;
    }
    /* the VDM takes back what the VM held */
    hv_irq_vm_exit(ec);
    for (uint32_t d = 0; d < ec->device_count; d++) {
        if (!(ec->dev_requested & (1u << d))) continue;
        ec->dev_requested &= ~(1u << d);
        if (hv_k.vdm && hv_k.vdm->state != HV_EC_EXITED)
            hv_ipc_send(hv_k.vdm, HV_MSG_RELEASE, ec->slot, d, 0);
    }
}
