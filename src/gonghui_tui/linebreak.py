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

uniseg is asked only about short normalised pieces (see ``uax14``), and its
answers are kept in ``_known``. The CLI saves them in the cache folder and
loads them at the next start (``storage/linebreak_cache.py``): a start whose
first screen holds no piece new to this machine never imports uniseg (~25 ms
with the ``importlib.metadata`` lookup its package makes) nor asks it
(1-3 ms a piece). For the same reason no regular expression is compiled
here: a class of Han ideographs takes Python 4-8 ms to compile.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from importlib.util import find_spec
from pathlib import Path

from rich._wrap import divide_line as rich_divide_line
from rich.cells import cell_len, chop_cells

# No line starts with these ...
CLOSING = frozenset("，。、；：？！）》」』”’…—〕】〉〗〙〛｝］,.;:?!)]}%")
# ... and none ends with these.
OPENING = frozenset("（《「『“‘〔【〈〖〘〚｛［")
_FIRST_NEEDING_UAX14 = "\u2000"
# What uniseg said about each normalised piece; bounded so that hostile text
# cannot grow it without end (the bundled course and the UI make ~300).
_known: dict[str, bytes] = {}
_MAX_KNOWN = 20_000
_new = 0  # pieces asked since the last ``remember``


def _is_han(ch: str) -> bool:
    """A Han ideograph of the two main blocks (CJK Unified Ideographs and Extension A)."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _normal(ch: str) -> str:
    """The character uniseg is asked about in place of ``ch`` (see ``uax14``)."""
    if _is_han(ch):
        return "一"
    # Box drawing and block elements: all class AL (or AI, which UAX #14 resolves
    # to AL), none pictographic. A progress bar or a chart bar is a new string at
    # every frame; as one character they are the same piece, asked about once.
    if "\u2500" <= ch <= "\u259f":
        return "─"
    # ASCII digits are all class NU: the drill's counts ("已完成 12  新卡 38") were
    # a new piece, and a question to uniseg inside the frame, at every key.
    if "0" <= ch <= "9":
        return "0"
    return ch


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
    han = [_is_han(ch) for ch in text]
    start = 0
    for end in range(1, n + 1):
        if end < n and not (han[end - 1] and han[end]):
            continue
        if end < n:
            marks[end] = 1
        if end - start > 1:
            left = "一" if start else ""
            piece = left + "".join(map(_normal, text[start:end])) + ("一" if end < n else "")
            marks[start + 1:end] = _piece(piece)[len(left) + 1:len(left) + end - start]
        start = end
    return bytes(marks)


def _piece(text: str) -> bytes:
    marks = _known.get(text)
    if marks is None:
        from uniseg.linebreak import line_break_breakables  # only when first needed

        global _new
        marks = bytes(line_break_breakables(text))
        if len(_known) >= _MAX_KNOWN:
            _known.clear()
        _known[text] = marks
        _new += 1
    return marks


def remember(pieces: Mapping[str, bytes]) -> None:
    """Take what uniseg said about these pieces in an earlier run (see ``engine``)."""
    global _new
    for text, marks in list(pieces.items())[:max(0, _MAX_KNOWN - len(_known))]:
        _known.setdefault(text, marks)
    _new = 0


def known() -> dict[str, bytes]:
    """Every piece uniseg was asked about (or that ``remember`` was given)."""
    return dict(_known)


def asked() -> int:
    """How many pieces uniseg was asked about since the last ``remember``."""
    return _new


def engine() -> str:
    """Names the uniseg build answering, without importing it: saved answers are
    used only with the build that gave them (its files' sizes and times)."""
    spec = find_spec("uniseg")
    if spec is None or not spec.submodule_search_locations:
        return "uniseg:none"
    folder = Path(list(spec.submodule_search_locations)[0])
    parts = ["rules:1"]
    for name in ("linebreak.py", "db_lookups.py"):
        try:
            info = (folder / name).stat()
        except OSError:
            return "uniseg:unreadable"
        parts.append(f"{folder / name}:{info.st_size}:{info.st_mtime_ns}")
    return ";".join(parts)


def units(text: str) -> list[str]:
    """The text cut at every break opportunity: the pieces no line break may split."""
    marks = breakables(text)
    cuts = [i for i in range(1, len(text)) if marks[i]]
    return [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)])]


def divide_line(text: str, width: int, fold: bool = True) -> list[int]:
    """Offsets where new lines start so each line fits ``width`` cells (rich's contract)."""
    if not text or max(text) < _FIRST_NEEDING_UAX14:
        return rich_divide_line(text, width, fold)
    # A card's text is wrapped at the same width when it is measured, laid out
    # and drawn: each of those asked for the same offsets again.
    return list(_divide(text, width, fold))


@functools.lru_cache(maxsize=4096)
def _divide(text: str, width: int, fold: bool) -> tuple[int, ...]:
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
    return tuple(offsets)


def wrap(text: str, width: int) -> list[str]:
    """``text`` as lines of at most ``width`` cells, broken by the rules above (for tests and the CLI)."""
    lines: list[str] = []
    for line in text.splitlines() or [""]:
        offsets = divide_line(line, width)
        bounds = zip([0, *offsets], [*offsets, len(line)])
        lines.extend(line[a:b].rstrip() for a, b in bounds)
    return lines
