"""TOML course file -> Course, or every problem with its file, line and field.

The loader never lets an exception other than CourseError escape for a bad
file: whatever the author wrote, they get ``FILE:LINE:COL: field: message``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gonghui_tui.domain.cards import cloze_brace_problem, cloze_gaps
from gonghui_tui.domain.course import (
    Card,
    CardKind,
    Course,
    CourseMeta,
    ItemList,
    ListItem,
    Section,
    SectionNote,
)
from gonghui_tui.domain.input_files import COURSE_LIMIT, MAX_NESTING, InputFileError, nesting_position, read_limited
from gonghui_tui.domain.safe_text import describe, first_control, safe
from gonghui_tui.domain.toml_locate import Locator
from gonghui_tui.domain.translate import Key, Message, Translate

FORMAT_VERSION = 1
NOTE_KINDS = ("gap", "supplement", "info")
MAX_OPTIONS = 20  # lettered a-t in the drill
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    col: int
    field: str  # a TOML path, or a Key for the file as a whole or its syntax
    message: Message

    def render(self, t: Translate) -> str:
        """``FILE:LINE:COL: field: message``: the prefix is the same in every language."""
        field = t(self.field) if isinstance(self.field, Key) else self.field
        # The file name and field path come from the user (a TOML key can hold ESC): one safe line.
        return safe(f"{self.file}:{self.line}:{self.col}: {field}: {self.message.render(t)}", one_line=True)

    def __str__(self) -> str:  # logs only; people see render()
        return f"{self.file}:{self.line}:{self.col}: {self.field}: {self.message}"


AT_FILE = Key("load.at_file")
AT_SYNTAX = Key("load.at_syntax")


def problem(file: str, line: int, col: int, field: str, key: str, **values: Any) -> Problem:
    return Problem(file, line, col, field, Message(key, values))


class CourseError(Exception):
    """A course file that cannot be used; ``problems`` lists everything wrong."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(str(problems[0]) if problems else "course error")

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


# field name -> (python type, required). "list[str]" and "tables" are special.
_COURSE = {"id": (str, True), "title": (str, True), "subtitle": (str, False),
           "source_date": (str, False), "trainer": (str, False), "provider": (str, False),
           "duration": (str, False), "methods": ("list[str]", False), "source": (str, False)}
_SECTION = {"id": (str, True), "title": (str, True), "parent": (str, False), "body": (str, False),
            "source": (str, False), "key_points": ("list[str]", False),
            "lists": ("tables", False), "notes": ("tables", False)}
_LIST = {"id": (str, True), "title": (str, True), "ordered": (bool, False), "items": ("tables", True)}
_ITEM = {"text": (str, True), "detail": (str, False)}
_NOTE = {"kind": (str, True), "text": (str, True), "source": (str, False)}
_CARD_COMMON = {"id": (str, True), "section": (str, True), "kind": (str, True), "group": (str, False)}
_CARD_KINDS: dict[str, dict[str, tuple[Any, bool]]] = {
    "basic": {"front": (str, True), "back": (str, True)},
    "cloze": {"text": (str, True), "extra": (str, False)},
    "list": {"prompt": (str, True), "list": (str, False), "items": ("list[str]", False),
             "ordered": (bool, False)},
    "choice": {"question": (str, True), "options": ("list[str]", True),
               "answer": ("list[str]", True), "explanation": (str, False)},
    "typed": {"prompt": (str, True), "answer": (str, True), "accept": ("list[str]", False),
              "explanation": (str, False)},
}
_TYPE_NAMES = {str: "load.type_str", bool: "load.type_bool", int: "load.type_int", dict: "load.type_table",
               "list[str]": "load.type_strings", "tables": "load.type_tables"}
_VALUE_TYPES = {str: "load.type_str", bool: "load.type_bool", int: "load.type_int", float: "load.type_float",
                dict: "load.type_table", list: "load.type_array"}


def _type_of(value: Any) -> Key:
    return Key(_VALUE_TYPES.get(type(value), "load.type_datetime"))


class _Checker:
    def __init__(self, file: str, text: str) -> None:
        self.file = file
        self.text = text
        self._locator: Locator | None = None  # scanning big files is slow: only on the first problem
        self.problems: list[Problem] = []

    def add(self, path: str, key: str, **values: Any) -> None:
        if self._locator is None:
            self._locator = Locator(self.text)
        line, col = self._locator.locate(path)
        self.problems.append(problem(self.file, line, col, path, key, **values))

    def table(self, value: Any, path: str, spec: dict[str, tuple[Any, bool]]) -> dict[str, Any]:
        """The fields of ``value`` that match ``spec``; every mismatch is reported."""
        if not isinstance(value, dict):
            self.add(path, "load.must_be_table")
            return {}
        good: dict[str, Any] = {}
        for key, item in value.items():
            where = f"{path}.{key}" if path else key
            if key not in spec:
                self.add(where, "load.unknown_field", allowed=", ".join(spec))
                continue
            kind, _ = spec[key]
            if self._type_ok(item, kind):
                if not self.plain_text(item, where):
                    continue
                good[key] = item
            else:
                self.add(where, "load.wrong_type", expected=Key(_TYPE_NAMES[kind]), actual=_type_of(item))
        for key, (_, required) in spec.items():
            if required and key not in value:
                self.add(path or key, "load.missing_field", name=key)
        return good

    def plain_text(self, value: Any, path: str) -> bool:
        """False (and a problem) if a string, or a string in a list, holds a terminal control."""
        strings = value if isinstance(value, list) else [value]
        for k, text in enumerate(strings):
            at = first_control(text) if isinstance(text, str) else None
            if at is not None:
                where = f"{path}[{k}]" if isinstance(value, list) else path
                self.add(where, "load.control", char=describe(text[at]), at=at + 1)
                return False
        return True

    @staticmethod
    def _type_ok(item: Any, kind: Any) -> bool:
        if kind == "list[str]":
            return isinstance(item, list) and all(isinstance(x, str) for x in item)
        if kind == "tables":
            return isinstance(item, list) and all(isinstance(x, dict) for x in item)
        return isinstance(item, kind)

    def ident(self, value: str, path: str) -> bool:
        if not _ID.match(value):
            self.add(path, "load.bad_id", id=value)
            return False
        return True


def _decode(data: bytes, file: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        col = len(data[line_start:exc.start].decode("utf-8", "replace")) + 1
        raise CourseError([problem(file, line, col, AT_FILE, "load.not_utf8")]) from None


def _parse(text: str, file: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except RecursionError:
        line, col = nesting_position(text)
        raise CourseError([problem(file, line, col, AT_SYNTAX, "load.too_deep", limit=MAX_NESTING)]) from None
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = re.search(r"\(at line (\d+), column (\d+)\)", message)
        line, col = (int(match.group(1)), int(match.group(2))) if match else (1, 1)
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", message)
        from gonghui_tui.domain.toml_errors import syntax_message  # only for a broken file

        raise CourseError([problem(file, line, col, AT_SYNTAX, "load.syntax", detail=syntax_message(message))]) from None


def read_course_file(path: str | Path) -> bytes:
    """The bytes of a course file: a regular file of at most COURSE_LIMIT bytes."""
    try:
        return read_limited(path, COURSE_LIMIT)
    except InputFileError as exc:
        raise CourseError([Problem(str(path), 0, 0, AT_FILE, exc.reason)]) from None


def load_course(path: str | Path) -> Course:
    return parse_course(read_course_file(path), str(path))


def parse_course(data: bytes | str, file: str = "<course>") -> Course:
    text = _decode(data, file) if isinstance(data, bytes) else data
    raw = _parse(text, file)
    checker = _Checker(file, text)
    top = checker.table(raw, "", {"format": (int, False), "course": (dict, True),
                                  "sections": ("tables", True), "cards": ("tables", False)})
    if top.get("format", FORMAT_VERSION) != FORMAT_VERSION:
        checker.add("format", "load.format", version=top["format"], supported=FORMAT_VERSION)
    course_fields = checker.table(top.get("course", {}), "course", _COURSE) if "course" in top else {}
    sections = _sections(checker, top.get("sections", []))
    lists = {lst.id: lst for s in sections for lst in s.lists}
    cards = _cards(checker, top.get("cards", []), {s.id for s in sections}, lists)
    if not sections and "sections" in top:
        checker.add("sections", "load.no_sections")
    if checker.problems:
        raise CourseError(checker.problems)
    if "id" in course_fields:
        checker.ident(course_fields["id"], "course.id")
    if checker.problems:
        raise CourseError(checker.problems)
    meta = CourseMeta(**{k: (tuple(v) if isinstance(v, list) else v)
                         for k, v in course_fields.items() if k not in ("id", "title")})
    return Course.build(course_fields["id"], course_fields["title"], meta, sections, cards)


def _sections(checker: _Checker, raws: list[dict[str, Any]]) -> list[Section]:
    sections: list[Section] = []
    seen: set[str] = set()
    list_ids: set[str] = set()
    for i, raw in enumerate(raws):
        path = f"sections[{i}]"
        f = checker.table(raw, path, _SECTION)
        if "id" not in f or "title" not in f:
            continue
        if not checker.ident(f["id"], f"{path}.id"):
            continue
        if f["id"] in seen:
            checker.add(f"{path}.id", "load.dup_section", id=f["id"])
            continue
        seen.add(f["id"])
        if not f["title"].strip():
            checker.add(f"{path}.title", "load.empty")
        item_lists = []
        for j, raw_list in enumerate(f.get("lists", [])):
            lst = _item_list(checker, raw_list, f"{path}.lists[{j}]")
            if lst is None:
                continue
            if lst.id in list_ids:
                checker.add(f"{path}.lists[{j}].id", "load.dup_list", id=lst.id)
            list_ids.add(lst.id)
            item_lists.append(lst)
        notes = []
        for j, raw_note in enumerate(f.get("notes", [])):
            n = checker.table(raw_note, f"{path}.notes[{j}]", _NOTE)
            if "kind" in n and n["kind"] not in NOTE_KINDS:
                checker.add(f"{path}.notes[{j}].kind", "load.one_of", allowed=", ".join(NOTE_KINDS))
            elif "kind" in n and "text" in n:
                notes.append(SectionNote(n["kind"], n["text"], n.get("source", "")))
        sections.append(Section(
            id=f["id"], title=f["title"], parent=f.get("parent"), body=f.get("body", "").strip(),
            source=f.get("source", ""), key_points=tuple(f.get("key_points", ())),
            lists=tuple(item_lists), notes=tuple(notes),
        ))
    by_id = {s.id: s for s in sections}
    for i, section in enumerate(sections):
        if section.parent is not None and section.parent not in by_id:
            checker.add(_section_path(raws, section.id) + ".parent",
                        "load.no_parent", id=section.parent)
    _check_cycles(checker, raws, by_id)
    return sections


def _section_path(raws: list[Any], section_id: str) -> str:
    for i, raw in enumerate(raws):
        if isinstance(raw, dict) and raw.get("id") == section_id:
            return f"sections[{i}]"
    return "sections"


def _check_cycles(checker: _Checker, raws: list[Any], by_id: dict[str, Section]) -> None:
    for section in by_id.values():
        seen = {section.id}
        current = section.parent
        while current in by_id:
            if current in seen:
                checker.add(_section_path(raws, section.id) + ".parent",
                            "load.cycle", id=section.id)
                break
            seen.add(current)
            current = by_id[current].parent


def _item_list(checker: _Checker, raw: Any, path: str) -> ItemList | None:
    f = checker.table(raw, path, _LIST)
    items = []
    for k, raw_item in enumerate(f.get("items", [])):
        item = checker.table(raw_item, f"{path}.items[{k}]", _ITEM)
        if "text" in item:
            if not item["text"].strip():
                checker.add(f"{path}.items[{k}].text", "load.empty")
            items.append(ListItem(item["text"], item.get("detail", "")))
    if "items" in f and not f["items"]:
        checker.add(f"{path}.items", "load.list_empty")
    if "id" not in f or "title" not in f or not checker.ident(f["id"], f"{path}.id"):
        return None
    return ItemList(f["id"], f["title"], tuple(items), f.get("ordered", True))


def _cards(checker: _Checker, raws: list[dict[str, Any]], section_ids: set[str],
           lists: dict[str, ItemList]) -> list[Card]:
    cards: list[Card] = []
    seen: set[str] = set()
    for i, raw in enumerate(raws):
        path = f"cards[{i}]"
        if not isinstance(raw, dict):
            checker.add(path, "load.must_be_table")
            continue
        kind = raw.get("kind")
        if isinstance(kind, str) and kind not in _CARD_KINDS:
            checker.add(f"{path}.kind", "load.card_kind", kind=kind, allowed=", ".join(_CARD_KINDS))
            continue
        spec = dict(_CARD_COMMON)
        spec.update(_CARD_KINDS.get(kind, {}) if isinstance(kind, str) else {})
        f = checker.table(raw, path, spec)
        if not {"id", "section", "kind"} <= f.keys() or not checker.ident(f["id"], f"{path}.id"):
            continue
        if f["id"] in seen:
            checker.add(f"{path}.id", "load.dup_card", id=f["id"])
            continue
        seen.add(f["id"])
        if f["section"] not in section_ids:
            checker.add(f"{path}.section", "load.no_section", id=f["section"])
            continue
        if "group" in f and not checker.ident(f["group"], f"{path}.group"):
            continue
        card = _card(checker, f, path, lists)
        if card is not None:
            cards.append(card)
    return cards


def _card(checker: _Checker, f: dict[str, Any], path: str, lists: dict[str, ItemList]) -> Card | None:
    kind = CardKind(f["kind"])
    base = {"id": f["id"], "section": f["section"], "kind": kind, "group": f.get("group", "")}
    if kind is CardKind.BASIC and {"front", "back"} <= f.keys():
        return Card(front=f["front"], back=f["back"], **base)
    if kind is CardKind.CLOZE and "text" in f:
        braces = cloze_brace_problem(f["text"])
        if braces is not None:
            checker.add(f"{path}.text", braces.key, **braces.values)
            return None
        if not cloze_gaps(f["text"]):
            checker.add(f"{path}.text", "load.cloze_gap")
            return None
        return Card(front=f["text"], back=f.get("extra", ""), **base)
    if kind is CardKind.LIST and "prompt" in f:
        return _list_card(checker, f, path, lists, base)
    if kind is CardKind.CHOICE and {"question", "options", "answer"} <= f.keys():
        options, answers = f["options"], f["answer"]
        if not 2 <= len(options) <= MAX_OPTIONS:
            checker.add(f"{path}.options", "load.options_count", most=MAX_OPTIONS)
        if len(set(options)) != len(options):
            checker.add(f"{path}.options", "load.options_same")
        if not answers:
            checker.add(f"{path}.answer", "load.no_answer")
        for k, answer in enumerate(answers):
            if answer not in options:
                checker.add(f"{path}.answer[{k}]", "load.answer_not_option", answer=answer)
        return Card(front=f["question"], back=f.get("explanation", ""), options=tuple(options),
                    answers=tuple(answers), **base)
    if kind is CardKind.TYPED and {"prompt", "answer"} <= f.keys():
        if not f["answer"].strip():
            checker.add(f"{path}.answer", "load.empty")
        return Card(front=f["prompt"], back=f.get("explanation", ""),
                    answers=(f["answer"], *f.get("accept", ())), **base)
    return None


def _list_card(checker: _Checker, f: dict[str, Any], path: str, lists: dict[str, ItemList],
               base: dict[str, Any]) -> Card | None:
    if ("list" in f) == ("items" in f):
        checker.add(path, "load.list_source")
        return None
    if "list" in f:
        source = lists.get(f["list"])
        if source is None:
            checker.add(f"{path}.list", "load.no_list", id=f["list"])
            return None
        items, ordered = source.items, f.get("ordered", source.ordered)
    else:
        if not f["items"]:
            checker.add(f"{path}.items", "load.list_card_empty")
            return None
        items, ordered = tuple(ListItem(t) for t in f["items"]), f.get("ordered", True)
    if not items:
        checker.add(f"{path}.list", "load.list_empty_source")
        return None
    return Card(front=f["prompt"], items=items, ordered=ordered, **base)
