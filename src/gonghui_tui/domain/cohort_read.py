"""Read many trainees' exports into small per-trainee summaries.

Each file gets exactly the checks `import` makes (``importer.decode_export``
and ``import_check.check_export``: msgspec schema, course ids, times, rules
across fields), then is reduced at once to what the cohort report needs, so
memory grows with the number of trainees, not with their review logs.
Notes are never looked at: the cohort cannot show them even when a file
holds them. Speed and the engine comparison: docs/performance.md.
"""

from __future__ import annotations

import gc
from bisect import bisect_left, bisect_right
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Callable, Iterable, Iterator

from fsrs import Card as FsrsCard

from gonghui_tui.domain.cohort_sources import OpenZip, Source, SourceError, Unreadable
from gonghui_tui.domain.course import Course
from gonghui_tui.domain.import_check import check_export
from gonghui_tui.domain.import_errors import ImportProblem
from gonghui_tui.domain.import_schema import ExportIn
from gonghui_tui.domain.importer import decode_export
from gonghui_tui.domain.records import CardState, Rating, to_ms
from gonghui_tui.domain.scheduler import day_start, make_scheduler, study_day
from gonghui_tui.domain.trainee import clean
from gonghui_tui.domain.translate import Message

MATURE = timedelta(days=21)
PARALLEL_FROM = 200  # fewer files than this read faster in one process than the pool starts
RETENTION_DAYS = 30
QUARTER_HOUR_MS = 15 * 60 * 1000
NEW, REVIEW, AGAIN = int(CardState.NEW), int(CardState.REVIEW), int(Rating.AGAIN)  # plain ints, compared often
OLDEST = datetime.min.replace(tzinfo=timezone.utc)
FORECAST_DAYS = 14


@dataclass
class TraineeSummary:
    """One trainee's figures, reduced in the process that read the file: only
    small dicts of plain tuples travel back from a worker."""

    name: str
    unit: str
    source: str  # where it came from, for unsigned exports and messages
    file_name: str
    exported_at: datetime
    read: frozenset[str]
    reviews: int
    judged_30d: int
    passed_30d: int
    days: dict[date, int]  # study day -> reviews (reading-only days hold 0)
    mastered: int = 0  # cards with an interval of 21 days or more
    recall_sum: float = 0.0  # recall now summed over the cards studied (reps > 0) ...
    studied: int = 0  # ... and their number
    # section -> (recall sum, cards studied, reviews) over the cards under it, at every level
    sections: dict[str, tuple[float, int, int]] = field(default_factory=dict)
    # The course's cards in course order, one entry each (0 / False where not studied):
    # the class's sums per card are then sums of columns.
    studied_cards: tuple[bool, ...] = ()
    recalls: tuple[float, ...] = ()
    lapses: tuple[int, ...] = ()
    leeches: tuple[bool, ...] = ()
    forecast: list[int] = field(default_factory=lambda: [0] * FORECAST_DAYS)  # cards due per coming study day

    @property
    def key(self) -> tuple[str, str]:
        """Who this is: name + unit; an unsigned export is its own trainee."""
        return (self.name, self.unit) if self.name else ("", self.source)

    @property
    def last_active(self) -> date | None:
        return max(self.days) if self.days else None


@dataclass
class ReadResult:
    trainees: list[TraineeSummary]
    rejected: list[tuple[str, Message]]  # (file, one line naming it and why)
    replaced: int  # older exports of a trainee already counted


class ReadContext:
    """What every export is read against, made once for the whole class: the
    course, the report time, and the start of each study day in epoch ms (so
    a trainee's reviews per day are a bisection per day, not a time-zone
    conversion per review)."""

    def __init__(self, course: Course, now: datetime, tz: tzinfo | None = None) -> None:
        self.course, self.now, self.tz = course, now, tz
        self.cutoff = now - timedelta(days=RETENTION_DAYS)
        self.section_ids = frozenset(course.sections)
        self.scheduler = make_scheduler(0.9, fuzzing=False)  # recall does not depend on the retention
        # card id -> (its place in the course, the sections it is under at every level)
        self.cards = {c.id: (i, tuple(s.id for s in course.path(c.section))) for i, c in enumerate(course.cards)}
        today = study_day(now, tz)
        # The starts of the coming study days, after today's: a due time's forecast slot is a bisection.
        self.forecast_starts = [to_ms(day_start(today + timedelta(days=i), tz)) for i in range(1, FORECAST_DAYS + 1)]
        self._starts: dict[date, datetime] = {}
        self.zips = OpenZip()  # the zip being read, if any: one open at a time
        self._days: dict[int, date] = {}

    def day_start(self, day: date) -> datetime:
        start = self._starts.get(day)
        if start is None:
            start = self._starts[day] = day_start(day, self.tz)
        return start

    def day_of(self, ms: int) -> date:
        """The study day of a UTC time, remembered per quarter hour (every UTC
        offset in use is a whole number of quarter hours)."""
        quarter = ms // QUARTER_HOUR_MS
        day = self._days.get(quarter)
        if day is None:
            moment = datetime.fromtimestamp(quarter * QUARTER_HOUR_MS / 1000, tz=timezone.utc)
            day = self._days[quarter] = study_day(moment, self.tz)
        return day


def summarise(export: ExportIn, source: Source, ctx: ReadContext) -> TraineeSummary:
    """The figures the report needs from one export, after import's own checks.
    Hot: 5,000 exports of 1,000 reviews each must read in seconds, so review
    times are sorted as datetimes (in C) and days are counted by bisection;
    no review's time is converted, and the one Python pass over reviews is the
    30-day retention."""
    checked = check_export(export, ctx.course.ids(), ctx.now, True, source.label, rows=False)
    times = sorted([r.reviewed for r in export.reviews])
    cutoff = ctx.cutoff
    judged = [r.rating for r in export.reviews if r.state_before == REVIEW and r.reviewed >= cutoff]
    days = _study_days(times, ctx)
    for _, _, first_ms, last_ms, _ in checked.sections:
        for ms in (first_ms, last_ms):
            if ms is not None:
                days.setdefault(ctx.day_of(ms), 0)
    trainee = export.trainee
    summary = TraineeSummary(
        name=clean(trainee.name) if trainee else "", unit=clean(trainee.unit) if trainee else "",
        source=source.label, file_name=source.name, exported_at=export.exported_at or OLDEST,
        read=frozenset(sid for sid, read, *_ in checked.sections if read and sid in ctx.section_ids),
        reviews=len(times), judged_30d=len(judged), passed_30d=len(judged) - judged.count(AGAIN), days=days)
    _add_cards(summary, export, ctx)
    return summary


def _study_days(times: list[datetime], ctx: ReadContext) -> dict[date, int]:
    """Reviews per study day from the sorted review times."""
    days: dict[date, int] = {}
    begin, total = 0, len(times)
    while begin < total:
        day = ctx.day_of(to_ms(times[begin]))
        end = bisect_left(times, ctx.day_start(day + timedelta(days=1)), begin)
        end = max(end, begin + 1)  # never stall, whatever the memo rounds
        days[day] = days.get(day, 0) + end - begin
        begin = end
    return days


def _add_cards(summary: TraineeSummary, export: ExportIn, ctx: ReadContext) -> None:
    """Recall now, maturity, due times and per-section sums of the cards of the
    course. fsrs reads only the stability and the last review, so one probe
    card serves all."""
    probe = FsrsCard(card_id=1)
    recall_of, now, known, starts = ctx.scheduler.get_card_retrievability, ctx.now, ctx.cards, ctx.forecast_starts
    sections: dict[str, list[float]] = {}
    total = len(known)
    studied_cards, recalls, lapses, leeches = [False] * total, [0.0] * total, [0] * total, [False] * total
    for row in export.cards:
        place = known.get(row.id)
        if place is None:
            continue  # a card this course no longer has
        index, path = place
        last = row.last_review
        recall = 0.0
        if row.state != NEW and last is not None and row.stability is not None:
            probe.stability, probe.last_review = row.stability, last
            recall = recall_of(probe, now)
            summary.mastered += row.due - last >= MATURE
            if not row.suspended:
                slot = bisect_right(starts, to_ms(row.due))
                if slot < FORECAST_DAYS:
                    summary.forecast[slot] += 1
        studied = row.reps > 0
        if studied:
            studied_cards[index], recalls[index], lapses[index], leeches[index] = True, recall, row.lapses, row.leech
            summary.recall_sum += recall
            summary.studied += 1
        for sid in path:
            acc = sections.get(sid)
            if acc is None:
                acc = sections[sid] = [0.0, 0, 0]
            acc[2] += row.reps
            if studied:
                acc[0] += recall
                acc[1] += 1
    summary.sections = {sid: (a[0], int(a[1]), int(a[2])) for sid, a in sections.items()}
    summary.studied_cards, summary.recalls = tuple(studied_cards), tuple(recalls)
    summary.lapses, summary.leeches = tuple(lapses), tuple(leeches)


def _outcome(item: Source | Unreadable, ctx: ReadContext) -> TraineeSummary | tuple[str, Message]:
    """One source read, checked and summed up, or (file, why it does not count)."""
    if isinstance(item, Unreadable):
        return item.label, item.reason
    try:
        raw = item.read(ctx.zips)
    except SourceError as exc:
        return item.label, exc.reason
    try:
        return summarise(decode_export(raw, item.label, item.suffix), item, ctx)
    except ImportProblem as exc:
        return item.label, exc.message


_worker: ReadContext | None = None


def _start_worker(course: Course, now: datetime, tz: tzinfo | None) -> None:
    global _worker
    _worker = ReadContext(course, now, tz)
    gc.disable()  # see read_cohort


def _work(item: Source | Unreadable) -> TraineeSummary | tuple[str, Message]:
    assert _worker is not None
    return _outcome(item, _worker)


def _outcomes(items: list[Source | Unreadable], course: Course, now: datetime, tz: tzinfo | None,
              workers: int) -> Iterator[TraineeSummary | tuple[str, Message]]:
    """Outcomes in the order of ``items``. With several workers, each reads
    its own files (decoding and checking are most of the time); only the
    small summaries travel back."""
    if workers <= 1 or len(items) < PARALLEL_FROM:
        ctx = ReadContext(course, now, tz)
        try:
            for item in items:
                yield _outcome(item, ctx)
        finally:
            ctx.zips.close()
        return
    with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(course, now, tz)) as pool:
        yield from pool.map(_work, items, chunksize=16)


def read_cohort(items: Iterable[Source | Unreadable], course: Course, now: datetime,
                tz: tzinfo | None = None, progress: Callable[[int], None] | None = None,
                workers: int = 1) -> ReadResult:
    """Every readable export, the newest per trainee; the rest with a reason.
    Each worker opens one file at a time; ``progress(n)`` is called after each."""
    newest: dict[tuple[str, str], TraineeSummary] = {}
    rejected: list[tuple[str, Message]] = []
    replaced = 0
    # Reading makes and drops millions of objects, none in a reference cycle;
    # the cyclic collector would only walk the growing list of summaries (~15 %).
    collecting = gc.isenabled()
    gc.disable()
    try:
        for done, outcome in enumerate(_outcomes(list(items), course, now, tz, workers), 1):
            replaced += _keep(outcome, newest, rejected)
            if progress is not None:
                progress(done)
    finally:
        if collecting:
            gc.enable()
    return ReadResult(list(newest.values()), rejected, replaced)


def _keep(outcome: TraineeSummary | tuple[str, Message], newest: dict[tuple[str, str], TraineeSummary],
          rejected: list[tuple[str, Message]]) -> int:
    """File one outcome; 1 when it or an earlier one was replaced by a newer export of the same trainee."""
    if isinstance(outcome, tuple):
        rejected.append(outcome)
        return 0
    old = newest.get(outcome.key)
    if old is None or outcome.exported_at > old.exported_at:
        newest[outcome.key] = outcome
    return old is not None
