"""Damaged surroundings: truncated WAL, read-only data folder, full disk."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

from gonghui_tui.storage.store import Store
from tests.privileges import unprivileged

WRITER = """
import os, sys
from datetime import datetime, timezone
from pathlib import Path
from gonghui_tui.storage.store import Store
store = Store.open(Path(sys.argv[1]), datetime.now(timezone.utc))
store.conn.execute("PRAGMA wal_autocheckpoint = 0")
for i in range(int(sys.argv[2])):
    store.save_note("c", f"s{i:04d}", "笔记" * 200, datetime.now(timezone.utc))
os._exit(0)  # no close: the WAL stays behind, as after a crash
"""


def test_truncated_wal_keeps_every_complete_commit(tmp_path, clock):
    db = tmp_path / "progress.sqlite3"
    subprocess.run([sys.executable, "-c", WRITER, str(db), "60"], check=True, timeout=60)
    wal = db.with_name(db.name + "-wal")
    assert wal.stat().st_size > 100_000
    with wal.open("r+b") as handle:
        handle.truncate(wal.stat().st_size // 2 + 1234)  # cut mid-frame
    store = Store.open(db, clock.now())
    assert store.moved_aside is None
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    kept = sorted(store.notes("c"))
    assert 10 < len(kept) < 60
    assert kept == [f"s{i:04d}" for i in range(len(kept))]  # a prefix: no commit lost in the middle
    store.save_note("c", "after", "之后还能写", clock.now())
    assert store.note("c", "after") == "之后还能写"


def test_read_only_data_dir_is_a_clear_message_and_nothing_changes(tmp_path, clock):
    home = tmp_path / "home"
    store = Store.open(home / "progress.sqlite3", clock.now())
    store.save_note("gonghui-ganbu-peixun", "summary", "保留", clock.now())
    store.close()
    before = {p.name: p.read_bytes() for p in home.iterdir()}
    home.chmod(0o555)
    try:
        results = {lang: subprocess.run(
            [*unprivileged(), sys.executable, "-m", "gonghui_tui", "--lang", lang, "--data-dir", str(home),
             "due"], capture_output=True, text=True, timeout=60, env={**os.environ, "HOME": str(tmp_path)})
            for lang in ("zh", "en")}
    finally:
        home.chmod(0o700)
    for lang, expected in (("zh", "不可写"), ("en", "not writable")):
        result = results[lang]
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and expected in result.stderr
    assert {p.name: p.read_bytes() for p in home.iterdir()} == before


FILLER = """
import resource, signal, sys
from datetime import datetime, timezone
from pathlib import Path
from gonghui_tui.storage.database import StoreError
from gonghui_tui.storage.store import Store
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # so a write past the limit fails instead of killing us
store = Store.open(Path(sys.argv[1]), datetime.now(timezone.utc))
limit = int(sys.argv[2])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
done = 0
try:
    for i in range(100000):
        store.save_note("c", f"n{i:05d}", "满" * 4000, datetime.now(timezone.utc))
        done = i + 1
except StoreError as exc:
    print(done)
    print(exc)
"""


def test_full_disk_is_a_store_error_and_committed_notes_survive(tmp_path, clock):
    db = tmp_path / "progress.sqlite3"
    Store.open(db, clock.now()).close()
    result = subprocess.run([sys.executable, "-c", FILLER, str(db), str(2_000_000)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    done_line, message = result.stdout.strip().splitlines()
    done = int(done_line)
    assert done > 10 and "could not save progress" in message and "full" in message.lower()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT COUNT(*) FROM notes").fetchone()[0] == done
