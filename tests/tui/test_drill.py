"""Drilling each card kind through Pilot, to the summary, checking the store."""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo

import pytest
from textual.widgets import Input

from gonghui_tui.tui.app import GonghuiApp
from gonghui_tui.tui.screens.cards import CardBrowserScreen, row_labels
from gonghui_tui.tui.widgets.card_table import CardTable
from gonghui_tui.tui.screens.drill import DrillScreen
from gonghui_tui.tui.widgets.outline_tree import OutlineTree

from .helpers import screen_text, squash

OPTION = re.compile(r"[ √×○•] ([a-t])\) (.+?)(?: 漏选)?\s*│")


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


def on_screen(app) -> str:
    return squash(screen_text(app))


def front(course, card_id: str) -> str:
    """A card's question as the screen shows it (a cloze card: up to its first gap)."""
    return squash(course.card(card_id).front.split("{{")[0])


def options(app) -> dict[str, str]:
    """The choice options on screen: letter -> text."""
    return {m.group(1): m.group(2).strip() for m in OPTION.finditer(screen_text(app))}


def suggested(app) -> str:
    """The grade button drawn as the suggestion."""
    return app.screen.query_one("#drill-grades .suggested").id


async def skip_to_choice(pilot, app) -> None:
    """Grade cards Good until a choice card is shown."""
    for _ in range(30):
        if options(app):
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
        assert front(course, "summary-adapt") in on_screen(drill_app)


async def test_cloze_fills_gaps_in_place(drill_app, course, store):
    async with drill_app.run_test(size=(100, 30)) as pilot:
        screen = await open_drill(drill_app, pilot, "summary")
        await pilot.press("space", "3", "enter", "3")  # basic, then choice revealed without choosing
        text = squash(screen_text(drill_app))
        assert "未来，工会干部应继续＿＿＿＿，＿＿＿＿＿＿" in text
        await pilot.press("enter")
        assert "未来，工会干部应继续加强学习，提升自身素养" in squash(screen_text(drill_app))
        await pilot.press("1")  # Again: the card comes back in this session
        assert ratings(store, course)[-1] == ("summary-future", 1)
        assert "未来，工会干部应继续＿＿＿＿" in on_screen(drill_app)  # asked again


async def test_list_items_one_by_one_then_all(drill_app, course, store):
    async with drill_app.run_test(size=(100, 30)) as pilot:
        # cram: its siblings (one group) would otherwise wait for tomorrow
        screen = await open_drill(drill_app, pilot, "roles-family", key="c")
        assert front(course, "family-name") in on_screen(drill_app)
        await pilot.press("enter")  # typed card: Enter submits even empty
        await pilot.press("1")
        assert front(course, "family-list") in on_screen(drill_app)
        await pilot.press("space")
        text = squash(screen_text(drill_app))
        assert "代言人" in text and "关爱者" not in text
        await pilot.press("space")
        assert "关爱者" in squash(screen_text(drill_app)) and "组织者" not in squash(screen_text(drill_app))
        await pilot.press("enter")  # all that are left
        assert "组织者" in squash(screen_text(drill_app))
        assert "1重来" in on_screen(drill_app)  # the grades show
        await pilot.press("4")
        assert front(course, "family-list") not in on_screen(drill_app)
        assert ratings(store, course) == []  # cram leaves the schedule alone


async def test_choice_letter_picks_and_suggests_a_grade(drill_app, course, store):
    async with drill_app.run_test(size=(100, 30)) as pilot:
        screen = await open_drill(drill_app, pilot, "roles-awareness")
        await skip_to_choice(pilot, drill_app)
        shown = options(drill_app)
        assert sorted(shown) == ["a", "b", "c"]
        answers = course.card("roles-outside").answers
        wrong = next(letter for letter, text in shown.items() if text not in answers)
        await pilot.press(wrong)
        assert suggested(drill_app) == "grade-1"
        text = screen_text(drill_app)
        assert "×" in text and "○" in text and "漏选" in text and "√" not in text
        await pilot.press("enter")  # takes the suggested grade
        assert ratings(store, course)[-1] == ("roles-outside", 1)


async def test_multiple_choice_letters_toggle_and_enter_submits(drill_app, course, store):
    async with drill_app.run_test(size=(100, 30)) as pilot:
        screen = await open_drill(drill_app, pilot, "background-methods")
        await skip_to_choice(pilot, drill_app)
        answers = course.card("background-methods-choice").answers
        for letter, text in options(drill_app).items():
            if text in answers:
                await pilot.press(letter)
        assert "1重来" not in on_screen(drill_app) and "•" in screen_text(drill_app)  # picked, not shown
        await pilot.press("enter")
        assert suggested(drill_app) == "grade-3"
        assert screen_text(drill_app).count("√") == 4 and "×" not in screen_text(drill_app)
        await pilot.press("3")
        assert ratings(store, course)[-1] == ("background-methods-choice", 3)


async def test_typed_answer_is_compared_and_graded(drill_app, course, store):
    async with drill_app.run_test(size=(100, 30)) as pilot:
        screen = await open_drill(drill_app, pilot, "overview")
        box = drill_app.screen.query_one(Input)
        assert box.has_focus
        box.value = "郭英东"  # Pilot cannot type through an IME
        await pilot.press("enter")
        assert suggested(drill_app) == "grade-3"
        assert "相似度100%" in squash(screen_text(drill_app))
        await pilot.press("enter")  # takes the suggested grade, Good
        assert ratings(store, course) == [("overview-trainer", 3)]
        # a 10-minute learning step is within the 20-minute learn-ahead: it comes back now
        assert front(course, "overview-trainer") in on_screen(drill_app)
        assert "相似度" not in on_screen(drill_app)
        assert drill_app.screen.query_one(Input).value == ""


async def test_typed_answer_with_a_mistake_is_highlighted(drill_app, course, store):
    async with drill_app.run_test(size=(100, 30)) as pilot:
        screen = await open_drill(drill_app, pilot, "overview")
        drill_app.screen.query_one(Input).value = "郭东"
        await pilot.press("enter")
        assert suggested(drill_app) == "grade-2"
        assert "你的答案：郭东" in on_screen(drill_app) and "正确答案：郭英东" in on_screen(drill_app)
        await pilot.press("2")
        assert ratings(store, course) == [("overview-trainer", 2)]


async def test_enter_then_digit_grades_every_kind_to_the_summary(drill_app, course, store, clock):
    async with drill_app.run_test(size=(100, 30)) as pilot:
        screen = await open_drill(drill_app, pilot, "direction")  # 16 cards, all five kinds
        for _ in range(20):
            if "本次复习完成" in on_screen(drill_app):
                break
            await pilot.press("enter", "4")
        kinds = {course.card(card_id).kind.value for card_id, _ in ratings(store, course)}
        assert kinds == {"basic", "cloze", "list", "choice", "typed"}
        text = squash(screen_text(drill_app))
        assert "本次复习完成" in text and "完成16张，其中重来0张" in text and "下一张到期" in text
        assert len(store.reviews(course.id)) == 16
        await pilot.press("escape")
        assert not isinstance(drill_app.screen, DrillScreen)


async def test_undo_bury_and_suspend_keys(drill_app, course, store, clock):
    async with drill_app.run_test(size=(100, 30)) as pilot:
        screen = await open_drill(drill_app, pilot, "direction-eight")
        await pilot.press("enter", "3")
        [(first, rating)] = ratings(store, course)
        assert rating == 3 and front(course, first) not in on_screen(drill_app)
        await pilot.press("u")
        assert ratings(store, course) == [] and front(course, first) in on_screen(drill_app)
        await pilot.press("b")
        buried = first
        assert "新卡9" in on_screen(drill_app)  # buried: one fewer today
        await pilot.press("exclamation_mark")
        [suspended] = [cid for cid, r in store.cards(course.id).items() if r.suspended]
        assert store.card(course.id, buried).buried_until_ms is not None
        assert "新卡8" in on_screen(drill_app)  # ten new cards, two put aside
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
        assert "本次复习完成" in on_screen(drill_app)
        assert store.reviews(course.id) == [] and store.cards(course.id) == {}


async def test_drill_whole_course_with_capital_d(drill_app, course, store):
    async with drill_app.run_test(size=(100, 30)) as pilot:
        await pilot.press("D")
        assert isinstance(drill_app.screen, DrillScreen)
        await pilot.pause()
        assert "新卡20" in on_screen(drill_app)  # the day's new-card limit
