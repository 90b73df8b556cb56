#!/usr/bin/env python3
"""The PL evaluated once per cycle (no waveform) and twice per cycle (with
--trace fst) must give the same run: same UART output, same CPU and PL
statistics (sim/platform/plat_pl.cc step()).

usage: pl_eval_check.py DPRSIM PL_BUSY_ELF FRAMES WORKDIR
"""
import os
import struct
import subprocess
import sys

HOST_KEYS = {"wall_time_s", "mips"}   # host timing: differs run to run


def run(cmd):
    p = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=600)
    stats = {}
    for line in p.stderr.decode(errors="replace").splitlines():
        k, sep, v = line.partition(": ")
        if sep and k and " " not in k and k not in HOST_KEYS:
            stats[k] = v
    return p.returncode, p.stdout, stats


def main():
    dprsim, elf, frames, work = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    os.makedirs(work, exist_ok=True)
    param = os.path.join(work, "frames.bin")
    with open(param, "wb") as f:
        f.write(struct.pack("<I", frames))
    base = [dprsim, "boot", "--stats", "--load", f"{param}@0x00F00000"]
    once = run(base + [elf])
    twice = run(base + ["--trace", "fst", "--trace-file", os.path.join(work, "w.fst"), elf])
    errs = []
    if once[0] != 0 or twice[0] != 0:
        errs.append(f"exit status {once[0]} / {twice[0]} (expected 0)")
    if b"pl_busy: ok" not in once[1]:
        errs.append("pl_busy did not report ok")
    if once[1] != twice[1]:
        errs.append("UART output differs with and without the waveform")
    if not once[2].get("pl_cycles_clocked"):
        errs.append("no pl_cycles_clocked in --stats")
    for k in sorted(set(once[2]) | set(twice[2])):
        if once[2].get(k) != twice[2].get(k):
            errs.append(f"{k}: {once[2].get(k)} without the waveform, {twice[2].get(k)} with it")
    for e in errs:
        print("FAIL:", e)
    if not errs:
        print(f"ok: {len(once[2])} statistics and the UART output identical "
              f"({once[2]['pl_cycles_clocked']} PL cycles)")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
