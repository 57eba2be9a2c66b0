"""Two instances grading the same cards: each grade schedules from the card as
stored at that moment, never from the copy its session loaded at the start."""

from __future__ import annotations

import json

from gonghui_tui.domain.session import DrillSession
from gonghui_tui.storage.store import Store


def log_of(store, course_id):
    rows = store.conn.execute("SELECT card_id, reviewed_ms, before_json FROM review_log WHERE course_id = ? "
                              "ORDER BY id", (course_id,)).fetchall()
    per_card: dict[str, list[tuple[int, dict]]] = {}
    for card_id, reviewed_ms, before in rows:
        per_card.setdefault(card_id, []).append((reviewed_ms, json.loads(before)))
    return per_card


def assert_each_review_follows_the_last(store, course_id):
    """reps equals the log rows, and each before_json is the previous review's result."""
    cards = store.cards(course_id)
    for card_id, log in log_of(store, course_id).items():
        assert cards[card_id].reps == len(log), card_id
        for n, (reviewed_ms, before) in enumerate(log):
            assert before["reps"] == n, (card_id, n)
            if n:
                assert before["last_review_ms"] == log[n - 1][0] and before["state"] != 0, (card_id, n)


def test_two_sessions_alternating_on_the_same_cards_lose_nothing(tmp_path, course, clock):
    db = tmp_path / "progress.sqlite3"
    first, second = Store.open(db, clock.now()), Store.open(db, clock.now())
    a = DrillSession(course, first, clock.now, fuzzing=False)
    b = DrillSession(course, second, clock.now, fuzzing=False)
    graded = 0
    for _ in range(5):
        for session, rating in ((a, 4), (b, 3)):  # both show the same card; A grades it first
            card = session.next()
            assert card is not None
            session.grade(rating)
            graded += 1
            clock.advance(minutes=1)
    assert graded == 10
    assert_each_review_follows_the_last(first, course.id)
    assert set(log_of(first, course.id)) and all(len(v) == 2 for v in log_of(first, course.id).values())
    first.close()
    second.close()
