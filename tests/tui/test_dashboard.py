"""The dashboard opens from the reader and shows the figures from the store."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from gonghui_tui.domain.session import DrillSession
from gonghui_tui.tui.app import GonghuiApp
from gonghui_tui.tui.screens.dashboard import DashboardScreen

from .helpers import screen_text, squash


async def test_dashboard_shows_progress(course, store, clock):
    session = DrillSession(course, store, clock.now, section_id="summary", fuzzing=False)
    while session.next() is not None:
        session.grade(4)
    store.set_read(course.id, "summary", True, clock.now())
    app = GonghuiApp(course=course, store=store, now=clock.now, tz=ZoneInfo("Asia/Shanghai"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        assert isinstance(app.screen, DashboardScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = squash(screen_text(app))
        assert "已读章节1/16" in text and "复习总次数：3" in text
        assert "当前连续学习：1天" in text
        states = app.screen.query_one("#dash-states")
        assert [cell for cell in states.get_row_at(0)] == ["47", "0", "3", "0", "0", "0"]
        assert sum(app.screen.stats.heatmap.values()) == 3
        await pilot.press("end")
        await pilot.pause()
        assert "各部分掌握情况" in squash(screen_text(app))
        await pilot.press("escape")
        assert not isinstance(app.screen, DashboardScreen)


async def test_dashboard_fits_a_big_terminal(app):
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.press("p")
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = squash(screen_text(app))
        assert "近16周复习热力图" in text and "未来14天到期预测" in text


async def test_dashboard_shows_at_once_and_fills_in_when_the_figures_are_ready(app, monkeypatch):
    """Figures that take a second at 1,000,000 reviews must not freeze the screen."""
    import threading

    from gonghui_tui.tui.screens import dashboard

    release = threading.Event()
    real = dashboard.compute_stats

    def slow_stats(*args, **kwargs):
        release.wait(5)
        return real(*args, **kwargs)

    monkeypatch.setattr(dashboard, "compute_stats", slow_stats)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert "正在计算" in squash(screen_text(app))
        await pilot.press("escape")  # keys still work while the figures are computed
        assert not isinstance(app.screen, DashboardScreen)
        await pilot.press("p")
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "正在计算" not in squash(screen_text(app)) and "复习总次数：0" in squash(screen_text(app))


async def test_heatmap_weekday_rows_line_up(course, store):
    """Every weekday row starts in the same column and is as wide as the others
    (on a Saturday the Sunday row used to start two columns left)."""
    from datetime import datetime, timezone

    from rich.cells import cell_len

    saturday = datetime(2026, 11, 28, 12, 0, tzinfo=timezone.utc)
    app = GonghuiApp(course=course, store=store, now=lambda: saturday, tz=ZoneInfo("Asia/Shanghai"))
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.press("p")
        await app.workers.wait_for_complete()
        await pilot.pause()
        lines = screen_text(app).splitlines()
        rows = [line for line in lines if line[1:2] in tuple("一二三四五六日")]
        assert len(rows) == 7
        starts = {min(line.find(glyph) for glyph in "·░▒▓█" if glyph in line) for line in rows}
        assert len(starts) == 1
        ends = {cell_len(line.rstrip()) for line in rows[:5]}  # Mon–Fri: no day after today
        assert len(ends) == 1


async def test_the_first_end_reaches_the_very_end(app, course, monkeypatch):
    """End pressed at once after p, while the figures are still being computed:
    the last part of the mastery table is on screen when they arrive."""
    import threading

    from gonghui_tui.tui.screens import dashboard

    release = threading.Event()
    real = dashboard.compute_stats

    def held_stats(*args, **kwargs):
        release.wait(2)
        return real(*args, **kwargs)

    monkeypatch.setattr(dashboard, "compute_stats", held_stats)
    last = list(course.children(None))[-1]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "end")
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        text = screen_text(app)
        assert course.sections[last].title in text and "各部分掌握情况" in text
        await pilot.press("home")
        await pilot.pause()
        assert "阅读进度" in squash(screen_text(app))  # and back at the top it stays


async def test_mastery_table_fits_80_columns_without_a_sideways_scrollbar(course, store, clock):
    """17.6: the per-part table was one cell too wide at 80 columns (a scrollbar row),
    and wider still once the weakest cards were listed; titles and cards are now cut
    in whole characters to the width left."""
    from gonghui_tui.i18n import set_language

    for section in ("importance", "direction", "summary"):
        session = DrillSession(course, store, clock.now, section_id=section, fuzzing=False)
        while session.next() is not None:
            session.grade(3)
    for lang in ("zh", "en"):
        set_language(lang)
        app = GonghuiApp(course=course, store=store, now=clock.now)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("p")
            await app.workers.wait_for_complete()
            await pilot.press("end")
            await pilot.pause()
            table = app.screen.query_one("#dash-mastery")
            assert not table.show_horizontal_scrollbar and table.virtual_size.width <= table.size.width
            cards = str(table.get_row_at(0)[3])
            assert cards.endswith("…") and cards.startswith("新时代")
