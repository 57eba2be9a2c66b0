"""Escape sequences in untrusted text never reach a real terminal.

tmux with ``set-clipboard on`` turns an OSC 52 sequence that reaches it into
a paste buffer, so ``tmux list-buffers`` shows whether one got through.
"""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import pytest

from gonghui_tui.paths import bundled_course

from .tmux import Terminal, console_script

pytestmark = pytest.mark.e2e

OSC52 = "\x1b]52;c;SEVMTE8=\x1b\\"  # puts "HELLO" on the clipboard
RETITLE = "\x1b]0;pwned\x07"
WIPE = "\x1b[2J"


@pytest.fixture
def tmux_conf(tmp_path: Path) -> Path:
    conf = tmp_path / "tmux.conf"
    conf.write_text("set -g set-clipboard on\n")
    return conf


def run(home: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(console_script()), "--data-dir", str(home), *args],
                          capture_output=True, text=True, timeout=60)


def settle(term: Terminal, text: str, timeout: float = 20.0) -> None:
    """Until ``text`` shows or a paste buffer appears (a wiped screen shows nothing), then a moment more."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and text not in term.screen() and not term.buffers():
        time.sleep(0.1)
    time.sleep(0.5)


def test_osc52_in_the_course_title_is_refused_and_never_reaches_the_terminal(tmp_path, tmux_conf):
    course = tmp_path / "osc52.toml"
    text = bundled_course().read_text(encoding="utf-8")
    course.write_text(text.replace('title = "', 'title = "\\u001b]52;c;SEVMTE8=\\u001b\\\\', 1), encoding="utf-8")
    term = Terminal([console_script(), "--course", course], {"GONGHUI_TUI_HOME": str(tmp_path / "h")},
                    config=tmux_conf)
    try:
        settle(term, "course.title")
        assert term.buffers() == "", "an OSC 52 sequence reached the terminal"
        assert "U+001B (␛)" in term.wait_for("course.title")  # a located error instead of the app
    finally:
        term.close()


def test_a_note_imported_with_escapes_is_shown_neutralised(tmp_path, tmux_conf):
    source, home = tmp_path / "a", tmp_path / "b"
    export = tmp_path / "progress.json"
    assert run(source, "export", "--format", "json", "-o", str(export)).returncode == 0
    data = json.loads(export.read_text(encoding="utf-8"))
    data["notes"] = [{"section": "importance", "text": f"抄送{OSC52}标题{RETITLE}清屏{WIPE}完",
                      "updated": "2026-01-05T08:00:00.000Z"}]
    export.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    imported = run(home, "import", str(export))
    assert imported.returncode == 0, imported.stderr

    term = Terminal([console_script()], {"GONGHUI_TUI_HOME": str(home)}, config=tmux_conf)
    try:
        term.wait_for("课程背景与目的")
        term.send("j")  # the first section: its note shows in the detail pane
        settle(term, "我的笔记")
        assert term.buffers() == "", "an OSC 52 sequence reached the terminal"
        assert "pwned" not in term.pane_title()
        screen = term.wait_for("抄送")
        assert "抄送␛]52;c;SEVMTE8=␛\\标题␛]0;pwned␇清屏␛[2J完" in "".join(screen.split())
        term.send("n")  # the note editor shows it too
        term.wait_for("SEVMTE8=")
        time.sleep(0.5)
        assert term.buffers() == "" and "pwned" not in term.pane_title()
    finally:
        term.close()
