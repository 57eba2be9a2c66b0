"""`gonghui-tui stats` as rich tables, for people at a terminal."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from gonghui_tui.domain.cards import cloze_plain
from gonghui_tui.domain.course import Course

from gonghui_tui.domain.stats import Stats
from gonghui_tui.i18n import t

STATES = ("new", "learning", "review", "relearning", "suspended", "leech")


def short(text: str, width: int = 24) -> Text:
    """A card front cut to ``width`` terminal cells."""
    plain = Text(cloze_plain(text, reveal=False).replace("\n", " "))
    plain.truncate(width, overflow="ellipsis")
    return plain


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def print_stats(stats: Stats, course: Course, console: Console | None = None) -> None:
    console = console or Console()
    console.print(Text(t("stats.title", title=course.title), style="bold"))
    overview = Table(show_header=False)
    overview.add_column(style="bold")
    overview.add_column(justify="right")
    overview.add_row(t("stats.sections_read"), f"{stats.sections_read}/{stats.sections_total}")
    overview.add_row(t("stats.reviews_total"), str(stats.reviews_total))
    overview.add_row(t("stats.retention"), f"{percent(stats.retention_30d)} "
                     f"({t('stats.reviews_n', n=stats.retention_reviews_30d)})")
    overview.add_row(t("stats.streak_current"), t("stats.days", n=stats.streak_current))
    overview.add_row(t("stats.streak_longest"), t("stats.days", n=stats.streak_longest))
    if any(stats.orphaned.values()):
        overview.add_row(t("stats.orphaned"), t("stats.orphaned_detail", **stats.orphaned))
    console.print(overview)

    states = Table(title=t("stats.cards_by_state"), title_justify="left")
    for state in STATES:
        states.add_column(t(f"state.{state}"), justify="right")
    states.add_row(*(str(stats.cards_by_state[s]) for s in STATES))
    console.print(states)

    forecast = Table(title=t("stats.forecast"), title_justify="left")
    forecast.add_column(t("stats.day"))
    forecast.add_column(t("stats.due_cards"), justify="right")
    forecast.add_column("")
    top = max(stats.forecast_14d) or 1
    for offset, count in enumerate(stats.forecast_14d):
        forecast.add_row(t("stats.today") if offset == 0 else t("stats.in_days", n=offset), str(count),
                         "█" * round(count / top * 20))
    console.print(forecast)

    mastery = Table(title=t("stats.mastery"), title_justify="left")
    for key in ("stats.section", "stats.mature", "stats.recall", "stats.weakest"):
        mastery.add_column(t(key))
    for row in stats.mastery:
        weakest = Text("\n").join(short(course.card(cid).front) for cid in row.weakest if course.card(cid))
        mastery.add_row(Text(row.title), f"{row.mature}/{row.cards}", percent(row.mean_retrievability),
                        weakest or Text("—"))
    console.print(mastery)
