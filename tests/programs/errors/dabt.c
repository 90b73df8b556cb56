/* Reads an address where nothing is mapped (a data abort with no handler). */
#include <stdint.h>

int main(void)
{
    return (int)*(volatile uint32_t *)0x30000000u;
}
