/*
 * cpu_loop.c - CPU-bound program for the speed comparison of dprsim and
 * armiss (no MMIO): a checksum over a small array, repeated. Exits with
 * the low byte of the checksum through semihosting.
 */
#include <stdint.h>

void fw_exit(int status) __attribute__((noreturn));

static uint32_t data[256];

int main(void)
{
    uint32_t sum = 0;
    for (uint32_t i = 0; i < 256; i++) data[i] = i * 2654435761u;
    for (uint32_t round = 0; round < 20000; round++)
        for (uint32_t i = 0; i < 256; i++) {
            sum = (sum << 5) + sum + (data[i] ^ round);
            data[i] += sum >> 7;
        }
    return (int)(sum & 0x7F);
}
