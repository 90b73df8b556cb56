/* setjmp/longjmp: nested jumps, values, state preserved in volatiles. */
#include <setjmp.h>
#include <stdio.h>

static jmp_buf outer, inner;
static int depth_reached;
static volatile int dive_limit = 10;

static void dive(int depth)
{
    depth_reached = depth;
    if (depth >= dive_limit)
        longjmp(inner, depth * 3);
    if (depth < 1000)
        dive(depth + 1);
}

static void thrower(int v)
{
    longjmp(outer, v);
}

int main(void)
{
    volatile int rounds = 0;
    int r = setjmp(outer);
    printf("setjmp returned %d (round %d)\n", r, rounds);
    if (rounds < 3) {
        rounds++;
        thrower(rounds * 100);
    }
    int v = setjmp(inner);
    if (v == 0) {
        dive(0);
        printf("not reached\n");
    } else {
        printf("inner longjmp value %d depth %d\n", v, depth_reached);
    }
    /* longjmp with 0 must make setjmp return 1 */
    volatile int once = 0;
    int z = setjmp(outer);
    if (!once) {
        once = 1;
        longjmp(outer, 0);
    }
    printf("longjmp(0) gives %d\n", z);
    return 0;
}
