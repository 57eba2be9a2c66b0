from __future__ import annotations

import gc

import pytest

from gonghui_tui.tui.app import GonghuiApp


@pytest.fixture
def app(course, store, clock) -> GonghuiApp:
    """An unstarted app on the bundled course; each test runs it itself."""
    return GonghuiApp(course=course, store=store, now=clock.now)


@pytest.fixture
def gc_state():
    """The collector as it was after the test: an app with ``idle_work`` changes
    it for the whole process (tui/idle_gc.py, tui/kept_dialogs.py)."""
    threshold = gc.get_threshold()
    yield
    gc.set_threshold(*threshold)
    gc.unfreeze()
