/*
 * uart_hello.c - prints through UART1 by polling SR.TXFULL, then exits by
 * semihosting with status FW_EXIT_STATUS. The text is longer than the
 * 64-byte TX FIFO so that the TXFULL poll really waits.
 */
#include "fw.h"

#ifndef FW_EXIT_STATUS
#define FW_EXIT_STATUS 7
#endif

int main(void)
{
    fw_puts("hello from dprsim on UART1\n");
    for (int line = 0; line < 3; line++) {
        fw_puts("line ");
        fw_putdec((uint32_t)line);
        fw_puts(": 0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ\n");
    }
    fw_puts("exiting with status ");
    fw_putdec(FW_EXIT_STATUS);
    fw_putc('\n');
    fw_uart_drain();
    return FW_EXIT_STATUS;
}
