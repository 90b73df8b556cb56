/*
 * prio_high: waits three times for its 3 ms HC_TIMER (HC_WAIT) while a
 * lower-priority VM computes; each wake-up must preempt that VM at once:
 * the latency from the period's end to the wake-up is checked (< 50 us)
 * and printed at the end.
 */
#include "grt.h"

#define PERIOD_US 3000u
#define COUNTS_PER_MS 333333u   /* PERIPHCLK = 666.67 MHz / 2 */

int main(uint32_t id)
{
    int bad = 0;
    uint32_t late[4];
    grt_printf("high %u start\n", id);
    uint64_t t0 = grt_time();
    if (grt_hc(HC_TIMER, PERIOD_US, 0, 0) != 0) return 10;
    for (uint32_t n = 1; n <= 3; n++) {
        int32_t got = grt_hc(HC_WAIT, 1u << HV_VIRQ_TIMER, 0, 0);
        uint64_t now = grt_time();
        late[n] = (uint32_t)((now - t0) * 1000u / COUNTS_PER_MS) - n * PERIOD_US;
        grt_printf("high wake %u\n", n);
        if (got != (1 << HV_VIRQ_TIMER) || late[n] >= 50u) bad = 1;
    }
    grt_hc(HC_TIMER, 0, 0, 0);
    grt_printf("high late %u %u %u us: %s\n", late[1], late[2], late[3], bad ? "BAD" : "ok");
    return bad;
}
