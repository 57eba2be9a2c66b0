"""What a start of the app leaves behind (issue 14.8: start-up not slower)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

PROBE = """
import gc, json, sys
from gonghui_tui.tui.app import GonghuiApp
def run(self, *args, **kwargs):
    print(json.dumps({"enabled": gc.isenabled(), "frozen": gc.get_freeze_count(),
                      "order": len(self.course._order)}))
GonghuiApp.run = run
from gonghui_tui.cli import main
sys.argv = ["gonghui-tui"] + sys.argv[1:]
main()
"""


def _probe(home, *args: str) -> dict:
    env = {**os.environ, "GONGHUI_TUI_HOME": str(home)}
    done = subprocess.run([sys.executable, "-c", PROBE, *args], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_app_runs_with_the_collector_on_and_start_up_objects_frozen(tmp_path):
    """The collector is off while modules and the course load (their collections
    cost 30-40 ms, two full passes at 20,000 cards); the app must get it back."""
    state = _probe(tmp_path / "home")
    assert state["enabled"] is True
    assert state["frozen"] > 10_000
    assert state["order"] > 0


def test_a_second_start_draws_its_first_screen_without_asking_uniseg(tmp_path):
    """uniseg's answers are kept in the cache folder (~25 ms to import it, 1-3 ms a piece)."""

    def start() -> str:
        env = {**os.environ, "GONGHUI_TUI_HOME": str(tmp_path / "home"), "GONGHUI_TUI_EXIT_WHEN_READY": "1"}
        done = subprocess.run([sys.executable, "-X", "importtime", "-m", "gonghui_tui"], env=env,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr[-2000:]
        return done.stderr

    assert "uniseg.linebreak" in start()
    assert "uniseg" not in start()


def test_a_course_error_leaves_the_collector_on(tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text("[course\n", encoding="utf-8")
    code = ("import gc, sys\nfrom gonghui_tui.cli import main\n"
            f"sys.argv = ['gonghui-tui', '--course', {str(broken)!r}]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\nprint(gc.isenabled())\n")
    env = {**os.environ, "GONGHUI_TUI_HOME": str(tmp_path / "home")}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert done.stdout.strip().splitlines()[-1] == "True"
    assert "Traceback" not in done.stderr
