"""The dashboard, the card list and the drill are kept between openings (issue
18.3, tui/kept_dialogs.py): each opening must show what a new screen would,
never what the last opening left behind."""

from __future__ import annotations

from textual.widgets import Input

from gonghui_tui.domain.session import DrillSession
from gonghui_tui.tui.screens.cards import CardBrowserScreen
from gonghui_tui.tui.screens.dashboard import DashboardScreen
from gonghui_tui.tui.screens.drill import DrillScreen
from gonghui_tui.tui.widgets.card_table import CardTable

from .helpers import screen_text, squash


def card_lines(app, drill) -> str:
    """What the terminal shows in the rows of the drill's card."""
    region = drill.query_one("#drill-card").region
    return squash("".join(screen_text(app).splitlines()[region.y:region.bottom]))


async def settle(app, pilot) -> None:
    await app.workers.wait_for_complete()
    for _ in range(3):
        await pilot.pause()


async def test_a_reopened_dashboard_shows_the_figures_of_now(app, course, store, clock, monkeypatch):
    import threading

    from gonghui_tui.tui.screens import dashboard

    release = threading.Event()
    real = dashboard.compute_stats

    def held_stats(*args, **kwargs):
        release.wait(5)
        return real(*args, **kwargs)

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await settle(app, pilot)
        first = app.screen
        assert isinstance(first, DashboardScreen) and "复习总次数：0" in squash(screen_text(app))
        await pilot.press("end")
        await pilot.press("escape")
        session = DrillSession(course, store, clock.now, section_id="summary", fuzzing=False)
        while session.next() is not None:
            session.grade(4)
        monkeypatch.setattr(dashboard, "compute_stats", held_stats)
        await pilot.press("p")
        await pilot.pause()
        assert app.screen is first  # the same screen, shown again
        shown = squash(screen_text(app))
        assert "正在计算" in shown and "复习总次数" not in shown  # the placeholder, not the last figures
        assert first.query_one("#dashboard").scroll_y == 0  # from the top, though End was pressed
        release.set()
        await settle(app, pilot)
        assert "复习总次数：3" in squash(screen_text(app))


async def test_a_reopened_card_list_shows_the_new_section_from_a_fresh_start(app, course):
    async with app.run_test(size=(80, 24)) as pilot:
        app.jump_to("direction-eight")
        await pilot.pause()
        await pilot.press("l")
        await settle(app, pilot)
        browser = app.screen
        assert isinstance(browser, CardBrowserScreen)
        await pilot.press("f", "o", "slash", *"gh")  # a filter, a sort and a search
        await pilot.pause()
        await pilot.press("escape", "escape")
        assert not isinstance(app.screen, CardBrowserScreen)
        app.jump_to("summary")
        await pilot.pause()
        await pilot.press("l")
        await settle(app, pilot)
        assert app.screen is browser
        assert (browser.state, browser.kind, browser.sort) == ("all", "all", "course")
        assert browser.query_one(Input).value == ""
        assert browser.focused is browser.query_one(CardTable)
        summary_cards = {card.id for card in course.cards_under("summary")}
        shown = {row.card.id for row in browser.query_one(CardTable).rows}
        assert shown == summary_cards
        assert course.sections["summary"].title in screen_text(app)


async def test_a_reopened_drill_starts_a_new_session_with_its_first_card(app, course):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("D")
        await settle(app, pilot)
        drill = app.screen
        assert isinstance(drill, DrillScreen) and drill.face is not None
        first_card = drill.face.card.id
        first_text = card_lines(app, drill)
        await pilot.press("escape")
        assert not isinstance(app.screen, DrillScreen)
        await pilot.press("D")
        await pilot.pause()
        assert app.screen is drill
        await settle(app, pilot)
        assert drill.session.done == 0 and not drill.finished
        assert drill.face.card.id == first_card and not drill.face.revealed
        assert "已完成 0" in screen_text(app)
        card_text = card_lines(app, drill)
        assert card_text.strip("│ ") and card_text == first_text  # the card is drawn again, not left blank


async def test_a_drill_left_on_its_summary_opens_again_on_a_card(app, course):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("D")
        await settle(app, pilot)
        drill = app.screen
        drill.action_grade(3)  # one card done: Escape shows the summary
        await settle(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert drill.finished
        await pilot.press("escape")
        await pilot.press("D")
        await settle(app, pilot)
        assert app.screen is drill and not drill.finished and drill.face is not None
        assert "已完成 0" in screen_text(app)


async def test_a_key_typed_before_the_first_card_is_drawn_acts_on_it(app):
    """The drill's session is built after its first frame; a key that comes in
    between must still act on the first card, as when the session was built
    before the screen was shown."""
    import asyncio

    from textual import events

    async with app.run_test(size=(80, 24)) as pilot:
        app.post_message(events.Key("D", "D"))
        for _ in range(1000):  # until the drill is pushed, not yet drawn
            if isinstance(app.screen, DrillScreen):
                break
            await asyncio.sleep(0)
        drill = app.screen
        assert isinstance(drill, DrillScreen) and not hasattr(drill, "session")
        app.post_message(events.Key("enter", "\r"))  # Enter: reveal the first card
        for _ in range(5):
            await pilot.pause()
        assert drill.face is not None and drill.face.revealed


async def test_a_typed_card_has_the_answer_box_focused_at_every_opening(app, course):
    """Found by a hostile run: with a typed card first, every second opening of the kept
    drill left the box without focus, so letters went to the drill's keys (b buried)."""
    from gonghui_tui.tui.widgets.answer_input import AnswerInput

    async with app.run_test(size=(80, 24)) as pilot:
        app.jump_to("overview")  # 课程简介: its one card is a typed card
        await pilot.pause()
        for _ in range(4):
            await pilot.press("c")
            await settle(app, pilot)
            drill = app.screen
            assert isinstance(drill, DrillScreen) and drill.face.card.kind.value == "typed"
            assert isinstance(drill.focused, AnswerInput)
            await pilot.press("escape")
            await pilot.pause()


async def test_the_reading_bar_is_drawn_alike_at_every_opening(app, course, store, clock):
    """Found by a hostile run: from the second opening of the kept dashboard on, the
    reading bar ended half a cell short (━━━━╺ for ━━━━╸ at 1 of 16 sections)."""
    from textual.widgets import ProgressBar

    store.set_read(course.id, "summary", True, clock.now())
    async with app.run_test(size=(80, 24)) as pilot:
        bars = []
        for _ in range(3):
            await pilot.press("p")
            await settle(app, pilot)
            bar = app.screen.query_one(ProgressBar)
            bars.append(screen_text(app).splitlines()[bar.region.y])
            await pilot.press("escape")
            await pilot.pause()
        assert "6%" in bars[0] and bars[1] == bars[0] and bars[2] == bars[0]
