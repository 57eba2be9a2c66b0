"""Full garbage collections in idle time, never inside a key (issue 18.3).

Python starts a full collection on its own after every tenth collection of
the middle generation: in a session at course L with 1,000,000 reviews that
was every four or five screen openings, and each walked every object the
session had made (100-300 ms), inside whatever key was being handled. Those
pauses were the p99 of every screen's first frame (500-700 ms against
first openings of 70-190 ms).

``collect_when_idle`` turns the automatic full collection into a last
resort (``FULL_AFTER`` middle collections) and runs it instead once the
user has left the keyboard and mouse alone for ``IDLE_S``. The two younger
generations are collected as before; they cost a few milliseconds.

``keep_for_session`` freezes what the session has built so far out of the
collector (``gc.freeze``, as ``gonghui-tui`` does once before its first
screen). It is called when the search index has loaded and when the kept
dialogs are composed: they stay for the session, and a full collection no
longer walks them.
"""

from __future__ import annotations

import gc
from time import monotonic

from textual import events
from textual.app import App

IDLE_S = 1.5  # no key, click or scroll for this long: the user is reading or thinking
CHECK_S = 0.5
DUE_AFTER = 10  # middle-generation collections since the last full one: Python's own threshold
FULL_AFTER = 1_000  # ... and the last resort, for a session that is never idle


class IdleCollection:
    """Mixin for the App: call ``collect_when_idle()`` once the first screen is up."""

    _last_input: float = 0.0

    def collect_when_idle(self) -> None:
        app: App = self  # type: ignore[assignment]
        young, middle, _ = gc.get_threshold()
        gc.set_threshold(young, middle, FULL_AFTER)
        self._last_input = monotonic()
        app.set_interval(CHECK_S, self._collect_if_idle)

    def _collect_if_idle(self) -> None:
        if gc.get_count()[2] >= DUE_AFTER and monotonic() - self._last_input >= IDLE_S:
            gc.collect()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self._last_input = monotonic()
        await super().on_event(event)  # type: ignore[misc]


def keep_for_session() -> None:
    """What exists now stays for the session: no full collection walks it again."""
    gc.freeze()
