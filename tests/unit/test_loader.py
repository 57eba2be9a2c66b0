"""The loader: the bundled course loads whole, and every kind of mistake an
author can make is reported as FILE:LINE:COL: field: message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gonghui_tui.domain.course import CardKind
from gonghui_tui.domain.loader import CourseError, load_course, parse_course
from gonghui_tui.i18n import translator

EN, ZH = translator("en"), translator("zh")

BAD = Path(__file__).parent.parent / "fixtures" / "bad"


def test_bundled_course_has_every_part(course):
    titles = [s.title for s in course.walk()]
    for expected in ["工会干部培训的重要性与新挑战", "课程背景与目的", "工会工作方向与思路", "八个坚持",
                     "工会干部的任务与角色", "工会工作的创新与发展", "不忘初心，跟党走", "总结与展望"]:
        assert any(expected in title for title in titles), expected
    assert course.meta.trainer == "郭英东"
    assert course.meta.duration == "一天"
    assert course.meta.methods == ("讲授", "视频", "案例分析", "问答")
    assert course.meta.source_date.startswith("2025-06-09")


def test_bundled_lists_match_the_seed(course):
    lists = {lst.id: lst for s in course.sections.values() for lst in s.lists}
    assert len(lists["eight-persistences"].items) == 8
    assert len(lists["five-keys"].items) == 6  # the seed lists six under "五个关键"
    assert len(lists["five-integrations"].items) == 4  # and four under "五融入"
    assert [i.text for i in lists["three-union-views"].items] == [
        "身在工会干工会", "跳出工会看工会", "回到工会创工会"]
    assert [i.text for i in lists["family-identities"].items] == ["代言人", "关爱者", "组织者"]
    assert len(lists["loyalty-points"].items) == 3


def _plain(text: str) -> str:
    return text.replace(",", "，").replace(":", "：").replace(" ", "").replace("\n", "")


def test_course_text_comes_from_the_seed(course, seed_text):
    seed = _plain(seed_text)
    for section in course.sections.values():
        for lst in section.lists:
            for item in lst.items:
                assert _plain(item.text) in seed, item.text
                assert _plain(item.detail) in seed, item.detail
        for point in section.key_points:  # "label：quote" or a quote
            assert _plain(point.split("：")[-1]) in seed, point
        for paragraph in section.body.split("\n"):
            if paragraph.strip() and not paragraph.startswith("讲师："):
                assert _plain(paragraph) in seed, paragraph


def test_gaps_of_the_seed_are_marked(course):
    gaps = {s.id for s in course.sections.values() for n in s.notes if n.kind == "gap"}
    assert {"direction-five-keys", "innovation-five", "loyalty-discipline", "overview"} <= gaps
    supplements = [n for s in course.sections.values() for n in s.notes if n.kind == "supplement"]
    assert all(n.text.startswith("补充") and n.source for n in supplements)


def test_no_web_boilerplate(course):
    everything = repr(course)
    for junk in ["免责声明", "填写信息", "本课程名称"]:
        assert junk not in everything


def test_cards_cover_every_kind_and_every_list(course):
    assert len(course.cards) >= 45
    assert {c.kind for c in course.cards} == set(CardKind)
    list_items = {item.text for s in course.sections.values() for lst in s.lists for item in lst.items}
    recalled = {item.text for c in course.cards if c.kind is CardKind.LIST for item in c.items}
    assert list_items <= recalled
    for card in course.cards:
        assert card.section in course.sections


def test_sections_nest_to_any_depth():
    depth = 30
    lines = ['[course]\nid = "deep"\ntitle = "深"\n']
    for i in range(depth):
        parent = f'parent = "s{i - 1}"\n' if i else ""
        lines.append(f'[[sections]]\nid = "s{i}"\ntitle = "第{i}层"\n{parent}')
    course = parse_course("\n".join(lines))
    assert [s.id for s in course.path(f"s{depth - 1}")] == [f"s{i}" for i in range(depth)]


@pytest.mark.parametrize(
    ("name", "line", "field", "words"),
    [
        ("syntax.toml", 5, "(syntax)", "TOML syntax error"),
        ("missing_field.toml", 1, "course", "missing required field 'title'"),
        ("unknown_field.toml", 8, "sections[0].colour", "unknown field"),
        ("wrong_type.toml", 7, "sections[0].title", "must be a string, not an integer"),
        ("duplicate_id.toml", 10, "sections[1].id", "duplicate section id 'a'"),
        ("missing_section.toml", 11, "cards[0].section", "section 'nowhere' does not exist"),
        ("cloze_without_gap.toml", 13, "cards[0].text", "a cloze needs at least one gap"),
        ("choice_answer.toml", 15, "cards[0].answer[0]", "answer '丙' is not among the options"),
        ("empty_list.toml", 12, "sections[0].lists[0].items", "a list needs at least one item"),
        ("bad_utf8.toml", 4, "(file)", "not valid UTF-8"),
    ],
)
def test_each_kind_of_error_is_located(name, line, field, words):
    path = BAD / name
    with pytest.raises(CourseError) as caught:
        load_course(path)
    problem = caught.value.problems[0]
    english, chinese = problem.render(EN), problem.render(ZH)
    assert english.startswith(f"{path}:{line}:{problem.col}: {field}: "), english
    assert words in english
    # the same place in Chinese, and the words after it are Chinese
    place = f"{path}:{line}:{problem.col}: "
    assert chinese.startswith(place) and chinese != english
    assert re.search(r"[\u4e00-\u9fff]", chinese.removeprefix(place)), chinese


def test_every_problem_is_reported_not_just_the_first():
    text = (BAD / "missing_section.toml").read_text() + '\n[[cards]]\nid = "k1"\nsection = "a"\nkind = "odd"\n'
    with pytest.raises(CourseError) as caught:
        parse_course(text, "x.toml")
    messages = [p.render(EN) for p in caught.value.problems]
    assert any("does not exist" in m for m in messages)
    assert any("unknown card kind" in m for m in messages)


def test_missing_file_is_a_course_error(tmp_path):
    with pytest.raises(CourseError) as caught:
        load_course(tmp_path / "nope.toml")
    problem = caught.value.problems[0]
    assert problem.render(EN) == f"{tmp_path / 'nope.toml'}:0:0: (file): cannot read: no such file or folder"
    assert problem.render(ZH) == f"{tmp_path / 'nope.toml'}:0:0: （文件）: 无法读取：文件或目录不存在"


def test_wrong_type_for_format_is_a_course_error():
    # found by the property-based tests: a string where the format number goes
    with pytest.raises(CourseError) as caught:
        parse_course('format = ""\n[course]\nid = "c"\ntitle = "t"\n[[sections]]\nid = "a"\ntitle = "x"\n')
    assert "format: must be an integer" in caught.value.problems[0].render(EN)
