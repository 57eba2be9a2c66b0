"""Two of Textual's reactives, redeclared so a change draws only what it changes.

Textual declares both with the defaults (``repaint=True``, and ``layout=True``
for the virtual size). Each redeclaration is the same reactive with less
work attached; its watchers still run.

- ``Screen.focused``: every focus change repainted the whole screen, and the
  next frame drew every widget again. ``Screen.set_focus`` already restyles
  the widget that lost focus and the one that gained it (their ``:focus``
  rules), which is all that changes on screen. In the drill the focus moves
  to the answer box and away from it on each typed-answer card; those keys
  drew the full screen (20-50 ms) instead of the card alone.
- ``Widget.virtual_size``: a layout pass that changes a widget's size sets
  its new virtual size, which asked for a second layout pass and a repaint,
  though the first pass had already placed the widget and draws it at that
  size in the same frame. For a text in a scroll box, and the box itself,
  nothing else reads it: the box's scrollbars follow the virtual size
  through ``show_vertical_scrollbar``, which asks for its own layout when a
  bar appears or goes. Each drill key took two frames (the second 20-30 ms
  after the first); it now takes one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.geometry import Size
from textual.reactive import Reactive

if TYPE_CHECKING:
    from textual.widget import Widget


from gonghui_tui.tui.textual_private import RestyleWhenStale


class QuietFocus(RestyleWhenStale):
    """Mixin for Screen subclasses (put it before Screen among the bases)."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)


class OnePass:
    """Mixin for a text or a scroll box whose size follows its content (put it
    before the widget class among the bases)."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False, repaint=False)
