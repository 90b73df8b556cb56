#!/usr/bin/env python3
"""Run a dprsim command and check the hypervisor's console output.

  check_hv.py --status N [--has TEXT]... [--lacks TEXT]... [--order A B]...
              [--count TEXT N]... [--alternate A B] -- CMD ARGS...

--has: stdout contains TEXT. --lacks: it does not. --order A B: the first
occurrence of A comes before the first occurrence of B (and both occur).
--count TEXT N: TEXT occurs exactly N times. --before-last A B: the first A
comes before the last B. Prints one verdict line; exit 0 = pass, 1 = fail.
"""
import argparse
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--status", type=int, required=True)
    ap.add_argument("--has", action="append", default=[])
    ap.add_argument("--lacks", action="append", default=[])
    ap.add_argument("--order", nargs=2, action="append", default=[])
    ap.add_argument("--before-last", nargs=2, action="append", default=[])
    ap.add_argument("--count", nargs=2, action="append", default=[])
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    p = subprocess.run(cmd, capture_output=True, timeout=120)
    out = p.stdout.decode(errors="replace")
    errs = []
    if p.returncode != a.status:
        errs.append(f"exit status {p.returncode}, expected {a.status}")
    for t in a.has:
        if t not in out:
            errs.append(f"output lacks {t!r}")
    for t in a.lacks:
        if t in out:
            errs.append(f"output has {t!r}")
    for x, y in a.order:
        i, j = out.find(x), out.find(y)
        if i < 0 or j < 0 or i >= j:
            errs.append(f"{x!r} (at {i}) not before {y!r} (at {j})")
    for x, y in a.before_last:
        i, j = out.find(x), out.rfind(y)
        if i < 0 or j < 0 or i >= j:
            errs.append(f"{x!r} (at {i}) not before the last {y!r} (at {j})")
    for t, n in a.count:
        c = out.count(t)
        if c != int(n):
            errs.append(f"{t!r} occurs {c} times, expected {n}")
    name = " ".join(cmd[-3:])
    if errs:
        print(f"FAIL {name}")
        for e in errs:
            print("  " + e)
        print("--- stdout ---\n" + out + "--- stderr ---\n" + p.stderr.decode(errors="replace"))
        return 1
    print(f"PASS {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
