/*
 * hwtm.c - HW task manager API (hwtm.h).
 */
#include "hwtm.h"

#include "dprsim_pl_regs.h"

static const uint8_t *bi_bytes(const dprsim_bi_header *bi)
{
    return (const uint8_t *)bi;
}

int hwtm_bi_check(const dprsim_bi_header *bi)
{
    if (!bi || bi->magic != DPRSIM_BI_MAGIC || bi->version < 1 || bi->version > DPRSIM_BI_VERSION)
        return -1;
    uint32_t nbits = bi->version >= 2 ? bi->bitstream_count : 0;
    uint32_t need = (uint32_t)sizeof(dprsim_bi_header) + bi->vm_count * sizeof(dprsim_bi_vm) +
                    bi->module_count * sizeof(dprsim_bi_module) +
                    bi->prr_count * sizeof(dprsim_bi_prr) + nbits * sizeof(dprsim_bi_bitstream);
    if (bi->vm_count > 64 || bi->module_count > 256 || bi->prr_count > 64 || nbits > 1024 ||
        need > bi->size)
        return -1;
    return 0;
}

const dprsim_bi_vm *hwtm_bi_vm(const dprsim_bi_header *bi, unsigned i)
{
    if (i >= bi->vm_count)
        return 0;
    return (const dprsim_bi_vm *)(bi_bytes(bi) + sizeof(dprsim_bi_header)) + i;
}

const dprsim_bi_module *hwtm_bi_module(const dprsim_bi_header *bi, unsigned i)
{
    if (i >= bi->module_count)
        return 0;
    return (const dprsim_bi_module *)(bi_bytes(bi) + sizeof(dprsim_bi_header) +
                                      bi->vm_count * sizeof(dprsim_bi_vm)) + i;
}

const dprsim_bi_bitstream *hwtm_bi_bitstream(const dprsim_bi_header *bi, unsigned i)
{
    if (bi->version < 2 || i >= bi->bitstream_count)
        return 0;
    return (const dprsim_bi_bitstream *)(bi_bytes(bi) + sizeof(dprsim_bi_header) +
                                         bi->vm_count * sizeof(dprsim_bi_vm) +
                                         bi->module_count * sizeof(dprsim_bi_module) +
                                         bi->prr_count * sizeof(dprsim_bi_prr)) + i;
}

int hwtm_xdcfg_initialize(hwtm *tm, uintptr_t devcfg_base)
{
    dcfg_init(&tm->dc, devcfg_base);
    tm->pcap_id = -1;
    return 0;
}

int hwtm_init(hwtm *tm, uintptr_t gp0_base, const dprsim_bi_header *bi)
{
    tm->gp0 = gp0_base;
    tm->nbits = 0;
    tm->pcap_id = -1;
    tm->pcap_rate = 0;
    if (plmon_init(&tm->mon, gp0_base) != 0)
        return -1;
    if (!bi)
        return 0;
    if (hwtm_bi_check(bi) != 0)
        return -2;
    tm->pcap_rate = bi->pcap_rate;
    for (unsigned i = 0; i < bi->bitstream_count && tm->nbits < HWTM_MAX_BITFILES; i++) {
        const dprsim_bi_bitstream *b = hwtm_bi_bitstream(bi, i);
        if (!b)
            break;
        hwtm_bitdesc *d = &tm->bits[tm->nbits];
        d->id = tm->nbits;
        d->addr = b->addr;
        d->len = b->bytes;
        d->prr = (uint8_t)b->prr_id;
        d->module = (uint8_t)b->module_id;
        /* PCAP time in us: bytes / (bytes/s) * 1e6, rounded up */
        d->delay_us = bi->pcap_rate
                          ? (uint32_t)(((uint64_t)b->bytes * 1000000u + bi->pcap_rate - 1u) /
                                       bi->pcap_rate)
                          : 0;
        tm->nbits++;
    }
    return 0;
}

void hwtm_fpga_start(hwtm *tm, unsigned prr)
{
    plprr_start(tm->gp0, prr);
}

void hwtm_fpga_pause(hwtm *tm, unsigned prr, int pause)
{
    plprr_pause(tm->gp0, prr, pause);
}

void hwtm_fpga_interrupt_done(hwtm *tm, unsigned prr)
{
    plprr_int_over(tm->gp0, prr);
}

int hwtm_find_bitfile(const hwtm *tm, unsigned module, unsigned prr)
{
    for (unsigned i = 0; i < tm->nbits; i++)
        if (tm->bits[i].module == module && tm->bits[i].prr == prr)
            return (int)i;
    return -1;
}

const hwtm_bitdesc *hwtm_bitfile(const hwtm *tm, int id)
{
    return (id >= 0 && (unsigned)id < tm->nbits) ? &tm->bits[id] : 0;
}

int hwtm_check_current_prr(const hwtm *tm, int id)
{
    const hwtm_bitdesc *d = hwtm_bitfile(tm, id);
    if (!d)
        return -1;
    uint32_t m = plprr_read(tm->gp0, d->prr, PL_PRR_MODULE);
    /* MODULE: [7:0] id, [8] valid (docs/pl-registers.md) */
    return ((m & 0x1FFu) == (0x100u | d->module)) ? 1 : 0;
}

int hwtm_check_reco_rdy(const hwtm *tm, int id)
{
    const hwtm_bitdesc *d = hwtm_bitfile(tm, id);
    if (!d)
        return -1;
    return (plprr_read(tm->gp0, d->prr, PL_PRR_RECO_RDY) & 1u) ? 1 : 0;
}

int hwtm_prr_set_mode(hwtm *tm, unsigned prr, uint32_t irq_en, uint32_t arg01, uint32_t arg02,
                      uint32_t arg03)
{
    if (prr >= tm->mon.num_prrs)
        return -1;
    plprr_write(tm->gp0, prr, PL_PRR_INT_STATUS, irq_en & PL_PRR_INT_STATUS_ENABLE_MASK);
    plprr_write(tm->gp0, prr, PL_PRR_GPR(0), arg01);
    plprr_write(tm->gp0, prr, PL_PRR_GPR(1), arg02);
    plprr_write(tm->gp0, prr, PL_PRR_GPR(2), arg03);
    return 0;
}

int hwtm_prr_transfer_bitfile(hwtm *tm, int id)
{
    const hwtm_bitdesc *d = hwtm_bitfile(tm, id);
    if (!d)
        return -10;
    int r = dcfg_pcap_start(&tm->dc, d->addr, d->len);
    if (r == DCFG_OK)
        tm->pcap_id = id;
    return r;
}

uint32_t hwtm_pcap_irq(hwtm *tm)
{
    uint32_t s = dcfg_irq(&tm->dc);
    if (!tm->dc.busy)
        tm->pcap_id = -1;
    return s;
}

int hwtm_prr_register_read(const hwtm *tm, unsigned prr, uint32_t off, uint32_t *val)
{
    if (prr >= tm->mon.num_prrs || (off & 3u) || off >= PL_MAP_PRR_SIZE)
        return -1;
    *val = plprr_read(tm->gp0, prr, off);
    return 0;
}

int hwtm_prr_register_write(hwtm *tm, unsigned prr, uint32_t off, uint32_t val)
{
    if (prr >= tm->mon.num_prrs || (off & 3u) || off >= PL_MAP_PRR_SIZE)
        return -1;
    plprr_write(tm->gp0, prr, off, val);
    return 0;
}
