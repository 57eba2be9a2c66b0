"""Figures as text for people: percentages, durations, bars, card-state names
and the due forecast.

One module for the dashboard, ``gonghui-tui stats`` and the Markdown export,
so a figure reads the same wherever it is shown. Plain strings only (no rich,
no Textual): each edge styles them its own way. Whatever produces words takes
the translator of the language wanted.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Mapping

from gonghui_tui.domain.cards import cloze_plain
from gonghui_tui.domain.translate import Translate

NO_FIGURE = "—"
BAR = "█"
# The order in which card states (and the suspended and leech flags) are listed.
STATE_ORDER = ("new", "learning", "review", "relearning", "suspended", "leech")


def percent(value: float | None) -> str:
    """0.873 -> '87.3%'; None (nothing to measure yet) -> '—'."""
    return NO_FIGURE if value is None else f"{value * 100:.1f}%"


def fraction(part: int, whole: int) -> str:
    return f"{part}/{whole}"


def reading_time(seconds: float, t: Translate) -> str:
    """Time spent on a section: '—', 'under a minute' or whole minutes."""
    if seconds <= 0:
        return NO_FIGURE
    return t("md.minutes", n=round(seconds / 60)) if seconds >= 60 else t("md.under_minute")


def interval(span: timedelta, t: Translate) -> str:
    """'10分钟', '3天', '2.5个月': the interval a grade would give."""
    minutes = span.total_seconds() / 60
    if minutes < 1:
        return t("interval.minutes", n=1)
    if minutes < 60:
        return t("interval.minutes", n=round(minutes))
    hours = minutes / 60
    if hours < 24:
        return t("interval.hours", n=round(hours))
    days = hours / 24
    if days < 30:
        return t("interval.days", n=round(days))
    if days < 365:
        return t("interval.months", n=f"{days / 30:.1f}".rstrip("0").rstrip("."))
    return t("interval.years", n=f"{days / 365:.1f}".rstrip("0").rstrip("."))


def bar(count: int, top: int, width: int) -> str:
    """A bar of up to ``width`` cells for ``count`` out of the largest, ``top``."""
    return BAR * round(count / (top or 1) * width)


def day_label(offset: int, t: Translate) -> str:
    """'today', 'in 3 d': a study day counted from today."""
    return t("stats.today") if offset == 0 else t("stats.in_days", n=offset)


def forecast_rows(counts: list[int], t: Translate, width: int) -> list[tuple[str, int, str]]:
    """(day label, cards due, bar) for each day of the forecast, today first."""
    top = max(counts, default=0)
    return [(day_label(offset, t), count, bar(count, top, width)) for offset, count in enumerate(counts)]


def state_label(state: str, t: Translate) -> str:
    """The name of a card state (new, learning, ...) or flag (suspended, leech)."""
    return t(f"state.{state}")


def state_summary(counts: Mapping[str, int], t: Translate) -> str:
    """'新卡 3，学习中 1，…': every state and flag with its count, in the usual order."""
    return t("punct.list_sep").join(f"{state_label(s, t)} {counts[s]}" for s in STATE_ORDER)


def front_line(front: str) -> str:
    """A card front on one line with its gaps hidden, for lists of cards."""
    return cloze_plain(front, reveal=False).replace("\n", " ")
