"""A card's face: what the trainee has done with it and which keys mean what now.

The drill's rules live here, not in the screen: uncovering list items one at
a time, picking choice options, comparing a typed answer, the grade that
answer suggests, and the set of actions that make sense at each moment. A
``CardFace`` never changes; every step returns the next face, so a screen can
hold one value, redraw when it is replaced, and ask ``actions`` which keys
to offer. Nothing here knows about Textual.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from enum import Enum

from gonghui_tui.domain.cards import Comparison, compare_answer, suggested_grade
from gonghui_tui.domain.course import Card, CardKind
from gonghui_tui.domain.records import Rating

LETTERS = "abcdefghijklmnopqrst"  # at most 20 options, so u (undo) stays free


class Act(str, Enum):
    """What a key can do to the face; the screen binds a key to each."""

    NEXT_ITEM = "next_item"  # list cards: uncover one more item
    REVEAL = "reveal"  # show the whole answer
    PICK = "pick"  # choice cards: pick (or, with several answers, toggle) an option
    SUBMIT = "submit"  # choice picks or a typed answer: check them and show the answer
    GRADE = "grade"  # 1-4
    ACCEPT = "accept"  # take the suggested grade
    BURY = "bury"
    SUSPEND = "suspend"


class Mark(str, Enum):
    """How one choice option reads: before the answer, and after it."""

    OPEN = "open"  # not picked yet
    CHOSEN = "chosen"  # picked, answer not shown yet
    RIGHT = "right"  # picked and correct
    WRONG = "wrong"  # picked and not correct
    MISSED = "missed"  # correct but not picked
    NEITHER = "neither"  # neither picked nor correct


@dataclass(frozen=True)
class Option:
    letter: str
    text: str
    mark: Mark


@dataclass(frozen=True, eq=False)  # identity: a new step is a new face, even if equal
class CardFace:
    card: Card
    order: tuple[int, ...] = ()  # choice cards: option indices in the order shown
    revealed: bool = False
    shown_items: int = 0  # list cards: how many items are uncovered
    picked: frozenset[int] = field(default_factory=frozenset)  # positions picked
    comparison: Comparison | None = None  # typed cards: the typed answer, compared
    suggested: Rating | None = None  # grade suggested by the answer given

    @classmethod
    def for_card(cls, card: Card, rng: random.Random) -> CardFace:
        order = list(range(len(card.options)))
        rng.shuffle(order)
        return cls(card, order=tuple(order))

    # -- reading ---------------------------------------------------------------
    @property
    def kind(self) -> CardKind:
        return self.card.kind

    @property
    def multiple(self) -> bool:
        """A choice card with several right answers: letters toggle, Enter submits."""
        return len(self.card.answers) > 1

    @property
    def items_shown(self) -> int:
        return len(self.card.items) if self.revealed else self.shown_items

    @property
    def default_grade(self) -> int:
        return self.suggested or Rating.GOOD

    def correct_positions(self) -> frozenset[int]:
        return frozenset(pos for pos, index in enumerate(self.order)
                         if self.card.options[index] in self.card.answers)

    def options(self) -> list[Option]:
        correct = self.correct_positions()
        result = []
        for pos, index in enumerate(self.order):
            picked, right = pos in self.picked, pos in correct
            if not self.revealed:
                mark = Mark.CHOSEN if picked else Mark.OPEN
            elif picked:
                mark = Mark.RIGHT if right else Mark.WRONG
            else:
                mark = Mark.MISSED if right else Mark.NEITHER
            result.append(Option(LETTERS[pos], self.card.options[index], mark))
        return result

    @property
    def actions(self) -> frozenset[Act]:
        """The actions that mean something now; every other key is inactive."""
        if self.revealed:
            return frozenset({Act.GRADE, Act.ACCEPT, Act.BURY, Act.SUSPEND})
        acts = {Act.SUSPEND}
        kind = self.card.kind
        if kind is CardKind.TYPED:
            acts.add(Act.SUBMIT)
        else:
            acts.add(Act.REVEAL)
        if kind is CardKind.LIST and self.shown_items < len(self.card.items) - 1:
            acts.add(Act.NEXT_ITEM)
        if kind is CardKind.CHOICE:
            acts.add(Act.PICK)  # and b picks option b, so no bury before the answer
            if self.picked:
                acts.add(Act.SUBMIT)
        else:
            acts.add(Act.BURY)
        return frozenset(acts)

    def can_pick(self, position: int) -> bool:
        return Act.PICK in self.actions and 0 <= position < len(self.order)

    # -- steps: each returns the next face ------------------------------------------
    def next_item(self) -> CardFace:
        if Act.NEXT_ITEM not in self.actions:
            return self.reveal()
        return replace(self, shown_items=self.shown_items + 1)

    def reveal(self) -> CardFace:
        if self.revealed:
            return self
        return replace(self, revealed=True)

    def pick(self, position: int) -> CardFace:
        """Pick an option: one answer shows the result at once; several toggle."""
        if not self.can_pick(position):
            return self
        if self.multiple:
            return replace(self, picked=self.picked ^ {position})
        return replace(self, picked=frozenset({position})).submit()

    def submit(self, typed: str = "") -> CardFace:
        """Check what was given (choice picks, or ``typed`` for a typed card) and reveal."""
        if self.revealed:
            return self
        if self.card.kind is CardKind.TYPED:
            comparison = compare_answer(typed, self.card.answers)
            return replace(self, revealed=True, comparison=comparison,
                           suggested=suggested_grade(comparison.similarity))
        if self.card.kind is CardKind.CHOICE and self.picked:
            right = self.picked == self.correct_positions()
            return replace(self, revealed=True, suggested=Rating.GOOD if right else Rating.AGAIN)
        return self.reveal()
