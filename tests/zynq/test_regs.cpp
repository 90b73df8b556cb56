// zynq_dev / zynq_regs helpers: masks, hooks, time conversion.
#include <gtest/gtest.h>

#include "test_support.h"
extern "C" {
#include "scu.h"
#include "zynq_regs.h"
}

namespace {
struct Owner {
    int post_calls = 0;
    uint32_t last_old = 0;
    bool veto = false;
};
bool pre(void *o, const zynq_reg_info *, uint32_t *v) {
    auto *w = static_cast<Owner *>(o);
    *v |= 0x100;  // hooks may adjust the value
    return !w->veto;
}
void post(void *o, const zynq_reg_info *, uint32_t old, uint32_t) {
    auto *w = static_cast<Owner *>(o);
    w->post_calls++;
    w->last_old = old;
}
uint32_t rdhook(void *, const zynq_reg_info *, uint32_t s) { return s ^ 0xFFFF0000u; }

const zynq_reg_info table[] = {
    {"A", 0x0, 0x12345678, 0xFF000000u, 0, 0, nullptr, nullptr, nullptr},
    {"B", 0x4, 0x000000FF, 0, 0x0000000Fu, 0, nullptr, nullptr, nullptr},
    {"C", 0x8, 0, 0, 0, 0, pre, post, nullptr},
    {"D", 0xC, 7, 0, 0, ZYNQ_REG_WO, nullptr, nullptr, nullptr},
    {"E", 0x10, 9, 0, 0, ZYNQ_REG_RO, nullptr, nullptr, rdhook},
};
}  // namespace

TEST(ZynqRegs, MasksAndHooks) {
    Owner o;
    uint32_t val[5];
    zynq_regs r;
    zynq_regs_init(&r, table, 5, val, &o, nullptr);
    zynq_regs_reset(&r);
    uint32_t v;
    ASSERT_TRUE(zynq_regs_read(&r, 0x0, &v));
    EXPECT_EQ(v, 0x12345678u);
    zynq_regs_write(&r, 0x0, 0xAABBCCDD);  // top byte read-only
    EXPECT_EQ(zynq_regs_get(&r, 0x0), 0x12BBCCDDu);
    zynq_regs_write(&r, 0x4, 0x000000F5);  // low nibble W1C: clears 1,4 -> 0xFA
    EXPECT_EQ(zynq_regs_get(&r, 0x4), 0xFAu);
    zynq_regs_write(&r, 0x8, 0x1);
    EXPECT_EQ(zynq_regs_get(&r, 0x8), 0x101u);
    EXPECT_EQ(o.post_calls, 1);
    o.veto = true;
    zynq_regs_write(&r, 0x8, 0x2);
    EXPECT_EQ(zynq_regs_get(&r, 0x8), 0x101u);
    EXPECT_EQ(o.post_calls, 1);
    ASSERT_TRUE(zynq_regs_read(&r, 0xC, &v));
    EXPECT_EQ(v, 0u);  // write-only reads 0
    zynq_regs_write(&r, 0x10, 0x55);
    ASSERT_TRUE(zynq_regs_read(&r, 0x10, &v));
    EXPECT_EQ(v, 9u ^ 0xFFFF0000u);  // read-only + read hook
    EXPECT_FALSE(zynq_regs_read(&r, 0x14, &v));
    EXPECT_FALSE(zynq_regs_write(&r, 0x14, 0));
}

TEST(ZynqTime, CycleConversionsAreExactInverses) {
    const uint64_t clocks[] = {ZYNQ_CPU_HZ, ZYNQ_PERIPHCLK_HZ, ZYNQ_CPU_1X_HZ,
                               ZYNQ_UART_REF_HZ, 100000000ull};
    for (uint64_t hz : clocks) {
        for (uint64_t n : {1ull, 2ull, 3ull, 999ull, 123456789ull, 1ull << 40}) {
            zynq_time_ps t = zynq_cycle_time(hz, n);
            EXPECT_EQ(zynq_cycles_at(hz, t), n) << hz << " " << n;
            EXPECT_EQ(zynq_cycles_at(hz, t - 1), n - 1) << hz << " " << n;
        }
    }
    // 1 s of CPU time is exactly the clock frequency in cycles.
    EXPECT_EQ(zynq_cycles_at(ZYNQ_CPU_HZ, ZYNQ_PS_PER_S), ZYNQ_CPU_HZ);
    EXPECT_EQ(zynq_cycle_time(100000000ull, 1), 10000u);
}

// The conversions take a 64-bit path when the product fits and the 128-bit
// division otherwise: both must give the exact 128-bit result (saturated at
// UINT64_MAX) everywhere.
TEST(ZynqTime, FastPathsMatchWideArithmetic) {
    __extension__ typedef unsigned __int128 u128;
    auto ref_floor = [](uint64_t a, uint64_t b, uint64_t c) {
        u128 r = (u128)a * b / c;
        return r > UINT64_MAX ? UINT64_MAX : (uint64_t)r;
    };
    auto ref_ceil = [](uint64_t a, uint64_t b, uint64_t c) {
        u128 r = ((u128)a * b + c - 1) / c;
        return r > UINT64_MAX ? UINT64_MAX : (uint64_t)r;
    };
    uint64_t x = 0x9E3779B97F4A7C15ull;   // xorshift64, fixed seed
    auto next = [&x]() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        return x >> (x & 63);   // every magnitude
    };
    const uint64_t clocks[] = {ZYNQ_CPU_HZ, ZYNQ_PERIPHCLK_HZ, ZYNQ_CPU_1X_HZ, ZYNQ_UART_REF_HZ,
                               100000000ull, 1, 3, ZYNQ_PS_PER_S - 1, UINT64_MAX};
    for (int i = 0; i < 200000; i++) {
        uint64_t hz = (i & 1) ? clocks[(i >> 1) % 9] : next() | 1;
        uint64_t t = (i % 11 == 0) ? UINT64_MAX - (uint64_t)(i % 5) : next();
        uint64_t c = next() | 1;
        ASSERT_EQ(zynq_cycles_at(hz, t), ref_floor(t, hz, ZYNQ_PS_PER_S)) << hz << " " << t;
        ASSERT_EQ(zynq_cycle_time(hz, t), ref_ceil(t, ZYNQ_PS_PER_S, hz)) << hz << " " << t;
        ASSERT_EQ(zynq_muldiv_floor(t, hz, c), ref_floor(t, hz, c)) << t << " " << hz << " " << c;
        ASSERT_EQ(zynq_muldiv_ceil(t, hz, c), ref_ceil(t, hz, c)) << t << " " << hz << " " << c;
    }
}

TEST(ZynqDev, BadSizeAndAlignmentGiveSlverr) {
    scu s;
    scu_init(&s, "scu");
    LogCapture log;
    log.attach(&s.dev);
    uint32_t v;
    EXPECT_EQ(zynq_dev_read(&s.dev, 0x4, 2, &v), ZYNQ_SLVERR);
    EXPECT_EQ(zynq_dev_read(&s.dev, 0x6, 4, &v), ZYNQ_SLVERR);
    EXPECT_EQ(zynq_dev_write(&s.dev, 0x1000, 4, 0), ZYNQ_SLVERR);
    EXPECT_EQ(zynq_dev_read(&s.dev, 0x4, 4, &v), ZYNQ_OK);
    EXPECT_TRUE(log.contains("bad access"));
}

TEST(ZynqDev, IrqUpdateCallsOnlyOnChange) {
    IrqProbe p;
    zynq_irq irq = p.line(5);
    int state = 0;
    zynq_irq_update(&irq, &state, 0);
    zynq_irq_update(&irq, &state, 1);
    zynq_irq_update(&irq, &state, 7);
    zynq_irq_update(&irq, &state, 0);
    ASSERT_EQ(p.changes.size(), 2u);
    EXPECT_EQ(p.rises[5], 1);
    EXPECT_EQ(p.level[5], 0);
}
