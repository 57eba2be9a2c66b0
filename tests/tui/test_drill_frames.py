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

from .helpers import screen_text, squash


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


async def drill_section(app, pilot, section_id: str) -> None:
    app.screen.query_one(OutlineTree).select_section(section_id)
    await pilot.pause()
    await pilot.press("d")
    await pilot.pause()


async def frames_after(app, pilot, key: str) -> list[tuple[bool, str]]:
    app.frames.clear()
    await pilot.press(key)
    await pilot.pause()
    await pilot.pause()
    return list(app.frames)


async def test_the_first_frame_after_a_key_has_the_footer_of_the_new_state(plain_course, store, clock):
    app = make(plain_course, store, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await drill_section(app, pilot, "summary")  # a basic card first
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
        await drill_section(app, pilot, "overview")  # one typed card
        box = app.screen.query_one(Input)
        assert box.has_focus
        box.value = "郭英东"
        frames = await frames_after(app, pilot, "enter")  # the box gives up the focus
        assert app.screen.face.revealed and not box.has_focus
        assert frames and not any(full for full, _ in frames), [full for full, _ in frames]
        frames = await frames_after(app, pilot, "3")  # the card comes back: the box takes the focus
        assert box.has_focus
        assert frames and not any(full for full, _ in frames), [full for full, _ in frames]


async def test_each_drill_key_is_drawn_in_about_one_frame(plain_course, store, clock):
    """A new card (or its answer) used to take two frames, 20-30 ms apart: the
    first layout pass changed the card's size, and that asked for a second pass."""
    app = make(plain_course, store, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await drill_section(app, pilot, "summary")
        counts = []
        for key in ("space", "3", "space", "3", "space", "3"):
            counts.append(len(await frames_after(app, pilot, key)))
        assert all(counts) and sum(counts) <= len(counts) + 1, counts


async def test_a_long_card_still_scrolls_on_a_small_screen(plain_course, store, clock):
    """The card's box is laid out once per card: its scrollbar still comes with a
    card longer than the box, and scrolling reaches the card's last line."""
    app = make(plain_course, store, clock)
    async with app.run_test(size=(40, 12)) as pilot:
        await drill_section(app, pilot, "direction-eight")  # eight items
        assert app.screen.face.card.id == "eight-list"
        while not app.screen.face.revealed:
            await pilot.press("space")
        await pilot.pause()
        box = app.screen.query_one("#drill-card-box")
        assert box.show_vertical_scrollbar and box.max_scroll_y > 0
        last = app.screen.face.card.items[-1].text
        assert last not in screen_text(app).replace(" ", "")
        box.scroll_end(animate=False)
        await pilot.pause()
        assert last in squash(screen_text(app))


async def test_the_first_frame_after_each_key_is_the_settled_screen(plain_course, store, clock):
    """Whatever the card kind (a typed-answer card moves the focus into its box,
    and its first frame had the old counts and section path), the first frame
    after a key already reads as the screen does once it has settled."""
    app = make(plain_course, store, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("D")
        await pilot.pause()
        kinds = set()
        for _ in range(14):
            screen = app.screen
            key = "enter" if screen.face.card.kind.value == "typed" and not screen.face.revealed else \
                "3" if screen.face.revealed else "space"
            frames = await frames_after(app, pilot, key)
            if not isinstance(app.screen, DrillScreen) or app.screen.finished:
                break
            kinds.add(app.screen.face.card.kind.value)
            first, settled = frames[0][1].splitlines(), screen_text(app).splitlines()
            assert first[1:3] == settled[1:3], (key, first[1:3], settled[1:3])  # counts and path
        assert "typed" in kinds, kinds


async def test_a_typed_answer_shows_its_result_on_a_small_screen(plain_course, store, clock):
    """After Enter the answer box goes (what was typed is in the card now): at 40x12
    it had kept the rows the result needed, and the result was cut off."""
    app = make(plain_course, store, clock)
    async with app.run_test(size=(40, 12)) as pilot:
        await drill_section(app, pilot, "overview")  # one typed card
        box = app.screen.query_one(Input)
        box.value = "郭英东"
        await pilot.press("enter")
        await pilot.pause()
        assert not box.display and app.screen.focused is None
        assert "相似度100%" in squash(screen_text(app))
        await pilot.press("3")  # the card comes back later in the session: its box is back, empty
        await pilot.pause()
        if app.screen.face is not None and app.screen.face.card.kind.value == "typed":
            assert box.display and box.has_focus and box.value == ""
