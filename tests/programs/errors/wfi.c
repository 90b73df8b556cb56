/* Waits for an interrupt that can never come. */
int main(void)
{
    __asm__ volatile("wfi");
    return 0;
}
