"""One flashcard on screen, for every card kind.

``render_face`` draws a domain ``CardFace`` (what the trainee has done with
the card so far) as plain Text. Card text is content, so nothing here parses
markup. Choice options read without colour too: √ picked and right, ×
picked and wrong, ○ right but missed (with a word), blank for the rest.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from gonghui_tui.domain.cards import BLANK, cloze_blank_width, cloze_pieces
from gonghui_tui.domain.course import Card, CardKind
from gonghui_tui.domain.face import CardFace, Mark
from gonghui_tui.i18n import t

# symbol and style of each option state
MARKS: dict[Mark, tuple[str, str]] = {
    Mark.OPEN: (" ", ""),
    Mark.CHOSEN: ("•", "bold reverse"),
    Mark.RIGHT: ("√", "bold green"),
    Mark.WRONG: ("×", "bold red"),
    Mark.MISSED: ("○", "bold yellow"),
    Mark.NEITHER: (" ", "dim"),
}
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
            text = Text(_placeholder(item.text), style="dim")
        grid.add_row(Text(marker, style="bold"), text)
    return grid


def _placeholder(text: str) -> str:
    """What stands for a list item not shown yet."""
    return "？" * min(6, max(2, len(text)))


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


def _choice(face: CardFace) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    for option in face.options():
        symbol, style = MARKS[option.mark]
        text = Text(option.text, style=style)
        if option.mark is Mark.MISSED:
            text.append(" " + t("drill.missed"), style="bold yellow reverse")
        grid.add_row(Text(f"{symbol} {option.letter})", style=style or "bold"), text)
    return grid


def _typed(face: CardFace) -> RenderableType:
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


def shown_texts(card: Card) -> list[str]:
    """The texts ``render_face`` lays out for ``card``: the question, and the answer."""
    texts = [card.front, card.back, *card.options, *card.answers[:1]]
    if card.kind is CardKind.CLOZE:
        texts[0:1] = [_cloze(card, revealed=True).plain, _cloze(card, revealed=False).plain]
    for item in card.items:
        texts += [item.text + ("：" + item.detail if item.detail else ""), _placeholder(item.text)]
    return [text for text in texts if text]


def render_face(face: CardFace) -> RenderableType:
    """Front, and the answer once revealed, as it should read on screen."""
    card = face.card
    parts: list[RenderableType] = []
    if card.kind is CardKind.CLOZE:
        parts.append(_cloze(card, face.revealed))
    else:
        parts.append(Text(card.front, style="bold"))
    parts.append(Text())
    if card.kind is CardKind.LIST:
        parts.append(_items_table(card, face.items_shown))
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
