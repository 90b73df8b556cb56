#!/usr/bin/env python3
"""Write tests/system/golden/ from qemu-system-arm runs of the system test
programs.

usage: tests/system/make_golden.py [--build DIR] [--only NAME...] [--check]

Builds the CMake target system_programs in DIR (default: build/), runs every
build of every program of tests/system/programs.list under

  qemu-system-arm -M xilinx-zynq-a9 -nographic -serial null -monitor none \
      -semihosting-config enable=on,target=native -kernel ELF

(each command is printed), checks that all builds (A32/T32, -O2/-O0) print
the same, and writes NAME.stdout, NAME.stderr and NAME.status:

  oracle qemu: QEMU's output as it is (it must have no mismatch: every value
      the program checks agrees with the ARM ARM);
  oracle arch: QEMU's output with every "name: value MISMATCH (expected E)"
      line replaced by "name: E", the summary line by "N checks, 0
      mismatches" and the status by 0, i.e. the output of a CPU that behaves
      as the ARM ARM says (the programs print every check line whatever
      happens, so the lines stay the same). The lines where QEMU differs
      from the architecture are printed.

With --check nothing is written: the script fails when the golden files
differ from what it would write.
"""
import argparse
import os
import re
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import run_system  # noqa: E402

VARIANTS = ["arm-O2", "thumb-O2", "thumb-O0"]
MISMATCH = re.compile(rb"^(.*?: )\S+ MISMATCH \(expected (\S+)\)$")
SUMMARY = re.compile(rb"^(\d+) checks, \d+ mismatches$")


def read_list():
    progs = []
    with open(os.path.join(HERE, "programs.list")) as f:
        for line in f:
            w = line.split()
            if w and not w[0].startswith("#"):
                progs.append((w[0], w[1]))
    return progs


def architecture_output(err):
    """QEMU's stderr with the checks' expected values put in; returns
    (text, list of the lines QEMU got wrong)."""
    out, wrong = [], []
    for line in err.split(b"\n"):
        m = MISMATCH.match(line)
        if m:
            wrong.append(line.decode(errors="replace"))
            line = m.group(1) + m.group(2)
        m = SUMMARY.match(line)
        if m:
            line = m.group(1) + b" checks, 0 mismatches"
        out.append(line)
    return b"\n".join(out), wrong


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--qemu", default="qemu-system-arm")
    a = ap.parse_args()
    build = os.path.abspath(a.build)
    if not os.path.exists(os.path.join(build, "CMakeCache.txt")):
        subprocess.run(["cmake", "-S", ROOT, "-B", build, "-G", "Ninja"], check=True)
    subprocess.run(["cmake", "--build", build, "--target", "system_programs", "-j2"],
                   check=True)
    golden = os.path.join(HERE, "golden")
    os.makedirs(golden, exist_ok=True)
    failed = 0
    for name, oracle in read_list():
        if a.only and name not in a.only:
            continue
        results = {}
        for v in VARIANTS:
            elf = os.path.join(build, "tests/system", f"sys_{name}-{v}.elf")
            cmd = run_system.qemu_cmd(a.qemu, elf)
            print("+", " ".join(shlex.quote(c) for c in cmd), flush=True)
            results[v] = run_system.run(cmd, run_system.QEMU_TIMEOUT)
        first = results[VARIANTS[0]]
        bad = [v for v in VARIANTS if results[v] != first]
        if bad or first[2] is None:
            print(f"make_golden: {name}: builds {', '.join(bad) or VARIANTS[0]} differ or "
                  "time out under QEMU; golden not written", file=sys.stderr)
            failed += 1
            continue
        out, err, status = first
        if oracle == "arch":
            err, wrong = architecture_output(err)
            status = 0
            print(f"{name}: QEMU differs from the architecture on {len(wrong)} line(s):")
            for w in wrong:
                print("   ", w)
        elif oracle != "qemu":
            print(f"make_golden: {name}: unknown oracle '{oracle}'", file=sys.stderr)
            failed += 1
            continue
        elif b"MISMATCH" in err or status != 0:
            print(f"make_golden: {name}: QEMU's run has mismatches (status {status}); "
                  "make the program's oracle 'arch' or fix it", file=sys.stderr)
            failed += 1
            continue
        files = {"stdout": out, "stderr": err, "status": f"{status}\n".encode()}
        if a.check:
            same = True
            for ext, data in files.items():
                try:
                    with open(os.path.join(golden, f"{name}.{ext}"), "rb") as f:
                        same = same and f.read() == data
                except OSError:
                    same = False
            print(f"{name}: {'matches' if same else 'DIFFERS FROM'} the golden files")
            failed += 0 if same else 1
            continue
        for ext, data in files.items():
            with open(os.path.join(golden, f"{name}.{ext}"), "wb") as f:
                f.write(data)
        print(f"{name} ({oracle}): status {status}, {len(err)} bytes stderr written")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
