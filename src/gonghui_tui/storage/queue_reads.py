"""What the drill's queue reads: by index, never every card's record.

A drill of 20,000 studied cards takes about 200 of them today. These reads
cost what the queue takes (due cards in due order, read in pages and left
as soon as the day's reviews are full) plus one string of the studied
cards' ids, never a ``CardRecord`` per card.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Iterator

from gonghui_tui.domain.records import CardState

_PAGE = 256  # due rows fetched at a time


class QueueReads:
    """Mixed into ``Store``: the queue reads of the domain's ``ProgressStore``."""

    conn: sqlite3.Connection

    def due_cards(self, course_id: str, now_ms: int, state: int,
                  card_ids: list[str] | None = None) -> Iterator[tuple[str, int]]:
        """(card id, due ms) of the cards in ``state`` due by ``now_ms`` that are
        neither suspended nor buried, oldest due first (ties by id), along the
        card_state_queue index. ``card_ids``: only these cards (a section)."""
        sql = ("SELECT card_id, due_ms FROM card_state WHERE course_id = ? AND state = ? AND due_ms <= ? "
               "AND suspended = 0 AND (buried_until_ms IS NULL OR buried_until_ms <= ?)")
        params: tuple = (course_id, state, now_ms, now_ms)
        if card_ids is not None:
            sql += " AND card_id IN (SELECT value FROM json_each(?))"
            params += (json.dumps(card_ids),)
        cursor = self.conn.execute(sql + " ORDER BY due_ms, card_id", params)
        try:
            while rows := cursor.fetchmany(_PAGE):
                yield from rows
        finally:
            cursor.close()

    def not_new_ids(self, course_id: str, now_ms: int) -> set[str]:
        """Ids of the cards that are no new cards to show now: studied, or new but
        suspended or buried. The studied ones come as one string built by SQLite
        from card_state_queue (a covering index): no Python row per card."""
        studied = self.conn.execute(
            "SELECT group_concat(card_id, char(31)) FROM card_state WHERE course_id = ? AND state > ?",
            (course_id, CardState.NEW)).fetchone()[0]
        ids = set(studied.split("\x1f")) if studied else set()
        ids.update(row[0] for row in self.conn.execute(
            "SELECT card_id FROM card_state WHERE course_id = ? AND state = ? "
            "AND (suspended != 0 OR buried_until_ms > ?)", (course_id, CardState.NEW, now_ms)))
        return ids

    def reviewed_since(self, course_id: str, since_ms: int) -> set[str]:
        """Ids of the cards reviewed since ``since_ms`` (today's part of the log)."""
        return {row[0] for row in self.conn.execute(
            "SELECT card_id FROM review_log INDEXED BY review_log_time "
            "WHERE course_id = ? AND reviewed_ms >= ?", (course_id, since_ms))}

    def suspended_ids(self, course_id: str) -> set[str]:
        return {row[0] for row in self.conn.execute(
            "SELECT card_id FROM card_state WHERE course_id = ? AND suspended != 0", (course_id,))}

    def next_due(self, course_id: str, card_ids: list[str] | None = None) -> int | None:
        """The earliest due time of the studied, unsuspended cards (of ``card_ids``)."""
        sql = "SELECT due_ms FROM card_state WHERE course_id = ? AND state = ? AND suspended = 0"
        extra: tuple = ()
        if card_ids is not None:
            sql += " AND card_id IN (SELECT value FROM json_each(?))"
            extra = (json.dumps(card_ids),)
        found = [row[0] for state in (CardState.LEARNING, CardState.REVIEW, CardState.RELEARNING)
                 for row in self.conn.execute(sql + " ORDER BY due_ms LIMIT 1", (course_id, state, *extra))]
        return min(found, default=None)
