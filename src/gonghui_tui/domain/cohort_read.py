"""Read many trainees' exports into small per-trainee summaries.

Each export is decoded straight into typed structs by msgspec (which also
validates every field: docs/performance.md has the engine comparison), then
reduced at once to what the cohort report needs, so memory grows with the
number of trainees, not with their review logs. Notes are never decoded:
the cohort cannot show them even when a file holds them.
"""

from __future__ import annotations

import json
import tomllib
import zipfile
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from concurrent.futures import ProcessPoolExecutor
from typing import Annotated, Callable, Iterable, Iterator

import msgspec
from fsrs import Card as FsrsCard

from gonghui_tui.domain.cohort_sources import Source, Unreadable
from gonghui_tui.domain.course import Course
from gonghui_tui.domain.export import FORMAT_NAME, FORMAT_VERSION, iso
from gonghui_tui.domain.records import CardState, Rating
from gonghui_tui.domain.scheduler import day_start, make_scheduler, study_day
from gonghui_tui.domain.trainee import clean

MATURE_MS = 21 * 86_400_000
PARALLEL_FROM = 200  # fewer files than this read faster in one process than the pool starts
RETENTION_DAYS = 30


class _Trainee(msgspec.Struct, gc=False):
    name: str = ""
    unit: str = ""


class _Course(msgspec.Struct, gc=False):
    id: str
    title: str = ""


class _Section(msgspec.Struct, gc=False):
    id: str
    read: bool = False
    first_read: str | None = None
    last_read: str | None = None


class _Card(msgspec.Struct, gc=False):
    id: str
    state: int
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    reps: int = 0
    lapses: int = 0
    suspended: bool | int = False
    leech: bool | int = False
    due: str | None = None
    last_review: str | None = None


# UTC, as exports write it: such text sorts in time order, which the reading relies on.
UtcStamp = Annotated[str, msgspec.Meta(pattern=r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")]


class _Review(msgspec.Struct, gc=False):
    card: str
    rating: Annotated[int, msgspec.Meta(ge=1, le=4)]
    reviewed: UtcStamp
    state_before: int | None = None


class _Header(msgspec.Struct):
    format: str = ""
    format_version: int | None = None


class _Export(msgspec.Struct):
    format: str
    format_version: int
    exported_at: str
    course: _Course
    trainee: _Trainee | None = None
    sections: list[_Section] = []
    cards: list[_Card] = []
    reviews: list[_Review] = []


NEW, REVIEW, AGAIN = int(CardState.NEW), int(CardState.REVIEW), int(Rating.AGAIN)  # plain ints, compared often


class BadExport(Exception):
    """One line saying why a file does not count."""


@dataclass(frozen=True)
class CardStat:
    recall: float  # retrievability at report time; 0 for a card never studied
    mature: bool
    lapses: int
    leech: bool
    reps: int
    due_ms: int | None  # None for new or suspended cards: nothing to forecast


@dataclass
class TraineeSummary:
    name: str
    unit: str
    source: str  # where it came from, for unsigned exports and messages
    file_name: str
    exported_at: str
    read: frozenset[str]
    reviews: int
    judged_30d: int
    passed_30d: int
    days: dict[date, int]  # study day -> reviews (reading-only days hold 0)
    cards: dict[str, CardStat] = field(default_factory=dict)

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
    rejected: list[tuple[str, str]]  # (file, one-line reason)
    replaced: int  # older exports of a trainee already counted


_DECODER = msgspec.json.Decoder(_Export)
_HEADER = msgspec.json.Decoder(_Header)


def _iso_ms(text: str) -> int:
    return round(datetime.fromisoformat(text).timestamp() * 1000)


def decode(raw: bytes, suffix: str) -> _Export:
    """The export, validated field by field like `import` does; BadExport otherwise."""
    if suffix == ".toml":
        try:
            data = tomllib.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise BadExport(f"not a JSON or TOML export ({exc})") from None
        _check_header(data.get("format"), data.get("format_version"))
        return _checked(lambda: msgspec.convert(data, _Export))
    try:
        export = _DECODER.decode(raw)  # one pass; the header is looked at only when it fails
    except msgspec.ValidationError as exc:
        _check_json_header(raw)
        raise BadExport(f"the export is damaged or incomplete ({exc})") from None
    except msgspec.DecodeError as exc:
        try:
            json.loads(raw)
        except (ValueError, UnicodeDecodeError) as detail:
            exc = detail  # stdlib's message names line and column
        raise BadExport(f"not a JSON or TOML export ({exc})") from None
    _check_header(export.format, export.format_version)
    return _checked(lambda: export)


def _check_json_header(raw: bytes) -> None:
    try:
        header = _HEADER.decode(raw)
    except msgspec.ValidationError:
        raise BadExport("not a gonghui-tui progress export") from None
    _check_header(header.format, header.format_version)


def _check_header(fmt: object, version: object) -> None:
    if fmt != FORMAT_NAME:
        raise BadExport("not a gonghui-tui progress export")
    if version != FORMAT_VERSION:
        raise BadExport(f"export format {version} is not supported (this version reads {FORMAT_VERSION})")


def _checked(run: Callable[[], _Export]) -> _Export:
    try:
        export = run()
        _iso_ms(export.exported_at)
        return export
    except (msgspec.ValidationError, ValueError) as exc:
        raise BadExport(f"the export is damaged or incomplete ({exc})") from None


class ReadContext:
    """What every export is read against, made once for the whole class: the
    course, the report time, and the start of each study day as UTC ISO text
    (so a trainee's reviews per day are a bisection per day, not a time-zone
    conversion per review)."""

    def __init__(self, course: Course, now: datetime, tz: tzinfo | None = None) -> None:
        self.course, self.now, self.tz = course, now, tz
        self.cutoff = iso(round((now - timedelta(days=RETENTION_DAYS)).timestamp() * 1000))
        self.card_ids = frozenset(c.id for c in course.cards)
        self.section_ids = frozenset(course.sections)
        self.scheduler = make_scheduler(0.9, fuzzing=False)  # recall does not depend on the retention
        self._starts: dict[date, str] = {}
        self._days: dict[str, date] = {}

    def day_start(self, day: date) -> str:
        text = self._starts.get(day)
        if text is None:
            text = self._starts[day] = iso(round(day_start(day, self.tz).timestamp() * 1000))
        return text

    def day_of(self, stamp: str) -> date:
        """The study day of a UTC ISO time, remembered per quarter hour (every
        UTC offset in use is a whole number of quarter hours)."""
        key = stamp[:14] + "0123"[int(stamp[14:16]) // 15]
        day = self._days.get(key)
        if day is None:
            day = self._days[key] = study_day(datetime.fromisoformat(stamp), self.tz)
        return day


def summarise(export: _Export, source: Source, ctx: ReadContext) -> TraineeSummary:
    """The figures the report needs from one export. Hot: 5,000 exports of
    1,000 reviews each must read in seconds, so the per-review work is one
    list of times and one filtered list; days are counted by bisection."""
    course = ctx.course
    if export.course.id != course.id:
        raise BadExport(f"an export of course {export.course.id!r} ({clean(export.course.title)}), "
                        f"not {course.id!r}; run the report for that course with --course")
    reviews = export.reviews
    times = [r.reviewed for r in reviews]
    cut = bisect_left(times, ctx.cutoff)
    if times != sorted(times):  # exports list reviews oldest first; ISO text sorts like time
        times.sort()
        judged = [r.rating for r in reviews if r.state_before == REVIEW and r.reviewed >= ctx.cutoff]
    else:
        judged = [r.rating for r in reviews[cut:] if r.state_before == REVIEW]
    try:
        days = _study_days(times, ctx)
        for section in export.sections:
            for stamp in (section.first_read, section.last_read):
                if stamp:
                    days.setdefault(ctx.day_of(stamp), 0)
        cards = _card_stats(export.cards, ctx)
    except (ValueError, OverflowError, TypeError) as exc:
        raise BadExport(f"the export is damaged or incomplete ({exc})") from None
    trainee = export.trainee or _Trainee()
    return TraineeSummary(
        name=clean(trainee.name), unit=clean(trainee.unit), source=source.label, file_name=source.name,
        exported_at=export.exported_at,
        read=frozenset(s.id for s in export.sections if s.read and s.id in ctx.section_ids),
        reviews=len(reviews), judged_30d=len(judged), passed_30d=len(judged) - judged.count(AGAIN),
        days=days, cards=cards)


def _study_days(times: list[str], ctx: ReadContext) -> dict[date, int]:
    """Reviews per study day from the sorted review times."""
    days: dict[date, int] = {}
    begin, total = 0, len(times)
    while begin < total:
        day = ctx.day_of(times[begin])
        end = bisect_left(times, ctx.day_start(day + timedelta(days=1)), begin)
        end = max(end, begin + 1)  # never stall on a time the memo rounds into the previous day
        days[day] = days.get(day, 0) + end - begin
        begin = end
    return days


def _card_stats(rows: list[_Card], ctx: ReadContext) -> dict[str, CardStat]:
    """Recall now, maturity and the due time of each known card. fsrs reads only
    the stability and the last review, so one probe card serves them all."""
    probe = FsrsCard(card_id=1)
    recall_of, now, known = ctx.scheduler.get_card_retrievability, ctx.now, ctx.card_ids
    out = {}
    for row in rows:
        if row.id not in known:
            continue  # a card this course no longer has
        last = datetime.fromisoformat(row.last_review) if row.last_review else None
        if row.state == NEW or last is None or row.stability is None:
            out[row.id] = CardStat(0.0, False, row.lapses, bool(row.leech), row.reps, None)
            continue
        probe.stability, probe.last_review = row.stability, last
        due = datetime.fromisoformat(row.due) if row.due else last
        out[row.id] = CardStat(recall_of(probe, now), (due - last).total_seconds() * 1000 >= MATURE_MS,
                               row.lapses, bool(row.leech), row.reps,
                               None if row.suspended else round(due.timestamp() * 1000))
    return out


def _outcome(item: Source | Unreadable, ctx: ReadContext) -> TraineeSummary | tuple[str, str]:
    """One source read and summed up, or (file, why it does not count)."""
    if isinstance(item, Unreadable):
        return item.label, item.reason
    try:
        return summarise(decode(_read(item), item.suffix), item, ctx)
    except BadExport as exc:
        return item.label, str(exc)


_worker: ReadContext | None = None


def _start_worker(course: Course, now: datetime, tz: tzinfo | None) -> None:
    global _worker
    _worker = ReadContext(course, now, tz)


def _work(item: Source | Unreadable) -> TraineeSummary | tuple[str, str]:
    assert _worker is not None
    return _outcome(item, _worker)


def _outcomes(items: list[Source | Unreadable], course: Course, now: datetime, tz: tzinfo | None,
              workers: int) -> Iterator[TraineeSummary | tuple[str, str]]:
    """Outcomes in the order of ``items``. With several workers, each reads
    its own files (decoding is most of the time); only the small summaries
    travel back."""
    if workers <= 1 or len(items) < PARALLEL_FROM:
        ctx = ReadContext(course, now, tz)
        for item in items:
            yield _outcome(item, ctx)
        return
    with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(course, now, tz)) as pool:
        yield from pool.map(_work, items, chunksize=16)


def read_cohort(items: Iterable[Source | Unreadable], course: Course, now: datetime,
                tz: tzinfo | None = None, progress: Callable[[int], None] | None = None,
                workers: int = 1) -> ReadResult:
    """Every readable export, the newest per trainee; the rest with a reason.
    Each worker opens one file at a time; ``progress(n)`` is called after each."""
    newest: dict[tuple[str, str], TraineeSummary] = {}
    rejected: list[tuple[str, str]] = []
    replaced = 0
    for done, outcome in enumerate(_outcomes(list(items), course, now, tz, workers), 1):
        if isinstance(outcome, tuple):
            rejected.append(outcome)
        else:
            old = newest.get(outcome.key)
            if old is not None:
                replaced += 1
            if old is None or _iso_ms(outcome.exported_at) > _iso_ms(old.exported_at):
                newest[outcome.key] = outcome
        if progress is not None:
            progress(done)
    return ReadResult(list(newest.values()), rejected, replaced)


def _read(source: Source) -> bytes:
    try:
        return source.read()
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        raise BadExport(f"cannot read ({getattr(exc, 'strerror', None) or exc})") from None
