/*
 * decode_common.c - table lookup shared by the A32 and T32 decoders, and
 * the override relation checked by tests/arm/test_decode_overlap.cc.
 */
#include "arm_internal.h"

/* Is `word` one of the space-separated words in `list`? */
static int in_list(const char *list, const char *word)
{
    size_t n;
    if (!list || !word) return 0;
    n = strlen(word);
    while (*list) {
        const char *end;
        while (*list == ' ') list++;
        end = list;
        while (*end && *end != ' ') end++;
        if ((size_t)(end - list) == n && memcmp(list, word, n) == 0) return 1;
        list = end;
    }
    return 0;
}

int arm_decode_overrides(const arm_decode_entry *a, const arm_decode_entry *b)
{
    return in_list(a->overrides, b->name) || in_list(a->overrides, b->group);
}

const arm_decode_entry *arm_decode_find(const arm_decode_entry *table, size_t n, uint32_t insn)
{
    const arm_decode_entry *best = NULL;
    size_t k;
    for (k = 0; k < n; k++) {
        const arm_decode_entry *e = &table[k];
        if ((insn & e->mask) != e->match) continue;
        if (!best || arm_decode_overrides(e, best)) best = e;
    }
    return best;
}
