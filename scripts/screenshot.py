"""Save an SVG screenshot of the real app with Textual's own screenshot feature.

    python scripts/screenshot.py docs/screenshot-reader.svg
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

from gonghui_tui.clock import utc_now
from gonghui_tui.domain.loader import load_course
from gonghui_tui.paths import bundled_course
from gonghui_tui.storage.store import Store
from gonghui_tui.tui.app import GonghuiApp


async def main(target: Path, keys: list[str]) -> None:
    with tempfile.TemporaryDirectory() as home:
        store = Store.open(Path(home) / "progress.sqlite3", utc_now())
        app = GonghuiApp(course=load_course(bundled_course()), store=store)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press(*keys)
            await pilot.pause(0.3)
            app.save_screenshot(filename=target.name, path=str(target.parent))
        store.close()


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshot-reader.svg")
    asyncio.run(main(out, sys.argv[2:] or ["down", "down", "down", "enter", "down"]))
