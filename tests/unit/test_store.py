"""The progress store: schema, migrations, recovery, and keyed progress."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import date

import pytest

from gonghui_tui.storage.backup import daily_backup
from gonghui_tui.storage.database import MIGRATIONS, SCHEMA_VERSION, StoreError
from gonghui_tui.domain.records import CardRecord
from gonghui_tui.storage.store import Store


def test_fresh_store_is_private_wal_and_current(tmp_path, clock):
    path = tmp_path / "new" / "progress.sqlite3"
    store = Store.open(path, clock.now())
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    store.close()


def test_version_1_database_is_migrated_with_its_data(tmp_path, clock):
    path = tmp_path / "progress.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0] + "PRAGMA user_version = 1;")
    conn.execute("INSERT INTO section_progress (course_id, section_id, read, seconds) VALUES ('c', 's', 1, 42)")
    conn.execute("INSERT INTO card_state (course_id, card_id, state, due_ms, reps) VALUES ('c', 'k', 2, 5, 3)")
    conn.execute("INSERT INTO notes VALUES ('c', 's', '旧笔记', 1)")
    conn.commit()
    conn.close()
    store = Store.open(path, clock.now())
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert store.sections("c")["s"].seconds == 42
    card = store.card("c", "k")
    assert (card.state, card.reps, card.suspended, card.leech, card.buried_until_ms) == (2, 3, False, False, None)
    assert store.note("c", "s") == "旧笔记"
    assert store.moved_aside is None


def test_newer_schema_is_refused_not_damaged(tmp_path, clock):
    path = tmp_path / "progress.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(StoreError, match="newer gonghui-tui"):
        Store.open(path, clock.now())
    assert path.exists()


def test_a_file_that_is_not_a_database_is_moved_aside(tmp_path, clock):
    path = tmp_path / "progress.sqlite3"
    path.write_text("这不是数据库" * 200, encoding="utf-8")
    store = Store.open(path, clock.now())
    assert store.moved_aside is not None and store.moved_aside.exists()
    assert store.moved_aside.read_text(encoding="utf-8").startswith("这不是数据库")
    assert store.moved_aside.name.startswith("progress.sqlite3.damaged-20260302T013000Z")
    store.set_read("c", "s", True, clock.now())  # and the fresh store works
    assert store.sections("c")["s"].read


def test_a_database_failing_integrity_check_is_moved_aside(tmp_path, clock):
    path = tmp_path / "progress.sqlite3"
    store = Store.open(path, clock.now())
    for i in range(300):
        store.save_note("c", f"s{i}", "笔记" * 50, clock.now())
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 3: page * 3 + 200] = b"\xa5" * 200  # scribble over a b-tree page
    path.write_bytes(bytes(data))
    store = Store.open(path, clock.now())
    assert store.moved_aside is not None
    assert store.moved_aside.read_bytes() == bytes(data)
    assert store.notes("c") == {}


def test_unwritable_data_dir_is_a_clear_error(tmp_path, clock):
    if os.geteuid() == 0:
        # root ignores permission bits; make the parent a file instead
        blocker = tmp_path / "blocker"
        blocker.write_text("x")
        target = blocker / "data" / "progress.sqlite3"
    else:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        target = locked / "data" / "progress.sqlite3"
    with pytest.raises(StoreError) as caught:
        Store.open(target, clock.now())
    assert "\n" not in str(caught.value) and str(target.parent) in str(caught.value)


def test_progress_is_keyed_by_course_and_id(store, clock):
    store.set_read("course-a", "s1", True, clock.now())
    store.set_read("course-b", "s1", False, clock.now())
    store.add_reading_time("course-a", "s1", 12.5)
    store.add_reading_time("course-a", "s1", 7.5)
    assert store.sections("course-a")["s1"].read and store.sections("course-a")["s1"].seconds == 20
    assert not store.sections("course-b")["s1"].read


def test_marking_unread_keeps_the_first_read_time(store, clock):
    store.set_read("c", "s", True, clock.now())
    first = store.sections("c")["s"].first_read_ms
    clock.advance(days=1)
    store.set_read("c", "s", False, clock.now())
    store.set_read("c", "s", True, clock.now())
    record = store.sections("c")["s"]
    assert record.first_read_ms == first and record.last_read_ms > first


def test_review_and_undo_restore_the_card_exactly(store, clock):
    row = store.ensure_card("c", "k", 0)
    before = store.card("c", "k")
    after = CardRecord(row, "k", 2, None, 3.1, 5.2, 999, 100, reps=1)
    review = store.record_review("c", before, after, 3, clock.now(), 1500)
    assert store.card("c", "k") == after
    assert [r.rating for r in store.reviews("c")] == [3]
    assert store.undo_review("c", review) == before
    assert store.card("c", "k") == before
    assert store.reviews("c") == []


def test_empty_note_is_deleted_and_notes_are_per_section(store, clock):
    store.save_note("c", "a", "第一条", clock.now())
    store.save_note("c", "b", "第二条", clock.now())
    store.save_note("c", "a", "  ", clock.now())
    assert store.notes("c").keys() == {"b"}


def test_daily_backup_once_a_day_keeping_seven(store, tmp_path):
    folder = tmp_path / "backups"
    for day in range(1, 11):
        assert daily_backup(store.conn, folder, date(2026, 3, day)) is not None
        assert daily_backup(store.conn, folder, date(2026, 3, day)) is None
    names = sorted(p.name for p in folder.iterdir())
    assert names == [f"progress-2026-03-{d:02d}.sqlite3" for d in range(4, 11)]
    copy = sqlite3.connect(folder / names[-1])
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
