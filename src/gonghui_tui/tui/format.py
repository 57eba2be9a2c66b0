"""Small display formats shared by the screens."""

from __future__ import annotations

from datetime import datetime, timedelta

from gonghui_tui.i18n import t


def interval_label(interval: timedelta) -> str:
    """'10分钟', '3天', '2.5个月' — the interval a grade button would give."""
    minutes = interval.total_seconds() / 60
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


def local_time(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
