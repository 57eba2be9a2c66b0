"""Settings, help and export are kept between openings (issue 18.3,
tui/kept_dialogs.py): made once, composed in idle time, and refilled before
each opening so that each shows exactly what a new one would."""

from __future__ import annotations

from textual.color import Color

from gonghui_tui.i18n import set_language, t
from gonghui_tui.storage.settings import Settings
from gonghui_tui.tui.app import GonghuiApp
from gonghui_tui.tui.breakpoints import breakpoint_classes
from gonghui_tui.tui.screens.export_dialog import ExportScreen
from gonghui_tui.tui.screens.help import HelpScreen, binding_rows
from gonghui_tui.tui.screens.settings import SettingsScreen

from .helpers import screen_text


def make_app(course, store, clock, tmp_path, **kwargs) -> GonghuiApp:
    return GonghuiApp(course=course, store=store, now=clock.now, settings=Settings(trainee_asked=True),
                      settings_path=tmp_path / "cfg" / "config.toml", export_dir=tmp_path / "out",
                      fuzzing=False, **kwargs)


def count_composes(monkeypatch, cls) -> list[object]:
    made: list[object] = []
    compose = cls.compose

    def counted(self):
        made.append(self)
        return compose(self)

    monkeypatch.setattr(cls, "compose", counted)
    return made


async def test_settings_open_again_without_the_values_left_typed(course, store, clock, tmp_path, monkeypatch):
    """Typed and abandoned values are gone at the next opening; a theme chosen from
    the palette meanwhile is the one shown; the screen is not composed again."""
    made = count_composes(monkeypatch, SettingsScreen)
    app = make_app(course, store, clock, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        screen.query_one("#set-new_cards_per_day").value = "abc"
        screen.query_one("#set-trainee_name").value = "王芳"
        await pilot.press("ctrl+s")  # refused: the field is marked
        assert screen.query_one("#set-new_cards_per_day").has_class("-invalid")
        await pilot.press("escape")
        app.theme = "nord"
        await pilot.pause()
        await pilot.press("comma")
        await pilot.pause()
        assert app.screen is screen and len(made) == 1
        first = screen.query_one("#set-new_cards_per_day")
        assert first.value == "20" and not first.has_class("-invalid") and screen.focused is first
        assert first.cursor_position == 2
        assert screen.query_one("#set-trainee_name").value == ""
        assert screen.query_one("#set-theme").value == "nord"


async def test_help_shows_the_keys_of_the_screen_it_is_opened_from(course, store, clock, tmp_path):
    app = make_app(course, store, clock, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        await pilot.press("down", "down", "escape")
        reader_rows = binding_rows(app.screen)
        await pilot.press("D")  # the drill over every card
        await pilot.pause()
        drill_rows = binding_rows(app.screen)
        assert drill_rows != reader_rows
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen is help_screen
        table = help_screen.query_one("#help-table")
        shown = [tuple(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]
        assert shown == drill_rows and table.cursor_row == 0


async def test_export_starts_over_at_each_opening(course, store, clock, tmp_path):
    app = make_app(course, store, clock, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        offered = dialog.query_one("#export-path").value
        await pilot.press("down", "down")  # another format: another file name
        dialog.query_one("#export-name").value = "李雷"
        await pilot.pause()
        assert dialog.query_one("#export-path").value != offered
        await pilot.press("escape")
        clock.advance(days=1)  # the name offered carries the date
        await pilot.press("e")
        await pilot.pause()
        assert app.screen is dialog
        path = dialog.query_one("#export-path").value
        assert path != offered and path.endswith(".md") and clock.now().strftime("%Y-%m-%d") in path
        assert dialog.query_one("#export-name").value == "" and dialog.fmt == "md"
        assert dialog.query_one("#export-formats").highlighted == 0 and dialog.focused is dialog.query_one("#export-formats")


async def test_a_kept_dialog_follows_a_resize_made_while_it_was_closed(course, store, clock, tmp_path):
    app = make_app(course, store, clock, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("comma")
        screen = app.screen
        await pilot.press("escape")
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        await pilot.press("comma")
        await pilot.pause()
        assert app.screen is screen
        wanted = breakpoint_classes(screen, 40, 12)
        assert wanted and all(screen.has_class(name) == on for name, on in wanted.items())


async def test_a_language_change_makes_the_dialogs_anew_in_it(course, store, clock, tmp_path):
    app = make_app(course, store, clock, tmp_path)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("comma")
            chinese = app.screen
            assert "设置" in screen_text(app)
            await pilot.press("escape")
            await app.toggle_language()
            await pilot.pause()
            await pilot.press("comma")
            await pilot.pause()
            assert app.screen is not chinese and "Settings" in screen_text(app)
            assert not chinese.is_running  # the old one is gone, not left behind
    finally:
        set_language("zh")


async def test_after_a_language_change_idle_time_makes_the_screens_again_in_it(
        course, store, clock, tmp_path, monkeypatch, gc_state):
    from gonghui_tui.tui import kept_dialogs

    monkeypatch.setattr(kept_dialogs, "WARM_AFTER_S", 0.05)
    monkeypatch.setattr(kept_dialogs, "WARM_EACH_S", 0.02)
    app = make_app(course, store, clock, tmp_path, idle_work=True)

    async def warm() -> None:
        for _ in range(200):
            if app.dialogs_warm:
                return
            await pilot.pause(0.02)
        raise AssertionError("idle time never finished making the screens")

    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await warm()
            chinese = app.get_screen("settings")
            await app.toggle_language()
            await warm()
            english = app.get_screen("settings")
            assert english is not chinese and english.size == app.size  # made and laid out again
            await pilot.press("comma")
            await pilot.pause()
            assert app.screen is english and "Settings" in screen_text(app)
    finally:
        set_language("zh")


async def test_the_dialogs_are_composed_in_idle_time_before_their_first_opening(
        course, store, clock, tmp_path, monkeypatch, gc_state):
    from gonghui_tui.tui import kept_dialogs

    monkeypatch.setattr(kept_dialogs, "WARM_AFTER_S", 0.05)
    monkeypatch.setattr(kept_dialogs, "WARM_EACH_S", 0.05)
    made = {cls: count_composes(monkeypatch, cls) for cls in (SettingsScreen, HelpScreen, ExportScreen)}
    app = make_app(course, store, clock, tmp_path, idle_work=True)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(100):
            if app.dialogs_warm:
                break
            await pilot.pause(0.05)
        assert all(len(m) == 1 for m in made.values())
        assert isinstance(app.screen, type(app.get_default_screen()))  # none of them was shown
        # ... and each was laid out at the window's size, so its first frame only draws it
        assert all(m[0].size == app.size for m in made.values())
        for key, cls in (("comma", SettingsScreen), ("question_mark", HelpScreen), ("e", ExportScreen)):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, cls) and app.screen is made[cls][0]
            assert app.screen.query("Input, DataTable, OptionList")  # filled, not a blank screen
            await pilot.press("escape")
        assert all(len(m) == 1 for m in made.values())


async def test_a_theme_chosen_while_a_dialog_was_closed_shows_when_it_opens_again(
        course, store, clock, tmp_path):
    """A kept dialog is styled again only when the app's styles changed while it was
    hidden: a new theme must reach it."""
    app = make_app(course, store, clock, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        box = help_screen.query_one("#help-box")
        before = box.styles.background
        await pilot.press("escape")
        app.theme = "gruvbox" if app.theme != "gruvbox" else "nord"
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen is help_screen
        assert box.styles.background != before
        assert box.styles.background == Color.parse(app.get_css_variables()["surface"])


async def test_a_dialog_opened_while_it_is_composed_off_stage_is_filled(course, store, clock, tmp_path):
    """The key that opens a dialog can come while idle time is composing it."""
    from gonghui_tui.tui.textual_private import compose_offstage

    app = make_app(course, store, clock, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = app.kept("export")
        compose_offstage(app, dialog)
        clock.advance(days=2)
        app.show_kept("export")  # before its compose has run
        await pilot.pause()
        assert app.screen is dialog
        assert clock.now().strftime("%Y-%m-%d") in dialog.query_one("#export-path").value
        assert dialog.focused is dialog.query_one("#export-formats")


async def test_search_opens_again_without_the_last_query(course, store, clock, tmp_path):
    from textual.widgets import Input, OptionList

    from gonghui_tui.tui.screens.search import SearchScreen

    app = make_app(course, store, clock, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"gh")
        await pilot.pause()
        search = app.screen
        assert isinstance(search, SearchScreen) and search.query_one(OptionList).option_count > 0
        await pilot.press("escape", "slash")
        await pilot.pause()
        assert app.screen is search
        field = search.query_one(Input)
        assert field.value == "" and search.focused is field and search.results == []
        assert search.query_one(OptionList).option_count == 0
        assert str(search.query_one("#search-count").render()) == t("search.hint")


async def test_reopened_fields_look_and_type_as_new_ones(course, store, clock, tmp_path):
    """Found by trying it: a kept settings dialog opened with the first value no longer
    selected (typing 7 gave 207, not 7), and a kept export dialog showed a long path
    scrolled to its end. A new dialog selects the focused value and shows each path
    from its start."""
    app = make_app(course, store, clock, tmp_path / ("long-folder-name-" * 4))
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(2):
            await pilot.press("comma")
            await pilot.pause()
            await pilot.press("7")
            assert app.screen.query_one("#set-new_cards_per_day").value == "7"
            await pilot.press("escape")
        for opening in range(2):
            await pilot.press("e")
            await pilot.pause()
            path = app.screen.query_one("#export-path")
            assert len(path.value) > path.content_size.width  # longer than the field
            assert path.scroll_offset.x == 0, opening
            await pilot.press("tab", "tab", *"Li")  # the name: the offered file name changes
            await pilot.pause()
            await pilot.press("escape")
