"""Drilling each card kind through Pilot, to the summary, checking the store."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from textual.widgets import Input

from gonghui_tui.tui.app import GonghuiApp
from gonghui_tui.tui.screens.cards import CardBrowserScreen, row_labels
from gonghui_tui.tui.widgets.card_table import CardTable
from gonghui_tui.tui.screens.drill import DrillScreen
from gonghui_tui.tui.widgets.outline_tree import OutlineTree

from .helpers import screen_text, squash


@pytest.fixture
def drill_app(plain_course, store, clock) -> GonghuiApp:
    # Without card groups: these tests walk through every card of a section
    # (siblings holding each other back is tests/tui/test_siblings_drill.py).
    return GonghuiApp(course=plain_course, store=store, now=clock.now, fuzzing=False,
                      tz=ZoneInfo("Asia/Shanghai"), seed=7)


async def open_drill(app, pilot, section_id: str, key: str = "d") -> DrillScreen:
    app.screen.query_one(OutlineTree).select_section(section_id)
    await pilot.pause()
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(app.screen, DrillScreen)
    return app.screen


async def skip_to_choice(pilot, screen: DrillScreen) -> None:
    """Grade cards Good until a choice card is shown."""
    for _ in range(30):
        if screen.face.card.kind.value == "choice":
            return
        await pilot.press("enter", "3")
    raise AssertionError("no choice card came")


def ratings(store, course) -> list[tuple[str, int]]:
    return [(r.card_id, r.rating) for r in store.reviews(course.id)]


async def test_basic_card_reveal_and_grade_buttons(drill_app, course, store):
    async with drill_app.run_test(size=(100, 30)) as pilot:
        screen = await open_drill(drill_app, pilot, "overview")  # one typed card
        await pilot.press("escape")
        screen = await open_drill(drill_app, pilot, "summary")  # basic, choice, cloze
        assert screen.face.card.id == "summary-quality"
        text = squash(screen_text(drill_app))
        assert "总结中，工会干部培训被称为提升什么的重要途径" in text
        assert "已完成0新卡3学习中0待复习0" in text
        assert "提升工会工作质量的重要途径" not in text
        await pilot.press("space")
        text = squash(screen_text(drill_app))
        assert "提升工会工作质量的重要途径" in text
        assert "1重来1分钟" in text and "3良好10分钟" in text and "4简单" in text
        await pilot.press("3")
        assert ratings(store, course) == [("summary-quality", 3)]
        assert screen.face.card.id == "summary-adapt"


async def test_cloze_fills_gaps_in_place(drill_app, course, store):
    async with drill_app.run_test(size=(100, 30)) as pilot:
        screen = await open_drill(drill_app, pilot, "summary")
        await pilot.press("space", "3", "enter", "3")  # basic, then choice revealed without choosing
        assert screen.face.card.id == "summary-future"
        text = squash(screen_text(drill_app))
        assert "未来，工会干部应继续＿＿＿＿，＿＿＿＿＿＿" in text
        await pilot.press("enter")
        assert "未来，工会干部应继续加强学习，提升自身素养" in squash(screen_text(drill_app))
        await pilot.press("1")  # Again: the card comes back in this session
        assert ratings(store, course)[-1] == ("summary-future", 1)
        assert screen.face.card.id == "summary-future"


async def test_list_items_one_by_one_then_all(drill_app, course, store):
    async with drill_app.run_test(size=(100, 30)) as pilot:
        # cram: its siblings (one group) would otherwise wait for tomorrow
        screen = await open_drill(drill_app, pilot, "roles-family", key="c")
        assert screen.face.card.id == "family-name"
        await pilot.press("enter")  # typed card: Enter submits even empty
        await pilot.press("1")
        assert screen.face.card.id == "family-list"
        await pilot.press("space")
        text = squash(screen_text(drill_app))
        assert "代言人" in text and "关爱者" not in text
        await pilot.press("space")
        assert "关爱者" in squash(screen_text(drill_app)) and "组织者" not in squash(screen_text(drill_app))
        await pilot.press("enter")  # all that are left
        assert "组织者" in squash(screen_text(drill_app))
        assert screen.face.revealed
        await pilot.press("4")
        assert screen.face.card.id != "family-list"
        assert ratings(store, course) == []  # cram leaves the schedule alone


async def test_choice_letter_picks_and_suggests_a_grade(drill_app, course, store):
    async with drill_app.run_test(size=(100, 30)) as pilot:
        screen = await open_drill(drill_app, pilot, "roles-awareness")
        await skip_to_choice(pilot, screen)
        face = screen.face
        text = screen_text(drill_app)
        assert "a)" in text and "b)" in text and "c)" in text
        wrong = next(pos for pos in range(len(face.order)) if pos not in face.correct_positions())
        await pilot.press("abc"[wrong])
        assert screen.face.revealed and screen.face.suggested == 1
        text = screen_text(drill_app)
        assert "✗" in text and "○" in text and "漏选" in text and "✓" not in text
        await pilot.press("enter")  # takes the suggested grade
        assert ratings(store, course)[-1] == ("roles-outside", 1)


async def test_multiple_choice_letters_toggle_and_enter_submits(drill_app, course, store):
    async with drill_app.run_test(size=(100, 30)) as pilot:
        screen = await open_drill(drill_app, pilot, "background-methods")
        await skip_to_choice(pilot, screen)
        face = screen.face
        for pos in sorted(face.correct_positions()):
            await pilot.press("abcdef"[pos])
        assert not screen.face.revealed
        await pilot.press("enter")
        assert screen.face.revealed and screen.face.suggested == 3
        await pilot.press("3")
        assert ratings(store, course)[-1] == ("background-methods-choice", 3)


async def test_typed_answer_is_compared_and_graded(drill_app, course, store):
    async with drill_app.run_test(size=(100, 30)) as pilot:
        screen = await open_drill(drill_app, pilot, "overview")
        box = drill_app.screen.query_one(Input)
        assert box.has_focus
        box.value = "郭英东"  # Pilot cannot type through an IME
        await pilot.press("enter")
        assert screen.face.comparison.exact and screen.face.suggested == 3
        assert "相似度100%" in squash(screen_text(drill_app))
        await pilot.press("enter")  # takes the suggested grade, Good
        assert ratings(store, course) == [("overview-trainer", 3)]
        # a 10-minute learning step is within the 20-minute learn-ahead: it comes back now
        assert screen.face.card.id == "overview-trainer" and not screen.face.revealed
        assert drill_app.screen.query_one(Input).value == ""


async def test_typed_answer_with_a_mistake_is_highlighted(drill_app, course, store):
    async with drill_app.run_test(size=(100, 30)) as pilot:
        screen = await open_drill(drill_app, pilot, "overview")
        drill_app.screen.query_one(Input).value = "郭东"
        await pilot.press("enter")
        assert screen.face.suggested == 2
        assert [tag for _, tag in screen.face.comparison.expected_runs] == ["ok", "missing", "ok"]
        await pilot.press("2")
        assert ratings(store, course) == [("overview-trainer", 2)]


async def test_enter_then_digit_grades_every_kind_to_the_summary(drill_app, course, store, clock):
    async with drill_app.run_test(size=(100, 30)) as pilot:
        screen = await open_drill(drill_app, pilot, "direction")  # 16 cards, all five kinds
        kinds = set()
        while not screen.finished:
            kinds.add(screen.face.card.kind.value)
            await pilot.press("enter", "4")
        assert kinds == {"basic", "cloze", "list", "choice", "typed"}
        text = squash(screen_text(drill_app))
        assert "本次复习完成" in text and "完成16张，其中重来0张" in text and "下一张到期" in text
        assert len(store.reviews(course.id)) == 16
        await pilot.press("escape")
        assert not isinstance(drill_app.screen, DrillScreen)


async def test_undo_bury_and_suspend_keys(drill_app, course, store, clock):
    async with drill_app.run_test(size=(100, 30)) as pilot:
        screen = await open_drill(drill_app, pilot, "direction-eight")
        first = screen.face.card.id
        await pilot.press("enter", "3")
        assert ratings(store, course) == [(first, 3)]
        await pilot.press("u")
        assert ratings(store, course) == [] and screen.face.card.id == first
        await pilot.press("b")
        buried = first
        suspended = screen.face.card.id
        await pilot.press("exclamation_mark")
        assert store.card(course.id, suspended).suspended
        assert store.card(course.id, buried).buried_until_ms is not None
        assert screen.session.left == 8
        await pilot.press("escape", "l")
        await drill_app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(drill_app.screen, CardBrowserScreen)
        table = drill_app.screen.query_one(CardTable)
        assert len(table.rows) == 10
        flags = {r.card.id: row_labels(r)[3] for r in table.rows}
        assert flags[suspended] == "已暂停" and "已暂埋" in flags[buried]
        table.cursor = [r.card.id for r in table.rows].index(suspended)
        await pilot.press("s")
        assert not store.card(course.id, suspended).suspended
        assert row_labels(table.current)[3] == "" and table.current.card.id == suspended


async def test_cram_mode_leaves_the_schedule_alone(drill_app, course, store):
    async with drill_app.run_test(size=(100, 30)) as pilot:
        screen = await open_drill(drill_app, pilot, "summary", key="c")
        assert "突击模式" in squash(screen_text(drill_app))
        for _ in range(3):
            await pilot.press("enter", "3")
        assert screen.finished
        assert store.reviews(course.id) == [] and store.cards(course.id) == {}


async def test_drill_whole_course_with_capital_d(drill_app, course, store):
    async with drill_app.run_test(size=(100, 30)) as pilot:
        await pilot.press("D")
        assert isinstance(drill_app.screen, DrillScreen)
        assert drill_app.screen.session.left == 20  # the day's new-card limit
