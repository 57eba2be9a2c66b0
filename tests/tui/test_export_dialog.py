"""Exporting from the app: pick a format, see the path, never overwrite silently."""

from __future__ import annotations

from gonghui_tui.tui.app import GonghuiApp
from gonghui_tui.tui.screens.dialogs import ConfirmScreen, ExportFormatScreen


async def test_e_exports_markdown_and_asks_before_overwriting(course, store, clock, tmp_path):
    docs = tmp_path / "Documents"
    app = GonghuiApp(course=course, store=store, now=clock.now, export_dir=docs)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("e")
        assert isinstance(app.screen, ExportFormatScreen)
        await pilot.press("enter")  # the first format: Markdown
        await pilot.pause()
        written = docs / "gonghui-progress-2026-03-02.md"
        assert written.read_text(encoding="utf-8").startswith(f"# {course.title}")
        assert any(str(written) in n.message for n in app._notifications)
        written.write_text("留着")
        await pilot.press("e", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")  # no
        assert written.read_text() == "留着"
        await pilot.press("e", "down", "down", "enter")  # JSON, a new file
        await pilot.pause()
        assert (docs / "gonghui-progress-2026-03-02.json").exists()
