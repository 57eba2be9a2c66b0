"""Shared fixtures: every test gets its own data and config folders."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from gonghui_tui.domain.course import Course
from gonghui_tui.domain.loader import load_course
from gonghui_tui.i18n import set_language
from gonghui_tui.paths import bundled_course
from gonghui_tui.storage.store import Store

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("GONGHUI_TUI_HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    # The interface language follows the locale when nothing else chooses it:
    # a neutral one, so tests get the default (Chinese) whatever the machine says.
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    set_language("zh")
    return home


FROZEN_NOW = datetime(2026, 3, 2, 1, 30, tzinfo=timezone.utc)  # 09:30 in Beijing


@pytest.fixture
def clock():
    """A clock the test moves by hand: clock.now(), clock.advance(hours=...)."""
    return Clock(FROZEN_NOW)


class Clock:
    def __init__(self, start: datetime) -> None:
        self.current = start

    def now(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> datetime:
        self.current += timedelta(**delta)
        return self.current


@pytest.fixture
def store(tmp_path: Path, clock) -> Store:
    store = Store.open(tmp_path / "data" / "progress.sqlite3", clock.now())
    yield store
    store.close()


@pytest.fixture(scope="session")
def course() -> Course:
    return load_course(bundled_course())


@pytest.fixture(scope="session")
def plain_course(course: Course) -> Course:
    """The bundled course without its card groups: for rules that are not about siblings."""
    return Course.build(course.id, course.title, course.meta, list(course.sections.values()),
                        [replace(card, group="") for card in course.cards])


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (FIXTURES / "seed.txt").read_text(encoding="utf-8")
