/*
 * gjob.h - accelerator jobs of the guest programs: test data, QAM jobs
 * through a virtual device, waiting for their end, checking them against
 * the golden model (models/pl/qam_golden.c, compiled into the guest).
 *
 * A job (rtl/README.md "PRR controller"): FRAMES frames; frame f reads
 * ceil(PARAM/32) words at SRC + f*in_words*4 and writes ceil(PARAM/k)
 * symbols at DST + f*out_words*4 (k = QAM bits per symbol of the module
 * the PRR holds). The guest view of the IF window gives SRC/DST/FRAMES/
 * PARAM/CTRL/STATUS/PROGRESS/VARIANT (vdev.h).
 */
#ifndef GJOB_H
#define GJOB_H

#include <stddef.h>
#include <stdint.h>

/* The paper's data frame (Mini-NOVA §5.1): 18,800 bits. */
#define GJOB_FRAME_BITS 18800u

/* xorshift32 step: deterministic test data. state must not be 0. */
uint32_t gjob_rand(uint32_t *state);
/* Fill nwords words with gjob_rand from seed (0 is replaced by 1). */
void gjob_fill(uint32_t *buf, size_t nwords, uint32_t seed);

/* Input words of a frame of bits bits. */
static inline size_t gjob_qam_in_words(uint32_t bits) { return (bits + 31u) / 32u; }
/* Output symbols of a frame for QAM variant k (bits per symbol 2/4/6). */
size_t gjob_qam_out_words(unsigned k, uint32_t bits);

/* Configure a QAM job on device dev and start it (CTRL = START | IRQ_EN).
 * The first access is the store to SRC_ADDR: while the IF is unconnected
 * it faults and the allocation runs before it completes. in/out are guest
 * virtual addresses in the VM's RAM (translated with rt_phys()).
 * Returns 0, or -1 when the physical base is unknown. */
int gjob_qam_start(unsigned dev, const uint32_t *in, uint32_t *out,
                   uint32_t bits, uint32_t frames);

enum gjob_end {
    GJOB_DONE = 0,       /* STATUS.DONE seen (cleared) */
    GJOB_ERROR = 1,      /* STATUS.ERROR seen (cleared) */
    GJOB_PREEMPTED = 2,  /* the VDM took the PRR away (HV_DEV_PREEMPTED) */
};
/* Block (HC_WAIT on HV_VIRQ_DEV(dev)) until the job on dev ends or the
 * device is preempted. A vIRQ without either (e.g. the READY message of
 * the allocation) just waits again. A job restored by the VDM after a
 * preemption that came when the job had already ended has lost its DONE
 * status: it is seen as ended (GJOB_DONE) when the connected IF reads not
 * BUSY with PROGRESS = FRAMES != 0, without waiting for an interrupt. */
enum gjob_end gjob_wait(unsigned dev);

/* Check frames [first, first+count) of a QAM job against pl_qam_map:
 * returns the number of frames whose symbols differ. scratch: room for
 * gjob_qam_out_words(k, bits) words. */
unsigned gjob_qam_check(unsigned k, uint32_t bits, const uint32_t *in,
                        const uint32_t *out, unsigned first, unsigned count,
                        uint32_t *scratch);

#endif /* GJOB_H */
