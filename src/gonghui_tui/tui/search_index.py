"""One search index per session, built (or read from the cache) once, in a
thread after start-up, so the first keystroke in search never waits for it."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Callable

from gonghui_tui.domain.course import Course

if TYPE_CHECKING:  # loaded by the first search (or the preload after start-up)
    from gonghui_tui.domain.search import CourseEntries, SearchIndex


class SessionSearch:
    def __init__(self, course: Course, load_entries: Callable[[], CourseEntries] | None = None) -> None:
        self._course = course
        self._load_entries = load_entries or (lambda: _course_entries(course))
        self._lock = threading.Lock()
        self._index: SearchIndex | None = None

    @property
    def ready(self) -> bool:
        """The index is built: asking for it does not wait."""
        return self._index is not None

    def preload(self) -> None:
        """Build the index now (call from a thread worker); cheap if already built."""
        self.index({})

    def index(self, notes: dict[str, str]) -> SearchIndex:
        """The session's index with ``notes`` as they are now (waits for a preload in progress)."""
        with self._lock:
            if self._index is None:
                from gonghui_tui.domain.search import SearchIndex

                self._index = SearchIndex(self._course, notes, self._load_entries())
            else:
                self._index.set_notes(notes)
            return self._index


def _course_entries(course: Course) -> CourseEntries:
    from gonghui_tui.domain.search import CourseEntries

    return CourseEntries.of(course)
