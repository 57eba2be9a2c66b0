"""The baseline: a bare Textual app with a Tree of the course and one Markdown
section, that exits as soon as its first screen is drawn (headless)."""

from __future__ import annotations

import sys
import tomllib

from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.widgets import Markdown, Tree


class BareApp(App):
    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        with open(self.path, "rb") as handle:
            data = tomllib.load(handle)
        tree: Tree[str] = Tree(data["course"]["title"])
        for section in data["sections"]:
            if "parent" not in section:
                tree.root.add(section["title"])
        tree.root.expand()
        with Horizontal():
            yield tree
            yield Markdown(data["sections"][0].get("body", ""))

    def on_mount(self) -> None:
        self.call_after_refresh(self.exit)


if __name__ == "__main__":
    BareApp(sys.argv[1]).run(headless=True)
