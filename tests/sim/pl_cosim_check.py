#!/usr/bin/env python3
"""Check the PL co-simulation run of tests/sim/fw/pl_cosim.c.

  pl_cosim_check.py --ref REF_CMD... -- DPRSIM_CMD...

Runs the host reference (pl_qam_ref: golden-model CRC line) and the dprsim
command twice; requires exit status 0 both times, byte-identical stdout
(determinism), the firmware's "pl_cosim: ok", and the reference line in the
firmware's output (the QAM output computed by the RTL equals the golden
model's) and, when the command has --stats, pl_pcap_refused > 0 (PCAP
back-pressure). Prints the firmware's figures and the PL statistics.
"""
import subprocess
import sys


def main():
    argv = sys.argv[1:]
    if "--ref" not in argv or "--" not in argv:
        print(__doc__)
        return 2
    sep = argv.index("--")
    ref_cmd = argv[argv.index("--ref") + 1:sep]
    cmd = argv[sep + 1:]
    ref = subprocess.run(ref_cmd, capture_output=True, check=True).stdout.decode().strip()
    runs = [subprocess.run(cmd, capture_output=True, timeout=600) for _ in range(2)]
    errs = []
    for i, r in enumerate(runs):
        if r.returncode != 0:
            errs.append(f"run {i + 1}: status {r.returncode}\nstderr:\n{r.stderr.decode(errors='replace')}")
    out = runs[0].stdout.decode(errors="replace")
    if runs[0].stdout != runs[1].stdout:
        errs.append("stdout of the two runs differs:\n" + out + "---\n" +
                    runs[1].stdout.decode(errors="replace"))
    if "pl_cosim: ok" not in out:
        errs.append("firmware did not print 'pl_cosim: ok'")
    if ref not in out.splitlines():
        errs.append(f"QAM output differs from the golden model: expected line '{ref}'")
    # PCAP back-pressure reached the DevCfg (the command runs with --stats).
    err = runs[0].stderr.decode(errors="replace")
    refused = [l for l in err.splitlines() if l.startswith("pl_pcap_refused: ")]
    if "--stats" in cmd and (not refused or int(refused[0].split()[1]) == 0):
        errs.append("no PCAP word was refused (expected back-pressure during a frame)")
    sys.stdout.write(out)
    sys.stdout.write("".join(l + "\n" for l in err.splitlines() if l.startswith(("pl_", "pcap_", "wall", "mips"))))
    if errs:
        sys.stdout.write("\n".join(errs) + "\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
