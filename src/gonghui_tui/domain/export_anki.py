"""Cards as an Anki-importable text file (tab-separated, with Anki's header
lines), imported as Basic and Cloze notes into one deck, tagged with the
section path."""

from __future__ import annotations

import hashlib
import html
import re

from gonghui_tui.domain.cards import cloze_pieces
from gonghui_tui.domain.course import Card, CardKind, Course

TYPED_NOTETYPE = "Basic (type in the answer)"
_TAG_UNSAFE = re.compile(r"[\s\"“”]+")


def _html(text: str) -> str:
    return html.escape(text).replace("\t", " ").replace("\r\n", "<br>").replace("\r", "<br>").replace("\n", "<br>")


def header_value(text: str) -> str:
    """A value on one ``#key:value`` header line: a newline in a course title must
    not start a header line of its own (``#separator:comma``)."""
    return " ".join(text.split())


def section_tag(course: Course, section_id: str) -> str:
    """A hierarchical Anki tag from the section path: 课程::部分::小节."""
    parts = [course.meta.subtitle or course.title] + [s.title for s in course.path(section_id)]
    return "::".join(_TAG_UNSAFE.sub("_", p).strip("_") or "_" for p in parts)


def _cloze_text(card: Card) -> str:
    return "".join(f"{{{{c1::{_html(p.text)}}}}}" if p.gap else _html(p.text)
                   for p in cloze_pieces(card.front))


def note_fields(card: Card) -> tuple[str, str, str]:
    """(note type, first field, second field) for one card."""
    if card.kind is CardKind.CLOZE:
        return "Cloze", _cloze_text(card), _html(card.back)
    if card.kind is CardKind.LIST:
        tag = "ol" if card.ordered else "ul"
        items = "".join(f"<li>{_html(i.text)}" + (f"：{_html(i.detail)}" if i.detail else "") + "</li>"
                        for i in card.items)
        return "Basic", _html(card.front), f"<{tag}>{items}</{tag}>"
    if card.kind is CardKind.CHOICE:
        options = "".join(f"<li>{_html(o)}</li>" for o in card.options)
        back = "<br>".join(_html(a) for a in card.answers)
        if card.back:
            back += "<br><br>" + _html(card.back)
        return "Basic", f"{_html(card.front)}<ol type=\"a\">{options}</ol>", back
    if card.kind is CardKind.TYPED:
        # Anki compares what is typed with the whole Back field: it holds the
        # first accepted answer alone (Anki knows no alternatives).
        return TYPED_NOTETYPE, _html(card.front), _html(card.answers[0])
    return "Basic", _html(card.front), _html(card.back)


def note_guid(course: Course, card: Card) -> str:
    """A stable id per card, so importing a newer file updates the notes
    instead of adding them again (Anki's `#guid column`)."""
    digest = hashlib.sha256(f"{course.id}\x1f{card.id}".encode()).hexdigest()
    return f"gonghui-{digest[:16]}"


def to_anki_tsv(course: Course) -> str:
    deck = course.meta.subtitle or course.title
    lines = [
        "#separator:tab",
        "#html:true",
        "#notetype column:1",
        "#guid column:2",
        f"#deck:{header_value(deck)}",
        "#tags column:5",
    ]
    for card in course.cards:
        kind, first, second = note_fields(card)
        lines.append("\t".join([kind, note_guid(course, card), first, second,
                                 section_tag(course, card.section)]))
    return "\n".join(lines) + "\n"
