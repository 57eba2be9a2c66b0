"""The one place that uses Textual's private API, where nothing public does the job.

Textual 8.2 offers no public way to
- give one widget its own binding descriptions (each node copies its class's
  bindings into ``_bindings`` at construction; we translate that copy),
- build the footer's key widget (``FooterKey`` lives in ``textual.widgets._footer``)
  and change one in place (its key, label and action are plain attributes read
  by ``render`` and its click handler; ``_disabled`` is what the click checks),
- tell a Footer subclass that bindings have arrived (``Footer._bindings_ready``),
- fit the header's title in whole characters (the header's parts live in
  ``textual.widgets._header``).

tests/tui/test_textual_private.py checks each of these against the installed
Textual, so an upgrade that changes them fails there, by name, instead of
somewhere in the UI.
"""

from __future__ import annotations

from textual.binding import BindingsMap
from textual.dom import DOMNode
from textual.widgets import Footer
from textual.widgets._footer import FooterKey
from textual.widgets._header import HeaderClockSpace, HeaderIcon, HeaderTitle

__all__ = ["FooterKey", "HeaderClockSpace", "HeaderIcon", "HeaderTitle", "fresh_bindings",
           "footer_bindings_ready", "mark_footer_bindings_ready", "set_footer_key"]


def fresh_bindings(node: DOMNode) -> BindingsMap:
    """The node's own bindings, reset to a fresh copy of its class's bindings.

    What Textual does in ``DOMNode.__init__``; done again so the copy can be
    translated anew when the language changes.
    """
    merged = type(node)._merged_bindings
    node._bindings = BindingsMap() if merged is None else merged.copy()
    return node._bindings


def set_footer_key(widget: FooterKey, key: str, key_display: str, description: str, action: str,
                   disabled: bool, tooltip: str) -> None:
    """Make ``widget`` show another key, as a new ``FooterKey(...)`` with these values
    would; a widget that already shows it is left alone (not drawn again)."""
    if (widget.key, widget.key_display, widget.description, widget.action, widget._disabled) == \
            (key, key_display, description, action, disabled):
        if widget.tooltip != (tooltip or None):
            widget.tooltip = tooltip or None
        return
    resized = (widget.key_display, widget.description) != (key_display, description)
    widget.key, widget.key_display, widget.description, widget.action = key, key_display, description, action
    widget._disabled = disabled
    widget.set_class(disabled, "-disabled")
    widget.tooltip = tooltip or None
    if resized:
        widget.clear_cached_dimensions()  # its width is "auto": measured from what it shows
    widget.refresh(layout=resized)


def footer_bindings_ready(footer: Footer) -> bool:
    return footer._bindings_ready


def mark_footer_bindings_ready(footer: Footer) -> None:
    footer._bindings_ready = True
