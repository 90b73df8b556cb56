/*
 * common.h - shared set-up of the tests/vdm programs: the boot-information
 * block they hand to the VDM (two VMs, the default PL), SimB images placed
 * with `dprsim boot --load FILE@ADDR` described from their headers, and the
 * guest-side use of a PR interface window.
 */
#ifndef TESTS_VDM_COMMON_H
#define TESTS_VDM_COMMON_H

#include "dprsim_pl_regs.h"
#include "harness.h"
#include "hv_abi.h"

/* VM slot 0: id 1, priority 1; slot 1: id 2, priority 2. Devices (both):
 * 0 QAM4, 1 QAM16, 2 QAM64, 3 IFFT256, 4 IFFT512 (the Monitor's DEV_MODULE
 * numbering for 0..3 as at reset, 4 reprogrammed by the VDM). */
static inline void tv_bootinfo_base(th_bootinfo *b)
{
    static const uint32_t devs[5] = {PL_MOD_QAM4, PL_MOD_QAM16, PL_MOD_QAM64, PL_MOD_IFFT256,
                                     PL_MOD_IFFT512};
    static const uint32_t mods[5][2] = {{PL_MOD_QAM4, 3}, {PL_MOD_QAM16, 3}, {PL_MOD_QAM64, 3},
                                        {PL_MOD_IFFT256, 0xC}, {PL_MOD_IFFT512, 0xC}};
    b->h.vm_count = 2;
    b->h.module_count = 5;
    b->h.prr_count = 4;
    b->h.cpu_hz = 666666667u;
    b->h.fclk0_hz = 100000000u;
    b->h.pcap_rate = 130000000u;
    for (unsigned s = 0; s < 2; s++) {
        dprsim_bi_vm *vm = &b->vm[s];
        vm->id = s + 1;
        vm->priority = s + 1;
        /* The harness plays both VMs with one set of buffers, all in
         * 0x00400000..0x00FFFFFF: that range is each VM's memory, i.e. the
         * DMA window the VDM gives its devices (the kernel, not the VDM,
         * refuses overlapping partitions). */
        vm->mem_base = 0x00400000u;
        vm->mem_size = 0x00C00000u;
        vm->device_count = 5;
        for (unsigned d = 0; d < 5; d++)
            vm->devices[d] = devs[d];
    }
    for (unsigned m = 0; m < 5; m++) {
        b->mod[m].id = mods[m][0];
        b->mod[m].prr_mask = mods[m][1];
    }
    for (unsigned p = 0; p < 4; p++)
        b->prr[p].id = p;
}

/* Describe the SimB at addr (header: word 3 PRR, word 4 module, word 5 N)
 * as the next bitstream entry; its size is (N + 8) words. */
static inline void tv_add_simb(th_bootinfo *b, uint32_t addr)
{
    const volatile uint32_t *w = (const volatile uint32_t *)addr;
    dprsim_bi_bitstream *e = &b->bs[b->h.bitstream_count++];
    e->prr_id = w[3];
    e->module_id = w[4];
    e->addr = addr;
    e->bytes = (w[5] + 8u) * 4u;
    for (unsigned m = 0; m < b->h.module_count; m++)
        if (b->mod[m].id == e->module_id && b->mod[m].bitstream_bytes < e->bytes)
            b->mod[m].bitstream_bytes = e->bytes;
}

/* The guest's job on its device (IF window registers, rtl/README.md). */
static inline void tv_if_job(unsigned slot, unsigned dev, uint32_t src, uint32_t dst,
                             uint32_t frames, uint32_t param)
{
    uintptr_t w = th_if(slot, dev);
    TH_REG(w + PL_IF_SRC_ADDR) = src;
    TH_REG(w + PL_IF_DST_ADDR) = dst;
    TH_REG(w + PL_IF_PARAM) = param;
    TH_REG(w + PL_IF_FRAMES) = frames;
    TH_REG(w + PL_IF_CTRL) = PL_IF_CTRL_IRQ_EN_MASK | PL_IF_CTRL_START_MASK;
}

/* Fill n words at a with a linear congruential sequence (Numerical Recipes). */
static inline void tv_fill(uint32_t a, uint32_t n, uint32_t seed)
{
    volatile uint32_t *p = (volatile uint32_t *)a;
    for (uint32_t i = 0; i < n; i++) {
        seed = seed * 1664525u + 1013904223u;
        p[i] = seed;
    }
}

static inline void tv_set(uint32_t a, uint32_t n, uint32_t v)
{
    volatile uint32_t *p = (volatile uint32_t *)a;
    for (uint32_t i = 0; i < n; i++)
        p[i] = v;
}

static inline uint32_t tv_count(uint32_t a, uint32_t n, uint32_t v)
{
    const volatile uint32_t *p = (const volatile uint32_t *)a;
    uint32_t c = 0;
    for (uint32_t i = 0; i < n; i++)
        c += p[i] == v;
    return c;
}

#endif
