/*
 * vectors_asm.S - vector tables and handlers for vectors.c (ARM ARM B1.8:
 * vector base from VBAR, or 0xFFFF0000 with SCTLR.V = 1; exception entry in
 * T32 state with SCTLR.TE = 1; ITSTATE saved in SPSR).
 *
 * Each extra table's Undefined Instruction handler counts its entries in
 * vectors_hits[table] and returns past the A32 UDF that caused it
 * (LR = UDF + 4); its other entries stop the program.
 */
    .syntax unified
    .text

/* A32 table, placed anywhere (VBAR). */
    .arm
    .balign 32
    .global vectors_vbar_table
vectors_vbar_table:
    b       vectors_stop
    b       vectors_vbar_und
    b       vectors_stop
    b       vectors_stop
    b       vectors_stop
    b       vectors_stop
    b       vectors_stop
    b       vectors_stop

vectors_vbar_und:
    push    {r0, r1}
    ldr     r0, =vectors_hits
    ldr     r1, [r0]
    add     r1, r1, #1
    str     r1, [r0]
    pop     {r0, r1}
    movs    pc, lr

/* A32 table copied to 0xFFFF0000: LDR pc from the literal 0x20 further
 * (position independent). */
    .balign 4
    .global vectors_high_table, vectors_high_table_end
vectors_high_table:
    .rept   8
    ldr     pc, [pc, #24]
    .endr
    .word   vectors_stop, vectors_high_und, vectors_stop, vectors_stop
    .word   vectors_stop, vectors_stop, vectors_stop, vectors_stop
vectors_high_table_end:

vectors_high_und:
    push    {r0, r1}
    ldr     r0, =vectors_hits
    ldr     r1, [r0, #4]
    add     r1, r1, #1
    str     r1, [r0, #4]
    pop     {r0, r1}
    movs    pc, lr

vectors_stop:
    mov     r0, #0x18               /* SYS_EXIT, ADP_Stopped_RunTimeErrorUnknown */
    ldr     r1, =0x20023
    svc     0x123456
    b       vectors_stop
    .ltorg

/* T32 table for SCTLR.TE = 1: every entry is a 32-bit T32 branch. */
    .thumb
    .balign 32
    .global vectors_thumb_table
vectors_thumb_table:
    b.w     vectors_stop_t32
    b.w     vectors_thumb_und
    b.w     vectors_stop_t32
    b.w     vectors_stop_t32
    b.w     vectors_stop_t32
    b.w     vectors_stop_t32
    b.w     vectors_stop_t32
    b.w     vectors_stop_t32

    .thumb_func
vectors_thumb_und:
    push    {r0, r1}
    ldr     r0, =vectors_hits
    ldr     r1, [r0, #8]
    adds    r1, r1, #1
    str     r1, [r0, #8]
    pop     {r0, r1}
    subs    pc, lr, #0              /* MOVS pc, lr: back to A32 (SPSR.T = 0) */

    .thumb_func
vectors_stop_t32:
    ldr     r0, =vectors_stop
    bx      r0
    .ltorg

/* uint32_t vectors_udf(uint32_t a): A32 UDF #0x77, returns a. */
    .arm
    .global vectors_udf
    .type   vectors_udf, %function
vectors_udf:
    udf     #0x77
    bx      lr
    .size   vectors_udf, . - vectors_udf

/* uint32_t vectors_bkpt(uint32_t a): A32 BKPT #0x12, a Prefetch Abort
 * exception with a debug event FSR (B1.9), returns a. */
    .global vectors_bkpt
    .type   vectors_bkpt, %function
vectors_bkpt:
    bkpt    #0x12
    bx      lr
    .size   vectors_bkpt, . - vectors_bkpt

/* uint32_t vectors_it(uint32_t a): in T32, CMP sets Z, then ITTT EQ with
 * SVCEQ #0x43 first and two ADDEQs after it: returns a + 3 only if the
 * IT state saved in SPSR came back on the return. (Called in SVC mode, so
 * the SVC overwrites LR_svc: it is saved first.) */
    .thumb
    .global vectors_it
    .type   vectors_it, %function
    .thumb_func
vectors_it:
    push    {r4, lr}
    cmp     r0, r0
    ittt    eq
    svceq   #0x43
    addeq   r0, r0, #1
    addeq   r0, r0, #2
    pop     {r4, pc}
    .size   vectors_it, . - vectors_it

    .bss
    .balign 4
    .global vectors_hits
vectors_hits:                       /* VBAR table, high table, T32 table */
    .space  12
