"""Start-up of two installed builds, run in turns (issue 14.8: not slower than the round's start).

    python -m bench.startup_pairs OLD_VENV NEW_VENV [--course FILE] [--runs 20]

Each build starts from its own data folder (made and warmed first: course
cache, line-break answers, .pyc files) with GONGHUI_TUI_EXIT_WHEN_READY, so a
run is start-up to the first screen and out. Old and new alternate; the
median of the per-pair ratios is reported for wall and CPU time, with each
side's median peak RSS. On a shared host the wall ratio of a single pair
ranges from 0.6 to 1.6; 20 pairs or more settle the median. For a figure the
host cannot move, count instructions instead:

    valgrind --tool=callgrind --callgrind-out-file=/dev/null NEW_VENV/bin/python NEW_VENV/bin/gonghui-tui
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path


def one_run(venv: Path, home: Path, course: str | None) -> tuple[float, float, float]:
    """(wall s, CPU s, peak RSS MB) of one start to the first screen."""
    cmd = [str(venv / "bin" / "gonghui-tui"), *(["--course", course] if course else [])]
    env = {**os.environ, "GONGHUI_TUI_HOME": str(home), "GONGHUI_TUI_EXIT_WHEN_READY": "1"}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        raise RuntimeError(f"{cmd} exited with status {status}: {proc.stderr.read().decode()}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def compare(old: Path, new: Path, course: str | None, runs: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        homes = {side: Path(tmp) / side for side in ("old", "new")}
        for side, venv in (("old", old), ("new", new)):
            one_run(venv, homes[side], course)  # makes the store and the caches
            one_run(venv, homes[side], course)
        pairs = [(one_run(old, homes["old"], course), one_run(new, homes["new"], course)) for _ in range(runs)]
    median = statistics.median
    return {
        "runs": runs, "load_avg_1min": round(os.getloadavg()[0], 1),
        "old_wall_s": round(median(o[0] for o, _ in pairs), 3), "new_wall_s": round(median(n[0] for _, n in pairs), 3),
        "wall_ratio": round(median(n[0] / o[0] for o, n in pairs), 3),
        "cpu_ratio": round(median(n[1] / o[1] for o, n in pairs), 3),
        "old_peak_mb": round(median(o[2] for o, _ in pairs), 1), "new_peak_mb": round(median(n[2] for _, n in pairs), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("old", type=Path, help="venv with the baseline build installed")
    parser.add_argument("new", type=Path, help="venv with the build to compare")
    parser.add_argument("--course", help="course file (default: the bundled course)")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    print(json.dumps(compare(args.old, args.new, args.course, args.runs), indent=2))


if __name__ == "__main__":
    main()
