"""The store never discards a database it merely could not open.

Only a file SQLite reads and finds corrupt is moved aside, and never while
another gonghui-tui has it open. Every commit reaches the database file
itself, so a lost -wal file costs nothing already shown as done.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from gonghui_tui.storage import database
from gonghui_tui.storage.database import StoreError
from gonghui_tui.storage.store import Store
from tests.privileges import unprivileged

ODD_FOLDERS = ["h%41", "h%2e%2e", "a#b", "q?mode=rwc", "with space", "学习 资料", "全%20部#？?x"]


CRASH = textwrap.dedent("""
    import os, sys
    from datetime import datetime, timezone
    from pathlib import Path
    from gonghui_tui.storage.store import Store
    store = Store.open(Path(sys.argv[1]), datetime.now(timezone.utc))
    store.save_note("crash", "s", "崩溃前", datetime.now(timezone.utc))
    os._exit(0)  # no close, no clean-shutdown marker
""")


def crash(db):
    subprocess.run([sys.executable, "-c", CRASH, str(db)], check=True, timeout=60)


def listing(folder):
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("name", ODD_FOLDERS)
def test_odd_characters_in_the_data_folder_path_keep_progress(tmp_path, clock, name):
    parent = tmp_path / "parent"
    home = parent / name / "数据"
    db = home / "progress.sqlite3"
    store = Store.open(db, clock.now())
    store.save_note("c", "s", "第一天的笔记", clock.now())
    store.close()
    crash(db)  # the next open reads the whole file: after a crash ...
    clock.advance(days=1)  # ... and on a new day
    for note in ("第二天", "第三天"):
        store = Store.open(db, clock.now())
        assert store.moved_aside is None
        store.save_note("c", note, note, clock.now())
        store.close()
    store = Store.open(db, clock.now())
    assert store.notes("c").keys() == {"s", "第二天", "第三天"}
    store.close()
    assert listing(parent) == [name]  # nothing made outside the data folder
    assert not [p for p in home.iterdir() if ".damaged-" in p.name]


def test_odd_data_folder_through_the_command_line(tmp_path):
    home = tmp_path / "h%41 #1?学习"
    for _ in range(2):
        result = subprocess.run([sys.executable, "-m", "gonghui_tui", "--data-dir", str(home), "due", "--json"],
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
    assert not [p for p in home.iterdir() if ".damaged-" in p.name]
    assert listing(tmp_path) == [home.name]


def _run_unprivileged(home, *args):
    return subprocess.run([*unprivileged(), sys.executable, "-m", "gonghui_tui", *args, "--data-dir", str(home),
                           "due"], capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("which", ["progress.sqlite3", "progress.sqlite3-wal"])
def test_a_file_the_user_may_not_read_is_one_line_and_nothing_moves(tmp_path, clock, which):
    home = tmp_path / "home"
    store = Store.open(home / "progress.sqlite3", clock.now())
    store.save_note("c", "s", "保留", clock.now())
    store.close()
    crash(home / "progress.sqlite3")  # leaves a -wal behind, and no clean-shutdown marker
    before = {p.name: p.read_bytes() for p in home.iterdir()}
    os.chmod(home / which, 0o000)
    try:
        zh, en = _run_unprivileged(home), _run_unprivileged(home, "--lang", "en")
    finally:
        os.chmod(home / which, 0o600)
    for result, words in ((zh, "无权读写"), (en, "no permission")):
        assert result.returncode == 2, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and words in lines[0] and "Traceback" not in result.stderr, result.stderr
    assert {p.name: p.read_bytes() for p in home.iterdir() if p.is_file()} == before  # nothing moved or written
    store = Store.open(home / "progress.sqlite3", clock.now())
    assert store.moved_aside is None and store.notes("c").keys() == {"s"} and store.note("crash", "s")
    store.close()


LOCKER = textwrap.dedent("""
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN EXCLUSIVE")
    print("locked", flush=True)
    time.sleep(30)
""")


def test_a_database_locked_by_another_program_is_not_moved(tmp_path, clock, monkeypatch):
    db = tmp_path / "progress.sqlite3"
    conn = sqlite3.connect(db)
    conn.executescript(database.MIGRATIONS[0] + database.MIGRATIONS[1] +
                       f"PRAGMA user_version = {database.SCHEMA_VERSION};")
    conn.execute("INSERT INTO notes VALUES ('c', 's', '锁住了', 1)")
    conn.commit()
    conn.close()  # a rollback-journal database, as a restored copy may be
    data = db.read_bytes()
    locker = subprocess.Popen([sys.executable, "-c", LOCKER, str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert locker.stdout.readline().strip() == "locked"
        monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
        with pytest.raises(StoreError) as caught:
            Store.open(db, clock.now())
    finally:
        locker.kill()
        locker.wait()
    assert caught.value.message.key == "store.locked"
    assert db.read_bytes() == data and listing(tmp_path) == ["progress.sqlite3", "progress.sqlite3.lock"]
    store = Store.open(db, clock.now())  # and once the lock is gone, it opens with everything in it
    assert store.moved_aside is None and store.note("c", "s") == "锁住了"
    store.close()


def test_a_damaged_file_is_not_moved_while_another_instance_has_it_open(tmp_path, clock):
    db = tmp_path / "progress.sqlite3"
    running = Store.open(db, clock.now())  # the app, still running
    running.save_note("c", "s", "还在用", clock.now())
    running.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # page 1 is read from the file itself
    garbage = "这不是数据库".encode() * 400
    shutil.copy(db, tmp_path / "keep")
    db.write_bytes(garbage)
    try:
        with pytest.raises(StoreError) as caught:
            Store.open(db, clock.now())
        assert caught.value.message.key == "store.damaged_in_use"
        assert db.read_bytes() == garbage
        assert not [name for name in listing(tmp_path) if ".damaged-" in name]
    finally:
        running.close()
    alone = Store.open(db, clock.now())  # alone now: SQLite finds it corrupt, so it is moved aside
    assert alone.moved_aside is not None and alone.moved_aside.read_bytes() == garbage
    alone.close()


def test_every_commit_reaches_the_database_file_itself_within_a_moment(tmp_path, clock):
    db = tmp_path / "progress.sqlite3"
    store = Store.open(db, clock.now())
    for i in range(5):
        store.save_note("c", f"s{i}", f"笔记 {i}", clock.now())
    deadline = time.monotonic() + 5
    copy = tmp_path / "copy.sqlite3"
    while True:
        shutil.copy(db, copy)  # the database file without its -wal, as if the -wal were lost
        conn = sqlite3.connect(copy)
        try:
            found = conn.execute("SELECT COUNT(*) FROM notes").fetchone()[0]
        except sqlite3.DatabaseError:  # not even the schema in the file yet
            found = 0
        finally:
            conn.close()
        if found == 5 or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    store.close()
    assert found == 5


@pytest.fixture
def checks(monkeypatch):
    """How many times the whole-file health check ran."""
    calls = []
    real = database._sound
    monkeypatch.setattr(database, "_sound", lambda path: calls.append(path) or real(path))
    return calls


def test_the_whole_file_is_checked_once_a_day_or_after_a_crash(tmp_path, clock, checks):
    db = tmp_path / "progress.sqlite3"
    Store.open(db, clock.now()).close()
    assert checks == []  # a new file has nothing to check
    for _ in range(3):
        Store.open(db, clock.now()).close()
    assert checks == []  # clean closes, same day: no whole-file read
    clock.advance(days=1)
    Store.open(db, clock.now()).close()
    Store.open(db, clock.now()).close()
    assert len(checks) == 1  # once on the new day
    crash(db)
    Store.open(db, clock.now()).close()
    assert len(checks) == 2  # after the unclean shutdown
    other = sqlite3.connect(db)  # changed by something else (a restored backup, say)
    other.execute("INSERT INTO meta VALUES ('x', 'y')")
    other.commit()
    other.close()
    Store.open(db, clock.now()).close()
    assert len(checks) == 3
