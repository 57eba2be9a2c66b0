"""A big course opens without building its whole tree."""

from __future__ import annotations

from gonghui_tui.domain.loader import parse_course
from gonghui_tui.tui.app import GonghuiApp
from gonghui_tui.tui.widgets.outline_tree import OutlineTree
from gonghui_tui.tui.widgets.section_view import SectionView


def big_course_text(parts: int = 100, per_part: int = 99) -> str:
    lines = ['[course]\nid = "big"\ntitle = "大课程"\n']
    for p in range(parts):
        lines.append(f'[[sections]]\nid = "p{p}"\ntitle = "第{p}部分"\n')
        for c in range(per_part):
            lines.append(f'[[sections]]\nid = "p{p}-{c}"\nparent = "p{p}"\ntitle = "第{p}部分第{c}节"\n'
                         f'body = "正文 {p}-{c}"\n')
    return "\n".join(lines)


async def test_ten_thousand_sections_build_only_what_is_shown(store):
    course = parse_course(big_course_text())
    assert len(course.sections) == 10_000
    app = GonghuiApp(course=course, store=store)
    async with app.run_test(size=(100, 30)) as pilot:
        tree = app.screen.query_one(OutlineTree)
        assert len(tree._tree_nodes) == 101  # the root and the 100 parts, nothing below
        tree.select_section("p57-98")
        await pilot.pause()
        assert app.screen.query_one(SectionView).section_id == "p57-98"
        assert len(tree._tree_nodes) == 101 + 99
