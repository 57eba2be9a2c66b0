"""The settings screen (设置 / Settings): on `,` and in the palette; values
checked with a clear message in the user's language, written atomically to
config.toml and used at once."""

from __future__ import annotations

import tomllib

from gonghui_tui.i18n import language, set_language
from gonghui_tui.storage.settings import Settings, load_settings
from gonghui_tui.tui.app import GonghuiApp
from gonghui_tui.tui.screens.drill import DrillScreen
from gonghui_tui.tui.screens.reader import ReaderScreen
from gonghui_tui.tui.screens.settings import SettingsScreen

from .helpers import screen_text, squash
from .test_palette import choose_in_palette


def make_app(course, store, clock, tmp_path, **settings) -> GonghuiApp:
    return GonghuiApp(course=course, store=store, now=clock.now, settings=Settings(**settings),
                      settings_path=tmp_path / "cfg" / "config.toml", export_dir=tmp_path / "out", fuzzing=False)


def fill(screen, **values: str) -> None:
    for name, value in values.items():
        screen.query_one(f"#set-{name}").value = value


async def test_comma_opens_settings_and_saving_applies_them_at_once(course, store, clock, tmp_path):
    app = make_app(course, store, clock, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        text = squash(screen_text(app)).replace("│", "")  # wrapped hint lines joined again
        for shown in ("设置", "每天新卡片数", "20", "每天最多复习", "200", "目标记忆率", "90%",
                      "调高：复习更多、遗忘更少", "调低：复习更少、遗忘更多", "主题", "界面语言", "姓名", "单位/分会"):
            assert squash(shown) in text, shown
        fill(screen, new_cards_per_day="2", max_reviews_per_day="50", desired_retention="85%",
             read_dwell_seconds="3", trainee_name=" 王芳 ", trainee_unit="机关工会")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        wanted = Settings(new_cards_per_day=2, max_reviews_per_day=50, desired_retention=0.85,
                          read_dwell_seconds=3.0, trainee_name="王芳", trainee_unit="机关工会",
                          language="zh")  # saved as shown: from now on the locale no longer decides
        assert app.settings == wanted
        assert load_settings(tmp_path / "cfg" / "config.toml").settings == wanted  # written, and readable
        assert [p.name for p in (tmp_path / "cfg").iterdir()] == ["config.toml"]  # no temp file left
        assert app.screen.dwell_seconds == 3.0
        await pilot.press("D")  # the whole course: two new cards, not twenty
        assert isinstance(app.screen, DrillScreen)
        assert app.screen.session.left == 2
        assert app.screen.session.scheduler.desired_retention == 0.85


async def test_a_bad_value_is_named_in_the_users_language_and_nothing_is_saved(course, store, clock, tmp_path,
                                                                                 monkeypatch):
    app = make_app(course, store, clock, tmp_path)
    shown: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        monkeypatch.setattr(app, "notify", lambda message, **kw: shown.append(message))
        await pilot.press("comma")
        fill(app.screen, new_cards_per_day="很多")
        await pilot.press("enter")
        assert shown[-1] == "每天新卡片数须是 0 到 9999 之间的整数"
        assert isinstance(app.screen, SettingsScreen)
        assert app.screen.focused.id == "set-new_cards_per_day"
        fill(app.screen, new_cards_per_day="２０", desired_retention="50%")  # full-width digits are fine
        await pilot.press("enter")
        assert shown[-1] == "目标记忆率须在 70% 到 99% 之间，例如 90%"
        fill(app.screen, desired_retention="0.9", read_dwell_seconds="nan")
        await pilot.press("enter")
        assert shown[-1] == "阅读停留（秒）须是 0 到 3600 之间的数"
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)
    assert app.settings == Settings()
    assert not (tmp_path / "cfg" / "config.toml").exists()


async def test_english_message_for_a_bad_value(course, store, clock, tmp_path, monkeypatch):
    set_language("en")
    app = make_app(course, store, clock, tmp_path, language="en")
    shown: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        monkeypatch.setattr(app, "notify", lambda message, **kw: shown.append(message))
        await pilot.press("comma")
        assert "Higher: more reviews, less forgetting" in " ".join(screen_text(app).replace("│", " ").split())
        fill(app.screen, max_reviews_per_day="-1")
        await pilot.press("enter")
        assert shown[-1] == "Most reviews a day must be a whole number from 0 to 99999"


async def test_theme_and_language_change_at_once(course, store, clock, tmp_path):
    app = make_app(course, store, clock, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("comma")
        app.screen.query_one("#set-theme").value = "nord"
        app.screen.query_one("#set-language").value = "en"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.theme == "nord"
        assert language() == "en"
        assert isinstance(app.screen, ReaderScreen)
        assert "Read 0/" in screen_text(app)  # the reader speaks English now
        saved = tomllib.loads((tmp_path / "cfg" / "config.toml").read_text(encoding="utf-8"))
        assert (saved["theme"], saved["language"]) == ("nord", "en")
        await pilot.press("comma")
        assert "Desired retention" in screen_text(app)


async def test_settings_in_the_palette(course, store, clock, tmp_path):
    app = make_app(course, store, clock, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await choose_in_palette(pilot, "设置")
        assert isinstance(app.screen, SettingsScreen)


async def test_a_settings_file_that_cannot_be_written_is_said_not_raised(course, store, clock, tmp_path,
                                                                       monkeypatch):
    (tmp_path / "cfg" / "config.toml").mkdir(parents=True)  # a folder where the file should be
    app = make_app(course, store, clock, tmp_path)
    shown: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        monkeypatch.setattr(app, "notify", lambda message, **kw: shown.append(message))
        await pilot.press("comma")
        fill(app.screen, new_cards_per_day="5")
        await pilot.press("enter")
        await pilot.pause()
        assert shown == [f"设置未能写入 {tmp_path / 'cfg' / 'config.toml'}：这是一个目录；本次仍按新设置运行"]
        assert app.settings.new_cards_per_day == 5  # used for this run all the same


async def test_the_form_can_be_reached_at_40x12(course, store, clock, tmp_path):
    app = make_app(course, store, clock, tmp_path)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("comma")
        assert "每天新卡片数" in screen_text(app)
        for _ in range(12):  # Tab through the form down to the buttons: they scroll into view
            await pilot.press("tab")
            if app.screen.focused.id == "settings-save":
                break
        await pilot.pause(0.3)
        assert app.screen.focused.id == "settings-save"
        assert "保存" in screen_text(app)
        await pilot.press("enter")
        assert isinstance(app.screen, ReaderScreen)


async def test_the_dashboard_under_the_settings_follows_a_new_retention(course, store, clock, tmp_path):
    from gonghui_tui.tui.screens.dashboard import DashboardScreen

    app = make_app(course, store, clock, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.press("comma")
        fill(app.screen, desired_retention="80%")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen) and app.screen.desired_retention == 0.8
