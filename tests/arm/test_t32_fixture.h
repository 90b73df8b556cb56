// test_t32_fixture.h - shared fixture of the T32 unit tests (test_t32_*.cc).
//
// A CPU with 1 MiB of RAM at 0, Thumb code loaded at kCode, a stack at
// kStack and a data area at kData. Instruction sequences are given as
// halfwords (32-bit encodings as two halfwords, first halfword first); the
// encodings in the tests were produced with
//   arm-none-eabi-as -mcpu=cortex-a9 -mthumb
// and the assembly is kept beside each one as a comment.
#ifndef TEST_T32_FIXTURE_H
#define TEST_T32_FIXTURE_H

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <vector>

#include "arm/arm_cpu.h"

namespace t32test {

constexpr uint32_t kRamSize = 1u << 20;
constexpr uint32_t kCode = 0x1000;
constexpr uint32_t kData = 0x20000;
constexpr uint32_t kStack = 0x80000;

class T32 : public ::testing::Test {
protected:
    void SetUp() override
    {
        ram_.assign(kRamSize, 0);
        arm_bus bus{};
        bus.opaque = this;
        bus.read = &T32::BusRead;
        bus.write = &T32::BusWrite;
        cpu_ = arm_cpu_new(&bus);
        ASSERT_NE(cpu_, nullptr);
        ASSERT_EQ(arm_cpu_add_ram(cpu_, 0, kRamSize, ram_.data(), 0), 0);
        arm_cpu_reset(cpu_);
        arm_cpu_set_exception_hook(cpu_, &T32::OnException, this);
        arm_cpu_set_svc_hook(cpu_, &T32::OnSvc, this);
        // Supervisor mode, interrupts masked, flags clear.
        arm_cpu_set_cpsr(cpu_, ARM_MODE_SVC | ARM_CPSR_I | ARM_CPSR_F | ARM_CPSR_A);
        arm_cpu_set_reg(cpu_, 13, kStack);
        arm_cpu_set_pc(cpu_, kCode | 1u);
    }

    void TearDown() override { arm_cpu_free(cpu_); }

    // Write halfwords at addr (little endian).
    void Load(uint32_t addr, std::initializer_list<uint16_t> hws)
    {
        for (uint16_t h : hws) {
            Write16(addr, h);
            addr += 2;
        }
    }
    // Load code at kCode and point the PC at it (Thumb).
    void Code(std::initializer_list<uint16_t> hws)
    {
        Load(kCode, hws);
        arm_cpu_set_pc(cpu_, kCode | 1u);
    }

    // Execute n instructions (stops early when an exception was reported).
    void Step(int n = 1)
    {
        for (int k = 0; k < n && exc_ == -1; k++) arm_cpu_step(cpu_);
    }
    // Execute until the PC reaches `addr` (at most max instructions).
    void RunTo(uint32_t addr, int max = 1000)
    {
        for (int k = 0; k < max && exc_ == -1 && PC() != addr; k++) arm_cpu_step(cpu_);
    }

    uint32_t R(unsigned r) const { return arm_cpu_get_reg(cpu_, r); }
    void SetR(unsigned r, uint32_t v) { arm_cpu_set_reg(cpu_, r, v); }
    uint32_t PC() const { return arm_cpu_get_reg(cpu_, 15); }
    uint32_t CPSR() const { return arm_cpu_get_cpsr(cpu_); }
    bool Thumb() const { return (CPSR() & ARM_CPSR_T) != 0; }
    uint32_t NZCV() const { return CPSR() >> 28; }
    // Set N, Z, C, V (bits 3..0 of nzcv), keeping the rest of the CPSR.
    void SetNZCV(uint32_t nzcv) { arm_cpu_set_cpsr(cpu_, (CPSR() & 0x0FFFFFFFu) | (nzcv << 28)); }

    uint32_t Read32(uint32_t a) const
    {
        uint32_t v;
        std::memcpy(&v, &ram_[a], 4);
        return v;
    }
    uint16_t Read16(uint32_t a) const
    {
        uint16_t v;
        std::memcpy(&v, &ram_[a], 2);
        return v;
    }
    uint8_t Read8(uint32_t a) const { return ram_[a]; }
    void Write32(uint32_t a, uint32_t v) { std::memcpy(&ram_[a], &v, 4); }
    void Write16(uint32_t a, uint16_t v) { std::memcpy(&ram_[a], &v, 2); }
    void Write8(uint32_t a, uint8_t v) { ram_[a] = v; }

    // Exception reported by the hook (-1: none) and the address it was taken at.
    int exc_ = -1;
    uint32_t exc_pc_ = 0;
    // Last SVC immediate seen by the SVC hook (-1: none).
    int64_t svc_imm_ = -1;

    arm_cpu *cpu_ = nullptr;
    std::vector<uint8_t> ram_;

private:
    static arm_bus_status BusRead(void *, uint32_t, unsigned, uint32_t *v, uint32_t *)
    {
        *v = 0;
        return ARM_BUS_ERROR;
    }
    static arm_bus_status BusWrite(void *, uint32_t, unsigned, uint32_t, uint32_t *)
    {
        return ARM_BUS_ERROR;
    }
    static arm_hook_result OnException(void *opaque, arm_cpu *, arm_exception exc, uint32_t pc)
    {
        auto *self = static_cast<T32 *>(opaque);
        self->exc_ = static_cast<int>(exc);
        self->exc_pc_ = pc;
        return ARM_HOOK_STOP;
    }
    static arm_hook_result OnSvc(void *opaque, arm_cpu *, uint32_t imm)
    {
        static_cast<T32 *>(opaque)->svc_imm_ = imm;
        return ARM_HOOK_CONTINUE;
    }
};

} // namespace t32test

#endif // TEST_T32_FIXTURE_H
