/*
 * upcall: a 100 us HC_TIMER delivered by upcall (HC_VIRQ_HANDLER,
 * HC_VIRQ_ENABLE) while main computes a sum in registers; after 20
 * upcalls the sum must be exact (the interrupted context was restored) and
 * every period between two upcalls must be 100 us +- 5 us.
 */
#include "grt.h"

#define N 20u
static volatile uint32_t count;
static uint64_t stamp[N];
static volatile uint32_t bits_seen;

void handler(uint32_t bits)
{
    if (count < N) stamp[count] = grt_time();
    count++;
    bits_seen |= bits;
    grt_hc(HC_VIRQ_RETURN, 0, 0, 0);
    for (;;)
        ;
}

int main(void)
{
    int bad = 0;
    if (grt_hc(HC_VIRQ_HANDLER, (uint32_t)(uintptr_t)handler, 0, 0) != 0) return 10;
    if (grt_hc(HC_VIRQ_ENABLE, 1u << HV_VIRQ_TIMER, 0, 0) != 0) return 11;
    if (grt_hc(HC_TIMER, 100, 0, 0) != 0) return 12;
    uint32_t sum = 0, i = 0;
    while (count < N) {
        sum += i ^ (i >> 3);
        i++;
    }
    grt_hc(HC_TIMER, 0, 0, 0);
    uint32_t check = 0;
    for (uint32_t j = 0; j < i; j++) check += j ^ (j >> 3);
    uint32_t lo = 0xFFFFFFFFu, hi = 0;
    for (uint32_t k = 1; k < N; k++) {
        uint32_t d = (uint32_t)((stamp[k] - stamp[k - 1]) * 1000000u / 333333u);   /* ns */
        if (d < lo) lo = d;
        if (d > hi) hi = d;
    }
    if (sum != check || bits_seen != (1u << HV_VIRQ_TIMER) || lo < 95000u || hi > 105000u) bad = 1;
    grt_printf("upcalls %u, sum %s, period %u..%u ns: %s\n", (uint32_t)count, sum == check ? "ok" : "BAD",
               lo, hi, bad ? "FAIL" : "ok");
    return bad;
}
