"""Figures read the same in the dashboard, `gonghui-tui stats` and the
Markdown export: one module turns numbers into text, in the language asked."""

from __future__ import annotations

from datetime import timedelta

from gonghui_tui.domain.figures import (
    STATE_ORDER,
    forecast_rows,
    interval,
    percent,
    reading_time,
    state_summary,
)
from gonghui_tui.i18n import translator

ZH, EN = translator("zh"), translator("en")


def test_percent_and_missing_figures():
    assert percent(0.8734) == "87.3%"
    assert percent(1.0) == "100.0%"
    assert percent(None) == "—"  # nothing reviewed yet: no figure, not 0%


def test_durations_in_both_languages():
    assert reading_time(0, ZH) == "—"
    assert reading_time(30, EN) == "under a minute"
    assert reading_time(185, ZH) == "3 分钟"
    assert interval(timedelta(seconds=20), EN) == "1m"
    assert interval(timedelta(days=3), ZH) == "3天"
    assert interval(timedelta(days=75), EN) == "2.5mo"
    assert interval(timedelta(days=730), ZH) == "2年"


def test_forecast_bars_scale_to_the_busiest_day():
    rows = forecast_rows([4, 0, 2], EN, width=10)
    assert rows == [("today", 4, "█" * 10), ("in 1 d", 0, ""), ("in 2 d", 2, "█" * 5)]
    assert forecast_rows([0, 0], ZH, width=10) == [("今天", 0, ""), ("1 天后", 0, "")]


def test_state_summary_lists_every_state_in_order():
    counts = dict(zip(STATE_ORDER, range(6)))
    assert state_summary(counts, ZH) == "新卡 0，学习中 1，复习 2，重学 3，已暂停 4，难记 5"
    assert state_summary(counts, EN).startswith("new 0, learning 1, review 2")


def test_stats_dashboard_and_markdown_agree(course, store, clock, capsys):
    """The three places that show the card states list them in the same order
    with the same names, and the same retention figure."""
    from zoneinfo import ZoneInfo

    from gonghui_tui.domain.session import DrillSession
    from gonghui_tui.domain.stats import compute_stats
    from gonghui_tui.exporting import render
    from gonghui_tui.stats_report import print_stats
    from gonghui_tui.storage.settings import Settings
    from rich.console import Console

    s = DrillSession(course, store, clock.now, section_id="summary", fuzzing=False)
    while s.next() is not None:
        s.grade(3)
    beijing = ZoneInfo("Asia/Shanghai")
    stats = compute_stats(course, store, clock.now(), tz=beijing)
    console = Console(width=200, record=True)
    print_stats(stats, course, console)
    report = console.export_text()
    markdown = render("md", course, store, clock.now(), Settings(), tz=beijing, t=ZH)
    names = [ZH(f"state.{s}") for s in STATE_ORDER]
    header = next(line for line in report.splitlines() if names[0] in line)
    assert [header.index(n) for n in names] == sorted(header.index(n) for n in names)
    assert state_summary(stats.cards_by_state, ZH) in markdown
