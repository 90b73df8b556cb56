/* An undefined instruction taken through a vector the program installs at
 * run time (low vectors at 0): the handler, in ARM state and Undefined mode,
 * reports through semihosting and exits. Under armiss this also checks the
 * default exception policy: a non-zero vector word counts as installed. */
#include <stdint.h>
#include <stdio.h>

void undef_handler(void);
__asm__(".pushsection .text.undef_handler, \"ax\", %progbits\n"
        ".arm\n"
        ".global undef_handler\n"
        ".type undef_handler, %function\n"
        "undef_handler:\n"
        "  mrs r4, cpsr\n"
        "  and r4, r4, #0x1f\n"
        "  cmp r4, #0x1b\n"          /* Undefined mode? */
        "  adreq r1, 1f\n"
        "  adrne r1, 2f\n"
        "  mov r0, #4\n"              /* SYS_WRITE0 */
        "  svc 0x123456\n"
        "  mov r0, #0x18\n"           /* SYS_EXIT, ADP_Stopped_ApplicationExit */
        "  ldr r1, =0x20026\n"
        "  svc 0x123456\n"
        "1: .asciz \"undefined instruction handler reached in Undefined mode\\n\"\n"
        "2: .asciz \"undefined instruction handler reached in the wrong mode\\n\"\n"
        "  .align 2\n"
        "  .ltorg\n"
        ".size undef_handler, . - undef_handler\n"
        ".popsection\n");

static volatile uintptr_t vector_base = 0;

int main(void)
{
    volatile uint32_t *vec = (volatile uint32_t *)vector_base;
    /* 0x04: LDR pc, [pc, #0x14] loads the word at 0x04 + 8 + 0x14 = 0x20. */
    vec[8] = (uint32_t)(uintptr_t)undef_handler;
    vec[1] = 0xE59FF014u;
    printf("vector installed, executing an undefined instruction\n");
    fflush(stdout);
    __builtin_trap();
}
