"""Merge a TOML or JSON progress export (from another machine) into the store.

The file is decoded and checked whole (import_schema, check_export) before
the store is even asked; a bad value is refused with its path and nothing is
written. The merge plan is then made inside the write transaction, so two
imports of one file at once count it once.

Reviews are de-duplicated by (card, time, rating), so importing the same
file twice changes nothing. A card whose log gains reviews is rescheduled by
replaying its merged log with FSRS; a card with no stored log takes the
exported state as it is. A note that differs from the local one is kept
beside it, never written over. The cost grows with what the file adds: the
store is read by key (indexes on card and time), never scanned per card,
and the reviews of cards new to this store go in as columns, with no Python
object per review.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

import msgspec

from gonghui_tui.domain.course import Course
from gonghui_tui.domain.export import FORMAT_NAME, FORMAT_VERSION
from gonghui_tui.domain.import_check import Checked, check_export
from gonghui_tui.domain.import_errors import ImportProblem, escape, from_validation, show
from gonghui_tui.domain.import_schema import ExportIn
from gonghui_tui.domain.input_files import IMPORT_LIMIT, MAX_NESTING, InputFileError, nesting_position, read_limited
from gonghui_tui.domain.ports import ProgressStore
from gonghui_tui.domain.records import CardRecord, ImportPlan, ReviewColumns, from_ms, record_json

__all__ = ["ImportProblem", "ImportResult", "decode_export", "import_progress", "read_export", "plan_import"]

NOTE_RULE = "————"  # dates the second of two notes kept side by side


@dataclass(frozen=True)
class ImportResult:
    reviews_added: int
    cards_rescheduled: int
    notes_added: int
    notes_kept_beside: int
    sections_updated: int
    orphans_kept: int = 0


def read_export(path: Path) -> ExportIn:
    """The file decoded and checked against the export's schema (types, ranges, sizes)."""
    file = str(path)
    try:
        raw = read_limited(path, IMPORT_LIMIT)
    except InputFileError as exc:
        raise ImportProblem("import.file", path=escape(file), problem=exc.reason) from None
    return decode_export(raw, file, path.suffix)


def decode_export(raw: bytes, file: str, suffix: str) -> ExportIn:
    """``read_export`` for bytes already read (the cohort report reads members of zip files);
    ``file`` names it in messages, ``suffix`` (.json or .toml) says how to parse it."""
    if suffix.lower() == ".json":
        return _decode(raw, file, lambda: msgspec.json.decode(raw, type=ExportIn), lambda: json.loads(raw))
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ImportProblem("import.not_export", where=escape(file)) from None
    except tomllib.TOMLDecodeError as exc:
        at = re.search(r"at line (\d+), column (\d+)", str(exc))
        raise ImportProblem("import.not_export", where=_at(file, *at.groups()) if at else escape(file)) from None
    except RecursionError:
        raise _nesting(raw, file) from None
    return _decode(raw, file, lambda: msgspec.convert(data, ExportIn), lambda: data)


def _decode(raw: bytes, file: str, typed, plain) -> ExportIn:
    try:
        export = typed()
    except msgspec.ValidationError as exc:
        _check_header(raw, file, plain)
        raise from_validation(str(exc), plain, file) from None
    except msgspec.DecodeError as exc:
        if "truncated" in str(exc) and raw.strip():  # msgspec names no position: the end is where it stops
            raise ImportProblem("import.truncated", where=_at(file, *_line_col(raw, len(raw)))) from None
        at = re.search(r"byte (\d+)", str(exc))
        where = _at(file, *_line_col(raw, int(at[1]))) if at else escape(file)
        raise ImportProblem("import.not_export", where=where) from None
    except RecursionError:
        raise _nesting(raw, file) from None
    _check_header_values(export.format, export.format_version, file)
    return export


def _check_header(raw: bytes, file: str, plain) -> None:
    """A foreign or newer file is named as such, not by its first field we do not expect."""
    try:
        data = plain()
    except (ValueError, RecursionError):
        return
    if not isinstance(data, dict):  # a list or a bare value: not an export at all
        raise ImportProblem("import.not_progress", path=escape(file))
    _check_header_values(data.get("format"), data.get("format_version"), file)


def _check_header_values(fmt: object, version: object, file: str) -> None:
    if fmt != FORMAT_NAME:
        raise ImportProblem("import.not_progress", path=escape(file))
    if version != FORMAT_VERSION or isinstance(version, bool):
        raise ImportProblem("import.version", path=escape(file), version=show(version), supported=FORMAT_VERSION)


def _nesting(raw: bytes, file: str) -> ImportProblem:
    line, col = nesting_position(raw.decode("utf-8", errors="replace"))
    return ImportProblem("import.too_deep", where=_at(file, line, col), limit=MAX_NESTING)


def _at(file: str, line, col) -> str:
    return f"{escape(file)}:{line}:{col}"


def _line_col(raw: bytes, offset: int) -> tuple[int, int]:
    """The line and column (in characters, as an editor counts them) of a byte offset."""
    before = raw[:offset]
    line_start = before.rfind(b"\n") + 1
    return before.count(b"\n") + 1, len(before[line_start:].decode("utf-8", errors="replace")) + 1


def plan_import(store: ProgressStore, course_id: str, checked: Checked,
                desired_retention: float) -> tuple[ImportPlan, ImportResult]:
    """What to write, merged with what is stored now. Call inside the write transaction."""
    plan = ImportPlan(position=checked.position)
    sections_updated = _merge_sections(store.sections(course_id), checked.sections, plan)
    notes_added, beside = _merge_notes(store.notes(course_id), checked.notes, plan)

    reviews = checked.reviews
    stored = store.review_digests(course_id)
    keys = reviews.keys()
    # A card with no log here whose state the file gives takes both as they are.
    as_filed = checked.cards.keys() - stored.keys()
    taken, others = _split(reviews, as_filed)
    plan.as_filed = _once_each(reviews, keys) if taken is None else _once_each(reviews.take(taken))
    changed = _changed_cards(reviews, keys, others, stored)
    stored_keys = store.review_keys(course_id, changed & stored.keys())
    incoming = _new_reviews(reviews, keys, changed, stored_keys)
    local = store.cards_by_id(course_id, as_filed | incoming.keys())
    appended = _appended(incoming, stored_keys, local)
    history = store.card_histories(course_id, sorted((incoming.keys() & stored.keys()) - appended))
    for card_id in sorted(as_filed):
        record = _with_local_flags(checked.cards[card_id], local.get(card_id))
        if record != local.get(card_id):
            plan.cards.append(record)
    if incoming:
        from gonghui_tui.domain.scheduler import make_scheduler  # fsrs: only when a log is replayed

        scheduler = make_scheduler(desired_retention, fuzzing=False)
    for card_id in sorted(incoming):
        if card_id in appended:
            # Every new review comes after the stored ones: go on from the card's state.
            record, rows = _replay(scheduler, card_id, sorted(incoming[card_id]), local[card_id])
            plan.cards.append(_with_local_flags(record, local[card_id]))
            plan.reviews.extend(rows)
            continue
        kept = history.get(card_id, [])
        record, rows = _replay(scheduler, card_id, sorted([row[:3] for row in kept] + incoming[card_id]))
        plan.cards.append(_with_local_flags(record, local.get(card_id)))
        same = _unchanged(kept, rows)
        if same < len(kept):
            plan.replace_logs_from.append((card_id, kept[same][0], kept[same][1]))
        plan.reviews.extend(rows[same:])
    added = len(plan.as_filed) + sum(map(len, incoming.values()))
    return plan, ImportResult(added, len(incoming), notes_added, beside, sections_updated, checked.orphans)


def _split(reviews: ReviewColumns, as_filed: set[str]) -> tuple[list[int] | None, list[int] | range]:
    """The indices of the reviews of ``as_filed`` cards (None: all of them) and of the others."""
    if reviews.card_set <= as_filed:
        return None, []
    if reviews.card_set.isdisjoint(as_filed):
        return [], range(len(reviews))
    card_ids = reviews.card_ids
    taken = [i for i, card in enumerate(card_ids) if card in as_filed]
    others = [i for i, card in enumerate(card_ids) if card not in as_filed]
    return taken, others


def _once_each(reviews: ReviewColumns, keys: list[int] | None = None) -> ReviewColumns:
    """Without a review the file lists twice (same card, time and rating)."""
    keys = reviews.keys() if keys is None else keys
    if len(set(keys)) == len(keys):  # no two reviews at the same moment with the same grade
        return reviews
    pairs = list(zip(reviews.card_ids, keys))
    if len(set(pairs)) == len(pairs):
        return reviews
    seen: set[tuple[str, int]] = set()
    first = [i for i, pair in enumerate(pairs) if not (pair in seen or seen.add(pair))]
    return reviews.take(first)


def _changed_cards(reviews: ReviewColumns, keys: list[int], indices, stored: dict[str, tuple[int, float]]) -> set[str]:
    """The cards whose reviews at ``indices`` may hold one the store does not have.

    A review's key is (card, ms * 8 + rating). A card whose reviews in the file
    have the count and the key sum of its stored ones (``stored``, one row per
    card from SQLite) is the same card: it costs two dictionary lookups, with
    no stored review read. Two different sets of reviews would need the same
    number of reviews whose times, to the millisecond, add up to the same sum;
    a file that managed it would only miss its own different reviews, and lose
    nothing stored.
    """
    card_ids = reviews.card_ids
    every = isinstance(indices, range)
    counts = Counter(card_ids if every else [card_ids[i] for i in indices])
    sums = dict.fromkeys(counts, 0)
    for card, key in zip(card_ids, keys) if every else ((card_ids[i], keys[i]) for i in indices):
        sums[card] += key
    return {card for card, n in counts.items() if stored.get(card) != (n, sums[card])}


def _new_reviews(reviews: ReviewColumns, keys: list[int], changed: set[str], stored: dict[str, list[int]]):
    """card -> (reviewed_ms, rating, duration_ms) of the reviews of the ``changed``
    cards that the store (``stored``: their keys) does not have, each once."""
    incoming: defaultdict[str, list[tuple[int, int, int | None]]] = defaultdict(list)
    if not changed:
        return incoming
    card_ids = reviews.card_ids
    have = {card: set(stored.get(card, ())) for card in changed}
    for i in [i for i, card in enumerate(card_ids) if card in have]:
        card, key = card_ids[i], keys[i]
        if key not in have[card]:
            have[card].add(key)
            incoming[card].append((reviews.reviewed_ms[i], reviews.ratings[i], reviews.durations_ms[i]))
    return incoming


def _with_local_flags(record: CardRecord, local: CardRecord | None) -> CardRecord:
    if local is None:
        return record
    buried = max(filter(None, (record.buried_until_ms, local.buried_until_ms)), default=None)
    return replace(record, row_id=local.row_id, suspended=record.suspended or local.suspended,
                   leech=record.leech or local.leech, buried_until_ms=buried)


def _appended(incoming: dict[str, list], stored: dict[str, list[int]], local: dict[str, CardRecord]) -> set[str]:
    """The cards whose new reviews all come after every stored one, and whose state
    after the stored log is here: their log is replayed from that state, not from
    the start (an import that adds a few reviews then costs what it adds)."""
    appended = set()
    for card_id, new in incoming.items():
        if card_id in stored and card_id in local and local[card_id].last_review_ms is not None:
            last = max(stored[card_id])
            if min(ms * 8 + rating for ms, rating, _ in new) > last:
                appended.add(card_id)
    return appended


def _replay(scheduler, card_id: str, history: list[tuple[int, int, int | None]],
            start: CardRecord | None = None):
    """The card's state after ``history``, and the log rows with the state before each
    review. ``history`` is the whole log, or what follows ``start`` (the state after the rest)."""
    from gonghui_tui.domain.scheduler import new_record, review

    record = start if start is not None else new_record(0, card_id, from_ms(history[0][0]))
    rows = []
    for ms, rating, duration in history:
        rows.append((card_id, rating, ms, duration, record.state or None, record_json(record)))
        record = review(scheduler, record, rating, from_ms(ms)).record
    return record, rows


def _unchanged(stored: list[tuple[int, int, int | None, int | None]], rows) -> int:
    """How many of a card's stored reviews stay as they are: those before the first
    review new to the store, whose state before the review the replay confirms.

    The card's state is still the replay of its whole merged log; its stored rows
    before the first new review keep the state they were graded from (with this
    machine's fuzzed due date) instead of being deleted and written again. An
    import that adds a few reviews after the stored ones writes only those
    (18.1: 2,000 rows rewritten, spread over the log's pages, for 200 added).
    """
    same = 0
    for (ms, rating, duration, before), row in zip(stored, rows):
        if row[1:5] != (rating, ms, duration, before):
            break
        same += 1
    return same


def _merge_sections(local: dict, rows, plan: ImportPlan) -> int:
    changed = 0
    for sid, read, first, last, seconds in rows:
        mine = local.get(sid)
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


def _merge_notes(local: dict[str, tuple[str, int]], rows, plan: ImportPlan) -> tuple[int, int]:
    added = beside = 0
    for sid, text, updated in rows:
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


def import_progress(course: Course, store: ProgressStore, path: Path, now: datetime,
                    keep_orphans: bool = False) -> ImportResult:
    """Check the whole file, then merge it in one write transaction (plan made inside it)."""
    checked = check_export(read_export(path), course.ids(), now, keep_orphans, str(path))
    return import_checked(store, course.id, checked)


def import_checked(store: ProgressStore, course_id: str, checked: Checked) -> ImportResult:
    outcome: list[ImportResult] = []

    def make_plan() -> ImportPlan:
        plan, result = plan_import(store, course_id, checked, checked.desired_retention)
        outcome.append(result)
        return plan

    store.apply_import(course_id, make_plan)
    return outcome[0]
