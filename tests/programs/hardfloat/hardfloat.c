/*
 * hardfloat.c - a hard-float (-mfloat-abi=hard -mfpu=neon) newlib program:
 * float and double arithmetic done by VFP instructions, conversions,
 * comparisons, libm, printf("%f %e %g"), and loops the compiler may turn
 * into Advanced SIMD code. Its output must equal qemu-system-arm's.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define N 64

static float fa[N], fb[N], fc[N];
static double da[N];
static int32_t ia[N], ib[N];
static int16_t sa[N];
static uint8_t ua[N], ub[N];

/* Kept out of line so the arguments travel in VFP registers (AAPCS-VFP). */
__attribute__((noinline)) static double poly(double x, double a, double b, double c)
{
    return (a * x + b) * x + c;
}
__attribute__((noinline)) static float mixf(float x, float y, int k)
{
    return x * (float)k - y / 3.0f;
}

int main(void)
{
    volatile double third = 1.0 / 3.0, big = 1e300, tiny = 1e-310;
    volatile float ft = 0.1f;
    printf("third=%.17g big*10=%g tiny/7=%g\n", third, big * 10.0, tiny / 7.0);
    printf("poly=%.12f mixf=%.7f\n", poly(1.5, 2.0, -3.0, 0.25), (double)mixf(2.5f, 1.0f, 3));

    /* float accumulation and comparison */
    float s = 0.0f;
    for (int i = 0; i < 10; i++) s += ft;
    printf("sum=%.9f eq1=%d lt1=%d\n", (double)s, s == 1.0f, s < 1.0f);

    /* conversions */
    volatile double neg = -2.75, huge = 5e9;
    volatile float half = 2.5f;
    printf("conv %d %u %d %lld %d\n", (int)neg, (unsigned)huge, (int)(float)half,
           (long long)(neg * 1e12), (int)lrint(2.5));
    printf("to float %.9g to double %.17g\n", (double)(float)third, (double)ft);

    /* libm */
    printf("sqrt=%.15f sin=%.15f cos=%.15f\n", sqrt(2.0), sin(0.5), cos(0.5));
    printf("exp=%.15f log=%.15f pow=%.15f\n", exp(1.5), log(7.0), pow(1.5, 2.25));
    printf("atan2=%.15f fmod=%.15f hypot=%.15f\n", atan2(1.0, -2.0), fmod(10.5, 3.25),
           hypot(3.0, 4.0));
    printf("sqrtf=%.7f expf=%.7f floor=%g ceil=%g round=%g trunc=%g\n", (double)sqrtf(3.0f),
           (double)expf(0.5f), floor(-1.5), ceil(-1.5), round(-2.5), trunc(-2.7));
    printf("fabs=%g copysign=%g fmin=%g fmax=%g\n", fabs(-4.0), copysign(3.0, -0.0),
           fmin(1.0, -1.0), fmax(1.0, -1.0));

    /* special values */
    volatile double zero = 0.0;
    double inf = 1.0 / zero, nan = zero / zero;
    printf("inf=%f -inf=%f nan?=%d isinf=%d signbit(-0)=%d\n", inf, -inf, isnan(nan),
           isinf(inf), signbit(-zero) != 0);
    printf("%e %e %.3e\n", 6.02214076e23, -1.602176634e-19, 1.0 / 7.0);

    /* loops: element-wise float, dot product, integer arrays */
    for (int i = 0; i < N; i++) {
        fa[i] = (float)i * 0.5f;
        fb[i] = 1.0f / (float)(i + 1);
        ia[i] = i * 3 - 50;
        ib[i] = 7 - i;
        ua[i] = (uint8_t)(i * 37);
        ub[i] = (uint8_t)(200 - i);
    }
    for (int i = 0; i < N; i++) fc[i] = fa[i] * fb[i] + 1.0f;
    double dot = 0.0;
    for (int i = 0; i < N; i++) dot += (double)fa[i] * (double)fb[i];
    printf("fc[10]=%.7f fc[63]=%.7f dot=%.12f\n", (double)fc[10], (double)fc[63], dot);
    int32_t isum = 0;
    for (int i = 0; i < N; i++) {
        ia[i] = ia[i] * ib[i] + (ia[i] >> 2);
        isum += ia[i];
    }
    int32_t imax = ia[0], imin = ia[0];
    for (int i = 1; i < N; i++) {
        imax = ia[i] > imax ? ia[i] : imax;
        imin = ia[i] < imin ? ia[i] : imin;
    }
    uint32_t usum = 0;
    for (int i = 0; i < N; i++) {
        ua[i] = (uint8_t)(ua[i] + ub[i]);
        sa[i] = (int16_t)(ua[i] - 128);
        usum += ua[i] ^ ub[i];
    }
    int ssum = 0;
    for (int i = 0; i < N; i++) ssum += sa[i] * 3;
    printf("isum=%ld imax=%ld imin=%ld usum=%lu ssum=%d\n", (long)isum, (long)imax, (long)imin,
           (unsigned long)usum, ssum);
    for (int i = 0; i < N; i++) da[i] = sin((double)i / 8.0) * 100.0;
    double dmax = -1e9;
    for (int i = 0; i < N; i++) dmax = da[i] > dmax ? da[i] : dmax;
    printf("dmax=%.10f da[5]=%.10f\n", dmax, da[5]);

    /* memcpy/memset of the hard-float library */
    char buf[100], out[100];
    for (int i = 0; i < 100; i++) buf[i] = (char)('a' + i % 26);
    memcpy(out, buf + 3, 90);
    memset(out + 40, '-', 7);
    out[90] = 0;
    printf("%s\n", out);
    return 0;
}
