"""Search from the reader: results as you type, Enter jumps."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from gonghui_tui.tui.screens.search import SearchScreen
from gonghui_tui.tui.widgets.section_view import SectionView


async def test_slash_search_pinyin_initials_and_jump(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"njr")
        await pilot.pause()
        results = app.screen.query_one(OptionList)
        assert results.option_count >= 3
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one(SectionView).section_id == "roles-family"


async def test_search_chinese_via_input_value_and_choose_a_card(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash")
        app.screen.query_one(Input).value = "郭英东"  # no IME in Pilot
        await pilot.pause()
        screen = app.screen
        card_row = next(i for i, r in enumerate(screen.results) if r.entry.kind == "card")
        await pilot.press("down")
        screen.query_one(OptionList).highlighted = card_row
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one(SectionView).section_id == "overview"


async def test_index_is_built_once_per_session_and_follows_notes(app, monkeypatch):
    from textual.widgets import TextArea

    from gonghui_tui.domain import search

    built = []
    real_of = search.CourseEntries.of.__func__
    monkeypatch.setattr(search.CourseEntries, "of",
                        classmethod(lambda cls, course: built.append(1) or real_of(cls, course)))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"mty")
        await pilot.pause()
        assert app.screen.query_one(OptionList).option_count == 0
        await pilot.press("escape", "j", "n")
        app.screen.query_one(TextArea).text = "猫头鹰：多读原文"  # no IME in Pilot
        await pilot.press("escape", "slash", *"mty")
        await pilot.pause()
        shown = [r.entry for r in app.screen.results]
        assert [(e.kind, e.section_id) for e in shown] == [("note", "importance")]
        assert "猫头鹰" in str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)
    assert built == [1]  # the course's entries were indexed once, not at every open
