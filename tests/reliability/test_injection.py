"""Markup in course text and notes is shown literally and runs nothing:
tree, detail pane, drill, search results, exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Input

from gonghui_tui.i18n import translator
from gonghui_tui.exporting import render
from gonghui_tui.domain.loader import load_course
from gonghui_tui.storage.settings import Settings
from gonghui_tui.tui.app import GonghuiApp
from gonghui_tui.tui.screens.drill import DrillScreen
from gonghui_tui.tui.screens.search import SearchScreen
from tests.tui.helpers import screen_text

FIXTURE = Path(__file__).parent.parent / "fixtures" / "injection.toml"
QUIT = "[@click=app.quit]退出[/]"


@pytest.fixture
def hostile(store, clock):
    course = load_course(FIXTURE)
    store.save_note(course.id, "s1", "笔记[@click=app.quit]退出[/] [link=file:///etc/passwd]p[/link]", clock.now())
    return course


async def click_everywhere(pilot, app, width, height, rows=None):
    """Click over the content area (not the footer, whose keys are real bindings)."""
    for y in rows or range(1, height - 1):
        for x in range(2, width, 30):
            await pilot.click(offset=(x, y))
            assert app.is_running and app.return_code is None, f"a click at {x},{y} did something"


READER_LITERALS = ["标题" + QUIT, "正文 [bold red]不应变红[/]", "[link=file:///etc/passwd]密码[/link]",
                   "要点" + QUIT, "列表[bold]粗[/]", "项" + QUIT, "注[@click=app.bell]响[/]", "笔记" + QUIT]


async def test_reader_shows_markup_literally(hostile, store, clock):
    app = GonghuiApp(course=hostile, store=store, now=clock.now)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        text = screen_text(app)
        assert hostile.title in app.sub_title and "注入[bold red]红[/]" in text
        for literal in READER_LITERALS:
            assert literal in text, literal


@pytest.mark.slow
async def test_clicking_on_markup_in_the_reader_runs_nothing(hostile, store, clock):
    bells = []
    app = GonghuiApp(course=hostile, store=store, now=clock.now)
    app.bell = lambda: bells.append(1)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        text = screen_text(app)
        for literal in READER_LITERALS:
            assert literal in text, literal
        await click_everywhere(pilot, app, 120, 30)
        assert bells == []


@pytest.mark.slow
async def test_drill_and_search_show_markup_literally_and_clicks_run_nothing(hostile, store, clock):
    app = GonghuiApp(course=hostile, store=store, now=clock.now, seed=1)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("D")
        assert isinstance(app.screen, DrillScreen)
        seen = []
        for _ in range(3):
            # click over the card's text (the card box), not the grade buttons below it
            await click_everywhere(pilot, app, 120, 30, rows=range(4, 20))
            assert isinstance(app.screen, DrillScreen) and app.screen.face is not None
            await pilot.press("enter")
            seen.append(screen_text(app))
            await pilot.press("4")
        everything = "\n".join(seen)
        for literal in ["问" + QUIT, "答[bold red]红[/]", "选" + QUIT, "[@click=app.quit]甲[/]", "乙[bold]",
                        "填[@click=app.quit]空[/]"]:
            assert literal in everything, literal
        await pilot.press("escape", "slash")
        assert isinstance(app.screen, SearchScreen)
        app.screen.query_one(Input).value = "退出"
        await pilot.pause()
        results = "\n".join(r.entry.text for r in app.screen.results)
        assert "笔记" + QUIT in results


def test_exports_keep_markup_as_text(hostile, store, clock):
    md = render("md", hostile, store, clock.now(), Settings(), t=translator("zh"))
    assert "\\[@click=app\\.quit\\]退出\\[/\\]" in md  # escaped, so Markdown shows it as typed
    data = json.loads(render("json", hostile, store, clock.now(), Settings()))
    assert data["notes"][0]["text"].startswith("笔记" + QUIT)
    anki = render("anki", hostile, store, clock.now(), Settings())
    assert "问[@click=app.quit]退出[/]" in anki  # plain text for Anki: no Textual markup there
