"""Textual's Header, with the title fitted to the width in whole characters.

Textual ellipsises the header by cells and pads a cut wide character with a
space ("…策略与实 …"); here a Chinese character is shown whole or not at all.
"""

from __future__ import annotations

from textual.app import ComposeResult, RenderResult
from textual.content import Content
from textual.widgets import Header

from gonghui_tui.tui.format import ellipsis_keep
from gonghui_tui.tui.glyphs import HEADER_ICON
from gonghui_tui.tui.textual_private import HeaderClockSpace, HeaderIcon, HeaderTitle


class FittedTitle(HeaderTitle):
    def render(self) -> RenderResult:
        visual = super().render()
        if not isinstance(visual, Content):
            return visual
        keep = ellipsis_keep(visual.plain, self.content_region.width)
        if keep is None or self.content_region.width < 1:
            return visual
        while keep and visual.plain[keep - 1] == " ":  # "Companion —…", not "Companion — …"
            keep -= 1
        return Content.assemble(visual[:keep], ("…", "dim"))


class TitleHeader(Header):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("icon", HEADER_ICON)  # Textual's own icon is missing from CJK monospace fonts
        super().__init__(*args, **kwargs)

    def compose(self) -> ComposeResult:
        yield HeaderIcon().data_bind(Header.icon)
        yield FittedTitle()
        yield HeaderClockSpace()
