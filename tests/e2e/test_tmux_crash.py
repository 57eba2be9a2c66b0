"""The installed app in a real terminal, killed with SIGKILL while drilling,
and two instances drilling at once. Slow: run by .ci/run with -m slow."""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import time

import pytest

from .tmux import Terminal, console_script

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
DONE = re.compile(r"已完成 (\d+)\s+新卡")  # the drill header: 已完成 N  新卡 n  学习中 n  待复习 n


def start(home, size=(100, 30), course=None) -> Terminal:
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text("new_cards_per_day = 9999\n")  # never run out of new cards
    args = ["--course", str(course)] if course else []
    return Terminal([console_script(), *args], {"GONGHUI_TUI_HOME": str(home)}, size)


def many_cards(path, count=400):
    """A course with enough new cards for every trial (graded cards are not due again soon)."""
    lines = ['[course]\nid = "crash"\ntitle = "崩溃测试"\n', '[[sections]]\nid = "s"\ntitle = "工会干部培训的重要性"\n']
    for i in range(count):
        lines.append(f'[[cards]]\nid = "k{i}"\nsection = "s"\nkind = "basic"\nfront = "问题 {i}"\nback = "答案 {i}"\n')
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def done_on_screen(term: Terminal) -> int:
    match = DONE.search(term.screen())
    return int(match.group(1)) if match else -1


def reviews_in(db) -> tuple[int, str]:
    conn = sqlite3.connect(db)
    try:
        return (conn.execute("SELECT COUNT(*) FROM review_log").fetchone()[0],
                conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def test_sigkill_while_drilling_loses_no_acknowledged_grade(tmp_path):
    rng = random.Random(8)
    home = tmp_path / "home"
    db = home / "progress.sqlite3"
    trials = 20
    results = []
    course = many_cards(tmp_path / "many.toml")
    for trial in range(trials):
        term = start(home, course=course)
        try:
            term.wait_for("工会干部培训的重要性")
            term.send("D")
            term.wait_for("已完成 0 新卡", message=f"trial {trial}")
            acknowledged = 0
            for _ in range(rng.randint(1, 6)):
                term.send("Enter")
                term.send("3")
                deadline = time.monotonic() + 10
                while done_on_screen(term) <= acknowledged and time.monotonic() < deadline:
                    time.sleep(0.02)
                acknowledged = max(acknowledged, done_on_screen(term))
            term.send("Enter", "3")  # one more grade in flight when the kill lands
            time.sleep(rng.uniform(0, 0.05))
            os.kill(term.app_pid(), signal.SIGKILL)
            time.sleep(0.2)
        finally:
            term.close()
        count, integrity = reviews_in(db)
        assert integrity == "ok"
        before = results[-1][1] if results else 0
        assert acknowledged >= 1
        assert count >= before + acknowledged, \
            f"trial {trial}: {acknowledged} grades shown on screen, but the store went from {before} to {count}"
        results.append((acknowledged, count))
    assert len(results) == trials
    print(f"\nSIGKILL trials (grades shown, reviews stored): {results}")


def test_two_instances_drilling_keep_every_review(tmp_path):
    home = tmp_path / "home"
    first, second = start(home), start(home)
    try:
        for term in (first, second):
            term.wait_for("工会干部培训的重要性")
        first.send("D")
        second.send("j", "j", "Enter")  # second instance: 课程背景与目的 and below (6 cards today)
        second.wait_for("教学方式")
        second.send("d")
        first.wait_for("已完成 0 新卡")
        second.wait_for("已完成 0 新卡")
        for n in range(1, 6):
            for term in (first, second):
                term.send("Enter")
                term.send("4")
            for term in (first, second):
                term.wait_for(f"已完成 {n} 新卡")
        for term in (first, second):
            term.send("Escape")
            term.send("q")
        time.sleep(1.0)
    finally:
        first.close()
        second.close()
    count, integrity = reviews_in(home / "progress.sqlite3")
    assert (count, integrity) == (10, "ok")
