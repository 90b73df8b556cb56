/*
 * armiss_semihost.h - ARM semihosting for the armiss runner.
 *
 * Implements the AArch32 semihosting interface ("Semihosting for AArch32 and
 * AArch64", ARM, version 2.0): the operation number is in r0, the parameter
 * (usually the address of a parameter block of 32-bit words) in r1, the
 * result goes back in r0. The runner calls armiss_sh_call() from its SVC hook
 * for SVC 0x123456 (A32) and SVC 0xAB (T32).
 *
 * Where the specification leaves a choice, the behaviour follows what
 * qemu-system-arm 7.2 does for `-semihosting` (checked by running it):
 *  - Handles start at 1; ":tt" opened with mode 0-3 is stdin, 4-7 stdout,
 *    8-11 stderr (extension SH_EXT_STDOUT_STDERR); ":semihosting-features"
 *    reads "SHFB" followed by the feature byte 0x03 (SH_EXT_EXIT_EXTENDED and
 *    SH_EXT_STDOUT_STDERR), which newlib's rdimon reads to decide whether it
 *    may use SYS_EXIT_EXTENDED and a separate stderr.
 *  - SYS_WRITEC and SYS_WRITE0 go to the debug console, a descriptor of its
 *    own (armiss_sh_config.console_fd): armiss passes the host's stderr (qemu
 *    without a semihosting chardev does the same), dprsim its stdout, beside
 *    the UART console. SYS_READC reads the host's stdin.
 *  - SYS_EXIT with ADP_Stopped_ApplicationExit (0x20026) exits with status 0,
 *    any other reason with status 1; SYS_EXIT_EXTENDED with
 *    ADP_Stopped_ApplicationExit exits with the subcode, other reasons with 1.
 *  - SYS_HEAPINFO reports the heap from the end of the loaded image to the
 *    top of RAM and the stack at the top of RAM (the caller supplies them).
 *  - SYS_ISTTY and SYS_FLEN look at the host file (isatty/fstat).
 *  - Errors return -1 and set the value SYS_ERRNO returns (host errno
 *    numbers; E2BIG when the SYS_GET_CMDLINE buffer is too small, EFAULT for
 *    a parameter block outside memory, EBADF for a bad handle).
 * Deliberate differences (simulated time instead of host time, so runs are
 * reproducible):
 *  - SYS_ELAPSED counts simulated CPU cycles, SYS_TICKFREQ returns the CPU
 *    clock (armiss_sh_config.cpu_hz), SYS_CLOCK returns simulated centiseconds.
 *  - SYS_TIME returns the host's calendar time (seconds since 1970).
 */
#ifndef ARMISS_SEMIHOST_H
#define ARMISS_SEMIHOST_H

#include <stdint.h>

#include "arm/arm_cpu.h"

/* Semihosting operation numbers ("Semihosting for AArch32 and AArch64",
 * ARM-software/abi-aa semihosting, chapter "Semihosting operations"). */
enum {
    ARMISS_SYS_OPEN = 0x01,
    ARMISS_SYS_CLOSE = 0x02,
    ARMISS_SYS_WRITEC = 0x03,
    ARMISS_SYS_WRITE0 = 0x04,
    ARMISS_SYS_WRITE = 0x05,
    ARMISS_SYS_READ = 0x06,
    ARMISS_SYS_READC = 0x07,
    ARMISS_SYS_ISERROR = 0x08,
    ARMISS_SYS_ISTTY = 0x09,
    ARMISS_SYS_SEEK = 0x0A,
    ARMISS_SYS_FLEN = 0x0C,
    ARMISS_SYS_REMOVE = 0x0E,
    ARMISS_SYS_RENAME = 0x0F,
    ARMISS_SYS_CLOCK = 0x10,
    ARMISS_SYS_TIME = 0x11,
    ARMISS_SYS_ERRNO = 0x13,
    ARMISS_SYS_GET_CMDLINE = 0x15,
    ARMISS_SYS_HEAPINFO = 0x16,
    ARMISS_SYS_EXIT = 0x18,
    ARMISS_SYS_EXIT_EXTENDED = 0x20,
    ARMISS_SYS_ELAPSED = 0x30,
    ARMISS_SYS_TICKFREQ = 0x31
};

/* Reason code of SYS_EXIT for a normal exit (same spec, SYS_EXIT (0x18),
 * table of ADP_Stopped_* reason codes). */
#define ARMISS_ADP_STOPPED_APPLICATION_EXIT 0x20026u

/* Maximum number of simultaneously open semihosting handles. */
#define ARMISS_SH_MAX_HANDLES 64

/* Fixed configuration supplied by the runner. */
typedef struct armiss_sh_config {
    const char *cmdline;   /* SYS_GET_CMDLINE string (program name and arguments) */
    uint32_t heap_base;    /* SYS_HEAPINFO fields */
    uint32_t heap_limit;
    uint32_t stack_base;
    uint32_t stack_limit;
    uint64_t cpu_hz;       /* SYS_TICKFREQ; SYS_ELAPSED/SYS_CLOCK are derived from cycles */
    int stdin_fd;          /* host descriptors behind ":tt" (modes 0-3, 4-7, 8-11); */
    int stdout_fd;         /* SYS_READC also reads stdin_fd */
    int stderr_fd;
    int console_fd;        /* debug console: SYS_WRITEC and SYS_WRITE0 write here
                              (may equal stdout_fd or stderr_fd) */
} armiss_sh_config;

/* How a call ended. */
typedef enum armiss_sh_outcome {
    ARMISS_SH_CONTINUE = 0, /* result in r0; the program continues */
    ARMISS_SH_EXIT,         /* the program exited (armiss_sh.exit_status) */
    ARMISS_SH_UNSUPPORTED   /* unknown operation (armiss_sh.bad_op): the runner stops */
} armiss_sh_outcome;

typedef enum armiss_sh_kind {
    ARMISS_SH_FREE = 0,
    ARMISS_SH_HOST,     /* host descriptor opened for the program (closed on SYS_CLOSE) */
    ARMISS_SH_STDIO,    /* one of the runner's stdin/stdout/stderr (never closed) */
    ARMISS_SH_FEATURES  /* the ":semihosting-features" pseudo-file */
} armiss_sh_kind;

typedef struct armiss_sh_handle {
    armiss_sh_kind kind;
    int fd;       /* host descriptor (HOST, STDIO) */
    uint32_t pos; /* read position (FEATURES) */
} armiss_sh_handle;

/* Semihosting state of one program run. */
typedef struct armiss_sh {
    armiss_sh_config cfg;
    armiss_sh_handle handles[ARMISS_SH_MAX_HANDLES]; /* index = handle; 0 unused */
    int last_errno;    /* value returned by SYS_ERRNO */
    int exit_status;   /* valid after ARMISS_SH_EXIT */
    uint32_t bad_op;   /* valid after ARMISS_SH_UNSUPPORTED */
    uint64_t calls;    /* number of semihosting calls served */
} armiss_sh;

/* Initialise `sh` with `cfg` (copied; cfg->cmdline must outlive sh). */
void armiss_sh_init(armiss_sh *sh, const armiss_sh_config *cfg);

/* Close the host descriptors the program left open. */
void armiss_sh_close_all(armiss_sh *sh);

/*
 * Serve the semihosting call the CPU is making: operation in r0, parameter in
 * r1; writes the result to r0 (except for the exits). Memory is accessed with
 * arm_cpu_read_mem/arm_cpu_write_mem.
 */
armiss_sh_outcome armiss_sh_call(armiss_sh *sh, arm_cpu *cpu);

#endif /* ARMISS_SEMIHOST_H */
