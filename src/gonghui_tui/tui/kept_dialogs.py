"""Screens kept between openings: made once, then shown again (issue 18.3).

Composing a screen anew was most of its opening: settings took 258 ms p50
made anew against 68 ms shown again, export 131 against 43, help 99 against
57 (course L, 200,000 reviews), and a bare Textual screen made anew takes
65 ms on the machine these figures come from. The app keeps the settings,
help, export and search dialogs, the card list, the dashboard and the drill
installed under their names. Before each opening a kept screen is refilled
from the app's state of the moment (``refill``, with the arguments a new one
would be made with), so it shows exactly what a new one would: the saved
settings, the keys of the screen below, a fresh file name, no search query,
the section's cards with no filter, the dashboard's placeholders (its
worker computes the figures again), a new drill session.

The card list, the dashboard and the drill are made empty and filled by
``refill`` at every opening, the first included (``FILLED_ON_OPENING``):
making them in idle time must not start their work.

They are made in idle time after the first screen (``warm_dialogs``), one
step at a time: compose one, then lay it out and draw it off stage at the
window's size, so even a first opening only draws what changed. A language
change drops them; they are made again in the new one. Once they are made,
they are kept out of the garbage collector's walks
(``idle_gc.keep_for_session``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Awaitable, Callable

from textual.app import App
from textual.screen import Screen
from textual.widgets import Input

from gonghui_tui.tui.breakpoints import breakpoint_classes
from gonghui_tui.tui.idle_gc import keep_for_session
from gonghui_tui.tui.textual_private import compose_offstage, layout_offstage

if TYPE_CHECKING:
    from typing import Any

KEPT = ("settings", "help", "export", "search", "cards", "dashboard", "drill")
# Made with nothing to show (composing must not start their work): ``refill`` fills
# them at each opening, the first included.
FILLED_ON_OPENING = ("cards", "dashboard", "drill")
WARM_AFTER_S = 1.0  # after the first screen: start-up stays short
WARM_EACH_S = 0.3  # between two steps: a key pressed meanwhile waits for one step at most
WARM_TICKS = 60  # then a screen still not ready is made when first opened


class KeptDialogs:
    """Mixin for the App. ``dialog(name)`` gives the class and the arguments a new
    dialog of that name would be made with, from the app's current state."""

    dialog: Callable[[str], tuple[type[Screen], tuple[Any, ...]]]
    dialogs_warm = False  # idle time has made, laid out and drawn every kept screen
    _warming = 0  # which round of warm_dialogs is the current one

    def can_warm(self, name: str) -> bool:
        """Whether making the dialog now is cheap (the app says no to a search whose
        index is still loading: asking for it would wait)."""
        return True

    def kept(self, name: str, args: tuple[Any, ...] | None = None) -> Screen:
        """The screen kept under ``name``, made or refilled for showing now, with
        ``args`` (by default, the app's ``dialog(name)``)."""
        app: App = self  # type: ignore[assignment]
        cls, now_args = self.dialog(name)
        args = now_args if args is None else args
        if app.is_screen_installed(name):
            screen = app.get_screen(name)
            # Only the screen on top hears of a resize: its breakpoint classes may be old.
            screen.update_classes(breakpoint_classes(screen, *app.size))
            screen.refill(*args)  # type: ignore[attr-defined]
        else:
            screen = cls(*args)
            app.install_screen(screen, name)
            if name in FILLED_ON_OPENING:
                screen.refill(*args)  # type: ignore[attr-defined]
        return screen

    def show_kept(self, name: str, callback: Callable[[Any], Any] | None = None,
                  args: tuple[Any, ...] | None = None) -> Awaitable[Any] | None:
        """Push the screen kept under ``name``, unless it is open already (the
        push's awaitable: awaited, the screen is up)."""
        app: App = self  # type: ignore[assignment]
        if app.is_screen_installed(name) and app.get_screen(name) in app.screen_stack:
            return None
        return app.push_screen(self.kept(name, args), callback)

    def warm_dialogs(self) -> None:
        """Make the kept dialogs in idle time, one step per timer tick: compose one,
        then (once it is mounted) lay it out and draw it off stage. One that is not
        ready yet (search, while its index loads) is tried again at later ticks."""
        app: App = self  # type: ignore[assignment]
        waiting = list(KEPT)
        composed: list[Screen] = []
        ticks = [WARM_TICKS]
        self._warming += 1
        warming = self._warming
        self.dialogs_warm = False

        def next_step() -> None:
            if warming != self._warming:
                return  # dropped (the language changed) and being made again
            if composed:
                if layout_offstage(app, composed[0]):
                    composed.pop(0)
            if not composed:
                for _ in range(len(waiting)):
                    name = waiting.pop(0)
                    if app.is_screen_installed(name):
                        continue
                    if not self.can_warm(name):
                        waiting.append(name)
                        continue
                    cls, args = self.dialog(name)
                    composed.append(cls(*args))
                    app.install_screen(composed[-1], name)
                    compose_offstage(app, composed[-1])
                    break
            ticks[0] -= 1
            if (waiting or composed) and ticks[0] > 0:
                app.set_timer(WARM_EACH_S, next_step)
            else:
                app.set_timer(WARM_EACH_S, settled)

        def settled() -> None:
            keep_for_session()
            self.dialogs_warm = warming == self._warming

        app.set_timer(WARM_AFTER_S, next_step)

    async def drop_dialogs(self) -> None:
        """Forget the kept dialogs (the language changed): the next opening makes them anew."""
        app: App = self  # type: ignore[assignment]
        for name in KEPT:
            if app.is_screen_installed(name):
                screen = app.get_screen(name)
                app.uninstall_screen(name)
                if screen.is_running and screen not in app.screen_stack:
                    await screen.remove()


def once_mounted(screen: Screen, fill: Callable[[], None]) -> None:
    """Run ``fill`` now if ``screen`` is mounted, else right after its mount: a dialog
    opened while it is being composed off stage is filled when its widgets are there."""
    if screen.is_mounted:
        fill()
    else:
        screen.call_later(fill)


def show_as_new(field: Input, value: str) -> None:
    """``value`` in ``field`` as a new Input shows it: the cursor after the text, the
    text seen from its start, nothing selected (the field may scroll once focused)."""
    field.value = value
    field.cursor_position = len(value)
    field.scroll_to(0, 0, animate=False, immediate=True)
