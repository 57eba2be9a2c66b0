"""The documentation stays true: the format example loads, README keys exist."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from gonghui_tui.domain.loader import parse_course

ROOT = Path(__file__).resolve().parents[2]


def test_course_format_example_is_a_valid_course():
    text = (ROOT / "docs" / "course-format.md").read_text(encoding="utf-8")
    example = re.search(r"```toml\n(.*?)```", text, re.S).group(1)
    course = parse_course(example, "course-format.md")
    kinds = Counter(card.kind.value for card in course.cards)
    assert kinds == {"basic": 1, "cloze": 1, "list": 1, "choice": 1, "typed": 1}
    assert [s.id for s in course.path("intro-list")] == ["intro", "intro-list"]


def test_readme_has_exactly_the_two_setup_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for marker in ("run-command", "test-command"):
        block = re.search(rf"<!-- {marker} -->\n```sh\n(.*?)\n```", text, re.S)
        assert block and "\n" not in block.group(1)
