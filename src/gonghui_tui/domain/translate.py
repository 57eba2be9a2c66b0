"""How the domain asks for words without knowing the language.

Domain code that produces text for people takes a ``Translate`` (the edge
passes ``gonghui_tui.i18n.translator(lang)``) or returns a ``Message`` that
the edge renders. Domain code never imports ``gonghui_tui.i18n``: what it
stores and computes is the same whatever language the screen speaks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Protocol


class Translate(Protocol):
    def __call__(self, key: str, /, **values: Any) -> str: ...


class Key(str):
    """A catalogue key used as a value inside another message: translated too."""


@dataclass(frozen=True)
class Message:
    """A catalogue key and its values: text for people, rendered at the edge."""

    key: str
    values: Mapping[str, Any] = field(default_factory=dict)

    def render(self, tr: Translate) -> str:
        return tr(self.key, **self.values)

    def __str__(self) -> str:  # for logs and tracebacks only, never shown to a user
        return f"{self.key} {dict(self.values)}" if self.values else self.key
