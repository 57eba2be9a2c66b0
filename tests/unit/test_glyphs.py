"""Every symbol the app can draw is in a Chinese monospace font, as wide as rich counts it (issue 15.5).

The characters come from where the app's own text lives: the catalogue and
every string literal in the source (icons, marks, bars, the heatmap's shades).
What Textual draws by itself is checked where it is drawn, by the screen
sweep (tests/tui/test_every_screen_speaks_one_language.py).
"""

from __future__ import annotations

import io
import tokenize
from pathlib import Path

import pytest

import gonghui_tui
from gonghui_tui.i18n import CATALOG
from tests.glyphs import font, glyph_problems

SOURCE = Path(gonghui_tui.__file__).parent

pytestmark = pytest.mark.skipif(font() is None, reason="fonts-noto-cjk is not installed (.ci/run installs it)")


def app_characters() -> set[str]:
    chars = {ch for texts in CATALOG.values() for text in texts for ch in text}
    for path in SOURCE.rglob("*.py"):
        for token in tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline):
            if token.type == tokenize.STRING:
                chars |= set(token.string)
    for path in SOURCE.rglob("*.tcss"):
        chars |= set(path.read_text(encoding="utf-8"))
    return chars


def test_every_symbol_of_the_app_is_in_the_font_and_as_wide_as_rich_says():
    chars = app_characters()
    assert {"√", "≡", "›", "░", "●"} <= chars  # the scan finds the app's symbols
    assert not glyph_problems(chars)


def test_the_check_catches_what_the_font_lacks_or_draws_too_wide():
    problems = glyph_problems({"⭘", "🔎", "✓", "中", "·"})
    assert [p.split(" ")[0] for p in problems] == ["'✓'", "'⭘'", "'🔎'"]
