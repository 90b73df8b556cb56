/*
 * rt.h - the dprsim guest runtime: start-up arguments, exit, physical
 * addresses for the accelerators' DMA, and the freestanding string
 * functions gcc may call. Include the runtime's other headers for
 * hypercalls (hv.h), console (console.h), virtual devices (vdev.h) and
 * virtual interrupts (virq.h).
 *
 * A guest program defines
 *     int main(unsigned vm_id, unsigned slot, unsigned ndev);
 * crt0.S calls it and ends the VM with rt_exit(main's result).
 */
#ifndef RT_RT_H
#define RT_RT_H

#include <stddef.h>
#include <stdint.h>
#include "hv_abi.h"

int main(unsigned vm_id, unsigned slot, unsigned ndev);

/* Entry arguments (hv_abi.h): VM id, VM slot, device count. */
unsigned rt_vm_id(void);
unsigned rt_vm_slot(void);
unsigned rt_dev_count(void);

/*
 * Physical address of guest RAM: the PRR's DMA (SRC_ADDR/DST_ADDR of an IF
 * window) works on physical addresses, the guest on virtual ones.
 * The base is r3 at entry (the kernel passes the VM's mem_base, hv_abi.h);
 * a harness that passes 0 can give the image a build-time RT_PHYS_BASE
 * (add_guest_image(... PHYS_BASE addr)); else rt_phys() returns 0 and
 * programs refuse DMA.
 */
uint32_t rt_phys_base(void);
/* Physical address of a guest RAM virtual address va. */
uint32_t rt_phys(const void *va);

/* First byte after the image (.bss end), 8-byte aligned: the programs carve
 * their frame buffers from here up to the stack (no malloc). */
void *rt_heap_base(void);

/* Flush the console and end the VM with HC_EXIT(status). */
void rt_exit(int status) __attribute__((noreturn));

/* Called by crt0.S only. */
void rt_start_args(unsigned vm_id, unsigned slot, unsigned ndev, uint32_t r3);

/* Freestanding C library subset (gcc emits calls to these). */
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);

#endif /* RT_RT_H */
