"""The reading screen: outline on the left, the selected section on the right.

A section counts as read after the trainee stays on it for the dwell time
from the settings, or when they press r. Time on each section is added up,
and the last section is remembered for the next launch.
"""

from __future__ import annotations

import time
from functools import partial
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import ProgressBar, Static, Tree

from gonghui_tui.domain.course import Course
from gonghui_tui.domain.reading import Reading
from gonghui_tui.i18n import t
from gonghui_tui.tui.widgets.title_header import TitleHeader
from gonghui_tui.tui.boundary import saves
from gonghui_tui.tui.messages import OpenSearch, ShowCards, StartDrill
from gonghui_tui.tui.breakpoints import BreakpointsAtStart
from gonghui_tui.tui.fewer_passes import QuietFocus
from gonghui_tui.tui.translated import Translated, translate_bindings
from gonghui_tui.tui.widgets.outline_tree import OutlineTree
from gonghui_tui.tui.widgets.section_view import SectionView
from gonghui_tui.tui.widgets.key_footer import KeyFooter


class ReaderScreen(QuietFocus, BreakpointsAtStart, Translated, Screen):
    DEFAULT_CSS = """
    ReaderScreen #reader { height: 1fr; }
    ReaderScreen #outline-pane {
        width: 38%;
        min-width: 24;
        max-width: 50;
        height: 1fr;
        border-right: vkey $foreground 20%;
    }
    ReaderScreen #outline { height: 1fr; scrollbar-size-vertical: 1; }
    ReaderScreen #read-count { color: $text-muted; padding: 0 1; }
    ReaderScreen #read-progress { padding: 0 1; }
    ReaderScreen #read-progress Bar { width: 1fr; }
    ReaderScreen #detail { width: 1fr; padding: 0 1; scrollbar-size-vertical: 1; }
    /* Small terminals: the outline and the section take turns (o switches). */
    ReaderScreen.narrow #outline-pane { width: 100%; max-width: 100%; border-right: none; }
    ReaderScreen.narrow #detail { display: none; }
    ReaderScreen.narrow.show-detail #outline-pane { display: none; }
    ReaderScreen.narrow.show-detail #detail { display: block; }
    ReaderScreen.hide-outline #outline-pane { display: none; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "toggle_outline", "bind.outline", id="reader.outline"),
        Binding("r", "toggle_read", "bind.toggle_read", id="reader.toggle_read"),
        Binding("slash", "search", "bind.search", id="reader.search"),
        Binding("n", "note", "bind.note", id="reader.note"),
        Binding("d", "drill", "bind.drill", id="reader.drill"),
        Binding("D", "drill_all", "bind.drill_all", id="reader.drill_all"),
        Binding("c", "cram", "bind.cram", id="reader.cram"),
        Binding("l", "cards", "bind.cards", id="reader.cards"),
        Binding("tab", "app.focus_next", "bind.focus_next", show=False, id="reader.focus_next"),
        # Ahead of the outline (priority), so the dashboard is up before the next key
        # is read: "p End" typed at once scrolls the dashboard, not the outline.
        Binding("p", "app.dashboard", "bind.dashboard", show=False, priority=True, id="reader.dashboard"),
    ]

    def __init__(self, course: Course, reading: Reading, dwell_seconds: float) -> None:
        super().__init__()
        self.course = course
        self.reading = reading
        self.dwell_seconds = dwell_seconds
        self._dwell_timer: Timer | None = None
        self._visiting: str | None = None
        self._visit_started = 0.0

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        with Horizontal(id="reader"):
            with Vertical(id="outline-pane"):
                yield OutlineTree(self.course, status=self.reading.status, id="outline")
                yield Static(id="read-count")
                yield ProgressBar(id="read-progress", show_eta=False, show_percentage=True)
            yield SectionView(self.course, id="detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._start()

    def _start(self) -> None:
        tree = self.query_one(OutlineTree)
        tree.focus()
        self._update_progress()
        position = self.reading.last_position()
        if position is not None:
            tree.select_section(position)

    async def rebuild(self) -> None:
        """Compose again (after a language switch) and come back to the same section."""
        self._leave_section()
        translate_bindings(self)
        await self.recompose()
        self._start()

    # -- small terminals --------------------------------------------------------
    NARROW = 70  # below this width the outline and the section take turns

    def on_resize(self, event) -> None:
        self.set_class(event.size.width < self.NARROW, "narrow")

    def action_toggle_outline(self) -> None:
        """Narrow: switch between outline and section. Wide: hide or show the outline."""
        if self.has_class("narrow"):
            showing_detail = not self.has_class("show-detail")
            self.set_class(showing_detail, "show-detail")
            target = self.query_one(SectionView) if showing_detail else self.query_one(OutlineTree)
            target.focus()
        else:
            self.toggle_class("hide-outline")
            if self.has_class("hide-outline"):
                self.query_one(SectionView).focus()
            else:
                self.query_one(OutlineTree).focus()

    def on_tree_node_selected(self, event: Tree.NodeSelected[str]) -> None:
        if self.has_class("narrow") and event.node.data is not None and not event.node.allow_expand:
            self.add_class("show-detail")
            self.query_one(SectionView).focus()

    @property
    def current_section(self) -> str | None:
        """The section under the outline cursor (ahead of the detail pane during fast typing)."""
        node = self.query_one(OutlineTree).cursor_node
        return None if node is None else node.data

    # -- following the cursor ---------------------------------------------------
    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        self._leave_section()
        section_id = event.node.data
        view = self.query_one(SectionView)
        if section_id is None:
            view.show(None)
            return
        self._visit(section_id)
        view.show(section_id, note=self.reading.note(section_id),
                  seconds=self.reading.seconds_spent(section_id))
        self._visiting, self._visit_started = section_id, time.monotonic()
        if not self.reading.is_read(section_id):
            self._dwell_timer = self.set_timer(self.dwell_seconds, self._dwelt)

    def _dwelt(self) -> None:
        section_id = self._visiting
        if section_id is not None and not self.reading.is_read(section_id):
            self._mark_read(section_id)

    def _leave_section(self) -> None:
        if self._dwell_timer is not None:
            self._dwell_timer.stop()
            self._dwell_timer = None
        if self._visiting is not None:
            self._add_time(self._visiting, time.monotonic() - self._visit_started)
        self._visiting = None

    def set_dwell(self, seconds: float) -> None:
        """A new dwell time from the settings, counted from now for the section on screen."""
        self.dwell_seconds = seconds
        if self._dwell_timer is not None:
            self._dwell_timer.stop()
            self._dwell_timer = self.set_timer(seconds, self._dwelt)

    def on_unmount(self) -> None:
        self._leave_section()

    def flush_reading_time(self) -> None:
        """Count the time on the section shown so far (before an export, say)."""
        if self._visiting is not None:
            now = time.monotonic()
            self._add_time(self._visiting, now - self._visit_started)
            self._visit_started = now

    # -- actions ----------------------------------------------------------------
    def _section_or_warn(self) -> str | None:
        """The section under the cursor; on the course root, say that a section is needed."""
        section_id = self.current_section
        if section_id is None:
            self.notify(t("reader.no_section"), severity="warning", markup=False)
        return section_id

    @saves
    def action_toggle_read(self) -> None:
        section_id = self._section_or_warn()
        if section_id is None:
            return
        if self._dwell_timer is not None:
            self._dwell_timer.stop()
        read = self.reading.toggle_read(section_id)
        title = self.course.sections[section_id].title
        key = "reader.marked_read" if read else "reader.marked_unread"
        self.notify(t(key, title=title), timeout=2, markup=False)
        self._marks_changed()

    def action_note(self) -> None:
        from gonghui_tui.tui.screens.note import NoteScreen  # TextArea: imported when first needed

        section_id = self._section_or_warn()
        if section_id is None:
            return

        def closed(text: str | None) -> None:
            if self.query_one(SectionView).section_id == section_id:
                self.query_one(SectionView).show_note(text or "")

        title = self.course.sections[section_id].title
        self.app.push_screen(NoteScreen(title, self.reading.note(section_id), partial(self._save_note, section_id)),
                             closed)

    def action_search(self) -> None:
        self.post_message(OpenSearch())

    def action_drill(self) -> None:
        self.post_message(StartDrill(self.current_section))

    def action_drill_all(self) -> None:
        self.post_message(StartDrill(None))

    def action_cram(self) -> None:
        self.post_message(StartDrill(self.current_section, cram=True))

    def action_cards(self) -> None:
        self.post_message(ShowCards(self.current_section))

    # -- helpers ----------------------------------------------------------------
    def _marks_changed(self) -> None:
        self.query_one(OutlineTree).refresh_marks()
        self._update_progress()

    def _update_progress(self) -> None:
        read, total = self.reading.counts()
        self.query_one("#read-count", Static).update(Text(t("reader.progress", read=read, total=total)))
        self.query_one(ProgressBar).update(total=total or 1, progress=read)

    # Each save on its own, so a failed one is reported and the rest goes on.
    @saves
    def _visit(self, section_id: str) -> None:
        self.reading.visit(section_id)

    @saves
    def _mark_read(self, section_id: str) -> None:
        self.reading.set_read(section_id, True)
        self._marks_changed()

    @saves
    def _save_note(self, section_id: str, text: str) -> None:
        self.reading.save_note(section_id, text)

    @saves
    def _add_time(self, section_id: str, seconds: float) -> None:
        self.reading.add_time(section_id, seconds)
