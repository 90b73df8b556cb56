/*
 * hv.h - internal interfaces of the dprsim hypervisor kernel (firmware/kernel).
 * Every symbol starts with hv_ / HV_. The public contract with the VDM and
 * the guests is ../include/hv_abi.h; this header is the kernel's own.
 *
 * Execution model: the kernel runs with IRQs and FIQs masked in SVC mode on
 * one stack (non-preemptive kernel). Every exception from USR mode builds a
 * trap frame (struct hv_frame) on that stack (entry.S), the C handler saves
 * it into the running EC's context, acts, and hv_leave() loads the context of
 * the EC hv_schedule() chose back into the frame, which entry.S returns to.
 * The idle loop runs inside hv_schedule(): WFI with IRQs masked (a pending
 * interrupt still wakes the core, ARM ARM B1.8.13), then the GIC is polled.
 */
#ifndef HV_H
#define HV_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "hv_abi.h"
#include "dprsim_bootinfo.h"

/* ---------------- limits ------------------------------------------------ */
#define HV_MAX_VMS        4u        /* VM slots (hv_abi.h: slot <= 3) */
#define HV_MAX_ECS        (HV_MAX_VMS + 1u)  /* + the VDM */
#define HV_PRIO_LEVELS    257u      /* VM 0..255, VDM up to 256 */
#define HV_MBOX_DEPTH     8u
#define HV_VDM_QUEUE      64u       /* kernel -> VDM messages in flight */
#define HV_NUM_PRR_IRQS   4u        /* HV_GIC_PL_PRR(n), n < 4 */
#define HV_ASID_RESERVED  255u      /* used only while TTBR0 changes */
#define HV_BOOTINFO_MAX   0x1000u   /* copied for the VDM: at most 4 KiB */

/* Exit status of the simulation when the kernel stops it itself. */
#define HV_EXIT_BAD_BOOTINFO 0xEBu
#define HV_EXIT_KERNEL_FAULT 0xEEu

/* ---------------- processor state ------------------------------------- */
#define HV_CPSR_MODE_MASK 0x1Fu
#define HV_MODE_USR 0x10u
#define HV_MODE_SVC 0x13u
#define HV_CPSR_T   (1u << 5)
#define HV_CPSR_F   (1u << 6)
#define HV_CPSR_I   (1u << 7)
#define HV_CPSR_A   (1u << 8)

/*
 * Trap frame = saved USR context, lowest address first; entry.S builds it
 * with SRS (pc, cpsr) and STM ^ (sp, lr of USR). 18 words: 8-byte multiple.
 */
typedef struct hv_frame {
    uint32_t r[13];
    uint32_t sp;     /* SP_usr */
    uint32_t lr;     /* LR_usr */
    uint32_t pad;
    uint32_t pc;     /* return address (the instruction to run next) */
    uint32_t cpsr;   /* SPSR of the exception = CPSR to return to */
} hv_frame;
_Static_assert(sizeof(hv_frame) == 72, "entry.S frame layout");

/* ---------------- execution contexts ------------------------------------ */
enum hv_ec_state {
    HV_EC_FREE = 0,
    HV_EC_READY,      /* in a run queue */
    HV_EC_RUNNING,    /* hv_current, in no queue */
    HV_EC_BLOCKED,    /* waiting (reason in block) */
    HV_EC_EXITED,     /* HC_EXIT or stopped by a fault: never runs again */
};

enum hv_block {
    HV_BLK_NONE = 0,
    HV_BLK_WAIT,      /* HC_WAIT(wait_mask) */
    HV_BLK_DEV,       /* device fault: until HC_VDM_RESUME */
    HV_BLK_RECV,      /* VDM in HC_VDM_RECV */
};

typedef struct hv_ec {
    hv_frame ctx;             /* saved USR context while not running */
    hv_frame upcall_ctx;      /* context interrupted by the current upcall */
    uint32_t vfp[66];         /* d0-d31, FPSCR (lazy VFP switching), 8-aligned */

    uint32_t state;           /* enum hv_ec_state */
    uint32_t block;           /* enum hv_block */
    uint32_t prio;
    uint32_t asid;
    int is_vdm;
    struct hv_ec *rq_next;    /* run-queue link */
    uint32_t *l1;             /* 16 KiB L1 translation table */
    uint32_t *vdev_l2;        /* L2 table of the virtual-device window (VMs) */

    /* RAM of the EC, in its own VAs: [ram_va, ram_va + ram_size) */
    uint32_t ram_va, ram_size;

    /* VM only */
    uint32_t id, slot, mem_base, mem_size;
    uint32_t device_count;
    uint32_t devices[HV_VDEV_MAX];   /* module ids */
    uint32_t dev_state[HV_VDEV_MAX]; /* enum hv_dev_state (HC_VDM_NOTIFY) */
    uint32_t dev_connected;          /* bit dev: IF page mapped RW */
    uint32_t dev_requested;          /* bit dev: REQUEST sent, not yet released */
    uint32_t fault_dev;              /* HV_BLK_DEV: device of the fault */

    /* virtual interrupts */
    uint32_t virq_pending, virq_enabled, virq_handler, wait_mask;
    int in_upcall;

    /* HC_TIMER, in global timer counts (0 = off) */
    uint64_t timer_period, timer_deadline;

    /* HC_IPC_SEND mailbox */
    uint32_t mbox[HV_MBOX_DEPTH];
    uint32_t mbox_head, mbox_count;

    int32_t exit_status;
    int stopped;                     /* stopped by a fault (not HC_EXIT) */
} hv_ec;

/* ---------------- global kernel state (main.c) -------------------------- */
typedef struct hv_kernel {
    hv_ec ec[HV_MAX_ECS];            /* slots 0..vm_count-1 VMs, then the VDM */
    uint32_t vm_count;
    hv_ec *vdm;                      /* NULL when no VDM image is loaded */
    uint32_t cpu_hz, periph_hz;      /* PERIPHCLK = CPU / 2 (timers) */
    uint32_t module_count;
    uint32_t module_ids[32];
    uint32_t ticks;
    int vfp_present, vfp_d32;
} hv_kernel;

extern hv_kernel hv_k;
extern hv_ec *hv_current;            /* EC in RUNNING state, or NULL (idle) */

/* ---------------- console.c --------------------------------------------- */
void hv_console_init(void);
void hv_putc(char c);
void hv_write(const char *s, uint32_t n);
void hv_vprintf(const char *fmt, va_list ap);
/* printf subset: %s %c %d %u %x %p with optional 0 flag and width; %d %u %x
 * take 32-bit values (int, unsigned or uint32_t, the same on this ABI, which
 * is why the format attribute is not used: it would reject uint32_t). */
void hv_printf(const char *fmt, ...);
/* One kernel message line: "[hv] " + text (fmt carries its own '\n'). */
void hv_log(const char *fmt, ...);
void hv_console_drain(void);         /* flushes the ring, waits for the UART */
void hv_console_pump(void);          /* ring -> TX FIFO while it has room */

/* ---------------- lib.c -------------------------------------------------- */
void *memcpy(void *d, const void *s, size_t n);
void *memset(void *d, int c, size_t n);
void *memmove(void *d, const void *s, size_t n);
int memcmp(const void *a, const void *b, size_t n);

/* ---------------- entry.S ------------------------------------------------ */
/* Ends the simulation: semihosting SYS_EXIT_EXTENDED (ADP_Stopped_ApplicationExit). */
void hv_semihost_exit(uint32_t status) __attribute__((noreturn));
/* Enters the first EC: builds a trap frame and leaves through hv_leave(). */
void hv_start_first(void) __attribute__((noreturn));
/* Ends the simulation after draining the console. */
void hv_exit(uint32_t status) __attribute__((noreturn));
void hv_panic(const char *fmt, ...) __attribute__((noreturn));

/* ---------------- gic.c: GIC, private timer (tick), global timer -------- */
#define HV_GIC_GTIMER  27u
#define HV_GIC_PTIMER  29u
void hv_gic_init(void);
void hv_gic_enable(uint32_t id);
void hv_gic_disable(uint32_t id);
uint32_t hv_gic_ack(void);           /* ICCIAR; 1023 = nothing pending */
void hv_gic_eoi(uint32_t iar);
void hv_tick_init(void);             /* private timer, HV_TICK_US, PPI 29 */
void hv_tick_ack(void);
uint64_t hv_gtimer_now(void);        /* global timer counts (PERIPHCLK) */
void hv_gtimer_set_compare(uint64_t when);  /* 0 = comparator off */
void hv_gtimer_ack(void);
void hv_gtimer_start(void);         /* counts from 0 if it was off; PPI 27 on */

/* ---------------- mmu.c -------------------------------------------------- */
/* Builds every EC's translation tables; returns 0 or -1 (message printed). */
int hv_mmu_build(hv_ec *ec);
void hv_mmu_enable(hv_ec *first);
/* After hv_mmu_enable(): invalidates and enables the L1 I/D caches, the
 * branch predictor (SCTLR.I, C, Z) and the PL310 L2 (CONTROL = 1). */
void hv_cache_enable(void);
/* Switches TTBR0/CONTEXTIDR to ec's address space (reserved-ASID method). */
void hv_mmu_switch(hv_ec *ec);
/* Maps VM vm's IF page of device dev read/write (1) or read-only (0) and
 * invalidates the stale TLB entry (TLBIMVA with the VM's ASID). */
void hv_mmu_map_vdev(hv_ec *vm, uint32_t dev, int rw);

/* ---------------- sched.c ------------------------------------------------ */
void hv_make_ready(hv_ec *ec);       /* BLOCKED/new -> READY, queue tail */
void hv_yield_current(void);         /* RUNNING -> READY at its queue tail */
void hv_block_current(uint32_t why); /* RUNNING -> BLOCKED */
/* Chooses the EC to run next (idles until there is one). Probed by the
 * platform (hv_abi.h): real, non-inlined, external. */
hv_ec *hv_schedule(void) __attribute__((noinline));
/* Saves the trap frame into the running EC (exception from USR). */
void hv_enter(hv_frame *f);
/* Picks the next EC, switches to it, delivers its upcalls, fills f. */
void hv_leave(hv_frame *f);
/* Stops an EC for good (exit status), sends its releases, ends the run
 * when no guest VM is left. */
void hv_ec_exit(hv_ec *ec, int32_t status, int stopped);
void hv_tick(void);
/* Sets vIRQ bits pending in ec and wakes it if it waits for them. */
void hv_virq_raise(hv_ec *ec, uint32_t bits);

/* ---------------- hypercall.c ------------------------------------------- */
void hv_handle_svc(hv_frame *f);
/* Posts a kernel -> VDM message (hv_abi.h enum hv_vdm_msg). Probed by the
 * platform: real, non-inlined, external. Returns 0, or -HV_EFULL. */
int hv_ipc_send(hv_ec *dst, uint32_t msg, uint32_t a, uint32_t b, uint32_t c)
    __attribute__((noinline));
/* The range [va, va + len) lies inside ec's RAM. */
int hv_in_ram(const hv_ec *ec, uint32_t va, uint32_t len);

/* ---------------- fault.c ------------------------------------------------ */
void hv_handle_dabt(hv_frame *f);
void hv_handle_pabt(hv_frame *f);
void hv_handle_und(hv_frame *f);
void hv_handle_fiq(hv_frame *f);
/* Stops ec after a guest error, with one "[hv] vm N: ..." line. */
void hv_ec_fault(hv_ec *ec, const char *fmt, ...);

/* ---------------- irq.c -------------------------------------------------- */
void hv_irq_init(void);
void hv_handle_irq(hv_frame *f);
void hv_irq_poll(void);              /* services every pending GIC interrupt */
void hv_timers_update(void);         /* reprograms the global timer comparator */
/* HC_VDM_ROUTE_IRQ / HC_VDM_IRQ_DONE, arguments already validated. */
void hv_irq_route(uint32_t prr, uint32_t slot, uint32_t dev);
int hv_irq_vdm_done(uint32_t gic_id);  /* 0, -HV_EINVAL, -HV_EBUSY */
int hv_irq_is_pl(uint32_t gic_id);
/* ec is about to run a hypercall: unmask PRR IRQs whose vIRQ it consumed. */
void hv_irq_hypercall_entry(hv_ec *ec);
/* vIRQ bits were handed to ec (upcall or HC_WAIT). */
void hv_irq_delivered(hv_ec *ec, uint32_t bits);
/* vm exited: its routed PRR interrupts go back to the VDM (unmasked). */
void hv_irq_vm_exit(hv_ec *vm);

/* ---------------- vfp.c / vfp.S ----------------------------------------- */
void hv_vfp_init(void);
/* UNDEFINED from USR: 1 if it was a VFP/NEON instruction now enabled
 * (re-execute it), 0 if it is really undefined. */
int hv_vfp_trap(hv_ec *ec, uint32_t insn);
void hv_vfp_switch(hv_ec *next);     /* FPEXC.EN on for the owner only */
void hv_vfp_forget(hv_ec *ec);       /* ec exits: no longer the owner */
extern volatile uint32_t hv_vfp_probing;
uint32_t hv_vfp_probe(void);         /* FPSID, 0 when VFP is absent */
uint32_t hv_vfp_read_fpexc(void);
void hv_vfp_write_fpexc(uint32_t v);
uint32_t hv_vfp_read_mvfr0(void);
void hv_vfp_save(uint32_t *area, int d32);
void hv_vfp_restore(const uint32_t *area, int d32);

/* ---------------- CP15 helpers ------------------------------------------ */
#define HV_MRC(op1, crn, crm, op2) ({ uint32_t v_; \
    __asm__ volatile("mrc p15, " #op1 ", %0, c" #crn ", c" #crm ", " #op2 : "=r"(v_)); v_; })
#define HV_MCR(op1, crn, crm, op2, v) \
    __asm__ volatile("mcr p15, " #op1 ", %0, c" #crn ", c" #crm ", " #op2 :: "r"((uint32_t)(v)) : "memory")
static inline void hv_dsb(void) { __asm__ volatile("dsb" ::: "memory"); }
static inline void hv_isb(void) { __asm__ volatile("isb" ::: "memory"); }

#define HV_REG(a) (*(volatile uint32_t *)(uintptr_t)(a))

#endif /* HV_H */
