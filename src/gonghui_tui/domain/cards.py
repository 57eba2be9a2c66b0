"""Card text helpers: cloze gaps, answer comparison for typed cards.

Pure functions over strings, so the drill screen and the exports show the
same thing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from gonghui_tui.domain.translate import Message
from gonghui_tui.domain.records import Rating

_GAP = re.compile(r"\{\{(.+?)\}\}", re.S)
BLANK = "＿"


@dataclass(frozen=True)
class Piece:
    """A run of cloze text: plain text, or a gap with its answer."""

    text: str
    gap: bool = False


def cloze_gaps(text: str) -> list[str]:
    """The answers of the gaps in a cloze text, in order (empty gaps don't count)."""
    return [m.group(1) for m in _GAP.finditer(text) if m.group(1).strip()]


_BRACES = re.compile(r"\{\{|\}\}|[{}]")


def cloze_brace_problem(text: str) -> Message | None:
    """What is wrong with the first gap that is not a plain ``{{answer}}``:
    nested (``a {{b {{c}} d}} e``), unclosed, unopened, or with a stray brace
    (``{{{b}}}``). None when every gap is well formed. Positions count from 1."""
    open_at: int | None = None
    for match in _BRACES.finditer(text):
        token, at = match.group(), match.start() + 1
        if token == "{{" and open_at is None:
            open_at = at
        elif token == "}}" and open_at is not None:
            open_at = None
        elif token == "{{":
            return Message("load.cloze_nested", {"at": at, "opened": open_at})
        elif token == "}}":
            return Message("load.cloze_unopened", {"at": at})
        elif open_at is not None or text[at - 2:at - 1] == "}" or text[at:at + 1] == "{":
            return Message("load.cloze_stray", {"at": at, "brace": token})
    if open_at is not None:
        return Message("load.cloze_unclosed", {"at": open_at})
    return None


def cloze_pieces(text: str) -> list[Piece]:
    pieces: list[Piece] = []
    pos = 0
    for match in _GAP.finditer(text):
        if match.start() > pos:
            pieces.append(Piece(text[pos:match.start()]))
        pieces.append(Piece(match.group(1), gap=True))
        pos = match.end()
    if pos < len(text):
        pieces.append(Piece(text[pos:]))
    return pieces


def cloze_blank_width(answer: str) -> int:
    """How many blank marks stand for an answer: one full-width blank per character."""
    return max(2, len(answer))


def cloze_plain(text: str, reveal: bool) -> str:
    """Cloze text as a plain string: answers shown, or replaced by blanks."""
    return "".join(
        p.text if not p.gap or reveal else BLANK * cloze_blank_width(p.text)
        for p in cloze_pieces(text)
    )


def normalize_answer(text: str) -> str:
    """Fold width and case, drop spaces and punctuation, so 'Ａ，b' == 'ab'."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if not (ch.isspace() or unicodedata.category(ch).startswith("P")))


@dataclass(frozen=True)
class Comparison:
    """How a typed answer matches the expected one, character by character."""

    expected: str
    given: str
    similarity: float  # 0..1 on normalized text
    # (text, tag) runs over the given answer: "ok", "wrong" (extra or wrong)
    given_runs: tuple[tuple[str, str], ...]
    # (text, tag) runs over the expected answer: "ok", "missing"
    expected_runs: tuple[tuple[str, str], ...]

    @property
    def exact(self) -> bool:
        return self.similarity >= 1.0


def compare_answer(given: str, accepted: tuple[str, ...] | list[str]) -> Comparison:
    """Compare with the closest accepted answer; runs mark what differs."""
    from difflib import SequenceMatcher  # loaded when an answer is first compared

    best: Comparison | None = None
    for expected in accepted:
        norm_given, norm_expected = normalize_answer(given), normalize_answer(expected)
        if not norm_expected:
            continue
        ratio = SequenceMatcher(None, norm_given, norm_expected, autojunk=False).ratio()
        if best is None or ratio > best.similarity:
            given_runs, expected_runs = _runs(given, expected)
            best = Comparison(expected, given, ratio, given_runs, expected_runs)
    if best is None:
        return Comparison("", given, 0.0, ((given, "wrong"),) if given else (), ())
    return best


def _runs(given: str, expected: str) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    from difflib import SequenceMatcher

    matcher = SequenceMatcher(None, given, expected, autojunk=False)
    given_runs: list[tuple[str, str]] = []
    expected_runs: list[tuple[str, str]] = []
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            given_runs.append((given[a0:a1], "ok"))
            expected_runs.append((expected[b0:b1], "ok"))
            continue
        if a1 > a0:
            given_runs.append((given[a0:a1], "wrong"))
        if b1 > b0:
            expected_runs.append((expected[b0:b1], "missing"))
    return tuple(given_runs), tuple(expected_runs)


def suggested_grade(similarity: float) -> Rating:
    """A grade from how close a typed answer was: exact is Good, close is Hard."""
    if similarity >= 1.0:
        return Rating.GOOD
    if similarity >= 0.8:
        return Rating.HARD
    return Rating.AGAIN
