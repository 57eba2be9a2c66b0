from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from gonghui_tui.tui.app import GonghuiApp


@pytest.fixture
def app(course, store, clock) -> GonghuiApp:
    return GonghuiApp(course=course, store=store, now=clock.now, fuzzing=False,
                      tz=ZoneInfo("Asia/Shanghai"), seed=7)
