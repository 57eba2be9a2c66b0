"""The benchmark inputs are what they claim: courses `validate` accepts with
the sizes issue 9 names, a history that `stats` counts in full, and a
keypress timer that sees every key."""

from __future__ import annotations

import asyncio
import json

from bench.gen_course import write_course
from bench.history import fill_history
from bench.keypress import _bare
from gonghui_tui.cli import main
from gonghui_tui.domain.loader import load_course


def test_medium_course_passes_validate_with_its_sizes(tmp_path, capsys):
    path = write_course("M", tmp_path / "M.toml")
    assert main(["--lang", "en", "--course", str(path), "validate"]) == 0
    out = capsys.readouterr().out
    assert "500 sections, 5000 cards" in out
    assert all(kind in out for kind in ("basic", "cloze", "list", "choice", "typed"))


def test_large_course_passes_validate_with_its_sizes(tmp_path, capsys):
    path = write_course("L", tmp_path / "L.toml")
    assert main(["--lang", "en", "--course", str(path), "validate"]) == 0
    assert "2000 sections, 20000 cards" in capsys.readouterr().out


def test_history_is_counted_in_full_by_stats(tmp_path, capsys):
    path = write_course("M", tmp_path / "M.toml")
    home = tmp_path / "home"
    home.mkdir()
    fill_history(load_course(path), home / "progress.sqlite3", 3_000).close()
    assert main(["--course", str(path), "--data-dir", str(home), "stats", "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["reviews_total"] == 3_000
    assert stats["cards_by_state"]["review"] == 5_000


def test_keypress_timer_sees_every_key():
    first, settled = asyncio.run(_bare(6))
    assert len(first) == len(settled) == 6
    assert all(0 < f <= s < 1000 for f, s in zip(first, settled))


def test_export_bench_runs_every_format_it_times(tmp_path):
    """bench/run.py's export part renders Markdown with a translator, as the app does."""
    from bench.run import bench_exports
    from gonghui_tui.paths import bundled_course

    result = bench_exports(bundled_course(), tmp_path, reviews=200, runs=1)
    assert result["md_ratio"] > 0 and result["json_ratio"] > 0
