"""The trainee's note for one section: saved as they type (debounced) and on close."""

from __future__ import annotations

from typing import Callable, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Static, TextArea

from gonghui_tui.i18n import t
from gonghui_tui.tui.breakpoints import BreakpointsAtStart
from gonghui_tui.tui.fewer_passes import QuietFocus
from gonghui_tui.tui.translated import Translated

SAVE_DELAY = 0.6


class NoteScreen(QuietFocus, BreakpointsAtStart, Translated, ModalScreen[str]):
    # Focused from the start: focusing in on_mount styled the whole screen once more.
    AUTO_FOCUS = "TextArea"
    DEFAULT_CSS = """
    NoteScreen { align: center middle; }
    NoteScreen #note-box { width: 80%; max-width: 100; height: 70%; }
    NoteScreen #note-text { height: 1fr; min-height: 3; }
    /* 12 rows: 70% left the text area no row once the title wrapped */
    NoteScreen.-short #note-box { width: 100%; height: 100%; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "bind.save_close", priority=True, id="note.close"),
        Binding("ctrl+s", "save", "bind.save", id="note.save"),
    ]

    def __init__(self, title: str, text: str, save: Callable[[str], None]) -> None:
        super().__init__()
        self.section_title = title
        self.initial = text
        self._save = save
        self._saved = text
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box", classes="dialog"):
            yield Static(Text(t("note.title", title=self.section_title), style="bold"), id="note-title")
            yield TextArea(self.initial, id="note-text", soft_wrap=True, tab_behavior="indent")
            yield Static(Text(t("note.hint"), style="dim"), id="note-hint")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.move_cursor(area.document.end)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SAVE_DELAY, self.action_save)

    def action_save(self) -> None:
        text = self.query_one(TextArea).text
        if text != self._saved:
            self._save(text)
            self._saved = text
            self.query_one("#note-hint", Static).update(Text(t("note.saved"), style="dim"))

    def action_close(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self.action_save()
        self.dismiss(self._saved)
