"""What a drill key sends to the terminal. The first frame after a key shows
the whole new state, footer included (the footer used to follow one or two
frames later, still offering the keys of the state before); and a key that
moves the focus redraws the lines that changed, not every line of the screen."""

from __future__ import annotations

import sys
from pathlib import Path
from zoneinfo import ZoneInfo

from textual._compositor import CompositorUpdate, LayoutUpdate
from textual.widgets import Input

from gonghui_tui.tui.app import GonghuiApp
from gonghui_tui.tui.screens.drill import DrillScreen
from gonghui_tui.tui.widgets.outline_tree import OutlineTree

from .helpers import screen_text


class FrameLog(GonghuiApp):
    """Keeps, for each update sent to the terminal, whether it redrew every line
    and the screen as it reads once the update is applied."""

    CSS_PATH = str(Path(sys.modules[GonghuiApp.__module__].__file__).with_name(GonghuiApp.CSS_PATH))
    frames: list[tuple[bool, str]]

    def _display(self, screen, renderable) -> None:
        if isinstance(renderable, CompositorUpdate) and screen is self.screen:
            self.frames.append((isinstance(renderable, LayoutUpdate), screen_text(self)))
        super()._display(screen, renderable)


def make(plain_course, store, clock) -> FrameLog:
    app = FrameLog(course=plain_course, store=store, now=clock.now, fuzzing=False,
                   tz=ZoneInfo("Asia/Shanghai"), seed=7)
    app.frames = []
    return app


async def frames_after(app, pilot, key: str) -> list[tuple[bool, str]]:
    app.frames.clear()
    await pilot.press(key)
    await pilot.pause()
    await pilot.pause()
    return list(app.frames)


async def test_the_first_frame_after_a_key_has_the_footer_of_the_new_state(plain_course, store, clock):
    app = make(plain_course, store, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.query_one(OutlineTree).select_section("summary")  # a basic card first
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DrillScreen) and not app.screen.face.revealed
        frames = await frames_after(app, pilot, "space")
        assert app.screen.face.revealed
        footer = frames[0][1].splitlines()[-1]
        assert "3 良好" in footer, footer  # the grades, in the frame that shows the answer
        assert "显示答案" not in footer, footer
        frames = await frames_after(app, pilot, "3")
        footer = frames[0][1].splitlines()[-1]
        assert "3 良好" not in footer and "显示答案" in footer, footer


async def test_a_typed_answer_card_does_not_redraw_the_whole_screen(plain_course, store, clock):
    app = make(plain_course, store, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.query_one(OutlineTree).select_section("overview")  # one typed card
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        box = app.screen.query_one(Input)
        assert box.has_focus
        box.value = "郭英东"
        frames = await frames_after(app, pilot, "enter")  # the box gives up the focus
        assert app.screen.face.revealed and not box.has_focus
        assert frames and not any(full for full, _ in frames), [full for full, _ in frames]
        frames = await frames_after(app, pilot, "3")  # the card comes back: the box takes the focus
        assert box.has_focus
        assert frames and not any(full for full, _ in frames), [full for full, _ in frames]
