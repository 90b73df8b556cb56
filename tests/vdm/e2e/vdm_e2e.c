/*
 * vdm_e2e.c - guest of tests/vdm/e2e/vdm_e2e.yaml: the VDM (firmware/vdm)
 * under the real hypervisor (firmware/kernel), driven by a guest through
 * its device page and hypercalls (guest runtime firmware/guests/rt).
 * One VM, devices: 0 = QAM4, 1 = QAM16.
 *  1  the first store to device 0 faults and is granted: PRR0, QAM4;
 *  2  a 30-frame job runs; HC_DEV_MODE(0, QAM64) switches it to the
 *     partner PRR1 (loaded from the bitstream store while PRR0 keeps
 *     working) at a frame boundary: the IF reads PRR1/QAM64, the job ends
 *     there with every frame done and its interrupt reaches the VM;
 *  3  HC_DEV_MODE(0, QAM16): the partner PRR0 is reconfigured (QAM16), the
 *     IF moves back to PRR0;
 *  4  HC_DEV_RELEASE(0): the device becomes UNCONNECTED;
 *  5  the next store is granted again: PRR0, which holds QAM16 now;
 *  6  isolation: a job reading from, then one writing to, the hypervisor's
 *     memory (outside the VM's partition, the DMA window the VDM set at the
 *     connection) is refused by the PRR controller: ERROR, no frame done;
 *     a job inside the VM's memory still runs.
 * Prints "vdm_e2e: ok" and exits 0 when every check holds (else the
 * number of failed checks).
 */
#include "console.h"
#include "hv.h"
#include "rt.h"
#include "vdev.h"
#include "virq.h"

#define FRAMES 30u
#define FBITS  2048u
#define IF_ID(prr, mod) (0x50520000u | ((prr) << 8) | (mod))

static uint32_t in[FRAMES * FBITS / 32u];
static uint32_t out[FRAMES * FBITS / 2u];
static unsigned fails;

static void check(int ok, const char *what)
{
    if (!ok) {
        fails++;
        rt_printf("vdm_e2e: FAIL: %s\n", what);
    }
}

/* Wait (on device 0's vIRQs) until its IF reads id; 0 on success. */
static int wait_id(uint32_t id)
{
    for (unsigned n = 0; n < 1000u; n++) {
        if (vdev_read(0, PL_IF_ID) == id)
            return 0;
        virq_wait_dev(0);
    }
    return -1;
}

/* A one-frame job src -> dst on device 0: waits for DONE or ERROR, clears
 * them and returns PROGRESS, plus REFUSED when the job ended with ERROR. */
#define REFUSED 0x100u
static uint32_t one_frame(uint32_t src, uint32_t dst)
{
    const uint32_t end = PL_IF_STATUS_DONE_MASK | PL_IF_STATUS_ERROR_MASK;
    vdev_write(0, PL_IF_SRC_ADDR, src);
    vdev_write(0, PL_IF_DST_ADDR, dst);
    vdev_write(0, PL_IF_FRAMES, 1);
    vdev_write(0, PL_IF_CTRL, PL_IF_CTRL_START_MASK | PL_IF_CTRL_IRQ_EN_MASK);
    uint32_t st = 0;
    for (unsigned n = 0; n < 100000u && !((st = vdev_read(0, PL_IF_STATUS)) & end); n++)
        ;
    vdev_write(0, PL_IF_STATUS, st & end);
    return vdev_read(0, PL_IF_PROGRESS) | ((st & PL_IF_STATUS_ERROR_MASK) ? REFUSED : 0u);
}

int main(unsigned vm_id, unsigned slot, unsigned ndev)
{
    (void)slot;
    rt_printf("vdm_e2e: vm %u, %u devices\n", vm_id, ndev);

    /* 1 */
    vdev_write(0, PL_IF_GPR(0), 1);
    check(vdev_read(0, PL_IF_ID) == IF_ID(0u, PL_MOD_QAM4), "1: granted PRR0 QAM4");
    check(hc_dev_status(0) == HV_DEV_READY, "1: state READY");

    /* 2 */
    uint32_t x = 12345u;
    for (unsigned i = 0; i < FRAMES * FBITS / 32u; i++) {
        x = x * 1664525u + 1013904223u;
        in[i] = x;
    }
    vdev_write(0, PL_IF_SRC_ADDR, rt_phys(in));
    vdev_write(0, PL_IF_DST_ADDR, rt_phys(out));
    vdev_write(0, PL_IF_PARAM, FBITS);
    vdev_write(0, PL_IF_FRAMES, FRAMES);
    vdev_write(0, PL_IF_CTRL, PL_IF_CTRL_START_MASK | PL_IF_CTRL_IRQ_EN_MASK);
    while (vdev_read(0, PL_IF_PROGRESS) < 2u)
        ;
    check(hc_dev_mode(0, PL_MOD_QAM64) >= 0, "2: HC_DEV_MODE accepted");
    check(wait_id(IF_ID(1u, PL_MOD_QAM64)) == 0, "2: IF moved to PRR1 QAM64");
    uint32_t at = vdev_read(0, PL_IF_PROGRESS);
    while (vdev_read(0, PL_IF_PROGRESS) < FRAMES)
        virq_wait_dev(0);
    check(vdev_read(0, PL_IF_ID) == IF_ID(1u, PL_MOD_QAM64), "2: job finished on PRR1");
    rt_printf("vdm_e2e: switched to PRR1 by frame %u of %u\n", at, FRAMES);

    /* 3 */
    check(hc_dev_mode(0, PL_MOD_QAM16) >= 0, "3: HC_DEV_MODE accepted");
    check(wait_id(IF_ID(0u, PL_MOD_QAM16)) == 0, "3: IF moved to PRR0 QAM16");

    /* 4 */
    check(hc_dev_release(0) >= 0, "4: HC_DEV_RELEASE accepted");
    for (unsigned n = 0; n < 1000u && hc_dev_status(0) != HV_DEV_UNCONNECTED; n++)
        virq_wait_dev(0);
    check(hc_dev_status(0) == HV_DEV_UNCONNECTED, "4: state UNCONNECTED");
    check(vdev_read(0, PL_IF_ID) == VDEV_ID_UNCONNECTED, "4: IF unconnected");

    /* 5 */
    vdev_write(0, PL_IF_GPR(0), 2);
    check(vdev_read(0, PL_IF_ID) == IF_ID(0u, PL_MOD_QAM16), "5: granted again: PRR0 QAM16");

    /* 6 */
    const uint32_t hv_phys = HV_PHYS_KERNEL_BASE;   /* the hypervisor's image */
    check(one_frame(hv_phys, rt_phys(out)) == REFUSED, "6: reading the hypervisor refused, no frame");
    check(one_frame(rt_phys(in), hv_phys) == REFUSED, "6: writing the hypervisor refused, no frame");
    check(one_frame(rt_phys(in), rt_phys(out)) == 1u, "6: a job in the VM's own memory still runs");
    rt_printf("vdm_e2e: DMA outside the VM refused\n");

    rt_metric("vdm_e2e.checks_failed", (int32_t)fails);
    rt_printf(fails ? "vdm_e2e: FAIL\n" : "vdm_e2e: ok\n");
    return (int)fails;
}
