/*
 * harness.h - a bare-metal stand-in for the hypervisor around the VDM core
 * (tests/vdm): it implements vdm_sys.h by recording every kernel service
 * call in a log, turns GIC interrupts into HV_MSG_IRQ messages (masked in
 * the distributor until vdm_sys_irq_done, as the kernel does), delivers PRR
 * interrupts routed to a VM as that VM's "virtual IRQ" (a counter), and
 * plays the guests' side of the PR interfaces directly at their GP0 windows
 * (no MMU: the IF page of VM slot s, device d is at 0x40100000 +
 * (s * 8 + d) * 0x1000).
 */
#ifndef HARNESS_H
#define HARNESS_H

#include <stdint.h>

#include "dprsim_bootinfo.h"
#include "vdm.h"

#define TH_REG(a) (*(volatile uint32_t *)(uintptr_t)(a))

/* Kernel service calls seen from the VDM. */
enum th_kind { TH_MAP_IF = 1, TH_NOTIFY, TH_RESUME, TH_ROUTE, TH_IRQ_DONE };
typedef struct th_event {
    uint8_t kind, a, b, c;   /* MAP_IF slot dev conn; NOTIFY slot dev state; RESUME slot;
                                ROUTE prr slot dev; IRQ_DONE gic */
    uint32_t t;              /* global timer (PERIPHCLK ticks) at the call */
} th_event;

#define TH_LOG_MAX 512u
extern th_event th_log[TH_LOG_MAX];
extern volatile unsigned th_nlog;
extern volatile uint32_t th_virq[VDM_MAX_VMS][VDM_MAX_DEVS];  /* PRR IRQs delivered to VMs */

/* End the run with `status` (semihosting exit; tests/sim/fw/start.S). */
void fw_exit(int status) __attribute__((noreturn));

/* GIC, global timer and UART set up; IRQs enabled. */
void th_init(void);
/* Global timer low word: PERIPHCLK = 333.33 MHz ticks. */
uint32_t th_now(void);
/* ticks -> ns */
uint32_t th_ns(uint32_t ticks);

/* th_send: hand one message to the VDM (returns the log index before it).
 * th_wait: deliver interrupt messages until the log has an event matching (kind, a, b, c) (c = 0xFF: any) at an index
 * >= from, or timeout_us passes. Returns its index, or -1. */
int th_send(vdm *v, uint32_t type, uint32_t a1, uint32_t a2, uint32_t a3);
extern uint32_t th_send_t;   /* global timer at the last th_send */
int th_wait(vdm *v, unsigned from, unsigned kind, unsigned a, unsigned b, unsigned c,
            uint32_t timeout_us);
/* Deliver interrupt messages until cond(arg) holds or timeout_us passes. */
int th_run_until(vdm *v, int (*cond)(void *), void *arg, uint32_t timeout_us);
/* Without a VDM: take the next interrupt message (1) or none (0); sleep
 * until the next interrupt; re-enable a serviced interrupt. */
int th_pop(vdm_msg *m);
void th_sleep(void);
void th_gic_enable(unsigned id);
/* Index of the first event (kind, a, b, c) at >= from, or -1 (no waiting). */
int th_find(unsigned from, unsigned kind, unsigned a, unsigned b, unsigned c);

/* IF window of (slot, dev). */
uintptr_t th_if(unsigned slot, unsigned dev);

/* Console (vdm_printf formats; th_uart_drain waits until all is sent). */
void th_puts(const char *s);
void th_uart_drain(void);
/* Record a failed check (prints "FAIL: what"); th_failures counts them. */
extern unsigned th_failures;
int th_check(int ok, const char *what);

/* CRC-32/IEEE of n bytes. */
uint32_t th_crc32(const volatile void *p, uint32_t n);

/* Boot-information block under construction. */
typedef struct th_bootinfo {
    dprsim_bi_header h;
    dprsim_bi_vm vm[4];
    dprsim_bi_module mod[16];
    dprsim_bi_prr prr[4];
    dprsim_bi_bitstream bs[16];
    uint8_t raw[2048];   /* the packed block is written here */
} th_bootinfo;
/* Pack the parts (counts in h) into raw and return it. */
const dprsim_bi_header *th_bootinfo_pack(th_bootinfo *b);

#endif
