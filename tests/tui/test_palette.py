"""The command palette drills the course and jumps to sections."""

from __future__ import annotations

from textual.command import CommandPalette

from gonghui_tui.tui.screens.drill import DrillScreen
from gonghui_tui.tui.widgets.section_view import SectionView


async def choose_in_palette(pilot, query: str, wait: float = 0.5) -> None:
    """Open the palette, type the query, wait for the results and take the first."""
    await pilot.press("ctrl+p")
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*query)
    await pilot.pause(wait)
    await pilot.press("enter")
    await pilot.pause(0.3)


async def test_palette_drills_the_whole_course(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await choose_in_palette(pilot, "复习全部")
        assert isinstance(app.screen, DrillScreen)
        assert app.screen.session.section_id is None


async def test_palette_jumps_to_a_section(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await choose_in_palette(pilot, "跳转娘家人")
        assert app.screen.query_one(SectionView).section_id == "roles-family"


async def test_palette_finds_sections_by_pinyin(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await choose_in_palette(pilot, "njr", wait=0.6)
        assert app.screen.query_one(SectionView).section_id == "roles-family"


async def test_the_first_list_keeps_help_quit_and_settings_beside_a_section(app):
    from gonghui_tui.tui.widgets.outline_tree import OutlineTree

    async with app.run_test(size=(100, 40)) as pilot:
        app.screen.query_one(OutlineTree).select_section("direction")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause(0.5)
        shown = [str(option.prompt).split("\n")[0] for option in app.screen.query_one("CommandList").options]
        assert {"设置", "帮助", "退出"} <= set(shown), shown


async def test_a_query_that_matches_nothing_says_so_in_the_interface_language(app):
    """Textual's palette said "No matches found" in English in the Chinese interface."""
    from gonghui_tui.i18n import set_language

    from .helpers import screen_text

    try:
        async with app.run_test(size=(80, 24)) as pilot:
            for lang, words in (("zh", "没有找到匹配的命令"), ("en", "No matching command")):
                set_language(lang)
                await pilot.press("ctrl+p", *"xqzv")
                await pilot.pause(0.8)
                shown = screen_text(app)
                assert words in shown and "No matches found" not in shown
                await pilot.press("escape")
                await pilot.pause()
    finally:
        set_language("zh")
