"""The one sanitiser for untrusted text on its way to a terminal.

Course files, notes, imported exports, file paths and TOML keys can hold
bytes that a terminal obeys instead of showing: ESC starts sequences that
set the clipboard (OSC 52), retitle the window or wipe the screen; C1
controls do the same on some terminals; bidi overrides and isolates reorder
what the reader sees (Trojan Source). Everything the program draws or prints
from such a source passes :func:`safe` first, which shows each of them as a
visible character instead: C0 controls as their Unicode control pictures
(ESC as ``␛``), DEL as ``␡``, C1 controls and bidi controls as ``�``.

Newline and tab are kept (they are how multi-line text is written) unless
``one_line`` asks for them too, for a path or key inside a one-line message.
The loader refuses all of these in a course file (:func:`first_control`
finds them), so this only ever changes text that arrived some other way.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
# Embeddings and overrides (LRE RLE PDF LRO RLO) and isolates (LRI RLI FSI PDI).
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def _table(one_line: bool) -> dict[int, str]:
    table = {code: chr(0x2400 + code) for code in range(0x20)}  # ␀ … ␟, ESC -> ␛
    table[0x7F] = "\u2421"  # ␡
    table.update({code: REPLACEMENT for code in range(0x80, 0xA0)})
    table.update({ord(ch): REPLACEMENT for ch in BIDI_CONTROLS})
    if not one_line:
        del table[ord("\n")], table[ord("\t")]
    return table


_MULTI_LINE = _table(one_line=False)
_ONE_LINE = _table(one_line=True)
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + BIDI_CONTROLS + "]")


def safe(text: object, one_line: bool = False) -> str:
    """``text`` (or ``str(text)``) with every terminal control shown as a visible character."""
    return str(text).translate(_ONE_LINE if one_line else _MULTI_LINE)


def first_control(text: str) -> int | None:
    """Index of the first character :func:`safe` would change (newline and tab are fine), or None."""
    match = _UNSAFE.search(text)
    return None if match is None else match.start()


def describe(char: str) -> str:
    """``U+001B (␛)``: how a message names a control character."""
    return f"U+{ord(char):04X} ({safe(char, one_line=True)})"
