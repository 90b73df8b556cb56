/*
 * gjob.c - QAM jobs through a virtual device (gjob.h).
 */
#include "gjob.h"

#include "console.h"
#include "hv.h"
#include "qam_golden.h"
#include "rt.h"
#include "vdev.h"
#include "virq.h"

uint32_t gjob_rand(uint32_t *state)
{
    uint32_t x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *state = x;
    return x;
}

void gjob_fill(uint32_t *buf, size_t nwords, uint32_t seed)
{
    uint32_t s = seed ? seed : 1u;
    for (size_t i = 0; i < nwords; i++)
        buf[i] = gjob_rand(&s);
}

size_t gjob_qam_out_words(unsigned k, uint32_t bits)
{
    return pl_qam_out_symbols(k, bits);
}

int gjob_qam_start(unsigned dev, const uint32_t *in, uint32_t *out,
                   uint32_t bits, uint32_t frames)
{
    uint32_t src = rt_phys(in), dst = rt_phys(out);
    if (src == 0 || dst == 0)
        return -1;
    vdev_write(dev, PL_IF_SRC_ADDR, src);   /* faults while unconnected */
    vdev_write(dev, PL_IF_DST_ADDR, dst);
    vdev_write(dev, PL_IF_PARAM, bits);
    vdev_write(dev, PL_IF_FRAMES, frames);  /* clears PROGRESS */
    vdev_write(dev, PL_IF_CTRL, PL_IF_CTRL_START_MASK | PL_IF_CTRL_IRQ_EN_MASK);
    return 0;
}

enum gjob_end gjob_wait(unsigned dev)
{
    for (;;) {
        if (hc_dev_status(dev) == HV_DEV_PREEMPTED)
            return GJOB_PREEMPTED;
        uint32_t st = vdev_status(dev);
        if (st & PL_IF_STATUS_ERROR_MASK) {
            vdev_write(dev, PL_IF_STATUS, PL_IF_STATUS_ERROR_MASK | PL_IF_STATUS_DONE_MASK);
            return GJOB_ERROR;
        }
        if (st & PL_IF_STATUS_DONE_MASK) {
            vdev_write(dev, PL_IF_STATUS, PL_IF_STATUS_DONE_MASK);
            return GJOB_DONE;
        }
        /* A job that ended before a preemption took effect (the CPU is
         * slow next to the PL, or the VM could not run before the higher
         * priority one faulted) comes back at the next grant with its DONE
         * status gone: the VDM clears the PRR's interrupt status when the
         * PRR changes owner, and software cannot set it again. Such a job
         * reads as not busy with PROGRESS = FRAMES != 0 (the PROC_STATUS.DONE
         * condition, docs/pl-registers.md); no interrupt will come for it.
         * A started job reads BUSY until its last frame, so this cannot
         * take a job that is still running. */
        if ((st & (PL_IF_STATUS_BUSY_MASK | PL_IF_STATUS_CONNECTED_MASK)) == PL_IF_STATUS_CONNECTED_MASK) {
            uint32_t frames = vdev_read(dev, PL_IF_FRAMES);
            if (frames != 0 && vdev_read(dev, PL_IF_PROGRESS) == frames)
                return GJOB_DONE;
        }
        hc_wait(VIRQ_DEV_BIT(dev));
    }
}

unsigned gjob_qam_check(unsigned k, uint32_t bits, const uint32_t *in,
                        const uint32_t *out, unsigned first, unsigned count,
                        uint32_t *scratch)
{
    size_t in_words = gjob_qam_in_words(bits);
    size_t out_words = gjob_qam_out_words(k, bits);
    unsigned bad = 0;
    for (unsigned f = first; f < first + count; f++) {
        pl_qam_map(k, bits, in + f * in_words, scratch);
        const uint32_t *o = out + f * out_words;
        for (size_t i = 0; i < out_words; i++) {
            if (o[i] != scratch[i]) {
                rt_printf("gjob: frame %u symbol %u: 0x%08x, golden 0x%08x\n",
                          f, (unsigned)i, o[i], scratch[i]);
                bad++;
                break;
            }
        }
    }
    return bad;
}
