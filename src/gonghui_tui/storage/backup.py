"""Daily copies of the progress database through SQLite's backup API, which
copies a consistent snapshot even while another instance writes."""

from __future__ import annotations

import os
import sqlite3
from datetime import date
from pathlib import Path

from gonghui_tui.paths import ensure_private_dir

KEEP = 7
PREFIX = "progress-"


def backup_name(day: date) -> str:
    return f"{PREFIX}{day.isoformat()}.sqlite3"


def daily_backup(conn: sqlite3.Connection, folder: Path, today: date, keep: int = KEEP) -> Path | None:
    """Copy the database once per day; keep the newest ``keep`` copies."""
    target = folder / backup_name(today)
    if target.exists():
        return None
    ensure_private_dir(folder)
    partial = target.with_suffix(".partial")
    dest = sqlite3.connect(partial)
    try:
        conn.backup(dest)
    finally:
        dest.close()
    os.chmod(partial, 0o600)
    os.replace(partial, target)
    copies = sorted(folder.glob(f"{PREFIX}*.sqlite3"))
    for old in copies[:-keep]:
        old.unlink()
    return target
