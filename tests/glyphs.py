"""Is a character drawable by a Chinese terminal font, as wide as rich counts it? (issue 15.5)

The font is Noto Sans Mono CJK SC from Debian's fonts-noto-cjk (.ci/run
installs it), read with fontTools. A character passes when the font has it and
- rich counts it two cells and the glyph is full width (1000 units), or
- rich counts it one cell and the glyph is at most half width (500 units), or it
  is East Asian Ambiguous (terminals give those one cell by default, as rich
  does; Noto draws them full width and the terminal fits them into the cell), or
  it is box drawing or a block element (U+2500-U+259F: terminals draw these
  themselves, whatever the font).
"""

from __future__ import annotations

import functools
import glob
import unicodedata

from rich.cells import cell_len

FONT_FILES = "/usr/share/fonts/**/NotoSansCJK-Regular.ttc"
FACE = "Noto Sans Mono CJK SC"
# The sanitiser's marks for control characters in untrusted text (␛ for ESC, ␡, �):
# drawn only when an import, a note or a path carries a control character (the
# loader refuses them in a course). No CJK monospace font has the control
# pictures; they are kept because they say which control it was (docs/i18n.md).
SANITISER_MARKS = frozenset(chr(0x2400 + code) for code in range(0x20)) | {"\u2421", "\ufffd"}


@functools.cache
def font() -> tuple[dict[int, str], object] | None:
    """(cmap, hmtx) of the font, or None when it is not installed."""
    try:
        from fontTools.ttLib import TTCollection
    except ImportError:
        return None
    for path in glob.glob(FONT_FILES, recursive=True):
        for face in TTCollection(path, lazy=True).fonts:
            if face["name"].getDebugName(4) == FACE:
                return face.getBestCmap(), face["hmtx"]
    return None


def glyph_problems(chars: set[str]) -> list[str]:
    """What is wrong with each character (empty: every one is fine)."""
    cmap, hmtx = font()  # type: ignore[misc]
    problems = []
    for ch in sorted(chars):
        if ord(ch) < 0x80 or ch in SANITISER_MARKS or ch.isspace():
            continue
        glyph = cmap.get(ord(ch))
        name = f"{ch!r} U+{ord(ch):04X} {unicodedata.name(ch, '?')}"
        if glyph is None:
            problems.append(f"{name}: not in {FACE}")
            continue
        advance, cells = hmtx[glyph][0], cell_len(ch)
        if cells == 2 and advance == 1000:
            continue
        if cells == 1 and (advance <= 500 or unicodedata.east_asian_width(ch) == "A"
                           or 0x2500 <= ord(ch) <= 0x259F):
            continue
        problems.append(f"{name}: rich counts {cells} cell(s), the glyph is {advance}/1000 wide")
    return problems
