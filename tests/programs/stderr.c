/* stdout and stderr are separate streams. */
#include <stdio.h>

int main(void)
{
    printf("line 1 to stdout\n");
    fprintf(stderr, "line 1 to stderr\n");
    fflush(stdout);
    for (int i = 0; i < 5; i++) {
        printf("out %d\n", i);
        fprintf(stderr, "err %d\n", i * i);
    }
    fputs("unbuffered stderr without newline", stderr);
    fputc('\n', stderr);
    printf("last stdout line\n");
    return 0;
}
