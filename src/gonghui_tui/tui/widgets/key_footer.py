"""The key footer: one line of the keys that work now, drawn as one widget.

Textual 8.2's Footer is a row of FooterKey widgets that it recomposes after
every bindings change. In the drill, where bindings change on every key,
that cost more than the card itself:
- each key widget has an ``auto`` width, so a changed label moved and
  resized its neighbours, and every resize asked the screen for one more
  layout pass: three passes per drill key, each drawing every key widget;
- a recompose made, mounted and styled the key widgets again (~35 ms);
- every FooterKey it replaced stayed alive through its ``compact`` binding,
  and full garbage collections grew from 20 ms to 90 ms within 25 cards.

This footer is a single widget of fixed size. A bindings change marks it
stale and asks for a repaint (never a layout); the keys are read from the
screen when it is next drawn, in the same frame as whatever changed them.

It fits its labels to the width (footer_fit.py) in terminal cells (a Chinese character takes
two): a label is shown whole, or in its short form from the catalogue, or
not at all. Textual's Footer let keys run under the docked palette key,
which cut labels mid-character ("c 突 ▏^p 命令面板", "^p 命令  板").
A click on a key presses it, as on Textual's footer; hovering shows its
tooltip.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.segment import Segment
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget

from gonghui_tui.tui.translated import shown_description
from gonghui_tui.tui.widgets.footer_fit import fit_labels

DIVIDER = "▏"  # left of the palette key
DIM = Style(dim=True)  # a key that does nothing now
# Kept when the footer is narrow: the way out of the program, and the way back
# from the drill's summary (at 40 columns "u 撤销" took its place).
FIRST_ACTIONS = ("quit", "back")


class KeySpec(NamedTuple):
    """One key as the footer shows it."""

    key: str
    display: str
    label: str
    action: str
    disabled: bool
    tooltip: str
    is_palette: bool


class Placed(NamedTuple):
    """A key drawn on the footer, and the cells it covers (start inclusive, end exclusive)."""

    spec: KeySpec
    start: int
    end: int


class KeyFooter(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-footer--key", "key-footer--description", "key-footer--hover",
                         "key-footer--divider"}
    # The colours of Textual's Footer and FooterKey, so themes apply as before.
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        text-overflow: clip;
        &> .key-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        &> .key-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        &> .key-footer--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        &> .key-footer--divider {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None,
                 show_command_palette: bool = True) -> None:
        super().__init__(id=id, classes=classes)
        self.show_command_palette = show_command_palette
        self._stale = True
        self._specs: list[KeySpec] = []
        self._specs_width = -1
        self._placed: list[Placed] = []
        self._pointer: int | None = None  # the mouse's cell on the footer
        self._strip = Strip([])
        self._strip_of: tuple | None = None  # what the kept strip shows
        self._styles: dict[str, Style] = {}

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen) -> None:
        # As Textual's Footer: while the terminal has no focus, the keys stay as they were.
        if not screen.app.app_focus or screen is not self.screen:
            return
        self._stale = True
        self.refresh()

    # -- what to show -------------------------------------------------------------------
    def _active(self) -> tuple[list[tuple[Binding, bool, str]], tuple | None]:
        """The keys to show, one per action as Footer does, and the palette key."""
        active = self.screen.active_bindings
        seen: set[str] = set()
        keys: list[tuple[Binding, bool, str]] = []
        for _, binding, enabled, tooltip in active.values():
            if binding.show and binding.action not in seen and shown_description(binding.description):
                seen.add(binding.action)
                keys.append((binding, enabled, tooltip))
        # Quit first: a narrow footer never leaves out the way out.
        order = {action: i for i, action in enumerate(FIRST_ACTIONS)}
        keys.sort(key=lambda k: order.get(k[0].action, len(order)))
        palette = None
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        return keys, palette

    def candidates(self, active: tuple | None = None) -> tuple[list[tuple[str, str]], tuple[str, str] | None]:
        """(key display, label) of every key that would be shown, and of the palette key
        (of ``active``, what ``_active`` returned, when given)."""
        keys, palette = active or self._active()
        return ([(self.app.get_key_display(b), shown_description(b.description) or "") for b, _, _ in keys],
                (self.app.get_key_display(palette[1]), shown_description(palette[1].description) or "")
                if palette else None)

    def specs(self) -> list[KeySpec]:
        """Each key shown at the current width, the palette key last."""
        width = self.size.width
        if self._stale or width != self._specs_width:
            self._specs = self._read_specs(width) if width else []
            self._specs_width = width
            self._stale = False
        return self._specs

    def _read_specs(self, width: int) -> list[KeySpec]:
        keys, palette = active = self._active()
        items, palette_item = self.candidates(active)
        shown, palette_label = fit_labels(items, palette_item, width)
        specs = []
        for index, label in shown:
            binding, enabled, tooltip = keys[index]
            specs.append(KeySpec(binding.key, items[index][0], label, binding.action,
                                 not enabled, tooltip or binding.description, False))
        if palette is not None and palette_item is not None and palette_label is not None:
            _, binding, enabled, tooltip = palette
            specs.append(KeySpec(binding.key, palette_item[0], palette_label, binding.action,
                                 not enabled, binding.tooltip or binding.description, True))
        return specs

    @property
    def placed(self) -> list[Placed]:
        """The keys as last drawn, with the cells each covers."""
        return list(self._placed)

    # -- drawing --------------------------------------------------------------------------
    def notify_style_update(self) -> None:
        self._styles.clear()  # the theme or the stylesheet changed
        self._strip_of = None
        super().notify_style_update()

    def _style(self, component: str) -> Style:
        """A component's style, kept between repaints (a repaint clears Textual's cache)."""
        if component not in self._styles:
            self._styles[component] = self.get_component_rich_style(f"key-footer--{component}")
        return self._styles[component]

    def render_line(self, y: int) -> Strip:
        """The footer's one line, built from segments (Textual's line API). Drawn as
        rich Text it went through Content and styling again on every frame: ~1.8 ms
        of each drill key's frame. The strip is kept while nothing it shows changes."""
        width = self.size.width
        if y:
            return Strip.blank(width, self.rich_style)
        specs = self.specs()
        shown = (tuple(specs), width, self._pointer)
        if shown != self._strip_of:
            self._strip, self._strip_of = self._draw(specs, width), shown
        if self._pointer is not None:  # the keys may have changed under a resting pointer
            self.call_next(self._follow_pointer)
        return self._strip

    def _draw(self, specs: list[KeySpec], width: int) -> Strip:
        base, key_style, label_style = self.rich_style, self._style("key"), self._style("description")
        hover = Style(bgcolor=self._style("hover").bgcolor)
        segments: list[Segment] = []
        placed: list[Placed] = []
        x = 0
        for spec in specs:
            if spec.is_palette:
                # Docked right after a divider, compact ("▏^p 命令"), as Textual's Footer draws it.
                label = f" {spec.label}" if spec.label else ""
                gap = max(0, width - x - (1 + cell_len(spec.display) + cell_len(label) + 1))
                segments += [Segment(" " * gap, base), Segment(DIVIDER, self._style("divider"))]
                x += gap + 1
                parts = [(spec.display, key_style), (f"{label} ", label_style)]
            else:
                parts = [(f" {spec.display} ", key_style)] + ([(f"{spec.label} ", label_style)] if spec.label else [])
            start = x
            x += sum(cell_len(text) for text, _ in parts)
            extra = DIM if spec.disabled else hover if start <= (self._pointer if self._pointer is not None else -1) < x \
                else None
            segments += [Segment(text, style + extra if extra else style) for text, style in parts]
            placed.append(Placed(spec, start, x))
        if x < width:
            segments.append(Segment(" " * (width - x), base))
        self._placed = placed
        return Strip(segments).crop(0, width)

    # -- the mouse ------------------------------------------------------------------------
    def _key_at(self, x: int | None) -> Placed | None:
        return next((place for place in self._placed if x is not None and place.start <= x < place.end), None)

    def _follow_pointer(self) -> None:
        place = self._key_at(self._pointer)
        tooltip = place.spec.tooltip or None if place is not None else None
        if self.tooltip != tooltip:
            self.tooltip = tooltip

    def on_mouse_move(self, event: events.MouseMove) -> None:
        before = self._key_at(self._pointer)
        self._pointer = event.x
        if self._key_at(event.x) != before:
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        self._pointer = None
        self.tooltip = None
        self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        place = self._key_at(event.x)
        if place is None:
            return
        if place.spec.disabled:
            self.app.bell()
        else:
            self.app.simulate_key(place.spec.key)
