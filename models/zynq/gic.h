/*
 * gic.h - Cortex-A9 MPCore interrupt controller (PL390-class GIC v1) as on
 * the Zynq-7000 (dprsim): distributor at PERIPHBASE+0x1000, CPU interfaces
 * at PERIPHBASE+0x100 (banked per CPU). ZYNQ_ARM_FACTS 2.3.
 *
 * IDs 0-95: SGI 0-15, PPI 16-31 (banked per CPU), SPI 32-95; 5 priority bits
 * (priority registers keep bits 7:3); up to GIC_MAX_CPUS CPU interfaces.
 * Pending, active and active+pending states; level-sensitive IDs are pending
 * while their input is high (or a set-pending latch is set), edge-triggered
 * ones latch on a rising input. Preemption uses the group priority selected by
 * ICCBPR. The security extensions are not modelled: ICDISR is storage only and
 * every interrupt is signalled on nIRQ (never nFIQ).
 *
 * The two register windows are separate zynq_dev faces of one gic struct:
 * gic->dist.dev (size 0x1000) and gic->cpuif.dev (size 0x100). Accesses
 * through them act for CPU gic->access_cpu (0 unless the platform changes it);
 * gic_dist_access()/gic_cpu_access() take the CPU explicitly.
 * Outputs: nIRQ per CPU (zynq_irq; num = CPU index). Inputs: gic_set_irq().
 */
#ifndef GIC_H
#define GIC_H

#include "zynq_dev.h"

#ifdef __cplusplus
extern "C" {
#endif

#define GIC_MAX_CPUS  2
#define GIC_NUM_IRQS  96
#define GIC_SPURIOUS  1023
#define GIC_PRIO_MASK 0xF8u   /* 5 implemented priority bits */

/* Distributor offsets */
#define GIC_ICDDCR   0x000
#define GIC_ICDICTR  0x004
#define GIC_ICDIIDR  0x008
#define GIC_ICDISR   0x080
#define GIC_ICDISER  0x100
#define GIC_ICDICER  0x180
#define GIC_ICDISPR  0x200
#define GIC_ICDICPR  0x280
#define GIC_ICDABR   0x300
#define GIC_ICDIPR   0x400
#define GIC_ICDIPTR  0x800
#define GIC_ICDICFR  0xC00
#define GIC_PPI_STATUS 0xD00
#define GIC_SPI_STATUS 0xD04
#define GIC_ICDSGIR  0xF00
/* CPU interface offsets */
#define GIC_ICCICR   0x00
#define GIC_ICCPMR   0x04
#define GIC_ICCBPR   0x08
#define GIC_ICCIAR   0x0C
#define GIC_ICCEOIR  0x10
#define GIC_ICCRPR   0x14
#define GIC_ICCHPIR  0x18
#define GIC_ICCABPR  0x1C
#define GIC_ICCIIDR  0xFC

typedef struct gic gic;

/** One window of the GIC (distributor or CPU interface). */
typedef struct gic_face {
    zynq_dev dev;   /* must be first */
    gic *owner;
} gic_face;

typedef struct gic_active {
    uint16_t id;    /**< acknowledged ID */
    uint8_t src;    /**< SGI source CPU */
    uint8_t prio;   /**< priority at acknowledge */
} gic_active;

struct gic {
    gic_face dist;
    gic_face cpuif;
    unsigned ncpu;
    unsigned access_cpu;                 /**< CPU for the zynq_dev faces */
    zynq_irq nirq[GIC_MAX_CPUS];
    int nirq_level[GIC_MAX_CPUS];
    /* distributor state; [cpu][id] for banked IDs < 32, SPIs mirrored */
    bool dist_enable;
    uint32_t icdisr[3 * GIC_MAX_CPUS];
    bool enabled[GIC_MAX_CPUS][GIC_NUM_IRQS];
    bool latch[GIC_MAX_CPUS][GIC_NUM_IRQS];   /**< pending latch (not SGIs) */
    bool active[GIC_MAX_CPUS][GIC_NUM_IRQS];
    bool level[GIC_MAX_CPUS][GIC_NUM_IRQS];   /**< input line */
    uint8_t prio[GIC_MAX_CPUS][GIC_NUM_IRQS];
    uint8_t targets[GIC_NUM_IRQS];            /**< SPIs only */
    bool edge[GIC_NUM_IRQS];                  /**< ICDICFR bit 1 (shared) */
    uint8_t sgi_src[GIC_MAX_CPUS][16];        /**< pending SGI source CPUs */
    /* CPU interfaces */
    uint32_t iccicr[GIC_MAX_CPUS];
    uint8_t pmr[GIC_MAX_CPUS];
    uint8_t bpr[GIC_MAX_CPUS];
    uint8_t abpr[GIC_MAX_CPUS];
    gic_active stack[GIC_MAX_CPUS][GIC_NUM_IRQS];
    unsigned depth[GIC_MAX_CPUS];
};

/** Initialise with `ncpu` CPU interfaces (1..GIC_MAX_CPUS) and reset. */
void gic_init(gic *g, const char *name, unsigned ncpu);
void gic_reset(gic *g);
/** Connect CPU `cpu`'s nIRQ output. */
void gic_set_nirq(gic *g, unsigned cpu, zynq_irq irq);
/** Drive interrupt input `id` (16..95). For PPIs (16..31) this drives CPU 0's
 *  line; use gic_set_ppi() for another CPU. Suitable as a zynq_irq fn via
 *  gic_irq_input(). */
void gic_set_irq(gic *g, unsigned id, int level);
void gic_set_ppi(gic *g, unsigned cpu, unsigned id, int level);
/** zynq_irq_fn adapter: opaque = gic*, num = ID. */
void gic_irq_input(void *opaque, int num, int level);
/** A zynq_irq value that drives GIC input `id`. */
zynq_irq gic_input(gic *g, unsigned id);

/** Explicit-CPU register access (offsets inside each window). */
zynq_status gic_dist_access(gic *g, unsigned cpu, bool write, uint32_t off,
                            unsigned size, uint32_t *value);
zynq_status gic_cpu_access(gic *g, unsigned cpu, bool write, uint32_t off,
                           unsigned size, uint32_t *value);
/** State queries (tests, tracing). */
bool gic_is_pending(const gic *g, unsigned cpu, unsigned id);
bool gic_is_active(const gic *g, unsigned cpu, unsigned id);

#ifdef __cplusplus
}
#endif
#endif /* GIC_H */
