"""Issue 16.1 through the app: after the list card “按原文顺序说出‘八个坚持’”,
whose answer shows all eight explanations, none of the cards that ask for
those explanations follows that day; the next study day one of them does."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from gonghui_tui.tui.app import GonghuiApp
from gonghui_tui.tui.screens.drill import DrillScreen

from .helpers import screen_text, squash
from .test_drill import open_drill


@pytest.fixture
def app(course, store, clock) -> GonghuiApp:
    return GonghuiApp(course=course, store=store, now=clock.now, fuzzing=False,
                      tz=ZoneInfo("Asia/Shanghai"), seed=7)


def siblings(course) -> set[str]:
    return {c.id for c in course.cards if c.group == course.card("eight-list").group} - {"eight-list"}


async def test_no_sibling_follows_the_list_card_that_day(app, course, store, clock):
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_drill(app, pilot, "direction-eight")  # the list card and its ten siblings
        assert screen.face.card.id == "eight-list"
        assert "按原文顺序说出“八个坚持”" in squash(screen_text(app))
        await pilot.press("enter")  # every item at once: all eight explanations on screen
        assert "党是工会的领导核心" in squash(screen_text(app))
        shown = []
        while not screen.finished:  # Good: the list card comes back in its learning steps
            shown.append(screen.face.card.id)
            await pilot.press("enter", "3")
            clock.advance(minutes=11)
        assert set(shown) == {"eight-list"}
        assert "完成" in squash(screen_text(app))
        await pilot.press("escape")
        await pilot.press("D")  # the whole course, the same day
        await pilot.pause()
        whole = app.screen
        assert isinstance(whole, DrillScreen)
        assert not set(whole.session.queue) & siblings(course)
        seen = []
        while not whole.finished:
            seen.append(whole.face.card.id)
            await pilot.press("enter", "4")
        assert seen and not set(seen) & siblings(course)
        await pilot.press("escape")

        clock.advance(days=1)
        await pilot.press("D")  # the next study day
        await pilot.pause()
        day_two = app.screen
        assert len(({day_two.face.card.id} | set(day_two.session.queue)) & siblings(course)) == 1
