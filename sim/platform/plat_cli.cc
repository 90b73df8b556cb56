// plat_cli.cc - command-line value parsing (see plat_cli.h).
#include "plat_cli.h"

#include <cinttypes>
#include <cstdio>
#include <string>

namespace plat {

bool parse_time_ps(const std::string &s, uint64_t *ps, std::string *err)
{
    size_t i = 0;
    unsigned __int128 whole = 0, frac = 0, frac_scale = 1;
    bool digits = false;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        whole = whole * 10 + (unsigned)(s[i++] - '0');
        if (whole > UINT64_MAX) { *err = "'" + s + "': too large"; return false; }
        digits = true;
    }
    if (i < s.size() && s[i] == '.') {
        i++;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
            if (frac_scale < (unsigned __int128)1000000000000000000ULL) {
                frac = frac * 10 + (unsigned)(s[i] - '0');
                frac_scale *= 10;
            } else if (s[i] != '0') {
                *err = "'" + s + "': too many decimals";
                return false;
            }
            i++;
            digits = true;
        }
    }
    if (!digits) { *err = "'" + s + "': expected a number with a unit (ps, ns, us, ms, s)"; return false; }
    std::string unit = s.substr(i);
    uint64_t mul;
    if (unit == "ps") mul = 1;
    else if (unit == "ns") mul = 1000ULL;
    else if (unit == "us") mul = 1000000ULL;
    else if (unit == "ms") mul = 1000000000ULL;
    else if (unit == "s") mul = 1000000000000ULL;
    else {
        *err = "'" + s + "': " + (unit.empty() ? "missing unit" : "unknown unit '" + unit + "'") +
               " (use ps, ns, us, ms or s)";
        return false;
    }
    unsigned __int128 v = whole * mul;
    unsigned __int128 f = frac * mul;
    if (f % frac_scale != 0) { *err = "'" + s + "': not a whole number of picoseconds"; return false; }
    v += f / frac_scale;
    if (v > UINT64_MAX) { *err = "'" + s + "': too large"; return false; }
    if (v == 0) { *err = "'" + s + "': must be greater than zero"; return false; }
    *ps = (uint64_t)v;
    return true;
}

bool parse_pl_quantum(const std::string &s, uint32_t *cycles, std::string *err)
{
    uint32_t v = 0;
    if (!parse_u32(s, &v) || v < 1 || v > kPlQuantumMax) {
        *err = "'" + s + "': expected a number of PL cycles, 1.." + std::to_string(kPlQuantumMax);
        return false;
    }
    *cycles = v;
    return true;
}

bool parse_u32(const std::string &s, uint32_t *v)
{
    if (s.empty()) return false;
    uint64_t r = 0;
    size_t i = 0;
    if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        for (i = 2; i < s.size(); i++) {
            char c = s[i];
            unsigned d;
            if (c >= '0' && c <= '9') d = (unsigned)(c - '0');
            else if (c >= 'a' && c <= 'f') d = (unsigned)(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') d = (unsigned)(c - 'A' + 10);
            else return false;
            r = r * 16 + d;
            if (r > UINT32_MAX) return false;
        }
    } else {
        if (s.size() > 1 && s[0] == '0') return false;
        for (char c : s) {
            if (c < '0' || c > '9') return false;
            r = r * 10 + (unsigned)(c - '0');
            if (r > UINT32_MAX) return false;
        }
    }
    *v = (uint32_t)r;
    return true;
}

bool parse_load(const std::string &s, std::string *file, uint32_t *addr, std::string *err)
{
    size_t at = s.rfind('@');
    if (at == std::string::npos || at == 0) {
        *err = "'" + s + "': expected FILE@ADDR";
        return false;
    }
    *file = s.substr(0, at);
    if (!parse_u32(s.substr(at + 1), addr)) {
        *err = "'" + s + "': bad address '" + s.substr(at + 1) + "' (decimal or 0x hex, 32 bits)";
        return false;
    }
    return true;
}

std::string format_time(uint64_t ps)
{
    char b[64];
    if (ps >= 1000000000000ULL) std::snprintf(b, sizeof b, "%.6f s", (double)ps / 1e12);
    else if (ps >= 1000000000ULL) std::snprintf(b, sizeof b, "%.6f ms", (double)ps / 1e9);
    else if (ps >= 1000000ULL) std::snprintf(b, sizeof b, "%.6f us", (double)ps / 1e6);
    else std::snprintf(b, sizeof b, "%" PRIu64 " ps", ps);
    return b;
}

} // namespace plat
