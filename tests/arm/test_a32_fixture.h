// test_a32_fixture.h - shared fixture of the A32 unit tests (test_a32_*.cc,
// test_core*.cc).
//
// A CPU with 1 MiB of RAM at 0. Test programs are written in assembly and
// assembled when the test runs with arm-none-eabi-as (-mcpu=cortex-a9,
// ARM state, unified syntax), linked at kCode. Each program is followed by
// a sentinel `udf #0xbad`; Run() executes until the CPU reaches it (the
// exception hook stops there) and fails the test otherwise. Other
// exceptions are reported through exc_/exc_pc_ when hook_stops_ is true,
// or taken architecturally (vectors at 0) when it is false.
#ifndef TEST_A32_FIXTURE_H
#define TEST_A32_FIXTURE_H

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <unistd.h>
#include <vector>

#include "arm/arm_cpu.h"

namespace a32test {

constexpr uint32_t kRamSize = 1u << 20;
constexpr uint32_t kCode = 0x1000;
constexpr uint32_t kData = 0x20000;
constexpr uint32_t kStack = 0x80000;
// udf #0xbad: cond 1110, 0111 1111, imm12 = 0xbad >> 4, 1111, imm4 = 0xd
constexpr uint32_t kUdfSentinel = 0xE7F000F0u | (0xBADu >> 4 << 8) | (0xBADu & 0xF);

// VFP/NEON on for the tests (ARM ARM B1.10.3): CPACR cp10/cp11 full
// access, FPEXC.EN = 1; kVfpEnableInsns instructions.
const char *const kVfpEnable =
    ".fpu neon\n"
    "mrc p15, 0, r12, c1, c0, 2\n"
    "orr r12, r12, #0x00F00000\n"
    "mcr p15, 0, r12, c1, c0, 2\n"
    "isb\n"
    "mov r12, #0x40000000\n"
    "vmsr fpexc, r12\n";
constexpr unsigned kVfpEnableInsns = 6;

// Assemble ARM-state source at address `org`; returns the words of .text.
inline std::vector<uint32_t> Assemble(const std::string &src, uint32_t org = kCode,
                                      bool thumb = false)
{
    char dir[] = "/tmp/a32testXXXXXX";
    if (!mkdtemp(dir)) return {};
    std::string d(dir), s = d + "/t.s", o = d + "/t.o", e = d + "/t.elf", b = d + "/t.bin";
    {
        std::ofstream f(s);
        f << ".syntax unified\n" << (thumb ? ".thumb\n" : ".arm\n") << ".text\n"
          << ".global _start\n_start:\n" << src << "\n";
    }
    char addr[32];
    std::snprintf(addr, sizeof addr, "0x%x", org);
    std::string cmd = "arm-none-eabi-as -mcpu=cortex-a9 -o " + o + " " + s + " && " +
                      "arm-none-eabi-ld -Ttext=" + addr + " -o " + e + " " + o + " && " +
                      "arm-none-eabi-objcopy -O binary -j .text " + e + " " + b;
    int rc = std::system(cmd.c_str());
    std::vector<uint32_t> words;
    if (rc == 0) {
        std::ifstream f(b, std::ios::binary);
        std::vector<char> bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
        words.resize((bytes.size() + 3) / 4, 0);
        std::memcpy(words.data(), bytes.data(), bytes.size());
    }
    std::remove(s.c_str());
    std::remove(o.c_str());
    std::remove(e.c_str());
    std::remove(b.c_str());
    rmdir(dir);
    return words;
}

class A32 : public ::testing::Test {
protected:
    // The CPU's statistics (arm_cpu_stats) by name.
    std::map<std::string, uint64_t> Stats() const
    {
        std::map<std::string, uint64_t> m;
        arm_cpu_stats(
            cpu_,
            [](void *o, const char *k, uint64_t v) {
                (*static_cast<std::map<std::string, uint64_t> *>(o))[k] = v;
            },
            &m);
        return m;
    }

    void SetUp() override
    {
        ram_.assign(kRamSize, 0);
        arm_bus bus{};
        bus.opaque = this;
        bus.read = &A32::BusRead;
        bus.write = &A32::BusWrite;
        cpu_ = arm_cpu_new(&bus);
        ASSERT_NE(cpu_, nullptr);
        ASSERT_EQ(arm_cpu_add_ram(cpu_, 0, kRamSize, ram_.data(), 0), 0);
        arm_cpu_reset(cpu_);
        arm_cpu_set_exception_hook(cpu_, &A32::OnException, this);
        arm_cpu_set_cpsr(cpu_, ARM_MODE_SVC | ARM_CPSR_I | ARM_CPSR_F | ARM_CPSR_A);
        arm_cpu_set_reg(cpu_, 13, kStack);
    }

    void TearDown() override { arm_cpu_free(cpu_); }

    // Assemble `src` followed by the sentinel at kCode and point PC at it.
    void Code(const std::string &src, bool thumb = false)
    {
        std::vector<uint32_t> w =
            Assemble(src + "\n.arm\n.align 2\nudf #0xbad\n.ltorg\n", kCode, thumb);
        ASSERT_FALSE(w.empty()) << "assembly failed:\n" << src;
        sentinel_ = 0;
        for (size_t k = 0; k < w.size(); k++) {
            Write32(kCode + 4 * (uint32_t)k, w[k]);
            if (!sentinel_ && w[k] == kUdfSentinel) sentinel_ = kCode + 4 * (uint32_t)k;
        }
        code_end_ = kCode + 4 * (uint32_t)w.size();
        ASSERT_NE(sentinel_, 0u);
        arm_cpu_set_pc(cpu_, kCode | (thumb ? 1u : 0u));
    }

    // Load raw words at kCode followed by the sentinel.
    void Words(std::initializer_list<uint32_t> ws)
    {
        uint32_t a = kCode;
        for (uint32_t w : ws) { Write32(a, w); a += 4; }
        Write32(a, kUdfSentinel);
        sentinel_ = a;
        code_end_ = a + 4;
        arm_cpu_set_pc(cpu_, kCode);
    }

    // Run until the sentinel (or another reported exception).
    arm_stop_reason Run(uint64_t budget = 1000000)
    {
        arm_stop_reason r = arm_cpu_run(cpu_, budget);
        return r;
    }
    // Run and require that the sentinel was reached.
    void RunToEnd(uint64_t budget = 1000000)
    {
        Run(budget);
        ASSERT_TRUE(at_sentinel_) << "did not reach the sentinel; pc=0x" << std::hex << PC()
                                  << " exc=" << std::dec << exc_ << " at 0x" << std::hex
                                  << exc_pc_;
    }

    uint32_t R(unsigned r) const { return arm_cpu_get_reg(cpu_, r); }
    void SetR(unsigned r, uint32_t v) { arm_cpu_set_reg(cpu_, r, v); }
    uint32_t PC() const { return arm_cpu_get_reg(cpu_, 15); }
    uint32_t CPSR() const { return arm_cpu_get_cpsr(cpu_); }
    uint32_t NZCV() const { return CPSR() >> 28; }
    void SetNZCV(uint32_t nzcv) { arm_cpu_set_cpsr(cpu_, (CPSR() & 0x0FFFFFFFu) | (nzcv << 28)); }
    bool Q() const { return (CPSR() & ARM_CPSR_Q) != 0; }
    uint32_t GE() const { return (CPSR() >> 16) & 0xF; }

    uint32_t Read32(uint32_t a) const
    {
        uint32_t v;
        std::memcpy(&v, &ram_[a], 4);
        return v;
    }
    void Write32(uint32_t a, uint32_t v) { std::memcpy(&ram_[a], &v, 4); }
    uint8_t Read8(uint32_t a) const { return ram_[a]; }
    void Write8(uint32_t a, uint8_t v) { ram_[a] = v; }

    int exc_ = -1;
    uint32_t exc_pc_ = 0;
    bool hook_stops_ = true;
    bool at_sentinel_ = false;
    uint32_t sentinel_ = 0, code_end_ = 0;
    std::vector<std::pair<uint32_t, uint32_t>> mmio_writes_;
    uint32_t mmio_read_value_ = 0x12345678u;
    arm_cpu *cpu_ = nullptr;
    std::vector<uint8_t> ram_;

private:
    // MMIO window at 0x40000000..0x40000FFF; everything else is a bus error.
    static arm_bus_status BusRead(void *opaque, uint32_t a, unsigned size, uint32_t *v, uint32_t *cyc)
    {
        auto *self = static_cast<A32 *>(opaque);
        if (a >= 0x40000000u && a < 0x40001000u) {
            *v = self->mmio_read_value_ >> (8 * (a & 3));
            if (size < 4) *v &= (1u << (8 * size)) - 1;
            *cyc = 10;
            return ARM_BUS_OK;
        }
        *v = 0;
        return ARM_BUS_ERROR;
    }
    static arm_bus_status BusWrite(void *opaque, uint32_t a, unsigned, uint32_t v, uint32_t *cyc)
    {
        auto *self = static_cast<A32 *>(opaque);
        if (a >= 0x40000000u && a < 0x40001000u) {
            self->mmio_writes_.push_back({a, v});
            *cyc = 10;
            return ARM_BUS_OK;
        }
        return ARM_BUS_ERROR;
    }
    static arm_hook_result OnException(void *opaque, arm_cpu *, arm_exception exc, uint32_t pc)
    {
        auto *self = static_cast<A32 *>(opaque);
        if (exc == ARM_EXC_UNDEF && pc == self->sentinel_) {
            self->at_sentinel_ = true;
            return ARM_HOOK_STOP;
        }
        self->exc_ = static_cast<int>(exc);
        self->exc_pc_ = pc;
        return self->hook_stops_ ? ARM_HOOK_STOP : ARM_HOOK_DEFAULT;
    }
};

} // namespace a32test

#endif // TEST_A32_FIXTURE_H
