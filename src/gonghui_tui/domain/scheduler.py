"""FSRS scheduling (the ``fsrs`` package) and the study day.

The study day rolls over at 4 a.m. local time, as in Anki. Stored card
records are converted to ``fsrs.Card`` with the store's row id, so fsrs
never has to invent an id (which sleeps 1 ms).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, timezone, tzinfo

from fsrs import Card as FsrsCard
from fsrs import Rating as FsrsRating
from fsrs import Scheduler, State

from gonghui_tui.domain.records import CardRecord, CardState, Rating, from_ms, to_ms

ROLLOVER_HOUR = 4
LEECH_LAPSES = 8
LEARN_AHEAD = timedelta(minutes=20)


def study_day(now: datetime, tz: tzinfo | None = None) -> date:
    """The study day of ``now``: before 4 a.m. local time still counts as the day before.

    ``tz`` None means the system's local time zone.
    """
    return (now.astimezone(tz) - timedelta(hours=ROLLOVER_HOUR)).date()


def day_start(day: date, tz: tzinfo | None = None) -> datetime:
    """UTC moment when study day ``day`` begins (4 a.m. local)."""
    naive = datetime.combine(day, time(ROLLOVER_HOUR))
    local = naive.replace(tzinfo=tz) if tz is not None else naive.astimezone()
    return local.astimezone(timezone.utc)


def study_day_start(now: datetime, tz: tzinfo | None = None) -> datetime:
    return day_start(study_day(now, tz), tz)


def next_day_start(now: datetime, tz: tzinfo | None = None) -> datetime:
    return day_start(study_day(now, tz) + timedelta(days=1), tz)


def make_scheduler(desired_retention: float, fuzzing: bool = True) -> Scheduler:
    return Scheduler(desired_retention=desired_retention, enable_fuzzing=fuzzing)


def to_fsrs(record: CardRecord, now: datetime) -> FsrsCard:
    if record.state == CardState.NEW:
        return FsrsCard(card_id=record.row_id, state=State.Learning, step=0, due=now)
    return FsrsCard(
        card_id=record.row_id,
        state=State(record.state),
        step=record.step,
        stability=record.stability,
        difficulty=record.difficulty,
        due=from_ms(record.due_ms),
        last_review=from_ms(record.last_review_ms),
    )


@dataclass(frozen=True)
class Outcome:
    record: CardRecord
    interval: timedelta  # from the review to the next due time


def review(scheduler: Scheduler, record: CardRecord, rating: Rating, now: datetime) -> Outcome:
    """The card after grading it ``rating`` at ``now``; nothing is stored here."""
    card, _ = scheduler.review_card(to_fsrs(record, now), FsrsRating(rating), review_datetime=now)
    lapsed = record.state == CardState.REVIEW and rating == Rating.AGAIN
    lapses = record.lapses + (1 if lapsed else 0)
    after = replace(
        record,
        state=int(card.state),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due_ms=to_ms(card.due),
        last_review_ms=to_ms(now),
        reps=record.reps + 1,
        lapses=lapses,
        leech=record.leech or lapses >= LEECH_LAPSES,
    )
    return Outcome(after, card.due - now)


def preview(scheduler: Scheduler, record: CardRecord, now: datetime) -> dict[Rating, timedelta]:
    """The interval each grade would give, for the grade buttons."""
    return {rating: review(scheduler, record, rating, now).interval for rating in Rating}


def retrievability(scheduler: Scheduler, record: CardRecord, now: datetime) -> float:
    if record.state == CardState.NEW or record.last_review_ms is None:
        return 0.0
    return scheduler.get_card_retrievability(to_fsrs(record, now), now)


def retrievabilities(scheduler: Scheduler, records: list[CardRecord], now: datetime) -> list[float]:
    """``retrievability`` of many cards, for the dashboard's mastery figures.

    fsrs reads only the stability and the last review, so one fsrs Card is
    reused instead of building 20,000 (a test checks both agree).
    """
    probe = FsrsCard(card_id=1)
    result = []
    for record in records:
        if record.state == CardState.NEW or record.last_review_ms is None:
            result.append(0.0)
            continue
        probe.state, probe.step = State(record.state), record.step
        probe.stability, probe.difficulty = record.stability, record.difficulty
        probe.last_review = from_ms(record.last_review_ms)
        result.append(scheduler.get_card_retrievability(probe, now))
    return result


def new_record(row_id: int, card_id: str, now: datetime) -> CardRecord:
    return CardRecord(row_id, card_id, CardState.NEW, None, None, None, to_ms(now), None)
