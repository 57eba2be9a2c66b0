"""Reading what the user sees: the composed screen as lines of text."""

from __future__ import annotations

from textual.app import App


def screen_text(app: App) -> str:
    """Every line of the current screen, as the terminal would show it."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def squash(text: str) -> str:
    """Text with spaces and line breaks removed, for finding wrapped CJK phrases."""
    return "".join(text.split())


def tree_label(app: App, section_id: str) -> str:
    """The outline's label for a section as drawn (mark and title), untruncated."""
    from rich.style import Style

    from gonghui_tui.tui.widgets.outline_tree import OutlineTree

    tree = app.screen.query_one(OutlineTree)
    node = tree._section_nodes[section_id]
    return tree.render_label(node, Style(), Style()).plain
