#!/usr/bin/env python3
"""Check the outputs `dprsim run` writes besides report.json: events.log and the waveform.

  trace_run_check.py --out DIR -- DPRSIM run SCENARIO.yaml [options]...

Runs the command twice, with `--out DIR/a` and `--out DIR/b` added. Checks:
exit status 0 or 3 (3: expectations not measured) both times; DIR/x/
events.log exists, is in time order and has the CPU's IRQ exceptions
(src=cpu exc=IRQ) and UART1 bytes; when --trace fst is on the command line,
DIR/x/wave.fst exists and its header's end time equals the report's
simulated_time_ps; the two runs give byte-identical events.log and
wave.fst.
"""
import json
import os
import re
import struct
import subprocess
import sys


def main():
    argv = sys.argv[1:]
    if "--" not in argv or "--out" not in argv:
        print(__doc__)
        return 2
    sep = argv.index("--")
    out = argv[argv.index("--out") + 1]
    cmd = argv[sep + 1:]
    want_fst = "fst" in cmd and "--trace" in cmd
    errs = []
    dirs = [os.path.join(out, x) for x in ("a", "b")]
    for d in dirs:
        os.makedirs(d, exist_ok=True)
        for f in ("events.log", "wave.fst", "report.json"):
            if os.path.exists(os.path.join(d, f)):
                os.remove(os.path.join(d, f))
        r = subprocess.run(cmd + ["--out", d], capture_output=True, timeout=300)
        if r.returncode not in (0, 3):
            errs.append(f"{d}: status {r.returncode}\n{r.stderr.decode(errors='replace')}")
    if errs:
        print("\n".join(errs))
        return 1
    d = dirs[0]
    ev = open(os.path.join(d, "events.log"), encoding="ascii").read().splitlines()
    times = [int(re.match(r"t=(\d+)ps src=\w+ ", l).group(1)) for l in ev]
    n_irq = sum(1 for l in ev if " src=cpu " in l and " exc=IRQ " in l)
    n_uart = sum(1 for l in ev if " src=uart1 tx=" in l)
    print(f"events.log: {len(ev)} lines, {n_irq} IRQ exceptions, {n_uart} UART1 bytes")
    if times != sorted(times):
        errs.append("events.log is not in time order")
    if not n_irq or not n_uart:
        errs.append("events.log: expected IRQ exceptions and UART1 bytes")
    names = ["events.log"]
    if want_fst:
        names.append("wave.fst")
        sim_ps = json.load(open(os.path.join(d, "report.json")))["run"]["simulated_time_ps"]
        with open(os.path.join(d, "wave.fst"), "rb") as f:
            h = f.read(25)
        start, end = struct.unpack(">QQ", h[9:25])
        print(f"wave.fst: {os.path.getsize(os.path.join(d, 'wave.fst'))} bytes, end {end} ps, "
              f"simulated {sim_ps} ps")
        if h[0] != 0 or end != sim_ps or start != 0:
            errs.append(f"wave.fst: start {start} end {end}, expected 0 and {sim_ps}")
    for n in names:
        if open(os.path.join(dirs[0], n), "rb").read() != open(os.path.join(dirs[1], n), "rb").read():
            errs.append(f"{n} differs between the two runs")
    if errs:
        print("\n".join(errs))
        return 1
    print("trace_run_check: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
