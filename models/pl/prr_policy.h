/* C model of the PRR Monitor allocation policy (rtl/prr_monitor.v).
 *
 * Bit-exact reference for the RTL's SEARCH_RESULT / NEW_SOLUTION values and
 * its table state (connections, HOLD, RECONFIG, STOPPING, search list). The
 * policy, in order, for Request(vm, dev, prio) needing module m =
 * dev_module[dev]; candidates fit m and are not HOLD, RECONFIG nor STOPPING:
 *   1. the IF (vm, dev) is already connected to p (not stopping)  -> ASSIGN p
 *   2. lowest free candidate holding m                           -> ASSIGN p
 *   3. lowest free candidate                                     -> ASSIGN p, Reconfig
 *   4. connected candidate with the lowest owner priority below prio; tie:
 *      one holding m, then lowest id                             -> PREEMPT p (Reconfig if not m)
 *   5. otherwise UNAVAILABLE, the request enters the search list.
 * Out-of-range vm/dev, an invalid module or one that fits no PRR: NONE.
 * ASSIGN/PREEMPT set HOLD on the PRR. Priorities: higher value wins.
 * All functions are pure over the struct; no globals. */
#ifndef DPRSIM_PL_PRR_POLICY_H
#define DPRSIM_PL_PRR_POLICY_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PL_POLICY_MAX_PRRS 16u
#define PL_POLICY_MAX_VDEVS 32u
#define PL_POLICY_MAX_IFS 256u

enum pl_method {
  PL_METHOD_NONE = 0,
  PL_METHOD_ASSIGN = 1,
  PL_METHOD_PREEMPT = 2,
  PL_METHOD_UNAVAILABLE = 3
};

/* One PRR as the Monitor sees it. */
struct pl_policy_prr {
  bool conn;          /* connected to IF (vm, dev) */
  bool hold;          /* reserved, excluded from searches */
  bool rcfg;          /* RCFG_SET issued, load pending */
  bool stop;          /* STOP_CMD issued, until DISCONNECT/CONNECT */
  bool module_valid;
  uint8_t vm, dev, prio, module;
  uint16_t compat;    /* bit k: modules of kind k fit */
};

struct pl_policy {
  unsigned num_vms, num_vdevs, num_prrs;
  struct pl_policy_prr prr[PL_POLICY_MAX_PRRS];
  uint8_t dev_module[PL_POLICY_MAX_VDEVS];
  bool pend[PL_POLICY_MAX_IFS];
  uint8_t pend_prio[PL_POLICY_MAX_IFS];
  bool new_sol_int;
  uint32_t new_sol;   /* NEW_SOLUTION register value */
};

/* Reset state. compat[p], init_module[p] per PRR; dev_module[d] per device. */
void pl_policy_init(struct pl_policy *m, unsigned num_vms, unsigned num_vdevs,
                    unsigned num_prrs, const uint16_t *compat,
                    const uint8_t *init_module, const uint8_t *dev_module);

/* 1 when module id exists; 1 when it fits a PRR with compatibility mask compat. */
bool pl_module_valid(uint8_t id);
bool pl_module_fits(uint8_t id, uint16_t compat);

/* Evaluate the policy without side effects. Returns the SEARCH_RESULT layout
 * without VALID/BUSY: [7:0] PRR (0xFF if none), [14:8] method, [15] Reconfig,
 * [31:24] module needed. */
uint32_t pl_policy_eval(const struct pl_policy *m, unsigned vm, unsigned dev, unsigned prio);

/* SEARCH_CMD: evaluate and apply (HOLD on the chosen PRR, or list entry).
 * Returns the SEARCH_RESULT register value (VALID bit 16 set). */
uint32_t pl_policy_search(struct pl_policy *m, unsigned vm, unsigned dev, unsigned prio);

/* List re-search as the RTL runs it when NEW_SOLUTION_INT is clear: the
 * listed request with the highest priority (tie: lowest IF index) that has an
 * ASSIGN/PREEMPT solution is removed, NEW_SOLUTION/INT set, HOLD set.
 * Returns true when a solution was published. */
bool pl_policy_research(struct pl_policy *m);

/* Register writes, same semantics as the RTL (out-of-range ids ignored). */
void pl_policy_connect(struct pl_policy *m, unsigned prr, unsigned vm, unsigned dev, unsigned prio);
void pl_policy_disconnect(struct pl_policy *m, unsigned prr);
void pl_policy_rcfg_set(struct pl_policy *m, unsigned prr);
void pl_policy_hold_set(struct pl_policy *m, unsigned prr, bool hold);
void pl_policy_stop_cmd(struct pl_policy *m, unsigned prr);
void pl_policy_list_cancel(struct pl_policy *m, unsigned vm, unsigned dev);
void pl_policy_clear_new_solution(struct pl_policy *m);
/* PRR controller events: a module was loaded (ends RECONFIG), or a SimB
 * error hit the PRR (ends RECONFIG, module invalid). */
void pl_policy_load_done(struct pl_policy *m, unsigned prr, uint8_t module);
void pl_policy_load_err(struct pl_policy *m, unsigned prr);

/* Number of listed requests. */
unsigned pl_policy_pending(const struct pl_policy *m);

#ifdef __cplusplus
}
#endif

#endif /* DPRSIM_PL_PRR_POLICY_H */
