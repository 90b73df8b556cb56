/*
 * armiss_elf.c - ELF loading for the armiss runner (see armiss_elf.h).
 */
#define _POSIX_C_SOURCE 200809L
#include "armiss_elf.h"

#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static armiss_elf_error fail(char *msg, size_t msglen, armiss_elf_error e,
                             const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, msglen, fmt, ap);
    va_end(ap);
    return e;
}

/* Region containing the whole of [addr, addr+len), or NULL. */
static const armiss_elf_region *find_region(const armiss_elf_region *r, size_t n,
                                            uint64_t addr, uint64_t len)
{
    for (size_t i = 0; i < n; i++) {
        if (addr >= r[i].base && addr + len <= (uint64_t)r[i].base + r[i].size)
            return &r[i];
    }
    return NULL;
}

static int sym_cmp(const void *a, const void *b)
{
    const armiss_elf_symbol *x = a, *y = b;
    if (x->addr != y->addr)
        return x->addr < y->addr ? -1 : 1;
    /* Prefer sized symbols (functions) over bare labels at the same address. */
    if ((x->size != 0) != (y->size != 0))
        return x->size != 0 ? -1 : 1;
    return strcmp(x->name, y->name);
}

/*
 * Keep function symbols and untyped code labels; drop ARM mapping symbols
 * ($a, $t, $d: ELF for the ARM Architecture, "Mapping symbols"), sections and
 * file names.
 */
static int keep_symbol(const GElf_Sym *s, const char *name)
{
    int type = GELF_ST_TYPE(s->st_info);
    if (s->st_shndx == SHN_UNDEF || s->st_shndx == SHN_ABS || name[0] == '\0' || name[0] == '$')
        return 0;
    return type == STT_FUNC || type == STT_NOTYPE;
}

static void load_symbols(Elf *elf, armiss_elf_image *img)
{
    Elf_Scn *scn = NULL;
    size_t total = 0, strbytes = 0;

    /* Pass 1: count. Pass 2: copy. */
    for (int pass = 0; pass < 2; pass++) {
        size_t n = 0, sb = 0;
        scn = NULL;
        while ((scn = elf_nextscn(elf, scn)) != NULL) {
            GElf_Shdr sh;
            if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_SYMTAB || sh.sh_entsize == 0)
                continue;
            Elf_Data *data = elf_getdata(scn, NULL);
            if (!data)
                continue;
            size_t count = sh.sh_size / sh.sh_entsize;
            for (size_t i = 0; i < count; i++) {
                GElf_Sym s;
                if (!gelf_getsym(data, (int)i, &s))
                    continue;
                const char *name = elf_strptr(elf, sh.sh_link, s.st_name);
                if (!name || !keep_symbol(&s, name))
                    continue;
                size_t len = strlen(name) + 1;
                if (pass == 1) {
                    armiss_elf_symbol *d = &img->syms[n];
                    d->addr = (uint32_t)s.st_value & ~1u;
                    d->size = (uint32_t)s.st_size;
                    memcpy(img->strings + sb, name, len);
                    d->name = img->strings + sb;
                }
                n++;
                sb += len;
            }
        }
        if (pass == 0) {
            total = n;
            strbytes = sb;
            if (total == 0)
                return;
            img->syms = calloc(total, sizeof *img->syms);
            img->strings = malloc(strbytes);
            if (!img->syms || !img->strings) {
                free(img->syms);
                free(img->strings);
                img->syms = NULL;
                img->strings = NULL;
                return; /* symbols are a convenience: run without them */
            }
        }
    }
    img->nsyms = total;
    qsort(img->syms, total, sizeof *img->syms, sym_cmp);
}

armiss_elf_error armiss_elf_load(const char *path, const armiss_elf_region *regions,
                                 size_t nregions, armiss_elf_image *img,
                                 char *msg, size_t msglen)
{
    memset(img, 0, sizeof *img);
    if (elf_version(EV_CURRENT) == EV_NONE)
        return fail(msg, msglen, ARMISS_ELF_ENOTELF, "libelf initialisation failed: %s",
                    elf_errmsg(-1));

    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return fail(msg, msglen, ARMISS_ELF_EOPEN, "cannot open '%s': %s", path, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return fail(msg, msglen, ARMISS_ELF_EOPEN, "cannot read '%s': not a regular file", path);
    }

    armiss_elf_error err = ARMISS_ELF_OK;
    Elf *elf = elf_begin(fd, ELF_C_READ, NULL);
    if (!elf || elf_kind(elf) != ELF_K_ELF) {
        err = fail(msg, msglen, ARMISS_ELF_ENOTELF, "'%s' is not an ELF file", path);
        goto out;
    }
    char *ident = elf_getident(elf, NULL);
    GElf_Ehdr eh;
    if (!ident || !gelf_getehdr(elf, &eh)) {
        err = fail(msg, msglen, ARMISS_ELF_ENOTELF, "'%s': malformed ELF header", path);
        goto out;
    }
    if (ident[EI_CLASS] != ELFCLASS32 || ident[EI_DATA] != ELFDATA2LSB || eh.e_machine != EM_ARM) {
        err = fail(msg, msglen, ARMISS_ELF_EMACHINE,
                   "'%s' is not a 32-bit little-endian ARM ELF (class %d, data %d, machine %d)",
                   path, ident[EI_CLASS], ident[EI_DATA], eh.e_machine);
        goto out;
    }
    if (eh.e_type != ET_EXEC) {
        err = fail(msg, msglen, ARMISS_ELF_EMACHINE,
                   "'%s' is not an executable (ELF type %d)", path, eh.e_type);
        goto out;
    }

    size_t phnum;
    if (elf_getphdrnum(elf, &phnum) != 0) {
        err = fail(msg, msglen, ARMISS_ELF_ENOTELF, "'%s': malformed program headers", path);
        goto out;
    }
    for (size_t i = 0; i < phnum; i++) {
        GElf_Phdr ph;
        if (!gelf_getphdr(elf, (int)i, &ph)) {
            err = fail(msg, msglen, ARMISS_ELF_ENOTELF, "'%s': malformed program header %zu",
                       path, i);
            goto out;
        }
        if (ph.p_type != PT_LOAD || ph.p_memsz == 0)
            continue;
        if (ph.p_filesz > ph.p_memsz ||
            ph.p_offset + ph.p_filesz > (uint64_t)st.st_size) {
            err = fail(msg, msglen, ARMISS_ELF_ENOTELF,
                       "'%s': segment %zu extends beyond the end of the file", path, i);
            goto out;
        }
        const armiss_elf_region *r = find_region(regions, nregions, ph.p_paddr, ph.p_memsz);
        if (!r) {
            err = fail(msg, msglen, ARMISS_ELF_ERANGE,
                       "'%s': segment %zu [0x%08llx, 0x%08llx) is outside the simulated memory",
                       path, i, (unsigned long long)ph.p_paddr,
                       (unsigned long long)(ph.p_paddr + ph.p_memsz));
            goto out;
        }
        uint8_t *dst = r->host + (ph.p_paddr - r->base);
        size_t done = 0;
        while (done < ph.p_filesz) {
            ssize_t n = pread(fd, dst + done, ph.p_filesz - done, (off_t)(ph.p_offset + done));
            if (n <= 0) {
                err = fail(msg, msglen, ARMISS_ELF_EOPEN, "cannot read '%s': %s", path,
                           n < 0 ? strerror(errno) : "unexpected end of file");
                goto out;
            }
            done += (size_t)n;
        }
        memset(dst + ph.p_filesz, 0, ph.p_memsz - ph.p_filesz);
        uint32_t end = (uint32_t)(ph.p_paddr + ph.p_memsz);
        if (end > img->high_addr)
            img->high_addr = end;
        img->segments++;
    }
    if (img->segments == 0) {
        err = fail(msg, msglen, ARMISS_ELF_ENOTELF, "'%s' has no loadable segment", path);
        goto out;
    }
    img->entry = (uint32_t)eh.e_entry;
    load_symbols(elf, img);
out:
    if (elf)
        elf_end(elf);
    close(fd);
    if (err != ARMISS_ELF_OK)
        armiss_elf_free(img);
    return err;
}

void armiss_elf_free(armiss_elf_image *img)
{
    free(img->syms);
    free(img->strings);
    img->syms = NULL;
    img->strings = NULL;
    img->nsyms = 0;
}

const armiss_elf_symbol *armiss_elf_lookup(const armiss_elf_image *img, uint32_t addr,
                                           uint32_t *offset)
{
    size_t lo = 0, hi = img->nsyms;
    /* Find the first symbol with addr > the address. */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (img->syms[mid].addr <= addr)
            lo = mid + 1;
        else
            hi = mid;
    }
    /* Walk back over sized symbols that end before the address. */
    while (lo > 0) {
        const armiss_elf_symbol *s = &img->syms[lo - 1];
        if (s->size == 0 || addr - s->addr < s->size) {
            /* Several symbols may share the address: take the first that
             * covers it (sorted: sized symbols first, then by name). */
            size_t j = lo - 1;
            while (j > 0 && img->syms[j - 1].addr == s->addr)
                j--;
            for (; j < lo - 1; j++) {
                if (img->syms[j].size == 0 || addr - img->syms[j].addr < img->syms[j].size)
                    break;
            }
            *offset = addr - img->syms[j].addr;
            return &img->syms[j];
        }
        lo--;
    }
    return NULL;
}
