/*
 * disasm.c - UAL disassembly for traces: the shared formatter
 * (arm_format_insn, driven by the decode tables' fmt strings) and the A32
 * entry point arm_disasm (T32 goes to arm_t32_disasm).
 */
#include <stdarg.h>
#include <stdio.h>

#include "arm_internal.h"
#include "vfp_internal.h"

static const char *const reg_names[16] = {"r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7",
                                          "r8", "r9", "r10", "r11", "r12", "sp", "lr", "pc"};
static const char *const cond_names[16] = {"eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc",
                                           "hi", "ls", "ge", "lt", "gt", "le", "", ""};
static const char *const shift_names[5] = {"lsl", "lsr", "asr", "ror", "rrx"};
static const char *const dp_names[ARM_DP_COUNT] = {
    "and", "eor", "sub", "rsb", "add", "adc", "sbc", "rsc", "tst", "teq", "cmp", "cmn",
    "orr", "mov", "bic", "mvn", "orn"};

const char *arm_reg_name(unsigned r) { return reg_names[r & 15]; }
const char *arm_cond_name(unsigned cond) { return cond_names[cond & 15]; }

typedef struct out_buf {
    char *buf;
    size_t len, pos;
} out_buf;

static void put(out_buf *o, const char *fmt, ...)
{
    va_list ap;
    size_t room = o->pos < o->len ? o->len - o->pos : 0;
    char *dst = room ? o->buf + o->pos : NULL;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(dst, room, fmt, ap);
    va_end(ap);
    if (n > 0) o->pos += (size_t)n;
}

static void put_imm(out_buf *o, uint32_t v)
{
    if (v < 10) put(o, "#%u", v);
    else put(o, "#0x%x", v);
}

static void put_shift(out_buf *o, const arm_insn *i)
{
    if (i->shift_type == ARM_SHIFT_RRX) put(o, ", rrx");
    else if (!(i->shift_type == ARM_SHIFT_LSL && i->shift_imm == 0))
        put(o, ", %s #%u", shift_names[i->shift_type], i->shift_imm);
}

static void put_op2(out_buf *o, const arm_insn *i)
{
    switch (i->op >> 5) {
    case ARM_OP2_IMM: put_imm(o, i->imm); break;
    case ARM_OP2_IMMSHIFT: put(o, "%s", reg_names[i->rm]); put_shift(o, i); break;
    default:
        put(o, "%s, %s %s", reg_names[i->rm], shift_names[i->shift_type & 3], reg_names[i->rs]);
        break;
    }
}

static void put_addr(out_buf *o, const arm_insn *i)
{
    const char *sign = (i->flags & ARM_IF_U) ? "" : "-";
    int pre = (i->flags & ARM_IF_P) != 0, wb = (i->flags & ARM_IF_W) != 0;
    put(o, "[%s", reg_names[i->rn]);
    if (!pre) put(o, "]");
    if (i->flags & ARM_IF_REGOFF) {
        put(o, ", %s%s", sign, reg_names[i->rm]);
        put_shift(o, i);
    } else if (i->imm != 0 || !(i->flags & ARM_IF_U) || !pre) {
        put(o, ", #%s%u", sign, i->imm);
    }
    if (pre) put(o, "]%s", wb ? "!" : "");
}

static void put_reglist(out_buf *o, unsigned list)
{
    unsigned k = 0;
    int first = 1;
    put(o, "{");
    while (k < 16) {
        if (list & (1u << k)) {
            unsigned j = k;
            while (j + 1 < 16 && (list & (1u << (j + 1)))) j++;
            put(o, "%s%s", first ? "" : ", ", reg_names[k]);
            if (j > k + 1) put(o, "-%s", reg_names[j]);
            else if (j == k + 1) put(o, ", %s", reg_names[j]);
            first = 0;
            k = j + 1;
        } else {
            k++;
        }
    }
    put(o, "}");
}

static const char *xy(const arm_insn *i)
{
    static const char *const s[4] = {"bb", "tb", "bt", "tt"};
    return s[((i->flags & ARM_IF_NHIGH) ? 1 : 0) | ((i->flags & ARM_IF_MHIGH) ? 2 : 0)];
}

static const char *lsm_mode(const arm_insn *i)
{
    int u = (i->flags & ARM_IF_U) != 0, p = (i->flags & ARM_IF_P) != 0;
    return u ? (p ? "ib" : "ia") : (p ? "db" : "da");
}

/* Mnemonic derived from the semantic handler and fields. */
static void put_mnemonic(out_buf *o, const arm_insn *i, const char *name)
{
    static const struct { arm_handler fn; const char *n; } simple[] = {
        {arm_h_mul, "mul"}, {arm_h_mla, "mla"}, {arm_h_mls, "mls"}, {arm_h_umull, "umull"},
        {arm_h_smull, "smull"}, {arm_h_umlal, "umlal"}, {arm_h_smlal, "smlal"},
        {arm_h_umaal, "umaal"}, {arm_h_qadd, "qadd"}, {arm_h_qsub, "qsub"},
        {arm_h_qdadd, "qdadd"}, {arm_h_qdsub, "qdsub"}, {arm_h_ssat, "ssat"},
        {arm_h_usat, "usat"}, {arm_h_ssat16, "ssat16"}, {arm_h_usat16, "usat16"},
        {arm_h_sel, "sel"}, {arm_h_clz, "clz"}, {arm_h_rbit, "rbit"}, {arm_h_rev, "rev"},
        {arm_h_rev16, "rev16"}, {arm_h_revsh, "revsh"}, {arm_h_bfi, "bfi"},
        {arm_h_bfc, "bfc"}, {arm_h_ubfx, "ubfx"}, {arm_h_sbfx, "sbfx"},
        {arm_h_usad8, "usad8"}, {arm_h_usada8, "usada8"}, {arm_h_b, "b"}, {arm_h_bl, "bl"},
        {arm_h_blx_imm, "blx"}, {arm_h_bx, "bx"}, {arm_h_blx_reg, "blx"},
        {arm_h_clrex, "clrex"}, {arm_h_mrc, "mrc"}, {arm_h_mcr, "mcr"},
        {arm_h_mrrc, "mrrc"}, {arm_h_mcrr, "mcrr"}, {arm_h_svc, "svc"},
        {arm_h_bkpt, "bkpt"}, {arm_h_udf, "udf"}, {arm_h_setend, "setend"},
        {arm_h_movw, "movw"}, {arm_h_movt, "movt"}, {arm_h_mrs, "mrs"},
        {arm_h_msr_imm, "msr"}, {arm_h_msr_reg, "msr"},
    };
    static const char *const hints[] = {"nop", "yield", "wfe", "wfi", "sev", "dmb",
                                        "dsb", "isb", "pld", "pli", "dbg"};
    static const char *const par_kind[6] = {"s", "q", "sh", "u", "uq", "uh"};
    static const char *const par_op[8] = {"add16", "asx", "sax", "sub16", "add8", "?", "?", "sub8"};
    static const char *const ext[6] = {"sxtb16", "sxtb", "sxth", "uxtb16", "uxtb", "uxth"};
    static const char *const exs[6] = {"", "b", "h", "", "", "d"};
    size_t k;
    arm_handler fn = i->fn;
    if (fn == arm_h_smulxy) { put(o, "smul%s", xy(i)); return; }
    if (fn == arm_h_smlaxy) { put(o, "smla%s", xy(i)); return; }
    if (fn == arm_h_smlalxy) { put(o, "smlal%s", xy(i)); return; }
    if (fn == arm_h_smulwy) { put(o, "smulw%s", (i->flags & ARM_IF_MHIGH) ? "t" : "b"); return; }
    if (fn == arm_h_smlawy) { put(o, "smlaw%s", (i->flags & ARM_IF_MHIGH) ? "t" : "b"); return; }
    if (fn == arm_h_smuad || fn == arm_h_smlad || fn == arm_h_smlald) {
        put(o, "sm%s%s%s%s", fn == arm_h_smuad ? "u" : "l",
            fn == arm_h_smlald ? ((i->flags & ARM_IF_SUB) ? "sld" : "ald")
                               : ((i->flags & ARM_IF_SUB) ? "sd" : "ad"),
            "", (i->flags & ARM_IF_MSWAP) ? "x" : "");
        return;
    }
    if (fn == arm_h_smmul || fn == arm_h_smmla || fn == arm_h_smmls) {
        put(o, "%s%s", fn == arm_h_smmul ? "smmul" : fn == arm_h_smmla ? "smmla" : "smmls",
            (i->flags & ARM_IF_ROUND) ? "r" : "");
        return;
    }
    if (fn == arm_h_swp) { put(o, "swp%s", i->op == ARM_LS_B ? "b" : ""); return; }
    if (fn == arm_h_ldrex || fn == arm_h_strex) {
        put(o, "%s%s", fn == arm_h_ldrex ? "ldrex" : "strex", exs[i->op % 6]);
        return;
    }
    if (fn == arm_h_parallel) {
        put(o, "%s%s", par_kind[(i->op >> 3) % 6], par_op[i->op & 7]);
        return;
    }
    if (fn == arm_h_pkh) { put(o, (i->flags & ARM_IF_TB) ? "pkhtb" : "pkhbt"); return; }
    if (fn == arm_h_extend) {
        const char *e = ext[i->op % 6];
        if (i->flags & ARM_IF_ACC) put(o, "%.3sa%s", e, e + 3);
        else put(o, "%s", e);
        return;
    }
    if (fn == arm_h_hint) {
        static const char *const opts[16] = {"#0", "oshld", "oshst", "osh", "#4", "nshld",
                                             "nshst", "nsh", "#8", "ishld", "ishst", "ish",
                                             "#12", "ld", "st", "sy"};
        put(o, "%s", hints[i->op % 11]);
        if (i->op >= ARM_HINT_DMB && i->op <= ARM_HINT_ISB && i->imm)
            put(o, " %s", opts[i->imm & 15]);
        return;
    }
    if (fn == arm_h_ldm || fn == arm_h_stm || fn == arm_h_srs || fn == arm_h_rfe ||
        (name && (!strcmp(name, "ldm") || !strcmp(name, "stm")))) {
        const char *base = fn == arm_h_srs ? "srs" : fn == arm_h_rfe ? "rfe"
                         : fn == arm_h_stm ? "stm" : "ldm";
        put(o, "%s%s", base, lsm_mode(i));
        return;
    }
    if (fn == arm_h_cps) {
        put(o, "cps%s", (i->op & 3) == 2 ? "ie" : (i->op & 3) == 3 ? "id" : "");
        return;
    }
    for (k = 0; k < sizeof simple / sizeof simple[0]; k++) {
        if (simple[k].fn == fn) { put(o, "%s", simple[k].n); return; }
    }
    put(o, "%s", name ? name : "?");
}

int arm_format_insn(const arm_insn *i, const char *name, const char *fmt, uint32_t pc,
                    char *buf, size_t len)
{
    out_buf o = {buf, len, 0};
    const char *p;
    if (len) buf[0] = 0;
    for (p = fmt; *p; p++) {
        if (*p != '%') {
            put(&o, "%c", *p);
            continue;
        }
        p++;
        switch (*p) {
        case 'N':
            put(&o, "%s%s", name ? name : "?", (i->flags & ARM_IF_USER) ? "t" : "");
            break;
        case 'V': { /* VFP / Advanced SIMD: whole instruction (vfp_disasm.c) */
            char vb[96];
            arm_vfp_format(i, vb, sizeof vb);
            put(&o, "%s", vb);
            break;
        }
        case 'F': put_mnemonic(&o, i, name); break;
        case 'c': put(&o, "%s", cond_names[i->cond & 15]); break;
        case 's': if (i->flags & ARM_IF_S) put(&o, "s"); break;
        case 'd': put(&o, "%s", reg_names[i->rd]); break;
        case 'n': put(&o, "%s", reg_names[i->rn]); break;
        case 'm': put(&o, "%s", reg_names[i->rm]); break;
        case 'S': put(&o, "%s", reg_names[i->rs]); break;
        case 'a': put(&o, "%s", reg_names[i->ra]); break;
        case 'r': if (i->ra != 15) put(&o, ", %s", reg_names[i->ra]); break;
        case 'x': if (i->op == ARM_LS_D) put(&o, ", %s", reg_names[i->ra]); break;
        case 'i': put_imm(&o, i->imm); break;
        case 'l': put(&o, "%u", i->shift_imm); break;
        case 'w': put(&o, "%u", i->imm); break;
        case 'o': put_op2(&o, i); break;
        case 'h': put_shift(&o, i); break;
        case 'A': put_addr(&o, i); break;
        case 'L': put_reglist(&o, i->reglist); break;
        case '!': if (i->flags & ARM_IF_W) put(&o, "!"); break;
        case '^': if (i->flags & ARM_IF_USERBANK) put(&o, "^"); break;
        case 'e': put(&o, "%s", i->imm ? "be" : "le"); break;
        case 'B': {
            uint32_t base = pc + ((i->flags & ARM_IF_THUMBSRC) ? 4 : 8);
            if (i->fn == arm_h_blx_imm && (i->flags & ARM_IF_THUMBSRC)) base &= ~3u;
            put(&o, "0x%x", base + i->imm);
            break;
        }
        case 'D': {
            unsigned op = i->op & 31;
            int cmp = op >= ARM_DP_TST && op <= ARM_DP_CMN;
            put(&o, "%s%s", dp_names[op % ARM_DP_COUNT], (!cmp && (i->flags & ARM_IF_S)) ? "s" : "");
            break;
        }
        case 'O': {
            unsigned op = i->op & 31;
            if (op >= ARM_DP_TST && op <= ARM_DP_CMN) put(&o, "%s, ", reg_names[i->rn]);
            else if (op == ARM_DP_MOV || op == ARM_DP_MVN) put(&o, "%s, ", reg_names[i->rd]);
            else put(&o, "%s, %s, ", reg_names[i->rd], reg_names[i->rn]);
            put_op2(&o, i);
            break;
        }
        case 'P':
            put(&o, "%s", (i->flags & ARM_IF_SPSR) ? "spsr" : "cpsr");
            if (i->fn == arm_h_msr_imm || i->fn == arm_h_msr_reg) {
                put(&o, "_%s%s%s%s", (i->op & 8) ? "f" : "", (i->op & 4) ? "s" : "",
                    (i->op & 2) ? "x" : "", (i->op & 1) ? "c" : "");
            }
            break;
        case 'Y':
            put(&o, "%s, ", reg_names[i->rd]);
            if (i->flags & ARM_IF_ACC) put(&o, "%s, ", reg_names[i->rn]);
            put(&o, "%s", reg_names[i->rm]);
            if (i->shift_imm) put(&o, ", ror #%u", i->shift_imm);
            break;
        case 'b':
            put(&o, "%s, ", reg_names[i->rd]);
            if (i->fn == arm_h_bfi) put(&o, "%s, ", reg_names[i->rn]);
            put(&o, "#%u, #%u", i->shift_imm, i->imm >= i->shift_imm ? i->imm - i->shift_imm + 1 : 0);
            break;
        case 'C':
            if (i->fn == arm_h_mrrc || i->fn == arm_h_mcrr)
                put(&o, "p%u, #%u, %s, %s, c%u", i->cp_num, i->cp_opc1, reg_names[i->rd],
                    reg_names[i->ra], i->cp_crm);
            else
                put(&o, "p%u, #%u, %s, c%u, c%u, #%u", i->cp_num, i->cp_opc1,
                    i->rd == 15 && i->fn == arm_h_mrc ? "APSR_nzcv" : reg_names[i->rd],
                    i->cp_crn, i->cp_crm, i->cp_opc2);
            break;
        case 'Z':
            if (i->op & 3)
                put(&o, "%s%s%s", (i->imm & ARM_CPSR_A) ? "a" : "", (i->imm & ARM_CPSR_I) ? "i" : "",
                    (i->imm & ARM_CPSR_F) ? "f" : "");
            if (i->op & 4) put(&o, "%s#%u", (i->op & 3) ? ", " : "", i->shift_imm);
            break;
        case '%': put(&o, "%%"); break;
        case 0: p--; break;
        default: put(&o, "%%%c", *p); break;
        }
    }
    return (int)(o.pos < len ? o.pos : (len ? len - 1 : 0));
}

int arm_disasm(uint32_t pc, uint32_t insn, unsigned size, int thumb, char *buf, size_t len)
{
    size_t n;
    const arm_decode_entry *table, *e;
    arm_insn i;
    if (thumb) return arm_t32_disasm(pc, insn, size, buf, len);
    table = arm_a32_table(&n);
    e = arm_decode_find(table, n, insn);
    memset(&i, 0, sizeof i);
    i.cond = 14;
    i.size = 4;
    if (!e || !e->fmt || e->decode(NULL, insn, &i) != 0)
        return snprintf(buf, len, ".inst 0x%08x", insn) < 0 ? 0 : (int)strlen(buf);
    return arm_format_insn(&i, e->name, e->fmt, pc, buf, len);
}
