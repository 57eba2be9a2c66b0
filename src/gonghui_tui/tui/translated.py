"""Binding descriptions are catalog keys; each widget translates its own copy.

Textual copies the class bindings into every node at construction, so
translating that copy lets one class serve both UI languages.
"""

from __future__ import annotations

import functools
from dataclasses import replace

from textual.dom import DOMNode

from gonghui_tui.i18n import CATALOG, LANGUAGES, language, t
from gonghui_tui.tui.textual_private import fresh_bindings


# Descriptions of bindings that widgets inherit from Textual itself.
TEXTUAL_DESCRIPTIONS = {
    "Scroll Home": "bind.scroll_home",
    "Scroll End": "bind.scroll_end",
    "Page Up": "bind.page_up",
    "Page Down": "bind.page_down",
    "Page Left": "bind.page_left",
    "Page Right": "bind.page_right",
    "Scroll Up": "bind.scroll_up",
    "Scroll Down": "bind.scroll_down",
    "Scroll Left": "bind.scroll_left",
    "Scroll Right": "bind.scroll_right",
    "Cursor to parent": "bind.parent",
    "Cursor to next ancestor": "bind.next_ancestor",
    "Cursor to previous sibling": "bind.prev_sibling",
    "Cursor to next sibling": "bind.next_sibling",
    "Expand or collapse all": "bind.toggle_all",
    "Focus Next": "bind.focus_next",
    "Focus Previous": "bind.focus_previous",
    "Copy selected text": "bind.copy",
    "Cursor up": "bind.cursor_up",
    "Cursor Up": "bind.cursor_up",
    "Cursor down": "bind.cursor_down",
    "Cursor Down": "bind.cursor_down",
    "Cursor left": "bind.cursor_left",
    "Cursor right": "bind.cursor_right",
    "Page up": "bind.page_up",
    "Page down": "bind.page_down",
    "Top": "bind.scroll_home",
    "Bottom": "bind.scroll_end",
    "Select": "bind.choose",
    "Submit": "bind.submit",
}


def shown_description(description: str) -> str | None:
    """What help and the footer show for a binding: its description in the interface
    language, or None (left out) for one of Textual's that the catalogue lacks."""
    catalog_key = TEXTUAL_DESCRIPTIONS.get(description, description)
    if catalog_key in CATALOG:
        return t(catalog_key)
    return description if description in _catalog_texts(language()) else None


@functools.cache
def _catalog_texts(lang: str) -> frozenset[str]:
    index = LANGUAGES.index(lang)
    return frozenset(entry[index] for entry in CATALOG.values())


def translate_bindings(node: DOMNode) -> None:
    """Translate a node's bindings from its class bindings (so it can be redone)."""
    own = fresh_bindings(node)
    for key, bindings in own.key_to_bindings.items():
        translated = []
        for binding in bindings:
            catalog_key = TEXTUAL_DESCRIPTIONS.get(binding.description, binding.description)
            if catalog_key in CATALOG:
                binding = replace(binding, description=t(catalog_key))
            if binding.group is not None and binding.group.description in CATALOG:
                binding = replace(binding, group=replace(binding.group, description=t(binding.group.description)))
            translated.append(binding)
        own.key_to_bindings[key] = translated


class Translated:
    """Mixin for App, Screen and Widget subclasses whose BINDINGS use catalog keys."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        translate_bindings(self)  # type: ignore[arg-type]
