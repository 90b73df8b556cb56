/*
 * wfi_forever.c - waits for an interrupt no device will ever raise: the
 * platform must end the run (nothing can wake the CPU) instead of hanging.
 */
int main(void)
{
    for (;;) __asm__ volatile("wfi");
}
