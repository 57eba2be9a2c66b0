"""A command and its baseline run in turns, as ratios taken pair by pair.

On a shared host the load drifts within a minute; a baseline measured once
before a series of runs then flatters or blames whatever runs after it. Here
each run of the command follows a run of its baseline, the ratio is taken
per pair, and the median of those ratios is reported, for wall time and for
CPU time (user + system: the steadier figure when other processes compete
for the cores; the wall time also holds fsyncs and waiting).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import time


def run(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """(wall, CPU) seconds of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, **(env or {})})
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        raise RuntimeError(f"{cmd} exited with status {status}: {proc.stderr.read().decode()}")
    return wall, usage.ru_utime + usage.ru_stime


def paired(base: list[str], cmd: list[str], runs: int, prepare=None) -> dict:
    """``runs`` pairs (baseline, then ``prepare()`` untimed, then the command):
    median times, median per-pair ratios, and the 1-minute load average before."""
    pairs = []
    load = os.getloadavg()[0]
    for _ in range(runs):
        b = run(base)
        if prepare:
            prepare()
        pairs.append((b, run(cmd)))
    median = statistics.median
    return {"baseline_s": round(median(b[0] for b, _ in pairs), 3),
            "baseline_cpu_s": round(median(b[1] for b, _ in pairs), 3),
            "s": round(median(o[0] for _, o in pairs), 3), "cpu_s": round(median(o[1] for _, o in pairs), 3),
            "ratio": round(median(o[0] / b[0] for b, o in pairs), 2),
            "cpu_ratio": round(median(o[1] / b[1] for b, o in pairs), 2), "load_avg_1min": round(load, 1)}
