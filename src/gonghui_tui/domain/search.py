"""Find anything in the course: section titles and bodies, lists, notes and
card text, by Chinese substring or by pinyin (full or initials), so a
trainee without a Chinese input method can still search: `bgjc` and
`bagejianchi` both find 八个坚持.

The pinyin of the course is worked out once per course version
(`CourseEntries`, kept on disk beside the course cache); notes, which change
as the trainee writes, are indexed separately and refreshed when they change.
A keystroke only runs substring tests over flat lists of strings, and a query
that extends the previous one only looks at the previous query's hits.
"""

from __future__ import annotations

import heapq
import os
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Iterable

from gonghui_tui.domain.cards import cloze_plain
from gonghui_tui.domain.course import Course

MAX_RESULTS = 50
_ASCII_QUERY = re.compile(r"^[a-z0-9' ]+$")
_CJK_FIRST, _CJK_LAST = "\u3400", "\u9fff"
_SCORE_REACH = 20  # a match this many characters in scores like one further on


@lru_cache(maxsize=1)
def _cjk() -> re.Pattern[str]:
    return re.compile(f"[{_CJK_FIRST}-{_CJK_LAST}]")  # 4 ms to compile: not at start-up


@dataclass(frozen=True)
class Entry:
    kind: str  # "title", "body", "list", "note", "card"
    section_id: str
    text: str
    card_id: str | None = None


@dataclass(frozen=True)
class Result:
    entry: Entry
    score: int
    start: int  # where the match starts in entry.text, in characters
    length: int


def _pinyin_function():
    # pypinyin's phrase dictionary (57 MB, 0.23 s to load) only matters for
    # words whose reading depends on context; per-character readings come
    # from its character dictionary alone (12 MB, 0.05 s). The variables are
    # pypinyin's documented switches and must be set before its first import.
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
    os.environ.setdefault("PYPINYIN_NO_DICT_COPY", "1")
    from pypinyin import Style, lazy_pinyin

    return lambda ch: lazy_pinyin(ch, style=Style.NORMAL)[0].lower()


@lru_cache(maxsize=65536)
def _char_pinyin(ch: str) -> str:
    if not _CJK_FIRST <= ch <= _CJK_LAST:
        return ch.lower()
    return _pinyin()(ch)


@lru_cache(maxsize=1)
def _pinyin():
    return _pinyin_function()


class PinyinText:
    """A text with the pinyin of each character, to map a pinyin match back to characters."""

    __slots__ = ("text", "lowered", "initials", "full", "lengths")

    def __init__(self, text: str) -> None:
        self.text = text
        lowered = text.lower()
        self.lowered = text if lowered == text else lowered
        if _cjk().search(text):
            syllables = [_char_pinyin(ch) for ch in text]
            self.full = "".join(syllables)
            self.initials = "".join(s[:1] or " " for s in syllables)
            self.lengths = bytes(min(len(s), 255) for s in syllables)
        else:  # no pinyin to match: an empty string never contains a query
            self.full = self.initials = ""
            self.lengths = b""

    def char_at(self, position: int) -> int:
        """The character whose syllable holds ``position`` of ``full``."""
        return bisect_right(list(accumulate(self.lengths)), position)

    def find(self, query: str) -> tuple[int, int] | None:
        """(start, length) in characters of a pinyin match of ``query``, or None."""
        at = self.initials.find(query)
        if at >= 0:
            return at, len(query)
        at = self.full.find(query)
        if at < 0:
            return None
        first = self.char_at(at)
        return first, self.char_at(at + len(query) - 1) - first + 1


@lru_cache(maxsize=8192)
def pinyin_text(text: str) -> PinyinText:
    """A shared PinyinText per text: the palette asks about the same titles at every key."""
    return PinyinText(text)


def entries(course: Course, notes: dict[str, str] | None = None) -> list[Entry]:
    """Everything searchable in the course (and in ``notes``), without repeats."""
    found: list[Entry] = []
    for section in course.walk():
        sid = section.id
        found.append(Entry("title", sid, section.title))
        for paragraph in section.body.splitlines():
            if paragraph.strip():
                found.append(Entry("body", sid, paragraph.strip()))
        for lst in section.lists:
            for item in lst.items:
                found.append(Entry("list", sid, item.text + ("：" + item.detail if item.detail else "")))
        for point in section.key_points:
            found.append(Entry("body", sid, point))
        for card in course.cards_in(sid):
            parts = [cloze_plain(card.front, reveal=True), card.back, *card.answers,
                     *(o for o in card.options if o not in card.answers), *(i.text for i in card.items)]
            found.append(Entry("card", sid, " · ".join(p for p in parts if p), card.id))
    found.extend(note_entries(notes or {}))
    return _unique(found)


def note_entries(notes: dict[str, str]) -> list[Entry]:
    return [Entry("note", sid, line.strip())
            for sid, text in notes.items() for line in text.splitlines() if line.strip()]


def _unique(found: Iterable[Entry]) -> list[Entry]:
    seen: set[tuple[str, str, str]] = set()
    kept = []
    for entry in found:
        key = (entry.kind, entry.section_id, entry.text)
        if key not in seen:
            seen.add(key)
            kept.append(entry)
    return kept


_KINDS = ("title", "body", "list", "note", "card")


class CourseEntries:
    """The searchable text of one course version with its pinyin: built once,
    pickled beside the course cache, shared by every search of a session.

    Kept as columns of plain strings, not an object per entry: 25,600 entries
    of the L course take 11 MB this way and unpickle in a tenth of a second."""

    def __init__(self, found: list[Entry]) -> None:
        self.kinds = bytes(_KINDS.index(e.kind) for e in found)
        self.section_ids = [e.section_id for e in found]
        self.card_ids = [e.card_id for e in found]
        self.texts: list[str] = []
        self.lowered: list[str] = []
        self.initials: list[str] = []
        self.full: list[str] = []
        self.lengths: list[bytes] = []
        for entry in found:
            text = PinyinText(entry.text)
            self.texts.append(text.text)
            self.lowered.append(text.lowered)
            self.initials.append(text.initials)
            self.full.append(text.full)
            self.lengths.append(text.lengths)

    @classmethod
    def of(cls, course: Course) -> CourseEntries:
        return cls(entries(course))

    def __len__(self) -> int:
        return len(self.texts)

    def __add__(self, other: CourseEntries) -> CourseEntries:
        joined = CourseEntries([])
        for name in ("kinds", "section_ids", "card_ids", "texts", "lowered", "initials", "full", "lengths"):
            setattr(joined, name, getattr(self, name) + getattr(other, name))
        return joined

    def entry(self, i: int) -> Entry:
        return Entry(_KINDS[self.kinds[i]], self.section_ids[i], self.texts[i], self.card_ids[i])

    def pinyin_span(self, i: int, query: str) -> tuple[int, int]:
        """Where a full-pinyin match of ``query`` in entry ``i`` lies, in characters."""
        ends = list(accumulate(self.lengths[i]))
        at = self.full[i].find(query)
        first = bisect_right(ends, at)
        return first, bisect_right(ends, at + len(query) - 1) - first + 1


_WEIGHTS = tuple({"title": 40, "card": 20, "list": 25, "note": 15, "body": 10}[k] for k in _KINDS)


class SearchIndex:
    """The course's entries plus the trainee's notes; answers one query at a time."""

    def __init__(self, course: Course, notes: dict[str, str] | None = None,
                 course_entries: CourseEntries | None = None) -> None:
        self.course = course
        self._course_entries = course_entries or CourseEntries.of(course)
        self._notes: dict[str, str] | None = None
        self._all = self._course_entries
        self.set_notes(notes or {})

    def set_notes(self, notes: dict[str, str]) -> None:
        """Index the trainee's current notes (only when they changed)."""
        notes = {sid: text for sid, text in notes.items() if text.strip()}
        if notes == self._notes:
            return
        self._notes = dict(notes)
        self._all = self._course_entries + CourseEntries(note_entries(notes))
        self._last: tuple[str, str | None, list[int]] | None = None

    def search(self, query: str, limit: int = MAX_RESULTS) -> list[Result]:
        index = self._all
        return [Result(index.entry(-neg_i), score, start, length)
                for score, neg_i, start, length in heapq.nlargest(limit, self._hits(query))]

    def card_ids(self, query: str) -> set[str] | None:
        """Every card the query finds (None for an empty query: no filter)."""
        if not query.strip():
            return None
        index, card = self._all, _KINDS.index("card")
        return {index.card_ids[-h[1]] for h in self._hits(query) if index.kinds[-h[1]] == card}  # type: ignore[misc]

    def _hits(self, query: str) -> list[tuple[int, int, int, int]]:
        """(score, -entry, start, length) of every entry the query matches."""
        query = query.strip()
        if not query:
            return []
        lowered = query.lower()
        pinyin = lowered.replace(" ", "").replace("'", "") if _ASCII_QUERY.match(lowered) else None
        index = self._all
        texts, initials, full, kinds = index.lowered, index.initials, index.full, index.kinds
        hits: list[tuple[int, int, int, int]] = []
        for i in self._candidates(lowered, pinyin):
            weight = _WEIGHTS[kinds[i]]
            at = texts[i].find(lowered)
            if at >= 0:
                hits.append((weight + 30 - min(at, 29), -i, at, len(query)))
            elif pinyin:
                at = initials[i].find(pinyin)
                if at >= 0:
                    hits.append((weight + 20 - min(at, 19), -i, at, len(pinyin)))
                elif len(pinyin) > 1 and pinyin in full[i]:  # one letter is an initial, not a syllable
                    start, length = index.pinyin_span(i, pinyin)
                    hits.append((weight + 20 - min(start, 19), -i, start, length))
        self._last = (lowered, pinyin, [-h[1] for h in hits])
        return hits

    def _candidates(self, lowered: str, pinyin: str | None) -> Iterable[int]:
        """Entries that can match: all, or the previous query's hits when this
        query extends it (every match of the longer query holds the shorter)."""
        if self._last is not None:
            last_text, last_pinyin, last_hits = self._last
            if lowered.startswith(last_text) and (pinyin is None or (
                    last_pinyin is not None and pinyin.startswith(last_pinyin) and len(last_pinyin) > 1)):
                return last_hits
        return range(len(self._all))
