"""Which cards to study now, in which order, within the day's limits.

Order, as in Anki: due reviews and relearning first (oldest due first),
then learning cards due now, then new cards in course order up to the
day's new-card limit. Reviews are capped by the daily maximum. Suspended
cards and cards buried until a later time are left out.

Siblings (cards sharing a ``group``) are buried as in Anki: once one of them
was answered today, the others wait for the next study day, and a queue
holds at most one card of a group, so the limits are filled with cards that
will really be shown. Cards in their learning steps are never held back.

The queue asks the store for what it takes, never for every card's record
(20,000 of them cost a drill at L a second to open): due cards in due order,
read until the day's reviews are full, and the ids of the cards that are no
longer new, from which the first new ones in course order are picked.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import Callable, Iterable, Iterator

from gonghui_tui.domain.course import Course
from gonghui_tui.domain.ports import ProgressStore
from gonghui_tui.domain.records import CardState, to_ms
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
    since_ms: int = 0  # when the study day began


def today_counts(store: ProgressStore, course_id: str, now: datetime, tz: tzinfo | None = None) -> TodayCounts:
    since = to_ms(study_day_start(now, tz))
    return TodayCounts(store.count_reviews(course_id, since),
                       store.count_reviews(course_id, since, new_only=True), since)


class _Siblings:
    """One card of a group a day: the groups of the cards answered today are taken."""

    def __init__(self, course: Course, answered_today: set[str]) -> None:
        self.course = course
        self.answered = answered_today
        self.taken = {group for group in map(self._group, answered_today) if group}

    def _group(self, card_id: str) -> str:
        card = self.course.card(card_id)
        return card.group if card is not None else ""

    def take(self, card_id: str) -> None:
        if group := self._group(card_id):
            self.taken.add(group)

    def admit(self, card_id: str) -> bool:
        """Whether the card may be shown today; if so its siblings wait."""
        group = self._group(card_id)
        if not group or card_id in self.answered:
            return True  # the sibling answered today comes back in its steps
        if group in self.taken:
            return False
        self.taken.add(group)
        return True


def build_queue(course: Course, store: ProgressStore, now: datetime, limits: Limits,
                today: TodayCounts, section_id: str | None = None) -> Queue:
    """Today's queue for ``section_id`` and every section below it (None: the whole course)."""
    now_ms = to_ms(now)
    scope = None if section_id is None else [c.id for c in course.cards_under(section_id)]

    def due(*states: CardState) -> Iterator[str]:
        """Due cards of this course in ``states``, oldest due first; progress kept
        for ids that left the course is never drilled."""
        rows = heapq.merge(*(store.due_cards(course.id, now_ms, state, scope) for state in states),
                           key=lambda row: (row[1], row[0]))
        return (card_id for card_id, _ in rows if course.card(card_id) is not None)

    siblings = _Siblings(course, store.reviewed_since(course.id, today.since_ms))
    learning = list(due(CardState.LEARNING))
    for card_id in learning:  # never held back, but their siblings wait
        siblings.take(card_id)
    review_room = max(0, limits.reviews_per_day - today.reviewed)
    reviews = _take(due(CardState.REVIEW, CardState.RELEARNING), review_room, siblings.admit)
    new_room = max(0, min(limits.new_per_day - today.new_started, review_room))
    new: list[str] = []
    if new_room:
        # In course order, read only as far as the room: no set of every card's id,
        # no sort (at 20,000 cards, mostly studied, the set difference alone took 10 ms).
        not_new = store.not_new_ids(course.id, now_ms)
        in_order = course.ordered_ids() if scope is None else scope
        new = _take((card_id for card_id in in_order if card_id not in not_new), new_room, siblings.admit)
    return Queue(reviews=reviews, learning=learning, new=new)


def _take(card_ids: Iterable[str], room: int, admit: Callable[[str], bool] = lambda _: True) -> list[str]:
    """The first ``room`` of ``card_ids`` that ``admit`` lets in; reads no further."""
    taken: list[str] = []
    if room <= 0:
        return taken
    for card_id in card_ids:
        if admit(card_id):
            taken.append(card_id)
            if len(taken) == room:
                break
    return taken


@dataclass(frozen=True)
class DueSummary:
    due: int
    new: int
    reviewed_today: int
    sections: dict[str, dict[str, int]]


def due_summary(course: Course, store: ProgressStore, now: datetime, limits: Limits,
                tz: tzinfo | None = None) -> DueSummary:
    """What `gonghui-tui due` prints: due now, new left today, reviewed today.

    The per-section figures split the whole course's queue (what a drill of the
    whole course shows today), so they add up to the totals: five parts never
    offer two new cards each when the day has two left in all.
    """
    today = today_counts(store, course.id, now, tz)
    queue = build_queue(course, store, now, limits, today)
    sections = {top: {"title": course.sections[top].title, "due": 0, "new": 0} for top in course.roots}
    for key, card_ids in (("due", queue.reviews + queue.learning), ("new", queue.new)):
        for card_id in card_ids:
            sections[course.path(course.card(card_id).section)[0].id][key] += 1
    return DueSummary(len(queue.reviews) + len(queue.learning), len(queue.new), today.reviewed, sections)
