/* fake_cpu.cc - CPU test double for the armiss unit test (see fake_cpu.h). */
#include "fake_cpu.h"

#include <cstring>

extern "C" {

uint32_t arm_cpu_get_reg(const arm_cpu *cpu, unsigned r)
{
    return cpu->r[r & 15];
}

void arm_cpu_set_reg(arm_cpu *cpu, unsigned r, uint32_t value)
{
    cpu->r[r & 15] = value;
}

uint32_t arm_cpu_get_cpsr(const arm_cpu *cpu)
{
    return cpu->cpsr;
}

int arm_cpu_read_mem(arm_cpu *cpu, uint32_t va, void *buf, size_t len)
{
    if ((uint64_t)va + len > cpu->mem.size())
        return -1;
    std::memcpy(buf, cpu->mem.data() + va, len);
    return 0;
}

int arm_cpu_write_mem(arm_cpu *cpu, uint32_t va, const void *buf, size_t len)
{
    if ((uint64_t)va + len > cpu->mem.size())
        return -1;
    std::memcpy(cpu->mem.data() + va, buf, len);
    return 0;
}

uint64_t arm_cpu_cycles(const arm_cpu *cpu)
{
    return cpu->cycles;
}

} /* extern "C" */
