from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from gonghui_tui.tui.app import GonghuiApp


@pytest.fixture
def app(plain_course, store, clock) -> GonghuiApp:
    # Without card groups, so a section's cards follow each other in the drill pictures
    # (siblings waiting for the next day are tested in tests/unit/test_siblings.py).
    return GonghuiApp(course=plain_course, store=store, now=clock.now, fuzzing=False,
                      tz=ZoneInfo("Asia/Shanghai"), seed=7)
