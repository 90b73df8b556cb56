/* Runaway program: never exits (for the --max-insns error path). */
int main(void)
{
    volatile unsigned n = 0;
    for (;;)
        n++;
}
