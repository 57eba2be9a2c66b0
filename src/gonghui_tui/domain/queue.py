"""Which cards to study now, in which order, within the day's limits.

Order, as in Anki: due reviews and relearning first (oldest due first),
then learning cards due now, then new cards in course order up to the
day's new-card limit. Reviews are capped by the daily maximum. Suspended
cards and cards buried until a later time are left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import Iterable

from gonghui_tui.domain.course import Card, Course
from gonghui_tui.domain.ports import ProgressStore
from gonghui_tui.domain.records import CardRecord, CardState, to_ms
from gonghui_tui.domain.scheduler import study_day_start


@dataclass(frozen=True)
class Limits:
    new_per_day: int = 20
    reviews_per_day: int = 200


@dataclass
class Queue:
    reviews: list[str] = field(default_factory=list)  # review + relearning, due now
    learning: list[str] = field(default_factory=list)  # learning, due now
    new: list[str] = field(default_factory=list)

    def ordered(self) -> list[str]:
        return self.reviews + self.learning + self.new

    def __len__(self) -> int:
        return len(self.reviews) + len(self.learning) + len(self.new)


@dataclass(frozen=True)
class TodayCounts:
    reviewed: int  # reviews of any card since the study day began
    new_started: int  # of which the card was new


def today_counts(store: ProgressStore, course_id: str, now: datetime, tz: tzinfo | None = None) -> TodayCounts:
    since = to_ms(study_day_start(now, tz))
    return TodayCounts(store.count_reviews(course_id, since),
                       store.count_reviews(course_id, since, new_only=True))


def available(record: CardRecord | None, now_ms: int) -> bool:
    if record is None:
        return True
    if record.suspended:
        return False
    return record.buried_until_ms is None or record.buried_until_ms <= now_ms


def build_queue(cards: Iterable[Card], records: dict[str, CardRecord], now: datetime,
                limits: Limits, today: TodayCounts) -> Queue:
    now_ms = to_ms(now)
    reviews: list[tuple[int, str]] = []
    learning: list[tuple[int, str]] = []
    new: list[str] = []
    for card in cards:
        record = records.get(card.id)
        if not available(record, now_ms):
            continue
        if record is None or record.state == CardState.NEW:
            new.append(card.id)
        elif record.due_ms <= now_ms:
            target = learning if record.state == CardState.LEARNING else reviews
            target.append((record.due_ms, card.id))
    review_room = max(0, limits.reviews_per_day - today.reviewed)
    new_room = max(0, min(limits.new_per_day - today.new_started, review_room))
    reviews.sort()
    learning.sort()
    return Queue(
        reviews=[cid for _, cid in reviews[:review_room]],
        learning=[cid for _, cid in learning],
        new=new[:new_room],
    )


@dataclass(frozen=True)
class DueSummary:
    due: int
    new: int
    reviewed_today: int
    sections: dict[str, dict[str, int]]


def due_summary(course: Course, store: ProgressStore, now: datetime, limits: Limits,
                tz: tzinfo | None = None) -> DueSummary:
    """What `gonghui-tui due` prints: due now, new left today, reviewed today."""
    records = store.cards(course.id)
    today = today_counts(store, course.id, now, tz)
    new_room = max(0, limits.new_per_day - today.new_started)
    overall = build_queue(course.cards, records, now, limits, today)
    sections = {}
    for top in course.roots:
        queue = build_queue(course.cards_under(top), records, now, limits, today)
        sections[top] = {"title": course.sections[top].title,
                         "due": len(queue.reviews) + len(queue.learning),
                         "new": min(len(queue.new), new_room)}
    return DueSummary(len(overall.reviews) + len(overall.learning), len(overall.new),
                      today.reviewed, sections)
