/*
 * t32_disasm.c - UAL disassembly of T32 encodings for traces.
 *
 * The instruction is decoded with the same tables as for execution (with
 * cpu == NULL, i.e. "not in an IT block": 16-bit data-processing forms
 * print with the S suffix). Entries with a format string are printed by
 * the shared arm_format_insn(); the few whose syntax needs more than its
 * placeholders (IT, CPS, MSR/MRS, bitfields, saturation, halfword
 * multiplies, coprocessor, preload hints...) are printed here.
 */
#include <stdarg.h>
#include <stdio.h>

#include "t32_internal.h"

/* Bounded append to buf: keeps buf NUL-terminated, tracks the length. */
typedef struct t32_out {
    char *buf;
    size_t len;
    size_t pos;
} t32_out;

static void out_printf(t32_out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void out_printf(t32_out *o, const char *fmt, ...)
{
    va_list ap;
    int n;
    if (o->len == 0 || o->pos >= o->len - 1) return;
    va_start(ap, fmt);
    n = vsnprintf(o->buf + o->pos, o->len - o->pos, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    o->pos += (size_t)n;
    if (o->pos > o->len - 1) o->pos = o->len - 1;
}

static const char *reg(unsigned r)
{
    return arm_reg_name(r & 15u);
}

/* Does the entry name start with prefix p? */
static int is(const arm_decode_entry *e, const char *p)
{
    return strncmp(e->name, p, strlen(p)) == 0;
}

static void print_reglist(t32_out *o, unsigned list)
{
    int first = 1;
    unsigned r = 0;
    out_printf(o, "{");
    while (r < 16) {
        if (list & (1u << r)) {
            unsigned e = r;
            while (e + 1 < 16 && (list & (1u << (e + 1)))) e++;
            out_printf(o, "%s%s", first ? "" : ", ", reg(r));
            if (e > r) out_printf(o, "%s%s", e == r + 1 ? ", " : "-", reg(e));
            first = 0;
            r = e + 1;
        } else {
            r++;
        }
    }
    out_printf(o, "}");
}

static void print_ror(t32_out *o, unsigned rot)
{
    if (rot) out_printf(o, ", ror #%u", rot);
}

static const char *const hint_names[] = { "nop", "yield", "wfe", "wfi", "sev" };

/* Instructions printed without a format string. */
static void custom16(t32_out *o, const arm_decode_entry *e, const arm_insn *i, uint32_t x,
                     uint32_t pc)
{
    if (is(e, "lsl_imm") || is(e, "lsr_imm") || is(e, "asr_imm")) {
        unsigned imm5 = T32_BITS(x, 10, 6);
        const char *s = (i->flags & ARM_IF_S) ? "s" : "";
        if (imm5 == 0 && is(e, "lsl"))
            out_printf(o, "mov%s %s, %s", s, reg(i->rd), reg(i->rm));
        else
            out_printf(o, "%.3s%s %s, %s, #%u", e->name, s, reg(i->rd), reg(i->rm),
                       imm5 ? imm5 : 32u);
    } else if (is(e, "adr")) {
        out_printf(o, "adr %s, 0x%x", reg(i->rd), ((pc + 4u) & ~3u) + (T32_BITS(x, 7, 0) << 2));
    } else if (is(e, "setend")) {
        out_printf(o, "setend %s", i->imm ? "be" : "le");
    } else if (is(e, "cps")) {
        out_printf(o, "cps%s %s%s%s", i->op == 3 ? "id" : "ie", T32_BIT(x, 2) ? "a" : "",
                   T32_BIT(x, 1) ? "i" : "", T32_BIT(x, 0) ? "f" : "");
    } else if (is(e, "hint")) {
        unsigned h = T32_BITS(x, 7, 4);
        if (h <= 4) out_printf(o, "%s", hint_names[h]);
        else out_printf(o, "nop {%u}", h);
    } else if (is(e, "it_")) {
        unsigned firstcond = T32_BITS(x, 7, 4), mask = T32_BITS(x, 3, 0), b;
        out_printf(o, "it");
        for (b = 3; b > 0 && (mask & ((1u << b) - 1u)) != 0; b--)
            out_printf(o, "%c", (T32_BIT(mask, b) == (firstcond & 1u)) ? 't' : 'e');
        out_printf(o, " %s", firstcond == 14 ? "al" : arm_cond_name(firstcond));
    } else if (is(e, "ldm")) {
        out_printf(o, "ldm %s%s, ", reg(i->rn), (i->flags & ARM_IF_W) ? "!" : "");
        print_reglist(o, i->reglist);
    } else {
        out_printf(o, "%s", e->name);
    }
}

static void print_preload(t32_out *o, const char *name, uint32_t x)
{
    unsigned rn = T32_BITS(x, 19, 16);
    out_printf(o, "%s ", name);
    if (rn == 15)
        out_printf(o, "[pc, #%s%u]", T32_BIT(x, 23) ? "" : "-", T32_BITS(x, 11, 0));
    else if (T32_BIT(x, 23))
        out_printf(o, "[%s, #%u]", reg(rn), T32_BITS(x, 11, 0));
    else if (T32_BIT(x, 11))
        out_printf(o, "[%s, #-%u]", reg(rn), T32_BITS(x, 7, 0));
    else if (T32_BITS(x, 5, 4))
        out_printf(o, "[%s, %s, lsl #%u]", reg(rn), reg(x), T32_BITS(x, 5, 4));
    else
        out_printf(o, "[%s, %s]", reg(rn), reg(x));
}

static void print_psr_fields(t32_out *o, unsigned mask)
{
    out_printf(o, "_%s%s%s%s", (mask & 8u) ? "f" : "", (mask & 4u) ? "s" : "",
               (mask & 2u) ? "x" : "", (mask & 1u) ? "c" : "");
}

static void custom32(t32_out *o, const arm_decode_entry *e, const arm_insn *i, uint32_t x,
                     uint32_t pc)
{
    const char *c = arm_cond_name(i->cond);
    unsigned lsb = (T32_BITS(x, 14, 12) << 2) | T32_BITS(x, 7, 6);

    if (is(e, "srs")) {
        out_printf(o, "%s sp%s, #%u", e->name, (i->flags & ARM_IF_W) ? "!" : "", i->shift_imm);
    } else if (is(e, "rfe")) {
        out_printf(o, "%s %s%s", e->name, reg(i->rn), (i->flags & ARM_IF_W) ? "!" : "");
    } else if (is(e, "stm") || is(e, "ldm")) {
        int push = i->rn == 13 && (i->flags & ARM_IF_W) &&
                   (strcmp(e->name, "stmdb") == 0 || strcmp(e->name, "ldmia") == 0);
        if (push) {
            out_printf(o, "%s.w ", e->name[0] == 's' ? "push" : "pop");
        } else {
            out_printf(o, "%s.w %s%s, ", e->name, reg(i->rn), (i->flags & ARM_IF_W) ? "!" : "");
        }
        print_reglist(o, i->reglist);
    } else if (strcmp(e->name, "strex") == 0 || strcmp(e->name, "ldrex") == 0) {
        out_printf(o, "%s %s", e->name, reg(e->name[0] == 's' ? i->rs : i->rd));
        if (e->name[0] == 's') out_printf(o, ", %s", reg(i->rd));
        if (i->imm) out_printf(o, ", [%s, #%u]", reg(i->rn), i->imm);
        else out_printf(o, ", [%s]", reg(i->rn));
    } else if (is(e, "adr_")) {
        out_printf(o, "adr.w %s, 0x%x", reg(i->rd),
                   is(e, "adr_sub") ? ((pc + 4u) & ~3u) - t32_imm12(x)
                                    : ((pc + 4u) & ~3u) + t32_imm12(x));
    } else if (is(e, "ssat16") || is(e, "usat16")) {
        out_printf(o, "%.6s %s, #%u, %s", e->name, reg(i->rd), i->imm, reg(i->rn));
    } else if (is(e, "ssat") || is(e, "usat")) {
        out_printf(o, "%.4s %s, #%u, %s", e->name, reg(i->rd), i->imm, reg(i->rn));
        if (i->shift_type == ARM_SHIFT_ASR) out_printf(o, ", asr #%u", i->shift_imm);
        else if (i->shift_imm) out_printf(o, ", lsl #%u", i->shift_imm);
    } else if (is(e, "sbfx") || is(e, "ubfx")) {
        out_printf(o, "%s %s, %s, #%u, #%u", e->name, reg(i->rd), reg(i->rn), i->shift_imm, i->imm);
    } else if (is(e, "bfi")) {
        out_printf(o, "bfi %s, %s, #%u, #%u", reg(i->rd), reg(i->rn), lsb, T32_BITS(x, 4, 0) + 1u - lsb);
    } else if (is(e, "bfc")) {
        out_printf(o, "bfc %s, #%u, #%u", reg(i->rd), lsb, T32_BITS(x, 4, 0) + 1u - lsb);
    } else if (is(e, "msr")) {
        out_printf(o, "msr %s", T32_BIT(x, 20) ? "SPSR" : "CPSR");
        print_psr_fields(o, T32_BITS(x, 11, 8));
        out_printf(o, ", %s", reg(i->rn));
    } else if (is(e, "mrs")) {
        out_printf(o, "mrs %s, %s", reg(i->rd), T32_BIT(x, 20) ? "SPSR" : "CPSR");
    } else if (is(e, "hint_w")) {
        unsigned h = T32_BITS(x, 7, 0);
        if (h <= 4) out_printf(o, "%s.w", hint_names[h]);
        else if (h >= 0xF0) out_printf(o, "dbg #%u", h & 15u);
        else out_printf(o, "nop.w {%u}", h);
    } else if (is(e, "cps")) {
        unsigned imod = T32_BITS(x, 10, 9);
        if (imod >= 2) {
            out_printf(o, "cps%s.w %s%s%s", imod == 3 ? "id" : "ie", T32_BIT(x, 7) ? "a" : "",
                       T32_BIT(x, 6) ? "i" : "", T32_BIT(x, 5) ? "f" : "");
            if (T32_BIT(x, 8)) out_printf(o, ", #%u", T32_BITS(x, 4, 0));
        } else {
            out_printf(o, "cps #%u", T32_BITS(x, 4, 0));
        }
    } else if (is(e, "dsb") || is(e, "dmb") || is(e, "isb")) {
        /* Barrier option names (ARM ARM A8.8.43 DMB). */
        static const char *const opts[16] = { NULL, NULL, "oshst", "osh", NULL, NULL, "nshst",
                                              "nsh", NULL, NULL, "ishst", "ish", NULL, NULL,
                                              "st", "sy" };
        unsigned opt = T32_BITS(x, 3, 0);
        if (opts[opt] != NULL && (opt == 15 || !is(e, "isb")))
            out_printf(o, "%s %s", e->name, opts[opt]);
        else
            out_printf(o, "%s #%u", e->name, opt);
    } else if (is(e, "blx_imm")) {
        out_printf(o, "blx%s 0x%x", c, ((pc + 4u) & ~3u) + i->imm);
    } else if (is(e, "pld") || is(e, "pli") || is(e, "nophint")) {
        const char *nm = is(e, "pldw") ? "pldw" : is(e, "pld") ? "pld" : is(e, "pli") ? "pli" : "nop.w";
        print_preload(o, nm, x);
    } else if (is(e, "sxt") || is(e, "uxt")) {
        /* sxtah.. (accumulate) or sxth_w.. (Rn == PC) */
        const char *u = strchr(e->name, '_');
        if (i->flags & ARM_IF_ACC) {
            out_printf(o, "%s %s, %s, %s", e->name, reg(i->rd), reg(i->rn), reg(i->rm));
        } else {
            out_printf(o, "%.*s%s %s, %s", u ? (int)(u - e->name) : (int)strlen(e->name), e->name,
                       u ? ".w" : "", reg(i->rd), reg(i->rm));
        }
        print_ror(o, i->shift_imm);
    } else if (is(e, "smlaxy") || is(e, "smulxy") || is(e, "smlalxy")) {
        char x1 = T32_BIT(x, 5) ? 't' : 'b', y1 = T32_BIT(x, 4) ? 't' : 'b';
        if (is(e, "smlalxy"))
            out_printf(o, "smlal%c%c %s, %s, %s, %s", x1, y1, reg(i->ra), reg(i->rd), reg(i->rn),
                       reg(i->rm));
        else if (is(e, "smulxy"))
            out_printf(o, "smul%c%c %s, %s, %s", x1, y1, reg(i->rd), reg(i->rn), reg(i->rm));
        else
            out_printf(o, "smla%c%c %s, %s, %s, %s", x1, y1, reg(i->rd), reg(i->rn), reg(i->rm),
                       reg(i->ra));
    } else if (is(e, "smlawy") || is(e, "smulwy")) {
        char y1 = T32_BIT(x, 4) ? 't' : 'b';
        if (is(e, "smulwy"))
            out_printf(o, "smulw%c %s, %s, %s", y1, reg(i->rd), reg(i->rn), reg(i->rm));
        else
            out_printf(o, "smlaw%c %s, %s, %s, %s", y1, reg(i->rd), reg(i->rn), reg(i->rm),
                       reg(i->ra));
    } else if (is(e, "smlald") || is(e, "smlsld")) {
        out_printf(o, "%s%s %s, %s, %s, %s", e->name, T32_BIT(x, 4) ? "x" : "", reg(i->ra),
                   reg(i->rd), reg(i->rn), reg(i->rm));
    } else if (is(e, "smlad") || is(e, "smlsd") || is(e, "smmla") || is(e, "smmls")) {
        out_printf(o, "%s%s %s, %s, %s, %s", e->name,
                   T32_BIT(x, 4) ? (is(e, "smm") ? "r" : "x") : "", reg(i->rd), reg(i->rn),
                   reg(i->rm), reg(i->ra));
    } else if (is(e, "smuad") || is(e, "smusd") || is(e, "smmul")) {
        out_printf(o, "%s%s %s, %s, %s", e->name, T32_BIT(x, 4) ? (is(e, "smm") ? "r" : "x") : "",
                   reg(i->rd), reg(i->rn), reg(i->rm));
    } else if (is(e, "mcrr") || is(e, "mrrc")) {
        out_printf(o, "%s p%u, #%u, %s, %s, c%u", e->name, i->cp_num, i->cp_opc1, reg(i->rd),
                   reg(i->ra), i->cp_crm);
    } else if (is(e, "mcr") || is(e, "mrc")) {
        out_printf(o, "%s p%u, #%u, %s, c%u, c%u, #%u", e->name, i->cp_num, i->cp_opc1,
                   (e->name[1] == 'r' && i->rd == 15) ? "APSR_nzcv" : reg(i->rd), i->cp_crn,
                   i->cp_crm, i->cp_opc2);
    } else {
        out_printf(o, "%s", e->name);
    }
}

int arm_t32_disasm(uint32_t pc, uint32_t insn, unsigned size, char *buf, size_t len)
{
    const arm_decode_entry *e;
    arm_insn i;
    t32_out o;

    o.buf = buf;
    o.len = len;
    o.pos = 0;
    if (len == 0) return 0;
    buf[0] = '\0';

    memset(&i, 0, sizeof i);
    i.cond = 14;
    i.size = (uint8_t)size;
    if (size == 2) {
        insn &= 0xFFFFu;
        e = arm_decode_find(t32_table16, t32_table16_len, insn);
    } else {
        e = arm_decode_find(t32_table32, t32_table32_len, insn);
    }
    if (e == NULL || e->decode(NULL, insn, &i) != 0) {
        if (size == 2) out_printf(&o, ".inst.n 0x%04x", insn);
        else out_printf(&o, ".inst.w 0x%08x", insn);
        return (int)o.pos;
    }
    i.raw = insn;
    i.flags |= ARM_IF_THUMBSRC;
    if (e->fmt != NULL) return arm_format_insn(&i, e->name, e->fmt, pc, buf, len);
    if (size == 2) custom16(&o, e, &i, insn, pc);
    else custom32(&o, e, &i, insn, pc);
    return (int)o.pos;
}
