"""The key footer: follows the keys that work now, a long drill keeps no
widget it replaced in memory, and a click on a key presses it."""

from __future__ import annotations

import gc
from zoneinfo import ZoneInfo

from rich.cells import cell_len
from textual.widget import Widget

from gonghui_tui.storage.settings import Settings
from gonghui_tui.tui.app import GonghuiApp
from gonghui_tui.tui.screens.drill import DrillScreen
from gonghui_tui.tui.widgets.key_footer import KeyFooter

from .helpers import screen_text, squash


def footer_keys(app) -> list[str]:
    return [place.spec.key for place in app.screen.query_one(KeyFooter).placed if not place.spec.disabled]


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


def live_widgets() -> int:
    gc.collect()
    return sum(isinstance(o, Widget) for o in gc.get_objects())


async def test_long_drill_keeps_no_replaced_widget(course, store, clock):
    """Textual's Footer kept every key widget it replaced (18 per card): the
    number of live widgets must not grow with the number of cards."""
    app = GonghuiApp(course=course, store=store, now=clock.now, fuzzing=False,
                     settings=Settings(new_cards_per_day=500), tz=ZoneInfo("Asia/Shanghai"), seed=7)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("D")
        await pilot.pause()
        await pilot.press("enter", "3", "enter", "3")
        await pilot.pause()
        before = live_widgets()
        for _ in range(15):
            await pilot.press("enter", "3")
        await pilot.pause()
        assert app.screen.session.done == 17
        assert live_widgets() == before


async def test_a_click_on_a_footer_key_presses_it(course, store, clock):
    app = GonghuiApp(course=course, store=store, now=clock.now, fuzzing=False,
                     tz=ZoneInfo("Asia/Shanghai"), seed=7)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("D")
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        reveal = next(place for place in footer.placed if place.spec.action in ("reveal", "next_item"))
        assert not app.screen.face.revealed
        await pilot.click(KeyFooter, offset=(reveal.start + 1, 0))
        await pilot.pause()
        while not app.screen.face.revealed:  # a list card shows one item per press
            await pilot.click(KeyFooter, offset=(reveal.start + 1, 0))
            await pilot.pause()
        assert "3" in footer_keys(app)


def footer_cell_colors(app) -> list:
    """The background colour of each cell of the footer line."""
    strip = app.screen._compositor.render_strips()[-1]
    colors = []
    for segment in strip:
        colors += [segment.style.bgcolor if segment.style else None] * cell_len(segment.text)
    return colors


async def test_the_key_under_the_mouse_is_highlighted_and_its_tooltip_follows_the_keys(course, store, clock):
    app = GonghuiApp(course=course, store=store, now=clock.now, fuzzing=False,
                     tz=ZoneInfo("Asia/Shanghai"), seed=7)
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.query_one("OutlineTree").select_section("summary")  # a basic card first
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        space = next(place for place in footer.placed if place.spec.key == "space")
        plain = footer_cell_colors(app)
        await pilot.hover(KeyFooter, offset=(space.start + 1, 0))
        await pilot.pause()
        hovered = footer_cell_colors(app)
        changed = [x for x, (a, b) in enumerate(zip(plain, hovered)) if a != b]
        assert changed and min(changed) >= space.start and max(changed) < space.end, (changed, space)
        assert footer.tooltip == space.spec.tooltip
        await pilot.press("space")  # the answer: space now takes the suggested grade
        await pilot.pause()
        await pilot.pause()
        now = next(place for place in footer.placed if place.start <= space.start + 1 < place.end)
        assert now.spec.action != space.spec.action
        assert footer.tooltip == now.spec.tooltip
