"""Opening the progress store at 200,000 and 1,000,000 reviews: how long the
whole-file health check (``PRAGMA quick_check``) costs, and what an open
costs when it is skipped (a clean shutdown the same day) or run (the first
open of a day, after a crash, or after the file was changed by something
else). Before the instance lock, every open paid the check.

    python bench/open_bench.py [REVIEWS ...]    # prints JSON; default 200000 1000000
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.gen_course import write_course  # noqa: E402
from bench.history import fill_history  # noqa: E402
from gonghui_tui.domain.loader import load_course  # noqa: E402
from gonghui_tui.storage import database  # noqa: E402
from gonghui_tui.storage.store import Store  # noqa: E402

RUNS = 7


def _median_ms(action) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1)


def measure(reviews: int, folder: Path) -> dict:
    course = load_course(write_course("L", folder / "course.toml"))
    db = folder / f"progress-{reviews}.sqlite3"
    fill_history(course, db, reviews).close()
    now = datetime.now(timezone.utc)
    lock = db.with_name(db.name + ".lock")

    def open_close() -> None:
        Store.open(db, now).close()

    def open_unknown() -> None:
        lock.unlink(missing_ok=True)  # no marker: as after a crash or on a new day
        open_close()

    open_close()  # the marker now says: clean, checked today
    return {
        "reviews": reviews,
        "file_mb": round(db.stat().st_size / 1e6, 1),
        "quick_check_ms": _median_ms(lambda: database._sound(db)),
        "open_checked_ms": _median_ms(open_unknown),  # what every open cost before
        "open_clean_same_day_ms": _median_ms(open_close),
    }


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [200_000, 1_000_000]
    with tempfile.TemporaryDirectory() as tmp:
        print(json.dumps([measure(n, Path(tmp)) for n in sizes], indent=2))


if __name__ == "__main__":
    main(sys.argv[1:])
