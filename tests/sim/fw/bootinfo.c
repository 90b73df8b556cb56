/*
 * bootinfo.c - reads the boot-information block dprsim writes for a
 * scenario (sim/platform/dprsim_bootinfo.h; its address arrives in r2) and
 * prints it on UART1. Exit 0 when the block is present and well formed.
 */
#include "dprsim_bootinfo.h"
#include "fw.h"

static void kv(const char *k, uint32_t v)
{
    fw_puts(k);
    fw_putdec(v);
}

int main(uint32_t bi_addr)
{
    if (bi_addr == 0) {
        fw_puts("bootinfo: none\n");
        fw_uart_drain();
        return 1;
    }
    const dprsim_bi_header *h = (const dprsim_bi_header *)(uintptr_t)bi_addr;
    if (h->magic != DPRSIM_BI_MAGIC || h->version != DPRSIM_BI_VERSION) {
        fw_puts("bootinfo: bad magic/version\n");
        fw_uart_drain();
        return 1;
    }
    kv("bootinfo: size ", h->size);
    kv(" vms ", h->vm_count);
    kv(" modules ", h->module_count);
    kv(" prrs ", h->prr_count);
    kv(" cpu_hz ", h->cpu_hz);
    kv(" fclk0_hz ", h->fclk0_hz);
    kv(" pcap_rate ", h->pcap_rate);
    fw_putc('\n');
    const dprsim_bi_vm *vm = (const dprsim_bi_vm *)(h + 1);
    for (uint32_t i = 0; i < h->vm_count; i++, vm++) {
        kv("vm ", vm->id);
        kv(" prio ", vm->priority);
        kv(" mem ", vm->mem_base);
        kv("+", vm->mem_size);
        kv(" image ", vm->image_addr);
        kv("+", vm->image_size);
        fw_puts(" devices");
        for (uint32_t d = 0; d < vm->device_count; d++) kv(" ", vm->devices[d]);
        fw_putc('\n');
    }
    const dprsim_bi_module *m = (const dprsim_bi_module *)vm;
    for (uint32_t i = 0; i < h->module_count; i++, m++) {
        kv("module ", m->id);
        kv(" bytes ", m->bitstream_bytes);
        kv(" prr_mask ", m->prr_mask);
        fw_putc('\n');
    }
    const dprsim_bi_prr *r = (const dprsim_bi_prr *)m;
    fw_puts("prrs");
    for (uint32_t i = 0; i < h->prr_count; i++, r++) kv(" ", r->id);
    fw_putc('\n');
    int ok = (const uint8_t *)r - (const uint8_t *)h == (int)h->size;
    fw_puts(ok ? "bootinfo: OK\n" : "bootinfo: size mismatch\n");
    fw_uart_drain();
    return ok ? 0 : 1;
}
