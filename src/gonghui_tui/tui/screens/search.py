"""Search everything, Chinese or pinyin; results update as you type and
Enter jumps to the section (a card's result opens its section)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from gonghui_tui.domain.search import Result, SearchIndex
from gonghui_tui.i18n import t
from gonghui_tui.tui.breakpoints import BreakpointsAtStart
from gonghui_tui.tui.fewer_passes import QuietFocus
from gonghui_tui.tui.kept_dialogs import once_mounted, show_as_new
from gonghui_tui.tui.translated import Translated

KIND_KEYS = {kind: f"search.kind_{kind}" for kind in ("title", "body", "list", "note", "card")}
SNIPPET = 36  # characters of context shown around a match


def result_text(result: Result, section_title: str) -> Text:
    entry = result.entry
    text = Text()
    text.append(f"[{t(KIND_KEYS[entry.kind])}] ", style="dim")
    text.append(section_title, style="bold")
    if entry.kind != "title":
        start = max(0, result.start - 8)
        snippet = entry.text[start:start + SNIPPET]
        line = Text("  " + ("…" if start else "") + snippet + ("…" if start + SNIPPET < len(entry.text) else ""))
        offset = 2 + (1 if start else 0) + (result.start - start)
        line.stylize("bold reverse", offset, offset + result.length)
        text.append("\n")
        text.append_text(line)
    else:
        text.stylize("bold reverse", len(text) - len(section_title) + result.start,
                     len(text) - len(section_title) + result.start + result.length)
    return text


class SearchScreen(QuietFocus, BreakpointsAtStart, Translated, ModalScreen[str | None]):
    # Focused from the start: focusing in on_mount styled the whole screen once more.
    AUTO_FOCUS = "Input"
    DEFAULT_CSS = """
    SearchScreen { align: center top; }
    SearchScreen #search-box { width: 90%; max-width: 110; height: 80%; margin-top: 2; }
    SearchScreen #search-results { height: 1fr; }
    SearchScreen.-short #search-box { height: 100%; margin-top: 0; }
    SearchScreen.-short #search-input { border: none; height: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "bind.close", id="search.close"),
        Binding("down", "to_results", "bind.cursor_down", show=False, id="search.down"),
    ]

    def __init__(self, index: SearchIndex) -> None:
        super().__init__()
        self.index = index
        self.results: list[Result] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box", classes="dialog"):
            yield Input(placeholder=t("search.placeholder"), id="search-input")
            yield Static(id="search-count")
            yield OptionList(id="search-results")

    def on_mount(self) -> None:
        self._show("")

    def refill(self, index: SearchIndex) -> None:
        """Start over with ``index`` (the notes of now), as a new search would (the
        app keeps this screen, tui/kept_dialogs.py): no query, the hint, the input focused."""
        self.index = index
        once_mounted(self, self._start_over)

    def _start_over(self) -> None:
        field = self.query_one("#search-input", Input)
        with field.prevent(Input.Changed):
            show_as_new(field, "")
        self._show("")
        self.set_focus(field)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._show(event.value)

    def _show(self, query: str) -> None:
        self.results = self.index.search(query)
        options = self.query_one(OptionList)
        options.clear_options()
        course = self.index.course
        options.add_options(Option(result_text(r, course.sections[r.entry.section_id].title), id=str(i))
                            for i, r in enumerate(self.results))
        if self.results:
            options.highlighted = 0
        count = t("search.count", n=len(self.results)) if query.strip() else t("search.hint")
        self.query_one("#search-count", Static).update(Text(count, style="dim"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        options = self.query_one(OptionList)
        if self.results:
            self._choose(options.highlighted or 0)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(int(event.option.id))

    def _choose(self, index: int) -> None:
        self.dismiss(self.results[index].entry.section_id)

    def action_to_results(self) -> None:
        if self.results:
            self.query_one(OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
