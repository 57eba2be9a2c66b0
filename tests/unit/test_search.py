"""Search by Chinese substring, full pinyin and pinyin initials."""

from __future__ import annotations

import pytest

from gonghui_tui.domain.search import SearchIndex


@pytest.fixture(scope="module")
def index(course):
    return SearchIndex(course, {"summary": "我的笔记：要记住与时俱进"})


@pytest.mark.parametrize("query", ["八个坚持", "bgjc", "bagejianchi", "BaGe JianChi", "ba'ge"])
def test_eight_persistences_found_every_way(index, query):
    first = index.search(query)[0]
    assert first.entry.kind == "title" and first.entry.section_id == "direction-eight"
    assert first.entry.text[first.start:first.start + first.length].startswith("八个")


def test_pinyin_match_maps_back_to_the_characters(index):
    hit = next(r for r in index.search("niangjiaren") if r.entry.kind == "title")
    assert hit.entry.text[hit.start:hit.start + hit.length] == "娘家人"


def test_bodies_lists_notes_and_cards_are_searched(index):
    kinds = {r.entry.kind for r in index.search("与时俱进")}
    assert {"body", "list", "note", "card"} <= kinds
    note = next(r for r in index.search("ysjj") if r.entry.kind == "note")
    assert note.entry.section_id == "summary"
    card = next(r for r in index.search("郭英东") if r.entry.kind == "card")
    assert card.entry.card_id == "overview-trainer" and card.entry.section_id == "overview"


def test_nothing_for_empty_or_unknown(index):
    assert index.search("   ") == []
    assert index.search("zzzzqqq") == []


def _shown(results):
    return [(r.entry.kind, r.entry.section_id, r.entry.text, r.start, r.length) for r in results]


@pytest.mark.parametrize("query", ["bagejianchi", "njr", "ysjj", "gonghui ganbu", "与时俱进", "FSRS", "zhigong"])
def test_typing_a_query_key_by_key_finds_what_a_fresh_search_finds(course, query):
    """Each keystroke only looks at the previous keystroke's hits; that must never lose one."""
    typed = SearchIndex(course, {"summary": "我的笔记：要记住与时俱进"})
    for end in range(1, len(query) + 1):
        fresh = SearchIndex(course, {"summary": "我的笔记：要记住与时俱进"})
        assert _shown(typed.search(query[:end])) == _shown(fresh.search(query[:end])), query[:end]


def test_a_changed_note_is_found_and_a_removed_one_is_not(course):
    index = SearchIndex(course, {})
    assert not [r for r in index.search("xinde") if r.entry.kind == "note"]
    index.set_notes({"summary": "学习心得"})
    assert [r.entry.section_id for r in index.search("xinde") if r.entry.kind == "note"] == ["summary"]
    index.set_notes({})
    assert not [r for r in index.search("xinde") if r.entry.kind == "note"]


def test_pinyin_comes_without_the_phrase_dictionary():
    """Per-character readings need pypinyin's character table only: its phrase
    dictionary costs 57 MB and 0.23 s (docs/performance.md)."""
    import subprocess
    import sys

    code = ("import sys; from gonghui_tui.domain.search import PinyinText; "
            "p = PinyinText('八个坚持'); print(p.full, p.initials, 'pypinyin.phrases_dict' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["bagejianchi", "bgjc", "False"]
