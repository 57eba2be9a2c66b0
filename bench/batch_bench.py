"""Commands over a long history: `stats --json`, export to Markdown and to
JSON, each run as a user runs it (its own process), paired with a process
that reads the whole review log with plain sqlite3 (bench/paired.py).

    python -m bench.batch_bench [--reviews 20000 200000 1000000] [--courses L] [--runs 5]

Target (issue 18.4): each ≤ 1 s, or ≤ 2x the plain read, whichever is
larger. The store was closed cleanly the same day, as on any start after the
first of a day: the whole-file health check does not run (docs/storage.md).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.gen_course import write_course  # noqa: E402
from bench.history import fill_history  # noqa: E402
from bench.paired import paired  # noqa: E402
from bench.run import SCRIPT, compile_package, run_process  # noqa: E402

READ_LOG = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "print(len(c.execute('SELECT * FROM review_log').fetchall()))")


def course_file(size: str, folder: Path) -> Path:
    if size == "S":
        from gonghui_tui.paths import bundled_course

        return bundled_course()
    return write_course(size, folder / f"{size}.toml")


def bench_batch(course_path: Path, home: Path, reviews: int, runs: int) -> dict:
    from gonghui_tui.domain.loader import load_course

    fill_history(load_course(course_path), home / "progress.sqlite3", reviews).close()
    common = [str(SCRIPT), "--course", str(course_path), "--data-dir", str(home)]
    run_process(common + ["due"], {})  # the course cache and today's backup, as after any first start
    base = [sys.executable, "-c", READ_LOG, str(home / "progress.sqlite3")]
    out = home / "out"
    actions = {
        "stats_json": common + ["stats", "--json"],
        "export_md": common + ["export", "--format", "md", "-o", str(out / "p.md"), "--force"],
        "export_json": common + ["export", "--format", "json", "-o", str(out / "p.json"), "--force"],
    }
    out.mkdir()
    results: dict = {"reviews": reviews}
    for name, cmd in actions.items():
        run_process(cmd, {})  # warm
        r = paired(base, cmd, runs)
        r["target_s"] = round(max(1.0, 2 * r["baseline_s"]), 3)
        r["met"] = r["s"] <= r["target_s"]
        results[name] = r
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reviews", type=int, nargs="+", default=[1_000_000])
    parser.add_argument("--courses", nargs="+", default=["L"])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    compile_package()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for size in args.courses:
            course = course_file(size, folder)
            for n in args.reviews:
                rows.append({"course": size, **bench_batch(course, folder / f"{size}-{n}", n, args.runs)})
    print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
