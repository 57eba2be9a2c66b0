"""Related cards (issue 16.1): cards of one ``group`` are siblings; once one
is answered, the others wait for the next study day (Anki's "bury
siblings") in the normal drill, and cram ignores groups. Simulated days
with a frozen clock: FROZEN_NOW is 09:30 in Beijing, days roll over at 4 a.m.
"""

from __future__ import annotations

from gonghui_tui.cli import main
from gonghui_tui.domain.course import CardKind
from gonghui_tui.domain.queue import Limits, due_summary
from tests.unit.test_scheduler import BEIJING, drain, session

LIST_CARD = "eight-list"  # 按原文顺序说出“八个坚持”


def siblings_of(course, card_id: str) -> set[str]:
    group = course.card(card_id).group
    return {c.id for c in course.cards if c.group == group} - {card_id}


def test_each_list_card_shares_a_group_with_the_cards_on_its_items(course):
    assert {"eight-1", "eight-2", "eight-3", "eight-8", "eight-root-task"} <= siblings_of(course, LIST_CARD)
    assert "direction-first-part" in siblings_of(course, LIST_CARD)  # its answer is the list's name
    assert {"roles-inside", "roles-return"} <= siblings_of(course, "roles-list")
    assert {"innovation-reform", "innovation-nation"} <= siblings_of(course, "innovation-list")
    assert {"loyalty-center", "loyalty-democracy"} <= siblings_of(course, "loyalty-list")
    explained = {c.section for c in course.cards if c.kind is not CardKind.LIST and c.group}
    for card in course.cards:  # every list whose items other cards ask about
        if card.kind is CardKind.LIST and card.section in explained:
            assert card.group, card.id


def test_once_the_list_card_is_answered_its_siblings_wait_for_the_next_day(course, store, clock):
    group = siblings_of(course, LIST_CARD)
    s = session(course, store, clock, section_id="direction-eight")
    assert s.queue == [LIST_CARD]  # the list card, not the eleven cards that repeat its items
    assert set(drain(s, rating=3)) == {LIST_CARD}  # Good: it comes back in its steps, alone
    whole = session(course, store, clock, limits=Limits(new_per_day=50))
    assert not set(whole.queue) & group
    assert not set(drain(whole)) & group
    clock.advance(days=1)
    tomorrow = session(course, store, clock, limits=Limits(new_per_day=50))
    assert len(set(tomorrow.queue) & (group | {LIST_CARD})) == 1


def test_one_sibling_a_day_until_all_twelve_have_had_their_turn(course, store, clock):
    group = siblings_of(course, LIST_CARD) | {LIST_CARD}
    introduced: list[str] = []
    for day in range(60):
        seen = drain(session(course, store, clock, limits=Limits(new_per_day=50)), rating=3)
        today = set(seen) & group
        assert len(today) <= 1, f"day {day}: {sorted(today)}"
        introduced += sorted(today - set(introduced))
        if len(introduced) == len(group):
            break
        clock.advance(days=1)
    assert set(introduced) == group  # siblings wait, they are never lost
    assert 12 <= day + 1 < 60


def test_learning_steps_of_the_answered_card_still_come_back(course, store, clock):
    s = session(course, store, clock, section_id="direction-eight")
    card = s.next()
    s.grade(1)  # Again: back in a minute
    assert session(course, store, clock, section_id="direction-eight").queue == []  # siblings wait
    clock.advance(minutes=2)
    assert session(course, store, clock, section_id="direction-eight").queue == [card.id]
    assert s.next() is card


def test_cram_ignores_groups(course, store, clock):
    drain(session(course, store, clock, section_id="direction-eight"), rating=4)
    cram = session(course, store, clock, section_id="direction-eight", cram=True)
    assert len(drain(cram)) == len(course.cards_under("direction-eight")) == 10


def test_due_counts_one_card_a_group(course, store, clock):
    summary = due_summary(course, store, clock.now(), Limits(new_per_day=50), tz=BEIJING)
    grouped = {c.group for c in course.cards if c.group}
    ungrouped = sum(1 for c in course.cards if not c.group)
    assert summary.new == ungrouped + len(grouped)
    assert summary.sections["direction"]["new"] == 2  # of 16 cards: 八个坚持 and 五个关键


def test_validate_checks_the_group_field(tmp_path, capsys):
    base = ('[course]\nid = "c"\ntitle = "课程"\n[[sections]]\nid = "a"\ntitle = "第一节"\n'
            '[[cards]]\nid = "k1"\nsection = "a"\nkind = "basic"\nfront = "问"\nback = "答"\n')
    good, bad, wrong = tmp_path / "good.toml", tmp_path / "bad.toml", tmp_path / "wrong.toml"
    good.write_text(base + 'group = "g-1"\n', encoding="utf-8")
    bad.write_text(base + 'group = "两 个"\n', encoding="utf-8")
    wrong.write_text(base + "group = 3\n", encoding="utf-8")
    assert main(["--lang", "en", "validate", str(good)]) == 0
    capsys.readouterr()
    assert main(["--lang", "en", "validate", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:13:" in err and "cards[0].group" in err and "Traceback" not in err
    assert main(["--lang", "en", "validate", str(wrong)]) == 2
    assert "cards[0].group" in capsys.readouterr().err
