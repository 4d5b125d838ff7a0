"""Time a child process and read its true peak RSS, for it and for each process it starts.

A forked child starts with its parent's resident pages, and ru_maxrss counts them: once the
benchmark itself has grown (reading a 9,000-page PDF), every later child would seem to peak
at the benchmark's size. A small launcher process in between keeps that baseline at ~10 MB.
ru_maxrss is the largest of all descendants; to say *which* process peaks (exampdf's main
process or one of its PDF workers), the launcher also samples /proc/PID/status VmHWM (the
kernel's own high-water mark) of the command and of every process below it every 10 ms.
A sample taken just before a process ends can miss its last 10 ms; VmHWM never falls.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass

LAUNCHER = r"""
import json, os, resource, subprocess, sys, time

def hwm(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0

def below(root):
    parents = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as f:
                    stat = f.read()
            except OSError:
                continue
            parents[int(name)] = int(stat[stat.rindex(")") + 2 :].split()[1])
    found, todo = [], [root]
    while todo:
        p = todo.pop()
        kids = [c for c, pp in parents.items() if pp == p]
        found += kids
        todo += kids
    return found

child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
peaks, order = {}, []
sampling = os.path.isdir("/proc")
while child.poll() is None:
    if sampling:
        for pid in [child.pid, *below(child.pid)]:
            kib = hwm(pid)
            if pid not in peaks:
                order.append(pid)
            peaks[pid] = max(peaks.get(pid, 0), kib)
    time.sleep(0.01)
err = child.stderr.read()
child.wait()
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"rc": child.returncode, "rss_kib": peak, "err": err.decode()[-2000:],
                  "procs": [peaks[p] for p in order if peaks[p]]}))
"""


@dataclass(frozen=True)
class Measured:
    wall: float  # seconds
    rss_kib: int  # ru_maxrss: the largest peak of any process the command ran
    procs: tuple[int, ...]  # VmHWM (KiB) per process as sampled: the command first, then
    # the processes below it in order of appearance (exampdf's PDF workers)

    @property
    def main_kib(self) -> int:
        return self.procs[0] if self.procs else self.rss_kib

    @property
    def workers_kib(self) -> tuple[int, ...]:
        return self.procs[1:]

    def per_process(self) -> str:
        """'main 290 MB, workers 168 / 536 MB' (as sampled)."""
        work = " / ".join(f"{k / 1024:.0f}" for k in self.workers_kib)
        return f"main {self.main_kib / 1024:.0f} MB" + (f", workers {work} MB" if work else "")


def run_sampled(cmd: list[str], env: dict[str, str] | None = None) -> Measured:
    """Run `cmd` through the launcher; exits with its stderr if it fails."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", LAUNCHER, *cmd],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **(env or {})},
    )
    elapsed = time.perf_counter() - start
    result = json.loads(done.stdout)
    if result["rc"] != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{result['err']}")
    return Measured(elapsed, int(result["rss_kib"]), tuple(result["procs"]))


def run_measured(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of `cmd`; exits with its stderr if it fails."""
    m = run_sampled(cmd, env)
    return m.wall, m.rss_kib


if __name__ == "__main__":  # python bench/proc.py CMD…: per-process peaks of one command
    m = run_sampled(sys.argv[1:])
    print(f"{m.wall:.2f} s, peak {m.rss_kib / 1024:.0f} MB; {m.per_process()}")
