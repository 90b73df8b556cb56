/*
 * vdm.c - the Virtual Device Manager's state machine (vdm.h).
 */
#include "vdm.h"

#include <stdarg.h>

#include "dprsim_pl_regs.h"
#include "hv_abi.h"

/* PRR_MODULE / PRR MODULE fields (docs/pl-registers.md: [7:0] module id,
 * [8] valid; PRR_MODULE [31:16] compatible kinds). */
#define VDM_MODULE_ID_MASK   0xFFu
#define VDM_MODULE_VALID     (1u << 8)
#define VDM_MODULE_KINDS_SHIFT 16u

/* Bound of the FIFO drain wait of a QAM stream switch: FIFO_LEVEL reads
 * (~30 ns each): about 0.3 ms, more than an IFFT 8192 frame (~0.25 ms). */
#define VDM_DRAIN_READS 10000u

#define DBG(v, ...)                      \
    do {                                 \
        if ((v)->debug)                  \
            vdm_printf(__VA_ARGS__);     \
    } while (0)

/* ------------------------------------------------------------------ */
/* console                                                             */

static void put_u(char *b, unsigned *n, unsigned cap, uint32_t v, unsigned base, unsigned width)
{
    char t[12];
    unsigned k = 0;
    do {
        t[k++] = "0123456789abcdef"[v % base];
        v /= base;
    } while (v);
    while (k < width && k < sizeof t)
        t[k++] = '0';
    while (k && *n < cap)
        b[(*n)++] = t[--k];
}

void vdm_printf(const char *fmt, ...)
{
    char b[160];
    unsigned n = 0, cap = sizeof b - 1;
    va_list ap;
    va_start(ap, fmt);
    for (const char *p = fmt; *p && n < cap; p++) {
        if (*p != '%') {
            b[n++] = *p;
            continue;
        }
        unsigned width = 0;
        p++;
        while (*p == '0' || (*p >= '1' && *p <= '9'))
            width = width * 10 + (unsigned)(*p++ - '0');
        switch (*p) {
        case 'u': put_u(b, &n, cap, va_arg(ap, unsigned), 10, width); break;
        case 'x': put_u(b, &n, cap, va_arg(ap, unsigned), 16, width); break;
        case 'd': {
            int d = va_arg(ap, int);
            if (d < 0 && n < cap) b[n++] = '-';
            put_u(b, &n, cap, d < 0 ? (uint32_t)-(int64_t)d : (uint32_t)d, 10, width);
            break;
        }
        case 's':
            for (const char *s = va_arg(ap, const char *); *s && n < cap; s++)
                b[n++] = *s;
            break;
        case '%': b[n++] = '%'; break;
        default: p--; break;   /* unknown or truncated: print nothing for it */
        }
    }
    va_end(ap);
    b[n++] = '\n';
    vdm_sys_console(b, n);
}

/* ------------------------------------------------------------------ */
/* helpers                                                             */

static uintptr_t gp0(const vdm *v)
{
    return v->tm.gp0;
}

static int valid_if(const vdm *v, unsigned slot, unsigned dev)
{
    return slot < v->nvms && dev < v->ndevs[slot] && v->ifs[slot][dev].module != 0;
}

static void notify(vdm *v, unsigned slot, unsigned dev, unsigned state)
{
    v->ifs[slot][dev].state = (uint8_t)state;
    vdm_sys_notify(slot, dev, state);
}

/* DEV_MODULE is one register per device slot, shared by all VMs: it is
 * written before each search with the requester's module. */
static void set_dev_module(vdm *v, unsigned dev, unsigned module)
{
    if (v->devmod[dev] != module) {
        plmon_set_dev_module(&v->tm.mon, dev, module);
        v->devmod[dev] = (uint8_t)module;
    }
}

static unsigned prr_module(const vdm *v, unsigned prr)
{
    return plmon_prr_module(&v->tm.mon, prr) & (VDM_MODULE_ID_MASK | VDM_MODULE_VALID);
}

/* HC_VDM_ROUTE_IRQ only when the route changes. A PRR left routed to a VM
 * that no longer owns it is quiet: its interrupt enables are cleared with
 * its job context (clear_context) before anyone else gets it. */
static void route(vdm *v, unsigned prr, unsigned slot, unsigned dev)
{
    if (v->route_slot[prr] != slot || v->route_dev[prr] != dev) {
        vdm_sys_route_irq(prr, slot, dev);
        v->route_slot[prr] = (uint8_t)slot;
        v->route_dev[prr] = (uint8_t)dev;
    }
}

/* The end of an allocation: IF page RW, the PRR's IRQ to the new owner
 * (when the route changes), READY, and the VM resumed if it waits on the
 * fault - one HC_VDM_GRANT instead of four hypercalls. */
static void grant(vdm *v, unsigned prr, unsigned slot, unsigned dev)
{
    unsigned r = 0xFFu;
    if (v->route_slot[prr] != slot || v->route_dev[prr] != dev) {
        r = prr;
        v->route_slot[prr] = (uint8_t)slot;
        v->route_dev[prr] = (uint8_t)dev;
    }
    v->ifs[slot][dev].state = HV_DEV_READY;
    vdm_sys_grant(slot, dev, r);
}

/* A clean job context for a new owner (skipped when nobody used the PRR
 * since it was last cleared: 15 GP0 writes saved). */
static void clear_context(vdm *v, unsigned prr)
{
    if (!v->prr_clean[prr]) {
        plprr_job_clear(gp0(v), prr);
        v->prr_clean[prr] = 1;
    }
}

/* A MODE operation ended with the IF connected: a VM that faulted on the
 * device meanwhile runs again. */
static void resume_if_blocked(vdm *v, unsigned slot, unsigned dev)
{
    if (v->ifs[slot][dev].blocked) {
        v->ifs[slot][dev].blocked = 0;
        vdm_sys_resume(slot);
    }
}

static void op_clear(vdm_op *op)
{
    op->kind = VDM_OP_NONE;
    op->phase = VDM_PH_IDLE;
    op->cancelled = 0;
    op->in_place = 0;
    op->reconfig = 0;
    op->victim_slot = op->victim_dev = VDM_NONE;
    op->bit_id = -1;
}

static void start_reconfig(vdm *v, unsigned prr);
static void release_finish(vdm *v, unsigned prr);
static void assign_finish(vdm *v, unsigned prr);
static void mode_switch_stop(vdm *v, unsigned prr);

/* ------------------------------------------------------------------ */
/* PCAP queue: one bitstream at a time through DevCfg and cfg_port       */

static void pcap_next(vdm *v);

static void op_fail(vdm *v, unsigned prr)
{
    vdm_op *op = &v->ops[prr];
    vdm_if *f = &v->ifs[op->slot][op->dev];
    if (op->kind == VDM_OP_ALLOC) {
        plmon_hold_set(&v->tm.mon, prr, 0);
        f->busy = 0;
        if (!op->cancelled)
            notify(v, op->slot, op->dev, HV_DEV_WAIT);   /* the VM stays blocked */
    } else if (op->kind == VDM_OP_MODE) {
        if (!op->in_place)
            plmon_hold_set(&v->tm.mon, prr, 0);
        f->module = op->old_module;
        f->busy = 0;
        if (!op->cancelled) {
            notify(v, op->slot, op->dev, f->state);
            resume_if_blocked(v, op->slot, op->dev);
        }
    }
    op_clear(op);
}

static void pcap_launch(vdm *v, unsigned prr)
{
    vdm_op *op = &v->ops[prr];
    int r = hwtm_prr_transfer_bitfile(&v->tm, op->bit_id);
    if (r != DCFG_OK) {
        vdm_printf("vdm: PCAP launch for PRR%u failed (%d)", prr, r);
        v->st.reconfig_errors++;
        op_fail(v, prr);
        return;
    }
    v->pcap_prr = (int)prr;
    op->phase = VDM_PH_LOAD;
}

static void pcap_next(vdm *v)
{
    while (v->pcap_prr < 0 && !v->tm.dc.busy && v->pq_count) {
        unsigned prr = v->pcap_q[v->pq_head];
        v->pq_head = (v->pq_head + 1) % VDM_MAX_PRRS;
        v->pq_count--;
        pcap_launch(v, prr);
    }
}

/* RCFG_SET and the PCAP transfer of the op's module for prr. */
static void start_reconfig(vdm *v, unsigned prr)
{
    vdm_op *op = &v->ops[prr];
    int id = hwtm_find_bitfile(&v->tm, op->module, prr);
    if (id < 0) {
        vdm_printf("vdm: no bitstream of module 0x%x for PRR%u: request vm%u dev%u fails",
                   op->module, prr, op->slot, op->dev);
        v->st.reconfig_errors++;
        op_fail(v, prr);
        return;
    }
    op->bit_id = (int16_t)id;
    op->reconfig = 1;
    v->st.reconfigs++;
    plmon_rcfg_set(&v->tm.mon, prr);
    op->phase = VDM_PH_PCAP_WAIT;
    v->pcap_q[(v->pq_head + v->pq_count) % VDM_MAX_PRRS] = (uint8_t)prr;
    v->pq_count++;
    pcap_next(v);
    DBG(v, "vdm: PRR%u <- module 0x%x (%u bytes, ~%u us)", prr, v->tm.bits[id].module,
        v->tm.bits[id].len, v->tm.bits[id].delay_us);
}

/* A bitstream for prr finished loading (ok) or failed (code). */
static void reconfig_result(vdm *v, unsigned prr, int ok, unsigned code)
{
    if (prr >= VDM_MAX_PRRS)
        return;
    vdm_op *op = &v->ops[prr];
    if ((int)prr == v->pcap_prr)
        v->pcap_prr = -1;
    if (op->phase != VDM_PH_LOAD)
        return;   /* not a load this VDM started */
    if (!ok) {
        v->st.reconfig_errors++;
        v->last_cfg_error = code;
        vdm_printf("vdm: SimB error %u loading module 0x%x into PRR%u: request vm%u dev%u fails, "
                   "PRR left decoupled",
                   code, op->module, prr, op->slot, op->dev);
        op_fail(v, prr);
        return;
    }
    op->phase = VDM_PH_IDLE;
    if (op->kind == VDM_OP_ALLOC) {
        assign_finish(v, prr);
    } else if (op->kind == VDM_OP_MODE) {
        if (op->in_place) {
            vdm_if *f = &v->ifs[op->slot][op->dev];
            f->busy = 0;
            v->st.mode_in_place++;
            DBG(v, "vdm: MODE vm%u dev%u -> 0x%x in place on PRR%u", op->slot, op->dev,
                op->module, prr);
            if (op->cancelled) {
                /* released during the load: the release left this PRR to us */
                op_clear(op);
                release_finish(v, prr);
                return;
            }
            notify(v, op->slot, op->dev, HV_DEV_READY);
            resume_if_blocked(v, op->slot, op->dev);
            op_clear(op);
        } else if (op->cancelled) {
            plmon_hold_set(&v->tm.mon, prr, 0);   /* partner loaded for nobody */
            v->ifs[op->slot][op->dev].busy = 0;
            op_clear(op);
        } else {
            mode_switch_stop(v, prr);
        }
    }
}

/* ------------------------------------------------------------------ */
/* allocation                                                          */

/* ------------------------------------------------------------------ */
/* OFDM stream: QAM PRR -> FIFO -> crossbar -> IFFT PRR                 */

#define KIND_QAM  PL_MOD_KIND_QAM
#define KIND_IFFT PL_MOD_KIND_IFFT

/* The PRR in [lo, hi] connected to a device of kind in VM slot, or -1. */
static int vm_kind_prr(const vdm *v, unsigned slot, unsigned kind, unsigned lo, unsigned hi)
{
    for (unsigned d = 0; d < v->ndevs[slot]; d++) {
        if ((v->ifs[slot][d].module >> 4) != kind)
            continue;
        int p = plmon_if_prr(&v->tm.mon, slot, d);
        if (p >= (int)lo && p <= (int)hi)
            return p;
    }
    return -1;
}

/* Stream set-up of prr granted to (slot, module kind); fresh: a new job
 * context (STREAM written), else a restored one (STREAM kept, crossbar only). */
static void stream_setup(vdm *v, unsigned prr, unsigned slot, unsigned kind, int fresh)
{
    if (!v->pipeline[slot] || v->tm.mon.num_prrs < 4)
        return;
    if (kind == KIND_QAM && prr < 2) {
        int sink = vm_kind_prr(v, slot, KIND_IFFT, 2, 3);
        if (sink < 0)
            return;   /* no IFFT connected: the QAM output goes by DMA */
        if (fresh)
            plprr_write(gp0(v), prr, PL_PRR_STREAM, PL_PRR_STREAM_OUT_XBAR_MASK);
        else if (!(plprr_read(gp0(v), prr, PL_PRR_STREAM) & PL_PRR_STREAM_OUT_XBAR_MASK))
            return;
        plxbar_set(gp0(v), plxbar_route(plxbar_get(gp0(v)), (unsigned)sink, (int)prr));
    } else if (kind == KIND_IFFT && (prr == 2 || prr == 3)) {
        if (fresh)
            plprr_write(gp0(v), prr, PL_PRR_STREAM, PL_PRR_STREAM_IN_XBAR_MASK);
        else if (!(plprr_read(gp0(v), prr, PL_PRR_STREAM) & PL_PRR_STREAM_IN_XBAR_MASK))
            return;
        int src = vm_kind_prr(v, slot, KIND_QAM, 0, 1);
        if (src >= 0 && !(plprr_read(gp0(v), (unsigned)src, PL_PRR_STREAM) & PL_PRR_STREAM_OUT_XBAR_MASK))
            src = -1;
        plxbar_set(gp0(v), plxbar_route(plxbar_get(gp0(v)), prr, src));
    }
}

/* Connect the op's IF to prr and let the VM run again. */
static void assign_finish(vdm *v, unsigned prr)
{
    vdm_op *op = &v->ops[prr];
    vdm_if *f = &v->ifs[op->slot][op->dev];
    if (op->cancelled) {
        plmon_hold_set(&v->tm.mon, prr, 0);
        f->busy = 0;
        op_clear(op);
        return;
    }
    if (plmon_if_prr(&v->tm.mon, op->slot, op->dev) != (int)prr) {
        /* A new owner: its DMA window (its own memory only), then its own
         * saved job or a clean context. */
        plprr_set_window(gp0(v), prr, v->vm_mem_base[op->slot], v->vm_mem_size[op->slot]);
        if (f->saved) {
            plprr_job_restore(gp0(v), prr, &f->job);
            f->saved = 0;
            if (f->job.stream)
                stream_setup(v, prr, op->slot, op->module >> 4, 0);
        } else {
            clear_context(v, prr);
            stream_setup(v, prr, op->slot, op->module >> 4, 1);
        }
    }
    plmon_connect(&v->tm.mon, prr, op->slot, op->dev, op->prio);
    v->prr_clean[prr] = 0;
    f->busy = 0;
    v->st.assigns++;
    unsigned slot = op->slot, dev = op->dev;
    op_clear(op);
    f->blocked = 0;
    grant(v, prr, slot, dev);
}

/* After the stop of a preempted PRR (or at once): take the PRR from its
 * owner, then reconfigure or assign. */
static void alloc_continue(vdm *v, unsigned prr)
{
    vdm_op *op = &v->ops[prr];
    if (op->victim_slot != VDM_NONE) {
        unsigned vs = op->victim_slot, vd = op->victim_dev;
        vdm_if *vf = &v->ifs[vs][vd];
        plprr_job_save(gp0(v), prr, &vf->job);
        vf->saved = 1;
        /* the victim's interrupt enables off (its route is left as it is) */
        plprr_write(gp0(v), prr, PL_PRR_INT_STATUS, PL_PRR_INT_STATUS_STATUS_MASK);
        plmon_disconnect(&v->tm.mon, prr);
        vdm_sys_map_if(vs, vd, 0);
        notify(v, vs, vd, HV_DEV_PREEMPTED);
        DBG(v, "vdm: vm%u dev%u preempted on PRR%u at frame %u/%u", vs, vd, prr, vf->job.progress,
            vf->job.frames);
        op->victim_slot = op->victim_dev = VDM_NONE;
        /* the PREEMPT search set HOLD on prr; DISCONNECT keeps it */
    }
    if (op->cancelled) {
        assign_finish(v, prr);   /* releases the hold */
        return;
    }
    if (op->reconfig)
        start_reconfig(v, prr);
    else
        assign_finish(v, prr);
}

static const char *const vdm_method_name[] = {"NONE", "ASSIGN", "PREEMPT", "UNAVAILABLE"};

/* A Monitor solution for Request(slot, dev, prio): search result or NEW_SOLUTION. */
static void vdm_solution(vdm *v, unsigned slot, unsigned dev, unsigned prio, const plmon_solution *s)
{
    vdm_if *f = &v->ifs[slot][dev];
    /* the decision is printed after the hardware has been told (console
     * output takes simulated time: a line is ~7 ms at 115200 Bd) */
#define SOLUTION_DBG()                                                                      \
    DBG(v, "vdm: vm%u dev%u prio%u module 0x%x -> %s%s PRR%u", slot, dev, prio, f->module,  \
        s->method < 4 ? vdm_method_name[s->method] : "?", s->reconfig ? "+RECONFIG" : "", \
        s->prr)
    if (s->method == PL_MON_METHOD_ASSIGN || s->method == PL_MON_METHOD_PREEMPT) {
        unsigned prr = s->prr;
        if (prr >= v->tm.mon.num_prrs || v->ops[prr].kind != VDM_OP_NONE) {
            vdm_printf("vdm: Monitor chose PRR%u which is busy: vm%u dev%u waits", prr, slot, dev);
            if (prr < v->tm.mon.num_prrs && v->ops[prr].kind == VDM_OP_NONE)
                plmon_hold_set(&v->tm.mon, prr, 0);
            notify(v, slot, dev, HV_DEV_WAIT);
            return;
        }
        vdm_op *op = &v->ops[prr];
        op_clear(op);
        op->kind = VDM_OP_ALLOC;
        op->slot = (uint8_t)slot;
        op->dev = (uint8_t)dev;
        op->prio = (uint8_t)prio;
        op->module = f->module;
        op->reconfig = s->reconfig;
        f->busy = 1;
        if (s->method == PL_MON_METHOD_PREEMPT) {
            uint32_t info = plmon_prr_info(&v->tm.mon, prr);
            op->victim_slot = (uint8_t)((info & PL_MON_PRR_INFO_VM_MASK) >> PL_MON_PRR_INFO_VM_SHIFT);
            op->victim_dev = (uint8_t)((info & PL_MON_PRR_INFO_DEV_MASK) >> PL_MON_PRR_INFO_DEV_SHIFT);
            v->st.preempts++;
            op->phase = VDM_PH_STOP;
            plmon_stop(&v->tm.mon, prr);   /* STOP_INT (IRQ 62) continues */
            SOLUTION_DBG();
            return;
        }
        alloc_continue(v, prr);
        SOLUTION_DBG();
    } else if (s->method == PL_MON_METHOD_UNAVAILABLE) {
        v->st.unavailable++;
        notify(v, slot, dev, HV_DEV_WAIT);
        SOLUTION_DBG();
    } else {
        vdm_printf("vdm: Monitor refused the request of vm%u dev%u (module 0x%x)", slot, dev,
                   f->module);
        notify(v, slot, dev, HV_DEV_WAIT);
    }
#undef SOLUTION_DBG
}

static void vdm_request(vdm *v, unsigned slot, unsigned dev, unsigned prio)
{
    if (!valid_if(v, slot, dev)) {
        vdm_printf("vdm: request for unknown device vm%u dev%u ignored", slot, dev);
        return;
    }
    vdm_if *f = &v->ifs[slot][dev];
    f->prio = (uint8_t)prio;
    v->st.requests++;
    if (f->busy) {
        /* the operation in flight ends with this IF connected (or told
         * WAIT); the VM blocked on this fault is resumed then */
        f->blocked = 1;
        DBG(v, "vdm: vm%u dev%u request while one is in flight", slot, dev);
        return;
    }
    set_dev_module(v, dev, f->module);
    plmon_solution s;
    plmon_search(&v->tm.mon, slot, dev, prio, &s);
    vdm_solution(v, slot, dev, prio, &s);
}

/* ------------------------------------------------------------------ */
/* release                                                             */

static void release_finish(vdm *v, unsigned prr)
{
    v->prr_clean[prr] = 0;
    clear_context(v, prr);
    plmon_disconnect(&v->tm.mon, prr);
    op_clear(&v->ops[prr]);
}

static void vdm_release(vdm *v, unsigned slot, unsigned dev)
{
    if (!valid_if(v, slot, dev))
        return;
    vdm_if *f = &v->ifs[slot][dev];
    v->st.releases++;
    plmon_list_cancel(&v->tm.mon, slot, dev);
    f->saved = 0;
    f->blocked = 0;
    if (f->busy) {
        for (unsigned p = 0; p < v->tm.mon.num_prrs; p++) {
            vdm_op *op = &v->ops[p];
            if (op->kind == VDM_OP_NONE || op->slot != slot || op->dev != dev)
                continue;
            op->cancelled = 1;
            if (op->kind == VDM_OP_MODE && op->phase == VDM_PH_SWITCH) {
                /* waiting for the old PRR's stop, which the release below
                 * ends (DISCONNECT): drop the switch now */
                plmon_hold_set(&v->tm.mon, p, 0);
                f->busy = 0;
                op_clear(op);
            }
        }
    }
    int cur = plmon_if_prr(&v->tm.mon, slot, dev);
    vdm_sys_map_if(slot, dev, 0);
    if (cur >= 0 && v->ops[cur].kind == VDM_OP_NONE) {
        if (plprr_job_active(gp0(v), (unsigned)cur)) {
            vdm_op *op = &v->ops[cur];
            op_clear(op);
            op->kind = VDM_OP_RELEASE;
            op->slot = (uint8_t)slot;
            op->dev = (uint8_t)dev;
            op->phase = VDM_PH_STOP;
            plmon_stop(&v->tm.mon, (unsigned)cur);
        } else {
            release_finish(v, (unsigned)cur);
        }
    }
    DBG(v, "vdm: vm%u dev%u released (PRR%d)", slot, dev, cur);
    notify(v, slot, dev, HV_DEV_UNCONNECTED);
}

/* ------------------------------------------------------------------ */
/* mode switch (Mini-NOVA multi-path structure)                        */

/* The partner PRR of prr in its pair (QAM 0/1, IFFT 2/3), when it fits
 * module, is free (not connected, held, reconfiguring or stopping) and has
 * no operation parked; else -1. */
static int free_partner(const vdm *v, unsigned prr, unsigned module)
{
    unsigned p = prr ^ 1u;
    if (p >= v->tm.mon.num_prrs || v->ops[p].kind != VDM_OP_NONE)
        return -1;
    uint32_t pm = plmon_prr_module(&v->tm.mon, p);
    if (!((pm >> VDM_MODULE_KINDS_SHIFT) & (1u << ((module >> 4) & 0xFu))))
        return -1;
    uint32_t info = plmon_prr_info(&v->tm.mon, p);
    if (info & (PL_MON_PRR_INFO_CONNECTED_MASK | PL_MON_PRR_INFO_HOLD_MASK))
        return -1;
    if (((info & PL_MON_PRR_INFO_STATE_MASK) >> PL_MON_PRR_INFO_STATE_SHIFT) != PL_MON_STATE_FREE)
        return -1;
    return (int)p;
}

/* The partner holds the new module: stop the old PRR at its frame boundary. */
static void mode_switch_stop(vdm *v, unsigned prr)
{
    vdm_op *op = &v->ops[prr];
    op->phase = VDM_PH_SWITCH;
    plmon_stop(&v->tm.mon, op->old_prr);   /* STOP_INT of old_prr continues */
}

/* The old PRR stopped: move job, IF and stream route to prr. */
static void mode_switch_finish(vdm *v, unsigned prr)
{
    vdm_op *op = &v->ops[prr];
    unsigned old = op->old_prr;
    vdm_if *f = &v->ifs[op->slot][op->dev];
    if (op->cancelled) {
        /* released meanwhile: the release already dealt with the old PRR */
        plmon_hold_set(&v->tm.mon, prr, 0);
        f->busy = 0;
        op_clear(op);
        return;
    }
    plprr_job j;
    plprr_job_save(gp0(v), old, &j);
    v->prr_clean[old] = 0;
    clear_context(v, old);
    plmon_disconnect(&v->tm.mon, old);
    plprr_set_window(gp0(v), prr, v->vm_mem_base[op->slot], v->vm_mem_size[op->slot]);
    plprr_job_restore(gp0(v), prr, &j);
    v->prr_clean[prr] = 0;
    v->last_switch_frame = j.progress;
    if (old < 2 && (j.stream & PL_PRR_STREAM_OUT_XBAR_MASK)) {
        /* the old QAM PRR stopped at a frame boundary, but its last symbols
         * may still wait in its FIFO: the crossbar takes the new PRR's FIFO
         * once that one is empty (the IFFT drains it within about one IFFT
         * frame time; the new PRR meanwhile fills its own FIFO) */
        uint32_t n = 0;
        while (plxbar_fifo_level(gp0(v), old) != 0 && n < VDM_DRAIN_READS)
            n++;
        v->last_drain_reads = n;
        if (n == VDM_DRAIN_READS)
            vdm_printf("vdm: FIFO of PRR%u not drained: stream switched anyway", old);
        plxbar_set(gp0(v), plxbar_move_source(plxbar_get(gp0(v)), old, prr));
    } else if (old >= 2 && (j.stream & PL_PRR_STREAM_IN_XBAR_MASK)) {
        plxbar_set(gp0(v), plxbar_move_sink(plxbar_get(gp0(v)), old, prr));
    }
    plmon_connect(&v->tm.mon, prr, op->slot, op->dev, op->prio);
    route(v, prr, op->slot, op->dev);
    f->busy = 0;
    v->st.mode_switches++;
    DBG(v, "vdm: MODE vm%u dev%u -> 0x%x: PRR%u -> PRR%u at frame %u/%u", op->slot, op->dev,
        op->module, old, prr, j.progress, j.frames);
    unsigned slot = op->slot, dev = op->dev;
    op_clear(op);
    notify(v, slot, dev, HV_DEV_READY);
    resume_if_blocked(v, slot, dev);
}

static void vdm_mode(vdm *v, unsigned slot, unsigned dev, unsigned module)
{
    if (!valid_if(v, slot, dev)) {
        vdm_printf("vdm: mode switch for unknown device vm%u dev%u ignored", slot, dev);
        return;
    }
    vdm_if *f = &v->ifs[slot][dev];
    v->st.mode_requests++;
    if ((module >> 4) != (f->module >> 4u) || f->busy) {
        vdm_printf("vdm: mode switch of vm%u dev%u to 0x%x refused (%s)", slot, dev, module,
                   f->busy ? "busy" : "another kind");
        notify(v, slot, dev, f->state);
        return;
    }
    unsigned old_module = f->module;
    f->module = (uint8_t)module;
    int cur = plmon_if_prr(&v->tm.mon, slot, dev);
    if (cur < 0 || prr_module(v, (unsigned)cur) == (VDM_MODULE_VALID | module)) {
        /* not connected (the next allocation uses the new module), or the
         * PRR already holds it */
        notify(v, slot, dev, f->state);
        return;
    }
    if (v->ops[cur].kind != VDM_OP_NONE) {
        f->module = (uint8_t)old_module;
        vdm_printf("vdm: mode switch of vm%u dev%u refused (PRR%d busy)", slot, dev, cur);
        notify(v, slot, dev, f->state);
        return;
    }
    int p = free_partner(v, (unsigned)cur, module);
    unsigned target = p >= 0 ? (unsigned)p : (unsigned)cur;
    vdm_op *op = &v->ops[target];
    op_clear(op);
    op->kind = VDM_OP_MODE;
    op->slot = (uint8_t)slot;
    op->dev = (uint8_t)dev;
    op->prio = f->prio;
    op->module = (uint8_t)module;
    op->old_prr = (uint8_t)cur;
    op->old_module = (uint8_t)old_module;
    op->in_place = p < 0;
    f->busy = 1;
    if (p >= 0) {
        plmon_hold_set(&v->tm.mon, target, 1);
        if (prr_module(v, target) == (VDM_MODULE_VALID | module))
            mode_switch_stop(v, target);
        else
            start_reconfig(v, target);
    } else {
        start_reconfig(v, target);
    }
}

/* ------------------------------------------------------------------ */
/* interrupts                                                          */

static void on_stop(vdm *v)
{
    uint32_t bits = plmon_stop_int(&v->tm.mon);
    plmon_stop_int_clear(&v->tm.mon, bits);
    for (unsigned p = 0; p < v->tm.mon.num_prrs; p++) {
        if (!(bits & (1u << p)))
            continue;
        v->st.stops++;
        vdm_op *op = &v->ops[p];
        if (op->kind == VDM_OP_ALLOC && op->phase == VDM_PH_STOP) {
            op->phase = VDM_PH_IDLE;
            alloc_continue(v, p);
            continue;
        }
        if (op->kind == VDM_OP_RELEASE && op->phase == VDM_PH_STOP)
            release_finish(v, p);   /* a mode switch may wait for this stop too */
        for (unsigned q = 0; q < v->tm.mon.num_prrs; q++) {
            vdm_op *m = &v->ops[q];
            if (m->kind == VDM_OP_MODE && m->phase == VDM_PH_SWITCH && m->old_prr == p) {
                mode_switch_finish(v, q);
                break;
            }
        }
    }
}

static void cfg_int_enable(vdm *v, uint32_t bits)
{
    if (v->cfg_int_en != bits) {
        plcfg_int_enable(gp0(v), bits);
        v->cfg_int_en = bits;
    }
}

/* cfg_port result, after IRQ 40 (D_P_DONE) or IRQ 63 (cfg_port).
 * The cfg_port interrupt is enabled for errors only (a SimB error can come
 * long after D_P_DONE, e.g. TRUNCATED); a load is complete a few PL cycles
 * after D_P_DONE, so the IRQ 40 message normally finds the result already
 * there and a DONE interrupt would only cost one more VDM activation. When
 * it is not there yet, DONE is enabled until the result comes. */
static void on_cfg(vdm *v, int after_pcap)
{
    plcfg_event e;
    if (plcfg_take_event(gp0(v), &e)) {
        if (e.int_status & PLCFG_INT_ERROR)
            reconfig_result(v, e.prr, 0, e.code);
        else if (e.int_status & PLCFG_INT_DONE)
            reconfig_result(v, e.prr, 1, 0);
    }
    if (v->pcap_prr >= 0 && after_pcap && !v->tm.dc.busy)
        cfg_int_enable(v, PLCFG_INT_DONE | PLCFG_INT_ERROR);
    else if (v->pcap_prr < 0)
        cfg_int_enable(v, PLCFG_INT_ERROR);
    pcap_next(v);
}

static void on_irq(vdm *v, unsigned gic)
{
    if (gic == HV_GIC_DEVCFG) {
        uint32_t s = hwtm_pcap_irq(&v->tm);
        if (s & DCFG_INT_ERRORS)
            vdm_printf("vdm: DevCfg error INT_STS 0x%08x", s);
        on_cfg(v, 1);
    } else if (gic == HV_GIC_PL_CFGPORT) {
        on_cfg(v, 0);
    } else if (gic == HV_GIC_PL_STOP) {
        on_stop(v);
    } else if (gic == HV_GIC_PL_MONITOR) {
        plmon_solution s;
        while (plmon_new_solution(&v->tm.mon, &s)) {
            v->st.solutions++;
            if (s.vm < v->nvms && s.dev < VDM_MAX_DEVS && valid_if(v, s.vm, s.dev))
                vdm_solution(v, s.vm, s.dev, v->ifs[s.vm][s.dev].prio, &s);
        }
    } else if (gic >= HV_GIC_PL_PRR(0) && gic < HV_GIC_PL_PRR(4)) {
        /* a PRR interrupt with no owner: acknowledge it */
        plprr_write(gp0(v), gic - HV_GIC_PL_PRR(0), PL_PRR_INT_STATUS, PL_PRR_INT_STATUS_STATUS_MASK);
    }
    vdm_sys_irq_done(gic);
}

/* ------------------------------------------------------------------ */

void vdm_handle(vdm *v, const vdm_msg *m)
{
    switch (m->type) {
    case HV_MSG_REQUEST: vdm_request(v, m->a1, m->a2, m->a3); break;
    case HV_MSG_RELEASE: vdm_release(v, m->a1, m->a2); break;
    case HV_MSG_IRQ: on_irq(v, m->a1); break;
    case HV_MSG_MODE: vdm_mode(v, m->a1, m->a2, m->a3); break;
    default: vdm_printf("vdm: unknown message %u", m->type); break;
    }
}

int vdm_init(vdm *v, const dprsim_bi_header *bi, uintptr_t gp0_base, uintptr_t devcfg_base)
{
    uint8_t *z = (uint8_t *)v;
    for (unsigned i = 0; i < sizeof *v; i++)
        z[i] = 0;
    v->pcap_prr = -1;
    for (unsigned p = 0; p < VDM_MAX_PRRS; p++) {
        op_clear(&v->ops[p]);
        v->prr_clean[p] = 0;   /* cleared once at the first grant */
        v->route_slot[p] = VDM_SYS_TO_VDM;
    }
    hwtm_xdcfg_initialize(&v->tm, devcfg_base);
    int r = hwtm_init(&v->tm, gp0_base, bi);
    if (r == -1) {
        vdm_printf("vdm: no PRR Monitor at 0x%08x", (unsigned)gp0_base);
        return r;
    }
    if (r == -2 || !bi) {
        vdm_printf("vdm: no usable boot-information block");
        return -2;
    }
    v->nvms = bi->vm_count < VDM_MAX_VMS ? bi->vm_count : VDM_MAX_VMS;
    if (v->nvms > v->tm.mon.num_vms)
        v->nvms = v->tm.mon.num_vms;
    for (unsigned d = 0; d < VDM_MAX_DEVS && d < v->tm.mon.num_vdevs; d++)
        v->devmod[d] = (uint8_t)plmon_dev_module(&v->tm.mon, d);
    for (unsigned s = 0; s < v->nvms; s++) {
        const dprsim_bi_vm *vm = hwtm_bi_vm(bi, s);
        v->vm_prio[s] = (uint8_t)vm->priority;
        v->vm_mem_base[s] = vm->mem_base;
        v->vm_mem_size[s] = vm->mem_size;
        unsigned n = vm->device_count;
        if (n > VDM_MAX_DEVS) n = VDM_MAX_DEVS;
        if (n > v->tm.mon.num_vdevs) n = v->tm.mon.num_vdevs;
        v->ndevs[s] = (uint8_t)n;
        unsigned kinds = 0;
        for (unsigned d = 0; d < n; d++) {
            vdm_if *f = &v->ifs[s][d];
            f->module = (uint8_t)vm->devices[d];
            kinds |= 1u << ((f->module >> 4) & 0xFu);
            f->prio = (uint8_t)vm->priority;
            f->state = HV_DEV_UNCONNECTED;
            if (!f->module)
                continue;
            /* DEV_MODULE: the first VM that names the device sets it */
            int first = 1;
            for (unsigned t = 0; t < s; t++)
                if (d < v->ndevs[t] && v->ifs[t][d].module)
                    first = 0;
            if (first)
                set_dev_module(v, d, f->module);
            else if (v->devmod[d] != f->module)
                DBG(v, "vdm: device %u is module 0x%x in vm%u but 0x%x elsewhere", d, f->module, s,
                    v->devmod[d]);
        }
        v->pipeline[s] = (kinds & (1u << KIND_QAM)) && (kinds & (1u << KIND_IFFT));
    }
    plmon_irq_enable(&v->tm.mon, PL_MON_IRQ_EN_NEW_SOLUTION_MASK | PL_MON_IRQ_EN_STOP_MASK);
    v->cfg_int_en = ~0u;
    cfg_int_enable(v, PLCFG_INT_ERROR);
    DBG(v, "vdm: %u VMs, %u PRRs, %u bitstreams, PCAP %u B/s", v->nvms, v->tm.mon.num_prrs,
        v->tm.nbits, v->tm.pcap_rate);
    return 0;
}
