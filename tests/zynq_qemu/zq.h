/*
 * zq.h - register map of the zynq_qemu probe (prefix ZQ_).
 * UART: Zynq-7000 TRM UG585 appendix B.33. GIC, private and global timers:
 * Cortex-A9 MPCore TRM DDI 0407 ch. 3-4 (PERIPHBASE 0xF8F00000 on Zynq,
 * UG585 table 4-1). Interrupt IDs: UG585 table 7-3 / 7-4.
 */
#ifndef ZQ_H
#define ZQ_H

#include <stdint.h>

#define ZQ_REG(a) (*(volatile uint32_t *)(uintptr_t)(a))

/* UART1 (the ZedBoard console) */
#define ZQ_UART1            0xE0001000u
#define ZQ_UART_CR          0x00u
#define ZQ_UART_MR          0x04u
#define ZQ_UART_IER         0x08u
#define ZQ_UART_IDR         0x0Cu
#define ZQ_UART_IMR         0x10u
#define ZQ_UART_ISR         0x14u
#define ZQ_UART_BAUDGEN     0x18u
#define ZQ_UART_RXWM        0x20u
#define ZQ_UART_SR          0x2Cu
#define ZQ_UART_FIFO        0x30u
#define ZQ_UART_BAUDDIV     0x34u
#define ZQ_UART_CR_RXRST    (1u << 0)
#define ZQ_UART_CR_TXRST    (1u << 1)
#define ZQ_UART_CR_RX_EN    (1u << 2)
#define ZQ_UART_CR_RX_DIS   (1u << 3)
#define ZQ_UART_CR_TX_EN    (1u << 4)
#define ZQ_UART_CR_TX_DIS   (1u << 5)
#define ZQ_UART_MR_8N1      0x20u          /* CHRL 8 bits, PAR none (b5:3 = 1xx), 1 stop */
#define ZQ_UART_MR_CHMODE   (3u << 8)
#define ZQ_UART_MR_LOCAL_LOOP (2u << 8)    /* CHMODE 10: local loopback, TX into RX */
#define ZQ_UART_SR_RTRIG    (1u << 0)
#define ZQ_UART_SR_REMPTY   (1u << 1)
#define ZQ_UART_SR_TEMPTY   (1u << 3)
#define ZQ_UART_SR_TFUL     (1u << 4)
#define ZQ_UART_SR_TACTIVE  (1u << 11)
#define ZQ_UART_SR_TNFUL    (1u << 14)
#define ZQ_UART_IXR_RTRIG   (1u << 0)

/* GIC CPU interface and distributor */
#define ZQ_GIC_CPU          0xF8F00100u
#define ZQ_ICCICR           0x00u
#define ZQ_ICCPMR           0x04u
#define ZQ_ICCIAR           0x0Cu
#define ZQ_ICCEOIR          0x10u
#define ZQ_ICCRPR           0x14u
#define ZQ_ICCHPIR          0x18u
#define ZQ_GIC_DIST         0xF8F01000u
#define ZQ_ICDDCR           0x000u
#define ZQ_ICDICTR          0x004u
#define ZQ_ICDISER          0x100u
#define ZQ_ICDICER          0x180u
#define ZQ_ICDISPR          0x200u
#define ZQ_ICDIPR           0x400u
#define ZQ_ICDIPTR          0x800u

/* Global timer */
#define ZQ_GTIMER           0xF8F00200u
#define ZQ_GT_COUNTER_LO    0x00u
#define ZQ_GT_COUNTER_HI    0x04u
#define ZQ_GT_CONTROL       0x08u
#define ZQ_GT_ISR           0x0Cu
#define ZQ_GT_COMP_LO       0x10u
#define ZQ_GT_COMP_HI       0x14u
#define ZQ_GT_AUTOINC       0x18u
#define ZQ_GT_ENABLE        (1u << 0)
#define ZQ_GT_COMP_EN       (1u << 1)
#define ZQ_GT_IRQ_EN        (1u << 2)
#define ZQ_GT_AUTO_INC      (1u << 3)

/* Private timer */
#define ZQ_PTIMER           0xF8F00600u
#define ZQ_PT_LOAD          0x00u
#define ZQ_PT_COUNTER       0x04u
#define ZQ_PT_CONTROL       0x08u
#define ZQ_PT_ISR           0x0Cu
#define ZQ_PT_ENABLE        (1u << 0)
#define ZQ_PT_AUTO_RELOAD   (1u << 1)
#define ZQ_PT_IRQ_EN        (1u << 2)

/* Interrupt IDs */
#define ZQ_ID_GTIMER        27u
#define ZQ_ID_PTIMER        29u
#define ZQ_ID_UART1         82u

/* Start-up: tests/sim/fw/start.S (vectors, stacks, VBAR, .bss, main(),
 * semihosting exit) with tests/sim/fw/link.ld, shared with the tests/sim
 * and tests/vdm programs. */
void fw_exit(int status) __attribute__((noreturn));
void fw_irq_handler(void);   /* the IRQ vector calls it */
int main(void);

#endif
