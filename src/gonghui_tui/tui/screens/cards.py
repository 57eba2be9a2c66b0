"""The card browser: a section's cards (or the whole course's) with their
state and due date; search (Chinese or pinyin), filter by state and kind,
sort; suspend and bury with the cursor kept in place; Enter previews a card.

The rules (rows, filters, sorts, flags) are in domain/browser.py; the rows
are read in a thread so the screen shows at once on a course of 20,000 cards.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Callable, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static
from textual.worker import Worker, WorkerState

from gonghui_tui.domain.browser import (KIND_FILTERS, SORTS, STATE_FILTERS, BrowserRow, browser_rows,
                                        card_line, next_choice, select, set_flag)
from gonghui_tui.domain.course import Course, CardKind
from gonghui_tui.domain.search import SearchIndex
from gonghui_tui.i18n import t

from gonghui_tui.domain.ports import ProgressStore
from gonghui_tui.tui.boundary import report_save_error, saves
from gonghui_tui.tui.format import local_time
from gonghui_tui.tui.breakpoints import BreakpointsAtStart
from gonghui_tui.tui.fewer_passes import QuietFocus
from gonghui_tui.tui.kept_dialogs import once_mounted, show_as_new
from gonghui_tui.tui.translated import Translated
from gonghui_tui.tui.widgets.card_table import GAP_STYLE, CardTable
from gonghui_tui.tui.widgets.key_footer import KeyFooter


def column_widths() -> tuple[int, int, int, int]:
    """Cells for kind, state, due and flags: the longest label each can show,
    so no label is ever cut (a second flag shows as +; the preview has all)."""
    kinds = max(cell_len(t(f"kind.{k.value}")) for k in CardKind)
    states = max(cell_len(t(f"state.{s}")) for s in ("new", "learning", "review", "relearning"))
    flag = max(cell_len(t(f"cards.{f}")) for f in ("suspended", "buried", "leech"))
    headers = [cell_len(t(f"cards.{h}")) for h in ("kind", "state", "due", "flags")]
    return (max(kinds, headers[0]), max(states, headers[1]),
            max(cell_len(short_due(datetime(2026, 12, 31, 23, 59), datetime(2026, 12, 31))), headers[2]),
            max(flag + 1, headers[3]))


def short_due(due: datetime, now: datetime) -> str:
    """Month, day and time this year; the full date further off."""
    local = due.astimezone()
    return local.strftime("%m-%d %H:%M" if local.year == now.astimezone().year else "%Y-%m-%d")


def row_labels(row: BrowserRow, now: datetime | None = None) -> tuple[str, str, str, str]:
    flags = [t(f"cards.{flag}") for flag in ("suspended", "buried", "leech") if getattr(row, flag)]
    due = short_due(row.due, now or datetime.now().astimezone()) if row.due else "—"
    return (t(f"kind.{row.card.kind.value}"), t(f"state.{row.state}"), due,
            flags[0] + ("+" if len(flags) > 1 else "") if flags else "")


class CardBrowserScreen(QuietFocus, BreakpointsAtStart, Translated, ModalScreen[None]):
    # Focused from the start: focusing in on_mount styled the whole screen once more.
    AUTO_FOCUS = "CardTable"
    DEFAULT_CSS = """
    CardBrowserScreen { align: center middle; }
    CardBrowserScreen #browser-box { width: 100%; height: 100%; }
    CardBrowserScreen #browser-search { margin: 0; }
    CardBrowserScreen .browser-line { height: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "bind.close", id="cards.close"),
        Binding("slash", "focus_search", "bind.search", id="cards.search"),
        Binding("f", "cycle('state')", "bind.cards_filter", id="cards.filter"),
        Binding("t", "cycle('kind')", "bind.cards_kind", id="cards.kind"),
        Binding("o", "cycle('sort')", "bind.cards_sort", id="cards.sort"),
        Binding("s", "flag('suspended')", "bind.toggle_suspend", id="cards.suspend"),
        Binding("b", "flag('buried')", "bind.toggle_bury", id="cards.bury"),
        Binding("enter", "preview", "bind.preview", id="cards.preview"),
    ]

    def __init__(self, course: Course, store: ProgressStore, section_id: str | None, now: Callable[[], datetime],
                 search: Callable[[], SearchIndex], tz: tzinfo | None = None) -> None:
        super().__init__()
        self.course, self.store, self.section_id, self.now, self.tz = course, store, section_id, now, tz
        self._search = search
        self.index: SearchIndex | None = None
        self.all_rows: list[BrowserRow] = []
        self.state, self.kind, self.sort = "all", "all", "course"
        self.loaded = False
        self.openings = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="browser-box", classes="dialog"):
            yield Static(id="browser-title", classes="browser-line")
            yield Static(id="browser-filters", classes="browser-line")
            yield Input(placeholder=t("cards.search_placeholder"), id="browser-search", compact=True)
            yield Static(id="browser-header", classes="browser-line")
            yield CardTable(lambda row: row_labels(row, self.now()), column_widths(), id="browser-table")
        yield KeyFooter()

    def refill(self, course: Course, store: ProgressStore, section_id: str | None, now: Callable[[], datetime],
               search: Callable[[], SearchIndex], tz: tzinfo | None = None) -> None:
        """Start over on ``section_id``'s cards, as a new browser would (the app keeps
        this screen between openings: tui/kept_dialogs.py)."""
        self.course, self.store, self.section_id, self.now, self.tz = course, store, section_id, now, tz
        self._search = search
        self.index, self.all_rows, self.loaded = None, [], False
        self.state, self.kind, self.sort = "all", "all", "course"
        self.openings += 1
        once_mounted(self, self._start)

    def _start(self) -> None:
        title = self.course.title if self.section_id is None else self.course.sections[self.section_id].title
        self.query_one("#browser-title", Static).update(
            Text(t("cards.title", title=title), style="bold", no_wrap=True, overflow="ellipsis"))
        self.query_one("#browser-filters", Static).update(Text(t("cards.loading"), style="dim italic"))
        self.query_one("#browser-header", Static).update("")
        show_as_new(self.query_one(Input), "")
        table = self.query_one(CardTable)
        table.show([])
        self.set_focus(table)
        # Started once the screen is up: a thread started now holds the GIL through
        # its Python parts (reading 20,000 rows) while the first frame is being made.
        self.call_after_refresh(self.run_worker, self._load, thread=True, exit_on_error=False,
                                group="browser-rows", name=str(self.openings), exclusive=True)

    def _load(self) -> tuple[list[BrowserRow], SearchIndex]:
        return browser_rows(self.course, self.store, self.section_id, self.now()), self._search()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "browser-rows" or event.worker.name != str(self.openings):
            return  # an earlier opening's
        if event.state == WorkerState.SUCCESS:
            self.all_rows, self.index = event.worker.result
            self.loaded = True
            self._refilter()
        elif event.state == WorkerState.ERROR:
            report_save_error(self, event.worker.error)

    # -- what is shown ----------------------------------------------------------
    def _refilter(self, keep: str | None = None) -> None:
        table = self.query_one(CardTable)
        query = self.query_one(Input).value
        card_ids = self.index.card_ids(query) if self.index is not None else None
        current = table.current
        rows = select(self.all_rows, self.state, self.kind, self.sort, card_ids)
        table.show(rows, keep=keep or (current.card.id if current else None))
        self._show_header()

    def _show_header(self) -> None:
        table = self.query_one(CardTable)
        filters = Text(no_wrap=True, overflow="ellipsis")
        for label, value, key in ((t("cards.filter_state"), t(f"cards.state_{self.state}"), "f"),
                                  (t("cards.filter_kind"), t(f"cards.kind_{self.kind}"), "t"),
                                  (t("cards.filter_sort"), t(f"cards.sort_{self.sort}"), "o")):
            filters.append(f"{label}", style="dim")
            filters.append(value, style="bold")
            filters.append(f"({key})  ", style="dim")
        filters.append(t("cards.count", shown=len(table.rows), total=len(self.all_rows)), style="dim")
        self.query_one("#browser-filters", Static).update(filters)
        titles = (t("cards.kind"), t("cards.state"), t("cards.due"), t("cards.flags"), t("cards.front"))
        width = table.scrollable_content_region.width or self.size.width - 4
        self.query_one("#browser-header", Static).update(table.header(titles, width))

    def on_resize(self) -> None:
        if self.loaded:
            self.call_after_refresh(self._show_header)

    def on_input_changed(self, event: Input.Changed) -> None:
        if self.loaded:
            self._refilter()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(CardTable).focus()

    # -- actions ----------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("cycle", "flag", "preview", "focus_search") and isinstance(self.focused, Input):
            return False  # the letters are typed into the search box
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def action_leave(self) -> None:
        search = self.query_one(Input)
        if self.focused is search:
            self.query_one(CardTable).focus()
        else:
            # Kept for the next opening, without the rows (up to the whole course's).
            self.index, self.all_rows = None, []
            self.query_one(CardTable).show([])
            self.dismiss(None)

    def action_focus_search(self) -> None:
        self.query_one(Input).focus()

    def action_cycle(self, what: str) -> None:
        choices = {"state": STATE_FILTERS, "kind": KIND_FILTERS, "sort": SORTS}[what]
        setattr(self, what, next_choice(choices, getattr(self, what)))
        self._refilter()

    @saves
    def action_flag(self, flag: str) -> None:
        table = self.query_one(CardTable)
        row = table.current
        if row is None:
            return
        on = not getattr(row, flag)
        changed = set_flag(self.course, self.store, row, flag, on, self.now(), self.tz)
        self.all_rows = [changed if r.card.id == row.card.id else r for r in self.all_rows]
        table.replace_row(changed)
        self._show_header()
        text = card_line(row.card)[0]
        self.notify(t(f"cards.{flag}_{'on' if on else 'off'}", card=text[:24]), timeout=3, markup=False)

    def action_preview(self) -> None:
        row = self.query_one(CardTable).current
        if row is not None:
            self.app.push_screen(CardPreviewScreen(row))


class CardPreviewScreen(QuietFocus, BreakpointsAtStart, Translated, ModalScreen[None]):
    """One card as the drill would show it, question and answer together."""

    DEFAULT_CSS = """
    CardPreviewScreen { align: center middle; }
    CardPreviewScreen #preview-box { width: 90%; max-width: 100; height: auto; max-height: 90%; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,space", "dismiss", "bind.close", id="preview.close"),
    ]

    def __init__(self, row: BrowserRow) -> None:
        super().__init__()
        self.row = row

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="preview-box", classes="dialog"):
            yield Static(preview_text(self.row))
        yield KeyFooter()

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)


def preview_text(row: BrowserRow) -> Text:
    card = row.card
    text = Text()
    flags = [t(f"cards.{flag}") for flag in ("suspended", "buried", "leech") if getattr(row, flag)]
    due = local_time(row.due) if row.due else "—"
    text.append(" · ".join([t(f"kind.{card.kind.value}"), t(f"state.{row.state}"),
                            f"{t('cards.due')} {due}", *flags]) + "\n\n", style="dim")
    line, gaps = card_line(card)
    start = len(text.plain)
    text.append(line + "\n")
    for gap_start, gap_end in gaps:
        text.stylize(GAP_STYLE, start + gap_start, start + gap_end)
    text.append(f"\n{t('cards.answer')}\n", style="bold")
    if card.kind is CardKind.CHOICE:
        for option in card.options:
            right = option in card.answers
            text.append(("√ " if right else "  ") + option + "\n", style="green" if right else "")
    elif card.kind is CardKind.LIST:
        for number, item in enumerate(card.items, 1):
            text.append(f"{number}. {item.text}" + (f"：{item.detail}" if item.detail else "") + "\n")
    elif card.kind is CardKind.CLOZE:
        text.append("；".join(line[a:b] for a, b in gaps) + "\n")
    else:
        text.append((card.back or "；".join(card.answers)) + "\n")
    return text
