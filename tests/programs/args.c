/* Command-line arguments via SYS_GET_CMDLINE (argv[0] is the program path,
 * which differs between builds, so only its presence is printed). */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    printf("argc=%d\n", argc);
    printf("argv[0] present=%d\n", argv[0] != NULL && strlen(argv[0]) > 0);
    for (int i = 1; i < argc; i++)
        printf("argv[%d]=\"%s\" (%u chars)\n", i, argv[i], (unsigned)strlen(argv[i]));
    printf("argv[argc]=%s\n", argv[argc] == NULL ? "NULL" : "non-NULL");
    return 0;
}
