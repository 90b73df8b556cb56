/*
 * unmapped.c - reads an address no device claims (0x90000000, inside the
 * M_AXI_GP1 range, where no PL is attached): the bus answers with an error,
 * the CPU takes a data abort, start.S's handler exits with status 0xE4.
 */
#include "fw.h"

int main(void)
{
    fw_puts("reading 0x90000000\n");
    fw_uart_drain();
    (void)FW_REG(0x90000000u);
    fw_puts("no abort\n");
    fw_uart_drain();
    return 1;
}
