#!/usr/bin/env python3
"""Run one system test program on armiss (or on QEMU) and compare it with
its golden output.

usage: run_system.py (--armiss BIN | --qemu BIN) --golden PREFIX --elf ELF

PREFIX.stdout, PREFIX.stderr and PREFIX.status hold the reference output and
exit status (tests/system/README.md says where each comes from). Prints the
command, a diff on mismatch and one verdict line: "PASS name" or
"FAIL name: reason".
"""
import argparse
import difflib
import os
import subprocess
import sys

# A program that loops instead of exiting is stopped after this many
# instructions on armiss (status 105) and after this many seconds on QEMU.
MAX_INSNS = "50000000"
QEMU_TIMEOUT = 30


def armiss_cmd(armiss, elf):
    # The programs set VBAR to their own table: every exception is taken.
    return [armiss, "--exceptions", "vector", "--max-insns", MAX_INSNS, elf]


def qemu_cmd(qemu, elf):
    # -serial null and -monitor none keep QEMU's console off stdout; the
    # programs write with SYS_WRITE0, which QEMU sends to its stderr.
    return [qemu, "-M", "xilinx-zynq-a9", "-nographic", "-serial", "null",
            "-monitor", "none", "-semihosting-config", "enable=on,target=native",
            "-kernel", elf]


def run(cmd, timeout):
    """(stdout, stderr, status) of cmd; status None on a timeout."""
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True,
                           timeout=timeout)
    except subprocess.TimeoutExpired as e:
        return e.stdout or b"", e.stderr or b"", None
    return p.stdout, p.stderr, p.returncode


def read_golden(prefix):
    with open(prefix + ".stdout", "rb") as f:
        out = f.read()
    with open(prefix + ".stderr", "rb") as f:
        err = f.read()
    with open(prefix + ".status") as f:
        status = int(f.read().strip())
    return out, err, status


def compare(got, want, who):
    """List of problems (empty when equal); prints unified diffs."""
    problems = []
    for i, what in enumerate(("stdout", "stderr")):
        if got[i] != want[i]:
            problems.append(what)
            sys.stdout.writelines(difflib.unified_diff(
                want[i].decode(errors="replace").splitlines(True),
                got[i].decode(errors="replace").splitlines(True),
                f"golden {what}", f"{who} {what}"))
            print()
    if got[2] is None:
        problems.append("timed out")
    elif got[2] != want[2]:
        problems.append(f"exit status {got[2]}, expected {want[2]}")
    return problems


def main():
    ap = argparse.ArgumentParser()
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--armiss")
    g.add_argument("--qemu")
    ap.add_argument("--golden", required=True)
    ap.add_argument("--elf", required=True)
    a = ap.parse_args()
    name = os.path.basename(a.elf)
    if a.armiss:
        cmd, who, timeout = armiss_cmd(a.armiss, a.elf), "armiss", 50
    else:
        cmd, who, timeout = qemu_cmd(a.qemu, a.elf), "qemu", QEMU_TIMEOUT
    print("running:", " ".join(cmd))
    got = run(cmd, timeout)
    try:
        want = read_golden(a.golden)
    except OSError as e:
        print(f"FAIL {name}: golden file missing ({e}); see tests/system/README.md")
        return 1
    problems = compare(got, want, who)
    if problems:
        print(f"FAIL {name}: " + ", ".join(problems))
        return 1
    print(f"PASS {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
