"""The card browser (`l`, and the palette for the whole course): columns that
fit, cloze as text, search, filters, sorts, suspend and bury, preview."""

from __future__ import annotations

from rich.cells import cell_len
from textual.widgets import Input

from gonghui_tui.tui.screens.cards import CardBrowserScreen, CardPreviewScreen
from gonghui_tui.tui.widgets.card_table import CardTable

from .helpers import screen_text, squash


async def open_browser(app, pilot, section="direction-eight"):
    app.jump_to(section)
    await pilot.pause()
    await pilot.press("l")
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, CardBrowserScreen)
    return app.screen, app.screen.query_one(CardTable)


def table_lines(app) -> list[str]:
    table = app.screen.query_one(CardTable)
    lines = screen_text(app).splitlines()
    top = table.region.y
    return lines[top:top + min(len(table.rows), table.region.height)]


async def test_state_and_due_are_visible_at_80x24_and_text_is_cut_whole(app):
    async with app.run_test(size=(80, 24)) as pilot:
        screen, table = await open_browser(app, pilot)
        header = squash(screen_text(app))
        assert "状态" in header and "到期" in header and "标记" in header
        lines = table_lines(app)
        assert lines and all("新卡" in line and "—" in line for line in lines)
        assert all(cell_len(line) <= 80 for line in lines)
        assert any("…" in line for line in lines)  # long questions ellipsised, not wrapped


async def test_cloze_shows_its_gaps_marked_not_braces(app):
    async with app.run_test(size=(100, 30)) as pilot:
        screen, table = await open_browser(app, pilot)
        text = screen_text(app)
        assert "［劳模精神］" in text and "{{" not in text


async def test_search_in_chinese_and_pinyin_filters_the_rows(app):
    async with app.run_test(size=(100, 30)) as pilot:
        screen, table = await open_browser(app, pilot)
        total = len(table.rows)
        await pilot.press("slash")
        assert isinstance(app.screen.focused, Input)
        await pilot.press(*"lmjs")
        await pilot.pause()
        pinyin = {r.card.id for r in table.rows}
        assert 0 < len(pinyin) < total and "eight-5" in pinyin
        app.screen.query_one(Input).value = "劳模精神"  # no IME in Pilot
        await pilot.pause()
        assert {r.card.id for r in table.rows} == pinyin
        assert f"显示{len(pinyin)}/{total}张" in squash(screen_text(app))
        await pilot.press("enter")  # back to the table: letters are keys again
        assert app.screen.focused is table


async def test_filter_state_and_kind_and_sort_by_lapses(app, store, course):
    async with app.run_test(size=(100, 30)) as pilot:
        screen, table = await open_browser(app, pilot)
        total = len(table.rows)
        await pilot.press("t")  # kind: basic
        assert {r.card.kind.value for r in table.rows} == {"basic"} and len(table.rows) < total
        assert "类型：问答" in squash(screen_text(app))
        await pilot.press("t", "t", "t", "t", "t")  # through cloze, list, choice, typed back to all
        assert len(table.rows) == total
        await pilot.press("s")  # suspend the first card
        await pilot.press("f", "f", "f", "f")  # state: new, learning, review, suspended
        assert "状态：已暂停" in squash(screen_text(app))
        assert len(table.rows) == 1 and store.card(course.id, table.rows[0].card.id).suspended
        await pilot.press("f", "f", "f", "o", "o")  # back to all; sort: due, then lapses
        assert "排序：遗忘次数" in squash(screen_text(app)) and len(table.rows) == total


async def test_suspend_and_bury_show_feedback_and_keep_the_cursor(app, store, course):
    async with app.run_test(size=(100, 30)) as pilot:
        screen, table = await open_browser(app, pilot)
        await pilot.press("down", "down", "down")
        card = table.current.card.id
        await pilot.press("s")
        await pilot.pause()
        assert table.cursor == 3 and table.current.card.id == card
        assert store.card(course.id, card).suspended
        assert any("已暂停" in n.message for n in app._notifications)
        assert "已暂停" in table_lines(app)[3]
        await pilot.press("b")
        await pilot.pause()
        assert store.card(course.id, card).buried_until_ms is not None
        assert "已暂停+" in table_lines(app)[3] and table.cursor == 3  # a second flag: +
        await pilot.press("s", "b")
        record = store.card(course.id, card)
        assert not record.suspended and record.buried_until_ms is None
        assert "已恢复" in " ".join(n.message for n in app._notifications)


async def test_enter_previews_the_card_with_its_answer(app):
    async with app.run_test(size=(100, 30)) as pilot:
        screen, table = await open_browser(app, pilot)
        table.cursor = [r.card.id for r in table.rows].index("eight-5")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CardPreviewScreen)
        text = squash(screen_text(app))
        assert "答案" in text and "劳模精神；劳动精神；工匠精神" in text
        await pilot.press("escape")
        assert app.screen is screen


async def test_palette_browses_every_card_of_the_course(app, course):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"liulan")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, CardBrowserScreen)
        assert len(app.screen.query_one(CardTable).rows) == len(course.cards)
