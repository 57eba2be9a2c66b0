"""The reading screen: outline on the left, the selected section on the right."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header, Tree

from gonghui_tui.domain.course import Course
from gonghui_tui.tui.translated import Translated
from gonghui_tui.tui.widgets.outline_tree import OutlineTree
from gonghui_tui.tui.widgets.section_view import SectionView


class ReaderScreen(Translated, Screen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "app.focus_next", "bind.focus_next", show=False, id="reader.focus_next"),
    ]

    def __init__(self, course: Course) -> None:
        super().__init__()
        self.course = course

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="reader"):
            yield OutlineTree(self.course, id="outline")
            yield SectionView(self.course, id="detail")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OutlineTree).focus()

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        self.query_one(SectionView).show(event.node.data)

    @property
    def current_section(self) -> str | None:
        return self.query_one(SectionView).section_id
