"""Save the README's SVG screenshots of the real app with Textual's own
screenshot feature, after three weeks of study made up with a fixed clock.

    python scripts/screenshot.py                 # reader, drill and dashboard
    python scripts/screenshot.py dashboard       # one of them
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from gonghui_tui.domain.loader import load_course
from gonghui_tui.domain.session import DrillSession
from gonghui_tui.paths import bundled_course
from gonghui_tui.storage.store import Store
from gonghui_tui.tui.app import GonghuiApp

DOCS = Path(__file__).resolve().parent.parent / "docs"
TZ = ZoneInfo("Asia/Shanghai")
TODAY = datetime(2026, 3, 23, 1, 30, tzinfo=timezone.utc)  # 09:30 in Beijing, a Monday
SIZE = (100, 30)
READ = ("importance", "overview", "background", "background-parts", "background-methods", "direction",
        "direction-eight", "roles")
# What each shot presses once the app is up.
SHOTS = {
    "reader": ["down", "down", "down", "enter", "down", "down"],
    "drill": ["down"] * 7 + ["d", "space"],
    "dashboard": ["p"],
}


def study(course, store) -> None:
    """Three weeks of a trainee's evenings: a few cards most days, mostly remembered."""
    for day in range(21, 0, -1):
        if day % 9 in (4, 6):
            continue  # some days off
        now = TODAY - timedelta(days=day) + timedelta(hours=11)
        session = DrillSession(course, store, lambda now=now: now, fuzzing=False, tz=TZ)
        for turn in range((3, 7, 5, 2, 6, 4, 8)[day % 7]):
            if session.next() is None:
                break
            session.grade((3, 3, 4, 3, 1, 3, 2, 3)[(day + turn) % 8])
    for section in READ:
        store.set_read(course.id, section, True, TODAY - timedelta(days=20))
        store.add_reading_time(course.id, section, 140)


async def shoot(name: str, keys: list[str]) -> None:
    course = load_course(bundled_course())
    with tempfile.TemporaryDirectory() as home:
        store = Store.open(Path(home) / "progress.sqlite3", TODAY)
        study(course, store)
        app = GonghuiApp(course=course, store=store, now=lambda: TODAY, tz=TZ, fuzzing=False, seed=1,
                         export_dir=Path(home))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press(*keys)
            await app.workers.wait_for_complete()
            await pilot.pause(0.5)
            app.save_screenshot(filename=f"screenshot-{name}.svg", path=str(DOCS))
        store.close()


if __name__ == "__main__":
    for wanted in sys.argv[1:] or list(SHOTS):
        asyncio.run(shoot(wanted, SHOTS[wanted]))
        print(DOCS / f"screenshot-{wanted}.svg")
