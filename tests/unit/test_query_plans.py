"""Imports and stats read review_log through its indexes (issue 18.1).

Every statement the import and stats paths run is recorded and asked for its
plan (EXPLAIN QUERY PLAN). A table scan of review_log fails the test, and so
does a statement that names a card but searches by course alone — the
per-card DELETE that cost 65 ms a card at 200,000 reviews.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from gonghui_tui.domain.importer import import_progress
from gonghui_tui.domain.stats import compute_stats
from gonghui_tui.exporting import export
from gonghui_tui.storage.settings import Settings
from gonghui_tui.storage.store import Store
from tests.unit.import_helpers import study
from tests.unit.sql_trace import traced


def recorded(store: Store, action) -> list[str]:
    return [s for s in traced(store, action) if "review_log" in s and not s.lstrip().upper().startswith("EXPLAIN")]


def bad_plans(conn: sqlite3.Connection, statements: list[str]) -> list[tuple[str, str]]:
    bad = []
    for sql in statements:
        if not re.match(r"\s*(SELECT|DELETE|UPDATE|WITH)", sql, re.I):
            continue
        for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}"):
            detail = row[-1]
            if not re.search(r"\breview_log\b", detail):
                continue
            table_scan = detail.startswith("SCAN review_log") and "INDEX" not in detail
            where = re.split(r"\b(GROUP|ORDER|LIMIT)\b", sql.split("WHERE", 1)[-1])[0]
            by_course_only = re.search(r"\bcard_id\s*(=|IN\b)", where) and "card_id=" not in detail
            if table_scan or (detail.startswith("SEARCH") and by_course_only):
                bad.append((sql, detail))
    return bad


@pytest.fixture
def two_machines(course, store, clock, tmp_path):
    study(course, store, clock, "summary", rating=3)
    other = Store.open(tmp_path / "other" / "progress.sqlite3", clock.now())
    study(course, other, clock, "summary", rating=3)
    clock.advance(days=3)
    study(course, other, clock, "summary", rating=1)  # new reviews of cards both machines know
    path = tmp_path / "other.json"
    export("json", path, course, other, clock.now(), Settings())
    other.close()
    return path


def test_import_reads_review_log_by_card_through_an_index(course, store, clock, two_machines):
    statements = recorded(store, lambda: import_progress(course, store, two_machines, clock.now()))
    assert any("card_id" in s for s in statements)
    assert bad_plans(store.conn, statements) == []


def test_stats_never_scan_review_log(course, store, clock, two_machines):
    import_progress(course, store, two_machines, clock.now())
    statements = recorded(store, lambda: compute_stats(course, store, clock.now(), 0.9))
    assert statements
    assert bad_plans(store.conn, statements) == []


def test_the_check_catches_a_scan(store):
    plans = bad_plans(store.conn, ["SELECT * FROM review_log WHERE rating = 3",
                                   "DELETE FROM review_log WHERE course_id = 'c' AND card_id = 'x'"])
    assert len(plans) == 1 and "rating" in plans[0][0]
    store.conn.execute("DROP INDEX review_log_card")  # as on main before this index
    fresh = sqlite3.connect(store.path)  # the store's connection caches the old plan
    assert len(bad_plans(fresh, ["DELETE FROM review_log WHERE course_id = 'c' AND card_id = 'x'"])) == 1
    fresh.close()


def test_every_store_keeps_the_card_index(tmp_path: Path, clock):
    store = Store.open(tmp_path / "p.sqlite3", clock.now())
    columns = [r[2] for r in store.conn.execute("PRAGMA index_info(review_log_card)")]
    assert columns == ["course_id", "card_id", "reviewed_ms", "rating"]
    store.close()


def test_rewriting_a_card_log_from_a_review_on_searches_the_card_index(course, store, clock, tmp_path):
    """An import with a review older than a card's stored ones replaces that card's
    rows from there on; the DELETE finds them through review_log_card."""
    other = Store.open(tmp_path / "older" / "progress.sqlite3", clock.now())
    study(course, other, clock, "overview", rating=4)  # the other machine first ...
    path = tmp_path / "older.json"
    export("json", path, course, other, clock.now(), Settings())
    other.close()
    clock.advance(days=2)
    study(course, store, clock, "overview", rating=1)  # ... this one later, so the file's reviews go first
    statements = recorded(store, lambda: import_progress(course, store, path, clock.now()))
    deletes = [s for s in statements if s.lstrip().upper().startswith("DELETE")]
    assert deletes and all("reviewed_ms" in s for s in deletes)
    assert bad_plans(store.conn, deletes) == []
    plan = " ".join(row[-1] for row in store.conn.execute(f"EXPLAIN QUERY PLAN {deletes[0]}"))
    assert "review_log_card" in plan and "reviewed_ms" in plan
