"""Exporting from the app: a dialog with the format, an editable path, the
trainee and the notes choice; the full path shown after writing.

The name is asked once before the first export (test_trainee_ask.py); these
tests start past that question."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from gonghui_tui.paths import Paths
from gonghui_tui.storage.settings import Settings
from gonghui_tui.tui.app import GonghuiApp
from gonghui_tui.tui.screens.dialogs import ConfirmScreen
from gonghui_tui.tui.screens.export_dialog import ExportScreen

from .helpers import screen_text

ASKED = Settings(trainee_asked=True)


async def test_e_exports_markdown_and_asks_before_overwriting(course, store, clock, tmp_path):
    docs = tmp_path / "Documents"
    app = GonghuiApp(course=course, store=store, now=clock.now, settings=ASKED, export_dir=docs)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("e")
        assert isinstance(app.screen, ExportScreen)
        written = docs / "gonghui-progress-2026-03-02.md"
        assert app.screen.query_one("#export-path").value == str(written)  # shown before writing
        await pilot.press("enter")  # the first format: Markdown
        await pilot.pause()
        assert written.read_text(encoding="utf-8").startswith(f"# {course.title}")
        written.write_text("留着")
        await pilot.press("e", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")  # no
        assert written.read_text() == "留着"
        await pilot.press("e", "down", "down")  # JSON: the file name follows the format
        assert app.screen.query_one("#export-path").value.endswith("gonghui-progress-2026-03-02.json")
        await pilot.press("enter")
        await pilot.pause()
        assert (docs / "gonghui-progress-2026-03-02.json").exists()


async def test_with_a_data_folder_nothing_lands_in_home(course, store, clock, tmp_path, monkeypatch,
                                                        isolated_home):
    """GONGHUI_TUI_HOME set: the default is exports/ inside it, and $HOME stays empty."""
    home = tmp_path / "user-home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    app = GonghuiApp(course=course, store=store, now=clock.now, settings=ASKED)  # the folder the CLI would give
    assert app.export_dir == Paths.resolve().export_dir()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("e", "enter")
        await pilot.pause()
        written = isolated_home / "exports" / "gonghui-progress-2026-03-02.md"
        assert written.is_file()
        assert list(home.rglob("*")) == []
        # the whole path is on screen, and no name is broken across lines
        lines = screen_text(app).splitlines()
        assert any("gonghui-progress-2026-03-02.md" in line for line in lines)
        for part in written.parts[1:]:
            assert any(part in line for line in lines), part


async def test_edited_path_trainee_and_private_notes(course, store, clock, tmp_path):
    store.save_note(course.id, "direction", "只给自己看", clock.now())
    config = tmp_path / "config.toml"
    app = GonghuiApp(course=course, store=store, now=clock.now, settings=ASKED, export_dir=tmp_path / "docs",
                     settings_path=config)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e", "down", "down")  # JSON
        screen = app.screen
        assert screen.query_one("#export-name").value == ""  # no name yet: empty
        screen.query_one("#export-name").value = "王芳"
        await pilot.pause()
        assert screen.query_one("#export-path").value.endswith("王芳-2026-03-02.json")  # follows the name
        screen.query_one("#export-path").value = str(tmp_path / "给老师" / "me.json")
        screen.query_one("#export-unit").value = "机关工会"
        await pilot.click("#export-notes")  # leave the notes out
        await pilot.click("#export-go")
        await pilot.pause()
        data = json.loads((tmp_path / "给老师" / "me.json").read_text(encoding="utf-8"))
        assert data["trainee"] == {"name": "王芳", "unit": "机关工会"} and not data.get("notes")
        assert not (tmp_path / "docs").exists()  # nothing beside the chosen path
        assert tomllib.loads(config.read_text())["trainee"] == {"name": "王芳", "unit": "机关工会", "asked": True}
        await pilot.press("e")  # next time: prefilled from the settings
        assert app.screen.query_one("#export-unit").value == "机关工会"


async def test_time_on_the_open_section_counts_in_the_export(course, store, clock, tmp_path, monkeypatch):
    import itertools
    from types import SimpleNamespace

    import gonghui_tui.tui.screens.reader as reader_module

    ticks = itertools.count(0, 200)  # every look at the reader's clock: 200 s later
    monkeypatch.setattr(reader_module, "time", SimpleNamespace(monotonic=lambda: next(ticks)))
    app = GonghuiApp(course=course, store=store, now=clock.now, settings=ASKED, export_dir=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.query_one("OutlineTree").select_section("direction")
        await pilot.pause()
        await pilot.press("e", "enter")
        await pilot.pause()
    text = next(Path(tmp_path).glob("*.md")).read_text(encoding="utf-8")
    direction = text.split("### 工会工作方向与思路")[1].split("###")[0]
    assert "阅读时间：—" not in direction and "分钟" in direction
