"""Merge a TOML or JSON progress export (from another machine) into the store.

Reviews are de-duplicated by (card, time, rating), so importing the same
file twice changes nothing. A card whose log gains reviews is rescheduled by
replaying its merged log with FSRS; a card whose stored log is exactly the
export's takes the exported state as it is. A note that differs from the
local one is kept beside it, never written over.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from gonghui_tui.domain.course import Course
from gonghui_tui.domain.input_files import IMPORT_LIMIT, MAX_NESTING, InputFileError, nesting_position, read_limited
from gonghui_tui.domain.export import CARD_TIME_FIELDS, FORMAT_NAME, FORMAT_VERSION, parse_iso
from gonghui_tui.domain.ports import ProgressStore
from gonghui_tui.domain.records import CardRecord, ImportPlan, from_ms, record_json, state_before
from gonghui_tui.domain.scheduler import make_scheduler, new_record, review
from gonghui_tui.domain.translate import Message


NOTE_RULE = "————"  # dates the second of two notes kept side by side


class ImportProblem(Exception):
    """The file cannot be imported; ``message`` is one line for the user, rendered at the edge."""

    def __init__(self, key: str, **values: Any) -> None:
        self.message = Message(key, values)
        super().__init__(str(self.message))


@dataclass(frozen=True)
class ImportResult:
    reviews_added: int
    cards_rescheduled: int
    notes_added: int
    notes_kept_beside: int
    sections_updated: int


def read_export(path: Path) -> dict[str, Any]:
    try:
        raw = read_limited(path, IMPORT_LIMIT)
    except InputFileError as exc:
        raise ImportProblem("import.file", path=path, problem=exc.reason) from None
    try:
        text = raw.decode("utf-8")
        data = json.loads(text) if path.suffix.lower() == ".json" else tomllib.loads(text)
    except UnicodeDecodeError:
        raise ImportProblem("import.not_export", where=path) from None
    except RecursionError:
        line, col = nesting_position(text)
        raise ImportProblem("import.too_deep", where=f"{path}:{line}:{col}", limit=MAX_NESTING) from None
    except json.JSONDecodeError as exc:
        raise ImportProblem("import.not_export", where=f"{path}:{exc.lineno}:{exc.colno}") from None
    except tomllib.TOMLDecodeError as exc:
        at = re.search(r"at line (\d+), column (\d+)", str(exc))
        raise ImportProblem("import.not_export", where=f"{path}:{at[1]}:{at[2]}" if at else path) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise ImportProblem("import.not_progress", path=path)
    if data.get("format_version") != FORMAT_VERSION:
        raise ImportProblem("import.version", path=path, version=data.get("format_version"),
                            supported=FORMAT_VERSION)
    return data


def _card_record(row: dict[str, Any]) -> CardRecord:
    values = {k: v for k, v in row.items() if k != "id"}
    for key in ("step", "stability", "difficulty"):  # None is left out of exports
        values.setdefault(key, None)
    for key in CARD_TIME_FIELDS:
        text = values.pop(key.removesuffix("_ms"), None)
        values[key] = parse_iso(text) if text else None
    return CardRecord(row_id=0, card_id=row["id"], **values)


def plan_import(course: Course, store: ProgressStore, data: dict[str, Any], now: datetime) -> tuple[ImportPlan, ImportResult]:
    try:
        return _plan(course, store, data, now)
    except (KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, KeyError):
            raise ImportProblem("import.missing_field", field=exc.args[0]) from None
        raise ImportProblem("import.damaged") from None


def _plan(course: Course, store: ProgressStore, data: dict[str, Any], now: datetime) -> tuple[ImportPlan, ImportResult]:
    if data["course"]["id"] != course.id:
        raise ImportProblem("import.other_course", theirs=data["course"]["id"], ours=course.id)
    plan = ImportPlan(position=data.get("position"))
    sections_updated = _merge_sections(store.sections(course.id), data.get("sections", []), plan)
    notes_added, beside = _merge_notes(store.notes(course.id), data.get("notes", []), plan)

    local_reviews = store.reviews(course.id)
    known = {(r.card_id, r.reviewed_ms, r.rating) for r in local_reviews}
    incoming: dict[str, list[tuple[int, int, int | None, int | None]]] = {}
    for row in data.get("reviews", []):
        key = (row["card"], parse_iso(row["reviewed"]), int(row["rating"]))
        if key in known:
            continue
        known.add(key)
        incoming.setdefault(row["card"], []).append((key[1], key[2], row.get("duration_ms"),
                                                     row.get("state_before")))
    local_records = store.cards(course.id)
    exported = {row["id"]: _card_record(row) for row in data.get("cards", [])}
    local_has_log = {r.card_id for r in local_reviews}
    scheduler = make_scheduler(float(data.get("settings", {}).get("desired_retention", 0.9)), fuzzing=False)
    rescheduled = 0
    for card_id in sorted(set(incoming) | set(exported)):
        local = local_records.get(card_id)
        new = incoming.get(card_id, [])
        if card_id not in local_has_log and card_id in exported:
            merged_flags = exported[card_id]
            if local is not None:
                merged_flags = _with_local_flags(merged_flags, local)
            plan.cards.append(merged_flags)
            plan.reviews.extend((card_id, rating, ms, dur, before, None) for ms, rating, dur, before in new)
        elif new:
            history = [(r.reviewed_ms, r.rating, r.duration_ms) for r in local_reviews if r.card_id == card_id]
            history += [(ms, rating, dur) for ms, rating, dur, _ in new]
            record, rows = _replay(scheduler, card_id, sorted(history))
            if local is not None:
                record = _with_local_flags(record, local)
            plan.cards.append(record)
            plan.replace_logs_of.append(card_id)
            plan.reviews.extend(rows)
            rescheduled += 1
    added = sum(len(v) for v in incoming.values())
    return plan, ImportResult(added, rescheduled, notes_added, beside, sections_updated)


def _with_local_flags(record: CardRecord, local: CardRecord) -> CardRecord:
    buried = max(filter(None, (record.buried_until_ms, local.buried_until_ms)), default=None)
    return CardRecord(**{**asdict(record), "suspended": record.suspended or local.suspended,
                         "leech": record.leech or local.leech, "buried_until_ms": buried})


def _replay(scheduler, card_id: str, history: list[tuple[int, int, int | None]]):
    """The card's state after its whole log, and the log rows with the state before each review."""
    record = new_record(0, card_id, from_ms(history[0][0]))
    rows = []
    for ms, rating, duration in history:
        rows.append((card_id, rating, ms, duration, state_before(record), record_json(record)))
        record = review(scheduler, record, rating, from_ms(ms)).record
    return record, rows


def _merge_sections(local: dict, rows: list[dict[str, Any]], plan: ImportPlan) -> int:
    changed = 0
    for row in rows:
        sid = row["id"]
        mine = local.get(sid)
        first = parse_iso(row["first_read"]) if row.get("first_read") else None
        last = parse_iso(row["last_read"]) if row.get("last_read") else None
        read, seconds = bool(row.get("read")), float(row.get("seconds", 0))
        if mine is not None:
            read = read or mine.read
            first = min(filter(None, (first, mine.first_read_ms)), default=None)
            last = max(filter(None, (last, mine.last_read_ms)), default=None)
            seconds = max(seconds, mine.seconds)
            if (read, first, last, seconds) == (mine.read, mine.first_read_ms, mine.last_read_ms, mine.seconds):
                continue
        plan.sections.append((sid, read, first, last, seconds))
        changed += 1
    return changed


def _merge_notes(local: dict[str, tuple[str, int]], rows: list[dict[str, Any]], plan: ImportPlan) -> tuple[int, int]:
    added = beside = 0
    for row in rows:
        sid, text, updated = row["section"], row["text"], parse_iso(row["updated"])
        if sid not in local:
            plan.notes.append((sid, text, updated))
            added += 1
            continue
        mine, mine_updated = local[sid]
        if text.strip() in mine:
            continue  # the same note, or already kept beside
        # The newer note comes first; the other follows under a rule dated
        # with its own last change. The rule is words-free, so the stored
        # note reads the same whatever language either machine spoke.
        (first, _), (second, second_updated) = sorted(
            [(text, updated), (mine, mine_updated)], key=lambda note: note[1], reverse=True)
        stamp = from_ms(second_updated).astimezone().strftime("%Y-%m-%d %H:%M")
        merged = f"{first}\n\n{NOTE_RULE} {stamp} {NOTE_RULE}\n{second}"
        plan.notes.append((sid, merged, max(updated, mine_updated)))
        beside += 1
    return added, beside


def import_progress(course: Course, store: ProgressStore, path: Path, now: datetime) -> ImportResult:
    plan, result = plan_import(course, store, read_export(path), now)
    store.apply_import(course.id, plan)
    return result
