"""Pictures of the key screens. Regenerate with --snapshot-update only after
looking at the report (snapshot_report.html)."""

from __future__ import annotations


def test_reader_100x30(app, snap_compare):
    assert snap_compare(app, press=["down", "down", "down", "enter", "down"], terminal_size=(100, 30))


def test_reader_80x24(app, snap_compare):
    assert snap_compare(app, press=["down", "down", "down", "down", "down", "down", "enter", "down"],
                        terminal_size=(80, 24))


def test_help_80x24(app, snap_compare):
    assert snap_compare(app, press=["question_mark"], terminal_size=(80, 24))


def test_drill_choice_revealed_80x24(app, snap_compare):
    # summary section: basic, then the choice card; pick option a and see right/wrong
    assert snap_compare(app, press=["end", "d", "space", "3", "a"], terminal_size=(80, 24))


def test_dashboard_100x30(app, snap_compare):
    async def open_dashboard(pilot) -> None:
        await pilot.press("p")
        await pilot.app.workers.wait_for_complete()  # the figures are computed in a thread
        await pilot.pause()

    assert snap_compare(app, run_before=open_dashboard, terminal_size=(100, 30))


def test_drill_choice_four_states_80x24(app, snap_compare):
    """Several answers, two right ones and one wrong picked: √ right, × wrong,
    ○ 漏选 missed, blank for the rest, readable without colour (issue 16.2)."""
    async def pick(pilot) -> None:
        from gonghui_tui.tui.widgets.outline_tree import OutlineTree

        app = pilot.app
        await pilot.pause()
        app.screen.query_one(OutlineTree).select_section("background-methods")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("enter", "3")  # the list card first
        options = {o.text: o.letter for o in app.screen.face.options()}
        await pilot.press(options["讲授"], options["问答"], options["小组竞赛"], "enter")
        await pilot.pause()

    assert snap_compare(app, run_before=pick, terminal_size=(80, 24))
