"""Issue 17.9 in a real terminal: p and End typed at once reach the very end of
the dashboard (the End used to go to the outline still under it, so the view
stopped at the forecast's title, before the last two parts)."""

from __future__ import annotations

import time

import pytest

from .tmux import Terminal, console_script

pytestmark = pytest.mark.e2e


def test_p_then_end_at_once_shows_the_last_part(isolated_home):
    for attempt in range(3):  # the race was lost most of the time, not every time
        term = Terminal([console_script()], {"GONGHUI_TUI_HOME": str(isolated_home)}, (80, 24))
        try:
            term.wait_for("总结与展望")
            term.send("p", "End")  # one send-keys: both keys reach the app together
            term.wait_for("学习统计")
            term.wait_for("总结与展望", timeout=10, message=f"attempt {attempt + 1}: the last part")
            time.sleep(0.3)
            screen = term.screen()
            assert "总结与展望" in screen and "阅读进度" not in screen, screen
        finally:
            term.close()
