/*
 * hv_abi.h - the contract between the dprsim hypervisor (firmware/kernel),
 * its Virtual Device Manager (firmware/vdm) and the guests (firmware/guests).
 * Plain C11, no dependencies; included by all three and by nothing else.
 *
 * Execution contexts (ECs): every guest VM and the VDM run in USR mode, each
 * in its own address space (one short-descriptor L1 table per EC,
 * TTBCR.N = 0, CONTEXTIDR.ASID = the EC's ASID). The kernel runs in SVC/IRQ/
 * ABT/UND mode from global, privileged-only mappings present in every table.
 *
 * ASIDs: guest VM -> its scenario VM id (1..254); VDM -> HV_VDM_ASID (0).
 * The platform reads CONTEXTIDR to know which EC runs (gantt.svg, waveform).
 *
 * VM slot = index of the VM in the boot-information block (0-based, <= 3);
 * device slot = index in that VM's devices[] (0-based, <= 7). The PR interface
 * window of (slot, dev) is GP0 0x40100000 + (slot * 8 + dev) * 0x1000 and the
 * PRR Monitor numbers requests the same way (rtl/README.md).
 */
#ifndef HV_ABI_H
#define HV_ABI_H

#include <stdint.h>

/* ---------------- physical memory (DDR at 0, 512 MiB) ---------------- */
#define HV_PHYS_KERNEL_BASE   0x00100000u  /* hypervisor ELF (kernel) */
#define HV_PHYS_KERNEL_LIMIT  0x01000000u  /* kernel, page tables, VDM section end below */
/* VM partitions come from the boot-information block (scenario vms[]). */

/* ---------------- virtual layout of every user EC -------------------- */
#define HV_GUEST_VA_BASE      0x80000000u  /* guest RAM: VA base..base+mem_size -> mem_base */
#define HV_GUEST_VA_MAX_SIZE  0x10000000u  /* at most 256 MiB of guest RAM */
#define HV_VDEV_VA_BASE       0x70000000u  /* virtual device dev at BASE + dev * 0x1000 */
#define HV_VDEV_STRIDE        0x1000u
#define HV_VDEV_MAX           8u
/*
 * A guest image is a raw binary linked at HV_GUEST_VA_BASE (entry = first
 * word), loaded by the scenario at the VM's mem_base. The kernel starts it in
 * USR mode (ARM state) with sp = HV_GUEST_VA_BASE + mem_size, r0 = VM id,
 * r1 = VM slot, r2 = device_count, r3 = the VM's physical RAM base
 * (mem_base: the PRR DMA engines of its devices work on physical addresses).
 *
 * A virtual device page is mapped user read-only while its IF is not
 * connected (a store takes a permission fault, the allocation path of
 * DESIGN.md) and user read/write while connected. Device memory, XN, nG.
 */

/* The VDM is its own ELF (build/firmware/vdm/dprsim_vdm.elf, a scenario
 * image beside the hypervisor's), linked at HV_VDM_VA (entry = HV_VDM_VA),
 * inside one 1 MiB section (VA = PA). It runs in USR mode in its own address
 * space with sp = HV_VDM_BOOTINFO and r0 = HV_VDM_BOOTINFO, where the kernel
 * has copied the boot-information block (at most 4 KiB) before starting it.
 * In that address space it also sees (user RW, device, identity VA = PA):
 *   the PL's GP0 blocks 0x40000000..0x4001FFFF (Monitor, cfg_port, xbar,
 *   PRR controllers) and the DevCfg page 0xF8007000..0xF8007FFF.
 * Guests never see those pages nor the VDM section. */
#define HV_VDM_VA             0x00F00000u
#define HV_VDM_SIZE           0x00100000u
#define HV_VDM_ASID           0u
#define HV_VDM_BOOTINFO       (HV_VDM_VA + HV_VDM_SIZE - 0x1000u)  /* last 4 KiB: never linked */
#define HV_VDM_PRIORITY_ABOVE 1u   /* VDM priority = highest VM priority + this */

/* ---------------- hypercalls ----------------------------------------- */
/*
 * `svc #0` from USR mode with r0 = call number, r1..r4 = arguments.
 * Result in r0: >= 0 success, < 0 one of HV_E*. Every argument is validated
 * before anything changes: a failing call changes no state. Registers other
 * than r0 (and r1 where a call says so) are preserved.
 */
enum hv_call {
    HC_YIELD = 0,          /* give the CPU to the next EC of the same priority */
    HC_CONSOLE_WRITE = 1,  /* (va, len): len <= 256, buffer inside the caller's RAM; -> len */
    HC_TIME = 2,           /* -> r0 = global timer low word, r1 = high word */
    HC_WAIT = 3,           /* (mask): block until (pending vIRQs & mask) != 0; -> those bits, cleared */
    HC_VIRQ_HANDLER = 4,   /* (handler_va or 0): upcall entry for enabled vIRQs (below) */
    HC_VIRQ_RETURN = 5,    /* end of an upcall: restores the interrupted context */
    HC_VIRQ_ENABLE = 6,    /* (mask): vIRQs delivered by upcall; -> previous mask */
    HC_TIMER = 7,          /* (period_us): periodic HV_VIRQ_TIMER, 0 stops; 10 us .. 10 s */
    HC_EXIT = 8,           /* (status): the VM stops for good */
    HC_IPC_SEND = 9,       /* (dst_vm_id, word): mailbox of the dst VM (8 deep); -HV_EFULL when full */
    HC_IPC_RECV = 10,      /* -> r0 = 0 and r1 = word, or -HV_EAGAIN when empty */
    HC_DEV_STATUS = 11,    /* (dev): -> enum hv_dev_state of the caller's device dev */
    HC_DEV_RELEASE = 12,   /* (dev): give the device back (VDM disconnects it) */
    HC_DEV_MODE = 13,      /* (dev, module_id): ask the HW task manager to switch device dev to
                              another module of the same kind (QAM order, IFFT size); returns at
                              once; HV_VIRQ_DEV(dev) when the new module serves the device */

    /* VDM only (-HV_EPERM from any other EC) */
    HC_VDM_RECV = 32,      /* block until a message; -> r0 = enum hv_vdm_msg, r1..r3 = its words */
    HC_VDM_MAP_IF = 33,    /* (vm_slot, dev, connected 0|1): remap the VM's device page RO/RW + TLB maintenance */
    HC_VDM_NOTIFY = 34,    /* (vm_slot, dev, enum hv_dev_state): record state, raise HV_VIRQ_DEV(dev) in the VM */
    HC_VDM_RESUME = 35,    /* (vm_slot): the VM blocked on a device fault runs again (re-executes the store) */
    HC_VDM_ROUTE_IRQ = 36, /* (prr, vm_slot, dev): PRR prr's IRQ_F2P bit -> HV_VIRQ_DEV(dev) of that VM;
                              vm_slot = 0xFF: back to the VDM (HV_MSG_IRQ) */
    HC_VDM_IRQ_DONE = 37,  /* (gic_id): unmask a PL interrupt the VDM has serviced */
    HC_VDM_GRANT = 38,     /* (vm_slot, dev, prr or 0xFF): the end of an allocation in one call:
                              MAP_IF connected, ROUTE_IRQ(prr -> vm_slot, dev) unless 0xFF,
                              NOTIFY READY, and RESUME when the VM is blocked on a device fault */
};

/*
 * Errors as the kernel (firmware/kernel) returns them, beyond the obvious
 * -HV_EINVAL for an index or value out of range:
 *   HC_CONSOLE_WRITE, HC_VIRQ_HANDLER  buffer/handler outside the caller's
 *                      RAM -> -HV_EFAULT; handler not 4-aligned -> -HV_EINVAL
 *   HC_VIRQ_RETURN     outside an upcall -> -HV_EBUSY
 *   HC_IPC_SEND        unknown or exited VM id -> -HV_EINVAL
 *   HC_DEV_*, HC_IPC_RECV from the VDM -> -HV_EPERM
 *   HC_DEV_RELEASE     device not requested/held, or no VDM -> -HV_EBUSY
 *   HC_DEV_MODE        module id not in the boot information -> -HV_EINVAL;
 *                      no VDM -> -HV_EBUSY
 *   HC_VDM_RESUME      VM not blocked on a device fault -> -HV_EBUSY
 *   HC_VDM_IRQ_DONE    not a PL interrupt -> -HV_EINVAL; not masked for
 *                      the VDM -> -HV_EBUSY
 *   HC_VDM_GRANT       bad slot/dev, or prr neither a PRR nor 0xFF ->
 *                      -HV_EINVAL (nothing done); a VM that is not blocked
 *                      on a device fault is simply not resumed
 * A PRR interrupt routed to a VM is masked from the moment it is raised until
 * the VM, having been handed HV_VIRQ_DEV(dev) (upcall or HC_WAIT), makes
 * its next hypercall (clear the source in the IF first); when that VM exits
 * the route goes back to the VDM.
 */
enum hv_error {
    HV_EINVAL = 1,   /* bad number, range or alignment */
    HV_EPERM = 2,    /* not allowed for this EC */
    HV_EFAULT = 3,   /* buffer not inside the caller's memory */
    HV_EAGAIN = 4,   /* nothing there (IPC_RECV) */
    HV_EFULL = 5,    /* mailbox full */
    HV_ENOSYS = 6,   /* unknown call */
    HV_EBUSY = 7,    /* state does not allow it now */
};

/* ---------------- virtual interrupts (bit numbers) -------------------- */
/*
 * Each VM has 32 vIRQ bits: pending (set by the kernel), enabled
 * (HC_VIRQ_ENABLE). An enabled pending vIRQ is delivered by upcall when the
 * VM next returns to USR mode: the kernel saves the interrupted USR context
 * (r0-r15, CPSR) in the VM's control block, clears the delivered bits, masks
 * upcalls and enters the handler with r0 = delivered bits, sp unchanged - 64
 * (8-byte aligned), lr = 0. HC_VIRQ_RETURN restores the saved context and
 * unmasks. HC_WAIT returns pending bits of its mask without an upcall.
 */
#define HV_VIRQ_TIMER      0u      /* HC_TIMER period elapsed */
#define HV_VIRQ_IPC        1u      /* mailbox not empty */
#define HV_VIRQ_DEV(dev)   (8u + (dev))  /* device dev: IRQ from its PRR, or a state message */

/* ---------------- device states (HC_DEV_STATUS, HC_VDM_NOTIFY) -------- */
enum hv_dev_state {
    HV_DEV_UNCONNECTED = 0,
    HV_DEV_WAIT = 1,       /* DEV_WAIT: no PRR now; the VM stays blocked until READY */
    HV_DEV_READY = 2,      /* DEV_READY: IF connected, page RW */
    HV_DEV_PREEMPTED = 3,  /* DEV_PREEMPTED: IF taken away at a frame boundary */
};

/* ---------------- kernel -> VDM messages (HC_VDM_RECV) ---------------- */
enum hv_vdm_msg {
    HV_MSG_REQUEST = 1,    /* r1 = vm_slot, r2 = dev, r3 = VM priority: Request(vm, dev, prio) */
    HV_MSG_RELEASE = 2,    /* r1 = vm_slot, r2 = dev: HC_DEV_RELEASE or HC_EXIT of the owner */
    HV_MSG_IRQ = 3,        /* r1 = GIC id (61..68, 84..91 PL; 40 DevCfg), masked until HC_VDM_IRQ_DONE */
    HV_MSG_MODE = 4,       /* r1 = vm_slot, r2 = dev, r3 = module id: HC_DEV_MODE */
};

/* ---------------- PL interrupt numbers (GIC ids, rtl/README.md) ------- */
#define HV_GIC_DEVCFG       40u
#define HV_GIC_PL_MONITOR   61u    /* IRQ_F2P[0] Monitor new solution */
#define HV_GIC_PL_STOP      62u    /* IRQ_F2P[1] Monitor stop */
#define HV_GIC_PL_CFGPORT   63u    /* IRQ_F2P[2] cfg_port */
#define HV_GIC_PL_PRR(n)    (65u + (n))  /* IRQ_F2P[4+n], n < 4 */

/* ---------------- timing --------------------------------------------- */
#define HV_TICK_US          1000u  /* scheduler tick (private timer) */

/* ---------------- markers the platform probes ------------------------- */
/*
 * dprsim measures non-intrusively: it watches exceptions, CPU mode changes,
 * CONTEXTIDR, GP0 accesses and PL interrupts, and the entry of these kernel
 * functions (PC probes on the ELF symbols; nothing is written by firmware):
 *   hv_ipc_send   the kernel posts a message to an EC (end of page-fault handling)
 *   hv_schedule   the scheduler chooses the next EC (end of IPC)
 * Both must be real, non-inlined functions on those paths
 * (__attribute__((noinline)), external linkage).
 */

/* ---------------- console metric lines -------------------------------- */
/*
 * A UART1 line "dprsim-metric NAME VALUE" (VALUE a decimal integer or
 * number) adds VALUE as a sample of metric NAME in report.json. Only for
 * counts the firmware alone knows (frames checked, ...): timings are measured
 * by the platform.
 */
#define HV_METRIC_PREFIX "dprsim-metric "

#endif /* HV_ABI_H */
