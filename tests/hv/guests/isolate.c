/*
 * isolate: each VM id probes one thing it must not reach; the kernel stops
 * it with a "[hv] vm N: ..." line. The last VM does nothing wrong and
 * must finish (exit 0) after the others were stopped.
 *   1: reads the kernel (0x00100000)          5: executes an undefined instruction
 *   2: writes another VM's memory (its PA)    6: svc #5
 *   3: reads the VDM section (0x00F00000)     7: jumps into the kernel (0x00100000)
 *   4: writes the GIC (0xF8F00100)            8: writes a device page it lacks,
 *                                             9: writes its device page, no VDM
 */
#include "grt.h"

int main(uint32_t id)
{
    grt_printf("isolate vm %u start\n", id);
    switch (id) {
    case 1: (void)GRT_REG(0x00100000u); break;
    case 2: GRT_REG(0x02000000u) = 1; break;
    case 3: (void)GRT_REG(0x00F00000u); break;
    case 4: GRT_REG(0xF8F00100u) = 0; break;
    case 5: __asm__ volatile(".word 0xe7f000f0"); break;     /* UDF #0 */
    case 6: __asm__ volatile("svc #5"); break;
    case 7: ((void (*)(void))0x00100000u)(); break;
    case 8: GRT_REG(HV_VDEV_VA_BASE + 0x1000u) = 1; break;
    case 9: GRT_REG(HV_VDEV_VA_BASE) = 1; break;
    default:
        grt_spin(300000u);
        grt_printf("isolate vm %u done\n", id);
        return 0;
    }
    grt_printf("isolate vm %u NOT STOPPED\n", id);
    return 0;
}
