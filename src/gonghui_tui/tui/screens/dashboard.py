"""The progress dashboard: reading, card states, retention, streaks, the
review heatmap, the due forecast and per-section mastery. It scrolls at
80×24 and spreads out on big terminals."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Callable, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, ProgressBar, Static
from textual.worker import Worker, WorkerState

from gonghui_tui.domain.course import Course
from gonghui_tui.domain.figures import NO_FIGURE, STATE_ORDER, forecast_rows, fraction, percent, state_label
from gonghui_tui.domain.ports import ProgressStore
from gonghui_tui.domain.stats import Stats, compute_stats
from gonghui_tui.domain.translate import Key, Message
from gonghui_tui.i18n import t
from gonghui_tui.tui.format import ellipsised, short
from gonghui_tui.tui.widgets.title_header import TitleHeader
from gonghui_tui.tui.breakpoints import BreakpointsAtStart
from gonghui_tui.tui.fewer_passes import QuietFocus
from gonghui_tui.tui.kept_dialogs import once_mounted
from gonghui_tui.tui.textual_private import round_bar_again
from gonghui_tui.tui.translated import Translated
from gonghui_tui.tui.widgets.heatmap import Heatmap
from gonghui_tui.tui.widgets.key_footer import KeyFooter


class DashboardScreen(QuietFocus, BreakpointsAtStart, Translated, Screen[None]):
    DEFAULT_CSS = """
    DashboardScreen #dashboard { padding: 0 1; }
    DashboardScreen .dash-title { margin-top: 1; }
    DashboardScreen .dash-reading-bar Bar { width: 1fr; }
    DashboardScreen #dash-states, DashboardScreen #dash-mastery { height: auto; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "bind.leave", id="dashboard.leave"),
        Binding("p", "leave", "bind.leave", show=False, id="dashboard.leave2"),
        # Ahead of the scroll view's own End: the figures arrive from a worker and the
        # tables size themselves later, so End anchors at the bottom until the user scrolls.
        Binding("end", "to_end", "bind.scroll_end", show=False, priority=True, id="dashboard.end"),
    ]

    def __init__(self, course: Course, store: ProgressStore, now: Callable[[], datetime],
                 desired_retention: float, tz: tzinfo | None = None) -> None:
        super().__init__()
        self.course, self.store, self.now = course, store, now
        self.desired_retention, self.tz = desired_retention, tz

    def compose(self) -> ComposeResult:
        self.reading_bar = ProgressBar(classes="dash-reading-bar", show_eta=False)
        yield TitleHeader()
        with VerticalScroll(id="dashboard"):
            yield Static(Text(t("stats.reading"), style="bold underline"), classes="dash-title")
            yield Static(id="dash-reading")
            yield self.reading_bar
            yield Static(id="dash-figures", classes="dash-block")
            yield Static(Text(t("stats.cards_by_state"), style="bold underline"), classes="dash-title")
            yield DataTable(id="dash-states", show_cursor=False)
            yield Static(Text(t("stats.heatmap"), style="bold underline"), classes="dash-title")
            yield Heatmap(id="dash-heatmap", classes="dash-block")
            yield Static(Text(t("stats.forecast"), style="bold underline"), classes="dash-title")
            yield Static(id="dash-forecast", classes="dash-block")
            yield Static(Text(t("stats.mastery"), style="bold underline"), classes="dash-title")
            yield DataTable(id="dash-mastery", show_cursor=False)
        yield KeyFooter()

    stats: Stats | None = None  # None until the worker has computed them

    def on_mount(self) -> None:
        self.sub_title = t("cmd.dashboard")

    def refill(self, course: Course, store: ProgressStore, now: Callable[[], datetime],
               desired_retention: float, tz: tzinfo | None = None) -> None:
        """Show the placeholders a new dashboard starts with and compute the figures
        anew (the app keeps this screen between openings: tui/kept_dialogs.py)."""
        self.course, self.store, self.now = course, store, now
        self.desired_retention, self.tz = desired_retention, tz
        once_mounted(self, self._start)

    def _start(self) -> None:
        self.stats = None
        # 0.4 s at 200,000 reviews, ~1 s at 1,000,000: computed in a thread so
        # the screen shows at once (a placeholder) and keys keep working.
        self.query_one("#dash-reading", Static).update(Text(t("stats.computing"), style="dim italic"))
        self.reading_bar.update(total=None, progress=0)
        for blank in ("#dash-figures", "#dash-forecast", Heatmap):
            self.query_one(blank, Static).update("")  # type: ignore[call-overload]
        for table in self.query(DataTable):
            table.clear(columns=True)
        view = self.query_one("#dashboard", VerticalScroll)
        view.scroll_home(animate=False, immediate=True)
        view.release_anchor()
        if self.focused is not view:  # where a new dashboard's focus starts (Textual's auto-focus)
            self.set_focus(view)
        # Started once the placeholder is on screen: a thread started now holds the
        # GIL through its Python parts while the first frame is being made.
        self.call_after_refresh(self.run_worker, self._compute, thread=True, exclusive=True,
                                group="dashboard-stats", exit_on_error=False)

    def _compute(self) -> Stats:
        return compute_stats(self.course, self.store, self.now(), self.desired_retention, self.tz)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "dashboard-stats":
            return
        if event.state == WorkerState.SUCCESS:
            self.stats = event.worker.result
            self._fill(self.stats)
        elif event.state == WorkerState.ERROR:
            self.query_one("#dash-reading", Static).update(
                Text(t("stats.failed", error=event.worker.error), style="bold red"))

    def _fill(self, stats: Stats) -> None:
        self.query_one("#dash-reading", Static).update(
            Text(f"{t('stats.sections_read')} {fraction(stats.sections_read, stats.sections_total)}"))
        self.reading_bar.update(total=stats.sections_total or 1, progress=stats.sections_read)
        # The figures change the view's height (and its scrollbar), so the bar's width
        # may change in the same frame: round it again once laid out (a kept dashboard
        # drew 1 of 16 half a cell short at its second opening).
        self.call_after_refresh(round_bar_again, self.reading_bar)
        figures = Text()
        gap = "    "
        figures.append(t("punct.field", label=Key("stats.reviews_total"), value=stats.reviews_total) + gap)
        retention = percent(stats.retention_30d) + t("punct.paren", text=Message(
            "stats.reviews_n", {"n": stats.retention_reviews_30d}))
        figures.append(t("punct.field", label=Key("stats.retention"), value=retention) + "\n")
        for label, days in (("stats.streak_current", stats.streak_current),
                            ("stats.streak_longest", stats.streak_longest)):
            figures.append(t("punct.field", label=Key(label), value=Message("stats.days", {"n": days})) + gap)
        figures.rstrip()
        if any(stats.orphaned.values()):
            figures.append("\n" + t("punct.field", label=Key("stats.orphaned"),
                                     value=Message("stats.orphaned_detail", stats.orphaned)), style="dim")
        self.query_one("#dash-figures", Static).update(figures)

        states = self.query_one("#dash-states", DataTable)
        states.add_columns(*(state_label(s, t) for s in STATE_ORDER))
        states.add_row(*(str(stats.cards_by_state[s]) for s in STATE_ORDER))

        self.query_one(Heatmap).show(stats.heatmap)
        self.query_one("#dash-forecast", Static).update(forecast_bars(stats.forecast_14d))

        self._fill_mastery(stats)

    def _fill_mastery(self, stats: Stats) -> None:
        """Per-part mastery. The part titles and the weakest cards share the width the
        figures leave, each cut in whole characters, so at 80 columns the table fits
        without a sideways scrollbar (below that it scrolls)."""
        mastery = self.query_one("#dash-mastery", DataTable)
        mastery.clear(columns=True)
        heads = (t("stats.section"), t("stats.mature"), t("stats.recall"), t("stats.weakest"))
        rows = [(Text(row.title), fraction(row.mature, row.cards), percent(row.mean_retrievability),
                 Text(t("punct.item_sep")).join(short(self.course.card(cid).front, 20)
                                for cid in row.weakest if self.course.card(cid)) or Text(NO_FIGURE))
                for row in stats.mastery]
        widths = [max([cell_len(head), *(cell_len(str(row[i])) for row in rows)]) for i, head in enumerate(heads)]
        view = self.query_one("#dashboard", VerticalScroll)
        # The figures make the view scroll: count its scrollbar even before it shows.
        room = view.size.width - view.styles.gutter.width - view.styles.scrollbar_size_vertical
        room -= widths[1] + widths[2] + 2 * len(heads)  # the figures, and every column's padding
        floor = [max(cell_len(heads[0]), min(widths[0], 16)), max(cell_len(heads[3]), 8)]
        weakest = min(widths[3], max(floor[1], room // 3))
        title = min(widths[0], max(floor[0], room - weakest))
        weakest = max(floor[1], min(widths[3], room - title))
        for i, head in enumerate(heads):
            mastery.add_column(head, width=(title, widths[1], widths[2], weakest)[i])
        for part, mature, recall, cards in rows:
            mastery.add_row(ellipsised(part, title), mature, recall, ellipsised(cards, weakest))

    def on_resize(self) -> None:
        if self.stats is not None:
            self._fill_mastery(self.stats)

    def action_to_end(self) -> None:
        self.query_one("#dashboard", VerticalScroll).anchor()

    def action_leave(self) -> None:
        self.dismiss(None)


def forecast_bars(counts: list[int], width: int = 30) -> Text:
    text = Text()
    for label, count, bar in forecast_rows(counts, t, width):
        text.append(f"{label:<8}", style="dim")
        text.append(bar, style="cyan")
        text.append(f" {count}\n")
    text.rstrip()
    return text
