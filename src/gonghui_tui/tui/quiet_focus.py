"""Screens whose focus changes redraw only the two widgets concerned.

Textual's ``Screen.focused`` is a reactive with the default ``repaint=True``:
every focus change marks the whole screen for repainting, and the next frame
draws every widget again. ``Screen.set_focus`` already restyles the widget
that lost focus and the one that gained it (their ``:focus`` rules), which is
all that changes on screen. In the drill the focus moves to the answer box
and away from it on each typed-answer card; those keys drew the full screen
(20–50 ms) instead of the card alone.

The reactive is the same one, redeclared without the repaint: its watcher
(``Screen._watch_focused``, which refreshes the key bindings) still runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.reactive import Reactive

if TYPE_CHECKING:
    from textual.widget import Widget


class QuietFocus:
    """Mixin for Screen subclasses (put it before Screen among the bases)."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
