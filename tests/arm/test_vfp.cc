// test_vfp.cc - VFPv3-D32 (with half-precision conversions) in the ISS:
// access control (CPACR, FPEXC.EN),
// system registers, loads/stores and moves, arithmetic and conversions in
// A32 and T32, and the software IEEE 754 core (vfp_fp.c) against the host's
// SSE arithmetic where both follow IEEE 754 (no NaNs, default modes), plus
// the ARM-specific cases (NaN propagation, default NaN, flush-to-zero,
// tininess before rounding) against values worked out from the ARM ARM.
#include <cfenv>
#include <cmath>
#include <cstring>

#include "test_a32_fixture.h"

extern "C" {
#include "arm_internal.h"
#include "vfp_fp.h"
}

namespace {

using a32test::A32;
using a32test::kData;

const char *const kEnable = a32test::kVfpEnable;

uint32_t F2U(float f) { uint32_t u; std::memcpy(&u, &f, 4); return u; }
float U2F(uint32_t u) { float f; std::memcpy(&f, &u, 4); return f; }
uint64_t D2U(double d) { uint64_t u; std::memcpy(&u, &d, 8); return u; }
double U2D(uint64_t u) { double d; std::memcpy(&d, &u, 8); return d; }

class Vfp : public A32 {
protected:
    uint32_t S(unsigned n) const { return n & 1 ? (uint32_t)(cpu_->vfp_d[n / 2] >> 32) : (uint32_t)cpu_->vfp_d[n / 2]; }
    uint64_t D(unsigned n) const { return cpu_->vfp_d[n]; }
};

// ---- access control ----

TEST_F(Vfp, UndefinedAtReset)
{
    Code(".fpu neon\nvadd.f32 s0, s1, s2\n");
    Run();
    EXPECT_EQ(exc_, ARM_EXC_UNDEF);
    EXPECT_EQ(exc_pc_, a32test::kCode);
}

TEST_F(Vfp, UndefinedWithCpacrButNoFpexcEn)
{
    Code(".fpu neon\nmov r0, #0x00F00000\nmcr p15, 0, r0, c1, c0, 2\n"
         "vmrs r1, fpexc\nvmrs r2, fpsid\nvmrs r3, mvfr0\nvmrs r4, mvfr1\nvmov s0, r0\n");
    Run();
    EXPECT_EQ(exc_, ARM_EXC_UNDEF);
    EXPECT_EQ(exc_pc_, a32test::kCode + 24); // VMOV: needs FPEXC.EN
    EXPECT_EQ(R(1), 0u);
    EXPECT_EQ(R(2), 0x41033093u);
    EXPECT_EQ(R(3), 0x10110222u);
    EXPECT_EQ(R(4), 0x01111111u);
}

TEST_F(Vfp, SystemRegistersNeedCpacrEvenAtPl1)
{
    Code(".fpu neon\nvmrs r1, fpsid\n");
    Run();
    EXPECT_EQ(exc_, ARM_EXC_UNDEF);
}

TEST_F(Vfp, EnabledThenDisabledLazily)
{
    // Enabled: runs; FPEXC.EN cleared again: the next VFP instruction traps
    // (what lazy context switching relies on).
    Code(std::string(kEnable) + "vmov.f32 s0, #1.0\nmov r0, #0\nvmsr fpexc, r0\nvmov.f32 s1, #2.0\n");
    Run();
    EXPECT_EQ(exc_, ARM_EXC_UNDEF);
    EXPECT_EQ(S(0), F2U(1.0f));
    EXPECT_EQ(S(1), 0u);
}

TEST_F(Vfp, UserModeNeedsFullAccess)
{
    // CPACR cp10/cp11 = 01 (PL1 only): VFP from User mode is UNDEFINED;
    // with 11 it runs, but FPEXC/FPSID stay privileged.
    Code(".fpu neon\nmov r0, #0x00500000\nmcr p15, 0, r0, c1, c0, 2\nmov r0, #0x40000000\n"
         "vmsr fpexc, r0\ncps #16\nvmov.f32 s0, #1.0\n");
    Run();
    EXPECT_EQ(exc_, ARM_EXC_UNDEF);
    EXPECT_EQ(exc_pc_, a32test::kCode + 20);
}

TEST_F(Vfp, UserModeFullAccess)
{
    Code(".fpu neon\nmov r0, #0x00F00000\nmcr p15, 0, r0, c1, c0, 2\nmov r0, #0x40000000\n"
         "vmsr fpexc, r0\ncps #16\nvmov.f32 s0, #1.0\nvmrs r1, fpscr\nvmrs r2, fpexc\n");
    Run();
    EXPECT_EQ(exc_, ARM_EXC_UNDEF);
    EXPECT_EQ(exc_pc_, a32test::kCode + 28); // VMRS FPEXC at PL0
    EXPECT_EQ(S(0), F2U(1.0f));
}

TEST_F(Vfp, FpscrWriteMaskAndLen)
{
    // Trap enables RAZ/WI; Len != 0 makes data processing UNDEFINED (A9 FPU TRM).
    Code(std::string(kEnable) + "mvn r0, #0\nvmsr fpscr, r0\nvmrs r1, fpscr\n"
         "vmrs APSR_nzcv, fpscr\nvmov.f32 s0, s1\n");
    Run();
    EXPECT_EQ(R(1), 0xFFF7009Fu);
    EXPECT_EQ(NZCV(), 0xFu);
    EXPECT_EQ(exc_, ARM_EXC_UNDEF);
}

// ---- moves, loads, stores ----

TEST_F(Vfp, MovesAndLoadsStores)
{
    Write32(kData, F2U(1.5f));
    Write32(kData + 4, F2U(-2.0f));
    Write32(kData + 8, 0x55667788u);
    Write32(kData + 12, 0x11223344u);
    SetR(0, kData);
    Code(std::string(kEnable) +
         "vldr s0, [r0]\nvldr s3, [r0, #4]\nvldr d2, [r0, #8]\n"
         "vmov r1, s3\nvmov r2, r3, d2\nvmov s10, s11, r2, r3\nvmov d7, r3, r2\n"
         "vmov.32 d8[1], r1\nvmov.u8 r4, d2[3]\nvmov.s16 r5, d2[3]\nvmov.s8 r6, d2[7]\n"
         "vdup.16 q6, r0\n"
         "vstr d2, [r0, #16]\nvstr s0, [r0, #28]\n"
         "add r7, r0, #32\nvstmia r7!, {s0-s3}\nvldmdb r7!, {d0-d1}\n"
         "vpush {d7-d8}\nvpop {d14-d15}\n");
    RunToEnd();
    EXPECT_EQ(S(0), F2U(1.5f));
    EXPECT_EQ(S(3), F2U(-2.0f));
    EXPECT_EQ(D(2), 0x1122334455667788ull);
    EXPECT_EQ(R(1), F2U(-2.0f));
    EXPECT_EQ(R(2), 0x55667788u);
    EXPECT_EQ(R(3), 0x11223344u);
    EXPECT_EQ(S(10), 0x55667788u);
    EXPECT_EQ(S(11), 0x11223344u);
    EXPECT_EQ(D(7), 0x5566778811223344ull);
    EXPECT_EQ(D(8) >> 32, (uint64_t)F2U(-2.0f));
    EXPECT_EQ(R(4), 0x55u);
    EXPECT_EQ(R(5), 0x1122u);
    EXPECT_EQ(R(6), 0x11u);
    EXPECT_EQ(D(12), 0x0000000000000000ull | ((uint64_t)(kData & 0xFFFF) * 0x0001000100010001ull));
    EXPECT_EQ(D(13), D(12));
    EXPECT_EQ(Read32(kData + 16), 0x55667788u);
    EXPECT_EQ(Read32(kData + 20), 0x11223344u);
    EXPECT_EQ(Read32(kData + 28), F2U(1.5f));
    EXPECT_EQ(R(7), kData + 32);
    EXPECT_EQ(Read32(kData + 32), F2U(1.5f));
    EXPECT_EQ(Read32(kData + 44), F2U(-2.0f));
    EXPECT_EQ(D(0), (uint64_t)F2U(1.5f)); // reloaded by VLDMDB (s1 was 0)
    EXPECT_EQ(D(1) >> 32, (uint64_t)F2U(-2.0f));
    EXPECT_EQ(D(14), 0x5566778811223344ull);
    EXPECT_EQ(D(15), D(8));
    EXPECT_EQ(R(13), a32test::kStack);
}

TEST_F(Vfp, UnalignedVldrFaults)
{
    SetR(0, kData + 2);
    Code(std::string(kEnable) + "vldr s0, [r0]\n");
    Run();
    EXPECT_EQ(exc_, ARM_EXC_DABT);
}

// ---- arithmetic through instructions (A32 and T32) ----

TEST_F(Vfp, ArithmeticA32)
{
    Code(std::string(kEnable) +
         "vmov.f32 s0, #1.5\nvmov.f32 s1, #-2.5\nvadd.f32 s2, s0, s1\nvsub.f32 s3, s0, s1\n"
         "vmul.f32 s4, s0, s1\nvnmul.f32 s5, s0, s1\nvdiv.f32 s6, s0, s1\n"
         "vmov.f32 s7, #4.0\nvsqrt.f32 s7, s7\nvmov.f32 s8, #1.0\nvmla.f32 s8, s0, s1\n"
         "vmov.f32 s9, #1.0\nvmls.f32 s9, s0, s1\nvmov.f32 s10, #1.0\nvnmla.f32 s10, s0, s1\n"
         "vmov.f32 s11, #1.0\nvnmls.f32 s11, s0, s1\nvabs.f32 s12, s1\nvneg.f32 s13, s0\n"
         "vmov.f64 d8, #0.5\nvmov.f64 d9, #3.0\nvdiv.f64 d10, d8, d9\nvcvt.f32.f64 s14, d10\n"
         "vcvt.f64.f32 d11, s1\nvcvt.s32.f32 s15, s1\nvcvtr.s32.f32 s16, s1\n"
         "vmov.f32 s17, #-3.0\nvcvt.u32.f32 s17, s17\nmov r0, #7\nvmov s18, r0\n"
         "vcvt.f64.s32 d12, s18\nvmov.f32 s19, #2.5\nvcvt.s32.f32 s19, s19, #4\n"
         "vcmp.f32 s0, s1\nvmrs APSR_nzcv, fpscr\nmovgt r1, #1\nmovle r1, #2\n"
         "vcmpe.f64 d8, #0\nvmrs r2, fpscr\n");
    RunToEnd();
    EXPECT_EQ(S(2), F2U(-1.0f));
    EXPECT_EQ(S(3), F2U(4.0f));
    EXPECT_EQ(S(4), F2U(-3.75f));
    EXPECT_EQ(S(5), F2U(3.75f));
    EXPECT_EQ(S(6), F2U(-0.6f));
    EXPECT_EQ(S(7), F2U(2.0f));
    EXPECT_EQ(S(8), F2U(-2.75f));
    EXPECT_EQ(S(9), F2U(4.75f));
    EXPECT_EQ(S(10), F2U(2.75f));
    EXPECT_EQ(S(11), F2U(-4.75f));
    EXPECT_EQ(S(12), F2U(2.5f));
    EXPECT_EQ(S(13), F2U(-1.5f));
    EXPECT_EQ(D(10), D2U(0.5 / 3.0));
    EXPECT_EQ(S(14), F2U((float)(0.5 / 3.0)));
    EXPECT_EQ(D(11), D2U(-2.5));
    EXPECT_EQ(S(15), (uint32_t)-2);          // toward zero
    EXPECT_EQ(S(16), (uint32_t)-2);          // FPSCR RN: -2.5 -> -2 (ties to even)
    EXPECT_EQ(S(17), 0u);                    // negative to unsigned saturates (IOC)
    EXPECT_EQ(D(12), D2U(7.0));
    EXPECT_EQ(S(19), 40u);                   // 2.5 * 2^4
    EXPECT_EQ(R(1), 1u);
    EXPECT_EQ(R(2) >> 28, 0x2u);             // 0.5 > 0: C
    EXPECT_NE(R(2) & VFP_EXC_IX, 0u);        // 0.6, 1/6 inexact
    EXPECT_NE(R(2) & VFP_EXC_IO, 0u);        // -3.0 -> u32
}

TEST_F(Vfp, ArithmeticT32)
{
    Write32(kData, F2U(0.1f));
    SetR(0, kData);
    Code(std::string(kEnable) + "adr r1, th + 1\nbx r1\n.thumb\nth:\n"
         "vldr s0, [r0]\nvmov.f32 s1, #3.0\nit eq\nvmuleq.f32 s2, s0, s1\nvmul.f32 s3, s0, s1\n"
         "vcvt.f64.f32 d4, s3\nvpush {d4}\nvpop {d5}\nvmov r2, r3, d5\nadr r1, ar\nbx r1\n"
         ".arm\nar:\n");
    arm_cpu_set_cpsr(cpu_, (CPSR() & 0x0FFFFFFFu)); // Z = 0: the IT'd VMUL is skipped
    RunToEnd();
    EXPECT_EQ(S(2), 0u);
    EXPECT_EQ(S(3), F2U(0.1f * 3.0f));
    EXPECT_EQ(D(5), D2U((double)(0.1f * 3.0f)));
    EXPECT_EQ(R(2), (uint32_t)D2U((double)(0.1f * 3.0f)));
}

TEST_F(Vfp, Disassembly)
{
    char buf[96];
    const struct { uint32_t enc; const char *text; } cases[] = {
        {0xEE300A01u, "vadd.f32 s0, s0, s2"},
        {0xEE821B03u, "vdiv.f64 d1, d2, d3"},
        {0xED900A00u, "vldr s0, [r0, #0]"},
        {0xED2D8B04u, "vpush {d8-d9}"},
        {0xEEF10A10u, "vmrs r0, fpscr"},
        {0xEEF1FA10u, "vmrs APSR_nzcv, fpscr"},
        {0xEE100A10u, "vmov r0, s0"},
    };
    for (const auto &c : cases) {
        arm_disasm(0x1000, c.enc, 4, 0, buf, sizeof buf);
        EXPECT_STREQ(buf, c.text) << std::hex << c.enc;
    }
}

// ---- the IEEE 754 core against the host (SSE, IEEE 754) ----

struct Rng {
    uint64_t s = 0x9E3779B97F4A7C15ull;
    uint64_t next() { s ^= s << 13; s ^= s >> 7; s ^= s << 17; return s; }
};

// Random encodings biased toward interesting exponents (denormals, near
// overflow, equal exponents), without NaNs.
uint64_t RandDouble(Rng &r)
{
    uint64_t v = r.next();
    switch (v & 7) {
    case 0: v &= 0x800FFFFFFFFFFFFFull; break;                       // denormal / zero
    case 1: v = (v & 0x800FFFFFFFFFFFFFull) | (0x7FEull << 52); break; // huge
    case 2: v = (v & 0x800FFFFFFFFFFFFFull) | (0x001ull << 52); break; // smallest normals
    case 3: v = (v & 0x800FFFFFFFFFFFFFull) | ((0x3F0ull + (v >> 60)) << 52); break;
    default: break;
    }
    if (((v >> 52) & 0x7FF) == 0x7FF) v &= ~(1ull << 62);
    return v;
}
uint32_t RandFloat(Rng &r)
{
    uint32_t v = (uint32_t)r.next();
    switch (v & 7) {
    case 0: v &= 0x807FFFFFu; break;
    case 1: v = (v & 0x807FFFFFu) | (0xFEu << 23); break;
    case 2: v = (v & 0x807FFFFFu) | (0x01u << 23); break;
    case 3: v = (v & 0x807FFFFFu) | ((0x78u + (v >> 29)) << 23); break;
    default: break;
    }
    if (((v >> 23) & 0xFF) == 0xFF) v &= ~(1u << 30);
    return v;
}

const int kRound[4] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};

// Host flags that mean the same in both models for NaN-free operands.
uint32_t HostFlags()
{
    uint32_t f = 0;
    if (std::fetestexcept(FE_INEXACT)) f |= VFP_EXC_IX;
    if (std::fetestexcept(FE_OVERFLOW)) f |= VFP_EXC_OF;
    if (std::fetestexcept(FE_DIVBYZERO)) f |= VFP_EXC_DZ;
    if (std::fetestexcept(FE_INVALID)) f |= VFP_EXC_IO;
    return f;
}

TEST(VfpCore, MatchesHostDouble)
{
    Rng r;
    int bad = 0;
    for (int k = 0; k < 200000 && bad < 10; k++) {
        uint64_t a = RandDouble(r), b = RandDouble(r);
        unsigned rm = (unsigned)(r.next() & 3), op = (unsigned)(r.next() % 5);
        uint32_t mode = rm << 22, exc = 0;
        volatile double x = U2D(a), y = U2D(b);
        double h;
        uint64_t got;
        std::fesetround(kRound[rm]);
        std::feclearexcept(FE_ALL_EXCEPT);
        switch (op) {
        case 0: h = x + y; break;
        case 1: h = x - y; break;
        case 2: h = x * y; break;
        case 3: h = x / y; break;
        default: h = std::sqrt(std::fabs(x)); break;
        }
        uint32_t hf = HostFlags();
        std::fesetround(FE_TONEAREST);
        switch (op) {
        case 0: got = vfp_add(1, a, b, 0, mode, &exc); break;
        case 1: got = vfp_add(1, a, b, 1, mode, &exc); break;
        case 2: got = vfp_mul(1, a, b, mode, &exc); break;
        case 3: got = vfp_div(1, a, b, mode, &exc); break;
        default: got = vfp_sqrt(1, a & ~(1ull << 63), mode, &exc); break;
        }
        if (std::isnan(h)) { // 0/0, inf-inf: ARM default NaN
            EXPECT_EQ(got, 0x7FF8000000000000ull);
            continue;
        }
        if (got != D2U(h) || (exc & ~VFP_EXC_UF) != hf) {
            ADD_FAILURE() << "op " << op << " rm " << rm << std::hex << " a " << a << " b " << b
                          << " got " << got << " host " << D2U(h) << " flags " << exc << "/" << hf;
            bad++;
        }
    }
}

TEST(VfpCore, MatchesHostSingle)
{
    Rng r;
    int bad = 0;
    for (int k = 0; k < 200000 && bad < 10; k++) {
        uint32_t a = RandFloat(r), b = RandFloat(r);
        unsigned rm = (unsigned)(r.next() & 3), op = (unsigned)(r.next() % 6);
        uint32_t mode = rm << 22, exc = 0;
        volatile float x = U2F(a), y = U2F(b);
        float h;
        uint64_t got;
        std::fesetround(kRound[rm]);
        std::feclearexcept(FE_ALL_EXCEPT);
        switch (op) {
        case 0: h = x + y; break;
        case 1: h = x - y; break;
        case 2: h = x * y; break;
        case 3: h = x / y; break;
        case 4: h = std::sqrt(std::fabs((float)x)); break;
        default: h = (float)U2D(RandDouble(r) & 0x7FFFFFFFFFFFFFFFull); break;
        }
        uint32_t hf = HostFlags();
        std::fesetround(FE_TONEAREST);
        switch (op) {
        case 0: got = vfp_add(0, a, b, 0, mode, &exc); break;
        case 1: got = vfp_add(0, a, b, 1, mode, &exc); break;
        case 2: got = vfp_mul(0, a, b, mode, &exc); break;
        case 3: got = vfp_div(0, a, b, mode, &exc); break;
        case 4: got = vfp_sqrt(0, a & 0x7FFFFFFFu, mode, &exc); break;
        default: continue;
        }
        if (std::isnan(h)) {
            EXPECT_EQ(got, 0x7FC00000u);
            continue;
        }
        if (got != F2U(h) || (exc & ~VFP_EXC_UF) != hf) {
            ADD_FAILURE() << "op " << op << " rm " << rm << std::hex << " a " << a << " b " << b
                          << " got " << got << " host " << F2U(h) << " flags " << exc << "/" << hf;
            bad++;
        }
    }
}

TEST(VfpCore, ConversionsMatchHost)
{
    Rng r;
    for (int k = 0; k < 100000; k++) {
        uint64_t a = RandDouble(r);
        uint32_t exc = 0;
        double x = U2D(a);
        // double -> float with the host (round to nearest)
        float f = (float)x;
        EXPECT_EQ(vfp_double_to_single(a, 0, &exc), F2U(f)) << std::hex << a;
        // float -> double exact
        uint32_t s = RandFloat(r);
        EXPECT_EQ(vfp_single_to_double(s, 0, &exc), D2U((double)U2F(s)));
        // int -> double / float
        uint32_t iv = (uint32_t)r.next();
        EXPECT_EQ(vfp_from_fixed(1, iv, 32, 0, 0, 0, 0, &exc), D2U((double)(int32_t)iv));
        EXPECT_EQ(vfp_from_fixed(0, iv, 32, 0, 1, 0, 0, &exc), F2U((float)iv));
        // double -> int toward zero, saturating
        double t = std::trunc(x);
        int32_t want = t >= 2147483647.0 ? INT32_MAX : t <= -2147483648.0 ? INT32_MIN : (int32_t)t;
        EXPECT_EQ(vfp_to_fixed(1, a, 32, 0, 0, 1, 0, &exc), (uint32_t)want) << std::hex << a;
    }
}

TEST(VfpCore, ArmSpecificCases)
{
    uint32_t exc = 0;
    // NaN propagation: first signalling NaN wins, quietened, IOC
    EXPECT_EQ(vfp_add(0, 0x7FC00001u, 0x7F800002u, 0, 0, &exc), 0x7FC00002u);
    EXPECT_EQ(exc, VFP_EXC_IO);
    exc = 0;
    EXPECT_EQ(vfp_mul(0, 0xFFC00005u, 0x7FC00001u, 0, &exc), 0xFFC00005u);
    EXPECT_EQ(exc, 0u);
    // DN: default NaN
    EXPECT_EQ(vfp_add(1, 0x7FF0000000000001ull, D2U(1.0), 0, VFP_FPSCR_DN, &exc),
              0x7FF8000000000000ull);
    // FZ: denormal input flushed (IDC), exact zero result
    exc = 0;
    EXPECT_EQ(vfp_add(0, 0x00000001u, 0x80000000u, 0, VFP_FPSCR_FZ, &exc), 0x00000000u);
    EXPECT_EQ(exc, VFP_EXC_ID);
    // FZ: tiny result flushed to zero with UFC only
    exc = 0;
    EXPECT_EQ(vfp_mul(0, F2U(1e-20f), F2U(1e-20f), VFP_FPSCR_FZ, &exc), 0u);
    EXPECT_EQ(exc, VFP_EXC_UF);
    // Tininess before rounding: 0x1.fffffep-127 * (1 + 2^-23)... a product
    // that rounds up to the smallest normal still signals underflow on ARM.
    exc = 0;
    uint32_t r = vfp_mul(0, 0x007FFFFFu, F2U(1.0f + 1.0f / 8388608.0f), 0, &exc);
    EXPECT_EQ(r, 0x00800000u);
    EXPECT_EQ(exc, VFP_EXC_UF | VFP_EXC_IX);
    // Exact zero sum: -0 in round toward minus infinity
    exc = 0;
    EXPECT_EQ(vfp_add(0, F2U(1.0f), F2U(-1.0f), 0, 2u << 22, &exc), 0x80000000u);
    // Division by zero
    exc = 0;
    EXPECT_EQ(vfp_div(0, F2U(-1.0f), 0, 0, &exc), 0xFF800000u);
    EXPECT_EQ(exc, VFP_EXC_DZ);
    // VCMP: unordered, VCMPE on a quiet NaN signals
    exc = 0;
    EXPECT_EQ(vfp_compare(0, 0x7FC00000u, 0, 0, 0, &exc), 0x3u);
    EXPECT_EQ(exc, 0u);
    EXPECT_EQ(vfp_compare(0, 0x7FC00000u, 0, 1, 0, &exc), 0x3u);
    EXPECT_EQ(exc, VFP_EXC_IO);
    EXPECT_EQ(vfp_compare(1, D2U(-0.0), D2U(0.0), 0, 0, &exc), 0x6u);
    EXPECT_EQ(vfp_compare(1, D2U(-2.0), D2U(-1.0), 0, 0, &exc), 0x8u);
    // to-integer of a NaN: 0 and IOC; of +inf: saturated
    exc = 0;
    EXPECT_EQ(vfp_to_fixed(0, 0x7FC00000u, 32, 0, 0, 1, 0, &exc), 0u);
    EXPECT_EQ(exc, VFP_EXC_IO);
    EXPECT_EQ(vfp_to_fixed(0, 0x7F800000u, 32, 0, 1, 1, 0, &exc), 0xFFFFFFFFu);
    // fixed point 16-bit, sign-extended
    exc = 0;
    EXPECT_EQ(vfp_to_fixed(0, F2U(-1.5f), 16, 8, 0, 1, 0, &exc), 0xFFFFFE80u);
    EXPECT_EQ(vfp_from_fixed(0, 0xFE80u, 16, 8, 0, 0, 0, &exc), F2U(-1.5f));
    // NaN conversion keeps the payload's top bits
    exc = 0;
    EXPECT_EQ(vfp_single_to_double(0x7F800001u, 0, &exc), 0x7FF8000020000000ull);
    EXPECT_EQ(exc, VFP_EXC_IO);
    // Half precision (VCVTB/VCVTT): 1.0, rounding to nearest even, overflow
    // to infinity or (AHP) saturation with Invalid Operation, denormals kept
    exc = 0;
    EXPECT_EQ(vfp_single_to_half(F2U(1.0f), 0, &exc), 0x3C00u);
    EXPECT_EQ(vfp_single_to_half(F2U(1.0f + 1.0f / 2048.0f), 0, &exc), 0x3C00u); // tie: even
    EXPECT_EQ(exc, VFP_EXC_IX);
    exc = 0;
    EXPECT_EQ(vfp_single_to_half(F2U(70000.0f), 0, &exc), 0x7C00u);
    EXPECT_EQ(exc, VFP_EXC_OF | VFP_EXC_IX);
    exc = 0;
    EXPECT_EQ(vfp_single_to_half(F2U(-140000.0f), VFP_FPSCR_AHP, &exc), 0xFFFFu);
    EXPECT_EQ(exc, VFP_EXC_IO);
    exc = 0;
    EXPECT_EQ(vfp_half_to_single(0x0001u, VFP_FPSCR_FZ, &exc), F2U(1.0f / 16777216.0f));
    EXPECT_EQ(vfp_half_to_single(0x7C00u, 0, &exc), 0x7F800000u);
    EXPECT_EQ(vfp_half_to_single(0x7C00u, VFP_FPSCR_AHP, &exc), F2U(65536.0f));
    EXPECT_EQ(exc, 0u);
    // VMOV immediate expansion
    EXPECT_EQ(vfp_expand_imm(0, 0x70), F2U(1.0f));
    EXPECT_EQ(vfp_expand_imm(1, 0xF8), D2U(-1.5));
}

} // namespace
