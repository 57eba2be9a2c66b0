"""Find anything in the course: section titles and bodies, lists, notes and
card text, by Chinese substring or by pinyin (full or initials), so a
trainee without a Chinese input method can still search: `bgjc` and
`bagejianchi` both find 八个坚持.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from gonghui_tui.domain.cards import cloze_plain
from gonghui_tui.domain.course import Course

MAX_RESULTS = 50
_ASCII_QUERY = re.compile(r"^[a-z0-9' ]+$")
_CJK = re.compile(r"[\u3400-\u9fff]")


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
    start: int  # where the match starts in entry.text, or -1 for a pinyin match
    length: int


@lru_cache(maxsize=65536)
def _char_pinyin(ch: str) -> str:
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(ch, style=Style.NORMAL)[0].lower() if _CJK.match(ch) else ch.lower()


class PinyinText:
    """A text with the pinyin of each character, to map a pinyin match back to characters."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.syllables = [_char_pinyin(ch) for ch in text]
        self.full = "".join(self.syllables)
        self.initials = "".join(s[:1] for s in self.syllables)
        offsets, pos = [], 0
        for s in self.syllables:
            offsets.append(pos)
            pos += len(s)
        self._offsets = offsets

    def find(self, query: str) -> tuple[int, int] | None:
        """(start, length) in characters of a pinyin match of ``query``, or None."""
        at = self.initials.find(query)
        if at >= 0:
            return at, len(query)
        at = self.full.find(query)
        if at < 0:
            return None
        first = max(i for i, off in enumerate(self._offsets) if off <= at)
        end = at + len(query)
        last = max(i for i, off in enumerate(self._offsets) if off < end)
        return first, last - first + 1


def entries(course: Course, notes: dict[str, str]) -> list[Entry]:
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
        if notes.get(sid, "").strip():
            for line in notes[sid].splitlines():
                if line.strip():
                    found.append(Entry("note", sid, line.strip()))
        for card in course.cards_in(sid):
            parts = [cloze_plain(card.front, reveal=True), card.back, *card.answers,
                     *(o for o in card.options if o not in card.answers), *(i.text for i in card.items)]
            found.append(Entry("card", sid, " · ".join(p for p in parts if p), card.id))
    return found


_KIND_WEIGHT = {"title": 40, "card": 20, "list": 25, "note": 15, "body": 10}


class SearchIndex:
    """Built once per course (pinyin of every entry is computed lazily, then kept)."""

    def __init__(self, course: Course, notes: dict[str, str] | None = None) -> None:
        self.course = course
        self.entries = entries(course, notes or {})
        self._pinyin: dict[int, PinyinText] = {}

    def _py(self, i: int) -> PinyinText:
        text = self._pinyin.get(i)
        if text is None:
            text = self._pinyin[i] = PinyinText(self.entries[i].text)
        return text

    def search(self, query: str, limit: int = MAX_RESULTS) -> list[Result]:
        query = query.strip()
        if not query:
            return []
        lowered = query.lower()
        pinyin_query = lowered.replace(" ", "").replace("'", "") if _ASCII_QUERY.match(lowered) else None
        results: list[Result] = []
        for i, entry in enumerate(self.entries):
            at = entry.text.lower().find(lowered)
            if at >= 0:
                results.append(Result(entry, _KIND_WEIGHT[entry.kind] + 30 - min(at, 29), at, len(query)))
                continue
            if pinyin_query and _CJK.search(entry.text):
                hit = self._py(i).find(pinyin_query)
                if hit is not None:
                    results.append(Result(entry, _KIND_WEIGHT[entry.kind] + 20 - min(hit[0], 19), *hit))
        results.sort(key=lambda r: -r.score)
        return _dedupe(results)[:limit]


def _dedupe(results: Iterable[Result]) -> list[Result]:
    seen: set[tuple[str, str, str | None]] = set()
    kept = []
    for r in results:
        key = (r.entry.kind, r.entry.section_id, r.entry.text)
        if key not in seen:
            seen.add(key)
            kept.append(r)
    return kept
