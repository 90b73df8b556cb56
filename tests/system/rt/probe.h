/*
 * probe.h - single memory accesses that may abort, and the checks of what
 * the abort recorded (DFSR/DFAR, IFSR/IFAR, mode, LR offset). Used by the
 * MMU programs of tests/system.
 *
 * Each probe_* access is one instruction whose address is recorded (ADR of
 * a local label), so the data abort handler can check that LR = that
 * address + 8 (ARM ARM B1.8.3 table B1-7). A program routes its aborts to
 * probe_trap() from its test_trap().
 */
#ifndef PROBE_H
#define PROBE_H

#include <stdint.h>

#include "sys.h"

/* What the last aborts recorded (reset by probe_start). */
struct probe_record {
    unsigned n;    /* aborts since probe_start */
    uint32_t fsr;  /* DFSR or IFSR */
    uint32_t far;  /* DFAR or IFAR */
    uint32_t mode; /* mode of the interrupted code (SPSR.M) */
    uint32_t insn; /* faulting instruction: LR - 8 (data), LR - 4 (prefetch) */
};
extern volatile struct probe_record probe_ab;
/* Address of the last probe instruction executed. */
extern volatile uint32_t probe_insn;

/* Data abort: record, resume after the instruction. Prefetch abort:
 * record, return to the caller of the aborted function with r0 =
 * 0xDEADDEAD. Returns 1 for these two kinds, 0 otherwise. */
int probe_trap(unsigned kind, struct sys_frame *f);

void probe_start(void);
/* Accesses: LDR, STR, LDRT, STRT, STRH, LDM of two words (their sum), LDRD
 * (sum), and a call of the A32 code at va. A load that aborts returns
 * 0xBAD0BAD0. */
uint32_t probe_rd(uint32_t va);
void probe_wr(uint32_t va, uint32_t val);
uint32_t probe_rdt(uint32_t va);
void probe_wrt(uint32_t va, uint32_t val);
void probe_wrh(uint32_t va, uint32_t val);
uint32_t probe_rdm(uint32_t va);
uint32_t probe_rdd(uint32_t va);
uint32_t probe_call(uint32_t va);
/* Base register write-back: the base after LDMIA base!, {r2, r3}; after
 * LDR rt, [base, #4]!; after STR rt, [base], #8 (base = va before). */
uint32_t probe_ldm_wb(uint32_t va);
uint32_t probe_ldr_pre(uint32_t va);
uint32_t probe_str_post(uint32_t va);

/* Print `what`, then check: no abort and value == expected. Every check
 * line is printed whatever happened, so that outputs stay line by line
 * comparable. */
void probe_expect_ok(const char *what, uint32_t value, uint32_t expected);
/* One data abort from `mode` with DFSR and DFAR, LR = insn + 8. */
void probe_expect_dabt(const char *what, uint32_t mode, uint32_t dfsr, uint32_t dfar);
/* One prefetch abort from `mode` at the entry of a called function: the
 * call returned 0xDEADDEAD, IFSR (bits 12, 10, 3:0; 7:4 are reserved in
 * VMSAv7, B4.1.96) and IFAR as given, LR = IFAR + 4. */
void probe_expect_pabt(const char *what, uint32_t ret, uint32_t mode, uint32_t ifsr, uint32_t ifar);

#endif
