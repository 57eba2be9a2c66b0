"""The records the domain reads from and hands to a progress store.

They live here, not in ``storage/``, so that the domain owns its data and a
store (SQLite, or an in-memory one in tests) implements what the domain
needs: layers point one way, ``tui -> domain <- storage``.
Times are UTC epoch milliseconds.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from datetime import datetime, timezone
from enum import IntEnum
from functools import cached_property
from itertools import repeat
from operator import add, mul


def to_ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def from_ms(ms: int | None) -> datetime | None:
    return None if ms is None else datetime.fromtimestamp(ms / 1000, tz=timezone.utc)


class CardState(IntEnum):
    """A card's stored state: NEW until its first review, then fsrs's own
    states with fsrs's numbers (``fsrs.State``)."""

    NEW = 0
    LEARNING = 1
    REVIEW = 2
    RELEARNING = 3

    @property
    def label(self) -> str:
        """'new', 'learning', ...: the name in exports and the catalogue key's tail."""
        return self.name.lower()


class Rating(IntEnum):
    """The four grades, with fsrs's numbers (``fsrs.Rating``)."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


@dataclass(frozen=True)
class SectionRecord:
    section_id: str
    read: bool
    first_read_ms: int | None
    last_read_ms: int | None
    seconds: float


@dataclass(frozen=True, init=False)
class CardRecord:
    """The stored schedule of one card; ``row_id`` doubles as the fsrs card id."""

    row_id: int
    card_id: str
    state: int  # a CardState
    step: int | None
    stability: float | None
    difficulty: float | None
    due_ms: int
    last_review_ms: int | None
    reps: int = 0
    lapses: int = 0
    suspended: bool = False
    buried_until_ms: int | None = None
    leech: bool = False

    def __init__(self, row_id: int, card_id: str, state: int, step: int | None, stability: float | None,
                 difficulty: float | None, due_ms: int, last_review_ms: int | None, reps: int = 0,
                 lapses: int = 0, suspended: bool = False, buried_until_ms: int | None = None,
                 leech: bool = False) -> None:
        # The generated __init__ of a frozen dataclass sets each field through
        # object.__setattr__: 13 calls, 4-9 µs a record on the bench host, and the
        # store, the dashboard and imports make 20,000 at a time. One dict update
        # is 2-4x faster; the instance stays frozen, hashable and comparable.
        self.__dict__.update(
            row_id=row_id, card_id=card_id, state=state, step=step, stability=stability, difficulty=difficulty,
            due_ms=due_ms, last_review_ms=last_review_ms, reps=reps, lapses=lapses, suspended=suspended,
            buried_until_ms=buried_until_ms, leech=leech)


_RECORD_FIELDS = tuple(f.name for f in fields(CardRecord))


def state_before(record: CardRecord) -> int | None:
    """A review log's ``state_before`` for a review of ``record``: None for a new card."""
    return None if record.state == CardState.NEW else record.state


def record_json(record: CardRecord) -> str:
    """A card's state as the JSON kept in the review log for an exact undo.

    Field by field: dataclasses.asdict deep-copies, a third of a grade's time.
    """
    return json.dumps({name: getattr(record, name) for name in _RECORD_FIELDS})


def record_from_json(text: str) -> CardRecord:
    return CardRecord(**json.loads(text))


@dataclass(frozen=True)
class ReviewRecord:
    id: int
    card_id: str
    rating: int  # a Rating
    reviewed_ms: int
    duration_ms: int | None
    state_before: int | None  # a CardState; None: the card was new


@dataclass(frozen=True)
class ReviewColumns:
    """Reviews as five columns, one entry per review. A million of them are five
    lists, not a million objects, and reach SQLite as rows zipped on the fly."""

    card_ids: list[str]
    ratings: list[int]
    reviewed_ms: list[int]
    durations_ms: list[int | None]
    states_before: list[int | None]  # None: the card was new

    def __len__(self) -> int:
        return len(self.card_ids)

    @cached_property
    def card_set(self) -> frozenset[str]:
        """The cards reviewed."""
        return frozenset(self.card_ids)

    def keys(self) -> list[int]:
        """reviewed_ms * 8 + rating: what tells two reviews of one card apart."""
        return list(map(add, map(mul, self.reviewed_ms, repeat(8)), self.ratings))

    def take(self, indices: list[int]) -> ReviewColumns:
        """The reviews at ``indices``, in that order."""
        return ReviewColumns(*([column[i] for i in indices] for column in (
            self.card_ids, self.ratings, self.reviewed_ms, self.durations_ms, self.states_before)))


NO_REVIEWS = ReviewColumns([], [], [], [], [])


@dataclass
class ImportPlan:
    """Rows to write for an import, already merged with what is stored."""

    sections: list[tuple[str, bool, int | None, int | None, float]] = field(default_factory=list)
    notes: list[tuple[str, str, int]] = field(default_factory=list)
    cards: list[CardRecord] = field(default_factory=list)
    # (card id, reviewed_ms, rating): that card's stored reviews from this one on are
    # replaced by the rows in ``reviews`` (the ones before it stay as they are)
    replace_logs_from: list[tuple[str, int, int]] = field(default_factory=list)
    # (card_id, rating, reviewed_ms, duration_ms, state_before, before_json)
    reviews: list[tuple[str, int, int, int | None, int | None, str | None]] = field(default_factory=list)
    # Reviews stored as the file has them, with no card state before each: the whole
    # log of a card that had none here, whose state the file also gives.
    as_filed: ReviewColumns = NO_REVIEWS
    position: str | None = None
