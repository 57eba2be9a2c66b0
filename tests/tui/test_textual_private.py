"""What tui/textual_private.py takes from Textual's private API still exists and
still behaves as assumed: a Textual upgrade that changes it fails here, by name.
And the outline redraws its marks through public API only."""

from __future__ import annotations

from textual.binding import Binding, BindingsMap
from textual.reactive import Reactive
from textual.widget import Widget

from gonghui_tui.storage.settings import Settings
from gonghui_tui.tui.app import GonghuiApp
from gonghui_tui.tui.textual_private import fresh_bindings

from .helpers import screen_text


class _Keys(Widget):
    BINDINGS = [Binding("x", "noop", "bind.close", id="probe.x")]


def test_each_node_owns_a_fresh_copy_of_its_class_bindings():
    assert isinstance(_Keys._merged_bindings, BindingsMap)  # Textual merges class bindings here
    a, b = _Keys(), _Keys()
    assert a._bindings is not b._bindings  # ... and copies them into each node
    a._bindings.key_to_bindings["x"] = []
    own = fresh_bindings(a)
    assert own is a._bindings
    assert [binding.id for binding in own.key_to_bindings["x"]] == ["probe.x"]
    own.key_to_bindings["x"] = []
    assert [binding.id for binding in b._bindings.key_to_bindings["x"]] == ["probe.x"]
    assert [binding.id for binding in fresh_bindings(b).key_to_bindings["x"]] == ["probe.x"]


async def test_marking_a_section_read_redraws_its_mark_in_the_outline(course, store, clock):
    app = GonghuiApp(course=course, store=store, settings=Settings(), now=clock.now)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j", "j")
        before = screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        after = screen_text(app)
        assert after != before
        changed = [line for old, line in zip(before.splitlines(), after.splitlines()) if old != line]
        assert any("√" in line or "◐" in line for line in changed)


async def test_the_header_is_built_of_the_parts_title_header_replaces(app):
    from textual.widgets import Header

    from gonghui_tui.tui.textual_private import HeaderClockSpace, HeaderIcon, HeaderTitle
    from gonghui_tui.tui.widgets.title_header import FittedTitle

    async with app.run_test(size=(80, 24)):
        header = app.screen.query_one(Header)
        assert [type(child) for child in header.children] == [HeaderIcon, FittedTitle, HeaderClockSpace]
        assert issubclass(FittedTitle, HeaderTitle)
        assert header.query_one(HeaderTitle) is header.children[1]  # Header's own update finds it


def test_the_reactives_fewer_passes_redeclares_are_still_textuals():
    """tui/fewer_passes.py redeclares two of Textual's reactives with less work
    attached; if Textual renames them or stops declaring them as reactives, the
    redeclaration would silently do nothing (or shadow something else)."""
    from textual.screen import Screen

    from gonghui_tui.tui.fewer_passes import OnePass, QuietFocus

    focused, virtual_size = Screen.__dict__.get("focused"), Widget.__dict__.get("virtual_size")
    assert isinstance(focused, Reactive) and isinstance(virtual_size, Reactive)
    assert focused._repaint and virtual_size._layout  # what the redeclarations take away
    assert not QuietFocus.__dict__["focused"]._repaint
    assert not OnePass.__dict__["virtual_size"]._layout and not OnePass.__dict__["virtual_size"]._repaint


async def test_a_screen_composed_off_stage_is_mounted_and_pushed_without_composing_again(app):
    """compose_offstage uses App._register as push_screen does for a screen it never ran:
    the screen composes and mounts off the stack, and a later push only shows it."""
    from textual.screen import Screen
    from textual.widgets import Static

    from gonghui_tui.tui.textual_private import compose_offstage

    composed: list[int] = []

    class Probe(Screen):
        def compose(self):
            composed.append(1)
            yield Static("探针", id="probe")

    async with app.run_test(size=(60, 12)) as pilot:
        probe = Probe()
        app.install_screen(probe, "probe")
        compose_offstage(app, probe)
        await pilot.pause()
        assert probe.is_mounted and probe.query_one("#probe") and probe not in app.screen_stack
        assert app.screen is not probe
        app.push_screen("probe")
        await pilot.pause()
        assert app.screen is probe and composed == [1] and "探针" in screen_text(app)


async def test_a_screen_laid_out_off_stage_is_shown_without_a_layout_or_a_restyle(app, monkeypatch):
    """layout_offstage uses Screen._refresh_layout, _layout_required, _size and the
    compositor as Textual's own first showing does; RestyleWhenStale turns off the
    restyle of ScreenResume when the app's styles did not change. The screen is then
    shown by drawing it only, and shows what it holds."""
    from textual.css.stylesheet import Stylesheet
    from textual.screen import Screen
    from textual.widgets import Static

    from gonghui_tui.tui.fewer_passes import QuietFocus
    from gonghui_tui.tui.textual_private import compose_offstage, layout_offstage

    class Probe(QuietFocus, Screen):
        def compose(self):
            yield Static("探针 " * 30, id="probe")

    async with app.run_test(size=(60, 12)) as pilot:
        probe = Probe()
        app.install_screen(probe, "probe")
        compose_offstage(app, probe)
        for _ in range(10):
            await pilot.pause()
            if layout_offstage(app, probe):
                break
        assert probe.size == app.size and probe.query_one("#probe").size.height == 3  # wrapped at 60
        assert probe._update_timer is not None  # its frame timer runs already
        layouts, styled = [], []
        refresh_layout, apply = Screen._refresh_layout, Stylesheet.apply
        monkeypatch.setattr(Screen, "_refresh_layout",
                            lambda self, *a, **k: (layouts.append(self), refresh_layout(self, *a, **k))[1])
        monkeypatch.setattr(Stylesheet, "apply", lambda self, node, *a, **k: (styled.append(node), apply(self, node, *a, **k))[1])
        app.push_screen("probe")
        await pilot.pause()
        assert app.screen is probe and "探针" in screen_text(app)
        assert probe not in layouts and probe.query_one("#probe") not in styled


async def test_a_progress_bar_is_rounded_again_to_the_width_it_has_now(app):
    """round_bar_again reaches the ProgressBar's private Bar: it must still be there,
    and its figure must be rounded to half cells of its width of now."""
    from textual.screen import Screen
    from textual.widgets import ProgressBar

    from gonghui_tui.tui.textual_private import round_bar_again

    class Probe(Screen):
        def compose(self):
            yield ProgressBar(total=16, show_eta=False)

    async with app.run_test(size=(60, 12)) as pilot:
        app.push_screen(Probe())
        await pilot.pause()
        progress = app.screen.query_one(ProgressBar)
        progress.update(progress=1)
        await pilot.pause()
        round_bar_again(progress)
        bar = progress.query_one("Bar")
        cells = bar.size.width * 2
        assert cells and bar.percentage == int(progress.percentage * cells) / cells
