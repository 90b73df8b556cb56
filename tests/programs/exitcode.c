/* A non-zero exit status through exit() (SYS_EXIT_EXTENDED), after output
 * that must be flushed by the C library's exit path. */
#include <stdio.h>
#include <stdlib.h>

static void bye(void)
{
    printf("atexit handler ran\n");
}

int main(void)
{
    atexit(bye);
    printf("about to exit with status 42\n");
    exit(42);
}
