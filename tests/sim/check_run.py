#!/usr/bin/env python3
"""Run a command and check its exit status, stdout and stderr.

  check_run.py --status N [--stdout FILE] [--stdout-empty] [--stderr FILE]
               [--stderr-empty] [--stderr-has TEXT]... [--stderr-first-line TEXT]
               [--twice] [--stdin FILE] -- CMD ARGS...

--stdout FILE / --stderr FILE require the stream to equal the file's bytes.

--twice runs the command a second time and requires byte-identical stdout
(determinism). --stdin FILE gives the command FILE as its standard input
(otherwise it reads an empty one). Prints one verdict line; exit status 0 = pass, 1 = fail.
"""
import argparse
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--status", type=int, required=True)
    ap.add_argument("--stdout")
    ap.add_argument("--stdout-empty", action="store_true")
    ap.add_argument("--stderr")
    ap.add_argument("--stderr-empty", action="store_true")
    ap.add_argument("--stderr-has", action="append", default=[])
    ap.add_argument("--stderr-first-line")
    ap.add_argument("--twice", action="store_true")
    ap.add_argument("--stdin")
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    stdin_data = b""
    if a.stdin is not None:
        with open(a.stdin, "rb") as f:
            stdin_data = f.read()
    p = subprocess.run(cmd, capture_output=True, timeout=300, input=stdin_data)
    errs = []
    if p.returncode != a.status:
        errs.append(f"exit status {p.returncode}, expected {a.status}")
    if a.stdout is not None:
        with open(a.stdout, "rb") as f:
            want = f.read()
        if p.stdout != want:
            errs.append(f"stdout differs from {a.stdout}:\n--- got ---\n{p.stdout.decode(errors='replace')}"
                        f"--- expected ---\n{want.decode(errors='replace')}")
    if a.stdout_empty and p.stdout:
        errs.append(f"stdout not empty: {p.stdout!r}")
    err_text = p.stderr.decode(errors="replace")
    if a.stderr is not None:
        with open(a.stderr, "rb") as f:
            want = f.read()
        if p.stderr != want:
            errs.append(f"stderr differs from {a.stderr}:\n--- expected ---\n{want.decode(errors='replace')}"
                        "--- got: below ---")
    if a.stderr_empty and p.stderr:
        errs.append(f"stderr not empty: {p.stderr!r}")
    for t in a.stderr_has:
        if t not in err_text:
            errs.append(f"stderr lacks {t!r}")
    if a.stderr_first_line is not None:
        first = err_text.split("\n", 1)[0]
        if first != a.stderr_first_line:
            errs.append(f"stderr first line {first!r}, expected {a.stderr_first_line!r}")
    if a.twice:
        q = subprocess.run(cmd, capture_output=True, timeout=300, input=stdin_data)
        if q.stdout != p.stdout or q.returncode != p.returncode:
            errs.append("second run differs (stdout or status): not deterministic")
    if errs:
        print("FAIL: " + " ".join(cmd))
        for e in errs:
            print("  " + e)
        print("stderr was:\n" + err_text)
        return 1
    print("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
