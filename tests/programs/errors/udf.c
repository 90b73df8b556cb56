/* Executes a permanently undefined instruction (UDF) with no vector installed. */
#include <stdio.h>

int main(void)
{
    printf("before the undefined instruction\n");
    fflush(stdout);
    __builtin_trap();
}
