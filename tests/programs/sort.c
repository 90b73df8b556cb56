/* qsort and bsearch over pseudo-random data. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

static uint32_t lcg_state = 12345;
static uint32_t lcg(void)
{
    lcg_state = lcg_state * 1103515245u + 12345u;
    return lcg_state >> 8;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

struct rec {
    char name[8];
    int key;
};

static int cmp_rec(const void *a, const void *b)
{
    const struct rec *x = a, *y = b;
    if (x->key != y->key)
        return x->key - y->key;
    return (x->name[0] > y->name[0]) - (x->name[0] < y->name[0]);
}

#define N 2000
static int v[N];

int main(void)
{
    for (int i = 0; i < N; i++)
        v[i] = (int)(lcg() % 100000) - 50000;
    qsort(v, N, sizeof v[0], cmp_int);
    int sorted = 1;
    uint32_t h = 0;
    for (int i = 0; i < N; i++) {
        if (i && v[i - 1] > v[i])
            sorted = 0;
        h = h * 33u + (uint32_t)v[i];
    }
    printf("sorted=%d min=%d max=%d median=%d hash=%08lx\n", sorted, v[0], v[N - 1], v[N / 2],
           (unsigned long)h);
    int found = 0;
    for (int k = -50000; k < 50000; k += 97)
        if (bsearch(&k, v, N, sizeof v[0], cmp_int))
            found++;
    printf("bsearch found=%d\n", found);
    struct rec r[10];
    for (int i = 0; i < 10; i++) {
        r[i].key = (int)(lcg() % 5);
        snprintf(r[i].name, sizeof r[i].name, "%c%d", 'a' + i, i);
    }
    qsort(r, 10, sizeof r[0], cmp_rec);
    for (int i = 0; i < 10; i++)
        printf("%s:%d%s", r[i].name, r[i].key, i == 9 ? "\n" : " ");
    return 0;
}
