/*
 * ofdm - the Mini-NOVA use case (mininova-dpr-microkernel §5, Fig. 4/5):
 * an OFDM transmitter whose data frames of 18,800 bits flow through the
 * QAM mapper (device 0, PRR0/PRR1) -> FIFO -> stream crossbar -> IFFT
 * (device 1, PRR2/PRR3), with a channel-sensing task that switches
 * QAM4 -> QAM16 -> QAM64 and IFFT 256 -> 512 -> ... -> 8192 with
 * HC_DEV_MODE while frames flow. The VDM reconfigures the idle PRR of the
 * pair and moves the running job to it at a frame boundary (the frames
 * never stop for the PCAP transfer); every output sample is checked against
 * the golden models, by the lower-priority part of this VM (its main loop),
 * while the vIRQ upcall keeps the hardware fed.
 *
 * Structure (one VM, one image):
 *  - control (ofdm_ctrl, run from the vIRQ upcall, or from the main loop
 *    with upcalls masked): on the QAM device's interrupt start the next QAM
 *    job (OFDM_QAM_JOB_FRAMES data frames, input from a PRNG), on the IFFT
 *    device's interrupt start the next IFFT job (about OFDM_IFFT_JOB_SAMPLES
 *    samples, output into fresh memory), on the timer vIRQ run the channel
 *    sensor (the next step of its script when the previous switch is
 *    over). Each job is one PRR job of several frames (rtl/README.md); the
 *    QAM output and IFFT input are the stream (the VDM sets the PRRs'
 *    STREAM registers and the crossbar), so the QAM symbols form one
 *    continuous stream cut into N-sample IFFT frames.
 *  - checker (main loop): regenerates the symbol stream with pl_qam_map,
 *    cuts it into IFFT frames, runs gifft_run (bit-exact with the RTL) and
 *    compares with the memory the IFFT PRR wrote. Where a switch happened
 *    is not told to the guest: the checker finds the frame where the new
 *    module took over (the only hypothesis that matches; a switch inside a
 *    frame would match none).
 *  - end: when the sensor's script is over (and OFDM_TAIL_TICKS later) no
 *    new data frame is started; the last IFFT frame is completed with zero
 *    padding (ordinary OFDM practice) so that every data frame comes out.
 *
 * Console metric lines (hv_abi.h): ofdm.frames_total (data frames sent),
 * ofdm.frames_ok (every IFFT frame covering the data frame equal to the
 * golden model), ofdm.frames_lost (some of its samples never came out).
 * Timings are measured by the platform, never here.
 */
#include "console.h"
#include "gifft.h"
#include "gjob.h"
#include "hv.h"
#include "qam_golden.h"
#include "rt.h"
#include "vdev.h"
#include "virq.h"

#define OFDM_DEV_QAM 0u
#define OFDM_DEV_IFFT 1u

#ifndef OFDM_SENSE_US
#define OFDM_SENSE_US 1000u        /* channel sensor period */
#endif
#ifndef OFDM_DWELL_TICKS
#define OFDM_DWELL_TICKS 1u        /* sensor ticks on a configuration before the next switch */
#endif
#ifndef OFDM_TAIL_TICKS
#define OFDM_TAIL_TICKS 1u         /* ticks after the last switch before the data ends */
#endif
#ifndef OFDM_SWITCH_TIMEOUT_TICKS
#define OFDM_SWITCH_TIMEOUT_TICKS 50u   /* a switch not over by then is an error */
#endif
#define OFDM_QAM_JOB_FRAMES 4u     /* data frames per QAM job */
#define OFDM_IFFT_JOB_SAMPLES 16384u
#define OFDM_MAX_FRAMES 2048u
#define OFDM_MAX_IJOBS 2048u
#define OFDM_MAX_SWITCHES 16u
#define OFDM_BITS GJOB_FRAME_BITS
#define OFDM_IN_WORDS ((OFDM_BITS + 31u) / 32u)

/* Module ids (rtl/README.md "Parameters"). */
#define OFDM_QAM_MODULE(k) (0x10u | (k))           /* k = bits per symbol */
#define OFDM_IFFT_MODULE(l) (0x20u | ((l) - 8u))   /* l = log2 N */

/* The channel sensor's script: the configuration the channel allows, one
 * step at a time (Fig. 5 starts with QAM4 / IFFT256 and first moves the
 * IFFT to 512, then QAM4 to QAM16). value = bits/symbol or log2 N. */
static const struct { unsigned dev, value; } ofdm_script[] = {
    {OFDM_DEV_IFFT, 9}, {OFDM_DEV_QAM, 4}, {OFDM_DEV_IFFT, 10}, {OFDM_DEV_QAM, 6},
    {OFDM_DEV_IFFT, 11}, {OFDM_DEV_IFFT, 12}, {OFDM_DEV_IFFT, 13},
};
#define OFDM_STEPS (sizeof ofdm_script / sizeof ofdm_script[0])

/* A data frame (or the zero padding at the end). */
typedef struct {
    const uint32_t *in;
    uint32_t bits;
    uint8_t pad;      /* 1: zero padding, not a data frame */
    uint8_t k;        /* bits per symbol the checker settled on */
    uint8_t bad;      /* an IFFT frame covering it differed */
    uint32_t start;   /* first symbol in the stream */
} ofdm_frame;

/* An IFFT job: frames of N samples written at dst + f * N * 4. */
typedef struct {
    uint32_t *dst;
    uint32_t frames;
    uint32_t log2n;   /* N when it was started (may change at a switch) */
    volatile uint32_t done;
} ofdm_ijob;

/* A requested switch, in request order. */
typedef struct {
    unsigned dev, value;
    volatile uint32_t over;   /* the VDM said READY with the new module */
    /* first frame on the new module, read by control at READY (the VDM moves
     * the job at a frame boundary just before): QAM: data frame index;
     * IFFT: job and frame. Used for the padding at the end only; the
     * checker finds the switch points in the output by itself. */
    uint32_t at_job, at_frame;
} ofdm_switch;

/* ---- state shared by control (upcall) and checker (main) ---- */
static ofdm_frame frames[OFDM_MAX_FRAMES];
static volatile uint32_t nframes;        /* frames[] entries started */
static ofdm_ijob ijobs[OFDM_MAX_IJOBS];
static volatile uint32_t nijobs;
static ofdm_switch switches[OFDM_MAX_SWITCHES];
static volatile uint32_t nswitches;
static volatile uint32_t qam_busy, ifft_busy;   /* a job is running */
static volatile uint32_t data_over;             /* no more data frames */
static volatile uint32_t ticks, step, step_tick, tail_tick;
static volatile uint32_t cur_k = 2, cur_l = 8;  /* configuration as last known to control */
static volatile uint32_t ctrl_error;
static volatile uint32_t qam_job_base;          /* first frame of the running QAM job */
static volatile uint32_t tail_done;             /* every symbol sent into an IFFT frame */
static volatile uint32_t tail_fallback;         /* control's padding gave up: the drain pads */
static uint8_t *arena, *arena_end;
static uint32_t zero_words[4096];
static uint32_t *qam_scratch;   /* QAM DST outside stream mode (never read) */

static void *ofdm_alloc(uint32_t bytes)
{
    bytes = (bytes + 63u) & ~63u;
    if (arena + bytes > arena_end)
        return 0;
    void *p = arena;
    arena += bytes;
    return p;
}

/* ---- control ---- */

static void ofdm_start_qam(void)
{
    uint32_t n = nframes;
    if (n + OFDM_QAM_JOB_FRAMES > OFDM_MAX_FRAMES) {
        data_over = 1;
        return;
    }
    uint32_t *in = ofdm_alloc(OFDM_QAM_JOB_FRAMES * OFDM_IN_WORDS * 4u);
    if (!in) {
        data_over = 1;
        return;
    }
    gjob_fill(in, OFDM_QAM_JOB_FRAMES * OFDM_IN_WORDS, 0xC0FFEEu + n * 7919u);
    for (unsigned i = 0; i < OFDM_QAM_JOB_FRAMES; i++) {
        frames[n + i].in = in + i * OFDM_IN_WORDS;
        frames[n + i].bits = OFDM_BITS;
        frames[n + i].pad = 0;
    }
    nframes = n + OFDM_QAM_JOB_FRAMES;
    qam_job_base = n;
    qam_busy = 1;
    vdev_write(OFDM_DEV_QAM, PL_IF_SRC_ADDR, rt_phys(in));
    /* the output is the stream; DST only matters if the PRR were not in
     * stream mode: then the checker sees the IFFT frames wrong */
    vdev_write(OFDM_DEV_QAM, PL_IF_DST_ADDR, rt_phys(qam_scratch));
    vdev_write(OFDM_DEV_QAM, PL_IF_PARAM, OFDM_BITS);
    vdev_write(OFDM_DEV_QAM, PL_IF_FRAMES, OFDM_QAM_JOB_FRAMES);
    vdev_write(OFDM_DEV_QAM, PL_IF_CTRL, PL_IF_CTRL_START_MASK | PL_IF_CTRL_IRQ_EN_MASK);
}

/* Start an IFFT job of jframes frames of the current N (0: the default
 * size). Room is kept for twice the N: a switch inside the job doubles it. */
static int ofdm_start_ifft(uint32_t jframes)
{
    uint32_t l = vdev_variant(OFDM_DEV_IFFT);
    if (l < 8 || l > 13)
        l = cur_l;
    uint32_t n = 1u << l;
    if (!jframes)
        jframes = OFDM_IFFT_JOB_SAMPLES / n ? OFDM_IFFT_JOB_SAMPLES / n : 1u;
    uint32_t room = (l < 13 ? 2u * n : n) * jframes * 4u;
    uint32_t j = nijobs;
    uint32_t *dst = j < OFDM_MAX_IJOBS ? ofdm_alloc(room) : 0;
    if (!dst) {
        ctrl_error = 1;
        return -1;
    }
    ijobs[j].dst = dst;
    ijobs[j].frames = jframes;
    ijobs[j].log2n = l;
    ijobs[j].done = 0;
    nijobs = j + 1;
    ifft_busy = 1;
    vdev_write(OFDM_DEV_IFFT, PL_IF_DST_ADDR, rt_phys(dst));
    vdev_write(OFDM_DEV_IFFT, PL_IF_SRC_ADDR, rt_phys(zero_words));  /* unused in stream mode */
    vdev_write(OFDM_DEV_IFFT, PL_IF_FRAMES, jframes);
    vdev_write(OFDM_DEV_IFFT, PL_IF_CTRL, PL_IF_CTRL_START_MASK | PL_IF_CTRL_IRQ_EN_MASK);
    return 0;
}

/* Start a QAM job of one frame of zero bits: pad symbols at the current
 * QAM order. */
static int ofdm_send_pad(uint32_t pad)
{
    uint32_t bits = pad * cur_k;
    if (bits > sizeof zero_words * 8u || nframes >= OFDM_MAX_FRAMES) {
        ctrl_error = 4;
        return -1;
    }
    uint32_t f = nframes;
    frames[f].in = zero_words;
    frames[f].bits = bits;
    frames[f].pad = 1;
    nframes = f + 1;
    qam_job_base = f;
    qam_busy = 1;
    vdev_write(OFDM_DEV_QAM, PL_IF_SRC_ADDR, rt_phys(zero_words));
    vdev_write(OFDM_DEV_QAM, PL_IF_PARAM, bits);
    vdev_write(OFDM_DEV_QAM, PL_IF_FRAMES, 1);
    vdev_write(OFDM_DEV_QAM, PL_IF_CTRL, PL_IF_CTRL_START_MASK | PL_IF_CTRL_IRQ_EN_MASK);
    return 0;
}

static void ofdm_tail(void);

/* A device interrupt or state message: job done, or a switch over. A job
 * that ended just before the VDM moved it to the partner PRR has its DONE
 * status cleared by the move: it is seen as not busy with PROGRESS = FRAMES. */
static void ofdm_dev_event(unsigned dev)
{
    uint32_t st = vdev_status(dev);
    volatile uint32_t *busy = dev == OFDM_DEV_QAM ? &qam_busy : &ifft_busy;
    int ended = (st & (PL_IF_STATUS_DONE_MASK | PL_IF_STATUS_ERROR_MASK)) != 0;
    if (!ended && *busy && !(st & PL_IF_STATUS_BUSY_MASK) && (st & PL_IF_STATUS_CONNECTED_MASK) &&
        vdev_read(dev, PL_IF_PROGRESS) == vdev_read(dev, PL_IF_FRAMES))
        ended = 1;
    if (ended && *busy) {
        vdev_write(dev, PL_IF_STATUS, PL_IF_STATUS_DONE_MASK | PL_IF_STATUS_ERROR_MASK);
        if (st & PL_IF_STATUS_ERROR_MASK)
            ctrl_error = 2;
        if (dev == OFDM_DEV_QAM) {
            qam_busy = 0;
            if (!data_over)
                ofdm_start_qam();
            else
                ofdm_tail();
        } else {
            ijobs[nijobs - 1].done = 1;
            ifft_busy = 0;
            if (!data_over || qam_busy)
                ofdm_start_ifft(0);   /* keep consuming while symbols come */
            else
                ofdm_tail();
        }
    }
    /* a switch is over when the device reports the new module */
    uint32_t ns = nswitches;
    if (ns && !switches[ns - 1].over && switches[ns - 1].dev == dev &&
        vdev_variant(dev) == switches[ns - 1].value) {
        ofdm_switch *sw = &switches[ns - 1];
        uint32_t prog = vdev_read(dev, PL_IF_PROGRESS);
        if (dev == OFDM_DEV_QAM) {
            sw->at_frame = qam_busy ? qam_job_base + prog : nframes;
            cur_k = sw->value;
        } else {
            sw->at_job = ifft_busy ? nijobs - 1u : nijobs;
            sw->at_frame = ifft_busy ? prog : 0;
            cur_l = sw->value;
        }
        sw->over = 1;
        step_tick = ticks;
    }
}

/* Bits per symbol of data frame i and log2 N of IFFT frame f of job j, as
 * control recorded the switches. */
static uint32_t ofdm_k_of(uint32_t i)
{
    uint32_t k = 2;
    for (uint32_t s = 0; s < nswitches; s++)
        if (switches[s].dev == OFDM_DEV_QAM && switches[s].over && i >= switches[s].at_frame)
            k = switches[s].value;
    return k;
}

static uint32_t ofdm_l_of(uint32_t j, uint32_t f)
{
    uint32_t l = 8;
    for (uint32_t s = 0; s < nswitches; s++)
        if (switches[s].dev == OFDM_DEV_IFFT && switches[s].over &&
            (j > switches[s].at_job || (j == switches[s].at_job && f >= switches[s].at_frame)))
            l = switches[s].value;
    return l;
}

/* After the data (control, QAM idle): start or size the last IFFT job and
 * pad the stream with zero symbols so that it ends on an IFFT frame
 * boundary (ordinary OFDM practice), at once, so that the IFFT never waits. */
static void ofdm_tail(void)
{
    if (qam_busy || tail_done)
        return;
    uint32_t produced_sym = 0;
    for (uint32_t i = 0; i < nframes; i++)
        produced_sym += (uint32_t)pl_qam_out_symbols(frames[i].pad ? cur_k : ofdm_k_of(i), frames[i].bits);
    uint32_t jn = nijobs, upto_job = ifft_busy ? jn - 1u : jn;
    uint32_t p = ifft_busy ? vdev_read(OFDM_DEV_IFFT, PL_IF_PROGRESS) : 0;
    uint32_t consumed = 0;
    for (uint32_t j = 0; j < upto_job; j++)
        for (uint32_t f = 0; f < ijobs[j].frames; f++)
            consumed += 1u << ofdm_l_of(j, f);
    for (uint32_t f = 0; f < p; f++)
        consumed += 1u << ofdm_l_of(upto_job, f);
    if (consumed > produced_sym) {
        tail_fallback = 1;   /* the records do not add up: the drain takes over */
        tail_done = 1;
        return;
    }
    uint32_t left = produced_sym - consumed, n = 1u << cur_l;
    if (!ifft_busy) {
        if (!left) {
            tail_done = 1;
            return;
        }
        if (ofdm_start_ifft((left + n - 1u) / n) < 0)
            return;
        p = 0;
    }
    uint32_t want = (ijobs[nijobs - 1].frames - p) * n;
    if (want > left)
        ofdm_send_pad(want - left);
    else if (want == left)
        tail_done = 1;
}

/* The channel sensor: one step of the script when the last switch is over
 * and the configuration has been used for OFDM_DWELL_TICKS. */
static void ofdm_sense(void)
{
    uint32_t t = ++ticks;
    uint32_t ns = nswitches;
    if (ns && !switches[ns - 1].over) {
        if (t - step_tick > OFDM_SWITCH_TIMEOUT_TICKS && !data_over) {
            ctrl_error = 5;   /* the switch never came: end the data */
            data_over = 1;
        }
        return;
    }
    if (t - step_tick < OFDM_DWELL_TICKS)
        return;
    if (step < OFDM_STEPS) {
        unsigned dev = ofdm_script[step].dev, v = ofdm_script[step].value;
        switches[ns].dev = dev;
        switches[ns].value = v;
        switches[ns].over = 0;
        nswitches = ns + 1;
        step++;
        step_tick = t;
        uint32_t module = dev == OFDM_DEV_QAM ? OFDM_QAM_MODULE(v) : OFDM_IFFT_MODULE(v);
        if (hc_dev_mode(dev, module) < 0)
            ctrl_error = 3;
    } else if (!data_over) {
        if (!tail_tick)
            tail_tick = t;
        else if (t - tail_tick >= OFDM_TAIL_TICKS) {
            data_over = 1;
            ofdm_tail();
        }
    }
}

static void ofdm_ctrl(uint32_t bits)
{
    if (bits & VIRQ_DEV_BIT(OFDM_DEV_QAM))
        ofdm_dev_event(OFDM_DEV_QAM);
    if (bits & VIRQ_DEV_BIT(OFDM_DEV_IFFT))
        ofdm_dev_event(OFDM_DEV_IFFT);
    if (bits & VIRQ_BIT(HV_VIRQ_TIMER))
        ofdm_sense();
}

#define OFDM_VIRQS (VIRQ_DEV_BIT(OFDM_DEV_QAM) | VIRQ_DEV_BIT(OFDM_DEV_IFFT) | VIRQ_BIT(HV_VIRQ_TIMER))

/* Main loop's idle: wait for control work with upcalls masked and do it;
 * upcalls on again afterwards when reenable. */
static void ofdm_idle(int reenable)
{
    virq_enable(0);
    int32_t bits = hc_wait(OFDM_VIRQS);
    if (bits > 0)
        ofdm_ctrl((uint32_t)bits);
    if (reenable)
        virq_enable(OFDM_VIRQS);
}

/* ---- checker ---- */

#define OFDM_WIN 32768u   /* symbols: >= 8192 + two data frames at QAM4 */
static uint32_t win[OFDM_WIN];      /* symbols [win_base, win_base + win_len) */
static uint32_t win_base, win_len;
static uint32_t gen_frame;          /* next frame to append to the window */
static uint32_t golden[8192], work[8192];
static uint32_t chk_k = 2, chk_l = 8;   /* configuration the checker settled on */
static uint32_t chk_switch;             /* index of the first unresolved switch */
static uint32_t stream_pos;             /* first symbol not yet covered by a checked IFFT frame */
static uint32_t produced;               /* symbols of frames appended so far (window end) */
static uint32_t ifft_frames_ok, ifft_frames_bad, resolved;

/* Append frames to the window until it holds `need` symbols from pos. */
static int win_fill(uint32_t pos, uint32_t need)
{
    while (win_base + win_len < pos + need) {
        if (gen_frame >= nframes)
            return -1;
        ofdm_frame *fr = &frames[gen_frame];
        uint32_t nsym = (uint32_t)pl_qam_out_symbols(chk_k, fr->bits);
        if (pos > win_base) {   /* drop what is behind pos */
            uint32_t drop = pos - win_base;
            if (drop > win_len)
                drop = win_len;
            for (uint32_t i = 0; i + drop < win_len; i++)
                win[i] = win[i + drop];
            win_base += drop;
            win_len -= drop;
        }
        if (win_len + nsym > OFDM_WIN)
            return -2;
        fr->k = (uint8_t)chk_k;
        fr->start = win_base + win_len;
        pl_qam_map(chk_k, fr->bits, fr->in, win + win_len);
        win_len += nsym;
        produced = win_base + win_len;
        gen_frame++;
    }
    return 0;
}

/* Regenerate the window from frame s on with k bits per symbol. */
static void win_redo(uint32_t s, uint32_t k)
{
    win_len = frames[s].start - win_base;
    gen_frame = s;
    produced = win_base + win_len;
    chk_k = k;
}

static int ofdm_cmp(const uint32_t *a, const uint32_t *b, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return 1;
    return 0;
}

/* Does output frame f of job j match the stream at stream_pos with 2^l
 * samples? -1: the stream does not hold enough symbols yet (never for a
 * completed frame unless a hypothesis is wrong). */
static int ofdm_try(const ofdm_ijob *jb, uint32_t f, uint32_t l)
{
    uint32_t n = 1u << l;
    if (win_fill(stream_pos, n) < 0)
        return -1;
    gifft_run(l, win + (stream_pos - win_base), golden, work);
    return ofdm_cmp(golden, jb->dst + f * n, n) == 0;
}

/* Mark the data frames overlapping [a, b) bad. */
static void ofdm_mark_bad(uint32_t a, uint32_t b)
{
    for (uint32_t i = 0; i < gen_frame; i++) {
        uint32_t s = frames[i].start;
        uint32_t e = s + (uint32_t)pl_qam_out_symbols(frames[i].k, frames[i].bits);
        if (s < b && e > a)
            frames[i].bad = 1;
    }
}

/* Check output frame f of IFFT job j. */
static void ofdm_check_frame(const ofdm_ijob *jb, uint32_t f)
{
    int ok = ofdm_try(jb, f, chk_l);
    if (ok != 1 && chk_switch < nswitches) {
        ofdm_switch *sw = &switches[chk_switch];
        if (sw->dev == OFDM_DEV_IFFT) {
            if (ofdm_try(jb, f, sw->value) == 1) {
                chk_l = sw->value;
                chk_switch++;
                resolved++;
                ok = 1;
            }
        } else {
            /* the new QAM order starts at one of the data frames that begin
             * inside this IFFT frame (under the old order) */
            uint32_t n = 1u << chk_l, keep_k = chk_k, cand[8], nc = 0;
            win_fill(stream_pos, n);
            for (uint32_t s = 0; s < gen_frame && nc < 8u; s++)
                if (frames[s].start >= stream_pos && frames[s].start < stream_pos + n)
                    cand[nc++] = s;
            for (uint32_t c = 0; c < nc && ok != 1; c++) {
                win_redo(cand[c], sw->value);
                if (ofdm_try(jb, f, chk_l) == 1) {
                    chk_switch++;
                    resolved++;
                    ok = 1;
                } else {
                    win_redo(cand[c], keep_k);
                    win_fill(stream_pos, n);
                }
            }
        }
    }
    uint32_t n = 1u << chk_l;
    if (ok == 1) {
        ifft_frames_ok++;
    } else {
        if (ifft_frames_bad < 4)
            rt_printf("ofdm: IFFT frame %u of job %u (N %u) differs from the golden model\n",
                      f, (unsigned)(jb - ijobs), n);
        ifft_frames_bad++;
        win_fill(stream_pos, n);
        ofdm_mark_bad(stream_pos, stream_pos + n);
    }
    stream_pos += n;
}

/* Check every frame that is complete: all frames of done jobs, and the
 * first `progress` frames of the running one. Returns frames checked. */
static uint32_t ckjob, ckframe;
static uint32_t ofdm_check_ready(void)
{
    uint32_t did = 0;
    while (ckjob < nijobs) {
        ofdm_ijob *jb = &ijobs[ckjob];
        uint32_t limit;
        if (jb->done) {
            limit = jb->frames;
        } else if (ckjob == nijobs - 1) {
            limit = vdev_read(OFDM_DEV_IFFT, PL_IF_PROGRESS);
            if (jb->done)   /* finished meanwhile */
                limit = jb->frames;
            if (limit > jb->frames)
                limit = jb->frames;
        } else {
            break;
        }
        if (ckframe >= limit)
            break;
        ofdm_check_frame(jb, ckframe++);
        did++;
        if (ckframe == jb->frames) {
            ckjob++;
            ckframe = 0;
        }
    }
    return did;
}

/* Symbols the QAM has produced: every frame started so far, appended to
 * the window (all of them are settled at the end: no switch is pending). */
static uint32_t ofdm_produced(void)
{
    uint32_t need = 0;
    for (uint32_t i = gen_frame; i < nframes; i++)
        need += (uint32_t)pl_qam_out_symbols(chk_k, frames[i].bits);
    if (need && win_fill(stream_pos, produced - stream_pos + need) < 0)
        ctrl_error = 6;
    return produced;
}

/* End of data (upcalls masked): let the QAM finish, then complete the last
 * IFFT job with zero padding (ordinary OFDM practice) so that every data
 * frame's symbols come out of the IFFT. */
static void ofdm_drain(void)
{
    while (qam_busy)
        ofdm_idle(0);
    for (unsigned guard = 0; guard < 16u && !ctrl_error; guard++) {
        while (ofdm_check_ready())
            ;
        uint32_t remaining = ofdm_produced() - stream_pos;
        uint32_t n = 1u << chk_l;
        if (ifft_busy) {
            ofdm_ijob *jb = &ijobs[nijobs - 1];
            uint32_t p = ckjob == nijobs - 1u ? ckframe : jb->frames;
            uint32_t want = (jb->frames - p) * n;
            if (want > remaining && (chk_k != cur_k || ofdm_send_pad(want - remaining) < 0))
                return;
            while (ifft_busy || qam_busy)
                ofdm_idle(0);
        } else if (remaining) {
            if (ofdm_start_ifft((remaining + n - 1u) / n) < 0)
                return;
        } else {
            return;
        }
    }
}

int main(unsigned vm_id, unsigned slot, unsigned ndev)
{
    if (ndev < 2) {
        rt_printf("ofdm: vm %u slot %u: needs a QAM and an IFFT device, has %u\n", vm_id, slot, ndev);
        return 2;
    }
    if (rt_phys_base() == 0) {
        rt_printf("ofdm: physical base of the RAM unknown\n");
        return 5;
    }
    arena = rt_heap_base();
    {
        uint32_t sp;
        __asm__ volatile("mov %0, sp" : "=r"(sp));
        arena_end = (uint8_t *)(uintptr_t)(sp - 0x10000u);   /* 64 KiB of stack */
    }
    rt_printf("ofdm: vm %u: QAM4/IFFT256 pipeline, %u sensor steps, frames of %u bits\n",
              vm_id, (unsigned)OFDM_STEPS, OFDM_BITS);

    qam_scratch = ofdm_alloc(OFDM_QAM_JOB_FRAMES * ((OFDM_BITS + 1u) / 2u) * 4u);
    virq_set_handler(ofdm_ctrl);
    virq_enable(0);
    /* first stores fault: the VDM allocates both devices (IFFT first, so
     * the stream has its sink) */
    if (ofdm_start_ifft(0) < 0)
        return 6;
    ofdm_start_qam();
    virq_timer(OFDM_SENSE_US);
    virq_enable(OFDM_VIRQS);

    /* check while the data flows and while control pads the end */
    while (!data_over || !tail_done || qam_busy || ifft_busy) {
        if (ctrl_error)
            break;
        if (!ofdm_check_ready())
            ofdm_idle(1);
    }
    virq_enable(0);
    ofdm_drain();   /* nothing left to do unless control's records were wrong */
    virq_timer(0);
    virq_enable(0);
    while (ofdm_check_ready())
        ;

    uint32_t total = 0, ok = 0, lost = 0;
    for (uint32_t i = 0; i < nframes; i++) {
        if (frames[i].pad)
            continue;
        total++;
        if (i >= gen_frame ||
            frames[i].start + pl_qam_out_symbols(frames[i].k, frames[i].bits) > stream_pos)
            lost++;
        else if (!frames[i].bad)
            ok++;
    }
    rt_printf("ofdm: %u data frames, %u ok, %u lost; %u IFFT frames ok, %u wrong; "
              "%u of %u switches seen in the output; sensor steps %u/%u; error %u%s\n",
              total, ok, lost, ifft_frames_ok, ifft_frames_bad, resolved, (unsigned)nswitches,
              (unsigned)step, (unsigned)OFDM_STEPS, (unsigned)ctrl_error,
              tail_fallback ? " (end padded by the checker)" : "");
    rt_metric("ofdm.frames_total", (int32_t)total);
    rt_metric("ofdm.frames_ok", (int32_t)ok);
    rt_metric("ofdm.frames_lost", (int32_t)lost);
    rt_metric("ofdm.ifft_frames_wrong", (int32_t)ifft_frames_bad);
    rt_metric("ofdm.switches", (int32_t)resolved);
    int rc = (ok == total && lost == 0 && ifft_frames_bad == 0 && !ctrl_error &&
              step == OFDM_STEPS && resolved == nswitches) ? 0 : 1;
    return rc;
}
