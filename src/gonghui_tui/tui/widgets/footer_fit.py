"""Which keys fit on the footer, and with which labels, in terminal cells.

A Chinese character takes two cells. A label is shown whole, or in its short
form from the catalogue, or not at all; a lower priority key never takes the
place of a higher one; the palette key keeps its place on the right.
"""

from __future__ import annotations

from rich.cells import cell_len

from gonghui_tui.i18n import short_label

# Cells a key takes beyond its key and label: " k " and "label ".
KEY_EXTRA = 3
# Room kept for the palette key beyond its key and label. It takes 3 (a divider,
# the space between, one cell of padding); 2 more keep the other keys off it.
PALETTE_EXTRA = KEY_EXTRA + 2


def key_cells(key_display: str, description: str) -> int:
    return cell_len(key_display) + cell_len(description) + KEY_EXTRA


def fit_labels(items: list[tuple[str, str]], palette: tuple[str, str] | None,
               width: int) -> tuple[list[tuple[int, str]], str | None]:
    """Which keys to show and with which label, so everything fits ``width`` cells.

    ``items`` are (key display, label) in priority order: the first matter
    most. Returns (index, label) pairs and the palette key's label (None when
    it is left out). Labels are whole: full, the short form, or dropped. When
    not every key fits, the palette key shows its short form ("^p 命令"), and
    only its key when otherwise no other key would fit.
    """
    if palette is None:
        return _fit(items, width), None
    tried: list[tuple[list[tuple[int, str]], str]] = []
    for label in dict.fromkeys((palette[1], short_label(palette[1]), "")):
        cells = cell_len(palette[0]) + cell_len(label) + PALETTE_EXTRA
        if cells > width:
            continue
        shown = _fit(items, width - cells)
        if len(shown) == len(items) or (label == "" and not tried) or (shown and label != palette[1]):
            return shown, label
        tried.append((shown, label))
    return tried[-1] if tried else ([], None)


def _fit(items: list[tuple[str, str]], width: int) -> list[tuple[int, str]]:
    shown: list[tuple[int, str]] = []
    for index, (key, label) in enumerate(items):
        for choice in dict.fromkeys((label, short_label(label))):
            cells = key_cells(key, choice)
            if cells <= width:
                shown.append((index, choice))
                width -= cells
                break
        else:
            break  # a lower priority key never takes the place of a higher one
    return shown
