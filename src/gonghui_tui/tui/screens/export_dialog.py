"""The export dialog: format, where to write (editable), who is exporting
and whether the private notes go along. Nothing is written here; the app
writes what the dialog returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from gonghui_tui.domain.formats import FORMATS
from gonghui_tui.exporting import default_name
from gonghui_tui.domain.trainee import NAME_MAX, Trainee
from gonghui_tui.i18n import t
from gonghui_tui.tui.breakpoints import BreakpointsAtStart
from gonghui_tui.tui.fewer_passes import QuietFocus
from gonghui_tui.tui.kept_dialogs import once_mounted, show_as_new
from gonghui_tui.tui.translated import Translated

INCLUDE_NOTES_DEFAULT = True  # docs/export.md says so


@dataclass(frozen=True)
class ExportRequest:
    fmt: str
    target: Path
    trainee: Trainee
    include_notes: bool


def target_path(text: str, name: str, base: Path) -> Path | None:
    """The file the typed path means: ``~`` expanded, a relative path taken
    inside ``base``, a folder given the dated name. None when nothing was typed."""
    text = text.strip()
    if not text:
        return None
    path = Path(text).expanduser()
    if not path.is_absolute():
        path = base / path
    if path.is_dir() or text.endswith(("/", "\\")):
        path = path / name
    return path


class ExportScreen(QuietFocus, BreakpointsAtStart, Translated, ModalScreen[ExportRequest | None]):
    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen #export-box { width: 72; max-width: 95%; height: auto; max-height: 100%; }
    ExportScreen #export-formats { height: auto; margin: 1 0; border: none; padding: 0; }
    ExportScreen .export-row { height: 1; margin-bottom: 1; }
    ExportScreen .export-label { width: 12; color: $text-muted; }
    ExportScreen Input { width: 1fr; }
    ExportScreen #export-hint { margin-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "bind.close", id="export.cancel"),
    ]

    def __init__(self, folder: Path, now: datetime, tz: tzinfo | None, trainee: Trainee) -> None:
        super().__init__()
        self._start(folder, now, tz, trainee)

    def _start(self, folder: Path, now: datetime, tz: tzinfo | None, trainee: Trainee) -> None:
        self.folder, self.now, self.tz, self.trainee = folder, now, tz, trainee
        self.fmt = FORMATS[0]
        self._trainee_shown = trainee
        self._offered = default_name(self.fmt, now, tz, trainee)  # the file name the dialog proposes

    def refill(self, folder: Path, now: datetime, tz: tzinfo | None, trainee: Trainee) -> None:
        """Start over, as a new dialog would (the app keeps this one,
        tui/kept_dialogs.py): first format, the file name of now, the trainee saved."""
        self._start(folder, now, tz, trainee)
        once_mounted(self, self._fill)

    def _fill(self) -> None:
        for field, value in (("path", str(self.folder / self._offered)), ("name", self.trainee.name),
                             ("unit", self.trainee.unit)):
            show_as_new(self.query_one(f"#export-{field}", Input), value)
        self.query_one("#export-notes", Checkbox).value = INCLUDE_NOTES_DEFAULT
        formats = self.query_one(OptionList)
        formats.highlighted = 0
        self.query_one("#export-box").scroll_home(animate=False)
        formats.focus()

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="export-box"):
            yield Static(Text(t("export.choose"), style="bold"))
            yield OptionList(*(Option(Text(t(f"export.fmt_{fmt}")), id=fmt) for fmt in FORMATS),
                             id="export-formats")
            for field, value, placeholder in (
                ("path", str(self.folder / self._offered), ""),
                ("name", self.trainee.name, t("export.optional")),
                ("unit", self.trainee.unit, t("export.optional")),
            ):
                with Horizontal(classes="export-row"):
                    yield Label(t(f"export.{field}"), classes="export-label")
                    yield Input(value, placeholder=placeholder, id=f"export-{field}", compact=True,
                                max_length=0 if field == "path" else NAME_MAX)
            yield Checkbox(t("export.include_notes"), INCLUDE_NOTES_DEFAULT, id="export-notes",
                           compact=True)
            yield Static(Text(t("export.trainee_hint"), style="dim"), id="export-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("export.do"), id="export-go", variant="primary", compact=True)
                yield Button(t("export.no"), id="export-cancel", compact=True)

    def on_mount(self) -> None:
        # Not AUTO_FOCUS (which saves a style pass elsewhere): focused before the
        # first layout, the list scrolled the dialog's title away at 40x12.
        self.query_one(OptionList).focus()

    def _typed_trainee(self) -> Trainee:
        return Trainee(self.query_one("#export-name", Input).value.strip(),
                       self.query_one("#export-unit", Input).value.strip())

    def _follow(self, fmt: str, trainee: Trainee) -> None:
        """Keep the offered file name in step with the format and the name,
        unless the user typed a name of their own."""
        field = self.query_one("#export-path", Input)
        path = Path(field.value)
        if path.name == self._offered:
            self._offered = default_name(fmt, self.now, self.tz, trainee)
            field.value = str(path.with_name(self._offered))
        self.fmt, self._trainee_shown = fmt, trainee

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._follow(event.option.id or FORMATS[0], self._trainee_shown)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id in ("export-name", "export-unit") and self.is_mounted:
            self._follow(self.fmt, self._typed_trainee())

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.submit()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export-go":
            self.submit()
        else:
            self.dismiss(None)

    def submit(self) -> None:
        path_field = self.query_one("#export-path", Input)
        target = target_path(path_field.value, default_name(self.fmt, self.now, self.tz, self._typed_trainee()),
                             self.folder)
        if target is None:
            self.notify(t("export.path_missing"), severity="error", markup=False)
            path_field.focus()
            return
        trainee = self._typed_trainee()
        notes = self.query_one("#export-notes", Checkbox).value
        self.dismiss(ExportRequest(self.fmt, target, trainee, notes))

    def action_cancel(self) -> None:
        self.dismiss(None)
