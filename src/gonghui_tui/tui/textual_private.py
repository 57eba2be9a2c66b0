"""The one place that uses Textual's private API, where nothing public does the job.

Textual 8.2 offers no public way to
- give one widget its own binding descriptions (each node copies its class's
  bindings into ``_bindings`` at construction; we translate that copy),
- fit the header's title in whole characters (the header's parts live in
  ``textual.widgets._header``),
- compose and mount a screen before it is first shown (``App._register``,
  what ``push_screen`` does for a screen it has never run).

tests/tui/test_textual_private.py checks each of these against the installed
Textual, so an upgrade that changes them fails there, by name, instead of
somewhere in the UI.
"""

from __future__ import annotations

from textual.app import App
from textual.binding import BindingsMap
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets._header import HeaderClockSpace, HeaderIcon, HeaderTitle

__all__ = ["HeaderClockSpace", "HeaderIcon", "HeaderTitle", "compose_offstage", "fresh_bindings"]


def fresh_bindings(node: DOMNode) -> BindingsMap:
    """The node's own bindings, reset to a fresh copy of its class's bindings.

    What Textual does in ``DOMNode.__init__``; done again so the copy can be
    translated anew when the language changes.
    """
    merged = type(node)._merged_bindings
    node._bindings = BindingsMap() if merged is None else merged.copy()
    return node._bindings


def compose_offstage(app: App, screen: Screen) -> None:
    """Start ``screen`` (installed, not on the stack): it composes and mounts its
    widgets now, so its first ``push_screen`` only lays it out and draws it.

    What ``App._get_screen`` does for a screen pushed the first time.
    """
    if not screen.is_running:
        app._register(app, screen)
