"""Reading progress in the reader: dwell and r mark sections read, the tree
and the progress bar show it, notes are kept, and a relaunch resumes."""

from __future__ import annotations

from textual.widgets import ProgressBar, TextArea

from gonghui_tui.domain.reading import ReadStatus
from gonghui_tui.storage.settings import Settings
from gonghui_tui.tui.app import GonghuiApp
from gonghui_tui.tui.screens.note import NoteScreen
from gonghui_tui.tui.widgets.outline_tree import OutlineTree
from gonghui_tui.tui.widgets.section_view import SectionView

from .helpers import screen_text, squash, tree_label


def make_app(course, store, clock, dwell=8.0) -> GonghuiApp:
    return GonghuiApp(course=course, store=store, settings=Settings(read_dwell_seconds=dwell),
                      now=clock.now)


async def test_r_toggles_read_and_the_tree_and_bar_show_it(course, store, clock):
    app = make_app(course, store, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j", "r")
        assert store.sections(course.id)["importance"].read
        assert "已读 1/16 节" in screen_text(app)
        assert app.screen.query_one(ProgressBar).progress == 1
        assert "◐" in tree_label(app, "importance")  # read itself, but its subsection is not
        await pilot.press("enter", "j", "r")
        assert app.reading.status("importance") is ReadStatus.READ
        assert tree_label(app, "importance").startswith("▼ √ ")
        assert tree_label(app, "overview") == "√ 课程简介"
        assert tree_label(app, "background").startswith("▶ ○ ")
        await pilot.press("r")
        assert not store.sections(course.id)["overview"].read
        assert "已读 1/16 节" in screen_text(app)


async def test_staying_on_a_section_for_the_dwell_time_marks_it_read(course, store, clock):
    app = make_app(course, store, clock, dwell=1.0)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j", "j")  # passing through importance quickly does not count
        await pilot.pause(1.4)
        assert app.reading.is_read("background")
        assert not app.reading.is_read("importance")
        assert store.sections(course.id)["background"].seconds == 0  # still on it
        await pilot.press("j")
        assert store.sections(course.id)["background"].seconds > 1.0


async def test_relaunch_returns_to_the_last_section(course, store, clock):
    app = make_app(course, store, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.query_one(OutlineTree).select_section("roles-family")
        await pilot.pause()
        assert app.screen.query_one(SectionView).section_id == "roles-family"
    again = make_app(course, store, clock)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert again.screen.query_one(SectionView).section_id == "roles-family"
        assert "代言人" in squash(screen_text(again))


async def test_note_is_saved_while_typing_and_shown_in_the_pane(course, store, clock):
    app = make_app(course, store, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j", "n")
        assert isinstance(app.screen, NoteScreen)
        area = app.screen.query_one(TextArea)
        area.text = "要记住：深入基层，走近职工。"  # Pilot cannot type through an IME
        await pilot.pause(0.9)  # debounce
        assert store.note(course.id, "importance") == "要记住：深入基层，走近职工。"
        area.move_cursor(area.document.end)
        area.insert("再读一遍")
        await pilot.press("escape")  # closing saves at once
        assert store.note(course.id, "importance").endswith("再读一遍")
        assert not isinstance(app.screen, NoteScreen)
        text = squash(screen_text(app))
        assert "我的笔记" in text and "深入基层，走近职工。再读一遍" in text


async def test_startup_notices_are_shown(course, store, clock):
    app = GonghuiApp(course=course, store=store, now=clock.now, notices=["进度数据库已损坏，已移到 /x"])
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        assert "已移到" in squash(screen_text(app))


async def test_theme_from_settings_is_applied(course, store, clock):
    app = GonghuiApp(course=course, store=store, now=clock.now, settings=Settings(theme="nord"))
    async with app.run_test(size=(100, 30)):
        assert app.theme == "nord"
