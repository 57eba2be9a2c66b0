"""Opening the SQLite progress database: pragmas, recovery, migrations.

A file that is not a database, or fails ``PRAGMA quick_check``, is moved
aside under a timestamped name (never deleted) and a fresh database starts;
the caller learns where the old one went.
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from gonghui_tui.domain.ports import StoreError  # noqa: F401  (raised here; re-exported)
from gonghui_tui.paths import ensure_private_dir

BUSY_TIMEOUT_MS = 10_000

# Each entry moves the schema from version i to i + 1. Never edit a shipped
# entry; append a new one.
MIGRATIONS: list[str] = [
    # 1: the first schema
    """
    CREATE TABLE section_progress (
        course_id TEXT NOT NULL,
        section_id TEXT NOT NULL,
        read INTEGER NOT NULL DEFAULT 0,
        first_read_ms INTEGER,
        last_read_ms INTEGER,
        seconds REAL NOT NULL DEFAULT 0,
        PRIMARY KEY (course_id, section_id)
    );
    CREATE TABLE card_state (
        id INTEGER PRIMARY KEY,
        course_id TEXT NOT NULL,
        card_id TEXT NOT NULL,
        state INTEGER NOT NULL,
        step INTEGER,
        stability REAL,
        difficulty REAL,
        due_ms INTEGER NOT NULL,
        last_review_ms INTEGER,
        reps INTEGER NOT NULL DEFAULT 0,
        lapses INTEGER NOT NULL DEFAULT 0,
        UNIQUE (course_id, card_id)
    );
    CREATE INDEX card_state_due ON card_state (course_id, due_ms);
    CREATE TABLE review_log (
        id INTEGER PRIMARY KEY,
        course_id TEXT NOT NULL,
        card_id TEXT NOT NULL,
        rating INTEGER NOT NULL,
        reviewed_ms INTEGER NOT NULL,
        duration_ms INTEGER,
        state_before INTEGER,
        before_json TEXT
    );
    CREATE INDEX review_log_time ON review_log (course_id, reviewed_ms);
    CREATE TABLE notes (
        course_id TEXT NOT NULL,
        section_id TEXT NOT NULL,
        text TEXT NOT NULL,
        updated_ms INTEGER NOT NULL,
        PRIMARY KEY (course_id, section_id)
    );
    CREATE TABLE position (
        course_id TEXT PRIMARY KEY,
        section_id TEXT NOT NULL,
        updated_ms INTEGER NOT NULL
    );
    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    # 2: bury, suspend and leech flags for drilling
    """
    ALTER TABLE card_state ADD COLUMN suspended INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE card_state ADD COLUMN buried_until_ms INTEGER;
    ALTER TABLE card_state ADD COLUMN leech INTEGER NOT NULL DEFAULT 0;
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


@dataclass(frozen=True)
class OpenResult:
    connection: sqlite3.Connection
    moved_aside: Path | None  # where a damaged database was moved, if one was


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000,
                           check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    _set_wal(conn)
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _set_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL. SQLite answers 'locked' at once, without the busy handler,
    while another connection is creating the same database: so wait here."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def migrate(conn: sqlite3.Connection) -> None:
    """Bring the schema up to SCHEMA_VERSION, one transaction per step."""
    while True:
        # The version is read inside the write transaction: two instances starting
        # together on a new database must not both run the same step.
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"the progress database is from a newer gonghui-tui (schema {version}, "
                    f"this version knows {SCHEMA_VERSION}); upgrade gonghui-tui")
            if version == SCHEMA_VERSION:
                conn.execute("COMMIT")
                return
            for statement in MIGRATIONS[version].split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def _healthy(path: Path) -> bool:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            # quick_check reads every page and checks every b-tree, as integrity_check
            # does, but skips matching index entries to table rows: 55 ms instead of
            # 140 ms at each start with 200,000 reviews.
            rows = conn.execute("PRAGMA quick_check").fetchall()
            return rows == [("ok",)]
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


def move_aside(path: Path, now: datetime) -> Path:
    stamp = now.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
        n += 1
    os.replace(path, target)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    return target


def open_database(path: Path, now: datetime) -> OpenResult:
    """Open (creating, recovering and migrating as needed) the progress database."""
    try:
        ensure_private_dir(path.parent)
    except OSError as exc:
        raise StoreError(f"cannot create the data folder {path.parent}: {exc.strerror or exc}") from None
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise StoreError(f"the data folder {path.parent} is not writable; "
                         "choose another with --data-dir or GONGHUI_TUI_HOME")
    moved = None
    if path.exists() and not _healthy(path):
        try:
            moved = move_aside(path, now)
        except OSError as exc:
            raise StoreError(f"the progress database {path} is damaged and cannot be moved aside: "
                             f"{exc.strerror or exc}") from None
    try:
        fresh = not path.exists()
        conn = connect(path)
        if fresh:
            os.chmod(path, 0o600)
        migrate(conn)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot open the progress database {path}: {exc}") from None
    return OpenResult(conn, moved)
