"""Scheduling and the study queue over simulated days, with a frozen clock
and fuzzing off (FROZEN_NOW is 09:30 in Beijing)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from fsrs import State

from gonghui_tui.domain.queue import Limits, due_summary
from gonghui_tui.domain.scheduler import LEECH_LAPSES, study_day, study_day_start
from gonghui_tui.domain.session import DrillSession

BEIJING = ZoneInfo("Asia/Shanghai")


def session(course, store, clock, **kw) -> DrillSession:
    kw.setdefault("limits", Limits(new_per_day=20, reviews_per_day=200))
    return DrillSession(course, store, clock.now, fuzzing=False, tz=BEIJING, **kw)


def drain(s: DrillSession, rating: int = 3) -> list[str]:
    seen = []
    while (card := s.next()) is not None:
        seen.append(card.id)
        s.grade(rating)
    return seen


def test_day_rolls_over_at_4am_local():
    before = datetime(2026, 3, 2, 19, 59, tzinfo=timezone.utc)  # 03:59 on 3 March in Beijing
    after = before + timedelta(minutes=1)
    assert study_day(before, BEIJING).isoformat() == "2026-03-02"
    assert study_day(after, BEIJING).isoformat() == "2026-03-03"
    assert study_day_start(after, BEIJING) == after


def test_new_card_limit_holds_and_resets_at_4am(plain_course, store, clock):
    first = session(plain_course, store, clock)
    assert len(first.queue) == 20
    assert list(first.queue) == [c.id for c in plain_course.cards_under(None)][:20]  # course order
    drain(first, rating=4)  # Easy: straight to review, nothing left for today
    assert store.count_reviews(plain_course.id, 0, new_only=True) == 20
    assert len(session(plain_course, store, clock).queue) == 0
    clock.current = datetime(2026, 3, 2, 19, 59, tzinfo=timezone.utc)  # 03:59 next morning
    assert len(session(plain_course, store, clock).queue) == 0
    clock.advance(minutes=1)  # 04:00: a new study day
    s = session(plain_course, store, clock)
    assert len(s.queue) == 20
    assert not set(s.queue) & {r.card_id for r in store.reviews(plain_course.id)}


def test_reviews_come_first_oldest_due_first_then_new(plain_course, store, clock):
    s = session(plain_course, store, clock, limits=Limits(new_per_day=3))
    first_three = drain(s, rating=4)
    clock.advance(days=30)
    s = session(plain_course, store, clock, limits=Limits(new_per_day=3))
    order = list(s.queue)
    assert order[:3] == first_three  # due reviews, same due time, then new cards
    assert order[3:] == [c.id for c in plain_course.cards_under(None)][3:6]
    dues = [store.card(plain_course.id, cid).due_ms for cid in order[:3]]
    assert dues == sorted(dues)


def test_review_cap_holds(plain_course, store, clock):
    drain(session(plain_course, store, clock, limits=Limits(new_per_day=50, reviews_per_day=500)), rating=4)
    clock.advance(days=60)
    s = session(plain_course, store, clock, limits=Limits(new_per_day=20, reviews_per_day=7))
    assert len(s.queue) == 7


def test_learning_steps_come_back_in_the_same_session(course, store, clock):
    s = session(course, store, clock, section_id="overview")  # one card
    card = s.next()
    s.grade(1)  # Again: back in a minute
    assert s.next() is card  # learn-ahead: nothing else to do, so it comes back
    assert store.card(course.id, card.id).state == State.Learning


def test_eight_lapses_make_a_leech(course, store, clock):
    s = session(course, store, clock, section_id="overview")
    card = s.next()
    s.grade(4)
    for lapse in range(1, LEECH_LAPSES + 1):
        clock.advance(days=400)
        s = session(course, store, clock, section_id="overview")
        assert s.next() is not None
        s.grade(1)  # lapse
        while (again := s.next()) is not None:  # relearn
            clock.advance(minutes=15)
            s.grade(3)
        record = store.card(course.id, card.id)
        assert record.lapses == lapse
        assert record.leech == (lapse >= LEECH_LAPSES)


def test_undo_restores_state_and_log_exactly(course, store, clock):
    s = session(course, store, clock)
    a = s.next()
    s.grade(3)
    clock.advance(minutes=2)
    b = s.next()
    s.bury()  # give b a stored state first, so "exactly" compares real rows
    s.undo()
    before_b = store.card(course.id, b.id)
    assert before_b is not None and before_b.state == 0 and not before_b.buried_until_ms
    log_before = store.reviews(course.id)
    s.grade(1)
    assert store.card(course.id, b.id) != before_b
    assert s.undo() is b
    assert store.card(course.id, b.id) == before_b
    assert store.reviews(course.id) == log_before
    assert s.next() is b and s.done == 1
    s.undo()
    assert s.next() is a
    record = store.card(course.id, a.id)
    assert (record.state, record.reps, record.stability, record.last_review_ms) == (0, 0, None, None)
    assert store.reviews(course.id) == []


def test_bury_until_tomorrow_and_suspend_until_unsuspended(plain_course, store, clock):
    s = session(plain_course, store, clock, section_id="direction-eight")
    buried, suspended = s.next(), None
    s.bury()
    suspended = s.next()
    s.suspend()
    assert buried.id not in s.queue and suspended.id not in s.queue
    again = session(plain_course, store, clock, section_id="direction-eight")
    assert buried.id not in again.queue and suspended.id not in again.queue
    clock.advance(days=1)
    tomorrow = session(plain_course, store, clock, section_id="direction-eight")
    assert buried.id in tomorrow.queue and suspended.id not in tomorrow.queue
    assert store.card(plain_course.id, suspended.id).suspended


def test_cram_changes_nothing(course, store, clock):
    s = session(course, store, clock, section_id="direction-eight", cram=True)
    assert len(s.queue) == 10
    seen = drain(s, rating=3)
    assert len(seen) == 10
    assert store.reviews(course.id) == [] and store.cards(course.id) == {}


def test_cram_again_comes_back_last_and_undo_takes_it_back(course, store, clock):
    s = session(course, store, clock, section_id="direction-eight", cram=True)
    first = s.next()
    s.grade(1)  # Again: shown once more at the end
    assert s.queue[-1] == first.id and s.left == 10
    second = s.next()
    s.grade(3)
    assert s.undo() is second and s.next() is second
    assert s.undo() is first
    assert first.id not in s.queue and s.left == 10
    assert drain(s, rating=3)[0] == first.id and s.done == 10


def test_due_summary_counts_overall_and_per_top_section(plain_course, store, clock):
    drain(session(plain_course, store, clock, limits=Limits(new_per_day=5)), rating=4)
    summary = due_summary(plain_course, store, clock.now(), Limits(new_per_day=20), tz=BEIJING)
    assert (summary.due, summary.new, summary.reviewed_today) == (0, 15, 5)
    clock.advance(days=30)
    summary = due_summary(plain_course, store, clock.now(), Limits(new_per_day=20), tz=BEIJING)
    assert summary.due == 5 and summary.reviewed_today == 0 and summary.new == 20
    assert sum(sec["due"] for sec in summary.sections.values()) == 5


def test_mastery_retrievability_agrees_with_fsrs_per_card(plain_course, store, clock):
    """The dashboard reuses one fsrs Card for 20,000 cards; it must give what
    fsrs gives for each card on its own."""
    from gonghui_tui.domain.scheduler import make_scheduler, retrievabilities, retrievability

    s = session(plain_course, store, clock, limits=Limits(new_per_day=50, reviews_per_day=200))
    for i, card in enumerate(iter(s.next, None)):
        s.grade((1, 2, 3, 4)[i % 4])
        clock.advance(minutes=7)
    clock.advance(days=9)
    records = list(store.cards(plain_course.id).values())
    scheduler = make_scheduler(0.9, fuzzing=False)
    expected = [retrievability(scheduler, r, clock.now()) for r in records]
    assert retrievabilities(scheduler, records, clock.now()) == expected
    assert len(set(expected)) >= 3 and all(0 < r < 1 for r in expected)
