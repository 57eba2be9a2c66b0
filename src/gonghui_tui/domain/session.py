"""DrillSession: the one API the drill screen calls (next card, grade, undo,
bury, suspend). Each grade is committed to the store before the next card
is chosen. In cram mode nothing is written and nothing is rescheduled.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import Callable

from gonghui_tui.domain.course import Card, Course
from gonghui_tui.domain.ports import ProgressStore
from gonghui_tui.domain.queue import Limits, build_queue, today_counts
from gonghui_tui.domain.records import CardRecord, CardState, Rating, from_ms, to_ms
from gonghui_tui.domain.scheduler import (
    LEARN_AHEAD,
    make_scheduler,
    new_record,
    next_day_start,
    preview,
    review,
)


@dataclass(frozen=True)
class Counts:
    """What is left, as Anki's three numbers (the card on screen included)."""

    new: int
    learning: int
    review: int


@dataclass(frozen=True)
class Summary:
    done: int
    again: int
    seconds: float
    next_due: datetime | None  # the earliest due time among this course's cards, if any


@dataclass
class _Snapshot:
    """What undo needs to put the session back as it was before one grade."""

    card: Card
    position: int  # how far the session had gone through its order
    order_length: int  # cards appended to the order later (cram: Again) are cut off
    later: list[tuple[int, str]]
    done: int
    again: int
    review_id: int | None = None  # a grade to take out of the log
    flags_before: CardRecord | None = None  # a bury or suspend to take back


class DrillSession:
    def __init__(
        self,
        course: Course,
        store: ProgressStore,
        now: Callable[[], datetime],
        section_id: str | None = None,
        limits: Limits = Limits(),
        desired_retention: float = 0.9,
        cram: bool = False,
        fuzzing: bool = True,
        tz: tzinfo | None = None,
    ) -> None:
        self.course = course
        self.store = store
        self.now = now
        self.section_id = section_id
        self.cram = cram
        self.tz = tz
        self.scheduler = make_scheduler(desired_retention, fuzzing)
        # The records of the cards this session has shown, as stored when shown:
        # never every card's (the queue is read from the store by index).
        self.records: dict[str, CardRecord] = {}
        start = now()
        # Cards are taken from the order by moving a position, never removed, so an
        # undo snapshot is two numbers, not a copy of a queue of up to 20,000 ids.
        if cram:  # every card of the section but the suspended ones; no limits
            suspended = store.suspended_ids(course.id)
            self._order = [c.id for c in course.cards_under(section_id) if c.id not in suspended]
            self._bounds = (0, 0)
        else:
            queue = build_queue(course, store, start, limits, today_counts(store, course.id, start, tz),
                                section_id)
            self._order = list(queue.ordered())
            self._bounds = (len(queue.reviews), len(queue.reviews) + len(queue.learning))
        self._position = 0
        self.later: list[tuple[int, str]] = []  # (due ms, card id): learning steps due soon
        self.done = 0
        self.again = 0
        self.started = start
        self.current: Card | None = None
        self._undo: list[_Snapshot] = []

    # -- moving through the queue --------------------------------------------
    def next(self) -> Card | None:
        """The card to show now, or None when the session is over."""
        if self.current is not None:
            return self.current
        now_ms = to_ms(self.now())
        if self.later and self.later[0][0] <= now_ms:
            self.current = self._card(heapq.heappop(self.later)[1])
        elif self._position < len(self._order):
            self.current = self._card(self._order[self._position])
            self._position += 1
        elif self.later and self.later[0][0] <= now_ms + LEARN_AHEAD.total_seconds() * 1000:
            self.current = self._card(heapq.heappop(self.later)[1])
        if self.current is not None and not self.cram:
            # The card as stored now, for the intervals on the grade keys: another
            # instance may have graded it since this session started.
            fresh = self.store.card(self.course.id, self.current.id)
            if fresh is not None:
                self.records[self.current.id] = fresh
        return self.current

    def _card(self, card_id: str) -> Card:
        card = self.course.card(card_id)
        assert card is not None  # the queue holds only this course's cards
        return card

    @property
    def queue(self) -> list[str]:
        """The ids still waiting in order (learning steps due later not included)."""
        return self._order[self._position:]

    @property
    def left(self) -> int:
        return len(self._order) - self._position + len(self.later) + (1 if self.current else 0)

    def counts(self) -> Counts:
        """New, learning and review cards left; in cram every card counts as new."""
        review_end, learning_end = self._bounds
        pos = self._position
        review = max(0, review_end - pos)
        learning = max(0, learning_end - max(pos, review_end)) + len(self.later)
        new = max(0, len(self._order) - max(pos, learning_end))
        if self.current is not None:
            state = self.record(self.current.id).state
            if self.cram or state == CardState.NEW:
                new += 1
            elif state == CardState.REVIEW:
                review += 1
            else:
                learning += 1
        return Counts(new, learning, review)

    def record(self, card_id: str) -> CardRecord:
        record = self.records.get(card_id)
        if record is None:  # never stored: describe it as new without writing anything
            record = new_record(0, card_id, self.now())
        return record

    def intervals(self) -> dict[Rating, timedelta]:
        """The interval each grade 1-4 would give the current card."""
        assert self.current is not None
        return preview(self.scheduler, self.record(self.current.id), self.now())

    # -- changing things -------------------------------------------------------------
    def grade(self, rating: int, duration_ms: int | None = None) -> None:
        rating = Rating(rating)  # a ValueError for anything but 1-4
        card = self.current
        if card is None:
            raise RuntimeError("no card to grade")
        snapshot = self._snapshot(card)
        now = self.now()
        if self.cram:
            if rating == Rating.AGAIN:
                self._order.append(card.id)
        else:
            # Scheduled from the row as stored now, read inside the grade's own
            # transaction: another instance may have graded this card since.
            snapshot.review_id, after = self.store.grade_card(
                self.course.id, card.id, to_ms(now),
                lambda before: review(self.scheduler, before, rating, now).record,
                rating, now, duration_ms)
            self.records[card.id] = after
            if after.due_ms < to_ms(next_day_start(now, self.tz)):
                heapq.heappush(self.later, (after.due_ms, card.id))
        self.done += 1
        self.again += rating == Rating.AGAIN
        self.current = None
        self._undo.append(snapshot)

    def _snapshot(self, card: Card) -> _Snapshot:
        return _Snapshot(card, self._position, len(self._order), list(self.later), self.done, self.again)

    def can_undo(self) -> bool:
        return bool(self._undo)

    def undo(self) -> Card | None:
        """Take back the last grade: the card's state and the log are as before it."""
        if not self._undo:
            return None
        snap = self._undo.pop()
        if snap.review_id is not None:
            restored = self.store.undo_review(self.course.id, snap.review_id)
            if restored is not None:
                self.records[snap.card.id] = restored
        if snap.flags_before is not None:
            old = snap.flags_before
            _, self.records[snap.card.id] = self.store.set_card_flags(
                self.course.id, snap.card.id, old.due_ms, suspended=old.suspended,
                buried_until_ms=old.buried_until_ms)
        # The queue as it was before: it still holds whatever card came next.
        del self._order[snap.order_length:]
        self._position, self.later = snap.position, snap.later
        self.done, self.again = snap.done, snap.again
        self.current = snap.card
        return snap.card

    def bury(self) -> None:
        """Hide the current card until the next study day."""
        self._set_flags(buried_until_ms=to_ms(next_day_start(self.now(), self.tz)))

    def suspend(self) -> None:
        """Hide the current card until it is unsuspended from its section's card list."""
        self._set_flags(suspended=True)

    def _set_flags(self, **flags) -> None:
        card = self.current
        if card is None:
            return
        snapshot = self._snapshot(card)
        if not self.cram:  # only the flags are written: the schedule stays as stored now
            before, record = self.store.set_card_flags(self.course.id, card.id, to_ms(self.now()), **flags)
            self.records[card.id] = record
            snapshot.flags_before = before
        self._undo.append(snapshot)
        self.later = [(due, cid) for due, cid in self.later if cid != card.id]
        heapq.heapify(self.later)
        self.current = None

    # -- the end ----------------------------------------------------------------
    def summary(self) -> Summary:
        seconds = (self.now() - self.started).total_seconds()
        scope = None if self.section_id is None else [c.id for c in self.course.cards_under(self.section_id)]
        return Summary(self.done, self.again, seconds, from_ms(self.store.next_due(self.course.id, scope)))
