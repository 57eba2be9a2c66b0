"""The reader: moving through the outline shows each section in the detail pane."""

from __future__ import annotations

from gonghui_tui.tui.screens.help import HelpScreen
from gonghui_tui.tui.widgets.outline_tree import OutlineTree
from gonghui_tui.tui.widgets.section_view import SectionView

from .helpers import screen_text, squash


async def test_course_title_and_top_sections_visible(app):
    async with app.run_test(size=(100, 30)) as pilot:
        text = screen_text(app)
        assert "提升工会干部素质的培训策略与实践探索" in text
        for title in ["工会干部培训的重要性", "课程背景与目的", "总结与展望"]:
            assert title in text
        assert "郭英东" in text  # the root shows the course overview
        assert pilot.app.focused is app.screen.query_one(OutlineTree)


async def test_j_and_k_move_and_the_pane_follows(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j")
        view = app.screen.query_one(SectionView)
        assert view.section_id == "importance"
        assert "深入基层" in squash(screen_text(app))
        await pilot.press("j", "j")
        assert view.section_id == "direction"
        await pilot.press("k")
        assert view.section_id == "background"


async def test_enter_expands_and_shows_list_with_explanations(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("down", "down", "down", "enter", "down")
        await pilot.pause()
        view = app.screen.query_one(SectionView)
        assert view.section_id == "direction-eight"
        text = squash(screen_text(app))
        assert "坚持党对工会工作的领导" in text
        assert "党是工会的领导核心" in text
        assert "本节卡片：10张" in text
        await pilot.press("left", "left")  # to the parent, then collapse it
        assert view.section_id == "direction"
        assert "八个坚持" not in [n.label.plain for n in app.screen.query_one(OutlineTree).root.children]


async def test_gap_note_is_shown_to_the_reader(app):
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.query_one(OutlineTree).select_section("innovation-five")
        # The cursor moves after a refresh, and the section follows the cursor:
        # a loaded CI machine needed more than one pause (seen once).
        for _ in range(20):
            await pilot.pause()
            if app.screen.query_one(SectionView).section_id == "innovation-five":
                break
        await pilot.pause()
        text = squash(screen_text(app))
        assert "【原文缺漏】" in text and "只列出四项" in text


async def test_mouse_click_selects_a_section(app):
    async with app.run_test(size=(100, 30)) as pilot:
        tree = app.screen.query_one(OutlineTree)
        line = next(i for i in range(tree.last_line + 1)
                    if tree.get_node_at_line(i) and tree.get_node_at_line(i).data == "summary")
        await pilot.click(OutlineTree, offset=(6, line))
        assert app.screen.query_one(SectionView).section_id == "summary"


async def test_help_lists_bindings_from_the_app(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = dict((d, k) for k, d in app.screen.rows)
        assert "q" in rows["退出"].split(" / ")
        assert "j" in rows["下移"] and "k" in rows["上移"]
        assert "帮助" in rows
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_q_quits(app):
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.return_code is None
        await pilot.press("q")
        assert app.return_code == 0


async def test_cjk_lines_fit_at_80x24(app):
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one(OutlineTree).select_section("direction-eight")
        await pilot.pause()
        from rich.cells import cell_len

        lines = screen_text(app).splitlines()
        assert len(lines) == 24
        assert all(cell_len(line) == 80 for line in lines)


async def test_an_ordered_list_says_so_with_a_space_in_english(app):
    from gonghui_tui.i18n import set_language
    from gonghui_tui.tui.widgets.outline_tree import OutlineTree

    set_language("en")
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.query_one(OutlineTree).select_section("background-parts")
        await pilot.pause()
        assert "课程内容的三个方面 (in order)" in screen_text(app)  # was "方面(in order)"
