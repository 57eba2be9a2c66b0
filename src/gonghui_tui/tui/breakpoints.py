"""Screens start with the app's breakpoint classes already set.

Textual gives a screen its breakpoint classes (``-short``/``-roomy``, see
``GonghuiApp.VERTICAL_BREAKPOINTS``) when the screen's first Resize arrives,
after its widgets were styled once: every widget is then styled again, ~30 ms
before the reader's first frame. Set from the app's size when the screen is
made, the classes are already right and that Resize changes nothing. Textual
still sets them on every later resize.
"""

from __future__ import annotations

from textual.screen import Screen


def breakpoint_classes(screen: Screen, width: int, height: int) -> dict[str, bool]:
    """The classes Textual's Screen would set for this size (its own rule: the largest
    breakpoint not above the dimension)."""
    app = screen.app
    horizontal = (app.HORIZONTAL_BREAKPOINTS if screen.HORIZONTAL_BREAKPOINTS is None
                  else screen.HORIZONTAL_BREAKPOINTS) or []
    vertical = (app.VERTICAL_BREAKPOINTS if screen.VERTICAL_BREAKPOINTS is None
                else screen.VERTICAL_BREAKPOINTS) or []
    classes = {name: False for _, name in horizontal + vertical}
    for dimension, breakpoints in ((width, horizontal), (height, vertical)):
        for least, name in sorted(breakpoints, reverse=True):
            if dimension >= least:
                classes[name] = True
                break
    return classes


class BreakpointsAtStart:
    """Mixin for Screen subclasses (put it first among the bases)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        screen: Screen = self  # type: ignore[assignment]
        try:
            width, height = screen.app.size
        except Exception:  # made outside a running app (a test): Textual sets them on resize
            return
        screen.update_classes(breakpoint_classes(screen, width, height), update=False)
