"""Ratings and card states are named values that match fsrs's numbers, so a
stored 2 means Review to us and to fsrs alike."""

from __future__ import annotations

import fsrs
import pytest

from gonghui_tui.domain.records import CardState, Rating
from gonghui_tui.domain.session import DrillSession


def test_states_and_ratings_keep_fsrs_numbers():
    """Fails loudly if fsrs renumbers its enums: every stored row depends on them."""
    assert {s.name: int(s) for s in fsrs.State} == {
        "Learning": CardState.LEARNING, "Review": CardState.REVIEW, "Relearning": CardState.RELEARNING}
    assert {r.name.upper(): int(r) for r in fsrs.Rating} == {r.name: int(r) for r in Rating}
    assert CardState.NEW == 0 and CardState.NEW not in {int(s) for s in fsrs.State}


def test_grade_outside_one_to_four_is_refused_even_in_cram(course, store, clock):
    session = DrillSession(course, store, clock.now, cram=True, fuzzing=False)
    assert session.next() is not None
    with pytest.raises(ValueError):
        session.grade(5)
    assert session.done == 0
    session.grade(Rating.AGAIN)
    assert session.again == 1


def test_retention_counts_bind_states_and_ratings(course, store, clock):
    """30-day retention counts reviews of cards in review state that were not Again."""
    session = DrillSession(course, store, clock.now, section_id="summary", fuzzing=False)
    while session.next() is not None:
        session.grade(Rating.EASY)  # new -> review
    clock.advance(days=20)
    session = DrillSession(course, store, clock.now, section_id="summary", fuzzing=False)
    grades = iter([Rating.AGAIN, Rating.GOOD, Rating.HARD])
    while (card := session.next()) is not None and session.done < 3:
        session.grade(next(grades))
    assert store.retention_counts(course.id, 0) == (3, 2)


def test_no_rating_or_state_is_written_as_a_bare_number():
    """Python and SQL alike name them (`CardState.NEW`, `rating != ?` bound to
    `Rating.AGAIN`): a bare 0-4 beside a rating or state is a number someone
    must decode."""
    import re
    from pathlib import Path

    import gonghui_tui

    bare = re.compile(r"\b(rating|state|state_before)\s*(==|!=|<>|=|<=|>=|<|>|in|not in)\s*\(?\s*[0-4]\b")
    found = [f"{path.name}:{number}: {line.strip()}"
             for path in Path(gonghui_tui.__file__).parent.rglob("*.py")
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if bare.search(line) and not line.lstrip().startswith("for ")]  # comparisons, not loops
    assert found == []


def test_a_card_record_is_still_a_frozen_dataclass_with_every_field():
    import dataclasses

    from gonghui_tui.domain.records import CardRecord

    record = CardRecord(7, "c", 2, None, 3.0, 5.0, 100, 90, reps=4, leech=True)
    assert dataclasses.asdict(record) == {
        "row_id": 7, "card_id": "c", "state": 2, "step": None, "stability": 3.0, "difficulty": 5.0,
        "due_ms": 100, "last_review_ms": 90, "reps": 4, "lapses": 0, "suspended": False,
        "buried_until_ms": None, "leech": True}
    assert dataclasses.replace(record, reps=5).reps == 5 and record.reps == 4
    assert record == CardRecord(**dataclasses.asdict(record)) and hash(record) == hash(dataclasses.replace(record))
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.reps = 9  # type: ignore[misc]
