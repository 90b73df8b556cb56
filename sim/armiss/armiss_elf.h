/*
 * armiss_elf.h - ELF loading for the armiss runner (libelf based).
 *
 * Loads the PT_LOAD segments of a 32-bit little-endian ARM executable into
 * host memory regions that stand for the simulated RAM, zero-fills the part
 * of each segment beyond its file size (.bss), and keeps the symbol table for
 * "symbol+offset" lookups in traces.
 *
 * Segments are placed at their physical address (p_paddr), as qemu's -kernel
 * ELF loader does; with the MMU off physical and virtual addresses coincide.
 */
#ifndef ARMISS_ELF_H
#define ARMISS_ELF_H

#include <stddef.h>
#include <stdint.h>

/* One region of simulated memory the loader may write to (host pointer). */
typedef struct armiss_elf_region {
    uint32_t base;  /* simulated physical address of the first byte */
    uint32_t size;  /* bytes */
    uint8_t *host;  /* host memory backing [base, base+size) */
} armiss_elf_region;

/* A symbol kept for address lookups (functions and code labels). */
typedef struct armiss_elf_symbol {
    uint32_t addr;    /* address with the Thumb bit cleared */
    uint32_t size;    /* st_size (0 when unknown) */
    const char *name; /* owned by the armiss_elf_image */
} armiss_elf_symbol;

/* Result of a successful load. */
typedef struct armiss_elf_image {
    uint32_t entry;          /* e_entry, bit 0 set for a Thumb entry point */
    uint32_t high_addr;      /* end (exclusive) of the highest loaded byte, incl. .bss */
    unsigned segments;       /* number of PT_LOAD segments loaded */
    armiss_elf_symbol *syms; /* sorted by addr; NULL when the ELF has no symbols */
    size_t nsyms;
    char *strings;           /* storage for the symbol names */
} armiss_elf_image;

/* Error classes of armiss_elf_load (each maps to its own exit status). */
typedef enum armiss_elf_error {
    ARMISS_ELF_OK = 0,
    ARMISS_ELF_EOPEN,      /* the file cannot be opened or read */
    ARMISS_ELF_ENOTELF,    /* not an ELF file, or a malformed one */
    ARMISS_ELF_EMACHINE,   /* an ELF, but not a 32-bit little-endian ARM executable */
    ARMISS_ELF_ERANGE      /* a PT_LOAD segment lies outside the simulated memory */
} armiss_elf_error;

/*
 * Load `path` into the regions (which the caller has zeroed). On failure the
 * regions may be partly written, `msg` (size `msglen`) holds a one-line
 * explanation without trailing newline, and `img` holds nothing to free.
 */
armiss_elf_error armiss_elf_load(const char *path, const armiss_elf_region *regions,
                                 size_t nregions, armiss_elf_image *img,
                                 char *msg, size_t msglen);

/* Free what armiss_elf_load allocated in `img`. */
void armiss_elf_free(armiss_elf_image *img);

/*
 * Find the symbol covering `addr`: the one with the greatest address <= addr
 * (ignoring symbols whose known size ends before addr). Returns NULL if none;
 * otherwise *offset = addr - symbol address.
 */
const armiss_elf_symbol *armiss_elf_lookup(const armiss_elf_image *img, uint32_t addr,
                                           uint32_t *offset);

#endif /* ARMISS_ELF_H */
