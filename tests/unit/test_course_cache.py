"""The course cache: used when the file is unchanged, ignored when it changed
or the cache entry is damaged."""

from __future__ import annotations

import pytest

from gonghui_tui.domain import loader
from gonghui_tui.paths import bundled_course
from gonghui_tui.storage import course_cache
from gonghui_tui.storage.course_cache import load_course_cached


def test_second_load_comes_from_the_cache(tmp_path, monkeypatch):
    source = tmp_path / "course.toml"
    source.write_bytes(bundled_course().read_bytes())
    first = load_course_cached(source, tmp_path / "cache")
    monkeypatch.setattr(course_cache, "parse_course", lambda *a: pytest.fail("parsed again"))
    second = load_course_cached(source, tmp_path / "cache")
    assert second == first and len(second.cards) == 50


def test_an_edited_file_is_parsed_again(tmp_path):
    source = tmp_path / "course.toml"
    source.write_bytes(bundled_course().read_bytes())
    load_course_cached(source, tmp_path / "cache")
    source.write_text(source.read_text(encoding="utf-8").replace("总结与展望", "总结"), encoding="utf-8")
    assert load_course_cached(source, tmp_path / "cache").sections["summary"].title == "总结"
    assert len(list((tmp_path / "cache").glob("course-*.pickle"))) == 1  # the old entry is gone


def test_a_damaged_entry_is_rebuilt_and_errors_still_reported(tmp_path):
    source = tmp_path / "course.toml"
    source.write_bytes(bundled_course().read_bytes())
    load_course_cached(source, tmp_path / "cache")
    entry = next((tmp_path / "cache").glob("course-*.pickle"))
    entry.write_bytes(b"\x80\x05garbage")
    assert len(load_course_cached(source, tmp_path / "cache").cards) == 50
    source.write_text("[course]\n", encoding="utf-8")
    with pytest.raises(loader.CourseError):
        load_course_cached(source, tmp_path / "cache")


def test_search_entries_are_built_once_per_course_version(tmp_path, monkeypatch):
    from gonghui_tui.domain import search
    from gonghui_tui.storage.course_cache import load_search_entries

    source = tmp_path / "course.toml"
    source.write_bytes(bundled_course().read_bytes())
    course = load_course_cached(source, tmp_path / "cache")
    first = load_search_entries(course, source, tmp_path / "cache")
    assert len(list((tmp_path / "cache").glob("search-*.pickle"))) == 1
    real_of = search.CourseEntries.of
    monkeypatch.setattr(search.CourseEntries, "of", classmethod(lambda cls, c: pytest.fail("built again")))
    again = load_search_entries(course, source, tmp_path / "cache")
    assert again.full == first.full and again.texts == first.texts
    # an edited course is a new version: its entries are built, and the old ones dropped
    monkeypatch.setattr(search.CourseEntries, "of", classmethod(lambda cls, c: real_of(c)))
    source.write_text(source.read_text(encoding="utf-8").replace("总结与展望", "总结"), encoding="utf-8")
    edited = load_course_cached(source, tmp_path / "cache")
    assert "总结" in load_search_entries(edited, source, tmp_path / "cache").texts
    assert len(list((tmp_path / "cache").glob("search-*.pickle"))) == 1


def test_a_cache_written_by_another_layout_of_the_course_classes_is_not_read():
    """Slotted dataclasses pickle their values as a list, plain ones as a dict: a
    cache written before a course class got slots would fill every field with a
    field's name (card.id == "id") if the key did not change with the layout.
    (Slots were tried for Card and Section: 3 MB less at L, but unpickling then
    runs dataclasses' Python __setstate__ per object, 0.3 s more at start-up.)"""
    import dataclasses
    import types

    def module(slots: bool) -> types.ModuleType:
        made = types.ModuleType("course_like")

        @dataclasses.dataclass(frozen=True, slots=slots)
        class Card:
            id: str
            front: str

        made.Card = Card
        return made

    assert course_cache._shape(module(True)) != course_cache._shape(module(False))


def test_import_reads_the_course_ids_alone_and_follows_an_edit(tmp_path, monkeypatch):
    """The ids import checks against come from their own small entry, never from
    unpickling the whole course; an edited course or a damaged entry gives the new ids."""
    from gonghui_tui.storage.course_cache import load_course_ids_cached

    source = tmp_path / "course.toml"
    source.write_bytes(bundled_course().read_bytes())
    cache = tmp_path / "cache"
    course = load_course_cached(source, cache)  # as the app's first start: the ids entry comes with it
    monkeypatch.setattr(course_cache, "load_course_cached", lambda *a: pytest.fail("whole course loaded"))
    first = load_course_ids_cached(source, cache)
    assert (first.id, set(first.card_ids), set(first.section_ids)) == \
        (course.id, set(course.card_ids()), set(course.sections))
    monkeypatch.undo()
    source.write_text(source.read_text(encoding="utf-8").replace('"summary"', '"wrap-up"'),
                      encoding="utf-8")
    edited = load_course_ids_cached(source, cache)
    assert "wrap-up" in edited.section_ids and "summary" not in edited.section_ids
    next(cache.glob("ids-*.pickle")).write_bytes(b"\x80\x05garbage")
    assert load_course_ids_cached(source, cache) == edited
    assert len(list(cache.glob("ids-*.pickle"))) == 1
