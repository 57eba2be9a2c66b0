"""Keypress to screen update, timed inside the app while Pilot presses keys.

Pilot's `press` waits until the process looks idle (it sleeps and compares
CPU with wall time), so timing `press` measures Pilot: ~80 ms even for a bare
Tree. Instead each app records when a key event was made (`Key.time`, set
when the driver receives it) and when the next frame was ready for the
terminal: the compositor's update turned into the escape sequences a real
terminal would be sent (the headless driver then drops them).

The drill (Enter shows the answer, 3 grades it and stores the review) is
compared with moving the cursor in a bare Tree app.
"""

from __future__ import annotations

import gc
import statistics
import sys
import tempfile
from pathlib import Path

from textual import events
from textual._compositor import CompositorUpdate
from textual._time import get_time
from textual.app import App, ComposeResult
from textual.widgets import Tree


class FrameTimer:
    """Mixed into an App: key event times and frame times, same clock."""

    def _init_timer(self) -> None:
        self.key_times: list[float] = []
        self.frame_times: list[float] = []

    async def on_event(self, event: events.Event) -> None:
        # A key the focused widget leaves alone bubbles back up to the app: count it once.
        if isinstance(event, events.Key) and event.time not in self.key_times[-1:]:
            self.key_times.append(event.time)
        await super().on_event(event)  # type: ignore[misc]

    def _display(self, screen, renderable) -> None:
        if isinstance(renderable, CompositorUpdate):
            renderable.render_segments(self.console)  # type: ignore[attr-defined]
            self.frame_times.append(get_time())
        super()._display(screen, renderable)  # type: ignore[misc]

    def latencies_ms(self, skip: int = 0) -> tuple[list[float], list[float]]:
        """For each key after the first `skip`: time until the first frame after it,
        and until the last frame before the next key (the screen has settled: the
        footer, rebuilt after a refresh, included)."""
        first, settled = [], []
        keys = self.key_times + [float("inf")]
        for key_time, next_key in zip(keys[skip:-1], keys[skip + 1:]):
            frames = [f for f in self.frame_times if key_time <= f < next_key]
            if not frames:
                raise RuntimeError("a key press was never followed by a frame")
            first.append((frames[0] - key_time) * 1000)
            settled.append((frames[-1] - key_time) * 1000)
        return first, settled


class BareTree(FrameTimer, App):
    def __init__(self) -> None:
        super().__init__()
        self._init_timer()

    def compose(self) -> ComposeResult:
        tree: Tree[str] = Tree("root")
        for i in range(50):
            tree.root.add_leaf(f"节点 {i}")
        tree.root.expand()
        yield tree


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


async def _bare(count: int) -> tuple[list[float], list[float]]:
    app = BareTree()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for i in range(count):
            await pilot.press("down" if i % 40 < 20 else "up")
    return app.latencies_ms()


async def _drill(count: int) -> tuple[tuple[list[float], list[float]], int]:
    from gonghui_tui.clock import utc_now
    from dataclasses import replace

    from gonghui_tui.domain.course import Course
    from gonghui_tui.domain.loader import load_course
    from gonghui_tui.paths import bundled_course
    from gonghui_tui.storage.settings import Settings
    from gonghui_tui.storage.store import Store
    from gonghui_tui.tui.app import GonghuiApp

    class TimedApp(FrameTimer, GonghuiApp):
        CSS_PATH = str(Path(sys.modules[GonghuiApp.__module__].__file__).with_name(GonghuiApp.CSS_PATH))

    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "p.sqlite3", utc_now())
        course = load_course(bundled_course())
        # Without its card groups: a sibling waits for the next day, and the
        # bench grades every card of the course in one go.
        if any(getattr(card, "group", "") for card in course.cards):  # builds before groups had none
            course = Course.build(course.id, course.title, course.meta, list(course.sections.values()),
                                  [replace(card, group="") for card in course.cards])
        # As cmd_run does once the course and the store are loaded: what is made
        # before the app starts is left out of every later collection.
        gc.collect()
        gc.freeze()
        # As `gonghui-tui` runs it: kept screens made in idle time, full collections
        # left for idle time (tui/kept_dialogs.py, tui/idle_gc.py).
        app = TimedApp(course=course, store=store,
                       settings=Settings(new_cards_per_day=500), idle_work=True)
        app._init_timer()
        async with app.run_test(size=(100, 30)) as pilot:
            for _ in range(200):  # a trainee's first key comes after idle time has made them
                if getattr(app, "dialogs_warm", True):
                    break
                await pilot.pause(0.1)
            await pilot.press("D")
            await pilot.pause()
            for _ in range(count):
                await pilot.press("enter")  # show the answer
                await pilot.press("3")      # grade Good, store it, show the next card
        stored = len(store.reviews(app.course.id))
        store.close()
    return app.latencies_ms(skip=1), stored


async def measure(count: int) -> dict:
    import gonghui_tui.tui.app  # noqa: F401

    # As `gonghui-tui` does before its app starts (cli.cmd_run); both apps get it
    # (the drill's app again once its course is loaded, as cmd_run does).
    gc.collect()
    gc.freeze()
    bare, bare_settled = await _bare(count * 2)
    (drill, drill_settled), stored = await _drill(count)
    # The same cards again in a new store: what a later session sees, once the
    # cards' text has been line-broken before (the app keeps uniseg's answers in
    # its cache folder between runs; here they stay in the process).
    (later, later_settled), _ = await _drill(count)
    return {
        "method": "in-app: key event time -> next frame rendered to escape sequences",
        "bare_p50_ms": statistics.median(bare), "bare_p99_ms": percentile(bare, 99),
        "bare_settled_p50_ms": statistics.median(bare_settled),
        "drill_p50_ms": statistics.median(drill), "drill_p99_ms": percentile(drill, 99),
        "reveal_p50_ms": statistics.median(drill[0::2]), "grade_p50_ms": statistics.median(drill[1::2]),
        "drill_settled_p50_ms": statistics.median(drill_settled),
        "drill_settled_p99_ms": percentile(drill_settled, 99),
        "later_session_p50_ms": statistics.median(later), "later_session_p99_ms": percentile(later, 99),
        "later_session_settled_p50_ms": statistics.median(later_settled),
        "keys": len(drill), "reviews_stored": stored,
        "ratio": statistics.median(drill) / statistics.median(bare),
    }


if __name__ == "__main__":
    import asyncio
    import json

    print(json.dumps(asyncio.run(measure(50)), indent=2))
