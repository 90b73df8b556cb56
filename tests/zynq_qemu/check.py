#!/usr/bin/env python3
"""Run the zynq_qemu probe on a simulator and compare its UART1 output.

  check.py --expect FILE [--expect FILE]... [--status N] [--twice]
           [--skip-unless-found PROG] -- CMD ARGS...

The expected stdout is the concatenation of the --expect files, in order
(tests/zynq_qemu/README.md: golden/ps.out, then board.out and pl.out for the
dprsim-only build). The command runs with stdin from /dev/null (QEMU's
-serial stdio would otherwise read the terminal) and a 50 s limit.
--twice runs it again and requires the same stdout and status
(determinism; used for dprsim only: QEMU runs on the host clock).
--skip-unless-found PROG: when PROG is not on PATH, print why and exit 77
(ctest SKIP_RETURN_CODE). Exit 0 = pass, 1 = fail.
"""
import argparse
import difflib
import shutil
import subprocess
import sys


def run(cmd):
    return subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=50)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--expect", action="append", required=True)
    ap.add_argument("--status", type=int, default=0)
    ap.add_argument("--twice", action="store_true")
    ap.add_argument("--skip-unless-found")
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    if a.skip_unless_found and shutil.which(a.skip_unless_found) is None:
        print(f"SKIP: {a.skip_unless_found} is not installed (scripts/setup installs it);"
              " the QEMU side of this comparison cannot run")
        return 77
    want = b"".join(open(f, "rb").read() for f in a.expect)
    p = run(cmd)
    errs = []
    if p.returncode != a.status:
        errs.append(f"exit status {p.returncode}, expected {a.status}")
    if p.stdout != want:
        diff = difflib.unified_diff(want.decode(errors="replace").splitlines(True),
                                    p.stdout.decode(errors="replace").splitlines(True),
                                    "expected (" + " + ".join(a.expect) + ")", "got")
        errs.append("stdout differs:\n" + "".join(diff))
    if a.twice and not errs:
        q = run(cmd)
        if q.stdout != p.stdout or q.returncode != p.returncode:
            errs.append("second run differs (stdout or status): not deterministic")
    print("+ " + " ".join(cmd))
    if errs:
        print("FAIL")
        for e in errs:
            print("  " + e)
        print("stderr was:\n" + p.stderr.decode(errors="replace"))
        return 1
    print("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
