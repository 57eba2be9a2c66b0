"""Two `gonghui-tui import` of one file at the same time count it once (issue 13.4).

The merge plan is made inside the write transaction (BEGIN IMMEDIATE): the
second process waits for the first to commit, then finds every review
already stored. On main before this, both planned from the same empty log
and the log held every review twice.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

from bench.history import fill_history
from gonghui_tui.exporting import export
from gonghui_tui.storage.settings import Settings


def test_two_imports_at_once_count_once(course, clock, tmp_path):
    source = fill_history(course, tmp_path / "source" / "progress.sqlite3", 20_000)
    path = tmp_path / "export.json"
    export("json", path, course, source, clock.now(), Settings())
    source.close()
    home = tmp_path / "target"
    env = {**os.environ, "GONGHUI_TUI_HOME": str(home)}
    command = [sys.executable, "-m", "gonghui_tui", "--lang", "en", "import", str(path)]
    subprocess.run([sys.executable, "-m", "gonghui_tui", "paths"], env=env, check=True, capture_output=True)
    runs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    added = sorted(int(out.split(" reviews added")[0].split()[-1]) for out, _ in outputs)
    assert added == [0, 20_000]
    conn = sqlite3.connect(home / "progress.sqlite3")
    total, distinct = conn.execute(
        "SELECT COUNT(*), COUNT(DISTINCT card_id || ' ' || reviewed_ms || ' ' || rating) FROM review_log").fetchone()
    conn.close()
    assert total == distinct == 20_000
