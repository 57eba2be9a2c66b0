"""Per-card state as the trainee sees it, and the flags they can change."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from gonghui_tui.domain.course import Card, Course
from gonghui_tui.domain.ports import ProgressStore
from gonghui_tui.domain.records import CardState, from_ms, to_ms


@dataclass(frozen=True)
class CardRow:
    card: Card
    state: str  # new, learning, review, relearning
    due: datetime | None
    suspended: bool
    buried: bool
    leech: bool
    lapses: int


def card_rows(course: Course, store: ProgressStore, section_id: str | None, now: datetime) -> list[CardRow]:
    records = store.cards(course.id)
    rows = []
    for card in course.cards_under(section_id):
        r = records.get(card.id)
        if r is None:
            rows.append(CardRow(card, CardState.NEW.label, None, False, False, False, 0))
            continue
        buried = r.buried_until_ms is not None and r.buried_until_ms > to_ms(now)
        rows.append(CardRow(card, CardState(r.state).label, None if r.state == CardState.NEW else from_ms(r.due_ms),
                            r.suspended, buried, r.leech, r.lapses))
    return rows
