"""The installed program in a real terminal: open, move to a section, read it, quit."""

from __future__ import annotations

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
