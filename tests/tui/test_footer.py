"""The key footer: follows the keys that work now, and a long drill does not
keep every footer it replaced in memory."""

from __future__ import annotations

import gc
from zoneinfo import ZoneInfo

from textual.widgets._footer import FooterKey

from gonghui_tui.storage.settings import Settings
from gonghui_tui.tui.app import GonghuiApp
from gonghui_tui.tui.screens.drill import DrillScreen

from .helpers import screen_text, squash


def footer_keys(app) -> list[str]:
    return [key.key for key in app.screen.query(FooterKey) if key.display and not key.disabled]


async def test_footer_shows_the_keys_that_work_now(course, store, clock):
    app = GonghuiApp(course=course, store=store, now=clock.now, fuzzing=False,
                     tz=ZoneInfo("Asia/Shanghai"), seed=7)
    async with app.run_test(size=(120, 30)) as pilot:
        app.screen.query_one("OutlineTree").select_section("summary")  # basic, choice, cloze
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DrillScreen)
        assert "b" in footer_keys(app)
        assert "暂埋到明天" in squash(screen_text(app))
        await pilot.press("space", "4", "enter", "4", "space", "4")  # Easy: none comes back today
        await pilot.pause()
        assert app.screen.finished
        assert "b" not in footer_keys(app)
        assert "u" in footer_keys(app)
        assert "暂埋到明天" not in squash(screen_text(app))


async def test_long_drill_keeps_no_replaced_footer(course, store, clock):
    app = GonghuiApp(course=course, store=store, now=clock.now, fuzzing=False,
                     settings=Settings(new_cards_per_day=500), tz=ZoneInfo("Asia/Shanghai"), seed=7)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("D")
        await pilot.pause()
        for _ in range(15):
            await pilot.press("enter", "3")
        await pilot.pause()
        assert app.screen.session.done == 15
        gc.collect()
        alive = [o for o in gc.get_objects() if isinstance(o, FooterKey)]
        shown = [key for screen in app.screen_stack for key in screen.query(FooterKey)]
        assert len(alive) == len(shown), f"{len(alive) - len(shown)} replaced footer keys still in memory"
