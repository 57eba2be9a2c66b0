"""Chinese line breaking (禁则) wherever course text wraps (issue 15.4)."""

from __future__ import annotations

import rich.text
import textual.content
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text
from textual.content import Content

from gonghui_tui import linebreak, wrap_adapter
from gonghui_tui.domain.cards import cloze_plain

# The marks the issue names: no line starts with the first, none ends with the second.
NO_START = "，。、；：？！）》」』”’…—"
NO_END = "（《「『“‘"
WIDTHS = range(30, 121)


def bad_lines(lines: list[str]) -> list[str]:
    """Lines that start with a closing mark (after the first) or end with an opening one (before the last)."""
    lines = [line.strip() for line in lines]
    return [line for i, line in enumerate(lines)
            if (i > 0 and line[:1] and line[0] in NO_START) or (i < len(lines) - 1 and line[-1:] and line[-1] in NO_END)]


def course_texts(course) -> list[str]:
    texts = [course.title]
    for section in course.walk():
        texts += [section.title, *section.body.splitlines(), *section.key_points]
        texts += [f"{item.text}：{item.detail}" for lst in section.lists for item in lst.items]
        texts += [note.text for note in section.notes]
    for card in course.cards:
        texts += [cloze_plain(card.front, reveal=True), cloze_plain(card.front, reveal=False), card.back,
                  *card.options, *(item.text for item in card.items), *card.answers]
    return [text for text in texts if text.strip()]


def test_every_section_and_card_of_the_course_wraps_by_the_rules_at_every_width(course):
    texts = course_texts(course)
    assert len(texts) > 150
    found = []
    for width in WIDTHS:
        for text in texts:
            lines = linebreak.wrap(text, width)
            assert all(cell_len(line) <= width for line in lines), (width, text)
            assert "".join(lines).replace(" ", "") == text.replace(" ", ""), (width, text)
            found += [(width, line) for line in bad_lines(lines)]
    assert not found, found[:10]


def test_rich_and_textual_wrap_with_it_once_installed():
    """The adapter's names still exist and the widgets' wrapping goes through them."""
    wrap_adapter.install()
    assert rich.text.divide_line is linebreak.divide_line
    assert textual.content.divide_line is linebreak.divide_line
    text = "各级工会组织要加强对工会干部的培训，以便更好地理解“八个坚持”的要求"
    console = Console(width=36, record=True)
    for width in range(20, 36):
        lines = [line.plain for line in Text(text).wrap(console, width)]
        assert not bad_lines(lines), (width, lines)
        content_lines = [line.plain for line in Content(text).wrap(width)]
        assert not bad_lines(content_lines), (width, content_lines)


HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF)
MARKS = st.sampled_from(list(NO_START + NO_END))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(HAN, HAN, HAN, MARKS, st.just(" ")), min_size=1, max_size=80).map("".join),
       st.integers(min_value=6, max_value=60))
def test_random_chinese_with_punctuation_never_breaks_against_the_rules(text, width):
    lines = linebreak.wrap(text, width)
    assert all(cell_len(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    if all(cell_len(unit.rstrip()) <= width for unit in linebreak.units(text)):
        # Only a piece wider than a whole line (a long run of marks) may be cut anywhere.
        assert not bad_lines(lines), lines


MIXED = st.one_of(HAN, HAN, MARKS, st.sampled_from(list("ab1 2.,-/%$()“”‘’'!?:;—…·《》\n\t\u00a0\u200b\"")),
                  st.characters(min_codepoint=0x20, max_codepoint=0x2fff), st.sampled_from(["😀", "👍🏽", "🇨🇳"]),
                  st.characters(min_codepoint=0x2500, max_codepoint=0x259f))  # box drawing, block elements


@settings(max_examples=300, deadline=None)
@given(st.lists(MIXED, min_size=1, max_size=60).map("".join))
def test_piecewise_break_opportunities_equal_uniseg_on_the_whole_text(text):
    from uniseg.linebreak import line_break_breakables

    assert linebreak.uax14(text)[1:] == bytes(line_break_breakables(text))[1:]


def test_a_bar_drawn_anew_every_frame_asks_uniseg_once():
    """A ProgressBar pulses while the dashboard's figures are computed: each frame
    is a new line of ━ with a ╸ or ╺ somewhere. uniseg takes ~1 ms a character here,
    so every frame asking it again held the first frame for ~100 ms."""
    before = linebreak.asked()
    for i in range(40):
        bar = "━" * i + "╸" + "━" * (40 - i) + "╺" + "━" * 12
        assert linebreak.divide_line(bar, 30) == [30]  # no break inside a bar: folded at the width
    assert linebreak.asked() - before <= 2
