"""The detail pane (Markdown and plain blocks) wraps course text by the Chinese rules."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from gonghui_tui.tui.app import GonghuiApp

from ..unit.test_linebreak import bad_lines


async def test_detail_pane_never_starts_a_line_with_closing_punctuation(course, store, clock):
    app = GonghuiApp(course=course, store=store, now=clock.now, fuzzing=False, tz=ZoneInfo("Asia/Shanghai"))
    found = []
    async with app.run_test(size=(90, 60)) as pilot:
        for width in (90, 71, 120):
            await pilot.resize_terminal(width, 60)
            for section_id in course.sections:
                app.screen.query_one("OutlineTree").select_section(section_id)
                await pilot.pause()
                view = app.screen.query_one("SectionView")
                strips = app.screen._compositor.render_strips()
                lines = [strips[y].crop(view.region.x, view.region.right).text.rstrip("▁▂▃▄▅▆▇█▉▊▋▌▍▎▏▐ ")
                         for y in range(view.region.y, view.region.bottom)]
                found += [(width, section_id, line) for line in bad_lines(lines)]
    assert not found, found
