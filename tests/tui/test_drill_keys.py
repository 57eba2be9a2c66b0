"""The footer and the help screen list exactly the keys that work now, in
every state of a drill: before the answer, after it, on a choice card, in
cram, and on the summary (issue 16.3)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from gonghui_tui.tui.app import GonghuiApp
from gonghui_tui.tui.screens.drill import DrillScreen
from gonghui_tui.tui.screens.help import HelpScreen, key_label
from gonghui_tui.tui.widgets.key_footer import KeyFooter
from gonghui_tui.tui.widgets.outline_tree import OutlineTree

from .helpers import screen_text, squash

APP_KEYS = {"q", "question_mark", "p", "e", "comma"}  # the app's own, on every screen


def drawn(app):
    """The keys the footer drew, that work now (the palette key is always there)."""
    row = screen_text(app).splitlines()[-1]
    keys = [place.spec for place in app.screen.query_one(KeyFooter).placed
            if not place.spec.disabled and not place.spec.is_palette]
    for spec in keys:
        assert f"{spec.display} {spec.label}".strip() in row, (spec, row)
    return keys


def footer(app) -> dict[str, str]:
    return {spec.key: spec.label for spec in drawn(app)}


def footer_actions(app) -> set[str]:
    return {spec.action for spec in drawn(app)}


def working_actions(screen) -> set[str]:
    """What the keys that work now do (Space and Enter may do the same: one entry)."""
    return {active.binding.action for active in screen.active_bindings.values()
            if active.binding.show and active.enabled}


async def state(app, pilot, *keys: str) -> dict[str, str]:
    await pilot.press(*keys)
    await pilot.pause()
    shown = footer(app)
    assert footer_actions(app) == working_actions(app.screen)
    return {key: label for key, label in shown.items() if key not in APP_KEYS}


async def help_keys(app, pilot) -> str:
    await pilot.press("question_mark")
    await pilot.pause()
    assert isinstance(app.screen, HelpScreen)
    text = screen_text(app)
    await pilot.press("escape")
    await pilot.pause()
    return text


async def test_footer_and_help_follow_each_state(course, store, clock):
    app = GonghuiApp(course=course, store=store, now=clock.now, fuzzing=False,
                     tz=ZoneInfo("Asia/Shanghai"), seed=7)
    async with app.run_test(size=(200, 40)) as pilot:
        app.screen.query_one(OutlineTree).select_section("summary")  # basic, choice, cloze
        await pilot.pause()  # the cursor moves after a refresh: before "d", not after
        keys = await state(app, pilot, "d")
        assert isinstance(app.screen, DrillScreen)
        assert keys == {"space": "显示答案", "b": "暂埋到明天", "exclamation_mark": "暂停此卡",
                        "escape": "离开"}
        help_text = await help_keys(app, pilot)
        assert "显示答案" in help_text and "重来" not in help_text and "采用建议评分" not in help_text

        keys = await state(app, pilot, "space")  # the answer is shown: grades and ! now
        assert keys == {"space": "采用建议评分", "1": "重来", "2": "困难", "3": "良好", "4": "简单",
                        "b": "暂埋到明天", "exclamation_mark": "暂停此卡", "escape": "离开"}
        help_text = await help_keys(app, pilot)
        assert "显示答案" not in help_text and "重来" in help_text and "简单" in help_text

        keys = await state(app, pilot, "3")  # a choice card: letters pick, b is an option
        assert keys == {"space": "显示答案", "a": "选择选项", "exclamation_mark": "暂停此卡", "u": "撤销",
                        "escape": "离开"}
        assert "abc…选择选项" in squash(screen_text(app))  # the letters once, not four times
        help_text = await help_keys(app, pilot)
        assert "a / b / c / d" in help_text and "暂埋到明天" not in help_text

        keys = await state(app, pilot, "a")  # picked: the answer shows, letters stop
        assert "a" not in keys and keys["b"] == "暂埋到明天" and keys["1"] == "重来"

        keys = await state(app, pilot, "escape")  # left early: the summary
        assert keys == {"u": "撤销", "escape": "返回阅读"}
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, DrillScreen)

        keys = await state(app, pilot, "c")  # cram: the same keys, the grades recorded nowhere
        assert keys == {"space": "显示答案", "b": "暂埋到明天", "exclamation_mark": "暂停此卡",
                        "escape": "离开"}
        keys = await state(app, pilot, "space")
        assert {"1", "2", "3", "4", "space"} <= set(keys) and keys["space"] == "采用建议评分"


async def test_list_card_offers_next_item_until_the_last(course, store, clock):
    app = GonghuiApp(course=course, store=store, now=clock.now, fuzzing=False,
                     tz=ZoneInfo("Asia/Shanghai"), seed=7)
    async with app.run_test(size=(200, 40)) as pilot:
        app.screen.query_one(OutlineTree).select_section("direction-eight")  # a list card first
        await pilot.pause()  # the cursor moves after a refresh: before "d", not after
        keys = await state(app, pilot, "d")
        assert keys["space"] == "下一项" and keys["enter"] == "显示全部答案"
        for _ in range(6):
            keys = await state(app, pilot, "space")
        assert keys["space"] == "下一项"
        keys = await state(app, pilot, "space")  # seven of eight shown: Space shows the last
        assert keys["space"] == "显示答案"
        keys = await state(app, pilot, "space")
        assert keys["space"] == "采用建议评分" and "enter" not in keys  # both take the grade: one entry


def test_key_label_reads_the_exclamation_mark():
    assert key_label("exclamation_mark") == "!"
