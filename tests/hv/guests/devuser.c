/*
 * devuser: the PR-interface fault path. Its last device's page reads
 * through (IF window, 'UNCN' while unconnected), the first store faults and
 * comes back once the VDM connected it, a second store goes straight
 * through; after HC_DEV_RELEASE the page is read-only again, so the next
 * store must fault again (no stale read/write TLB entry), and HC_DEV_MODE
 * reaches the VDM.
 */
#include "grt.h"

int main(uint32_t id, uint32_t slot, uint32_t ndev)
{
    uint32_t d = ndev - 1;
    volatile uint32_t *regs = (volatile uint32_t *)(uintptr_t)(HV_VDEV_VA_BASE + d * HV_VDEV_STRIDE);
    uint32_t ifid = regs[0];
    grt_printf("dev vm %u slot %u dev %u: id 0x%x state %d\n", id, slot, d, ifid,
               grt_hc(HC_DEV_STATUS, d, 0, 0));
    regs[4] = 1;
    grt_printf("dev vm %u: first store done, state %d\n", id, grt_hc(HC_DEV_STATUS, d, 0, 0));
    regs[4] = 2;
    grt_printf("dev vm %u: release %d, state %d\n", id, grt_hc(HC_DEV_RELEASE, d, 0, 0),
               grt_hc(HC_DEV_STATUS, d, 0, 0));
    regs[4] = 3;
    grt_printf("dev vm %u: store after release done, state %d\n", id, grt_hc(HC_DEV_STATUS, d, 0, 0));
    grt_printf("dev vm %u: mode %d\n", id, grt_hc(HC_DEV_MODE, d, 2, 0));
    return ifid == 0x554E434Eu ? 0 : 1;
}
