/*
 * pl_cold.c - `dprsim boot --cold`: the PL starts held in reset with the
 * PS-PL level shifters off (SLCR reset values, UG585 B.28: FPGA_RST_CTRL
 * 0x01F33F0F, LVL_SHFTR_EN 0). PL_COLD_STEP selects how far the program
 * opens M_AXI_GP0 before it reads the Monitor ID at GP0 offset 0:
 *   0: nothing          -> the read takes a data abort (exit 0xE4)
 *   1: reset released, level shifters still off -> data abort (0xE4)
 *   2: level shifters on (0xF) and reset released, the sequence of
 *      ZYNQ_ARM_FACTS F2.1 (unlock 0xDF0D, write, relock 0x767B)
 *      -> the read answers the Monitor ID's reset value: exit 0 (1 if not).
 */
#include "fw.h"
#include "dprsim_pl_regs.h"

#ifndef PL_COLD_STEP
#error "PL_COLD_STEP must be 0, 1 or 2"
#endif

#define SLCR              0xF8000000u
#define SLCR_LOCK         0x004u
#define SLCR_UNLOCK       0x008u
#define SLCR_FPGA_RST     0x240u
#define SLCR_LVL_SHFTR_EN 0x900u

int main(void)
{
    FW_REG(SLCR + SLCR_UNLOCK) = 0xDF0Du;
#if PL_COLD_STEP >= 2
    FW_REG(SLCR + SLCR_LVL_SHFTR_EN) = 0xFu;
#endif
#if PL_COLD_STEP >= 1
    FW_REG(SLCR + SLCR_FPGA_RST) = 0u;
#endif
    FW_REG(SLCR + SLCR_LOCK) = 0x767Bu;
    uint32_t id = FW_REG(PL_MAP_GP0_BASE + PL_MAP_MON_BASE + PL_MON_ID);
    return id == PL_MON_ID_RESET ? 0 : 1;
}
