/*
 * plat_cli.h - parsing of dprsim command-line values (plain C++, tested by
 * tests/sim/plat_cli_test.cc).
 */
#ifndef PLAT_CLI_H
#define PLAT_CLI_H

#include <cstdint>
#include <string>

namespace plat {

/**
 * Parse a duration with a unit: a non-negative decimal number (integer or
 * with a fraction) immediately followed by ps, ns, us, ms or s, e.g. "10ms",
 * "2s", "1.5us". The result must be a whole number of picoseconds, > 0 and
 * below 2^64. Returns false and sets `err` otherwise.
 */
bool parse_time_ps(const std::string &text, uint64_t *ps, std::string *err);

/**
 * Parse an unsigned 32-bit number: decimal, or hexadecimal with 0x. Leading
 * zeros in decimal are refused (ambiguous with octal).
 */
bool parse_u32(const std::string &text, uint32_t *v);

/** Parse "FILE@ADDR" (the last '@' separates). */
bool parse_load(const std::string &text, std::string *file, uint32_t *addr, std::string *err);

/**
 * Parse the PL synchronisation quantum of --pl-quantum / sync.pl_quantum_cycles:
 * an integer 1..65536 (PL cycles the running CPU may be ahead of the PL).
 */
bool parse_pl_quantum(const std::string &text, uint32_t *cycles, std::string *err);

/** Largest PL quantum (PL cycles). */
constexpr uint32_t kPlQuantumMax = 65536;

/** Format ps as a short human-readable duration ("10 ms", "1.234567 s"). */
std::string format_time(uint64_t ps);

} // namespace plat
#endif
