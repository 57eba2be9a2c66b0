"""Progress figures computed from the store: reading, card states, retention,
streaks, the review heatmap, the due forecast and per-section mastery.

Days are study days (4 a.m. local rollover), like the drill's limits.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from gonghui_tui.domain.course import Course
from gonghui_tui.domain.figures import STATE_ORDER
from gonghui_tui.domain.ports import ProgressStore
from gonghui_tui.domain.records import CardState, from_ms, to_ms
from gonghui_tui.domain.scheduler import day_start, make_scheduler, retrievabilities, study_day

MATURE_DAYS = 21
HEATMAP_WEEKS = 16
FORECAST_DAYS = 14
RETENTION_DAYS = 30
# Every UTC offset in use changes on a quarter-hour boundary, so all reviews in
# one quarter hour share a study day: SQLite counts per bucket, Python converts
# a few thousand buckets instead of every review.
BUCKET_MS = 15 * 60 * 1000


@dataclass(frozen=True)
class SectionMastery:
    section_id: str
    title: str
    cards: int
    mature: int
    mean_retrievability: float | None  # over cards studied at least once
    weakest: list[str]  # card ids, lowest retrievability first


@dataclass(frozen=True)
class Stats:
    sections_read: int
    sections_total: int
    reviews_total: int
    cards_by_state: dict[str, int]
    retention_30d: float | None
    retention_reviews_30d: int
    streak_current: int
    streak_longest: int
    heatmap: dict[str, int]  # ISO study day -> reviews, the last 16 weeks, oldest first
    forecast_14d: list[int]  # cards due on each of the next 14 study days (today holds overdue)
    mastery: list[SectionMastery]
    orphaned: dict[str, int]  # progress kept for ids no longer in the course
    studied_days: list[str]  # every study day with a review or a section read


def compute_stats(course: Course, store: ProgressStore, now: datetime, desired_retention: float = 0.9,
                  tz: tzinfo | None = None) -> Stats:
    today = study_day(now, tz)
    records = store.cards(course.id)
    per_card = store.reviews_per_card(course.id)
    sections = store.sections(course.id)
    card_ids = {c.id for c in course.cards}

    by_state: Counter[str] = Counter({name: 0 for name in STATE_ORDER})
    for card in course.cards:
        record = records.get(card.id)
        by_state[CardState(record.state).label if record else CardState.NEW.label] += 1
        if record and record.suspended:
            by_state["suspended"] += 1
        if record and record.leech:
            by_state["leech"] += 1

    per_day = _reviews_per_day(store.review_buckets(course.id, BUCKET_MS), tz)
    judged, passed = store.retention_counts(course.id, to_ms(now - timedelta(days=RETENTION_DAYS)))

    active_days = set(per_day)
    for record in sections.values():
        for ms in (record.first_read_ms, record.last_read_ms):
            if ms is not None:
                active_days.add(study_day(from_ms(ms), tz))
    current, longest = _streaks(active_days, today)

    first_day = today - timedelta(days=HEATMAP_WEEKS * 7 - 1)
    heatmap = {(first_day + timedelta(days=i)).isoformat(): per_day.get(first_day + timedelta(days=i), 0)
               for i in range(HEATMAP_WEEKS * 7)}

    forecast = _forecast([r.due_ms for cid, r in records.items()
                          if cid in card_ids and r.state != CardState.NEW and not r.suspended], today, tz)

    section_ids = set(course.sections)
    orphaned = {
        "cards": sum(1 for cid in records if cid not in card_ids),
        "reviews": sum(n for cid, n in per_card.items() if cid not in card_ids),
        "sections": sum(1 for sid in sections if sid not in section_ids),
        "notes": sum(1 for sid in store.notes(course.id) if sid not in section_ids),
    }
    return Stats(
        sections_read=sum(1 for sid, r in sections.items() if r.read and sid in section_ids),
        sections_total=len(course.sections),
        reviews_total=sum(per_card.values()),
        cards_by_state=dict(by_state),
        retention_30d=passed / judged if judged else None,
        retention_reviews_30d=judged,
        streak_current=current,
        streak_longest=longest,
        heatmap=heatmap,
        forecast_14d=forecast,
        mastery=_mastery(course, records, now, desired_retention),
        orphaned=orphaned,
        studied_days=sorted(d.isoformat() for d in active_days),
    )


def _forecast(due_ms: list[int], today: date, tz: tzinfo | None) -> list[int]:
    """Cards due on each of the next study days; overdue cards count for today."""
    # The start of each next study day: a due time's offset is how many have begun by then.
    starts = [to_ms(day_start(today + timedelta(days=i), tz)) for i in range(1, FORECAST_DAYS + 1)]
    forecast = [0] * FORECAST_DAYS
    for ms in due_ms:
        offset = bisect_right(starts, ms)
        if offset < FORECAST_DAYS:
            forecast[offset] += 1
    return forecast


def _reviews_per_day(buckets: list[tuple[int, int]], tz: tzinfo | None) -> Counter[date]:
    """Reviews per study day from (bucket, count) in time order: one time-zone
    conversion per study day, not per bucket (a year has 35,000 quarter hours)."""
    per_day: Counter[date] = Counter()
    day, start_ms, end_ms = date.min, 0, -1
    for bucket, count in buckets:
        ms = bucket * BUCKET_MS
        if not start_ms <= ms < end_ms:
            day = study_day(from_ms(ms), tz)
            start_ms = to_ms(day_start(day, tz))
            end_ms = to_ms(day_start(day + timedelta(days=1), tz))
        per_day[day] += count
    return per_day


def _streaks(days: set[date], today: date) -> tuple[int, int]:
    """Current streak (ending today, or yesterday if today is not done yet) and the longest."""
    longest = run = 0
    previous: date | None = None
    for day in sorted(days):
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        longest = max(longest, run)
        previous = day
    end = today if today in days else today - timedelta(days=1)
    current = 0
    while end in days:
        current += 1
        end -= timedelta(days=1)
    return current, longest


def _mastery(course: Course, records, now: datetime, desired_retention: float) -> list[SectionMastery]:
    scheduler = make_scheduler(desired_retention, fuzzing=False)
    rows = []
    for top in course.roots:
        cards = course.cards_under(top)
        studied = [record for card in cards if (record := records.get(card.id)) is not None
                   and record.state != CardState.NEW and record.last_review_ms is not None]
        mature = sum(1 for r in studied if r.due_ms - r.last_review_ms >= MATURE_DAYS * 86_400_000)
        scored = sorted(zip(retrievabilities(scheduler, studied, now), (r.card_id for r in studied)))
        mean = sum(r for r, _ in scored) / len(scored) if scored else None
        rows.append(SectionMastery(top, course.sections[top].title, len(cards), mature, mean,
                                   [cid for _, cid in scored[:3]]))
    return rows


def stats_json(stats: Stats) -> dict:
    """The documented JSON shape of `gonghui-tui stats --json` (see docs/stats.md)."""
    return {
        "reviews_total": stats.reviews_total,
        "sections_read": stats.sections_read,
        "sections_total": stats.sections_total,
        "retention_30d": None if stats.retention_30d is None else round(stats.retention_30d, 4),
        "retention_reviews_30d": stats.retention_reviews_30d,
        "streak_current": stats.streak_current,
        "streak_longest": stats.streak_longest,
        "cards_by_state": stats.cards_by_state,
        "forecast_14d": stats.forecast_14d,
        "heatmap": stats.heatmap,
        "mastery": [
            {"section": m.section_id, "title": m.title, "cards": m.cards, "mature": m.mature,
             "mean_retrievability": None if m.mean_retrievability is None else round(m.mean_retrievability, 4),
             "weakest": m.weakest}
            for m in stats.mastery
        ],
        "orphaned": stats.orphaned,
        "studied_days": stats.studied_days,
    }
