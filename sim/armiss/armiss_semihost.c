/*
 * armiss_semihost.c - ARM semihosting for the armiss runner (see
 * armiss_semihost.h for the contract and the choices made).
 */
#define _POSIX_C_SOURCE 200809L
#include "armiss_semihost.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Contents of the ":semihosting-features" file: magic "SHFB" and feature
 * byte 0 with SH_EXT_EXIT_EXTENDED (bit 0) and SH_EXT_STDOUT_STDERR (bit 1). */
static const uint8_t sh_features[5] = {'S', 'H', 'F', 'B', 0x03};

/* Host I/O goes through a bounce buffer of this size. */
#define SH_CHUNK 65536u
/* Longest file name accepted from the program. */
#define SH_PATH_MAX 4096u

void armiss_sh_init(armiss_sh *sh, const armiss_sh_config *cfg)
{
    memset(sh, 0, sizeof *sh);
    sh->cfg = *cfg;
}

void armiss_sh_close_all(armiss_sh *sh)
{
    for (int i = 0; i < ARMISS_SH_MAX_HANDLES; i++) {
        if (sh->handles[i].kind == ARMISS_SH_HOST)
            close(sh->handles[i].fd);
        sh->handles[i].kind = ARMISS_SH_FREE;
    }
}

static int32_t sh_error(armiss_sh *sh, int err)
{
    sh->last_errno = err;
    return -1;
}

/* Read word `i` of the parameter block at `blk`. */
static int get_arg(arm_cpu *cpu, uint32_t blk, unsigned i, uint32_t *v)
{
    uint8_t b[4];
    if (arm_cpu_read_mem(cpu, blk + 4 * i, b, 4) != 0)
        return -1;
    *v = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
    return 0;
}

static int put_word(arm_cpu *cpu, uint32_t addr, uint32_t v)
{
    uint8_t b[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};
    return arm_cpu_write_mem(cpu, addr, b, 4);
}

/* Copy a string of known length from the program (len excludes the NUL). */
static char *get_string(arm_cpu *cpu, uint32_t addr, uint32_t len)
{
    if (len > SH_PATH_MAX)
        return NULL;
    char *s = malloc((size_t)len + 1);
    if (!s)
        return NULL;
    if (len && arm_cpu_read_mem(cpu, addr, s, len) != 0) {
        free(s);
        return NULL;
    }
    s[len] = '\0';
    return s;
}

static armiss_sh_handle *get_handle(armiss_sh *sh, uint32_t h)
{
    if (h == 0 || h >= ARMISS_SH_MAX_HANDLES || sh->handles[h].kind == ARMISS_SH_FREE)
        return NULL;
    return &sh->handles[h];
}

static int32_t alloc_handle(armiss_sh *sh, armiss_sh_kind kind, int fd)
{
    for (int i = 1; i < ARMISS_SH_MAX_HANDLES; i++) {
        if (sh->handles[i].kind == ARMISS_SH_FREE) {
            sh->handles[i].kind = kind;
            sh->handles[i].fd = fd;
            sh->handles[i].pos = 0;
            return i;
        }
    }
    return -1;
}

/* Write all of buf to fd; returns bytes written. */
static size_t write_all(int fd, const void *buf, size_t len)
{
    size_t done = 0;
    while (done < len) {
        ssize_t n = write(fd, (const char *)buf + done, len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        done += (size_t)n;
    }
    return done;
}

static int32_t sys_open(armiss_sh *sh, arm_cpu *cpu, uint32_t blk)
{
    uint32_t name, mode, len;
    if (get_arg(cpu, blk, 0, &name) || get_arg(cpu, blk, 1, &mode) || get_arg(cpu, blk, 2, &len))
        return sh_error(sh, EFAULT);
    if (mode > 11)
        return sh_error(sh, EINVAL);
    char *path = get_string(cpu, name, len);
    if (!path)
        return sh_error(sh, len > SH_PATH_MAX ? ENAMETOOLONG : EFAULT);
    int32_t h;
    if (strcmp(path, ":tt") == 0) {
        int fd = mode < 4 ? sh->cfg.stdin_fd : mode < 8 ? sh->cfg.stdout_fd : sh->cfg.stderr_fd;
        h = alloc_handle(sh, ARMISS_SH_STDIO, fd);
        if (h < 0)
            h = sh_error(sh, EMFILE);
    } else if (strcmp(path, ":semihosting-features") == 0) {
        h = mode < 2 ? alloc_handle(sh, ARMISS_SH_FEATURES, -1) : sh_error(sh, EACCES);
        if (h < 0 && mode < 2)
            h = sh_error(sh, EMFILE);
    } else {
        /* Modes are the ISO C fopen() modes "r","rb","r+","r+b","w",...,"a+b". */
        static const int flags[3] = {O_RDONLY, O_WRONLY | O_CREAT | O_TRUNC,
                                     O_WRONLY | O_CREAT | O_APPEND};
        int f = flags[mode / 4];
        if (mode & 2)
            f = (f & ~O_WRONLY) | O_RDWR;
        int fd = open(path, f, 0644);
        if (fd < 0) {
            h = sh_error(sh, errno);
        } else {
            h = alloc_handle(sh, ARMISS_SH_HOST, fd);
            if (h < 0) {
                close(fd);
                h = sh_error(sh, EMFILE);
            }
        }
    }
    free(path);
    return h;
}

/* SYS_WRITE: returns the number of bytes NOT written. */
static int32_t sys_write(armiss_sh *sh, arm_cpu *cpu, uint32_t blk)
{
    uint32_t h, buf, len;
    if (get_arg(cpu, blk, 0, &h) || get_arg(cpu, blk, 1, &buf) || get_arg(cpu, blk, 2, &len))
        return sh_error(sh, EFAULT);
    armiss_sh_handle *hd = get_handle(sh, h);
    if (!hd)
        return sh_error(sh, EBADF);
    if (hd->kind == ARMISS_SH_FEATURES)
        return sh_error(sh, EBADF);
    uint8_t tmp[SH_CHUNK];
    uint32_t done = 0;
    while (done < len) {
        uint32_t n = len - done < SH_CHUNK ? len - done : SH_CHUNK;
        if (arm_cpu_read_mem(cpu, buf + done, tmp, n) != 0) {
            sh->last_errno = EFAULT;
            break;
        }
        size_t w = write_all(hd->fd, tmp, n);
        done += (uint32_t)w;
        if (w < n) {
            sh->last_errno = errno;
            break;
        }
    }
    return (int32_t)(len - done);
}

/* SYS_READ: returns the number of bytes NOT read (len at end of file). */
static int32_t sys_read(armiss_sh *sh, arm_cpu *cpu, uint32_t blk)
{
    uint32_t h, buf, len;
    if (get_arg(cpu, blk, 0, &h) || get_arg(cpu, blk, 1, &buf) || get_arg(cpu, blk, 2, &len))
        return sh_error(sh, EFAULT);
    armiss_sh_handle *hd = get_handle(sh, h);
    if (!hd)
        return sh_error(sh, EBADF);
    if (hd->kind == ARMISS_SH_FEATURES) {
        uint32_t avail = hd->pos < sizeof sh_features ? (uint32_t)sizeof sh_features - hd->pos : 0;
        uint32_t n = len < avail ? len : avail;
        if (n && arm_cpu_write_mem(cpu, buf, sh_features + hd->pos, n) != 0)
            return sh_error(sh, EFAULT);
        hd->pos += n;
        return (int32_t)(len - n);
    }
    uint8_t tmp[SH_CHUNK];
    uint32_t done = 0;
    while (done < len) {
        uint32_t want = len - done < SH_CHUNK ? len - done : SH_CHUNK;
        ssize_t n = read(hd->fd, tmp, want);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            if (done == 0)
                return sh_error(sh, errno);
            break;
        }
        if (n == 0)
            break;
        if (arm_cpu_write_mem(cpu, buf + done, tmp, (size_t)n) != 0)
            return sh_error(sh, EFAULT);
        done += (uint32_t)n;
        /* Interactive sources (terminal, pipe) return what is there. */
        if ((uint32_t)n < want)
            break;
    }
    return (int32_t)(len - done);
}

static int32_t sys_seek(armiss_sh *sh, arm_cpu *cpu, uint32_t blk)
{
    uint32_t h, pos;
    if (get_arg(cpu, blk, 0, &h) || get_arg(cpu, blk, 1, &pos))
        return sh_error(sh, EFAULT);
    armiss_sh_handle *hd = get_handle(sh, h);
    if (!hd)
        return sh_error(sh, EBADF);
    if (hd->kind == ARMISS_SH_FEATURES) {
        if (pos > sizeof sh_features)
            return sh_error(sh, EINVAL);
        hd->pos = pos;
        return 0;
    }
    if (lseek(hd->fd, (off_t)pos, SEEK_SET) < 0)
        return sh_error(sh, errno);
    return 0;
}

static int32_t sys_flen(armiss_sh *sh, arm_cpu *cpu, uint32_t blk)
{
    uint32_t h;
    if (get_arg(cpu, blk, 0, &h))
        return sh_error(sh, EFAULT);
    armiss_sh_handle *hd = get_handle(sh, h);
    if (!hd)
        return sh_error(sh, EBADF);
    if (hd->kind == ARMISS_SH_FEATURES)
        return (int32_t)sizeof sh_features;
    struct stat st;
    if (fstat(hd->fd, &st) != 0)
        return sh_error(sh, errno);
    return (int32_t)st.st_size;
}

static int32_t sys_get_cmdline(armiss_sh *sh, arm_cpu *cpu, uint32_t blk)
{
    uint32_t buf, size;
    if (get_arg(cpu, blk, 0, &buf) || get_arg(cpu, blk, 1, &size))
        return sh_error(sh, EFAULT);
    const char *cl = sh->cfg.cmdline ? sh->cfg.cmdline : "";
    size_t need = strlen(cl) + 1;
    if (need > size)
        return sh_error(sh, E2BIG);
    if (arm_cpu_write_mem(cpu, buf, cl, need) != 0 || put_word(cpu, blk + 4, (uint32_t)(need - 1)))
        return sh_error(sh, EFAULT);
    return 0;
}

static int32_t sys_rename(armiss_sh *sh, arm_cpu *cpu, uint32_t blk)
{
    uint32_t a[4];
    for (unsigned i = 0; i < 4; i++)
        if (get_arg(cpu, blk, i, &a[i]))
            return sh_error(sh, EFAULT);
    char *from = get_string(cpu, a[0], a[1]);
    char *to = get_string(cpu, a[2], a[3]);
    int32_t r = 0;
    if (!from || !to)
        r = sh_error(sh, EFAULT);
    else if (rename(from, to) != 0)
        r = sh_error(sh, errno);
    free(from);
    free(to);
    return r;
}

armiss_sh_outcome armiss_sh_call(armiss_sh *sh, arm_cpu *cpu)
{
    uint32_t op = arm_cpu_get_reg(cpu, 0);
    uint32_t arg = arm_cpu_get_reg(cpu, 1);
    int32_t r = 0;
    uint32_t v0, v1;

    sh->calls++;
    switch (op) {
    case ARMISS_SYS_OPEN:
        r = sys_open(sh, cpu, arg);
        break;
    case ARMISS_SYS_CLOSE: {
        armiss_sh_handle *hd = get_arg(cpu, arg, 0, &v0) ? NULL : get_handle(sh, v0);
        if (!hd) {
            r = sh_error(sh, EBADF);
        } else {
            if (hd->kind == ARMISS_SH_HOST && close(hd->fd) != 0)
                r = sh_error(sh, errno);
            hd->kind = ARMISS_SH_FREE;
        }
        break;
    }
    case ARMISS_SYS_WRITEC: {
        uint8_t c;
        if (arm_cpu_read_mem(cpu, arg, &c, 1) == 0)
            write_all(sh->cfg.console_fd, &c, 1);
        /* The spec leaves r0 corrupted; armiss leaves the operation number. */
        r = (int32_t)op;
        break;
    }
    case ARMISS_SYS_WRITE0: {
        char buf[256];
        uint32_t a = arg;
        for (;;) {
            size_t n = 0;
            while (n < sizeof buf && arm_cpu_read_mem(cpu, a + (uint32_t)n, &buf[n], 1) == 0 &&
                   buf[n] != '\0')
                n++;
            write_all(sh->cfg.console_fd, buf, n);
            if (n < sizeof buf)
                break;
            a += (uint32_t)n;
        }
        r = (int32_t)op;
        break;
    }
    case ARMISS_SYS_WRITE:
        r = sys_write(sh, cpu, arg);
        break;
    case ARMISS_SYS_READ:
        r = sys_read(sh, cpu, arg);
        break;
    case ARMISS_SYS_READC: {
        uint8_t c;
        ssize_t n;
        do {
            n = read(sh->cfg.stdin_fd, &c, 1);
        } while (n < 0 && errno == EINTR);
        r = n == 1 ? (int32_t)c : -1;
        break;
    }
    case ARMISS_SYS_ISERROR:
        r = get_arg(cpu, arg, 0, &v0) ? sh_error(sh, EFAULT) : (int32_t)v0 < 0;
        break;
    case ARMISS_SYS_ISTTY: {
        armiss_sh_handle *hd = get_arg(cpu, arg, 0, &v0) ? NULL : get_handle(sh, v0);
        if (!hd)
            r = sh_error(sh, EBADF);
        else if (hd->kind == ARMISS_SH_FEATURES)
            r = 0;
        else
            r = isatty(hd->fd) ? 1 : 0;
        break;
    }
    case ARMISS_SYS_SEEK:
        r = sys_seek(sh, cpu, arg);
        break;
    case ARMISS_SYS_FLEN:
        r = sys_flen(sh, cpu, arg);
        break;
    case ARMISS_SYS_REMOVE: {
        char *p = NULL;
        if (get_arg(cpu, arg, 0, &v0) || get_arg(cpu, arg, 1, &v1) || !(p = get_string(cpu, v0, v1)))
            r = sh_error(sh, EFAULT);
        else if (remove(p) != 0)
            r = sh_error(sh, errno);
        free(p);
        break;
    }
    case ARMISS_SYS_RENAME:
        r = sys_rename(sh, cpu, arg);
        break;
    case ARMISS_SYS_CLOCK:
        r = (int32_t)(arm_cpu_cycles(cpu) * 100 / (sh->cfg.cpu_hz ? sh->cfg.cpu_hz : 1));
        break;
    case ARMISS_SYS_TIME:
        r = (int32_t)time(NULL);
        break;
    case ARMISS_SYS_ERRNO:
        r = sh->last_errno;
        break;
    case ARMISS_SYS_GET_CMDLINE:
        r = sys_get_cmdline(sh, cpu, arg);
        break;
    case ARMISS_SYS_HEAPINFO:
        /* r1 points to a word holding the address of the 4-word block. */
        if (get_arg(cpu, arg, 0, &v0) || put_word(cpu, v0, sh->cfg.heap_base) ||
            put_word(cpu, v0 + 4, sh->cfg.heap_limit) || put_word(cpu, v0 + 8, sh->cfg.stack_base) ||
            put_word(cpu, v0 + 12, sh->cfg.stack_limit))
            r = sh_error(sh, EFAULT);
        else
            r = 0;
        break;
    case ARMISS_SYS_EXIT:
        /* AArch32: r1 holds the reason code itself. */
        sh->exit_status = arg == ARMISS_ADP_STOPPED_APPLICATION_EXIT ? 0 : 1;
        return ARMISS_SH_EXIT;
    case ARMISS_SYS_EXIT_EXTENDED:
        if (get_arg(cpu, arg, 0, &v0) || get_arg(cpu, arg, 1, &v1))
            sh->exit_status = 1;
        else
            sh->exit_status = v0 == ARMISS_ADP_STOPPED_APPLICATION_EXIT ? (int)(v1 & 0xFF) : 1;
        return ARMISS_SH_EXIT;
    case ARMISS_SYS_ELAPSED: {
        uint64_t t = arm_cpu_cycles(cpu);
        if (put_word(cpu, arg, (uint32_t)t) || put_word(cpu, arg + 4, (uint32_t)(t >> 32)))
            r = sh_error(sh, EFAULT);
        else
            r = 0;
        break;
    }
    case ARMISS_SYS_TICKFREQ:
        r = (int32_t)sh->cfg.cpu_hz;
        break;
    default:
        sh->bad_op = op;
        return ARMISS_SH_UNSUPPORTED;
    }
    arm_cpu_set_reg(cpu, 0, (uint32_t)r);
    return ARMISS_SH_CONTINUE;
}
