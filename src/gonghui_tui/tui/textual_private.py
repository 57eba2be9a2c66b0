"""The one place that uses Textual's private API, where nothing public does the job.

Textual 8.2 offers no public way to
- give one widget its own binding descriptions (each node copies its class's
  bindings into ``_bindings`` at construction; we translate that copy),
- fit the header's title in whole characters (the header's parts live in
  ``textual.widgets._header``),
- compose and mount a screen before it is first shown (``App._register``,
  what ``push_screen`` does for a screen it has never run),
- lay out and draw a screen that is not shown (``Screen._refresh_layout``,
  its compositor, ``_layout_required``, ``_size``) and start its frame timer
  (``Screen._update_timer``),
- say "No matches found" in the command palette in the interface language
  (Textual writes the English words inside ``_start_no_matches_countdown``),
- round a ProgressBar's bar to the width it has now (the bar is the private
  ``textual.widgets._progress_bar.Bar``, which rounds when its figure is set),
- show a screen again without restyling every widget of it
  (``ScreenResume.refresh_styles`` is public, but what decides it is
  ``App._css_update_count``, and the handler that reads it is
  ``Screen._on_screen_resume``).

tests/tui/test_textual_private.py checks each of these against the installed
Textual, so an upgrade that changes them fails there, by name, instead of
somewhere in the UI.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.app import App
from textual.binding import BindingsMap
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets._header import HeaderClockSpace, HeaderIcon, HeaderTitle

if TYPE_CHECKING:
    from textual.widgets import ProgressBar

__all__ = ["HeaderClockSpace", "HeaderIcon", "HeaderTitle", "compose_offstage", "fresh_bindings"]


def fresh_bindings(node: DOMNode) -> BindingsMap:
    """The node's own bindings, reset to a fresh copy of its class's bindings.

    What Textual does in ``DOMNode.__init__``; done again so the copy can be
    translated anew when the language changes.
    """
    merged = type(node)._merged_bindings
    node._bindings = BindingsMap() if merged is None else merged.copy()
    return node._bindings


def compose_offstage(app: App, screen: Screen) -> None:
    """Start ``screen`` (installed, not on the stack): it composes and mounts its
    widgets now, so its first ``push_screen`` only lays it out and draws it.

    What ``App._get_screen`` does for a screen pushed the first time.
    """
    if not screen.is_running:
        app._register(app, screen)


def layout_offstage(app: App, screen: Screen) -> bool:
    """Lay out and draw ``screen`` (mounted, not shown) at the app's size, so its
    first ``push_screen`` finds its layout done and its widgets' lines drawn.
    True once nothing is left to do: a first layout gives every widget its size,
    and each asks for one more layout; call again (at a later tick) until True.
    """
    if not screen.is_mounted or screen.is_current:
        return screen.is_current
    if screen._size == app.size and not screen._layout_required:
        # Its frame timer's first tick comes a whole frame (1/60 s) after the timer
        # first runs: started now, it ticks at once when the screen is first shown.
        screen._update_timer.resume()
        return True
    screen._refresh_layout(app.size)
    screen._layout_required = False
    screen._compositor.render_update(full=True)
    return False


def round_bar_again(progress: ProgressBar) -> None:
    """Round ``progress``'s bar to half cells of the width it has now. Textual's Bar
    rounds its figure to the width it had when the figure was set, so a bar whose
    width changed in the same frame draws it up to half a cell off."""
    from textual.widgets._progress_bar import Bar  # with the dashboard, not at start-up

    bar = progress.query_one(Bar)
    bar.percentage = progress.percentage


def _app_style_state(app: App) -> tuple:
    return app._css_update_count, frozenset(app.classes), frozenset(app.get_pseudo_classes())


class RestyleWhenStale:
    """Mixin for Screen subclasses (before Screen among the bases): a screen shown
    again is styled again only if the app's styles changed while it was hidden.

    ``push_screen`` asks every screen it shows to apply the stylesheet to all its
    widgets once more (``ScreenResume.refresh_styles``), for what may have changed
    while it was off the stack: a theme (Textual counts those in
    ``App._css_update_count``), the app's classes and pseudo-classes. A widget's
    own classes and pseudo-classes restyle it when they change, shown or not. If
    none of the app's changed, the pass changes nothing; it took 30-35 ms of a
    kept settings dialog's opening. Textual calls each class's own
    ``_on_screen_resume`` in turn, this one before Screen's.
    """

    _styled_for: tuple | None = None

    def _on_mount(self, event: events.Mount) -> None:
        self._styled_for = _app_style_state(self.app)  # type: ignore[attr-defined]

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        state = _app_style_state(self.app)  # type: ignore[attr-defined]
        if state == self._styled_for:
            event.refresh_styles = False
        self._styled_for = state


class NoMatchesIn:
    """Mixin for a CommandPalette: its "no matches" line in ``no_matches()``'s words.

    Textual's ``CommandPalette._start_no_matches_countdown`` (Textual 8.2), with
    the text of the line as the one change."""

    def no_matches(self) -> str:
        raise NotImplementedError

    def _start_no_matches_countdown(self, search_value: str) -> None:
        from rich.align import Align
        from rich.text import Text
        from textual.command import CommandList
        from textual.widgets.option_list import Option

        palette = self
        palette._stop_no_matches_countdown()  # type: ignore[attr-defined]

        def show_no_matches() -> None:
            if search_value:
                palette.query_one(CommandList).add_option(  # type: ignore[attr-defined]
                    Option(Align.center(Text(self.no_matches(), style="not bold")), disabled=True,
                           id=palette._NO_MATCHES))  # type: ignore[attr-defined]
                palette._list_visible = True  # type: ignore[attr-defined]
            else:
                palette._list_visible = False  # type: ignore[attr-defined]

        palette._no_matches_timer = palette.set_timer(  # type: ignore[attr-defined]
            palette._NO_MATCHES_COUNTDOWN, show_no_matches)  # type: ignore[attr-defined]
