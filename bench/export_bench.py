"""Export speed with a long history: 200,000 reviews on the bundled course.

    python bench/export_bench.py [REVIEWS]

Prints the median of 5 runs per format. The target (issue 6): Markdown and
JSON within 1 s. Results are written up in docs/performance.md.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.history import fill_history  # noqa: E402
from gonghui_tui.exporting import render  # noqa: E402
from gonghui_tui.i18n import translator  # noqa: E402
from gonghui_tui.domain.loader import load_course  # noqa: E402
from gonghui_tui.paths import bundled_course  # noqa: E402
from gonghui_tui.storage.settings import Settings  # noqa: E402


def main(reviews: int) -> None:
    course = load_course(bundled_course())
    now = datetime(2026, 1, 10, tzinfo=timezone.utc)
    with tempfile.TemporaryDirectory() as folder:
        store = fill_history(course, Path(folder) / "progress.sqlite3", reviews)
        print(f"{reviews} reviews; median of 5 runs")
        for fmt in ("md", "json", "csv", "toml", "anki"):
            times = []
            for _ in range(5):
                start = time.perf_counter()
                out = render(fmt, course, store, now, Settings(), t=translator("zh"))
                times.append(time.perf_counter() - start)
            print(f"  {fmt:5} {statistics.median(times):7.3f} s   {len(out.encode()) / 1e6:6.1f} MB")
        store.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200_000)
