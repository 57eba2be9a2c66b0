"""Full garbage collections wait until the user is idle (issue 18.3, tui/idle_gc.py):
one inside a key stalled it for 100-300 ms at course L with 1,000,000 reviews."""

from __future__ import annotations

import gc
from time import monotonic

import pytest

from gonghui_tui.storage.settings import Settings
from gonghui_tui.tui import idle_gc, kept_dialogs
from gonghui_tui.tui.app import GonghuiApp


@pytest.fixture
def full_collections():
    started: list[float] = []

    def note(phase: str, info: dict) -> None:
        if phase == "start" and info["generation"] == 2:
            started.append(monotonic())

    gc.callbacks.append(note)
    yield started
    gc.callbacks.remove(note)


async def test_full_collections_wait_until_the_user_is_idle(course, store, clock, monkeypatch, gc_state,
                                                            full_collections):
    monkeypatch.setattr(idle_gc, "IDLE_S", 1.0)
    monkeypatch.setattr(idle_gc, "CHECK_S", 0.05)
    monkeypatch.setattr(idle_gc, "DUE_AFTER", 0)  # due at once: only idleness holds it back
    monkeypatch.setattr(kept_dialogs, "WARM_AFTER_S", 60)  # not this test's business
    app = GonghuiApp(course=course, store=store, now=clock.now, settings=Settings(trainee_asked=True),
                     idle_work=True)
    async with app.run_test(size=(80, 24)) as pilot:
        assert gc.get_threshold()[2] == idle_gc.FULL_AFTER  # Python no longer starts them every tenth time
        await pilot.press("down")
        full_collections.clear()
        for _ in range(12):  # a key every ~0.05 s for ~0.6 s: never idle
            await pilot.press("down" if _ % 2 else "up")
            await pilot.pause(0.05)
        busy_until = monotonic()
        assert full_collections == []
        await pilot.pause(1.6)
        assert full_collections and full_collections[0] >= busy_until + 0.8  # 1 s after the last key
