/* User mode and the SVC exception: the program installs an SVC vector,
 * drops to User mode, and makes supervisor calls. SVC #1 is a "system call"
 * its handler serves (r0 = 2 * r0 + 1) and returns from with MOVS pc, lr.
 * Semihosting calls made in User mode are not served by the host (they are
 * ordinary SVCs there), so the handler forwards them from SVC mode, like an
 * OS would; the program reports whether that happened. */
#include <stdint.h>
#include <stdio.h>

volatile uint32_t forwarded, syscalls;
uint8_t svc_stack[4096] __attribute__((aligned(8)));

void svc_handler(void);
__asm__(".pushsection .text.svc_handler, \"ax\", %progbits\n"
        ".syntax unified\n"
        ".arm\n"
        ".global svc_handler\n"
        ".type svc_handler, %function\n"
        "svc_handler:\n"
        "  push {r2, r3, lr}\n"
        "  mrs r3, spsr\n"
        "  tst r3, #0x20\n"               /* caller in Thumb state? */
        "  ldrhne r2, [lr, #-2]\n"
        "  andne r2, r2, #0xff\n"
        "  ldreq r2, [lr, #-4]\n"
        "  biceq r2, r2, #0xff000000\n"   /* SVC immediate */
        "  cmp r2, #1\n"
        "  beq 1f\n"
        "  svc 0x123456\n"                /* semihosting, from SVC mode */
        "  ldr r2, =forwarded\n"
        "  ldr r3, [r2]\n"
        "  add r3, r3, #1\n"
        "  str r3, [r2]\n"
        "  pop {r2, r3, lr}\n"
        "  movs pc, lr\n"
        "1:\n"
        "  add r0, r0, r0\n"
        "  add r0, r0, #1\n"
        "  ldr r2, =syscalls\n"
        "  ldr r3, [r2]\n"
        "  add r3, r3, #1\n"
        "  str r3, [r2]\n"
        "  pop {r2, r3, lr}\n"
        "  movs pc, lr\n"
        "  .ltorg\n"
        ".size svc_handler, . - svc_handler\n"
        ".popsection\n");

static volatile uintptr_t vector_base = 0;

static uint32_t mode(void)
{
    uint32_t cpsr;
    __asm__ volatile("mrs %0, cpsr" : "=r"(cpsr));
    return cpsr & 0x1f;
}

static uint32_t syscall1(uint32_t arg)
{
    register uint32_t r0 __asm__("r0") = arg;
    __asm__ volatile("svc #1" : "+r"(r0) : : "memory", "cc");
    return r0;
}

__attribute__((noinline)) static void enter_user_mode(void)
{
    /* User mode keeps the current stack and return address (SP and LR are
     * banked: they are copied through System mode, which shares User's
     * registers); SVC mode gets its own stack. */
    __asm__ volatile("mov r0, sp\n"
                     "mov r1, lr\n"
                     "cps #0x1f\n"
                     "mov sp, r0\n"
                     "mov lr, r1\n"
                     "cps #0x13\n"
                     "ldr r1, =svc_stack + 4096\n"
                     "mov sp, r1\n"
                     "cps #0x10\n"
                     : : : "r0", "r1", "memory");
}

int main(void)
{
    volatile uint32_t *vec = (volatile uint32_t *)vector_base;
    /* 0x08: LDR pc, [pc, #0x14] loads the word at 0x08 + 8 + 0x14 = 0x24. */
    vec[9] = (uint32_t)(uintptr_t)svc_handler;
    vec[2] = 0xE59FF014u;
    printf("mode before: %02lx\n", (unsigned long)mode());
    fflush(stdout);
    enter_user_mode();
    printf("mode after: %02lx\n", (unsigned long)mode());
    uint32_t r = 0;
    for (uint32_t i = 0; i < 10; i++)
        r += syscall1(i);
    printf("syscalls=%lu sum=%lu\n", (unsigned long)syscalls, (unsigned long)r);
    printf("user-mode semihosting calls forwarded by the handler: %s\n",
           forwarded > 0 ? "yes" : "no");
    return 3;
}
