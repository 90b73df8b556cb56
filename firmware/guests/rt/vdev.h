/*
 * vdev.h - virtual devices of a guest: the PR interface (IF) window view.
 *
 * Device dev (0 .. ndev-1, the VM's devices[] in the scenario) is the 4 KiB
 * page at HV_VDEV_VA_BASE + dev * HV_VDEV_STRIDE, the same address in every
 * VM. While the IF is not connected the page is user read-only: reads give
 * ID = PL_IF_ID_UNCONNECTED and 0 elsewhere, and the first store takes a
 * permission fault that starts the allocation (DESIGN.md data flow); the
 * store is re-executed once the VDM has connected the IF. While connected,
 * the window forwards to the PRR's guest view (rtl/README.md "PR
 * interfaces"): ID, CTRL, STATUS, SRC_ADDR, DST_ADDR, FRAMES, PARAM,
 * PROGRESS, GPR0..7, VARIANT at the PL_IF_* offsets of the generated
 * dprsim_pl_regs.h. SRC/DST are physical addresses (rt_phys()).
 *
 * Every access is one 32-bit LDR/STR (volatile), as the fault path needs:
 * the kernel re-executes exactly the faulting instruction.
 */
#ifndef RT_VDEV_H
#define RT_VDEV_H

#include <stdint.h>
#include "hv_abi.h"
#include "dprsim_pl_regs.h"

/* ID read from an unconnected IF window ('UNCN'). */
#define VDEV_ID_UNCONNECTED 0x554E434Eu

/* Base of device dev's window. */
static inline volatile uint32_t *vdev_regs(unsigned dev)
{
    return (volatile uint32_t *)(uintptr_t)(HV_VDEV_VA_BASE + dev * HV_VDEV_STRIDE);
}

/* Read register off (a PL_IF_* offset) of device dev. */
static inline uint32_t vdev_read(unsigned dev, uint32_t off)
{
    return vdev_regs(dev)[off / 4u];
}

/* Write register off of device dev: faults (and allocates) while the IF is
 * not connected; the store completes when the VM resumes. */
static inline void vdev_write(unsigned dev, uint32_t off, uint32_t val)
{
    vdev_regs(dev)[off / 4u] = val;
}

/* STATUS bits of the guest view. */
static inline uint32_t vdev_status(unsigned dev)
{
    return vdev_read(dev, PL_IF_STATUS);
}

static inline int vdev_connected(unsigned dev)
{
    return (vdev_status(dev) & PL_IF_STATUS_CONNECTED_MASK) != 0;
}

/* Module variant the connected PRR holds (QAM bits/symbol, IFFT log2 N). */
static inline uint32_t vdev_variant(unsigned dev)
{
    return vdev_read(dev, PL_IF_VARIANT);
}

#endif /* RT_VDEV_H */
