"""Exports: Markdown notes for people, TOML/JSON/CSV for machines, Anki cards."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
import tomllib
from zoneinfo import ZoneInfo

import pytest
from markdown_it import MarkdownIt

from gonghui_tui.domain.export_md import md_escape
from gonghui_tui.exporting import ExportExists, export, render
from gonghui_tui.domain.session import DrillSession
from gonghui_tui.i18n import translator
from gonghui_tui.storage.settings import Settings


@pytest.fixture
def studied(course, store, clock):
    """Two days of study: a section read, a note, every card of 'summary' reviewed."""
    store.set_read(course.id, "direction", True, clock.now())
    store.add_reading_time(course.id, "direction", 185)
    store.save_note(course.id, "direction", "八个坚持要背熟。\n# 不是标题 [@click=app.quit]退出[/]", clock.now())
    s = DrillSession(course, store, clock.now, section_id="summary", fuzzing=False)
    while s.next() is not None:
        s.grade(4)
    clock.advance(days=1)
    s = DrillSession(course, store, clock.now, section_id="summary", fuzzing=False)
    return store


def test_markdown_progress_notes_parse_with_headings_and_figures(course, studied, clock):
    text = render("md", course, studied, clock.now(), Settings(), tz=ZoneInfo("Asia/Shanghai"),
                  t=translator("zh"))
    tokens = MarkdownIt().parse(text)
    headings = [tokens[i + 1].content for i, tok in enumerate(tokens) if tok.type == "heading_open"]
    assert headings[0] == course.title
    assert headings[1:3] == ["概况", "各章节"]
    assert headings[3:] == [s.title for s in course.walk()]  # course order
    assert "已读章节：1/16" in text and "复习次数：3" in text
    # one day is one date, and the 4 a.m. rollover is said beside it
    assert "学习日期：2026-03-02（共 1 天；每个学习日从凌晨 4 点算起）" in text
    direction = text.split("### 工会工作方向与思路")[1].split("###")[0]
    assert "状态：已读" in direction and "阅读时间：3 分钟" in direction
    html = MarkdownIt().render(text)
    assert "<h1>不是标题" not in html and "八个坚持要背熟。" in html  # the note stays literal
    assert "[@click=app.quit]退出[/]" in html


def test_toml_and_json_hold_the_whole_progress(course, studied, clock):
    data = json.loads(render("json", course, studied, clock.now(), Settings()))
    assert data["format"] == "gonghui-tui-progress" and data["format_version"] == 1
    assert data["settings"]["new_cards_per_day"] == 20
    assert [r["card"] for r in data["reviews"]] == ["summary-quality", "summary-adapt", "summary-future"]
    assert data["reviews"][0]["reviewed"] == "2026-03-02T01:30:00.000Z"
    assert {c["id"] for c in data["cards"]} == {"summary-quality", "summary-adapt", "summary-future"}
    assert data["notes"][0]["section"] == "direction"
    assert data["sections"][0] == {"id": "direction", "read": True, "first_read": "2026-03-02T01:30:00.000Z",
                                   "last_read": "2026-03-02T01:30:00.000Z", "seconds": 185.0}
    toml = tomllib.loads(render("toml", course, studied, clock.now(), Settings()))
    # JSON writes null where TOML (which has no null) leaves a key out
    assert toml["reviews"] == [{k: v for k, v in r.items() if v is not None} for r in data["reviews"]]
    assert toml["cards"] == data["cards"]


def test_csv_is_the_review_log(course, studied, clock):
    rows = list(csv.DictReader(io.StringIO(render("csv", course, studied, clock.now(), Settings()))))
    assert len(rows) == 3
    assert rows[0]["card_id"] == "summary-quality" and rows[0]["rating_name"] == "easy"
    assert rows[0]["section_id"] == "summary" and rows[0]["card_kind"] == "basic"
    assert [row["state_before"] for row in rows] == ["0", "0", "0"]  # new cards' first reviews: 0 = new


def test_export_never_overwrites_unless_forced_and_is_private(course, studied, clock, tmp_path):
    target = tmp_path / "out" / "p.md"
    export("md", target, course, studied, clock.now(), Settings(), t=translator("zh"))
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    target.write_text("mine")
    with pytest.raises(ExportExists):
        export("md", target, course, studied, clock.now(), Settings(), t=translator("zh"))
    assert target.read_text() == "mine"
    export("md", target, course, studied, clock.now(), Settings(), force=True, t=translator("zh"))
    assert target.read_text().startswith("# ")


def test_anki_file_imports_into_real_anki_and_again_without_duplicates(course, tmp_path, store, clock):
    anki_collection = pytest.importorskip("anki.collection")
    from anki.import_export_pb2 import ImportCsvRequest

    from dataclasses import replace

    from gonghui_tui.domain.course import Course

    path, newer = tmp_path / "cards.txt", tmp_path / "cards-newer.txt"
    export("anki", path, course, store, clock.now(), Settings())
    # the next edition of the course rewords a question: still the same card (same id)
    cards = [replace(c, front=c.front + "（修订）") if c.id == "eight-4" else c for c in course.cards]
    edited = Course.build(course.id, course.title, course.meta, list(course.sections.values()), cards)
    export("anki", newer, edited, store, clock.now(), Settings())
    col = anki_collection.Collection(str(tmp_path / "collection.anki2"))
    try:
        for source in (path, newer, newer):  # imported again, and over last edition's
            metadata = col.get_csv_metadata(str(source), None)
            col.import_csv(ImportCsvRequest(path=str(source), metadata=metadata))
        notes = [col.get_note(nid) for nid in col.find_notes("")]
        assert len(notes) == 50  # updated in place, not added again
        assert sum("（修订）" in n.fields[0] for n in notes) == 1
        kinds = sorted(n.note_type()["name"] for n in notes)
        assert kinds.count("Cloze") == 14 and kinds.count("Basic (type in the answer)") == 7
        assert kinds.count("Basic") == 29
        assert "工会干部培训" in [d.name for d in col.decks.all_names_and_ids()]
        tags = {tag for n in notes for tag in n.tags}
        assert "工会干部培训::工会工作方向与思路::八个坚持" in tags
        cloze = next(n for n in notes if "走近职工" in n.fields[0])
        assert "{{c1::走近职工}}" in cloze.fields[0]
        typed = next(n for n in notes if n.note_type()["name"] == "Basic (type in the answer)")
        card = next(c for c in course.cards if c.kind.value == "typed" and c.front in typed.fields[0])
        assert typed.fields[1] == card.answers[0]  # Anki compares the typed answer with this field
        assert len(col.find_cards("deck:工会干部培训")) == 50
    finally:
        col.close()


def test_times_formatted_by_sqlite_match_python_to_the_millisecond(store, clock):
    import random

    from gonghui_tui.domain.export import iso, parse_iso

    rng = random.Random(5)
    moments = [rng.randint(0, 4_102_444_800_000) for _ in range(2000)] + [0, 999, 86_399_999]
    with store.transaction() as c:
        c.executemany("INSERT INTO review_log (course_id, card_id, rating, reviewed_ms) VALUES ('c', 'k', 3, ?)",
                      [(ms,) for ms in moments])
    formatted = [row[2] for row in store.review_rows_iso("c")]
    assert formatted == [iso(ms) for ms in sorted(moments)]
    assert [parse_iso(text) for text in formatted] == sorted(moments)


def test_markdown_notes_speak_the_language_they_are_given(course, studied, clock):
    """The translator passed in decides, not the interface's current language."""
    english = render("md", course, studied, clock.now(), Settings(), tz=ZoneInfo("Asia/Shanghai"),
                     t=translator("en"))
    content = {course.title, *(s.title for s in course.walk()), *(c.front for c in course.cards)}
    words = english
    for text in sorted(content, key=len, reverse=True):
        words = words.replace(md_escape(text), "")
    words = re.sub(r"^> .*$", "", words, flags=re.M)  # the trainee's own note
    assert not re.search(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]", words), words
    assert "- Days studied: 2026-03-02 (1 day; a study day starts at 4 a.m.)" in english
    assert "- Status: read, time spent: 3 min" in english


def test_json_export_is_written_in_pieces_and_parses_whole(course, store, clock, tmp_path, monkeypatch):
    """1,000,000 reviews are streamed to the file batch by batch, never built as one string."""
    import json as jsonlib

    from gonghui_tui.domain import export as export_module
    from gonghui_tui.domain.session import DrillSession
    from gonghui_tui.storage.store import Store

    session = DrillSession(course, store, clock.now, section_id="background", fuzzing=False)
    for _ in range(5):
        session.next()
        session.grade(3)
    batches = []
    real = Store.review_json_rows

    def small_batches(self, course_id, batch=10_000):
        for rows in real(self, course_id, batch=2):
            batches.append(len(rows))
            yield rows

    monkeypatch.setattr(Store, "review_json_rows", small_batches)
    monkeypatch.setattr(export_module, "to_json", lambda *a: pytest.fail("built as one string"))
    target = export("json", tmp_path / "p.json", course, store, clock.now(), Settings())
    data = jsonlib.loads(target.read_text(encoding="utf-8"))
    assert batches == [2, 2, 1] and len(data["reviews"]) == 5
    assert [r["rating"] for r in data["reviews"]] == [3] * 5
