"""The command palette drills the course and jumps to sections."""

from __future__ import annotations

from textual.command import CommandPalette

from gonghui_tui.tui.screens.drill import DrillScreen
from gonghui_tui.tui.widgets.section_view import SectionView


async def test_palette_drills_the_whole_course(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"复习全部")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, DrillScreen)
        assert app.screen.session.section_id is None


async def test_palette_jumps_to_a_section(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"跳转娘家人")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.screen.query_one(SectionView).section_id == "roles-family"
