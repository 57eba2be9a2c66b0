"""The installed app in tmux, with a second process on the same database:
grades never schedule from a stale copy, and a command run beside the app
never moves the live database aside. Slow: run by .ci/run with -m slow."""

from __future__ import annotations

import subprocess
import time
from datetime import datetime, timezone

import pytest

from gonghui_tui.storage.store import Store
from tests.review_chain import assert_each_review_follows_the_last, log_of

from .test_tmux_crash import many_cards, reviews_in, start
from .tmux import console_script

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def grade(term, n: int, key: str = "3") -> None:
    term.send("Enter")
    term.send(key)
    term.wait_for(f"已完成 {n} 新卡", message=f"grade {n}")


def quit_app(term) -> None:
    term.send("Escape")
    term.send("q")
    deadline = time.monotonic() + 10
    while term.app_pid() is not None and time.monotonic() < deadline:
        time.sleep(0.1)


def test_two_instances_alternating_on_the_same_cards_keep_every_review(tmp_path):
    home = tmp_path / "home"
    course = many_cards(tmp_path / "many.toml", count=40)
    first, second = start(home, course=course), start(home, course=course)
    try:
        for term in (first, second):
            term.wait_for("工会干部培训的重要性")
            term.send("D")
            term.wait_for("已完成 0 新卡")
        for n in range(1, 11):  # both show the same card; the first grades it, then the second
            grade(first, n, "4")
            grade(second, n, "3")
        for term in (first, second):
            quit_app(term)
    finally:
        first.close()
        second.close()
    store = Store.open(home / "progress.sqlite3", datetime.now(timezone.utc))
    try:
        log = log_of(store, "crash")
        assert sum(len(rows) for rows in log.values()) == 20
        assert sorted(len(rows) for rows in log.values()) == [2] * 10  # each card graded by both
        assert_each_review_follows_the_last(store, "crash")
    finally:
        store.close()


def test_a_command_beside_the_running_app_never_moves_the_database(tmp_path):
    home = tmp_path / "home"
    db = home / "progress.sqlite3"
    course = many_cards(tmp_path / "many.toml", count=40)
    app = start(home, course=course)
    try:
        app.wait_for("工会干部培训的重要性")
        app.send("D")
        app.wait_for("已完成 0 新卡")
        for n in range(1, 11):
            grade(app, n)
        time.sleep(1.0)  # a moment for the checkpoint after the last grade
        db.with_name(db.name + "-wal").unlink()  # a careless clean-up while the app runs
        result = subprocess.run([str(console_script()), "--course", str(course), "due", "--json"],
                                capture_output=True, text=True, timeout=60,
                                env={"GONGHUI_TUI_HOME": str(home), "PATH": "/usr/bin:/bin"})
        assert "Traceback" not in result.stderr
        assert result.returncode == 0 or (result.returncode == 2 and len(result.stderr.splitlines()) == 1), \
            result.stderr
        assert not [p.name for p in home.iterdir() if ".damaged-" in p.name]
        for n in range(11, 13):
            grade(app, n)
        quit_app(app)
    finally:
        app.close()
    count, integrity = reviews_in(db)
    assert integrity == "ok"
    assert count >= 10, f"{count} reviews stored, 10 were shown as done before the -wal went"
    assert not [p.name for p in home.iterdir() if ".damaged-" in p.name]
