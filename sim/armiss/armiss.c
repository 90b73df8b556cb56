/*
 * armiss.c - run a bare-metal ARM ELF on the dprsim ISS with semihosting.
 *
 *   armiss [options] PROGRAM.elf [args...]
 *
 * The simulated machine is what a program sees under
 * `qemu-system-arm -M xilinx-zynq-a9 -semihosting -kernel PROGRAM.elf`:
 * DDR RAM at 0 (128 MiB, qemu's default size for that board), the 256 KiB
 * OCM at 0xFFFC0000, the CPU in SVC mode with A/I/F masked, r0-r14 zero, and
 * PC at the ELF entry (Thumb state when bit 0 of the entry is set). Nothing
 * else is mapped: any other access is an external abort. See README.md for
 * the exception policy and the exit statuses.
 */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS, MAP_NORESERVE */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "arm/arm_cpu.h"
#include "armiss_elf.h"
#include "armiss_semihost.h"

#ifndef ARMISS_VERSION
#define ARMISS_VERSION "unknown"
#endif

/* Exit statuses of armiss itself (the program's own status otherwise). */
enum {
    ARMISS_EXIT_USAGE = 100,     /* bad command line */
    ARMISS_EXIT_NOFILE = 101,    /* the ELF cannot be opened or read */
    ARMISS_EXIT_NOTELF = 102,    /* not an ELF file, or a malformed one */
    ARMISS_EXIT_MACHINE = 103,   /* an ELF, but not a 32-bit LE ARM executable */
    ARMISS_EXIT_RANGE = 104,     /* a segment lies outside the simulated memory */
    ARMISS_EXIT_LIMIT = 105,     /* --max-insns reached before the program exited */
    ARMISS_EXIT_EXCEPTION = 106, /* an exception with no handler installed */
    ARMISS_EXIT_HALT = 107,      /* the CPU stopped: WFI forever, halt, unsupported semihosting call */
    ARMISS_EXIT_INTERNAL = 108   /* host failure (out of memory, trace file) */
};

/* Simulated memory (qemu xilinx-zynq-a9 defaults, see the file comment). */
#define ARMISS_DDR_BASE 0x00000000u
#define ARMISS_DDR_SIZE (128u << 20)
#define ARMISS_OCM_BASE 0xFFFC0000u
#define ARMISS_OCM_SIZE (256u << 10)
/* Cortex-A9 clock of the Zynq-7000 (DESIGN.md): semihosting ticks are cycles. */
#define ARMISS_CPU_HZ 666666667u
/* Reset CPSR: SVC mode, A/I/F masked, ARM state. qemu's reset leaves its
 * internal Z flag representation zero, which reads as Z set: copied here so
 * that programs see the same APSR at entry. */
#define ARMISS_RESET_CPSR (ARM_CPSR_Z | ARM_CPSR_A | ARM_CPSR_I | ARM_CPSR_F | ARM_MODE_SVC)
/* Cycles per arm_cpu_run() call between checks of the instruction limit. */
#define ARMISS_RUN_CHUNK (1u << 24)

typedef enum exc_policy { EXC_AUTO, EXC_REPORT, EXC_VECTOR } exc_policy;

typedef enum run_state {
    RUN_RUNNING = 0,
    RUN_EXITED,     /* SYS_EXIT / SYS_EXIT_EXTENDED */
    RUN_EXCEPTION,  /* unhandled exception reported */
    RUN_BKPT,       /* BKPT with no prefetch abort handler */
    RUN_BAD_SH      /* unsupported semihosting call */
} run_state;

typedef struct armiss {
    arm_cpu *cpu;
    armiss_elf_image img;
    armiss_sh sh;
    exc_policy exc;
    run_state state;
    arm_exception exc_kind;
    uint32_t exc_pc;
    uint32_t bkpt_imm;
    int bus_fault_valid;      /* last slow-path access that failed */
    uint32_t bus_fault_addr;
    int bus_fault_write;
    FILE *trace;
} armiss;

static void die(int status, const char *fmt, ...)
{
    va_list ap;
    fputs("armiss: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(status);
}

static void usage(FILE *f)
{
    fprintf(f,
        "usage: armiss [options] PROGRAM.elf [args...]\n"
        "Run a bare-metal ARMv7-A ELF (e.g. built with arm-none-eabi-gcc --specs=rdimon.specs)\n"
        "on the dprsim ISS with ARM semihosting, as qemu-system-arm -M xilinx-zynq-a9\n"
        "-semihosting -kernel PROGRAM.elf would. args are passed via SYS_GET_CMDLINE.\n"
        "\n"
        "options:\n"
        "  --max-insns N        stop with an error after N instructions (default: no limit)\n"
        "  --trace              print one line per instruction to stderr:\n"
        "                       cycle, PC, symbol+offset, encoding, disassembly\n"
        "  --trace-file FILE    write the trace to FILE instead (implies --trace)\n"
        "  --stats              print statistics to stderr at the end (key: value lines)\n"
        "  --timing MODEL       Cortex-A9 timing model: pipeline (default: issue cycles,\n"
        "                       load/multiply interlocks, branch prediction) or issue\n"
        "                       (issue cycles only; models/arm/README.md \"Timing\")\n"
        "  --caches             Cortex-A9 cache timing model on: L1 I/D + L2 (enabled)\n"
        "                       + DDR latency (models/arm/README.md \"Cache model\").\n"
        "                       Data is cached only with the MMU on and SCTLR.C set,\n"
        "                       instructions with SCTLR.I set (ARM ARM B3.2.1); --stats\n"
        "                       then prints l1i_hits ... cache_stall_cycles\n"
        "  --exceptions MODE    exceptions other than semihosting calls:\n"
        "                         auto   (default) report and stop unless a handler is\n"
        "                                installed (non-zero word at its low vector)\n"
        "                         report always report and stop\n"
        "                         vector always take the exception (as qemu does)\n"
        "  --help, -h           print this help and exit\n"
        "  --version            print the version and exit\n"
        "\n"
        "exit status: the program's own status (SYS_EXIT / SYS_EXIT_EXTENDED), or\n"
        "  100 bad command line\n"
        "  101 the ELF file cannot be opened or read\n"
        "  102 not an ELF file, or a malformed one\n"
        "  103 not a 32-bit little-endian ARM executable\n"
        "  104 a loadable segment lies outside the simulated memory\n"
        "  105 --max-insns reached before the program exited\n"
        "  106 an exception with no handler (undefined instruction, abort, SVC, BKPT)\n"
        "  107 the CPU stopped (WFI with no interrupt source, halt, unsupported\n"
        "      semihosting call)\n"
        "  108 host failure (out of memory, cannot write the trace file)\n"
        "memory: DDR 0x00000000-0x07ffffff (128 MiB), OCM 0xfffc0000-0xffffffff (256 KiB)\n");
}

/* ---- bus: everything outside RAM is unmapped ---- */

static arm_bus_status bus_read(void *opaque, uint32_t addr, unsigned size, uint32_t *value,
                               uint32_t *cycles)
{
    armiss *a = opaque;
    (void)size;
    (void)cycles;
    *value = 0;
    a->bus_fault_valid = 1;
    a->bus_fault_addr = addr;
    a->bus_fault_write = 0;
    return ARM_BUS_ERROR;
}

static arm_bus_status bus_write(void *opaque, uint32_t addr, unsigned size, uint32_t value,
                                uint32_t *cycles)
{
    armiss *a = opaque;
    (void)size;
    (void)value;
    (void)cycles;
    a->bus_fault_valid = 1;
    a->bus_fault_addr = addr;
    a->bus_fault_write = 1;
    return ARM_BUS_ERROR;
}

/* ---- hooks ---- */

static arm_hook_result on_svc(void *opaque, arm_cpu *cpu, uint32_t imm)
{
    armiss *a = opaque;
    uint32_t cpsr = arm_cpu_get_cpsr(cpu);
    int thumb = (cpsr & ARM_CPSR_T) != 0;
    /* Semihosting calls: SVC 0x123456 in A32, SVC 0xAB in T32, from a
     * privileged mode (as qemu-system-arm; user mode takes the SVC). */
    if ((thumb ? imm != 0xABu : imm != 0x123456u) || (cpsr & ARM_MODE_MASK) == ARM_MODE_USR)
        return ARM_HOOK_DEFAULT;
    switch (armiss_sh_call(&a->sh, cpu)) {
    case ARMISS_SH_CONTINUE:
        return ARM_HOOK_CONTINUE;
    case ARMISS_SH_EXIT:
        a->state = RUN_EXITED;
        return ARM_HOOK_STOP;
    case ARMISS_SH_UNSUPPORTED:
    default:
        a->state = RUN_BAD_SH;
        return ARM_HOOK_STOP;
    }
}

/* Low vector offset of each exception (ARM ARM B1.8.1 "Exception vectors and
 * the exception base address"; ZYNQ_ARM_FACTS.md 3.6). */
static const uint32_t vector_offset[ARM_EXC_COUNT] = {
    [ARM_EXC_RESET] = 0x00, [ARM_EXC_UNDEF] = 0x04, [ARM_EXC_SVC] = 0x08,
    [ARM_EXC_PABT] = 0x0C,  [ARM_EXC_DABT] = 0x10,  [ARM_EXC_IRQ] = 0x18,
    [ARM_EXC_FIQ] = 0x1C,
};

static int exception_installed(armiss *a, arm_cpu *cpu, arm_exception exc);

static arm_hook_result on_exception(void *opaque, arm_cpu *cpu, arm_exception exc, uint32_t pc)
{
    armiss *a = opaque;
    if (exception_installed(a, cpu, exc))
        return ARM_HOOK_DEFAULT;
    a->state = RUN_EXCEPTION;
    a->exc_kind = exc;
    a->exc_pc = pc;
    return ARM_HOOK_STOP;
}

/* Whether the exception is to be taken (policy and vector check). */
static int exception_installed(armiss *a, arm_cpu *cpu, arm_exception exc)
{
    if (a->exc == EXC_VECTOR)
        return 1;
    if (a->exc == EXC_AUTO && (unsigned)exc < ARM_EXC_COUNT) {
        /* RAM starts zeroed, so a zero word means nothing was ever put there. */
        uint32_t word = 0;
        if (arm_cpu_read_mem(cpu, vector_offset[exc], &word, 4) == 0 && word != 0)
            return 1;
    }
    return 0;
}

/* BKPT is a prefetch abort (debug event) on ARMv7-A: report it by name. */
static arm_hook_result on_bkpt(void *opaque, arm_cpu *cpu, uint32_t imm)
{
    armiss *a = opaque;
    if (exception_installed(a, cpu, ARM_EXC_PABT))
        return ARM_HOOK_DEFAULT;
    a->state = RUN_BKPT;
    a->bkpt_imm = imm;
    a->exc_pc = arm_cpu_get_reg(cpu, 15);
    return ARM_HOOK_STOP;
}

static void format_symbol(const armiss *a, uint32_t addr, char *buf, size_t len)
{
    uint32_t off;
    const armiss_elf_symbol *s = armiss_elf_lookup(&a->img, addr, &off);
    if (!s)
        snprintf(buf, len, "?");
    else if (off)
        snprintf(buf, len, "%s+0x%" PRIx32, s->name, off);
    else
        snprintf(buf, len, "%s", s->name);
}

static void on_trace(void *opaque, arm_cpu *cpu, uint32_t pc, uint32_t insn, unsigned size,
                     int thumb)
{
    armiss *a = opaque;
    char sym[128], dis[128], enc[16];
    format_symbol(a, pc, sym, sizeof sym);
    arm_disasm(pc, insn, size, thumb, dis, sizeof dis);
    if (size == 2)
        snprintf(enc, sizeof enc, "%04" PRIx32 "    ", insn & 0xFFFFu);
    else if (thumb)
        snprintf(enc, sizeof enc, "%04" PRIx32 " %04" PRIx32, insn >> 16, insn & 0xFFFFu);
    else
        snprintf(enc, sizeof enc, "%08" PRIx32 " ", insn);
    fprintf(a->trace, "%12" PRIu64 " %08" PRIx32 " %-28s %c %s %s\n", arm_cpu_cycles(cpu), pc,
            sym, thumb ? 'T' : 'A', enc, dis);
}

/* ---- statistics ---- */

static void print_stat(void *opaque, const char *key, uint64_t value)
{
    (void)opaque;
    /* armiss prints these itself, counted over the run only. */
    if (!strcmp(key, "instructions") || !strcmp(key, "cycles"))
        return;
    fprintf(stderr, "%s: %" PRIu64 "\n", key, value);
}

static void print_stats(armiss *a, double wall_s, double cpu_s, uint64_t insns0, uint64_t cycles0)
{
    uint64_t insns = arm_cpu_instructions(a->cpu) - insns0;
    uint64_t cycles = arm_cpu_cycles(a->cpu) - cycles0;
    fprintf(stderr, "instructions: %" PRIu64 "\n", insns);
    fprintf(stderr, "cycles: %" PRIu64 "\n", cycles);
    fprintf(stderr, "wall_time_s: %.6f\n", wall_s);
    fprintf(stderr, "mips: %.2f\n", wall_s > 0 ? (double)insns / wall_s / 1e6 : 0.0);
    /* CPU time of the simulation loop: less sensitive to a loaded host. */
    fprintf(stderr, "cpu_time_s: %.6f\n", cpu_s);
    fprintf(stderr, "mips_cpu: %.2f\n", cpu_s > 0 ? (double)insns / cpu_s / 1e6 : 0.0);
    fprintf(stderr, "simulated_time_s: %.6f\n", (double)cycles / ARMISS_CPU_HZ);
    fprintf(stderr, "semihosting_calls: %" PRIu64 "\n", a->sh.calls);
    arm_cpu_stats(a->cpu, print_stat, NULL);
}

static double clock_s(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static const char *exception_name(arm_exception e)
{
    switch (e) {
    case ARM_EXC_RESET: return "reset";
    case ARM_EXC_UNDEF: return "undefined instruction";
    case ARM_EXC_SVC: return "supervisor call (not semihosting)";
    case ARM_EXC_PABT: return "prefetch abort";
    case ARM_EXC_DABT: return "data abort";
    case ARM_EXC_IRQ: return "IRQ";
    case ARM_EXC_FIQ: return "FIQ";
    default: return "exception";
    }
}

/* Build the SYS_GET_CMDLINE string: program path and arguments, space-separated. */
static char *make_cmdline(int argc, char **argv)
{
    size_t len = 1;
    for (int i = 0; i < argc; i++)
        len += strlen(argv[i]) + 1;
    char *s = malloc(len);
    if (!s)
        die(ARMISS_EXIT_INTERNAL, "out of memory");
    s[0] = '\0';
    for (int i = 0; i < argc; i++) {
        if (i)
            strcat(s, " ");
        strcat(s, argv[i]);
    }
    return s;
}

static uint8_t *map_ram(uint32_t size)
{
    /* Anonymous mappings read as zero and are only backed when touched. */
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                   -1, 0);
    if (p == MAP_FAILED)
        die(ARMISS_EXIT_INTERNAL, "cannot allocate %u bytes of simulated memory: %s", size,
            strerror(errno));
    return p;
}

int main(int argc, char **argv)
{
    uint64_t max_insns = 0;
    int trace = 0, stats = 0, caches = 0;
    arm_timing_model timing = ARM_TIMING_PIPELINE;
    const char *trace_path = NULL;
    armiss a;
    memset(&a, 0, sizeof a);
    a.exc = EXC_AUTO;

    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        const char *opt = argv[i];
        if (!strcmp(opt, "-h")) {
            usage(stdout);
            return 0;
        }
        if (opt[1] != '-')
            die(ARMISS_EXIT_USAGE, "unknown option '%s' (see --help)", opt);
        const char *val = NULL;
        char name[32];
        const char *eq = strchr(opt, '=');
        size_t nlen = eq ? (size_t)(eq - opt) : strlen(opt);
        if (nlen >= sizeof name)
            die(ARMISS_EXIT_USAGE, "unknown option '%s' (see --help)", opt);
        memcpy(name, opt, nlen);
        name[nlen] = '\0';
        int takes_value = !strcmp(name, "--max-insns") || !strcmp(name, "--trace-file") ||
                          !strcmp(name, "--exceptions") || !strcmp(name, "--timing");
        if (takes_value) {
            if (eq)
                val = eq + 1;
            else if (i + 1 < argc)
                val = argv[++i];
            else
                die(ARMISS_EXIT_USAGE, "option '%s' needs a value", name);
        } else if (eq) {
            die(ARMISS_EXIT_USAGE, "option '%s' takes no value", name);
        }
        if (!strcmp(name, "--")) {
            i++;
            break;
        } else if (!strcmp(name, "--help")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(name, "--version")) {
            printf("armiss (dprsim) %s\n", ARMISS_VERSION);
            return 0;
        } else if (!strcmp(name, "--max-insns")) {
            char *end;
            errno = 0;
            unsigned long long n = strtoull(val, &end, 0);
            if (errno || *end || !*val || val[0] == '-' || n == 0)
                die(ARMISS_EXIT_USAGE, "--max-insns needs a positive integer, not '%s'", val);
            max_insns = n;
        } else if (!strcmp(name, "--trace")) {
            trace = 1;
        } else if (!strcmp(name, "--trace-file")) {
            trace = 1;
            trace_path = val;
        } else if (!strcmp(name, "--stats")) {
            stats = 1;
        } else if (!strcmp(name, "--caches")) {
            caches = 1;
        } else if (!strcmp(name, "--timing")) {
            if (!strcmp(val, "pipeline"))
                timing = ARM_TIMING_PIPELINE;
            else if (!strcmp(val, "issue"))
                timing = ARM_TIMING_ISSUE;
            else
                die(ARMISS_EXIT_USAGE, "--timing must be pipeline or issue, not '%s'", val);
        } else if (!strcmp(name, "--exceptions")) {
            if (!strcmp(val, "auto"))
                a.exc = EXC_AUTO;
            else if (!strcmp(val, "report"))
                a.exc = EXC_REPORT;
            else if (!strcmp(val, "vector"))
                a.exc = EXC_VECTOR;
            else
                die(ARMISS_EXIT_USAGE, "--exceptions must be auto, report or vector, not '%s'", val);
        } else {
            die(ARMISS_EXIT_USAGE, "unknown option '%s' (see --help)", opt);
        }
    }
    if (i >= argc)
        die(ARMISS_EXIT_USAGE, "no program given (usage: armiss [options] PROGRAM.elf [args...]; see --help)");
    const char *path = argv[i];

    uint8_t *ddr = map_ram(ARMISS_DDR_SIZE);
    uint8_t *ocm = map_ram(ARMISS_OCM_SIZE);
    const armiss_elf_region regions[] = {
        {ARMISS_DDR_BASE, ARMISS_DDR_SIZE, ddr},
        {ARMISS_OCM_BASE, ARMISS_OCM_SIZE, ocm},
    };
    char msg[512];
    switch (armiss_elf_load(path, regions, 2, &a.img, msg, sizeof msg)) {
    case ARMISS_ELF_OK: break;
    case ARMISS_ELF_EOPEN: die(ARMISS_EXIT_NOFILE, "%s", msg); break;
    case ARMISS_ELF_ENOTELF: die(ARMISS_EXIT_NOTELF, "%s", msg); break;
    case ARMISS_ELF_EMACHINE: die(ARMISS_EXIT_MACHINE, "%s", msg); break;
    case ARMISS_ELF_ERANGE: die(ARMISS_EXIT_RANGE, "%s", msg); break;
    }

    arm_bus bus = {&a, bus_read, bus_write};
    a.cpu = arm_cpu_new(&bus);
    if (!a.cpu)
        die(ARMISS_EXIT_INTERNAL, "out of memory creating the CPU");
    arm_cpu_set_timing(a.cpu, timing);
    if (caches) {
        /* standalone: the L2 is enabled together with the model */
        if (arm_cpu_set_cache_model(a.cpu, true) != 0)
            die(ARMISS_EXIT_INTERNAL, "out of memory creating the cache model");
        arm_cpu_set_l2_enabled(a.cpu, true);
    }
    if (arm_cpu_add_ram(a.cpu, ARMISS_DDR_BASE, ARMISS_DDR_SIZE, ddr, 0) != 0 ||
        arm_cpu_add_ram(a.cpu, ARMISS_OCM_BASE, ARMISS_OCM_SIZE, ocm, 0) != 0)
        die(ARMISS_EXIT_INTERNAL, "the ISS rejected the RAM regions");
    arm_cpu_reset(a.cpu);
    arm_cpu_set_cpsr(a.cpu, ARMISS_RESET_CPSR);
    for (unsigned r = 0; r < 15; r++)
        arm_cpu_set_reg(a.cpu, r, 0);
    arm_cpu_set_pc(a.cpu, a.img.entry);

    char *cmdline = make_cmdline(argc - i, argv + i);
    armiss_sh_config shc = {
        .cmdline = cmdline,
        .heap_base = a.img.high_addr,
        .heap_limit = ARMISS_DDR_BASE + ARMISS_DDR_SIZE,
        .stack_base = ARMISS_DDR_BASE + ARMISS_DDR_SIZE,
        .stack_limit = a.img.high_addr,
        .cpu_hz = ARMISS_CPU_HZ,
        .stdin_fd = 0,
        .stdout_fd = 1,
        .stderr_fd = 2,
        .console_fd = 2, /* the debug console on stderr, as qemu does */
    };
    armiss_sh_init(&a.sh, &shc);

    arm_cpu_set_svc_hook(a.cpu, on_svc, &a);
    arm_cpu_set_exception_hook(a.cpu, on_exception, &a);
    arm_cpu_set_bkpt_hook(a.cpu, on_bkpt, &a);
    if (trace) {
        a.trace = stderr;
        if (trace_path) {
            a.trace = fopen(trace_path, "w");
            if (!a.trace)
                die(ARMISS_EXIT_INTERNAL, "cannot write trace file '%s': %s", trace_path,
                    strerror(errno));
        }
        arm_cpu_set_trace_hook(a.cpu, on_trace, &a);
    }

    uint64_t insns0 = arm_cpu_instructions(a.cpu), cycles0 = arm_cpu_cycles(a.cpu);
    double t0 = clock_s(CLOCK_MONOTONIC), c0 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
    int status = 0;
    char errmsg[512] = "";
    for (;;) {
        arm_stop_reason why;
        if (max_insns) {
            uint64_t done = arm_cpu_instructions(a.cpu) - insns0;
            if (done >= max_insns) {
                status = ARMISS_EXIT_LIMIT;
                snprintf(errmsg, sizeof errmsg,
                         "instruction limit reached (--max-insns %" PRIu64 ") at PC 0x%08" PRIx32
                         " before the program exited", max_insns, arm_cpu_get_reg(a.cpu, 15));
                break;
            }
            uint64_t left = max_insns - done;
            /* Each instruction costs at least one cycle, so a budget of
             * `left` cycles cannot overshoot by more than one instruction;
             * the last few are stepped for an exact count. */
            if (left <= 64)
                why = arm_cpu_step(a.cpu);
            else
                why = arm_cpu_run(a.cpu, left - 64 < ARMISS_RUN_CHUNK ? left - 64 : ARMISS_RUN_CHUNK);
        } else {
            why = arm_cpu_run(a.cpu, ARMISS_RUN_CHUNK);
        }
        if (a.state == RUN_EXITED) {
            status = a.sh.exit_status;
            break;
        }
        if (a.state == RUN_BAD_SH) {
            status = ARMISS_EXIT_HALT;
            snprintf(errmsg, sizeof errmsg,
                     "unsupported semihosting call 0x%02" PRIx32 " at PC 0x%08" PRIx32, a.sh.bad_op,
                     arm_cpu_get_reg(a.cpu, 15));
            break;
        }
        if (a.state == RUN_EXCEPTION) {
            char sym[128], extra[96] = "";
            format_symbol(&a, a.exc_pc, sym, sizeof sym);
            if ((a.exc_kind == ARM_EXC_DABT || a.exc_kind == ARM_EXC_PABT) && a.bus_fault_valid)
                snprintf(extra, sizeof extra, ", %s of unmapped address 0x%08" PRIx32,
                         a.bus_fault_write ? "write" : "read", a.bus_fault_addr);
            status = ARMISS_EXIT_EXCEPTION;
            snprintf(errmsg, sizeof errmsg, "%s at PC 0x%08" PRIx32 " (%s, %s state%s), %s",
                     exception_name(a.exc_kind), a.exc_pc, sym,
                     (arm_cpu_get_cpsr(a.cpu) & ARM_CPSR_T) ? "Thumb" : "ARM", extra,
                     a.exc == EXC_REPORT ? "not taken (--exceptions report)"
                                         : "no handler installed");
            break;
        }
        if (a.state == RUN_BKPT) {
            char sym[128];
            format_symbol(&a, a.exc_pc, sym, sizeof sym);
            status = ARMISS_EXIT_EXCEPTION;
            snprintf(errmsg, sizeof errmsg, "BKPT #0x%" PRIx32 " at PC 0x%08" PRIx32 " (%s, %s state), %s",
                     a.bkpt_imm, a.exc_pc, sym,
                     (arm_cpu_get_cpsr(a.cpu) & ARM_CPSR_T) ? "Thumb" : "ARM",
                     a.exc == EXC_REPORT ? "not taken (--exceptions report)"
                                         : "no prefetch abort handler installed");
            break;
        }
        if (why == ARM_STOP_WFI) {
            status = ARMISS_EXIT_HALT;
            snprintf(errmsg, sizeof errmsg,
                     "WFI at PC 0x%08" PRIx32 " with no interrupt source: the program would wait forever",
                     arm_cpu_get_reg(a.cpu, 15));
            break;
        }
        if (why == ARM_STOP_HALT) {
            status = ARMISS_EXIT_HALT;
            snprintf(errmsg, sizeof errmsg, "CPU halted at PC 0x%08" PRIx32 ": %s",
                     arm_cpu_get_reg(a.cpu, 15), arm_cpu_halt_message(a.cpu));
            break;
        }
        /* ARM_STOP_BUDGET / ARM_STOP_REQUEST / ARM_STOP_BKPT: keep going. */
    }
    double wall = clock_s(CLOCK_MONOTONIC) - t0;
    double cpu = clock_s(CLOCK_PROCESS_CPUTIME_ID) - c0;

    if (a.trace && a.trace != stderr) {
        if (fclose(a.trace) != 0 && !errmsg[0]) {
            status = ARMISS_EXIT_INTERNAL;
            snprintf(errmsg, sizeof errmsg, "cannot write trace file '%s'", trace_path);
        }
    }
    if (errmsg[0])
        fprintf(stderr, "armiss: %s\n", errmsg);
    if (stats)
        print_stats(&a, wall, cpu, insns0, cycles0);

    armiss_sh_close_all(&a.sh);
    arm_cpu_free(a.cpu);
    armiss_elf_free(&a.img);
    free(cmdline);
    munmap(ddr, ARMISS_DDR_SIZE);
    munmap(ocm, ARMISS_OCM_SIZE);
    return status;
}
