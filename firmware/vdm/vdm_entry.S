/*
 * vdm_entry.S - first instruction of the VDM image, at HV_VDM_VA
 * (0x00F00000). The kernel enters it in USR mode (ARM state) with
 * r0 = sp = HV_VDM_BOOTINFO, where it copied the boot-information block
 * (hv_abi.h). Clears .bss, then vdm_start(r0), which never returns.
 */
#include "bm_start.h"
    .syntax unified
    .arm
    .section .text.entry, "ax"
    .global _vdm_entry
_vdm_entry:
    mov     r4, r0
    BM_CLEAR_BSS r1, r2, r3
    mov     r0, r4
    bl      vdm_start
    b       .
    .ltorg
