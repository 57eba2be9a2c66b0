"""The course outline as a lazily built Tree: children are added on expand,
so a course of many thousands of sections opens as fast as a small one.
"""

from __future__ import annotations

from typing import Callable, ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from gonghui_tui.domain.course import Course
from gonghui_tui.domain.reading import ReadStatus
from gonghui_tui.tui.format import ellipsised
from gonghui_tui.tui.translated import Translated


MARKS = {
    ReadStatus.READ: ("√ ", "green"),
    ReadStatus.PARTIAL: ("◐ ", "yellow"),
    ReadStatus.UNREAD: ("○ ", "dim"),
}


class OutlineTree(Translated, Tree[str]):
    """Each title on one line, ellipsised to the width (the detail pane shows it
    whole), so the outline never scrolls sideways."""

    DEFAULT_CSS = """
    OutlineTree { overflow-x: hidden; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "bind.toggle", show=False, id="tree.select"),
        Binding("space", "toggle_node", "bind.toggle", show=False, id="tree.toggle"),
        Binding("down", "cursor_down", "bind.cursor_down", show=False, id="tree.down"),
        Binding("j", "cursor_down", "bind.cursor_down", show=False, id="tree.j"),
        Binding("up", "cursor_up", "bind.cursor_up", show=False, id="tree.up"),
        Binding("k", "cursor_up", "bind.cursor_up", show=False, id="tree.k"),
        Binding("left", "collapse_or_parent", "bind.parent", show=False, id="tree.left"),
        Binding("right", "expand_node", "bind.expand", show=False, id="tree.right"),
        Binding("shift+left", "cursor_parent", "bind.parent", show=False, id="tree.parent2"),
    ]

    def __init__(self, course: Course, status: Callable[[str], ReadStatus] | None = None,
                 **kwargs) -> None:
        super().__init__(Text(course.title), data=None, **kwargs)
        self.course = course
        self.status = status
        self.show_root = True
        self.guide_depth = 2
        self._section_nodes: dict[str, TreeNode[str]] = {}

    def on_mount(self) -> None:
        self._fill(self.root)
        self.root.expand()

    def _fill(self, node: TreeNode[str]) -> None:
        """Add the children of ``node`` once."""
        if node.children:
            return
        for child_id in self.course.children(node.data):
            section = self.course.sections[child_id]
            child = node.add(
                Text(section.title),
                data=child_id,
                allow_expand=bool(self.course.children(child_id)),
            )
            self._section_nodes[child_id] = child

    def render_label(self, node: TreeNode[str], base_style: Style, style: Style) -> Text:
        label = super().render_label(node, base_style, style)
        if self.status is not None and node.data is not None:
            mark, colour = MARKS[self.status(node.data)]
            # After the expand arrow (if any), before the title.
            arrow = len(label) - len(node.label)
            label = Text.assemble(label[:arrow], (mark, colour), label[arrow:])
        room = self.scrollable_content_region.width - self._guide_width(node)
        return ellipsised(label, room) if room > 0 else label

    def _guide_width(self, node: TreeNode[str]) -> int:
        """Cells the tree guides take left of ``node``'s label."""
        depth = 0
        while node.parent is not None:
            node, depth = node.parent, depth + 1
        return self.guide_depth * (depth if self.show_root else depth - 1)

    def refresh_marks(self) -> None:
        # Each drawn line is cached under the update counts of the nodes on its
        # path; the root is on every path, so refreshing it redraws every line.
        self.root.refresh()
        self.refresh()

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[str]) -> None:
        self._fill(event.node)

    def action_collapse_or_parent(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.is_expanded and node.children:
            node.collapse()
        elif node.parent is not None:
            self.move_cursor(node.parent)

    def action_expand_node(self) -> None:
        node = self.cursor_node
        if node is not None and node.allow_expand:
            node.expand()

    def select_section(self, section_id: str) -> None:
        """Move the cursor to a section, expanding its ancestors on the way."""
        if section_id not in self.course.sections:
            return
        for ancestor in self.course.path(section_id)[:-1]:
            node = self._section_nodes.get(ancestor.id)
            if node is not None:
                self._fill(node)
                node.expand()
        node = self._section_nodes.get(section_id)
        if node is not None:
            # Line numbers of freshly added nodes are known only after a refresh.
            self.call_after_refresh(self.move_cursor, node, animate=False)
