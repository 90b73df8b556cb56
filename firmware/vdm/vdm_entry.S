/*
 * vdm_entry.S - first instruction of the VDM image, at HV_VDM_VA
 * (0x00F00000). The kernel enters it in USR mode (ARM state) with
 * r0 = sp = HV_VDM_BOOTINFO, where it copied the boot-information block
 * (hv_abi.h). Clears .bss, then vdm_start(r0), which never returns.
 */
    .syntax unified
    .arm
    .section .text.entry, "ax"
    .global _vdm_entry
_vdm_entry:
    mov     r4, r0
    ldr     r1, =__bss_start
    ldr     r2, =__bss_end
    mov     r3, #0
1:  cmp     r1, r2
    strlo   r3, [r1], #4
    blo     1b
    mov     r0, r4
    bl      vdm_start
    b       .
    .ltorg
