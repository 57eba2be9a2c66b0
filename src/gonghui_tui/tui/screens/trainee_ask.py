"""Asked once, before the first export: the trainee's name and unit.

An instructor who receives forty exports must tell whose is whose; the
trainee may skip the question, and it is not asked again (Settings edits it).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from gonghui_tui.domain.trainee import NAME_MAX, Trainee, clean
from gonghui_tui.i18n import t
from gonghui_tui.tui.breakpoints import BreakpointsAtStart
from gonghui_tui.tui.fewer_passes import QuietFocus
from gonghui_tui.tui.translated import Translated


class TraineeAskScreen(QuietFocus, BreakpointsAtStart, Translated, ModalScreen[Trainee | None]):
    # Focused from the start: focusing in on_mount styled the whole screen once more.
    AUTO_FOCUS = "#ask-name"
    """Returns the typed trainee, or None when skipped."""

    DEFAULT_CSS = """
    TraineeAskScreen { align: center middle; }
    TraineeAskScreen #ask-box { width: 64; max-width: 100%; height: auto; max-height: 100%; }
    TraineeAskScreen .ask-row { height: 1; margin-top: 1; }
    TraineeAskScreen .ask-label { width: 12; color: $text-muted; }
    TraineeAskScreen Input { width: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "skip", "ask.skip", id="ask.skip"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="ask-box"):
            yield Static(Text(t("ask.title"), style="bold"))
            yield Static(Text(t("ask.body")))
            for field in ("name", "unit"):
                yield Horizontal(Label(t(f"export.{field}"), classes="ask-label"),
                                 Input(placeholder=t("export.optional"), id=f"ask-{field}", compact=True,
                                       max_length=NAME_MAX),
                                 classes="ask-row")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("ask.ok"), id="ask-ok", variant="primary", compact=True)
                yield Button(t("ask.skip"), id="ask-skip", compact=True)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "ask-name":
            self.query_one("#ask-unit", Input).focus()
        else:
            self._answer()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ask-ok":
            self._answer()
        else:
            self.dismiss(None)

    def _answer(self) -> None:
        self.dismiss(Trainee(clean(self.query_one("#ask-name", Input).value),
                             clean(self.query_one("#ask-unit", Input).value)))

    def action_skip(self) -> None:
        self.dismiss(None)
