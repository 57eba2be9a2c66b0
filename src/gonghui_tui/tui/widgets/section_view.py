"""The detail pane: one section at a time (Textual's Markdown is slow on big
documents, so only the selected section's body is ever rendered).

Titles, lists and notes are course content and are shown as plain Text;
only the body is Markdown, and its links never run anything.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Markdown, Static

from gonghui_tui.domain.course import Course, Section
from gonghui_tui.i18n import t

NOTE_STYLES = {"gap": "bold yellow", "supplement": "bold cyan", "info": "bold"}


class SectionView(VerticalScroll):
    """Shows the selected section, or the course overview for the tree root."""

    DEFAULT_CSS = """
    SectionView .section-path { color: $text-muted; }
    SectionView .section-title { text-style: bold; color: $accent; padding-bottom: 1; }
    SectionView #section-body { padding: 0; margin: 0; }
    SectionView .section-block { padding-bottom: 1; }
    SectionView .section-meta { color: $text-muted; }
    SectionView .my-note { border-left: thick $accent; padding-left: 1; }
    """

    def __init__(self, course: Course, **kwargs) -> None:
        super().__init__(**kwargs)
        self.course = course
        self.section_id: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="section-path", classes="section-path")
        yield Static(id="section-title", classes="section-title")
        yield Markdown(id="section-body", open_links=False)
        yield Static(id="section-points", classes="section-block")
        yield Static(id="section-lists", classes="section-block")
        yield Static(id="section-notes", classes="section-block")
        yield Static(id="section-my-note", classes="section-block my-note")
        yield Static(id="section-meta", classes="section-meta")

    def on_mount(self) -> None:
        self.show(None)

    def on_markdown_link_clicked(self, event: Markdown.LinkClicked) -> None:
        event.stop()
        self.notify(t("reader.link_blocked", href=event.href), severity="warning", markup=False)

    def show(self, section_id: str | None, note: str = "", seconds: float = 0.0) -> None:
        self.section_id = section_id
        if section_id is None or section_id not in self.course.sections:
            self._show_course()
        else:
            self._show_section(self.course.sections[section_id], seconds)
        self.show_note(note)
        self.scroll_home(animate=False)

    def show_note(self, note: str) -> None:
        if not note.strip():
            self._set("section-my-note", None)
            return
        self._set("section-my-note", Group(Text(t("reader.my_note"), style="bold underline"), Text(note)))

    def _set(self, widget_id: str, content: RenderableType | None) -> None:
        widget = self.query_one(f"#{widget_id}", Static)
        shown = content is not None and not (isinstance(content, Text) and not content.plain)
        widget.update(content if shown else "")
        widget.display = shown

    def _show_course(self) -> None:
        course, meta = self.course, self.course.meta
        self._set("section-path", Text(meta.subtitle))
        self._set("section-title", Text(course.title))
        self.query_one("#section-body", Markdown).update("")
        lines = Text()
        for key, value in (
            ("reader.meta_trainer", meta.trainer),
            ("reader.meta_duration", meta.duration),
            ("reader.meta_methods", "、".join(meta.methods)),
            ("reader.meta_date", meta.source_date),
        ):
            if value:
                lines.append(t(key, v=value) + "\n")
        lines.append(t("reader.meta_sections", sections=len(course.sections), cards=len(course.cards)))
        self._set("section-points", _heading(t("reader.course_info")) + lines)
        self._set("section-lists", None)
        self._set("section-notes", None)
        self._set("section-meta", Text(t("reader.source", source=meta.source)) if meta.source else None)

    def _show_section(self, section: Section, seconds: float) -> None:
        path = self.course.path(section.id)
        self._set("section-path", Text(" › ".join(s.title for s in path[:-1]) or self.course.title))
        self._set("section-title", Text(section.title))
        self.query_one("#section-body", Markdown).update(section.body)
        self._set("section-points", _points(section))
        self._set("section-lists", _lists(section))
        self._set("section-notes", _notes(section))
        own, under = len(self.course.cards_in(section.id)), len(self.course.cards_under(section.id))
        meta = Text(t("reader.cards", n=own))
        if under != own:
            meta.append(t("reader.cards_under", n=under))
        if seconds >= 60:
            meta.append("\n" + t("reader.time_spent", minutes=round(seconds / 60)))
        if section.source:
            meta.append("\n" + t("reader.source", source=section.source))
        self._set("section-meta", meta)


def _heading(title: str) -> Text:
    return Text(title + "\n", style="bold underline")


def _bulleted(rows: list[tuple[str, Text]]) -> Table:
    """Marker and text in two columns, so wrapped CJK lines hang under the text."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    for marker, text in rows:
        grid.add_row(Text(marker, style="bold"), text)
    return grid


def _points(section: Section) -> Group | None:
    if not section.key_points:
        return None
    return Group(Text(t("reader.key_points"), style="bold underline"),
                 _bulleted([("•", Text(p)) for p in section.key_points]))


def _lists(section: Section) -> Group | None:
    parts: list[RenderableType] = []
    for lst in section.lists:
        title = Text(lst.title, style="bold underline")
        if lst.ordered:
            title.append(t("reader.ordered"), style="dim")
        rows = []
        for i, item in enumerate(lst.items, 1):
            text = Text(item.text, style="bold")
            if item.detail:
                text.append("：" + item.detail, style="not bold")
            rows.append((f"{i}." if lst.ordered else "•", text))
        if parts:
            parts.append(Text())
        parts.extend([title, _bulleted(rows)])
    return Group(*parts) if parts else None


def _notes(section: Section) -> Text:
    text = Text()
    for note in section.notes:
        text.append(f"【{t('reader.' + note.kind)}】", style=NOTE_STYLES.get(note.kind, "bold"))
        text.append(note.text + "\n")
        if note.source:
            text.append(t("reader.note_source", source=note.source) + "\n", style="dim")
    text.rstrip()
    return text
