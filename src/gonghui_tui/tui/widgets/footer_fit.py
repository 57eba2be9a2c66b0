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
# The palette key's cells beyond its key and label: the divider, the space
# between, one cell of padding (it is drawn compact: "▏^p 命令 ").
PALETTE_EXTRA = 3


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
    """Each key whole where it fits, else in its short form; a key also takes its short
    form when only that leaves room for the next key (a long label took the room of
    the answer's grades)."""
    shown: list[tuple[int, str]] = []
    for index, (key, label) in enumerate(items):
        choices = [choice for choice in dict.fromkeys((label, short_label(label)))
                   if key_cells(key, choice) <= width]
        if not choices:
            break  # a lower priority key never takes the place of a higher one
        choice = choices[0]
        if len(choices) > 1 and index + 1 < len(items):
            room = width - key_cells(key, choice)
            after = min(key_cells(items[index + 1][0], c)
                        for c in (items[index + 1][1], short_label(items[index + 1][1])))
            if after > room and after <= width - key_cells(key, choices[1]):
                choice = choices[1]
        shown.append((index, choice))
        width -= key_cells(key, choice)
    return shown
