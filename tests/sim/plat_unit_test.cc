// Unit tests of the plain C++ parts of the platform: CLI values, the
// board's address map and wiring, scenario loading.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "plat_board.h"
#include "plat_cli.h"
#include "plat_scenario.h"

using namespace plat;

TEST(Cli, TimeWithUnits)
{
    uint64_t ps = 0;
    std::string err;
    ASSERT_TRUE(parse_time_ps("10ms", &ps, &err));
    EXPECT_EQ(ps, 10000000000ULL);
    ASSERT_TRUE(parse_time_ps("2s", &ps, &err));
    EXPECT_EQ(ps, 2000000000000ULL);
    ASSERT_TRUE(parse_time_ps("1.5us", &ps, &err));
    EXPECT_EQ(ps, 1500000ULL);
    ASSERT_TRUE(parse_time_ps("7ps", &ps, &err));
    EXPECT_EQ(ps, 7ULL);
    EXPECT_FALSE(parse_time_ps("10", &ps, &err));
    EXPECT_EQ(err, "'10': missing unit (use ps, ns, us, ms or s)");
    EXPECT_FALSE(parse_time_ps("10min", &ps, &err));
    EXPECT_FALSE(parse_time_ps("0s", &ps, &err));
    EXPECT_FALSE(parse_time_ps("1.5ps", &ps, &err));
    EXPECT_FALSE(parse_time_ps("-1s", &ps, &err));
    EXPECT_FALSE(parse_time_ps("99999999999s", &ps, &err));
}

TEST(Cli, NumbersAndLoads)
{
    uint32_t v = 0;
    EXPECT_TRUE(parse_u32("0x1000", &v));
    EXPECT_EQ(v, 0x1000u);
    EXPECT_TRUE(parse_u32("4096", &v));
    EXPECT_EQ(v, 4096u);
    EXPECT_TRUE(parse_u32("0xFFFFFFFF", &v));
    EXPECT_FALSE(parse_u32("0x100000000", &v));
    EXPECT_FALSE(parse_u32("010", &v));
    EXPECT_FALSE(parse_u32("12k", &v));
    std::string f, err;
    EXPECT_TRUE(parse_load("a@b.bin@0x200000", &f, &v, &err));
    EXPECT_EQ(f, "a@b.bin");
    EXPECT_EQ(v, 0x200000u);
    EXPECT_FALSE(parse_load("file.bin", &f, &v, &err));
}

TEST(Board, AddressMapMatchesUg585)
{
    Board b(Timing{}, nullptr);
    struct { uint32_t addr; const char *name; } want[] = {
        {0xE0000000u, "uart0"}, {0xE0001FFCu, "uart1"}, {0xF8000000u, "slcr"},
        {0xF8001000u, "ttc0"}, {0xF8002000u, "ttc1"}, {0xF8007000u, "devcfg"},
        {0xF8F00000u, "scu"}, {0xF8F00100u, "gic_cpu"}, {0xF8F00200u, "gtimer"},
        {0xF8F00600u, "ptimer"}, {0xF8F00620u, "wdt"}, {0xF8F01000u, "gic_dist"},
        {0xF8F02000u, "l2c"}};
    for (auto &w : want) {
        const MapEntry *e = b.find(w.addr);
        ASSERT_NE(e, nullptr) << std::hex << w.addr;
        EXPECT_STREQ(e->name, w.name);
    }
    EXPECT_EQ(b.find(0x40000000u), nullptr);   // M_AXI_GP0: no PL attached
    EXPECT_EQ(b.find(0xF8007120u), nullptr);   // past the DevCfg window
    EXPECT_NE(b.ram_ptr(0x1FFFFFFCu, 4), nullptr);
    EXPECT_EQ(b.ram_ptr(0x1FFFFFFEu, 4), nullptr);
    EXPECT_NE(b.ram_ptr(0xFFFFFFFCu, 4), nullptr);
}

TEST(Board, PrivateTimerRaisesNirqAtItsEvent)
{
    Board b(Timing{}, nullptr);
    int level = 0;
    b.set_nirq([&](int l) { level = l; });
    auto wr = [&](uint32_t a, uint32_t v) {
        const MapEntry *e = b.find(a);
        ASSERT_NE(e, nullptr);
        ASSERT_EQ(zynq_dev_write(e->dev, a - e->base, 4, v), ZYNQ_OK);
    };
    wr(0xF8F01000u, 1);                 // ICDDCR
    wr(0xF8F01100u, 1u << 29);          // ICDISER0
    wr(0xF8F0141Cu, 0xA0u << 8);        // priority of ID 29
    wr(0xF8F00104u, 0xF0);              // ICCPMR
    wr(0xF8F00100u, 1);                 // ICCICR
    wr(0xF8F00600u, 99);                // LOAD
    wr(0xF8F00608u, 5);                 // enable + IRQ
    zynq_time_ps t = b.next_event();
    ASSERT_NE(t, ZYNQ_TIME_NEVER);
    b.advance_all(t - 1);
    EXPECT_EQ(level, 0);
    b.advance_all(t);
    EXPECT_EQ(level, 1);
}

TEST(Board, NoPlSinkRefusesPcapWords)
{
    std::vector<std::string> log;
    NoPlPcapSink s([&](const std::string &m) { log.push_back(m); });
    EXPECT_FALSE(s.word(0xAA995566u, 0));
    EXPECT_FALSE(s.word(0, 1));
    EXPECT_EQ(s.refused(), 2u);
    ASSERT_EQ(log.size(), 1u);   // said once
}

TEST(Scenario, ExampleIsValid)
{
    setenv("DPRSIM_BUILD", "/nonexistent-build", 1);   // only expanded, not opened
    Scenario s;
    std::vector<std::string> errs;
    std::string path = std::string(SIM_TEST_DIR) + "/../../scenarios/examples/boot_timer.yaml";
    ASSERT_TRUE(scenario_load(path, &s, &errs)) << (errs.empty() ? "" : errs[0]);
    EXPECT_EQ(s.name, "boot_timer");
    EXPECT_EQ(s.stop_time_ps, 50000000000ULL);
    ASSERT_EQ(s.images.size(), 2u);
    EXPECT_EQ(s.images[0].path, "/nonexistent-build/tests/sim/fw/simfw_timer_irq.elf");
    EXPECT_FALSE(s.images[1].elf);
    EXPECT_EQ(s.images[1].address, 0x02000000u);
    ASSERT_EQ(s.modules.size(), 2u);
    EXPECT_EQ(s.modules[1].prrs.size(), 2u);
    ASSERT_EQ(s.vms.size(), 2u);
    EXPECT_EQ(s.vms[0].mem_base, 0x02000000u);
    EXPECT_TRUE(s.has_boot_info);
    EXPECT_EQ(s.boot_info_addr, 0x00010000u);
    // Block layout (version 2): header 48 B + 2 VMs x 64 + 2 modules x 16 +
    // 2 PRRs x 8 + 3 bitstreams x 16 (qam on PRR0, ifft on PRR0 and PRR1).
    std::vector<uint8_t> bi = scenario_boot_info(s, {{0x00100020u, 0}, {0x02000000u, 100}});
    ASSERT_EQ(bi.size(), 272u);
    EXPECT_EQ(bi[0], 0x44); EXPECT_EQ(bi[3], 0x42);   // "DPRB"
    EXPECT_EQ(bi[8], 272 & 0xFF); EXPECT_EQ(bi[9], 272 >> 8);   // size
    EXPECT_EQ(bi[48 + 16], 0x00); EXPECT_EQ(bi[48 + 19], 0x02);  // VM 1 image_addr 0x02000000
    EXPECT_EQ(bi[48 + 20], 100);                      // VM 1 image_size
}
