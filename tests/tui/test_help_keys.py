"""Help names every key one way, and the footer always offers the way out."""

from __future__ import annotations

import pytest

from gonghui_tui.i18n import set_language
from gonghui_tui.tui.screens.help import HelpScreen

from .helpers import screen_text


async def test_help_names_keys_like_enter_and_tab(app):
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        labels = [keys for keys, _ in app.screen.rows]
        parts = {part for label in labels for key in label.split(" / ") for part in key.split("+")}
        assert {"Home", "End", "Enter"} <= parts
        named = [p for p in parts if len(p) > 1 and p.isascii() and p.isalpha()]
        assert named and all(p[0].isupper() for p in named), sorted(named)


@pytest.mark.parametrize("lang,quit_label", [("zh", "q 退出"), ("en", "q Quit")])
async def test_footer_at_100_columns_shows_quit(course, store, clock, lang, quit_label):
    from gonghui_tui.tui.app import GonghuiApp

    set_language(lang)
    app = GonghuiApp(course=course, store=store, now=clock.now)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert quit_label in screen_text(app).splitlines()[-1]
