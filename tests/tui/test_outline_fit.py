"""Issue 17.5: at 80×24 the outline never scrolls sideways: long titles are
ellipsised on one line (the detail pane shows them whole), and the header
never cuts the course title in the middle of a character."""

from __future__ import annotations

import pytest
from rich.cells import cell_len, get_character_cell_size

from gonghui_tui.i18n import set_language, t
from gonghui_tui.tui.widgets.outline_tree import OutlineTree
from gonghui_tui.tui.widgets.section_view import SectionView
from gonghui_tui.tui.glyphs import HEADER_ICON

from .helpers import screen_text

def split_at(line: str, x: int) -> tuple[str, str]:
    """``line`` cut at terminal cell ``x``: (left of it, from it on)."""
    cells = 0
    for index, char in enumerate(line):
        if cells >= x:
            return line[:index], line[index:]
        cells += get_character_cell_size(char)
    return line, ""


LONG = "importance"  # 工会干部培训的重要性与新挑战: longer than the outline pane at 80 columns


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_outline_at_80x24_has_no_sideways_scrollbar_and_ellipsises(app, course, lang):
    set_language(lang)
    async with app.run_test(size=(80, 24)) as pilot:
        tree = app.screen.query_one(OutlineTree)
        tree.select_section("overview")  # a child: deeper guides, less room
        await pilot.pause()
        assert not tree.show_horizontal_scrollbar
        assert tree.virtual_size.width <= tree.scrollable_content_region.width
        title = course.sections[LONG].title
        rows = [split_at(line, tree.region.right)[0] for line in screen_text(app).splitlines()]
        (outline_row,) = [row for row in rows if title[:8] in row]  # on one line
        assert title not in outline_row and "…" in outline_row  # cut, and says so
        assert title[:8] in outline_row
        tree.select_section(LONG)
        await pilot.pause()
        assert app.screen.query_one(SectionView).section_id == LONG
        detail = "\n".join(split_at(line, tree.region.right)[1] for line in screen_text(app).splitlines())
        assert title in detail  # the full title beside the outline


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_header_cuts_the_course_title_only_between_characters(app, course, lang):
    set_language(lang)
    app.title = t("app.title")
    full = f"{app.title} — {course.title}"
    async with app.run_test(size=(80, 24)) as pilot:
        for width in range(40, 81, 3):
            await pilot.resize_terminal(width, 24)
            await pilot.pause()
            header = screen_text(app).splitlines()[0].replace(HEADER_ICON, "").strip()
            if header == full:
                continue
            assert header.endswith("…"), (width, header)
            kept = header[:-1]
            assert kept == kept.rstrip() and full.startswith(kept), (width, header)
            assert cell_len(header) <= width
