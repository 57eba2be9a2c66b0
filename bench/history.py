"""Build a progress store with a long review history, fast (plain executemany)."""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

from gonghui_tui.domain.course import Course
from gonghui_tui.domain.records import to_ms
from gonghui_tui.storage.store import Store

START = datetime(2025, 1, 1, tzinfo=timezone.utc)


def fill_history(course: Course, path: Path, reviews: int, seed: int = 1) -> Store:
    """``reviews`` reviews spread over the course's cards and a year of days."""
    rng = random.Random(seed)
    store = Store.open(path, START)
    cards = [c.id for c in course.cards]
    with store.transaction() as c:
        for i, card_id in enumerate(cards):
            due = START + timedelta(days=rng.randint(300, 420))
            c.execute(
                "INSERT INTO card_state (course_id, card_id, state, step, stability, difficulty, due_ms, "
                "last_review_ms, reps, lapses) VALUES (?, ?, 2, NULL, ?, ?, ?, ?, ?, ?)",
                (course.id, card_id, rng.uniform(1, 200), rng.uniform(1, 10), to_ms(due),
                 to_ms(due - timedelta(days=10)), 5, rng.randint(0, 3)))
        before = json.dumps({"row_id": 1, "card_id": "x", "state": 2, "step": None, "stability": 3.0,
                             "difficulty": 5.0, "due_ms": 0, "last_review_ms": 0})
        rows = []
        for i in range(reviews):
            moment = START + timedelta(seconds=i * (365 * 86400 // max(reviews, 1)))
            rows.append((course.id, cards[i % len(cards)], rng.choice((1, 3, 3, 3, 4)), to_ms(moment),
                         rng.randint(2000, 20000), 2 if i >= len(cards) else None, before))
        c.executemany("INSERT INTO review_log (course_id, card_id, rating, reviewed_ms, duration_ms, "
                      "state_before, before_json) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    return store
