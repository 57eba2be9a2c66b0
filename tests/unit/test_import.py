"""Importing a progress export from another machine."""

from __future__ import annotations

import json
from datetime import timedelta, timezone

import pytest

from gonghui_tui.cli import main
from gonghui_tui.exporting import export
from gonghui_tui.domain.importer import ImportProblem, import_progress
from gonghui_tui.domain.session import DrillSession
from gonghui_tui.i18n import set_language, translator
from gonghui_tui.storage.settings import Settings
from gonghui_tui.storage.store import Store


def study(course, store, clock, section, rating=3):
    s = DrillSession(course, store, clock.now, section_id=section, fuzzing=False)
    while (card := s.next()) is not None:
        s.grade(rating)
        clock.advance(minutes=11)


def other_store(tmp_path, clock, name="other") -> Store:
    return Store.open(tmp_path / name / "progress.sqlite3", clock.now())


def laptop_with_desktops(course, store, clock, tmp_path, *sections, rating=3):
    """The desktop (``store``) studies ``sections`` and exports; a laptop imports the file.
    Returns the laptop's store and the file."""
    laptop = other_store(tmp_path, clock, "laptop")
    for section in sections:
        study(course, store, clock, section, rating=rating)
    path = tmp_path / "first.json"
    export("json", path, course, store, clock.now(), Settings())
    import_progress(course, laptop, path, clock.now())
    return laptop, path


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_import_twice_changes_nothing_the_second_time(course, store, clock, tmp_path, fmt):
    study(course, store, clock, "summary")
    store.save_note(course.id, "summary", "总结笔记", clock.now())
    store.set_read(course.id, "summary", True, clock.now())
    path = tmp_path / f"p.{fmt}"
    export(fmt, path, course, store, clock.now(), Settings())
    target = other_store(tmp_path, clock)
    first = import_progress(course, target, path, clock.now())
    assert first.reviews_added == len(store.reviews(course.id)) and first.notes_added == 1
    snapshot = (target.cards(course.id), target.reviews(course.id), target.notes(course.id),
                target.sections(course.id))
    second = import_progress(course, target, path, clock.now())
    assert (second.reviews_added, second.cards_rescheduled, second.notes_added,
            second.notes_kept_beside, second.sections_updated) == (0, 0, 0, 0, 0)
    assert (target.cards(course.id), target.reviews(course.id), target.notes(course.id),
            target.sections(course.id)) == snapshot


def test_round_trip_gives_identical_stats(course, plain_course, store, clock, tmp_path, capsys, monkeypatch):
    home_a, home_b = tmp_path / "a", tmp_path / "b"
    a = Store.open(home_a / "progress.sqlite3", clock.now())
    study(plain_course, a, clock, "direction-eight", rating=3)  # every card, siblings too
    clock.advance(days=3)
    study(plain_course, a, clock, "direction-eight", rating=2)
    a.set_read(course.id, "direction", True, clock.now())
    a.add_reading_time(course.id, "direction", 321)
    a.save_note(course.id, "direction", "笔记", clock.now())
    a.close()
    exported = tmp_path / "export.json"
    assert main(["--data-dir", str(home_a), "export", "--format", "json", "-o", str(exported)]) == 0
    assert main(["--data-dir", str(home_b), "import", str(exported)]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(home_a), "stats", "--json"]) == 0
    stats_a = json.loads(capsys.readouterr().out)
    assert main(["--data-dir", str(home_b), "stats", "--json"]) == 0
    stats_b = json.loads(capsys.readouterr().out)
    assert stats_a["reviews_total"] > 10
    assert stats_a == stats_b


def test_new_reviews_for_a_studied_card_reschedule_it_from_the_merged_log(course, store, clock, tmp_path):
    laptop = other_store(tmp_path, clock, "laptop")
    study(course, store, clock, "overview", rating=4)  # desktop: one Easy review
    export_path = tmp_path / "desktop.json"
    export("json", export_path, course, store, clock.now(), Settings())
    clock.advance(days=2)
    study(course, laptop, clock, "overview", rating=1)  # laptop: an Again later on
    result = import_progress(course, laptop, export_path, clock.now())
    assert result.reviews_added == 1 and result.cards_rescheduled == 1
    log = laptop.reviews(course.id)
    assert [r.rating for r in log] == [4, 1] + [r.rating for r in log][2:]
    record = laptop.card(course.id, "overview-trainer")
    assert record.reps == len(log) and record.lapses == 1  # the Again now lapses a review card
    assert log[1].state_before == 2


def test_conflicting_note_is_kept_beside_the_local_one(course, store, clock, tmp_path):
    store.save_note(course.id, "summary", "家里写的", clock.now())
    path = tmp_path / "home.json"
    export("json", path, course, store, clock.now(), Settings())
    office = other_store(tmp_path, clock, "office")
    clock.advance(hours=1)
    office.save_note(course.id, "summary", "办公室写的，更新", clock.now())
    result = import_progress(course, office, path, clock.now())
    assert result.notes_kept_beside == 1
    note = office.note(course.id, "summary")
    assert note.startswith("办公室写的，更新") and note.endswith("\n家里写的")
    assert "———— 2026-" in note  # the older note is dated under a words-free rule
    assert import_progress(course, office, path, clock.now()).notes_kept_beside == 0


def test_merged_notes_do_not_depend_on_the_interface_language(course, store, clock, tmp_path):
    store.save_note(course.id, "summary", "家里写的", clock.now())
    path = tmp_path / "home.json"
    export("json", path, course, store, clock.now(), Settings())
    merged = []
    for lang in ("zh", "en"):
        office = other_store(tmp_path, clock, f"office-{lang}")
        office.save_note(course.id, "summary", "办公室写的", clock.now() + timedelta(hours=1))
        set_language(lang)
        try:
            import_progress(course, office, path, clock.now())
        finally:
            set_language("zh")
        merged.append(office.note(course.id, "summary"))
    assert merged[0] == merged[1]
    assert "导入" not in merged[0] and "import" not in merged[0].lower()
    assert import_progress(course, office, path, clock.now()).notes_kept_beside == 0


def test_bad_files_are_refused_with_one_line(course, store, clock, tmp_path):
    junk = tmp_path / "junk.json"
    junk.write_text("{not json")
    with pytest.raises(ImportProblem) as caught:
        import_progress(course, store, junk, clock.now())
    assert caught.value.message.render(translator("en")) == f"{junk}:1:2: not a JSON or TOML export"
    assert caught.value.message.render(translator("zh")) == f"{junk}:1:2: 不是 JSON 或 TOML 格式的导出文件"
    alien = tmp_path / "alien.json"
    alien.write_text(json.dumps({"format": "gonghui-tui-progress", "format_version": 1,
                                 "course": {"id": "another-course"}}))
    with pytest.raises(ImportProblem) as caught:
        import_progress(course, store, alien, clock.now())
    assert "another-course" in caught.value.message.render(translator("zh"))
    assert main(["import", str(junk)]) == 2


def test_a_store_that_knows_some_cards_takes_the_rest_as_filed(course, store, clock, tmp_path):
    """One file, two kinds of card: those this store has a log for are replayed with
    the file's new reviews; those it has never reviewed take the file's state and log."""
    laptop = other_store(tmp_path, clock, "laptop")
    study(course, laptop, clock, "overview", rating=3)
    study(course, store, clock, "overview", rating=4)  # the desktop knows these cards too
    study(course, laptop, clock, "summary", rating=2)  # ... but never saw these
    path = tmp_path / "laptop.json"
    export("json", path, course, laptop, clock.now(), Settings())
    known = {r.card_id for r in store.reviews(course.id)}
    result = import_progress(course, store, path, clock.now())
    assert result.reviews_added == len(laptop.reviews(course.id))
    assert result.cards_rescheduled == len(known)
    mine, theirs = store.cards(course.id), laptop.cards(course.id)
    fresh = {card_id for card_id in theirs if card_id not in known}
    assert fresh and all(mine[c].reps == theirs[c].reps and mine[c].due_ms == theirs[c].due_ms for c in fresh)
    log = store.reviews(course.id)
    for card_id in known:  # replayed from the merged log: both machines' reviews count
        ratings = [r.rating for r in log if r.card_id == card_id]
        assert 3 in ratings and 4 in ratings and mine[card_id].reps == len(ratings)
    assert [r.state_before for r in log if r.card_id in fresh] == \
        [r.state_before for r in laptop.reviews(course.id) if r.card_id in fresh]


def test_reviews_after_the_stored_ones_do_not_read_the_stored_log(course, store, clock, tmp_path, monkeypatch):
    """18.1: appending costs what it adds. A card whose new reviews all come after its
    stored ones goes on from its stored state; its stored log is not read back (a
    replay from the first review read and graded every stored review again). A card
    whose new review falls before a stored one is still replayed from the start."""
    laptop, first = laptop_with_desktops(course, store, clock, tmp_path, "summary")

    clock.advance(days=3)
    study(course, store, clock, "summary", rating=4)
    second = tmp_path / "second.json"
    export("json", second, course, store, clock.now(), Settings())
    data = json.loads(second.read_text(encoding="utf-8"))
    early = dict(data["reviews"][0], reviewed="2020-01-01T00:00:00.000Z")  # before every stored review
    data["reviews"].append(early)
    second.write_text(json.dumps(data), encoding="utf-8")
    read_back: list[str] = []
    histories = laptop.card_histories
    monkeypatch.setattr(laptop, "card_histories",
                        lambda course_id, ids: read_back.extend(ids) or histories(course_id, ids))
    result = import_progress(course, laptop, second, clock.now())

    assert result.reviews_added == len(data["reviews"]) - len(json.loads(first.read_text("utf-8"))["reviews"])
    assert read_back == [early["card"]]  # only the card with a review before its stored ones
    for card in course.cards_under("summary"):
        if card.id != early["card"]:  # the desktop graded without fuzzing: same state either way
            mine, theirs = laptop.card(course.id, card.id), store.card(course.id, card.id)
            assert (mine.state, mine.due_ms, mine.stability, mine.difficulty, mine.reps) == \
                   (theirs.state, theirs.due_ms, theirs.stability, theirs.difficulty, theirs.reps)
    assert laptop.card(course.id, early["card"]).reps == store.card(course.id, early["card"]).reps + 1


def test_a_review_the_file_lists_twice_is_stored_once(course, store, clock, tmp_path):
    study(course, store, clock, "summary")
    path = tmp_path / "twice.json"
    export("json", path, course, store, clock.now(), Settings())
    data = json.loads(path.read_text(encoding="utf-8"))
    data["reviews"].append(dict(data["reviews"][0]))
    path.write_text(json.dumps(data), encoding="utf-8")
    target = other_store(tmp_path, clock)
    result = import_progress(course, target, path, clock.now())
    assert result.reviews_added == len(data["reviews"]) - 1
    assert len(target.reviews(course.id)) == len(store.reviews(course.id))


def test_reviews_after_the_stored_ones_are_added_without_rewriting_the_log(course, store, clock, tmp_path):
    """18.1: the cost of an import follows what it adds. Reviews that all come after
    a card's stored ones are appended; the stored rows stay as they were (before,
    each touched card's whole log was deleted and written again). The card ends as
    a replay of the whole merged log."""
    laptop, first = laptop_with_desktops(course, store, clock, tmp_path, "summary")
    rows_before = laptop.conn.execute("SELECT id, card_id, reviewed_ms, before_json FROM review_log").fetchall()

    clock.advance(days=3)
    study(course, store, clock, "summary", rating=2)  # later reviews of the same cards
    second = tmp_path / "second.json"
    export("json", second, course, store, clock.now(), Settings())
    result = import_progress(course, laptop, second, clock.now())

    rows_after = laptop.conn.execute("SELECT id, card_id, reviewed_ms, before_json FROM review_log").fetchall()
    assert result.reviews_added == len(rows_after) - len(rows_before) > 0
    assert rows_after[:len(rows_before)] == rows_before  # same ids, same rows
    for card in course.cards_under("summary"):  # the desktop graded without fuzzing: a replay gives the same
        mine, theirs = laptop.card(course.id, card.id), store.card(course.id, card.id)
        assert (mine.state, mine.due_ms, mine.stability, mine.difficulty, mine.reps) == \
               (theirs.state, theirs.due_ms, theirs.stability, theirs.difficulty, theirs.reps)


def test_a_card_with_as_many_reviews_but_a_different_one_gains_it(course, store, clock, tmp_path):
    """18.1: a card is compared by its number of reviews and the sum of their keys
    before any stored review is read. Same number, one review different: the
    different one is still found and added."""
    laptop, path = laptop_with_desktops(course, store, clock, tmp_path, "summary")
    data = json.loads(path.read_text(encoding="utf-8"))
    moved = dict(data["reviews"][-1], reviewed="2020-01-01T00:00:00.000Z")
    data["reviews"][-1] = moved  # the card's last review is replaced: its count stays
    path.write_text(json.dumps(data), encoding="utf-8")
    before = len(laptop.reviews(course.id))
    result = import_progress(course, laptop, path, clock.now())
    assert (result.reviews_added, result.cards_rescheduled) == (1, 1)
    assert len(laptop.reviews(course.id)) == before + 1
    assert any(r.card_id == moved["card"] and r.reviewed_ms == 1577836800000 for r in laptop.reviews(course.id))


def test_only_the_cards_the_file_changes_have_their_stored_reviews_read(course, store, clock, tmp_path, monkeypatch):
    """18.1: the cost of an import follows what it adds. Cards whose reviews in the
    file are the stored ones cost one row each from SQLite (count and key sum);
    the stored reviews of the others are read, and only theirs."""
    laptop, first = laptop_with_desktops(course, store, clock, tmp_path, "summary", "overview")
    data = json.loads(first.read_text(encoding="utf-8"))
    card = data["reviews"][0]["card"]
    later = (clock.now() + timedelta(days=30)).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    data["reviews"].append(dict(data["reviews"][0], reviewed=later))  # a month on
    second = tmp_path / "second.json"
    second.write_text(json.dumps(data), encoding="utf-8")
    clock.advance(days=31)
    asked: list[str] = []
    keys = laptop.review_keys
    monkeypatch.setattr(laptop, "review_keys", lambda course_id, ids: asked.extend(ids) or keys(course_id, ids))
    result = import_progress(course, laptop, second, clock.now())
    assert (result.reviews_added, result.cards_rescheduled) == (1, 1)
    assert asked == [card]
    assert laptop.card(course.id, card).reps == store.card(course.id, card).reps + 1


def test_a_bulk_import_leaves_the_indexes_a_new_store_has(course, store, clock, tmp_path, monkeypatch):
    """The log's indexes are dropped for a bulk import and built once after it;
    the store ends with exactly the indexes (and query plans) a new store has."""
    from gonghui_tui.storage import import_writes

    study(course, store, clock, "summary")
    study(course, store, clock, "overview")
    path = tmp_path / "p.json"
    export("json", path, course, store, clock.now(), Settings())
    monkeypatch.setattr(import_writes, "BULK_IMPORT_ROWS", 0)
    target = other_store(tmp_path, clock)
    fresh = other_store(tmp_path, clock, "fresh")
    dropped: list[str] = []
    target.conn.set_trace_callback(lambda sql: dropped.append(sql) if sql.startswith("DROP INDEX") else None)
    result = import_progress(course, target, path, clock.now())
    assert result.reviews_added == len(store.reviews(course.id)) > 0
    assert len(dropped) == 2  # the bulk path was taken
    schema = "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
    assert target.conn.execute(schema).fetchall() == fresh.conn.execute(schema).fetchall()
    assert [(r.card_id, r.rating, r.reviewed_ms, r.state_before) for r in target.reviews(course.id)] == \
        [(r.card_id, r.rating, r.reviewed_ms, r.state_before) for r in store.reviews(course.id)]
