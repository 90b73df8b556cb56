// DevCfg / PCAP: reset values, lock/unlock, PROG_B/INIT, the Xilinx
// standalone (Ker-ONE) and Linux zynq-fpga sequences replayed as register
// accesses with time advancing, transfer time = bytes / rate, queue-full,
// last flag, error paths, loopback and back-pressure.
#include <gtest/gtest.h>

#include <functional>

#include "test_support.h"
extern "C" {
#include "devcfg.h"
#include "slcr.h"
}

namespace {
const uint64_t RATE = 130000000ull;  // bytes/s (paper)

// Ceil(bytes * 1e12 / rate): when the last of `bytes` has crossed the port.
zynq_time_ps xfer_ps(uint64_t bytes, uint64_t rate = RATE) {
    return zynq_muldiv_ceil(bytes, ZYNQ_PS_PER_S, rate);
}

class Devcfg : public ::testing::Test {
protected:
    devcfg dc;
    IrqProbe p;
    LogCapture log;
    std::vector<uint8_t> ddr = std::vector<uint8_t>(36u << 20);  // 36 MiB: Ker-ONE's 0x02001000 fits
    std::vector<uint32_t> words;
    std::vector<zynq_time_ps> word_times;
    std::function<bool(uint32_t, zynq_time_ps)> accept;  // back-pressure hook

    static zynq_status mread(void *o, uint32_t a, void *buf, uint32_t len) {
        auto *t = static_cast<Devcfg *>(o);
        if ((uint64_t)a + len > t->ddr.size()) return ZYNQ_SLVERR;
        memcpy(buf, &t->ddr[a], len);
        return ZYNQ_OK;
    }
    static zynq_status mwrite(void *o, uint32_t a, const void *buf, uint32_t len) {
        auto *t = static_cast<Devcfg *>(o);
        if ((uint64_t)a + len > t->ddr.size()) return ZYNQ_SLVERR;
        memcpy(&t->ddr[a], buf, len);
        return ZYNQ_OK;
    }
    static bool pcap(void *o, uint32_t w, zynq_time_ps t) {
        auto *d = static_cast<Devcfg *>(o);
        if (d->accept && !d->accept(w, t)) return false;
        d->words.push_back(w);
        d->word_times.push_back(t);
        return true;
    }
    void make(const devcfg_config *cfg = nullptr) {
        devcfg_init(&dc, "devcfg", cfg);
        devcfg_set_irq(&dc, p.line(40));
        devcfg_set_mem(&dc, &mread, &mwrite, this);
        devcfg_set_pcap_sink(&dc, &pcap, this);
        log.attach(&dc.dev);
    }
    void SetUp() override {
        for (size_t i = 0; i < ddr.size(); i += 4) {
            uint32_t v = (uint32_t)(i * 2654435761u) ^ 0xAA995566u;
            memcpy(&ddr[i], &v, 4);
        }
        make();
    }
    uint32_t r(uint32_t off) { return rd(&dc.dev, off); }
    void w(uint32_t off, uint32_t v) { wr(&dc.dev, off, v); }
    void at(zynq_time_ps t) { zynq_dev_advance(&dc.dev, t); }
    zynq_time_ps now() const { return dc.dev.now; }
    void queue(uint32_t src, uint32_t dst, uint32_t slen, uint32_t dlen) {
        w(DEVCFG_DMA_SRC_ADDR, src);
        w(DEVCFG_DMA_DST_ADDR, dst);
        w(DEVCFG_DMA_SRC_LEN, slen);
        w(DEVCFG_DMA_DEST_LEN, dlen);
    }
    uint32_t ddr_word(uint32_t a) const {
        uint32_t v;
        memcpy(&v, &ddr[a], 4);
        return v;
    }
    // Poll INT_STS every `step` until `bits` are all set; returns the time.
    zynq_time_ps poll(uint32_t bits, zynq_time_ps step, zynq_time_ps limit) {
        while ((r(DEVCFG_INT_STS) & bits) != bits) {
            if (now() > limit) return ZYNQ_TIME_NEVER;
            at(now() + step);
        }
        return now();
    }
    // Jump to the next event the model announces (WFI fast-forward).
    void next() {
        zynq_time_ps t = zynq_dev_next_event(&dc.dev);
        ASSERT_NE(t, ZYNQ_TIME_NEVER);
        at(t);
    }
};
}  // namespace

TEST_F(Devcfg, ResetValues) {
    EXPECT_EQ(r(DEVCFG_CTRL), 0x0C006000u);
    EXPECT_EQ(r(DEVCFG_LOCK), 0u);
    EXPECT_EQ(r(DEVCFG_CFG), 0x508u);
    EXPECT_EQ(r(DEVCFG_INT_MASK), 0xFFFFFFFFu);
    // Cold PL: PROG_B = 0 so no INIT; DONE low so no GTS_USR_B (see README).
    EXPECT_EQ(r(DEVCFG_STATUS), DEVCFG_STATUS_DMA_Q_E | DEVCFG_STATUS_CFG_RESET_B);
    EXPECT_EQ(r(DEVCFG_INT_STS), DEVCFG_INT_PSS_CFG_RESET_B | DEVCFG_INT_WR_FIFO_LVL);
    EXPECT_EQ(r(DEVCFG_MCTRL), 0x30800100u);
    EXPECT_EQ(r(DEVCFG_UNLOCK), 0u);
    EXPECT_EQ(p.level[40], 0);
    EXPECT_EQ(zynq_dev_next_event(&dc.dev), ZYNQ_TIME_NEVER);
    uint32_t v;
    EXPECT_EQ(zynq_dev_read(&dc.dev, DEVCFG_CTRL, 1, &v), ZYNQ_SLVERR);
}

TEST_F(Devcfg, UnlockKeyAndIllegalAccess) {
    w(DEVCFG_UNLOCK, DEVCFG_UNLOCK_KEY);
    w(DEVCFG_SW_ID, 0x1234);
    EXPECT_EQ(r(DEVCFG_SW_ID), 0x1234u);
    w(DEVCFG_UNLOCK, 0x12345678);
    EXPECT_TRUE(r(DEVCFG_STATUS) & DEVCFG_STATUS_ILLEGAL_APB);
    EXPECT_EQ(zynq_dev_write(&dc.dev, DEVCFG_SW_ID, 4, 0), ZYNQ_SLVERR);
    EXPECT_EQ(r(DEVCFG_SW_ID), 0x1234u);
    zynq_dev_reset(&dc.dev);
    EXPECT_FALSE(r(DEVCFG_STATUS) & DEVCFG_STATUS_ILLEGAL_APB);
}

TEST_F(Devcfg, LockIsSetOnlyAndProtectsCtrlFields) {
    w(DEVCFG_LOCK, 0x1);  // DBG_LOCK: CTRL[6:0]
    w(DEVCFG_LOCK, 0x4);  // SEU_LOCK: CTRL[8]
    EXPECT_EQ(r(DEVCFG_LOCK), 0x5u);
    w(DEVCFG_LOCK, 0);
    EXPECT_EQ(r(DEVCFG_LOCK), 0x5u);
    w(DEVCFG_CTRL, 0x0C006000u | 0x7Fu | 0x100u | DEVCFG_CTRL_PCFG_PROG_B);
    EXPECT_EQ(r(DEVCFG_CTRL), 0x0C006000u | DEVCFG_CTRL_PCFG_PROG_B);
    w(DEVCFG_CTRL, 0x80);  // SEC_EN is read-only
    EXPECT_EQ(r(DEVCFG_CTRL) & 0x80u, 0u);
}

TEST_F(Devcfg, ProgBPulseDrivesInitWithHousecleaningDelay) {
    devcfg_config cfg;
    devcfg_default_config(&cfg);
    cfg.init_delay_ps = 5000000;  // 5 us
    make(&cfg);
    w(DEVCFG_CTRL, r(DEVCFG_CTRL) | DEVCFG_CTRL_PCFG_PROG_B);
    EXPECT_FALSE(r(DEVCFG_STATUS) & DEVCFG_STATUS_PCFG_INIT);
    EXPECT_EQ(zynq_dev_next_event(&dc.dev), 5000000u);
    at(4999999);
    EXPECT_FALSE(r(DEVCFG_STATUS) & DEVCFG_STATUS_PCFG_INIT);
    at(5000000);
    EXPECT_TRUE(r(DEVCFG_STATUS) & DEVCFG_STATUS_PCFG_INIT);
    EXPECT_TRUE(r(DEVCFG_INT_STS) & DEVCFG_INT_PCFG_INIT_PE);
    w(DEVCFG_CTRL, r(DEVCFG_CTRL) & ~DEVCFG_CTRL_PCFG_PROG_B);
    EXPECT_FALSE(r(DEVCFG_STATUS) & DEVCFG_STATUS_PCFG_INIT);
    EXPECT_TRUE(r(DEVCFG_INT_STS) & DEVCFG_INT_PCFG_INIT_NE);
}

// Ker-ONE's path: XDcfg_Transfer(src, 0x20939 words, 0xFFFFFFFF, 0,
// NON_SECURE_PCAP_WRITE) then busy-poll D_P_DONE.
TEST_F(Devcfg, XilinxStandaloneTransferKerOne) {
    devcfg_fsbl_state(&dc);
    at(1000000);  // 1 us after boot
    const uint32_t src = 0x02001000, nwords = 0x20939;
    // init: PCAP enable + PCAP_PR
    w(DEVCFG_CTRL, r(DEVCFG_CTRL) | DEVCFG_CTRL_PCAP_PR | DEVCFG_CTRL_PCAP_MODE);
    w(DEVCFG_INT_STS, DEVCFG_INT_D_P_DONE);  // clear D_P_DONE
    // XDcfg_Transfer checks
    ASSERT_FALSE(r(DEVCFG_STATUS) & DEVCFG_STATUS_DMA_Q_F);
    ASSERT_TRUE(r(DEVCFG_STATUS) & DEVCFG_STATUS_PCFG_INIT);  // QEMU gotcha 1
    w(DEVCFG_MCTRL, r(DEVCFG_MCTRL) & ~DEVCFG_MCTRL_INT_PCAP_LPBK);
    w(DEVCFG_CTRL, r(DEVCFG_CTRL) & ~DEVCFG_CTRL_QUARTER_RATE);
    const zynq_time_ps t0 = now();
    queue(src, DEVCFG_INVALID_ADDR, nwords, 0);
    EXPECT_FALSE(r(DEVCFG_STATUS) & DEVCFG_STATUS_DMA_Q_E);
    zynq_time_ps done = poll(DEVCFG_INT_D_P_DONE, 1000000 /* 1 us */, 10 * ZYNQ_PS_PER_S / 1000);
    ASSERT_NE(done, ZYNQ_TIME_NEVER);
    const zynq_time_ps expect = t0 + xfer_ps(4ull * nwords);  // ~4.137 ms
    EXPECT_GE(done, expect);
    EXPECT_LT(done, expect + 1000000);
    EXPECT_TRUE(r(DEVCFG_INT_STS) & DEVCFG_INT_DMA_DONE);
    ASSERT_EQ(words.size(), nwords);
    for (uint32_t i = 0; i < nwords; i += 997) EXPECT_EQ(words[i], ddr_word(src + 4 * i));
    EXPECT_EQ(words.back(), ddr_word(src + 4 * (nwords - 1)));
    EXPECT_EQ(word_times.back(), expect);
    const devcfg_stats *st = devcfg_get_stats(&dc);
    EXPECT_EQ(st->pcap_bytes, 4ull * nwords);
    EXPECT_EQ(st->commands_done, 1u);
    EXPECT_EQ(st->last_end - st->last_start, xfer_ps(4ull * nwords));
    // Ker-ONE then clears D_P_DONE, PCFG_DONE, DMA_DONE: PCFG_DONE stays
    // because DONE is high (its cause has not gone away).
    w(DEVCFG_INT_STS, DEVCFG_INT_D_P_DONE | DEVCFG_INT_PCFG_DONE | DEVCFG_INT_DMA_DONE);
    EXPECT_EQ(r(DEVCFG_INT_STS) & (DEVCFG_INT_D_P_DONE | DEVCFG_INT_DMA_DONE), 0u);
    EXPECT_TRUE(r(DEVCFG_INT_STS) & DEVCFG_INT_PCFG_DONE);
}

// Issue 5 item 8: a 1 MiB transfer at 130 MB/s takes 8.066 ms to within one
// PL cycle (10 ns at 100 MHz); reached by fast-forwarding on next_event().
TEST_F(Devcfg, OneMiBTakes8066usAndIrqAtDPDone) {
    devcfg_fsbl_state(&dc);
    w(DEVCFG_INT_STS, 0xFFFFFFFF);
    w(DEVCFG_INT_MASK, ~DEVCFG_INT_D_P_DONE);
    queue(0x100000, DEVCFG_INVALID_ADDR, (1u << 20) / 4, 0);
    EXPECT_EQ(p.level[40], 0);
    int hops = 0;
    while (p.level[40] == 0 && hops < 10) {
        next();
        hops++;
    }
    ASSERT_EQ(p.level[40], 1);
    EXPECT_LE(hops, 3);  // DMA_DONE (AXI side), then D_P_DONE
    const double ms = (double)now() / 1e9;
    EXPECT_NEAR(ms, 8.066, 0.0005);
    // 1,048,576 B / 130e6 B/s = 8,065,969,230.8 ps: within one 100 MHz PL cycle.
    EXPECT_LE(now() - 8065969230ull, 10000u);
    EXPECT_EQ(now(), xfer_ps(1u << 20));
    EXPECT_EQ(words.size(), (1u << 20) / 4);
    w(DEVCFG_INT_STS, DEVCFG_INT_D_P_DONE);
    EXPECT_EQ(p.level[40], 0);
}

// Linux drivers/fpga/zynq-fpga.c replayed as register accesses (F1.3):
// write_init (full: FPGA resets, level shifters 0 then 0xA, PROG_B pulse
// with PCFG_INIT polls; partial: none of that), PCAP_PR|PCAP_MODE, Q_F
// check, loopback off; zynq_step_dma queues scatter-gather chunks until
// Q_F, the last one with DMA_SRC_LAST_TRANSFER and the IRQ switched to
// D_P_DONE; the ISR refills on DMA_DONE while chunks remain, otherwise
// completes; ops_write checks D_P_DONE; write_complete polls PCFG_DONE,
// then (full) level shifters 0xF and resets released.
struct LinuxRun {
    zynq_time_ps t_start = 0, t_complete = 0;
    uint32_t chunks_queued = 0;
    bool saw_qf = false, dpdone_ok = false, pcfg_done = false;
    std::vector<uint32_t> lvl;  // LVL_SHFTR_EN writes seen by the SLCR
};

class DevcfgLinux : public Devcfg {
protected:
    slcr sl;
    static const uint32_t IXR_ALL = 0xF8F7F87F, ERR = 0x00F0C860;
    void set_irq(uint32_t enable) { w(DEVCFG_INT_MASK, ~enable); }
    // Poll `reg` until (value & mask) == want, 1 us per poll, 10 ms max.
    bool poll_reg(uint32_t reg, uint32_t mask, uint32_t want) {
        for (int i = 0; i < 10000; i++) {
            if ((r(reg) & mask) == want) return true;
            at(now() + 1000000);
        }
        return false;
    }
    LinuxRun load(bool partial, uint32_t base, uint32_t chunk, uint32_t nchunks) {
        LinuxRun run;
        slcr_init(&sl, "slcr", 0);
        slcr_callbacks cb = {};
        cb.lvl_shftr = [](void *o, uint32_t v) { static_cast<LinuxRun *>(o)->lvl.push_back(v); };
        cb.opaque = &run;
        slcr_set_callbacks(&sl, &cb);
        w(DEVCFG_UNLOCK, DEVCFG_UNLOCK_KEY);  // probe
        run.t_start = now();
        // --- write_init
        if (!partial) {
            wr(&sl.dev, SLCR_UNLOCK, SLCR_UNLOCK_KEY);
            wr(&sl.dev, SLCR_FPGA_RST_CTRL, 0xF);
            wr(&sl.dev, SLCR_LVL_SHFTR_EN, 0x0);
            wr(&sl.dev, SLCR_LVL_SHFTR_EN, 0xA);
            wr(&sl.dev, SLCR_LOCK, SLCR_LOCK_KEY);
            w(DEVCFG_CTRL, r(DEVCFG_CTRL) | DEVCFG_CTRL_PCFG_PROG_B);
            EXPECT_TRUE(poll_reg(DEVCFG_STATUS, DEVCFG_STATUS_PCFG_INIT, DEVCFG_STATUS_PCFG_INIT));
            w(DEVCFG_CTRL, r(DEVCFG_CTRL) & ~DEVCFG_CTRL_PCFG_PROG_B);
            EXPECT_TRUE(poll_reg(DEVCFG_STATUS, DEVCFG_STATUS_PCFG_INIT, 0));
            w(DEVCFG_CTRL, r(DEVCFG_CTRL) | DEVCFG_CTRL_PCFG_PROG_B);
            EXPECT_TRUE(poll_reg(DEVCFG_STATUS, DEVCFG_STATUS_PCFG_INIT, DEVCFG_STATUS_PCFG_INIT));
        }
        w(DEVCFG_CTRL, r(DEVCFG_CTRL) | DEVCFG_CTRL_PCAP_PR | DEVCFG_CTRL_PCAP_MODE);
        EXPECT_FALSE(r(DEVCFG_STATUS) & DEVCFG_STATUS_DMA_Q_F);
        w(DEVCFG_MCTRL, r(DEVCFG_MCTRL) & ~DEVCFG_MCTRL_INT_PCAP_LPBK);
        // --- write
        uint32_t next_chunk = 0;
        bool have_sg = true;  // priv->cur_sg != NULL
        auto step_dma = [&](bool first) {
            while (have_sg) {
                if (r(DEVCFG_STATUS) & DEVCFG_STATUS_DMA_Q_F) {
                    run.saw_qf = true;
                    break;
                }
                uint32_t addr = base + next_chunk * chunk;
                if (next_chunk + 1 == nchunks) {
                    addr |= 1;  // DMA_SRC_LAST_TRANSFER
                    have_sg = false;
                }
                next_chunk++;
                queue(addr, DEVCFG_INVALID_ADDR, chunk / 4, 0);
                run.chunks_queued++;
            }
            if (first && have_sg)
                set_irq(DEVCFG_INT_DMA_DONE | ERR);
            else if (!have_sg)
                set_irq(DEVCFG_INT_D_P_DONE | ERR);
        };
        w(DEVCFG_INT_STS, IXR_ALL);
        step_dma(true);
        bool completed = false;
        for (int guard = 0; guard < 1000 && !completed; guard++) {
            next();  // sleep until the next event
            if (!p.level[40]) continue;
            // zynq_fpga_isr
            uint32_t sts = r(DEVCFG_INT_STS);
            if (!(sts & ERR) && (sts & DEVCFG_INT_DMA_DONE) && have_sg) {
                w(DEVCFG_INT_STS, DEVCFG_INT_DMA_DONE);
                step_dma(false);
                continue;
            }
            set_irq(0);
            completed = true;
        }
        EXPECT_TRUE(completed);
        run.t_complete = now();
        uint32_t sts = r(DEVCFG_INT_STS);
        w(DEVCFG_INT_STS, IXR_ALL);
        run.dpdone_ok = (sts & DEVCFG_INT_D_P_DONE) && !(sts & ERR);
        // --- write_complete
        run.pcfg_done = poll_reg(DEVCFG_INT_STS, DEVCFG_INT_PCFG_DONE, DEVCFG_INT_PCFG_DONE);
        if (!partial) {
            wr(&sl.dev, SLCR_UNLOCK, SLCR_UNLOCK_KEY);
            wr(&sl.dev, SLCR_LVL_SHFTR_EN, 0xF);
            wr(&sl.dev, SLCR_FPGA_RST_CTRL, 0);
            wr(&sl.dev, SLCR_LOCK, SLCR_LOCK_KEY);
        }
        return run;
    }
};

TEST_F(DevcfgLinux, PartialReconfigurationChain) {
    devcfg_fsbl_state(&dc);
    const uint32_t base = 0x200000, chunk = 64 * 1024, nchunks = 6;
    LinuxRun run = load(true, base, chunk, nchunks);
    EXPECT_TRUE(run.saw_qf);
    EXPECT_EQ(run.chunks_queued, nchunks);
    EXPECT_TRUE(run.dpdone_ok);
    EXPECT_TRUE(run.pcfg_done);  // DONE stays high in a partial load
    // The queue was refilled in time, so the stream never idled: the whole
    // chain takes exactly bytes / rate.
    EXPECT_EQ(run.t_complete - run.t_start, xfer_ps((uint64_t)chunk * nchunks));
    ASSERT_EQ(words.size(), chunk * nchunks / 4);
    for (size_t i = 0; i < words.size(); i += 1013)
        EXPECT_EQ(words[i], ddr_word(base + 4 * (uint32_t)i));
    EXPECT_EQ(words.back(), ddr_word(base + chunk * nchunks - 4));
    EXPECT_EQ(devcfg_get_stats(&dc)->commands_done, nchunks);
    EXPECT_TRUE(run.lvl.empty());
}

TEST_F(DevcfgLinux, FullReconfigurationWithSlcr) {
    devcfg_config cfg;
    devcfg_default_config(&cfg);
    cfg.init_delay_ps = 20000000;  // 20 us housecleaning
    make(&cfg);
    devcfg_fsbl_state(&dc);
    const uint32_t base = 0x400000, chunk = 32 * 1024, nchunks = 3;
    LinuxRun run = load(false, base, chunk, nchunks);
    EXPECT_EQ(run.chunks_queued, nchunks);
    EXPECT_TRUE(run.dpdone_ok);
    EXPECT_TRUE(run.pcfg_done);
    EXPECT_EQ(run.lvl, (std::vector<uint32_t>{0x0, 0xA, 0xF}));
    EXPECT_EQ(rd(&sl.dev, SLCR_FPGA_RST_CTRL), 0u);
    EXPECT_EQ(words.size(), chunk * nchunks / 4);
    // INIT was already high (FSBL state); after the PROG_B pulse the poll
    // waits the 20 us housecleaning (1 us polls land on it exactly), then
    // the chain streams without a gap.
    EXPECT_EQ(run.t_complete - run.t_start, 20000000 + xfer_ps((uint64_t)chunk * nchunks));
}

// Full reconfiguration: PROG_B pulse clears DONE; the load sets it again.
TEST_F(Devcfg, FullReconfigurationDoneFollowsLoad) {
    devcfg_fsbl_state(&dc);
    EXPECT_TRUE(r(DEVCFG_INT_STS) & DEVCFG_INT_PCFG_DONE);
    w(DEVCFG_CTRL, r(DEVCFG_CTRL) & ~DEVCFG_CTRL_PCFG_PROG_B);
    EXPECT_FALSE(r(DEVCFG_STATUS) & DEVCFG_STATUS_PCFG_INIT);
    w(DEVCFG_CTRL, r(DEVCFG_CTRL) | DEVCFG_CTRL_PCFG_PROG_B);
    EXPECT_TRUE(r(DEVCFG_STATUS) & DEVCFG_STATUS_PCFG_INIT);
    w(DEVCFG_INT_STS, 0xFFFFFFFF);
    EXPECT_FALSE(r(DEVCFG_INT_STS) & DEVCFG_INT_PCFG_DONE);  // DONE low now
    EXPECT_FALSE(r(DEVCFG_STATUS) & DEVCFG_STATUS_GTS_USR_B);
    queue(0x1000 | 1, DEVCFG_INVALID_ADDR, 1024, 0);
    at(xfer_ps(4096) + now());
    EXPECT_TRUE(r(DEVCFG_INT_STS) & DEVCFG_INT_PCFG_DONE);
    EXPECT_TRUE(r(DEVCFG_STATUS) & DEVCFG_STATUS_GTS_USR_B);
}

TEST_F(Devcfg, LastFlagHoldsDmaDoneUntilPcapSideDone) {
    auto first_dma_done = [&](uint32_t srcflag, uint32_t dstval) {
        make();
        devcfg_fsbl_state(&dc);
        w(DEVCFG_INT_STS, 0xFFFFFFFF);
        queue(0x10000 | srcflag, dstval, 4096, 0);
        while (!(r(DEVCFG_INT_STS) & DEVCFG_INT_DMA_DONE)) next();
        return now();
    };
    const uint64_t n = 4096;
    // Without the flag DMA_DONE comes when the last word enters the
    // 127-word FIFO, i.e. when word n-127 has left it.
    zynq_time_ps plain = first_dma_done(0, DEVCFG_INVALID_ADDR);
    EXPECT_EQ(plain, xfer_ps(4 * (n - 127)));
    // Linux's last chunk (src|1, dst 0xFFFFFFFF: low bits 11) is not "last".
    zynq_time_ps linux_last = first_dma_done(1, DEVCFG_INVALID_ADDR);
    EXPECT_EQ(linux_last, plain);
    // Both low bit pairs 01: DMA_DONE waits for the PCAP side.
    zynq_time_ps last = first_dma_done(1, 0xFFFFFFFD);
    EXPECT_EQ(last, xfer_ps(4 * n));
    EXPECT_TRUE(r(DEVCFG_INT_STS) & DEVCFG_INT_D_P_DONE);
}

TEST_F(Devcfg, QueueTwoDeepOverflowAndDoneCount) {
    devcfg_fsbl_state(&dc);
    w(DEVCFG_INT_STS, 0xFFFFFFFF);
    queue(0x1000, DEVCFG_INVALID_ADDR, 1000, 0);
    EXPECT_FALSE(r(DEVCFG_STATUS) & DEVCFG_STATUS_DMA_Q_F);
    queue(0x8000, DEVCFG_INVALID_ADDR, 1000, 0);
    EXPECT_TRUE(r(DEVCFG_STATUS) & DEVCFG_STATUS_DMA_Q_F);
    queue(0x10000, DEVCFG_INVALID_ADDR, 1000, 0);
    EXPECT_TRUE(r(DEVCFG_INT_STS) & DEVCFG_INT_DMA_Q_OV);
    EXPECT_TRUE(log.contains("DMA_Q_OV"));
    at(now() + xfer_ps(8000) + 1);
    EXPECT_TRUE(r(DEVCFG_STATUS) & DEVCFG_STATUS_DMA_Q_E);
    EXPECT_EQ(words.size(), 2000u);  // the third command was dropped
    EXPECT_EQ((r(DEVCFG_STATUS) >> 28) & 3u, 2u);
    w(DEVCFG_STATUS, 3u << 28);
    EXPECT_EQ((r(DEVCFG_STATUS) >> 28) & 3u, 0u);
    EXPECT_EQ(devcfg_get_stats(&dc)->commands_failed, 1u);
}

TEST_F(Devcfg, DestLenIgnoredForPcapWriteNoHang) {
    // QEMU gotcha 2: DEST_LEN = SRC_LEN with no destination must complete.
    devcfg_fsbl_state(&dc);
    queue(0x4000, DEVCFG_INVALID_ADDR, 256, 256);
    at(xfer_ps(1024));
    EXPECT_TRUE(r(DEVCFG_INT_STS) & DEVCFG_INT_D_P_DONE);
    EXPECT_EQ(words.size(), 256u);
}

TEST_F(Devcfg, AxiReadErrorOnBadSource) {
    devcfg_fsbl_state(&dc);
    w(DEVCFG_INT_STS, 0xFFFFFFFF);
    w(DEVCFG_INT_MASK, ~DEVCFG_INT_AXI_RERR);
    queue(0x23FF000, DEVCFG_INVALID_ADDR, 0x10000, 0);  // runs past the 36 MiB DDR
    at(now() + xfer_ps(0x40000) + 1);
    EXPECT_TRUE(r(DEVCFG_INT_STS) & DEVCFG_INT_AXI_RERR);
    EXPECT_EQ(p.level[40], 1);
    EXPECT_FALSE(r(DEVCFG_INT_STS) & DEVCFG_INT_D_P_DONE);
    EXPECT_TRUE(r(DEVCFG_STATUS) & DEVCFG_STATUS_DMA_Q_E);
    EXPECT_LT(words.size(), 0x10000u);
    EXPECT_EQ(devcfg_get_stats(&dc)->commands_failed, 1u);
    // The engine is usable again afterwards.
    w(DEVCFG_INT_STS, 0xFFFFFFFF);
    queue(0x1000, DEVCFG_INVALID_ADDR, 16, 0);
    at(now() + xfer_ps(64));
    EXPECT_TRUE(r(DEVCFG_INT_STS) & DEVCFG_INT_D_P_DONE);
}

TEST_F(Devcfg, CommandErrors) {
    devcfg_fsbl_state(&dc);
    w(DEVCFG_INT_STS, 0xFFFFFFFF);
    // PCAP not selected (ICAP owns configuration).
    w(DEVCFG_CTRL, r(DEVCFG_CTRL) & ~DEVCFG_CTRL_PCAP_PR);
    queue(0x1000, DEVCFG_INVALID_ADDR, 16, 0);
    EXPECT_TRUE(r(DEVCFG_INT_STS) & DEVCFG_INT_DMA_CMD_ERR);
    EXPECT_TRUE(r(DEVCFG_STATUS) & DEVCFG_STATUS_DMA_Q_E);
    w(DEVCFG_CTRL, r(DEVCFG_CTRL) | DEVCFG_CTRL_PCAP_PR);
    w(DEVCFG_INT_STS, 0xFFFFFFFF);
    // Readback is not modelled: refused, logged.
    queue(DEVCFG_INVALID_ADDR, 0x1000, 0, 16);
    EXPECT_TRUE(r(DEVCFG_INT_STS) & DEVCFG_INT_DMA_CMD_ERR);
    EXPECT_TRUE(log.contains("readback"));
    w(DEVCFG_INT_STS, 0xFFFFFFFF);
    // Loopback with different lengths: P2D_LEN_ERR.
    w(DEVCFG_MCTRL, DEVCFG_MCTRL_INT_PCAP_LPBK);
    queue(0x1000, 0x200000, 16, 8);
    EXPECT_TRUE(r(DEVCFG_INT_STS) & DEVCFG_INT_P2D_LEN_ERR);
    EXPECT_EQ(devcfg_get_stats(&dc)->commands_failed, 3u);
}

TEST_F(Devcfg, LoopbackCopiesAtPcapRate) {
    devcfg_fsbl_state(&dc);
    w(DEVCFG_MCTRL, DEVCFG_MCTRL_INT_PCAP_LPBK);
    const uint32_t src = 0x10000, dst = 0x300000, n = 2048;
    ASSERT_NE(ddr_word(src), ddr_word(dst));
    queue(src, dst, n, n);
    at(xfer_ps(4 * n) - 1);
    EXPECT_FALSE(r(DEVCFG_INT_STS) & DEVCFG_INT_D_P_DONE);
    at(xfer_ps(4 * n));
    EXPECT_TRUE(r(DEVCFG_INT_STS) & DEVCFG_INT_D_P_DONE);
    EXPECT_EQ(memcmp(&ddr[src], &ddr[dst], 4 * n), 0);
    EXPECT_TRUE(words.empty());  // nothing went to the PL
    EXPECT_EQ(devcfg_get_stats(&dc)->loopback_bytes, 4ull * n);
}

TEST_F(Devcfg, QuarterRateTakesFourTimesLonger) {
    devcfg_fsbl_state(&dc);
    w(DEVCFG_CTRL, r(DEVCFG_CTRL) | DEVCFG_CTRL_QUARTER_RATE);
    queue(0x1000, DEVCFG_INVALID_ADDR, 1000, 0);
    at(xfer_ps(16000) - 1);
    EXPECT_FALSE(r(DEVCFG_INT_STS) & DEVCFG_INT_D_P_DONE);
    at(xfer_ps(16000));
    EXPECT_TRUE(r(DEVCFG_INT_STS) & DEVCFG_INT_D_P_DONE);
}

TEST_F(Devcfg, BackPressureDelaysByRefusedWordTimes) {
    devcfg_fsbl_state(&dc);
    int refusals = 0;
    accept = [&](uint32_t, zynq_time_ps) {
        // Refuse word 10 three times.
        if (words.size() == 10 && refusals < 3) {
            refusals++;
            return false;
        }
        return true;
    };
    const uint32_t n = 1000;
    queue(0x1000, DEVCFG_INVALID_ADDR, n, 0);
    while (!(r(DEVCFG_INT_STS) & DEVCFG_INT_D_P_DONE)) next();
    EXPECT_EQ(refusals, 3);
    ASSERT_EQ(words.size(), n);
    const zynq_time_ps W = xfer_ps(4);  // one word time, rounded up
    EXPECT_EQ(word_times[10], xfer_ps(4 * 11) + 3 * W);
    // Later words keep the rate from the accepted word.
    EXPECT_EQ(word_times[11], word_times[10] + W);
    EXPECT_NEAR((double)now(), (double)(xfer_ps(4 * n) + 3 * W), 3.0);
    EXPECT_EQ(devcfg_get_stats(&dc)->stall_count, 1u);
}

TEST_F(Devcfg, BackPressureReleasedByKick) {
    devcfg_fsbl_state(&dc);
    bool ready = false;
    accept = [&](uint32_t, zynq_time_ps) { return ready || words.size() < 5; };
    queue(0x1000, DEVCFG_INVALID_ADDR, 100, 0);
    at(1000000000);  // 1 ms: stalled at word 5 all along
    EXPECT_EQ(words.size(), 5u);
    EXPECT_FALSE(r(DEVCFG_INT_STS) & DEVCFG_INT_D_P_DONE);
    ready = true;
    devcfg_pcap_kick(&dc);
    EXPECT_EQ(devcfg_next_word_time(&dc), 1000000000u);
    at(1000000000);
    EXPECT_EQ(word_times[5], 1000000000u);
    at(1000000000 + xfer_ps(4 * 95));
    EXPECT_TRUE(r(DEVCFG_INT_STS) & DEVCFG_INT_D_P_DONE);
}

TEST_F(Devcfg, StreamStallsWhileInitLowThenResumes) {
    w(DEVCFG_CTRL, r(DEVCFG_CTRL) | DEVCFG_CTRL_PCFG_PROG_B);
    w(DEVCFG_CTRL, r(DEVCFG_CTRL) & ~DEVCFG_CTRL_PCFG_PROG_B);  // hold the PL
    queue(0x1000, DEVCFG_INVALID_ADDR, 64, 0);
    at(100000000);
    EXPECT_TRUE(words.empty());
    EXPECT_TRUE(log.contains("PCFG_INIT=0"));
    w(DEVCFG_CTRL, r(DEVCFG_CTRL) | DEVCFG_CTRL_PCFG_PROG_B);
    at(100000000 + 2 * xfer_ps(256));
    EXPECT_EQ(words.size(), 64u);
    EXPECT_TRUE(r(DEVCFG_INT_STS) & DEVCFG_INT_D_P_DONE);
}

TEST_F(Devcfg, SetupCostParameterAddsOnce) {
    devcfg_config cfg;
    devcfg_default_config(&cfg);
    cfg.setup_ps = 2000000;  // 2 us
    cfg.rate_bytes_per_s = 145000000;
    make(&cfg);
    devcfg_fsbl_state(&dc);
    queue(0x1000, DEVCFG_INVALID_ADDR, 1000, 0);
    queue(0x9000, DEVCFG_INVALID_ADDR, 1000, 0);  // back-to-back: no 2nd setup
    while (!(r(DEVCFG_STATUS) & DEVCFG_STATUS_DMA_Q_E) || words.size() < 2000) next();
    EXPECT_EQ(word_times.back(), 2000000 + xfer_ps(8000, 145000000));
}
