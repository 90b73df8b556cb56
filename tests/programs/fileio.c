/* File I/O on the host through semihosting: create, write, seek, read, append,
 * try to rename and remove a temporary file (name from argv[1], in the cwd). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: fileio TMPFILE\n");
        return 2;
    }
    const char *name = argv[1];
    FILE *f = fopen(name, "w+b");
    if (!f) {
        printf("fopen failed\n");
        return 1;
    }
    for (int i = 0; i < 100; i++)
        fprintf(f, "line %03d\n", i);
    long end = ftell(f);
    printf("written bytes=%ld\n", end);
    fseek(f, 9 * 42, SEEK_SET);
    char buf[32];
    printf("line at 42: %s", fgets(buf, sizeof buf, f));
    rewind(f);
    size_t n = fread(buf, 1, 20, f);
    buf[n] = '\0';
    printf("first %u bytes: [%.8s|%.8s]\n", (unsigned)n, buf, buf + 9);
    fseek(f, -9, SEEK_END);
    printf("last line: %s", fgets(buf, sizeof buf, f));
    printf("fgets at eof: %s\n", fgets(buf, sizeof buf, f) ? "data" : "NULL");
    printf("feof=%d\n", feof(f) != 0);
    fclose(f);

    f = fopen(name, "ab");
    fputs("appended\n", f);
    fclose(f);
    f = fopen(name, "rb");
    fseek(f, 0, SEEK_END);
    printf("size after append=%ld\n", ftell(f));
    fclose(f);

    char renamed[256];
    snprintf(renamed, sizeof renamed, "%s.renamed", name);
    /* newlib's rename() is link()+unlink(), and rdimon has no link(): it
     * fails without a semihosting call, under any semihosting host. */
    int rn = rename(name, renamed);
    printf("rename=%d\n", rn);
    const char *now = rn == 0 ? renamed : name;
    FILE *g = fopen(now, "rb");
    printf("open current name: %s\n", g ? "opened" : "failed");
    if (g)
        fclose(g);
    printf("remove=%d\n", remove(now));
    printf("open after remove: %s\n", fopen(now, "rb") ? "opened" : "failed");
    printf("remove again=%d\n", remove(now));
    printf("open missing dir: %s\n", fopen("no-such-dir/x/y", "rb") ? "opened" : "failed");
    return 0;
}
