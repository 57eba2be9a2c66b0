"""Textual's Footer, rebuilt at most once per refresh and without a leak.

Textual 8.2's Footer recomposes after every bindings change. Three problems
show up in the drill, where bindings change on every key:
- each of those changes queued its own recompose (3.6 per card);
- it recomposes even when the keys it shows are the same: ~35 ms after each
  key before the screen settles;
- every FooterKey it replaced stayed alive: a FooterKey binds `compact` to
  the Footer, and Textual drops watchers of removed widgets only when the
  watched value changes, which `compact` never does. 18 widgets per card
  were kept, and full garbage collections grew from 20 ms to 90 ms within
  25 cards (docs/performance.md).

It also fits its labels to the width in terminal cells (a Chinese character
takes two): a label is shown whole, or in its short form from the catalogue,
or not at all. Textual's Footer lets keys run under the docked palette key,
which cut labels mid-character ("c 突 ▏^p 命令面板", "^p 命令  板").
"""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer

from gonghui_tui.i18n import short_label
from gonghui_tui.tui.textual_private import (FooterKey, footer_bindings_ready, mark_footer_bindings_ready,
                                             set_footer_key)
from gonghui_tui.tui.translated import shown_description

# Cells a FooterKey takes beyond its key and label: " k " and "label " (its
# DEFAULT_CSS paddings); the palette key adds its left border and right padding.
KEY_EXTRA = 3
PALETTE_EXTRA = KEY_EXTRA + 2
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


def key_cells(key_display: str, description: str) -> int:
    return cell_len(key_display) + cell_len(description) + KEY_EXTRA


def fit_labels(items: list[tuple[str, str]], palette: tuple[str, str] | None,
               width: int) -> tuple[list[tuple[int, str]], str | None]:
    """Which keys to show and with which label, so everything fits ``width`` cells.

    ``items`` are (key display, label) in priority order: the first matter
    most. Returns (index, label) pairs and the palette key's label (None when
    it is left out). Labels are whole: full, the short form, or dropped. When
    not every key fits, the palette key shows its short form ("^p 命令"), and
    only its key when otherwise no other key would fit.
    """
    if palette is None:
        return _fit(items, width), None
    tried: list[tuple[list[tuple[int, str]], str]] = []
    for label in dict.fromkeys((palette[1], short_label(palette[1]), "")):
        cells = cell_len(palette[0]) + cell_len(label) + PALETTE_EXTRA
        if cells > width:
            continue
        shown = _fit(items, width - cells)
        if len(shown) == len(items) or (label == "" and not tried) or (shown and label != palette[1]):
            return shown, label
        tried.append((shown, label))
    return tried[-1] if tried else ([], None)


def _fit(items: list[tuple[str, str]], width: int) -> list[tuple[int, str]]:
    shown: list[tuple[int, str]] = []
    for index, (key, label) in enumerate(items):
        for choice in dict.fromkeys((label, short_label(label))):
            cells = key_cells(key, choice)
            if cells <= width:
                shown.append((index, choice))
                width -= cells
                break
        else:
            break  # a lower priority key never takes the place of a higher one
    return shown


class KeyFooter(Footer):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._rebuild_queued = False
        self._shown: tuple | None = None

    def bindings_changed(self, screen: Screen) -> None:
        # Footer.bindings_changed, except that a rebuild already queued is enough:
        # it reads the bindings as they are when it runs.
        mark_footer_bindings_ready(self)
        if self._rebuild_queued or not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self._rebuild_queued = True
            self.call_after_refresh(self._rebuild)

    def _keys_to_show(self) -> tuple:
        """What Footer.compose draws from, as a comparable value."""
        return tuple(
            (binding.key, binding.action, binding.description, binding.group, enabled, tooltip)
            for _, binding, enabled, tooltip in self.screen.active_bindings.values()
            if binding.show
        ) + (self.show_command_palette, self.compact, self._width())

    def _width(self) -> int:
        return self.size.width or self.screen.size.width

    def on_resize(self) -> None:
        if self._shown is not None and self._shown[-1] != self._width() and not self._rebuild_queued:
            self._rebuild_queued = True
            self.call_after_refresh(self._rebuild)

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

    def _specs(self) -> list[KeySpec]:
        """Each key shown, the palette key last."""
        if not footer_bindings_ready(self):
            return []
        keys, palette = active = self._active()
        shown, palette_label = fit_labels(*self.candidates(active), self._width())
        specs = []
        for index, label in shown:
            binding, enabled, tooltip = keys[index]
            specs.append(KeySpec(binding.key, self.app.get_key_display(binding), label, binding.action,
                                 not enabled, tooltip or binding.description, False))
        if palette is not None and palette_label is not None:
            _, binding, enabled, tooltip = palette
            specs.append(KeySpec(binding.key, self.app.get_key_display(binding), palette_label, binding.action,
                                 not enabled, binding.tooltip or binding.description, True))
        return specs

    def compose(self) -> ComposeResult:
        for spec in self._specs():
            widget = FooterKey(spec.key, spec.display, spec.label, spec.action, disabled=spec.disabled,
                               tooltip=spec.tooltip, classes="-command-palette" if spec.is_palette else "")
            if spec.is_palette:
                yield widget
                continue
            # Made with the footer's value: the binding then changes nothing (a
            # FooterKey starts compact, and each toggle of its class restyled it).
            widget.set_reactive(FooterKey.compact, self.compact)
            yield widget.data_bind(compact=Footer.compact)

    async def _rebuild(self) -> None:
        self._rebuild_queued = False
        if not self.is_attached:
            return
        shown = self._keys_to_show()
        if shown == self._shown:
            return
        self._shown = shown
        specs = self._specs()
        current = list(self.query_children(FooterKey))
        keys = [w for w in current if not w.has_class("-command-palette")]
        palettes = [w for w in current if w.has_class("-command-palette")]
        wanted = [spec for spec in specs if not spec.is_palette]
        palette_specs = [spec for spec in specs if spec.is_palette]
        if len(keys) >= len(wanted) and len(palettes) == len(palette_specs):
            # Enough key widgets already (the drill's keys change meaning, state and
            # number on every key): each shows its new key and the rest hide. A
            # recompose made, mounted and styled every key widget again, and drew
            # the screen twice more after each drill key.
            for widget, spec in [*zip(keys, wanted), *zip(palettes, palette_specs)]:
                set_footer_key(widget, spec.key, spec.display, spec.label, spec.action, spec.disabled,
                               spec.tooltip)
                widget.display = True
            for widget in keys[len(wanted):]:
                widget.display = False
            return
        await self.recompose()
        # Calls the watchers of `compact`, which drops those of removed keys.
        self.mutate_reactive(Footer.compact)
