#!/usr/bin/env python3
"""Build SimB (simulation-only bitstream) files for the dprsim PL.

Usage:
  simb.py --prr N --module ID [--words W] [--corrupt KIND] -o FILE
  simb.py --describe FILE            # print the header and check the CRC

--module takes a number (0x14) or a name (QAM4, QAM16, QAM64, IFFT256 ..
IFFT8192). --words is the payload length in 32-bit words; by default the
module's bitstream size from the table below (the same defaults as
rtl/pl_params.vh; the real sizes are scenario parameters).

Layout (rtl/README.md, "SimB format"), little-endian 32-bit words:
  SYNC 0xAA995566 | MAGIC 0x53494D42 | VERSION 1 | PRR id | module id | N |
  N payload words | CRC | DESYNC 0x0000000D
payload[i] = 0x20000000 | (module << 20) | (i & 0xFFFFF)
CRC = CRC-32/IEEE (zlib.crc32: reflected 0xEDB88320, init/xorout 0xFFFFFFFF)
over the bytes of MAGIC .. last payload word.

--corrupt makes a deliberately broken file for tests:
  sync      first word 0xAA995567          -> cfg_port error BAD_SYNC (1)
  magic     magic + 1                       -> BAD_MAGIC (2)
  version   version 2                       -> BAD_VERSION (3)
  module    a module of the other kind      -> INCOMPATIBLE (5)
  overlong  4 extra words before DESYNC     -> OVERLONG (6)
  truncate  file cut after half the payload -> TRUNCATED (7) after the timeout
  crc       CRC word inverted               -> CRC (8)
"""
import argparse
import struct
import sys
import zlib

SYNC = 0xAA995566
MAGIC = 0x53494D42
VERSION = 1
DESYNC = 0x0000000D

MODULES = {
    "QAM4": 0x12, "QAM16": 0x14, "QAM64": 0x16,
    "IFFT256": 0x20, "IFFT512": 0x21, "IFFT1024": 0x22,
    "IFFT2048": 0x23, "IFFT4096": 0x24, "IFFT8192": 0x25,
}
# Default payload words per module kind: a QAM PRR of 360 configuration
# frames, an IFFT PRR of 3,600 frames, 101 words per 7-series frame (UG470).
DEFAULT_WORDS = {1: 360 * 101, 2: 3600 * 101}


def crc_of(words):
    return zlib.crc32(struct.pack("<%dI" % len(words), *words)) & 0xFFFFFFFF


def build(prr, module, nwords, corrupt=None):
    mod = module
    if corrupt == "module":
        mod = 0x20 if (module >> 4) == 1 else 0x12
    hdr = [MAGIC + (1 if corrupt == "magic" else 0),
           2 if corrupt == "version" else VERSION, prr, mod, nwords]
    payload = [0x20000000 | (mod << 20) | (i & 0xFFFFF) for i in range(nwords)]
    crc = crc_of(hdr + payload)
    if corrupt == "crc":
        crc ^= 0xFFFFFFFF
    words = [0xAA995567 if corrupt == "sync" else SYNC] + hdr + payload + [crc]
    if corrupt == "overlong":
        words += [0x20000000] * 4
    words.append(DESYNC)
    if corrupt == "truncate":
        words = words[:6 + nwords // 2]
    return words


def parse_module(text):
    t = text.upper()
    if t in MODULES:
        return MODULES[t]
    return int(text, 0)


def describe(path):
    data = open(path, "rb").read()
    if len(data) % 4:
        print("%s: length %d is not a multiple of 4" % (path, len(data)))
        return 1
    w = list(struct.unpack("<%dI" % (len(data) // 4), data))
    if len(w) < 8:
        print("%s: too short (%d words)" % (path, len(w)))
        return 1
    n = w[5]
    print("sync 0x%08X magic 0x%08X version %d prr %d module 0x%02X payload %d words"
          % (w[0], w[1], w[2], w[3], w[4], n))
    if len(w) < n + 8:
        print("truncated: %d words, expected %d" % (len(w), n + 8))
        return 1
    ok = crc_of(w[1:6 + n]) == w[6 + n] and w[7 + n] == DESYNC and len(w) == n + 8
    print("crc 0x%08X %s" % (w[6 + n], "ok" if ok else "BAD"))
    return 0 if ok else 1


def main():
    ap = argparse.ArgumentParser(description="Build dprsim SimB bitstreams.")
    ap.add_argument("--prr", type=lambda s: int(s, 0))
    ap.add_argument("--module", type=parse_module)
    ap.add_argument("--words", type=lambda s: int(s, 0))
    ap.add_argument("--corrupt", choices=["sync", "magic", "version", "crc", "truncate",
                                          "overlong", "module"])
    ap.add_argument("-o", "--output")
    ap.add_argument("--describe")
    a = ap.parse_args()
    if a.describe:
        return describe(a.describe)
    if a.prr is None or a.module is None or not a.output:
        ap.error("--prr, --module and -o are required")
    nwords = a.words if a.words is not None else DEFAULT_WORDS.get(a.module >> 4, 1024)
    words = build(a.prr, a.module, nwords, a.corrupt)
    with open(a.output, "wb") as f:
        f.write(struct.pack("<%dI" % len(words), *words))
    return 0


if __name__ == "__main__":
    sys.exit(main())
