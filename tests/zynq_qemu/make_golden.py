#!/usr/bin/env python3
"""Write tests/zynq_qemu/golden/ps.out from QEMU.

usage: tests/zynq_qemu/make_golden.py [--build DIR] [--check]

Builds the probe (CMake target arm_zq_probe in DIR, default build/) and runs
it three times under

  qemu-system-arm -M xilinx-zynq-a9 -nographic -monitor none \\
      -serial null -serial stdio -semihosting -kernel zq_probe.elf

(stdin /dev/null). The first -serial is UART0, the second UART1 (the
probe's console); -monitor none keeps QEMU's monitor off stdio, which
-nographic would otherwise put there and which then refuses the second
stdio serial port. The three runs must give the same stdout and exit
status 0; that stdout becomes golden/ps.out. With --check nothing is
written: the script fails when QEMU's output differs from the file.

golden/board.out and golden/pl.out are not made here: they are written by
hand from the manuals and rtl/README.md (see README.md).
"""
import argparse
import os
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def qemu_cmd(elf):
    return ["qemu-system-arm", "-M", "xilinx-zynq-a9", "-nographic", "-monitor", "none",
            "-serial", "null", "-serial", "stdio", "-semihosting", "-kernel", elf]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()
    build = os.path.abspath(a.build)
    if not os.path.exists(os.path.join(build, "CMakeCache.txt")):
        subprocess.run(["cmake", "-S", ROOT, "-B", build, "-G", "Ninja"], check=True)
    subprocess.run(["cmake", "--build", build, "--target", "arm_zq_probe", "-j2"], check=True)
    elf = os.path.join(build, "tests/zynq_qemu/zq_probe.elf")
    cmd = qemu_cmd(elf)
    outs = []
    for _ in range(3):
        print("+", " ".join(shlex.quote(c) for c in cmd), flush=True)
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
        if p.returncode != 0:
            sys.stderr.write(p.stdout.decode(errors="replace") + p.stderr.decode(errors="replace"))
            print(f"make_golden: QEMU exit status {p.returncode} (a check of the probe failed)",
                  file=sys.stderr)
            return 1
        outs.append(p.stdout)
    if outs[1] != outs[0] or outs[2] != outs[0]:
        print("make_golden: three QEMU runs differ; golden not written", file=sys.stderr)
        return 1
    golden = os.path.join(HERE, "golden", "ps.out")
    if a.check:
        with open(golden, "rb") as f:
            same = f.read() == outs[0]
        print(f"golden/ps.out {'matches' if same else 'DIFFERS FROM'} QEMU's output")
        return 0 if same else 1
    with open(golden, "wb") as f:
        f.write(outs[0])
    print(f"golden/ps.out: {len(outs[0])} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
