#!/usr/bin/env python3
"""Run one test program on armiss and compare it with its golden output.

usage: run_program.py --armiss BIN --golden PREFIX --elf ELF [--tmp NAME]
                      [--max-insns N] -- [ARG...]

PREFIX.stdout, PREFIX.stderr and PREFIX.status hold what the program printed
and its exit status under qemu-system-arm (scripts/make-golden). "{tmp}" in an
argument is replaced by the --tmp name. Prints a diff on mismatch and one
verdict line: "PASS name" or "FAIL name: reason".
"""
import argparse
import difflib
import os
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--armiss", required=True)
    ap.add_argument("--golden", required=True)
    ap.add_argument("--elf", required=True)
    ap.add_argument("--tmp", default="armiss-test.tmp")
    ap.add_argument("--max-insns", default="2000000000")
    ap.add_argument("args", nargs="*")
    a = ap.parse_args()
    name = os.path.basename(a.elf)
    args = [x.replace("{tmp}", a.tmp) for x in a.args]
    cmd = [a.armiss, "--max-insns", a.max_insns, a.elf] + args
    print("running:", " ".join(cmd))
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=100)
    except subprocess.TimeoutExpired:
        print(f"FAIL {name}: timed out")
        return 1
    try:
        with open(a.golden + ".stdout", "rb") as f:
            g_out = f.read()
        with open(a.golden + ".stderr", "rb") as f:
            g_err = f.read()
        with open(a.golden + ".status") as f:
            g_status = int(f.read().strip())
    except OSError as e:
        print(f"FAIL {name}: golden file missing ({e}); run scripts/make-golden")
        return 1
    problems = []
    for what, got, want in (("stdout", p.stdout, g_out), ("stderr", p.stderr, g_err)):
        if got != want:
            problems.append(what)
            diff = difflib.unified_diff(
                want.decode(errors="replace").splitlines(True),
                got.decode(errors="replace").splitlines(True),
                f"golden {what}", f"armiss {what}")
            sys.stdout.writelines(diff)
            print()
    if p.returncode != g_status:
        problems.append(f"exit status {p.returncode}, expected {g_status}")
    if problems:
        print(f"FAIL {name}: " + ", ".join(problems))
        return 1
    print(f"PASS {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
