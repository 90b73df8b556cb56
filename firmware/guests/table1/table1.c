/*
 * table1 - guests of the Ker-ONE Table 1 scenario (scenarios/table1_alloc_latency.yaml):
 * two VMs of different priorities drive each allocation method of the PRR
 * Monitor (Assign, Assign+Reconfig, Preempt, Preempt+Reconfig) T1_ROUNDS
 * times by storing to a register of an unconnected PR interface. Every
 * device use passes a real QAM job through the accelerator, checked against
 * the golden model, then releases the device or is preempted, so that the
 * next round starts from the state its method needs.
 *
 * Roles (VM slot): slot 0 = "hi" (VM id T1_HI_ID, the higher priority),
 * slot 1 = "lo" (VM id T1_LO_ID). Devices of both VMs (scenario order):
 * dev 0 = QAM4, dev 1 = QAM16, dev 2 = QAM64. PRR0 and PRR1 are the QAM
 * PRRs (PRR0 starts with QAM4, PRR1 with QAM16; rtl/README.md).
 *
 * One round (Monitor policy of rtl/README.md "PRR Monitor"; lo keeps dev 1
 * connected to PRR1 for the whole run, so PRR1 is never free):
 *   hi  dev0 QAM4   PRR0 free, holds QAM4             -> Assign
 *   hi  dev2 QAM64  no free PRR holds it, PRR0 free   -> Assign+Reconfig (PRR0 -> QAM64)
 *   hi  dev0 QAM4   same                              -> Assign+Reconfig (PRR0 -> QAM4)
 *   hi -> lo GO;  lo dev0: job of T1_LO_FRAMES frames  -> Assign; lo -> hi RUNNING
 *   hi  dev0 QAM4   both PRRs held by lo (prio lower), PRR0 holds QAM4 -> Preempt
 *       (the VDM stops lo's job at a frame boundary and saves it)
 *   lo  (DEV_PREEMPTED) stores again at once: PRR0 is hi's, PRR1 its own
 *       -> Unavailable: the request waits in the Monitor's search list until
 *       hi releases PRR0 (NEW_SOLUTION) -> Assign; the job resumes, checked
 *   lo  second job on dev0 (still connected); lo -> hi RUNNING
 *   hi  dev2 QAM64  both held by lo, none holds QAM64, lowest id -> Preempt+Reconfig
 *   lo  stores again -> Unavailable, then (PRR0 free, holds QAM64)
 *       -> Assign+Reconfig; the job resumes, checked
 *   lo releases dev0; lo -> hi DONE
 * Measured per round (the allocation window of a listed request starts at
 * its fault and is reported as alloc.unavailable): 2 Assign (hi, lo),
 * 2 Assign+Reconfig (hi), 1 Preempt, 1 Preempt+Reconfig, 2 Unavailable (lo).
 * With a CPU slow next to the PL (e.g. clocks.cpu_hz 20 MHz, or the cache
 * model with the caches off) lo's job may end before hi's fault reaches the
 * Monitor, and hi has released PRR0 before lo runs again: lo's request is
 * then an Assign instead of Unavailable, and the restored job comes back
 * already done (gjob_wait() sees it as not BUSY with PROGRESS = FRAMES).
 *
 * The platform measures every allocation from the faulting store's data
 * abort to the retired store (nothing here times anything). The guests
 * print "dprsim-metric table1.*" counts and exit 0 when every frame was
 * right and every job ended as expected.
 */
#include "console.h"
#include "gjob.h"
#include "hv.h"
#include "rt.h"
#include "vdev.h"
#include "virq.h"

#ifndef T1_ROUNDS
#define T1_ROUNDS 24u      /* >= 20 samples of each method (issue 6) */
#endif
#ifndef T1_LO_FRAMES
#define T1_LO_FRAMES 4u    /* frames of the job lo holds the PRR with */
#endif
#define T1_HI_ID 1u
#define T1_LO_ID 2u

#define T1_DEV_QAM4 0u
#define T1_DEV_QAM16 1u
#define T1_DEV_QAM64 2u

/* IPC words */
enum t1_msg {
    T1_MSG_LO_READY = 0x7101,  /* lo -> hi: dev 1 connected, waiting for GO */
    T1_MSG_GO = 0x7102,        /* hi -> lo: start a job on dev 0 */
    T1_MSG_RUNNING = 0x7103,   /* lo -> hi: the job on dev 0 runs */
    T1_MSG_DONE = 0x7104,      /* lo -> hi: round over, dev 0 released */
    T1_MSG_QUIT = 0x7105,      /* hi -> lo: no more rounds */
};

#define T1_BITS GJOB_FRAME_BITS
#define T1_IN_WORDS ((T1_BITS + 31u) / 32u)
#define T1_OUT_MAX ((T1_BITS + 1u) / 2u)    /* QAM4: most symbols */

static uint32_t t1_in[T1_LO_FRAMES * T1_IN_WORDS];
static uint32_t t1_out[T1_LO_FRAMES * T1_OUT_MAX];
static uint32_t t1_scratch[T1_OUT_MAX];

static unsigned t1_frames_checked, t1_frames_bad, t1_jobs_failed;
static unsigned t1_resumed, t1_restarted;

static void t1_send(unsigned dst, uint32_t word)
{
    int32_t rc;
    while ((rc = hc_ipc_send(dst, word)) == -HV_EFULL)
        hc_yield();
    if (rc < 0) {
        rt_printf("table1: vm %u: IPC send to %u failed (%d)\n", rt_vm_id(), dst, rc);
        rt_exit(3);
    }
}

static void t1_expect(uint32_t want)
{
    uint32_t got = virq_ipc_recv();
    if (got != want) {
        rt_printf("table1: vm %u: IPC 0x%x, expected 0x%x\n", rt_vm_id(), got, want);
        rt_exit(4);
    }
}

/* Bits per symbol of the QAM module on the connected device dev. */
static unsigned t1_variant(unsigned dev)
{
    return vdev_variant(dev);
}

/* One checked single-frame job of hi on dev (the store faults: one
 * allocation), then the device is given back. */
static void t1_hi_use(unsigned dev, unsigned k_expected, uint32_t seed)
{
    gjob_fill(t1_in, T1_IN_WORDS, seed);
    if (gjob_qam_start(dev, t1_in, t1_out, T1_BITS, 1) < 0) {
        rt_printf("table1: no physical base for DMA\n");
        rt_exit(5);
    }
    enum gjob_end e = gjob_wait(dev);
    unsigned k = t1_variant(dev);
    if (e != GJOB_DONE || k != k_expected) {
        rt_printf("table1: hi dev %u: job end %d, variant %u (want %u)\n", dev, e, k, k_expected);
        t1_jobs_failed++;
    } else {
        t1_frames_bad += gjob_qam_check(k, T1_BITS, t1_in, t1_out, 0, 1, t1_scratch);
        t1_frames_checked++;
    }
    hc_dev_release(dev);
}

static int t1_hi(void)
{
    t1_expect(T1_MSG_LO_READY);
    for (unsigned r = 0; r < T1_ROUNDS; r++) {
        uint32_t seed = 0x9E3779B9u * (r + 1u);
        t1_hi_use(T1_DEV_QAM4, 2, seed + 1);    /* Assign */
        t1_hi_use(T1_DEV_QAM64, 6, seed + 2);   /* Assign + Reconfig */
        t1_hi_use(T1_DEV_QAM4, 2, seed + 3);    /* Assign + Reconfig */
        t1_send(T1_LO_ID, T1_MSG_GO);
        t1_expect(T1_MSG_RUNNING);
        t1_hi_use(T1_DEV_QAM4, 2, seed + 4);    /* Preempt */
        t1_expect(T1_MSG_RUNNING);
        t1_hi_use(T1_DEV_QAM64, 6, seed + 5);   /* Preempt + Reconfig */
        t1_expect(T1_MSG_DONE);
    }
    t1_send(T1_LO_ID, T1_MSG_QUIT);
    return 0;
}

/*
 * lo's job on dev 0: start it (the first store faults when dev 0 is not
 * connected), tell hi, and keep it going until all frames are done: after
 * each preemption store again (GPR0: the faulting store), check that the
 * VDM restored the job (SRC, FRAMES), and START resumes it at PROGRESS.
 */
static void t1_lo_job(uint32_t seed)
{
    gjob_fill(t1_in, T1_LO_FRAMES * T1_IN_WORDS, seed);
    if (gjob_qam_start(T1_DEV_QAM4, t1_in, t1_out, T1_BITS, T1_LO_FRAMES) < 0) {
        rt_printf("table1: no physical base for DMA\n");
        rt_exit(5);
    }
    t1_send(T1_HI_ID, T1_MSG_RUNNING);
    for (;;) {
        enum gjob_end e = gjob_wait(T1_DEV_QAM4);
        if (e == GJOB_DONE)
            break;
        if (e == GJOB_ERROR) {
            rt_printf("table1: lo job error\n");
            t1_jobs_failed++;
            return;
        }
        /* preempted: ask for the device again (this store faults). The
         * VDM restores the job it saved at the preemption (and may already
         * have resumed it); START only a job that is not running and not done. */
        vdev_write(T1_DEV_QAM4, PL_IF_GPR(0), rt_vm_id());
        uint32_t progress = vdev_read(T1_DEV_QAM4, PL_IF_PROGRESS);
        if (vdev_read(T1_DEV_QAM4, PL_IF_SRC_ADDR) != rt_phys(t1_in) ||
            vdev_read(T1_DEV_QAM4, PL_IF_FRAMES) != T1_LO_FRAMES || progress > T1_LO_FRAMES) {
            /* job state not restored: run the whole job again */
            rt_printf("table1: lo job not restored after preemption, restarting\n");
            t1_restarted++;
            gjob_qam_start(T1_DEV_QAM4, t1_in, t1_out, T1_BITS, T1_LO_FRAMES);
            continue;
        }
        t1_resumed++;
        if (!(vdev_status(T1_DEV_QAM4) & PL_IF_STATUS_BUSY_MASK) && progress < T1_LO_FRAMES)
            vdev_write(T1_DEV_QAM4, PL_IF_CTRL, PL_IF_CTRL_START_MASK | PL_IF_CTRL_IRQ_EN_MASK);
    }
    unsigned k = t1_variant(T1_DEV_QAM4);
    if (k != 2) {
        rt_printf("table1: lo dev 0 variant %u, want 2\n", k);
        t1_jobs_failed++;
        return;
    }
    t1_frames_bad += gjob_qam_check(k, T1_BITS, t1_in, t1_out, 0, T1_LO_FRAMES, t1_scratch);
    t1_frames_checked += T1_LO_FRAMES;
}

static int t1_lo(void)
{
    /* hold PRR1 (QAM16) for the whole run */
    vdev_write(T1_DEV_QAM16, PL_IF_GPR(0), rt_vm_id());
    if (!vdev_connected(T1_DEV_QAM16)) {
        rt_printf("table1: lo dev 1 not connected\n");
        return 6;
    }
    t1_send(T1_HI_ID, T1_MSG_LO_READY);
    for (unsigned r = 0;; r++) {
        uint32_t w = virq_ipc_recv();
        if (w == T1_MSG_QUIT)
            break;
        if (w != T1_MSG_GO) {
            rt_printf("table1: lo: IPC 0x%x\n", w);
            return 4;
        }
        uint32_t seed = 0x7F4A7C15u * (r + 1u);
        t1_lo_job(seed + 1);   /* Assign, Preempt, Assign */
        t1_lo_job(seed + 2);   /* (connected), Preempt+Reconfig, Assign+Reconfig */
        hc_dev_release(T1_DEV_QAM4);
        t1_send(T1_HI_ID, T1_MSG_DONE);
    }
    hc_dev_release(T1_DEV_QAM16);
    return 0;
}

int main(unsigned vm_id, unsigned slot, unsigned ndev)
{
    unsigned want = slot == 0 ? T1_HI_ID : T1_LO_ID;
    if (slot > 1 || vm_id != want || ndev < 3) {
        rt_printf("table1: vm %u slot %u with %u devices: expected VM %u with 3 devices\n",
                  vm_id, slot, ndev, want);
        return 2;
    }
    if (rt_phys_base() == 0) {
        rt_printf("table1: vm %u: physical base of the RAM unknown\n", vm_id);
        return 5;
    }
    rt_printf("table1: vm %u (%s) starts, %u rounds\n", vm_id, slot == 0 ? "hi" : "lo", T1_ROUNDS);
    int rc = slot == 0 ? t1_hi() : t1_lo();
    const char *who = slot == 0 ? "hi" : "lo";
    rt_printf("table1: vm %u (%s): %u frames checked, %u wrong, %u jobs failed, %u resumed, %u restarted\n",
              vm_id, who, t1_frames_checked, t1_frames_bad, t1_jobs_failed, t1_resumed, t1_restarted);
    if (slot == 1) {
        /* lo ends last (after QUIT): it reports the counts of both VMs' roles */
        rt_metric("table1.lo_frames_checked", (int32_t)t1_frames_checked);
        rt_metric("table1.lo_frames_wrong", (int32_t)t1_frames_bad);
        rt_metric("table1.lo_jobs_resumed", (int32_t)t1_resumed);
    } else {
        rt_metric("table1.hi_frames_checked", (int32_t)t1_frames_checked);
        rt_metric("table1.hi_frames_wrong", (int32_t)t1_frames_bad);
    }
    if (rc == 0 && (t1_frames_bad || t1_jobs_failed || t1_restarted))
        rc = 1;
    return rc;
}
