/* Recursion: Fibonacci, Ackermann, Towers of Hanoi, N-queens, mutual recursion. */
#include <stdio.h>

static unsigned fib(unsigned n)
{
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

static unsigned ack(unsigned m, unsigned n)
{
    if (m == 0)
        return n + 1;
    if (n == 0)
        return ack(m - 1, 1);
    return ack(m - 1, ack(m, n - 1));
}

static unsigned long hanoi_moves;
static void hanoi(int n, int from, int to, int via)
{
    if (n == 0)
        return;
    hanoi(n - 1, from, via, to);
    hanoi_moves++;
    hanoi(n - 1, via, to, from);
}

static int queens(int n, int row, unsigned cols, unsigned d1, unsigned d2)
{
    if (row == n)
        return 1;
    int count = 0;
    for (int c = 0; c < n; c++) {
        unsigned a = 1u << c, b = 1u << (row + c), e = 1u << (row - c + n);
        if ((cols & a) || (d1 & b) || (d2 & e))
            continue;
        count += queens(n, row + 1, cols | a, d1 | b, d2 | e);
    }
    return count;
}

static int is_odd(unsigned n);
static int is_even(unsigned n)
{
    return n == 0 ? 1 : is_odd(n - 1);
}
static int is_odd(unsigned n)
{
    return n == 0 ? 0 : is_even(n - 1);
}

int main(void)
{
    for (unsigned i = 0; i <= 24; i += 6)
        printf("fib(%u)=%u\n", i, fib(i));
    printf("ack(2,3)=%u ack(3,3)=%u\n", ack(2, 3), ack(3, 3));
    hanoi(16, 1, 3, 2);
    printf("hanoi(16) moves=%lu\n", hanoi_moves);
    for (int n = 4; n <= 8; n++)
        printf("queens(%d)=%d\n", n, queens(n, 0, 0, 0, 0));
    printf("even(1001)=%d odd(1001)=%d\n", is_even(1001), is_odd(1001));
    return 0;
}
