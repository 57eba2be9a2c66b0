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
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date, datetime, timedelta, tzinfo
from typing import Callable, Iterable

import msgspec
from fsrs import Scheduler

from gonghui_tui.domain.cohort_sources import Source, Unreadable
from gonghui_tui.domain.course import Course
from gonghui_tui.domain.export import FORMAT_NAME, FORMAT_VERSION, iso
from gonghui_tui.domain.records import CardRecord, CardState, Rating
from gonghui_tui.domain.scheduler import make_scheduler, retrievabilities, study_day
from gonghui_tui.domain.trainee import clean

MATURE_MS = 21 * 86_400_000
RETENTION_DAYS = 30


class _Trainee(msgspec.Struct):
    name: str = ""
    unit: str = ""


class _Course(msgspec.Struct):
    id: str
    title: str = ""


class _Section(msgspec.Struct):
    id: str
    read: bool = False
    first_read: str | None = None
    last_read: str | None = None


class _Card(msgspec.Struct):
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


class _Review(msgspec.Struct):
    card: str
    rating: int
    reviewed: str
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
        return _convert(lambda: msgspec.convert(data, _Export))
    try:
        header = _HEADER.decode(raw)
    except msgspec.ValidationError:
        raise BadExport("not a gonghui-tui progress export") from None
    except msgspec.DecodeError as exc:
        try:
            json.loads(raw)
        except (ValueError, UnicodeDecodeError) as detail:
            exc = detail  # stdlib's message names line and column
        raise BadExport(f"not a JSON or TOML export ({exc})") from None
    _check_header(header.format, header.format_version)
    return _convert(lambda: _DECODER.decode(raw))


def _check_header(fmt: object, version: object) -> None:
    if fmt != FORMAT_NAME:
        raise BadExport("not a gonghui-tui progress export")
    if version != FORMAT_VERSION:
        raise BadExport(f"export format {version} is not supported (this version reads {FORMAT_VERSION})")


def _convert(run: Callable[[], _Export]) -> _Export:
    try:
        export = run()
        _iso_ms(export.exported_at)
        return export
    except (msgspec.ValidationError, ValueError) as exc:
        raise BadExport(f"the export is damaged or incomplete ({exc})") from None


def summarise(export: _Export, source: Source, course: Course, now: datetime,
              tz: tzinfo | None = None) -> TraineeSummary:
    if export.course.id != course.id:
        raise BadExport(f"an export of course {export.course.id!r} ({clean(export.course.title)}), "
                        f"not {course.id!r}; run the report for that course with --course")
    cutoff = iso(round((now - timedelta(days=RETENTION_DAYS)).timestamp() * 1000))
    hours: dict[str, int] = {}
    judged = passed = 0
    for review in export.reviews:
        hour = review.reviewed[:13]
        hours[hour] = hours.get(hour, 0) + 1
        if review.state_before == CardState.REVIEW and review.reviewed >= cutoff:
            judged += 1
            passed += review.rating != Rating.AGAIN
    try:
        days = _study_days(hours, tz)
        for section in export.sections:
            for stamp in (section.first_read, section.last_read):
                if stamp:
                    days.setdefault(study_day(datetime.fromisoformat(stamp), tz), 0)
        cards = _card_stats(export.cards, course, now)
    except (ValueError, OverflowError) as exc:
        raise BadExport(f"the export is damaged or incomplete ({exc})") from None
    trainee = export.trainee or _Trainee()
    section_ids = course.sections.keys()
    return TraineeSummary(
        name=clean(trainee.name), unit=clean(trainee.unit), source=source.label, file_name=source.name,
        exported_at=export.exported_at,
        read=frozenset(s.id for s in export.sections if s.read and s.id in section_ids),
        reviews=len(export.reviews), judged_30d=judged, passed_30d=passed, days=days, cards=cards)


def _study_days(hours: dict[str, int], tz: tzinfo | None) -> dict[date, int]:
    """Reviews per study day from reviews per UTC hour: one time-zone
    conversion per hour with reviews, not per review."""
    days: dict[date, int] = {}
    for hour, count in hours.items():
        day = study_day(datetime.fromisoformat(hour + ":00:00+00:00"), tz)
        days[day] = days.get(day, 0) + count
    return days


def _card_stats(rows: list[_Card], course: Course, now: datetime) -> dict[str, CardStat]:
    known = [row for row in rows if course.card(row.id) is not None]
    records = [CardRecord(0, r.id, r.state, r.step, r.stability, r.difficulty,
                          _iso_ms(r.due) if r.due else 0,
                          _iso_ms(r.last_review) if r.last_review else None)
               for r in known]
    recalls = retrievabilities(_scheduler(), records, now)
    out = {}
    for row, record, recall in zip(known, records, recalls):
        studied = row.state != CardState.NEW and record.last_review_ms is not None
        out[row.id] = CardStat(
            recall=recall, mature=studied and record.due_ms - record.last_review_ms >= MATURE_MS,
            lapses=row.lapses, leech=bool(row.leech), reps=row.reps,
            due_ms=record.due_ms if studied and not row.suspended else None)
    return out


@lru_cache(maxsize=1)
def _scheduler() -> Scheduler:
    # Recall depends on stability and elapsed time only, not on the desired retention.
    return make_scheduler(0.9, fuzzing=False)


def read_cohort(items: Iterable[Source | Unreadable], course: Course, now: datetime,
                tz: tzinfo | None = None, progress: Callable[[int], None] | None = None) -> ReadResult:
    """Every readable export, the newest per trainee; the rest with a reason.
    Files are opened one at a time; ``progress(n)`` is called after each."""
    newest: dict[tuple[str, str], TraineeSummary] = {}
    rejected: list[tuple[str, str]] = []
    replaced = 0
    for done, item in enumerate(items, 1):
        if isinstance(item, Unreadable):
            rejected.append((item.label, item.reason))
        else:
            try:
                summary = summarise(decode(_read(item), item.suffix), item, course, now, tz)
            except BadExport as exc:
                rejected.append((item.label, str(exc)))
            else:
                old = newest.get(summary.key)
                if old is not None:
                    replaced += 1
                if old is None or _iso_ms(summary.exported_at) > _iso_ms(old.exported_at):
                    newest[summary.key] = summary
        if progress is not None:
            progress(done)
    return ReadResult(list(newest.values()), rejected, replaced)


def _read(source: Source) -> bytes:
    try:
        return source.read()
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        raise BadExport(f"cannot read ({getattr(exc, 'strerror', None) or exc})") from None
