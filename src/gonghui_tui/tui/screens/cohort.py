"""The instructor's cohort screen: roster, sections, grid, hardest cards,
class activity, units and the files that did not count, one tab each.

The roster sorts by any column (click its header, or `s` for the next
column, `r` to reverse); trainees who have not started or have stopped
for 7 days are marked. Figures come from domain/cohort.py.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static, TabbedContent, TabPane

from gonghui_tui.domain.cohort import Cohort, RosterRow
from gonghui_tui.domain.cohort_report import (INDENT, ROSTER_HEADERS, card_text, display_name, grid_symbol,
                                              roster_cells, struggler_names, unit_name)
from gonghui_tui.domain.figures import percent
from gonghui_tui.domain.safe_text import safe
from gonghui_tui.domain.course import Course
from gonghui_tui.i18n import t
from gonghui_tui.tui.screens.dashboard import forecast_bars
from gonghui_tui.tui.breakpoints import BreakpointsAtStart
from gonghui_tui.tui.fewer_passes import QuietFocus
from gonghui_tui.tui.translated import Translated
from gonghui_tui.tui.widgets.heatmap import render_heatmap
from gonghui_tui.tui.widgets.key_footer import KeyFooter
from gonghui_tui.tui.widgets.title_header import TitleHeader

# Struggling trainees named in the hard cards' table and under it (the reports name them all).
TABLE_NAMES, DETAIL_NAMES = 2, 16
PART_HEADER_CELLS = 9  # a grid column's header; the whole title shows under the grid
STATUS_STYLE = {"active": "", "not_started": "dim", "stopped": "yellow"}
STATUS_MARK = {"active": " ", "not_started": "○", "stopped": "△"}

# How each roster column sorts: a key from the row (None sorts last).
SORT_KEYS: tuple[Callable[[RosterRow], Any], ...] = (
    lambda r: (r.name == "", r.name or r.file_name),
    lambda r: r.unit,
    lambda r: r.sections_read,
    lambda r: r.reviews,
    lambda r: -1.0 if r.retention_30d is None else r.retention_30d,
    lambda r: r.streak,
    lambda r: r.last_active or date.min,
    lambda r: r.mastered,
    lambda r: ("not_started", "stopped", "active").index(r.status),
)


class CohortScreen(QuietFocus, BreakpointsAtStart, Translated, Screen[None]):
    DEFAULT_CSS = """
    CohortScreen DataTable { height: 1fr; }
    CohortScreen .cohort-detail { height: auto; max-height: 5; padding: 0 1; background: $boost; }
    CohortScreen.-short .cohort-detail { max-height: 3; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "sort_next", "cohort.sort", id="cohort.sort"),
        Binding("r", "sort_reverse", "cohort.reverse", id="cohort.reverse"),
    ]

    def __init__(self, cohort: Cohort, course: Course) -> None:
        super().__init__()
        self.cohort, self.course = cohort, course
        self.sort_column, self.sort_reverse = 0, False

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        with TabbedContent(id="cohort-tabs"):
            with TabPane(t("cohort.tab_roster"), id="tab-roster"):
                yield Static(id="cohort-summary")
                yield DataTable(id="cohort-roster", zebra_stripes=True)
            with TabPane(t("cohort.tab_sections"), id="tab-sections"):
                yield DataTable(id="cohort-sections")
            with TabPane(t("cohort.tab_grid"), id="tab-grid"):
                yield Static(t("cohort.legend"), classes="cohort-legend")
                yield DataTable(id="cohort-grid", cursor_type="cell")
                yield Static(id="cohort-grid-detail", classes="cohort-detail")
            with TabPane(t("cohort.tab_cards"), id="tab-cards"):
                yield DataTable(id="cohort-cards", cursor_type="row")
                yield Static(id="cohort-card-detail", classes="cohort-detail")
            with TabPane(t("cohort.tab_activity"), id="tab-activity"):
                with VerticalScroll():
                    yield Static(Text(t("cohort.activity"), style="bold"))
                    yield Static(render_heatmap(self.cohort.heatmap), id="cohort-heatmap")
                    yield Static(Text(t("cohort.forecast"), style="bold"))
                    yield Static(forecast_bars(self.cohort.forecast), id="cohort-forecast")
            with TabPane(t("cohort.tab_units"), id="tab-units"):
                yield DataTable(id="cohort-units")
            if self.cohort.rejected:
                with TabPane(t("cohort.tab_files"), id="tab-files"):
                    yield DataTable(id="cohort-files")
        yield KeyFooter()

    def on_mount(self) -> None:
        c = self.cohort
        self.title = t("cohort.title")
        self.sub_title = c.course_title
        summary = t("cohort.counted", n=len(c.roster))
        if c.replaced:
            summary += " · " + t("cohort.replaced", n=c.replaced)
        if c.rejected:
            summary += f" · {t('cohort.rejected')} {len(c.rejected)}"
        self.query_one("#cohort-summary", Static).update(Text(summary))
        self._fill_roster()
        self._fill(
            "#cohort-sections", ["cohort.section", "cohort.read_share", "cohort.mastery", "cohort.reviews"],
            [[Text(INDENT * s.depth + s.title), percent(s.read_share), percent(s.mastery), str(s.reviews)]
             for s in c.sections])
        grid = self.query_one("#cohort-grid", DataTable)
        grid.add_columns(t("cohort.name"), *(_cut(title, PART_HEADER_CELLS) for _, title in c.parts))
        for row, cells in zip(c.roster, c.grid):
            grid.add_row(Text(display_name(row, t)),
                         *(Text(f"{grid_symbol(g.read)} {percent(g.mastery)}", style=_mastery_style(g.mastery))
                           for g in cells))
        self._fill(
            "#cohort-cards", ["cohort.card", "cohort.recall", "cohort.lapses", "cohort.leeches", "cohort.struggling"],
            [[Text(card_text(self.course, h.card_id, 18)), percent(h.mean_recall), str(h.lapses), str(h.leeches),
              Text(struggler_names(c, h, t, TABLE_NAMES))] for h in c.hardest])
        self._fill(
            "#cohort-units", ["cohort.unit", "cohort.trainees", "cohort.not_started", "cohort.stopped",
                              "cohort.read", "cohort.reviews", "cohort.retention", "cohort.mastery"],
            [[Text(unit_name(u.unit, t)), str(u.trainees), str(u.not_started), str(u.stopped),
              percent(u.read_share), str(u.reviews), percent(u.retention_30d), percent(u.mastery)] for u in c.units])
        if c.rejected:
            self._fill("#cohort-files", ["cohort.reason"],
                       [[Text(safe(r.render(t), one_line=True))] for _, r in c.rejected])

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The highlighted hard card in full: its text, section and every trainee who struggles."""
        if event.data_table.id != "cohort-cards" or not 0 <= event.cursor_row < len(self.cohort.hardest):
            return
        card = self.cohort.hardest[event.cursor_row]
        names = struggler_names(self.cohort, card, t, DETAIL_NAMES)
        # Who struggles first: on a short terminal the panel keeps three lines.
        label = t("cohort.struggling") + t("punct.paren", text=f"{len(card.strugglers)}/{card.learners}")
        detail = Text(t("punct.field", label=label, value=names) + "\n")
        detail.append(card_text(self.course, card.card_id, 400) + "\n", style="bold")
        detail.append(t("punct.field", label=t("cohort.section"), value=card.section_title), style="dim")
        self.query_one("#cohort-card-detail", Static).update(detail)

    def on_data_table_cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        """The highlighted grid cell spelled out: who, which part (its whole title), read and mastery."""
        row, column = event.coordinate.row, event.coordinate.column
        if event.data_table.id != "cohort-grid" or not 0 <= row < len(self.cohort.roster):
            return
        name = display_name(self.cohort.roster[row], t)
        if column == 0:
            text = name
        else:
            cell, (_, title) = self.cohort.grid[row][column - 1], self.cohort.parts[column - 1]
            text = t("punct.field", label=f"{name} · {title}",
                     value=f"{t('cohort.read_part')} {percent(cell.read)} · {t('cohort.mastery')} "
                           f"{percent(cell.mastery)}")
        self.query_one("#cohort-grid-detail", Static).update(Text(text))

    def _fill(self, selector: str, headers: list[str], rows: list[list[Any]]) -> None:
        table = self.query_one(selector, DataTable)
        table.add_columns(*(t(h) for h in headers))
        table.add_rows(rows)

    def _fill_roster(self) -> None:
        table = self.query_one("#cohort-roster", DataTable)
        if not table.columns:
            table.add_column(" ", key="mark")
            for i, header in enumerate(ROSTER_HEADERS):
                table.add_column(t(header), key=str(i))
        table.clear()
        total = self.cohort.sections_total
        order = sorted(self.cohort.roster, key=SORT_KEYS[self.sort_column], reverse=self.sort_reverse)
        for row in order:
            style = STATUS_STYLE[row.status]
            table.add_row(Text(STATUS_MARK[row.status], style=style or "green"),
                          *(Text(cell, style=style) for cell in roster_cells(row, total, t)))
        arrow = "▼" if self.sort_reverse else "▲"
        for i, header in enumerate(ROSTER_HEADERS):
            label = t(header) + (arrow if i == self.sort_column else "")
            table.columns[str(i)].label = Text(label)  # type: ignore[index]
        table.refresh()

    def sort_roster(self, column: int, reverse: bool | None = None) -> None:
        if reverse is None:
            reverse = not self.sort_reverse if column == self.sort_column else False
        self.sort_column, self.sort_reverse = column, reverse
        self._fill_roster()

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        if event.data_table.id == "cohort-roster" and event.column_key.value != "mark":
            self.sort_roster(int(event.column_key.value))

    def action_sort_next(self) -> None:
        self.sort_roster((self.sort_column + 1) % len(SORT_KEYS), reverse=False)

    def action_sort_reverse(self) -> None:
        self.sort_roster(self.sort_column, reverse=not self.sort_reverse)


def _cut(text: str, cells: int) -> Text:
    """``text`` cut to ``cells`` terminal cells, with … where it was cut."""
    cut = Text(text)
    cut.truncate(cells, overflow="ellipsis")
    return cut


def _mastery_style(mastery: float | None) -> str:
    if mastery is None:
        return "dim"
    return "green" if mastery >= 0.9 else "yellow" if mastery >= 0.7 else "red"
