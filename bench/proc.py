"""Time a child process and read its true peak RSS.

A forked child starts with its parent's resident pages, and ru_maxrss counts them: once the
benchmark itself has grown (reading a 9,000-page PDF), every later child would seem to peak
at the benchmark's size. A small launcher process in between keeps that baseline at ~10 MB.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

LAUNCHER = """
import json, resource, subprocess, sys
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"rc": done.returncode, "rss_kib": peak, "err": done.stderr.decode()[-2000:]}))
"""


def run_measured(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of `cmd`; exits with its stderr if it fails."""
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
    return elapsed, int(result["rss_kib"])
