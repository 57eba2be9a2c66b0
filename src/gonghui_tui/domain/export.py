"""The whole progress of one course as plain data, and its machine formats:
TOML and JSON (everything, with a format version) and CSV (the review log).

Markdown notes for people and Anki cards live in their own modules.
"""

from __future__ import annotations

import csv
import io
import json

from datetime import datetime, timezone
from functools import lru_cache
from typing import Any, Iterator

import tomli_w

from gonghui_tui import __version__
from gonghui_tui.domain.course import Course
from gonghui_tui.domain.ports import ProgressStore
from gonghui_tui.domain.records import CardRecord, CardState, Rating, from_ms
from gonghui_tui.domain.trainee import Trainee, clean

FORMAT_NAME = "gonghui-tui-progress"
FORMAT_VERSION = 1
RATING_NAMES = {rating: rating.name.lower() for rating in Rating}  # again, hard, good, easy
NEW_STATE = int(CardState.NEW)  # state_before of a new card's first review (the store keeps NULL)


@lru_cache(maxsize=4096)
def _day_prefix(day: int) -> str:
    return from_ms(day * 86_400_000).strftime("%Y-%m-%dT")


def iso(ms: int | None) -> str | None:
    """UTC ISO 8601 with milliseconds: exact, and readable. Hot in big exports,
    so the date part is cached and the time of day is plain arithmetic."""
    if ms is None:
        return None
    day, rest = divmod(ms, 86_400_000)
    seconds, millis = divmod(rest, 1000)
    hours, seconds = divmod(seconds, 3600)
    minutes, seconds = divmod(seconds, 60)
    return f"{_day_prefix(day)}{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}Z"


def parse_iso(text: str) -> int:
    moment = datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc)
    return round(moment.timestamp() * 1000)


def _drop_none(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if v is not None}


def card_to_row(record: CardRecord) -> dict[str, Any]:
    # Built field by field: dataclasses.asdict deep-copies and took 1.2 s for 20,000 cards.
    r = record
    return _drop_none({
        "id": r.card_id, "state": r.state, "step": r.step, "stability": r.stability,
        "difficulty": r.difficulty, "reps": r.reps, "lapses": r.lapses, "suspended": r.suspended,
        "leech": r.leech, "due": iso(r.due_ms), "last_review": iso(r.last_review_ms),
        "buried_until": iso(r.buried_until_ms),
    })


def progress_data(course: Course, store: ProgressStore, now: datetime, settings: dict[str, Any],
                  trainee: Trainee = Trainee(), include_notes: bool = True) -> dict[str, Any]:
    """Everything stored for this course, in course order where there is one,
    signed with the trainee. Notes are private: left out unless asked for."""
    sections = store.sections(course.id)
    notes = store.notes(course.id) if include_notes else {}
    order = {sid: i for i, sid in enumerate(course.sections)}
    records = store.cards(course.id)
    card_order = {c.id: i for i, c in enumerate(course.cards)}
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "exported_at": iso(int(now.timestamp() * 1000)),
        "course": {"id": course.id, "title": course.title},
        "trainee": {"name": clean(trainee.name), "unit": clean(trainee.unit)},
        "settings": settings,
        "position": store.position(course.id),
        "sections": [
            _drop_none({"id": sid, "read": r.read, "first_read": iso(r.first_read_ms),
                        "last_read": iso(r.last_read_ms), "seconds": round(r.seconds, 3)})
            for sid, r in sorted(sections.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))
        ],
        "notes": [
            {"section": sid, "text": text, "updated": iso(updated)}
            for sid, (text, updated) in sorted(notes.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))
        ] if include_notes else None,
        "cards": [card_to_row(r) for _, r in sorted(records.items(),
                                                       key=lambda kv: (card_order.get(kv[0], len(card_order)), kv[0]))],
    }


def review_dicts(course: Course, store: ProgressStore) -> list[dict[str, Any]]:
    return [
        _drop_none({"card": card, "rating": rating, "reviewed": reviewed, "duration_ms": duration,
                    "state_before": before})
        for card, rating, reviewed, duration, before in store.review_rows_iso(course.id)
    ]


def to_json(data: dict[str, Any], course: Course, store: ProgressStore) -> str:
    return "".join(json_chunks(data, course, store))


def json_chunks(data: dict[str, Any], course: Course, store: ProgressStore) -> Iterator[str]:
    """Readable JSON, one card or review per line, in pieces to write as they
    come. The review lines come ready-encoded from SQLite: 1,000,000 of them
    would take seconds in Python, and hundreds of megabytes as one string."""
    parts = [f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}"
             for key, value in data.items() if value is not None]
    yield "{\n" + ",\n".join(parts) + ',\n "reviews": ['
    separator = "\n  "
    for batch in store.review_json_rows(course.id):
        yield separator + ",\n  ".join(batch)
        separator = ",\n  "
    yield "\n ]\n}\n" if separator != "\n  " else "]\n}\n"


def to_toml(data: dict[str, Any], course: Course, store: ProgressStore) -> str:
    return tomli_w.dumps(_drop_none({**data, "reviews": review_dicts(course, store)}))


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A text cell a spreadsheet will not run: one that starts like a formula
    (= + - @, tab, CR) gets a leading apostrophe, as OWASP recommends against
    CSV injection. Numbers are left alone."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(course: Course, store: ProgressStore) -> str:
    """The review log, one row per review, with a header; text cells pass csv_cell."""
    out = io.StringIO()
    writer = csv.writer(out)  # CRLF rows (RFC 4180): a CR or LF inside a cell gets it quoted
    writer.writerow(["course_id", "card_id", "section_id", "card_kind", "rating", "rating_name",
                     "reviewed_utc", "duration_ms", "state_before"])
    course_cell = csv_cell(course.id)
    where = {c.id: (course_cell, csv_cell(c.id), csv_cell(c.section), c.kind.value) for c in course.cards}
    # 200,000 rows: the text cells of a card are neutralised once per card; the
    # other cells hold numbers (checked cheaply), and a time formatted by SQLite.
    writer.writerows(
        (*(where.get(card_id) or (course_cell, csv_cell(card_id), "", "")),
         rating if type(rating) is int else csv_cell(rating), RATING_NAMES.get(rating, ""),
         csv_cell(reviewed), "" if duration is None else duration if type(duration) is int else csv_cell(duration),
         NEW_STATE if before is None else before if type(before) is int else csv_cell(before))
        for card_id, rating, reviewed, duration, before in store.review_rows_iso(course.id))
    return out.getvalue()
