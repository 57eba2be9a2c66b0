"""Small display formats shared by the screens and the terminal reports.

The figures themselves (percent, bars, intervals, state names) come from
``domain.figures``; this module adds what needs rich (cell-width cutting)
and the interface's language.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from rich.text import Text

from gonghui_tui.domain.figures import front_line, interval
from gonghui_tui.domain.safe_text import safe
from gonghui_tui.i18n import t


def interval_label(span: timedelta) -> str:
    """'10分钟', '3天', '2.5个月' — the interval a grade button would give."""
    return interval(span, t)


def local_time(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def short(front: str, width: int = 24) -> Text:
    """A card front on one line, cut to ``width`` terminal cells."""
    return ellipsised(Text(safe(front_line(front), one_line=True)), width)


def ellipsis_keep(plain: str, width: int) -> int | None:
    """How many characters of ``plain`` to keep before a "…" so the two fit
    ``width`` cells; None when it fits whole. A wide (CJK) character is kept
    whole or left out, never cut in half (rich pads the half with a space)."""
    from rich.cells import cell_len, get_character_cell_size

    if cell_len(plain) <= width:
        return None
    room, kept = width - 1, 0
    for index, char in enumerate(plain):
        kept += get_character_cell_size(char)
        if kept > room:
            return index
    return len(plain)


def ellipsised(text: Text, width: int) -> Text:
    """``text`` cut to ``width`` cells with a "…" in the style of its last kept character."""
    keep = ellipsis_keep(text.plain, width)
    if keep is None or width < 1:
        return text
    tail = text[max(keep - 1, 0):keep] if keep else Text("…", style=text.style)
    if keep:
        tail.plain = "…"
    return Text.assemble(text[:keep], tail) if keep else tail


class FittedLines:
    """Lines that never wrap: each is cut to the width the table gives it, in
    whole characters, so a narrow column shows "新时代，工会…" rather than a
    front wrapped into pieces and rows holding only "…"."""

    def __init__(self, lines: list[Text], min_width: int = 8) -> None:
        self.lines, self.min_width = lines, min_width

    def __rich_console__(self, console, options):
        for line in self.lines:
            fitted = ellipsised(line, options.max_width)
            fitted.no_wrap = True
            yield fitted

    def __rich_measure__(self, console, options):
        from rich.measure import Measurement

        widest = max((line.cell_len for line in self.lines), default=1)
        return Measurement(min(widest, self.min_width), widest)


def break_path(path: str, width: int) -> str:
    """``path`` on as few lines of ``width`` cells as fit, each break just
    after a separator: a file or folder name is never cut in two (one
    longer than the line is left whole for the terminal to fold)."""
    from rich.cells import cell_len

    parts = re.findall(r"[^/\\]*[/\\]|[^/\\]+$", path)
    lines: list[str] = []
    for part in parts:
        if lines and cell_len(lines[-1] + part) <= width:
            lines[-1] += part
        else:
            lines.append(part)
    return "\n".join(lines)
