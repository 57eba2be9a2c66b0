"""Import cost against a process that only ``json.loads`` the same file.

    python -m bench.import_bench [--reviews 200000] [--big 1000000] [--runs 3]

Three cases, each as a ratio to the baseline run in turns with it
(issue 18.1: at most 2x, 2x and 3x): an export that adds 200 reviews to a
store of ``--reviews``; the same file imported again (adds nothing);
``--big`` reviews into an empty store. Every import runs the installed
console script in its own process, as a user would. Wall and CPU time are
both reported: on a shared host the CPU time (user + system) is the steadier
figure, while the wall time also holds the fsyncs of ``synchronous=FULL``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.gen_course import write_course  # noqa: E402
from bench.history import START, fill_history  # noqa: E402
from bench.paired import paired  # noqa: E402
from bench.run import SCRIPT, compile_package, run_process  # noqa: E402

ADDED = 200
BASELINE = "import json, sys; json.loads(open(sys.argv[1], 'rb').read())"


def _export(course_path: Path, home: Path, target: Path) -> Path:
    run_process([str(SCRIPT), "--course", str(course_path), "--data-dir", str(home), "export",
                 "--format", "json", "-o", str(target), "--force"], {})
    return target


def _add_reviews(db: Path, course_id: str, cards: list[str], n: int) -> None:
    """``n`` later reviews of ``n`` different cards, straight into the log."""
    from gonghui_tui.storage.store import to_ms

    conn = sqlite3.connect(db)
    late = START + timedelta(days=400)
    conn.executemany(
        "INSERT INTO review_log (course_id, card_id, rating, reviewed_ms, duration_ms, state_before) "
        "VALUES (?, ?, 3, ?, 5000, 2)",
        [(course_id, cards[i * 7 % len(cards)], to_ms(late + timedelta(minutes=i))) for i in range(n)])
    conn.commit()
    conn.close()


def bench_import(folder: Path, course_path: Path, reviews: int, big: int, runs: int) -> dict:
    from gonghui_tui.domain.loader import load_course

    course = load_course(course_path)
    cards = [c.id for c in course.cards]
    stored = folder / "stored"
    fill_history(course, stored / "progress.sqlite3", reviews).close()
    # the course cache, as on a machine that has run the app before
    run_process([str(SCRIPT), "--course", str(course_path), "--data-dir", str(stored), "due"], {})
    ahead = folder / "ahead"
    shutil.copytree(stored, ahead)
    _add_reviews(ahead / "progress.sqlite3", course.id, cards, ADDED)
    file = _export(course_path, ahead, folder / "ahead.json")
    results: dict = {"reviews_stored": reviews, "file_mb": round(file.stat().st_size / 2**20, 1)}

    base = [sys.executable, "-c", BASELINE, str(file)]
    target = folder / "target"

    def fresh_copy() -> None:
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(stored, target)
        # The copy's pages on disk first: else the import's first fsync writes the
        # whole 40 MB copy back and its wall time measures the bench's own copy.
        os.sync()

    cmd = [str(SCRIPT), "--course", str(course_path), "--data-dir", str(target), "import", str(file)]
    fresh_copy()
    run_process(cmd, {})  # warm the course cache and .pyc files
    results["add_200"] = paired(base, cmd, runs, fresh_copy)
    results["again"] = paired(base, cmd, runs)  # the store now has every review in the file
    if big:
        source = folder / "big"
        fill_history(course, source / "progress.sqlite3", big).close()
        warm = folder / "warm"
        run_process([str(SCRIPT), "--course", str(course_path), "--data-dir", str(warm), "due"], {})
        big_file = _export(course_path, source, folder / "big.json")
        empty = folder / "empty"
        big_cmd = [str(SCRIPT), "--course", str(course_path), "--data-dir", str(empty), "import", str(big_file)]

        def empty_home() -> None:
            shutil.rmtree(empty, ignore_errors=True)
            shutil.copytree(warm / "cache", empty / "cache")
            os.sync()

        results["empty_store"] = {"reviews": big, "file_mb": round(big_file.stat().st_size / 2**20, 1),
                                  **paired([sys.executable, "-c", BASELINE, str(big_file)], big_cmd, runs,
                                            empty_home)}
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reviews", type=int, default=200_000)
    parser.add_argument("--big", type=int, default=1_000_000, help="0 to skip the empty-store case")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    compile_package()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        course_path = write_course("L", folder / "L.toml")
        print(json.dumps(bench_import(folder, course_path, args.reviews, args.big, args.runs), indent=2))


if __name__ == "__main__":
    main()
