"""The footer never cuts a label: whole, short form from the catalogue, or left out (issue 15.3)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from rich.cells import cell_len

from gonghui_tui.i18n import CATALOG, LANGUAGES, set_language
from gonghui_tui.tui.app import GonghuiApp
from gonghui_tui.tui.screens.drill import DrillScreen
from gonghui_tui.tui.widgets.footer_fit import KEY_EXTRA, PALETTE_EXTRA, fit_labels, key_cells
from gonghui_tui.tui.widgets.key_footer import KeyFooter

from .helpers import screen_text

WIDTHS = range(40, 161)
DRAWN = (40, 47, 61, 80, 97, 160)  # drawn by Textual; fit_labels is checked at every width


def labels(lang: str) -> set[str]:
    index = LANGUAGES.index(lang)
    return {entry[index] for key, entry in CATALOG.items() if key.startswith("bind.")} | {""}


def check_the_fitting(app, lang: str) -> None:
    """fit_labels at every width: whole labels only, never wider than the footer."""
    allowed = labels(lang)
    footer = app.screen.query_one(KeyFooter)
    items, palette = footer.candidates()
    for width in WIDTHS:
        shown, palette_label = fit_labels(items, palette, width)
        cells = sum(key_cells(items[i][0], label) for i, label in shown)
        if palette_label is not None:
            cells += key_cells(palette[0], palette_label) + PALETTE_EXTRA - KEY_EXTRA
        assert cells <= width, width
        assert {label for _, label in shown} <= allowed
        assert [i for i, _ in shown] == list(range(len(shown)))  # dropped from the end only
        assert palette_label is not None, width


async def check_every_width(app, pilot, lang: str) -> None:
    check_the_fitting(app, lang)
    allowed = labels(lang)
    for width in DRAWN:
        await pilot.resize_terminal(width, 16)
        await pilot.pause()
        await pilot.pause()
        row = screen_text(app).splitlines()[-1]
        keys = app.screen.query_one(KeyFooter).placed
        assert keys, width
        right = width
        for key in keys:
            assert key.spec.label in allowed, (width, key.spec.label)
            assert key.end <= width, (width, key.spec.label)
            if key.spec.is_palette:
                right = key.start
        for key in keys:
            shown = f"{key.spec.display} {key.spec.label}".strip()
            assert shown in row, (width, shown, row)
            if not key.spec.is_palette:
                assert key.end <= right, (width, key.spec.label, row)
        assert cell_len(row) <= width


@pytest.mark.parametrize("lang", LANGUAGES)
async def test_reader_and_drill_footers_fit_every_width(course, store, clock, lang):
    set_language(lang)
    app = GonghuiApp(course=course, store=store, now=clock.now, fuzzing=False,
                     tz=ZoneInfo("Asia/Shanghai"), seed=7)
    async with app.run_test(size=(80, 16)) as pilot:
        await check_every_width(app, pilot, lang)
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(app.screen, DrillScreen)
        await check_every_width(app, pilot, lang)
        await pilot.press("escape", "p")
        await pilot.pause()
        await check_every_width(app, pilot, lang)


@pytest.mark.parametrize("lang", LANGUAGES)
async def test_the_way_back_from_the_drill_summary_is_on_a_40_column_footer(course, store, clock, lang):
    set_language(lang)
    app = GonghuiApp(course=course, store=store, now=clock.now, fuzzing=False)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("D")
        await pilot.pause()
        await pilot.press("enter", "3", "escape")  # one card, then leave: the summary
        await pilot.pause()
        await pilot.pause()
        row = screen_text(app).splitlines()[-1]
        back, quit_ = ("返回阅读", "q 退出") if lang == "zh" else ("Back", "q Quit")
        assert "esc" in row and back in row and quit_ in row, row
        assert row.index(quit_) < row.index("esc"), row  # the way out of the program stays first
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, DrillScreen)


@pytest.mark.parametrize("lang,width", [("en", 52), ("zh", 43)])
async def test_a_narrow_answer_footer_still_offers_the_grades(course, store, clock, lang, width):
    """The answer's Space label had no short form: at 52 columns in English (43 in
    Chinese) it took the whole row and only the way out was left."""
    set_language(lang)
    app = GonghuiApp(course=course, store=store, now=clock.now, fuzzing=False,
                     tz=ZoneInfo("Asia/Shanghai"), seed=7)
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.press("D")
        await pilot.pause()
        while not app.screen.face.revealed:
            await pilot.press("space")
        await pilot.pause()
        row = screen_text(app).splitlines()[-1]
        again = "1 Again" if lang == "en" else "1 重来"
        assert "space" in row and again in row, row
        assert cell_len(row.rstrip()) <= width
