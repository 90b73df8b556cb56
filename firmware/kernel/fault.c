/*
 * fault.c - aborts, undefined instructions and FIQ.
 *
 * A data abort from a VM with a permission fault (DFSR status 0x0D section /
 * 0x0F page, ZYNQ_ARM_FACTS §3.5) on a write to the IF page of one of its
 * devices is the allocation path of DESIGN.md: the VM blocks, the VDM gets
 * HV_MSG_REQUEST(slot, dev, prio) through hv_ipc_send() and hv_schedule()
 * runs it. HC_VDM_RESUME later re-executes the store (LR_abt - 8).
 * Any other fault stops the EC with one "[hv] vm N: ..." line; the other ECs
 * and the simulation go on. A fault in the kernel itself ends the run (0xEE).
 */
#include "hv.h"

static const char *fault_name(uint32_t fs)
{
    switch (fs) {
    case 0x01: return "alignment fault";
    case 0x03: case 0x06: return "access flag fault";
    case 0x05: case 0x07: return "translation fault";
    case 0x08: return "external abort";
    case 0x09: case 0x0B: return "domain fault";
    case 0x0C: case 0x0E: return "external abort on walk";
    case 0x0D: case 0x0F: return "permission fault";
    default: return "abort";
    }
}

/* FS[4] is bit 10, FS[3:0] bits 3:0 */
static uint32_t fsr_status(uint32_t fsr)
{
    return (fsr & 0xFu) | ((fsr >> 6) & 0x10u);
}

void hv_ec_fault(hv_ec *ec, const char *fmt, ...)
{
    va_list ap;
    if (ec->is_vdm) hv_log("vdm: ");
    else hv_log("vm %u: ", ec->id);
    va_start(ap, fmt);
    hv_vprintf(fmt, ap);
    va_end(ap);
    hv_ec_exit(ec, -1, 1);
}

static void kernel_fault(const char *what, hv_frame *f, uint32_t addr, uint32_t fsr)
{
    hv_panic("%s in mode 0x%x at pc 0x%08x, address 0x%08x, fsr 0x%x\n", what,
             f->cpsr & HV_CPSR_MODE_MASK, f->pc, addr, fsr);
}

void hv_handle_dabt(hv_frame *f)
{
    uint32_t dfsr = HV_MRC(0, 5, 0, 0), dfar = HV_MRC(0, 6, 0, 0);
    if ((f->cpsr & HV_CPSR_MODE_MASK) != HV_MODE_USR) kernel_fault("data abort", f, dfar, dfsr);
    hv_enter(f);
    hv_ec *ec = hv_current;
    uint32_t fs = fsr_status(dfsr);
    int write = (dfsr >> 11) & 1u;
    uint32_t dev = (dfar - HV_VDEV_VA_BASE) / HV_VDEV_STRIDE;
    if (!ec->is_vdm && (fs == 0x0D || fs == 0x0F) && write && dfar >= HV_VDEV_VA_BASE &&
        dev < ec->device_count && hv_k.vdm && hv_k.vdm->state != HV_EC_EXITED) {
        ec->fault_dev = dev;
        ec->dev_requested |= 1u << dev;
        hv_block_current(HV_BLK_DEV);
        hv_ipc_send(hv_k.vdm, HV_MSG_REQUEST, ec->slot, dev, ec->prio);
    } else {
        hv_ec_fault(ec, "%s on %s at 0x%08x (pc 0x%08x)\n", fault_name(fs), write ? "write" : "read",
                    dfar, f->pc);
    }
    hv_leave(f);
}

void hv_handle_pabt(hv_frame *f)
{
    uint32_t ifsr = HV_MRC(0, 5, 0, 1), ifar = HV_MRC(0, 6, 0, 2);
    if ((f->cpsr & HV_CPSR_MODE_MASK) != HV_MODE_USR) kernel_fault("prefetch abort", f, ifar, ifsr);
    hv_enter(f);
    hv_ec_fault(hv_current, "%s on fetch at 0x%08x\n", fault_name(fsr_status(ifsr)), ifar);
    hv_leave(f);
}

void hv_handle_und(hv_frame *f)
{
    int thumb = (f->cpsr & HV_CPSR_T) != 0;
    uint32_t at = f->pc - (thumb ? 2u : 4u);
    if ((f->cpsr & HV_CPSR_MODE_MASK) != HV_MODE_USR) {
        if (hv_vfp_probing) {       /* hv_vfp_probe(): no VFP; skip the VMRS */
            hv_vfp_probing = 0;
            return;                 /* back to the kernel through the frame */
        }
        kernel_fault("undefined instruction", f, at, 0);
    }
    hv_enter(f);
    hv_ec *ec = hv_current;
    uint32_t insn = thumb ? *(const volatile uint16_t *)(uintptr_t)at
                          : *(const volatile uint32_t *)(uintptr_t)at;
    if (!thumb && hv_vfp_trap(ec, insn)) {
        ec->ctx.pc = at;            /* VFP now enabled for ec: run it again */
    } else {
        hv_ec_fault(ec, "undefined instruction 0x%08x at 0x%08x\n", insn, at);
    }
    hv_leave(f);
}

void hv_handle_fiq(hv_frame *f)
{
    kernel_fault("unexpected FIQ", f, f->pc, 0);
}
