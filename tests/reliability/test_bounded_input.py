"""Course, import and config files must be regular files under their size
limits; deep nesting is a located error. Nothing hangs, nothing eats memory,
no traceback: one line, exit 2 (or, for config.toml, the defaults and a note)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from gonghui_tui.domain.input_files import (
    CONFIG_LIMIT,
    COURSE_LIMIT,
    IMPORT_LIMIT,
    InputFileError,
    nesting_position,
    read_limited,
)
from gonghui_tui.i18n import translator
from gonghui_tui.storage.settings import Settings, load_settings

DEEP = 100_000


def run(home: Path, *args: str, timeout: float = 30) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gonghui_tui", "--lang", "en", *args], capture_output=True,
                          text=True, timeout=timeout, env={**os.environ, "GONGHUI_TUI_HOME": str(home)})


def special_files(folder: Path) -> dict[str, Path]:
    """A FIFO, a folder, a socket, /dev/zero and a symlink to it, a sparse file over each limit."""
    folder.mkdir(parents=True, exist_ok=True)
    fifo = folder / "fifo.toml"
    os.mkfifo(fifo)
    sock_path = folder / "sock.toml"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(sock_path))
    zero_link = folder / "zero.json"
    zero_link.symlink_to("/dev/zero")
    (folder / "dir.toml").mkdir()
    return {"a FIFO (named pipe)": fifo, "a folder": folder / "dir.toml", "a socket": sock_path,
            "a character device": Path("/dev/zero"), "a character device ": zero_link}


def sparse(path: Path, size: int) -> Path:
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


def test_read_limited_refuses_everything_but_a_small_regular_file(tmp_path):
    for kind, path in special_files(tmp_path / "s").items():
        with pytest.raises(InputFileError, match=re.escape(f"is {kind.strip()}")):
            read_limited(path, 1000)
    big = sparse(tmp_path / "big", 1001)
    with pytest.raises(InputFileError, match="is 1001 B; the limit is 1000 B"):
        read_limited(big, 1000)
    assert read_limited(sparse(tmp_path / "ok", 1000), 1000) == bytes(1000)


@pytest.mark.parametrize("command", ["validate", "import"])
def test_special_and_huge_files_are_one_line_and_exit_2(tmp_path, command):
    files = special_files(tmp_path / "s")
    limit = COURSE_LIMIT if command == "validate" else IMPORT_LIMIT
    files["too big"] = sparse(tmp_path / "big.toml", limit + 1)
    for kind, path in files.items():
        result = run(tmp_path / "home", command, str(path))
        assert result.returncode == 2, (kind, result.stderr)
        assert "Traceback" not in result.stderr and str(path) in result.stderr
        expected = (f"the limit is {'64 MB' if command == 'validate' else '1 GB'}" if kind == "too big"
                    else f"is {kind.strip()}, not a regular file")
        assert expected in result.stderr, (kind, result.stderr)


def test_the_app_with_a_fifo_as_its_course_does_not_hang(tmp_path):
    fifo = tmp_path / "course.toml"
    os.mkfifo(fifo)
    result = run(tmp_path / "home", "--course", str(fifo), "due", timeout=20)
    assert result.returncode == 2 and "FIFO" in result.stderr


def test_deep_nesting_is_a_located_error(tmp_path):
    course = tmp_path / "deep.toml"
    course.write_text("[course]\nid = 'x'\nmethods = " + "[" * DEEP + "]" * DEEP + "\n")
    result = run(tmp_path / "home", "validate", str(course))
    assert result.returncode == 2 and "RecursionError" not in result.stderr
    assert f"{course}:3:111: (syntax): arrays or tables nested more than 100 levels deep" in result.stderr
    export = tmp_path / "deep.json"
    for deep in ('{"notes": ' + '{"a": ' * DEEP + "1" + "}" * DEEP + "}", "[" * DEEP + "]" * DEEP):
        export.write_text(deep)
        result = run(tmp_path / "home", "import", str(export))
        assert result.returncode == 2 and result.stderr.count("\n") == 1 and "Error" not in result.stderr


def test_nesting_position_skips_strings_and_comments():
    text = 'a = "[[[[[[" # [[[[[[\nb = \'{{{{\'\nc = """\n[[[[\n"""\nd = [[[1]]]\n'
    assert nesting_position(text, limit=2) == (6, 7)
    assert nesting_position(text, limit=3) == (1, 1)  # never deeper than 3


def test_a_config_nested_100000_deep_breaks_no_command(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / "config.toml").write_text("theme = " + "[" * DEEP + "]" * DEEP + "\n")
    loaded = load_settings(home / "config.toml")
    assert loaded.settings == Settings()
    assert [p.render(translator("en")) for p in loaded.problems] == [f"{home / 'config.toml'}:1:109: arrays or tables nested more than 100 levels "
                               "deep; using the default settings"]
    for args in (["due"], ["stats"], ["validate"]):
        result = run(home, *args)
        assert result.returncode == 0 and "RecursionError" not in result.stderr, args
    assert "nested more than 100 levels deep" in run(home, "due").stderr


@pytest.mark.parametrize("kind", ["a FIFO (named pipe)", "a folder", "a character device ", "too big"])
def test_a_config_that_is_not_a_small_regular_file_means_defaults_and_a_note(tmp_path, kind):
    home = tmp_path / "home"
    home.mkdir()
    config = home / "config.toml"
    if kind == "too big":
        sparse(config, CONFIG_LIMIT + 1)
    else:
        special = special_files(tmp_path / "s")[kind]
        config.symlink_to(special)
    loaded = load_settings(config)
    assert loaded.settings == Settings() and len(loaded.problems) == 1
    assert loaded.problems[0].render(translator("en")).endswith("; using the default settings")
    result = run(home, "due", timeout=20)
    assert result.returncode == 0 and "using the default settings" in result.stderr
