"""Checks on a decoded export that need the course or the clock: ids, times,
rules across fields, duplicates. The result is plain rows, ready to merge.

Reviews are checked in bulk, as columns (one pass per field, then min/max
and a set difference); the index of a bad one is looked for only when there
is one. A review's card id is checked here, not by the schema: a regular
expression per review was two thirds of decoding a million of them, and
every id the course has is valid, so only the unknown ones are matched.
"""

from __future__ import annotations

from collections.abc import Iterator, KeysView, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from operator import attrgetter

from gonghui_tui.domain.course import CourseIds
from gonghui_tui.domain.import_errors import ImportProblem, show
from gonghui_tui.domain.import_schema import CardIn, ExportIn
from gonghui_tui.domain.loader import _ID
from gonghui_tui.domain.records import NO_REVIEWS, CardRecord, CardState, ReviewColumns

EARLIEST = datetime(2000, 1, 1, tzinfo=timezone.utc)
EVENT_SLACK = timedelta(days=1)  # clocks of two machines may disagree a little
DUE_SLACK = timedelta(days=36_500 + 1)  # fsrs's longest interval
NEEDS_SCHEDULE = ("stability", "difficulty", "last_review")


@dataclass(frozen=True)
class Checked:
    position: str | None
    desired_retention: float
    sections: list[tuple[str, bool, int | None, int | None, float]]
    notes: list[tuple[str, str, int]]
    cards: Mapping[str, CardRecord]
    reviews: ReviewColumns  # in file order
    orphans: int  # records kept for ids the course does not have


EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
ONE_MS = timedelta(milliseconds=1)


def _ms(moment: datetime) -> int:
    return (moment - EPOCH) // ONE_MS  # exact, and a little faster than timestamp()



def _where(name: str, index: int | None, field: str) -> str:
    """The path of a value, made only when there is a problem to report."""
    return field if name == "" else f"{name}[{index}].{field}"


class _Checker:
    def __init__(self, course: CourseIds, now: datetime, keep_orphans: bool, file: str) -> None:
        self.course, self.keep_orphans, self.file = course, keep_orphans, file
        self.low = _ms(EARLIEST)
        self.event_high = _ms(now + EVENT_SLACK)
        self.due_high = _ms(now + DUE_SLACK)
        self.orphans = 0
        self.card_ids = course.card_ids

    def problem(self, key: str, where: str, **values) -> ImportProblem:
        return ImportProblem(key, self.file, where, **values)

    def time(self, moment: datetime | None, name: str, index: int | None, field: str,
             due: bool = False) -> int | None:
        if moment is None:
            return None
        ms = (moment - EPOCH) // ONE_MS
        high = self.due_high if due else self.event_high
        if not self.low <= ms <= high:
            raise self.problem("import.time_range", _where(name, index, field), value=show(moment.isoformat()),
                               low="2000-01-01", high=_day(high))
        return ms

    def datetime_bounds(self) -> tuple[datetime, datetime, datetime]:
        """The earliest time allowed, and the first too late for an event and for a due
        date: a datetime passes these exactly when its epoch ms passes ``time``."""
        return (EPOCH + self.low * ONE_MS, EPOCH + (self.event_high + 1) * ONE_MS,
                EPOCH + (self.due_high + 1) * ONE_MS)

    def within(self, times: list[int | None], high: int) -> bool:
        present = [t for t in times if t is not None]
        return not present or (self.low <= min(present) and max(present) <= high)

    def ids(self, values: list[str], name: str, field: str, known, kind: str) -> None:
        """Each id once, and one the course has (or an orphan, when those are kept)."""
        if len(set(values)) != len(values):
            seen: dict[str, int] = {}
            for i, value in enumerate(values):
                if value in seen:
                    raise self.problem("import.duplicate", _where(name, i, field), value=show(value),
                                       first=f"{name}[{seen[value]}]")
                seen[value] = i
        self.known(values, name, field, known, kind)

    def known(self, values: list[str], name: str, field: str, known, kind: str,
              distinct: frozenset[str] | None = None) -> None:
        """Each of ``values`` (whose set is ``distinct``) is one of ``known``, or a valid id kept as an orphan."""
        unknown = (distinct or set(values)).difference(known)
        if not unknown:
            return
        malformed = {value for value in unknown if not _ID.match(value)}
        if malformed or not self.keep_orphans:
            i = next(i for i, value in enumerate(values) if value in (malformed or unknown))
            key = "import.bad_id" if values[i] in malformed else f"import.unknown_{kind}"
            raise self.problem(key, _where(name, i, field), value=show(values[i]))
        self.orphans += sum(value in unknown for value in values)


def _day(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, tz=timezone.utc).strftime("%Y-%m-%d")


def check_export(export: ExportIn, course: CourseIds, now: datetime, keep_orphans: bool, file: str,
                 rows: bool = True) -> Checked:
    """Everything the schema cannot say, in the file's order; the first problem is raised.
    Without ``rows`` every value is checked just the same, with the same messages, but
    the rows import merges are not built (``cards`` is empty, ``reviews`` NO_REVIEWS):
    the cohort report checks 5,000 files and needs neither."""
    c = _Checker(course, now, keep_orphans, file)
    if export.course.id != course.id:
        raise c.problem("import.other_course", "course.id", theirs=export.course.id, ours=course.id)
    c.time(export.exported_at, "", None, "exported_at")
    position = export.position
    if position is not None and position not in course.section_ids:
        c.known([position], "", "position", course.section_ids, "section")
        position = None  # a place to return to only makes sense inside this course
    sections, notes = _sections(c, export), _notes(c, export)
    if not rows:
        _check_cards(c, export)
        _check_reviews(c, export)
        return Checked(position, export.settings.desired_retention, sections, notes, {}, NO_REVIEWS, c.orphans)
    cards = _cards(c, export)
    return Checked(position, export.settings.desired_retention, sections, notes, cards, _reviews(c, export),
                   c.orphans)


def _sections(c: _Checker, export: ExportIn) -> list:
    c.ids([s.id for s in export.sections], "sections", "id", c.course.section_ids, "section")
    return [(s.id, s.read, c.time(s.first_read, "sections", i, "first_read"),
             c.time(s.last_read, "sections", i, "last_read"), s.seconds) for i, s in enumerate(export.sections)]


def _notes(c: _Checker, export: ExportIn) -> list:
    c.ids([n.section for n in export.notes], "notes", "section", c.course.section_ids, "section")
    return [(n.section, n.text, c.time(n.updated, "notes", i, "updated")) for i, n in enumerate(export.notes)]


def _cards(c: _Checker, export: ExportIn) -> dict[str, CardRecord]:
    """Checked in bulk (a comprehension per time field, then min/max); a file with a
    problem is walked card by card, to name the first one in file order."""
    cards = export.cards
    c.ids([r.id for r in cards], "cards", "id", c.card_ids, "card")
    due = [(r.due - EPOCH) // ONE_MS for r in cards]
    last = [None if r.last_review is None else (r.last_review - EPOCH) // ONE_MS for r in cards]
    buried = [None if r.buried_until is None else (r.buried_until - EPOCH) // ONE_MS for r in cards]
    if (not c.within(due, c.due_high) or not c.within(last, c.event_high) or not c.within(buried, c.due_high)
            or any(_incomplete(r) for r in cards)):
        _name_card_problem(c, cards)
    return CheckedCards(cards, due, last, buried)


class CheckedCards(Mapping[str, CardRecord]):
    """The file's card records by id (ids are unique: checked before),
    each made when asked for. An import into a store that has a log for every
    card asks for none of them: making 20,000 CardRecords took ~60 ms."""

    def __init__(self, cards: list[CardIn], due: list[int], last: list[int | None],
                 buried: list[int | None]) -> None:
        self._cards, self._due, self._last, self._buried = cards, due, last, buried
        self._at = {r.id: i for i, r in enumerate(cards)}

    def __getitem__(self, card_id: str) -> CardRecord:
        i = self._at[card_id]
        r = self._cards[i]
        return CardRecord(0, r.id, r.state, r.step, r.stability, r.difficulty, self._due[i], self._last[i],
                          r.reps, r.lapses, r.suspended, self._buried[i], r.leech)

    def __iter__(self) -> Iterator[str]:
        return iter(self._at)

    def __len__(self) -> int:
        return len(self._at)

    def keys(self) -> KeysView[str]:
        return self._at.keys()  # a dict's view: set operations on it run in C


def _name_card_problem(c: _Checker, cards: list[CardIn]) -> None:
    """Walk the cards in file order and raise the first problem, located."""
    for i, r in enumerate(cards):
        if _incomplete(r):
            steps = ("step",) if r.state in (CardState.LEARNING, CardState.RELEARNING) else ()
            for field in NEEDS_SCHEDULE + steps:
                if getattr(r, field) is None:
                    raise c.problem("import.needs", _where("cards", i, field), state=r.state, field=field)
        c.time(r.due, "cards", i, "due", due=True)
        c.time(r.last_review, "cards", i, "last_review")
        c.time(r.buried_until, "cards", i, "buried_until", due=True)


def _check_cards(c: _Checker, export: ExportIn) -> None:
    """``_cards``' checks, the times compared as datetimes (a time passes exactly when its ms would)."""
    cards = export.cards
    c.ids([r.id for r in cards], "cards", "id", c.card_ids, "card")
    low, event_end, due_end = c.datetime_bounds()
    if not all(low <= r.due < due_end and (r.last_review is None or low <= r.last_review < event_end)
               and (r.buried_until is None or low <= r.buried_until < due_end) and not _incomplete(r)
               for r in cards):
        _name_card_problem(c, cards)


def _incomplete(r: CardIn) -> bool:
    """A studied card without the schedule fields its state needs."""
    return r.state != CardState.NEW and (
        r.stability is None or r.difficulty is None or r.last_review is None
        or (r.step is None and r.state in (CardState.LEARNING, CardState.RELEARNING)))


def _reviews(c: _Checker, export: ExportIn) -> ReviewColumns:
    """The reviews as columns: one comprehension per field, then min/max and a set
    difference. The index of a bad review is looked for only when there is one."""
    reviews = export.reviews
    states = list(map(attrgetter("state_before"), reviews))
    if 0 in states:  # 0 (new) is stored as NULL
        states = [state or None for state in states]
    columns = ReviewColumns(
        list(map(attrgetter("card"), reviews)), list(map(attrgetter("rating"), reviews)),
        [(r.reviewed - EPOCH) // ONE_MS for r in reviews], list(map(attrgetter("duration_ms"), reviews)), states)
    times = columns.reviewed_ms
    if times and (min(times) < c.low or max(times) > c.event_high):
        for i, r in enumerate(reviews):
            c.time(r.reviewed, "reviews", i, "reviewed")
    c.known(columns.card_ids, "reviews", "card", c.card_ids, "card", columns.card_set)
    return columns


def _check_reviews(c: _Checker, export: ExportIn) -> None:
    """``_reviews``' checks without the columns: no review's time converted."""
    reviews = export.reviews
    if not reviews:
        return
    times = list(map(attrgetter("reviewed"), reviews))
    low, event_end, _ = c.datetime_bounds()
    if min(times) < low or max(times) >= event_end:
        for i, r in enumerate(reviews):
            c.time(r.reviewed, "reviews", i, "reviewed")
    card_ids = list(map(attrgetter("card"), reviews))
    c.known(card_ids, "reviews", "card", c.card_ids, "card", frozenset(card_ids))
