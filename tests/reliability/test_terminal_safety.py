"""No control character or bidi override from untrusted text reaches the terminal:
the loader refuses them in course text with a located error, and everything
printed passes the one sanitiser (tmux checks of the app: tests/e2e/test_tmux_terminal_safety.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gonghui_tui.cli import main
from gonghui_tui.domain.loader import CourseError, parse_course
from gonghui_tui.domain.safe_text import BIDI_CONTROLS, safe
from gonghui_tui.i18n import t
from gonghui_tui.paths import bundled_course

OSC52 = "\x1b]52;c;SEVMTE8=\x1b\\"
ESCAPES = [OSC52, "\x1b]0;pwned\x07", "\x1b[2J", "\x9b31m", "\u202eevil", "\x7f", "\r"]
COURSE = bundled_course().read_text(encoding="utf-8")


def toml_escape(text: str) -> str:
    return json.dumps(text)[1:-1]  # JSON string escapes are valid TOML basic-string escapes


def with_text(original: str, hostile: str, count: int = 1) -> str:
    """The bundled course with ``hostile`` put into the first ``original`` string."""
    assert f'"{original}' in COURSE
    return COURSE.replace(f'"{original}', f'"{toml_escape(hostile)}{original}', count)


def test_the_sanitiser_shows_every_control_visibly_and_keeps_text():
    assert safe("党的领导\n\t坚持") == "党的领导\n\t坚持"
    assert safe(OSC52) == "␛]52;c;SEVMTE8=␛\\"
    assert safe("a\x07b\x00c\x7fd\x9be\u202ef\u2066g") == "a␇b␀c␡d\ufffde\ufffdf\ufffdg"
    assert safe("a\nb\tc\rd", one_line=True) == "a␊b␉c␍d"
    every = "".join(map(chr, range(0x20))) + "\x7f" + "".join(map(chr, range(0x80, 0xA0))) + BIDI_CONTROLS
    assert all(ch in "\n\t" for ch in safe(every) if ch.isprintable() is False)


def test_every_message_value_passes_the_sanitiser():
    shown = t("export.written", path=f"/tmp/{OSC52}.md")
    assert "\x1b" not in shown and "␛]52" in shown


# Course text of every kind: titles, bodies, key points, list items, notes, card faces.
FIELDS = ["提升工会干部素质的培训策略与实践探索", "工会干部培训的重要性与新挑战", "工会工作的方向与思路是培训的第一部分",
          "坚持党对工会工作的领导", "党是工会的领导核心", "原文此段在", "课程时间为一天", "新时代，工会的工作面临",
          "这些变化迫使工会干部", "本课程的讲师是谁"]


@pytest.mark.parametrize("escape", ESCAPES)
@pytest.mark.parametrize("original", FIELDS)
def test_the_loader_refuses_control_characters_with_a_located_error(escape, original):
    text = with_text(original, "前" + escape)
    with pytest.raises(CourseError) as caught:
        parse_course(text, "hostile.toml")
    problem = caught.value.problems[0]
    line = text[: text.index(toml_escape("前" + escape))].count("\n") + 1
    assert (problem.file, problem.line) == ("hostile.toml", line)
    assert problem.message.key == "load.control" and problem.message.values["at"] == 2


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", categories=["Cc", "Cf", "Lo"]), min_size=1, max_size=12),
       st.sampled_from(FIELDS))
def test_whatever_the_course_holds_a_loaded_course_is_safe_to_draw(hostile, original):
    try:
        course = parse_course(with_text(original, hostile, count=-1), "hostile.toml")
    except CourseError as exc:
        assert all("\x1b" not in p.render(t) for p in exc.problems)
        return
    strings = [course.title, *(s.title for s in course.sections.values()),
               *(s.body for s in course.sections.values()), *(c.front for c in course.cards),
               *(k for s in course.sections.values() for k in s.key_points)]
    assert all(safe(s) == s for s in strings)


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gonghui_tui", *args], capture_output=True, timeout=60,
                          env={**os.environ, **(env or {})})


def test_validate_never_echoes_an_escape_from_a_toml_key(tmp_path):
    course = tmp_path / "key.toml"
    course.write_text(COURSE.replace("[course]", '[course]\n"\\u001b]0;pwned\\u0007\\u001b[2J" = 1', 1),
                      encoding="utf-8")
    result = run("--lang", "en", "validate", str(course))
    assert result.returncode == 2
    assert b"\x1b" not in result.stdout + result.stderr
    assert "key.toml:10:1: course.␛]0;pwned␇␛[2J: unknown field" in result.stderr.decode()


def test_validate_due_and_stats_print_no_escape_byte(tmp_path):
    """A hostile course is refused by all three; a hostile data folder path (with a
    broken config.toml in it, so a message names it) is shown neutralised."""
    course = tmp_path / f"c{OSC52}.toml"
    course.write_text(with_text(FIELDS[0], OSC52), encoding="utf-8")
    home = tmp_path / "h\x1b]0;pwned\x07"
    home.mkdir()
    (home / "config.toml").write_text("new_cards_per_day = [\n", encoding="utf-8")
    for args in (["validate", str(course)], ["--course", str(course), "due"], ["--course", str(course), "stats"]):
        result = run(*args, env={"GONGHUI_TUI_HOME": str(home)})
        assert result.returncode == 2 and b"\x1b" not in result.stdout + result.stderr
        assert "course.title" in result.stderr.decode() and "␛]52" in result.stderr.decode()
    for args in (["due"], ["stats"], ["stats", "--json"], ["due", "--json"], ["paths"]):
        result = run(*args, env={"GONGHUI_TUI_HOME": str(home)})
        assert result.returncode == 0 and b"\x1b" not in result.stdout + result.stderr, args
        assert "␛]0;pwned␇" in (result.stdout + result.stderr).decode(), args


def test_cloze_braces_nested_or_unbalanced_are_located_errors(capsys, tmp_path):
    bad = ["a {{b {{c}} d}} e", "{{{b}}}", "{{b}}}", "开 {{答案", "答案}} 关"]
    cards = "".join(f'\n[[cards]]\nid = "z{i}"\nsection = "importance"\nkind = "cloze"\ntext = "{text}"\n'
                    for i, text in enumerate(bad))
    course = tmp_path / "cloze.toml"
    course.write_text(COURSE + cards, encoding="utf-8")
    assert main(["--lang", "en", "validate", str(course)]) == 2
    err = capsys.readouterr().err.splitlines()[1:]
    first = COURSE.count("\n") + 6  # the line of the first added card's text
    assert len(err) == len(bad)
    assert err[0] == (f"{course}:{first}:1: cards[50].text: at character 7: the gap opened at character 3 "
                      "holds another gap; gaps cannot be nested")
    assert err[1].endswith("cards[51].text: at character 3: a stray '{' in or next to a gap")
    assert err[2].endswith("cards[52].text: at character 6: a stray '}' in or next to a gap")
    assert err[3].endswith("cards[53].text: at character 3: a gap opened with '{{' is never closed with '}}'")
    assert err[4].endswith("cards[54].text: at character 3: '}}' closes no gap")


def test_a_closed_pipe_ends_quietly_with_exit_0(tmp_path):
    """``stats --json | head -1``: here the reader closes before a byte is written."""
    proc = subprocess.Popen([sys.executable, "-m", "gonghui_tui", "stats", "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0 and err == b""


def test_a_closed_pipe_in_a_shell_pipeline(tmp_path):
    result = subprocess.run(f"set -o pipefail; {sys.executable} -m gonghui_tui stats --json | head -1",
                            shell=True, executable="/bin/bash", capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout == "{\n" and "Broken pipe" not in result.stderr
