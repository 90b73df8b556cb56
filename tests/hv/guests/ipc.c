/*
 * ipc: three VMs. vm 1 sends 41 to vm 2 and waits for the answer; vm 2
 * waits for HV_VIRQ_IPC, receives and answers word + 1. vm 1 then fills
 * vm 3's mailbox (8 deep: the 9th send is -HV_EFULL) and vm 3, which runs
 * only after them (lower priority), receives the 8 words in order.
 */
#include "grt.h"

static int recv(uint32_t *w)
{
    return grt_hc2(HC_IPC_RECV, 0, w);
}

int main(uint32_t id)
{
    uint32_t w = 0;
    int bad = 0;
    if (id == 1) {
        if (grt_hc(HC_IPC_SEND, 2, 41, 0) != 0) return 1;
        int32_t bits = grt_hc(HC_WAIT, 1u << HV_VIRQ_IPC, 0, 0);
        if (recv(&w) != 0) return 2;
        grt_printf("vm 1 got %u (wait bits 0x%x)\n", w, (uint32_t)bits);
        if (w != 42) bad = 1;
        for (uint32_t i = 0; i < 8; i++)
            if (grt_hc(HC_IPC_SEND, 3, 100 + i, 0) != 0) bad = 1;
        int32_t r = grt_hc(HC_IPC_SEND, 3, 999, 0);
        grt_printf("vm 1 ninth send %d\n", r);
        if (r != -HV_EFULL) bad = 1;
    } else if (id == 2) {
        grt_hc(HC_WAIT, 1u << HV_VIRQ_IPC, 0, 0);
        if (recv(&w) != 0) return 2;
        grt_printf("vm 2 got %u\n", w);
        if (grt_hc(HC_IPC_SEND, 1, w + 1, 0) != 0) bad = 1;
        if (recv(&w) != -HV_EAGAIN) bad = 1;
    } else {
        uint32_t sum = 0, n = 0;
        while (recv(&w) == 0) {
            if (w != 100 + n) bad = 1;
            sum += w;
            n++;
        }
        grt_printf("vm 3 received %u words, sum %u\n", n, sum);
        if (n != 8 || sum != 828) bad = 1;
    }
    return bad;
}
