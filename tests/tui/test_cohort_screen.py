"""The cohort screen: roster sortable and marked, the other views one tab away."""

from __future__ import annotations

import json

from textual.widgets import DataTable, TabbedContent

from bench.gen_exports import export_data
from gonghui_tui.domain.cards import cloze_plain
from gonghui_tui.domain.cohort import build_cohort
from gonghui_tui.domain.cohort_read import read_cohort
from gonghui_tui.domain.cohort_sources import gather
from gonghui_tui.tui.cohort_app import CohortApp


def _cohort(course, clock, tmp_path):
    for i, (name, unit, reviews) in enumerate((("甲", "第二分会", 30), ("乙", "第一分会", 90), ("丙", "第一分会", 0))):
        data = export_data(i, reviews, course, now=clock.now())
        data["trainee"] = {"name": name, "unit": unit}
        if not reviews:
            data["sections"] = data["cards"] = []
        (tmp_path / f"{i}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "bad.json").write_text("[]", encoding="utf-8")
    return build_cohort(course, read_cohort(gather([str(tmp_path)]), course, clock.now()), clock.now())


def _column(table: DataTable, key: str) -> list[str]:
    return [str(table.get_cell(row, key)) for row in table.rows]


async def test_roster_sorts_by_any_column_and_marks_who_has_not_started(course, clock, tmp_path):
    app = CohortApp(_cohort(course, clock, tmp_path), course)
    async with app.run_test(size=(100, 30)) as pilot:
        roster = app.screen.query_one("#cohort-roster", DataTable)
        assert _column(roster, "0") == ["丙", "乙", "甲"]  # by name (unit first in the reports)
        marks = dict(zip(_column(roster, "0"), _column(roster, "mark")))
        assert marks["丙"] == "○" and _column(roster, "8")[0] == "未开始"
        await pilot.press("s")  # next column: unit
        assert _column(roster, "1") == ["第一分会", "第一分会", "第二分会"]
        await pilot.click("#cohort-roster", offset=(60, 0))  # a header further right
        column = app.screen.sort_column
        assert column > 1 and "▲" in str(roster.columns[str(column)].label)
        await pilot.press("r")
        assert "▼" in str(roster.columns[str(column)].label)
        while app.screen.sort_column != 3:  # reviews
            await pilot.press("s")
        assert [int(v) for v in _column(roster, "3")] == [0, 30, 90]
        await pilot.press("r")
        assert [int(v) for v in _column(roster, "3")] == [90, 30, 0]


async def test_hardest_cards_name_the_trainees_and_bad_files_have_a_tab(course, clock, tmp_path):
    app = CohortApp(_cohort(course, clock, tmp_path), course)
    async with app.run_test(size=(80, 24)) as pilot:
        tabs = app.screen.query_one(TabbedContent)
        tabs.active = "tab-cards"
        await pilot.pause()
        cards = app.screen.query_one("#cohort-cards", DataTable)
        assert cards.row_count > 0
        first = [str(c) for c in cards.get_row_at(0)]
        assert any(name in first[-1] for name in ("甲", "乙"))
        tabs.active = "tab-files"
        await pilot.pause()
        files = app.screen.query_one("#cohort-files", DataTable)
        assert "bad.json" in str(files.get_row_at(0)[0])


async def test_roster_fits_80_columns_and_the_screenshot_for_the_docs(course, clock, tmp_path):
    """At 80×24 a screenful of trainees shows with name, unit, reading and reviews;
    GONGHUI_SCREENSHOTS=1 keeps the picture docs/cohort.md shows."""
    import os
    from pathlib import Path

    for i in range(14):
        data = export_data(i, 200, course, now=clock.now())
        (tmp_path / f"{i}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    cohort = build_cohort(course, read_cohort(gather([str(tmp_path)]), course, clock.now()), clock.now())
    app = CohortApp(cohort, course)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        roster = app.screen.query_one("#cohort-roster", DataTable)
        assert roster.row_count == 14 and roster.scrollable_content_region.height >= 10
        widths = [roster.columns[key].get_render_width(roster) for key in ("mark", "0", "1", "2", "3")]
        assert sum(widths) <= 80
        marks = _column(roster, "mark")
        assert "△" in marks and " " in marks  # some have stopped, some are studying
        docs = Path(__file__).parent.parent.parent / "docs"
        if os.environ.get("GONGHUI_SCREENSHOTS"):
            (docs / "cohort-screen.svg").write_text(app.export_screenshot(title="gonghui-tui cohort"),
                                                    encoding="utf-8")
        app.screen.query_one(TabbedContent).active = "tab-cards"
        await pilot.pause()
        app.screen.query_one("#cohort-cards", DataTable).focus()
        await pilot.pause()
        assert "（" in str(app.screen.query_one("#cohort-card-detail").render())  # the detail shows at once
        if os.environ.get("GONGHUI_SCREENSHOTS"):
            (docs / "cohort-screen-cards.svg").write_text(app.export_screenshot(title="gonghui-tui cohort"),
                                                          encoding="utf-8")


async def test_the_highlighted_hard_card_and_grid_cell_are_spelled_out_in_full(course, clock, tmp_path):
    """At 80×24 the tables cut card texts and part titles; the line under each shows them whole,
    with every trainee who struggles with the card."""
    cohort = _cohort(course, clock, tmp_path)
    app = CohortApp(cohort, course)
    async with app.run_test(size=(80, 24)) as pilot:
        tabs = app.screen.query_one(TabbedContent)
        tabs.active = "tab-cards"
        await pilot.pause()
        cards = app.screen.query_one("#cohort-cards", DataTable)
        cards.focus()
        await pilot.press("down")
        await pilot.pause()
        second = cohort.hardest[1]
        detail = str(app.screen.query_one("#cohort-card-detail").render())
        full_text = " ".join(cloze_plain(course.card(second.card_id).front, reveal=True).split())
        assert full_text[:30] in detail.replace("\n", "")
        assert f"（{len(second.strugglers)}/{second.learners}）" in detail
        assert all(cohort.roster[i].name in detail for i in second.strugglers)
        tabs.active = "tab-grid"
        await pilot.pause()
        grid = app.screen.query_one("#cohort-grid", DataTable)
        grid.focus()
        await pilot.press("right", "right", "down")
        await pilot.pause()
        line = str(app.screen.query_one("#cohort-grid-detail").render())
        part_title = cohort.parts[1][1]
        assert len(part_title) > 4 and part_title in line and cohort.roster[1].name in line
        assert str(grid.columns[list(grid.columns)[2]].label).endswith("…")  # cut in the header


async def test_at_40x12_the_hard_card_panel_keeps_who_struggles_in_view(course, clock, tmp_path):
    cohort = _cohort(course, clock, tmp_path)
    app = CohortApp(cohort, course)
    async with app.run_test(size=(40, 12)) as pilot:
        app.screen.query_one(TabbedContent).active = "tab-cards"
        await pilot.pause()
        detail = app.screen.query_one("#cohort-card-detail")
        cards = app.screen.query_one("#cohort-cards", DataTable)
        assert detail.region.height == 3 and cards.region.height >= 3  # the table keeps rows too
        first_line = str(detail.render()).splitlines()[0]
        assert first_line.startswith("需要帮助的学员") and cohort.roster[cohort.hardest[0].strugglers[0]].name in first_line
