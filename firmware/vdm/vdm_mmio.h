/*
 * vdm_mmio.h - 32-bit device register access for the VDM drivers.
 *
 * Every driver in firmware/vdm takes its block's base address as a
 * parameter, so the same code runs in the VDM's user address space (GP0 and
 * the DevCfg page mapped at their physical addresses, hv_abi.h) and in
 * bare-metal tests with the MMU off. The PL's AXI4-Lite slave accepts 32-bit
 * accesses only (rtl/README.md, "Address map").
 */
#ifndef VDM_MMIO_H
#define VDM_MMIO_H

#include <stdint.h>

/* Read the 32-bit register at address a. */
static inline uint32_t vdm_mmio_rd(uintptr_t a)
{
    return *(volatile const uint32_t *)a;
}

/* Write v to the 32-bit register at address a. */
static inline void vdm_mmio_wr(uintptr_t a, uint32_t v)
{
    *(volatile uint32_t *)a = v;
}

#endif
