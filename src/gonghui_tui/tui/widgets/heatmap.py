"""A calendar heatmap of reviews per day: weeks as columns, weekdays as rows."""

from __future__ import annotations

from datetime import date, timedelta

from rich.text import Text
from textual.widgets import Static

from gonghui_tui.i18n import t

SHADES = ("·", "░", "▒", "▓", "█")
COLOURS = ("grey42", "green4", "green3", "green1", "bright_green")


def shade(count: int, top: int) -> int:
    if count <= 0:
        return 0
    return min(4, 1 + (count * 4 - 1) // max(top, 1))


def render_heatmap(days: dict[str, int]) -> Text:
    """``days`` maps ISO dates (oldest first) to review counts."""
    if not days:
        return Text()
    dates = [date.fromisoformat(d) for d in days]
    # Whole weeks only: a partial first week would put a few weekdays one
    # column left of the others. Start at the first Monday shown; the days
    # after the last one (the rest of this week) are left blank.
    first = dates[0] + timedelta(days=-dates[0].weekday() % 7)
    if first > dates[-1]:
        first = dates[0] - timedelta(days=dates[0].weekday())
    weeks = (dates[-1] - first).days // 7 + 1
    top = max(days.values())
    text = Text()
    for weekday in range(7):
        text.append(t(f"weekday.{weekday}") + " ", style="dim")
        for week in range(weeks):
            day = first + timedelta(days=week * 7 + weekday)
            count = days.get(day.isoformat())
            if count is None:
                text.append("  ")
                continue
            level = shade(count, top)
            text.append(SHADES[level] * 2, style=COLOURS[level])
        text.append("\n")
    text.append("   " + t("stats.heatmap_legend") + " ", style="dim")
    for level in range(5):
        text.append(SHADES[level] * 2, style=COLOURS[level])
    text.append(" " + t("stats.heatmap_more") + "  " + t("stats.heatmap_max", n=top), style="dim")
    return text


class Heatmap(Static):
    def show(self, days: dict[str, int]) -> None:
        self.update(render_heatmap(days))
