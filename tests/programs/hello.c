/* printf of integers in every common format, and floats printed as scaled integers. */
#include <stdio.h>
#include <stdint.h>
#include <limits.h>

int main(void)
{
    printf("hello from armiss test programs\n");
    printf("int: %d %d %d %d\n", 0, 1, -1, 123456789);
    printf("limits: %d %d %u\n", INT_MAX, INT_MIN, UINT_MAX);
    printf("hex: %x %X %#x %08x\n", 0xdeadbeefu, 0xcafeu, 255u, 0x1234u);
    printf("octal: %o %#o\n", 8u, 511u);
    printf("width: [%5d] [%-5d] [%05d] [%+d]\n", 42, 42, 42, 42);
    printf("long long: %lld %llu %llx\n", -9000000000000000000LL, 18000000000000000000ULL,
           0x0123456789abcdefULL);
    printf("char/string: %c %s [%10s] [%-10s] [%.3s]\n", 'x', "str", "right", "left", "truncate");
    int n;
    printf("count%n", &n);
    printf(" = %d\n", n);
    /* floats as integers: scaled fixed-point output, no %f */
    float f = 3.14159f;
    double d = 2.718281828459045;
    printf("float*1000: %d\n", (int)(f * 1000.0f));
    printf("double*1e6: %ld\n", (long)(d * 1e6));
    double acc = 0.0;
    for (int i = 1; i <= 100; i++)
        acc += 1.0 / i;
    printf("harmonic(100)*1e9: %lld\n", (long long)(acc * 1e9));
    puts("puts works");
    putchar('!');
    putchar('\n');
    return 0;
}
