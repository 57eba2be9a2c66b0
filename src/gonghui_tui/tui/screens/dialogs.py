"""Small modal dialogs: confirm an overwrite."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from gonghui_tui.i18n import t
from gonghui_tui.tui.breakpoints import BreakpointsAtStart
from gonghui_tui.tui.fewer_passes import QuietFocus
from gonghui_tui.tui.translated import Translated


class ConfirmScreen(QuietFocus, BreakpointsAtStart, Translated, ModalScreen[bool]):
    # Focused from the start: focusing in on_mount styled the whole screen once more.
    AUTO_FOCUS = "#no"
    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen .dialog { width: 60; max-width: 95%; height: auto; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "answer(False)", "export.no", id="confirm.no"),
        Binding("y", "answer(True)", "export.yes", id="confirm.yes"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.question))
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("export.yes"), id="yes", variant="warning")
                yield Button(t("export.no"), id="no", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
