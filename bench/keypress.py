"""Keypress to screen update, measured through Pilot: the drill (Enter shows
the answer, 3 grades it) against moving the cursor in a bare Tree app."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Tree


class BareTree(App):
    def compose(self) -> ComposeResult:
        tree: Tree[str] = Tree("root")
        for i in range(50):
            tree.root.add_leaf(f"节点 {i}")
        tree.root.expand()
        yield tree


async def _press_times(app: App, keys: list[str], count: int) -> list[float]:
    times = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for i in range(count):
            key = keys[i % len(keys)]
            start = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()  # until the screen has been updated
            times.append((time.perf_counter() - start) * 1000)
    return times


async def measure(count: int) -> dict:
    from gonghui_tui.clock import utc_now
    from gonghui_tui.domain.loader import load_course
    from gonghui_tui.paths import bundled_course
    from gonghui_tui.storage.settings import Settings
    from gonghui_tui.storage.store import Store
    from gonghui_tui.tui.app import GonghuiApp

    bare = await _press_times(BareTree(), ["down"], count)
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "p.sqlite3", utc_now())
        app = GonghuiApp(course=load_course(bundled_course()), store=store,
                         settings=Settings(new_cards_per_day=500))
        times = []
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("D")
            await pilot.pause()
            for i in range(count):
                for key in ("enter", "3"):
                    start = time.perf_counter()
                    await pilot.press(key)
                    await pilot.pause()
                    times.append((time.perf_counter() - start) * 1000)
        store.close()
    return {"bare_ms": statistics.median(bare), "drill_ms": statistics.median(times),
            "drill_p99_ms": sorted(times)[int(0.99 * (len(times) - 1))],
            "ratio": statistics.median(times) / statistics.median(bare)}
