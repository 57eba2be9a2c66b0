"""uniseg's answers kept between runs, so a start does not wait for uniseg (issue 14.8)."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from gonghui_tui import linebreak
from gonghui_tui.storage.linebreak_cache import load_pieces, save_pieces

TEXT = "坚持以职工为中心：维护职工合法权益，竭诚服务职工群众（2025-06-09）。"


def _wrap_in_a_new_process(cache: Path, engine: str | None = None) -> tuple[list[str], bool]:
    code = (
        "import sys, json\n"
        "from pathlib import Path\n"
        "from gonghui_tui import linebreak\n"
        "from gonghui_tui.storage.linebreak_cache import load_pieces\n"
        f"linebreak.remember(load_pieces(Path({str(cache)!r}), {engine!r} or linebreak.engine()))\n"
        f"lines = linebreak.wrap({TEXT!r}, 20)\n"
        "print(json.dumps([lines, 'uniseg' in sys.modules]))\n"
    )
    import json

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    lines, imported = json.loads(out)
    return lines, imported


def test_kept_answers_break_lines_exactly_as_uniseg_does(tmp_path):
    expected = linebreak.wrap(TEXT, 20)
    save_pieces(tmp_path, linebreak.engine(), linebreak.known())
    lines, imported = _wrap_in_a_new_process(tmp_path)
    assert lines == expected
    assert not imported


def test_answers_from_another_uniseg_build_are_not_used(tmp_path):
    save_pieces(tmp_path, "uniseg 0.1 at another place", {"一，一": b"\x00\x01\x01"})  # wrong on purpose
    lines, imported = _wrap_in_a_new_process(tmp_path)
    assert imported
    assert lines == linebreak.wrap(TEXT, 20)


@pytest.mark.parametrize("content", [
    b"",
    b"not a pickle at all",
    pickle.dumps(["a list"]),
    pickle.dumps({"一，一": b"\x00"}),  # marks of the wrong length
    pickle.dumps({1: b"\x00"}),
    pickle.dumps({"一，一": "not bytes"}),
], ids=["empty", "garbage", "list", "short-marks", "int-key", "str-marks"])
def test_a_damaged_cache_file_is_ignored(tmp_path, content):
    save_pieces(tmp_path, linebreak.engine(), {})
    [entry] = tmp_path.glob("linebreaks-*.pickle")
    entry.write_bytes(content)
    assert load_pieces(tmp_path, linebreak.engine()) == {}
    lines, imported = _wrap_in_a_new_process(tmp_path)
    assert lines == linebreak.wrap(TEXT, 20) and imported


def test_an_unwritable_cache_folder_costs_only_time(tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    save_pieces(blocked, linebreak.engine(), linebreak.known())  # no error
    assert load_pieces(blocked, linebreak.engine()) == {}


def test_answers_of_an_older_build_are_removed_when_new_ones_are_saved(tmp_path):
    save_pieces(tmp_path, "old build", {"一，一": b"\x00\x00\x01"})
    save_pieces(tmp_path, linebreak.engine(), {"一，一": b"\x00\x00\x01"})
    assert len(list(tmp_path.glob("linebreaks-*.pickle"))) == 1
    assert load_pieces(tmp_path, "old build") == {}
