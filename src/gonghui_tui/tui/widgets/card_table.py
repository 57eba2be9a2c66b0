"""The card browser's table: one line per card, drawn only where visible (the
Line API), so 20,000 cards cost nothing until they scroll into view. Columns
are sized for the terminal: kind, state, due and flags keep their width and
the card's text takes what is left, ellipsised — state and due are always
visible, at 40 columns too (due is dropped below 56)."""

from __future__ import annotations

from typing import Callable, ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from gonghui_tui.domain.browser import BrowserRow

STATE_STYLES = {"new": "cyan", "learning": "yellow", "relearning": "red", "review": "green"}
GAP_STYLE = "bold underline"


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells at a character boundary, with … when cut."""
    if cell_len(text) <= width:
        return text + " " * (width - cell_len(text))
    out, used = [], 0
    for ch in text:
        w = cell_len(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…" + " " * (width - 1 - used)


class CardTable(ScrollView, can_focus=True):
    DEFAULT_CSS = """
    CardTable { height: 1fr; overflow-x: hidden; }
    CardTable > .card-table--cursor { background: $accent 40%; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"card-table--cursor"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor(-1)", "bind.cursor_up", show=False, id="cards.up"),
        Binding("down,j", "cursor(1)", "bind.cursor_down", show=False, id="cards.down"),
        Binding("pageup", "page(-1)", "bind.page_up", show=False, id="cards.page_up"),
        Binding("pagedown", "page(1)", "bind.page_down", show=False, id="cards.page_down"),
        Binding("home", "cursor_to(0)", "bind.first", show=False, id="cards.home"),
        Binding("end", "cursor_to(-1)", "bind.last", show=False, id="cards.end"),
    ]

    cursor: reactive[int] = reactive(0, always_update=True)

    class Highlighted(Message):
        def __init__(self, row: BrowserRow | None) -> None:
            super().__init__()
            self.row = row

    def __init__(self, labels: Callable[[BrowserRow], tuple[str, str, str, str]],
                 widths: tuple[int, int, int, int], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[BrowserRow] = []
        self._labels = labels  # kind, state, due, flags of a row, in the UI's language
        self._widths = widths  # the cells each of those needs at most

    # -- data -----------------------------------------------------------------
    def show(self, rows: list[BrowserRow], keep: str | None = None) -> None:
        """Show ``rows``; the cursor stays on card ``keep`` if it is still listed."""
        self.rows = rows
        ids = [r.card.id for r in rows] if keep is not None else []
        self.virtual_size = Size(self.size.width, len(rows))
        self.cursor = ids.index(keep) if keep in ids else min(self.cursor, max(0, len(rows) - 1))
        self.refresh()

    def replace_row(self, row: BrowserRow) -> None:
        """One card changed (a flag): redraw its line, the cursor stays."""
        for i, old in enumerate(self.rows):
            if old.card.id == row.card.id:
                self.rows[i] = row
                self.refresh_line(i - self.scroll_offset.y)
                break

    @property
    def current(self) -> BrowserRow | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    # -- moving ---------------------------------------------------------------
    def watch_cursor(self, cursor: int) -> None:
        if self.rows:
            self.scroll_to_region(Region(0, cursor, 1, 1), animate=False, force=True)
        self.refresh()
        self.post_message(self.Highlighted(self.current))

    def action_cursor(self, delta: int) -> None:
        if self.rows:
            self.cursor = max(0, min(len(self.rows) - 1, self.cursor + delta))

    def action_page(self, direction: int) -> None:
        self.action_cursor(direction * max(1, self.size.height - 1))

    def action_cursor_to(self, where: int) -> None:
        if self.rows:
            self.cursor = where % len(self.rows)

    def on_click(self, event) -> None:
        row = event.y + self.scroll_offset.y
        if 0 <= row < len(self.rows):
            self.cursor = row

    # -- drawing --------------------------------------------------------------
    def columns(self, width: int) -> tuple[int, ...]:
        """Cells for kind, state, due, flags and text at ``width`` (due is 0 when it does not fit)."""
        kind, state, due, flags = self._widths
        if width < 56:  # narrow: the due date goes, a flag takes the state's place
            due, state, flags = 0, max(state, flags - 1), 0
        text = max(6, width - (kind + state + due + flags) - sum(1 for w in (kind, state, due, flags) if w))
        return kind, state, due, flags, text

    def header(self, titles: tuple[str, str, str, str, str], width: int) -> Text:
        line = Text(style="bold")
        for title, cells in zip(titles, self.columns(width)):
            if cells:
                line.append(fit(title, cells) + " ")
        return line

    def render_line(self, y: int) -> Strip:
        index = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        if index >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        row = self.rows[index]
        kind, state, due, flags = self._labels(row)
        cells = self.columns(width)
        line = Text(no_wrap=True, overflow="crop")
        line.append(fit(kind, cells[0]) + " ", style="dim")
        if not cells[3] and flags:  # narrow: the flag says more than the state
            line.append(fit(flags.rstrip("+"), cells[1]) + " ", style="bold yellow")
        else:
            line.append(fit(state, cells[1]) + " ", style=STATE_STYLES.get(row.state, ""))
        if cells[2]:
            line.append(fit(due, cells[2]) + " ")
        if cells[3]:
            line.append(fit(flags, cells[3]) + " ", style="bold yellow")
        start = len(line.plain)
        shown = fit(row.text, cells[4])
        line.append(shown, style="dim" if row.suspended else "")
        for gap_start, gap_end in row.gaps:
            if gap_start < len(shown):
                line.stylize(GAP_STYLE, start + gap_start, start + min(gap_end, len(shown)))
        base = self.rich_style
        if index == self.cursor:
            base = base + self.get_component_rich_style("card-table--cursor")
        segments = [Segment(s.text, base + s.style if s.style else base)
                    for s in line.render(self.app.console)]
        return Strip(segments).adjust_cell_length(width, base)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.rows))
