"""Small terminals, resizing, language and theme switching."""

from __future__ import annotations

import tomllib

import pytest

from gonghui_tui.i18n import language
from gonghui_tui.storage.settings import Settings
from gonghui_tui.tui.app import GonghuiApp
from gonghui_tui.tui.screens.cards import CardBrowserScreen
from gonghui_tui.tui.screens.dashboard import DashboardScreen
from gonghui_tui.tui.screens.export_dialog import ExportScreen
from gonghui_tui.tui.screens.drill import DrillScreen
from gonghui_tui.tui.screens.help import HelpScreen
from gonghui_tui.tui.screens.note import NoteScreen
from gonghui_tui.tui.screens.reader import ReaderScreen
from gonghui_tui.tui.screens.search import SearchScreen
from gonghui_tui.tui.screens.settings import SettingsScreen
from gonghui_tui.tui.screens.trainee_ask import TraineeAskScreen
from gonghui_tui.tui.widgets.outline_tree import OutlineTree
from gonghui_tui.tui.widgets.section_view import SectionView

from .helpers import screen_text, squash

SIZES = [(40, 12), (60, 20), (80, 24), (120, 40), (250, 80), (41, 13)]
OPENERS = {
    ReaderScreen: [],
    HelpScreen: ["question_mark"],
    DashboardScreen: ["p"],
    DrillScreen: ["d"],
    SearchScreen: ["slash"],
    NoteScreen: ["n"],
    CardBrowserScreen: ["l"],
    TraineeAskScreen: ["e"],  # the first export asks for the name
    ExportScreen: ["e", "escape"],
    SettingsScreen: ["comma"],
}


@pytest.mark.parametrize("screen_type", list(OPENERS), ids=lambda s: s.__name__)
async def test_resizing_through_sizes_on_each_screen(app, screen_type):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j", "j", "enter", "j")  # a section with cards, expanded
        await pilot.press(*OPENERS[screen_type])
        await pilot.pause()
        assert isinstance(app.screen, screen_type)
        for width, height in SIZES:
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            assert app.size == (width, height)
            assert isinstance(app.screen, screen_type)
            assert len(screen_text(app).splitlines()) == height


VISIBLE_SIZES = [(40, 12), (60, 20), (80, 24)]


@pytest.mark.parametrize("size", VISIBLE_SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_search_results_are_visible(app, size):
    async with app.run_test(size=size) as pilot:
        await pilot.press("slash", *"wurongru")
        await pilot.pause()
        text = screen_text(app)
        assert "找到 5 条" in text
        assert "[标题] “五融入”工作思路" in text  # a result row, not only the count


@pytest.mark.parametrize("size", VISIBLE_SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_drill_answer_is_visible_after_space(app, size):
    async with app.run_test(size=size) as pilot:
        app.screen.query_one(OutlineTree).select_section("summary")
        await pilot.pause()
        await pilot.press("d", "space")
        await pilot.pause()
        text = squash(screen_text(app)).replace("│", "")  # lines joined across the card's border
        assert "总结中，工会干部培训被称为提升什么的重要途径" in text
        assert "提升工会工作质量的重要途径。" in text  # the answer
        assert "1重来" in text and "4简单" in text


@pytest.mark.parametrize("size", VISIBLE_SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_help_rows_are_visible(app, size):
    async with app.run_test(size=size) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        rows = app.screen.query_one("#help-table").region
        shown = [line for line in screen_text(app).splitlines()[rows.y + 1:rows.bottom] if "│" in line]
        keys = [line for line in shown if line.split("│")[1].strip()]
        assert len(keys) >= 5, screen_text(app)


async def test_at_60x20_outline_and_section_take_turns(app):
    async with app.run_test(size=(60, 20)) as pilot:
        screen = app.screen
        assert screen.has_class("narrow")
        await pilot.press("j", "enter", "j", "enter")  # into 课程简介, a leaf
        assert screen.has_class("show-detail")
        assert "讲师：郭英东" in squash(screen_text(app))
        assert not app.screen.query_one(OutlineTree).display or not screen.query_one("#outline-pane").display
        await pilot.press("o")
        assert not screen.has_class("show-detail")
        assert app.focused is screen.query_one(OutlineTree)
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert not screen.has_class("narrow")
        assert screen.query_one(SectionView).display and screen.query_one("#outline-pane").display


async def test_language_switch_applies_now_and_is_saved(course, store, clock, tmp_path):
    config = tmp_path / "config.toml"
    app = GonghuiApp(course=course, store=store, now=clock.now, settings_path=config)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j", "j")
        assert "已读/未读" in screen_text(app)
        await app.toggle_language()
        await pilot.pause()
        assert language() == "en"
        text = screen_text(app)
        assert "Read/unread" in text and "已读/未读" not in text
        assert "课程背景与目的" in text  # content stays Chinese
        assert app.screen.query_one(SectionView).section_id == "background"
        assert tomllib.loads(config.read_text())["language"] == "en"


async def test_chosen_theme_is_saved(course, store, clock, tmp_path):
    config = tmp_path / "config.toml"
    app = GonghuiApp(course=course, store=store, now=clock.now, settings=Settings(), settings_path=config)
    async with app.run_test(size=(100, 30)) as pilot:
        app.theme = "gruvbox"
        await pilot.pause()
        assert tomllib.loads(config.read_text())["theme"] == "gruvbox"


async def test_mouse_clicks_grade_buttons(app, course, store):
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.query_one(OutlineTree).select_section("summary")
        await pilot.pause()
        await pilot.press("d", "space")
        await pilot.click("#grade-4")
        assert [(r.card_id, r.rating) for r in store.reviews(course.id)] == [("summary-quality", 4)]
