/*
 * pl_mon.c - PRR Monitor driver (pl_mon.h). Fields from dprsim_pl_regs.h.
 */
#include "pl_mon.h"

#include "dprsim_pl_regs.h"
#include "vdm_mmio.h"

#define MON(m, off) ((m)->base + (off))

/* Fields the generated header describes only in prose (docs/pl-registers.md,
 * IF_CONN: [7:0] PRR id, [8] connected). */
#define PLMON_IF_CONN_PRR_MASK   0xFFu
#define PLMON_IF_CONN_CONNECTED  (1u << 8)

/* Reads of SEARCH_RESULT before giving up: the RTL answers within
 * NUM_PRRS + 2 PL cycles; one read over GP0 takes at least 2. */
#define PLMON_SEARCH_READS 64u

int plmon_init(plmon *m, uintptr_t gp0_base)
{
    m->base = gp0_base + PL_MAP_MON_BASE;
    if (vdm_mmio_rd(MON(m, PL_MON_ID)) != PL_MON_ID_RESET)
        return -1;
    uint32_t c = vdm_mmio_rd(MON(m, PL_MON_CONFIG));
    m->num_prrs = (uint8_t)((c & PL_MON_CONFIG_NUM_PRRS_MASK) >> PL_MON_CONFIG_NUM_PRRS_SHIFT);
    m->num_vdevs = (uint8_t)((c & PL_MON_CONFIG_NUM_VDEVS_MASK) >> PL_MON_CONFIG_NUM_VDEVS_SHIFT);
    m->num_vms = (uint8_t)((c & PL_MON_CONFIG_NUM_VMS_MASK) >> PL_MON_CONFIG_NUM_VMS_SHIFT);
    return 0;
}

void plmon_set_dev_module(plmon *m, unsigned dev, unsigned module)
{
    vdm_mmio_wr(MON(m, PL_MON_DEV_MODULE(dev)), module & 0xFFu);
}

unsigned plmon_dev_module(const plmon *m, unsigned dev)
{
    return vdm_mmio_rd(MON(m, PL_MON_DEV_MODULE(dev))) & 0xFFu;
}

uint32_t plmon_search(plmon *m, unsigned vm, unsigned dev, unsigned prio, plmon_solution *s)
{
    vdm_mmio_wr(MON(m, PL_MON_SEARCH_CMD),
                (vm << PL_MON_SEARCH_CMD_VM_SHIFT) | (dev << PL_MON_SEARCH_CMD_DEV_SHIFT) |
                    (prio & PL_MON_SEARCH_CMD_PRIO_MASK));
    uint32_t r = 0;
    for (unsigned i = 0; i < PLMON_SEARCH_READS; i++) {
        r = vdm_mmio_rd(MON(m, PL_MON_SEARCH_RESULT));
        if (r & PL_MON_SEARCH_RESULT_VALID_MASK)
            break;
    }
    s->vm = (uint8_t)vm;
    s->dev = (uint8_t)dev;
    if (!(r & PL_MON_SEARCH_RESULT_VALID_MASK)) {
        s->method = PL_MON_METHOD_NONE;
        s->prr = 0xFF;
        s->reconfig = 0;
        s->module = 0;
        return r;
    }
    s->method = (uint8_t)((r & PL_MON_SEARCH_RESULT_METHOD_MASK) >> PL_MON_SEARCH_RESULT_METHOD_SHIFT);
    s->prr = (uint8_t)((r & PL_MON_SEARCH_RESULT_PRR_MASK) >> PL_MON_SEARCH_RESULT_PRR_SHIFT);
    s->reconfig = (r & PL_MON_SEARCH_RESULT_RECONFIG_MASK) != 0;
    s->module = (uint8_t)((r & PL_MON_SEARCH_RESULT_MODULE_MASK) >> PL_MON_SEARCH_RESULT_MODULE_SHIFT);
    return r;
}

void plmon_connect(plmon *m, unsigned prr, unsigned vm, unsigned dev, unsigned prio)
{
    vdm_mmio_wr(MON(m, PL_MON_CONNECT),
                (prr << PL_MON_CONNECT_PRR_SHIFT) | (dev << PL_MON_CONNECT_DEV_SHIFT) |
                    (vm << PL_MON_CONNECT_VM_SHIFT) | ((prio & 0xFFu) << PL_MON_CONNECT_PRIO_SHIFT));
}

void plmon_disconnect(plmon *m, unsigned prr)
{
    vdm_mmio_wr(MON(m, PL_MON_DISCONNECT), prr << PL_MON_DISCONNECT_PRR_SHIFT);
}

void plmon_rcfg_set(plmon *m, unsigned prr)
{
    vdm_mmio_wr(MON(m, PL_MON_RCFG_SET), prr << PL_MON_RCFG_SET_PRR_SHIFT);
}

void plmon_hold_set(plmon *m, unsigned prr, unsigned hold)
{
    vdm_mmio_wr(MON(m, PL_MON_HOLD_SET),
                (prr << PL_MON_HOLD_SET_PRR_SHIFT) | ((hold ? 1u : 0u) << PL_MON_HOLD_SET_HOLD_SHIFT));
}

void plmon_stop(plmon *m, unsigned prr)
{
    vdm_mmio_wr(MON(m, PL_MON_STOP_CMD), prr << PL_MON_STOP_CMD_PRR_SHIFT);
}

uint32_t plmon_stop_int(const plmon *m)
{
    return vdm_mmio_rd(MON(m, PL_MON_STOP_INT));
}

void plmon_stop_int_clear(plmon *m, uint32_t bits)
{
    vdm_mmio_wr(MON(m, PL_MON_STOP_INT), bits);
}

int plmon_new_solution(plmon *m, plmon_solution *s)
{
    if (!(vdm_mmio_rd(MON(m, PL_MON_NEW_SOLUTION_INT)) & 1u))
        return 0;
    uint32_t r = vdm_mmio_rd(MON(m, PL_MON_NEW_SOLUTION));
    vdm_mmio_wr(MON(m, PL_MON_NEW_SOLUTION_INT), 1u);
    s->prr = (uint8_t)((r & PL_MON_NEW_SOLUTION_PRR_MASK) >> PL_MON_NEW_SOLUTION_PRR_SHIFT);
    s->method = (uint8_t)((r & PL_MON_NEW_SOLUTION_METHOD_MASK) >> PL_MON_NEW_SOLUTION_METHOD_SHIFT);
    s->reconfig = (r & PL_MON_NEW_SOLUTION_RECONFIG_MASK) != 0;
    s->dev = (uint8_t)((r & PL_MON_NEW_SOLUTION_DEV_MASK) >> PL_MON_NEW_SOLUTION_DEV_SHIFT);
    s->vm = (uint8_t)((r & PL_MON_NEW_SOLUTION_VM_MASK) >> PL_MON_NEW_SOLUTION_VM_SHIFT);
    s->module = 0;
    return 1;
}

void plmon_irq_enable(plmon *m, uint32_t bits)
{
    vdm_mmio_wr(MON(m, PL_MON_IRQ_EN), bits);
}

void plmon_list_cancel(plmon *m, unsigned vm, unsigned dev)
{
    vdm_mmio_wr(MON(m, PL_MON_LIST_CANCEL),
                (vm << PL_MON_LIST_CANCEL_VM_SHIFT) | (dev << PL_MON_LIST_CANCEL_DEV_SHIFT));
}

uint32_t plmon_list_pending(const plmon *m)
{
    return vdm_mmio_rd(MON(m, PL_MON_LIST_PENDING));
}

int plmon_if_prr(const plmon *m, unsigned vm, unsigned dev)
{
    uint32_t c = vdm_mmio_rd(MON(m, PL_MON_IF_CONN(vm * m->num_vdevs + dev)));
    return (c & PLMON_IF_CONN_CONNECTED) ? (int)(c & PLMON_IF_CONN_PRR_MASK) : -1;
}

uint32_t plmon_prr_info(const plmon *m, unsigned prr)
{
    return vdm_mmio_rd(MON(m, PL_MON_PRR_INFO(prr)));
}

uint32_t plmon_prr_module(const plmon *m, unsigned prr)
{
    return vdm_mmio_rd(MON(m, PL_MON_PRR_MODULE(prr)));
}

uint32_t plmon_search_latency(const plmon *m)
{
    return vdm_mmio_rd(MON(m, PL_MON_SEARCH_LATENCY));
}
