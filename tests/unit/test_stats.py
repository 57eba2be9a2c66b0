"""Progress figures against a hand-built history with a frozen clock."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from fsrs import State

from gonghui_tui.domain.records import CardRecord, to_ms
from gonghui_tui.domain.stats import compute_stats, stats_json

BEIJING = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 3, 10, 2, 0, tzinfo=timezone.utc)  # 10:00 on 10 March in Beijing


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment in March 2026, Beijing time."""
    return datetime(2026, 3, day, hour, minute, tzinfo=BEIJING).astimezone(timezone.utc)


def review(store, course, card_id, when, rating, state_before, due, stability=5.0, lapses=0):
    row = store.ensure_card(course.id, card_id, 0)
    before = store.card(course.id, card_id)
    before = CardRecord(**{**before.__dict__, "state": state_before,
                           "reps": 0 if state_before == 0 else 1})
    after = CardRecord(row, card_id, State.Review, None, stability, 5.0, to_ms(due), to_ms(when),
                       reps=before.reps + 1, lapses=lapses)
    store.record_review(course.id, before, after, rating, when, 1000)


def test_empty_history(course, store):
    stats = compute_stats(course, store, NOW, tz=BEIJING)
    assert (stats.reviews_total, stats.sections_read, stats.sections_total) == (0, 0, 16)
    assert stats.retention_30d is None
    assert (stats.streak_current, stats.streak_longest) == (0, 0)
    assert stats.cards_by_state["new"] == 50 and sum(stats.forecast_14d) == 0
    assert len(stats.heatmap) == 16 * 7 and sum(stats.heatmap.values()) == 0
    assert list(stats.heatmap)[-1] == "2026-03-10"
    assert all(m.mean_retrievability is None for m in stats.mastery)
    assert stats.orphaned == {"cards": 0, "reviews": 0, "sections": 0, "notes": 0}


def test_hand_built_history(course, store):
    # 7 March 23:00 and 8 March 03:30 are the same study day (before the 4 a.m. rollover).
    review(store, course, "eight-1", at(7, 23), 3, 0, at(8, 10))
    review(store, course, "eight-2", at(8, 3, 30), 3, 0, at(9, 10))
    review(store, course, "eight-1", at(8, 10), 1, State.Review, at(8, 10, 10), lapses=1)
    review(store, course, "eight-2", at(9, 10), 3, State.Review, at(9, 10) + timedelta(days=30))
    review(store, course, "eight-3", at(10, 9), 4, State.Review, at(12, 9))
    store.set_read(course.id, "direction", True, at(5, 12))  # a read on 5 March, no review
    store.set_read(course.id, "summary", True, at(10, 9))

    stats = compute_stats(course, store, NOW, tz=BEIJING)
    assert stats.reviews_total == 5
    # reviews of cards in review state: 3 of them, one Again
    assert stats.retention_reviews_30d == 3 and abs(stats.retention_30d - 2 / 3) < 1e-9
    assert stats.heatmap["2026-03-07"] == 2  # 23:00 on the 7th and 03:30 on the 8th
    assert stats.heatmap["2026-03-08"] == 1 and stats.heatmap["2026-03-09"] == 1
    assert stats.heatmap["2026-03-10"] == 1
    # active study days: 5, 7, 8, 9, 10 March -> current streak 4 (7..10), longest 4
    assert (stats.streak_current, stats.streak_longest) == (4, 4)
    assert stats.sections_read == 2
    assert stats.cards_by_state["review"] == 3 and stats.cards_by_state["new"] == 47
    # due: eight-1 overdue (today), eight-3 in 2 days, eight-2 in 29 days (outside 14)
    assert stats.forecast_14d[0] == 1 and stats.forecast_14d[2] == 1 and sum(stats.forecast_14d) == 2
    direction = next(m for m in stats.mastery if m.section_id == "direction")
    assert direction.cards == 16 and direction.mature == 1  # eight-2: a 30-day interval
    assert direction.weakest[0] == "eight-1" and 0 < direction.mean_retrievability < 1


def test_streak_survives_until_today_is_over(course, store):
    review(store, course, "eight-1", at(8, 12), 3, 0, at(20, 12))
    review(store, course, "eight-2", at(9, 12), 3, 0, at(20, 12))
    stats = compute_stats(course, store, NOW, tz=BEIJING)  # nothing yet on the 10th
    assert stats.streak_current == 2
    later = at(12, 12)
    assert compute_stats(course, store, later, tz=BEIJING).streak_current == 0


def test_orphaned_progress_is_counted_not_lost(course, store):
    store.set_read(course.id, "gone-section", True, NOW)
    store.save_note(course.id, "gone-section", "旧笔记", NOW)
    review(store, course, "gone-card", at(9, 12), 3, 0, at(20, 12))
    stats = stats_json(compute_stats(course, store, NOW, tz=BEIJING))
    assert stats["orphaned"] == {"cards": 1, "reviews": 1, "sections": 1, "notes": 1}
    assert stats["sections_read"] == 0 and stats["reviews_total"] == 1
    for key in ("reviews_total", "sections_read", "sections_total", "retention_30d", "streak_current",
                "streak_longest", "cards_by_state", "forecast_14d", "orphaned"):
        assert key in stats


ZONES = ["Asia/Shanghai", "Europe/Berlin", "America/New_York", "Asia/Kathmandu", "Australia/Lord_Howe"]


def test_reviews_per_day_matches_one_conversion_per_review_across_dst():
    """The per-day sweep converts once per study day; it must agree with
    converting every quarter hour, including the days clocks change."""
    from collections import Counter

    from gonghui_tui.domain.scheduler import study_day
    from gonghui_tui.domain.stats import BUCKET_MS, _reviews_per_day
    from gonghui_tui.domain.records import from_ms

    first = to_ms(datetime(2026, 3, 1, tzinfo=timezone.utc)) // BUCKET_MS
    buckets = [(b, 1 + b % 3) for b in range(first, first + 96 * 260)]  # every quarter hour, 260 days
    for name in ZONES:
        tz = ZoneInfo(name)
        expected = Counter()
        for bucket, count in buckets:
            expected[study_day(from_ms(bucket * BUCKET_MS), tz)] += count
        assert _reviews_per_day(buckets, tz) == expected, name


def test_forecast_matches_day_by_day_conversion_across_dst():
    from gonghui_tui.domain.scheduler import study_day
    from gonghui_tui.domain.stats import FORECAST_DAYS, _forecast
    from gonghui_tui.domain.records import from_ms

    start = to_ms(datetime(2026, 3, 20, tzinfo=timezone.utc))
    due = [start + i * 7 * 60_000 for i in range(6_000)]  # every 7 minutes for 29 days
    for name in ZONES:
        tz = ZoneInfo(name)
        today = study_day(from_ms(start + 3 * 86_400_000), tz)  # some cards overdue
        expected = [0] * FORECAST_DAYS
        for ms in due:
            offset = max(0, (study_day(from_ms(ms), tz) - today).days)
            if offset < FORECAST_DAYS:
                expected[offset] += 1
        assert _forecast(due, today, tz) == expected, name
