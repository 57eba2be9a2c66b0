"""The progress store: every state change is one SQLite transaction.

Keys are (course id, the author's stable id), so editing a course never
loses progress; rows for ids that vanished from the course stay.
Times are stored as UTC epoch milliseconds.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterator

from gonghui_tui.domain.ports import StoreError
from gonghui_tui.domain.records import (
    CardRecord,
    CardState,
    Rating,
    ReviewRecord,
    SectionRecord,
    record_from_json,
    record_json,
    state_before,
    to_ms,
)
from gonghui_tui.storage.checkpoint import Checkpointer
from gonghui_tui.storage.database import CARD_COLUMNS, migrate, open_database
from gonghui_tui.storage.instance_lock import InstanceLock
from gonghui_tui.storage.import_writes import ImportWrites
from gonghui_tui.storage.queue_reads import QueueReads


# reviewed_ms as ISO 8601 UTC with milliseconds, computed by SQLite (faster than strftime's %f).
_ISO_SQL = ("(date(reviewed_ms / 86400000 * 86400, 'unixepoch') || printf('T%02d:%02d:%02d.%03dZ', "
            "reviewed_ms / 3600000 % 24, reviewed_ms / 60000 % 60, reviewed_ms / 1000 % 60, reviewed_ms % 1000))")



class Store(QueueReads, ImportWrites):
    """SQLite implementation of the domain's ``ProgressStore``."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None = None,
                 moved_aside: Path | None = None, lock: InstanceLock | None = None) -> None:
        self.conn = conn
        self.path = path
        self.moved_aside = moved_aside
        self._lock = lock
        self._checkpointer = Checkpointer(path) if path is not None else None

    @classmethod
    def open(cls, path: Path, now: datetime) -> Store:
        result = open_database(path, now)
        return cls(result.connection, path, result.moved_aside, result.lock)

    @classmethod
    def in_memory(cls) -> Store:
        """A store that lives only as long as this object: for tests and trial runs."""
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        migrate(conn)
        return cls(conn)

    def close(self) -> None:
        """Close the database; the last instance out records a clean shutdown."""
        try:
            if self._checkpointer is not None:
                self._checkpointer.stop()
            self.conn.close()
        finally:
            if self._lock is not None:
                self._lock.release(clean=True)
                self._lock = None

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken at once so a second instance waits its turn.

        Any SQLite failure (disk full, read-only, busy too long) becomes a
        StoreError with a one-line message, and nothing of the transaction stays.
        """
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"the progress database is busy or read-only: {exc}") from None
        try:
            yield self.conn
            self.conn.execute("COMMIT")
            if self._checkpointer is not None:
                self._checkpointer.poke()
        except sqlite3.Error as exc:
            self._rollback()
            raise StoreError(_save_failure(exc)) from None
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        try:
            self.conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # SQLite may already have rolled back (e.g. after SQLITE_FULL)

    # -- reading ---------------------------------------------------------
    def set_read(self, course_id: str, section_id: str, read: bool, at: datetime) -> None:
        ms = to_ms(at)
        with self.transaction() as c:
            c.execute(
                """INSERT INTO section_progress (course_id, section_id, read, first_read_ms, last_read_ms)
                   VALUES (?, ?, ?, ?, ?)
                   ON CONFLICT (course_id, section_id) DO UPDATE SET
                     read = excluded.read,
                     first_read_ms = COALESCE(section_progress.first_read_ms, excluded.first_read_ms),
                     last_read_ms = COALESCE(excluded.last_read_ms, section_progress.last_read_ms)""",
                (course_id, section_id, int(read), ms if read else None, ms if read else None),
            )

    def add_reading_time(self, course_id: str, section_id: str, seconds: float) -> None:
        if seconds <= 0:
            return
        with self.transaction() as c:
            c.execute(
                """INSERT INTO section_progress (course_id, section_id, seconds) VALUES (?, ?, ?)
                   ON CONFLICT (course_id, section_id) DO UPDATE SET seconds = seconds + excluded.seconds""",
                (course_id, section_id, seconds),
            )

    def section(self, course_id: str, section_id: str) -> SectionRecord | None:
        r = self.conn.execute(
            "SELECT section_id, read, first_read_ms, last_read_ms, seconds FROM section_progress "
            "WHERE course_id = ? AND section_id = ?", (course_id, section_id)).fetchone()
        return None if r is None else SectionRecord(r[0], bool(r[1]), r[2], r[3], r[4])

    def sections(self, course_id: str) -> dict[str, SectionRecord]:
        rows = self.conn.execute(
            "SELECT section_id, read, first_read_ms, last_read_ms, seconds FROM section_progress "
            "WHERE course_id = ?", (course_id,))
        return {r[0]: SectionRecord(r[0], bool(r[1]), r[2], r[3], r[4]) for r in rows}

    def set_position(self, course_id: str, section_id: str, at: datetime) -> None:
        with self.transaction() as c:
            c.execute(
                """INSERT INTO position (course_id, section_id, updated_ms) VALUES (?, ?, ?)
                   ON CONFLICT (course_id) DO UPDATE SET section_id = excluded.section_id,
                     updated_ms = excluded.updated_ms""",
                (course_id, section_id, to_ms(at)),
            )

    def position(self, course_id: str) -> str | None:
        row = self.conn.execute("SELECT section_id FROM position WHERE course_id = ?",
                                (course_id,)).fetchone()
        return row[0] if row else None

    # -- notes -----------------------------------------------------------
    def save_note(self, course_id: str, section_id: str, text: str, at: datetime) -> None:
        with self.transaction() as c:
            if text.strip():
                c.execute(
                    """INSERT INTO notes (course_id, section_id, text, updated_ms) VALUES (?, ?, ?, ?)
                       ON CONFLICT (course_id, section_id) DO UPDATE SET text = excluded.text,
                         updated_ms = excluded.updated_ms""",
                    (course_id, section_id, text, to_ms(at)),
                )
            else:
                c.execute("DELETE FROM notes WHERE course_id = ? AND section_id = ?",
                          (course_id, section_id))

    def note(self, course_id: str, section_id: str) -> str:
        row = self.conn.execute("SELECT text FROM notes WHERE course_id = ? AND section_id = ?",
                                (course_id, section_id)).fetchone()
        return row[0] if row else ""

    def notes(self, course_id: str) -> dict[str, tuple[str, int]]:
        """section id -> (text, updated_ms)"""
        rows = self.conn.execute("SELECT section_id, text, updated_ms FROM notes WHERE course_id = ?",
                                 (course_id,))
        return {r[0]: (r[1], r[2]) for r in rows}

    # -- cards and reviews -------------------------------------------------
    def cards(self, course_id: str) -> dict[str, CardRecord]:
        rows = self.conn.execute(f"SELECT {CARD_COLUMNS} FROM card_state WHERE course_id = ?",
                                 (course_id,))
        return {r[1]: _card_record(r) for r in rows}

    def card(self, course_id: str, card_id: str) -> CardRecord | None:
        r = self.conn.execute(f"SELECT {CARD_COLUMNS} FROM card_state WHERE course_id = ? AND card_id = ?",
                              (course_id, card_id)).fetchone()
        return None if r is None else _card_record(r)

    def ensure_card(self, course_id: str, card_id: str, due_ms: int) -> int:
        """The row id of a card's state row, creating a new-card row if needed."""
        row = self.conn.execute("SELECT id FROM card_state WHERE course_id = ? AND card_id = ?",
                                (course_id, card_id)).fetchone()
        if row:
            return row[0]
        with self.transaction() as c:
            return _insert_card_row(c, course_id, card_id, due_ms)

    def record_review(self, course_id: str, before: CardRecord, after: CardRecord, rating: int,
                      at: datetime, duration_ms: int | None) -> int:
        """Write the new card state and the review log row in one transaction.

        A card never stored before (``row_id`` 0) gets its row in the same
        transaction: one commit per grade, also for a new card.
        """
        with self.transaction() as c:
            if before.row_id == 0:
                row = _insert_card_row(c, course_id, before.card_id, before.due_ms)
                before, after = replace(before, row_id=row), replace(after, row_id=row)
            _write_card(c, course_id, after)
            return _log_review(c, course_id, before, rating, at, duration_ms)

    def grade_card(self, course_id: str, card_id: str, new_due_ms: int,
                   schedule: Callable[[CardRecord], CardRecord], rating: int, at: datetime,
                   duration_ms: int | None) -> tuple[int, CardRecord]:
        """Grade a card from its stored state as it is now: (review id, card after).

        The row is read inside the write transaction, so another instance that
        graded the card meanwhile is never overwritten from a stale copy; a card
        never stored gets its new-card row (due ``new_due_ms``) in the same
        transaction. ``schedule`` turns the card before into the card after.
        """
        with self.transaction() as c:
            row = _insert_card_row(c, course_id, card_id, new_due_ms)
            r = c.execute(f"SELECT {CARD_COLUMNS} FROM card_state WHERE id = ?", (row,)).fetchone()
            before = _card_record(r)
            after = replace(schedule(before), row_id=row, card_id=card_id)
            _write_card(c, course_id, after)
            return _log_review(c, course_id, before, rating, at, duration_ms), after

    def set_card_flags(self, course_id: str, card_id: str, new_due_ms: int,
                       **flags: bool | int | None) -> tuple[CardRecord, CardRecord]:
        """Change only a card's ``suspended``/``buried_until_ms``: (card before, after).

        The schedule stays as stored now (another instance may have graded the
        card since this one read it); only the named columns are written.
        """
        if not flags or set(flags) - {"suspended", "buried_until_ms"}:
            raise ValueError(f"not card flags: {sorted(flags)}")
        with self.transaction() as c:
            row = _insert_card_row(c, course_id, card_id, new_due_ms)
            before = _card_record(c.execute(f"SELECT {CARD_COLUMNS} FROM card_state WHERE id = ?",
                                            (row,)).fetchone())
            after = replace(before, **flags)
            c.execute(f"UPDATE card_state SET {', '.join(f'{name} = ?' for name in flags)} WHERE id = ?",
                      (*(int(v) if isinstance(v, bool) else v for v in flags.values()), row))
            return before, after

    def undo_review(self, course_id: str, review_id: int) -> CardRecord | None:
        """Remove a review from the log and put the card back exactly as it was before it."""
        with self.transaction() as c:
            row = c.execute("SELECT before_json FROM review_log WHERE id = ? AND course_id = ?",
                            (review_id, course_id)).fetchone()
            if row is None:
                return None
            before = record_from_json(row[0])
            _write_card(c, course_id, before)
            c.execute("DELETE FROM review_log WHERE id = ?", (review_id,))
            return before

    def update_card(self, course_id: str, record: CardRecord) -> None:
        with self.transaction() as c:
            _write_card(c, course_id, record)

    def reviews(self, course_id: str, since_ms: int | None = None) -> list[ReviewRecord]:
        sql = ("SELECT id, card_id, rating, reviewed_ms, duration_ms, state_before FROM review_log "
               "WHERE course_id = ?")
        params: tuple = (course_id,)
        if since_ms is not None:
            sql += " AND reviewed_ms >= ?"
            params += (since_ms,)
        return [ReviewRecord(*r) for r in self.conn.execute(sql + " ORDER BY reviewed_ms, id", params)]

    def review_json_rows(self, course_id: str, batch: int = 10_000) -> Iterator[list[str]]:
        """The reviews as compact JSON objects, encoded by SQLite in C (oldest
        first), in lists of ``batch``: a million reviews are never all in memory."""
        cursor = self.conn.execute(
            f"SELECT json_object('card', card_id, 'rating', rating, 'reviewed', {_ISO_SQL}, "
            "'duration_ms', duration_ms, 'state_before', state_before) "
            "FROM review_log WHERE course_id = ? ORDER BY reviewed_ms, id", (course_id,))
        while rows := cursor.fetchmany(batch):
            yield [row[0] for row in rows]

    def review_buckets(self, course_id: str, bucket_ms: int) -> list[tuple[int, int]]:
        """(time bucket, reviews in it) in time order: per-day figures without loading every review."""
        return self.conn.execute(
            "SELECT reviewed_ms / ?, COUNT(*) FROM review_log WHERE course_id = ? GROUP BY 1 ORDER BY 1",
            (bucket_ms, course_id)).fetchall()

    def retention_counts(self, course_id: str, since_ms: int) -> tuple[int, int]:
        """(reviews of cards in review state since ``since_ms``, of which not Again)."""
        judged, passed = self.conn.execute(
            "SELECT COUNT(*), COALESCE(SUM(rating != ?), 0) FROM review_log "
            "WHERE course_id = ? AND reviewed_ms >= ? AND state_before = ?",
            (Rating.AGAIN, course_id, since_ms, CardState.REVIEW)).fetchone()
        return judged, passed

    def reviews_per_card(self, course_id: str) -> dict[str, int]:
        return dict(self.conn.execute(
            "SELECT card_id, COUNT(*) FROM review_log WHERE course_id = ? GROUP BY card_id", (course_id,)))

    def review_rows_iso(self, course_id: str) -> list[tuple]:
        """(card_id, rating, reviewed ISO-8601 UTC with ms, duration_ms, state_before), oldest
        first. SQLite formats the times in C: exports of 200,000 reviews stay fast."""
        return self.conn.execute(
            f"SELECT card_id, rating, {_ISO_SQL}, duration_ms, state_before FROM review_log "
            "WHERE course_id = ? ORDER BY reviewed_ms, id",
            (course_id,)).fetchall()

    def count_reviews(self, course_id: str, since_ms: int, new_only: bool = False) -> int:
        sql = "SELECT COUNT(*) FROM review_log WHERE course_id = ? AND reviewed_ms >= ?"
        if new_only:
            sql += " AND state_before IS NULL"
        return self.conn.execute(sql, (course_id, since_ms)).fetchone()[0]


_DISK_ERRORS = {"SQLITE_FULL", "SQLITE_IOERR", "SQLITE_READONLY", "SQLITE_CANTOPEN"}


def _save_failure(exc: sqlite3.Error) -> str:
    primary = "_".join((getattr(exc, "sqlite_errorname", "") or "").split("_")[:2])  # SQLITE_IOERR_WRITE -> SQLITE_IOERR
    if primary in _DISK_ERRORS:
        return f"could not save progress ({exc}): is the disk full or the data folder read-only?"
    return f"could not save progress: {exc}"


def _log_review(c: sqlite3.Connection, course_id: str, before: CardRecord, rating: int, at: datetime,
                duration_ms: int | None) -> int:
    cur = c.execute(
        """INSERT INTO review_log (course_id, card_id, rating, reviewed_ms, duration_ms, state_before,
           before_json) VALUES (?, ?, ?, ?, ?, ?, ?)""",
        (course_id, before.card_id, rating, to_ms(at), duration_ms, state_before(before),
         record_json(before)))
    return int(cur.lastrowid)


def _card_record(r: tuple) -> CardRecord:
    return CardRecord(*r[:10], bool(r[10]), r[11], bool(r[12]))


def _insert_card_row(c: sqlite3.Connection, course_id: str, card_id: str, due_ms: int) -> int:
    """The row id of a card's state row, adding a new-card row if there is none."""
    c.execute("INSERT OR IGNORE INTO card_state (course_id, card_id, state, due_ms) VALUES (?, ?, ?, ?)",
              (course_id, card_id, CardState.NEW, due_ms))
    return c.execute("SELECT id FROM card_state WHERE course_id = ? AND card_id = ?",
                     (course_id, card_id)).fetchone()[0]


def _write_card(c: sqlite3.Connection, course_id: str, r: CardRecord) -> None:
    c.execute(
        """UPDATE card_state SET state = ?, step = ?, stability = ?, difficulty = ?, due_ms = ?,
           last_review_ms = ?, reps = ?, lapses = ?, suspended = ?, buried_until_ms = ?, leech = ?
           WHERE id = ? AND course_id = ?""",
        (r.state, r.step, r.stability, r.difficulty, r.due_ms, r.last_review_ms, r.reps, r.lapses,
         int(r.suspended), r.buried_until_ms, int(r.leech), r.row_id, course_id),
    )
