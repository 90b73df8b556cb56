#!/usr/bin/env python3
"""Run a command and check its exit status and output (armiss error paths).

usage: check_run.py --status N [--stderr-re RE] [--stdout-re RE]
                    [--file PATH --file-re RE] -- CMD [ARG...]

Each option holds one or more regular expressions joined by " && "; each is
searched (Python re, MULTILINE) in the whole stream and must match. Prints one verdict line: "PASS ..." or "FAIL ...".
"""
import argparse
import os
import re
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--status", type=int, required=True)
    ap.add_argument("--stderr-re", default="^")
    ap.add_argument("--stdout-re", default="^")
    ap.add_argument("--file", help="a file the command writes (removed first)")
    ap.add_argument("--file-re", default="^")
    ap.add_argument("cmd", nargs="+")
    a = ap.parse_args()
    if a.file and os.path.exists(a.file):
        os.remove(a.file)
    print("running:", " ".join(a.cmd))
    p = subprocess.run(a.cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=50)
    out = p.stdout.decode(errors="replace")
    err = p.stderr.decode(errors="replace")
    problems = []
    if p.returncode != a.status:
        problems.append(f"exit status {p.returncode}, expected {a.status}")
    checks = [("stderr", err, a.stderr_re), ("stdout", out, a.stdout_re)]
    if a.file:
        try:
            with open(a.file, errors="replace") as f:
                checks.append((a.file, f.read(), a.file_re))
        except OSError as e:
            problems.append(f"{a.file}: {e}")
    for what, text, res in checks:
        for r in res.split(" && "):
            if not re.search(r, text, re.M):
                problems.append(f"{what} does not match /{r}/")
    if problems:
        print("--- stdout ---\n" + out[-4000:] + "--- stderr ---\n" + err[-4000:])
        print("FAIL " + "; ".join(problems))
        return 1
    print("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
