/*
 * bootinfo.c - reads the boot-information block dprsim writes for a
 * scenario (sim/platform/dprsim_bootinfo.h; its address arrives in r2) and
 * prints it on UART1, with the bitstream table (version 2) and a check of
 * each SimB image in the bitstream store (rtl/README.md "SimB format":
 * sync word, PRR and module ids, payload length, desync word). Exit 0 when
 * the block is present and well formed and every SimB checks out.
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
    kv(" bitstreams ", h->bitstream_count);
    fw_putc('\n');
    const dprsim_bi_vm *vm = (const dprsim_bi_vm *)(h + 1);
    for (uint32_t i = 0; i < h->vm_count; i++, vm++) {
        kv("vm ", vm->id);
        kv(" prio ", vm->priority);
        kv(" mem ", vm->mem_base);
        kv("+", vm->mem_size);
        kv(" image ", vm->image_addr);
        kv("+", vm->image_size);
        /* what the loader put there: the raw image's or the ELF's first word */
        kv(" word0 ", *(const volatile uint32_t *)(uintptr_t)vm->image_addr);
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
    const dprsim_bi_bitstream *b = (const dprsim_bi_bitstream *)r;
    int simb_ok = 1;
    for (uint32_t i = 0; i < h->bitstream_count; i++, b++) {
        kv("bitstream module ", b->module_id);
        kv(" prr ", b->prr_id);
        kv(" addr ", b->addr);
        kv(" bytes ", b->bytes);
        /* The SimB the platform wrote there: SYNC, MAGIC, VERSION, PRR,
         * module, N payload words, ..., CRC, DESYNC; N = bytes/4 - 8. */
        const uint32_t *w = (const uint32_t *)(uintptr_t)b->addr;
        uint32_t words = b->bytes / 4;
        int good = words > 8 && w[0] == 0xAA995566u && w[1] == 0x53494D42u && w[3] == b->prr_id &&
                   w[4] == b->module_id && w[5] == words - 8 && w[words - 1] == 0x0000000Du;
        fw_puts(good ? " simb ok\n" : " simb BAD\n");
        simb_ok &= good;
    }
    /* Console metric lines (firmware/include/hv_abi.h): counts only this
     * program knows, for the expectations of tests/sim/bootinfo*.yaml. */
    kv("dprsim-metric bootinfo.bitstreams ", h->bitstream_count);
    fw_putc('\n');
    b = (const dprsim_bi_bitstream *)r;
    for (uint32_t i = 0; i < h->bitstream_count; i++, b++) {
        kv("dprsim-metric bootinfo.simb_kib ", b->bytes / 1024);
        fw_putc('\n');
    }
    int ok = (const uint8_t *)b - (const uint8_t *)h == (int)h->size;
    fw_puts(ok ? (simb_ok ? "bootinfo: OK\n" : "bootinfo: bad SimB\n") : "bootinfo: size mismatch\n");
    ok = ok && simb_ok;
    fw_uart_drain();
    return ok ? 0 : 1;
}
