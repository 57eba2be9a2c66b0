"""Every screen's first frame on the L course with a long history: the time
from the key that opens it to the next frame rendered, timed inside the app
(bench/keypress.py's FrameTimer), against a cursor move in a bare Tree app.

    python bench/screens_bench.py [--reviews 1000000] [--times 10]

Target (issue 18): p99 ≤ 50 ms for each screen at L + 1,000,000 reviews.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import statistics
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# (name, keys that open it, keys that close it); only what the app has is measured
SCREENS = [
    ("dashboard", ["p"], ["escape"]),
    ("drill", ["D"], ["escape", "escape"]),
    ("cards", ["l"], ["escape"]),
    ("search", ["slash"], ["escape"]),
    ("export", ["e"], ["escape"]),
    ("help", ["question_mark"], ["escape"]),
    ("settings", ["comma"], ["escape"]),
]


async def _measure(course_path: Path, db: Path, times: int, now) -> dict:
    from bench.keypress import FrameTimer, percentile
    from gonghui_tui.domain.loader import load_course
    from gonghui_tui.storage.store import Store
    from gonghui_tui.tui.app import GonghuiApp

    class TimedApp(FrameTimer, GonghuiApp):
        CSS_PATH = str(Path(sys.modules[GonghuiApp.__module__].__file__).with_name(GonghuiApp.CSS_PATH))

    course = load_course(course_path)
    store = Store.open(db, now)
    app = TimedApp(course=course, store=store, now=lambda: now)
    app._init_timer()
    gc.collect()
    gc.freeze()  # as `gonghui-tui` does before its app runs
    results = {}
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("down")  # a section under the first part: `l` and `d` need one
        for name, opening, closing in SCREENS:
            samples = []
            for _ in range(times):
                before_screen = app.screen
                mark = len(app.key_times)
                await pilot.press(*opening)
                await pilot.pause()
                if app.screen is before_screen:
                    break  # this app has no such screen (yet)
                first, _ = app.latencies_ms(skip=mark)
                samples.append(first[len(opening) - 1] if len(first) >= len(opening) else first[-1])
                await app.workers.wait_for_complete()
                for key in closing:
                    if app.screen is not before_screen:
                        await pilot.press(key)
                        await pilot.pause()
            if samples:
                results[name] = {"p50_ms": statistics.median(samples), "p99_ms": percentile(samples, 99),
                                 "max_ms": max(samples), "opened": len(samples)}
    store.close()
    return results


async def _bare(count: int) -> list[float]:
    from bench.keypress import _bare as bare

    first, _ = await bare(count)
    return first


def main() -> None:
    from bench.gen_course import write_course
    from bench.history import START, fill_history
    from bench.keypress import percentile
    from gonghui_tui.domain.loader import load_course

    parser = argparse.ArgumentParser()
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--times", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        course = write_course("L", Path(tmp) / "L.toml")
        fill_history(load_course(course), Path(tmp) / "p.sqlite3", args.reviews).close()
        now = START + timedelta(days=400)
        screens = asyncio.run(_measure(course, Path(tmp) / "p.sqlite3", args.times, now))
    bare = asyncio.run(_bare(100))
    print(json.dumps({"reviews": args.reviews, "target_p99_ms": 50,
                      "bare_tree_p50_ms": statistics.median(bare), "bare_tree_p99_ms": percentile(bare, 99),
                      "screens": screens}, indent=2))


if __name__ == "__main__":
    main()
