#!/usr/bin/env python3
"""Run a tests/vdm bare-metal program under dprsim and check it.

  check_vdm.py --name NAME [--twice] [--expect-line TEXT]... -- DPRSIM_CMD...

Passes when the command exits with status 0, its stdout has the line
"NAME: ok" and every --expect-line text as a line prefix, and, with
--twice, a second run prints byte-identical stdout (determinism). Prints
the program's output (its figures) either way.
"""
import argparse
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--name", required=True)
    ap.add_argument("--twice", action="store_true")
    ap.add_argument("--expect-line", action="append", default=[])
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    runs = [subprocess.run(cmd, capture_output=True, timeout=900) for _ in range(2 if a.twice else 1)]
    out = runs[0].stdout.decode(errors="replace")
    sys.stdout.write(out)
    errs = []
    for i, r in enumerate(runs):
        if r.returncode != 0:
            errs.append(f"run {i + 1}: exit status {r.returncode}\n" + r.stderr.decode(errors="replace"))
    lines = out.splitlines()
    if f"{a.name}: ok" not in lines:
        errs.append(f"no '{a.name}: ok' line")
    for t in a.expect_line:
        if not any(l.startswith(t) for l in lines):
            errs.append(f"no line starting with '{t}'")
    if a.twice and runs[0].stdout != runs[1].stdout:
        errs.append("stdout of the two runs differs:\n" + runs[1].stdout.decode(errors="replace"))
    if errs:
        sys.stdout.write("\n".join(errs) + "\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
