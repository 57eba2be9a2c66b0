from __future__ import annotations

import pytest

from gonghui_tui.tui.app import GonghuiApp


@pytest.fixture
def app(course, store, clock) -> GonghuiApp:
    """An unstarted app on the bundled course; each test runs it itself."""
    return GonghuiApp(course=course, store=store, now=clock.now)
