"""The import's reads and writes, mixed into ``Store``.

Reads by key for a merge: their cost follows what an import adds, not what
is stored (review_log_card indexes (course_id, card_id, reviewed_ms)). The
write is one transaction; a bulk insert into a small log builds the card
index once afterwards.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from itertools import chain, islice, repeat
from typing import Callable, Iterable, Iterator

from gonghui_tui.domain.records import CardRecord, ImportPlan
from gonghui_tui.storage.database import CARD_COLUMNS, REVIEW_LOG_INDEXES


class ImportWrites:
    """Mixed into ``Store``: what ``domain.importer`` asks of the store."""

    conn: sqlite3.Connection
    transaction: Callable
    position: Callable[[str], str | None]
    cards: Callable[[str], dict[str, CardRecord]]
    card: Callable[[str, str], CardRecord | None]

    def review_digests(self, course_id: str) -> dict[str, tuple[int, float]]:
        """card -> (its stored reviews, the sum of their keys: reviewed_ms * 8 + rating).
        One row per card from the covering index review_log_card: an import finds
        the cards it changes without a Python object per stored review. The sum is
        SQLite's total(), a float: exact up to 2**53 (hundreds of reviews of one
        card), and past that only ever unequal to the file's, never an overflow."""
        return {card: (n, total) for card, n, total in self.conn.execute(
            "SELECT card_id, count(*), total(reviewed_ms * 8 + rating) FROM review_log "
            "WHERE course_id = ? GROUP BY card_id", (course_id,))}

    def review_keys(self, course_id: str, card_ids) -> dict[str, list[int]]:
        """card -> its stored reviews' keys, by key from review_log_card (one pass over
        the course's index when many cards are asked for)."""
        wanted = set(card_ids)
        if len(wanted) > CARDS_ONE_BY_ONE:
            return {card: list(map(int, keys.split(","))) for card, keys in self.conn.execute(
                "SELECT card_id, group_concat(reviewed_ms * 8 + rating) FROM review_log "
                "WHERE course_id = ? GROUP BY card_id", (course_id,)) if card in wanted}
        sql = "SELECT reviewed_ms * 8 + rating FROM review_log WHERE course_id = ? AND card_id = ?"
        found = {card: [key for key, in self.conn.execute(sql, (course_id, card))] for card in wanted}
        return {card: keys for card, keys in found.items() if keys}

    def card_histories(self, course_id: str, card_ids) -> dict[str, list[tuple[int, int, int | None, int | None]]]:
        """(reviewed_ms, rating, duration_ms, state_before) of each card's stored reviews, oldest first."""
        sql = ("SELECT reviewed_ms, rating, duration_ms, state_before FROM review_log "
               "WHERE course_id = ? AND card_id = ? "
               "ORDER BY reviewed_ms, rating, id")  # the order of review_log_card: no sort, no scan
        return {cid: self.conn.execute(sql, (course_id, cid)).fetchall() for cid in card_ids}

    def cards_by_id(self, course_id: str, card_ids) -> dict[str, CardRecord]:
        wanted = set(card_ids)
        if len(wanted) > CARDS_ONE_BY_ONE:  # many: one pass over the course's rows is cheaper
            return {card_id: r for card_id, r in self.cards(course_id).items() if card_id in wanted}
        found = (self.card(course_id, cid) for cid in wanted)
        return {r.card_id: r for r in found if r is not None}

    def apply_import(self, course_id: str, make_plan: Callable[[], ImportPlan]) -> None:
        """Make the merge plan and write it in one write transaction: all of it or none.

        The plan is made inside the transaction (BEGIN IMMEDIATE), so a second
        import of the same file waits and then finds every review already there.
        """
        with self.transaction() as c:
            plan = make_plan()
            c.executemany(
                """INSERT INTO section_progress (course_id, section_id, read, first_read_ms, last_read_ms, seconds)
                   VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (course_id, section_id) DO UPDATE SET
                   read = excluded.read, first_read_ms = excluded.first_read_ms,
                   last_read_ms = excluded.last_read_ms, seconds = excluded.seconds""",
                [(course_id, sid, int(read), first_ms, last_ms, seconds)
                 for sid, read, first_ms, last_ms, seconds in plan.sections])
            c.executemany(
                """INSERT INTO notes (course_id, section_id, text, updated_ms) VALUES (?, ?, ?, ?)
                   ON CONFLICT (course_id, section_id) DO UPDATE SET text = excluded.text,
                   updated_ms = excluded.updated_ms""", [(course_id, *note) for note in plan.notes])
            c.executemany(
                f"""INSERT INTO card_state ({CARD_COLUMNS.removeprefix("id, ")}, course_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (course_id, card_id) DO UPDATE SET
                    state = excluded.state, step = excluded.step, stability = excluded.stability,
                    difficulty = excluded.difficulty, due_ms = excluded.due_ms,
                    last_review_ms = excluded.last_review_ms, reps = excluded.reps, lapses = excluded.lapses,
                    suspended = excluded.suspended, buried_until_ms = excluded.buried_until_ms,
                    leech = excluded.leech""",
                [(r.card_id, r.state, r.step, r.stability, r.difficulty, r.due_ms, r.last_review_ms, r.reps,
                  r.lapses, int(r.suspended), r.buried_until_ms, int(r.leech), course_id) for r in plan.cards])
            c.executemany("DELETE FROM review_log WHERE course_id = ? AND card_id = ? AND (reviewed_ms, rating) >= (?, ?)",
                          [(course_id, *start) for start in plan.replace_logs_from])
            with _bulk_insert(c, len(plan.reviews) + len(plan.as_filed)):
                _insert_rows(c, "INSERT INTO review_log (course_id, card_id, rating, reviewed_ms, duration_ms, "
                                "state_before, before_json) VALUES ", 7, ((course_id, *row) for row in plan.reviews))
                filed = plan.as_filed
                _insert_rows(c, "INSERT INTO review_log (course_id, card_id, rating, reviewed_ms, duration_ms, "
                                "state_before) VALUES ", 6,
                             zip(repeat(course_id), filed.card_ids, filed.ratings, filed.reviewed_ms,
                                 filed.durations_ms, filed.states_before))
            if plan.position is not None and self.position(course_id) is None:
                c.execute("INSERT INTO position (course_id, section_id, updated_ms) VALUES (?, ?, 0)",
                          (course_id, plan.position))


BULK_IMPORT_ROWS = 50_000
BULK_CACHE_KIB = 64 * 1024  # SQLite's page cache during a bulk import (the default is 2 MiB)
CARDS_ONE_BY_ONE = 1_000
ROWS_PER_INSERT = 100


def _insert_rows(c: sqlite3.Connection, head: str, width: int, rows: Iterable[tuple]) -> None:
    """``head`` + VALUES for ROWS_PER_INSERT rows per statement. With one row per
    statement, stepping the statements was half of a bulk import's insert time
    (1,000,000 reviews: 1.9-2.3 s against 1.2-1.6 s)."""
    one = "(" + ", ".join("?" * width) + ")"
    full = head + ", ".join([one] * ROWS_PER_INSERT)
    rows = iter(rows)
    while chunk := list(islice(rows, ROWS_PER_INSERT)):
        sql = full if len(chunk) == ROWS_PER_INSERT else head + ", ".join([one] * len(chunk))
        c.execute(sql, list(chain.from_iterable(chunk)))


@contextmanager
def _bulk_insert(c: sqlite3.Connection, rows: int) -> Iterator[None]:
    """Many new rows into a small log: the log's two indexes are built once afterwards
    (a sort each) instead of a B-tree insert per row, with a page cache large enough
    for the sorts. 1,000,000 reviews: ~3.5 s faster for the card index, 0.5-1.5 s
    for the time index."""
    bulk = rows > max(BULK_IMPORT_ROWS, c.execute("SELECT COUNT(*) FROM review_log").fetchone()[0])
    if not bulk:
        yield
        return
    cache = c.execute("PRAGMA cache_size").fetchone()[0]
    c.execute(f"PRAGMA cache_size = {-BULK_CACHE_KIB}")
    for name in REVIEW_LOG_INDEXES:
        c.execute(f"DROP INDEX {name}")
    try:
        yield
        for sql in REVIEW_LOG_INDEXES.values():
            c.execute(sql)
    finally:
        c.execute(f"PRAGMA cache_size = {int(cache)}")
