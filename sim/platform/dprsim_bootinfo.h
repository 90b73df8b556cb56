/*
 * dprsim_bootinfo.h - the boot-information block `dprsim run` writes into
 * memory for the firmware (C11 and C++; include from firmware as well).
 *
 * When a scenario has `boot_info: {address: A}`, dprsim writes this block
 * at physical address A before the CPU starts and enters the ELF with
 * r0 = 0, r1 = 0, r2 = A (r2 = 0 when there is no block; the same registers
 * Linux's boot protocol uses for its tag list). All fields are 32-bit
 * little-endian words; the layout below is the contract (sizes asserted).
 *
 *   dprsim_bi_header
 *   dprsim_bi_vm      [vm_count]      scenario `vms`, in file order
 *   dprsim_bi_module  [module_count]  scenario `modules`, in file order
 *   dprsim_bi_prr     [prr_count]     scenario `prrs`, in file order
 */
#ifndef DPRSIM_BOOTINFO_H
#define DPRSIM_BOOTINFO_H

#include <stdint.h>

#define DPRSIM_BI_MAGIC   0x42525044u  /* "DPRB" in memory order */
#define DPRSIM_BI_VERSION 1u
#define DPRSIM_BI_MAX_DEVICES 8u       /* virtual devices per VM */

typedef struct dprsim_bi_header {
    uint32_t magic;          /* DPRSIM_BI_MAGIC */
    uint32_t version;        /* DPRSIM_BI_VERSION */
    uint32_t size;           /* bytes of the whole block */
    uint32_t vm_count;
    uint32_t module_count;
    uint32_t prr_count;
    uint32_t cpu_hz;         /* clocks.cpu_hz */
    uint32_t fclk0_hz;       /* clocks.fclk0_hz */
    uint32_t pcap_rate;      /* pcap.rate_bytes_per_s */
    uint32_t reserved[3];    /* 0 */
} dprsim_bi_header;          /* 48 bytes */

typedef struct dprsim_bi_vm {
    uint32_t id;
    uint32_t priority;
    uint32_t mem_base;       /* physical base of the VM's memory */
    uint32_t mem_size;       /* bytes */
    uint32_t image_addr;     /* raw image: its load address; ELF: its entry point */
    uint32_t image_size;     /* raw image: file size; ELF: 0 */
    uint32_t device_count;   /* <= DPRSIM_BI_MAX_DEVICES */
    uint32_t devices[DPRSIM_BI_MAX_DEVICES]; /* module ids, unused slots 0 */
    uint32_t reserved;       /* 0 */
} dprsim_bi_vm;              /* 64 bytes */

typedef struct dprsim_bi_module {
    uint32_t id;
    uint32_t bitstream_bytes;
    uint32_t prr_mask;       /* bit n set: fits PRR id n */
    uint32_t reserved;       /* 0 */
} dprsim_bi_module;          /* 16 bytes */

typedef struct dprsim_bi_prr {
    uint32_t id;
    uint32_t reserved;       /* 0 */
} dprsim_bi_prr;             /* 8 bytes */

#ifdef __cplusplus
static_assert(sizeof(dprsim_bi_header) == 48, "layout");
static_assert(sizeof(dprsim_bi_vm) == 64, "layout");
static_assert(sizeof(dprsim_bi_module) == 16, "layout");
static_assert(sizeof(dprsim_bi_prr) == 8, "layout");
#else
_Static_assert(sizeof(dprsim_bi_header) == 48, "layout");
_Static_assert(sizeof(dprsim_bi_vm) == 64, "layout");
_Static_assert(sizeof(dprsim_bi_module) == 16, "layout");
_Static_assert(sizeof(dprsim_bi_prr) == 8, "layout");
#endif

#endif
