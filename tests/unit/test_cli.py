"""The command line: validate, paths, and clean errors with exit status 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from gonghui_tui.cli import main

BAD = Path(__file__).parent.parent / "fixtures" / "bad"


def test_validate_bundled_course_prints_one_summary_line(capsys):
    assert main(["validate"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1
    assert "16 节" in out[0] and "50 张卡片" in out[0] and "填空 14" in out[0]


def test_validate_in_english(capsys):
    assert main(["--lang", "en", "validate"]) == 0
    out = capsys.readouterr().out
    assert "valid course, 16 sections, 50 cards (basic 14, cloze 14," in out


def test_validate_bad_file_lists_every_problem_and_exits_2(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text((BAD / "missing_section.toml").read_text() + '\n[[cards]]\nid = "k1"\nsection = "a"\n'
                   'kind = "basic"\nfront = "问"\nback = "答"\n', encoding="utf-8")
    assert main(["validate", str(bad)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[1].startswith(f"{bad}:11:1: cards[0].section: ")
    assert err[2] == f"{bad}:17:1: cards[1].id: 卡片编号“k1”重复"
    assert len(err) == 3
    assert main(["--lang", "en", "validate", str(bad)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[2] == f"{bad}:17:1: cards[1].id: duplicate card id 'k1'"


def test_run_with_broken_course_exits_2_without_traceback(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "gonghui_tui", "--course", str(BAD / "syntax.toml")],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "syntax.toml:5:" in result.stderr


def test_validate_binary_garbage_never_tracebacks(tmp_path):
    junk = tmp_path / "junk.toml"
    junk.write_bytes(bytes(range(256)) * 4)
    result = subprocess.run([sys.executable, "-m", "gonghui_tui", "validate", str(junk)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "junk.toml:2:118:" in result.stderr


def test_paths_honours_data_dir(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path / "d"), "paths"]) == 0
    out = capsys.readouterr().out
    assert str(tmp_path / "d" / "progress.sqlite3") in out
    assert str(tmp_path / "d" / "config.toml") in out
    assert not (tmp_path / "d").exists()  # printing paths creates nothing


def test_unwritable_data_dir_is_one_line_and_exit_2(tmp_path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    result = subprocess.run(
        [sys.executable, "-m", "gonghui_tui", "--data-dir", str(blocker / "data")],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "data" in lines[0]


def test_due_json_for_scripts(capsys, isolated_home):
    assert main(["due", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert (figures["due"], figures["new"], figures["reviewed_today"]) == (0, 20, 0)
    # The first 20 new cards in course order, one of each group of related cards (八个坚持,
    # 五个关键 here): the sections' figures add up to the day's 20
    assert figures["sections"]["direction"] == {"title": "工会工作方向与思路", "due": 0, "new": 2}
    assert sum(section["new"] for section in figures["sections"].values()) == 20
    assert set(figures["sections"]) == {"importance", "background", "direction", "roles",
                                        "innovation", "loyalty", "summary"}


def test_due_text_lists_each_top_section(capsys):
    assert main(["due"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "到期 0 张，今日新卡还可学 20 张，今日已复习 0 次"
    assert len(out) == 8 and "总结与展望" in out[-1]


def test_stats_json_and_tables(capsys):
    assert main(["stats", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["sections_total"] == 16 and figures["reviews_total"] == 0
    assert figures["cards_by_state"]["new"] == 50 and len(figures["forecast_14d"]) == 14
    assert main(["stats"]) == 0
    out = capsys.readouterr().out
    assert "卡片状态" in out and "各部分掌握情况" in out


def test_stats_weakest_cards_stay_one_line_each_at_any_width(capsys, monkeypatch, isolated_home, course):
    """17.4: at 80 columns the weakest-cards column used to wrap each front into
    pieces, some rows holding only "…". Each front is now one line, cut whole."""
    from datetime import datetime, timedelta, timezone

    from gonghui_tui.domain.figures import front_line
    from gonghui_tui.domain.session import DrillSession
    from gonghui_tui.storage.store import Store

    when = datetime.now(timezone.utc) - timedelta(days=3)
    store = Store.open(isolated_home / "progress.sqlite3", when)
    session = DrillSession(course, store, lambda: when, fuzzing=False)
    for i in range(40):
        if session.next() is None:
            break
        session.grade(1 + i % 4)
    store.close()
    fronts = [front_line(card.front) for card in course.cards_under(None)]
    for width in (60, 72, 80, 84, 100):
        monkeypatch.setenv("COLUMNS", str(width))
        for lang in ("zh", "en"):
            assert main(["--lang", lang, "stats"]) == 0
            table = capsys.readouterr().out.split("┡")[-1].splitlines()[1:-1]  # the mastery table's body
            assert table
            for line in table:
                cell = line.split("│")[-2].strip()
                if cell in ("", "—"):
                    continue
                kept = cell.removesuffix("…")
                assert any(front.startswith(kept) for front in fronts), (width, lang, line)
