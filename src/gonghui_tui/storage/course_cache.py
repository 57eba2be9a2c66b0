"""A cache of loaded courses: parsing 2.6 MB of TOML (20,000 cards) takes
about a second, unpickling the result about 0.17 s.

Keyed by the file's SHA-256, this program's version and the shape of the
course dataclasses, so an edited file or a new release never uses a stale
entry. The cache folder is private to the user (0700) and only holds what
this program wrote; anything unreadable in it is ignored and rebuilt.
"""

from __future__ import annotations

import dataclasses
import hashlib
import pickle
import types
from pathlib import Path
from typing import TYPE_CHECKING, Callable, TypeVar

from gonghui_tui import __version__
from gonghui_tui.domain import course as course_module
from gonghui_tui.domain.course import Course, CourseIds
from gonghui_tui.domain.loader import CourseError, parse_course, read_course_file
from gonghui_tui.storage.atomic import write_atomic

if TYPE_CHECKING:  # the search module is loaded when search is first used, not at start-up
    from gonghui_tui.domain.search import CourseEntries

T = TypeVar("T")
# Bumped when the loader starts refusing something it accepted: a course cached
# before (say, one with control characters) is then checked again.
RULES = b"rules:2"


def _shape(module: types.ModuleType = course_module) -> str:
    classes = [obj for obj in vars(module).values()
               if isinstance(obj, type) and dataclasses.is_dataclass(obj)]
    # Slotted classes pickle their values as a list, others as a dict: the layout is part of the shape.
    return ";".join(f"{c.__name__}{'/slots' if '__slots__' in vars(c) else ''}:"
                    f"{','.join(f.name for f in dataclasses.fields(c))}"
                    for c in sorted(classes, key=lambda c: c.__name__))


def _key(data: bytes) -> str:
    # Hashed piece by piece: ``data + ...`` copied the 2.6 MB of course L three
    # times, and the heap kept the 7 MB that took for the rest of the run.
    digest = hashlib.sha256(data)
    for part in (__version__.encode(), _shape().encode(), RULES):
        digest.update(part)
    return digest.hexdigest()[:32]


def _cached(cache_dir: Path, prefix: str, key: str, kind: type[T], build: Callable[[], T]) -> T:
    """The pickled ``kind`` for ``key``, or ``build()`` written in its place."""
    entry = cache_dir / f"{prefix}-{key}.pickle"
    try:
        with entry.open("rb") as handle:  # streamed: the file's bytes are never held whole
            cached = pickle.load(handle)
        if isinstance(cached, kind):
            return cached
    except Exception:  # missing, truncated or from another version: rebuild it
        pass
    value = build()
    _store(cache_dir, prefix, key, value)
    return value


def _store(cache_dir: Path, prefix: str, key: str, value: object) -> None:
    """``value`` as the one entry of its kind."""
    try:
        for old in cache_dir.glob(f"{prefix}-*.pickle"):
            old.unlink()
        write_atomic(cache_dir / f"{prefix}-{key}.pickle", pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass  # a cache we cannot write only costs time


def load_course_cached(path: Path, cache_dir: Path | None) -> Course:
    data = read_course_file(path)
    if cache_dir is None:
        return parse_course(data, str(path))
    return _course(data, str(path), cache_dir, _key(data))


def _course(data: bytes, file: str, cache_dir: Path, key: str) -> Course:
    def build() -> Course:
        course = parse_course(data, file)
        _store(cache_dir, "ids", key, course.ids().portable())  # for import, made with the course's entry
        return course

    return _cached(cache_dir, "course", key, Course, build)


def load_course_ids_cached(path: Path, cache_dir: Path | None) -> CourseIds:
    """The course's ids alone, from their own cache entry: what ``import`` checks a
    file against. Unpickling the whole of course L took 0.10-0.15 s of an import."""
    data = read_course_file(path)
    if cache_dir is None:
        return parse_course(data, str(path)).ids()
    key = _key(data)  # the file is read and hashed once, also when the entry is missing
    return _cached(cache_dir, "ids", key, CourseIds,
                   lambda: _course(data, str(path), cache_dir, key).ids().portable())


def load_search_entries(course: Course, path: Path, cache_dir: Path | None) -> CourseEntries:
    """The course's search entries with their pinyin, kept beside the course
    (building them for 20,000 cards takes seconds; reading them back, 0.1 s)."""
    from gonghui_tui.domain.search import CourseEntries

    try:
        data = read_course_file(path) if cache_dir is not None else None
    except CourseError:
        data = None
    if cache_dir is None or data is None:
        return CourseEntries.of(course)
    return _cached(cache_dir, "search", _key(data), CourseEntries, lambda: CourseEntries.of(course))
