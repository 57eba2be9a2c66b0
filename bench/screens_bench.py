"""Every screen's first frame on the L course with a long history: the time
from the key that opens it to the next frame rendered, timed inside the app
(bench/keypress.py's FrameTimer), against the same measure in a bare Textual
app that pushes a plain screen (a header, six lines, a small table, a
footer), in the same run.

    python bench/screens_bench.py [--reviews 1000000] [--times 10]

Two sessions are measured, each in a process of its own: the first on this
machine, and a later one that loads what the first learnt about line breaks
(as `gonghui-tui` keeps it in its cache folder).

Target (issue 18.3): p99 ≤ 50 ms for each screen at L + 1,000,000 reviews.
The app is run as `gonghui-tui` runs it: every screen measured here is kept
between openings, and made, laid out and drawn in idle time after the first
screen (tui/kept_dialogs.py); the measure starts once that idle time has
passed.
On a loaded host the bare screen itself can take longer than that, so each
screen's figure is also given as a ratio to the bare screen's.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import statistics
import subprocess
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textual.app import App, ComposeResult  # noqa: E402
from textual.containers import VerticalScroll  # noqa: E402
from textual.screen import Screen  # noqa: E402
from textual.widgets import DataTable, Footer, Header, Static  # noqa: E402

from bench.keypress import FrameTimer, percentile  # noqa: E402

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
    from gonghui_tui.domain.loader import load_course
    from gonghui_tui.storage.settings import Settings
    from gonghui_tui.storage.store import Store
    from gonghui_tui.tui.app import GonghuiApp
    from gonghui_tui.domain.search import CourseEntries
    from gonghui_tui.tui.kept_dialogs import WARM_AFTER_S, WARM_EACH_S

    class TimedApp(FrameTimer, GonghuiApp):
        CSS_PATH = str(Path(sys.modules[GonghuiApp.__module__].__file__).with_name(GonghuiApp.CSS_PATH))

    course = load_course(course_path)
    store = Store.open(db, now)
    # the trainee's name was asked before (the export opens at once), as after a first export
    app = TimedApp(course=course, store=store, now=lambda: now, settings=Settings(trainee_asked=True),
                   search_entries=lambda: CourseEntries.of(course), idle_work=True)  # as `gonghui-tui` runs it
    app._init_timer()
    gc.collect()
    gc.freeze()  # as `gonghui-tui` does before its app runs
    results = {}
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        # A trainee's first key comes after idle time has made the kept screens
        # (tui/kept_dialogs.py: from 1 s after the first screen, a step each 0.3 s;
        # search once its index has loaded, as `gonghui-tui` preloads it 0.5 s after start).
        await pilot.pause(WARM_AFTER_S)
        for _ in range(200):
            if app.dialogs_warm:
                break
            await pilot.pause(WARM_EACH_S)
        await pilot.press("down")  # a section under the first part: `l` and `d` need one
        depth = len(app.screen_stack)
        for name, opening, _closing in SCREENS:
            samples, filled = [], []
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
                for _ in range(5):  # what fills in after the first frame (figures, the drill's card)
                    await pilot.pause(0.05)
                _, settled = app.latencies_ms(skip=mark)
                filled.append(settled[-1])
                while len(app.screen_stack) > depth:
                    app.pop_screen()
                    await pilot.pause()
            if samples:
                results[name] = {"p50_ms": statistics.median(samples), "p99_ms": percentile(samples, 99),
                                 "max_ms": max(samples), "first_ms": samples[0], "opened": len(samples),
                                 # the last frame of the opening: worker figures and the drill's card in
                                 "filled_p50_ms": statistics.median(filled)}
    store.close()
    return results


class _BareScreen(Screen):
    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll():
            for i in range(6):
                yield Static(f"第{i}行 工会工作")
            yield DataTable()
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("甲", "乙", "丙")
        for i in range(5):
            table.add_row(str(i), "新", "复习")


class _BareApp(FrameTimer, App):
    BINDINGS = [("x", "open", "open"), ("escape", "close", "close")]

    def __init__(self) -> None:
        super().__init__()
        self._init_timer()

    def compose(self) -> ComposeResult:
        yield Static("bare")

    def action_open(self) -> None:
        self.push_screen(_BareScreen())

    def action_close(self) -> None:
        if len(self.screen_stack) > 1:
            self.pop_screen()


async def bare_screen(times: int) -> list[float]:
    """The key-to-first-frame of pushing a plain screen in a bare app."""
    app = _BareApp()
    samples = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for _ in range(times):
            mark = len(app.key_times)
            await pilot.press("x")
            await pilot.pause()
            samples.append(app.latencies_ms(skip=mark)[0][0])
            await pilot.press("escape")
            await pilot.pause()
    return samples


def measure(course_path: Path, db: Path, times: int, now, pieces: Path | None = None) -> dict:
    """Our screens and the bare screen, in one run, with ratios of p50 and p99.

    ``pieces``: a folder for what uniseg said about line-break pieces, as the
    app's cache folder keeps it between sessions (storage/linebreak_cache.py):
    loaded before the run if there, saved after it. Without it, every piece of
    text is new, as in the very first session on a machine."""
    import os

    from gonghui_tui import linebreak
    from gonghui_tui.storage.linebreak_cache import load_pieces, save_pieces

    if pieces is not None:
        linebreak.remember(load_pieces(pieces, linebreak.engine()))
    load = os.getloadavg()[0]
    gc.collect()
    bare = asyncio.run(bare_screen(times))
    screens = asyncio.run(_measure(course_path, db, times, now))
    if pieces is not None:
        save_pieces(pieces, linebreak.engine(), linebreak.known())
    base50, base99 = statistics.median(bare), percentile(bare, 99)
    for row in screens.values():
        row["p50_ratio"], row["p99_ratio"] = row["p50_ms"] / base50, row["p99_ms"] / base99
    return {"target_p99_ms": 50, "bare_screen_p50_ms": base50, "bare_screen_p99_ms": base99,
            "load_avg_1min": round(load, 1), "screens": screens}


def main() -> None:
    from bench.gen_course import write_course
    from bench.history import START, fill_history
    from gonghui_tui.domain.loader import load_course

    parser = argparse.ArgumentParser()
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--times", type=int, default=10)
    parser.add_argument("--inside", nargs=3, metavar=("COURSE", "DB", "PIECES"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    now = START + timedelta(days=400)
    if args.inside:  # one session, in a process of its own
        course, db, pieces = map(Path, args.inside)
        print(json.dumps(measure(course, db, args.times, now, pieces)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        course = write_course("L", Path(tmp) / "L.toml")
        fill_history(load_course(course), Path(tmp) / "p.sqlite3", args.reviews).close()
        pieces = Path(tmp) / "cache"
        pieces.mkdir()
        # The first session on a machine asks uniseg about every piece of text it
        # shows; a later one loads its answers from the cache folder.
        sessions = {}
        for session in ("first_session", "later_session"):
            out = subprocess.run([sys.executable, __file__, "--times", str(args.times), "--inside",
                                  str(course), str(Path(tmp) / "p.sqlite3"), str(pieces)],
                                 capture_output=True, text=True, check=True)
            sessions[session] = json.loads(out.stdout.strip().splitlines()[-1])
    print(json.dumps({"reviews": args.reviews, **sessions}, indent=2))


if __name__ == "__main__":
    main()
