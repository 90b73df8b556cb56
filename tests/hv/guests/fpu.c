/*
 * fpu: VFP state across EC switches (lazy switching in the kernel). Two
 * VMs of equal priority run this at once; each keeps 16 double
 * accumulators live in VFP registers (d0-d31 under register pressure)
 * across many round-robin switches, then compares them with the same sums
 * done in integers (every partial sum is exact in a double). A VFP register
 * the kernel failed to save/restore shows up as a mismatch.
 */
#include "grt.h"

#define ROUNDS 60000u

int main(uint32_t id)
{
    double acc[16];
    uint32_t ref[16];   /* every sum stays below 2^32 */
    for (int k = 0; k < 16; k++) { acc[k] = 0.0; ref[k] = 0; }
    for (uint32_t i = 0; i < ROUNDS; i++) {
        uint32_t v = (i % 977u) * id;
        acc[0] += (double)v;        ref[0] += v;
        acc[1] += (double)(v + 1);  ref[1] += v + 1;
        acc[2] += (double)(v * 3);  ref[2] += v * 3;
        acc[3] += (double)(v ^ 5);  ref[3] += v ^ 5;
        acc[4] += (double)(v + 7);  ref[4] += v + 7;
        acc[5] += (double)(v >> 1); ref[5] += v >> 1;
        acc[6] += (double)(v * 2);  ref[6] += v * 2;
        acc[7] += (double)(v | 9);  ref[7] += v | 9;
        acc[8] += (double)(v + 11); ref[8] += v + 11;
        acc[9] += (double)(v & 255); ref[9] += v & 255;
        acc[10] += (double)(v + id); ref[10] += v + id;
        acc[11] += (double)(v * 5); ref[11] += v * 5;
        acc[12] += (double)(v + 13); ref[12] += v + 13;
        acc[13] += (double)(v >> 2); ref[13] += v >> 2;
        acc[14] += (double)(v * 7); ref[14] += v * 7;
        acc[15] += (double)(v + 17); ref[15] += v + 17;
    }
    int bad = 0;
    for (int k = 0; k < 16; k++)
        if (acc[k] != (double)ref[k]) bad++;
    grt_printf("fpu vm %u: %d of 16 sums wrong\n", id, bad);
    return bad;
}
