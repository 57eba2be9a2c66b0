"""Textual's own icons, replaced by ones every CJK monospace font has.

Textual draws U+2B58 (a heavy circle) in the header and U+1F50E (a magnifying
glass) in the command palette; Noto Sans Mono CJK (the usual Chinese terminal
font) has neither, so they showed as missing-glyph boxes. tests/unit/test_glyphs.py checks every symbol the app
draws against that font.
"""

from __future__ import annotations

from textual.command import CommandPalette, SearchIcon

from gonghui_tui.i18n import t
from gonghui_tui.tui.textual_private import NoMatchesIn

HEADER_ICON = "≡"
SEARCH_ICON = "›"
# Key names Textual shows as symbols the font lacks or draws too wide (U+23CE for Enter).
KEY_DISPLAY = {"\u23ce": "Enter"}


def key_display(shown: str) -> str:
    """Textual's name for a key in the footer, with a symbol the font has."""
    return KEY_DISPLAY.get(shown, shown)


class Palette(NoMatchesIn, CommandPalette):
    """The command palette with a search icon the font has, and "no matches" said
    in the interface language."""

    def no_matches(self) -> str:
        return t("cmd.no_matches")

    def on_mount(self) -> None:
        icon = self.query_one(SearchIcon)
        icon.icon = SEARCH_ICON
        icon.refresh()
