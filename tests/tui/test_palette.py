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
