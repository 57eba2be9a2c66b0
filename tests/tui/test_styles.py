"""Styles live beside their owners: the app stylesheet keeps theme-wide rules
and the one dialog box; every modal draws that same box."""

from __future__ import annotations

import re
from pathlib import Path

from textual.screen import ModalScreen

import gonghui_tui.tui.app as app_module
from gonghui_tui.tui.screens.cards import CardBrowserScreen, CardPreviewScreen
from gonghui_tui.tui.screens.dialogs import ConfirmScreen
from gonghui_tui.tui.screens.trainee_ask import TraineeAskScreen
from gonghui_tui.tui.screens.note import NoteScreen
from gonghui_tui.tui.screens.search import SearchScreen
from gonghui_tui.tui.messages import ShowCards

APP_TCSS = Path(app_module.__file__).with_name("app.tcss")


def test_app_stylesheet_names_no_screen_or_widget_id():
    css = re.sub(r"/\*.*?\*/", "", APP_TCSS.read_text(encoding="utf-8"), flags=re.S)
    selectors = [line.split("{")[0].strip() for line in css.splitlines() if "{" in line]
    assert not [s for s in selectors if "#" in s or s.split(".")[0].endswith("Screen") and s.split(".")[0] != "Screen"]
    assert css.count("border: round") == 1  # the dialog box, written once


async def test_every_modal_draws_the_same_box(app):
    async with app.run_test(size=(100, 30)) as pilot:
        boxes = []
        for opener in (lambda: app.action_help(), lambda: app.action_export(),
                       lambda: app.push_screen(SearchScreen(app.search.index({}))),
                       lambda: app.push_screen(NoteScreen("section", "", lambda text: None)),
                       lambda: app.push_screen(ConfirmScreen("?")),
                       lambda: app.action_settings(), lambda: app.push_screen(TraineeAskScreen()),
                       lambda: app.post_message(ShowCards(None))):
            opener()
            await pilot.pause()
            assert isinstance(app.screen, ModalScreen)
            box = app.screen.query_one(".dialog")
            boxes.append((box.styles.border_top, box.styles.background, box.styles.padding))
            if isinstance(app.screen, CardBrowserScreen):  # and the card preview above it
                await pilot.pause(0.3)
                await pilot.press("enter")
                await pilot.pause()
                assert isinstance(app.screen, CardPreviewScreen)
                box = app.screen.query_one(".dialog")
                boxes.append((box.styles.border_top, box.styles.background, box.styles.padding))
                app.pop_screen()
            app.pop_screen()
            await pilot.pause()
        assert len(boxes) == 9 and len(set(boxes)) == 1
        assert boxes[0][0][0] == "round"
