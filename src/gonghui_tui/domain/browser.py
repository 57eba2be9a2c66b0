"""The card browser's rules, without Textual: one row per card with what the
trainee needs to see (kind, state, due, flags, the card as one line of text),
and the filters, sorts and flag changes the browser screen offers.

Rows for 20,000 cards are built from one read of the card states; filtering
and sorting are list operations over them, so each key in the browser stays
well under a frame.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from typing import Iterable

from gonghui_tui.domain.cards import cloze_pieces
from gonghui_tui.domain.course import Card, CardKind, Course
from gonghui_tui.domain.scheduler import new_record, next_day_start
from gonghui_tui.domain.ports import ProgressStore
from gonghui_tui.domain.records import CardState, from_ms, to_ms

STATE_FILTERS = ("all", "new", "learning", "review", "suspended", "leech", "buried")
KIND_FILTERS = ("all", *(k.value for k in CardKind))
SORTS = ("course", "due", "lapses")
GAP_OPEN, GAP_CLOSE = "［", "］"


@dataclass(frozen=True)
class BrowserRow:
    order: int  # position in the course
    card: Card
    text: str  # the card on one line; cloze gaps between GAP_OPEN and GAP_CLOSE
    gaps: tuple[tuple[int, int], ...]  # (start, end) of each gap's answer in ``text``
    state: str  # new, learning, review, relearning
    due: datetime | None
    suspended: bool
    buried: bool
    leech: bool
    lapses: int


def card_line(card: Card) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A card's question as one line of plain text; a cloze shows its gaps'
    answers between brackets, so the browser reads like the course."""
    if card.kind is not CardKind.CLOZE:
        return " ".join(card.front.split()), ()
    out, gaps, pos = [], [], 0
    for piece in cloze_pieces(card.front):
        text = " ".join(piece.text.split()) if not piece.gap else piece.text.strip()
        if piece.gap:
            out.append(GAP_OPEN)
            pos += len(GAP_OPEN)
            gaps.append((pos, pos + len(text)))
            out.append(text)
            pos += len(text)
            out.append(GAP_CLOSE)
            pos += len(GAP_CLOSE)
        else:
            out.append(text)
            pos += len(text)
    return "".join(out), tuple(gaps)


def browser_rows(course: Course, store: ProgressStore, section_id: str | None, now: datetime) -> list[BrowserRow]:
    """Every card under ``section_id`` (None: the whole course), in course order."""
    records = store.cards(course.id)
    now_ms = to_ms(now)
    rows = []
    for order, card in enumerate(course.cards_under(section_id)):
        text, gaps = card_line(card)
        r = records.get(card.id)
        if r is None:
            rows.append(BrowserRow(order, card, text, gaps, "new", None, False, False, False, 0))
            continue
        buried = r.buried_until_ms is not None and r.buried_until_ms > now_ms
        rows.append(BrowserRow(order, card, text, gaps, CardState(r.state).label,
                               None if r.state == CardState.NEW else from_ms(r.due_ms),
                               r.suspended, buried, r.leech, r.lapses))
    return rows


def _keeps(row: BrowserRow, state: str) -> bool:
    if state == "all":
        return True
    if state in ("suspended", "leech", "buried"):
        return getattr(row, state)
    if state == "learning":
        return row.state in ("learning", "relearning")
    return row.state == state


def select(rows: Iterable[BrowserRow], state: str = "all", kind: str = "all", sort: str = "course",
           card_ids: set[str] | None = None) -> list[BrowserRow]:
    """The rows a filter keeps, in the chosen order. ``card_ids``: a search's hits."""
    kept = [r for r in rows if _keeps(r, state) and (kind == "all" or r.card.kind.value == kind)
            and (card_ids is None or r.card.id in card_ids)]
    if sort == "due":  # soonest first; cards never studied last, in course order
        kept.sort(key=lambda r: (r.due is None, r.due or datetime.min, r.order))
    elif sort == "lapses":
        kept.sort(key=lambda r: (-r.lapses, r.order))
    return kept


def next_choice(choices: tuple[str, ...], current: str) -> str:
    return choices[(choices.index(current) + 1) % len(choices)]


def set_flag(course: Course, store: ProgressStore, row: BrowserRow, flag: str, on: bool, now: datetime,
             tz: tzinfo | None = None) -> BrowserRow:
    """Suspend / unsuspend or bury (until the next study day) / unbury one card;
    the row as it is now."""
    row_id = store.ensure_card(course.id, row.card.id, to_ms(now))
    record = store.card(course.id, row.card.id) or new_record(row_id, row.card.id, now)
    if flag == "suspended":
        record = replace(record, suspended=on)
    elif flag == "buried":
        record = replace(record, buried_until_ms=to_ms(next_day_start(now, tz)) if on else None)
    else:
        raise ValueError(flag)
    store.update_card(course.id, record)
    return replace(row, **{flag: on})
