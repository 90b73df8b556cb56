#!/usr/bin/env python3
"""Run a scenario twice with `dprsim run` and check report.json: the run's
basic figures are present and real (instructions > 0, the program's exit
status), unmeasured expectations are marked so, report.md has a row per
expectation, and both runs' reports are byte-identical (determinism). One verdict line; exit 0 = pass."""
import argparse
import json
import os
import subprocess
import sys


def run(a, out):
    p = subprocess.run([a.dprsim, "run", a.scenario, "--out", out], capture_output=True, timeout=300)
    with open(os.path.join(out, "report.json"), "rb") as f:
        rj = f.read()
    with open(os.path.join(out, "report.md"), "rb") as f:
        return p, rj, f.read()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dprsim", required=True)
    ap.add_argument("--scenario", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    errs = []
    p1, r1, m1 = run(a, a.out + "-1")
    p2, r2, m2 = run(a, a.out + "-2")
    rep = json.loads(r1)
    # status 3: the program exited 0 but the scenario's metrics need the PL.
    if p1.returncode != 3:
        errs.append(f"status {p1.returncode}, expected 3")
    run_ = rep["run"]
    if run_["end"] != "semihosting_exit" or run_["program_exit_status"] != 0:
        errs.append(f"run ended {run_['end']} / {run_['program_exit_status']}")
    if run_["instructions"] <= 0 or run_["cycles"] <= 0 or run_["simulated_time_ps"] <= 0:
        errs.append("run figures missing")
    if not rep["expectations"] or any(e["status"] != "not_measured" or e["value"] is not None
                                      for e in rep["expectations"]):
        errs.append("expectations must be listed as not_measured")
    if b"the PL is the built-in pl_top" not in p1.stderr:
        errs.append("no note that the scenario's PRRs/modules do not reshape the RTL")
    if not run_["pl"].startswith(("attached", "not attached")):
        errs.append("report.json run.pl missing")
    md = m1.decode()
    for e in rep["expectations"]:
        if f"| {e['metric']} | " not in md:
            errs.append(f"report.md lacks the row of {e['metric']}")
    if "| metric | paper | measured |" not in md:
        errs.append("report.md has no measured-beside-paper table")
    if r1 != r2 or m1 != m2 or p1.stdout != p2.stdout:
        errs.append("two runs differ")
    if errs:
        print("FAIL: " + "; ".join(errs))
        print(p1.stderr.decode(errors="replace"))
        return 1
    print("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
