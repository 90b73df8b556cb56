/*
 * pl_gp0_err.c - an AXI4-Lite error response of the PL becomes an external
 * abort: with the PL attached, a read of GP0 offset 0x3000 (outside every
 * block of the PL address map, rtl/README.md: DECERR) must take the data
 * abort (start.S's handler exits with status 0xE4), after a good read of the
 * Monitor ID at offset 0 shows the window is mapped.
 */
#include "fw.h"
#include "dprsim_pl_regs.h"

int main(void)
{
    uint32_t id = FW_REG(PL_MAP_GP0_BASE + PL_MAP_MON_BASE + PL_MON_ID);
    fw_puts(id == PL_MON_ID_RESET ? "monitor id ok\n" : "monitor id WRONG\n");
    fw_puts("reading 0x40003000\n");
    fw_uart_drain();
    (void)FW_REG(PL_MAP_GP0_BASE + 0x3000u);
    fw_puts("no abort\n");
    fw_uart_drain();
    return 1;
}
