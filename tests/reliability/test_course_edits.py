"""Editing the course between runs keeps every bit of progress."""

from __future__ import annotations

import json
import re

from gonghui_tui.cli import main
from gonghui_tui.domain.loader import load_course
from gonghui_tui.domain.session import DrillSession
from gonghui_tui.domain.stats import compute_stats
from gonghui_tui.paths import bundled_course
from gonghui_tui.storage.store import Store


def edited_course_text() -> str:
    text = bundled_course().read_text(encoding="utf-8")
    blocks = text.split("\n[[cards]]\n")
    kept = []
    for block in blocks:
        if 'id = "eight-2"' in block:
            continue  # card removed
        block = block.replace('id = "roles-inside"', 'id = "roles-inside-renamed"')  # renamed
        if 'id = "eight-1"' in block:
            block = block.replace('section = "direction-eight"', 'section = "direction"')  # moved
        if 'section = "summary"' in block:
            continue  # the cards of the removed section go too
        kept.append(block)
    text = "\n[[cards]]\n".join(kept)
    # remove the summary section
    return re.sub(r'\[\[sections\]\]\nid = "summary".*?(?=# =====)', "", text, flags=re.S)


def test_progress_survives_edits_and_vanished_ids_are_kept(tmp_path, clock, capsys, plain_course):
    home = tmp_path / "home"
    original = plain_course  # the bundled course, studied a whole section a day (no sibling rule)
    store = Store.open(home / "progress.sqlite3", clock.now())
    for section in ("direction-eight", "roles-awareness"):
        session = DrillSession(original, store, clock.now, section_id=section, fuzzing=False)
        while session.next() is not None:
            session.grade(4)
    store.set_read(original.id, "summary", True, clock.now())
    store.set_read(original.id, "direction-eight", True, clock.now())
    store.save_note(original.id, "summary", "总结的笔记", clock.now())
    before = store.cards(original.id)
    reviews_before = store.reviews(original.id)
    store.close()

    edited_path = tmp_path / "edited.toml"
    edited_path.write_text(edited_course_text(), encoding="utf-8")
    edited = load_course(edited_path)
    assert edited.card("eight-2") is None and edited.card("eight-1").section == "direction"
    assert "summary" not in edited.sections

    store = Store.open(home / "progress.sqlite3", clock.now())
    after = store.cards(edited.id)
    assert after == before  # nothing rewritten, nothing deleted
    assert store.reviews(edited.id) == reviews_before
    stats = compute_stats(edited, store, clock.now())
    assert stats.orphaned == {"cards": 2, "reviews": 2, "sections": 1, "notes": 1}
    assert stats.sections_read == 1 and stats.sections_total == len(original.sections) - 1
    # the moved card is still studied, under its new section
    session = DrillSession(edited, store, clock.now, section_id="direction", fuzzing=False)
    assert "eight-1" not in session.queue  # reviewed, not due: its schedule came along
    store.close()

    assert main(["--data-dir", str(home), "--course", str(edited_path), "stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["orphaned"]["cards"] == 2
    assert main(["--data-dir", str(home), "stats", "--json"]) == 0  # back on the original course
    figures = json.loads(capsys.readouterr().out)
    assert figures["orphaned"] == {"cards": 0, "reviews": 0, "sections": 0, "notes": 0}
    assert figures["sections_read"] == 2 and figures["reviews_total"] == len(reviews_before)
