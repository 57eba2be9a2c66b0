"""Where a line of text may break: UAX #14 (uniseg) adjusted for Chinese (禁则).

UAX #14 already keeps most Chinese punctuation with its neighbour, but it
allows a few breaks that Chinese typography forbids (before a dash or an
ellipsis, around quotation marks next to spaces). The adjustment is one rule:
never break before a closing mark or after an opening one.

``divide_line`` has the signature and meaning of rich's (the one function
rich's Text and Textual's Content wrap with), so ``tui.wrap_adapter`` can put
it in their place. Break opportunities do not depend on the width, so they
are computed once per distinct text and cached; text without any character
from U+2000 up takes rich's own word wrapping unchanged.
"""

from __future__ import annotations

import functools
import re

from rich._wrap import divide_line as rich_divide_line
from rich.cells import cell_len, chop_cells

# No line starts with these ...
CLOSING = frozenset("，。、；：？！）》」』”’…—〕】〉〗〙〛｝］,.;:?!)]}%")
# ... and none ends with these.
OPENING = frozenset("（《「『“‘〔【〈〖〘〚｛［")
_NEEDS_UAX14 = re.compile(r"[\u2000-\U0010ffff]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
# Box drawing and block elements: all class AL (or AI, which UAX #14 resolves to
# AL), none pictographic. A progress bar or a chart bar is a new string at every
# frame; as one character they are the same piece for uniseg, cached once.
_BOX = re.compile(r"[\u2500-\u259f]")


@functools.lru_cache(maxsize=8192)
def breakables(text: str) -> bytes:
    """1 where a line may start before that position, else 0 (one byte per character)."""
    marks = bytearray(uax14(text))
    last = ""  # the last character before i that is not a space: "“ 一" keeps “ with 一 too
    for i in range(1, len(text)):
        if not text[i - 1].isspace():
            last = text[i - 1]
        if marks[i] and (text[i] in CLOSING or last in OPENING):
            marks[i] = 0
    if marks:
        marks[0] = 0
    return bytes(marks)


def uax14(text: str) -> bytes:
    """uniseg's UAX #14 break opportunities for ``text``, computed piecewise.

    uniseg is exact but slow (~0.1-0.4 ms a character), and a drill shows new
    text on every key. Between two Han ideographs UAX #14 always allows a
    break (LB31; no rule looks across an ideograph), so the text is cut there
    and uniseg runs only on the pieces between, each with its neighbouring
    ideographs. Every Han ideograph has the same line-breaking properties
    (class ID, wide, not pictographic), so they are all replaced by 一 and
    the pieces repeat: "一，一", "一“一"; box-drawing and block characters
    likewise become ─ (a ProgressBar's pulse took ~100 ms a frame in uniseg).
    tests/unit/test_linebreak.py checks the result equals uniseg's on the whole text.
    """
    n = len(text)
    marks = bytearray(n)
    han = [bool(_HAN.match(ch)) for ch in text]
    start = 0
    for end in range(1, n + 1):
        if end < n and not (han[end - 1] and han[end]):
            continue
        if end < n:
            marks[end] = 1
        if end - start > 1:
            left = "一" if start else ""
            piece = left + _BOX.sub("─", _HAN.sub("一", text[start:end])) + ("一" if end < n else "")
            marks[start + 1:end] = _piece(piece)[len(left) + 1:len(left) + end - start]
        start = end
    return bytes(marks)


@functools.lru_cache(maxsize=4096)
def _piece(text: str) -> bytes:
    from uniseg.linebreak import line_break_breakables  # 70 ms to import: only when first needed

    return bytes(line_break_breakables(text))


def units(text: str) -> list[str]:
    """The text cut at every break opportunity: the pieces no line break may split."""
    marks = breakables(text)
    cuts = [i for i in range(1, len(text)) if marks[i]]
    return [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)])]


def divide_line(text: str, width: int, fold: bool = True) -> list[int]:
    """Offsets where new lines start so each line fits ``width`` cells (rich's contract)."""
    if not _NEEDS_UAX14.search(text):
        return rich_divide_line(text, width, fold)
    offsets: list[int] = []
    used = 0
    start = 0
    for unit in units(text):
        length = cell_len(unit.rstrip())
        if used + length <= width:
            used += cell_len(unit)
        elif length > width:
            # A piece wider than a whole line: fold it (or crop it) like rich does.
            if start and used:
                offsets.append(start)
            if fold:
                pieces = chop_cells(unit, width)
                position = start
                for piece in pieces[:-1]:
                    position += len(piece)
                    offsets.append(position)
                used = cell_len(pieces[-1])
            else:
                used = cell_len(unit)
        else:
            if start:
                offsets.append(start)
            used = cell_len(unit)
        start += len(unit)
    return offsets


def wrap(text: str, width: int) -> list[str]:
    """``text`` as lines of at most ``width`` cells, broken by the rules above (for tests and the CLI)."""
    lines: list[str] = []
    for line in text.splitlines() or [""]:
        offsets = divide_line(line, width)
        bounds = zip([0, *offsets], [*offsets, len(line)])
        lines.extend(line[a:b].rstrip() for a, b in bounds)
    return lines
