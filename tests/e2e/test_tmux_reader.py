"""The installed program in a real terminal: open, move to a section, read it, quit."""

from __future__ import annotations

import json
import os
import subprocess
import time

import pytest

from .tmux import Terminal, console_script

pytestmark = pytest.mark.e2e


@pytest.fixture
def terminal(isolated_home):
    terminals: list[Terminal] = []

    def start(*args: str, size=(100, 30)) -> Terminal:
        term = Terminal([console_script(), *args], {"GONGHUI_TUI_HOME": str(isolated_home)}, size)
        terminals.append(term)
        return term

    yield start
    for term in terminals:
        term.close()



def leave_drill(term) -> None:
    """Esc out of the drill: leaving early shows the summary first, and Esc again returns to the reader."""
    term.send("Escape")
    deadline = time.monotonic() + 20
    while "d 复习本节" not in term.screen() and time.monotonic() < deadline:
        if "返回阅读" in "".join(term.screen().split()) and "d 复习本节" not in term.screen():
            term.send("Escape")
        time.sleep(0.3)
    term.wait_for("d 复习本节")

def test_read_a_section_and_quit(terminal):
    term = terminal()
    term.wait_for("工会工作方向与思路")
    term.send("j", "j", "j", "Enter")
    term.wait_for("八个坚持")
    term.send("j")
    screen = term.wait_for("党是工会的领导核心")
    assert "坚持全心全意依靠工人阶级" in screen
    term.send("q")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and term.pane_command() != "sleep":
        time.sleep(0.1)
    assert term.pane_command() == "sleep", "the app did not quit on q"


def test_damaged_database_is_moved_aside_and_the_user_told(terminal, isolated_home):
    isolated_home.mkdir(parents=True)
    (isolated_home / "progress.sqlite3").write_bytes(b"not a database at all" * 100)
    term = terminal()
    term.wait_for("已移到")
    moved = [p for p in isolated_home.iterdir() if ".damaged-" in p.name]
    assert len(moved) == 1 and moved[0].read_bytes() == b"not a database at all" * 100
    term.send("q")


def test_reading_progress_survives_a_relaunch(terminal, isolated_home):
    term = terminal()
    term.wait_for("课程背景与目的")
    term.send("j", "j", "r")
    term.wait_for("已读 1/16 节")
    term.send("q")
    time.sleep(1.0)
    again = terminal()
    screen = again.wait_for("已读 1/16 节")
    assert "课程背景与目的" in screen
    again.send("q")


def test_drill_three_cards_quit_relaunch_and_they_are_not_due(terminal, isolated_home):
    term = terminal()
    term.wait_for("工会工作方向与思路")
    term.send("End")  # 总结与展望: three cards, none of them related to another
    term.wait_for("工会必须与时俱进")
    term.send("d")
    term.wait_for("已完成 0 新卡 3 学习中 0 待复习 0")
    for done in range(3):
        term.wait_for(f"已完成 {done} 新卡")
        term.send("Enter")
        term.wait_for("3 良好")
        term.send("3")
    term.wait_for("已完成 3 新卡 0 学习中 3")  # the 3 learning steps still to come
    leave_drill(term)
    term.send("q")
    time.sleep(1.0)
    due = subprocess.run([str(console_script()), "due", "--json"], capture_output=True, text=True,
                         env={**os.environ, "GONGHUI_TUI_HOME": str(isolated_home)}, timeout=60)
    figures = json.loads(due.stdout)
    assert (figures["due"], figures["reviewed_today"], figures["new"]) == (0, 3, 17)
    assert sum(section["new"] for section in figures["sections"].values()) == 17
    again = terminal()
    again.wait_for("工会必须与时俱进")  # resumes on the section
    again.send("D")
    again.wait_for("已完成 0 新卡 17")  # the day's 17 new cards: the graded three are not due yet
    again.send("Escape")
    again.send("q")


def test_after_the_eight_list_card_its_siblings_wait(terminal):
    term = terminal()
    term.wait_for("工会工作方向与思路")
    term.send("j", "j", "j", "Enter")
    term.wait_for("八个坚持")
    term.send("j")
    term.wait_for("党是工会的领导核心")
    term.send("d")
    screen = term.wait_for("已完成 0 新卡 1 学习中 0 待复习 0")  # the list card; its ten siblings wait
    assert "按原文顺序说出" in screen
    term.send("Enter")
    term.wait_for("4 简单")
    term.send("4")
    term.wait_for("已完成 1")
    leave_drill(term)
    term.send("D")
    term.wait_for("已完成 0 新卡 19")  # 19 new cards, none of them a sibling of the list card
    term.send("Escape")
    term.send("q")