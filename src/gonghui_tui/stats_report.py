"""`gonghui-tui stats` as rich tables, for people at a terminal."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from gonghui_tui.domain.course import Course
from gonghui_tui.domain.figures import NO_FIGURE, STATE_ORDER, forecast_rows, fraction, percent, state_label
from gonghui_tui.domain.safe_text import safe
from gonghui_tui.domain.stats import Stats
from gonghui_tui.domain.translate import Message
from gonghui_tui.i18n import t
from gonghui_tui.tui.format import FittedLines, short

FORECAST_WIDTH = 20


def print_stats(stats: Stats, course: Course, console: Console | None = None) -> None:
    from gonghui_tui import wrap_adapter

    wrap_adapter.install(textual=False)  # tables wrap course titles by the Chinese rules too
    console = console or Console()
    console.print(Text(t("stats.title", title=course.title), style="bold"))
    overview = Table(show_header=False)
    overview.add_column(style="bold")
    overview.add_column(justify="right")
    overview.add_row(t("stats.sections_read"), fraction(stats.sections_read, stats.sections_total))
    overview.add_row(t("stats.reviews_total"), str(stats.reviews_total))
    overview.add_row(t("stats.retention"), percent(stats.retention_30d)
                     + t("punct.paren", text=Message("stats.reviews_n", {"n": stats.retention_reviews_30d})))
    overview.add_row(t("stats.streak_current"), t("stats.days", n=stats.streak_current))
    overview.add_row(t("stats.streak_longest"), t("stats.days", n=stats.streak_longest))
    if any(stats.orphaned.values()):
        overview.add_row(t("stats.orphaned"), t("stats.orphaned_detail", **stats.orphaned))
    console.print(overview)

    states = Table(title=t("stats.cards_by_state"), title_justify="left")
    for state in STATE_ORDER:
        states.add_column(state_label(state, t), justify="right")
    states.add_row(*(str(stats.cards_by_state[s]) for s in STATE_ORDER))
    console.print(states)

    forecast = Table(title=t("stats.forecast"), title_justify="left")
    forecast.add_column(t("stats.day"))
    forecast.add_column(t("stats.due_cards"), justify="right")
    forecast.add_column("")
    for label, count, bar in forecast_rows(stats.forecast_14d, t, FORECAST_WIDTH):
        forecast.add_row(label, str(count), bar)
    console.print(forecast)

    mastery = Table(title=t("stats.mastery"), title_justify="left")
    for key in ("stats.section", "stats.mature", "stats.recall", "stats.weakest"):
        mastery.add_column(t(key))
    for row in stats.mastery:
        fronts = [short(course.card(cid).front) for cid in row.weakest if course.card(cid)]
        mastery.add_row(Text(safe(row.title, one_line=True)), fraction(row.mature, row.cards),
                        percent(row.mean_retrievability),
                        FittedLines(fronts) if fronts else Text(NO_FIGURE))
    console.print(mastery)
