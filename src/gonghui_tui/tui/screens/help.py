"""The help screen: every key binding of the screen below, read from the
app's own bindings, so it can never drift from what the keys really do.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static

from gonghui_tui.i18n import t
from gonghui_tui.tui.breakpoints import BreakpointsAtStart
from gonghui_tui.tui.fewer_passes import QuietFocus
from gonghui_tui.tui.translated import Translated, shown_description

KEY_NAMES = {"question_mark": "?", "slash": "/", "exclamation_mark": "!", "comma": ",",
             "full_stop": ".", "space": "Space", "enter": "Enter", "escape": "Esc", "tab": "Tab",
             "up": "↑", "down": "↓", "left": "←", "right": "→", "home": "Home", "end": "End",
             "pageup": "PgUp", "pagedown": "PgDn", "delete": "Del", "backspace": "Backspace",
             "insert": "Ins", "ctrl": "Ctrl", "shift": "Shift", "alt": "Alt"}


def key_label(key: str) -> str:
    """One spelling for every key: named keys capitalised like Enter and Tab
    (Home, End, PgUp, Ctrl+P); single letters as typed."""
    parts = key.split("+")
    named = [KEY_NAMES.get(part, part.capitalize() if len(part) > 1 else part) for part in parts]
    if len(parts) > 1 and len(named[-1]) == 1 and named[-1].isalpha():
        named[-1] = named[-1].upper()  # Ctrl+P, as keyboards print it
    return "+".join(named)


def binding_rows(screen: Screen) -> list[tuple[str, str]]:
    """(keys, description) for every active binding of ``screen``, grouped by action."""
    grouped: dict[str, list[str]] = {}
    order: list[str] = []
    for key, active in screen.active_bindings.items():
        description = shown_description(active.binding.description)
        if description is None:  # one of Textual's own, not in the catalogue: left out
            continue
        if description not in grouped:
            grouped[description] = []
            order.append(description)
        label = key_label(key)
        if label not in grouped[description]:
            grouped[description].append(label)
    return [(" / ".join(grouped[d]), d) for d in order]


class HelpScreen(QuietFocus, BreakpointsAtStart, Translated, ModalScreen[None]):
    # Focused from the start: focusing in on_mount styled the whole screen once more.
    AUTO_FOCUS = "DataTable"
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen #help-box { width: 70; max-width: 95%; height: 80%; }
    HelpScreen #help-title { padding-bottom: 1; }
    HelpScreen #help-table { height: 1fr; }
    HelpScreen.-short #help-box { height: 100%; }
    HelpScreen.-short #help-title { padding-bottom: 0; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "bind.close", id="help.close"),
        Binding("question_mark", "dismiss", "bind.close", show=False, id="help.close2"),
        Binding("q", "dismiss", "bind.close", show=False, id="help.close3"),
    ]

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box", classes="dialog"):
            yield Static(Text(t("help.title"), style="bold"), id="help-title")
            yield DataTable(id="help-table", cursor_type="row", zebra_stripes=True)
            yield Static(Text(t("help.close_hint"), style="dim"), id="help-hint")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(t("help.key"), t("help.action"))
        self._add_rows(table)

    def _add_rows(self, table: DataTable) -> None:
        for keys, description in self.rows:
            table.add_row(Text(keys, style="bold"), Text(description))

    def refill(self, rows: list[tuple[str, str]]) -> None:
        """The keys of the screen below now (the app keeps this screen,
        tui/kept_dialogs.py), from the top of the list."""
        changed, self.rows = rows != self.rows, rows
        if not self.is_mounted:
            return  # on_mount fills the table with these rows
        table = self.query_one(DataTable)
        if changed:
            table.clear()
            self._add_rows(table)
        table.move_cursor(row=0, animate=False)
        table.scroll_home(animate=False)

    def action_dismiss(self) -> None:
        self.dismiss(None)
