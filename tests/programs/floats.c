/* Soft-float arithmetic and printf("%f"/"%e"/"%g") of the C library. */
#include <math.h>
#include <stdio.h>

int main(void)
{
    volatile double a = 1.0 / 3.0, b = 1e-5, c = 12345.6789;
    printf("%.6f %.3e %g\n", a, b, c);
    printf("%f %f\n", a * 3.0, c / 7.0);
    volatile float x = 0.1f;
    float s = 0;
    for (int i = 0; i < 10; i++)
        s += x;
    printf("float sum %.7f equal1=%d\n", (double)s, s == 1.0f);
    printf("sqrt(2)=%.12f\n", sqrt(2.0));
    printf("pow(2,0.5)=%.12f floor=%.1f ceil=%.1f\n", pow(2.0, 0.5), floor(-2.5), ceil(-2.5));
    printf("sin(1)=%.9f exp(1)=%.9f log(10)=%.9f\n", sin(1.0), exp(1.0), log(10.0));
    printf("inf=%f nan=%s\n", (double)HUGE_VAL, isnan(0.0 / 0.0) ? "yes" : "no");
    printf("int conv %d %u %lld\n", (int)-3.99, (unsigned)3.99e9, (long long)-1e15);
    return 0;
}
