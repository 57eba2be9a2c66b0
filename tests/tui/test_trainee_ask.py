"""Issue 19.1: the trainee's name is asked once, before the first export from
the app; skippable, and not asked again either way."""

from __future__ import annotations

import tomllib

from gonghui_tui.storage.settings import Settings, load_settings
from gonghui_tui.tui.app import GonghuiApp
from gonghui_tui.tui.screens.export_dialog import ExportScreen
from gonghui_tui.tui.screens.trainee_ask import TraineeAskScreen

from .helpers import screen_text, squash


def make_app(course, store, clock, tmp_path, settings=None) -> GonghuiApp:
    config = tmp_path / "config.toml"
    settings = settings or load_settings(config).settings
    return GonghuiApp(course=course, store=store, now=clock.now, settings=settings, settings_path=config,
                      export_dir=tmp_path / "out")


async def test_asked_once_before_the_first_export(course, store, clock, tmp_path):
    app = make_app(course, store, clock, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        assert isinstance(app.screen, TraineeAskScreen)
        assert "只问这一次" in squash(screen_text(app)).replace("│", "")
        app.screen.query_one("#ask-name").value = "王芳"
        await pilot.press("enter")  # to the unit
        app.screen.query_one("#ask-unit").value = "机关工会"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert app.screen.query_one("#export-name").value == "王芳"
        assert app.screen.query_one("#export-unit").value == "机关工会"
        assert app.screen.query_one("#export-path").value.endswith("gonghui-progress-王芳-2026-03-02.md")
        saved = tomllib.loads((tmp_path / "config.toml").read_text(encoding="utf-8"))["trainee"]
        assert saved == {"name": "王芳", "unit": "机关工会", "asked": True}
        await pilot.press("escape", "e")
        assert isinstance(app.screen, ExportScreen)  # not asked again


async def test_skipped_and_not_asked_again_even_after_a_restart(course, store, clock, tmp_path):
    app = make_app(course, store, clock, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        assert isinstance(app.screen, TraineeAskScreen)
        await pilot.press("escape")  # skip
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert app.screen.query_one("#export-name").value == ""
    assert load_settings(tmp_path / "config.toml").settings.trainee_asked is True
    again = make_app(course, store, clock, tmp_path)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        assert isinstance(again.screen, ExportScreen)


async def test_a_name_already_in_the_settings_is_not_asked_for(course, store, clock, tmp_path):
    app = make_app(course, store, clock, tmp_path, Settings(trainee_name="李明"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        assert isinstance(app.screen, ExportScreen)


async def test_the_question_fits_at_40x12(course, store, clock, tmp_path):
    app = make_app(course, store, clock, tmp_path)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("e")
        text = screen_text(app)
        assert "姓名" in text and "单位/分会" in text
        await pilot.press("tab", "tab", "tab")  # name, unit, OK, Skip
        await pilot.pause(0.3)
        assert app.screen.focused.id == "ask-skip"
        assert "跳过" in screen_text(app)
