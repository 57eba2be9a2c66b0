"""The whole progress of one course as plain data, and its machine formats:
TOML and JSON (everything, with a format version) and CSV (the review log).

Markdown notes for people and Anki cards live in their own modules.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from datetime import datetime, timezone
from typing import Any

import tomli_w

from gonghui_tui import __version__
from gonghui_tui.domain.course import Course
from gonghui_tui.storage.store import CardRecord, Store, from_ms

FORMAT_NAME = "gonghui-tui-progress"
FORMAT_VERSION = 1
RATING_NAMES = {1: "again", 2: "hard", 3: "good", 4: "easy"}
CARD_TIME_FIELDS = ("due_ms", "last_review_ms", "buried_until_ms")


def iso(ms: int | None) -> str | None:
    """UTC ISO 8601 with milliseconds: exact, and readable."""
    if ms is None:
        return None
    return from_ms(ms).strftime("%Y-%m-%dT%H:%M:%S.") + f"{ms % 1000:03d}Z"


def parse_iso(text: str) -> int:
    moment = datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc)
    return round(moment.timestamp() * 1000)


def _drop_none(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if v is not None}


def card_to_row(record: CardRecord) -> dict[str, Any]:
    row = asdict(record)
    row.pop("row_id")
    row["id"] = row.pop("card_id")
    for key in CARD_TIME_FIELDS:
        row[key.removesuffix("_ms")] = iso(row.pop(key))
    return _drop_none(row)


def progress_data(course: Course, store: Store, now: datetime, settings: dict[str, Any]) -> dict[str, Any]:
    """Everything stored for this course, in course order where there is one."""
    sections = store.sections(course.id)
    notes = store.notes(course.id)
    order = {sid: i for i, sid in enumerate(course.sections)}
    records = store.cards(course.id)
    card_order = {c.id: i for i, c in enumerate(course.cards)}
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "exported_at": iso(int(now.timestamp() * 1000)),
        "course": {"id": course.id, "title": course.title},
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
        ],
        "cards": [card_to_row(r) for _, r in sorted(records.items(),
                                                       key=lambda kv: (card_order.get(kv[0], len(card_order)), kv[0]))],
        "reviews": [
            _drop_none({"card": r.card_id, "rating": r.rating, "reviewed": iso(r.reviewed_ms),
                        "duration_ms": r.duration_ms, "state_before": r.state_before})
            for r in store.reviews(course.id)
        ],
    }


def to_json(data: dict[str, Any]) -> str:
    return json.dumps({k: v for k, v in data.items() if v is not None}, ensure_ascii=False, indent=1) + "\n"


def to_toml(data: dict[str, Any]) -> str:
    return tomli_w.dumps(_drop_none(data))


def to_csv(course: Course, store: Store) -> str:
    """The review log, one row per review, with a header."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["course_id", "card_id", "section_id", "card_kind", "rating", "rating_name",
                     "reviewed_utc", "duration_ms", "state_before"])
    for r in store.reviews(course.id):
        card = course.card(r.card_id)
        writer.writerow([course.id, r.card_id, card.section if card else "", card.kind.value if card else "",
                         r.rating, RATING_NAMES.get(r.rating, ""), iso(r.reviewed_ms),
                         "" if r.duration_ms is None else r.duration_ms,
                         "" if r.state_before is None else r.state_before])
    return out.getvalue()
