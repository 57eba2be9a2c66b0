"""All benchmarks in one run, each against a baseline measured in the same run,
reported as ratios. Medians of at least 5 runs.

    python bench/run.py            # everything (Anki part only if `anki` is installed)
    python bench/run.py --quick    # 3 runs each, 50,000 reviews

(a) process start to first screen, headless, vs a bare Textual app (Tree + one Markdown section)
(b) peak RSS of the same processes
(c) grade-to-next-card in domain + store with 200,000 reviews, vs Anki's backend (bench/anki_side.py)
(d) keypress to screen update in the drill, timed inside the app while Pilot presses keys,
    vs a cursor move in a bare Tree app (bench/keypress.py)
(e) export to Markdown and JSON with 200,000 reviews vs reading the review log with sqlite3
(f) `gonghui-tui stats --json` wall time vs a process that reads the review log with sqlite3

    python bench/run.py --scale [--quick]   # issue 18 only: ~20 minutes (--quick: ~3)

(scale) issue 18, each against its same-run baseline: imports vs `json.loads` of the
same file (bench/import_bench.py); stats and exports vs a plain sqlite3 read of the
log at 20,000 / 200,000 / 1,000,000 reviews and on S / M / L (bench/batch_bench.py);
every screen's first frame at L + 1,000,000 reviews vs a bare screen
(bench/screens_bench.py); drill key to frame, three runs (bench/keypress.py).
With --json the results can be drawn: python -m bench.plot_scale results.json
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.gen_course import write_course  # noqa: E402
from bench.history import START, fill_history  # noqa: E402

BARE_APP = ROOT / "bench" / "bare_app.py"
SCRIPT = Path(sys.executable).parent / "gonghui-tui"


def run_process(cmd: list[str], env: dict[str, str]) -> tuple[float, int]:
    """(wall seconds, peak RSS in MB) of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env={**os.environ, **env}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        raise RuntimeError(f"{cmd} exited with status {status}")
    return wall, usage.ru_maxrss // 1024


def median_runs(cmd, env, runs) -> tuple[float, int]:
    run_process(cmd, env)  # warm: .pyc files and the course cache
    results = [run_process(cmd, env) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def bench_startup(courses: dict[str, Path], home: Path, runs: int) -> list[dict]:
    rows = []
    for name, course in courses.items():
        bare = median_runs([sys.executable, str(BARE_APP), str(course)], {}, runs)
        ours = median_runs([str(SCRIPT), "--course", str(course)],
                           {"GONGHUI_TUI_EXIT_WHEN_READY": "1", "GONGHUI_TUI_HOME": str(home / name)}, runs)
        rows.append({"course": name, "bare_s": bare[0], "ours_s": ours[0], "time_ratio": ours[0] / bare[0],
                     "bare_rss_mb": bare[1], "ours_rss_mb": ours[1], "rss_ratio": ours[1] / bare[1]})
    return rows


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def bench_grading(course_path: Path, folder: Path, reviews: int, grades: int) -> dict:
    from gonghui_tui.domain.loader import load_course
    from gonghui_tui.domain.queue import Limits
    from gonghui_tui.domain.session import DrillSession

    course = load_course(course_path)
    store = fill_history(course, folder / "grading.sqlite3", reviews)
    clock = [START + timedelta(days=400)]
    session = DrillSession(course, store, lambda: clock[0], limits=Limits(100_000, 100_000))
    times = []
    session.next()
    for i in range(grades):
        start = time.perf_counter()
        session.grade(3 if i % 4 else 1)
        session.next()
        times.append((time.perf_counter() - start) * 1000)
    store.close()
    return {"p50_ms": statistics.median(times), "p99_ms": percentile(times, 99), "grades": grades,
            "reviews_stored": reviews}


def bench_keypress(runs: int) -> dict:
    from bench.keypress import measure

    return asyncio.run(measure(runs))


def bench_exports(course_path: Path, folder: Path, reviews: int, runs: int) -> dict:
    import sqlite3

    from gonghui_tui.exporting import render
    from gonghui_tui.i18n import translator
    from gonghui_tui.domain.loader import load_course
    from gonghui_tui.storage.settings import Settings

    course = load_course(course_path)
    store = fill_history(course, folder / "export.sqlite3", reviews)
    now = START + timedelta(days=400)

    def timed(fn) -> float:
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            fn()
            samples.append(time.perf_counter() - start)
        return statistics.median(samples)

    conn = sqlite3.connect(folder / "export.sqlite3")
    baseline = timed(lambda: conn.execute("SELECT * FROM review_log").fetchall())
    md = timed(lambda: render("md", course, store, now, Settings(), t=translator("zh")))
    js = timed(lambda: render("json", course, store, now, Settings()))
    store.close()
    return {"baseline_read_log_s": baseline, "md_s": md, "json_s": js, "md_ratio": md / baseline,
            "json_ratio": js / baseline}


def bench_stats_cli(course_path: Path, folder: Path, reviews: int, runs: int) -> dict:
    from gonghui_tui.domain.loader import load_course

    home = folder / "stats-home"
    home.mkdir()
    course = load_course(course_path)
    fill_history(course, home / "progress.sqlite3", reviews).close()
    reader = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
              "print(len(c.execute('SELECT * FROM review_log').fetchall()))")
    baseline = median_runs([sys.executable, "-c", reader, str(home / "progress.sqlite3")], {}, runs)
    ours = median_runs([str(SCRIPT), "--course", str(course_path), "--data-dir", str(home), "stats", "--json"],
                       {}, runs)
    return {"baseline_s": baseline[0], "stats_s": ours[0], "ratio": ours[0] / baseline[0]}


def bench_scale(folder: Path, quick: bool) -> dict:
    """Issue 18 in one run (see the module docstring)."""
    from bench.batch_bench import bench_batch, course_file
    from bench.import_bench import bench_import
    from bench.screens_bench import measure as screens

    runs = 2 if quick else 3
    sizes = [20_000, 50_000] if quick else [20_000, 200_000, 1_000_000]
    courses = {size: course_file(size, folder) for size in ("S", "M", "L")}
    out: dict = {"quick": quick, "sizes": sizes}
    (folder / "import").mkdir()
    out["import"] = bench_import(folder / "import", courses["L"], sizes[-2], sizes[-1], runs)
    out["batch_by_reviews"] = [bench_batch(courses["L"], folder / f"L-{n}", n, runs) for n in sizes]
    middle = sizes[-2]
    out["batch_by_course"] = [{"course": size, **(bench_batch(courses[size], folder / f"{size}-c", middle, runs)
                                                  if size != "L" else out["batch_by_reviews"][-2])}
                              for size in ("S", "M", "L")]
    now = START + timedelta(days=400)
    out["screens"] = {"reviews": sizes[-1],
                      **screens(courses["L"], folder / f"L-{sizes[-1]}" / "progress.sqlite3", 5 if quick else 10, now)}
    out["drill_keys"] = [{"load_avg_1min": round(os.getloadavg()[0], 1), **bench_keypress(25 if quick else 50)}
                         for _ in range(3)]
    return out


def compile_package() -> None:
    """Byte-compile the package, as `pip install` does: a checkout run with
    PYTHONDONTWRITEBYTECODE (set on this machine) would otherwise compile every
    module of ours on each start and measure the compiler."""
    import compileall

    import gonghui_tui

    compileall.compile_dir(Path(gonghui_tui.__file__).parent, quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--scale", action="store_true", help="issue 18's measurements only")
    args = parser.parse_args()
    if args.scale:
        compile_package()
        with tempfile.TemporaryDirectory() as tmp:
            results = {"python": sys.version.split()[0], "cpus": os.cpu_count(),
                       "scale": bench_scale(Path(tmp), args.quick)}
        print(json.dumps(results, indent=2, ensure_ascii=False))
        if args.json:
            Path(args.json).write_text(json.dumps(results, indent=2, ensure_ascii=False))
        return
    runs = 3 if args.quick else 5
    reviews = 50_000 if args.quick else 200_000
    compile_package()
    results: dict = {"python": sys.version.split()[0], "cpus": os.cpu_count(), "reviews": reviews}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        large = write_course("L", folder / "L.toml")
        from gonghui_tui.paths import bundled_course

        courses = {"S": bundled_course(), "L": large}
        results["startup"] = bench_startup(courses, folder / "homes", runs)
        results["grading"] = bench_grading(large, folder, reviews, 1000)
        try:
            from bench.anki_side import anki_grading

            results["anki_grading"] = anki_grading(folder, cards=20_000, reviews=reviews, grades=1000)
        except ImportError as exc:
            results["anki_grading"] = {"skipped": f"anki not installed ({exc})"}
        results["keypress"] = bench_keypress(50)  # cards: 100 keys in the drill, 100 in the bare app
        results["exports"] = bench_exports(large, folder, reviews, runs)
        results["stats_cli"] = bench_stats_cli(large, folder, reviews, runs)
    print(json.dumps(results, indent=2, ensure_ascii=False))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
