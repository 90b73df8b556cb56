#!/usr/bin/env python3
"""Run a scenario twice with `dprsim run` and check its outputs.

  check_report.py --dprsim DPRSIM --scenario FILE.yaml --out DIR --status N
                  [--trace] [--stdout FILE] [--metric NAME]...

Runs `DPRSIM run FILE.yaml --out DIR-1` and `--out DIR-2` (with --trace:
`--trace fst` too) and checks, against docs/report-schema.md:
  * the exit status is N both times, equal to report.json run.status;
  * report.json: every field of the schema with its type; run figures real
    (instructions, cycles, simulated time > 0); each metric a number or
    {min, median, max, n} with min <= median <= max and n >= 1; each
    expectation consistent (status not_measured <=> value null, ok null;
    ok <=> |value - paper| <= tolerance; value = the metric's value, the
    median of a distribution); the exit status follows from them and
    run.program_ok (docs/report-schema.md "Exit status");
  * --metric NAME: that metric was measured;
  * report.md has the "Metric | paper | measured | ratio | tolerance | ok"
    table with a row per expectation;
  * every file of "outputs" exists; with --trace the waveform and its .gtkw
    save file (with a [dumpfile] line naming the waveform) are there;
  * determinism: both runs give byte-identical report.json, report.md,
    events.log, gantt.svg (when written) and waveform, and the same stdout
    (with --stdout: equal to FILE).
One verdict line; exit 0 = pass.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys

RUN_FIELDS = {
    "end": str, "program_exit_status": (int, type(None)), "program_ok": bool, "status": int,
    "simulated_time_ps": int, "wfi_sleep_ps": int, "instructions": int, "cycles": int,
    "mmio_accesses": int, "bus_errors": int, "cpu_hz": int, "fclk0_hz": int,
    "pcap_rate_bytes_per_s": int, "cpu_caches": bool, "pl": str, "events": int,
}
ENDS = {"semihosting_exit", "max_time", "wfi_deadlock", "cpu_halt", "unsupported_semihosting",
        "watchdog_reset"}


def number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def run(a, out):
    shutil.rmtree(out, ignore_errors=True)
    cmd = [a.dprsim, "run", a.scenario, "--out", out] + (["--trace", "fst"] if a.trace else [])
    p = subprocess.run(cmd, capture_output=True, timeout=600)
    files = {}
    for name in ("report.json", "report.md", "events.log", "gantt.svg", "wave.fst"):
        path = os.path.join(out, name)
        if os.path.exists(path):
            with open(path, "rb") as f:
                files[name] = f.read()
    return p, files


def check_report(a, rep, md, out, status, errs):
    for k in ("schema", "scenario", "run", "bitstreams", "metrics", "expectations", "outputs"):
        if k not in rep:
            errs.append(f"report.json lacks '{k}'")
            return
    if rep["schema"] != "dprsim-report/2":
        errs.append(f"schema {rep['schema']!r}")
    r = rep["run"]
    for k, t in RUN_FIELDS.items():
        if k not in r or not isinstance(r[k], t) or (t is int and isinstance(r[k], bool)):
            errs.append(f"run.{k} missing or of the wrong type: {r.get(k)!r}")
    optional = {"pl_sync"} if r.get("pl") == "attached (built-in pl_top)" else set()
    if set(r) - set(RUN_FIELDS) - optional:
        errs.append(f"run has undocumented fields {sorted(set(r) - set(RUN_FIELDS) - optional)}")
    if optional:
        ps = r.get("pl_sync")
        keys = {"quantum_cycles": int, "exact": bool, "irq_delay_bound_ps": int,
                "memory_skew_bound_ps": int, "irq_delay_max_ps": int}
        if not isinstance(ps, dict) or set(ps) != set(keys) or \
                any(not isinstance(ps[k], t) for k, t in keys.items()):
            errs.append(f"run.pl_sync is not as documented: {ps!r}")
        elif ps["exact"] != (ps["quantum_cycles"] == 1) or \
                (ps["exact"] and ps["irq_delay_bound_ps"] != 0):
            errs.append(f"run.pl_sync is inconsistent: {ps!r}")
    if errs:
        return
    if r["end"] not in ENDS:
        errs.append(f"run.end {r['end']!r} is not a documented value")
    if r["status"] != status:
        errs.append(f"run.status {r['status']} but dprsim exited with {status}")
    if r["instructions"] <= 0 or r["cycles"] <= 0 or r["simulated_time_ps"] <= 0:
        errs.append("run figures missing")
    for b in rep["bitstreams"]:
        if set(b) != {"module", "prr", "addr", "bytes"} or b["addr"] % 4096 or b["bytes"] % 4:
            errs.append(f"bad bitstream entry {b}")
    metrics = rep["metrics"]
    value_of = {}
    for name, v in metrics.items():
        if number(v):
            value_of[name] = v
        elif isinstance(v, dict) and set(v) == {"min", "median", "max", "n"} and all(number(x) for x in v.values()):
            if not (v["min"] <= v["median"] <= v["max"] and v["n"] >= 1 and isinstance(v["n"], int)):
                errs.append(f"metric {name}: inconsistent summary {v}")
            value_of[name] = v["median"]
        else:
            errs.append(f"metric {name}: neither a number nor {{min, median, max, n}}: {v!r}")
    for m in a.metric:
        if m not in metrics:
            errs.append(f"metric {m} not measured")
    failed = missing = False
    for e in rep["expectations"]:
        if set(e) != {"metric", "value", "paper", "tolerance", "unit", "ok", "status"}:
            errs.append(f"expectation fields {sorted(e)}")
            continue
        if e["status"] == "not_measured":
            missing = True
            if e["value"] is not None or e["ok"] is not None or e["metric"] in metrics:
                errs.append(f"expectation {e['metric']}: not_measured but {e}")
        elif e["status"] in ("ok", "failed"):
            failed |= e["status"] == "failed"
            ok = abs(e["value"] - e["paper"]) <= e["tolerance"]
            if e["ok"] != ok or (e["status"] == "ok") != ok:
                errs.append(f"expectation {e['metric']}: ok/status do not follow from value/paper/tolerance: {e}")
            if value_of.get(e["metric"]) != e["value"]:
                errs.append(f"expectation {e['metric']}: value {e['value']} is not the metric's {value_of.get(e['metric'])}")
        else:
            errs.append(f"expectation {e['metric']}: status {e['status']!r}")
        if f"| {e['metric']} | " not in md:
            errs.append(f"report.md lacks the row of {e['metric']}")
    want = 1 if (not r["program_ok"] or failed) else 3 if missing else 0
    if status != want:
        errs.append(f"exit status {status}, but the report says {want}")
    if rep["expectations"] and "| Metric | paper | measured | ratio | tolerance | ok |" not in md:
        errs.append("report.md has no measured-beside-paper table")
    for f in rep["outputs"]:
        if not os.path.exists(f if os.path.isabs(f) else os.path.join(out, f)):
            errs.append(f"output {f} listed but missing")
    if "events.log" not in rep["outputs"] or "report.md" not in rep["outputs"]:
        errs.append("outputs lack events.log or report.md")
    if a.trace:
        if "wave.fst" not in rep["outputs"] or "wave.gtkw" not in rep["outputs"]:
            errs.append(f"--trace fst: outputs {rep['outputs']} lack wave.fst / wave.gtkw")
        else:
            with open(os.path.join(out, "wave.gtkw")) as f:
                first = f.readline()
            if not first.startswith("[dumpfile] \"") or not first.rstrip().endswith("wave.fst\""):
                errs.append(f"wave.gtkw does not name the waveform: {first!r}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dprsim", required=True)
    ap.add_argument("--scenario", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--status", type=int, required=True)
    ap.add_argument("--trace", action="store_true")
    ap.add_argument("--stdout")
    ap.add_argument("--metric", action="append", default=[])
    a = ap.parse_args()
    errs = []
    p1, f1 = run(a, a.out + "-1")
    p2, f2 = run(a, a.out + "-2")
    if p1.returncode != a.status:
        errs.append(f"status {p1.returncode}, expected {a.status}")
    if "report.json" not in f1 or "report.md" not in f1 or "events.log" not in f1:
        errs.append(f"outputs missing: {sorted(f1)}")
    else:
        check_report(a, json.loads(f1["report.json"]), f1["report.md"].decode(), a.out + "-1", p1.returncode, errs)
    if a.stdout is not None:
        with open(a.stdout, "rb") as f:
            if p1.stdout != f.read():
                errs.append(f"stdout differs from {a.stdout}:\n{p1.stdout.decode(errors='replace')}")
    if p1.returncode != p2.returncode or p1.stdout != p2.stdout:
        errs.append("two runs differ in status or stdout")
    if sorted(f1) != sorted(f2):
        errs.append(f"two runs wrote different files: {sorted(f1)} / {sorted(f2)}")
    for name in sorted(set(f1) & set(f2)):
        if f1[name] != f2[name]:
            errs.append(f"two runs give different {name}: not deterministic")
    if a.trace and "wave.fst" not in f1:
        errs.append("--trace fst: no wave.fst")
    if errs:
        print("FAIL: " + "; ".join(errs))
        print(p1.stderr.decode(errors="replace"))
        return 1
    print(f"PASS ({', '.join(sorted(f1))} byte-identical over two runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
