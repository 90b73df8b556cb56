/* Heap: malloc/calloc/realloc/free, a linked list and a binary tree. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

struct node {
    struct node *next;
    int value;
};

struct tree {
    struct tree *l, *r;
    int key;
};

static struct tree *insert(struct tree *t, int key)
{
    if (!t) {
        t = calloc(1, sizeof *t);
        t->key = key;
        return t;
    }
    if (key < t->key)
        t->l = insert(t->l, key);
    else
        t->r = insert(t->r, key);
    return t;
}

static int depth(const struct tree *t)
{
    if (!t)
        return 0;
    int a = depth(t->l), b = depth(t->r);
    return 1 + (a > b ? a : b);
}

static long walk(const struct tree *t, long acc)
{
    if (!t)
        return acc;
    acc = walk(t->l, acc);
    acc = acc * 3 + t->key;
    acc %= 1000000007L;
    return walk(t->r, acc);
}

static void free_tree(struct tree *t)
{
    if (t) {
        free_tree(t->l);
        free_tree(t->r);
        free(t);
    }
}

int main(void)
{
    struct node *head = NULL;
    for (int i = 0; i < 1000; i++) {
        struct node *n = malloc(sizeof *n);
        if (!n)
            return 2;
        n->value = i * i;
        n->next = head;
        head = n;
    }
    long sum = 0;
    int count = 0;
    while (head) {
        struct node *n = head;
        head = n->next;
        sum += n->value;
        count++;
        free(n);
    }
    printf("list count=%d sum=%ld\n", count, sum);

    int *arr = NULL;
    size_t cap = 0;
    for (size_t i = 0; i < 5000; i++) {
        if (i == cap) {
            cap = cap ? cap * 2 : 4;
            int *p = realloc(arr, cap * sizeof *arr);
            if (!p)
                return 3;
            arr = p;
        }
        arr[i] = (int)(i ^ (i >> 3));
    }
    long s2 = 0;
    for (size_t i = 0; i < 5000; i++)
        s2 += arr[i];
    printf("realloc cap=%u sum=%ld\n", (unsigned)cap, s2);
    free(arr);

    char *z = calloc(4096, 1);
    int nonzero = 0;
    for (int i = 0; i < 4096; i++)
        nonzero += z[i] != 0;
    printf("calloc nonzero=%d\n", nonzero);
    free(z);

    struct tree *t = NULL;
    uint32_t x = 1;
    for (int i = 0; i < 500; i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        t = insert(t, (int)(x % 10000));
    }
    printf("tree depth=%d walk=%ld\n", depth(t), walk(t, 0));
    free_tree(t);

    /* Many differently-sized blocks, freed in a scrambled order. */
    void *blocks[64];
    for (int i = 0; i < 64; i++) {
        blocks[i] = malloc((size_t)(i * 37 % 300 + 1));
        memset(blocks[i], i, (size_t)(i * 37 % 300 + 1));
    }
    int ok = 1;
    for (int i = 0; i < 64; i++) {
        int j = (i * 29) % 64;
        unsigned char *b = blocks[j];
        for (int k = 0; k < j * 37 % 300 + 1; k++)
            if (b[k] != (unsigned char)j)
                ok = 0;
        free(blocks[j]);
    }
    printf("blocks intact=%d\n", ok);
    return 0;
}
