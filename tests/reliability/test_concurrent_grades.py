"""Two instances grading the same cards: each grade schedules from the card as
stored at that moment, never from the copy its session loaded at the start."""

from __future__ import annotations

from gonghui_tui.domain.scheduler import preview
from gonghui_tui.domain.session import DrillSession
from gonghui_tui.storage.store import Store
from tests.review_chain import assert_each_review_follows_the_last, log_of


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


def test_a_stale_session_shows_and_buries_the_card_as_stored_now(tmp_path, course, clock):
    db = tmp_path / "progress.sqlite3"
    first, second = Store.open(db, clock.now()), Store.open(db, clock.now())
    a = DrillSession(course, first, clock.now, fuzzing=False)
    b = DrillSession(course, second, clock.now, fuzzing=False)  # loaded before A graded anything
    card = a.next()
    a.grade(4)
    graded = first.card(course.id, card.id)
    clock.advance(minutes=1)
    assert b.next() == card
    assert b.intervals() == preview(b.scheduler, graded, clock.now())  # not those of a new card
    b.bury()
    buried = first.card(course.id, card.id)
    assert (buried.reps, buried.stability, buried.due_ms) == (graded.reps, graded.stability, graded.due_ms)
    assert buried.buried_until_ms is not None
    b.undo()
    assert first.card(course.id, card.id) == graded  # the undo takes back the bury, not A's grade
    first.close()
    second.close()
