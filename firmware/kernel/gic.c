/*
 * gic.c - GIC distributor and CPU interface, private timer (scheduler tick)
 * and global timer (guest timers, HC_TIME) of the Cortex-A9 MPCore private
 * region at 0xF8F00000 (Cortex-A9 MPCore TRM DDI 0407 ch. 3-4; offsets in
 * ZYNQ_ARM_FACTS §2.3-2.4).
 */
#include "hv.h"

#define GIC_CPU   0xF8F00100u
#define GIC_DIST  0xF8F01000u
#define GTIMER    0xF8F00200u
#define PTIMER    0xF8F00600u

#define ICCICR  0x00u
#define ICCPMR  0x04u
#define ICCIAR  0x0Cu
#define ICCEOIR 0x10u
#define ICDDCR  0x000u
#define ICDISER 0x100u
#define ICDICER 0x180u
#define ICDICPR 0x280u
#define ICDIPR  0x400u
#define ICDIPTR 0x800u

#define GT_LO    0x00u
#define GT_HI    0x04u
#define GT_CTRL  0x08u
#define GT_ISR   0x0Cu
#define GT_CMPLO 0x10u
#define GT_CMPHI 0x14u
#define GT_CTRL_EN     (1u << 0)
#define GT_CTRL_CMP_EN (1u << 1)
#define GT_CTRL_IRQ_EN (1u << 2)

#define PT_LOAD  0x00u
#define PT_CTRL  0x08u
#define PT_ISR   0x0Cu

#define GIC_NUM_IDS 96u

void hv_gic_init(void)
{
    HV_REG(GIC_CPU + ICCICR) = 0;
    HV_REG(GIC_DIST + ICDDCR) = 0;
    for (uint32_t i = 0; i < GIC_NUM_IDS / 32; i++) {
        HV_REG(GIC_DIST + ICDICER + 4 * i) = 0xFFFFFFFFu;
        HV_REG(GIC_DIST + ICDICPR + 4 * i) = 0xFFFFFFFFu;
    }
    /* one priority for all (the kernel never nests interrupts), SPIs to CPU0 */
    for (uint32_t i = 0; i < GIC_NUM_IDS / 4; i++) HV_REG(GIC_DIST + ICDIPR + 4 * i) = 0xA0A0A0A0u;
    for (uint32_t i = 32 / 4; i < GIC_NUM_IDS / 4; i++) HV_REG(GIC_DIST + ICDIPTR + 4 * i) = 0x01010101u;
    HV_REG(GIC_CPU + ICCPMR) = 0xF0;
    HV_REG(GIC_DIST + ICDDCR) = 1;
    HV_REG(GIC_CPU + ICCICR) = 1;
}

void hv_gic_enable(uint32_t id)
{
    HV_REG(GIC_DIST + ICDISER + 4 * (id / 32)) = 1u << (id % 32);
}

void hv_gic_disable(uint32_t id)
{
    HV_REG(GIC_DIST + ICDICER + 4 * (id / 32)) = 1u << (id % 32);
}

uint32_t hv_gic_ack(void)
{
    return HV_REG(GIC_CPU + ICCIAR);
}

void hv_gic_eoi(uint32_t iar)
{
    HV_REG(GIC_CPU + ICCEOIR) = iar;
}

void hv_tick_init(void)
{
    /* period = (LOAD + 1) / PERIPHCLK (prescaler 0) */
    uint32_t load = (uint32_t)((uint64_t)hv_k.periph_hz * HV_TICK_US / 1000000u) - 1u;
    HV_REG(PTIMER + PT_CTRL) = 0;
    HV_REG(PTIMER + PT_ISR) = 1;
    HV_REG(PTIMER + PT_LOAD) = load;
    HV_REG(PTIMER + PT_CTRL) = 7;       /* enable, auto-reload, IRQ enable */
    hv_gic_enable(HV_GIC_PTIMER);
}

void hv_tick_ack(void)
{
    HV_REG(PTIMER + PT_ISR) = 1;
}

uint64_t hv_gtimer_now(void)
{
    uint32_t hi, lo;
    do {                                 /* the 64-bit read sequence of the TRM */
        hi = HV_REG(GTIMER + GT_HI);
        lo = HV_REG(GTIMER + GT_LO);
    } while (HV_REG(GTIMER + GT_HI) != hi);
    return ((uint64_t)hi << 32) | lo;
}

void hv_gtimer_set_compare(uint64_t when)
{
    uint32_t ctrl = HV_REG(GTIMER + GT_CTRL) | GT_CTRL_EN;
    HV_REG(GTIMER + GT_CTRL) = ctrl & ~(GT_CTRL_CMP_EN | GT_CTRL_IRQ_EN);
    HV_REG(GTIMER + GT_ISR) = 1;
    if (!when) return;
    HV_REG(GTIMER + GT_CMPLO) = (uint32_t)when;
    HV_REG(GTIMER + GT_CMPHI) = (uint32_t)(when >> 32);
    HV_REG(GTIMER + GT_CTRL) = ctrl | GT_CTRL_CMP_EN | GT_CTRL_IRQ_EN;
}

void hv_gtimer_ack(void)
{
    HV_REG(GTIMER + GT_ISR) = 1;
}

/* Starts the global timer if the boot code left it off (counts from 0). */
void hv_gtimer_start(void)
{
    if (!(HV_REG(GTIMER + GT_CTRL) & GT_CTRL_EN)) {
        HV_REG(GTIMER + GT_LO) = 0;
        HV_REG(GTIMER + GT_HI) = 0;
        HV_REG(GTIMER + GT_CTRL) = GT_CTRL_EN;
    }
    hv_gic_enable(HV_GIC_GTIMER);
}
