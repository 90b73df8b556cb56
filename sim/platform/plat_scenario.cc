// plat_scenario.cc - scenario loading and strict validation (libyaml
// document API, which keeps the line of every node).
#include "plat_scenario.h"

#include <yaml.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <set>

#include <sys/stat.h>
#include <unistd.h>

#include "dprsim_bootinfo.h"
#include "plat_cli.h"
#include "simb.h"

namespace plat {

namespace {

constexpr uint64_t kDdrBytes = 512ULL << 20;

class Checker {
public:
    Checker(const std::string &file, yaml_document_t *doc, std::vector<std::string> *errs)
        : file_(file), doc_(doc), errs_(errs) {}

    void error(const yaml_node_t *n, const std::string &key, const std::string &what)
    {
        unsigned line = n ? (unsigned)n->start_mark.line + 1 : 1;
        errs_->push_back(file_ + ":" + std::to_string(line) + ": " + key + ": " + what);
    }
    yaml_node_t *node(int id) { return yaml_document_get_node(doc_, id); }

    /** One allowed key of a mapping. */
    struct Field {
        const char *name;
        bool required;
        std::function<void(yaml_node_t *, const std::string &)> check;
    };

    /** Check a mapping: unknown, duplicate and missing keys; run each check. */
    void mapping(yaml_node_t *n, const std::string &path, const std::vector<Field> &fields)
    {
        if (!n || n->type != YAML_MAPPING_NODE) {
            error(n, path.empty() ? "(top level)" : path, "expected a mapping");
            return;
        }
        std::set<std::string> seen;
        for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
            yaml_node_t *k = node(p->key), *v = node(p->value);
            if (k->type != YAML_SCALAR_NODE) { error(k, path, "keys must be plain names"); continue; }
            std::string key((const char *)k->data.scalar.value, k->data.scalar.length);
            std::string kp = path.empty() ? key : path + "." + key;
            const Field *f = nullptr;
            for (const Field &fi : fields) if (key == fi.name) f = &fi;
            if (!f) {
                std::string allowed;
                for (const Field &fi : fields) allowed += (allowed.empty() ? "" : ", ") + std::string(fi.name);
                error(k, kp, "unknown key (allowed: " + allowed + ")");
                continue;
            }
            if (!seen.insert(key).second) { error(k, kp, "duplicate key"); continue; }
            f->check(v, kp);
        }
        for (const Field &fi : fields)
            if (fi.required && !seen.count(fi.name))
                error(n, path.empty() ? fi.name : path + "." + fi.name, "missing required key");
    }

    /** Iterate a sequence (error if not one). */
    void sequence(yaml_node_t *n, const std::string &path, bool nonempty,
                  const std::function<void(yaml_node_t *, const std::string &)> &each)
    {
        if (n->type != YAML_SEQUENCE_NODE) { error(n, path, "expected a list"); return; }
        int i = 0;
        for (yaml_node_item_t *it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++, i++)
            each(node(*it), path + "[" + std::to_string(i) + "]");
        if (nonempty && i == 0) error(n, path, "must not be empty");
    }

    static std::string text(const yaml_node_t *n)
    {
        return std::string((const char *)n->data.scalar.value, n->data.scalar.length);
    }
    static bool plain(const yaml_node_t *n)
    {
        return n->type == YAML_SCALAR_NODE && n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    }

    /** Unsigned integer (plain scalar, decimal or 0x hex) in [lo, hi]. */
    bool integer(yaml_node_t *n, const std::string &path, uint64_t lo, uint64_t hi, uint64_t *out)
    {
        if (!plain(n)) { error(n, path, "expected an integer"); return false; }
        std::string s = text(n);
        std::string digits;
        for (char c : s) if (c != '_') digits += c;   // 100_000_000 allowed
        char *end = nullptr;
        errno = 0;
        bool hex = digits.size() > 2 && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X');
        bool ok = !digits.empty() && (hex || (digits[0] >= '0' && digits[0] <= '9' &&
                                              !(digits.size() > 1 && digits[0] == '0')));
        unsigned long long v = ok ? std::strtoull(digits.c_str(), &end, hex ? 16 : 10) : 0;
        if (!ok || errno || !end || *end) { error(n, path, "expected an integer, got '" + s + "'"); return false; }
        if (v < lo || v > hi) {
            error(n, path, "value " + s + " out of range [" + std::to_string(lo) + ", " +
                               std::to_string(hi) + "]");
            return false;
        }
        *out = v;
        return true;
    }

    bool number(yaml_node_t *n, const std::string &path, double lo, double *out)
    {
        if (!plain(n)) { error(n, path, "expected a number"); return false; }
        std::string s = text(n);
        char *end = nullptr;
        double v = std::strtod(s.c_str(), &end);
        if (s.empty() || !end || *end || !std::isfinite(v)) {
            error(n, path, "expected a number, got '" + s + "'");
            return false;
        }
        if (v < lo) { error(n, path, "value " + s + " must be >= " + std::to_string((long long)lo)); return false; }
        *out = v;
        return true;
    }

    /** Boolean: plain scalar true or false. */
    bool boolean(yaml_node_t *n, const std::string &path, bool *out)
    {
        if (plain(n) && (text(n) == "true" || text(n) == "false")) {
            *out = text(n) == "true";
            return true;
        }
        error(n, path, "expected true or false");
        return false;
    }

    bool string(yaml_node_t *n, const std::string &path, std::string *out)
    {
        if (n->type != YAML_SCALAR_NODE || n->data.scalar.length == 0 ||
            (plain(n) && (text(n) == "null" || text(n) == "~"))) {
            error(n, path, "expected a non-empty string");
            return false;
        }
        *out = text(n);
        return true;
    }

    /** Identifier-like name: letters, digits, '_', '-', '.'. */
    bool name(yaml_node_t *n, const std::string &path, std::string *out)
    {
        if (!string(n, path, out)) return false;
        for (char c : *out)
            if (!(isalnum((unsigned char)c) || c == '_' || c == '-' || c == '.')) {
                error(n, path, "'" + *out + "' is not a name (letters, digits, _ - .)");
                return false;
            }
        return true;
    }

    bool choice(yaml_node_t *n, const std::string &path, const std::vector<std::string> &opts,
                std::string *out)
    {
        std::string v;
        if (!string(n, path, &v)) return false;
        std::string all;
        for (const std::string &o : opts) {
            if (v == o) { *out = v; return true; }
            all += (all.empty() ? "" : ", ") + o;
        }
        error(n, path, "'" + v + "' is not one of: " + all);
        return false;
    }

private:
    std::string file_;
    yaml_document_t *doc_;
    std::vector<std::string> *errs_;
};

/** Replace ${NAME} by the environment variable NAME (which must be set). */
bool expand_env(std::string *s, std::string *err)
{
    std::string out;
    for (size_t i = 0; i < s->size();) {
        if ((*s)[i] == '$' && i + 1 < s->size() && (*s)[i + 1] == '{') {
            size_t end = s->find('}', i);
            if (end == std::string::npos) { *err = "unterminated ${ in '" + *s + "'"; return false; }
            std::string name = s->substr(i + 2, end - i - 2);
            const char *v = std::getenv(name.c_str());
            if (!v) { *err = "environment variable " + name + " is not set"; return false; }
            out += v;
            i = end + 1;
        } else {
            out += (*s)[i++];
        }
    }
    *s = out;
    return true;
}

/**
 * Resolve the file path *path read at key k of node m: ${VAR} expanded; a
 * path written relative is relative to the scenario's directory `base`, one
 * that starts with ${VAR} is taken as the variable gives it (relative to the
 * working directory). False (reported) when it cannot be expanded.
 */
bool resolve_path(Checker &c, yaml_node_t *m, const std::string &k, const std::string &base, std::string *path)
{
    bool from_var = path->compare(0, 2, "${") == 0;
    std::string err;
    if (!expand_env(path, &err)) { c.error(m, k, err); return false; }
    if (path->empty()) { c.error(m, k, "empty after expansion"); return false; }
    if ((*path)[0] != '/' && !from_var) *path = base + "/" + *path;
    return true;
}

std::string dir_of(const std::string &path)
{
    size_t s = path.rfind('/');
    return s == std::string::npos ? std::string(".") : path.substr(0, s == 0 ? 1 : s);
}

/** Kind of a module id (rtl/README.md: id[7:4] 1 QAM mapper, 2 IFFT). */
std::string kind_of_id(unsigned id)
{
    return (id >> 4) == 1 ? "qam" : (id >> 4) == 2 ? "ifft" : "other";
}

/** A physical range [lo, hi) some part of the scenario occupies. */
struct Extent { uint64_t lo, hi; std::string what; };

/**
 * The loadable segments of an ELF32 little-endian file (PT_LOAD, physical
 * address and memory size: what the loader places). False when the file
 * cannot be read or is not such an ELF: the run reports that when it loads
 * the image, validation then skips the overlap check for it.
 */
bool elf_load_extents(const std::string &path, const std::string &what, std::vector<Extent> *out)
{
    FILE *f = std::fopen(path.c_str(), "rb");
    if (!f) return false;
    unsigned char eh[52];
    bool ok = std::fread(eh, 1, sizeof eh, f) == sizeof eh && std::memcmp(eh, "\x7f" "ELF", 4) == 0 &&
              eh[4] == 1 /* ELFCLASS32 */ && eh[5] == 1 /* ELFDATA2LSB */;
    auto u16 = [](const unsigned char *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8; };
    auto u32 = [](const unsigned char *p) {
        return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
    };
    if (ok) {
        uint32_t phoff = u32(eh + 28), phentsize = u16(eh + 42), phnum = u16(eh + 44);
        for (uint32_t i = 0; ok && i < phnum; i++) {
            unsigned char ph[32];
            ok = phentsize >= sizeof ph && std::fseek(f, (long)(phoff + i * phentsize), SEEK_SET) == 0 &&
                 std::fread(ph, 1, sizeof ph, f) == sizeof ph;
            if (ok && u32(ph) == 1 /* PT_LOAD */ && u32(ph + 20) /* p_memsz */)
                out->push_back(Extent{u32(ph + 12), (uint64_t)u32(ph + 12) + u32(ph + 20), what});
        }
    }
    std::fclose(f);
    return ok;
}

} // namespace

bool scenario_load(const std::string &path, Scenario *s, std::vector<std::string> *errors)
{
    *s = Scenario{};
    s->file = path;
    FILE *f = std::fopen(path.c_str(), "rb");
    if (!f) {
        errors->push_back(path + ":1: (file): cannot open: " + std::strerror(errno));
        return false;
    }
    yaml_parser_t parser;
    yaml_document_t doc;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_file(&parser, f);
    if (!yaml_parser_load(&parser, &doc)) {
        errors->push_back(path + ":" + std::to_string(parser.problem_mark.line + 1) +
                          ": (syntax): " + (parser.problem ? parser.problem : "YAML error") +
                          (parser.context ? std::string(" ") + parser.context : std::string()));
        yaml_parser_delete(&parser);
        std::fclose(f);
        return false;
    }
    yaml_parser_delete(&parser);
    std::fclose(f);

    Checker c(path, &doc, errors);
    yaml_node_t *root = yaml_document_get_root_node(&doc);
    if (!root) {
        errors->push_back(path + ":1: (top level): empty scenario");
        yaml_document_delete(&doc);
        return false;
    }
    const std::string base = dir_of(path);
    std::map<std::string, yaml_node_t *> image_names, module_names;
    std::map<unsigned, yaml_node_t *> prr_ids;
    std::vector<std::pair<yaml_node_t *, std::string>> vm_image_refs, vm_device_refs;
    std::vector<std::pair<yaml_node_t *, unsigned>> module_prr_refs;
    std::vector<std::pair<yaml_node_t *, std::string>> module_prr_paths;
    std::vector<std::pair<yaml_node_t *, std::string>> small_modules;   // bitstream_bytes below a SimB
    yaml_node_t *first_entry = nullptr, *boot_info_node = nullptr, *store_node = nullptr;
    uint64_t v = 0;
    using F = Checker::Field;

    c.mapping(root, "", {
        F{"version", true, [&](yaml_node_t *n, const std::string &p) { c.integer(n, p, 1, 1, &v); }},
        F{"name", true, [&](yaml_node_t *n, const std::string &p) { c.name(n, p, &s->name); }},
        F{"description", false, [&](yaml_node_t *n, const std::string &p) { c.string(n, p, &s->description); }},
        F{"clocks", false, [&](yaml_node_t *n, const std::string &p) {
            c.mapping(n, p, {
                F{"cpu_hz", false, [&](yaml_node_t *m, const std::string &q) { c.integer(m, q, 1000000, 2000000000, &s->cpu_hz); }},
                F{"fclk0_hz", false, [&](yaml_node_t *m, const std::string &q) { c.integer(m, q, 1000000, 250000000, &s->fclk0_hz); }},
            });
        }},
        F{"pcap", false, [&](yaml_node_t *n, const std::string &p) {
            c.mapping(n, p, {
                F{"rate_bytes_per_s", false, [&](yaml_node_t *m, const std::string &q) { c.integer(m, q, 1, 400000000, &s->pcap_rate); }},
            });
        }},
        F{"cpu", false, [&](yaml_node_t *n, const std::string &p) {
            c.mapping(n, p, {
                F{"caches", false, [&](yaml_node_t *m, const std::string &q) { c.boolean(m, q, &s->caches); }},
            });
        }},
        F{"sync", false, [&](yaml_node_t *n, const std::string &p) {
            c.mapping(n, p, {
                F{"pl_quantum_cycles", false, [&](yaml_node_t *m, const std::string &q) {
                    if (c.integer(m, q, 1, kPlQuantumMax, &v)) s->pl_quantum = (uint32_t)v;
                }},
            });
        }},
        F{"uart", false, [&](yaml_node_t *n, const std::string &p) {
            yaml_node_t *rx_node = nullptr, *file_node = nullptr;
            c.mapping(n, p, {
                F{"rx", false, [&](yaml_node_t *m, const std::string &q) {
                    if (c.string(m, q, &s->uart_rx_data)) rx_node = m;
                }},
                F{"rx_file", false, [&](yaml_node_t *m, const std::string &q) {
                    if (!c.string(m, q, &s->uart_rx_file)) return;
                    file_node = m;
                    resolve_path(c, m, q, base, &s->uart_rx_file);
                }},
            });
            if (rx_node && file_node)
                c.error(file_node, p + ".rx_file", "give either uart.rx or uart.rx_file, not both");
        }},
        F{"prrs", false, [&](yaml_node_t *n, const std::string &p) {
            c.sequence(n, p, true, [&](yaml_node_t *e, const std::string &q) {
                ScnPrr r{};
                c.mapping(e, q, {
                    F{"id", true, [&](yaml_node_t *m, const std::string &k) {
                        if (c.integer(m, k, 0, 15, &v)) {
                            r.id = (unsigned)v;
                            if (!prr_ids.emplace(r.id, m).second) c.error(m, k, "duplicate PRR id " + std::to_string(v));
                        }
                    }},
                    F{"name", true, [&](yaml_node_t *m, const std::string &k) { c.name(m, k, &r.name); }},
                });
                s->prrs.push_back(r);
            });
        }},
        F{"modules", false, [&](yaml_node_t *n, const std::string &p) {
            c.sequence(n, p, true, [&](yaml_node_t *e, const std::string &q) {
                ScnModule md{};
                c.mapping(e, q, {
                    F{"id", true, [&](yaml_node_t *m, const std::string &k) {
                        if (c.integer(m, k, 0, 255, &v)) md.id = (unsigned)v;
                    }},
                    F{"kind", false, [&](yaml_node_t *m, const std::string &k) {
                        c.choice(m, k, {"qam", "ifft", "other"}, &md.kind);
                    }},
                    F{"name", true, [&](yaml_node_t *m, const std::string &k) {
                        if (c.name(m, k, &md.name) && !module_names.emplace(md.name, m).second)
                            c.error(m, k, "duplicate module name '" + md.name + "'");
                    }},
                    F{"bitstream_bytes", true, [&](yaml_node_t *m, const std::string &k) {
                        if (c.integer(m, k, 4, 64ULL << 20, &md.bitstream_bytes) && md.bitstream_bytes % 4)
                            c.error(m, k, "must be a multiple of 4 (the PCAP moves 32-bit words)");
                        else if (md.bitstream_bytes < kScnMinSimbBytes) small_modules.emplace_back(m, k);
                    }},
                    F{"prrs", true, [&](yaml_node_t *m, const std::string &k) {
                        c.sequence(m, k, true, [&](yaml_node_t *x, const std::string &kk) {
                            if (c.integer(x, kk, 0, 15, &v)) {
                                md.prrs.push_back((unsigned)v);
                                module_prr_refs.emplace_back(x, (unsigned)v);
                                module_prr_paths.emplace_back(x, kk);
                            }
                        });
                    }},
                });
                if (md.kind.empty()) md.kind = kind_of_id(md.id);
                s->modules.push_back(md);
            });
        }},
        F{"images", true, [&](yaml_node_t *n, const std::string &p) {
            c.sequence(n, p, true, [&](yaml_node_t *e, const std::string &q) {
                ScnImage im{};
                yaml_node_t *addr_node = nullptr, *entry_node = nullptr;
                std::string fmt = "elf";
                c.mapping(e, q, {
                    F{"name", true, [&](yaml_node_t *m, const std::string &k) {
                        if (c.name(m, k, &im.name) && !image_names.emplace(im.name, m).second)
                            c.error(m, k, "duplicate image name '" + im.name + "'");
                    }},
                    F{"path", true, [&](yaml_node_t *m, const std::string &k) {
                        if (c.string(m, k, &im.path)) resolve_path(c, m, k, base, &im.path);
                    }},
                    F{"format", false, [&](yaml_node_t *m, const std::string &k) { c.choice(m, k, {"elf", "raw"}, &fmt); }},
                    F{"entry", false, [&](yaml_node_t *m, const std::string &k) {
                        if (c.boolean(m, k, &im.entry) && im.entry) entry_node = m;
                    }},
                    F{"address", false, [&](yaml_node_t *m, const std::string &k) {
                        addr_node = m;
                        if (c.integer(m, k, 0, 0xFFFFFFFFULL, &v)) im.address = (uint32_t)v;
                    }},
                });
                im.elf = fmt == "elf";
                if (im.elf && addr_node)
                    c.error(addr_node, q + ".address", "not allowed for an ELF image (its segments say where it goes)");
                if (!im.elf && !addr_node && e->type == YAML_MAPPING_NODE)
                    c.error(e, q + ".address", "missing required key (raw images need an address)");
                if (!im.elf && entry_node) {
                    c.error(entry_node, q + ".entry", "only an ELF image can give the entry point");
                    im.entry = false;
                } else if (entry_node) {
                    if (first_entry) c.error(entry_node, q + ".entry", "a second image with entry: true (only one gives the entry point)");
                    else first_entry = entry_node;
                }
                s->images.push_back(im);
            });
            // Several ELF images are allowed (the hypervisor, the VDM, ...):
            // the one with entry: true, or the first, gives the entry point.
            unsigned elfs = 0;
            for (const ScnImage &im : s->images) elfs += im.elf;
            if (n->type == YAML_SEQUENCE_NODE && elfs == 0)
                c.error(n, p, "at least one image must have format elf (it gives the entry point)");
            if (!first_entry)
                for (ScnImage &im : s->images)
                    if (im.elf) { im.entry = true; break; }
        }},
        F{"vms", false, [&](yaml_node_t *n, const std::string &p) {
            std::set<unsigned> ids;
            c.sequence(n, p, true, [&](yaml_node_t *e, const std::string &q) {
                ScnVm vm{};
                yaml_node_t *mem_node = nullptr;
                c.mapping(e, q, {
                    F{"id", true, [&](yaml_node_t *m, const std::string &k) {
                        if (c.integer(m, k, 1, 255, &v)) {
                            vm.id = (unsigned)v;
                            if (!ids.insert(vm.id).second) c.error(m, k, "duplicate VM id " + std::to_string(v));
                        }
                    }},
                    F{"name", false, [&](yaml_node_t *m, const std::string &k) { c.name(m, k, &vm.name); }},
                    F{"priority", true, [&](yaml_node_t *m, const std::string &k) {
                        if (c.integer(m, k, 0, 255, &v)) vm.priority = (unsigned)v;
                    }},
                    F{"image", true, [&](yaml_node_t *m, const std::string &k) {
                        if (c.name(m, k, &vm.image)) vm_image_refs.emplace_back(m, k);
                    }},
                    F{"memory", true, [&](yaml_node_t *m, const std::string &k) {
                        mem_node = m;
                        c.mapping(m, k, {
                            F{"base", true, [&](yaml_node_t *x, const std::string &kk) {
                                if (c.integer(x, kk, 0, kDdrBytes - 4096, &v)) {
                                    vm.mem_base = (uint32_t)v;
                                    if (v % 4096) c.error(x, kk, "must be a multiple of 4096 (a page)");
                                }
                            }},
                            F{"size", true, [&](yaml_node_t *x, const std::string &kk) {
                                if (c.integer(x, kk, 4096, kDdrBytes, &v)) {
                                    vm.mem_size = (uint32_t)v;
                                    if (v % 4096) c.error(x, kk, "must be a multiple of 4096 (a page)");
                                }
                            }},
                        });
                    }},
                    F{"devices", false, [&](yaml_node_t *m, const std::string &k) {
                        c.sequence(m, k, false, [&](yaml_node_t *x, const std::string &kk) {
                            std::string d;
                            if (c.name(x, kk, &d)) { vm.devices.push_back(d); vm_device_refs.emplace_back(x, kk); }
                        });
                        if (vm.devices.size() > DPRSIM_BI_MAX_DEVICES)
                            c.error(m, k, "at most " + std::to_string(DPRSIM_BI_MAX_DEVICES) + " devices per VM");
                    }},
                });
                if (mem_node && vm.mem_size && (uint64_t)vm.mem_base + vm.mem_size > kDdrBytes)
                    c.error(mem_node, q + ".memory", "base + size exceeds the 512 MiB of DDR");
                s->vms.push_back(vm);
            });
            // VM memories must not overlap.
            for (size_t i = 0; i < s->vms.size(); i++)
                for (size_t j = i + 1; j < s->vms.size(); j++) {
                    const ScnVm &a = s->vms[i], &b = s->vms[j];
                    if (a.mem_size && b.mem_size && a.mem_base < (uint64_t)b.mem_base + b.mem_size &&
                        b.mem_base < (uint64_t)a.mem_base + a.mem_size)
                        c.error(n, p, "memory of VM " + std::to_string(a.id) + " overlaps VM " + std::to_string(b.id));
                }
        }},
        F{"stop", true, [&](yaml_node_t *n, const std::string &p) {
            c.mapping(n, p, {
                F{"time", true, [&](yaml_node_t *m, const std::string &k) {
                    std::string t, err;
                    if (c.string(m, k, &t) && !parse_time_ps(t, &s->stop_time_ps, &err)) c.error(m, k, err);
                }},
                F{"event", false, [&](yaml_node_t *m, const std::string &k) {
                    c.choice(m, k, {"semihosting_exit", "none"}, &s->stop_event);
                }},
            });
        }},
        F{"metrics", false, [&](yaml_node_t *n, const std::string &p) {
            std::set<std::string> names;
            c.sequence(n, p, false, [&](yaml_node_t *e, const std::string &q) {
                ScnMetric mt{};
                c.mapping(e, q, {
                    F{"name", true, [&](yaml_node_t *m, const std::string &k) {
                        if (c.name(m, k, &mt.name) && !names.insert(mt.name).second)
                            c.error(m, k, "duplicate metric '" + mt.name + "'");
                    }},
                    F{"paper", true, [&](yaml_node_t *m, const std::string &k) { c.number(m, k, -1e300, &mt.paper); }},
                    F{"tolerance", true, [&](yaml_node_t *m, const std::string &k) { c.number(m, k, 0, &mt.tolerance); }},
                    F{"unit", true, [&](yaml_node_t *m, const std::string &k) {
                        c.choice(m, k, {"ps", "ns", "us", "ms", "s", "cycles", "instructions", "MB/s", "percent", "count"}, &mt.unit);
                    }},
                });
                s->metrics.push_back(mt);
            });
        }},
        F{"boot_info", false, [&](yaml_node_t *n, const std::string &p) {
            s->has_boot_info = true;
            c.mapping(n, p, {
                F{"address", true, [&](yaml_node_t *m, const std::string &k) {
                    if (c.integer(m, k, 0, kDdrBytes - 4096, &v)) {
                        s->boot_info_addr = (uint32_t)v;
                        if (v % 4) c.error(m, k, "must be a multiple of 4");
                    }
                }},
            });
            boot_info_node = n;
        }},
        F{"bitstream_store", false, [&](yaml_node_t *n, const std::string &p) {
            s->has_bitstream_store = true;
            c.mapping(n, p, {
                F{"address", true, [&](yaml_node_t *m, const std::string &k) {
                    if (c.integer(m, k, 0, kDdrBytes - 4096, &v)) {
                        s->bitstream_store_addr = (uint32_t)v;
                        if (v % 4096) c.error(m, k, "must be a multiple of 4096 (the SimBs are 4 KiB aligned)");
                        else store_node = m;
                    }
                }},
            });
        }},
        F{"trace", false, [&](yaml_node_t *n, const std::string &p) {
            c.mapping(n, p, {
                F{"format", false, [&](yaml_node_t *m, const std::string &k) { c.choice(m, k, {"fst", "vcd", "none"}, &s->trace_format); }},
                F{"signals", false, [&](yaml_node_t *m, const std::string &k) {
                    c.sequence(m, k, false, [&](yaml_node_t *x, const std::string &kk) {
                        std::string sig;
                        if (c.string(x, kk, &sig)) s->trace_signals.push_back(sig);
                    });
                }},
            });
        }},
    });

    // Cross references (after every section was read).
    for (size_t i = 0; i < module_prr_refs.size(); i++)
        if (!prr_ids.count(module_prr_refs[i].second))
            c.error(module_prr_refs[i].first, module_prr_paths[i].second,
                    "PRR " + std::to_string(module_prr_refs[i].second) + " is not declared in prrs");
    for (auto &r : vm_image_refs) {
        std::string nm = Checker::text(r.first);
        if (!image_names.count(nm)) c.error(r.first, r.second, "no image named '" + nm + "'");
    }
    for (auto &r : vm_device_refs) {
        std::string nm = Checker::text(r.first);
        if (!module_names.count(nm)) c.error(r.first, r.second, "no module named '" + nm + "'");
    }
    // The bitstream store: the firmware's only source of partial
    // bitstreams, so required as soon as it is told about modules.
    if (!s->modules.empty() && s->has_boot_info && !s->has_bitstream_store)
        c.error(boot_info_node, "bitstream_store",
                "missing (required with modules and boot_info: dprsim writes the modules' SimB bitstreams there)");
    if (s->has_bitstream_store)
        for (auto &r : small_modules)
            c.error(r.first, r.second, "value " + Checker::text(r.first) +
                                           " too small for a SimB (header, trailer and one payload word: " +
                                           std::to_string(kScnMinSimbBytes) + " bytes)");
    if (store_node && errors->empty()) {
        // Every byte of the store must be free: in DDR, outside the VMs, the
        // images and the boot-information block.
        uint64_t lo = s->bitstream_store_addr, hi = lo + scenario_bitstream_store_bytes(*s);
        std::vector<Extent> used;
        for (const ScnVm &vm : s->vms)
            used.push_back(Extent{vm.mem_base, (uint64_t)vm.mem_base + vm.mem_size, "the memory of VM " + std::to_string(vm.id)});
        for (const ScnImage &im : s->images) {
            if (im.elf) {
                elf_load_extents(im.path, "image '" + im.name + "'", &used);
            } else {
                struct stat st{};
                if (stat(im.path.c_str(), &st) == 0)
                    used.push_back(Extent{im.address, im.address + (uint64_t)st.st_size, "image '" + im.name + "'"});
            }
        }
        if (s->has_boot_info) {
            std::vector<ScnPlaced> none(s->images.size(), ScnPlaced{0, 0});
            used.push_back(Extent{s->boot_info_addr, s->boot_info_addr + scenario_boot_info(*s, none).size(),
                                  "the boot-information block"});
        }
        char range[64];
        std::snprintf(range, sizeof range, "0x%08llx..0x%08llx", (unsigned long long)lo, (unsigned long long)hi);
        if (hi > kDdrBytes)
            c.error(store_node, "bitstream_store.address",
                    std::string("the store ") + range + " exceeds the 512 MiB of DDR");
        for (const Extent &x : used)
            if (x.lo < hi && lo < x.hi) {
                c.error(store_node, "bitstream_store.address",
                        std::string("the store ") + range + " overlaps " + x.what);
                break;
            }
    }
    yaml_document_delete(&doc);
    // Report in file order (cross-reference and missing-key errors are
    // found after the keys that follow them).
    auto line_of = [&path](const std::string &e) {
        return std::strtoul(e.c_str() + path.size() + 1, nullptr, 10);
    };
    std::stable_sort(errors->begin(), errors->end(),
                     [&](const std::string &a, const std::string &b) { return line_of(a) < line_of(b); });
    return errors->empty();
}

std::vector<uint8_t> scenario_boot_info(const Scenario &s, const std::vector<ScnPlaced> &placed)
{
    std::vector<uint32_t> w;
    auto put = [&w](const void *p, size_t n) {
        const uint32_t *q = static_cast<const uint32_t *>(p);
        w.insert(w.end(), q, q + n / 4);
    };
    dprsim_bi_header h{};
    h.magic = DPRSIM_BI_MAGIC;
    h.version = DPRSIM_BI_VERSION;
    const std::vector<ScnBitstream> bits = scenario_bitstreams(s);
    h.size = (uint32_t)(sizeof h + s.vms.size() * sizeof(dprsim_bi_vm) +
                        s.modules.size() * sizeof(dprsim_bi_module) +
                        s.prrs.size() * sizeof(dprsim_bi_prr) + bits.size() * sizeof(dprsim_bi_bitstream));
    h.bitstream_count = (uint32_t)bits.size();
    h.vm_count = (uint32_t)s.vms.size();
    h.module_count = (uint32_t)s.modules.size();
    h.prr_count = (uint32_t)s.prrs.size();
    h.cpu_hz = (uint32_t)s.cpu_hz;
    h.fclk0_hz = (uint32_t)s.fclk0_hz;
    h.pcap_rate = (uint32_t)s.pcap_rate;
    put(&h, sizeof h);
    for (const ScnVm &vm : s.vms) {
        dprsim_bi_vm e{};
        e.id = vm.id;
        e.priority = vm.priority;
        e.mem_base = vm.mem_base;
        e.mem_size = vm.mem_size;
        for (size_t i = 0; i < s.images.size(); i++)
            if (s.images[i].name == vm.image && i < placed.size()) {
                e.image_addr = placed[i].addr;
                e.image_size = placed[i].size;
            }
        for (const std::string &d : vm.devices)
            for (const ScnModule &m : s.modules)
                if (m.name == d && e.device_count < DPRSIM_BI_MAX_DEVICES) e.devices[e.device_count++] = m.id;
        put(&e, sizeof e);
    }
    for (const ScnModule &m : s.modules) {
        dprsim_bi_module e{};
        e.id = m.id;
        e.bitstream_bytes = (uint32_t)m.bitstream_bytes;
        for (unsigned p : m.prrs) e.prr_mask |= 1u << p;
        put(&e, sizeof e);
    }
    for (const ScnPrr &r : s.prrs) {
        dprsim_bi_prr e{};
        e.id = r.id;
        put(&e, sizeof e);
    }
    for (const ScnBitstream &b : bits) {
        dprsim_bi_bitstream e{};
        e.module_id = b.module;
        e.prr_id = b.prr;
        e.addr = b.addr;
        e.bytes = b.bytes;
        put(&e, sizeof e);
    }
    std::vector<uint8_t> out(w.size() * 4);
    for (size_t i = 0; i < w.size(); i++)   // little-endian, whatever the host
        for (unsigned b = 0; b < 4; b++) out[4 * i + b] = (uint8_t)(w[i] >> (8 * b));
    return out;
}

std::vector<ScnBitstream> scenario_bitstreams(const Scenario &s)
{
    std::vector<ScnBitstream> out;
    if (!s.has_bitstream_store) return out;
    uint64_t a = s.bitstream_store_addr;
    for (const ScnModule &m : s.modules) {
        std::vector<unsigned> prrs = m.prrs;
        std::sort(prrs.begin(), prrs.end());
        prrs.erase(std::unique(prrs.begin(), prrs.end()), prrs.end());
        for (unsigned p : prrs) {
            out.push_back(ScnBitstream{m.id, p, (uint32_t)a, (uint32_t)m.bitstream_bytes});
            a += (m.bitstream_bytes + 4095) / 4096 * 4096;
        }
    }
    return out;
}

uint64_t scenario_bitstream_store_bytes(const Scenario &s)
{
    uint64_t n = 0;
    for (const ScnBitstream &b : scenario_bitstreams(s)) n += ((uint64_t)b.bytes + 4095) / 4096 * 4096;
    return n;
}

std::vector<uint8_t> scenario_simb(const ScnBitstream &b)
{
    size_t words = b.bytes / 4;
    std::vector<uint32_t> w(words);
    uint32_t payload = words > PL_SIMB_OVERHEAD ? (uint32_t)(words - PL_SIMB_OVERHEAD) : 0;
    size_t n = pl_simb_build(w.data(), w.size(), b.prr, b.module, payload, PL_SIMB_OK);
    std::vector<uint8_t> out(n * 4);
    for (size_t i = 0; i < n; i++)   // little-endian, as the PCAP reads DDR
        for (unsigned k = 0; k < 4; k++) out[4 * i + k] = (uint8_t)(w[i] >> (8 * k));
    return out;
}

std::string scenario_default_build_dir()
{
    if (const char *v = std::getenv("DPRSIM_BUILD")) return v;
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) return "";
    exe[n] = 0;
    std::string bin = dir_of(exe);        // BUILD/bin
    std::string build = dir_of(bin);      // BUILD
    if (build.empty() || bin == build) return "";
    setenv("DPRSIM_BUILD", build.c_str(), 1);
    return build;
}

} // namespace plat
