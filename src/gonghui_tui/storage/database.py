"""Opening the SQLite progress database: pragmas, recovery, migrations.

The store never discards a database it merely could not open. A file that
cannot be opened (permissions, locks, a folder that cannot be made, I/O)
is a ``StoreError`` and nothing is touched. Only a file that SQLite reads
and finds corrupt (``SQLITE_CORRUPT``, ``SQLITE_NOTADB``, or ``quick_check``
not "ok") is moved aside under a timestamped name (never deleted), and only
by an instance that holds the instance lock alone, so never while another
gonghui-tui has it open. The full-file check runs once a day or after an
unclean shutdown or a change made by something else (see ``instance_lock``),
not at every open.
"""

from __future__ import annotations

import os
import sqlite3
import time
import urllib.parse
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from gonghui_tui.domain.ports import StoreError  # noqa: F401  (raised here; re-exported)
from gonghui_tui.paths import ensure_private_dir
from gonghui_tui.storage.instance_lock import InstanceLock, Marker

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
    # 3: a card's reviews by key, for imports (de-duplicate, replay) and per-card figures;
    # rating makes it cover the import's de-duplication keys
    """
    CREATE INDEX review_log_card ON review_log (course_id, card_id, reviewed_ms, rating);
    """,
    # 4: the drill's queue by state and due time, without reading every card (issue 18.3);
    # card_id makes it cover the ids of the studied cards
    """
    CREATE INDEX card_state_queue ON card_state (course_id, state, due_ms, card_id);
    """,
]
# card_state's columns in CardRecord's order.
CARD_COLUMNS = ("id, card_id, state, step, stability, difficulty, due_ms, last_review_ms, reps, "
                "lapses, suspended, buried_until_ms, leech")
# Dropped and made again around a bulk import (storage.import_writes): sorting once
# is faster than a million B-tree inserts. Keep equal to migrations 1 and 3
# (tests/unit/test_import.py compares the schema after a bulk import).
REVIEW_LOG_INDEXES = {
    "review_log_time": "CREATE INDEX review_log_time ON review_log (course_id, reviewed_ms)",
    "review_log_card": "CREATE INDEX review_log_card ON review_log (course_id, card_id, reviewed_ms, rating)",
}
SCHEMA_VERSION = len(MIGRATIONS)


@dataclass(frozen=True)
class OpenResult:
    connection: sqlite3.Connection
    moved_aside: Path | None  # where a damaged database was moved, if one was
    lock: InstanceLock | None = None  # held shared while the store is open


def connect(path: Path) -> sqlite3.Connection:
    """A connection with the house pragmas. ``path`` is passed as a plain file
    name, never as a URI, so '%', '#' and '?' in it mean themselves."""
    conn = sqlite3.connect(os.path.abspath(path), isolation_level=None,
                           timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
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
                    f"this version knows {SCHEMA_VERSION}); upgrade gonghui-tui",
                    "store.newer_schema", version=version, known=SCHEMA_VERSION)
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


def _is_corrupt(exc: sqlite3.Error) -> bool:
    """SQLite read the file and found it is not a sound database."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def _cannot_open(path: Path, exc: BaseException) -> StoreError:
    """A failure that says nothing about the file's health, as one line."""
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    reason = (exc.strerror if isinstance(exc, OSError) else None) or str(exc)
    said = exc if isinstance(exc, OSError) else reason  # the catalogue words an OS error's reason
    if isinstance(exc, PermissionError) or code in (sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH):
        return StoreError(f"no permission to read and write the progress database {path} ({reason}); "
                          "nothing was changed", "store.no_permission", path=path, reason=said)
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return StoreError(f"the progress database {path} is locked by another program; nothing was "
                          "changed", "store.locked", path=path)
    return StoreError(f"cannot open the progress database {path}: {reason}; nothing was changed",
                      "store.cannot_open", path=path, reason=said)


def _readable_uri(path: Path) -> str:
    """A read-only URI for ``path``: every character SQLite's URI parser would
    read ('%', '#', '?', spaces, non-ASCII) is percent-escaped."""
    return "file:" + urllib.parse.quote(os.path.abspath(path)) + "?mode=ro"


def _preflight(path: Path) -> None:
    """Permissions first: a file the user may not open is not a damaged file."""
    for name in (path.name, path.name + "-wal", path.name + "-shm"):
        try:
            os.close(os.open(path.with_name(name), os.O_RDWR | os.O_CLOEXEC))
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise _cannot_open(path, exc) from None


def _sound(path: Path) -> bool:
    """True if the file passes ``quick_check``, False if SQLite finds it corrupt.
    Any other failure is a StoreError: nothing is moved."""
    try:
        conn = sqlite3.connect(_readable_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            # quick_check reads every page and checks every b-tree, as integrity_check
            # does, but skips matching index entries to table rows.
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if _is_corrupt(exc):
            return False
        raise _cannot_open(path, exc) from None
    return rows == [("ok",)]


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


def _move_aside(path: Path, now: datetime) -> Path:
    try:
        return move_aside(path, now)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise StoreError(f"the progress database {path} is damaged and cannot be moved aside: {reason}",
                         "store.cannot_move", path=path, reason=exc) from None


def _connect_and_migrate(path: Path) -> sqlite3.Connection:
    fresh = not path.exists()
    conn = connect(path)
    try:
        if fresh:
            os.chmod(path, 0o600)
        migrate(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def open_database(path: Path, now: datetime) -> OpenResult:
    """Open (creating, recovering and migrating as needed) the progress database.

    The returned lock is held (shared) until the caller releases it on close.
    """
    path = Path(os.path.abspath(path))
    try:
        ensure_private_dir(path.parent)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise StoreError(f"cannot create the data folder {path.parent}: {reason}",
                         "store.folder_create", path=path.parent, reason=exc) from None
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise StoreError(f"the data folder {path.parent} is not writable; "
                         "choose another with --data-dir or GONGHUI_TUI_HOME",
                         "store.folder_read_only", path=path.parent)
    try:
        lock = InstanceLock(path)
    except OSError as exc:
        raise _cannot_open(path, exc) from None
    try:
        return _open_locked(path, now, lock)
    except BaseException:
        lock.release(clean=False)
        raise


def _open_locked(path: Path, now: datetime, lock: InstanceLock) -> OpenResult:
    alone = lock.try_exclusive()
    if not alone and not lock.share(BUSY_TIMEOUT_MS / 1000):
        raise StoreError(f"the progress database {path} is locked by another program; nothing was changed",
                         "store.locked", path=path)
    marker = lock.read()
    today = now.astimezone(timezone.utc).date().isoformat()
    checked = marker.checked
    moved = None
    if path.exists():
        _preflight(path)
        # Alone, after an unclean shutdown, a change by something else, or on the
        # first open of the day: read every page. Not alone: another instance has
        # it open and checked it when it opened.
        if alone and (marker.checked != today or not lock.untouched_since_clean_close(marker)):
            if not _sound(path):
                moved = _move_aside(path, now)
            checked = today
    else:
        checked = today
    try:
        conn = _connect_and_migrate(path)
    except sqlite3.DatabaseError as exc:
        if not _is_corrupt(exc) or moved is not None:
            raise _cannot_open(path, exc) from None
        if not alone:
            raise StoreError(f"the progress database {path} looks damaged, but another gonghui-tui has it "
                             "open; close every gonghui-tui and start again (nothing was changed)",
                             "store.damaged_in_use", path=path) from None
        moved = _move_aside(path, now)
        checked = today
        try:
            conn = _connect_and_migrate(path)
        except sqlite3.DatabaseError as again:
            raise _cannot_open(path, again) from None
    if alone:
        try:
            lock.write(Marker(clean=False, checked=checked))
        except OSError:
            pass  # without a marker the next lone open simply checks again
        lock.share(BUSY_TIMEOUT_MS / 1000)  # from alone to shared: others may open now
    return OpenResult(conn, moved, lock)
