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
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._rebuild_queued = False
        self._shown: tuple | None = None

    def bindings_changed(self, screen: Screen) -> None:
        # Footer.bindings_changed, except that a rebuild already queued is enough:
        # it reads the bindings as they are when it runs.
        self._bindings_ready = True
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
        ) + (self.show_command_palette, self.compact)

    async def _rebuild(self) -> None:
        self._rebuild_queued = False
        if not self.is_attached:
            return
        shown = self._keys_to_show()
        if shown == self._shown:
            return
        self._shown = shown
        await self.recompose()
        # Calls the watchers of `compact`, which drops those of removed keys.
        self.mutate_reactive(Footer.compact)
