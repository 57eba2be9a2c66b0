"""How fast the cohort report reads many exports, engine by engine.

    python bench/gen_exports.py /tmp/exports 5000           # once: 5,000 × 1,000 reviews
    python bench/cohort_bench.py /tmp/exports [ENGINE...]   # msgspec msgspec-2 stdlib-sqlite duckdb cli

Each engine runs in its own process; wall time, CPU time and peak RSS are
that process's (and its workers'). The engines compute the per-trainee figures the report needs
(reviews, reviews per UTC hour, 30-day retention counts, card rows):
- read-bytes: the baseline, run first and last: only reads every file's bytes;
- msgspec (and msgspec-2, two worker processes): the product path (domain/cohort_read.py + domain/cohort.py):
  typed decoding with validation, reduced per file;
- stdlib-sqlite: json.loads, rows into an in-memory SQLite, SQL GROUP BY;
- duckdb: read_json over the folder in one query (optional: pip install duckdb);
- cli: the installed command writing the HTML report, start-up included.
Results are written up in docs/performance.md.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

NOW = "2026-03-02T01:30:00+00:00"
CUTOFF = "2026-01-31T01:30:00.000Z"


def engine_read_bytes(folder: Path) -> int:
    """The baseline: only read the bytes of every file, one at a time, in one process."""
    return sum(len(path.read_bytes()) for path in sorted(folder.glob("*.json")))


def engine_msgspec(folder: Path, workers: int = 1) -> int:
    from datetime import datetime

    from gonghui_tui.domain.cohort import build_cohort
    from gonghui_tui.domain.cohort_read import read_cohort
    from gonghui_tui.domain.cohort_sources import gather
    from gonghui_tui.domain.loader import load_course
    from gonghui_tui.paths import bundled_course

    course = load_course(bundled_course())
    now = datetime.fromisoformat(NOW)
    cohort = build_cohort(course, read_cohort(gather([str(folder)]), course, now, workers=workers), now)
    return len(cohort.roster)


def engine_stdlib_sqlite(folder: Path) -> int:
    import sqlite3

    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE review (trainee INTEGER, card TEXT, rating INTEGER, reviewed TEXT, state_before INTEGER)")
    db.execute("CREATE TABLE card (trainee INTEGER, id TEXT, state INTEGER, stability REAL, reps INTEGER, "
               "lapses INTEGER, due TEXT, last_review TEXT)")
    names = []
    for i, path in enumerate(sorted(folder.glob("*.json"))):
        data = json.loads(path.read_bytes())
        names.append((data.get("trainee") or {}).get("name", ""))
        db.executemany("INSERT INTO review VALUES (?, ?, ?, ?, ?)",
                       ((i, r["card"], r["rating"], r["reviewed"], r.get("state_before")) for r in data["reviews"]))
        db.executemany("INSERT INTO card VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       ((i, c["id"], c["state"], c.get("stability"), c["reps"], c["lapses"], c.get("due"),
                         c.get("last_review")) for c in data["cards"]))
    db.execute("SELECT trainee, substr(reviewed, 1, 13), COUNT(*) FROM review GROUP BY 1, 2").fetchall()
    db.execute("SELECT trainee, COUNT(*), SUM(rating != 1) FROM review WHERE state_before = 2 AND reviewed >= ? "
               "GROUP BY 1", (CUTOFF,)).fetchall()
    db.execute("SELECT id, AVG(stability), SUM(lapses) FROM card GROUP BY 1").fetchall()
    return len(names)


def engine_duckdb(folder: Path) -> int:
    import duckdb

    con = duckdb.connect()
    con.execute(f"CREATE TABLE t AS SELECT row_number() OVER () AS trainee, * FROM read_json("
                f"'{folder}/*.json', format='auto', maximum_object_size=268435456)")
    con.execute("SELECT trainee, date_trunc('hour', r.reviewed::TIMESTAMP), COUNT(*) FROM "
                "(SELECT trainee, unnest(reviews) AS r FROM t) GROUP BY 1, 2").fetchall()
    con.execute("SELECT trainee, COUNT(*), SUM((r.rating != 1)::INT) FROM (SELECT trainee, unnest(reviews) AS r "
                f"FROM t) WHERE r.state_before = 2 AND r.reviewed::TIMESTAMP >= '{CUTOFF[:19]}'::TIMESTAMP GROUP BY 1").fetchall()
    return con.execute("SELECT COUNT(*) FROM t").fetchone()[0]


def engine_cli(folder: Path) -> int:
    out = Path("/tmp/cohort-bench-report.html")
    command = shutil.which("gonghui-tui") or str(Path(sys.executable).with_name("gonghui-tui"))
    subprocess.run([command, "cohort", str(folder), "--format", "html", "-o", str(out), "--force"],
                   check=True, stderr=subprocess.DEVNULL)
    return out.stat().st_size


ENGINES = {"read-bytes": engine_read_bytes, "msgspec": engine_msgspec,
           "msgspec-2": lambda folder: engine_msgspec(folder, 2), "stdlib-sqlite": engine_stdlib_sqlite,
           "duckdb": engine_duckdb, "cli": engine_cli}
BASELINE = "read-bytes"


def measure(folder: Path, name: str) -> dict:
    """Run one engine in a fresh process: its wall time, CPU time (its own and
    its child processes'), and peak RSS: the process's, the largest child's, and
    an upper bound of their total (as if every child peaked as the largest did)."""
    code = (f"import sys, time, resource, json; sys.path.insert(0, {str(Path(__file__).parent.parent)!r});"
            "from bench.cohort_bench import ENGINES; from pathlib import Path; t = time.perf_counter();"
            f"c = time.process_time(); n = ENGINES[{name!r}](Path({str(folder)!r}));"
            "s = time.perf_counter() - t; c = time.process_time() - c;"
            "me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN);"
            "print(json.dumps([n, s, c, kids.ru_utime + kids.ru_stime, me.ru_maxrss, kids.ru_maxrss]))")
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    wall = time.perf_counter() - start
    if result.returncode != 0:
        return {"engine": name, "error": result.stderr.strip().splitlines()[-1]}
    n, seconds, cpu, workers_cpu, rss_kb, worker_rss_kb = json.loads(result.stdout.splitlines()[-1])
    from gonghui_tui.cohort_cli import MAX_WORKERS

    # Child processes counted in the bound: the two workers; the command and its workers.
    workers = {"msgspec-2": 2, "cli": 1 + min(os.cpu_count() or 1, MAX_WORKERS)}.get(name, 0)
    return {"engine": name, "result": n, "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
            "workers_cpu_seconds": round(workers_cpu, 2), "process_seconds": round(wall, 2),
            "peak_rss_mb": round(rss_kb / 1024), "worker_peak_rss_mb": round(worker_rss_kb / 1024),
            "rss_bound_mb": round((rss_kb + workers * worker_rss_kb) / 1024)}


if __name__ == "__main__":
    # The baseline runs first and last; each engine's time is also given as a
    # ratio to the mean of the two, so a machine loaded by others still compares.
    target = Path(sys.argv[1])
    engines = [e for e in sys.argv[2:] or list(ENGINES) if e != BASELINE]
    first = measure(target, BASELINE)
    print(json.dumps(first), flush=True)
    results = [measure(target, engine) for engine in engines]
    last = measure(target, BASELINE)
    print(json.dumps(last), flush=True)
    base = (first["process_seconds"] + last["process_seconds"]) / 2
    for result in results:
        if "process_seconds" in result:
            result["ratio_to_baseline"] = round(result["process_seconds"] / base, 1)
        print(json.dumps(result), flush=True)
