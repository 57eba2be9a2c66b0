"""One flashcard on screen, for every card kind.

``Face`` holds what the trainee has done with the card so far (revealed,
list items shown, options picked, answer typed); ``render_face`` turns it
into plain Text. Card text is content, so nothing here parses markup.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from gonghui_tui.domain.cards import BLANK, Comparison, cloze_blank_width, cloze_pieces
from gonghui_tui.domain.course import Card, CardKind
from gonghui_tui.i18n import t

LETTERS = "abcdefghijklmnopqrst"  # at most 20 options, so u (undo) stays free


@dataclass
class Face:
    card: Card
    revealed: bool = False
    shown_items: int = 0  # list cards: how many items are uncovered
    order: list[int] = field(default_factory=list)  # choice cards: shuffled option indices
    picked: set[int] = field(default_factory=set)  # choice cards: positions picked
    comparison: Comparison | None = None  # typed cards: the typed answer, compared
    suggested: int | None = None  # grade suggested from the answer given

    @classmethod
    def for_card(cls, card: Card, rng: random.Random) -> Face:
        order = list(range(len(card.options)))
        rng.shuffle(order)
        return cls(card, order=order)

    @property
    def multiple(self) -> bool:
        return len(self.card.answers) > 1

    def correct_positions(self) -> set[int]:
        return {pos for pos, index in enumerate(self.order)
                if self.card.options[index] in self.card.answers}


def _heading(text: str, style: str = "bold") -> Text:
    return Text(text, style=style)


def _items_table(card: Card, count: int) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    for i, item in enumerate(card.items):
        marker = f"{i + 1}." if card.ordered else "•"
        if i < count:
            text = Text(item.text, style="bold green")
            if item.detail:
                text.append("：" + item.detail, style="default")
        else:
            text = Text("？" * min(6, max(2, len(item.text))), style="dim")
        grid.add_row(Text(marker, style="bold"), text)
    return grid


def _cloze(card: Card, revealed: bool) -> Text:
    text = Text()
    for piece in cloze_pieces(card.front):
        if not piece.gap:
            text.append(piece.text)
        elif revealed:
            text.append(piece.text, style="bold green underline")
        else:
            text.append(BLANK * cloze_blank_width(piece.text), style="bold yellow")
    return text


def _choice(face: Face) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    correct = face.correct_positions()
    for pos, index in enumerate(face.order):
        letter = LETTERS[pos]
        style = ""
        mark = "  "
        if face.revealed:
            if pos in correct:
                style, mark = "bold green", "✓ "
            elif pos in face.picked:
                style, mark = "bold red", "✗ "
        elif pos in face.picked:
            style, mark = "bold reverse", "• "
        grid.add_row(Text(f"{mark}{letter})", style=style or "bold"),
                     Text(face.card.options[index], style=style))
    return grid


def _typed(face: Face) -> RenderableType:
    comparison = face.comparison
    if comparison is None:
        return Text(t("drill.typed_answer", answer=face.card.answers[0]), style="bold green")
    given = Text(t("drill.you_typed"))
    if not comparison.given:
        given.append(t("drill.nothing_typed"), style="dim")
    for run, tag in comparison.given_runs:
        given.append(run, style="green" if tag == "ok" else "bold red strike")
    expected = Text(t("drill.correct_answer"))
    for run, tag in comparison.expected_runs:
        expected.append(run, style="green" if tag == "ok" else "bold yellow underline")
    score = Text(t("drill.similarity", percent=round(comparison.similarity * 100)), style="dim")
    return Group(given, expected, score)


def render_face(face: Face) -> RenderableType:
    """Front, and the answer once revealed, as it should read on screen."""
    card = face.card
    parts: list[RenderableType] = []
    if card.kind is CardKind.CLOZE:
        parts.append(_cloze(card, face.revealed))
    else:
        parts.append(Text(card.front, style="bold"))
    parts.append(Text())
    if card.kind is CardKind.LIST:
        parts.append(_items_table(card, len(card.items) if face.revealed else face.shown_items))
    elif card.kind is CardKind.CHOICE:
        if face.multiple:
            parts.append(Text(t("drill.choose_many"), style="dim"))
        parts.append(_choice(face))
    elif card.kind is CardKind.TYPED and face.revealed:
        parts.append(_typed(face))
    elif card.kind is CardKind.BASIC and face.revealed:
        parts.append(Text(card.back, style="green"))
    if face.revealed and card.back and card.kind in (CardKind.CLOZE, CardKind.CHOICE, CardKind.TYPED):
        parts.extend([Text(), Text(card.back, style="italic")])
    return Group(*parts)
