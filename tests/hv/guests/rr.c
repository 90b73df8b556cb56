/*
 * rr: CPU-bound steps without any hypercall in between; prints one line per
 * step. Two of these at the same priority must interleave (the tick's round
 * robin); the step also reports how long it took in global timer counts.
 */
#include "grt.h"

#define STEPS 5
#define SPIN  200000u     /* about 2 ms of CPU time per step */

int main(uint32_t id)
{
    for (int i = 0; i < STEPS; i++) {
        uint64_t t0 = grt_time();
        grt_spin(SPIN);
        uint64_t t1 = grt_time();
        grt_printf("vm %u step %d (%u us)\n", id, i, (uint32_t)((t1 - t0) / 333u));
    }
    return 0;
}
