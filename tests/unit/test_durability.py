"""Crash safety and concurrency of the store, with real processes."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from gonghui_tui.storage.store import Store

WRITER = """
import sys
from datetime import datetime, timezone
from pathlib import Path
from gonghui_tui.storage.store import Store
store = Store.open(Path(sys.argv[1]), datetime.now(timezone.utc))
tag, count = sys.argv[2], int(sys.argv[3])
print("ready", flush=True)
for i in range(count):
    store.set_read("c", f"{tag}-{i}", True, datetime.now(timezone.utc))
    store.add_reading_time("c", "shared", 1.0)
    print(i, flush=True)
"""


def _writer(db: Path, tag: str, count: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", WRITER, str(db), tag, str(count)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_sigkill_mid_burst_loses_no_committed_write(tmp_path, clock):
    db = tmp_path / "progress.sqlite3"
    Store.open(db, clock.now()).close()
    rng = random.Random(20261123)
    for trial in range(20):
        proc = _writer(db, f"t{trial}", 100_000)
        assert proc.stdout.readline().strip() == "ready"
        first = proc.stdout.readline().strip()  # under load the first fsync alone can take 20+ ms
        time.sleep(rng.uniform(0.0, 0.23))
        os.kill(proc.pid, signal.SIGKILL)
        acknowledged = [first] + [line for line in proc.stdout.read().splitlines() if line.strip()]
        proc.wait()
        assert acknowledged, "the writer committed nothing before the kill"
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {row[0] for row in conn.execute(
            "SELECT section_id FROM section_progress WHERE section_id LIKE ?", (f"t{trial}-%",))}
        conn.close()
        missing = {f"t{trial}-{i}" for i in map(int, acknowledged)} - stored
        assert not missing, f"trial {trial}: lost {len(missing)} acknowledged writes"


def test_two_instances_writing_at_once_keep_every_change(tmp_path, clock):
    db = tmp_path / "progress.sqlite3"
    Store.open(db, clock.now()).close()
    procs = [_writer(db, tag, 300) for tag in ("a", "b")]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert "locked" not in err
    store = Store.open(db, clock.now())
    sections = store.sections("c")
    assert sum(1 for sid in sections if sid.startswith(("a-", "b-"))) == 600
    assert sections["shared"].seconds == 600  # no lost increment
    store.close()


OPENER = """
import sys, time
from datetime import datetime, timezone
from pathlib import Path
from gonghui_tui.storage.store import Store
start = float(sys.argv[2])
while time.time() < start:
    pass
Store.open(Path(sys.argv[1]), datetime.now(timezone.utc)).close()
print("ok")
"""


def test_two_instances_creating_a_new_database_at_once(tmp_path):
    for trial in range(10):
        db = tmp_path / f"t{trial}" / "progress.sqlite3"
        start = time.time() + 0.5
        procs = [subprocess.Popen([sys.executable, "-c", OPENER, str(db), str(start)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
        for proc in procs:
            out, err = proc.communicate(timeout=60)
            assert proc.returncode == 0 and out.strip() == "ok", err
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA user_version").fetchone()[0] >= 2
        conn.close()
