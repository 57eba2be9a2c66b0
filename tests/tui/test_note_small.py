"""The note editor on a 40x12 terminal: there is room to see what one types."""

from __future__ import annotations

import pytest
from textual.widgets import TextArea

from gonghui_tui.i18n import set_language


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_note_editor_shows_lines_to_type_in_at_40x12(app, lang):
    set_language(lang)
    try:
        async with app.run_test(size=(40, 12)) as pilot:
            await pilot.press("j", "n")
            await pilot.pause()
            await pilot.press("a", "b", "c")
            await pilot.pause()
            area = app.screen.query_one(TextArea)
            assert area.has_focus and area.text.endswith("abc")
            assert area.content_region.height >= 3  # the English title wraps: 70% of 12 rows left none
    finally:
        set_language("zh")
