/*
 * fake_cpu.h - a CPU test double for the armiss unit test: implements the
 * part of the public ISS API that armiss_semihost.c uses (registers, memory
 * access, cycle counter) over a flat 64 KiB memory at address 0.
 */
#ifndef ARMISS_FAKE_CPU_H
#define ARMISS_FAKE_CPU_H

#include <cstdint>
#include <vector>

#include "arm/arm_cpu.h"

struct arm_cpu {
    uint32_t r[16] = {};
    uint32_t cpsr = ARM_MODE_SVC;
    uint64_t cycles = 0;
    std::vector<uint8_t> mem = std::vector<uint8_t>(64 * 1024);
};

#endif /* ARMISS_FAKE_CPU_H */
