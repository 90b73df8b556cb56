/* How much heap the C library gets from SYS_HEAPINFO: allocate 1 MiB blocks
 * until malloc fails (the memory size is program-visible this way), write to
 * the first and last byte of each, then free them all and allocate again. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define BLOCK (1u << 20)
#define MAX_BLOCKS 4096

static unsigned char *blocks[MAX_BLOCKS];

int main(void)
{
    unsigned n = 0;
    while (n < MAX_BLOCKS && (blocks[n] = malloc(BLOCK)) != NULL) {
        blocks[n][0] = (unsigned char)n;
        blocks[n][BLOCK - 1] = (unsigned char)~n;
        n++;
    }
    int ok = 1;
    for (unsigned i = 0; i < n; i++)
        if (blocks[i][0] != (unsigned char)i || blocks[i][BLOCK - 1] != (unsigned char)~i)
            ok = 0;
    printf("1 MiB blocks: %u, contents intact: %d\n", n, ok);
    for (unsigned i = 0; i < n; i++)
        free(blocks[i]);
    void *again = malloc(BLOCK * 8);
    printf("8 MiB after freeing: %s\n", again ? "ok" : "failed");
    free(again);
    return 0;
}
