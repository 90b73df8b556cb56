#!/usr/bin/env python3
"""Check the PL waveform and events.log of a dprsim run (plat_trace.h, plat_events.h).

  trace_check.py --out DIR [--gtkw FILE] [--expect-irq] [--no-identical-wave] -- DPRSIM_CMD...

DPRSIM_CMD is a `dprsim boot ... --stats` command line; the script adds
`--trace fst --trace-file DIR/runN.fst --events DIR/runN.events.log` and
runs it twice. Checks:
  * exit status 0 both times;
  * the FST is non-empty, its header's end time equals the run's
    simulated_time_ps (--stats) and its start time is 0;
  * its signals (listed with gtkwave's fst2vcd) include the PL's IRQ_F2P
    line irq_o and the clock;
  * with --expect-irq: events.log has IRQ_F2P line rises and falls of the PL
    and IRQ exceptions of the CPU, each IRQ_F2P event matches a change of
    irq_o in the waveform one half PL period before it (the rising edge of
    the cycle it changed in) with the same value, and the first CPU IRQ
    exception comes after the first IRQ_F2P rise;
  * events.log lines are in time order and the two runs give
    byte-identical events.log and (unless --no-identical-wave) FST files;
  * every CPU exception of events.log is in the FST's cpu scope
    (cpu.exc_count changes at its time, at most half a PL period later);
  * with --gtkw: every signal the save file names exists in the FST.
"""
import os
import re
import struct
import subprocess
import sys


def fst_header(path):
    with open(path, "rb") as f:
        h = f.read(25)
    if len(h) < 25 or h[0] != 0:   # FST_BL_HDR
        raise ValueError(f"{path}: not an FST file (header block missing)")
    start, end = struct.unpack(">QQ", h[9:25])
    return start, end


def vcd_of(path):
    r = subprocess.run(["fst2vcd", "-f", path], capture_output=True, timeout=300)
    if r.returncode != 0:
        raise RuntimeError(f"fst2vcd {path}: status {r.returncode}: {r.stderr.decode(errors='replace')}")
    return r.stdout.decode(errors="replace")


def parse_vcd(text, want):
    """Full names of all variables, and the changes [(t, value)] of the vars named in want."""
    names, ids_of, scope = [], {}, []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        l = lines[i].strip()
        i += 1
        if l.startswith("$scope"):
            scope.append(l.split()[2])
        elif l.startswith("$upscope"):
            scope.pop()
        elif l.startswith("$var"):
            p = l.split()
            full = ".".join(scope + [p[4]])
            names.append(full)
            if full in want:
                ids_of.setdefault(p[3], []).append(full)
        elif l.startswith("$enddefinitions"):
            break
    changes = {n: [] for n in want}
    t = 0
    for l in lines[i:]:
        if not l:
            continue
        c = l[0]
        if c == "#":
            t = int(l[1:])
        elif c in "01xzXZ":
            for n in ids_of.get(l[1:], ()):
                changes[n].append((t, int(c) if c in "01" else -1))
        elif c == "b":
            v, ident = l[1:].split()
            for n in ids_of.get(ident, ()):
                changes[n].append((t, int(v, 2) if set(v) <= set("01") else -1))
    return names, changes


def main():
    argv = sys.argv[1:]
    if "--" not in argv or "--out" not in argv:
        print(__doc__)
        return 2
    sep = argv.index("--")
    opts, cmd = argv[:sep], argv[sep + 1:]
    out = opts[opts.index("--out") + 1]
    gtkw = opts[opts.index("--gtkw") + 1] if "--gtkw" in opts else None
    expect_irq = "--expect-irq" in opts
    identical_wave = "--no-identical-wave" not in opts
    os.makedirs(out, exist_ok=True)
    errs = []
    runs = []
    for n in (1, 2):
        fst = os.path.join(out, f"run{n}.fst")
        ev = os.path.join(out, f"run{n}.events.log")
        for p in (fst, ev):
            if os.path.exists(p):
                os.remove(p)
        r = subprocess.run(cmd + ["--trace", "fst", "--trace-file", fst, "--events", ev],
                           capture_output=True, timeout=600)
        if r.returncode != 0:
            errs.append(f"run {n}: status {r.returncode}\nstderr:\n{r.stderr.decode(errors='replace')}")
        runs.append((fst, ev, r))
    if errs:
        print("\n".join(errs))
        return 1
    fst, ev, r = runs[0]
    stats = dict(l.split(": ", 1) for l in r.stderr.decode(errors="replace").splitlines() if ": " in l)
    sim_ps = int(stats.get("simulated_time_ps", "-1"))
    size = os.path.getsize(fst)
    start, end = fst_header(fst)
    print(f"fst: {size} bytes, start {start} ps, end {end} ps; simulated_time_ps {sim_ps}")
    if size == 0:
        errs.append("empty FST")
    if start != 0:
        errs.append(f"FST start time {start}, expected 0")
    if end != sim_ps:
        errs.append(f"FST end time {end} ps != simulated time {sim_ps} ps")

    text = vcd_of(fst)
    names, _ = parse_vcd(text, set())
    irq = [n for n in names if n.endswith(".irq_o")]
    clk = [n for n in names if n.endswith(".clk_i")]
    print(f"fst: {len(names)} signals; irq_o: {irq[:2]}; clk_i: {len(clk)}")
    if not irq:
        errs.append("no irq_o signal in the FST")
    if not clk:
        errs.append("no clk_i signal in the FST")

    lines = open(ev, encoding="ascii").read().splitlines()
    times = []
    for l in lines:
        m = re.match(r"t=(\d+)ps src=(\w+) ", l)
        if not m:
            errs.append(f"events.log: malformed line '{l}'")
            break
        times.append(int(m.group(1)))
    if times != sorted(times):
        errs.append("events.log is not in time order")
    pl_irq = [(int(re.match(r"t=(\d+)ps", l).group(1)), int(l.split("irq_f2p=")[1], 16))
              for l in lines if " src=pl " in l and "irq_f2p=" in l]
    cpu_irq = [int(re.match(r"t=(\d+)ps", l).group(1)) for l in lines if " src=cpu " in l and " exc=IRQ " in l]
    print(f"events.log: {len(lines)} lines, {len(pl_irq)} IRQ_F2P changes, {len(cpu_irq)} CPU IRQ exceptions")
    if expect_irq:
        prev, rises, falls = 0, 0, 0
        for _, v in pl_irq:
            rises += bin(v & ~prev).count("1")
            falls += bin(prev & ~v).count("1")
            prev = v
        if not rises or not falls:
            errs.append(f"events.log: expected IRQ_F2P rises and falls of the PL ({rises} rises, {falls} falls)")
        if not cpu_irq:
            errs.append("events.log: no IRQ exception of the CPU")
        elif pl_irq and cpu_irq[0] < min(t for t, v in pl_irq if v):
            errs.append("events.log: the first CPU IRQ exception comes before the first IRQ_F2P rise")
        # the waveform shows the same IRQ_F2P changes
        if irq:
            _, ch = parse_vcd(text, {irq[0]})
            wave = ch[irq[0]]
            half = 5000   # half a 100 MHz FCLK0 period, in ps
            for t, v in pl_irq:
                if (t - half, v) not in wave:
                    errs.append(f"events.log irq_f2p=0x{v:04x} at {t} ps: no such irq_o change at "
                                f"{t - half} ps in the FST (changes near: "
                                f"{[w for w in wave if abs(w[0] - t) < 100000][:4]})")
                    break

    # CPU exceptions in the waveform's cpu scope
    cpu_exc = [int(re.match(r"t=(\d+)ps", l).group(1)) for l in lines if " src=cpu " in l and " exc=" in l]
    if "cpu.exc_count" not in names:
        errs.append("no cpu.exc_count signal in the FST")
    else:
        _, ch = parse_vcd(text, {"cpu.exc_count"})
        wave = [(t, v) for t, v in ch["cpu.exc_count"] if v > 0]
        print(f"fst: cpu.exc_count: {len(wave)} changes; events.log: {len(cpu_exc)} exceptions")
        if [v for _, v in wave] != list(range(1, len(cpu_exc) + 1)):
            errs.append(f"cpu.exc_count in the FST {[v for _, v in wave][:8]} does not count the "
                        f"{len(cpu_exc)} exceptions of events.log")
        else:
            late = [(te, tw) for te, (tw, _) in zip(cpu_exc, wave) if not 0 <= tw - te < 5000]
            if late:
                errs.append(f"CPU exceptions at the wrong time in the FST (events.log, FST): {late[:4]}")

    ev2 = runs[1][1]
    if open(ev, "rb").read() != open(ev2, "rb").read():
        errs.append("events.log differs between the two runs")
    same_wave = open(fst, "rb").read() == open(runs[1][0], "rb").read()
    print(f"two runs: events.log identical: {open(ev, 'rb').read() == open(ev2, 'rb').read()}, "
          f"FST identical: {same_wave}")
    if identical_wave and not same_wave:
        errs.append("the FST differs between the two runs")

    if gtkw:
        want = []
        for l in open(gtkw, encoding="ascii"):
            l = l.strip()
            if not l or l[0] in "[*@-" or l.startswith("#"):
                continue
            want.append(re.sub(r"\[\d+:\d+\]$", "", l))
        have = set(names)
        missing = [w for w in want if w not in have]
        print(f"gtkw: {len(want)} signals, {len(missing)} missing")
        if not want:
            errs.append(f"{gtkw}: no signals")
        if missing:
            errs.append(f"{gtkw}: signals not in the FST: {missing}")

    if errs:
        print("\n".join(errs))
        return 1
    print("trace_check: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
