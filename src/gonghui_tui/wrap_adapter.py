"""The one place that reaches into rich and Textual to change how text wraps.

rich's Text.wrap and Textual's Content.wrap both call the module-level name
``divide_line`` (from rich._wrap); there is no public hook for a line
breaking rule. ``install`` points those names at ``linebreak.divide_line``,
which keeps rich's contract and adds the Chinese rules (禁则).
tests/unit/test_linebreak.py fails loudly if either module stops using it.
"""

from __future__ import annotations

import importlib

from gonghui_tui import linebreak

RICH = "rich.text"
TEXTUAL = "textual.content"


def install(textual: bool = True) -> None:
    """Wrap by the Chinese rules in rich (the CLI's tables) and, unless told not to, Textual."""
    for name in (RICH, TEXTUAL) if textual else (RICH,):
        module = importlib.import_module(name)
        if not callable(getattr(module, "divide_line", None)):
            raise RuntimeError(f"{name}.divide_line is gone: update gonghui_tui/wrap_adapter.py")
        module.divide_line = linebreak.divide_line  # type: ignore[attr-defined]
