"""The card browser's rules: rows, cloze shown as text, filters, sorts, flags."""

from __future__ import annotations

from datetime import timedelta

from gonghui_tui.domain.browser import browser_rows, card_line, select, set_flag
from gonghui_tui.domain.session import DrillSession


def test_cloze_reads_as_text_with_the_gaps_marked(course):
    line, gaps = card_line(course.card("eight-5"))
    assert "{{" not in line and line.startswith("坚持弘扬［劳模精神］、［劳动精神］、［工匠精神］：")
    assert [line[a:b] for a, b in gaps] == ["劳模精神", "劳动精神", "工匠精神"]


def test_filters_by_state_kind_and_flags(course, store, clock):
    session = DrillSession(course, store, clock.now, section_id="summary", fuzzing=False)
    first = session.next().id
    session.grade(3)
    rows = browser_rows(course, store, None, clock.now())
    assert len(rows) == len(course.cards)
    learning = select(rows, state="learning")
    assert [r.card.id for r in learning] == [first]
    assert len(select(rows, state="new")) == len(course.cards) - 1
    assert {r.card.kind.value for r in select(rows, kind="cloze")} == {"cloze"}
    row = next(r for r in rows if r.card.id == "eight-5")
    set_flag(course, store, row, "suspended", True, clock.now())
    set_flag(course, store, next(r for r in rows if r.card.id == "eight-6"), "buried", True, clock.now())
    rows = browser_rows(course, store, None, clock.now())
    assert [r.card.id for r in select(rows, state="suspended")] == ["eight-5"]
    assert [r.card.id for r in select(rows, state="buried")] == ["eight-6"]
    clock.advance(days=1)  # buried until the next study day only
    assert select(browser_rows(course, store, None, clock.now()), state="buried") == []
    assert store.card(course.id, "eight-5").suspended


def test_sorts_by_due_and_lapses_and_keeps_course_order_otherwise(course, store, clock):
    session = DrillSession(course, store, clock.now, section_id="summary", fuzzing=False)
    graded = []
    while (item := session.next()) is not None and len(graded) < 3:
        graded.append(item.id)
        session.grade(4 if len(graded) == 1 else 1)  # Easy: due in days; Again: due in minutes
    rows = browser_rows(course, store, "summary", clock.now())
    assert [r.order for r in select(rows)] == sorted(r.order for r in rows)
    by_due = select(rows, sort="due")
    assert by_due[-1].due is None or by_due[0].due <= by_due[1].due
    studied = [r for r in by_due if r.due is not None]
    assert studied[-1].card.id == graded[0]  # the Easy card is due last
    assert all(r.due is None for r in by_due[len(studied):])
    clock.advance(minutes=20)
    store_rows = browser_rows(course, store, "summary", clock.now())
    assert select(store_rows, sort="lapses")[0].lapses >= select(store_rows, sort="lapses")[-1].lapses


def test_search_hits_restrict_the_rows(course, store, clock):
    from gonghui_tui.domain.search import SearchIndex

    index = SearchIndex(course, {})
    rows = browser_rows(course, store, None, clock.now())
    def says(card) -> bool:
        return any("劳模精神" in text for text in (card.front, card.back, *card.answers, *card.options,
                                                  *(i.text for i in card.items)))

    expected = {c.id for c in course.cards if says(c)}
    assert {"eight-5", "eight-list"} <= expected
    for query in ("劳模精神", "lmjs", "laomojingshen"):
        assert {r.card.id for r in select(rows, card_ids=index.card_ids(query))} == expected, query
    assert index.card_ids("  ") is None
