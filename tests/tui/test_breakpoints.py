"""Screens are first styled with their size classes in place (issue 14.8: start-up not slower).

Textual sets a screen's breakpoint classes (-short below 16 rows, -roomy from
16) on its first Resize, after the screen and its widgets were styled without
them: everything was then styled again before the first frame (~30 ms on the
reader's, measured in docs/performance.md).
"""

from __future__ import annotations

import pytest
from textual.css.stylesheet import Stylesheet
from textual.screen import Screen

OPENED_BY = {"reader": (), "dashboard": ("p",), "help": ("question_mark",), "settings": ("comma",),
             "export": ("e",), "search": ("slash",), "drill": ("D",)}


@pytest.mark.parametrize("size", [(80, 24), (40, 12)], ids=["80x24", "40x12"])
@pytest.mark.parametrize("screen", list(OPENED_BY))
async def test_a_screen_is_first_styled_with_its_size_class(app, monkeypatch, size, screen):
    first_classes: dict[int, frozenset[str]] = {}
    apply = Stylesheet.apply

    def recording(self, node, *args, **kwargs):
        if isinstance(node, Screen):
            first_classes.setdefault(id(node), frozenset(node.classes))
        return apply(self, node, *args, **kwargs)

    monkeypatch.setattr(Stylesheet, "apply", recording)
    wanted, unwanted = ("-roomy", "-short") if size[1] >= 16 else ("-short", "-roomy")
    async with app.run_test(size=size) as pilot:
        await pilot.press(*OPENED_BY[screen])
        await pilot.pause()
        shown = app.screen
        assert shown.has_class(wanted) and not shown.has_class(unwanted)
        assert wanted in first_classes[id(shown)], type(shown).__name__


# (The dashboard is styled a third time when its figures arrive, after its first frame.)
@pytest.mark.parametrize("screen", ["help", "settings", "export", "search", "drill"])
async def test_opening_a_screen_styles_its_widgets_twice_not_more(app, monkeypatch, screen):
    """Textual styles a widget when it is mounted and once when its screen is shown.
    Focusing a field in on_mount (settings, the export dialog) styled every widget
    of the screen twice more, through the focus-within classes of its containers:
    those screens now name the field in AUTO_FOCUS instead."""
    styled: dict[int, int] = {}
    apply = Stylesheet.apply

    def counting(self, node, *args, **kwargs):
        styled[id(node)] = styled.get(id(node), 0) + 1
        return apply(self, node, *args, **kwargs)

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        monkeypatch.setattr(Stylesheet, "apply", counting)
        await pilot.press(*OPENED_BY[screen])
        for _ in range(20):  # the drill shows its first card a frame after it is up
            await pilot.pause()
            if app.screen.focused is not None:
                break
        counts = sorted(styled.get(id(node), 0) for node in app.screen.walk_children(with_self=True))
        assert counts[len(counts) // 2] <= 2, counts
        assert app.screen.focused is not None
