"""The course as immutable data: sections in a tree of any depth, and cards.

Ids are the author's stable strings; progress is keyed by them, so nothing
here is positional.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum
from typing import AbstractSet, Iterator, KeysView, Mapping


class CardKind(str, Enum):
    BASIC = "basic"
    CLOZE = "cloze"
    LIST = "list"
    CHOICE = "choice"
    TYPED = "typed"


@dataclass(frozen=True)
class ListItem:
    text: str
    detail: str = ""


@dataclass(frozen=True)
class ItemList:
    id: str
    title: str
    items: tuple[ListItem, ...]
    ordered: bool = True


@dataclass(frozen=True)
class SectionNote:
    """A note from the course author: a gap in the source or a supplement."""

    kind: str  # "gap" | "supplement" | "info"
    text: str
    source: str = ""


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    parent: str | None = None
    body: str = ""
    source: str = ""
    key_points: tuple[str, ...] = ()
    lists: tuple[ItemList, ...] = ()
    notes: tuple[SectionNote, ...] = ()


@dataclass(frozen=True)
class Card:
    """One flashcard. Which fields matter depends on ``kind``.

    basic: front/back; cloze: front holds the text with {{gaps}};
    list: front is the prompt, items the answers; choice: front is the
    question, options and answers; typed: front is the prompt, answers the
    accepted strings (first one is shown as the answer). Cards sharing a
    ``group`` are siblings: once one is answered, the others wait for the
    next study day.
    """

    id: str
    section: str
    kind: CardKind
    front: str
    back: str = ""
    items: tuple[ListItem, ...] = ()
    ordered: bool = True
    options: tuple[str, ...] = ()
    answers: tuple[str, ...] = ()
    group: str = ""


@dataclass(frozen=True)
class CourseMeta:
    subtitle: str = ""
    source_date: str = ""
    trainer: str = ""
    provider: str = ""
    duration: str = ""
    methods: tuple[str, ...] = ()
    source: str = ""


@dataclass(frozen=True)
class CourseIds:
    """What checking an export needs of a course: its id and its cards' and sections' ids.
    ``import`` loads only this (from its own cache entry), not the whole course."""

    id: str
    card_ids: AbstractSet[str]
    section_ids: AbstractSet[str]

    def portable(self) -> CourseIds:
        """The same ids as plain sets (a course's own views cannot be pickled)."""
        return CourseIds(self.id, frozenset(self.card_ids), frozenset(self.section_ids))


@dataclass(frozen=True)
class Course:
    id: str
    title: str
    meta: CourseMeta
    sections: Mapping[str, Section]  # in file order
    cards: tuple[Card, ...]
    _children: Mapping[str | None, tuple[str, ...]] = field(repr=False, default_factory=dict)
    _cards_by_section: Mapping[str, tuple[Card, ...]] = field(repr=False, default_factory=dict)
    _card_index: Mapping[str, Card] = field(repr=False, default_factory=dict)
    # every card id in course order (depth-first, as cards_under gives them)
    _order: tuple[str, ...] = field(repr=False, default=())

    @classmethod
    def build(
        cls, id: str, title: str, meta: CourseMeta, sections: list[Section], cards: list[Card]
    ) -> Course:
        children: dict[str | None, list[str]] = {}
        for section in sections:
            children.setdefault(section.parent, []).append(section.id)
        by_section: dict[str, list[Card]] = {}
        for card in cards:
            by_section.setdefault(card.section, []).append(card)
        course = cls(
            id=id,
            title=title,
            meta=meta,
            sections={s.id: s for s in sections},
            cards=tuple(cards),
            _children={k: tuple(v) for k, v in children.items()},
            _cards_by_section={k: tuple(v) for k, v in by_section.items()},
            _card_index={c.id: c for c in cards},
        )
        # Once per course (and cached with it): a drill puts the few cards it
        # needs in course order without walking 20,000 cards each time it opens.
        return replace(course, _order=tuple(c.id for c in course.cards_under(None)))

    @property
    def roots(self) -> tuple[str, ...]:
        return self._children.get(None, ())

    def children(self, section_id: str | None) -> tuple[str, ...]:
        return self._children.get(section_id, ())

    def path(self, section_id: str) -> list[Section]:
        """Sections from the top level down to ``section_id``."""
        chain: list[Section] = []
        current: str | None = section_id
        while current is not None:
            section = self.sections[current]
            chain.append(section)
            current = section.parent
        return chain[::-1]

    def walk(self, section_id: str | None = None) -> Iterator[Section]:
        """Depth-first, in course order; the start section itself is included."""
        stack = list(reversed(self.children(None))) if section_id is None else [section_id]
        while stack:
            current = stack.pop()
            yield self.sections[current]
            stack.extend(reversed(self.children(current)))

    def cards_in(self, section_id: str) -> tuple[Card, ...]:
        """Cards attached to this section only."""
        return self._cards_by_section.get(section_id, ())

    def cards_under(self, section_id: str | None) -> list[Card]:
        """Cards of this section and every section below it, in course order."""
        if section_id is None:
            return [c for s in self.walk() for c in self.cards_in(s.id)]
        return [c for s in self.walk(section_id) for c in self.cards_in(s.id)]

    def card(self, card_id: str) -> Card | None:
        return self._card_index.get(card_id)

    def card_ids(self) -> KeysView[str]:
        """Every card's id, as a set-like view (``ids - studied`` is done in C)."""
        return self._card_index.keys()

    def ids(self) -> CourseIds:
        """The course's ids, as views of its own mappings (nothing is copied)."""
        return CourseIds(self.id, self._card_index.keys(), self.sections.keys())

    def ordered_ids(self) -> tuple[str, ...]:
        """Every card's id in course order."""
        return self._order
