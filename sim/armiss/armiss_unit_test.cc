/*
 * armiss_unit_test.cc - unit tests of the armiss ELF loader and semihosting,
 * with a CPU test double (fake_cpu.h) instead of the ISS.
 */
#include <gtest/gtest.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <unistd.h>
#include <vector>

#include "fake_cpu.h"

extern "C" {
#include "armiss_elf.h"
#include "armiss_semihost.h"
}

namespace {

/* Addresses in the fake memory used by the tests. */
constexpr uint32_t kBlock = 0x100;  /* parameter block */
constexpr uint32_t kStr = 0x200;    /* strings */
constexpr uint32_t kBuf = 0x1000;   /* data buffers */

class Semihost : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_EQ(pipe(out_), 0);
        ASSERT_EQ(pipe(err_), 0);
        ASSERT_EQ(pipe(in_), 0);
        ASSERT_EQ(pipe(con_), 0);
        armiss_sh_config c = {};
        c.cmdline = "prog.elf one two";
        c.heap_base = 0x12990;
        c.heap_limit = 0x08000000;
        c.stack_base = 0x08000000;
        c.stack_limit = 0x12990;
        c.cpu_hz = 1000;
        c.stdin_fd = in_[0];
        c.stdout_fd = out_[1];
        c.stderr_fd = err_[1];
        c.console_fd = con_[1];
        armiss_sh_init(&sh_, &c);
        fcntl(out_[0], F_SETFL, O_NONBLOCK);
        fcntl(err_[0], F_SETFL, O_NONBLOCK);
        fcntl(con_[0], F_SETFL, O_NONBLOCK);
    }
    void TearDown() override
    {
        armiss_sh_close_all(&sh_);
        for (int fd : {out_[0], out_[1], err_[0], err_[1], in_[0], in_[1], con_[0], con_[1]})
            close(fd);
    }
    void put(uint32_t addr, const void *p, size_t n) { std::memcpy(&cpu_.mem[addr], p, n); }
    void put32(uint32_t addr, uint32_t v) { put(addr, &v, 4); }
    uint32_t get32(uint32_t addr)
    {
        uint32_t v;
        std::memcpy(&v, &cpu_.mem[addr], 4);
        return v;
    }
    /* Make a call with the given parameter words at kBlock. */
    int32_t call(uint32_t op, std::vector<uint32_t> words, armiss_sh_outcome expect = ARMISS_SH_CONTINUE)
    {
        for (size_t i = 0; i < words.size(); i++)
            put32(kBlock + 4 * (uint32_t)i, words[i]);
        cpu_.r[0] = op;
        cpu_.r[1] = kBlock;
        EXPECT_EQ(armiss_sh_call(&sh_, &cpu_), expect);
        return (int32_t)cpu_.r[0];
    }
    uint32_t str(const char *s, uint32_t at = kStr)
    {
        put(at, s, std::strlen(s) + 1);
        return at;
    }
    int32_t open(const char *name, uint32_t mode, uint32_t at = kStr)
    {
        return call(ARMISS_SYS_OPEN, {str(name, at), mode, (uint32_t)std::strlen(name)});
    }
    static std::string drain(int fd)
    {
        std::string s;
        char b[256];
        ssize_t n;
        while ((n = read(fd, b, sizeof b)) > 0)
            s.append(b, (size_t)n);
        return s;
    }

    arm_cpu cpu_;
    armiss_sh sh_;
    int out_[2], err_[2], in_[2], con_[2];
};

TEST_F(Semihost, TtModesSelectStdinStdoutStderr)
{
    int32_t hin = open(":tt", 0), hout = open(":tt", 4), herr = open(":tt", 8);
    EXPECT_EQ(hin, 1); /* handles start at 1, like qemu */
    EXPECT_EQ(hout, 2);
    EXPECT_EQ(herr, 3);
    put(kBuf, "to-out", 6);
    EXPECT_EQ(call(ARMISS_SYS_WRITE, {(uint32_t)hout, kBuf, 6}), 0); /* 0 bytes left */
    put(kBuf, "to-err", 6);
    EXPECT_EQ(call(ARMISS_SYS_WRITE, {(uint32_t)herr, kBuf, 6}), 0);
    EXPECT_EQ(drain(out_[0]), "to-out");
    EXPECT_EQ(drain(err_[0]), "to-err");
    ASSERT_EQ(write(in_[1], "abc", 3), 3);
    /* READ returns the number of bytes NOT read. */
    EXPECT_EQ(call(ARMISS_SYS_READ, {(uint32_t)hin, kBuf, 10}), 7);
    EXPECT_EQ(std::memcmp(&cpu_.mem[kBuf], "abc", 3), 0);
    EXPECT_EQ(call(ARMISS_SYS_ISTTY, {(uint32_t)hout}), 0); /* a pipe is not a terminal */
    /* Closing a std stream handle frees it but keeps the host descriptor. */
    EXPECT_EQ(call(ARMISS_SYS_CLOSE, {(uint32_t)hout}), 0);
    EXPECT_EQ(fcntl(out_[1], F_GETFD), 0);
    EXPECT_EQ(call(ARMISS_SYS_CLOSE, {(uint32_t)hout}), -1);
    EXPECT_EQ(call(ARMISS_SYS_ERRNO, {}), EBADF);
}

/* The debug console has its own descriptor, apart from the program's
 * stdout and stderr streams (":tt"). */
TEST_F(Semihost, ConsoleGoesToConsoleFd)
{
    put(kBuf, "X", 1);
    cpu_.r[0] = ARMISS_SYS_WRITEC;
    cpu_.r[1] = kBuf;
    EXPECT_EQ(armiss_sh_call(&sh_, &cpu_), ARMISS_SH_CONTINUE);
    cpu_.r[0] = ARMISS_SYS_WRITE0;
    cpu_.r[1] = str("hello\n");
    EXPECT_EQ(armiss_sh_call(&sh_, &cpu_), ARMISS_SH_CONTINUE);
    EXPECT_EQ(drain(con_[0]), "Xhello\n");
    EXPECT_EQ(drain(err_[0]), "");
    EXPECT_EQ(drain(out_[0]), "");
    /* and ":tt" stderr does not reach the console */
    int32_t herr = open(":tt", 8);
    ASSERT_GT(herr, 0);
    put(kBuf, "E\n", 2);
    EXPECT_EQ(call(ARMISS_SYS_WRITE, {(uint32_t)herr, kBuf, 2}), 0);
    EXPECT_EQ(drain(err_[0]), "E\n");
    EXPECT_EQ(drain(con_[0]), "");
    ASSERT_EQ(write(in_[1], "z", 1), 1);
    cpu_.r[0] = ARMISS_SYS_READC;
    EXPECT_EQ(armiss_sh_call(&sh_, &cpu_), ARMISS_SH_CONTINUE);
    EXPECT_EQ(cpu_.r[0], (uint32_t)'z');
}

TEST_F(Semihost, FeaturesFile)
{
    int32_t h = open(":semihosting-features", 0);
    ASSERT_GT(h, 0);
    EXPECT_EQ(call(ARMISS_SYS_FLEN, {(uint32_t)h}), 5);
    EXPECT_EQ(call(ARMISS_SYS_SEEK, {(uint32_t)h, 4}), 0);
    EXPECT_EQ(call(ARMISS_SYS_READ, {(uint32_t)h, kBuf, 1}), 0);
    EXPECT_EQ(cpu_.mem[kBuf], 0x03); /* EXIT_EXTENDED | STDOUT_STDERR */
    EXPECT_EQ(call(ARMISS_SYS_READ, {(uint32_t)h, kBuf, 1}), 1); /* at EOF */
    EXPECT_EQ(open(":semihosting-features", 4), -1); /* not writable */
}

TEST_F(Semihost, HostFileRoundTrip)
{
    char tmpl[] = "/tmp/armiss-unit-XXXXXX";
    int fd = mkstemp(tmpl);
    ASSERT_GE(fd, 0);
    close(fd);
    int32_t h = open(tmpl, 6); /* "w+" */
    ASSERT_GT(h, 0);
    put(kBuf, "0123456789", 10);
    EXPECT_EQ(call(ARMISS_SYS_WRITE, {(uint32_t)h, kBuf, 10}), 0);
    EXPECT_EQ(call(ARMISS_SYS_FLEN, {(uint32_t)h}), 10);
    EXPECT_EQ(call(ARMISS_SYS_SEEK, {(uint32_t)h, 3}), 0);
    EXPECT_EQ(call(ARMISS_SYS_READ, {(uint32_t)h, kBuf + 100, 4}), 0);
    EXPECT_EQ(std::memcmp(&cpu_.mem[kBuf + 100], "3456", 4), 0);
    EXPECT_EQ(call(ARMISS_SYS_READ, {(uint32_t)h, kBuf + 100, 8}), 5); /* 3 left in file */
    EXPECT_EQ(call(ARMISS_SYS_CLOSE, {(uint32_t)h}), 0);
    EXPECT_EQ(call(ARMISS_SYS_REMOVE, {str(tmpl), (uint32_t)std::strlen(tmpl)}), 0);
    EXPECT_NE(access(tmpl, F_OK), 0);
    EXPECT_EQ(open(tmpl, 0), -1);
    EXPECT_EQ(call(ARMISS_SYS_ERRNO, {}), ENOENT);
    EXPECT_EQ(call(ARMISS_SYS_ISERROR, {(uint32_t)-1}), 1);
    EXPECT_EQ(open(tmpl, 12), -1); /* bad mode */
}

TEST_F(Semihost, CmdlineHeapinfoClock)
{
    EXPECT_EQ(call(ARMISS_SYS_GET_CMDLINE, {kBuf, 256}), 0);
    EXPECT_STREQ((const char *)&cpu_.mem[kBuf], "prog.elf one two");
    EXPECT_EQ(get32(kBlock + 4), 16u);
    EXPECT_EQ(call(ARMISS_SYS_GET_CMDLINE, {kBuf, 16}), -1); /* no room for the NUL */
    EXPECT_EQ(call(ARMISS_SYS_ERRNO, {}), E2BIG);
    EXPECT_EQ(call(ARMISS_SYS_HEAPINFO, {kBuf}), 0);
    EXPECT_EQ(get32(kBuf), 0x12990u);
    EXPECT_EQ(get32(kBuf + 4), 0x08000000u);
    EXPECT_EQ(get32(kBuf + 8), 0x08000000u);
    EXPECT_EQ(get32(kBuf + 12), 0x12990u);
    cpu_.cycles = 0x123456789ull;
    EXPECT_EQ(call(ARMISS_SYS_TICKFREQ, {}), 1000);
    cpu_.r[0] = ARMISS_SYS_ELAPSED;
    cpu_.r[1] = kBuf;
    EXPECT_EQ(armiss_sh_call(&sh_, &cpu_), ARMISS_SH_CONTINUE);
    EXPECT_EQ(get32(kBuf), 0x23456789u);
    EXPECT_EQ(get32(kBuf + 4), 0x1u);
    cpu_.cycles = 2500; /* 2.5 s at 1000 Hz */
    EXPECT_EQ(call(ARMISS_SYS_CLOCK, {}), 250);
    /* A parameter block outside memory is EFAULT, not a crash. */
    cpu_.r[0] = ARMISS_SYS_WRITE;
    cpu_.r[1] = 0xFFFFFF00u;
    EXPECT_EQ(armiss_sh_call(&sh_, &cpu_), ARMISS_SH_CONTINUE);
    EXPECT_EQ(cpu_.r[0], 0xFFFFFFFFu);
    EXPECT_EQ(call(ARMISS_SYS_ERRNO, {}), EFAULT);
}

TEST_F(Semihost, Exits)
{
    cpu_.r[0] = ARMISS_SYS_EXIT;
    cpu_.r[1] = ARMISS_ADP_STOPPED_APPLICATION_EXIT;
    EXPECT_EQ(armiss_sh_call(&sh_, &cpu_), ARMISS_SH_EXIT);
    EXPECT_EQ(sh_.exit_status, 0);
    cpu_.r[1] = 0x20023; /* ADP_Stopped_RunTimeErrorUnknown */
    EXPECT_EQ(armiss_sh_call(&sh_, &cpu_), ARMISS_SH_EXIT);
    EXPECT_EQ(sh_.exit_status, 1);
    call(ARMISS_SYS_EXIT_EXTENDED, {ARMISS_ADP_STOPPED_APPLICATION_EXIT, 42}, ARMISS_SH_EXIT);
    EXPECT_EQ(sh_.exit_status, 42);
    call(ARMISS_SYS_EXIT_EXTENDED, {0x20023, 42}, ARMISS_SH_EXIT);
    EXPECT_EQ(sh_.exit_status, 1);
    call(0x99, {}, ARMISS_SH_UNSUPPORTED);
    EXPECT_EQ(sh_.bad_op, 0x99u);
}

/* ---- ELF loader ---- */

struct Mem {
    std::vector<uint8_t> ddr = std::vector<uint8_t>(1u << 20, 0xAA);
    armiss_elf_region region{0, 1u << 20, nullptr};
    Mem() { region.host = ddr.data(); }
};

TEST(ElfLoader, LoadsTestProgram)
{
    Mem m;
    armiss_elf_image img;
    char msg[256];
    ASSERT_EQ(armiss_elf_load(ARMISS_TEST_ELF, &m.region, 1, &img, msg, sizeof msg), ARMISS_ELF_OK)
        << msg;
    EXPECT_GE(img.segments, 1u);
    /* The ELF header's entry point, read directly. */
    FILE *f = std::fopen(ARMISS_TEST_ELF, "rb");
    ASSERT_NE(f, nullptr);
    uint8_t eh[52];
    ASSERT_EQ(std::fread(eh, 1, sizeof eh, f), sizeof eh);
    std::fclose(f);
    uint32_t entry;
    std::memcpy(&entry, eh + 24, 4);
    EXPECT_EQ(img.entry, entry);
    /* Symbols: main is found at offset 0 and inside. */
    uint32_t off = 99;
    const armiss_elf_symbol *main_sym = nullptr;
    for (size_t i = 0; i < img.nsyms; i++)
        if (std::strcmp(img.syms[i].name, "main") == 0)
            main_sym = &img.syms[i];
    ASSERT_NE(main_sym, nullptr);
    const armiss_elf_symbol *s = armiss_elf_lookup(&img, main_sym->addr, &off);
    ASSERT_NE(s, nullptr);
    EXPECT_STREQ(s->name, "main");
    EXPECT_EQ(off, 0u);
    s = armiss_elf_lookup(&img, main_sym->addr + 4, &off);
    ASSERT_NE(s, nullptr);
    EXPECT_STREQ(s->name, "main");
    EXPECT_EQ(off, 4u);
    /* Below the first symbol there is nothing to name. */
    EXPECT_EQ(armiss_elf_lookup(&img, 0, &off), nullptr);
    /* .bss (up to _end) is zero-filled although memory started as 0xAA. */
    const armiss_elf_symbol *bss = nullptr, *end = nullptr;
    for (size_t i = 0; i < img.nsyms; i++) {
        if (std::strcmp(img.syms[i].name, "__bss_start__") == 0)
            bss = &img.syms[i];
        if (std::strcmp(img.syms[i].name, "_end") == 0)
            end = &img.syms[i];
    }
    ASSERT_NE(bss, nullptr);
    ASSERT_NE(end, nullptr);
    EXPECT_EQ(img.high_addr, end->addr);
    for (uint32_t a = bss->addr; a < end->addr; a++)
        ASSERT_EQ(m.ddr[a], 0) << "bss byte at " << a;
    /* Code is where the file says: main's first halfword is not 0xAA filler. */
    EXPECT_NE(m.ddr[main_sym->addr] | m.ddr[main_sym->addr + 1] << 8, 0xAAAA);
    armiss_elf_free(&img);
}

TEST(ElfLoader, Errors)
{
    Mem m;
    armiss_elf_image img;
    char msg[256];
    EXPECT_EQ(armiss_elf_load("/nonexistent/x.elf", &m.region, 1, &img, msg, sizeof msg),
              ARMISS_ELF_EOPEN);
    EXPECT_NE(std::strstr(msg, "cannot open"), nullptr);
    EXPECT_EQ(armiss_elf_load("/proc/self/exe", &m.region, 1, &img, msg, sizeof msg),
              ARMISS_ELF_EMACHINE); /* the host test binary: not ARM */
    char tmpl[] = "/tmp/armiss-unit-XXXXXX";
    int fd = mkstemp(tmpl);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(write(fd, "#!/bin/sh\necho not an elf\n", 26), 26);
    close(fd);
    EXPECT_EQ(armiss_elf_load(tmpl, &m.region, 1, &img, msg, sizeof msg), ARMISS_ELF_ENOTELF);
    unlink(tmpl);
    /* Memory too small for the program: segment outside memory. */
    armiss_elf_region tiny = {0, 0x1000, m.ddr.data()};
    EXPECT_EQ(armiss_elf_load(ARMISS_TEST_ELF, &tiny, 1, &img, msg, sizeof msg), ARMISS_ELF_ERANGE);
    EXPECT_NE(std::strstr(msg, "outside the simulated memory"), nullptr);
}

} // namespace
