"""Reading progress: which sections were read, time spent, where the trainee
stopped, and their notes. The reader screen calls this; this calls the store.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Callable

from gonghui_tui.domain.safe_text import safe
from gonghui_tui.domain.course import Course
from gonghui_tui.domain.ports import ProgressStore

# Longest stretch counted for one visit: someone who walked away from the
# terminal did not read for an hour.
MAX_VISIT_SECONDS = 600.0


class ReadStatus(str, Enum):
    READ = "read"
    PARTIAL = "partial"
    UNREAD = "unread"


class Reading:
    def __init__(self, course: Course, store: ProgressStore, now: Callable[[], datetime]) -> None:
        self.course = course
        self.store = store
        self.now = now
        records = store.sections(course.id)
        self._read = {sid for sid, r in records.items() if r.read}
        self._status: dict[str, ReadStatus] | None = None

    # -- queries -------------------------------------------------------------
    def is_read(self, section_id: str) -> bool:
        return section_id in self._read

    def status(self, section_id: str) -> ReadStatus:
        if self._status is None:
            self._status = self._compute_status()
        return self._status.get(section_id, ReadStatus.UNREAD)

    def counts(self) -> tuple[int, int]:
        """(sections read, sections in the course); ids no longer in the course don't count."""
        return len(self._read & self.course.sections.keys()), len(self.course.sections)

    def last_position(self) -> str | None:
        section_id = self.store.position(self.course.id)
        return section_id if section_id in self.course.sections else None

    def note(self, section_id: str) -> str:
        """The trainee's note, to show: one that came in by import may hold terminal controls."""
        return safe(self.store.note(self.course.id, section_id))

    def seconds_spent(self, section_id: str) -> float:
        record = self.store.section(self.course.id, section_id)  # on every cursor move: one row
        return record.seconds if record else 0.0

    # -- changes ---------------------------------------------------------------
    def visit(self, section_id: str) -> None:
        self.store.set_position(self.course.id, section_id, self.now())

    def add_time(self, section_id: str, seconds: float) -> None:
        self.store.add_reading_time(self.course.id, section_id, min(seconds, MAX_VISIT_SECONDS))

    def set_read(self, section_id: str, read: bool) -> None:
        if read == self.is_read(section_id):
            return
        self.store.set_read(self.course.id, section_id, read, self.now())
        (self._read.add if read else self._read.discard)(section_id)
        self._status = None

    def toggle_read(self, section_id: str) -> bool:
        self.set_read(section_id, not self.is_read(section_id))
        return self.is_read(section_id)

    def save_note(self, section_id: str, text: str) -> None:
        self.store.save_note(self.course.id, section_id, text, self.now())

    def _compute_status(self) -> dict[str, ReadStatus]:
        """Bottom-up: read when it and everything below is read, partial when any of it is."""
        status: dict[str, ReadStatus] = {}
        order = list(self.course.walk())
        for section in reversed(order):
            kids = [status[c] for c in self.course.children(section.id)]
            own = section.id in self._read
            if own and all(k is ReadStatus.READ for k in kids):
                status[section.id] = ReadStatus.READ
            elif own or any(k is not ReadStatus.UNREAD for k in kids):
                status[section.id] = ReadStatus.PARTIAL
            else:
                status[section.id] = ReadStatus.UNREAD
        return status
