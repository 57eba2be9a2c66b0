"""The card face without any UI: every kind, step by step, and the keys that
mean something at each step."""

from __future__ import annotations

import random

from gonghui_tui.domain.course import Card, CardKind, ListItem
from gonghui_tui.domain.face import Act, CardFace, Mark

BASIC = Card("b", "s", CardKind.BASIC, "问？", back="答。")
CLOZE = Card("c", "s", CardKind.CLOZE, "坚持{{甲}}和{{乙}}")
LIST = Card("l", "s", CardKind.LIST, "说出三项",
            items=(ListItem("一", "解释一"), ListItem("二"), ListItem("三")))
ONE = Card("o", "s", CardKind.CHOICE, "选一个", options=("对", "错甲", "错乙"), answers=("对",))
MANY = Card("m", "s", CardKind.CHOICE, "选多个", options=("甲", "乙", "丙", "丁", "戊"),
            answers=("甲", "乙", "丙"))
TYPED = Card("t", "s", CardKind.TYPED, "讲师是谁？", answers=("郭英东", "郭老师"))

AFTER = {Act.GRADE, Act.ACCEPT, Act.BURY, Act.SUSPEND}


def face(card: Card) -> CardFace:
    return CardFace.for_card(card, random.Random(7))


def position(f: CardFace, text: str) -> int:
    return [o.text for o in f.options()].index(text)


def test_basic_and_cloze_reveal_then_grade_with_good_suggested():
    for card in (BASIC, CLOZE):
        f = face(card)
        assert f.actions == {Act.REVEAL, Act.BURY, Act.SUSPEND}
        shown = f.reveal()
        assert shown.revealed and not f.revealed  # a new face; the old one is unchanged
        assert shown.actions == AFTER
        assert shown.suggested is None and shown.default_grade == 3


def test_list_uncovers_one_item_at_a_time_and_reveal_shows_the_rest():
    f = face(LIST)
    assert f.items_shown == 0 and Act.NEXT_ITEM in f.actions
    f = f.next_item()
    assert f.items_shown == 1 and not f.revealed
    f = f.next_item()
    assert f.items_shown == 2 and Act.NEXT_ITEM not in f.actions  # the last one is the answer
    assert f.next_item().revealed and f.next_item().items_shown == 3
    assert face(LIST).next_item().reveal().items_shown == 3


def test_single_choice_pick_shows_the_result_and_suggests_a_grade():
    f = face(ONE)
    assert f.actions == {Act.REVEAL, Act.PICK, Act.SUSPEND}  # b picks, so it does not bury
    right = f.pick(position(f, "对"))
    assert right.revealed and right.suggested == 3
    wrong = f.pick(position(f, "错甲"))
    assert wrong.revealed and wrong.suggested == 1
    marks = {o.text: o.mark for o in wrong.options()}
    assert marks == {"对": Mark.MISSED, "错甲": Mark.WRONG, "错乙": Mark.NEITHER}
    assert not f.can_pick(3) and f.pick(3) is f


def test_several_answers_toggle_then_submit_in_four_states():
    f = face(MANY)
    for text in ("甲", "乙", "丁", "乙"):  # 乙 picked, then taken back
        f = f.pick(position(f, text))
    assert not f.revealed and Act.SUBMIT in f.actions
    assert {o.text for o in f.options() if o.mark is Mark.CHOSEN} == {"甲", "丁"}
    done = f.submit()
    assert done.suggested == 1
    marks = {o.text: o.mark for o in done.options()}
    assert marks == {"甲": Mark.RIGHT, "丁": Mark.WRONG, "乙": Mark.MISSED, "丙": Mark.MISSED,
                     "戊": Mark.NEITHER}
    exact = face(MANY)
    for text in ("甲", "乙", "丙"):
        exact = exact.pick(position(exact, text))
    assert exact.submit().suggested == 3


def test_choice_without_a_pick_only_reveals():
    f = face(MANY)
    assert Act.SUBMIT not in f.actions
    shown = f.submit()
    assert shown.revealed and shown.suggested is None
    assert {o.mark for o in shown.options()} == {Mark.MISSED, Mark.NEITHER}


def test_typed_answer_is_compared_and_the_grade_follows_the_similarity():
    f = face(TYPED)
    assert f.actions == {Act.SUBMIT, Act.BURY, Act.SUSPEND}  # no reveal without an answer
    exact = f.submit("郭英东")
    assert exact.comparison.exact and exact.suggested == 3
    close = f.submit("郭东")
    assert close.suggested == 2
    assert [tag for _, tag in close.comparison.expected_runs] == ["ok", "missing", "ok"]
    assert f.submit("").suggested == 1
    assert f.submit("郭老师").suggested == 3  # any accepted answer
    assert exact.submit("别的") is exact  # once shown, the answer stays


def test_option_order_is_shuffled_but_reproducible():
    first = CardFace.for_card(MANY, random.Random(3)).order
    assert first == CardFace.for_card(MANY, random.Random(3)).order
    assert sorted(first) == list(range(5))
