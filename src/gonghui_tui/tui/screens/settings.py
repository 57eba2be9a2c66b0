"""The settings screen (设置 / Settings): what config.toml holds, editable.

Every value is checked before anything is saved; a bad one is named in one
line in the user's language and its field gets the focus. The screen returns
the new Settings; the app writes them atomically and applies them at once.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from gonghui_tui.domain.trainee import NAME_MAX, clean
from gonghui_tui.i18n import LANGUAGES, language, t
from gonghui_tui.storage.settings import InvalidSetting, Settings, parse_setting
from gonghui_tui.tui.breakpoints import BreakpointsAtStart
from gonghui_tui.tui.fewer_passes import QuietFocus
from gonghui_tui.tui.kept_dialogs import once_mounted, show_as_new
from gonghui_tui.tui.translated import Translated

NUMBERS = ("new_cards_per_day", "max_reviews_per_day", "desired_retention", "read_dwell_seconds")
TEXTS = ("trainee_name", "trainee_unit")


def shown_value(name: str, settings: Settings) -> str:
    """A setting as the user types it: retention as a percentage, whole seconds without '.0'."""
    value = getattr(settings, name)
    if name == "desired_retention":
        value = round(value * 100, 2)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value}%" if name == "desired_retention" else str(value)


class SettingsScreen(QuietFocus, BreakpointsAtStart, Translated, ModalScreen[Settings | None]):
    DEFAULT_CSS = """
    SettingsScreen { align: center middle; }
    SettingsScreen #settings-box { width: 76; max-width: 100%; height: auto; max-height: 100%; }
    SettingsScreen #settings-title { margin-bottom: 1; }
    SettingsScreen .settings-row { height: 1; }
    SettingsScreen .settings-label { color: $text-muted; }
    SettingsScreen .settings-hint { color: $text-muted; text-style: italic; }
    SettingsScreen Input, SettingsScreen Select { width: 1fr; }
    SettingsScreen #settings-keys { margin-top: 1; }
    SettingsScreen Input.-invalid { background: $error 30%; }
    """
    # The first field has the focus from the start (focused in on_mount, the
    # focus change styled every widget of the screen once more).
    AUTO_FOCUS = f"#set-{NUMBERS[0]}"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "bind.close", id="settings.cancel"),
        Binding("ctrl+s", "save", "bind.save", id="settings.save"),
    ]

    def __init__(self, settings: Settings, themes: list[str]) -> None:
        """``settings`` as they are; the language shown is the one on screen
        (``--lang`` may differ from the saved one), and saving keeps what was shown."""
        super().__init__()
        self._keep_values(settings, themes)

    def compose(self) -> ComposeResult:
        # The fields line up in either language; the width is set before the labels
        # are mounted (set in on_mount, each label was laid out and styled again).
        self._label_width = max(cell_len(t(f"settings.{name}")) for name in (*NUMBERS, "theme", "language", *TEXTS)) + 2
        with VerticalScroll(classes="dialog", id="settings-box"):
            yield Static(Text(t("settings.title"), style="bold"), id="settings-title")
            for name in NUMBERS:
                yield self._row(name, Input(shown_value(name, self.settings), id=f"set-{name}", compact=True))
                yield Static(Text(t(f"settings.{name}_hint")), classes="settings-hint")
            yield self._row("theme", Select([(Text(n), n) for n in self.themes], value=self.settings.theme,
                                            allow_blank=False, compact=True, id="set-theme"))
            yield self._row("language", Select([(Text(t(f"settings.lang_{lang}")), lang) for lang in LANGUAGES],
                                               value=language(), allow_blank=False, compact=True,
                                               id="set-language"))
            for name in TEXTS:
                yield self._row(name, Input(getattr(self.settings, name), placeholder=t("export.optional"),
                                            id=f"set-{name}", compact=True, max_length=NAME_MAX))
            yield Static(Text(t("settings.trainee_hint")), classes="settings-hint")
            yield Static(Text(t("settings.hint")), id="settings-keys")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("settings.save"), id="settings-save", variant="primary", compact=True)
                yield Button(t("settings.cancel"), id="settings-cancel", compact=True)

    def refill(self, settings: Settings, themes: list[str]) -> None:
        """Show ``settings`` again, as a new screen would (the app keeps this one,
        tui/kept_dialogs.py): values typed and abandoned are gone, the first field
        has the focus."""
        shown = self.themes
        self._keep_values(settings, themes)
        once_mounted(self, lambda: self._fill(shown))

    def _fill(self, shown: list[str]) -> None:
        settings = self.settings
        for name in NUMBERS:
            field = self.query_one(f"#set-{name}", Input)
            field.remove_class("-invalid")
            show_as_new(field, shown_value(name, settings))
        for name in TEXTS:
            show_as_new(self.query_one(f"#set-{name}", Input), getattr(settings, name))
        theme = self.query_one("#set-theme", Select)
        if self.themes != shown:
            theme.set_options([(Text(n), n) for n in self.themes])
        theme.value = settings.theme
        self.query_one("#set-language", Select).value = language()
        self.query_one("#settings-box").scroll_home(animate=False)
        first = self.query_one(f"#set-{NUMBERS[0]}", Input)
        self.set_focus(first)
        first.select_all()  # as focusing a new one does: typing replaces the value

    def _keep_values(self, settings: Settings, themes: list[str]) -> None:
        self.settings = settings
        self.themes = themes if settings.theme in themes else [settings.theme, *themes]

    def _row(self, name: str, field) -> Horizontal:
        label = Label(t(f"settings.{name}"), classes="settings-label")
        label.styles.width = self._label_width
        return Horizontal(label, field, classes="settings-row")

    def read(self) -> Settings | None:
        """The settings on screen, or None after saying which value is wrong."""
        values: dict[str, object] = {}
        for name in NUMBERS:
            field = self.query_one(f"#set-{name}", Input)
            try:
                values[name] = parse_setting(name, field.value)
            except InvalidSetting as exc:
                field.add_class("-invalid")
                field.focus()
                self.notify(t(exc.message.key, **exc.message.values), severity="error", markup=False)
                return None
            field.remove_class("-invalid")
        for name in TEXTS:
            values[name] = clean(self.query_one(f"#set-{name}", Input).value)
        values["theme"] = self.query_one("#set-theme", Select).value
        values["language"] = self.query_one("#set-language", Select).value
        return replace(self.settings, **values)  # type: ignore[arg-type]

    def action_save(self) -> None:
        chosen = self.read()
        if chosen is not None:
            self.dismiss(chosen)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "settings-save":
            self.action_save()
        else:
            self.dismiss(None)

