/*
 * main.c - boot of the dprsim hypervisor: boot-information block, ECs,
 * translation tables, GIC, timers, then the first EC.
 *
 * The VMs come from the boot-information block (dprsim_bootinfo.h, version
 * 2; slot = index). The VDM is present when its image has been loaded at
 * HV_VDM_VA (the first word there is not 0: DDR starts zeroed); without it
 * the VMs run but a device access is a fault and PL interrupts stay masked.
 */
#include "hv.h"

hv_kernel hv_k;
static uint8_t bootinfo[HV_BOOTINFO_MAX] __attribute__((aligned(8)));
extern char __kernel_start[], __kernel_end[];

#define DDR_SIZE 0x20000000u

static void refuse(const char *fmt, ...) __attribute__((noreturn));
static void refuse(const char *fmt, ...)
{
    va_list ap;
    hv_log("boot info refused: ");
    va_start(ap, fmt);
    hv_vprintf(fmt, ap);
    va_end(ap);
    hv_exit(HV_EXIT_BAD_BOOTINFO);
}

static int overlap(uint32_t a, uint32_t an, uint32_t b, uint32_t bn)
{
    return a < b + bn && b < a + an;
}

/* Checks the block at pa and copies it into bootinfo[]. */
static const dprsim_bi_header *read_bootinfo(uint32_t pa)
{
    if (!pa) refuse("no boot-information block (r2 = 0): nothing to run\n");
    if (pa & 3u || pa >= DDR_SIZE - sizeof(dprsim_bi_header)) refuse("block address 0x%08x\n", pa);
    const dprsim_bi_header *h = (const dprsim_bi_header *)(uintptr_t)pa;
    if (h->magic != DPRSIM_BI_MAGIC) refuse("bad magic 0x%08x at 0x%08x\n", h->magic, pa);
    /* version 1 is version 2 without the bitstream table (its word was reserved, 0) */
    if (h->version != DPRSIM_BI_VERSION && h->version != 1u)
        refuse("version %u, this kernel reads versions 1 and %u\n", h->version, DPRSIM_BI_VERSION);
    uint32_t n_bs = h->version == 1u ? 0u : h->bitstream_count;
    if (h->vm_count > HV_MAX_VMS || h->module_count > 32u || h->prr_count > 16u || n_bs > 64u)
        refuse("too many entries (%u VMs, %u modules, %u PRRs, %u bitstreams)\n", h->vm_count,
               h->module_count, h->prr_count, n_bs);
    uint32_t want = sizeof *h + h->vm_count * sizeof(dprsim_bi_vm) + h->module_count * sizeof(dprsim_bi_module) +
                    h->prr_count * sizeof(dprsim_bi_prr) + n_bs * sizeof(dprsim_bi_bitstream);
    if (h->size != want) refuse("size %u, its counts give %u\n", h->size, want);
    if (want > HV_BOOTINFO_MAX) refuse("%u bytes, more than %u\n", want, HV_BOOTINFO_MAX);
    memcpy(bootinfo, h, want);
    ((dprsim_bi_header *)bootinfo)->bitstream_count = n_bs;
    return (const dprsim_bi_header *)bootinfo;
}

static void setup_vms(const dprsim_bi_header *h)
{
    const dprsim_bi_vm *v = (const dprsim_bi_vm *)(h + 1);
    const dprsim_bi_module *m = (const dprsim_bi_module *)(v + h->vm_count);
    const dprsim_bi_prr *p = (const dprsim_bi_prr *)(m + h->module_count);
    const dprsim_bi_bitstream *b = (const dprsim_bi_bitstream *)(p + h->prr_count);

    if (h->vm_count == 0) refuse("no VMs\n");
    if (h->cpu_hz < 2000000u) refuse("cpu_hz %u\n", h->cpu_hz);
    hv_k.cpu_hz = h->cpu_hz;
    hv_k.periph_hz = h->cpu_hz / 2u;
    hv_k.module_count = h->module_count;
    for (uint32_t i = 0; i < h->module_count; i++) hv_k.module_ids[i] = m[i].id;

    for (uint32_t i = 0; i < h->vm_count; i++) {
        const dprsim_bi_vm *e = &v[i];
        if (e->id < 1u || e->id > 254u) refuse("vm %u: id out of 1..254\n", e->id);
        for (uint32_t j = 0; j < i; j++)
            if (v[j].id == e->id) refuse("vm %u: id used twice\n", e->id);
        if (e->priority > 255u) refuse("vm %u: priority %u\n", e->id, e->priority);
        if ((e->mem_base | e->mem_size) & 0xFFFu || !e->mem_size || e->mem_size > HV_GUEST_VA_MAX_SIZE ||
            e->mem_base >= DDR_SIZE || e->mem_size > DDR_SIZE - e->mem_base)
            refuse("vm %u: memory 0x%08x+0x%x (4 KiB aligned, at most 256 MiB, inside DDR)\n", e->id,
                   e->mem_base, e->mem_size);
        if (overlap(e->mem_base, e->mem_size, 0, HV_PHYS_KERNEL_LIMIT))
            refuse("vm %u: memory 0x%08x..0x%08x overlaps the kernel and VDM (below 0x%08x)\n", e->id,
                   e->mem_base, e->mem_base + e->mem_size - 1u, HV_PHYS_KERNEL_LIMIT);
        for (uint32_t j = 0; j < i; j++)
            if (overlap(e->mem_base, e->mem_size, v[j].mem_base, v[j].mem_size))
                refuse("vm %u: memory overlaps vm %u\n", e->id, v[j].id);
        for (uint32_t j = 0; j < h->bitstream_count; j++)
            if (overlap(e->mem_base, e->mem_size, b[j].addr, b[j].bytes))
                refuse("vm %u: memory overlaps the bitstream at 0x%08x\n", e->id, b[j].addr);
        if (e->image_addr != e->mem_base || !e->image_size || e->image_size > e->mem_size)
            refuse("vm %u: image at 0x%08x (%u bytes) is not a raw image at its memory base 0x%08x\n", e->id,
                   e->image_addr, e->image_size, e->mem_base);
        if (e->device_count > HV_VDEV_MAX) refuse("vm %u: %u devices\n", e->id, e->device_count);
        for (uint32_t d = 0; d < e->device_count; d++) {
            uint32_t k = 0;
            while (k < h->module_count && m[k].id != e->devices[d]) k++;
            if (k == h->module_count) refuse("vm %u: device %u is module %u, not declared\n", e->id, d, e->devices[d]);
        }

        hv_ec *vm = &hv_k.ec[i];
        vm->id = e->id;
        vm->slot = i;
        vm->asid = e->id;
        vm->prio = e->priority;
        vm->mem_base = e->mem_base;
        vm->mem_size = e->mem_size;
        vm->ram_va = HV_GUEST_VA_BASE;
        vm->ram_size = e->mem_size;
        vm->device_count = e->device_count;
        for (uint32_t d = 0; d < e->device_count; d++) vm->devices[d] = e->devices[d];
        vm->ctx.r[0] = e->id;
        vm->ctx.r[1] = i;
        vm->ctx.r[2] = e->device_count;
        vm->ctx.r[3] = e->mem_base;   /* physical RAM base: PRR DMA addresses */
        vm->ctx.sp = HV_GUEST_VA_BASE + e->mem_size;
        vm->ctx.pc = HV_GUEST_VA_BASE;
        vm->ctx.cpsr = HV_MODE_USR;
        vm->state = HV_EC_BLOCKED;    /* made ready below */
    }
    hv_k.vm_count = h->vm_count;
}

static void setup_vdm(const dprsim_bi_header *h)
{
    if (*(volatile uint32_t *)(uintptr_t)HV_VDM_VA == 0) return;   /* no image loaded */
    uint32_t top = 0;
    for (uint32_t i = 0; i < hv_k.vm_count; i++)
        if (hv_k.ec[i].prio > top) top = hv_k.ec[i].prio;
    hv_ec *vdm = &hv_k.ec[hv_k.vm_count];
    vdm->is_vdm = 1;
    vdm->asid = HV_VDM_ASID;
    vdm->prio = top + HV_VDM_PRIORITY_ABOVE;
    vdm->slot = 0xFFu;
    vdm->ram_va = HV_VDM_VA;
    vdm->ram_size = HV_VDM_SIZE;
    memcpy((void *)(uintptr_t)HV_VDM_BOOTINFO, h, h->size);
    vdm->ctx.r[0] = HV_VDM_BOOTINFO;
    vdm->ctx.sp = HV_VDM_BOOTINFO;
    vdm->ctx.pc = HV_VDM_VA;
    vdm->ctx.cpsr = HV_MODE_USR;
    vdm->state = HV_EC_BLOCKED;
    hv_k.vdm = vdm;
}

void hv_main(uint32_t bootinfo_pa);
void hv_main(uint32_t bootinfo_pa)
{
    hv_console_init();
    if ((uintptr_t)__kernel_end > HV_VDM_VA) hv_panic("kernel image too large\n");
    const dprsim_bi_header *h = read_bootinfo(bootinfo_pa);
    setup_vms(h);
    setup_vdm(h);
    hv_log("dprsim hypervisor: %u VMs, VDM %s, tick %u us\n", hv_k.vm_count,
           hv_k.vdm ? "at 0x00f00000" : "absent", HV_TICK_US);
    for (uint32_t i = 0; i < hv_k.vm_count; i++) {
        hv_ec *vm = &hv_k.ec[i];
        hv_log("vm %u: slot %u, priority %u, memory 0x%08x+0x%x, %u devices\n", vm->id, vm->slot, vm->prio,
               vm->mem_base, vm->mem_size, vm->device_count);
    }
    if (hv_k.vdm) hv_log("vdm: priority %u\n", hv_k.vdm->prio);

    uint32_t n_ec = hv_k.vm_count + (hv_k.vdm ? 1u : 0u);
    for (uint32_t i = 0; i < n_ec; i++)
        if (hv_mmu_build(&hv_k.ec[i])) hv_exit(HV_EXIT_BAD_BOOTINFO);

    hv_vfp_init();
    if (hv_k.vfp_present) hv_log("VFP present (%u double registers), lazy switching\n", hv_k.vfp_d32 ? 32u : 16u);
    hv_gic_init();
    hv_gtimer_start();
    hv_tick_init();
    hv_irq_init();
    hv_mmu_enable(&hv_k.ec[0]);
    hv_cache_enable();

    if (hv_k.vdm) hv_make_ready(hv_k.vdm);
    for (uint32_t i = 0; i < hv_k.vm_count; i++) hv_make_ready(&hv_k.ec[i]);
    hv_start_first();
}
