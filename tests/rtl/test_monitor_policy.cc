// PRR Monitor allocation search against the C model of the policy
// (models/pl/prr_policy.c): a table of hand-checked cases, random operation
// sequences (RTL and model must agree on every SEARCH_RESULT, PRR state, list
// and NEW_SOLUTION), and the search latency in PL cycles.
#include <gtest/gtest.h>

#include <cstdio>
#include <random>

#include "pl_tb.h"
#include "prr_policy.h"

using pltb::mon;

namespace {

constexpr unsigned kSettle = 400;  // cycles for a list re-search of 32 IFs to finish

struct Pair {
  pltb::Tb tb;
  pl_policy m;
  unsigned method_seen[4] = {0, 0, 0, 0};  // SEARCH_RESULT methods seen
  unsigned new_solutions = 0;

  explicit Pair(const char *name) : tb(name) {
    const uint16_t compat[4] = {0x2, 0x2, 0x4, 0x4};
    const uint8_t init[4] = {PL_MOD_QAM4, PL_MOD_QAM16, PL_MOD_IFFT256, PL_MOD_IFFT1024};
    const uint8_t dev[8] = {0x12, 0x14, 0x16, 0x20, 0x22, 0x23, 0x24, 0x25};
    pl_policy_init(&m, 4, 8, 4, compat, init, dev);
    tb.run(20);
  }

  // Let the RTL re-search the list, mirror it in the model, compare state.
  void settle() {
    tb.run(kSettle);
    if (pl_policy_research(&m)) new_solutions++;
    compare();
  }
  void compare() {
    uint32_t st = tb.read(mon(PL_MON_PRR_STATE));
    for (unsigned p = 0; p < 4; p++) {
      const pl_policy_prr &r = m.prr[p];
      unsigned code = r.rcfg ? 2u : r.stop ? 3u : r.conn ? 1u : 0u;
      uint32_t want = (r.module_valid ? 8u : 0u) | (r.hold ? 4u : 0u) | code;
      ASSERT_EQ((st >> (4 * p)) & 0xFu, want) << "PRR" << p << " state";
      if (r.conn) {
        uint32_t info = tb.read(mon(PL_MON_PRR_INFO(p)));
        ASSERT_EQ(info & 0xFFFFFFu, uint32_t(r.vm) | (uint32_t(r.dev) << 8) | (uint32_t(r.prio) << 16));
      }
    }
    uint32_t pend = 0;
    for (unsigned i = 0; i < 32; i++) pend |= uint32_t(m.pend[i]) << i;
    ASSERT_EQ(tb.read(mon(PL_MON_LIST_PENDING)), pend);
    ASSERT_EQ(tb.read(mon(PL_MON_NEW_SOLUTION_INT)), uint32_t(m.new_sol_int));
    if (m.new_sol_int) {
      ASSERT_EQ(tb.read(mon(PL_MON_NEW_SOLUTION)), m.new_sol);
    }
  }

  uint32_t search(unsigned vm, unsigned dev, unsigned prio) {
    tb.write(mon(PL_MON_SEARCH_CMD), (vm << 16) | (dev << 8) | prio);
    uint32_t r = 0;
    for (int i = 0; i < 100; i++) {
      r = tb.read(mon(PL_MON_SEARCH_RESULT));
      if (r & (1u << 16)) break;
    }
    uint32_t want = pl_policy_search(&m, vm, dev, prio);
    method_seen[(want >> 8) & 3u]++;
    EXPECT_EQ(r, want) << "search vm" << vm << " dev" << dev << " prio" << prio;
    settle();
    return r;
  }
  void connect(unsigned p, unsigned vm, unsigned dev, unsigned prio) {
    tb.write(mon(PL_MON_CONNECT), (prio << 24) | (vm << 16) | (dev << 8) | p);
    pl_policy_connect(&m, p, vm, dev, prio);
    settle();
  }
  void disconnect(unsigned p) {
    tb.write(mon(PL_MON_DISCONNECT), p);
    pl_policy_disconnect(&m, p);
    settle();
  }
  void hold(unsigned p, bool h) {
    tb.write(mon(PL_MON_HOLD_SET), (h ? 0x100u : 0u) | p);
    pl_policy_hold_set(&m, p, h);
    settle();
  }
  void stop(unsigned p) {
    tb.write(mon(PL_MON_STOP_CMD), p);
    pl_policy_stop_cmd(&m, p);
    settle();
  }
  void clear_new_solution() {
    tb.write(mon(PL_MON_NEW_SOLUTION_INT), 1u);
    pl_policy_clear_new_solution(&m);
    settle();
  }
  void cancel(unsigned vm, unsigned dev) {
    tb.write(mon(PL_MON_LIST_CANCEL), (vm << 16) | (dev << 8));
    pl_policy_list_cancel(&m, vm, dev);
    settle();
  }
  // RCFG_SET, then a valid SimB of `module` for PRR p ends the RECONFIG state.
  void reconfigure(unsigned p, unsigned module) {
    tb.write(mon(PL_MON_RCFG_SET), p);
    pl_policy_rcfg_set(&m, p);
    settle();
    uint32_t loads = tb.read(pltb::cfg(PL_CFG_LOADS));
    tb.queue_simb(p, module, 16);
    ASSERT_TRUE(tb.run_until([&] { return tb.pcap().empty(); }, 5000));
    ASSERT_EQ(tb.read(pltb::cfg(PL_CFG_LOADS)), loads + 1);
    pl_policy_load_done(&m, p, uint8_t(module));
    settle();
  }
};

unsigned method(uint32_t r) { return (r >> 8) & 0x7Fu; }
unsigned prr_of(uint32_t r) { return r & 0xFFu; }
bool rcfg(uint32_t r) { return (r >> 15) & 1u; }

TEST(MonitorPolicy, CaseTable) {
  Pair t("mon_table");
  // 1. PRR0 holds QAM4 (dev0): ASSIGN PRR0 without reconfiguration
  uint32_t r = t.search(0, 0, 5);
  EXPECT_EQ(method(r), PL_METHOD_ASSIGN);
  EXPECT_EQ(prr_of(r), 0u);
  EXPECT_FALSE(rcfg(r));
  EXPECT_EQ(r >> 24, PL_MOD_QAM4);
  t.connect(0, 0, 0, 5);
  // 2. QAM64 (dev2): nobody holds it, PRR1 free -> ASSIGN + Reconfig PRR1
  r = t.search(1, 2, 4);
  EXPECT_EQ(method(r), PL_METHOD_ASSIGN);
  EXPECT_EQ(prr_of(r), 1u);
  EXPECT_TRUE(rcfg(r));
  t.connect(1, 1, 2, 4);
  t.reconfigure(1, PL_MOD_QAM64);
  // 3. the same IF again: ASSIGN its own PRR
  r = t.search(1, 2, 4);
  EXPECT_EQ(method(r), PL_METHOD_ASSIGN);
  EXPECT_EQ(prr_of(r), 1u);
  EXPECT_FALSE(rcfg(r));
  t.hold(1, false);
  // 4. QAM16 (dev1) at prio 6: both QAM PRRs busy (prio 5, 4) -> PREEMPT the lowest (PRR1)
  r = t.search(2, 1, 6);
  EXPECT_EQ(method(r), PL_METHOD_PREEMPT);
  EXPECT_EQ(prr_of(r), 1u);
  EXPECT_TRUE(rcfg(r));  // PRR1 now holds QAM64
  t.hold(1, false);
  // 5. prio 4: nobody strictly below -> UNAVAILABLE, listed
  r = t.search(3, 1, 4);
  EXPECT_EQ(method(r), PL_METHOD_UNAVAILABLE);
  EXPECT_EQ(prr_of(r), 0xFFu);
  EXPECT_EQ(t.tb.read(mon(PL_MON_HOST_LIST)), (1u << 16) | 0x3u);
  // 6. PRR1 released -> the list finds ASSIGN + Reconfig for VM3/dev1
  t.disconnect(1);
  EXPECT_EQ(t.m.new_sol_int, true);
  uint32_t ns = t.tb.read(mon(PL_MON_NEW_SOLUTION));
  EXPECT_EQ(ns, (3u << 24) | (1u << 16) | (1u << 15) | (PL_METHOD_ASSIGN << 8) | 1u);
  EXPECT_TRUE(t.tb.irq() & (1u << PL_IRQ_MON_NEW_SOLUTION_BIT));
  t.connect(1, 3, 1, 4);
  t.clear_new_solution();
  EXPECT_FALSE(t.tb.irq() & (1u << PL_IRQ_MON_NEW_SOLUTION_BIT));
  // 7. equal owner priorities: prefer the PRR already holding the module
  t.disconnect(0);
  t.connect(0, 2, 0, 2);  // PRR0 QAM4 owner prio 2
  t.disconnect(1);
  t.connect(1, 2, 2, 2);  // PRR1 QAM64 owner prio 2
  r = t.search(0, 2, 9);  // QAM64
  EXPECT_EQ(method(r), PL_METHOD_PREEMPT);
  EXPECT_EQ(prr_of(r), 1u);
  EXPECT_FALSE(rcfg(r));
  t.hold(1, false);
  r = t.search(0, 1, 9);  // QAM16: nobody holds it, tie -> lowest id
  EXPECT_EQ(method(r), PL_METHOD_PREEMPT);
  EXPECT_EQ(prr_of(r), 0u);
  EXPECT_TRUE(rcfg(r));
  // 8. HOLD excludes: both QAM PRRs now unusable for another preempt
  t.hold(1, true);
  r = t.search(1, 0, 9);
  EXPECT_EQ(method(r), PL_METHOD_UNAVAILABLE);
  t.cancel(1, 0);
  t.hold(0, false);
  t.hold(1, false);
  // 9. STOPPING excludes
  t.stop(0);
  r = t.search(1, 0, 9);
  EXPECT_EQ(method(r), PL_METHOD_PREEMPT);
  EXPECT_EQ(prr_of(r), 1u);
  t.hold(1, false);
  t.disconnect(0);  // ends STOPPING, PRR0 free
  // 10. IFFT devices go to IFFT PRRs only
  r = t.search(0, 4, 1);  // IFFT1024 held by PRR3
  EXPECT_EQ(method(r), PL_METHOD_ASSIGN);
  EXPECT_EQ(prr_of(r), 3u);
  EXPECT_FALSE(rcfg(r));
  r = t.search(0, 7, 1);  // IFFT8192: PRR2 free (PRR3 held)
  EXPECT_EQ(method(r), PL_METHOD_ASSIGN);
  EXPECT_EQ(prr_of(r), 2u);
  EXPECT_TRUE(rcfg(r));
  // 11. bad requests: METHOD NONE
  r = t.search(4, 0, 1);
  EXPECT_EQ(method(r), PL_METHOD_NONE);
  r = t.search(0, 8, 1);
  EXPECT_EQ(method(r), PL_METHOD_NONE);
  t.tb.write(mon(PL_MON_DEV_MODULE(6)), 0x30);  // no such module kind
  t.m.dev_module[6] = 0x30;
  t.settle();
  r = t.search(0, 6, 1);
  EXPECT_EQ(method(r), PL_METHOD_NONE);
}

TEST(MonitorPolicy, ListPicksHighestPriority) {
  Pair t("mon_list");
  t.connect(0, 0, 0, 7);
  t.connect(1, 0, 1, 7);
  EXPECT_EQ(method(t.search(1, 0, 3)), PL_METHOD_UNAVAILABLE);
  EXPECT_EQ(method(t.search(2, 2, 6)), PL_METHOD_UNAVAILABLE);
  EXPECT_EQ(method(t.search(3, 1, 6)), PL_METHOD_UNAVAILABLE);
  EXPECT_EQ(t.tb.read(mon(PL_MON_HOST_LIST)) >> 16, 3u);
  t.disconnect(0);
  // prio 6 twice: the lower IF index (VM2/dev2 = IF 18) wins over IF 25
  EXPECT_EQ(t.tb.read(mon(PL_MON_NEW_SOLUTION)) >> 16, (2u << 8) | 2u);
  // a second release while NEW_SOLUTION_INT is pending gives nothing new yet
  t.disconnect(1);
  EXPECT_EQ(t.tb.read(mon(PL_MON_NEW_SOLUTION)) >> 16, (2u << 8) | 2u);
  t.clear_new_solution();
  EXPECT_EQ(t.tb.read(mon(PL_MON_NEW_SOLUTION)) >> 16, (3u << 8) | 1u);
  t.clear_new_solution();
  // VM1/dev0 (QAM4, prio 3) still waits: both QAM PRRs are reserved (HOLD)
  EXPECT_FALSE(t.m.new_sol_int);
  EXPECT_EQ(t.tb.read(mon(PL_MON_NEW_SOLUTION_INT)), 0u);
  t.hold(0, false);
  EXPECT_EQ(t.tb.read(mon(PL_MON_NEW_SOLUTION)), (1u << 24) | (0u << 16) | (PL_METHOD_ASSIGN << 8) | 0u);
  EXPECT_EQ(t.tb.read(mon(PL_MON_HOST_LIST)) >> 16, 0u);
}

void random_run(uint32_t seed, unsigned ops) {
  Pair t(("mon_random_" + std::to_string(seed)).c_str());
  std::mt19937 rng(seed);
  auto U = [&](unsigned n) { return unsigned(rng() % n); };
  const unsigned mods[] = {0x12, 0x14, 0x16, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25};
  for (unsigned i = 0; i < ops && !::testing::Test::HasFailure(); i++) {
    switch (U(10)) {
      case 0: case 1: case 2: t.search(U(9) == 0 ? 4 : U(4), U(17) == 0 ? 8 : U(8), U(8)); break;
      case 3: t.connect(U(4), U(4), U(8), U(8)); break;
      case 4: t.disconnect(U(4)); break;
      case 5: t.hold(U(4), U(4) == 0); break;  // mostly releases reservations
      case 6: t.stop(U(4)); break;
      case 7: t.clear_new_solution(); break;
      case 8: t.cancel(U(4), U(8)); break;
      default: {
        unsigned p = U(4);
        unsigned m = p < 2 ? mods[U(3)] : mods[3 + U(6)];
        t.reconfigure(p, m);
        break;
      }
    }
  }
  // the sequence must have exercised every outcome
  for (unsigned k = 0; k < 4; k++) EXPECT_GT(t.method_seen[k], 0u) << "method " << k;
  EXPECT_GT(t.new_solutions, 0u);
  std::printf("seed %u: NONE %u ASSIGN %u PREEMPT %u UNAVAILABLE %u, %u list solutions\n", seed,
              t.method_seen[0], t.method_seen[1], t.method_seen[2], t.method_seen[3],
              t.new_solutions);
}

TEST(MonitorPolicy, RandomAgainstModelSeed1) { random_run(1, 1500); }
TEST(MonitorPolicy, RandomAgainstModelSeed2) { random_run(2, 1500); }
TEST(MonitorPolicy, RandomAgainstModelSeed3) { random_run(3, 1500); }

TEST(MonitorPolicy, SearchLatency) {
  pltb::Tb tb("mon_latency");
  tb.run(20);
  tb.write(mon(PL_MON_SEARCH_CMD), (0u << 16) | (0u << 8) | 1u);
  // The first read after the write may still see BUSY.
  uint32_t r = tb.read(mon(PL_MON_SEARCH_RESULT));
  unsigned polls = 1;
  while (!(r & (1u << 16)) && polls < 50) {
    EXPECT_TRUE(r & (1u << 17));  // BUSY while not valid
    r = tb.read(mon(PL_MON_SEARCH_RESULT));
    polls++;
  }
  ASSERT_TRUE(r & (1u << 16));
  uint32_t lat = tb.read(mon(PL_MON_SEARCH_LATENCY));
  // One PRR per cycle plus the command cycle and the result cycle.
  EXPECT_EQ(lat, 4u + 2u);
  std::printf("search latency: %u PL cycles (NUM_PRRS=4), result seen after %u AXI-Lite reads\n",
              lat, polls);
  ::testing::Test::RecordProperty("search_latency_cycles", int(lat));
}

}  // namespace
