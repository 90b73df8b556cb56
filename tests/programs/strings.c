/* String and memory functions of the C library. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
    char buf[128];
    const char *s = "The quick brown fox jumps over the lazy dog";
    printf("strlen=%u\n", (unsigned)strlen(s));
    strcpy(buf, s);
    printf("strcmp=%d strncmp=%d\n", strcmp(buf, s) == 0, strncmp("abcd", "abce", 3) == 0);
    printf("strchr=%s\n", strchr(s, 'q'));
    printf("strrchr=%s\n", strrchr(s, 'o'));
    printf("strstr=%s\n", strstr(s, "fox"));
    strcat(buf, "!!");
    printf("strcat=%s\n", buf);
    memmove(buf + 4, buf, 10);
    buf[14] = '\0';
    printf("memmove=%s\n", buf);
    memset(buf, '-', 20);
    buf[20] = '\0';
    printf("memset=%s\n", buf);
    char words[] = "alpha,beta,,gamma;delta";
    for (char *t = strtok(words, ",;"); t; t = strtok(NULL, ",;"))
        printf("token=%s\n", t);
    printf("strtol=%ld %ld %ld\n", strtol("12345", NULL, 10), strtol("-0x1f", NULL, 16),
           strtol("777", NULL, 8));
    printf("atoi=%d\n", atoi("  -42xyz"));
    char up[64];
    size_t i;
    for (i = 0; s[i] && i < sizeof up - 1; i++)
        up[i] = (char)toupper((unsigned char)s[i]);
    up[i] = '\0';
    printf("upper=%s\n", up);
    snprintf(buf, sizeof buf, "%s-%d-%04x", "snprintf", 7, 0xbeef);
    printf("snprintf=%s\n", buf);
    volatile size_t small = 5; /* not a constant: the truncation is the point */
    printf("truncated=%d\n", snprintf(buf, small, "%s", "0123456789"));
    printf("buf=%s\n", buf);
    /* byte-wise copy across unaligned offsets */
    unsigned char src[64], dst[64];
    for (i = 0; i < sizeof src; i++)
        src[i] = (unsigned char)(i * 7 + 3);
    unsigned sum = 0;
    for (int off = 0; off < 4; off++) {
        memset(dst, 0, sizeof dst);
        memcpy(dst + off, src + (3 - off), 40);
        for (i = 0; i < sizeof dst; i++)
            sum = sum * 31 + dst[i];
    }
    printf("memcpy checksum=%08x\n", sum);
    printf("memcmp=%d %d\n", memcmp("abc", "abd", 3) < 0, memcmp("abc", "abc", 3));
    return 0;
}
