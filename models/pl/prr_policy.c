/* C model of the PRR Monitor allocation policy; see prr_policy.h. */
#include "prr_policy.h"

#include <string.h>

bool pl_module_valid(uint8_t id) {
  unsigned kind = id >> 4, var = id & 0xFu;
  if (kind == 1u) return var == 2u || var == 4u || var == 6u;
  if (kind == 2u) return var <= 5u;
  return false;
}

bool pl_module_fits(uint8_t id, uint16_t compat) {
  return pl_module_valid(id) && ((compat >> (id >> 4)) & 1u);
}

void pl_policy_init(struct pl_policy *m, unsigned num_vms, unsigned num_vdevs,
                    unsigned num_prrs, const uint16_t *compat,
                    const uint8_t *init_module, const uint8_t *dev_module) {
  memset(m, 0, sizeof(*m));
  m->num_vms = num_vms;
  m->num_vdevs = num_vdevs;
  m->num_prrs = num_prrs;
  for (unsigned p = 0; p < num_prrs && p < PL_POLICY_MAX_PRRS; p++) {
    m->prr[p].compat = compat[p];
    m->prr[p].module = init_module[p];
    m->prr[p].module_valid = pl_module_valid(init_module[p]);
  }
  for (unsigned d = 0; d < num_vdevs && d < PL_POLICY_MAX_VDEVS; d++)
    m->dev_module[d] = dev_module[d];
}

static unsigned if_index(const struct pl_policy *m, unsigned vm, unsigned dev) {
  return vm * m->num_vdevs + dev;
}

static uint32_t pack(unsigned module, bool rcfg, unsigned method, unsigned prr) {
  return ((uint32_t)module << 24) | ((uint32_t)rcfg << 15) | ((uint32_t)method << 8) | (prr & 0xFFu);
}

uint32_t pl_policy_eval(const struct pl_policy *m, unsigned vm, unsigned dev, unsigned prio) {
  uint8_t mod = dev < m->num_vdevs ? m->dev_module[dev] : 0u;
  bool any_fit = false;
  int self = -1, asg = -1, fre = -1, pre = -1;
  bool self_match = false, pre_match = false;
  unsigned pre_prio = 0;
  for (unsigned p = 0; p < m->num_prrs; p++) {
    const struct pl_policy_prr *r = &m->prr[p];
    bool fits = pl_module_fits(mod, r->compat);
    bool match = r->module_valid && r->module == mod;
    bool avail = fits && !r->hold && !r->rcfg && !r->stop;
    if (fits) any_fit = true;
    if (r->conn && !r->stop && r->vm == vm && r->dev == dev && self < 0) {
      self = (int)p;
      self_match = match;
    }
    if (avail && !r->conn && match && asg < 0) asg = (int)p;
    if (avail && !r->conn && fre < 0) fre = (int)p;
    if (avail && r->conn && r->prio < prio) {
      bool better = pre < 0 || r->prio < pre_prio || (r->prio == pre_prio && match && !pre_match);
      if (better) {
        pre = (int)p;
        pre_prio = r->prio;
        pre_match = match;
      }
    }
  }
  if (!any_fit || vm >= m->num_vms || dev >= m->num_vdevs) return pack(mod, false, PL_METHOD_NONE, 0xFF);
  if (self >= 0) return pack(mod, !self_match, PL_METHOD_ASSIGN, (unsigned)self);
  if (asg >= 0) return pack(mod, false, PL_METHOD_ASSIGN, (unsigned)asg);
  if (fre >= 0) return pack(mod, true, PL_METHOD_ASSIGN, (unsigned)fre);
  if (pre >= 0) return pack(mod, !pre_match, PL_METHOD_PREEMPT, (unsigned)pre);
  return pack(mod, false, PL_METHOD_UNAVAILABLE, 0xFF);
}

static unsigned method_of(uint32_t r) { return (r >> 8) & 0x7Fu; }

uint32_t pl_policy_search(struct pl_policy *m, unsigned vm, unsigned dev, unsigned prio) {
  uint32_t r = pl_policy_eval(m, vm, dev, prio & 0xFFu);
  unsigned meth = method_of(r);
  if (meth == PL_METHOD_ASSIGN || meth == PL_METHOD_PREEMPT) m->prr[r & 0xFFu].hold = true;
  if (meth == PL_METHOD_UNAVAILABLE) {
    unsigned i = if_index(m, vm, dev);
    m->pend[i] = true;
    m->pend_prio[i] = (uint8_t)prio;
  }
  return r | (1u << 16);
}

bool pl_policy_research(struct pl_policy *m) {
  if (m->new_sol_int) return false;
  int best = -1;
  uint32_t best_r = 0;
  unsigned nif = m->num_vms * m->num_vdevs;
  for (unsigned i = 0; i < nif; i++) {
    if (!m->pend[i]) continue;
    if (best >= 0 && m->pend_prio[i] <= m->pend_prio[best]) continue;
    uint32_t r = pl_policy_eval(m, i / m->num_vdevs, i % m->num_vdevs, m->pend_prio[i]);
    unsigned meth = method_of(r);
    if (meth == PL_METHOD_ASSIGN || meth == PL_METHOD_PREEMPT) {
      best = (int)i;
      best_r = r;
    }
  }
  if (best < 0) return false;
  unsigned vm = (unsigned)best / m->num_vdevs, dev = (unsigned)best % m->num_vdevs;
  m->pend[best] = false;
  m->prr[best_r & 0xFFu].hold = true;
  m->new_sol = (vm << 24) | (dev << 16) | (best_r & 0xFFFFu);
  m->new_sol_int = true;
  return true;
}

void pl_policy_connect(struct pl_policy *m, unsigned prr, unsigned vm, unsigned dev, unsigned prio) {
  if (prr >= m->num_prrs || vm >= m->num_vms || dev >= m->num_vdevs) return;
  for (unsigned p = 0; p < m->num_prrs; p++)
    if (m->prr[p].conn && m->prr[p].vm == vm && m->prr[p].dev == dev) m->prr[p].conn = false;
  struct pl_policy_prr *r = &m->prr[prr];
  r->conn = true;
  r->hold = false;
  r->stop = false;
  r->vm = (uint8_t)vm;
  r->dev = (uint8_t)dev;
  r->prio = (uint8_t)prio;
  m->pend[if_index(m, vm, dev)] = false;
}

void pl_policy_disconnect(struct pl_policy *m, unsigned prr) {
  if (prr >= m->num_prrs) return;
  m->prr[prr].conn = false;
  m->prr[prr].stop = false;
}

void pl_policy_rcfg_set(struct pl_policy *m, unsigned prr) {
  if (prr < m->num_prrs) m->prr[prr].rcfg = true;
}

void pl_policy_hold_set(struct pl_policy *m, unsigned prr, bool hold) {
  if (prr < m->num_prrs) m->prr[prr].hold = hold;
}

void pl_policy_stop_cmd(struct pl_policy *m, unsigned prr) {
  if (prr < m->num_prrs) m->prr[prr].stop = true;
}

void pl_policy_list_cancel(struct pl_policy *m, unsigned vm, unsigned dev) {
  if (vm < m->num_vms && dev < m->num_vdevs) m->pend[if_index(m, vm, dev)] = false;
}

void pl_policy_clear_new_solution(struct pl_policy *m) { m->new_sol_int = false; }

void pl_policy_load_done(struct pl_policy *m, unsigned prr, uint8_t module) {
  if (prr >= m->num_prrs) return;
  m->prr[prr].rcfg = false;
  m->prr[prr].module = module;
  m->prr[prr].module_valid = true;
}

void pl_policy_load_err(struct pl_policy *m, unsigned prr) {
  if (prr >= m->num_prrs) return;
  m->prr[prr].rcfg = false;
  m->prr[prr].module_valid = false;
}

unsigned pl_policy_pending(const struct pl_policy *m) {
  unsigned n = 0;
  for (unsigned i = 0; i < m->num_vms * m->num_vdevs; i++) n += m->pend[i];
  return n;
}
