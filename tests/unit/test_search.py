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
