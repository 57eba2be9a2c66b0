"""The drill's queue is read from the store by index (issue 18.3), cram leaves
suspended cards out (16.4), and `due` figures add up (16.6).

The queue must be the one the old way gave (every record loaded, every card
walked): a reference built that way is compared with it over random progress.
"""

from __future__ import annotations

import random
import re

import pytest

from gonghui_tui.domain.queue import Limits, Queue, build_queue, due_summary, today_counts
from gonghui_tui.domain.records import CardState, to_ms
from gonghui_tui.domain.session import DrillSession
from tests.unit.test_scheduler import BEIJING, drain, session
from tests.unit.sql_trace import traced


def _progress(course, store, clock, seed: int) -> None:
    """Random card states: new, learning, review, relearning; due past and future;
    some suspended or buried; one row for a card no longer in the course."""
    rng = random.Random(seed)
    now = to_ms(clock.now())
    rows = []
    for card in course.cards:
        if rng.random() < 0.3:
            continue  # never studied: no row at all
        state = rng.choice(list(CardState))
        due = now + rng.randint(-5, 5) * 3_600_000 + rng.randint(0, 999)
        buried = now + 3_600_000 if rng.random() < 0.1 else (now - 1 if rng.random() < 0.1 else None)
        rows.append((course.id, card.id, state, due, int(rng.random() < 0.1), buried))
    rows.append((course.id, "gone-from-the-course", CardState.REVIEW, now - 10, 0, None))
    with store.transaction() as c:
        c.executemany("INSERT INTO card_state (course_id, card_id, state, due_ms, suspended, buried_until_ms) "
                      "VALUES (?, ?, ?, ?, ?, ?)", rows)


def _reference(course, store, now, limits, today, section_id) -> Queue:
    """The queue as main built it before 18.3: every record, every card."""
    records, now_ms = store.cards(course.id), to_ms(now)
    reviews, learning, new = [], [], []
    for card in course.cards_under(section_id):
        r = records.get(card.id)
        if r is not None and (r.suspended or (r.buried_until_ms or 0) > now_ms):
            continue
        if r is None or r.state == CardState.NEW:
            new.append(card.id)
        elif r.due_ms <= now_ms:
            (learning if r.state == CardState.LEARNING else reviews).append((r.due_ms, card.id))
    review_room = max(0, limits.reviews_per_day - today.reviewed)
    new_room = max(0, min(limits.new_per_day - today.new_started, review_room))
    learning = [c for _, c in sorted(learning)]
    taken = {course.card(c).group for c in learning}  # no reviews today in these tests

    def one_a_group(card_ids, room):
        kept = []
        for card_id in card_ids:
            group = course.card(card_id).group
            if group and group in taken:
                continue
            taken.add(group)
            kept.append(card_id)
        return kept[:room]

    reviews = one_a_group([c for _, c in sorted(reviews)], review_room)
    return Queue(reviews, learning, one_a_group(new, new_room))


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("section_id", [None, "direction", "direction-eight"])
def test_the_queue_is_the_one_every_record_gave(course, store, clock, seed, section_id):
    _progress(course, store, clock, seed)
    limits = Limits(new_per_day=random.Random(seed).choice((3, 20)), reviews_per_day=(6, 200)[seed % 2])
    today = today_counts(store, course.id, clock.now(), BEIJING)
    got = build_queue(course, store, clock.now(), limits, today, section_id)
    assert got == _reference(course, store, clock.now(), limits, today, section_id)
    assert "gone-from-the-course" not in got.ordered()


def test_opening_a_drill_never_loads_every_card(course, store, clock, monkeypatch):
    drain(session(course, store, clock), rating=3)
    clock.advance(days=3)

    def every_card(course_id):
        raise AssertionError("the drill loaded every card's record")

    monkeypatch.setattr(store, "cards", every_card)
    s = session(course, store, clock)
    assert s.left > 0 and s.next() is not None
    s.grade(3)
    assert s.summary().next_due is not None


def test_a_drill_reads_no_further_than_the_reviews_it_takes(plain_course, store, clock, monkeypatch):
    course = plain_course  # no siblings to skip
    drain(session(course, store, clock, limits=Limits(new_per_day=50)), rating=4)
    clock.advance(days=60)  # all 50 cards due
    read = []
    due_cards = store.due_cards

    def counted(*args, **kwargs):
        for row in due_cards(*args, **kwargs):
            read.append(row)
            yield row

    monkeypatch.setattr(store, "due_cards", counted)
    s = session(course, store, clock, limits=Limits(new_per_day=20, reviews_per_day=7))
    assert len(s.queue) == 7
    assert len(read) <= 7 + 1


def _plans(store, action) -> list[str]:
    details = []
    for sql in traced(store, action):
        if re.match(r"\s*SELECT", sql, re.I) and re.search(r"\b(card_state|review_log)\b", sql):
            details += [row[-1] for row in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}")]
    return details


def _reads_every_card(detail: str) -> bool:
    """A full scan, or a search by course alone that reads each row of the table."""
    if re.match(r"SCAN (card_state|review_log)\b", detail):
        return True
    by_course_only = re.search(r"\(course_id=\?\)$", detail)
    return bool(re.match(r"SEARCH (card_state|review_log)\b", detail) and by_course_only
                and "COVERING" not in detail)


def test_the_drill_reads_card_state_and_review_log_through_indexes(course, store, clock):
    drain(session(course, store, clock, limits=Limits(new_per_day=30)), rating=3)
    clock.advance(days=2)

    def drill():
        s = session(course, store, clock)
        while s.next() is not None and s.done < 3:
            s.grade(3)
        s.summary()

    details = _plans(store, drill)
    assert any("card_state_queue" in d for d in details)
    assert any("review_log_time" in d for d in details)
    assert [d for d in details if _reads_every_card(d)] == []
    assert not any("TEMP B-TREE FOR ORDER BY" in d for d in details)  # due order comes from the index


def test_the_check_catches_what_main_did(course, store, clock):
    """Loading every record (main before 18.3) fails the check above."""
    assert any(_reads_every_card(d) for d in _plans(store, lambda: store.cards(course.id)))


def test_cram_never_shows_a_suspended_card(course, store, clock):
    s = session(course, store, clock, section_id="direction-eight")
    suspended = s.next()
    s.suspend()
    cram = session(course, store, clock, section_id="direction-eight", cram=True)
    assert suspended.id not in cram.queue
    seen = drain(cram)
    assert suspended.id not in seen
    assert len(seen) == len(course.cards_under("direction-eight")) - 1


def test_due_figures_add_up_within_the_days_new_card_limit(course, store, clock):
    limits = Limits(new_per_day=2)
    summary = due_summary(course, store, clock.now(), limits, tz=BEIJING)
    assert summary.new == 2
    assert sum(sec["new"] for sec in summary.sections.values()) == 2
    drain(session(course, store, clock, limits=Limits(new_per_day=9)), rating=4)
    clock.advance(days=30)
    summary = due_summary(course, store, clock.now(), Limits(new_per_day=4, reviews_per_day=6), tz=BEIJING)
    assert (summary.due, summary.new) == (6, 4)
    assert sum(sec["due"] for sec in summary.sections.values()) == 6
    assert sum(sec["new"] for sec in summary.sections.values()) == 4
    drill = DrillSession(course, store, clock.now, limits=Limits(new_per_day=4, reviews_per_day=6),
                         fuzzing=False, tz=BEIJING)
    assert drill.left == summary.due + summary.new  # what `due` promises is what the drill shows

