"""What screens (and the command palette) ask of the app. They post these
instead of calling the app's methods; the app decides how to do it."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class StartDrill(Message):
    """Drill a section and everything under it (None: the whole course)."""

    section_id: str | None
    cram: bool = False


@dataclass
class ShowCards(Message):
    """The card list of a section (None: the whole course)."""

    section_id: str | None


class OpenSearch(Message):
    """The search screen over the whole course."""


@dataclass
class JumpTo(Message):
    """Back to the reader, on this section."""

    section_id: str
