/*
 * vfp.S - VFP/Advanced SIMD register access for lazy context switching.
 * The kernel itself is soft-float; only these routines touch the VFP.
 * FPEXC, FPSID and MVFR0 are accessible from PL1 while FPEXC.EN = 0
 * (ARM ARM B1.11.3); CPACR grants CP10/CP11 first (main.c).
 */
    .syntax unified
    .arm
    .fpu    neon
    .text

/* uint32_t hv_vfp_probe(void): FPSID, or 0 when VMRS is UNDEFINED (no
 * VFP): the UND handler sees hv_vfp_probing set, clears it and returns
 * past the VMRS. */
    .global hv_vfp_probe
hv_vfp_probe:
    push    {r4, lr}
    ldr     r4, =hv_vfp_probing
    mov     r1, #1
    str     r1, [r4]
    mov     r0, #0
    vmrs    r0, fpsid
    ldr     r1, [r4]
    cmp     r1, #0
    moveq   r0, #0
    mov     r1, #0
    str     r1, [r4]
    pop     {r4, pc}
    .ltorg

    .global hv_vfp_read_fpexc
hv_vfp_read_fpexc:
    vmrs    r0, fpexc
    bx      lr

    .global hv_vfp_write_fpexc
hv_vfp_write_fpexc:
    vmsr    fpexc, r0
    isb
    bx      lr

    .global hv_vfp_read_mvfr0
hv_vfp_read_mvfr0:
    vmrs    r0, mvfr0
    bx      lr

/* void hv_vfp_save(uint32_t *area, int d32): d0-d15 [d16-d31], FPSCR. */
    .global hv_vfp_save
hv_vfp_save:
    vstmia  r0!, {d0-d15}
    cmp     r1, #0
    vstmiane r0!, {d16-d31}
    addeq   r0, r0, #128
    vmrs    r2, fpscr
    str     r2, [r0]
    bx      lr

/* void hv_vfp_restore(const uint32_t *area, int d32) */
    .global hv_vfp_restore
hv_vfp_restore:
    vldmia  r0!, {d0-d15}
    cmp     r1, #0
    vldmiane r0!, {d16-d31}
    addeq   r0, r0, #128
    ldr     r2, [r0]
    vmsr    fpscr, r2
    bx      lr
