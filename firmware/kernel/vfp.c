/*
 * vfp.c - lazy VFP/Advanced SIMD switching.
 *
 * FPEXC.EN is set only while the EC that owns the register file runs. Any
 * other EC's first VFP instruction is UNDEFINED (ARM ARM B1.11.3); the trap
 * saves d0-d31/FPSCR of the previous owner, loads the new owner's and
 * re-executes the instruction. ECs that never touch the VFP cost nothing.
 * Without a VFP (the probe's VMRS FPSID is UNDEFINED) nothing here runs.
 */
#include "hv.h"

#define FPEXC_EN (1u << 30)

volatile uint32_t hv_vfp_probing;
static hv_ec *owner;                  /* whose registers are in the VFP */
static int enabled;                   /* FPEXC.EN as last written */

void hv_vfp_init(void)
{
    uint32_t cpacr = HV_MRC(0, 1, 0, 2);
    HV_MCR(0, 1, 0, 2, cpacr | (0xFu << 20));  /* CP10, CP11: full access */
    hv_isb();
    uint32_t fpsid = hv_vfp_probe();
    if (!fpsid || (HV_MRC(0, 1, 0, 2) & (0xFu << 20)) != (0xFu << 20)) {
        hv_k.vfp_present = 0;
        return;
    }
    hv_k.vfp_present = 1;
    hv_k.vfp_d32 = (hv_vfp_read_mvfr0() & 0xFu) == 2u;   /* A_SIMD registers: 32 */
    hv_vfp_write_fpexc(0);
    enabled = 0;
}

/* A32 encodings of CP10/CP11 (VFP) and Advanced SIMD (ARM ARM A5.7, A7). */
static int is_vfp_insn(uint32_t insn)
{
    if ((insn & 0xFE000000u) == 0xF2000000u) return 1;      /* SIMD data processing */
    if ((insn & 0xFF100000u) == 0xF4000000u) return 1;      /* SIMD element/structure ld/st */
    if ((insn >> 28) == 0xFu) return 0;
    uint32_t cp = (insn >> 8) & 0xFu;
    if (cp != 10u && cp != 11u) return 0;
    return (insn & 0x0E000000u) == 0x0C000000u ||           /* LDC/STC/MCRR/MRRC forms */
           (insn & 0x0F000000u) == 0x0E000000u;             /* CDP/MCR/MRC forms */
}

int hv_vfp_trap(hv_ec *ec, uint32_t insn)
{
    if (!hv_k.vfp_present || enabled || !is_vfp_insn(insn)) return 0;
    hv_vfp_write_fpexc(FPEXC_EN);
    enabled = 1;
    if (owner != ec) {
        if (owner) hv_vfp_save(owner->vfp, hv_k.vfp_d32);
        hv_vfp_restore(ec->vfp, hv_k.vfp_d32);
        owner = ec;
    }
    return 1;
}

void hv_vfp_switch(hv_ec *next)
{
    if (!hv_k.vfp_present) return;
    int want = owner == next;
    if (want != enabled) {
        hv_vfp_write_fpexc(want ? FPEXC_EN : 0);
        enabled = want;
    }
}

void hv_vfp_forget(hv_ec *ec)
{
    if (owner == ec) owner = 0;
}
