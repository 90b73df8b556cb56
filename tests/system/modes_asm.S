/*
 * modes_asm.S - the instruction sequences modes.c checks, in fixed A32 and
 * T32 code so that every build of the program observes the same thing.
 * Mode numbers and CPSR layout: ARM ARM B1.3; exception entry and return:
 * B1.8, B1.9; SRS, RFE, LDM/STM (User registers), LDM (exception return),
 * SUBS pc, lr and CPS: their pages in B9.3 (system instructions).
 */
    .syntax unified
    .text

/* ---- exceptions raised from A32 and T32 code ----
 * Each function stores the address of its exception-causing instruction in
 * modes_label before executing it (the handler checks LR against it). */

/* uint32_t modes_svc_a32(uint32_t a): SVC #0x42 with r0 = a, r1-r3 = 2, 3,
 * 4; stores r0-r3 after the call in modes_svc_regs, returns r0. */
    .arm
    .global modes_svc_a32
    .type   modes_svc_a32, %function
modes_svc_a32:
    push    {r4, r5, r6, lr}
    adr     r4, 1f
    ldr     r5, =modes_label
    str     r4, [r5]
    mov     r1, #2
    mov     r2, #3
    mov     r3, #4
1:  svc     #0x42
    ldr     r5, =modes_svc_regs
    stm     r5, {r0-r3}
    pop     {r4, r5, r6, pc}
    .size   modes_svc_a32, . - modes_svc_a32

/* uint32_t modes_udf_a32(uint32_t a): UDF #0x1234, returns a. */
    .global modes_udf_a32
    .type   modes_udf_a32, %function
modes_udf_a32:
    adr     r1, 1f
    ldr     r2, =modes_label
    str     r1, [r2]
1:  udf     #0x1234
    bx      lr
    .size   modes_udf_a32, . - modes_udf_a32

/* uint32_t modes_mrc_sctlr(uint32_t a): MRC SCTLR (UNDEFINED at PL0). */
    .global modes_mrc_sctlr
    .type   modes_mrc_sctlr, %function
modes_mrc_sctlr:
    adr     r1, 1f
    ldr     r2, =modes_label
    str     r1, [r2]
1:  mrc     p15, 0, r0, c1, c0, 0
    bx      lr
    .size   modes_mrc_sctlr, . - modes_mrc_sctlr

/* uint32_t modes_tpidr(uint32_t a): writes a to TPIDRURW, reads TPIDRURW
 * and TPIDRURO (both readable at PL0), writes a to TPIDRURO (UNDEFINED at
 * PL0: B4.1 lists it read-only at PL0); returns TPIDRURW + TPIDRURO. */
    .global modes_tpidr
    .type   modes_tpidr, %function
modes_tpidr:
    mcr     p15, 0, r0, c13, c0, 2
    mrc     p15, 0, r1, c13, c0, 2
    mrc     p15, 0, r2, c13, c0, 3
    adr     r3, 1f
    ldr     r12, =modes_label
    str     r3, [r12]
1:  mcr     p15, 0, r0, c13, c0, 3
    add     r0, r1, r2
    bx      lr
    .size   modes_tpidr, . - modes_tpidr
    .ltorg

    .thumb
    .global modes_svc_t32
    .type   modes_svc_t32, %function
    .thumb_func
modes_svc_t32:
    push    {r4, r5, r6, lr}
    adr     r4, 1f
    ldr     r5, =modes_label
    str     r4, [r5]
    movs    r1, #2
    movs    r2, #3
    movs    r3, #4
    .balign 4
1:  svc     #0x42
    ldr     r5, =modes_svc_regs
    stm     r5!, {r0-r3}
    pop     {r4, r5, r6, pc}
    .size   modes_svc_t32, . - modes_svc_t32

/* 16-bit UDF #0x56 (T1). */
    .global modes_udf_t16
    .type   modes_udf_t16, %function
    .thumb_func
modes_udf_t16:
    adr     r1, 1f
    ldr     r2, =modes_label
    str     r1, [r2]
    .balign 4
1:  udf     #0x56
    bx      lr
    .size   modes_udf_t16, . - modes_udf_t16

/* 32-bit UDF.W #0x1234 (T2): LR = insn + 2 all the same (B1.8.3). */
    .global modes_udf_t32
    .type   modes_udf_t32, %function
    .thumb_func
modes_udf_t32:
    adr     r1, 1f
    ldr     r2, =modes_label
    str     r1, [r2]
    .balign 4
1:  udf.w   #0x1234
    bx      lr
    .size   modes_udf_t32, . - modes_udf_t32
    .ltorg

/* ---- banked registers ---- */
    .arm

/* void modes_fiq_bank(uint32_t out[10]): r8-r12 set in SVC mode, other
 * values set in FIQ mode; out[0..4] = r8-r12 read in System mode (the
 * shared bank), out[5..9] = r8-r12 read back in FIQ mode. */
    .global modes_fiq_bank
    .type   modes_fiq_bank, %function
modes_fiq_bank:
    push    {r4-r11, lr}
    mrs     r3, cpsr
    ldr     r8, =0x08080808
    ldr     r9, =0x09090909
    ldr     r10, =0x0A0A0A0A
    ldr     r11, =0x0B0B0B0B
    ldr     r12, =0x0C0C0C0C
    msr     cpsr_c, #0xD1           /* FIQ */
    ldr     r8, =0xF8F8F8F8
    ldr     r9, =0xF9F9F9F9
    ldr     r10, =0xFAFAFAFA
    ldr     r11, =0xFBFBFBFB
    ldr     r12, =0xFCFCFCFC
    msr     cpsr_c, #0xDF           /* System */
    stmia   r0!, {r8-r12}
    msr     cpsr_c, #0xD1           /* FIQ */
    stmia   r0!, {r8-r12}
    msr     cpsr_c, r3
    pop     {r4-r11, pc}
    .size   modes_fiq_bank, . - modes_fiq_bank

/* void modes_bank_write(uint32_t mode, const uint32_t v[3]): SP, LR and
 * (not for System) SPSR of `mode` (not the current mode). */
    .global modes_bank_write
    .type   modes_bank_write, %function
modes_bank_write:
    mrs     r2, cpsr
    bic     r3, r2, #0x1F
    orr     r3, r3, r0
    cmp     r0, #0x1F               /* flags survive MSR CPSR_c */
    msr     cpsr_c, r3              /* r8-r12 may be FIQ's from here */
    ldr     sp, [r1]
    ldr     lr, [r1, #4]
    ldrne   r0, [r1, #8]
    msrne   spsr_fsxc, r0
    msr     cpsr_c, r2
    bx      lr
    .size   modes_bank_write, . - modes_bank_write

/* void modes_bank_read(uint32_t mode, uint32_t v[3]): SP, LR, SPSR (0 for
 * System) of `mode`. */
    .global modes_bank_read
    .type   modes_bank_read, %function
modes_bank_read:
    mrs     r2, cpsr
    bic     r3, r2, #0x1F
    orr     r3, r3, r0
    msr     cpsr_c, r3
    str     sp, [r1]
    str     lr, [r1, #4]
    cmp     r0, #0x1F
    mrsne   r12, spsr
    moveq   r12, #0
    str     r12, [r1, #8]
    msr     cpsr_c, r2
    bx      lr
    .size   modes_bank_read, . - modes_bank_read

/* uint32_t modes_spsr_svc(uint32_t v): write SPSR_svc, read it back,
 * restore it. */
    .global modes_spsr_svc
    .type   modes_spsr_svc, %function
modes_spsr_svc:
    mrs     r2, spsr
    msr     spsr_fsxc, r0
    mrs     r0, spsr
    msr     spsr_fsxc, r2
    bx      lr
    .size   modes_spsr_svc, . - modes_spsr_svc

/* ---- SRS, RFE, LDM/STM ^, exception returns ---- */

/* void modes_srs(uint32_t out[6]):
 *   SVC: SRSDB sp!, #SYS with LR_svc = 0x1E5C0DE0, SPSR_svc = 0xA00001DF:
 *     out[0] = how far SP_sys moved down, out[1] = stored LR,
 *     out[2] = stored SPSR;
 *   UND: SRSDB sp, #SVC (no write-back) with LR_und = 0x0DDC0DE4,
 *     SPSR_und = 0x500001D3: out[3] = stored LR, out[4] = stored SPSR,
 *     out[5] = how far SP_svc moved (0). */
    .global modes_srs
    .type   modes_srs, %function
modes_srs:
    push    {r4-r8, lr}
    mrs     r7, spsr
    mov     r8, lr
    ldr     r4, =modes_stack_top
    msr     cpsr_c, #0xDF           /* System: private stack */
    mov     r5, sp
    mov     sp, r4
    msr     cpsr_c, #0xD3
    ldr     r1, =0xA00001DF
    msr     spsr_fsxc, r1
    ldr     lr, =0x1E5C0DE0
    srsdb   sp!, #0x1F
    msr     cpsr_c, #0xDF
    mov     r6, sp
    mov     sp, r5
    msr     cpsr_c, #0xD3
    msr     spsr_fsxc, r7
    mov     lr, r8
    sub     r2, r4, r6
    str     r2, [r0]
    ldr     r2, [r4, #-8]
    str     r2, [r0, #4]
    ldr     r2, [r4, #-4]
    str     r2, [r0, #8]
    mov     r4, sp                  /* SVC stack: SRS writes just below */
    msr     cpsr_c, #0xDB           /* Undefined */
    mov     r5, lr
    mrs     r6, spsr
    ldr     lr, =0x0DDC0DE4
    ldr     r1, =0x500001D3
    msr     spsr_fsxc, r1
    srsdb   sp, #0x13
    mov     lr, r5
    msr     spsr_fsxc, r6
    msr     cpsr_c, #0xD3
    ldr     r2, [r4, #-8]
    str     r2, [r0, #12]
    ldr     r2, [r4, #-4]
    str     r2, [r0, #16]
    sub     r2, r4, sp
    str     r2, [r0, #20]
    pop     {r4-r8, pc}
    .size   modes_srs, . - modes_srs

/* void modes_rfe(uint32_t out[4]):
 *   RFEIA r1! to A32 code with CPSR 0xF00001DF (NZCV, System):
 *     out[0] = CPSR there, out[1] = write-back offset (8);
 *   RFEDB r1 to T32 code with CPSR 0x300001FF (ZC, Thumb, System):
 *     out[2] = CPSR there as MRS reads it (the execution state bits read
 *     as zero: 0x300001DF), out[3] = write-back offset (0); reaching the
 *     code that stores them requires T32 state. */
    .global modes_rfe
    .type   modes_rfe, %function
modes_rfe:
    push    {r4-r6, lr}
    mov     r6, sp
    ldr     r1, =modes_buf
    adr     r2, 1f
    str     r2, [r1]
    ldr     r2, =0xF00001DF
    str     r2, [r1, #4]
    mov     r4, r1
    rfeia   r1!
1:  mrs     r2, cpsr
    str     r2, [r0]
    sub     r2, r1, r4
    str     r2, [r0, #4]
    msr     cpsr_c, #0xD3
    ldr     r1, =modes_buf + 16
    ldr     r2, =modes_rfe_t32
    bic     r2, r2, #1
    str     r2, [r1, #-8]
    ldr     r2, =0x300001FF
    str     r2, [r1, #-4]
    mov     r4, r1
    rfedb   r1
modes_rfe_back:
    msr     cpsr_c, #0xD3
    mov     sp, r6
    pop     {r4-r6, pc}
    .size   modes_rfe, . - modes_rfe
    .ltorg

    .thumb
    .type   modes_rfe_t32, %function
    .thumb_func
modes_rfe_t32:
    mrs     r2, cpsr
    str     r2, [r0, #8]
    subs    r2, r1, r4
    str     r2, [r0, #12]
    ldr     r2, =modes_rfe_back
    bx      r2
    .size   modes_rfe_t32, . - modes_rfe_t32
    .ltorg
    .arm

/* void modes_user_bank(uint32_t out[6]):
 *   User SP/LR set to 0x05B05B00/0x01E01E00 through System mode;
 *   STMIA r1, {sp, lr}^ in SVC: out[0], out[1] = what it stored;
 *   LDMIA r2, {sp, lr}^ of 0x05B05B10/0x01E01E10: out[2] = how far SP_svc
 *   moved (0), out[3], out[4] = User SP/LR read in System mode;
 *   LDMIA r1, {r2, pc}^ with SPSR_svc = 0x800001DF: out[5] = CPSR after. */
    .global modes_user_bank
    .type   modes_user_bank, %function
modes_user_bank:
    push    {r4-r8, lr}
    mrs     r7, spsr
    msr     cpsr_c, #0xDF
    mov     r4, sp
    mov     r5, lr
    ldr     sp, =0x05B05B00
    ldr     lr, =0x01E01E00
    msr     cpsr_c, #0xD3
    ldr     r1, =modes_buf
    mov     r6, sp
    stmia   r1, {sp, lr}^
    nop
    ldr     r2, [r1]
    str     r2, [r0]
    ldr     r2, [r1, #4]
    str     r2, [r0, #4]
    ldr     r2, =0x05B05B10
    str     r2, [r1, #8]
    ldr     r2, =0x01E01E10
    str     r2, [r1, #12]
    add     r2, r1, #8
    ldmia   r2, {sp, lr}^
    nop
    sub     r2, r6, sp
    str     r2, [r0, #8]
    msr     cpsr_c, #0xDF
    str     sp, [r0, #12]
    str     lr, [r0, #16]
    mov     sp, r4
    mov     lr, r5
    msr     cpsr_c, #0xD3
    ldr     r1, =modes_buf
    adr     r2, 1f
    str     r2, [r1, #4]
    ldr     r2, =0x800001DF
    msr     spsr_fsxc, r2
    ldmia   r1, {r2, pc}^
1:  mrs     r2, cpsr
    str     r2, [r0, #20]
    msr     cpsr_c, #0xD3
    msr     spsr_fsxc, r7
    pop     {r4-r8, pc}
    .size   modes_user_bank, . - modes_user_bank

/* uint32_t modes_subs(void): SUBS pc, lr, #4 with SPSR_svc = 0x400001DF;
 * returns the CPSR at the target. */
    .global modes_subs
    .type   modes_subs, %function
modes_subs:
    push    {r4, lr}
    mrs     r4, spsr
    ldr     r2, =0x400001DF
    msr     spsr_fsxc, r2
    adr     lr, 1f
    add     lr, lr, #4
    subs    pc, lr, #4
1:  mrs     r0, cpsr
    msr     cpsr_c, #0xD3
    msr     spsr_fsxc, r4
    pop     {r4, pc}
    .size   modes_subs, . - modes_subs

/* void modes_cps(uint32_t out[6]): CPSR (A, I, F, M: bits 8:6, 4:0) after
 * CPSIE aif; CPSID aif; CPSIE f; CPS #SYS; CPSID i, #UND; CPSIE a, #SVC. */
    .global modes_cps
    .type   modes_cps, %function
modes_cps:
    mrs     r3, cpsr
    cpsie   aif
    mrs     r1, cpsr
    str     r1, [r0]
    cpsid   aif
    mrs     r1, cpsr
    str     r1, [r0, #4]
    cpsie   f
    mrs     r1, cpsr
    str     r1, [r0, #8]
    cpsid   f
    cps     #0x1F
    mrs     r1, cpsr
    str     r1, [r0, #12]
    cpsid   i, #0x1B
    mrs     r1, cpsr
    str     r1, [r0, #16]
    cpsie   a, #0x13
    mrs     r1, cpsr
    str     r1, [r0, #20]
    msr     cpsr_fsxc, r3
    bx      lr
    .size   modes_cps, . - modes_cps

/* uint32_t modes_user_cps(uint32_t out): in User mode, out[0..3] = CPSR
 * after CPSIE aif; CPS #SVC; MSR CPSR_c, #0x13 (mask and mode ignored at
 * PL0); MSR CPSR_f, #0xF0000000 (flags written). */
    .global modes_user_cps
    .type   modes_user_cps, %function
modes_user_cps:
    cpsie   aif
    mrs     r1, cpsr
    str     r1, [r0]
    cps     #0x13
    mrs     r1, cpsr
    str     r1, [r0, #4]
    msr     cpsr_c, #0x13
    mrs     r1, cpsr
    str     r1, [r0, #8]
    msr     cpsr_f, #0xF0000000
    mrs     r1, cpsr
    str     r1, [r0, #12]
    bx      lr
    .size   modes_user_cps, . - modes_user_cps
    .ltorg

    .bss
    .balign 8
    .global modes_label, modes_svc_regs
modes_label:
    .space  4
modes_svc_regs:
    .space  16
modes_buf:
    .space  32
    .space  256
modes_stack_top:
