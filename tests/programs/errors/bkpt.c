/* Executes BKPT with no prefetch abort vector installed. */
int main(void)
{
    __asm__ volatile("bkpt #0x12");
    return 0;
}
