/*
 * armbench.c - CPU-bound benchmark for armiss (a CoreMark-like mix written
 * for dprsim): CRC-32 over a buffer, integer matrix multiply, linked-list
 * build/reverse/merge-sort, a byte-driven state machine (number scanner).
 *
 *   armbench [ITERATIONS [mmu]]     (default 100)
 *
 * Prints one checksum line that depends only on ITERATIONS, so the runs on
 * armiss and on qemu can be checked against each other. With "mmu" the
 * program first turns the MMU on with a flat map (VA = PA, 1 MiB sections)
 * and the L1 caches on (SCTLR.C, SCTLR.I)
 * so the same work runs through address translation; the checksum line is
 * the same (bench/armbench_mmu compares the two). Runs in a privileged
 * mode (armiss and qemu -kernel start in SVC).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BUF_SIZE 2048
#define MAT_N 16
#define LIST_N 256

static uint8_t buf[BUF_SIZE];
static int32_t ma[MAT_N][MAT_N], mb[MAT_N][MAT_N], mc[MAT_N][MAT_N];

struct item {
    struct item *next;
    int32_t key;
    uint16_t idx;
};
static struct item pool[LIST_N];

static uint32_t crc_table[256];

static void crc_init(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc_table[i] = c;
    }
}

static uint32_t crc32(const uint8_t *p, size_t n, uint32_t crc)
{
    crc = ~crc;
    while (n--)
        crc = crc_table[(crc ^ *p++) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

/* 16-bit CRC bit by bit (branchy, shift heavy). */
static uint16_t crc16(uint16_t crc, uint8_t b)
{
    for (int i = 0; i < 8; i++) {
        int x = (crc ^ b) & 1;
        b >>= 1;
        crc = x ? (uint16_t)((crc >> 1) ^ 0xA001) : (uint16_t)(crc >> 1);
    }
    return crc;
}

static uint32_t matrix(uint32_t seed)
{
    for (int i = 0; i < MAT_N; i++)
        for (int j = 0; j < MAT_N; j++) {
            seed = seed * 1664525u + 1013904223u;
            ma[i][j] = (int32_t)(seed >> 20) - 2048;
            mb[i][j] = (int32_t)((seed >> 8) & 0xFFF) - 2048;
        }
    for (int i = 0; i < MAT_N; i++)
        for (int j = 0; j < MAT_N; j++) {
            int32_t s = 0;
            for (int k = 0; k < MAT_N; k++)
                s += ma[i][k] * mb[k][j];
            mc[i][j] = s;
        }
    uint32_t h = 0;
    for (int i = 0; i < MAT_N; i++)
        for (int j = 0; j < MAT_N; j++)
            h = (h << 5 | h >> 27) ^ (uint32_t)mc[i][j];
    return h;
}

static struct item *merge(struct item *a, struct item *b)
{
    struct item head, *t = &head;
    while (a && b) {
        if (a->key <= b->key) {
            t->next = a;
            a = a->next;
        } else {
            t->next = b;
            b = b->next;
        }
        t = t->next;
    }
    t->next = a ? a : b;
    return head.next;
}

static struct item *sort(struct item *l)
{
    if (!l || !l->next)
        return l;
    struct item *slow = l, *fast = l->next;
    while (fast && fast->next) {
        slow = slow->next;
        fast = fast->next->next;
    }
    struct item *r = slow->next;
    slow->next = NULL;
    return merge(sort(l), sort(r));
}

static uint32_t list(uint32_t seed)
{
    struct item *l = NULL;
    for (int i = 0; i < LIST_N; i++) {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        pool[i].key = (int32_t)(seed % 10007u);
        pool[i].idx = (uint16_t)i;
        pool[i].next = l;
        l = &pool[i];
    }
    /* reverse */
    struct item *r = NULL;
    while (l) {
        struct item *n = l->next;
        l->next = r;
        r = l;
        l = n;
    }
    l = sort(r);
    uint32_t h = 0;
    int pos = 0;
    for (struct item *p = l; p; p = p->next, pos++)
        h = h * 31u + (uint32_t)p->key * (uint32_t)(pos + 1) + p->idx;
    return h;
}

/* A scanner that classifies numbers in text: int, hex, float, invalid. */
enum state { S_START, S_INT, S_HEX0, S_HEX, S_FRAC, S_EXP, S_BAD };

static uint32_t scan(const uint8_t *p, size_t n)
{
    uint32_t counts[7] = {0};
    enum state s = S_START;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = p[i];
        int sep = c == ' ' || c == ',' || c == '\n';
        if (sep) {
            counts[s]++;
            s = S_START;
            continue;
        }
        switch (s) {
        case S_START:
            s = c == '0' ? S_HEX0 : (c >= '1' && c <= '9') ? S_INT : c == '.' ? S_FRAC : S_BAD;
            break;
        case S_HEX0:
            s = c == 'x' ? S_HEX : (c >= '0' && c <= '9') ? S_INT : c == '.' ? S_FRAC : S_BAD;
            break;
        case S_INT:
            s = (c >= '0' && c <= '9') ? S_INT : c == '.' ? S_FRAC : c == 'e' ? S_EXP : S_BAD;
            break;
        case S_HEX:
            s = ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) ? S_HEX : S_BAD;
            break;
        case S_FRAC:
            s = (c >= '0' && c <= '9') ? S_FRAC : c == 'e' ? S_EXP : S_BAD;
            break;
        case S_EXP:
            s = (c >= '0' && c <= '9') ? S_EXP : S_BAD;
            break;
        default:
            break;
        }
    }
    uint32_t h = 0;
    for (int i = 0; i < 7; i++)
        h = h * 131u + counts[i];
    return h;
}

static void fill_text(uint32_t seed)
{
    static const char alphabet[] = "0123456789abcdefx.e  ,\n0x1.5e3";
    for (int i = 0; i < BUF_SIZE; i++) {
        seed = seed * 1103515245u + 12345u;
        buf[i] = (uint8_t)alphabet[(seed >> 16) % (sizeof alphabet - 1)];
    }
}

/*
 * Flat translation table: 4096 section descriptors (ARM ARM B3.5.1,
 * short-descriptor level 1): PA = VA, AP[1:0] = 11 (read/write at PL0 and
 * PL1), domain 0, TEX = 001 C = 1 B = 1 (Normal write-back memory, so
 * unaligned accesses stay legal), global. 16 KiB aligned for TTBR0 with
 * TTBCR.N = 0.
 */
static uint32_t flat_l1[4096] __attribute__((aligned(16384)));

static void mmu_on_flat(void)
{
    uint32_t sctlr;
    for (uint32_t i = 0; i < 4096; i++)
        flat_l1[i] = (i << 20) | (1u << 12) | (3u << 10) | (3u << 2) | 2u;
    __asm__ volatile("mcr p15, 0, %0, c2, c0, 2" : : "r"(0u));             /* TTBCR = 0 */
    __asm__ volatile("mcr p15, 0, %0, c2, c0, 0" : : "r"(flat_l1) : "memory"); /* TTBR0 */
    __asm__ volatile("mcr p15, 0, %0, c3, c0, 0" : : "r"(0x55555555u));    /* DACR: clients */
    __asm__ volatile("mcr p15, 0, %0, c8, c7, 0\n\tdsb\n\tisb" : : "r"(0u) : "memory"); /* TLBIALL */
    __asm__ volatile("mrc p15, 0, %0, c1, c0, 0" : "=r"(sctlr));
    /* SCTLR.M, and the caches as real software would: SCTLR.C (bit 2),
     * SCTLR.I (bit 12). They change nothing unless the ISS cache model is
     * on (armiss --caches, bench/armbench_mmu --caches). */
    sctlr |= 1u | (1u << 2) | (1u << 12);
    __asm__ volatile("mcr p15, 0, %0, c1, c0, 0\n\tisb" : : "r"(sctlr) : "memory");
}

int main(int argc, char **argv)
{
    long iterations = argc > 1 ? strtol(argv[1], NULL, 10) : 100;
    if (iterations <= 0) {
        fprintf(stderr, "armbench: bad iteration count\n");
        return 2;
    }
    if (argc > 2) {
        if (strcmp(argv[2], "mmu") != 0) {
            fprintf(stderr, "armbench: second argument must be \"mmu\"\n");
            return 2;
        }
        mmu_on_flat();
    }
    crc_init();
    uint32_t check = 0;
    uint16_t c16 = 0xFFFF;
    for (long it = 0; it < iterations; it++) {
        uint32_t seed = (uint32_t)it * 2654435761u + 1;
        fill_text(seed);
        check = crc32(buf, BUF_SIZE, check);
        for (int i = 0; i < 256; i++)
            c16 = crc16(c16, buf[i]);
        check ^= matrix(seed);
        check = check * 3u + list(seed | 1);
        check ^= scan(buf, BUF_SIZE) << (it & 7);
    }
    printf("armbench iterations=%ld checksum=%08lx crc16=%04x\n", iterations,
           (unsigned long)check, c16);
    return 0;
}
