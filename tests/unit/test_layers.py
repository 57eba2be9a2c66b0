"""Layers point one way (tui -> domain <- storage), and the domain runs on any
ProgressStore: here one that lives in memory and never touches a disk."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import gonghui_tui
from gonghui_tui.domain.queue import Limits
from gonghui_tui.domain.reading import Reading
from gonghui_tui.domain.session import DrillSession
from gonghui_tui.domain.stats import compute_stats
from gonghui_tui.storage.store import Store

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint_imports(cwd: Path, package_parent: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(cwd / "pyproject.toml")],
        cwd=cwd, capture_output=True, text=True, timeout=120,
        env={"PYTHONPATH": str(package_parent), "PATH": "/usr/bin:/bin"})


def test_import_contracts_hold():
    result = _lint_imports(ROOT, Path(gonghui_tui.__file__).parents[1])
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_domain_module_importing_the_store_breaks_the_build(tmp_path: Path):
    """The contracts bite: the same check fails on a copy whose domain imports storage."""
    src = tmp_path / "src"
    shutil.copytree(Path(gonghui_tui.__file__).parent, src / "gonghui_tui",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    scheduler = src / "gonghui_tui" / "domain" / "scheduler.py"
    scheduler.write_text(scheduler.read_text(encoding="utf-8")
                         + "\nfrom gonghui_tui.storage.store import Store  # noqa\n", encoding="utf-8")
    result = _lint_imports(tmp_path, src)
    assert result.returncode == 1
    assert "gonghui_tui.domain.scheduler -> gonghui_tui.storage.store" in result.stdout


@pytest.fixture
def memory_store():
    store = Store.in_memory()
    yield store
    store.close()


def test_domain_runs_on_an_in_memory_store(course, memory_store, clock, tmp_path):
    beijing = ZoneInfo("Asia/Shanghai")
    session = DrillSession(course, memory_store, clock.now, limits=Limits(new_per_day=5),
                           fuzzing=False, tz=beijing)
    graded = []
    while (card := session.next()) is not None and len(graded) < 5:
        graded.append(card.id)
        session.grade(4)
    reading = Reading(course, memory_store, clock.now)
    first = course.roots[0]
    reading.toggle_read(first)

    stats = compute_stats(course, memory_store, clock.now(), tz=beijing)
    assert stats.reviews_total == 5
    assert stats.cards_by_state["review"] == 5
    assert stats.sections_read == 1
    assert set(memory_store.cards(course.id)) == set(graded)
    assert list(tmp_path.iterdir()) == []  # no file was written, not even a home folder
