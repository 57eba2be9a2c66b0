"""Checking a review log for lost updates: each review must start from the
card as the previous review left it."""

from __future__ import annotations

import json


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
